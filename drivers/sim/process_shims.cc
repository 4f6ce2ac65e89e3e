// See process_shims.h.
#include "drivers/sim/process_shims.h"

#include "base/str_printf.h"

namespace lvu::drivers::sim {

bool RunProcessShim(const World& w, const std::vector<std::string>& a, ShimOutput* out) {
  const WorldLpar* l = w.WorkloadLpar();
  if (a[0] == "ps") {
    if (a.size() != 2 || a[1] != "-ef") {
      *out = {2, "", "ps: the shim answers ps -ef only\n"};
      return true;
    }
    std::string text = "     UID      PID     PPID   C    STIME    TTY  TIME CMD\n";
    if (l != nullptr) {
      for (const auto& p : l->processes.procs) {
        if (p.kproc) continue;
        text += StrPrintf("%8s %8d %8d %3d %8s %6s %5s %s\n", "root", p.pid, p.ppid, 0, "10:00:00",
                          p.tty.empty() ? "-" : p.tty.c_str(), "0:00", p.command.c_str());
      }
    }
    *out = {0, text, ""};
    return true;
  }
  if (a[0] == "genkex") {
    if (a.size() != 2 || a[1] != "-d") {
      *out = {2, "", "genkex: the shim answers genkex -d only\n"};
      return true;
    }
    std::string text = "    Text address     Size     Data address     Size File\n";
    if (l != nullptr) {
      unsigned long long at = 0xf1000000c0338000ULL;
      for (const auto& k : l->processes.kexts) {
        text += StrPrintf("%16llx %8x %16llx %8x %s\n", at, 0x20000, at + 0x58000, 0xba8, k.path.c_str());
        at += 0x100000;
      }
    }
    *out = {0, text, ""};
    return true;
  }
  return false;
}

}  // namespace lvu::drivers::sim
