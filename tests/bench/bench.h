// lvu_bench: the benchmarks of issue 6 (docs/performance.md), one program, one
// run, every system side by side. Each part fills a section of Results;
// report.cc writes build/bench/report.md and the plot from it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>
#include "base/str_printf.h"

namespace lvu::bench {

// ---- utilities (util.cc) ----
double Now();                                   // steady clock, seconds
double Percentile(std::vector<double> v, double p);  // p in [0,100]
uint64_t TreeBytes(const std::string& path);    // bytes of the files under path
void RemoveTree(const std::string& path);
void MakeDirs(const std::string& path);
[[noreturn]] void Die(const std::string& what);
std::string ReadFile(const std::string& path);
void Log(const char* fmt, ...) __attribute__((format(printf, 1, 2)));  // progress, stderr

// Latencies (microseconds) and the wall time they took.
struct Series {
  std::string name;
  std::vector<double> lat_us;
  double wall_s = 0;
  std::vector<double> turn_s;   // durable append: time of each interleaved turn
  uint64_t n() const { return lat_us.size(); }
  double rate() const { return wall_s > 0 ? static_cast<double>(n()) / wall_s : 0; }
  double median() const { return Percentile(lat_us, 50); }
  double p99() const { return Percentile(lat_us, 99); }
};

// A whole process run several times.
// Median over turns of b's time / a's time in the same turn: a's rate as a
// multiple of b's, robust to drift between turns.
double PairedRatio(const Series& a, const Series& b);

struct ProcTiming {
  std::string what;     // the command line, shortened
  std::vector<double> wall_ms;
  double median() const { return Percentile(wall_ms, 50); }
  double min() const { return Percentile(wall_ms, 0); }
  double max() const { return Percentile(wall_ms, 100); }
};

struct Config {
  std::string lvupdate;   // the binary
  std::string preload;    // liblvu_synccount.so
  std::string out_dir;    // report.md, plot.svg, raw data
  std::string work_dir;   // scratch: journals, homes, databases
  bool quick = false;     // smaller sizes, for a smoke test
  // 1. durable append
  int append_events = 3000;  // per system
  int append_chunk = 50;     // per system per interleaved turn
  // 3. process repetitions
  int proc_reps = 10;
  // 4. in-process engine runs
  int engine_runs = 20;
  // 5./6. journal sizes (events); 100 events per operation
  std::vector<uint64_t> sizes = {1000, 10000, 100000, 1000000};
};

// ---- the simulated lab (procs.cc) ----
// `lvupdate sim init`, then, when this lvupdate has the command, `hmcauth`
// with the lab's HMC credentials (as `make demo` does).
void PrepareHome(const Config& c, const std::string& home);
// Only the hmcauth part (for a home made by SimSystem::Init in process).
void HmcAuth(const Config& c, const std::string& home);
double RunProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env_extra,
                  int* code, const std::string& out_file);

// ---- 1. durable append (append.cc) ----
struct AppendVariant {
  std::string name, note;
  Series s;
  double syncs_per_append = 0; // fsync/fdatasync calls per append (counted)
  uint64_t bytes_on_disk = 0;  // after the run
};
struct AppendResults {
  size_t event_bytes = 0;         // Encode(event).size()
  size_t batch_bytes = 0;         // bytes the journal's write batch carries per append
  std::vector<AppendVariant> main;        // journal, raw append, raw overwrite, sqlite
  std::vector<AppendVariant> rocks;       // RocksDB option variants (investigation)
};
void RunAppend(const Config& c, AppendResults* r);
// One short durable-append burst through the journal at `dir` (scaling).
Series JournalAppendBurst(const std::string& dir, int n);

