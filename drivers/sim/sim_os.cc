// The simulated AIX of the partitions: paths, alternate disks, mirrors,
// ifixes on the clone, the workload, the bootlist and the error log.
//
// Every command except CurrentLpar, ListDisks and ReadFix runs *on* a
// partition, so it fails when that partition does not exist or is not
// running, and a disk it names must be one the partition has configured.

#include <algorithm>

#include "drivers/sim/fix_package.h"
#include "drivers/sim/process_table.h"
#include "drivers/sim/sim_impl.h"

namespace lvu::drivers::sim {

namespace {

Status OnRunningLpar(const World& w, int id, const WorldLpar** out) {
  const WorldLpar* l = w.FindLpar(id);
  if (l == nullptr) return NoSuchLpar(w, id);
  if (l->state != "Running")
    return Status::Failed("partition " + std::to_string(id) + " (" + l->name +
                          ") is not running (state " + l->state + ")");
  *out = l;
  return Status::OK();
}

// The disk as `cmd` on partition `l` sees it.
Status ConfiguredDisk(const World& w, const WorldLpar& l, const std::string& name,
                      const std::string& cmd, const WorldDisk** out) {
  const WorldDisk* d = w.FindDisk(name);
  bool configured = false;
  for (const auto& ld : l.disks) configured = configured || ld.name == name;
  if (d == nullptr || !configured)
    return Status::Failed("0516-1396 " + cmd + ": The physical volume " + name +
                          " was not found in the system database of partition " +
                          std::to_string(l.id) + ".");
  *out = d;
  return Status::OK();
}

bool KnownAdapter(const World& w, const std::string& adapter) {
  for (const auto& m : w.mappings)
    if (m.client_adapter == adapter) return true;
  return false;
}

Status PathNotFound(const WorldLpar& l, const std::string& adapter) {
  std::string disk = l.disks.empty() ? std::string("*") : l.disks.front().name;
  return Status::Failed("0514-519 The following path was not found: " + disk + " " + adapter);
}

// The running partition whose boot disk is `disk`, or nullptr.
const WorldLpar* BootedFrom(const World& w, const std::string& disk) {
  for (const auto& l : w.lpars)
    if (l.state == "Running" && l.booted_from == disk) return &l;
  return nullptr;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

Status SimOs::CurrentLpar(int* id, std::string* name) {
  // The partition lvupdate runs on is the one that holds the workload
  // (running or frozen); failing that, the lowest-numbered running one.
  const WorldLpar* found = sim_->world().WorkloadLpar();
  if (found == nullptr) return Status::Failed("uname -L: no partition is running");
  *id = found->id;
  *name = found->name;
  return Status::OK();
}

Status SimOs::ListDisks(std::vector<Disk>* out) {
  out->clear();
  for (const auto& d : sim_->world().disks)
    out->push_back({d.name, d.pvid, d.size_mb, d.vg, d.has_image, d.image_ifixes});
  return Status::OK();
}

Status SimOs::RemovePaths(int lpar, const std::string& adapter) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  LVU_RETURN_IF_ERROR(OnRunningLpar(w, lpar, &l));
  if (!KnownAdapter(w, adapter)) return PathNotFound(*l, adapter);
  bool any = false;
  for (const auto& d : l->disks) {
    size_t via = 0;
    for (const auto& p : d.paths) via += p.adapter == adapter;
    if (via == 0) continue;
    any = true;
    if (via == d.paths.size())
      return Status::Failed("0514-062 Cannot remove the last path of " + d.name + " (" + adapter +
                            "): the device is busy");
  }
  if (!any) return Status::OK();
  World next = w;
  for (auto& d : next.FindLpar(lpar)->disks)
    std::erase_if(d.paths, [&](const Path& p) { return p.adapter == adapter; });
  return sim_->Commit(std::move(next), Op::kRemovePaths);
}

Status SimOs::ConfigurePaths(int lpar, const std::string& adapter) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  LVU_RETURN_IF_ERROR(OnRunningLpar(w, lpar, &l));
  if (!KnownAdapter(w, adapter)) return PathNotFound(*l, adapter);
  World next = w;
  WorldLpar* n = next.FindLpar(lpar);
  bool changed = false;
  for (const auto& m : w.mappings) {
    if (m.client_id != lpar || m.client_adapter != adapter) continue;
    for (const auto& lun : m.luns) {
      LparDisk* ld = nullptr;
      for (auto& d : n->disks)
        if (d.name == lun.disk) ld = &d;
      if (ld == nullptr) {
        n->disks.push_back({lun.disk, {}});
        ld = &n->disks.back();
      }
      Path* path = nullptr;
      for (auto& p : ld->paths)
        if (p.adapter == adapter) path = &p;
      if (path == nullptr) {
        ld->paths.push_back({adapter, "Enabled"});
        changed = true;
      } else if (path->status != "Enabled") {
        path->status = "Enabled";
        changed = true;
      }
    }
  }
  if (!changed) return Status::OK();
  return sim_->Commit(std::move(next), Op::kConfigurePaths);
}

Status SimOs::AltDiskCopy(int lpar, const std::string& disk) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  const WorldDisk* d = nullptr;
  LVU_RETURN_IF_ERROR(OnRunningLpar(w, lpar, &l));
  LVU_RETURN_IF_ERROR(ConfiguredDisk(w, *l, disk, "alt_disk_copy", &d));
  if (d->vg == "lvup_rootvg") return Status::OK();
  if (d->vg != "None")
    return Status::Failed("0505-117 alt_disk_copy: " + disk + " is in use: it belongs to volume group " + d->vg);
  const WorldDisk* boot = w.FindDisk(l->booted_from);
  if (boot == nullptr || !boot->has_image)
    return Status::Failed("0505-118 alt_disk_copy: no rootvg image to copy on " + l->booted_from);
  World next = w;
  WorldDisk* n = next.FindDisk(disk);
  n->vg = "lvup_rootvg";
  n->has_image = true;
  n->image_ifixes = boot->image_ifixes;
  return sim_->Commit(std::move(next), Op::kAltDiskCopy);
}

