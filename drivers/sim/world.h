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
};

struct HmcInfo {
  std::string address;  // "10.1.50.30"
  std::string user;     // "hscroot"
  std::string version;  // "V8R8.4.0.0"
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
};

struct WorldMapping {
  std::string vios;            // "s824vio1"
  std::string vhost;           // "vhost3"
  std::string physloc;         // "U8286.42A.214F58V-V1-C90"
  int client_id = 0;           // Client Partition ID
  std::string client_adapter;  // the client's vscsi adapter: "vscsi0"
  std::vector<VhostLun> luns;
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

  // Lookups; nullptr when absent.
  WorldLpar* FindLpar(int id);
  const WorldLpar* FindLpar(int id) const;
  WorldDisk* FindDisk(const std::string& name);
  const WorldDisk* FindDisk(const std::string& name) const;
  WorldMapping* FindMapping(const std::string& vios, const std::string& vhost);

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
