// Internal to drivers/sim: the classes behind SimSystem. SimImpl owns the
// world in memory and commits every change; SimHmc, SimVios, SimOs and
// SimFaultPoint implement the driver interfaces over it (sim_hmc.cc,
// sim_vios.cc, sim_os.cc, sim_system.cc).
//
// Contracts for the parts:
// - A call validates its arguments against world(), returns OK without
//   touching anything when its effect is already present, and otherwise
//   builds the next world on a copy and hands it to Commit() with the
//   command's cost. So a failed call never leaves a half-changed world, in
//   memory or on disk.
// - Commit saves durably before the in-memory world changes: if the save
//   fails, the world is as before and the call returns the IOError.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "drivers/sim/cost_model.h"
#include "drivers/sim/sim_system.h"
#include "drivers/sim/world.h"

namespace lvu::drivers::sim {

class SimImpl;

class SimHmc : public Hmc {
 public:
  explicit SimHmc(SimImpl* sim) : sim_(sim) {}
  Status ListLpars(std::vector<Lpar>* out) override;
  Status GetReservation(Reservation* out) override;
  Status Reserve(double proc_units, int mem_mb) override;
  Status Release() override;
  Status RenameLpar(int id, const std::string& new_name) override;
  Status CreateLpar(int new_id, int like_id, const std::string& name) override;
  Status DeleteLpar(int id) override;
  Status Activate(int id, const std::string& boot_disk) override;
  Status Shutdown(int id) override;
  Status GetFacts(int id, HmcFacts* out) override;
  Status Login(const std::string& hmc, const std::string& user, const std::string& password,
               HmcSession* out) override;
  Status CheckSession(const HmcSession& session) override;

 private:
  SimImpl* sim_;
};

class SimVios : public Vios {
 public:
  explicit SimVios(SimImpl* sim) : sim_(sim) {}
  Status ListMappings(std::vector<VhostMapping>* out) override;
  Status SetClient(const std::string& vios, const std::string& vhost, int client_id) override;

 private:
  SimImpl* sim_;
};

class SimOs : public PartitionOs {
 public:
  explicit SimOs(SimImpl* sim) : sim_(sim) {}
  Status CurrentLpar(int* id, std::string* name) override;
  Status ListDisks(std::vector<Disk>* out) override;
  Status RemovePaths(int lpar, const std::string& adapter) override;
  Status ConfigurePaths(int lpar, const std::string& adapter) override;
  Status AltDiskCopy(int lpar, const std::string& disk) override;
  Status RemoveAltDisk(int lpar, const std::string& disk) override;
  Status ApplyFixToAltDisk(int lpar, const std::string& disk, const Fix& fix) override;
  Status RemoveFixFromAltDisk(int lpar, const std::string& disk, const std::string& label) override;
  Status MirrorRootvg(int lpar, const std::string& disk) override;
  Status UnmirrorRootvg(int lpar, const std::string& disk) override;
  Status FreezeWorkload(int lpar, const std::vector<ProcessClass>& classes) override;
  Status ThawWorkload(int lpar) override;
  Status RestartWorkload(int from, int to, const std::string& mirror_disk) override;
  Status SetBootlist(int lpar, const std::vector<std::string>& disks) override;
  Status Reboot(int lpar) override;
  Status ErrlogAdd(int lpar, const std::string& label, const std::string& text) override;
  Status ReadFix(const std::string& path, Fix* out) override;
  Status GetFacts(int lpar, OsFacts* out) override;
  // sim_os_processes.cc
  Status ListProcesses(int lpar, ProcessTable* out) override;
  Status SetLiveUpdate(int lpar, bool on) override;
  Status StartInittab(int lpar, const std::vector<InittabEntry>& entries) override;
  Status LoadKernelExtension(int lpar, const std::string& path, const std::string& command) override;

 private:
  SimImpl* sim_;
};

class SimFaultPoint : public FaultPoint {
 public:
  explicit SimFaultPoint(SimImpl* sim) : sim_(sim) {}
  Status Hit(const std::string& step, Phase phase, When when) override;

 private:
  SimImpl* sim_;
};

class SimImpl final : public SimSystem {
 public:
  SimImpl(std::string home, SimOptions options, World world, std::vector<Fault> faults);

  const char* name() const override { return "sim"; }
  Hmc& hmc() override { return hmc_; }
  Vios& vios() override { return vios_; }
  PartitionOs& os() override { return os_; }
  FaultPoint& faults() override { return fault_point_; }
  int64_t ClockSeconds() override { return world_.clock; }
  Status Spend(int64_t seconds) override;
  Status Reload() override;
  Status SetMobility(int lpar, int pid, const std::string& attr, std::string* err) override;

  std::string ShowJson() override;
  std::string ShowText() override;
  std::vector<Setting> Settings() override;
  std::string ReplaySettings() override;
  void Describe(std::vector<Described>* files, std::vector<std::string>* notes) override;
  Status Set(const std::string& key, const std::string& value) override;
  Status AddFault(const Fault& f) override;
  Status ListFaults(std::vector<Fault>* out) override;
  Status ClearFaults() override;

  // For the parts.
  const World& world() const { return world_; }
  const SimOptions& options() const { return options_; }
  // Makes `next` the world with its clock advanced by `seconds`: normalizes,
  // saves durably, swaps it in, then sleeps seconds / speed when scaled.
  Status Commit(World next, int64_t seconds);
  Status Commit(World next, Op op) { return Commit(std::move(next), SimCostSeconds(op, world_)); }
  // Faults: the first armed fault for (step, phase) that fires at `when`, its
  // count decremented durably; false when there is none.
  Status TakeFault(const std::string& step, FaultPoint::Phase phase, FaultPoint::When when,
                   bool* found, Fault* fault) override;

 private:
  const std::string home_;
  const SimOptions options_;
  World world_;
  std::vector<Fault> faults_;
  SimHmc hmc_{this};
  SimVios vios_{this};
  SimOs os_{this};
  SimFaultPoint fault_point_{this};
};

// Messages shared by the parts, worded like the commands they stand for.
Status NoSuchLpar(const World& w, int id);

}  // namespace lvu::drivers::sim
