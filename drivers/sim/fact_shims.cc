// See fact_shims.h.
#include "drivers/sim/fact_shims.h"

#include <time.h>

#include <algorithm>

#include "base/str_printf.h"
#include "drivers/sim/fix_package.h"

namespace lvu::drivers::sim {
namespace {

ShimOutput Out(std::string text) { return {0, std::move(text), ""}; }
ShimOutput Usage(const std::string& cmd, const std::string& form) {
  return {2, "", cmd + ": the shim answers " + form + " only\n"};
}

// The largest PP size (a power of two up to 32 MB) that divides `mb`, so
// that USED PPs x PP SIZE is the simulated size exactly.
int PpSize(int mb) {
  int pp = 32;
  while (pp > 1 && mb % pp != 0) pp /= 2;
  return pp;
}

int Ceil(int mb, int pp) { return std::max(1, (mb + pp - 1) / pp); }

// "VOLUME GROUP:       rootvg                   VG IDENTIFIER:  ..." (lsvg_rootvg.3).
std::string Pair(const std::string& k1, const std::string& v1, const std::string& k2 = "",
                 const std::string& v2 = "") {
  if (k2.empty()) return StrPrintf("%-20s%s\n", k1.c_str(), v1.c_str());
  return StrPrintf("%-20s%-25s%-16s%s\n", k1.c_str(), v1.c_str(), k2.c_str(), v2.c_str());
}

struct Lv {
  std::string name, type, mount;
  int lps = 1, copies = 1;
  bool stale = false;
};

// rootvg's logical volumes as the simulated facts describe them: the boot
// and paging LVs, one per rootvg file system, a standby BOS when multibos;
// `copies` each (one LV fewer or more when not uniformly mirrored), the
// first rootvg_stale_lvs of them stale.
std::vector<Lv> RootvgLvs(const OsFacts& os, int pp) {
  std::vector<Lv> lvs;
  lvs.push_back({"hd5", "boot", "N/A", 1});
  lvs.push_back({"hd6", "paging", "N/A", Ceil(os.paging_mb, pp)});
  lvs.push_back({"hd8", "jfs2log", "N/A", 1});
  for (const FileSystem& fs : os.filesystems) {
    if (fs.vg != "rootvg" || fs.device.rfind("/dev/", 0) != 0) continue;
    lvs.push_back({fs.device.substr(5), fs.type, fs.mount, Ceil(fs.size_mb, pp)});
  }
  if (os.multibos) lvs.push_back({"bos_hd5", "boot", "N/A", 1});
  for (Lv& lv : lvs) lv.copies = os.rootvg_copies;
  if (!os.rootvg_uniformly_mirrored) lvs.back().copies = os.rootvg_copies > 1 ? os.rootvg_copies - 1 : 2;
  for (int i = 0; i < os.rootvg_stale_lvs && i < static_cast<int>(lvs.size()); ++i) lvs[i].stale = true;
  return lvs;
}

ShimOutput Lsvg(const World& w, const std::vector<std::string>& a) {
  const OsFacts& os = w.os;
  const int pp = PpSize(os.rootvg_used_mb);
  if (a.size() == 2 && a[1] == "rootvg") {
    int total_mb = 0, pvs = 0;
    for (const WorldDisk& d : w.disks) {
      if (d.vg == "rootvg") {
        total_mb += d.size_mb;
        ++pvs;
      }
    }
    const int used = os.rootvg_used_mb / pp;
    const int total = std::max(used, total_mb / pp);
    const int lvs = static_cast<int>(RootvgLvs(os, pp).size());
    auto pps = [&](int n) { return StrPrintf("%d (%d megabytes)", n, n * pp); };
    std::string out;
    out += Pair("VOLUME GROUP:", "rootvg", "VG IDENTIFIER:", "00f94f5800004c00000001" + std::to_string(1000 + total));
    out += Pair("VG STATE:", "active", "PP SIZE:", std::to_string(pp) + " megabyte(s)");
    out += Pair("VG PERMISSION:", "read/write", "TOTAL PPs:", pps(total));
    out += Pair("MAX LVs:", "256", "FREE PPs:", pps(total - used));
    out += Pair("LVs:", std::to_string(lvs), "USED PPs:", pps(used));
    out += Pair("OPEN LVs:", std::to_string(lvs - 1), "QUORUM:", "2");
    out += Pair("TOTAL PVs:", std::to_string(pvs), "VG DESCRIPTORS:", std::to_string(pvs == 1 ? 2 : 3));
    out += Pair("STALE PVs:", "0", "STALE PPs:", std::to_string(os.rootvg_stale_lvs));
    out += Pair("ACTIVE PVs:", std::to_string(pvs), "AUTO ON:", "yes");
    out += Pair("MAX PPs per VG:", "32512");
    out += Pair("MAX PPs per PV:", "1016", "MAX PVs:", "32");
    out += Pair("LTG size (Dynamic):", "256 kilobyte(s)", "AUTO SYNC:", "no");
    out += Pair("HOT SPARE:", "no", "BB POLICY:", "relocatable");
    return Out(out);
  }
  if (a.size() == 3 && a[1] == "-l" && a[2] == "rootvg") {
    std::string out = "rootvg:\nLV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT\n";
    for (const Lv& lv : RootvgLvs(os, pp)) {
      const std::string state = std::string(lv.name == "hd5" ? "closed" : "open") + (lv.stale ? "/stale" : "/syncd");
      out += StrPrintf("%-20s%-11s%-8d%-8d%-5d%-14s%s\n", lv.name.c_str(), lv.type.c_str(), lv.lps,
                       lv.lps * lv.copies, lv.copies, state.c_str(), lv.mount.c_str());
    }
    return Out(out);
  }
  return Usage("lsvg", "lsvg rootvg and lsvg -l rootvg");
}

// lsps_a.1's columns.
ShimOutput Lsps(const World& w, const std::vector<std::string>& a) {
  if (a.size() != 2 || a[1] != "-a") return Usage("lsps", "lsps -a");
  std::string disk = "hdisk0";
  for (const WorldDisk& d : w.disks) {
    if (d.vg == "rootvg") {
      disk = d.name;
      break;
    }
  }
  std::string out = "Page Space      Physical Volume   Volume Group Size %Used Active  Auto  Type Chksum\n";
  out += StrPrintf("%-16s%-18s%-15s%-5s%6d%6s%6s%6s%6d\n", "hd6", disk.c_str(), "rootvg",
                   (std::to_string(w.os.paging_mb) + "MB").c_str(), 2, "yes", "yes", "lv", 0);
  return Out(out);
}

// The seed's df -g, in MB blocks (df -m).
ShimOutput Df(const World& w, const std::vector<std::string>& a) {
  if (a.size() != 2 || a[1] != "-m") return Usage("df", "df -m");
  std::string out = "Filesystem    MB blocks      Free %Used    Iused %Iused Mounted on\n";
  for (const FileSystem& fs : w.os.filesystems) {
    if (fs.type == "procfs") {
      out += StrPrintf("%-13s %10s %9s %5s %8s %6s %s\n", fs.device.c_str(), "-", "-", "-", "-", "-",
                       fs.mount.c_str());
      continue;
    }
    const int used_pct = fs.size_mb > 0 ? 100 * (fs.size_mb - fs.free_mb) / fs.size_mb : 0;
    out += StrPrintf("%-13s %10.2f %9.2f %4d%% %8d %5d%% %s\n", fs.device.c_str(), static_cast<double>(fs.size_mb),
                     static_cast<double>(fs.free_mb), used_pct, fs.size_mb * 4, used_pct / 2 + 1, fs.mount.c_str());
  }
  return Out(out);
}

struct Dev {
  std::string name, state, location, description;
};

// lsdev -C's columns: name, state, location (blank for many), description.
ShimOutput Lsdev(const World& w, const std::vector<std::string>& a) {
  if (a.size() != 2 || a[1] != "-C") return Usage("lsdev", "lsdev -C");
  std::vector<Dev> devs = {{"sys0", "Available", "", "System Object"},
                           {"sysplanar0", "Available", "", "System Planar"},
                           {"vio0", "Available", "", "Virtual I/O Bus"},
                           {"vsa0", "Available", "", "LPAR Virtual Serial Adapter"},
                           {"vty0", "Available", "", "Asynchronous Terminal"}};
  const WorldLpar* l = w.WorkloadLpar();
  std::vector<std::string> adapters;
  if (l != nullptr) {
    for (const LparDisk& d : l->disks) {
      devs.push_back({d.name, "Available", "", "Virtual SCSI Disk Drive"});
      for (const Path& p : d.paths) {
        if (std::find(adapters.begin(), adapters.end(), p.adapter) == adapters.end()) adapters.push_back(p.adapter);
      }
    }
  }
  for (const std::string& ad : adapters) devs.push_back({ad, "Available", "", "Virtual SCSI Client Adapter"});
  int slot = 0;
  auto add = [&](const std::vector<std::string>& names, const char* description) {
    for (const std::string& n : names) devs.push_back({n, "Available", StrPrintf("0%d-08-00", ++slot), description});
  };
  add(w.os.tape_devices, "Other SCSI Tape Drive");
  add(w.os.optical_devices, "SCSI DVD-ROM Drive");
  add(w.os.physical_devices, "PCI Express Adapter");
  for (const std::string& n : w.os.vlog_devices) devs.push_back({n, "Available", "", "Virtual Log Device"});
  for (const std::string& n : w.os.gre_tunnels) devs.push_back({n, "Available", "", "GRE Tunnel Interface"});
  size_t wn = 0, ws = 0, wl = 0;
  for (const Dev& d : devs) {
    wn = std::max(wn, d.name.size());
    ws = std::max(ws, d.state.size());
    wl = std::max(wl, d.location.size());
  }
  std::string out;
  for (const Dev& d : devs) {
    out += StrPrintf("%-*s %-*s %-*s %s\n", static_cast<int>(wn), d.name.c_str(), static_cast<int>(ws),
                     d.state.c_str(), static_cast<int>(wl), d.location.c_str(), d.description.c_str());
  }
  return Out(out);
}

// emgr_l.1's ruler and legend; no efix: the seed's message.
// emgr -d -e FILE -v3: the simulated package's attributes, keys padded as
// in emgr_d_e_v3_LU_CAPABLE.1.
ShimOutput EmgrDisplay(const std::string& file) {
  Fix f;
  Status s = ReadFixPackage(file, &f);
  if (!s.ok()) return {1, "", s.message() + " (the simulator's message)\n"};
  auto line = [](const char* key, const std::string& v) { return StrPrintf("%-18s%s\n", key, v.c_str()); };
  auto yn = [](bool b) { return std::string(b ? "yes" : "no"); };
  return Out(line("LABEL:", f.label) + line("ABSTRACT:", f.abstract) + "\n" +
             line("REBOOT REQUIRED:", yn(f.reboot_required)) + line("BUILD BOOT IMAGE:", yn(f.reboot_required)) +
             line("LU CAPABLE:", yn(f.lu_capable)) + line("PRE-REQUISITES:", "no"));
}

ShimOutput Emgr(const World& w, const std::vector<std::string>& a) {
  if (a.size() == 5 && a[1] == "-d" && a[2] == "-e" && a[4] == "-v3") return EmgrDisplay(a[3]);
  if (a.size() != 2 || a[1] != "-l") return Usage("emgr", "emgr -l and emgr -d -e FILE -v3");
  std::vector<EmgrRow> rows;
  const WorldLpar* l = w.WorkloadLpar();
  if (l != nullptr) {
    for (const std::string& x : w.RunningIfixes(*l)) rows.push_back({x, " S"});
  }
  for (const std::string& x : w.os.reboot_pending_fixes) rows.push_back({x, "*Q*"});
  return Out(EmgrList(rows, w.clock));
}

}  // namespace

std::string EmgrList(const std::vector<EmgrRow>& rows, int64_t clock) {
  if (rows.empty()) return "There is no efix data on this system.\n";
  time_t t = static_cast<time_t>(clock);
  struct tm tm{};
  gmtime_r(&t, &tm);
  char when[32];
  strftime(when, sizeof when, "%m/%d/%y %H:%M:%S", &tm);
  std::string out =
      "ID  STATE LABEL      INSTALL TIME      UPDATED BY ABSTRACT\n"
      "=== ===== ========== ================= ========== ======================================\n";
  int id = 0;
  for (const EmgrRow& r : rows) {
    out += StrPrintf("%-3d %-5s %-10s %-17s %-10s %-38s\n", ++id, r.state.c_str(), r.label.c_str(), when, "",
                     ("ifix " + r.label).c_str());
  }
  out +=
      "\nSTATE codes:\n S = STABLE\n M = MOUNTED\n U = UNMOUNTED\n Q = REBOOT REQUIRED\n B = BROKEN\n"
      " I = INSTALLING\n R = REMOVING\n T = TESTED\n P = PATCHED\n N = NOT PATCHED\n SP = STABLE + PATCHED\n"
      " SN = STABLE + NOT PATCHED\n QP = BOOT IMAGE MODIFIED + PATCHED\n QN = BOOT IMAGE MODIFIED + NOT PATCHED\n"
      " RQ = REMOVING + REBOOT REQUIRED\n";
  return out;
}

std::vector<std::string> FactShimNames() { return {"lsvg", "lsps", "df", "lsdev", "emgr"}; }

bool RunFactShim(const World& w, const std::vector<std::string>& a, ShimOutput* out) {
  const std::string& cmd = a[0];
  if (cmd == "lsvg") *out = Lsvg(w, a);
  else if (cmd == "lsps") *out = Lsps(w, a);
  else if (cmd == "df") *out = Df(w, a);
  else if (cmd == "lsdev") *out = Lsdev(w, a);
  else if (cmd == "emgr") *out = Emgr(w, a);
  else return false;
  return true;
}

}  // namespace lvu::drivers::sim
