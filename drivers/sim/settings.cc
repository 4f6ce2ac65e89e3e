#include "drivers/sim/settings.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>

#include <nlohmann/json.hpp>

namespace lvu::drivers::sim {
namespace {

// A setting with the code that reads and writes it.
struct Desc {
  Setting s;
  std::function<std::string(const World&)> get;
  std::function<Status(World*, const std::string&)> set;
};

Status Bad(const std::string& key, const std::string& value, const std::string& expected) {
  return Status::InvalidArgument("sim set " + key + ": bad value '" + value + "' (expected " + expected + ")");
}

bool ParseLong(const std::string& v, long long lo, long long hi, long long* out) {
  if (v.empty()) return false;
  errno = 0;
  char* end = nullptr;
  long long x = std::strtoll(v.c_str(), &end, 10);
  if (errno != 0 || *end != '\0' || x < lo || x > hi) return false;
  *out = x;
  return true;
}

std::string Join(const std::vector<std::string>& v) {
  if (v.empty()) return "none";
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

// "none", "" or "a,b,c" (names of letters, digits and . _ - / : only).
bool ParseList(const std::string& v, std::vector<std::string>* out) {
  out->clear();
  if (v.empty() || v == "none") return true;
  std::string cur;
  for (char c : v + ",") {
    if (c == ',') {
      if (cur.empty()) return false;
      out->push_back(cur);
      cur.clear();
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' ||
               c == '/' || c == ':') {
      cur += c;
    } else {
      return false;
    }
  }
  return true;
}

Setting Meta(std::string key, std::vector<std::string> feeds, std::vector<Breaker> breaks, std::string help) {
  return Setting{std::move(key), "", std::move(feeds), std::move(breaks), std::move(help)};
}

// `acc` is a generic lambda giving the attribute of a World (const or not).
template <typename Acc>
Desc Int(Setting m, Acc acc, long long lo, long long hi) {
  std::string key = m.key;
  return {std::move(m), [acc](const World& w) { return std::to_string(acc(w)); },
          [acc, key, lo, hi](World* w, const std::string& v) {
            long long x;
            if (!ParseLong(v, lo, hi, &x))
              return Bad(key, v, "an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
            acc(*w) = static_cast<std::remove_reference_t<decltype(acc(*w))>>(x);
            return Status::OK();
          }};
}

// yes|no, or on|off when `on_off`.
template <typename Acc>
Desc Bool(Setting m, Acc acc, bool on_off = false) {
  std::string key = m.key;
  const char* t = on_off ? "on" : "yes";
  const char* f = on_off ? "off" : "no";
  return {std::move(m), [acc, t, f](const World& w) { return std::string(acc(w) ? t : f); },
          [acc, key, t, f](World* w, const std::string& v) {
            if (v == t) acc(*w) = true;
            else if (v == f) acc(*w) = false;
            else return Bad(key, v, std::string(t) + " or " + f);
            return Status::OK();
          }};
}

template <typename Acc>
Desc List(Setting m, Acc acc) {
  std::string key = m.key;
  return {std::move(m), [acc](const World& w) { return Join(acc(w)); },
          [acc, key](World* w, const std::string& v) {
            std::vector<std::string> list;
            if (!ParseList(v, &list)) return Bad(key, v, "names separated by commas, or none");
            acc(*w) = list;
            return Status::OK();
          }};
}

// One of `allowed`, or any non-empty word when `allowed` is empty.
template <typename Acc>
Desc Word(Setting m, Acc acc, std::vector<std::string> allowed) {
  std::string key = m.key;
  return {std::move(m), [acc](const World& w) { return std::string(acc(w)); },
          [acc, key, allowed](World* w, const std::string& v) {
            bool ok = !v.empty() && v.find_first_of(" \t\n,") == std::string::npos;
            if (!allowed.empty()) {
              ok = false;
              for (const auto& a : allowed) ok = ok || a == v;
            }
            if (!ok) return Bad(key, v, allowed.empty() ? std::string("a word") : Join(allowed));
            acc(*w) = v;
            return Status::OK();
          }};
}

WorldLpar* CurrentLpar(World* w) {
  const WorldLpar* l = w->WorkloadLpar();
  return l == nullptr ? nullptr : w->FindLpar(l->id);
}

Status NoPartition(const std::string& key) {
  return Status::InvalidArgument("sim set " + key + ": no partition runs the workload");
}

// The attribute of the partition that runs the workload.
template <typename T>
Desc LparAttr(Setting m, T WorldLpar::*field, std::function<std::string(const T&)> show,
              std::function<bool(const std::string&, T*)> parse, std::string expected) {
  std::string key = m.key;
  return {std::move(m),
          [field, show](const World& w) {
            const WorldLpar* l = w.WorkloadLpar();
            return l == nullptr ? std::string("-") : show(l->*field);
          },
          [field, parse, key, expected](World* w, const std::string& v) {
            WorldLpar* l = CurrentLpar(w);
            if (l == nullptr) return NoPartition(key);
            T x;
            if (!parse(v, &x)) return Bad(key, v, expected);
            l->*field = x;
            return Status::OK();
          }};
}

bool ParseYesNo(const std::string& v, bool* out) {
  if (v != "yes" && v != "no") return false;
  *out = v == "yes";
  return true;
}

std::vector<Desc> Descs(const World& world) {
  std::vector<Desc> d;
  // Root volume group, paging and dump (lsvg, lsps, sysdumpdev).
  d.push_back(Int(Meta("rootvg.used_mb", {"disk.mirror_vg", "disk.new_rootvg", "estimate"},
                       {{"60000", "disk.mirror_vg", ""}, {"60000", "disk.new_rootvg", ""}},
                       "lsvg rootvg USED PPs in MB: the size of the clone and of the mirror"),
                  [](auto& w) -> auto& { return w.os.rootvg_used_mb; }, 1, 10000000));
  d.push_back(Int(Meta("rootvg.copies", {"rootvg.max_copies"}, {{"3", "rootvg.max_copies", ""}},
                       "mirror copies of rootvg (lsvg -l rootvg)"),
                  [](auto& w) -> auto& { return w.os.rootvg_copies; }, 1, 3));
  d.push_back(Bool(Meta("rootvg.uniformly_mirrored", {"rootvg.uniform_mirror"}, {{"no", "rootvg.uniform_mirror", ""}},
                        "every LV of rootvg has the same number of copies"),
                   [](auto& w) -> auto& { return w.os.rootvg_uniformly_mirrored; }));
  d.push_back(Int(Meta("rootvg.stale_lvs", {"rootvg.stale_lvs"}, {{"2", "rootvg.stale_lvs", ""}},
                       "rootvg LVs with stale partitions (lsvg -l rootvg)"),
                  [](auto& w) -> auto& { return w.os.rootvg_stale_lvs; }, 0, 100000));
  d.push_back(Bool(Meta("rootvg.lvm_snapshot", {"rootvg.snapshot"}, {{"yes", "rootvg.snapshot", ""}},
                        "rootvg is split off as a snapshot volume group (splitvg)"),
                   [](auto& w) -> auto& { return w.os.rootvg_lvm_snapshot; }));
  d.push_back(Bool(Meta("rootvg.jfs2_snapshot", {"rootvg.fs_snapshot"}, {{"yes", "rootvg.fs_snapshot", ""}},
                        "a rootvg file system has a JFS2 snapshot (snapshot -q)"),
                   [](auto& w) -> auto& { return w.os.rootvg_jfs2_snapshot; }));
  d.push_back(Int(Meta("paging.size_mb", {"disk.paging"}, {},
                       "rootvg paging space (lsps -a): the size tohdisk needs"),
                  [](auto& w) -> auto& { return w.os.paging_mb; }, 0, 10000000));
  d.push_back(Int(Meta("dump.size_mb", {"disk.dump"}, {},
                       "primary dump device (sysdumpdev): the size tshdisk needs"),
                  [](auto& w) -> auto& { return w.os.dump_mb; }, 0, 10000000));

  // File systems (df -m, mount).
  for (size_t i = 0; i < world.os.filesystems.size(); i++) {
    const std::string& mount = world.os.filesystems[i].mount;
    auto fs = [i](auto& w) -> auto& { return w.os.filesystems[i]; };
    if (mount == "/" || mount == "/var") {
      std::vector<std::string> feeds = {mount == "/" ? "space.root" : "space.var"};
      if (mount == "/var") {
        feeds.push_back("var.ctrace");
        feeds.push_back("var.lmt");
      }
      d.push_back(Int(Meta("fs." + mount + ".free_mb", feeds, {{mount == "/" ? "10" : "80", feeds[0], ""}},
                           "free MB of " + mount + " (df -m)"),
                      [fs](auto& w) -> auto& { return fs(w).free_mb; }, 0, 100000000));
    }
    d.push_back(Word(Meta("fs." + mount + ".type", {"fs.types"}, {{"cachefs", "fs.types", ""}},
                          "type of the file system mounted on " + mount + " (mount)"),
                     [fs](auto& w) -> auto& { return fs(w).type; }, {}));
  }
  d.push_back(Word(Meta("ifix.location", {"ifix.location"}, {{"/mnt/fixes", "ifix.location", ""}},
                        "mount point of the file system that holds the ifix directory"),
                   [](auto& w) -> auto& { return w.os.ifix_location; }, {}));

  // Devices (lsdev).
  d.push_back(List(Meta("devices.tape", {"devices.tape"}, {{"rmt0", "devices.tape", ""}}, "tape devices"),
                   [](auto& w) -> auto& { return w.os.tape_devices; }));
  d.push_back(List(Meta("devices.optical", {"devices.optical"}, {{"cd0", "devices.optical", ""}},
                        "optical devices"),
                   [](auto& w) -> auto& { return w.os.optical_devices; }));
  d.push_back(List(Meta("devices.physical", {"devices.virtual"}, {{"ent0", "devices.virtual", ""}},
                        "devices that are not virtual"),
                   [](auto& w) -> auto& { return w.os.physical_devices; }));
  d.push_back(List(Meta("devices.capi_open", {"devices.capi"}, {{"cxl0", "devices.capi", ""}},
                        "CAPI devices held open"),
                   [](auto& w) -> auto& { return w.os.open_capi_devices; }));
  d.push_back(List(Meta("devices.vlog", {"devices.vlog"}, {{"vlog0", "devices.vlog", ""}},
                        "virtual log devices"),
                   [](auto& w) -> auto& { return w.os.vlog_devices; }));
  d.push_back(List(Meta("net.gre_tunnels", {"net.gre"}, {{"gre0", "net.gre", ""}}, "GRE tunnel interfaces"),
                   [](auto& w) -> auto& { return w.os.gre_tunnels; }));

  // The system and the session.
  d.push_back(Bool(Meta("system.diskless", {"system.diskless"}, {{"yes", "system.diskless", ""}},
                        "a diskless NIM client"),
                   [](auto& w) -> auto& { return w.os.diskless; }));
  d.push_back(Bool(Meta("system.multibos", {"system.multibos"}, {{"yes", "system.multibos", ""}},
                        "a standby BOS exists (multibos -s)"),
                   [](auto& w) -> auto& { return w.os.multibos; }));
  d.push_back(Bool(Meta("session.console", {"session.console"}, {{"yes", "session.console", ""}},
                        "lvupdate runs from the system console"),
                   [](auto& w) -> auto& { return w.os.console_session; }));
  d.push_back(Word(Meta("session.environment", {"session.environment"}, {{"wpar", "session.environment", ""}},
                        "where lvupdate runs: global, wpar or chroot"),
                   [](auto& w) -> auto& { return w.os.environment; }, {"global", "wpar", "chroot"}));

  // Security.
  d.push_back(Bool(Meta("security.pkcs11", {"security.pkcs11"}, {{"yes", "security.pkcs11", ""}},
                        "fileset security.pkcs11 installed (lslpp)"),
                   [](auto& w) -> auto& { return w.os.pkcs11_installed; }));
  d.push_back(Bool(Meta("trustchk.tep", {"trustchk.tep"}, {{"on", "trustchk.tep", ""}}, "trustchk -p TEP"),
                   [](auto& w) -> auto& { return w.os.trustchk_tep; }, true));
  d.push_back(Bool(Meta("trustchk.tlp", {"trustchk.tlp"}, {{"on", "trustchk.tlp", ""}}, "trustchk -p TLP"),
                   [](auto& w) -> auto& { return w.os.trustchk_tlp; }, true));
  d.push_back(Bool(Meta("trustchk.tsd_files_lock", {"trustchk.tsd_files_lock"},
                        {{"on", "trustchk.tsd_files_lock", ""}}, "trustchk -p TSD_FILES_LOCK"),
                   [](auto& w) -> auto& { return w.os.trustchk_tsd_files_lock; }, true));
  d.push_back(Bool(Meta("trustchk.chkshlib", {"trustchk.chkshlib"},
                        {{"on", "trustchk.chkshlib", "trustchk.stop_untrustd=on"}}, "trustchk -p CHKSHLIB"),
                   [](auto& w) -> auto& { return w.os.trustchk_chkshlib; }, true));
  d.push_back(Bool(Meta("trustchk.stop_untrustd", {"trustchk.chkshlib"},
                        {{"on", "trustchk.chkshlib", "trustchk.chkshlib=on"}}, "trustchk -p STOP_UNTRUSTD"),
                   [](auto& w) -> auto& { return w.os.trustchk_stop_untrustd; }, true));
  d.push_back(Bool(Meta("security.tcb", {"security.tcb"}, {{"yes", "security.tcb", ""}},
                        "Trusted Computing Base installed (tcbck)"),
                   [](auto& w) -> auto& { return w.os.tcb; }));
  d.push_back(Bool(Meta("security.kerberos", {"security.kerberos"}, {{"yes", "security.kerberos", ""}},
                        "a Kerberos configuration exists (/etc/krb5)"),
                   [](auto& w) -> auto& { return w.os.kerberos_configured; }));
  d.push_back(List(Meta("security.kerberos_processes", {"security.kerberos_processes"},
                        {{"sshd", "security.kerberos_processes", ""}}, "processes using Kerberos authentication"),
                   [](auto& w) -> auto& { return w.os.kerberos_processes; }));
  d.push_back(List(Meta("nfs.kerberos_mounts", {"nfs.kerberos"}, {{"/mnt/secure", "nfs.kerberos", ""}},
                        "NFS mounts with sec=krb5"),
                   [](auto& w) -> auto& { return w.os.nfs_kerberos_mounts; }));
  d.push_back(List(Meta("nfs.v2_mounts", {"nfs.config"}, {{"/mnt/old", "nfs.config", ""}},
                        "NFS version 2 mounts"),
                   [](auto& w) -> auto& { return w.os.nfs_v2_mounts; }));
  d.push_back(Bool(Meta("security.trusted_logging", {"security.trusted_logging"},
                        {{"yes", "security.trusted_logging", ""}}, "PowerSC Trusted Logging configured"),
                   [](auto& w) -> auto& { return w.os.trusted_logging; }));
  d.push_back(Bool(Meta("security.dod_profile", {"security.dod_profile"}, {{"yes", "security.dod_profile", ""}},
                        "DoD security profile active (aixpert)"),
                   [](auto& w) -> auto& { return w.os.dod_profile; }));

  // Workload partitions.
  d.push_back(List(Meta("wpar.active", {"wpar.active"}, {{"wpar1", "wpar.active", ""}}, "active WPARs (lswpar)"),
                   [](auto& w) -> auto& { return w.os.active_wpars; }));
  d.push_back(List(Meta("wpar.audited_stopped", {"wpar.audit"}, {{"wpar2", "wpar.audit", ""}},
                        "stopped WPARs with audit enabled"),
                   [](auto& w) -> auto& { return w.os.audited_stopped_wpars; }));

  // RAS.
  d.push_back(Bool(Meta("rsct.active", {"rsct.active"}, {{"no", "rsct.active", ""}},
                        "RSCT daemons active (lssrc -g rsct)"),
                   [](auto& w) -> auto& { return w.os.rsct_active; }));
  d.push_back(Bool(Meta("ras.trace_channel0", {"ras.trace_channel0"}, {{"yes", "ras.trace_channel0", ""}},
                        "system trace channel 0 in use"),
                   [](auto& w) -> auto& { return w.os.trace_channel0_in_use; }));
  d.push_back(Int(Meta("ras.probevue_sessions", {"ras.probevue"}, {{"1", "ras.probevue", ""}},
                       "ProbeVue sessions running (probevctrl -l)"),
                  [](auto& w) -> auto& { return w.os.probevue_sessions; }, 0, 1000));
  d.push_back(Int(Meta("ras.ctrace_mb", {"var.ctrace"}, {{"4096", "var.ctrace", ""}},
                       "Component Trace buffers to dump to /var (ctctrl)"),
                  [](auto& w) -> auto& { return w.os.ctrace_mb; }, 0, 1000000));
  d.push_back(Int(Meta("ras.lmt_mb", {"var.lmt"}, {{"4096", "var.lmt", ""}},
                       "Lightweight memory trace buffers to dump to /var (raso)"),
                  [](auto& w) -> auto& { return w.os.lmt_mb; }, 0, 1000000));
  d.push_back(Int(Meta("vmm.lgpg_regions", {"vmm.large_pages"}, {{"16", "vmm.large_pages", ""}},
                       "16 MB pages configured (vmo lgpg_regions)"),
                  [](auto& w) -> auto& { return w.os.large_page_regions; }, 0, 1000000));
  d.push_back(Bool(Meta("io.dmapi", {"io.dmapi"}, {{"yes", "io.dmapi", ""}}, "a DMAPI application is registered"),
                   [](auto& w) -> auto& { return w.os.dmapi_in_use; }));
  d.push_back(Bool(Meta("vmm.user_storage_keys", {"vmm.storage_keys"}, {{"yes", "vmm.storage_keys", ""}},
                        "user storage keys enabled"),
                   [](auto& w) -> auto& { return w.os.user_storage_keys; }));

  // The workload and the fixes.
  d.push_back(List(Meta("workload.nfs_executables", {"workload.nfs_executables"},
                        {{"/mnt/nfs/bin/app", "workload.nfs_executables", ""}},
                        "running programs loaded from NFS"),
                   [](auto& w) -> auto& { return w.os.nfs_executables; }));
  d.push_back(Int(Meta("workload.mobile_processes", {"estimate"}, {},
                       "processes the checkpoint moves (blackout estimate)"),
                  [](auto& w) -> auto& { return w.os.mobile_processes; }, 0, 10000000));
  d.push_back(Int(Meta("lpar.boot_s", {"estimate"}, {}, "seconds the partition takes to boot"),
                  [](auto& w) -> auto& { return w.os.boot_s; }, 0, 100000));
  d.push_back(List(Meta("emgr.reboot_pending", {"ifix.reboot_pending"}, {{"oldfix", "ifix.reboot_pending", ""}},
                        "installed ifixes waiting for a reboot (emgr -l state Q)"),
                   [](auto& w) -> auto& { return w.os.reboot_pending_fixes; }));

  // The HMC, the frame and the partition's profile.
  d.push_back(Word(Meta("firmware", {"firmware.level"}, {{"SV780_040", "firmware.level", ""}},
                        "system firmware level (lslic)"),
                   [](auto& w) -> auto& { return w.managed_system.firmware; }, {}));
  d.push_back(Bool(Meta("hmc.responding", {"hmc.requests"}, {{"no", "hmc.requests", ""}},
                        "the HMC answers requests"),
                   [](auto& w) -> auto& { return w.hmc.responding; }));
  d.push_back(Int(Meta("hmc.session_generation", {"hmc.token_valid"},
                       {{std::to_string(world.hmc.session_generation + 1), "hmc.token_valid", ""}},
                       "changing it revokes every HMC session"),
                  [](auto& w) -> auto& { return w.hmc.session_generation; }, 1, 1000000000));
  d.push_back(Int(Meta("hmc.session_ttl_s", {"hmc.token_valid"}, {},
                       "lifetime in simulated seconds of the sessions hmcauth opens from now on"),
                  [](auto& w) -> auto& { return w.hmc.session_ttl_s; }, 0, 100000000));
  d.push_back(Int(Meta("frame.free_virtual_slots", {"hmc.virtual_slot"}, {{"0", "hmc.virtual_slot", ""}},
                       "virtual slots a new partition can use"),
                  [](auto& w) -> auto& { return w.managed_system.free_virtual_slots; }, 0, 100000));
  d.push_back(Int(Meta("frame.free_vnic_ports", {"lpar.vnic"}, {}, "SR-IOV logical ports left for vNIC"),
                  [](auto& w) -> auto& { return w.managed_system.free_vnic_ports; }, 0, 100000));
  d.push_back(Int(Meta("frame.ams_pool_free_mb", {"lpar.ams"}, {}, "free memory of the shared memory pool"),
                  [](auto& w) -> auto& { return w.managed_system.ams_pool_free_mb; }, 0, 100000000));
  d.push_back(Int(Meta("frame.mem_mb_total", {"frame.resources"}, {{"2048", "frame.resources", ""}},
                       "memory of the managed system"),
                  [](auto& w) -> auto& { return w.managed_system.mem_mb_total; }, 0, 100000000));
  d.push_back({Meta("frame.proc_units_total", {"frame.resources"}, {{"0.1", "frame.resources", ""}},
                    "processing units of the managed system"),
               [](const World& w) {
                 char buf[32];
                 std::snprintf(buf, sizeof buf, "%.2f", w.managed_system.proc_units_total);
                 return std::string(buf);
               },
               [](World* w, const std::string& v) {
                 char* end = nullptr;
                 double x = std::strtod(v.c_str(), &end);
                 if (v.empty() || *end != '\0' || !(x >= 0 && x <= 10000))
                   return Bad("frame.proc_units_total", v, "a number of processing units from 0 to 10000");
                 w->managed_system.proc_units_total = RoundUnits(x);
                 return Status::OK();
               }});
  d.push_back(LparAttr<bool>(Meta("lpar.remote_restart", {"lpar.remote_restart"},
                                  {{"yes", "lpar.remote_restart", ""}}, "remote_restart_capable (lssyscfg)"),
                             &WorldLpar::remote_restart, [](const bool& b) { return std::string(b ? "yes" : "no"); },
                             ParseYesNo, "yes or no"));
  d.push_back(LparAttr<std::string>(
      Meta("lpar.mem_mode", {"lpar.ams"}, {{"shared", "lpar.ams", ""}}, "ded or shared (Active Memory Sharing)"),
      &WorldLpar::mem_mode, [](const std::string& s) { return s; },
      [](const std::string& v, std::string* out) {
        if (v != "ded" && v != "shared") return false;
        *out = v;
        return true;
      },
      "ded or shared"));
  d.push_back(LparAttr<int>(Meta("lpar.vnic_adapters", {"lpar.vnic"}, {{"1", "lpar.vnic", ""}},
                                 "vNIC adapters of the partition"),
                            &WorldLpar::vnic_adapters, [](const int& n) { return std::to_string(n); },
                            [](const std::string& v, int* out) {
                              long long x;
                              if (!ParseLong(v, 0, 64, &x)) return false;
                              *out = static_cast<int>(x);
                              return true;
                            },
                            "an integer from 0 to 64"));

  // The partition's bootlist, disks and paths; the VIOS mappings.
  const WorldLpar* current = world.WorkloadLpar();
  std::string other_disk;
  if (current != nullptr)
    for (const auto& ld : current->disks)
      if (other_disk.empty() && ld.name != current->booted_from) other_disk = ld.name;
  d.push_back(LparAttr<std::vector<std::string>>(
      Meta("lpar.bootlist", {"boot.disk"},
           other_disk.empty() ? std::vector<Breaker>{} : std::vector<Breaker>{{other_disk, "boot.disk", ""}},
           "bootlist -m normal -o of the partition"),
      &WorldLpar::bootlist, [](const std::vector<std::string>& v) { return Join(v); },
      [](const std::string& v, std::vector<std::string>* out) { return ParseList(v, out) && !out->empty(); },
      "disk names separated by commas"));
  for (size_t i = 0; i < world.disks.size(); i++) {
    const WorldDisk& disk = world.disks[i];
    bool boot = current != nullptr && current->booted_from == disk.name;
    auto dk = [i](auto& w) -> auto& { return w.disks[i]; };
    d.push_back(Int(Meta("disk." + disk.name + ".size_mb", {"disk.mirror_vg", "disk.new_rootvg"}, {},
                         "size of " + disk.name + " (getconf DISK_SIZE)"),
                    [dk](auto& w) -> auto& { return dk(w).size_mb; }, 1, 100000000));
    std::vector<Breaker> vg_breaks;
    if (!boot) vg_breaks = {{"altinst_rootvg", "rootvg.altinst", ""}, {"lvup_rootvg", "rootvg.mirrorvg_name", ""}};
    d.push_back(Word(Meta("disk." + disk.name + ".vg", {"rootvg.altinst", "rootvg.mirrorvg_name"}, vg_breaks,
                          "volume group of " + disk.name + " (lspv)"),
                     [dk](auto& w) -> auto& { return dk(w).vg; }, {}));
  }
  if (current != nullptr) {
    const int id = current->id;
    for (const auto& ld : current->disks) {
      for (const auto& p : ld.paths) {
        const std::string disk = ld.name, adapter = p.adapter;
        const std::string key = "path." + disk + "." + adapter;
        auto find = [id, disk, adapter](auto& w) -> decltype(&w.lpars[0].disks[0].paths[0]) {
          auto* l = w.FindLpar(id);
          if (l == nullptr) return nullptr;
          for (auto& x : l->disks)
            if (x.name == disk)
              for (auto& y : x.paths)
                if (y.adapter == adapter) return &y;
          return nullptr;
        };
        d.push_back({Meta(key, {"adapters.two_sets"}, {{"Failed", "adapters.two_sets", ""}},
                          "status of the path of " + disk + " through " + adapter + " (lspath)"),
                     [find](const World& w) {
                       const Path* x = find(w);
                       return x == nullptr ? std::string("-") : x->status;
                     },
                     [find, key](World* w, const std::string& v) {
                       if (v != "Enabled" && v != "Failed" && v != "Missing" && v != "Defined")
                         return Bad(key, v, "Enabled, Failed, Missing or Defined");
                       Path* x = find(*w);
                       if (x == nullptr) return Status::InvalidArgument("sim set " + key + ": no such path");
                       x->status = v;
                       return Status::OK();
                     }});
      }
    }
  }
  std::vector<std::string> lun_disks;
  for (const auto& m : world.mappings)
    for (const auto& u : m.luns)
      if (std::find(lun_disks.begin(), lun_disks.end(), u.disk) == lun_disks.end()) lun_disks.push_back(u.disk);
  for (const auto& disk : lun_disks) {
    const std::string key = "lun." + disk + ".backing";
    d.push_back({Meta(key, {"disks.config"}, {{"lv", "disks.config", ""}},
                      "how the VIOS back " + disk + ": pv, lv, ssp or file (lsmap)"),
                 [disk](const World& w) {
                   for (const auto& m : w.mappings)
                     for (const auto& u : m.luns)
                       if (u.disk == disk) return u.backing;
                   return std::string("-");
                 },
                 [disk, key](World* w, const std::string& v) {
                   if (v != "pv" && v != "lv" && v != "ssp" && v != "file") return Bad(key, v, "pv, lv, ssp or file");
                   for (auto& m : w->mappings)
                     for (auto& u : m.luns)
                       if (u.disk == disk) u.backing = v;
                   return Status::OK();
                 }});
  }
  for (size_t i = 0; i < world.mappings.size(); i++) {
    const WorldMapping& m = world.mappings[i];
    d.push_back(Bool(Meta("vhost." + m.vios + "." + m.vhost + ".any_client", {"disks.config"},
                          {{"yes", "disks.config", ""}}, "the vhost accepts any partition or slot"),
                     [i](auto& w) -> auto& { return w.mappings[i].any_client; }));
  }
  d.push_back(Int(Meta("sim.jitter_seed", {"estimate"}, {}, "seed of the cost jitter; 0: none"),
                  [](auto& w) -> auto& { return w.jitter_seed; }, 0, 1000000000000LL));
  return d;
}

}  // namespace

std::vector<Setting> ListSettings(const World& w) {
  std::vector<Setting> out;
  for (auto& d : Descs(w)) {
    d.s.value = d.get(w);
    out.push_back(std::move(d.s));
  }
  return out;
}

Status ApplySetting(World* w, const std::string& key, const std::string& value) {
  for (auto& d : Descs(*w)) {
    if (d.s.key == key) return d.set(w, value);
  }
  return Status::InvalidArgument("sim set: unknown key '" + key + "' (see `lvupdate sim set --list`)");
}

Status ApplySystemSettings(World* w, const std::string& system_json, int* changed) {
  nlohmann::json j = nlohmann::json::parse(system_json, nullptr, false);
  if (!j.is_object()) return Status::InvalidArgument("the recorded system is not a JSON object");
  std::map<std::string, std::string> settings;
  for (const auto& [k, v] : j.items()) {
    if (!v.is_string()) return Status::InvalidArgument("the recorded system: setting " + k + " is not a string");
    settings[k] = v.get<std::string>();
  }
  std::map<std::string, std::string> now;
  for (const auto& st : ListSettings(*w)) now[st.key] = st.value;
  *changed = 0;
  for (const auto& [key, value] : settings) {
    auto it = now.find(key);
    if (it == now.end()) {
      return Status::InvalidArgument("setting " + key + " of the recorded system has no counterpart in the lab");
    }
    if (it->second == value) continue;
    LVU_RETURN_IF_ERROR(ApplySetting(w, key, value));
    (*changed)++;
  }
  return Status::OK();
}

}  // namespace lvu::drivers::sim
