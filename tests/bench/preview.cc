// 7. The aix driver's preview over shims that take time: each AIX command
// 200 ms and each HMC command 1 s (`sim shims --latency-ms 200
// --hmc-latency-ms 1000`), read concurrently (the driver's default) and one
// by one (LVUPDATE_SERIAL_READS=1), against the sum of the commands'
// latencies (from the one-by-one run's log) and the slowest chain of
// dependent commands: uname -L, uname -L (finding the managed system),
// lssyscfg -r sys, lssyscfg -r lpar --filter, lshwres -r virtualio, then
// every VIOS's lsmap (4 HMC and 2 AIX commands). Appends its section to
// report.md.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/file.h"
#include "base/str_printf.h"
#include "drivers/sim/standin_shims.h"
#include "tests/bench/bench.h"

namespace lvu::bench {
namespace {

constexpr int kAixMs = 200, kHmcMs = 1000;

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The newest log of `home` (lvupdlog.<time>: names sort by time).
std::string NewestLog(const std::string& home) {
  std::string newest;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(home + "/logs", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("lvupdlog.", 0) == 0 && name > newest) newest = name;
  }
  return newest.empty() ? "" : home + "/logs/" + newest;
}

}  // namespace

void RunPreview(const Config& c, PreviewResults* r) {
  const std::string home = c.work_dir + "/preview/home", shims = c.work_dir + "/preview/shims";
  RemoveTree(c.work_dir + "/preview");
  MakeDirs(home);
  int code = 0;
  auto lvu = [&](std::vector<std::string> rest, const std::vector<std::string>& env = {}) {
    std::vector<std::string> a = {c.lvupdate, "--home", home};
    a.insert(a.end(), rest.begin(), rest.end());
    return RunProcess(a, env, &code, "");
  };
  lvu({"sim", "init"});
  if (code != 0) Die("sim init failed");
  lvu({"sim", "shims", shims, "--latency-ms", std::to_string(kAixMs), "--hmc-latency-ms", std::to_string(kHmcMs)});
  if (code != 0) Die("sim shims failed");
  const char* path = std::getenv("PATH");
  const std::string on_path = "PATH=" + shims + ":" + (path ? path : "/usr/bin:/bin");
  lvu({"--driver", "aix", "hmcauth", "-a", "10.1.50.30", "-u", "hscroot", "-p", "abc1234"}, {on_path});
  if (code != 0) Die("hmcauth over the shims failed");
  std::string conf = Slurp(home + "/aix.conf");
  conf += drivers::sim::StandInConfig(shims);
  conf += "checked_by_hand = sysdumpdev snapshot mount lscfg capi diskless session lslpp trustchk tcb kerberos "
          "powersc lswpar lssrc ras vmo ps ifix_location lslic slots vnic procfiles kext_safety\n";
  if (!WriteFileAtomically(home + "/aix.conf", conf).ok()) Die("aix.conf");
  const std::vector<std::string> preview = {"--driver", "aix", "preview", "-d", home + "/fixes",
                                            "dummy.150813.epkg.Z"};
  for (int k = 0; k < 3; ++k) {
    r->concurrent_ms.push_back(lvu(preview, {on_path}));
    if (code != 0) Die("the aix preview over the shims failed (exit " + std::to_string(code) + ")");
  }
  r->serial_ms = lvu(preview, {on_path, "LVUPDATE_SERIAL_READS=1"});
  if (code != 0) Die("the one-by-one aix preview failed");
  // The one-by-one run's commands, from its log.
  std::istringstream log(Slurp(NewestLog(home)));
  std::string line;
  while (std::getline(log, line)) {
    const size_t at = line.find("aix: $ ");
    if (at == std::string::npos || line.find(" -> exit ") == std::string::npos) continue;
    if (line.compare(at + 7, 4, "ssh ") == 0) ++r->hmc_commands;
    else ++r->aix_commands;
  }
  r->sum_ms = r->hmc_commands * kHmcMs + r->aix_commands * kAixMs;
  r->chain_ms = 4 * kHmcMs + 2 * kAixMs;
}

void AppendPreviewReport(const Config& c, const PreviewResults& r) {
  std::ofstream o(c.out_dir + "/report.md", std::ios::app);
  const double conc = Percentile(r.concurrent_ms, 50);
  o << "\n## 7. The aix driver's preview over slow commands\n\n"
    << StrPrintf("Shims taking %d ms per AIX command and %d ms per HMC command; the preview of the lab, "
                 "everything checked by hand.\n\n",
                 kAixMs, kHmcMs)
    << "| | ms | vs the slowest chain |\n|---|---:|---:|\n"
    << StrPrintf("| concurrent reads (median of 3) | %.0f | %.2fx |\n", conc, conc / r.chain_ms)
    << StrPrintf("| one by one (LVUPDATE_SERIAL_READS=1) | %.0f | %.2fx |\n", r.serial_ms, r.serial_ms / r.chain_ms)
    << StrPrintf("| sum of the commands' latencies (%d HMC, %d AIX) | %d | %.2fx |\n", r.hmc_commands,
                 r.aix_commands, r.sum_ms, static_cast<double>(r.sum_ms) / r.chain_ms)
    << StrPrintf("| the slowest chain (4 HMC, 2 AIX commands) | %d | 1.00x |\n\n", r.chain_ms)
    << StrPrintf("Concurrent reads are %.1fx faster than one by one (target: at least 4x) and %.2fx the slowest "
                 "chain (target: within 1.5x).\n",
                 r.serial_ms / conc, conc / r.chain_ms);
}

}  // namespace lvu::bench
