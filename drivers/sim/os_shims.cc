// See os_shims.h.
#include "drivers/sim/os_shims.h"

#include <algorithm>

namespace lvu::drivers::sim {
namespace {

ShimOutput Done(const Status& s) { return s.ok() ? ShimOutput{0, "", ""} : ShimOutput{1, "", s.message() + "\n"}; }
ShimOutput Usage(const std::string& cmd, const std::string& form) {
  return {2, "", cmd + ": the shim answers " + form + " only\n"};
}

bool Is(const std::vector<std::string>& a, std::initializer_list<const char*> words) {
  if (a.size() != words.size() + 1) return false;
  size_t i = 0;
  for (const char* w : words) {
    ++i;
    if (*w != '\0' && a[i] != w) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> OsShimNames() {
  return {"errlogger", "alt_disk_copy", "alt_rootvg_op", "extendvg", "mirrorvg", "unmirrorvg",
          "reducevg",  "rmpath",        "cfgmgr",        "shutdown"};
}

bool RunOsShim(SimSystem* sim, const World& w, const std::vector<std::string>& a, ShimOutput* out) {
  const std::string& cmd = a[0];
  const std::vector<std::string> names = OsShimNames();
  if (std::find(names.begin(), names.end(), cmd) == names.end()) return false;
  const WorldLpar* l = w.WorkloadLpar();
  if (l == nullptr) {
    *out = {1, "", cmd + ": no partition runs (the simulator's message)\n"};
    return true;
  }
  const int id = l->id;
  PartitionOs& os = sim->os();
  auto disk_vg = [&](const std::string& disk) {
    const WorldDisk* d = w.FindDisk(disk);
    return d == nullptr ? std::string() : d->vg;
  };
  if (cmd == "errlogger") {
    if (a.size() != 2) {
      *out = Usage(cmd, "errlogger MESSAGE");
      return true;
    }
    const size_t colon = a[1].find(": ");
    *out = colon == std::string::npos ? Done(os.ErrlogAdd(id, "OPMSG", a[1]))
                                      : Done(os.ErrlogAdd(id, a[1].substr(0, colon), a[1].substr(colon + 2)));
  } else if (cmd == "alt_disk_copy") {
    *out = Is(a, {"-B", "-d", ""}) ? Done(os.AltDiskCopy(id, a[3])) : Usage(cmd, "alt_disk_copy -B -d DISK");
  } else if (cmd == "alt_rootvg_op" && Is(a, {"-v", "", "-d", ""})) {
    if (a[2] != "lvup_rootvg") {
      *out = {1, "", "alt_rootvg_op: the simulator names the copy lvup_rootvg only\n"};
    } else if (disk_vg(a[4]) != "lvup_rootvg") {
      *out = {1, "", "alt_rootvg_op: " + a[4] + " holds no alternate rootvg (the simulator's message)\n"};
    } else {
      *out = Done(Status::OK());
    }
  } else if (cmd == "alt_rootvg_op" && Is(a, {"-X", ""})) {
    std::string disk;
    for (const auto& d : w.disks) {
      if (d.vg == a[2]) disk = d.name;
    }
    *out = disk.empty() ? Done(Status::OK()) : Done(os.RemoveAltDisk(id, disk));
  } else if (cmd == "alt_rootvg_op" && Is(a, {"-W", "-d", ""})) {
    // The simulator keeps no wake state: the disk must hold the clone.
    *out = disk_vg(a[3]) == "lvup_rootvg"
               ? Done(Status::OK())
               : ShimOutput{1, "", "alt_rootvg_op: " + a[3] + " holds no alternate rootvg (the simulator's message)\n"};
  } else if (cmd == "alt_rootvg_op" && Is(a, {"-S"})) {
    *out = Done(Status::OK());
  } else if (cmd == "alt_rootvg_op") {
    *out = Usage(cmd, "alt_rootvg_op -v NAME -d DISK, -W -d DISK, -S and -X VG");
  } else if (cmd == "extendvg") {
    *out = Is(a, {"rootvg", ""}) ? Done(Status::OK()) : Usage(cmd, "extendvg rootvg DISK");
  } else if (cmd == "mirrorvg") {
    *out = Is(a, {"-S", "rootvg", ""}) ? Done(os.MirrorRootvg(id, a[3])) : Usage(cmd, "mirrorvg -S rootvg DISK");
  } else if (cmd == "unmirrorvg") {
    *out = Is(a, {"rootvg", ""}) ? Done(os.UnmirrorRootvg(id, a[2])) : Usage(cmd, "unmirrorvg rootvg DISK");
  } else if (cmd == "reducevg") {
    if (!Is(a, {"rootvg", ""})) {
      *out = Usage(cmd, "reducevg rootvg DISK");
    } else {
      *out = disk_vg(a[2]) == "rootvg" ? Done(os.UnmirrorRootvg(id, a[2])) : Done(Status::OK());
    }
  } else if (cmd == "rmpath") {
    *out = Is(a, {"-d", "-p", ""}) ? Done(os.RemovePaths(id, a[3])) : Usage(cmd, "rmpath -d -p ADAPTER");
  } else if (cmd == "cfgmgr") {
    *out = Is(a, {"-l", ""}) ? Done(os.ConfigurePaths(id, a[2])) : Usage(cmd, "cfgmgr -l ADAPTER");
  } else if (cmd == "shutdown") {
    *out = Is(a, {"-Fr"}) ? Done(os.Reboot(id)) : Usage(cmd, "shutdown -Fr");
  }
  return true;
}

}  // namespace lvu::drivers::sim
