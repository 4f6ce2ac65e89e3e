// Journal::Open and the RocksDB journal (see journal.h and
// docs/journal-format.md for the contracts and the layout).
//
// Write mode takes the live update lock (lock_file.h) before RocksDB is opened,
// so a second writer meets our friendly Busy and never RocksDB's own LOCK.
// The writer is the only process that appends, so it caches each operation's
// summary after reading it once; the cache is updated only after the write
// batch that changed the summary on disk succeeded.
#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/file_system.h>
#include <rocksdb/listener.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "journal/event_codec.h"
#include "journal/high_water.h"
#include "journal/journal.h"
#include "journal/keys.h"
#include "journal/lock_file.h"
#include "journal/op_summary.h"

namespace lvu::journal {

namespace {

// Reads from one consistent snapshot (both families as of one instant),
// with checksums verified; the snapshot is released when this dies.
class SnapshotRead {
 public:
  explicit SnapshotRead(rocksdb::DB* db) : db_(db), snap_(db->GetSnapshot()) {
    ro_.snapshot = snap_;
    ro_.verify_checksums = true;
  }
  ~SnapshotRead() { db_->ReleaseSnapshot(snap_); }
  SnapshotRead(const SnapshotRead&) = delete;
  SnapshotRead& operator=(const SnapshotRead&) = delete;
  const rocksdb::ReadOptions& options() const { return ro_; }

 private:
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snap_;
  rocksdb::ReadOptions ro_;
};

Status FromRocks(const rocksdb::Status& s, const std::string& context) {
  if (s.ok()) return Status::OK();
  std::string m = context + ": " + s.ToString();
  if (s.IsNoSpace()) return Status::NoSpace(m);
  if (s.IsCorruption()) return Status::Corruption(m);
  if (s.IsNotFound()) return Status::NotFound(m);
  if (s.IsBusy() || s.IsTimedOut() || s.IsTryAgain()) return Status::Busy(m);
  return Status::IOError(m);
}

int64_t NowUs() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string OpsKeyName(std::string_view op_id) { return "ops/" + PrintableKey(op_id); }

bool StartsWith(const rocksdb::Slice& s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::string_view(s.data(), prefix.size()) == prefix;
}

// Decodes the value of ops/<key> and checks that it is the summary of `key`.
Status DecodeOpsValue(const rocksdb::Slice& key, const rocksdb::Slice& value, OpSummary* out) {
  std::string_view k(key.data(), key.size());
  Status s = DecodeSummary(std::string_view(value.data(), value.size()), out);
  if (!s.ok()) return s.WithContext(OpsKeyName(k));
  if (out->op_id != k) {
    return Status::Corruption(OpsKeyName(k) + ": holds the summary of operation '" +
                              PrintableKey(out->op_id) + "'");
  }
  return Status::OK();
}

// RocksDB's info log, kept small: it is for a person debugging, not a record.
void LimitInfoLog(rocksdb::Options* o) {
  o->max_log_file_size = 1 << 20;
  o->keep_log_file_num = 2;
}

// Free bytes of the file system holding `dir`, through `fs`.
Status FreeSpace(rocksdb::FileSystem* fs, const std::string& dir, uint64_t* free) {
  rocksdb::IOStatus s = fs->GetFreeSpace(dir, rocksdb::IOOptions(), free, nullptr);
  if (s.IsNotSupported()) {
    *free = UINT64_MAX;  // a file system that cannot tell: the write will say
    return Status::OK();
  }
  if (!s.ok()) return Status::IOError("cannot read the free space of " + dir + ": " + s.ToString());
  return Status::OK();
}

std::string Bytes(uint64_t n) {
  if (n >= (1ull << 20)) return std::to_string(n >> 20) + " MiB";
  if (n >= (1ull << 10)) return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}

// NoSpace when the file system of `dir` has less than `reserve` free.
Status CheckSpace(rocksdb::FileSystem* fs, const std::string& dir, uint64_t reserve, const std::string& what) {
  if (reserve == 0) return Status::OK();
  uint64_t free = 0;
  LVU_RETURN_IF_ERROR(FreeSpace(fs, dir, &free));
  if (free >= reserve) return Status::OK();
  return Status::NoSpace(what + ": the file system of " + dir + " has " + Bytes(free) + " free; the journal needs " +
                         Bytes(reserve) + " (nothing was written: free some space, then run the command again)");
}

class RocksJournal : public Journal {
 public:
  RocksJournal(std::string dir, Mode mode, std::unique_ptr<LockFile> lock, std::shared_ptr<rocksdb::FileSystem> fs,
               std::unique_ptr<rocksdb::Env> env, uint64_t reserve, rocksdb::DB* db,
               std::vector<rocksdb::ColumnFamilyHandle*> handles,
               rocksdb::ColumnFamilyHandle* events, rocksdb::ColumnFamilyHandle* ops)
      : dir_(std::move(dir)),
        mode_(mode),
        lock_(std::move(lock)),
        fs_(std::move(fs)),
        env_(std::move(env)),
        reserve_(reserve),
        high_water_(fs_, dir_),
        db_(db),
        handles_(std::move(handles)),
        events_(events),
        ops_(ops) {}

