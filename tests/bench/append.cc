// 1. Durable append: 256-byte events, one at a time, each durable before the
// next. Systems, interleaved round by round so that the disk's drift falls on
// all of them alike:
//   journal        lvu::journal::Journal::Append(e, sync = true)
//   raw append     write(256) + fdatasync on an append-only file (O_APPEND)
//   raw overwrite  pwrite(256) + fdatasync over a file already written and
//                  synced: no allocation, no size change (the floor: what a
//                  recycled log or SQLite's reused WAL can reach)
// (WAL recycling itself is not measured: RocksDB 7.8 sets recycle_log_file_num
// to 0 under the journal's recovery modes, see docs/performance.md.)
//   sqlite         INSERT of the same bytes, autocommit, journal_mode = WAL,
//                  synchronous = FULL
// and, to explain the journal's figure, bare RocksDB with the journal's write
// batch (event + ops summary) under option variants.
#include <fcntl.h>
#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>
#include <sqlite3.h>
#include <unistd.h>

#include <functional>
#include <memory>

#include "journal/event_codec.h"
#include "journal/journal.h"
#include "journal/keys.h"
#include "journal/op_summary.h"
#include "tests/bench/bench.h"
#include "tests/bench/sync_counter.h"

namespace lvu::bench {
namespace {

using journal::Event;
using journal::EventKind;

constexpr size_t kTargetBytes = 256;

// A stepIntent whose encoding is exactly 256 bytes (its params padded).
Event Event256(const std::string& op_id) {
  Event e;
  e.op_id = op_id;
  e.kind = EventKind::kStepIntent;
  e.time_us = 1700000000000000;
  // Step 0 of OpStarted()'s one-step plan, so that the bursts made on the
  // scaling journal pass `journal verify` (repeated intents of a step in
  // flight are retries).
  e.intent.step = 0;
  e.intent.action = "validate";
  e.intent.attempt = 1;
  for (size_t pad = 0; pad < 512; ++pad) {
    e.intent.params = "{\"clock_s\":1234,\"lpar\":\"aix721534A\",\"pad\":\"" +
                      std::string(pad, 'x') + "\"}";
    if (journal::Encode(e).size() >= kTargetBytes) return e;
  }
  return e;
}

Event OpStarted(const std::string& op_id) {
  Event e;
  e.op_id = op_id;
  e.kind = EventKind::kOpStarted;
  e.op_started.plan = {"validate"};
  e.op_started.driver = "bench";
  return e;
}

// One system under test: Setup once, then Append one durable record.
struct System {
  std::string name, note;
  std::function<void()> setup;
  std::function<void()> append;
  std::function<void()> teardown;
  std::string dir;
  AppendVariant* out = nullptr;
};

void SyncDir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0 || ::fsync(fd) != 0) Die("cannot sync " + dir);
  ::close(fd);
}

// --- bare RocksDB with the journal's write batch ---
struct Rocks {
  rocksdb::DB* db = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> h;
  std::string op_id;
  uint64_t seq = 0;
  Event ev;
  journal::OpSummary summary;
  bool with_summary = true;
  rocksdb::WriteOptions wo;

  void Open(const std::string& dir, const rocksdb::Options& o) {
    std::vector<rocksdb::ColumnFamilyDescriptor> cfs = {
        {rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions(o)},
        {journal::kEventsFamily, rocksdb::ColumnFamilyOptions(o)},
        {journal::kOpsFamily, rocksdb::ColumnFamilyOptions(o)}};
    rocksdb::Status s = rocksdb::DB::Open(o, dir, cfs, &h, &db);
    if (!s.ok()) Die("rocksdb open " + dir + ": " + s.ToString());
    op_id = journal::Journal::NewOpId();
    ev = Event256(op_id);
    summary.op_id = op_id;
    wo.sync = true;
  }
  void Append() {
    ev.seq = seq++;
    summary.last_seq = ev.seq;
    rocksdb::WriteBatch b;
    b.Put(h[1], journal::EventKey(op_id, ev.seq), journal::Encode(ev));
    if (with_summary) b.Put(h[2], op_id, journal::EncodeSummary(summary));
    rocksdb::Status s = db->Write(wo, &b);
    if (!s.ok()) Die("rocksdb write: " + s.ToString());
  }
  void Close() {
    for (auto* x : h) db->DestroyColumnFamilyHandle(x);
    delete db;
    db = nullptr;
  }
};

