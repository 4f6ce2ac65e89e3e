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

class RocksJournal : public Journal {
 public:
  RocksJournal(std::string dir, Mode mode, std::unique_ptr<LockFile> lock, rocksdb::DB* db,
               std::vector<rocksdb::ColumnFamilyHandle*> handles,
               rocksdb::ColumnFamilyHandle* events, rocksdb::ColumnFamilyHandle* ops)
      : dir_(std::move(dir)),
        mode_(mode),
        lock_(std::move(lock)),
        db_(db),
        handles_(std::move(handles)),
        events_(events),
        ops_(ops) {}

  ~RocksJournal() override {
    for (rocksdb::ColumnFamilyHandle* h : handles_) db_->DestroyColumnFamilyHandle(h);
    delete db_;
    // lock_ is released after this body, once RocksDB is closed.
  }

  Status Append(Event* e, bool sync) override;
  Status ReadOp(const std::string& op_id, std::vector<Event>* out) override;
  Status ListOps(std::vector<OpSummary>* out) override;
  Status ActiveOp(std::string* op_id) override;
  Status LatestOp(std::string* op_id) override;
  Status ResolveOp(const std::string& prefix, std::string* op_id) override;
  Status ScanRaw(const std::string& op_id, std::vector<OpRecords>* out) override;
  Status Import(const std::vector<Event>& events) override;
  uint64_t sync_count() const override {
    std::lock_guard<std::mutex> lock(mu_);
    return sync_count_;
  }

 private:
  // The stored summary of `op_id` (from the cache when possible); *found =
  // false when the operation has none.
  Status LoadSummary(const std::string& op_id, OpSummary* s, bool* found);

  const std::string dir_;
  const Mode mode_;
  std::unique_ptr<LockFile> lock_;  // null in read-only mode
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
  const std::string what =
      "cannot append " + std::string(KindName(e->kind)) + " to operation " + e->op_id;
  uint64_t seq = 0;
  if (!found) {
    if (e->kind != EventKind::kOpStarted) {
      return Status::InvalidArgument(what + ": its first event must be opStarted");
    }
  } else {
    if (e->kind == EventKind::kOpStarted) {
      return Status::InvalidArgument(what + ": opStarted must be its first event, and it has " +
                                     std::to_string(summary.last_seq + 1) + " already");
    }
    if (summary.finished) {
      return Status::InvalidArgument(what + ": it is finished (opFinished is " +
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
  rocksdb::WriteOptions wo;
  wo.sync = sync;
  if (rs.ok()) rs = db_->Write(wo, &batch);
  LVU_RETURN_IF_ERROR(FromRocks(rs, "cannot append " + KeyName(e->op_id, seq) + " (" +
                                        KindName(e->kind) + ") to the journal at " + dir_));
  if (sync) ++sync_count_;
  summaries_[e->op_id] = std::move(next);
  return Status::OK();
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
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, events_));
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
  if (op.size() != kOpIdSize) {
    return Status::InvalidArgument("cannot import operation '" + PrintableKey(op) + "': its id is not " +
                                   std::to_string(kOpIdSize) + " characters long");
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
  rocksdb::WriteOptions wo;
  wo.sync = true;
  if (rs.ok()) rs = db_->Write(wo, &batch);
  LVU_RETURN_IF_ERROR(FromRocks(rs, "cannot import operation " + op + " into the journal at " + dir_));
  ++sync_count_;
  summaries_[op] = summary;
  return Status::OK();
}

}  // namespace

Status Journal::Open(const std::string& dir, Mode mode, std::unique_ptr<Journal>* out) {
  const bool write = mode == Mode::kWrite;
  std::unique_ptr<LockFile> lock;
  if (write) {
    LVU_RETURN_IF_ERROR(LockFile::Acquire(dir, &lock));
  } else {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::path(dir) / "CURRENT", ec)) {
      return Status::NotFound("no journal at " + dir +
                              ": no live update has been run from this home");
    }
  }

  rocksdb::Options options;
  options.create_if_missing = write;
  options.create_missing_column_families = write;
  // Tolerate an incomplete record at the end of the write-ahead log (a torn
  // tail after a machine crash: a write never acknowledged as durable) and
  // refuse to open on any other damage, so that records after a damaged one
  // are reported, never silently dropped. See docs/journal-format.md, "Durability".
  options.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  LimitInfoLog(&options);

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
  LVU_RETURN_IF_ERROR(FromRocks(rs, "cannot open the journal at " + dir));
  auto journal = std::make_unique<RocksJournal>(dir, mode, std::move(lock), db, handles,
                                                handles[1], handles[2]);

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
  *out = std::move(journal);
  return Status::OK();
}

}  // namespace lvu::journal
