#include "drivers/sim/fault_store.h"

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "drivers/sim/world_store.h"

namespace lvu::drivers::sim {

using nlohmann::json;

const char* FaultKindName(FaultKind k) {
  switch (k) {
    case FaultKind::kFail: return "fail";
    case FaultKind::kTransient: return "transient";
    case FaultKind::kCrashBefore: return "crash-before";
    case FaultKind::kCrashAfter: return "crash-after";
    case FaultKind::kCrashRecorded: return "crash-recorded";
    case FaultKind::kSignal: return "signal";
  }
  return "?";
}

bool ParseFaultKind(const std::string& s, FaultKind* out) {
  for (FaultKind k : {FaultKind::kFail, FaultKind::kTransient, FaultKind::kCrashBefore,
                      FaultKind::kCrashAfter, FaultKind::kCrashRecorded, FaultKind::kSignal}) {
    if (s == FaultKindName(k)) {
      *out = k;
      return true;
    }
  }
  return false;
}

const char* FaultPhaseName(FaultPoint::Phase p) {
  return p == FaultPoint::Phase::kApply ? "apply" : "compensate";
}

bool ParseFaultPhase(const std::string& s, FaultPoint::Phase* out) {
  if (s == "apply") *out = FaultPoint::Phase::kApply;
  else if (s == "compensate") *out = FaultPoint::Phase::kCompensate;
  else return false;
  return true;
}

FaultPoint::When FaultFiresAt(FaultKind k) {
  switch (k) {
    case FaultKind::kCrashAfter: return FaultPoint::When::kAfter;
    case FaultKind::kCrashRecorded:
    case FaultKind::kSignal: return FaultPoint::When::kRecorded;
    default: return FaultPoint::When::kBefore;
  }
}

std::string FaultsToJsonText(const std::vector<Fault>& faults) {
  json a = json::array();
  for (const auto& f : faults)
    a.push_back({{"step", f.step},
                 {"kind", FaultKindName(f.kind)},
                 {"phase", FaultPhaseName(f.phase)},
                 {"times", f.times}});
  return a.dump(2) + "\n";
}

Status ParseFaults(const std::string& text, const std::string& where, std::vector<Fault>* out) {
  json a = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (a.is_discarded() || !a.is_array()) return Status::Corruption(where + ": not a JSON array");
  std::vector<Fault> faults;
  try {
    for (const auto& e : a) {
      Fault f;
      f.step = e.at("step").get<std::string>();
      std::string kind = e.at("kind").get<std::string>();
      std::string phase = e.at("phase").get<std::string>();
      if (!ParseFaultKind(kind, &f.kind))
        return Status::Corruption(where + ": unknown fault kind \"" + kind + "\"");
      if (!ParseFaultPhase(phase, &f.phase))
        return Status::Corruption(where + ": unknown fault phase \"" + phase + "\"");
      f.times = e.at("times").get<int>();
      faults.push_back(std::move(f));
    }
  } catch (const json::exception& e) {
    return Status::Corruption(where + ": " + e.what());
  }
  *out = std::move(faults);
  return Status::OK();
}

Status LoadFaults(const std::string& home, std::vector<Fault>* out) {
  const std::string path = FaultsPath(home);
  std::string text;
  Status s = ReadFileToString(path, &text);
  if (s.IsNotFound()) {
    out->clear();
    return Status::OK();
  }
  LVU_RETURN_IF_ERROR(s);
  return ParseFaults(text, path, out);
}

Status SaveFaults(const std::string& home, const std::vector<Fault>& faults) {
  return WriteFileAtomically(FaultsPath(home), FaultsToJsonText(faults));
}

}  // namespace lvu::drivers::sim
