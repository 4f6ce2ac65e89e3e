#include "drivers/sim/show_text.h"

#include <cstdio>
#include <map>

#include "drivers/sim/show_processes.h"
#include "base/str_printf.h"

namespace lvu::drivers::sim {

namespace {



std::string Clock(int64_t s) {
  return StrPrintf("%02lld:%02lld:%02lld", static_cast<long long>(s / 3600),
             static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
}

std::string Join(const std::vector<std::string>& v, const char* none) {
  if (v.empty()) return none;
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
  return s;
}

}  // namespace

std::string FormatWorldText(const World& w) {
  std::string out;
  const auto& ms = w.managed_system;
  out += StrPrintf("Clock: %lld s (%s)\n", static_cast<long long>(w.clock), Clock(w.clock).c_str());
  out += StrPrintf("Managed system: %s  firmware %s  %.2f processing units  %d MB\n", ms.name.c_str(),
             ms.firmware.c_str(), ms.proc_units_total, ms.mem_mb_total);
  out += StrPrintf("HMC: %s  user %s  %s\n", w.hmc.address.c_str(), w.hmc.user.c_str(),
             w.hmc.version.c_str());
  if (ms.reservation.present)
    out += StrPrintf("Reservation: %.2f processing units, %d MB\n", ms.reservation.proc_units,
               ms.reservation.mem_mb);
  else
    out += "Reservation: none\n";

  out += "\nPartitions (lssyscfg -r lpar):\n";
  for (const auto& l : w.lpars) {
    out += StrPrintf("  %-4d %-20s %-14s %.2f proc units  %d MB  %s\n", l.id, l.name.c_str(),
               l.state.c_str(), l.proc_units, l.mem_mb, l.os_level.c_str());
    out += StrPrintf("       booted from: %s   bootlist: %s\n",
               l.booted_from.empty() ? "-" : l.booted_from.c_str(), Join(l.bootlist, "-").c_str());
    out += StrPrintf("       ifixes (emgr -l): %s   workload: %s\n",
               Join(w.RunningIfixes(l), "none").c_str(),
               l.workload.empty() ? "none" : l.workload.c_str());
    // lspath lists paths grouped by adapter.
    std::map<std::string, std::vector<std::string>> by_adapter;
    for (const auto& d : l.disks)
      for (const auto& p : d.paths) by_adapter[p.adapter].push_back(p.status + " " + d.name + " " + p.adapter);
    if (by_adapter.empty()) out += "       lspath: no paths\n";
    for (const auto& [adapter, lines] : by_adapter)
      for (const auto& line : lines) out += "       " + line + "\n";
    out += FormatProcesses(l.processes, "       ");
  }

  out += "\nDisks (lspv):\n";
  for (const auto& d : w.disks) {
    std::string image = d.has_image ? "image ifixes: " + Join(d.image_ifixes, "none") : "no image";
    out += StrPrintf("  %-15s %-20s %-12s %6d MB  %s\n", d.name.c_str(), d.pvid.c_str(), d.vg.c_str(),
               d.size_mb, image.c_str());
  }

  out += "\nVIOS mappings (lsmap -all):\n";
  for (const auto& m : w.mappings) {
    out += StrPrintf("  %s %-8s %-28s client 0x%08x (%d)  client adapter %s\n", m.vios.c_str(),
               m.vhost.c_str(), m.physloc.c_str(), static_cast<unsigned>(m.client_id), m.client_id,
               m.client_adapter.c_str());
    for (const auto& u : m.luns)
      out += StrPrintf("      VTD %-8s LUN %s  backing %s -> %s\n", u.vtd.c_str(), u.lun.c_str(),
                 u.backing_device.c_str(), u.disk.c_str());
  }

  out += "\nError log (errpt):\n";
  if (w.errlog.empty()) out += "  no entries\n";
  else out += "  TIME      LPAR  LABEL       DESCRIPTION\n";
  for (auto it = w.errlog.rbegin(); it != w.errlog.rend(); ++it)
    out += StrPrintf("  %s  %4d  %-10s  %s\n", Clock(it->time).c_str(), it->lpar, it->label.c_str(),
               it->text.c_str());
  return out;
}

}  // namespace lvu::drivers::sim
