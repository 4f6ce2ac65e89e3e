// See shim_faults.h.
#include "drivers/sim/shim_faults.h"

#include <cstdlib>

namespace lvu::drivers::sim {
namespace {

bool Has(const std::vector<std::string>& w, const std::string& word) {
  for (const auto& x : w) {
    if (x == word) return true;
  }
  return false;
}

std::string After(const std::vector<std::string>& w, const std::string& flag) {
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (w[i] == flag) return w[i + 1];
  }
  return "";
}

// Whether partition --id of `w` is a surrogate (made from a reservation).
bool Surrogate(const World& world, const std::vector<std::string>& w) {
  const WorldLpar* l = world.FindLpar(std::atoi(After(w, "--id").c_str()));
  return l != nullptr && l->from_reservation;
}

}  // namespace

bool StepOfCommand(const World& world, const std::vector<std::string>& a, const std::vector<std::string>& hmc,
                   std::string* step, FaultPoint::Phase* phase) {
  using P = FaultPoint::Phase;
  auto is = [&](const char* s, P p) {
    *step = s;
    *phase = p;
    return true;
  };
  const std::string& cmd = a[0];
  if (cmd == "alt_disk_copy") return is("disk.clone_rootvg", P::kApply);
  if (cmd == "alt_rootvg_op" && Has(a, "-X")) return is("disk.clone_rootvg", P::kCompensate);
  if (cmd == "chroot" && Has(a, "-e")) return is("ifix.apply_clone", P::kApply);
  if (cmd == "chroot" && Has(a, "-r")) return is("ifix.apply_clone", P::kCompensate);
  if (cmd == "mirrorvg") return is("disk.mirror_rootvg", P::kApply);
  if (cmd == "unmirrorvg") return is("disk.mirror_rootvg", P::kCompensate);
  if (cmd == "rmpath") return is("path.split", P::kApply);
  if (cmd == "cfgmgr") {
    const WorldLpar* here = world.WorkloadLpar();
    return here != nullptr && here->from_reservation ? is("path.restore", P::kApply) : is("path.split", P::kCompensate);
  }
  if (cmd == "sim-workload-checkpoint") return is("workload.checkpoint", P::kApply);
  if (cmd == "sim-workload-thaw") return is("workload.checkpoint", P::kCompensate);
  if (cmd == "sim-workload-restart") return is("workload.restart", P::kApply);
  if (cmd == "sim-vhost-client" && a.size() == 4) {
    // To the original: disk.assign undone; to the surrogate while the
    // original (<name>_lku0) exists: disk.assign; after: path.restore.
    const WorldLpar* to = world.FindLpar(std::atoi(a[3].c_str()));
    if (to == nullptr) return false;
    if (!to->from_reservation) return is("disk.assign", P::kCompensate);
    for (const auto& l : world.lpars) {
      const std::string suffix = "_lku0";
      if (l.name.size() > suffix.size() && l.name.compare(l.name.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return is("disk.assign", P::kApply);
      }
    }
    return is("path.restore", P::kApply);
  }
  if (cmd == "bootlist" && !Has(a, "-o")) return is("bootlist.set", P::kApply);
  if (cmd == "shutdown") return is("revert.reboot", P::kApply);
  if (cmd != "ssh" || hmc.empty()) return false;
  const std::string& h = hmc[0];
  if (h == "chsyscfg") {
    const std::string attrs = After(hmc, "-i");
    const size_t at = attrs.find("new_name=");
    const bool to_lku0 = at != std::string::npos && attrs.find("_lku0", at) != std::string::npos;
    return is("lpar.rename_original", to_lku0 ? P::kApply : P::kCompensate);
  }
  if (h == "mksyscfg") return is("lpar.create_surrogate", P::kApply);
  if (h == "rmsyscfg") {
    return Surrogate(world, hmc) ? is("lpar.create_surrogate", P::kCompensate) : is("lpar.delete_original", P::kApply);
  }
  if (h == "chsysstate" && After(hmc, "-o") == "on") return is("lpar.boot_surrogate", P::kApply);
  if (h == "chsysstate" && After(hmc, "-o") == "shutdown") {
    return Surrogate(world, hmc) ? is("lpar.boot_surrogate", P::kCompensate) : is("lpar.shutdown_original", P::kApply);
  }
  return false;
}

}  // namespace lvu::drivers::sim
