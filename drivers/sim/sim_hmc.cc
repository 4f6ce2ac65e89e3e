// The simulated HMC: partitions and the frame's resources.
//
// Resources: an LPAR holds its proc_units and mem_mb whatever its state, as
// its profile does; the free resources of the frame are the totals minus all
// LPARs minus the reservation. A reservation is what CreateLpar draws from,
// and what deleting an LPAR so created gives back.

#include <cstdio>

#include "drivers/sim/hmc_session.h"
#include "drivers/sim/process_table.h"
#include "drivers/sim/sim_impl.h"

namespace lvu::drivers::sim {

namespace {

constexpr double kUnitsEpsilon = 1e-9;

std::string Units(double u) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", u);
  return buf;
}

const WorldLpar* LparNamed(const World& w, const std::string& name) {
  for (const auto& l : w.lpars)
    if (l.name == name) return &l;
  return nullptr;
}

// Every request fails while the HMC does not answer (hmc.responding false).
Status Answering(const World& w) {
  if (w.hmc.responding) return Status::OK();
  return Status::Transient("HSCL350B The management console " + w.hmc.address +
                           " did not respond to the request on port " + std::to_string(kHmcPort));
}

// Free resources of the frame: totals minus every LPAR minus the reservation.
void FreeResources(const World& w, double* units, int* mem) {
  *units = w.managed_system.proc_units_total - w.managed_system.reservation.proc_units;
  *mem = w.managed_system.mem_mb_total - w.managed_system.reservation.mem_mb;
  for (const auto& l : w.lpars) {
    *units -= l.proc_units;
    *mem -= l.mem_mb;
  }
  *units = RoundUnits(*units);
}

}  // namespace

Status SimHmc::ListLpars(std::vector<Lpar>* out) {
  const World& w = sim_->world();
  LVU_RETURN_IF_ERROR(Answering(w));
  out->clear();
  for (const auto& l : w.lpars) {
    Lpar x;
    x.id = l.id;
    x.name = l.name;
    x.state = l.state;
    x.proc_units = l.proc_units;
    x.mem_mb = l.mem_mb;
    x.booted_from = l.booted_from;
    x.bootlist = l.bootlist;
    x.ifixes = w.RunningIfixes(l);
    x.disks = l.disks;
    x.workload = l.workload;
    x.os_level = l.os_level;
    out->push_back(std::move(x));
  }
  return Status::OK();
}

Status SimHmc::GetReservation(Reservation* out) {
  LVU_RETURN_IF_ERROR(Answering(sim_->world()));
  *out = sim_->world().managed_system.reservation;
  return Status::OK();
}

Status SimHmc::Reserve(double proc_units, int mem_mb) {
  const World& w = sim_->world();
  LVU_RETURN_IF_ERROR(Answering(w));
  proc_units = RoundUnits(proc_units);
  if (proc_units <= 0 || mem_mb <= 0)
    return Status::Failed("HSCL1400 Invalid reservation: " + Units(proc_units) +
                          " processing units and " + std::to_string(mem_mb) + " MB");
  const Reservation& r = w.managed_system.reservation;
  if (r.present) {
    if (r.proc_units == proc_units && r.mem_mb == mem_mb) return Status::OK();
    return Status::Failed("HSCL1401 A reservation of " + Units(r.proc_units) +
                          " processing units and " + std::to_string(r.mem_mb) +
                          " MB already exists on " + w.managed_system.name);
  }
  double free_units = w.managed_system.proc_units_total;
  int free_mem = w.managed_system.mem_mb_total;
  for (const auto& l : w.lpars) {
    free_units -= l.proc_units;
    free_mem -= l.mem_mb;
  }
  free_units = RoundUnits(free_units);
  if (proc_units > free_units + kUnitsEpsilon || mem_mb > free_mem)
    return Status::Failed("HSCL1402 Insufficient resources on " + w.managed_system.name +
                          ": requested " + Units(proc_units) + " processing units and " +
                          std::to_string(mem_mb) + " MB, available " + Units(free_units) +
                          " processing units and " + std::to_string(free_mem) + " MB");
  World next = w;
  next.managed_system.reservation = {true, proc_units, mem_mb};
  return sim_->Commit(std::move(next), Op::kReserve);
}

Status SimHmc::Release() {
  const World& w = sim_->world();
  LVU_RETURN_IF_ERROR(Answering(w));
  if (!w.managed_system.reservation.present) return Status::OK();
  World next = w;
  next.managed_system.reservation = Reservation{};
  return sim_->Commit(std::move(next), Op::kRelease);
}