rocksdb::Options JournalLikeOptions() {
  rocksdb::Options o;
  o.create_if_missing = true;
  o.create_missing_column_families = true;
  o.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;  // as journal/rocks_journal.cc
  o.max_log_file_size = 1 << 20;
  o.keep_log_file_num = 2;
  return o;
}

}  // namespace

Series JournalAppendBurst(const std::string& dir, int n) {
  std::unique_ptr<journal::Journal> j;
  Status s = journal::Journal::Open(dir, journal::Journal::Mode::kWrite, &j);
  if (!s.ok()) Die(s.ToString());
  std::string op = journal::Journal::NewOpId();
  Event st = OpStarted(op);
  if (!(s = j->Append(&st, true)).ok()) Die(s.ToString());
  Event tmpl = Event256(op);
  Series out;
  double t0 = Now();
  for (int i = 0; i < n; ++i) {
    Event e = tmpl;
    double a = Now();
    if (!(s = j->Append(&e, true)).ok()) Die(s.ToString());
    out.lat_us.push_back((Now() - a) * 1e6);
  }
  out.wall_s = Now() - t0;
  // Leave the journal as a finished operation, so `run` can follow.
  Event fin;
  fin.op_id = op;
  fin.kind = EventKind::kOpFinished;
  if (!(s = j->Append(&fin, true)).ok()) Die(s.ToString());
  return out;
}