  ~RocksJournal() override {
    if (!broken_.ok()) {
      // A write failed: RocksDB 7.8.3 as Debian builds it asserts (and aborts
      // the process) when a file writer that saw an error is used again, and
      // closing the database syncs and writes. Abandon it instead: what was
      // synced is on disk, the next open recovers the rest, and the process
      // is about to exit (the caller stops at the first failed write).
      (void)env_.release();
      return;
    }
    for (rocksdb::ColumnFamilyHandle* h : handles_) db_->DestroyColumnFamilyHandle(h);
    delete db_;
    // lock_ is released after this body, once RocksDB is closed.
  }

  // Compares the journal with its high-water mark (high_water.h); the
  // verdict is kept for LostRecords().
  // The mark as read before RocksDB opened: a reader beside a writer must
  // not see a mark newer than the records it opened with.
  struct MarkRead {
    Status status;
    bool file_exists = false;
    bool present = false;
    HighWaterMark mark;
  };
  // `wals`: the write-ahead log files as they were before RocksDB opened
  // (and recovered) them, for the message.
  Status CheckHighWater(const std::string& wals, const MarkRead& mark);
  // Write mode: records that the high-water mark file is in use here.
  Status InitHighWater();

  Status Append(Event* e, bool sync) override;
  Status ReadOp(const std::string& op_id, std::vector<Event>* out) override;
  Status ListOps(std::vector<OpSummary>* out) override;
  Status NewestOps(size_t n, std::vector<OpSummary>* out) override;
  Status ActiveOp(std::string* op_id) override;
  Status LatestOp(std::string* op_id) override;
  Status ResolveOp(const std::string& prefix, std::string* op_id) override;
  Status ScanRaw(const std::string& op_id, std::vector<OpRecords>* out) override;
  Status Import(const std::vector<Event>& events) override;
  uint64_t sync_count() const override {
    std::lock_guard<std::mutex> lock(mu_);
    return sync_count_;
  }
  Status LostRecords() const override { return lost_; }

 private:
  // Writes `batch` (sync or not); on success with sync, advances the
  // high-water mark to (op, seq). The first failure breaks the journal.
  Status WriteBatch(rocksdb::WriteBatch* batch, bool sync, const std::string& op, uint64_t seq,
                    const std::string& what);

  // The stored summary of `op_id` (from the cache when possible); *found =
  // false when the operation has none.
  Status LoadSummary(const std::string& op_id, OpSummary* s, bool* found);

  const std::string dir_;
  const Mode mode_;
  std::unique_ptr<LockFile> lock_;  // null in read-only mode
  std::shared_ptr<rocksdb::FileSystem> fs_;
  std::unique_ptr<rocksdb::Env> env_;  // over fs_; outlives db_
  const uint64_t reserve_;
  HighWaterFile high_water_;
  Status broken_;  // the first failed write: every later write returns it
  Status lost_;    // CheckHighWater's verdict
  rocksdb::DB* const db_;
  const std::vector<rocksdb::ColumnFamilyHandle*> handles_;  // every family opened
  rocksdb::ColumnFamilyHandle* const events_;
  rocksdb::ColumnFamilyHandle* const ops_;

