// Writes report.md (every figure of one run, side by side, with ratios and
// the targets' verdicts) and scaling.svg (part 6) into the output directory.
#include <rocksdb/version.h>
#include <sqlite3.h>
#include <sys/statvfs.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

#include "tests/bench/bench.h"

namespace lvu::bench {
namespace {

std::string Popen(const std::string& cmd) {
  std::string out;
  FILE* f = ::popen(cmd.c_str(), "r");
  if (f == nullptr) return "";
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  ::pclose(f);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string FirstLineWith(const std::string& text, const std::string& key) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (line.find(key) != std::string::npos) return line;
  return "";
}

std::string Num(double v) {
  // 1234567 -> "1,234,567"
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  std::string s = buf, out;
  int cnt = 0;
  for (size_t i = s.size(); i-- > 0;) {
    out.insert(out.begin(), s[i]);
    if (++cnt % 3 == 0 && i > 0 && s[i - 1] != '-') out.insert(out.begin(), ',');
  }
  return out;
}

std::string Bytes(uint64_t b) {
  if (b >= (1ull << 20)) return StrPrintf("%.1f MiB", static_cast<double>(b) / (1 << 20));
  if (b >= (1ull << 10)) return StrPrintf("%.1f KiB", static_cast<double>(b) / (1 << 10));
  return StrPrintf("%llu B", static_cast<unsigned long long>(b));
}

std::string Verdict(bool met, const std::string& by) { return met ? "**met**" : "**missed** (" + by + ")"; }

// ---- SVG ----
struct Line {
  std::string name, color;
  std::vector<double> x, y;
};

std::string Chart(const std::string& title, const std::string& ylabel, const std::vector<Line>& lines,
                  double ox, double oy, double w, double h) {
  double xmin = 1e300, xmax = -1e300, ymin = 1e300, ymax = -1e300;
  for (const auto& l : lines)
    for (size_t i = 0; i < l.x.size(); ++i) {
      if (l.x[i] <= 0 || l.y[i] <= 0) continue;
      xmin = std::min(xmin, l.x[i]);
      xmax = std::max(xmax, l.x[i]);
      ymin = std::min(ymin, l.y[i]);
      ymax = std::max(ymax, l.y[i]);
    }
  if (xmin > xmax) return "";
  double lx0 = std::floor(std::log10(xmin)), lx1 = std::ceil(std::log10(xmax));
  double ly0 = std::floor(std::log10(ymin)), ly1 = std::ceil(std::log10(ymax));
  if (lx1 == lx0) lx1 += 1;
  if (ly1 == ly0) ly1 += 1;
  const double L = 70, R = 20, T = 30, B = 45;
  auto px = [&](double x) { return ox + L + (std::log10(x) - lx0) / (lx1 - lx0) * (w - L - R); };
  auto py = [&](double y) { return oy + h - B - (std::log10(y) - ly0) / (ly1 - ly0) * (h - T - B); };
  std::ostringstream s;
  s << StrPrintf("<text x='%.0f' y='%.0f' font-size='14' font-weight='bold'>%s</text>\n", ox + L, oy + 18, title.c_str());
  s << StrPrintf("<rect x='%.0f' y='%.0f' width='%.0f' height='%.0f' fill='none' stroke='#888'/>\n", ox + L, oy + T,
           w - L - R, h - T - B);
  for (double e = lx0; e <= lx1; e += 1) {
    double x = px(std::pow(10, e));
    s << StrPrintf("<line x1='%.1f' y1='%.0f' x2='%.1f' y2='%.0f' stroke='#ddd'/>\n", x, oy + T, x, oy + h - B);
    s << StrPrintf("<text x='%.1f' y='%.0f' font-size='11' text-anchor='middle'>10^%.0f</text>\n", x, oy + h - B + 15, e);
  }
  for (double e = ly0; e <= ly1; e += 1) {
    double y = py(std::pow(10, e));
    s << StrPrintf("<line x1='%.0f' y1='%.1f' x2='%.0f' y2='%.1f' stroke='#ddd'/>\n", ox + L, y, ox + w - R, y);
    std::string lab = e >= 0 && e < 7 ? Num(std::pow(10, e)) : StrPrintf("1e%.0f", e);
    s << StrPrintf("<text x='%.0f' y='%.1f' font-size='11' text-anchor='end'>%s</text>\n", ox + L - 5, y + 4, lab.c_str());
  }
  s << StrPrintf("<text x='%.0f' y='%.0f' font-size='12' text-anchor='middle'>events in the journal</text>\n",
           ox + L + (w - L - R) / 2, oy + h - 8);
  s << StrPrintf("<text x='%.0f' y='%.0f' font-size='12' text-anchor='middle' transform='rotate(-90 %.0f %.0f)'>%s</text>\n",
           ox + 14, oy + h / 2, ox + 14, oy + h / 2, ylabel.c_str());
  int li = 0;
  for (const auto& l : lines) {
    std::string pts;
    for (size_t i = 0; i < l.x.size(); ++i) {
      if (l.x[i] <= 0 || l.y[i] <= 0) continue;
      pts += StrPrintf("%.1f,%.1f ", px(l.x[i]), py(l.y[i]));
      s << StrPrintf("<circle cx='%.1f' cy='%.1f' r='3' fill='%s'/>\n", px(l.x[i]), py(l.y[i]), l.color.c_str());
    }
    s << StrPrintf("<polyline points='%s' fill='none' stroke='%s' stroke-width='2'/>\n", pts.c_str(), l.color.c_str());
    double ly = oy + T + 14 + 15 * li++;
    s << StrPrintf("<line x1='%.0f' y1='%.0f' x2='%.0f' y2='%.0f' stroke='%s' stroke-width='2'/>\n", ox + L + 8, ly - 4,
             ox + L + 26, ly - 4, l.color.c_str());
    s << StrPrintf("<text x='%.0f' y='%.0f' font-size='11'>%s</text>\n", ox + L + 30, ly, l.name.c_str());
  }
  return s.str();
}

void WriteSvg(const std::string& path, const ReplayResults& rr) {
  std::vector<double> x;
  Line gen{"bulk append, sync=false (us/event)", "#1f77b4", {}, {}},
      rocks{"RocksDB ReadOp + Fold (us/event)", "#d62728", {}, {}},
      sq{"SQLite SELECT + Decode + Fold (us/event)", "#2ca02c", {}, {}},
      fold{"Fold alone, warm (us/event)", "#9467bd", {}, {}},
      bytes_r{"RocksDB bytes/event / 1000", "#8c564b", {}, {}};
  Line status{"lvupdate status (ms)", "#1f77b4", {}, {}}, run{"run --speed max (ms)", "#d62728", {}, {}},
      list{"journal list (ms)", "#2ca02c", {}, {}}, verify{"journal verify (ms)", "#9467bd", {}, {}},
      app{"durable append, median (ms)", "#ff7f0e", {}, {}}, app99{"durable append, p99 (ms)", "#7f7f7f", {}, {}};
  for (const auto& p : rr.points) {
    double n = static_cast<double>(p.events);
    auto add = [&](Line& l, double v) {
      l.x.push_back(n);
      l.y.push_back(v);
    };
    if (p.gen_events > 0) add(gen, p.gen_s * 1e6 / static_cast<double>(p.gen_events));
    add(rocks, p.rocks_read_fold_s * 1e6 / n);
    add(sq, p.sqlite_read_fold_s * 1e6 / n);
    add(fold, 1e6 / p.fold_eps);
    add(bytes_r, static_cast<double>(p.rocks_bytes) / n / 1000);
    add(status, p.status_ms);
    add(run, p.run_ms);
    add(list, p.journal_list_ms);
    add(verify, p.journal_verify_ms);
    add(app, p.append.median() / 1e3);
    add(app99, p.append.p99() / 1e3);
  }
  std::ofstream f(path);
  f << "<svg xmlns='http://www.w3.org/2000/svg' width='1200' height='460' font-family='sans-serif'>\n"
    << "<rect width='1200' height='460' fill='white'/>\n"
    << Chart("Cost per event as the journal grows", "microseconds per event", {gen, rocks, sq, fold, bytes_r}, 0, 0,
             600, 460)
    << Chart("Whole commands and durable appends", "milliseconds", {status, run, list, verify, app, app99}, 600, 0,
             600, 460)
    << "</svg>\n";
}

}  // namespace

Machine DescribeMachine(const Config& c) {
  Machine m;
  std::time_t t = std::time(nullptr);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M %Z", std::localtime(&t));
  m.date = buf;
  m.nproc = std::to_string(::sysconf(_SC_NPROCESSORS_ONLN));
  std::string cpu = FirstLineWith(ReadFile("/proc/cpuinfo"), "model name");
  m.cpu = cpu.empty() ? "?" : cpu.substr(cpu.find(':') + 2);
  m.mem = Popen("free -h");
  m.fs = Popen("df -hT " + c.work_dir + " 2>/dev/null");
  std::string dev = Popen("df --output=source " + c.work_dir + " 2>/dev/null | tail -1");
  std::string base = dev.substr(dev.find_last_of('/') + 1);
  std::string blk = base;
  while (!blk.empty() && std::isdigit(static_cast<unsigned char>(blk.back())) &&
         ::access(("/sys/block/" + blk).c_str(), F_OK) != 0)
    blk.pop_back();
  std::string q = "/sys/block/" + blk + "/queue/";
  auto rd = [](const std::string& p) {
    std::string s = ReadFile(p);
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s.empty() ? std::string("?") : s;
  };
  m.disk = dev + " (/sys/block/" + blk + ": rotational=" + rd(q + "rotational") + ", write_cache=" +
           rd(q + "write_cache") + ", scheduler=" + rd(q + "scheduler") + ", model=" + rd("/sys/block/" + blk + "/device/model") + ")";
  struct utsname u;
  ::uname(&u);
  m.kernel = std::string(u.sysname) + " " + u.release;
  m.rocksdb = StrPrintf("%d.%d.%d", ROCKSDB_MAJOR, ROCKSDB_MINOR, ROCKSDB_PATCH);
  m.sqlite = sqlite3_libversion();
  m.compiler = "g++ " __VERSION__;
  return m;
}

void WriteReport(const Config& c, const Machine& m, const AppendResults& a, const EngineResults& e,
                 const ProcResults& p, const ReplayResults& rr, double total_s) {
  std::ostringstream o;
  o << "# lvupdate benchmarks\n\n"
    << "One run of `make bench` (" << (c.quick ? "**--quick**: small sizes, a smoke test" : "full sizes")
    << "), " << m.date << ", " << StrPrintf("%.0f", total_s) << " s. Every figure below comes from this run; "
    << "compare systems by the ratios, not across runs (this disk drifts by 20% and more between runs).\n\n"
    << "## Machine\n\n"
    << "| | |\n|---|---|\n"
    << "| CPUs (nproc) | " << m.nproc << " x " << m.cpu << " |\n"
    << "| kernel | " << m.kernel << " |\n"
    << "| disk | " << m.disk << " |\n"
    << "| RocksDB / SQLite | " << m.rocksdb << " / " << m.sqlite << " |\n"
    << "| compiler | " << m.compiler << " |\n\n"
    << "```\n$ free -h\n" << m.mem << "\n$ df -hT (the work directory)\n" << m.fs << "\n```\n\n";

  // ---- targets ----
  const AppendVariant* J = a.main.size() == 4 ? &a.main[0] : nullptr;
  const AppendVariant* RAW = J ? &a.main[1] : nullptr;
  const AppendVariant* OW = J ? &a.main[2] : nullptr;
  const AppendVariant* SQ = J ? &a.main[3] : nullptr;
  o << "## Targets\n\n| target | figure (this run) | verdict |\n|---|---|---|\n";
  if (J) {
    double rr_raw = PairedRatio(J->s, RAW->s), rr_sq = PairedRatio(J->s, SQ->s);
    o << "| durable append >= 0.9x raw append + fdatasync | " << StrPrintf("%.2fx", rr_raw) << " (paired by turn; overall "
      << StrPrintf("%.2fx", J->s.rate() / RAW->s.rate()) << ") | "
      << Verdict(rr_raw >= 0.9, StrPrintf("by %.0f%% of raw", (0.9 - rr_raw) * 100)) << " |\n";
    o << "| durable append >= 1.0x SQLite WAL FULL | " << StrPrintf("%.2fx", rr_sq) << " (paired; overall "
      << StrPrintf("%.2fx", J->s.rate() / SQ->s.rate()) << ") | "
      << Verdict(rr_sq >= 1.0, StrPrintf("by %.0f%%", (1.0 - rr_sq) * 100)) << " |\n";
  }
  uint64_t run_syncs = 0;
  if (e.steps > 0) {
    run_syncs = e.journal_fsyncs - e.journal_open_fsyncs;
    double per_world = static_cast<double>(run_syncs) / static_cast<double>(e.world_steps);
    uint64_t clock_only_synced = 0;
    for (const auto& st : e.per_step)
      if (!st.world_changed && st.journal_syncs > 0) ++clock_only_synced;
    uint64_t over = run_syncs > e.world_steps ? run_syncs - e.world_steps : 0;
    o << "| one sync per world-changing step | " << run_syncs << " journal syncs for " << e.steps << " steps ("
      << e.world_steps << " change the simulated world beyond its clock): " << StrPrintf("%.2f", static_cast<double>(run_syncs) / e.steps)
      << " per step, " << StrPrintf("%.2f", per_world) << " per world-changing step | "
      << Verdict(over == 0,
                 StrPrintf("by %llu syncs, %.0f%%: the intents of the %llu steps that only move the simulated clock, "
                     "and the commit (opFinished); see section 2",
                     static_cast<unsigned long long>(over), 100.0 * static_cast<double>(over) / static_cast<double>(e.world_steps),
                     static_cast<unsigned long long>(clock_only_synced)))
      << " |\n";
    double be = Percentile(e.blackout_engine_ms, 50), lim = e.sync_latency_ms + 1.0;
    o << "| engine blackout overhead < one sync + 1 ms | " << StrPrintf("%.3f ms median, %.3f ms max", be, Percentile(e.blackout_engine_ms, 100))
      << " vs " << StrPrintf("%.3f + 1 = %.3f ms", e.sync_latency_ms, lim) << " | "
      << Verdict(be < lim, StrPrintf("by %.3f ms", be - lim)) << " |\n";
  }
  if (!rr.points.empty()) {
    const SizePoint& big = rr.points.back();
    o << "| fold >= 2,000,000 events/s warm | " << Num(big.fold_eps) << " events/s at " << Num(static_cast<double>(big.events))
      << " events | " << Verdict(big.fold_eps >= 2e6, StrPrintf("by %.0f%%", (1 - big.fold_eps / 2e6) * 100)) << " |\n";
  }
  o << "\n";

  // ---- 1 ----
  if (J) {
    o << "## 1. Durable append, 256-byte events, one at a time\n\n"
      << "Each system appends " << Num(c.append_events) << " records, each durable before the next; the systems take turns, "
      << c.append_chunk << " records each per turn, in an order rotated every turn, so that the disk's drift falls on all "
      << "of them alike. *Paired* ratios are the median over turns of the two systems' rates in the same turn. "
      << "The journal's event encodes to " << a.event_bytes << " bytes; its write batch (event + ops summary + keys) carries "
      << a.batch_bytes << " bytes.\n\n"
      << "| system | events/s | median us | p99 us | syncs/append | disk bytes/event | x journal's rate (paired) |\n"
      << "|---|---:|---:|---:|---:|---:|---:|\n";
    auto row = [&](const AppendVariant& v) {
      o << "| " << v.name << " | " << Num(v.s.rate()) << " | " << StrPrintf("%.0f", v.s.median()) << " | "
        << StrPrintf("%.0f", v.s.p99()) << " | " << StrPrintf("%.2f", v.syncs_per_append) << " | "
        << StrPrintf("%.0f", static_cast<double>(v.bytes_on_disk) / static_cast<double>(v.s.n())) << " | "
        << StrPrintf("%.2f", PairedRatio(v.s, J->s)) << " |\n";
    };
    for (const auto& v : a.main) row(v);
    o << "\nRatios: journal/raw append **" << StrPrintf("%.2f", PairedRatio(J->s, RAW->s)) << "** (overall "
      << StrPrintf("%.2f", J->s.rate() / RAW->s.rate()) << "), journal/SQLite **" << StrPrintf("%.2f", PairedRatio(J->s, SQ->s))
      << "** (overall " << StrPrintf("%.2f", J->s.rate() / SQ->s.rate()) << "), journal/raw overwrite "
      << StrPrintf("%.2f", PairedRatio(J->s, OW->s)) << ", SQLite/raw append " << StrPrintf("%.2f", PairedRatio(SQ->s, RAW->s))
      << ".\n\n";
    for (const auto& v : a.main) o << "- *" << v.name << "*: " << v.note << "\n";
    o << "\n### RocksDB options (the investigation)\n\n"
      << "Bare RocksDB " << m.rocksdb << " with the journal's write batch, same turns as above.\n\n"
      << "| variant | events/s | median us | p99 us | x journal (paired) | x raw append (paired) | x SQLite (paired) |\n"
      << "|---|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& v : a.rocks) {
      o << "| " << v.name << " | " << Num(v.s.rate()) << " | " << StrPrintf("%.0f", v.s.median()) << " | "
        << StrPrintf("%.0f", v.s.p99()) << " | " << StrPrintf("%.2f", PairedRatio(v.s, J->s)) << " | "
        << StrPrintf("%.2f", PairedRatio(v.s, RAW->s)) << " | " << StrPrintf("%.2f", PairedRatio(v.s, SQ->s)) << " |\n";
    }
    o << "\n";
    for (const auto& v : a.rocks) o << "- *" << v.name << "*: " << v.note << "\n";
    o << "\n";
  }

