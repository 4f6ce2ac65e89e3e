// See clone_shims.h.
#include "drivers/sim/clone_shims.h"

#include "base/file.h"
#include "drivers/sim/fact_shims.h"
#include "drivers/sim/fix_package.h"

namespace lvu::drivers::sim {
namespace {

constexpr char kAltInst[] = "/alt_inst";

ShimOutput Done(const Status& s) { return s.ok() ? ShimOutput{0, "", ""} : ShimOutput{1, "", s.message() + "\n"}; }

// The disk holding the clone, or "".
std::string CloneDisk(const World& w) {
  for (const auto& d : w.disks) {
    if (d.vg == "lvup_rootvg") return d.name;
  }
  return "";
}

}  // namespace

bool RunCloneShim(SimSystem* sim, const std::string& home, const World& w, const std::vector<std::string>& a,
                  ShimOutput* out) {
  const std::string inside = home + "/sim/alt_inst";
  if (a[0] == "cp") {
    if (a.size() != 3 || a[2].rfind(std::string(kAltInst) + "/", 0) != 0) {
      *out = {2, "", "cp: the shim copies FILE /alt_inst/PATH only\n"};
      return true;
    }
    std::string text;
    Status s = ReadFileToString(a[1], &text);
    if (s.ok()) s = MakeDirs(inside + "/tmp");
    if (s.ok()) s = WriteFileAtomically(inside + a[2].substr(sizeof kAltInst - 1), text);
    *out = s.ok() ? ShimOutput{0, "", ""} : ShimOutput{1, "", "cp: " + s.message() + "\n"};
    return true;
  }
  if (a[0] != "chroot") return false;
  const WorldLpar* l = w.WorkloadLpar();
  const std::string disk = CloneDisk(w);
  if (a.size() < 4 || a[1] != kAltInst || a[2] != "/usr/sbin/emgr") {
    *out = {2, "", "chroot: the shim runs /usr/sbin/emgr in /alt_inst only\n"};
    return true;
  }
  if (l == nullptr || disk.empty()) {
    *out = {1, "", "chroot: /alt_inst: no alternate rootvg is woken (the simulator's message)\n"};
    return true;
  }
  if (a.size() == 4 && a[3] == "-l") {
    std::vector<EmgrRow> rows;
    for (const auto& x : w.FindDisk(disk)->image_ifixes) rows.push_back({x, " S"});
    *out = {0, EmgrList(rows, w.clock), ""};
  } else if (a.size() == 5 && a[3] == "-e") {
    Fix fix;
    Status s = ReadFixPackage(inside + a[4], &fix);
    *out = s.ok() ? Done(sim->os().ApplyFixToAltDisk(l->id, disk, fix)) : Done(s);
  } else if (a.size() == 6 && a[3] == "-r" && a[4] == "-L") {
    *out = Done(sim->os().RemoveFixFromAltDisk(l->id, disk, a[5]));
  } else {
    *out = {2, "", "emgr: the shim answers -l, -e PACKAGE and -r -L LABEL in /alt_inst only\n"};
  }
  return true;
}

}  // namespace lvu::drivers::sim
