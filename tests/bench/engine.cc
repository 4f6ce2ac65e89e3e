// 2. and 4.: a whole live update (`run --speed max`) in this process, through
// the real Executor, the real journal and the simulated system, with an
// Observer that timestamps every event.
//
// Timing without touching the engine: Journal::Append stamps each event's
// time_us when it starts writing it (journal.h), and the Observer runs right
// after the write (and the executor's fold and log line). So for every event,
// [time_us, observed] is its append; the gap between one event's observation
// and the next event's time_us is the executor's own work, or a driver call
// when a step's apply runs there (between its intent and its done).
//
// Syncs: sync_counter.cc counts the fsync/fdatasync calls by file, so each
// interval between two observations has its journal syncs and its simulator
// (world file) syncs, told apart.
#include <sys/time.h>

#include <chrono>
#include <memory>

#include <nlohmann/json.hpp>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include "actions/engine/executor.h"
#include "actions/validation/lvupdate_data.h"
#include "cli/home.h"
#include "drivers/sim/sim_system.h"
#include "journal/journal.h"
#include "tests/bench/bench.h"
#include "tests/bench/sync_counter.h"

namespace lvu::bench {
namespace {

using journal::Event;
using journal::EventKind;

int64_t WallUs() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The world without its virtual clock: a step that only spends simulated time
// (validation, notification scripts) changes nothing else.
std::string WorldSansClock(const std::string& home) {
  nlohmann::json j = nlohmann::json::parse(ReadFile(home + "/sim/world.json"), nullptr, false);
  if (j.is_object()) j.erase("clock");
  return j.dump();
}

// The HMC token file, in the lvupdate versions whose validation needs one
// (hmc_token.h: <home>/hmc/token); nothing in those without.
template <typename T>
void SetTokenFile(T& x, const std::string& path) {
  if constexpr (requires { x.hmc_token_file; }) x.hmc_token_file = path;
}

struct Seen {
  EventKind kind;
  uint32_t step = 0;
  std::string action;    // stepIntent's
  int64_t start_us = 0;  // Append began (the event's time_us)
  int64_t end_us = 0;    // observed
  synccount::Counts syncs;  // at observation
  std::string world;     // counting run only
};

class Recorder : public actions::Observer {
 public:
  Recorder(std::string home, bool counting) : home_(std::move(home)), counting_(counting) {}
  void OnEvent(const Event& e, const replay::OperationState&) override {
    Seen s;
    s.end_us = WallUs();
    s.kind = e.kind;
    s.start_us = e.time_us != 0 ? e.time_us : s.end_us;
    if (e.kind == EventKind::kStepIntent) {
      s.step = e.intent.step;
      s.action = e.intent.action;
    } else if (e.kind == EventKind::kStepDone) {
      s.step = e.done.step;
    }
    if (counting_) {
      s.syncs = synccount::Snapshot();
      s.world = WorldSansClock(home_);
    }
    seen.push_back(std::move(s));
  }
  std::vector<Seen> seen;

