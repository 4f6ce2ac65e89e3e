// The simulated world as plain structs, and its JSON form.
//
// Contracts:
// - Everything the simulator knows is in World; nothing else (no counters,
//   no history) is kept anywhere, so two worlds compare equal exactly when
//   their JSON texts are equal.
// - Only `clock` and `errlog` record the passage of time. Every other field
//   describes the present state of the machines, so undoing a change step
//   by step gives back the same JSON except for those two keys.
// - Collections are kept in a canonical order (lpars by id, disks by name,
//   an lpar's disks by name, paths by adapter, mappings by vios then vhost),
//   so the same state always serializes to the same text. Normalize()
//   restores that order after a change.
// - ToJson emits sorted keys; ParseWorld is strict: a missing or mistyped
//   field is Corruption naming the field.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "drivers/facts.h"
#include "drivers/processes.h"
#include "drivers/types.h"

namespace lvu::drivers::sim {

struct ErrlogEntry {
  int64_t time = 0;     // simulated clock when logged
  std::string label;    // "LVUPDATE"
  std::string text;     // "Live AIX update completed successfully"
  int lpar = 0;         // partition that logged it
};

struct ManagedSystem {
  std::string name;              // "Server-8286-42A-SN214F58V"
  std::string firmware;          // "SV810_081"
  double proc_units_total = 0;
  int mem_mb_total = 0;
  Reservation reservation;       // resources held for a surrogate
  int free_virtual_slots = 0;    // virtual slots a new partition can still use
  int free_vnic_ports = 0;       // SR-IOV logical ports left for vNIC adapters
  int ams_pool_free_mb = 0;      // free memory of the shared memory pool
};

// The HMC and the one user it knows. It keeps no password, only a salted
// SHA-256 of it (sim/hmc_session.h), and no sessions: a session token is a
// digest of the session (user, expiry, generation) keyed by `session_key`,
// so the HMC recognizes its own tokens without storing them.
struct HmcInfo {
  std::string address;           // "10.1.50.30"
  std::string hostname;          // "hsc02"
  std::string user;              // "hscroot"
  std::string version;           // "V8R8.4.0.0"
  std::string password_sha256;   // hex SHA-256 of salt + password
  std::string session_key;       // signs session tokens
  int64_t session_ttl_s = 0;     // lifetime of a new session
  int session_generation = 1;    // bumping it revokes every session
  bool responding = true;        // false: every HMC request fails
};

// A LUN as every partition sees it (names are the same on all partitions,
// as in the seed lab), with the rootvg image it holds.
struct WorldDisk {
  std::string name;                       // "hdisk1"
  std::string pvid;                       // "00f94f58cc2de28d"
  int size_mb = 0;
  std::string vg;                         // "rootvg", "lvup_rootvg", "None"
  bool has_image = false;                 // holds a bootable rootvg image
  std::vector<std::string> image_ifixes;  // ifix labels installed in it
};

// One virtual target device of a vhost (lsmap's VTD block).
struct VhostLun {
  std::string vtd;             // "vtscsi0"
  std::string lun;             // "0x8100000000000000"
  std::string backing_device;  // VIOS-side disk: "hdisk7"
  std::string disk;            // client-side disk: "hdisk1"
  std::string backing = "pv";  // "pv", "lv", "ssp" or "file"
};

struct WorldMapping {
  std::string vios;            // "s824vio1"
  std::string vhost;           // "vhost3"
  std::string physloc;         // "U8286.42A.214F58V-V1-C90"
  int client_id = 0;           // Client Partition ID
  std::string client_adapter;  // the client's vscsi adapter: "vscsi0"
  std::vector<VhostLun> luns;
  bool any_client = false;     // the vhost accepts any partition or slot
};

struct WorldLpar {
  int id = 0;
  std::string name;
  std::string state;                    // "Running", "Not Activated"
  double proc_units = 0;
  int mem_mb = 0;
  std::string os_level;                 // "7200-00-00-0000"
  std::string booted_from;              // "" when not running
  std::vector<std::string> bootlist;
  std::vector<LparDisk> disks;          // configured disks and their paths
  std::string workload;                 // "running", "frozen", ""
  bool from_reservation = false;        // created by CreateLpar from a reservation
  // Profile attributes a surrogate inherits from the partition it is like.
  bool remote_restart = false;          // remote_restart_capable
  std::string mem_mode = "ded";         // "ded" or "shared"
  int vnic_adapters = 0;
  ProcessTable processes;               // what runs in it (sim/process_table.h)
};

struct World {
  int64_t clock = 0;
  std::vector<ErrlogEntry> errlog;
  ManagedSystem managed_system;
  HmcInfo hmc;
  std::vector<std::string> vios;        // VIOS partition names
  std::vector<WorldMapping> mappings;
  std::vector<WorldDisk> disks;
  std::vector<WorldLpar> lpars;
  // The AIX environment of the partition that runs the workload (it moves
  // with the workload to the surrogate): what PartitionOs::GetFacts reports.
  OsFacts os;
  // Seeds the jitter of command costs (cost_model.h); 0: no jitter.
  uint64_t jitter_seed = 0;

  // Lookups; nullptr when absent.
  WorldLpar* FindLpar(int id);
  const WorldLpar* FindLpar(int id) const;
  WorldDisk* FindDisk(const std::string& name);
  const WorldDisk* FindDisk(const std::string& name) const;
  WorldMapping* FindMapping(const std::string& vios, const std::string& vhost);

  // The partition lvupdate runs on (`uname -L`): the one holding the workload
  // (running or frozen), else the lowest-numbered running one; nullptr when
  // none runs.
  const WorldLpar* WorkloadLpar() const;

  // The ifixes of the image a partition runs: the image_ifixes of the disk it
  // booted from; empty when it is not running.
  std::vector<std::string> RunningIfixes(const WorldLpar& l) const;

  // Sorts every collection into the canonical order.
  void Normalize();
};

// Rounds processing units to the HMC's granularity (0.01), so that adding
// and subtracting them never drifts.
double RoundUnits(double units);

// The world as JSON (nlohmann::json keeps keys sorted) and as text
// (two-space indentation, trailing newline).
nlohmann::json WorldToJson(const World& w);
std::string WorldToJsonText(const World& w);

// Parses WorldToJsonText's output. `where` names the source in messages.
Status ParseWorld(const std::string& text, const std::string& where, World* out);

}  // namespace lvu::drivers::sim