Status SimOs::RemoveAltDisk(int lpar, const std::string& disk) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  const WorldDisk* d = nullptr;
  LVU_RETURN_IF_ERROR(OnRunningLpar(w, lpar, &l));
  LVU_RETURN_IF_ERROR(ConfiguredDisk(w, *l, disk, "alt_rootvg_op", &d));
  if (d->vg == "None") return Status::OK();
  if (d->vg != "lvup_rootvg")
    return Status::Failed("0505-224 alt_rootvg_op: " + disk + " does not hold lvup_rootvg (volume group " +
                          d->vg + ")");
  if (const WorldLpar* b = BootedFrom(w, disk))
    return Status::Failed("0505-225 alt_rootvg_op: " + disk + " is the boot disk of running partition " +
                          std::to_string(b->id));
  World next = w;
  WorldDisk* n = next.FindDisk(disk);
  n->vg = "None";
  n->has_image = false;
  n->image_ifixes.clear();
  return sim_->Commit(std::move(next), Op::kRemoveAltDisk);
}

Status SimOs::ApplyFixToAltDisk(int lpar, const std::string& disk, const Fix& fix) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  const WorldDisk* d = nullptr;
  LVU_RETURN_IF_ERROR(OnRunningLpar(w, lpar, &l));
  LVU_RETURN_IF_ERROR(ConfiguredDisk(w, *l, disk, "emgr", &d));
  if (fix.label.empty()) return Status::Failed("0645-007 emgr: the fix package " + fix.file + " has no label");
  if (d->vg != "lvup_rootvg")
    return Status::Failed("0645-008 emgr: " + disk + " does not hold lvup_rootvg (volume group " + d->vg + ")");
  if (Contains(d->image_ifixes, fix.label)) return Status::OK();
  World next = w;
  next.FindDisk(disk)->image_ifixes.push_back(fix.label);
  return sim_->Commit(std::move(next), Op::kApplyFix);
}

Status SimOs::RemoveFixFromAltDisk(int lpar, const std::string& disk, const std::string& label) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  const WorldDisk* d = nullptr;
  LVU_RETURN_IF_ERROR(OnRunningLpar(w, lpar, &l));
  LVU_RETURN_IF_ERROR(ConfiguredDisk(w, *l, disk, "emgr", &d));
  if (!Contains(d->image_ifixes, label)) return Status::OK();
  if (d->vg != "lvup_rootvg")
    return Status::Failed("0645-008 emgr: " + disk + " does not hold lvup_rootvg (volume group " + d->vg + ")");
  World next = w;
  std::erase(next.FindDisk(disk)->image_ifixes, label);
  return sim_->Commit(std::move(next), Op::kRemoveFix);
}

