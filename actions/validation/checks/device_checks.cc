// Devices and the session: all I/O virtual, no tape or optical device, no
// open CAPI device, no virtual log or GRE tunnel; not run from the console
// or inside a WPAR.
#include "actions/validation/checks/check.h"
#include "actions/validation/checks/text.h"

namespace lvu::actions {
namespace {

Verdict NoneOf(const std::vector<std::string>& found, const std::string& what, const std::string& fix,
               std::string* t) {
  if (found.empty()) return Verdict::kPass;
  *t = what + " found: " + JoinNames(found) + "; " + fix;
  return Verdict::kFail;
}

}  // namespace

void AddDeviceChecks(std::vector<CheckDef>* out) {
  out->push_back({"devices.tape", Section::kOther, "no local tape devices found.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return NoneOf(s.os.tape_devices, "local tape devices", "remove them (rmdev -dl).", t);
                  }});
  out->push_back({"devices.optical", Section::kOther, "no optical devices found.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return NoneOf(s.os.optical_devices, "optical devices", "remove them (rmdev -dl).", t);
                  }});
  out->push_back({"devices.virtual", Section::kOther, "all devices are virtual devices.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return NoneOf(s.os.physical_devices, "devices that are not virtual",
                                  "all I/O must be virtualized through the VIOS.", t);
                  }});
  out->push_back({"devices.capi", Section::kOther, "no CAPI device is open.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return NoneOf(s.os.open_capi_devices, "open CAPI devices",
                                  "close them (stop their applications) first.", t);
                  }});
  out->push_back({"devices.vlog", Section::kOther, "no virtual log device configured.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return NoneOf(s.os.vlog_devices, "virtual log devices", "remove them (rmdev -dl).", t);
                  }});
  out->push_back({"net.gre", Section::kOther, "no Generic Routing Encapsulation (GRE) tunnel configured.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return NoneOf(s.os.gre_tunnels, "Generic Routing Encapsulation (GRE) tunnels",
                                  "remove them (rmdev -dl).", t);
                  }});
  out->push_back({"session.console", Section::kOther, "live update not executed from console.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (!s.os.console_session) return Verdict::kPass;
                    *t = "live update executed from the console: run it from a network session.";
                    return Verdict::kFail;
                  }});
  out->push_back({"session.environment", Section::kOther, "the execution environment is valid.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (s.os.environment == "global") return Verdict::kPass;
                    *t = "the execution environment is not valid (" + s.os.environment +
                         "): run live update in the global environment, as root.";
                    return Verdict::kFail;
                  }});
}

}  // namespace lvu::actions