  mutable std::mutex mu_;
  std::map<std::string, OpSummary> summaries_;  // write mode: ops appended to
  uint64_t sync_count_ = 0;
};

Status RocksJournal::LoadSummary(const std::string& op_id, OpSummary* s, bool* found) {
  auto it = summaries_.find(op_id);
  if (it != summaries_.end()) {
    *s = it->second;
    *found = true;
    return Status::OK();
  }
  std::string value;
  rocksdb::Status rs = db_->Get(rocksdb::ReadOptions(), ops_, op_id, &value);
  if (rs.IsNotFound()) {
    *found = false;
    return Status::OK();
  }
  LVU_RETURN_IF_ERROR(FromRocks(rs, "cannot read " + OpsKeyName(op_id)));
  LVU_RETURN_IF_ERROR(DecodeOpsValue(op_id, value, s));
  summaries_[op_id] = *s;
  *found = true;
  return Status::OK();
}

Status RocksJournal::Append(Event* e, bool sync) {
  if (mode_ != Mode::kWrite) {
    return Status::InvalidArgument("cannot append to the journal at " + dir_ +
                                   ": it is open read-only");
  }
  if (e->op_id.size() != kOpIdSize) {
    return Status::InvalidArgument("cannot append " + std::string(KindName(e->kind)) +
                                   ": operation id '" + PrintableKey(e->op_id) + "' is not " +
                                   std::to_string(kOpIdSize) + " characters long");
  }
  std::lock_guard<std::mutex> lock(mu_);
  OpSummary summary;
  bool found = false;
  LVU_RETURN_IF_ERROR(LoadSummary(e->op_id, &summary, &found));
  const std::string refused =
      "cannot append " + std::string(KindName(e->kind)) + " to operation " + e->op_id;
  uint64_t seq = 0;
  if (!found) {
    if (e->kind != EventKind::kOpStarted) {
      return Status::InvalidArgument(refused + ": its first event must be opStarted");
    }
  } else {
    if (e->kind == EventKind::kOpStarted) {
      return Status::InvalidArgument(refused + ": opStarted must be its first event, and it has " +
                                     std::to_string(summary.last_seq + 1) + " already");
    }
    if (summary.finished) {
      return Status::InvalidArgument(refused + ": it is finished (opFinished is " +
                                     KeyName(e->op_id, summary.last_seq) + ")");
    }
    seq = summary.last_seq + 1;
  }
  e->seq = seq;
  if (e->time_us == 0) e->time_us = NowUs();

  OpSummary next = found ? summary : OpSummary{};
  ApplyToSummary(*e, &next);

  rocksdb::WriteBatch batch;
  rocksdb::Status rs = batch.Put(events_, EventKey(e->op_id, seq), Encode(*e));
  if (rs.ok()) rs = batch.Put(ops_, e->op_id, EncodeSummary(next));
  if (rs.ok() && e->kind == EventKind::kOpStarted) {
    rs = batch.Put(db_->DefaultColumnFamily(), kActiveOpKey, e->op_id);
  }
  if (rs.ok() && e->kind == EventKind::kOpFinished) {
    std::string active;
    rs = db_->Get(rocksdb::ReadOptions(), db_->DefaultColumnFamily(), kActiveOpKey, &active);
    if (rs.ok() && active == e->op_id) {
      rs = batch.Delete(db_->DefaultColumnFamily(), kActiveOpKey);
    } else if (rs.IsNotFound()) {
      rs = rocksdb::Status::OK();
    }
  }
  const std::string what =
      "cannot append " + KeyName(e->op_id, seq) + " (" + KindName(e->kind) + ") to the journal at " + dir_;
  LVU_RETURN_IF_ERROR(FromRocks(rs, what));
  LVU_RETURN_IF_ERROR(WriteBatch(&batch, sync, e->op_id, seq, what));
  summaries_[e->op_id] = std::move(next);
  return Status::OK();
}

Status RocksJournal::WriteBatch(rocksdb::WriteBatch* batch, bool sync, const std::string& op, uint64_t seq,
                                const std::string& what) {
  if (!broken_.ok()) return broken_;
  // Before each synced write (each step's intent): is there room for it?
  if (sync) LVU_RETURN_IF_ERROR(CheckSpace(fs_.get(), dir_, reserve_, what));
  rocksdb::WriteOptions wo;
  wo.sync = sync;
  Status st = FromRocks(db_->Write(wo, batch), what);
  if (st.ok() && sync) {
    ++sync_count_;
    st = high_water_.Append({op, seq});
    if (!st.ok()) st = Status(st).WithContext(what + " (the high-water mark)");
  }
  if (!st.ok()) {
    if (!st.IsNoSpace() && !st.IsCorruption()) st = Status::IOError(st.message());
    broken_ = st;
  }
  return st;
}

Status RocksJournal::ReadOp(const std::string& op_id, std::vector<Event>* out) {
  out->clear();
  if (op_id.size() != kOpIdSize) {
    return Status::InvalidArgument("'" + PrintableKey(op_id) + "' is not an operation id (" +
                                   std::to_string(kOpIdSize) + " characters)");
  }
  // One consistent view of both families: the summary and its events were
  // written in the same batches.
  SnapshotRead snapshot(db_);
  const rocksdb::ReadOptions& ro = snapshot.options();

  std::string summary_value;
  rocksdb::Status rs = db_->Get(ro, ops_, op_id, &summary_value);
  bool has_summary = rs.ok();
  if (!rs.ok() && !rs.IsNotFound()) {
    return FromRocks(rs, "cannot read " + OpsKeyName(op_id));
  }
  OpSummary summary;
  if (has_summary) LVU_RETURN_IF_ERROR(DecodeOpsValue(op_id, summary_value, &summary));

  std::vector<Event> events;
  // Bounded to this operation's keys, so that the read does not open every
  // table file of the history (the iterator skips the files outside).
  std::string upper = op_id;
  upper.back() = static_cast<char>(upper.back() + 1);
  const rocksdb::Slice lower_bound(op_id), upper_bound(upper);
  rocksdb::ReadOptions bounded = ro;
  bounded.iterate_lower_bound = &lower_bound;
  bounded.iterate_upper_bound = &upper_bound;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(bounded, events_));
  for (it->Seek(op_id); it->Valid() && StartsWith(it->key(), op_id); it->Next()) {
    const uint64_t want = events.size();
    std::string key_op;
    uint64_t key_seq = 0;
    std::string_view key(it->key().data(), it->key().size());
    if (!ParseEventKey(key, &key_op, &key_seq)) {
      return Status::Corruption("events/" + PrintableKey(key) + ": malformed key (" +
                                std::to_string(key.size()) + " bytes, expected " +
                                std::to_string(kEventKeySize) + ")");
    }
    if (key_seq != want) {
      return Status::Corruption(KeyName(op_id, want) + ": missing (the next stored event is " +
                                KeyName(op_id, key_seq) + ")");
    }
    const std::string name = KeyName(op_id, key_seq);
    Event e;
    Status s = Decode(std::string_view(it->value().data(), it->value().size()), &e);
    if (!s.ok()) return s.WithContext(name);
    if (e.op_id != op_id) {
      return Status::Corruption(name + ": holds an event of operation '" +
                                PrintableKey(e.op_id) + "'");
    }
    if (e.seq != key_seq) {
      return Status::Corruption(name + ": holds the event with seq " + std::to_string(e.seq));
    }
    if ((want == 0) != (e.kind == EventKind::kOpStarted)) {
      return Status::Corruption(name + ": " + KindName(e.kind) +
                                (want == 0 ? " where opStarted must be"
                                           : " where only the first event may be opStarted"));
    }
    if (!events.empty() && events.back().kind == EventKind::kOpFinished) {
      return Status::Corruption(name + ": " + KindName(e.kind) + " after opFinished");
    }
    events.push_back(std::move(e));
  }
  LVU_RETURN_IF_ERROR(FromRocks(it->status(), "cannot read the events of operation " + op_id));