  // ---- 2 ----
  if (e.steps > 0) {
    o << "## 2. Syncs per step, a whole `run --speed max`\n\n"
      << "In process (actions::Executor + the simulator + the journal), every fsync/fdatasync counted by the file it "
      << "makes durable (tests/bench/sync_counter.cc interposes the two calls).\n\n"
      << "| | count |\n|---|---:|\n"
      << "| steps in the plan | " << e.steps << " |\n"
      << "| steps that change the simulated world (beyond its clock) | " << e.world_steps << " |\n"
      << "| events appended | " << e.events << " |\n"
      << "| Journal::sync_count() (appends with sync = true) | " << e.journal_sync_count << " |\n"
      << "| **engine: journal fsync/fdatasync during the operation** | **" << run_syncs << "** |\n"
      << "| engine: journal fsync/fdatasync in Journal::Open (new journal: lock file, MANIFEST, CURRENT, directory) | "
      << e.journal_open_fsyncs << " |\n"
      << "| simulated machines: world/faults file syncs (fdatasync + directory fsync per world change; not the engine's) | "
      << e.sim_fsyncs << " |\n"
      << "| log file syncs | " << e.log_fsyncs << " |\n"
      << "| other | " << e.other_fsyncs << " |\n\n"
      << "Synced appends, in order: " ;
    for (size_t i = 0; i < e.sync_events.size(); ++i) o << (i ? ", " : "") << "`" << e.sync_events[i] << "`";
    o << "\n\n| # | step | changes the world | journal syncs (intent to next intent) | simulator syncs |\n|---:|---|---|---:|---:|\n";
    for (size_t i = 0; i < e.per_step.size(); ++i) {
      const auto& s = e.per_step[i];
      o << "| " << i + 1 << " | " << s.step << " | " << (s.world_changed ? "yes" : "clock only") << " | "
        << s.journal_syncs << " | " << s.sim_syncs << " |\n";
    }
    o << "\nWhole processes (liblvu_synccount.so LD_PRELOADed into build/lvupdate, open included): `run`: "
      << p.sync_line_run << "; `resume` after a crash at the middle step: " << p.sync_line_resume << ".\n\n";
    if (!p.sync_lines.empty()) {
      o << "Then, on the journal that run left (LD_PRELOADed counter):\n\n| command | syncs |\n|---|---|\n";
      for (const auto& [cmd, line] : p.sync_lines) o << "| `lvupdate " << cmd << "` | " << line << " |\n";
      o << "\n";
    }
    if (!p.strace_summary.empty()) {
      o << "Cross-check, `strace -f -c -e trace=fdatasync,fsync` of one `run --speed max` (all files, engine and "
        << "simulator together):\n\n```\n" << p.strace_summary << "\n```\n\n";
    }
  }

