// The HMC: an hmcauth token that matches lvupdate.data and that the HMC
// accepts, requests that succeed, and what the surrogate needs from the
// frame (an lpar_id, a virtual slot, vNIC ports, processors and memory, a
// supported firmware), with a partition profile live update supports (not
// remote restart capable, not on Active Memory Sharing without room).
#include <cstdio>

#include "actions/validation/checks/check.h"
#include "actions/validation/checks/firmware.h"

namespace lvu::actions {
namespace {

constexpr const char* kNoAuth = "No valid authentication with an HMC console";

std::string Units(double u) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", u);
  return buf;
}

Verdict TokenPresent(const Snapshot& s, std::string* t) {
  if (s.token_status.ok()) return Verdict::kPass;
  if (s.token_status.IsNotFound()) {
    *t = std::string(kNoAuth) +
         ": there is no HMC token. Run `lvupdate hmcauth -a HMC -u USER` to authenticate with the HMC "
         "(`lvupdate hmcauth -l` shows the token).";
  } else {
    *t = std::string(kNoAuth) + ": the HMC token cannot be read (" + s.token_status.message() +
         "). Run `lvupdate hmcauth -a HMC -u USER` again.";
  }
  return Verdict::kFail;
}

Verdict TokenValid(const Snapshot& s, std::string* t) {
  if (!s.token_status.ok()) {
    *t = std::string(kNoAuth) + ": no HMC token to validate.";
    return Verdict::kFail;
  }
  const auto& d = s.input->data;
  const auto& k = s.token;
  const bool console_ok = d.management_console == k.address || d.management_console == k.hmc;
  if (!console_ok || d.user != k.user) {
    *t = std::string(kNoAuth) + ": the token is for user " + k.user + " on " + k.address +
         ", but the hmc stanza of lvupdate.data names user " + d.user + " on " + d.management_console +
         ". Check that the attributes of the hmc stanza match `lvupdate hmcauth -l`, or run hmcauth again.";
    return Verdict::kFail;
  }
  if (!s.session_status.ok()) {
    *t = std::string(kNoAuth) + ": " + s.session_status.message() +
         ". Run `lvupdate hmcauth -a " + k.hmc + " -u " + k.user + "` again.";
    return Verdict::kFail;
  }
  return Verdict::kPass;
}

}  // namespace

void AddHmcChecks(std::vector<CheckDef>* out) {
  out->push_back({"hmc.token_present", Section::kOther, "HMC token is present.", kNeedNothing, TokenPresent,
                  "1430-246"});
  out->push_back({"hmc.token_valid", Section::kOther, "HMC token is valid.", kNeedNothing, TokenValid, "1430-246"});
  out->push_back({"hmc.requests", Section::kOther, "HMC requests successful.", kNeedNothing,
                  [](const Snapshot& s, std::string* t) {
                    const Status& bad = !s.hmc_status.ok() ? s.hmc_status : s.hmc_facts_status;
                    if (bad.ok()) return Verdict::kPass;
                    *t = "HMC requests failed: " + bad.message() + ".";
                    return Verdict::kFail;
                  }});
  out->push_back({"hmc.lpar_id", Section::kOther, "Provided LPAR ID is available.", kNeedLpar,
                  [](const Snapshot& s, std::string* t) {
                    const int id = s.input->data.lpar_id;
                    if (id == 0) return Verdict::kPass;  // not provided: the first free one is taken
                    if (id == s.lpar_id) {
                      *t = "lpar_id " + std::to_string(id) + " is the current partition's id.";
                      return Verdict::kFail;
                    }
                    for (const auto& l : s.lpars) {
                      if (l.id != id) continue;
                      *t = "lpar_id " + std::to_string(id) + " is already in use by partition " + l.name + ".";
                      return Verdict::kFail;
                    }
                    return Verdict::kPass;
                  }});
  out->push_back({"hmc.virtual_slot", Section::kOther, "A virtual slot is available.", kNeedHmcFacts,
                  [](const Snapshot& s, std::string* t) {
                    if (s.hmc.free_virtual_slots > 0) return Verdict::kPass;
                    *t = "no virtual slot is available for the surrogate partition: raise the maximum virtual "
                         "slots or free one.";
                    return Verdict::kFail;
                  }});
  out->push_back({"lpar.remote_restart", Section::kOther, "lpar is not remote restart capable.", kNeedHmcFacts,
                  [](const Snapshot& s, std::string* t) {
                    if (!s.hmc.remote_restart) return Verdict::kPass;
                    *t = "lpar is remote restart capable: turn it off (chsyscfg -r lpar -i "
                         "remote_restart_capable=0).";
                    return Verdict::kFail;
                  }});
  out->push_back({"lpar.ams", Section::kOther, "lpar is not using shared memory or ams resources are available.",
                  kNeedHmcFacts | kNeedLpar, [](const Snapshot& s, std::string* t) {
                    if (s.hmc.mem_mode != "shared") return Verdict::kPass;
                    if (s.hmc.ams_pool_free_mb >= s.lpar->mem_mb) return Verdict::kPass;
                    *t = "lpar uses shared memory and the shared memory pool has " +
                         std::to_string(s.hmc.ams_pool_free_mb) + " MB free, " + std::to_string(s.lpar->mem_mb) +
                         " MB needed for the surrogate.";
                    return Verdict::kFail;
                  }});
  out->push_back({"firmware.level", Section::kOther, "Firmware level is supported.", kNeedHmcFacts,
                  [](const Snapshot& s, std::string* t) {
                    std::string why;
                    if (FirmwareSupported(s.hmc.firmware, &why)) return Verdict::kPass;
                    *t = why + ".";
                    return Verdict::kFail;
                  }});
  out->push_back({"lpar.vnic", Section::kOther, "vNIC resources available.", kNeedHmcFacts,
                  [](const Snapshot& s, std::string* t) {
                    if (s.hmc.vnic_adapters <= s.hmc.free_vnic_ports) return Verdict::kPass;
                    *t = "vNIC resources not available: the surrogate needs " + std::to_string(s.hmc.vnic_adapters) +
                         " logical port(s), the frame has " + std::to_string(s.hmc.free_vnic_ports) + " free.";
                    return Verdict::kFail;
                  }});
  out->push_back({"frame.resources", Section::kOther,
                  "processor and memory resources are available for the surrogate.", kNeedHmcFacts | kNeedLpar,
                  [](const Snapshot& s, std::string* t) {
                    const auto& l = *s.lpar;
                    if (s.hmc.free_proc_units + 1e-9 >= l.proc_units && s.hmc.free_mem_mb >= l.mem_mb)
                      return Verdict::kPass;
                    *t = "not enough resources for the surrogate: it needs " + Units(l.proc_units) +
                         " processing units and " + std::to_string(l.mem_mb) + " MB, the frame has " +
                         Units(s.hmc.free_proc_units) + " and " + std::to_string(s.hmc.free_mem_mb) + " MB free.";
                    return Verdict::kFail;
                  }});
}

}  // namespace lvu::actions
