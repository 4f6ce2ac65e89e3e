// The process side of the simulated AIX: ps and genkex, the live update
// flag, init -q for lvupdateInit entries, kernel extension loading, the
// mobility system calls, and reloading a world another program changed.
#include <algorithm>

#include "drivers/sim/process_table.h"
#include "drivers/sim/sim_impl.h"
#include "drivers/sim/world_store.h"

namespace lvu::drivers::sim {
namespace {

Status Running(const World& w, int id, const WorldLpar** out) {
  const WorldLpar* l = w.FindLpar(id);
  if (l == nullptr) return NoSuchLpar(w, id);
  if (l->state != "Running")
    return Status::Failed("partition " + std::to_string(id) + " (" + l->name + ") is not running (state " +
                          l->state + ")");
  *out = l;
  return Status::OK();
}

}  // namespace

Status SimOs::ListProcesses(int lpar, ProcessTable* out) {
  const WorldLpar* l = nullptr;
  LVU_RETURN_IF_ERROR(Running(sim_->world(), lpar, &l));
  *out = l->processes;
  return Status::OK();
}

Status SimOs::SetLiveUpdate(int lpar, bool on) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  LVU_RETURN_IF_ERROR(Running(w, lpar, &l));
  if (l->processes.live_update == on) return Status::OK();
  World next = w;
  next.FindLpar(lpar)->processes.live_update = on;
  return sim_->Commit(std::move(next), 0);
}

Status SimOs::StartInittab(int lpar, const std::vector<InittabEntry>& entries) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  LVU_RETURN_IF_ERROR(Running(w, lpar, &l));
  World next = w;
  int started = 0;
  StartInittabEntries(entries, NextPid(w), &next.FindLpar(lpar)->processes, &started);
  if (started == 0) return Status::OK();
  return sim_->Commit(std::move(next), started);  // a second per process started
}

Status SimOs::LoadKernelExtension(int lpar, const std::string& path, const std::string& command) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  LVU_RETURN_IF_ERROR(Running(w, lpar, &l));
  if (path.empty() || path[0] != '/')
    return Status::Failed("0503-005 sysconfig: " + path + " is not a full path name");
  if (command.empty()) return Status::Failed("0503-006 no command to load " + path);
  const auto& k = l->processes.kexts;
  if (std::any_of(k.begin(), k.end(), [&](const KernelExtension& x) { return x.path == path; }))
    return Status::OK();
  World next = w;
  // Loaded by its own command: it is as safe as its owner made it by
  // registering it (lvupdateRegKE), which is why it is loaded here.
  next.FindLpar(lpar)->processes.kexts.push_back({path, true, command});
  return sim_->Commit(std::move(next), 1);
}

Status SimImpl::Reload() {
  World w;
  LVU_RETURN_IF_ERROR(LoadWorld(home_, &w));
  world_ = std::move(w);
  return Status::OK();
}

Status SimImpl::SetMobility(int lpar, int pid, const std::string& attr, std::string* err) {
  const WorldLpar* l = nullptr;
  LVU_RETURN_IF_ERROR(Running(world_, lpar, &l));
  World next = world_;
  if (!::lvu::drivers::sim::SetMobility(pid, attr, &next.FindLpar(lpar)->processes, err)) return Status::OK();
  return Commit(std::move(next), 0);
}

}  // namespace lvu::drivers::sim