  // ---- 3 ----
  if (!p.t.empty()) {
    o << "## 3. Engine overhead: whole processes\n\n"
      << "Fork + exec of build/lvupdate, wall time, " << c.proc_reps << " repetitions (median, min, max). "
      << "`--speed max`: the simulator never sleeps, so the time is the engine's, the simulator's file writes and the "
      << "process start.\n\n| command | median ms | min ms | max ms |\n|---|---:|---:|---:|\n";
    for (const auto& t : p.t)
      o << "| " << t.what << " | " << StrPrintf("%.2f", t.median()) << " | " << StrPrintf("%.2f", t.min()) << " | "
        << StrPrintf("%.2f", t.max()) << " |\n";
    o << "\n";
  }

  // ---- 4 ----
  if (!e.window_ms.empty()) {
    auto row = [&](const std::string& what, const std::vector<double>& v) {
      o << "| " << what << " | " << StrPrintf("%.3f", Percentile(v, 50)) << " | " << StrPrintf("%.3f", Percentile(v, 0)) << " | "
        << StrPrintf("%.3f", Percentile(v, 100)) << " |\n";
    };
    o << "## 4. Blackout added by the engine\n\n"
      << c.engine_runs << " in-process runs (`--speed max`). Journal::Append stamps each event's time when it starts "
      << "writing; an Observer notes when the executor has written and folded it. The workload is frozen from the end "
      << "of workload.checkpoint's apply to the start of workload.restart's apply: what lvupdate does in between "
      << "(record checkpoint done, decide, write and sync restart's intent) is the engine's blackout. The wider window "
      << "asked for, from checkpoint's intent to restart's done, also holds checkpoint's own intent (synced before the "
      << "freeze) and the two applies (the simulated machines' time).\n\n"
      << "| per run | median ms | min ms | max ms |\n|---|---:|---:|---:|\n";
    row("**engine in the blackout (checkpoint applied -> restart begins)**", e.blackout_engine_ms);
    row("of which journal appends (done + synced intent)", e.blackout_journal_ms);
    row("window: checkpoint intent -> restart done, all", e.window_ms);
    row("window: in the simulated machines (the two applies)", e.window_driver_ms);
    row("window: lvupdate itself", e.window_engine_ms);
    row("whole Run() in process (journal open to close)", e.run_ms);
    o << "\nOne synced append (stepIntent) in these runs: median " << StrPrintf("%.3f", e.sync_latency_ms) << " ms, p99 "
      << StrPrintf("%.3f", e.sync_latency_p99_ms) << " ms. Target: engine blackout < " << StrPrintf("%.3f", e.sync_latency_ms + 1)
      << " ms.\n\n";
  }