  if (!has_summary) {
    if (events.empty()) return Status::NotFound("no operation " + op_id + " in the journal");
    return Status::Corruption(OpsKeyName(op_id) + ": missing for an operation with " +
                              std::to_string(events.size()) + " events");
  }
  if (events.empty() || events.size() - 1 < summary.last_seq) {
    return Status::Corruption(KeyName(op_id, events.size()) + ": missing (" +
                              OpsKeyName(op_id) + " records last seq " +
                              std::to_string(summary.last_seq) + ")");
  }
  if (events.size() - 1 > summary.last_seq) {
    return Status::Corruption(OpsKeyName(op_id) + ": records last seq " +
                              std::to_string(summary.last_seq) + " but " +
                              KeyName(op_id, events.size() - 1) + " exists");
  }
  *out = std::move(events);
  return Status::OK();
}

Status RocksJournal::ListOps(std::vector<OpSummary>* out) {
  out->clear();
  std::vector<OpSummary> list;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), ops_));
  for (it->SeekToLast(); it->Valid(); it->Prev()) {
    OpSummary s;
    LVU_RETURN_IF_ERROR(DecodeOpsValue(it->key(), it->value(), &s));
    list.push_back(std::move(s));
  }
  LVU_RETURN_IF_ERROR(FromRocks(it->status(), "cannot list the operations in " + dir_));
  *out = std::move(list);
  return Status::OK();
}

Status RocksJournal::NewestOps(size_t n, std::vector<OpSummary>* out) {
  out->clear();
  std::vector<OpSummary> list;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), ops_));
  for (it->SeekToLast(); it->Valid() && list.size() < n; it->Prev()) {
    OpSummary s;
    LVU_RETURN_IF_ERROR(DecodeOpsValue(it->key(), it->value(), &s));
    list.push_back(std::move(s));
  }
  LVU_RETURN_IF_ERROR(FromRocks(it->status(), "cannot list the operations in " + dir_));
  *out = std::move(list);
  return Status::OK();
}

Status RocksJournal::ActiveOp(std::string* op_id) {
  op_id->clear();
  rocksdb::Status rs =
      db_->Get(rocksdb::ReadOptions(), db_->DefaultColumnFamily(), kActiveOpKey, op_id);
  if (rs.IsNotFound()) {
    op_id->clear();
    return Status::OK();
  }
  return FromRocks(rs, "cannot read the active operation in " + dir_);
}