Status SimHmc::RenameLpar(int id, const std::string& new_name) {
  const World& w = sim_->world();
  LVU_RETURN_IF_ERROR(Answering(w));
  const WorldLpar* l = w.FindLpar(id);
  if (l == nullptr) return NoSuchLpar(w, id);
  if (new_name.empty()) return Status::Failed("HSCL1403 A partition name cannot be empty");
  if (l->name == new_name) return Status::OK();
  if (const WorldLpar* other = LparNamed(w, new_name))
    return Status::Failed("HSCL1404 The partition name " + new_name +
                          " is already used by partition " + std::to_string(other->id));
  World next = w;
  next.FindLpar(id)->name = new_name;
  return sim_->Commit(std::move(next), Op::kRenameLpar);
}

Status SimHmc::CreateLpar(int new_id, int like_id, const std::string& name) {
  const World& w = sim_->world();
  LVU_RETURN_IF_ERROR(Answering(w));
  if (new_id < 1 || new_id > 1000)
    return Status::Failed("HSCL1405 Invalid partition ID " + std::to_string(new_id) +
                          ": must be 1 to 1000");
  if (const WorldLpar* existing = w.FindLpar(new_id)) {
    // Already created by an earlier call: the effect is present.
    if (existing->name == name && existing->from_reservation) return Status::OK();
    return Status::Failed("HSCL1406 The partition ID " + std::to_string(new_id) +
                          " is already used by partition " + existing->name);
  }
  const WorldLpar* like = w.FindLpar(like_id);
  if (like == nullptr) return NoSuchLpar(w, like_id);
  if (name.empty()) return Status::Failed("HSCL1403 A partition name cannot be empty");
  if (const WorldLpar* other = LparNamed(w, name))
    return Status::Failed("HSCL1404 The partition name " + name +
                          " is already used by partition " + std::to_string(other->id));
  const Reservation& r = w.managed_system.reservation;
  if (!r.present || r.proc_units + kUnitsEpsilon < like->proc_units || r.mem_mb < like->mem_mb)
    return Status::Failed("HSCL1407 Not enough reserved resources to create partition " + name +
                          ": it needs " + Units(like->proc_units) + " processing units and " +
                          std::to_string(like->mem_mb) + " MB, reserved " +
                          (r.present ? Units(r.proc_units) + " and " + std::to_string(r.mem_mb) + " MB"
                                     : std::string("none")));
  World next = w;
  WorldLpar n;
  n.id = new_id;
  n.name = name;
  n.state = "Not Activated";
  n.proc_units = like->proc_units;
  n.mem_mb = like->mem_mb;
  n.os_level = like->os_level;
  n.from_reservation = true;
  n.remote_restart = like->remote_restart;
  n.mem_mode = like->mem_mode;
  n.vnic_adapters = like->vnic_adapters;
  Reservation& nr = next.managed_system.reservation;
  nr.proc_units = RoundUnits(nr.proc_units - n.proc_units);
  nr.mem_mb -= n.mem_mb;
  if (nr.proc_units <= kUnitsEpsilon && nr.mem_mb <= 0) nr = Reservation{};
  next.lpars.push_back(std::move(n));
  return sim_->Commit(std::move(next), Op::kCreateLpar);
}

Status SimHmc::DeleteLpar(int id) {
  const World& w = sim_->world();
  LVU_RETURN_IF_ERROR(Answering(w));
  const WorldLpar* l = w.FindLpar(id);
  if (l == nullptr) return Status::OK();  // already deleted
  if (l->state == "Running")
    return Status::Failed("HSCL1408 Partition " + std::to_string(id) + " (" + l->name +
                          ") is running; shut it down before deleting it");
  World next = w;
  if (l->from_reservation) {
    Reservation& r = next.managed_system.reservation;
    r.present = true;
    r.proc_units = RoundUnits(r.proc_units + l->proc_units);
    r.mem_mb += l->mem_mb;
  }
  std::erase_if(next.lpars, [id](const WorldLpar& x) { return x.id == id; });
  return sim_->Commit(std::move(next), Op::kDeleteLpar);
}