  // ---- 5, 6 ----
  if (!rr.points.empty()) {
    const SizePoint& big = rr.points.back();
    double n = static_cast<double>(big.events);
    o << "## 5. Replay and inspection: " << Num(n) << " events, " << Num(static_cast<double>(big.ops)) << " operations\n\n"
      << "Operations of 100 events shaped like a real run's (its events, with transient failures and retries added), "
      << "appended through Journal::Append (sync = false). " << rr.journal_cmds_note << ".\n\n"
      << "| | RocksDB journal | SQLite copy (same bytes) |\n|---|---:|---:|\n"
      << "| read + decode + fold everything (warm) | " << StrPrintf("%.3f s = %s events/s", big.rocks_read_fold_s, Num(n / big.rocks_read_fold_s).c_str())
      << " | " << StrPrintf("%.3f s = %s events/s", big.sqlite_read_fold_s, Num(n / big.sqlite_read_fold_s).c_str()) << " |\n"
      << "| read + decode alone (ReadOp, warm) | " << StrPrintf("%.3f s", big.rocks_read_s) << " | |\n"
      << "| fold alone, warm (same function for both) | " << Num(big.fold_eps) << " events/s | " << Num(big.fold_eps) << " events/s |\n"
      << "| size on disk | " << Bytes(big.rocks_bytes) << " (SST " << Bytes(big.rocks_sst_bytes) << ", WAL "
      << Bytes(big.rocks_wal_bytes) << ") | " << Bytes(big.sqlite_bytes) << " |\n"
      << "| open read-only (in process) | " << StrPrintf("%.1f ms", big.open_ro_ms) << " | |\n"
      << "| ListOps (in process) | " << StrPrintf("%.1f ms", big.list_ops_ms) << " | |\n"
      << "| `lvupdate status` (process, median of 5, after a sync) | " << StrPrintf("%.1f ms", big.status_ms) << " | |\n"
      << "| journal list | " << StrPrintf("%.1f ms", big.journal_list_ms) << (rr.have_journal_cmds ? StrPrintf(" (process, exit %d)", big.journal_list_code) : " (ListOps, in process)") << " | |\n"
      << "| journal verify | " << StrPrintf("%.1f ms", big.journal_verify_ms) << (rr.have_journal_cmds ? StrPrintf(" (process, exit %d)", big.journal_verify_code) : " (ReadOp of everything, in process)") << " | |\n"
      << "| WAL right after the bulk append, and the next writer's Journal::Open (recovery flushes it) | "
      << Bytes(big.wal_after_gen_bytes) << ", " << StrPrintf("%.0f ms", big.settle_ms) << " | |\n"
      << "| appending them (sync = false) | " << StrPrintf("%.2f us/event", big.gen_events ? big.gen_s * 1e6 / static_cast<double>(big.gen_events) : 0) << " | |\n\n";

    o << "## 6. Scaling\n\n![scaling](scaling.svg)\n\n"
      << "| events | ops | bulk append us/event | WAL after it MiB | next writer open ms | RocksDB bytes/event | SQLite bytes/event | ReadOp+Fold us/event | SQLite read+fold us/event | fold Mevents/s | ListOps ms | NewestOps(16) ms | status ms | journal list ms | journal verify ms | run --speed max ms | run's journal syncs | durable append /s | median us | p99 us |\n"
      << "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& q : rr.points) {
      double qn = static_cast<double>(q.events);
      o << "| " << Num(qn) << " | " << q.ops << " | "
        << StrPrintf("%.2f", q.gen_events ? q.gen_s * 1e6 / static_cast<double>(q.gen_events) : 0) << " | "
        << StrPrintf("%.1f", static_cast<double>(q.wal_after_gen_bytes) / (1 << 20)) << " | " << StrPrintf("%.0f", q.settle_ms) << " | "
        << StrPrintf("%.0f", static_cast<double>(q.rocks_bytes) / qn) << " | " << StrPrintf("%.0f", static_cast<double>(q.sqlite_bytes) / qn) << " | "
        << StrPrintf("%.2f", q.rocks_read_fold_s * 1e6 / qn) << " | " << StrPrintf("%.2f", q.sqlite_read_fold_s * 1e6 / qn) << " | "
        << StrPrintf("%.2f", q.fold_eps / 1e6) << " | " << StrPrintf("%.2f", q.list_ops_ms) << " | "
        << StrPrintf("%.3f", q.newest_ops_ms) << " | " << StrPrintf("%.1f", q.status_ms) << " | " << StrPrintf("%.1f", q.journal_list_ms)
        << " | " << StrPrintf("%.1f", q.journal_verify_ms) << " | " << StrPrintf("%.1f", q.run_ms) << " | " << q.run_journal_syncs
        << " | " << Num(q.append.rate()) << " | " << StrPrintf("%.0f", q.append.median()) << " | " << StrPrintf("%.0f", q.append.p99())
        << " |\n";
    }
    o << "\nAt each size: the journal is grown to that many events (plus the runs and append bursts of the earlier sizes), "
      << "settled by one writer's open (as the next lvupdate command would do), then read back, copied to SQLite, inspected by the commands, a `run --speed max` is made on it (sync counter "
      << "preloaded: the run's journal syncs, open included) and a burst of " << 198 << " durable appends (256-byte events) "
      << "is made on top of it.\n";
    WriteSvg(c.out_dir + "/scaling.svg", rr);
  }
  std::ofstream f(c.out_dir + "/report.md");
  f << o.str();
}

}  // namespace lvu::bench