Status RocksJournal::LatestOp(std::string* op_id) {
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), ops_));
  it->SeekToLast();
  if (it->Valid()) {
    *op_id = it->key().ToString();
    return Status::OK();
  }
  LVU_RETURN_IF_ERROR(FromRocks(it->status(), "cannot read the operations in " + dir_));
  return Status::NotFound("the journal at " + dir_ + " has no operations");
}

Status RocksJournal::ResolveOp(const std::string& prefix, std::string* op_id) {
  // Ids are upper-case Crockford base32; accept a prefix typed in lower case.
  std::string p = prefix;
  for (char& c : p) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (p.empty()) return Status::InvalidArgument("an operation id (or a prefix of one) is needed");
  std::vector<std::string> matches;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), ops_));
  for (it->Seek(p); it->Valid() && StartsWith(it->key(), p); it->Next()) {
    matches.push_back(it->key().ToString());
  }
  LVU_RETURN_IF_ERROR(FromRocks(it->status(), "cannot read the operations in " + dir_));
  if (matches.empty()) return Status::NotFound("no operation matches '" + prefix + "'");
  if (matches.size() > 1) {
    constexpr size_t kShown = 10;
    std::string m = "'" + prefix + "' is ambiguous: it matches " +
                    std::to_string(matches.size()) + " operations:";
    for (size_t i = 0; i < matches.size() && i < kShown; ++i) m += " " + matches[i];
    if (matches.size() > kShown) m += " ...";
    return Status::InvalidArgument(m);
  }
  *op_id = matches[0];
  return Status::OK();
}

Status RocksJournal::ScanRaw(const std::string& op_id, std::vector<OpRecords>* out) {
  out->clear();
  SnapshotRead snapshot(db_);
  const rocksdb::ReadOptions& ro = snapshot.options();

  // Grouped by the keys' first 26 bytes (a shorter, malformed key by itself).
  std::map<std::string, OpRecords> ops;
  auto group = [&](std::string_view key) -> OpRecords& {
    std::string id(key.substr(0, std::min(key.size(), kOpIdSize)));
    OpRecords& r = ops[id];
    r.op_id = id;
    return r;
  };
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, events_));
  for (op_id.empty() ? it->SeekToFirst() : it->Seek(op_id);
       it->Valid() && StartsWith(it->key(), op_id); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    group(key).events.push_back({std::string(key), it->value().ToString()});
  }
  LVU_RETURN_IF_ERROR(FromRocks(it->status(), "cannot read the events in " + dir_));
  it.reset(db_->NewIterator(ro, ops_));
  for (op_id.empty() ? it->SeekToFirst() : it->Seek(op_id);
       it->Valid() && StartsWith(it->key(), op_id); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    if (!op_id.empty() && key != op_id) continue;  // a longer id sharing the prefix
    OpRecords& r = ops[std::string(key)];  // by the whole key: a malformed one stands alone
    r.op_id = std::string(key);
    r.has_summary = true;
    r.summary = it->value().ToString();
  }
  LVU_RETURN_IF_ERROR(FromRocks(it->status(), "cannot read the operations in " + dir_));
  if (!op_id.empty() && ops.empty()) return Status::NotFound("no operation " + op_id + " in the journal");
  for (auto& [id, r] : ops) out->push_back(std::move(r));
  return Status::OK();
}

Status RocksJournal::Import(const std::vector<Event>& events) {
  if (mode_ != Mode::kWrite) {
    return Status::InvalidArgument("cannot import into the journal at " + dir_ + ": it is open read-only");
  }
  if (events.empty()) return Status::InvalidArgument("nothing to import: no events");
  const std::string& op = events.front().op_id;
  if (!IsOpId(op)) {
    return Status::InvalidArgument("cannot import operation '" + PrintableKey(op) + "': its id is not " +
                                   std::to_string(kOpIdSize) +
                                   " Crockford base32 characters (0-9, A-Z without I L O U)");
  }
  OpSummary summary;
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    const std::string what = "cannot import " + KeyName(op, i);
    if (e.op_id != op) return Status::InvalidArgument(what + ": it holds an event of operation '" + PrintableKey(e.op_id) + "'");
    if (e.seq != i) return Status::InvalidArgument(what + ": it holds the event with seq " + std::to_string(e.seq));
    if ((i == 0) != (e.kind == EventKind::kOpStarted)) {
      return Status::InvalidArgument(what + ": " + KindName(e.kind) +
                                     (i == 0 ? " where opStarted must be" : " where only the first event may be opStarted"));
    }
    if (summary.finished) return Status::InvalidArgument(what + ": " + KindName(e.kind) + " after opFinished");
    ApplyToSummary(e, &summary);
  }
  summary.imported = true;

  std::lock_guard<std::mutex> lock(mu_);
  std::string existing;
  rocksdb::Status rs = db_->Get(rocksdb::ReadOptions(), ops_, op, &existing);
  bool exists = rs.ok();
  if (rs.IsNotFound()) {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), events_));
    it->Seek(op);
    exists = it->Valid() && StartsWith(it->key(), op);
    rs = it->status();
  }
  LVU_RETURN_IF_ERROR(FromRocks(rs, "cannot read the journal at " + dir_));
  if (exists) {
    return Status::InvalidArgument("operation " + op + " is already in the journal at " + dir_ +
                                   ": nothing was imported");
  }
  rocksdb::WriteBatch batch;
  for (const Event& e : events) {
    if (rs.ok()) rs = batch.Put(events_, EventKey(op, e.seq), Encode(e));
  }
  if (rs.ok()) rs = batch.Put(ops_, op, EncodeSummary(summary));
  const std::string what = "cannot import operation " + op + " into the journal at " + dir_;
  LVU_RETURN_IF_ERROR(FromRocks(rs, what));
  LVU_RETURN_IF_ERROR(WriteBatch(&batch, true, op, events.back().seq, what));
  summaries_[op] = summary;
  return Status::OK();
}