void RunAppend(const Config& c, AppendResults* r) {
  const std::string base = c.work_dir + "/append";
  RemoveTree(base);
  MakeDirs(base);
  const int total = c.append_events;

  {
    Event e = Event256(journal::Journal::NewOpId());
    r->event_bytes = journal::Encode(e).size();
    journal::OpSummary s;
    s.op_id = e.op_id;
    s.steps_total = 19;
    r->batch_bytes = journal::kEventKeySize + r->event_bytes + journal::kOpIdSize +
                     journal::EncodeSummary(s).size();
  }

  r->main.resize(4);
  r->main[0].name = "lvupdate journal";
  r->main[0].note = "Journal::Append(sync=true): RocksDB WriteBatch {event, ops summary}, WriteOptions::sync";
  r->main[1].name = "raw append + fdatasync";
  r->main[1].note = "write(256 B) to an O_APPEND file, fdatasync (the file grows: block allocation + size, each time)";
  r->main[2].name = "raw overwrite + fdatasync";
  r->main[2].note = "pwrite(256 B) over a file already written and synced, fdatasync (no allocation, no size change)";
  r->main[3].name = "SQLite WAL, synchronous=FULL";
  r->main[3].note = "INSERT (op, seq, value BLOB) per transaction, WITHOUT ROWID table";

  std::vector<System> systems;

  // journal
  std::unique_ptr<journal::Journal> jr;
  Event jtmpl;
  {
    System s;
    s.dir = base + "/journal";
    s.setup = [&, dir = s.dir] {
      Status st = journal::Journal::Open(dir, journal::Journal::Mode::kWrite, &jr);
      if (!st.ok()) Die(st.ToString());
      std::string op = journal::Journal::NewOpId();
      Event e = OpStarted(op);
      if (!(st = jr->Append(&e, true)).ok()) Die(st.ToString());
      jtmpl = Event256(op);
    };
    s.append = [&] {
      Event e = jtmpl;
      Status st = jr->Append(&e, true);
      if (!st.ok()) Die(st.ToString());
    };
    s.teardown = [&] { jr.reset(); };
    s.out = &r->main[0];
    systems.push_back(s);
  }
  // raw append
  int raw_fd = -1;
  const std::string record(kTargetBytes, 'e');
  {
    System s;
    s.dir = base + "/raw";
    s.setup = [&, dir = s.dir] {
      MakeDirs(dir);
      raw_fd = ::open((dir + "/records").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_TRUNC, 0644);
      if (raw_fd < 0) Die("open raw");
      SyncDir(dir);
    };
    s.append = [&] {
      if (::write(raw_fd, record.data(), record.size()) != static_cast<ssize_t>(record.size()))
        Die("raw write");
      if (::fdatasync(raw_fd) != 0) Die("raw fdatasync");
    };
    s.teardown = [&] { ::close(raw_fd); };
    s.out = &r->main[1];
    systems.push_back(s);
  }
  // raw overwrite
  int ow_fd = -1;
  off_t ow_off = 0;
  {
    System s;
    s.dir = base + "/overwrite";
    s.setup = [&, dir = s.dir] {
      MakeDirs(dir);
      ow_fd = ::open((dir + "/records").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (ow_fd < 0) Die("open overwrite");
      std::string zeros(1 << 20, '\0');
      for (off_t done = 0; done < static_cast<off_t>(total) * 256 + (1 << 20); done += zeros.size())
        if (::write(ow_fd, zeros.data(), zeros.size()) < 0) Die("prefill");
      if (::fsync(ow_fd) != 0) Die("fsync");
      SyncDir(dir);
    };
    s.append = [&] {
      if (::pwrite(ow_fd, record.data(), record.size(), ow_off) != static_cast<ssize_t>(record.size()))
        Die("pwrite");
      ow_off += static_cast<off_t>(record.size());
      if (::fdatasync(ow_fd) != 0) Die("overwrite fdatasync");
    };
    s.teardown = [&] { ::close(ow_fd); };
    s.out = &r->main[2];
    systems.push_back(s);
  }
  // sqlite
  sqlite3* db = nullptr;
  sqlite3_stmt* ins = nullptr;
  std::string sq_op = journal::Journal::NewOpId();
  std::string sq_value = journal::Encode(Event256(sq_op));
  int64_t sq_seq = 0;
  {
    System s;
    s.dir = base + "/sqlite";
    s.setup = [&, dir = s.dir] {
      MakeDirs(dir);
      if (sqlite3_open((dir + "/events.db").c_str(), &db) != SQLITE_OK) Die("sqlite open");
      const char* sql =
          "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
          "CREATE TABLE events(op TEXT NOT NULL, seq INTEGER NOT NULL, value BLOB NOT NULL,"
          " PRIMARY KEY(op, seq)) WITHOUT ROWID;";
      char* err = nullptr;
      if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) Die(std::string("sqlite: ") + err);
      if (sqlite3_prepare_v2(db, "INSERT INTO events(op, seq, value) VALUES(?, ?, ?)", -1, &ins,
                             nullptr) != SQLITE_OK)
        Die("sqlite prepare");
    };
    s.append = [&] {
      sqlite3_bind_text(ins, 1, sq_op.data(), static_cast<int>(sq_op.size()), SQLITE_STATIC);
      sqlite3_bind_int64(ins, 2, sq_seq++);
      sqlite3_bind_blob(ins, 3, sq_value.data(), static_cast<int>(sq_value.size()), SQLITE_STATIC);
      if (sqlite3_step(ins) != SQLITE_DONE) Die(std::string("sqlite insert: ") + sqlite3_errmsg(db));
      sqlite3_reset(ins);
    };
    s.teardown = [&] {
      sqlite3_finalize(ins);
      sqlite3_close(db);
    };
    s.out = &r->main[3];
    systems.push_back(s);
  }

  // RocksDB variants (the investigation).
  struct RocksVariant {
    std::string name, note;
    std::function<void(rocksdb::Options*)> tune;
    bool with_summary = true;
    bool manual_flush = false;
  };
  std::vector<RocksVariant> variants = {
      {"rocksdb, journal's options", "bare RocksDB, the journal's batch and options: the journal layer's own cost is the difference", nullptr},
      {"rocksdb, event only", "the same without the ops summary in the batch (half the bytes per write)", nullptr, false},
      {"rocksdb, allow_fallocate=false", "no WAL preallocation: the WAL grows like the raw file",
       [](rocksdb::Options* o) { o->allow_fallocate = false; }},
      {"rocksdb, manual_wal_flush + FlushWAL(sync)", "write to the memtable and WAL buffer, then FlushWAL(true)",
       [](rocksdb::Options* o) { o->manual_wal_flush = true; }, true, true},
      {"rocksdb, use_fsync=true", "fsync instead of fdatasync (what not to do)",
       [](rocksdb::Options* o) { o->use_fsync = true; }},
  };
  std::vector<std::unique_ptr<Rocks>> rocks(variants.size());
  r->rocks.resize(variants.size());
  for (size_t i = 0; i < variants.size(); ++i) {
    r->rocks[i].name = variants[i].name;
    r->rocks[i].note = variants[i].note;
    System s;
    s.dir = base + "/rocks" + std::to_string(i);
    auto v = variants[i];
    s.setup = [&rocks, i, v, dir = s.dir] {
      rocksdb::Options o = JournalLikeOptions();
      if (v.tune) v.tune(&o);
      rocks[i] = std::make_unique<Rocks>();
      rocks[i]->with_summary = v.with_summary;
      rocks[i]->Open(dir, o);
      if (v.manual_flush) rocks[i]->wo.sync = false;
    };
    s.append = [&rocks, i, v] {
      rocks[i]->Append();
      if (v.manual_flush) {
        rocksdb::Status st = rocks[i]->db->FlushWAL(true);
        if (!st.ok()) Die("FlushWAL: " + st.ToString());
      }
    };
    s.teardown = [&rocks, i] { rocks[i]->Close(); };
    s.out = &r->rocks[i];
    systems.push_back(s);
  }

  for (auto& s : systems) s.setup();
  synccount::Enable(false);
  // Fine interleaving: every turn runs `append_chunk` appends of each system,
  // in an order rotated turn by turn, so that the disk's drift (other tenants,
  // writeback) falls on every system alike. Each turn's time per system also
  // gives paired ratios (journal vs X within the same turn).
  const int turns = total / c.append_chunk;
  for (auto& s : systems) s.out->s.turn_s.assign(static_cast<size_t>(turns), 0);
  for (int turn = 0; turn < turns; ++turn) {
    for (size_t k = 0; k < systems.size(); ++k) {
      System& s = systems[(k + static_cast<size_t>(turn)) % systems.size()];
      double t0 = Now();
      for (int i = 0; i < c.append_chunk; ++i) {
        double a = Now();
        s.append();
        s.out->s.lat_us.push_back((Now() - a) * 1e6);
      }
      double dt = Now() - t0;
      s.out->s.wall_s += dt;
      s.out->s.turn_s[static_cast<size_t>(turn)] = dt;
    }
  }
  // Syncs per append: counted on a short extra pass.
  constexpr int kCountPass = 50;
  for (auto& s : systems) {
    synccount::Enable(true);
    synccount::Counts before = synccount::Snapshot();
    for (int i = 0; i < kCountPass; ++i) s.append();
    synccount::Counts d = synccount::Snapshot() - before;
    synccount::Enable(false);
    s.out->syncs_per_append = static_cast<double>(d.total()) / kCountPass;
  }
  for (auto& s : systems) {
    s.teardown();
    s.out->bytes_on_disk = TreeBytes(s.dir);
  }
}

}  // namespace lvu::bench