Status SimHmc::Activate(int id, const std::string& boot_disk) {
  const World& w = sim_->world();
  LVU_RETURN_IF_ERROR(Answering(w));
  const WorldLpar* l = w.FindLpar(id);
  if (l == nullptr) return NoSuchLpar(w, id);
  if (l->state == "Running") {
    if (l->booted_from == boot_disk) return Status::OK();
    return Status::Failed("HSCL1409 Partition " + std::to_string(id) +
                          " is already running from " + l->booted_from);
  }
  const WorldDisk* disk = w.FindDisk(boot_disk);
  if (disk == nullptr)
    return Status::Failed("HSCL1410 Boot device " + boot_disk + " not found");
  // The partition discovers what its VIOS mappings give it: one path per
  // mapping, through the mapping's client adapter.
  std::vector<LparDisk> disks;
  for (const auto& m : w.mappings) {
    if (m.client_id != id) continue;
    for (const auto& lun : m.luns) {
      LparDisk* ld = nullptr;
      for (auto& d : disks)
        if (d.name == lun.disk) ld = &d;
      if (ld == nullptr) {
        disks.push_back({lun.disk, {}});
        ld = &disks.back();
      }
      ld->paths.push_back({m.client_adapter, "Enabled"});
    }
  }
  bool mapped = false;
  for (const auto& d : disks) mapped = mapped || d.name == boot_disk;
  if (!mapped)
    return Status::Failed("HSCL1411 Boot device " + boot_disk + " is not mapped to partition " +
                          std::to_string(id) + " by any VIOS");
  if (!disk->has_image)
    return Status::Failed("B1817201 Partition " + std::to_string(id) + ": " + boot_disk +
                          " holds no boot image");
  for (const auto& other : w.lpars)
    if (other.state == "Running" && other.booted_from == boot_disk)
      return Status::Failed("B1817202 Partition " + std::to_string(id) + ": " + boot_disk +
                            " is in use as the boot disk of running partition " +
                            std::to_string(other.id));
  World next = w;
  WorldLpar* n = next.FindLpar(id);
  n->state = "Running";
  n->booted_from = boot_disk;
  n->bootlist = {boot_disk};
  n->disks = std::move(disks);
  n->workload = "";
  n->processes = BootTable(next, *disk);
  return sim_->Commit(std::move(next), Op::kActivate);
}

Status SimHmc::Shutdown(int id) {
  const World& w = sim_->world();
  LVU_RETURN_IF_ERROR(Answering(w));
  const WorldLpar* l = w.FindLpar(id);
  if (l == nullptr) return NoSuchLpar(w, id);
  if (l->state != "Running") return Status::OK();
  World next = w;
  WorldLpar* n = next.FindLpar(id);
  n->state = "Not Activated";
  n->booted_from = "";
  n->disks.clear();
  n->workload = "";
  n->processes = ProcessTable{};
  return sim_->Commit(std::move(next), Op::kShutdown);
}

Status SimHmc::GetFacts(int id, HmcFacts* out) {
  const World& w = sim_->world();
  LVU_RETURN_IF_ERROR(Answering(w));
  const WorldLpar* l = w.FindLpar(id);
  if (l == nullptr) return NoSuchLpar(w, id);
  HmcFacts f;
  f.firmware = w.managed_system.firmware;
  f.free_virtual_slots = w.managed_system.free_virtual_slots;
  f.remote_restart = l->remote_restart;
  f.mem_mode = l->mem_mode;
  f.ams_pool_free_mb = w.managed_system.ams_pool_free_mb;
  f.vnic_adapters = l->vnic_adapters;
  f.free_vnic_ports = w.managed_system.free_vnic_ports;
  FreeResources(w, &f.free_proc_units, &f.free_mem_mb);
  *out = f;
  return Status::OK();
}

Status SimHmc::Login(const std::string& hmc, const std::string& user, const std::string& password,
                     HmcSession* out) {
  const World& w = sim_->world();
  if (hmc != w.hmc.address && hmc != w.hmc.hostname)
    return Status::Failed("Failed to connect to the management console " + hmc + " on port " +
                          std::to_string(kHmcPort) + ": no such host");
  LVU_RETURN_IF_ERROR(Answering(w));
  if (user != w.hmc.user || PasswordDigest(user, password) != w.hmc.password_sha256)
    return Status::Failed("PMCSS00G The management console " + hmc + " rejected the logon of user " +
                          user + ": invalid login credentials");
  HmcSession s;
  s.hmc = hmc;
  s.address = w.hmc.address;
  s.user = user;
  s.port = kHmcPort;
  s.expires_s = w.clock + w.hmc.session_ttl_s;
  s.token = SessionToken(w.hmc, user, s.expires_s);
  *out = s;
  return Status::OK();
}

Status SimHmc::CheckSession(const HmcSession& session) {
  const World& w = sim_->world();
  if (session.address != w.hmc.address)
    return Status::Failed("the token is for management console " + session.address +
                          ", which does not manage this partition (" + w.hmc.address + ")");
  LVU_RETURN_IF_ERROR(Answering(w));
  if (session.token != SessionToken(w.hmc, session.user, session.expires_s))
    return Status::Failed("PMCSS01E The management console " + w.hmc.address +
                          " does not recognize the session of user " + session.user +
                          ": it was revoked or never opened");
  if (w.clock >= session.expires_s)
    return Status::Failed("PMCSS02E The session of user " + session.user + " on " + w.hmc.address +
                          " expired " + std::to_string(w.clock - session.expires_s) + " s ago");
  return Status::OK();
}

}  // namespace lvu::drivers::sim