Status SimOs::MirrorRootvg(int lpar, const std::string& disk) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  const WorldDisk* d = nullptr;
  LVU_RETURN_IF_ERROR(OnRunningLpar(w, lpar, &l));
  LVU_RETURN_IF_ERROR(ConfiguredDisk(w, *l, disk, "mirrorvg", &d));
  if (disk == l->booted_from)
    return Status::Failed("0516-1734 mirrorvg: " + disk + " is the boot disk of partition " +
                          std::to_string(lpar) + "; it cannot hold the mirror");
  if (d->vg == "rootvg" && d->has_image) return Status::OK();
  if (d->vg != "None")
    return Status::Failed("0516-1735 mirrorvg: " + disk + " is in use: it belongs to volume group " + d->vg);
  const WorldDisk* boot = w.FindDisk(l->booted_from);
  World next = w;
  WorldDisk* n = next.FindDisk(disk);
  n->vg = "rootvg";
  n->has_image = true;
  n->image_ifixes = boot != nullptr ? boot->image_ifixes : std::vector<std::string>{};
  return sim_->Commit(std::move(next), Op::kMirror);
}

Status SimOs::UnmirrorRootvg(int lpar, const std::string& disk) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  const WorldDisk* d = nullptr;
  LVU_RETURN_IF_ERROR(OnRunningLpar(w, lpar, &l));
  LVU_RETURN_IF_ERROR(ConfiguredDisk(w, *l, disk, "unmirrorvg", &d));
  if (d->vg == "None") return Status::OK();
  if (d->vg != "rootvg")
    return Status::Failed("0516-1736 unmirrorvg: " + disk + " is not in rootvg (volume group " + d->vg + ")");
  if (const WorldLpar* b = BootedFrom(w, disk))
    return Status::Failed("0516-1737 unmirrorvg: " + disk + " is the boot disk of running partition " +
                          std::to_string(b->id) + "; its copy cannot be removed");
  World next = w;
  WorldDisk* n = next.FindDisk(disk);
  n->vg = "None";
  n->has_image = false;
  n->image_ifixes.clear();
  return sim_->Commit(std::move(next), Op::kUnmirror);
}

Status SimOs::FreezeWorkload(int lpar, const std::vector<ProcessClass>& classes) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  LVU_RETURN_IF_ERROR(OnRunningLpar(w, lpar, &l));
  if (l->workload == "frozen") return Status::OK();
  if (l->workload != "running")
    return Status::Failed("1430-101 checkpoint: no workload to checkpoint on partition " + std::to_string(lpar));
  World next = w;
  WorldLpar* n = next.FindLpar(lpar);
  LVU_RETURN_IF_ERROR(FreezeTable(classes, &n->processes));
  n->workload = "frozen";
  // The blackout grows with the memory and the number of frozen processes.
  int64_t cost = CheckpointSeconds(n->processes);
  return sim_->Commit(std::move(next), cost);
}

Status SimOs::ThawWorkload(int lpar) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  LVU_RETURN_IF_ERROR(OnRunningLpar(w, lpar, &l));
  if (l->workload == "running") return Status::OK();
  if (l->workload != "frozen")
    return Status::Failed("1430-102 thaw: no frozen workload on partition " + std::to_string(lpar));
  World next = w;
  next.FindLpar(lpar)->workload = "running";
  ThawTable(&next.FindLpar(lpar)->processes);
  return sim_->Commit(std::move(next), Op::kThaw);
}