 private:
  std::string home_;
  bool counting_;
};

struct OneRun {
  std::vector<Seen> seen;
  synccount::Counts open_syncs, total_syncs;
  synccount::Counts after_open;  // absolute, for the per-event deltas
  uint64_t sync_count = 0;
  double run_ms = 0;
};

OneRun RunOnce(const Config& c, const std::string& home, bool counting) {
  RemoveTree(home);
  MakeDirs(home);
  std::string fix_dir;
  Status s = drivers::sim::SimSystem::Init(home, &fix_dir);
  if (!s.ok()) Die("sim init: " + s.ToString());
  HmcAuth(c, home);  // when this lvupdate has hmcauth
  std::unique_ptr<drivers::sim::SimSystem> sys;
  drivers::sim::SimOptions opts;
  opts.speed = 0;  // max
  if (!(s = drivers::sim::SimSystem::Open(home, opts, &sys)).ok()) Die(s.ToString());
  std::string log;
  if (!(s = cli::StartLog(home, &log)).ok()) Die(s.ToString());

  OneRun out;
  synccount::Enable(counting);
  synccount::Counts c0 = synccount::Snapshot();
  double t0 = Now();
  std::unique_ptr<journal::Journal> j;
  if (!(s = journal::Journal::Open(home + "/journal", journal::Journal::Mode::kWrite, &j)).ok())
    Die(s.ToString());
  out.after_open = synccount::Snapshot();
  out.open_syncs = out.after_open - c0;

  actions::RunRequest req;
  if (!(s = actions::LoadLvupdateData(home + "/lvupdate.data", &req.input.data, &req.config_text)).ok())
    Die(s.ToString());
  req.input.fixes = {"dummy.150813.epkg.Z"};
  SetTokenFile(req.input, home + "/hmc/token");
  req.input.fix_dir = fix_dir;
  Recorder rec(home, counting);
  actions::Settings st;
  st.host = "bench";
  SetTokenFile(st, home + "/hmc/token");
  actions::Executor ex(j.get(), sys.get(), &rec, st);
  actions::OpResult r;
  if (!(s = ex.Run(req, &r)).ok()) Die("run: " + s.ToString());
  if (r.ending != actions::Ending::kCompleted) Die("run ended " + std::string(actions::EndingName(r.ending)));
  out.sync_count = j->sync_count();
  j.reset();
  out.run_ms = (Now() - t0) * 1e3;
  out.total_syncs = synccount::Snapshot() - c0;
  synccount::Enable(false);
  out.seen = std::move(rec.seen);
  spdlog::drop("lvupdate");
  spdlog::set_default_logger(spdlog::null_logger_mt("bench-null"));
  spdlog::drop("bench-null");
  return out;
}

int FindIntent(const std::vector<Seen>& v, const std::string& action) {
  for (size_t i = 0; i < v.size(); ++i)
    if (v[i].kind == EventKind::kStepIntent && v[i].action == action) return static_cast<int>(i);
  return -1;
}
int FindDone(const std::vector<Seen>& v, uint32_t step, int from) {
  for (size_t i = static_cast<size_t>(from); i < v.size(); ++i)
    if (v[i].kind == EventKind::kStepDone && v[i].step == step) return static_cast<int>(i);
  return -1;
}

}  // namespace

void RunEngine(const Config& c, EngineResults* r) {
  const std::string base = c.work_dir + "/engine";
  // The counting run: syncs by file and world changes, step by step.
  {
    OneRun run = RunOnce(c, base + "/count", true);
    const auto& v = run.seen;
    r->events = v.size();
    r->journal_sync_count = run.sync_count;
    r->journal_fsyncs = run.total_syncs.n[synccount::kJournal];
    r->journal_open_fsyncs = run.open_syncs.n[synccount::kJournal];
    r->sim_fsyncs = run.total_syncs.n[synccount::kSim];
    r->log_fsyncs = run.total_syncs.n[synccount::kLog];
    r->other_fsyncs = run.total_syncs.n[synccount::kOther];
    // Journal syncs of each event's append: the journal syncs since the
    // previous observation (drivers never touch the journal's files).
    synccount::Counts prev = run.after_open;
    std::vector<uint64_t> jsync(v.size()), ssync(v.size());
    for (size_t i = 0; i < v.size(); ++i) {
      synccount::Counts d = v[i].syncs - prev;
      prev = v[i].syncs;
      jsync[i] = d.n[synccount::kJournal];
      ssync[i] = d.n[synccount::kSim];
      if (jsync[i] > 0) {
        r->synced_appends++;
        r->sync_events.push_back(journal::KindName(v[i].kind) +
                                 (v[i].kind == EventKind::kStepIntent ? "(" + v[i].action + ")" : std::string()) +
                                 (jsync[i] > 1 ? " x" + std::to_string(jsync[i]) : std::string()));
      }
    }
    // Per step: from its intent to the next intent (or the end).
    std::string world_before = v.empty() ? "" : v[0].world;
    for (size_t i = 0; i < v.size(); ++i) {
      if (v[i].kind != EventKind::kStepIntent) continue;
      StepSyncs ss;
      ss.step = v[i].action;
      size_t end = i + 1;
      while (end < v.size() && v[end].kind != EventKind::kStepIntent) ++end;
      for (size_t k = i; k < end; ++k) {
        ss.journal_syncs += jsync[k];
        if (k > i) ss.sim_syncs += ssync[k];
      }
      int done = FindDone(v, v[i].step, static_cast<int>(i));
      if (done >= 0) ss.world_changed = v[static_cast<size_t>(done)].world != v[i].world;
      r->per_step.push_back(ss);
      r->steps++;
      if (ss.world_changed) r->world_steps++;
    }
    (void)world_before;
  }
  // The timed runs: no counting, no world reads.
  std::vector<double> sync_lat;
  for (int k = 0; k < c.engine_runs; ++k) {
    OneRun run = RunOnce(c, base + "/timed", false);
    const auto& v = run.seen;
    r->run_ms.push_back(run.run_ms);
    int i13 = FindIntent(v, "workload.checkpoint");
    int i14 = FindIntent(v, "workload.restart");
    if (i13 < 0 || i14 < 0) Die("no workload steps in the run");
    int d13 = FindDone(v, v[static_cast<size_t>(i13)].step, i13);
    int d14 = FindDone(v, v[static_cast<size_t>(i14)].step, i14);
    if (d13 < 0 || d14 < 0 || !(i13 < d13 && d13 < i14 && i14 < d14)) Die("unexpected event order around the blackout");
    const Seen& I13 = v[static_cast<size_t>(i13)];
    const Seen& D13 = v[static_cast<size_t>(d13)];
    const Seen& I14 = v[static_cast<size_t>(i14)];
    const Seen& D14 = v[static_cast<size_t>(d14)];
    double window = static_cast<double>(D14.end_us - I13.start_us) / 1e3;
    // Driver time: from an intent's observation to the next event's append
    // (the step's apply; any check results in between are the engine's).
    double drv13 = static_cast<double>(v[static_cast<size_t>(i13) + 1].start_us - I13.end_us) / 1e3;
    double drv14 = static_cast<double>(v[static_cast<size_t>(i14) + 1].start_us - I14.end_us) / 1e3;
    r->window_ms.push_back(window);
    r->window_driver_ms.push_back(drv13 + drv14);
    r->window_engine_ms.push_back(window - drv13 - drv14);
    // The workload is frozen from the end of checkpoint's apply to the start
    // of restart's apply: lvupdate's own time in the blackout.
    r->blackout_engine_ms.push_back(static_cast<double>(I14.end_us - D13.start_us) / 1e3);
    double journal_ms = 0;
    for (int k2 = d13; k2 <= i14; ++k2) {
      const Seen& e = v[static_cast<size_t>(k2)];
      journal_ms += static_cast<double>(e.end_us - e.start_us) / 1e3;
    }
    r->blackout_journal_ms.push_back(journal_ms);
    for (const Seen& e : v)
      if (e.kind == EventKind::kStepIntent) sync_lat.push_back(static_cast<double>(e.end_us - e.start_us) / 1e3);
  }
  r->sync_latency_ms = Percentile(sync_lat, 50);
  r->sync_latency_p99_ms = Percentile(sync_lat, 99);
}

}  // namespace lvu::bench
