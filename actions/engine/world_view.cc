#include "actions/engine/world_view.h"

#include <vector>

namespace lvu::actions {

Status FindLpar(drivers::System& sys, int id, drivers::Lpar* out, bool* found) {
  std::vector<drivers::Lpar> lpars;
  LVU_RETURN_IF_ERROR(sys.hmc().ListLpars(&lpars));
  *found = false;
  for (auto& l : lpars) {
    if (l.id == id) {
      *out = l;
      *found = true;
    }
  }
  return Status::OK();
}

Status FindDisk(drivers::System& sys, const std::string& name, drivers::Disk* out) {
  std::vector<drivers::Disk> disks;
  LVU_RETURN_IF_ERROR(sys.os().ListDisks(&disks));
  for (auto& d : disks) {
    if (d.name == name) {
      *out = d;
      return Status::OK();
    }
  }
  return Status::NotFound("disk " + name + " does not exist");
}

Status FindMapping(drivers::System& sys, const std::string& vios, const std::string& vhost,
                   drivers::VhostMapping* out) {
  std::vector<drivers::VhostMapping> maps;
  LVU_RETURN_IF_ERROR(sys.vios().ListMappings(&maps));
  for (auto& m : maps) {
    if (m.vios == vios && m.vhost == vhost) {
      *out = m;
      return Status::OK();
    }
  }
  return Status::NotFound("VIOS " + vios + " has no adapter " + vhost);
}

bool AllDisksHavePath(const drivers::Lpar& lpar, const std::string& adapter) {
  if (lpar.disks.empty()) return false;
  for (const auto& d : lpar.disks) {
    bool has = false;
    for (const auto& p : d.paths) has |= p.adapter == adapter && p.status == "Enabled";
    if (!has) return false;
  }
  return true;
}

bool NoDiskHasPath(const drivers::Lpar& lpar, const std::string& adapter) {
  for (const auto& d : lpar.disks) {
    for (const auto& p : d.paths) {
      if (p.adapter == adapter) return false;
    }
  }
  return true;
}

}  // namespace lvu::actions