Status SimOs::RestartWorkload(int from, int to, const std::string& mirror_disk) {
  const World& w = sim_->world();
  const WorldLpar* f = w.FindLpar(from);
  if (f == nullptr) return NoSuchLpar(w, from);
  const WorldLpar* t = nullptr;
  LVU_RETURN_IF_ERROR(OnRunningLpar(w, to, &t));
  if (from == to) return Status::Failed("1430-103 restart: source and target partition are both " + std::to_string(from));
  if (t->workload == "running" && f->workload.empty()) return Status::OK();
  if (f->workload != "frozen")
    return Status::Failed("1430-104 restart: the workload of partition " + std::to_string(from) +
                          " is not checkpointed (workload " +
                          (f->workload.empty() ? std::string("none") : f->workload) + ")");
  if (!t->workload.empty())
    return Status::Failed("1430-105 restart: partition " + std::to_string(to) + " already runs a workload");
  const WorldDisk* m = nullptr;
  LVU_RETURN_IF_ERROR(ConfiguredDisk(w, *t, mirror_disk, "restart", &m));
  if (m->vg != "rootvg" || !m->has_image)
    return Status::Failed("1430-106 restart: " + mirror_disk + " holds no rootvg mirror (volume group " + m->vg + ")");
  const WorldDisk* patched = w.FindDisk(t->booted_from);
  World next = w;
  // Split the mirror: the original's boot disk leaves rootvg (and is kept as
  // the unpatched original), the mirror becomes the surrogate's rootvg with
  // the surrogate's (patched) image.
  if (WorldDisk* orig = next.FindDisk(f->booted_from)) orig->vg = "None";
  WorldDisk* nm = next.FindDisk(mirror_disk);
  nm->image_ifixes = patched != nullptr ? patched->image_ifixes : std::vector<std::string>{};
  next.FindLpar(from)->workload = "";
  next.FindLpar(to)->workload = "running";
  int64_t cost = RestartSeconds(f->processes);
  MoveWorkload(&next, from, to);
  return sim_->Commit(std::move(next), cost);
}

Status SimOs::SetBootlist(int lpar, const std::vector<std::string>& disks) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  LVU_RETURN_IF_ERROR(OnRunningLpar(w, lpar, &l));
  if (disks.empty()) return Status::Failed("0514-220 bootlist: no boot device given");
  for (const auto& name : disks) {
    const WorldDisk* d = nullptr;
    LVU_RETURN_IF_ERROR(ConfiguredDisk(w, *l, name, "bootlist", &d));
    if (!d->has_image)
      return Status::Failed("0514-223 bootlist: " + name + " holds no boot image");
  }
  if (l->bootlist == disks) return Status::OK();
  World next = w;
  next.FindLpar(lpar)->bootlist = disks;
  return sim_->Commit(std::move(next), Op::kSetBootlist);
}

Status SimOs::Reboot(int lpar) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  LVU_RETURN_IF_ERROR(OnRunningLpar(w, lpar, &l));
  if (l->bootlist.empty()) return Status::Failed("0514-220 shutdown -Fr: the bootlist is empty");
  const std::string target = l->bootlist.front();
  const WorldDisk* d = nullptr;
  LVU_RETURN_IF_ERROR(ConfiguredDisk(w, *l, target, "shutdown -Fr", &d));
  if (!d->has_image) return Status::Failed("B1817201 " + target + " holds no boot image");
  World next = w;
  WorldLpar* n = next.FindLpar(lpar);
  n->booted_from = target;
  // The booted disk's volume group is varied on as rootvg; any other copy
  // this partition knew as rootvg is no longer its rootvg.
  for (const auto& ld : n->disks) {
    WorldDisk* nd = next.FindDisk(ld.name);
    if (nd == nullptr) continue;
    if (ld.name == target) nd->vg = "rootvg";
    else if (nd->vg == "rootvg") nd->vg = "None";
  }
  // Applications start again from /etc/inittab; a checkpoint does not survive.
  if (n->workload == "frozen") n->workload = "running";
  n->processes = BootTable(next, *next.FindDisk(target));
  if (WorldToJsonText(next) == WorldToJsonText(w)) return Status::OK();  // already booted so
  return sim_->Commit(std::move(next), Op::kReboot);
}

Status SimOs::ErrlogAdd(int lpar, const std::string& label, const std::string& text) {
  const World& w = sim_->world();
  if (w.FindLpar(lpar) == nullptr) return NoSuchLpar(w, lpar);
  World next = w;
  next.errlog.push_back({w.clock, label, text, lpar});
  return sim_->Commit(std::move(next), Op::kErrlog);
}

Status SimOs::ReadFix(const std::string& path, Fix* out) { return ReadFixPackage(path, out); }

Status SimOs::GetFacts(int lpar, OsFacts* out) {
  const World& w = sim_->world();
  const WorldLpar* l = nullptr;
  LVU_RETURN_IF_ERROR(OnRunningLpar(w, lpar, &l));
  *out = w.os;
  return Status::OK();
}

}  // namespace lvu::drivers::sim