// ---- 2., 4. the engine in process (engine.cc) ----
struct StepSyncs {
  std::string step;
  bool world_changed = false;   // the world (without its clock) differs after the step
  uint64_t journal_syncs = 0;   // from this step's intent to the next step's intent
  uint64_t sim_syncs = 0;
};
struct EngineResults {
  // 2. syncs, one run
  uint64_t steps = 0, world_steps = 0;
  uint64_t journal_sync_count = 0;      // Journal::sync_count()
  uint64_t journal_fsyncs = 0;          // fsync/fdatasync on journal files, whole run
  uint64_t journal_open_fsyncs = 0;     // of which during Journal::Open
  uint64_t sim_fsyncs = 0, log_fsyncs = 0, other_fsyncs = 0;
  uint64_t events = 0, synced_appends = 0;
  std::vector<std::string> sync_events; // kinds of the synced appends, in order
  std::vector<StepSyncs> per_step;
  // 4. blackout, over engine_runs runs (ms)
  std::vector<double> window_ms;        // checkpoint intent -> restart done, all of it
  std::vector<double> window_driver_ms; // of which in the simulated machines
  std::vector<double> window_engine_ms; // the rest: lvupdate itself
  std::vector<double> blackout_engine_ms;  // freeze done -> restart begins: lvupdate only
  std::vector<double> blackout_journal_ms; // of which journal appends
  std::vector<double> run_ms;           // whole Run() in process
  double sync_latency_ms = 0;           // median synced append (stepIntent) in these runs
  double sync_latency_p99_ms = 0;
};
void RunEngine(const Config& c, EngineResults* r);

// ---- 3. processes (procs.cc) ----
struct ProcResults {
  std::vector<ProcTiming> t;
  std::string sync_line_run;     // LD_PRELOADed counter, whole `run --speed max`
  std::string sync_line_resume;
  // Other commands on the journal the counted run left: (command, line).
  std::vector<std::pair<std::string, std::string>> sync_lines;
  std::string strace_summary;    // strace -f -c of run, when strace exists
};
void RunProcs(const Config& c, ProcResults* r);

// ---- 5., 6. replay, inspection, scaling (replay.cc) ----
struct SizePoint {
  uint64_t events = 0, ops = 0;
  double gen_s = 0;                 // appending the new ones (sync = false)
  uint64_t gen_events = 0;          // how many were appended for this size
  uint64_t wal_after_gen_bytes = 0;  // WAL right after the bulk append
  double settle_ms = 0;             // the next Journal::Open(kWrite) + close (WAL recovery)
  uint64_t rocks_bytes = 0, rocks_sst_bytes = 0, rocks_wal_bytes = 0, sqlite_bytes = 0;
  double fold_eps = 0;              // Fold over decoded events, warm
  double rocks_read_fold_s = 0;     // ReadOp + Fold every operation
  double rocks_read_s = 0;          // ReadOp alone
  double sqlite_read_fold_s = 0;    // SELECT + Decode + Fold every operation
  double list_ops_ms = 0;           // Journal::ListOps (what status read before: every summary)
  double newest_ops_ms = 0;         // Journal::NewestOps(16) (what status reads now)
  double open_ro_ms = 0;            // Journal::Open read-only
  double status_ms = 0;             // `lvupdate status` process (median)
  double journal_list_ms = -1, journal_verify_ms = -1;  // processes, when the commands exist
  int journal_list_code = 0, journal_verify_code = 0;
  double run_ms = 0;                // `run --speed max` process on that journal
  Series append;                    // durable appends on top of that journal
  uint64_t run_journal_syncs = 0;
};
struct ReplayResults {
  std::vector<SizePoint> points;
  bool have_journal_cmds = false;
  std::string journal_cmds_note;
};
void RunReplay(const Config& c, ReplayResults* r);

// ---- report (report.cc) ----
struct Machine {
  std::string date, nproc, cpu, mem, disk, fs, kernel, rocksdb, sqlite, compiler;
};
Machine DescribeMachine(const Config& c);
// ---- 7. the aix driver's preview over slow shims (preview.cc) ----
struct PreviewResults {
  std::vector<double> concurrent_ms;  // the preview, reads concurrent
  double serial_ms = 0;               // LVUPDATE_SERIAL_READS=1
  int hmc_commands = 0, aix_commands = 0;  // what the one-by-one preview ran
  int sum_ms = 0;                     // their latencies, added
  int chain_ms = 0;                   // the slowest chain of dependent commands
};
void RunPreview(const Config& c, PreviewResults* r);
void AppendPreviewReport(const Config& c, const PreviewResults& r);  // to report.md

void WriteReport(const Config& c, const Machine& m, const AppendResults& a, const EngineResults& e,
                 const ProcResults& p, const ReplayResults& rr, double total_s);

}  // namespace lvu::bench
