// FaultFs: a rocksdb::FileSystem that fails one chosen operation or loses
// power at it, for the storage-fault tests (the LevelDB/RocksDB way: the
// journal takes its file system in JournalOptions::fs, and so does its
// high-water mark).
//
// It counts, over every file written through it, the operations of three
// kinds: writes (Append, PositionedAppend), syncs (Sync, Fsync of a file,
// Fsync of a directory) and renames. The Plan names one of them, the Nth of
// its kind (from 1), and what happens there:
// - kNoSpace, kIoError: that operation is not done and returns
//   IOStatus::NoSpace ("No space left on device") or IOStatus::IOError
//   ("Input/output error"), as ENOSPC and EIO do; every later operation
//   succeeds, as a disk that recovers would.
// - kPowerLoss: at that operation the machine loses power: every file written
//   through FaultFs loses what was not synced (it is truncated to the size it
//   had at its last sync; a file never synced is left empty), then the
//   process ends at once with _exit(kPowerLossExit). Renames are kept (the
//   journal syncs the directory after each one that matters).
// - kNone: nothing; the counts tell how many operations a run makes.
// Free space can be made to look smaller than it is (Plan::free_bytes).
#pragma once

#include <rocksdb/file_system.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace lvu::testing {

inline constexpr int kPowerLossExit = 99;

class FaultFs : public rocksdb::FileSystemWrapper {
 public:
  enum class Op { kWrite, kSync, kRename };
  enum class Fault { kNone, kNoSpace, kIoError, kPowerLoss };
  struct Plan {
    Fault fault = Fault::kNone;
    Op op = Op::kSync;
    uint64_t n = 0;               // the Nth operation of kind `op`, from 1
    uint64_t free_bytes = UINT64_MAX;  // what GetFreeSpace says, at most
  };

  explicit FaultFs(Plan plan);

  static const char* kClassName() { return "LvuFaultFs"; }
  const char* Name() const override { return kClassName(); }

  uint64_t count(Op op) const { return counts_[static_cast<int>(op)].load(); }
  // Whether the planned fault was injected (an error returned).
  bool fired() const { return fired_.load(); }

  // Called by the file wrappers: OK to go on, or the injected error (a power
  // loss does not return).
  rocksdb::IOStatus Hit(Op op, const std::string& path);
  void Appended(const std::string& path, uint64_t bytes);
  void Synced(const std::string& path);
  void Truncated(const std::string& path, uint64_t size);

  rocksdb::IOStatus NewWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                    std::unique_ptr<rocksdb::FSWritableFile>* r, rocksdb::IODebugContext* d) override;
  rocksdb::IOStatus ReopenWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                       std::unique_ptr<rocksdb::FSWritableFile>* r,
                                       rocksdb::IODebugContext* d) override;
  rocksdb::IOStatus ReuseWritableFile(const std::string& f, const std::string& old, const rocksdb::FileOptions& o,
                                      std::unique_ptr<rocksdb::FSWritableFile>* r,
                                      rocksdb::IODebugContext* d) override;
  rocksdb::IOStatus NewDirectory(const std::string& name, const rocksdb::IOOptions& o,
                                 std::unique_ptr<rocksdb::FSDirectory>* r, rocksdb::IODebugContext* d) override;
  rocksdb::IOStatus RenameFile(const std::string& src, const std::string& dst, const rocksdb::IOOptions& o,
                               rocksdb::IODebugContext* d) override;
  rocksdb::IOStatus GetFreeSpace(const std::string& path, const rocksdb::IOOptions& o, uint64_t* free,
                                 rocksdb::IODebugContext* d) override;

 private:
  struct FileState {
    uint64_t size = 0;
    uint64_t synced = 0;
  };
  [[noreturn]] void PowerLoss();
  rocksdb::IOStatus Wrap(const std::string& path, bool keep_size, std::unique_ptr<rocksdb::FSWritableFile>* r);

  const Plan plan_;
  std::atomic<uint64_t> counts_[3] = {0, 0, 0};
  std::atomic<bool> fired_{false};
  std::mutex mu_;
  std::map<std::string, FileState> files_;  // every file written through us, by path
};

}  // namespace lvu::testing
