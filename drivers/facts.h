// Facts: what the preview checks and the estimates need to know about the
// partition and its frame, as plain values. Two reports:
//
// - OsFacts: the partition's AIX, read with PartitionOs::GetFacts (lsvg,
//   lsps, sysdumpdev, df, lsdev, trustchk, lslpp, lswpar, vmo, emgr...).
// - HmcFacts: what the HMC knows of the partition and its managed system,
//   read with Hmc::GetFacts (lslic, lshwres, lssyscfg).
//
// Each field names the command that reports it on AIX. Lists of names are
// empty when there is nothing to report (no tape device, no active WPAR...).
// Facts describe the environment an operation runs in: no step of a live
// update changes them.
//
// `unread`: the keys (drivers/fact_sources.h) of the sources the driver did
// not read; the fields those sources report keep their defaults and mean
// nothing. The simulator reads every source; the aix driver lists what it
// has no parser for yet.
#pragma once

#include <string>
#include <vector>

namespace lvu::drivers {

// One mounted file system, as `df -m` and `mount` show it.
struct FileSystem {
  std::string mount;   // "/var"
  std::string device;  // "/dev/hd9var"; "/proc" for procfs
  std::string type;    // "jfs2", "nfs", "procfs", "jfs", "cachefs", "ahafs"...
  std::string vg;      // "rootvg"; "" for remote and pseudo file systems
  int size_mb = 0;     // MB blocks
  int free_mb = 0;     // Free
};

struct OsFacts {
  // Root volume group (lsvg rootvg, lsvg -l rootvg, lsvg -M rootvg).
  int rootvg_used_mb = 0;                 // USED PPs in MB: what a copy of rootvg needs
  int rootvg_copies = 1;                  // mirror copies of rootvg, 1..3
  bool rootvg_uniformly_mirrored = true;  // every LV has the same number of copies
  int rootvg_stale_lvs = 0;               // LVs with stale partitions
  bool rootvg_lvm_snapshot = false;       // rootvg is split off as a snapshot volume group
  bool rootvg_jfs2_snapshot = false;      // a rootvg file system has a JFS2 snapshot
  int paging_mb = 0;                      // lsps -a: rootvg paging space size
  int dump_mb = 0;                        // sysdumpdev -e / lslv: primary dump device size

  std::vector<FileSystem> filesystems;    // df -m, in mount order
  std::string ifix_location;              // mount point of the file system holding the ifixes

  // Devices (lsdev).
  std::vector<std::string> tape_devices;      // rmt*
  std::vector<std::string> optical_devices;   // cd*
  std::vector<std::string> physical_devices;  // devices that are not virtual (ent0, fcs0...)
  std::vector<std::string> open_capi_devices; // CAPI devices (cxl*) held open
  std::vector<std::string> vlog_devices;      // virtual log devices (vlog*)
  std::vector<std::string> gre_tunnels;       // GRE tunnel interfaces (gre*)

  // The system and the session lvupdate runs in.
  bool diskless = false;                  // a diskless (NIM) client
  bool multibos = false;                  // a standby BOS exists (multibos -s)
  bool console_session = false;           // lvupdate runs from the system console
  std::string environment = "global";     // "global"; "wpar" or "chroot" is not valid

  // Security (lslpp, trustchk -p, tcbck, lsauth, krb5, PowerSC).
  bool pkcs11_installed = false;          // fileset security.pkcs11
  bool trustchk_tep = false;              // Trusted Execution Policy (TEP=ON)
  bool trustchk_tlp = false;              // Trusted Library Policy (TLP=ON)
  bool trustchk_tsd_files_lock = false;   // TSD_FILES_LOCK=ON
  bool trustchk_chkshlib = false;         // CHKSHLIB=ON
  bool trustchk_stop_untrustd = false;    // STOP_UNTRUSTD=ON
  bool tcb = false;                       // Trusted Computing Base installed
  bool kerberos_configured = false;       // /etc/krb5 configuration present
  std::vector<std::string> kerberos_processes;   // processes holding Kerberos credentials
  std::vector<std::string> nfs_kerberos_mounts;  // NFS mounts with sec=krb5*
  std::vector<std::string> nfs_v2_mounts;        // NFS mounts of version 2 (unsupported)
  bool trusted_logging = false;           // PowerSC Trusted Logging
  bool dod_profile = false;               // DoD security profile active (aixpert)

  // Workload partitions (lswpar, audit).
  std::vector<std::string> active_wpars;
  std::vector<std::string> audited_stopped_wpars;  // audit enabled for a stopped WPAR

  // RAS (lssrc -g rsct, trcstop, probevctrl, ctctrl, raso, vmo).
  bool rsct_active = true;                // RSCT daemons (ctrmc...) are active
  bool trace_channel0_in_use = false;     // system trace channel 0 is taken
  int probevue_sessions = 0;              // ProbeVue sessions running
  int ctrace_mb = 0;                      // Component Trace buffers to dump to /var
  int lmt_mb = 0;                         // Lightweight memory trace buffers to dump to /var
  int large_page_regions = 0;             // vmo lgpg_regions: 16 MB pages configured
  bool dmapi_in_use = false;              // a DMAPI application is registered
  bool user_storage_keys = false;         // user storage keys enabled

  // The workload and the fixes (ps, emgr -l).
  std::vector<std::string> nfs_executables;       // running programs loaded from NFS
  std::vector<std::string> reboot_pending_fixes;  // installed ifixes waiting for a reboot
  int mobile_processes = 0;               // processes the checkpoint moves
  int boot_s = 0;                         // seconds the partition takes to boot

  std::vector<std::string> unread;        // fact sources not read (fact_sources.h)
};

struct HmcFacts {
  std::string firmware;              // lslic: "SV810_081"
  int free_virtual_slots = 0;        // virtual slots the surrogate can still use
  bool remote_restart = false;       // lssyscfg -r lpar: remote_restart_capable
  std::string mem_mode = "ded";      // "ded" or "shared" (Active Memory Sharing)
  int ams_pool_free_mb = 0;          // free memory of the shared memory pool
  int vnic_adapters = 0;             // vNIC adapters of the partition
  int free_vnic_ports = 0;           // SR-IOV logical ports the frame can still give
  double free_proc_units = 0;        // frame resources not used by any partition
  int free_mem_mb = 0;

  std::vector<std::string> unread;   // fact sources not read (fact_sources.h)
};

}  // namespace lvu::drivers
