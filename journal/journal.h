// Journal: the durable, append-only record of every live update operation.
//
// One RocksDB database under <home>/journal with three column families:
//   events  key = op id (26 chars) + big-endian uint64 seq; value = Cap'n Proto Event
//   ops     key = op id; value = Cap'n Proto OpSummary (status, fixes, times, last seq)
//   default "format_version" -> "1"; "active_op" -> op id of the unfinished operation
//
// Contracts:
// - Open(kWrite) takes the live update lock (<home>/journal/LVUPDATE.LOCK, an
//   flock held for the life of the object, with the holder's pid written in it).
//   A second writer gets Status::Busy naming that pid. kReadOnly takes no lock and
//   may run beside a writer; it sees what was durable when it opened.
// - Synced records are never lost silently (journal/high_water.h): after each
//   synced append the writer records it in <dir>/HIGHWATER; Open compares the
//   journal with that mark. Open(kWrite) fails with Corruption when synced
//   records are gone; kReadOnly opens and says so in LostRecords().
// - No write is attempted with less than JournalOptions::reserve_bytes free
//   (NoSpace). A write that fails anyway (ENOSPC, EIO) returns IOError or
//   NoSpace naming the journal; the journal then refuses every later write
//   (the same Status), and is abandoned rather than closed, since closing
//   RocksDB would write again (see docs/journal-format.md, "Write errors").
// - Append assigns the next contiguous sequence number of the operation (0 for the
//   first event of a new operation) and returns once the record is written; with
//   sync = true it returns only after the write is durable (WriteOptions::sync).
//   The event and the updated ops summary go in one atomic write batch.
// - Reads decode every value into an aligned buffer. A value that does not decode,
//   or whose key does not match its content, is reported as Status::Corruption
//   naming the key; it is never skipped.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "journal/event.h"
#include "journal/raw_records.h"

namespace rocksdb {
class FileSystem;
}  // namespace rocksdb

namespace lvu::journal {

// Free space the journal's file system must have before the journal is
// opened for writing and before every synced append (each step's intent):
// RocksDB's own files (a new MANIFEST, OPTIONS and write-ahead log at open,
// the flush of the recovered log) and an operation's records (tens of KB)
// fit many times in it. Below it, the write is not attempted: Status
// NoSpace naming the directory, the space needed and the space left.
inline constexpr uint64_t kJournalReserveBytes = 8ull << 20;

struct JournalOptions {
  // The file system the journal and its high-water mark are written through;
  // null for the machine's own. Tests inject faults and power losses here.
  std::shared_ptr<rocksdb::FileSystem> fs;
  uint64_t reserve_bytes = kJournalReserveBytes;
  // A writer's open flushes the write-ahead log into table files when it
  // holds more than this (a smaller log stays: no table file, no sync for
  // one); 0 flushes any log (the byte-order test wants both formats).
  uint64_t flush_log_above_bytes = 1 << 20;
};

// What the ops column family keeps for each operation (a cache of the fold's
// headline, kept in the same batch as the event that changed it).
struct OpSummary {
  std::string op_id;
  OpKind op_kind = OpKind::kUpdate;
  std::vector<std::string> fixes;
  int64_t started_us = 0;
  int64_t finished_us = 0;      // 0 while unfinished
  bool finished = false;
  Outcome outcome = Outcome::kCompleted;  // meaningful when finished
  uint64_t last_seq = 0;
  uint32_t steps_total = 0;
  uint32_t steps_done = 0;      // stepDone events seen in the forward direction
  bool imported = false;        // written by Import (`journal import`), not run here
};

class Journal {
 public:
  enum class Mode { kWrite, kReadOnly };

  // Opens (creating in kWrite mode when absent) the journal at `dir`.
  static Status Open(const std::string& dir, Mode mode, std::unique_ptr<Journal>* out,
                     const JournalOptions& options = JournalOptions());
  virtual ~Journal() = default;

  // A new time-ordered operation id (ULID: 26 Crockford base32 chars).
  static std::string NewOpId();

  // Appends `e` to operation e.op_id; fills e->seq and e->time_us (if 0).
  // kOpStarted must be the first event of an operation and sets it active;
  // kOpFinished clears the active pointer.
  virtual Status Append(Event* e, bool sync) = 0;

  // All events of `op_id` in sequence order.
  virtual Status ReadOp(const std::string& op_id, std::vector<Event>* out) = 0;

  // Summaries of every operation, newest first.
  virtual Status ListOps(std::vector<OpSummary>* out) = 0;

  // Summaries of the `n` newest operations, newest first (fewer when the
  // journal has fewer): what a command about the last operation reads, in
  // a time that does not grow with the journal's history.
  virtual Status NewestOps(size_t n, std::vector<OpSummary>* out) = 0;

  // The unfinished operation, or "" when none.
  virtual Status ActiveOp(std::string* op_id) = 0;

  // The newest operation id, or NotFound when the journal is empty.
  virtual Status LatestOp(std::string* op_id) = 0;

  // Resolves a unique id prefix ("01JD" -> "01JD...") like git does.
  virtual Status ResolveOp(const std::string& prefix, std::string* op_id) = 0;

  // Every stored record of operation `op_id`, or of every operation when
  // `op_id` is empty (in op id order, including event records that have no
  // summary and summaries that have no events), undecoded, from one snapshot.
  // Unlike ReadOp it never stops at a bad record: `journal verify` checks
  // them all (journal/verify.h). NotFound when nothing is stored under op_id.
  virtual Status ScanRaw(const std::string& op_id, std::vector<OpRecords>* out) = 0;

  // Writes a whole operation read from elsewhere (`journal import`) in one
  // synchronous write batch: its events as they are (seq and time kept) and
  // its summary, marked imported. Never makes it the active operation, so
  // resume and rollback never act on it. InvalidArgument, writing nothing,
  // when the operation already has a record here, or the events are not one
  // operation's seq 0..n (one op id of 26 Crockford base32 characters, opStarted first and
  // only there, nothing after opFinished). The caller checks the rest
  // (replay/verify.h) before calling. Write mode only.
  virtual Status Import(const std::vector<Event>& events) = 0;

  // Number of sync writes issued since open (for benchmarks and tests).
  virtual uint64_t sync_count() const = 0;

  // OK, or Corruption saying which synced records the journal lost: the
  // high-water mark names a record the journal no longer holds. Computed at
  // Open; a write-mode Open fails with it instead.
  virtual Status LostRecords() const = 0;
};

// Reads the pid written in the lock file, or 0 when there is none. Lets
// `status` tell a running operation (lock held) from an interrupted one.
// Returns true in *held when a live process holds the lock.
Status LockHolder(const std::string& dir, bool* held, int* pid);

}  // namespace lvu::journal
