#include "drivers/sim/show_processes.h"

#include <cstdio>

namespace lvu::drivers::sim {

std::string FormatProcesses(const ProcessTable& t, const std::string& indent) {
  if (t.procs.empty()) return indent + "processes: none\n";
  std::string out;
  char buf[512];
  std::snprintf(buf, sizeof buf, "%sprocesses (ps -ef)%s:\n", indent.c_str(),
                t.live_update ? ", live update in progress" : "");
  out += buf;
  std::snprintf(buf, sizeof buf, "%s  %8s %8s %-8s %5s %-7s %-12s %-5s %s\n", indent.c_str(), "PID", "PPID", "TTY",
                "MB", "CLASS", "STATE", "MARK", "CMD");
  out += buf;
  for (const auto& p : t.procs) {
    std::snprintf(buf, sizeof buf, "%s  %8d %8d %-8s %5d %-7s %-12s %-5s %s\n", indent.c_str(), p.pid, p.ppid,
                  p.tty.c_str(), p.mem_mb, p.cls.empty() ? "-" : p.cls.c_str(), p.state.c_str(),
                  p.mobility.empty() ? "-" : p.mobility.c_str(), p.command.c_str());
    out += buf;
  }
  bool header = false;
  for (const auto& p : t.procs)
    for (const auto& s : p.sockets) {
      if (s.state != "ESTABLISHED") continue;
      if (!header) out += indent + "TCP connections (netstat -Aan):\n";
      header = true;
      std::snprintf(buf, sizeof buf, "%s  %-22s %-22s %-12s pid %d\n", indent.c_str(), s.local.c_str(),
                    s.remote.c_str(), s.state.c_str(), p.pid);
      out += buf;
    }
  out += indent + "kernel extensions (genkex):";
  for (const auto& k : t.kexts) out += " " + k.path + (k.lu_safe ? "" : " (not LU safe)");
  return out + "\n";
}

}  // namespace lvu::drivers::sim
