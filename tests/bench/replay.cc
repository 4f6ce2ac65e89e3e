// 5. and 6.: a journal grown to 10^3 .. 10^6 events (operations of 100 events,
// shaped like a real run's), measured at each size: bulk append, size on
// disk, ReadOp + Fold of everything (RocksDB) against the same events in
// SQLite, Fold alone (warm), `lvupdate status` / `journal list` / `journal
// verify` as processes, a whole `run --speed max` on that journal, and a
// burst of durable appends on top of it.
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <set>

#include "journal/event_codec.h"
#include "journal/journal.h"
#include "replay/fold.h"
#include "tests/bench/bench.h"

namespace lvu::bench {

namespace {

using journal::Event;
using journal::EventKind;

constexpr int kEventsPerOp = 100;
constexpr int kBurst = 198;  // + opStarted + opFinished = one op of 200 events

// One operation of exactly kEventsPerOp events from a real run's events: the
// same events, with transient failures and retries (stepFailed + another
// stepIntent, up to attempt 3, the executor's default limit) added after the
// forward intents, and one checkResult when an odd number is missing.
std::vector<Event> Shape(const std::vector<Event>& run) {
  // A run longer than 100 events loses some of its checkResults (validation
  // reports many checks) until it fits.
  std::vector<Event> real = run;
  for (size_t i = real.size(); real.size() > static_cast<size_t>(kEventsPerOp) && i-- > 0;)
    if (real[i].kind == EventKind::kCheckResult) real.erase(real.begin() + static_cast<std::ptrdiff_t>(i));
  int extra = kEventsPerOp - static_cast<int>(real.size());
  if (extra < 0) Die("a real run has more than 100 events besides its check results; change kEventsPerOp");
  int intents = 0;
  for (const Event& e : real)
    if (e.kind == EventKind::kStepIntent && e.intent.direction == journal::Direction::kForward) ++intents;
  if (intents == 0 || extra / 2 > 2 * intents) Die("cannot shape an operation of 100 events from this run");
  int pairs = extra / 2;
  std::vector<Event> out;
  int seen = 0;
  for (const Event& e : real) {
    if (e.kind == EventKind::kOpFinished && extra % 2 == 1) {
      Event c;
      c.kind = EventKind::kCheckResult;
      c.check.name = "bench.padding";
      c.check.result = journal::CheckOutcome::kInfo;
      c.check.message = "one more check result to make 100 events";
      out.push_back(c);
    }
    if (e.kind == EventKind::kStepIntent && e.intent.direction == journal::Direction::kForward) {
      // This intent's retries: spread the pairs over the intents.
      int retries = pairs / intents + (seen < pairs % intents ? 1 : 0);
      ++seen;
      for (int k = 0; k < retries; ++k) {
        Event first = e;
        first.intent.attempt = static_cast<uint32_t>(k + 1);
        out.push_back(first);
        Event f;
        f.kind = EventKind::kStepFailed;
        f.failed.step = e.intent.step;
        f.failed.error = "HSCL1234 the managed system is busy, retry later";
        f.failed.retryable = true;
        out.push_back(f);
      }
      Event last = e;
      last.intent.attempt = static_cast<uint32_t>(retries + 1);
      out.push_back(last);
      continue;
    }
    out.push_back(e);
  }
  if (out.size() != kEventsPerOp) Die("shaped " + std::to_string(out.size()) + " events, not 100");
  for (Event& e : out) e.seq = 0, e.op_id.clear();
  return out;
}

struct Sqlite {
  sqlite3* db = nullptr;
  std::set<std::string> copied;
  void Open(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) Die("sqlite open " + path);
    Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
         "CREATE TABLE IF NOT EXISTS events(op TEXT NOT NULL, seq INTEGER NOT NULL, value BLOB NOT NULL,"
         " PRIMARY KEY(op, seq)) WITHOUT ROWID;");
  }
  void Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) Die(std::string("sqlite: ") + err);
  }
  void Copy(const std::string& op, const std::vector<Event>& events, sqlite3_stmt* ins) {
    for (const Event& e : events) {
      std::string v = journal::Encode(e);
      sqlite3_bind_text(ins, 1, op.data(), static_cast<int>(op.size()), SQLITE_TRANSIENT);
      sqlite3_bind_int64(ins, 2, static_cast<sqlite3_int64>(e.seq));
      sqlite3_bind_blob(ins, 3, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
      if (sqlite3_step(ins) != SQLITE_DONE) Die(std::string("sqlite insert: ") + sqlite3_errmsg(db));
      sqlite3_reset(ins);
    }
    copied.insert(op);
  }
  // SELECT + Decode + Fold of every operation; returns events seen.
  uint64_t ReadFoldAll(const std::vector<std::string>& ops) {
    sqlite3_stmt* q = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT value FROM events WHERE op = ? ORDER BY seq", -1, &q, nullptr) != SQLITE_OK)
      Die("sqlite prepare select");
    uint64_t n = 0;
    std::vector<Event> events;
    for (const std::string& op : ops) {
      events.clear();
      sqlite3_bind_text(q, 1, op.data(), static_cast<int>(op.size()), SQLITE_STATIC);
      while (sqlite3_step(q) == SQLITE_ROW) {
        const void* b = sqlite3_column_blob(q, 0);
        int len = sqlite3_column_bytes(q, 0);
        Event e;
        Status s = journal::Decode(std::string_view(static_cast<const char*>(b), static_cast<size_t>(len)), &e);
        if (!s.ok()) Die("sqlite copy: " + s.ToString());
        events.push_back(std::move(e));
      }
      sqlite3_reset(q);
      replay::OperationState st = replay::Fold(events);
      if (!st.started) Die("sqlite fold: no opStarted");
      n += events.size();
    }
    sqlite3_finalize(q);
    return n;
  }
  void Close() {
    if (db) sqlite3_close(db);
    db = nullptr;
  }
};

