// The simulated VIOS pair: vhost mappings of the LUNs to client partitions.
// Remapping a vhost does not touch any partition's path table: partitions
// see the change at their next Activate or ConfigurePaths, as with cfgmgr.

#include "drivers/sim/sim_impl.h"

namespace lvu::drivers::sim {

Status SimVios::ListMappings(std::vector<VhostMapping>* out) {
  out->clear();
  for (const auto& m : sim_->world().mappings) {
    VhostMapping v{m.vios, m.vhost, m.client_id, m.client_adapter, {}, {}, m.any_client};
    for (const auto& lun : m.luns) {
      v.disks.push_back(lun.disk);
      v.backings.push_back(lun.backing);
    }
    out->push_back(std::move(v));
  }
  return Status::OK();
}

Status SimVios::SetClient(const std::string& vios, const std::string& vhost, int client_id) {
  const World& w = sim_->world();
  bool known_vios = false;
  for (const auto& v : w.vios) known_vios = known_vios || v == vios;
  if (!known_vios) return Status::Failed("VIOS " + vios + " is not managed by " + w.hmc.address);
  World next = w;
  WorldMapping* m = next.FindMapping(vios, vhost);
  if (m == nullptr)
    return Status::Failed(vios + ": Device \"" + vhost + "\" is not a Virtual SCSI Server Adapter (SVSA)");
  if (w.FindLpar(client_id) == nullptr) return NoSuchLpar(w, client_id);
  if (m->client_id == client_id) return Status::OK();
  m->client_id = client_id;
  return sim_->Commit(std::move(next), Op::kSetClient);
}

}  // namespace lvu::drivers::sim