// The write-ahead log files of `dir`, by name ("000004.log"), for messages;
// *bytes, when given, their total size (a writer's open flushes a big log).
std::string WalFiles(rocksdb::FileSystem* fs, const std::string& dir, uint64_t* bytes = nullptr) {
  std::vector<std::string> children;
  std::string names;
  if (bytes != nullptr) *bytes = 0;
  if (!fs->GetChildren(dir, rocksdb::IOOptions(), &children, nullptr).ok()) return "";
  std::sort(children.begin(), children.end());
  for (const std::string& c : children) {
    if (c.size() <= 4 || !c.ends_with(".log")) continue;
    names += (names.empty() ? "" : ", ") + dir + "/" + c;
    uint64_t size = 0;
    if (bytes != nullptr && fs->GetFileSize(dir + "/" + c, rocksdb::IOOptions(), &size, nullptr).ok()) *bytes += size;
  }
  return names;
}

// Turns RocksDB's automatic recovery from a background error off: after a
// failed write it would retry, and Debian's RocksDB 7.8.3 (built with
// assertions) aborts on the next write when a recovery succeeds with an
// empty memtable, or makes the database unopenable when the failed record had
// reached the log (measured: docs/journal-format.md, "Write errors"). The
// journal stops at the first failed write instead; the next process reopens.
class NoAutomaticRecovery : public rocksdb::EventListener {
 public:
  void OnErrorRecoveryBegin(rocksdb::BackgroundErrorReason, rocksdb::Status, bool* auto_recovery) override {
    *auto_recovery = false;
  }
};

// RocksDB's options for the journal (docs/journal-format.md, "Write errors"):
// - no preallocation: RocksDB fallocates 1.1 x the write buffer for each log
//   (70 MB with its 64 MB default) and a kill -9 leaves it on disk; on a
//   nearly full file system that made resume and rollback fail;
// - a write buffer no process ever fills (an operation writes tens of KB,
//   and every open flushes what the last process left): no memtable switch
//   during an operation, which is where a failed log sync of unsynced
//   records aborts the process;
// - no automatic recovery after a write error (above).
void JournalRocksOptions(rocksdb::Options* o) {
  o->allow_fallocate = false;
  o->write_buffer_size = 16 << 20;
  o->manifest_preallocation_size = 64 << 10;
  o->max_background_jobs = 2;
  o->max_bgerror_resume_count = 0;
  // An open reads what the command needs, not every table file: with
  // max_open_files -1 (RocksDB's default) Open loads the reader of every
  // file, and with the statistics update it reads their properties too, so
  // `status` would grow with the history's files (52 at 10^6 events).
  o->max_open_files = 16;
  o->skip_stats_update_on_db_open = true;
  // A writer's open keeps what the write-ahead log holds in memory (and
  // the log, until a later flush) instead of flushing it into a table file
  // per family: three fewer table files and their syncs on every open.
  // Open flushes once the log passes JournalOptions::flush_log_above_bytes,
  // so that what a read-only open replays stays small.
  o->avoid_flush_during_recovery = true;
  o->listeners.push_back(std::make_shared<NoAutomaticRecovery>());
  LimitInfoLog(o);
}

}  // namespace