uint64_t BytesWithSuffix(const std::string& dir, const std::string& suffix) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& f : std::filesystem::directory_iterator(dir, ec)) {
    std::string n = f.path().filename().string();
    if (n.size() >= suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0)
      total += f.file_size(ec);
  }
  return total;
}

std::unique_ptr<journal::Journal> OpenJournal(const std::string& dir, journal::Journal::Mode m) {
  std::unique_ptr<journal::Journal> j;
  Status s = journal::Journal::Open(dir, m, &j);
  if (!s.ok()) Die(s.ToString());
  return j;
}

}  // namespace

void RunReplay(const Config& c, ReplayResults* r) {
  const std::string home = c.work_dir + "/replay/home";
  const std::string jdir = home + "/journal";
  RemoveTree(c.work_dir + "/replay");
  MakeDirs(home);
  auto lvu = [&](std::vector<std::string> rest, int* code, const std::vector<std::string>& env = {}) {
    std::vector<std::string> a = {c.lvupdate, "--home", home, "--speed", "max"};
    a.insert(a.end(), rest.begin(), rest.end());
    return RunProcess(a, env, code, "");
  };
  const std::vector<std::string> run_args = {"run", "-d", home + "/fixes", "dummy.150813.epkg.Z"};
  int code = 0;
  PrepareHome(c, home);
  // A real run gives the shape of an operation.
  lvu(run_args, &code);
  if (code != 0) Die("run failed");
  std::vector<Event> shape;
  {
    auto j = OpenJournal(jdir, journal::Journal::Mode::kReadOnly);
    std::string op;
    if (!j->LatestOp(&op).ok()) Die("no op after run");
    std::vector<Event> real;
    Status s = j->ReadOp(op, &real);
    if (!s.ok()) Die(s.ToString());
    shape = Shape(real);
  }
  {
    // `lvupdate --help` lists the subcommands; is `journal` one of them?
    std::string help = c.work_dir + "/replay/help.txt";
    RunProcess({c.lvupdate, "--help"}, {}, &code, help);
    std::string text = ReadFile(help);
    r->have_journal_cmds = text.find("\n  journal ") != std::string::npos;
  }
  r->journal_cmds_note = r->have_journal_cmds
                             ? "`lvupdate journal list` and `journal verify` timed as processes"
                             : "`lvupdate journal` does not exist in this build: list = Journal::ListOps, "
                               "verify = ReadOp of every operation (in process), timed instead";

  Sqlite sq;
  sq.Open(c.work_dir + "/replay/events.db");
  uint64_t present = 0;
  {
    auto j = OpenJournal(jdir, journal::Journal::Mode::kReadOnly);
    std::vector<journal::OpSummary> ops;
    j->ListOps(&ops);
    for (const auto& o : ops) present += o.last_seq + 1;
  }
  for (uint64_t target : c.sizes) {
    SizePoint p;
    // Grow the journal to `target` events: whole operations, sync = false.
    {
      auto j = OpenJournal(jdir, journal::Journal::Mode::kWrite);
      double t0 = Now();
      uint64_t added = 0;
      while (present + added + kEventsPerOp <= target) {
        std::string op = journal::Journal::NewOpId();
        int64_t t = 1700000000000000 + static_cast<int64_t>(present + added) * 1000;
        for (const Event& tmpl : shape) {
          Event e = tmpl;
          e.op_id = op;
          e.time_us = t++;
          Status s = j->Append(&e, false);
          if (!s.ok()) Die(s.ToString());
        }
        added += kEventsPerOp;
      }
      p.gen_s = Now() - t0;
      p.gen_events = added;
      present += added;
    }
    // Every lvupdate command that writes opens the journal in write mode, and
    // RocksDB's recovery then flushes what the write-ahead log held into a
    // table file. One process appending 10^6 events is the generator's doing,
    // not lvupdate's: settle the journal as the next command would.
    p.wal_after_gen_bytes = BytesWithSuffix(jdir, ".log");
    {
      double s0 = Now();
      auto j = OpenJournal(jdir, journal::Journal::Mode::kWrite);
      j.reset();
      p.settle_ms = (Now() - s0) * 1e3;
    }
    p.rocks_bytes = TreeBytes(jdir);
    p.rocks_sst_bytes = BytesWithSuffix(jdir, ".sst");
    p.rocks_wal_bytes = BytesWithSuffix(jdir, ".log");

    // Read everything back (in process, read-only, as `status` does).
    double t0 = Now();
    auto j = OpenJournal(jdir, journal::Journal::Mode::kReadOnly);
    p.open_ro_ms = (Now() - t0) * 1e3;
    std::vector<journal::OpSummary> ops;
    t0 = Now();
    if (!j->ListOps(&ops).ok()) Die("ListOps");
    p.list_ops_ms = (Now() - t0) * 1e3;
    {
      std::vector<journal::OpSummary> newest;
      t0 = Now();
      if (!j->NewestOps(16, &newest).ok() || newest.empty()) Die("NewestOps");
      p.newest_ops_ms = (Now() - t0) * 1e3;
    }
    std::vector<std::string> ids;
    for (const auto& o : ops) ids.push_back(o.op_id);
    std::vector<std::vector<Event>> all(ids.size());
    // Pass 1 (warms the caches) and pass 2 (timed): ReadOp; then ReadOp + Fold.
    for (int pass = 0; pass < 2; ++pass) {
      t0 = Now();
      for (size_t i = 0; i < ids.size(); ++i) {
        Status s = j->ReadOp(ids[i], &all[i]);
        if (!s.ok()) Die(s.ToString());
      }
      p.rocks_read_s = Now() - t0;
    }
    t0 = Now();
    uint64_t n = 0;
    for (size_t i = 0; i < ids.size(); ++i) {
      std::vector<Event> ev;
      if (!j->ReadOp(ids[i], &ev).ok()) Die("ReadOp");
      replay::OperationState st = replay::Fold(ev);
      if (!st.started) Die("fold: no opStarted");
      n += ev.size();
    }
    p.rocks_read_fold_s = Now() - t0;
    p.events = n;
    p.ops = ids.size();
    j.reset();
    // Fold alone, warm: repeat over the decoded events for >= 0.3 s.
    {
      uint64_t folded = 0;
      double f0 = Now();
      size_t sink = 0;
      do {
        for (const auto& ev : all) {
          replay::OperationState st = replay::Fold(ev);
          sink += st.steps.size();
          folded += ev.size();
        }
      } while (Now() - f0 < 0.3);
      p.fold_eps = static_cast<double>(folded) / (Now() - f0);
      if (sink == 0) Die("fold folded nothing");
    }
    // The SQLite copy: the ops not copied yet, in one transaction.
    {
      sqlite3_stmt* ins = nullptr;
      if (sqlite3_prepare_v2(sq.db, "INSERT INTO events(op, seq, value) VALUES(?, ?, ?)", -1, &ins, nullptr) != SQLITE_OK)
        Die("sqlite prepare");
      sq.Exec("BEGIN");
      for (size_t i = 0; i < ids.size(); ++i)
        if (!sq.copied.count(ids[i])) sq.Copy(ids[i], all[i], ins);
      sq.Exec("COMMIT");
      sqlite3_finalize(ins);
      sq.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
      p.sqlite_bytes = TreeBytes(c.work_dir + "/replay/events.db");
      sq.ReadFoldAll(ids);  // warm
      t0 = Now();
      uint64_t sn = sq.ReadFoldAll(ids);
      p.sqlite_read_fold_s = Now() - t0;
      if (sn != p.events) Die("sqlite copy holds " + std::to_string(sn) + " events, not " + std::to_string(p.events));
    }
    all.clear();
    all.shrink_to_fit();

    // Processes on this journal, once the SQLite copy's writes reached the
    // disk (its write-back would otherwise be timed as part of `status`).
    ::sync();
    std::vector<double> st_ms;
    for (int k = 0; k < 5; ++k) {
      st_ms.push_back(lvu({"status"}, &code));
      if (code != 0) Die("status failed");
    }
    p.status_ms = Percentile(st_ms, 50);
    if (r->have_journal_cmds) {
      p.journal_list_ms = lvu({"journal", "list"}, &code);
      p.journal_list_code = code;
      p.journal_verify_ms = lvu({"journal", "verify"}, &code);
      p.journal_verify_code = code;
    } else {
      auto jr = OpenJournal(jdir, journal::Journal::Mode::kReadOnly);
      t0 = Now();
      std::vector<journal::OpSummary> o2;
      jr->ListOps(&o2);
      p.journal_list_ms = (Now() - t0) * 1e3;
      t0 = Now();
      std::vector<Event> ev;
      for (const auto& o : o2)
        if (!jr->ReadOp(o.op_id, &ev).ok()) Die("verify: ReadOp");
      p.journal_verify_ms = (Now() - t0) * 1e3;
    }
    // A whole run on top of this journal (a fresh world first).
    PrepareHome(c, home);
    std::string out = c.work_dir + "/replay/synccount." + std::to_string(target);
    p.run_ms = lvu(run_args, &code, {"LD_PRELOAD=" + c.preload, "LVU_SYNCCOUNT_OUT=" + out});
    if (code != 0) Die("run on the big journal failed");
    std::string line = ReadFile(out);
    unsigned long long js = 0;
    if (std::sscanf(line.c_str(), "journal=%llu", &js) == 1) p.run_journal_syncs = js;
    // And a burst of durable appends.
    p.append = JournalAppendBurst(jdir, kBurst);
    {
      auto jr = OpenJournal(jdir, journal::Journal::Mode::kReadOnly);
      std::vector<journal::OpSummary> o2;
      jr->ListOps(&o2);
      present = 0;
      for (const auto& o : o2) present += o.last_seq + 1;
    }
    Log("  %llu events: gen %.1fs, read+fold %.2fs, sqlite %.2fs, fold %.2fM ev/s, status %.0f ms",
        static_cast<unsigned long long>(p.events), p.gen_s, p.rocks_read_fold_s, p.sqlite_read_fold_s,
        p.fold_eps / 1e6, p.status_ms);
    r->points.push_back(p);
  }
  sq.Close();
}

}  // namespace lvu::bench
