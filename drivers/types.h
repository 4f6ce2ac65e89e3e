// Plain values the drivers report about the outside world: partitions, disks,
// paths, VIOS mappings, ifix packages. Names follow the AIX and HMC commands that
// report them (lssyscfg, lspv, lspath, lsmap, emgr -p).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lvu::drivers {

// One path of a disk as `lspath` shows it: "Enabled hdisk1 vscsi0".
struct Path {
  std::string adapter;  // "vscsi0"
  std::string status;   // "Enabled", "Missing", "Failed", "Defined"
};

// A disk as one partition sees it.
struct LparDisk {
  std::string name;  // "hdisk1"
  std::vector<Path> paths;
};

// A partition as the HMC (and the partition itself) reports it.
struct Lpar {
  int id = 0;                          // lpar_id, 1..1000
  std::string name;                    // "aix721534A"
  std::string state;                   // "Running", "Not Activated", "Starting"
  double proc_units = 0;
  int mem_mb = 0;
  std::string booted_from;             // disk it booted from ("" when not running)
  std::vector<std::string> bootlist;   // bootlist -m normal -o
  std::vector<std::string> ifixes;     // emgr -l labels of the running image
  std::vector<LparDisk> disks;         // lspath, grouped by disk
  std::string workload;                // "running", "frozen", "" (none)
  std::string os_level;                // lssyscfg's os_version level: "7200-00-00-0000"; "" unknown
};

// A disk (LUN) as `lspv` reports it, plus what rootvg image it holds.
struct Disk {
  std::string name;
  std::string pvid;
  int size_mb = 0;
  std::string vg;                      // "rootvg", "lvup_rootvg", "None"...
  bool has_image = false;              // holds a bootable rootvg image
  std::vector<std::string> image_ifixes;  // ifixes installed in that image
};

// One vhost of a VIOS, as `lsmap -vadapter` reports it.
struct VhostMapping {
  std::string vios;            // "s824vio1"
  std::string vhost;           // "vhost3"
  int client_id = 0;           // Client Partition ID
  std::string client_adapter;  // the client's adapter: "vscsi0"
  std::vector<std::string> disks;  // client disk names backed through it
  // How each of `disks` is backed on the VIOS (same order): "pv" (a whole
  // physical volume), "lv" (a logical volume), "ssp" (a shared storage pool
  // LU) or "file".
  std::vector<std::string> backings;
  bool any_client = false;     // the vhost accepts any partition or slot
};

// Resources reserved on the frame for the surrogate (hmc.reserve).
struct Reservation {
  bool present = false;
  double proc_units = 0;
  int mem_mb = 0;
};

// An ifix package as `emgr -p -e FILE` describes it.
struct Fix {
  std::string file;         // path of the .epkg.Z
  std::string label;        // "dummy"
  std::string abstract;     // "Test fix for Live Update"
  bool lu_capable = false;  // LU CAPABLE: yes|no
  bool reboot_required = false;
  std::vector<std::string> files;  // files it patches
};

// What `hmcauth` keeps: a session the HMC opened for a user. The token proves
// it; the password is used by Hmc::Login only and is in no other value.
struct HmcSession {
  std::string hmc;        // the name given to hmcauth -a: "hsc02" or "10.1.50.30"
  std::string address;    // the HMC's IP address
  std::string user;       // "hscroot"
  int port = 12443;       // the HMC's web API port
  std::string token;
  int64_t expires_s = 0;  // world clock (System::ClockSeconds) at which it expires
};

}  // namespace lvu::drivers