Status RocksJournal::InitHighWater() {
  std::string v;
  rocksdb::Status rs = db_->Get(rocksdb::ReadOptions(), db_->DefaultColumnFamily(), kHighWaterKey, &v);
  if (rs.ok()) return Status::OK();
  LVU_RETURN_IF_ERROR(FromRocks(rs.IsNotFound() ? rocksdb::Status::OK() : rs, "cannot read the journal at " + dir_));
  // The file first (empty, durable), then the key that says it must exist:
  // a crash between the two leaves a file and no key, which is harmless.
  bool present = false;
  HighWaterMark m;
  LVU_RETURN_IF_ERROR(high_water_.Read(&present, &m));
  rocksdb::IOOptions io;
  const std::string path = high_water_.path();
  if (fs_->FileExists(path, io, nullptr).IsNotFound()) {
    std::unique_ptr<rocksdb::FSWritableFile> f;
    rocksdb::IOStatus s = fs_->NewWritableFile(path, rocksdb::FileOptions(), &f, nullptr);
    if (s.ok()) s = f->Sync(io, nullptr);
    if (s.ok()) s = f->Close(io, nullptr);
    std::unique_ptr<rocksdb::FSDirectory> d;
    if (s.ok()) s = fs_->NewDirectory(dir_, io, &d, nullptr);
    if (s.ok()) s = d->Fsync(io, nullptr);
    if (!s.ok()) return Status::IOError("cannot create " + path + ": " + s.ToString());
  }
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return FromRocks(db_->Put(wo, db_->DefaultColumnFamily(), kHighWaterKey, "1"), "cannot initialise the journal at " + dir_);
}

Status RocksJournal::CheckHighWater(const std::string& wals, const MarkRead& mark) {
  const std::string path = high_water_.path();
  const bool present = mark.present;
  const HighWaterMark& m = mark.mark;
  Status s = mark.status;
  if (!s.ok()) return lost_ = s.IsCorruption() ? s : Status::Corruption(s.message());
  std::string in_use;
  rocksdb::Status rs = db_->Get(rocksdb::ReadOptions(), db_->DefaultColumnFamily(), kHighWaterKey, &in_use);
  if (!rs.ok() && !rs.IsNotFound()) return lost_ = FromRocks(rs, "cannot read the journal at " + dir_);
  if (rs.ok() && !mark.file_exists) {
    return lost_ = Status::Corruption("the high-water mark " + path + " is missing: it cannot "
                                      "be told whether records that were written to stable storage are gone");
  }
  if (!present) return lost_ = Status::OK();
  const std::string cause = " (the write-ahead log" + (wals.empty() ? std::string() : " " + wals) +
                            " was cut or damaged after they were written; RocksDB drops a damaged end of it "
                            "without a word)";
  // The marked event itself must be there (whatever the summary says: a
  // damaged summary is the record checks' business).
  std::string value;
  rs = db_->Get(rocksdb::ReadOptions(), events_, EventKey(m.op_id, m.seq), &value);
  if (rs.ok()) return lost_ = Status::OK();
  if (!rs.IsNotFound()) return lost_ = FromRocks(rs, "cannot read " + KeyName(m.op_id, m.seq));
  const std::string marked = "the high-water mark " + path + " records " + KeyName(m.op_id, m.seq) +
                             " as written to stable storage, but ";
  rs = db_->Get(rocksdb::ReadOptions(), ops_, m.op_id, &value);
  OpSummary sum;
  if (rs.IsNotFound()) {
    return lost_ = Status::Corruption(marked + "the journal has no record of operation " + PrintableKey(m.op_id) +
                                      ": synced records are lost" + cause);
  }
  if (rs.ok() && DecodeOpsValue(m.op_id, value, &sum).ok() && sum.last_seq < m.seq) {
    return lost_ = Status::Corruption(marked + "the journal ends at " + KeyName(m.op_id, sum.last_seq) + ": " +
                                      std::to_string(m.seq - sum.last_seq) + " synced event(s) are lost" + cause);
  }
  return lost_ = Status::Corruption(marked + "the journal does not hold it: synced records are lost" + cause);
}

