#include "drivers/sim/sim_system.h"

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <thread>

#include <nlohmann/json.hpp>

#include "base/stop_request.h"
#include "base/file.h"
#include "drivers/sim/fault_store.h"
#include "drivers/sim/fix_package.h"
#include "drivers/sim/lab.h"
#include "drivers/sim/sim_json.h"
#include "drivers/sim/show_text.h"
#include "drivers/sim/sim_impl.h"
#include "drivers/sim/world_store.h"

namespace lvu::drivers::sim {

Status SimSystem::Init(const std::string& home, std::string* fix_dir) {
  const std::string fixes = home + "/fixes";
  LVU_RETURN_IF_ERROR(MakeDirs(SimDir(home)));
  LVU_RETURN_IF_ERROR(MakeDirs(fixes));
  LVU_RETURN_IF_ERROR(SaveFaults(home, {}));
  LVU_RETURN_IF_ERROR(SaveWorld(home, SeedLab()));
  LVU_RETURN_IF_ERROR(WriteFileAtomically(home + "/lvupdate.data", SeedLvupdateData()));
  LVU_RETURN_IF_ERROR(
      WriteFileAtomically(fixes + "/" + kDummyFixFile, FormatFixPackage(SeedDummyFix())));
  LVU_RETURN_IF_ERROR(
      WriteFileAtomically(fixes + "/" + kNoLuFixFile, FormatFixPackage(SeedNoLuFix())));
  if (fix_dir != nullptr) *fix_dir = fixes;
  return Status::OK();
}

Status SimSystem::Open(const std::string& home, const SimOptions& options,
                       std::unique_ptr<SimSystem>* out) {
  World world;
  LVU_RETURN_IF_ERROR(LoadWorld(home, &world));
  std::vector<Fault> faults;
  LVU_RETURN_IF_ERROR(LoadFaults(home, &faults));
  *out = std::make_unique<SimImpl>(home, options, std::move(world), std::move(faults));
  return Status::OK();
}

SimImpl::SimImpl(std::string home, SimOptions options, World world, std::vector<Fault> faults)
    : home_(std::move(home)),
      options_(options),
      world_(std::move(world)),
      faults_(std::move(faults)) {}

Status SimImpl::Commit(World next, int64_t seconds) {
  next.clock += seconds;
  next.Normalize();
  LVU_RETURN_IF_ERROR(SaveWorld(home_, next));
  world_ = std::move(next);
  if (options_.speed > 0 && seconds > 0)
    std::this_thread::sleep_for(
        std::chrono::duration<double>(static_cast<double>(seconds) / options_.speed));
  return Status::OK();
}

Status SimImpl::Spend(int64_t seconds) {
  if (seconds < 0) return Status::InvalidArgument("negative time to spend");
  if (seconds == 0) return Status::OK();
  return Commit(world_, seconds);
}

std::string SimImpl::ShowJson() {
  nlohmann::json j = WorldToJson(world_);
  // Derived views, as the partitions themselves report them: emgr -l of the
  // running image, and lspv's volume group of each configured disk.
  for (auto& jl : j["lpars"]) {
    const WorldLpar* l = world_.FindLpar(jl["id"].get<int>());
    jl["ifixes"] = world_.RunningIfixes(*l);
    for (auto& jd : jl["disks"]) {
      const WorldDisk* d = world_.FindDisk(jd["name"].get<std::string>());
      jd["vg"] = d != nullptr ? d->vg : "None";
    }
  }
  return j.dump(2) + "\n";
}

std::string SimImpl::ShowText() { return FormatWorldText(world_); }

void SimImpl::Describe(std::vector<Described>* files, std::vector<std::string>* notes) {
  files->clear();
  notes->clear();
  files->push_back({"world/show.json", ShowJson() + "\n"});
  files->push_back({"world/show.txt", ShowText() + "\n"});
  std::vector<Fault> faults;
  Status s = ListFaults(&faults);
  if (s.ok()) {
    files->push_back({"world/faults.json", FaultsJson(faults).dump(2) + "\n"});
  } else {
    notes->push_back("world faults: " + s.message());
  }
  files->push_back({"world/settings.json", SettingsJson(Settings()).dump(2) + "\n"});
}

std::vector<Setting> SimImpl::Settings() { return ListSettings(world_); }

std::string SimImpl::ReplaySettings() {
  std::map<std::string, std::string> lab;
  for (const Setting& s : ListSettings(SeedLab())) lab[s.key] = s.value;
  nlohmann::json out = nlohmann::json::object();
  for (const Setting& s : ListSettings(world_)) {
    auto it = lab.find(s.key);
    if (it == lab.end() || it->second != s.value) out[s.key] = s.value;
  }
  return out.dump();
}

Status SimImpl::Set(const std::string& key, const std::string& value) {
  World next = world_;
  LVU_RETURN_IF_ERROR(ApplySetting(&next, key, value));
  return Commit(std::move(next), 0);
}

Status SimImpl::AddFault(const Fault& f) {
  if (f.step.empty()) return Status::InvalidArgument("a fault needs a step name");
  if (f.times < 1) return Status::InvalidArgument("a fault must fire at least once (times >= 1)");
  std::vector<Fault> next = faults_;
  next.push_back(f);
  LVU_RETURN_IF_ERROR(SaveFaults(home_, next));
  faults_ = std::move(next);
  return Status::OK();
}

Status SimImpl::ListFaults(std::vector<Fault>* out) {
  *out = faults_;
  return Status::OK();
}

Status SimImpl::ClearFaults() {
  LVU_RETURN_IF_ERROR(SaveFaults(home_, {}));
  faults_.clear();
  return Status::OK();
}

Status SimImpl::TakeFault(const std::string& step, FaultPoint::Phase phase,
                          FaultPoint::When when, bool* found, Fault* fault) {
  *found = false;
  for (size_t i = 0; i < faults_.size(); ++i) {
    const Fault& f = faults_[i];
    if (f.step != step || f.phase != phase || f.times <= 0 || FaultFiresAt(f.kind) != when)
      continue;
    std::vector<Fault> next = faults_;
    if (--next[i].times <= 0) next.erase(next.begin() + static_cast<std::ptrdiff_t>(i));
    LVU_RETURN_IF_ERROR(SaveFaults(home_, next));
    *fault = f;
    faults_ = std::move(next);
    *found = true;
    return Status::OK();
  }
  return Status::OK();
}

Status SimFaultPoint::Hit(const std::string& step, Phase phase, When when) {
  bool found = false;
  Fault f;
  LVU_RETURN_IF_ERROR(sim_->TakeFault(step, phase, when, &found, &f));
  if (!found) return Status::OK();
  const std::string where = step + (phase == Phase::kCompensate ? " (compensate)" : "");
  switch (f.kind) {
    case FaultKind::kFail: return Status::Failed("injected failure at " + where);
    case FaultKind::kTransient: return Status::Transient("injected transient failure at " + where);
    case FaultKind::kCrashBefore:
    case FaultKind::kCrashAfter:
    case FaultKind::kCrashRecorded:
      std::fflush(stdout);
      std::fflush(stderr);
      ::_exit(sim_->options().crash_exit_code);
    case FaultKind::kSignal:
      // A real signal when the command line waits for them (cli/signals.h),
      // and only returns once it was seen, so the stop point is the same
      // every time; in-process (tests), the request it would make.
      if (!StopSignalsInstalled()) {
        RequestStop(SIGINT);
        return Status::OK();
      }
      ::kill(::getpid(), SIGINT);
      for (int i = 0; i < 500 && StopSignal() == 0; i++) ::usleep(10 * 1000);
      return Status::OK();
  }
  return Status::OK();
}

Status NoSuchLpar(const World& w, int id) {
  return Status::Failed("HSCL8012 The partition with ID " + std::to_string(id) +
                        " was not found on managed system " + w.managed_system.name);
}

}  // namespace lvu::drivers::sim
