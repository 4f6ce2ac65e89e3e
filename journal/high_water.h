// The durable high-water mark: the last journal record known to be on stable
// storage, kept outside RocksDB's write-ahead log, so that a journal that lost
// synced records is detected instead of acted upon.
//
// Why: RocksDB recovers its write-ahead log with kTolerateCorruptedTailRecords,
// which drops an incomplete record at the end of the log. That is right for
// the torn tail of a write that was never acknowledged as durable (a power
// loss during an unsynced append), but the same mode also drops, silently,
// records that *were* synced if the log is cut (a damaged disk, a file system
// repair, a person's `truncate`). Those records are intents whose world
// changes happened; acting on the shorter journal (a rollback that believes
// the workload never moved) can destroy the workload. The mark says how far
// the journal must reach.
//
// The file <dir>/HIGHWATER is a sequence of fixed-size records, appended and
// synced after every synced journal write (so it never claims more than the
// log holds: a crash between the two leaves it behind, which is harmless):
//
//   bytes  0..3   "LVHW"
//   bytes  4..29  the operation id (26 bytes)
//   bytes 30..31  zero
//   bytes 32..39  the seq of that operation's last synced event, little-endian
//   bytes 40..43  CRC-32 (IEEE) of bytes 0..39, little-endian
//   bytes 44..47  zero
//
// Contracts:
// - Read: the last whole record whose CRC matches. An incomplete record at the
//   end (a torn append) is ignored, like the log's torn tail; a record that is
//   whole but does not match is Corruption naming the file and its offset.
//   *present = false when the file does not exist or holds no record.
// - Append writes one record and syncs it before returning. Past kRotateBytes
//   the file is replaced (a new file holding the last record, synced, renamed
//   over the old one, the directory synced), so it stays small.
// - All I/O goes through the rocksdb::FileSystem given, so that tests inject
//   faults and power losses into it as into the log.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"

namespace rocksdb {
class FileSystem;
class FSWritableFile;
}  // namespace rocksdb

namespace lvu::journal {

inline constexpr char kHighWaterFileName[] = "HIGHWATER";
inline constexpr size_t kHighWaterRecordSize = 48;

struct HighWaterMark {
  std::string op_id;
  uint64_t seq = 0;
};

// The record's bytes, and back (false when it is not a valid record).
std::string EncodeHighWater(const HighWaterMark& m);
bool DecodeHighWater(const std::string& bytes, HighWaterMark* out);

class HighWaterFile {
 public:
  HighWaterFile(std::shared_ptr<rocksdb::FileSystem> fs, std::string dir);
  ~HighWaterFile();

  std::string path() const;

  Status Read(bool* present, HighWaterMark* out) const;
  Status Append(const HighWaterMark& m);

  uint64_t sync_count() const { return syncs_; }

  static constexpr uint64_t kRotateBytes = 64 * 1024;

 private:
  Status Rotate(const std::string& record);

  std::shared_ptr<rocksdb::FileSystem> fs_;
  const std::string dir_;
  std::unique_ptr<rocksdb::FSWritableFile> file_;  // opened for append on first use
  uint64_t size_ = 0;
  uint64_t syncs_ = 0;
};

}  // namespace lvu::journal