Status Journal::Open(const std::string& dir, Mode mode, std::unique_ptr<Journal>* out, const JournalOptions& jo) {
  const bool write = mode == Mode::kWrite;
  std::shared_ptr<rocksdb::FileSystem> fs = jo.fs != nullptr ? jo.fs : rocksdb::FileSystem::Default();
  std::unique_ptr<LockFile> lock;
  if (write) {
    LVU_RETURN_IF_ERROR(LockFile::Acquire(dir, &lock));
    // RocksDB writes at open (a new MANIFEST, OPTIONS, log, the recovered
    // log's flush): not on a file system without room for them.
    LVU_RETURN_IF_ERROR(CheckSpace(fs.get(), dir, jo.reserve_bytes, "cannot open the journal at " + dir));
  } else {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::path(dir) / "CURRENT", ec)) {
      return Status::NotFound("no journal at " + dir +
                              ": no live update has been run from this home");
    }
  }
  std::unique_ptr<rocksdb::Env> env = rocksdb::NewCompositeEnv(fs);

  rocksdb::Options options;
  options.env = env.get();
  options.create_if_missing = write;
  options.create_missing_column_families = write;
  // Tolerate an incomplete record at the end of the write-ahead log (a torn
  // tail after a machine crash: a write never acknowledged as durable) and
  // refuse to open on any other damage. Records that were synced and are
  // lost anyway (a cut log) are caught by the high-water mark, since this
  // mode cannot tell them from a torn tail. See docs/journal-format.md,
  // "Durability".
  options.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  JournalRocksOptions(&options);

  // Every family must be opened in write mode, including ones a newer
  // lvupdate may have added; read-only mode may open just ours.
  std::vector<std::string> names = {rocksdb::kDefaultColumnFamilyName, kEventsFamily, kOpsFamily};
  if (write) {
    std::vector<std::string> existing;
    if (rocksdb::DB::ListColumnFamilies(options, dir, &existing).ok()) {
      for (const std::string& n : existing) {
        if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
      }
    }
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& n : names) {
    families.emplace_back(n, rocksdb::ColumnFamilyOptions(options));
  }

  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  rocksdb::Status rs;
  const std::string wals = WalFiles(fs.get(), dir);  // before recovery replaces them
  RocksJournal::MarkRead mark;
  {
    HighWaterFile hw(fs, dir);
    mark.file_exists = !fs->FileExists(hw.path(), rocksdb::IOOptions(), nullptr).IsNotFound();
    mark.status = hw.Read(&mark.present, &mark.mark);
  }
  if (write) {
    rs = rocksdb::DB::Open(options, dir, families, &handles, &db);
  } else {
    // A writer creating the journal right now makes the database first and
    // its column families after: until they exist, there is nothing to read.
    std::vector<std::string> existing;
    if (rocksdb::DB::ListColumnFamilies(options, dir, &existing).ok() &&
        (std::find(existing.begin(), existing.end(), kEventsFamily) == existing.end() ||
         std::find(existing.begin(), existing.end(), kOpsFamily) == existing.end())) {
      return Status::NotFound("no journal at " + dir + " yet: it is being created");
    }
    // A writer may delete a log or table file (flush, compaction) while we
    // read the file list: try again a few times.
    for (int attempt = 0; attempt < 5; ++attempt) {
      rs = rocksdb::DB::OpenForReadOnly(options, dir, families, &handles, &db);
      if (rs.ok() || !(rs.IsIOError() || rs.IsPathNotFound())) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20 * (attempt + 1)));
    }
  }
  if (!rs.ok()) {
    Status st = FromRocks(rs, "cannot open the journal at " + dir);
    // RocksDB's message about a damaged log names no file: say which ones.
    if (st.IsCorruption() && !wals.empty()) st = Status::Corruption(st.message() + " (write-ahead log: " + wals + ")");
    return st;
  }
  auto journal = std::make_unique<RocksJournal>(dir, mode, std::move(lock), fs, std::move(env), jo.reserve_bytes,
                                                db, handles, handles[1], handles[2]);

  std::string version;
  rs = db->Get(rocksdb::ReadOptions(), db->DefaultColumnFamily(), kFormatVersionKey, &version);
  if (rs.IsNotFound()) {
    if (write) {
      rocksdb::WriteOptions wo;
      wo.sync = true;
      rs = db->Put(wo, db->DefaultColumnFamily(), kFormatVersionKey, kFormatVersion);
      LVU_RETURN_IF_ERROR(FromRocks(rs, "cannot initialise the journal at " + dir));
    }
    // Read-only: a journal being created right now; it reads as empty.
  } else {
    LVU_RETURN_IF_ERROR(FromRocks(rs, "cannot read the format version of the journal at " + dir));
    if (version != kFormatVersion) {
      return Status::Corruption("the journal at " + dir + " has format version '" +
                                PrintableKey(version) + "'; this lvupdate reads version " +
                                kFormatVersion);
    }
  }
  Status lost = journal->CheckHighWater(wals, mark);
  if (write) {
    // Never act on a journal that lost synced records: the world may be
    // ahead of it (docs/operations.md, "A journal that lost records").
    LVU_RETURN_IF_ERROR(lost.WithContext("the journal at " + dir + " cannot be used"));
    LVU_RETURN_IF_ERROR(journal->InitHighWater());
    // The log a read-only open replays stays small: past 1 MiB (some 3,000
    // events, tens of operations), this open flushes it into table files.
    uint64_t log_bytes = 0;
    WalFiles(fs.get(), dir, &log_bytes);
    if (log_bytes > jo.flush_log_above_bytes) {
      rocksdb::FlushOptions fo;
      fo.wait = true;
      LVU_RETURN_IF_ERROR(FromRocks(db->Flush(fo, handles), "cannot flush the journal's log at " + dir));
    }
  }
  *out = std::move(journal);
  return Status::OK();
}

}  // namespace lvu::journal
