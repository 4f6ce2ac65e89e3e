// The live update lock: <dir>/LVUPDATE.LOCK, an flock(2) on a small file that
// holds the pid of the process that took it ("1234\n").
//
// Contracts:
// - Acquire creates `dir` (and its parents) when absent, opens the lock file
//   close-on-exec, and takes flock(LOCK_EX | LOCK_NB). On success it truncates
//   the file, writes "<pid>\n" and fsyncs it, and the lock is held until the
//   LockFile is destroyed (or the process dies: the kernel drops flocks then,
//   so a crashed run never leaves a stale lock).
// - When another open file description holds the lock (another process, or
//   another LockFile of this process) Acquire returns Status::Busy naming the
//   pid written in the file and the file's path.
// - The pid stays in the file after release: LockHolder (journal.h) uses it to
//   name the process of an interrupted operation.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"

namespace lvu::journal {

inline constexpr char kLockFileName[] = "LVUPDATE.LOCK";

class LockFile {
 public:
  static Status Acquire(const std::string& dir, std::unique_ptr<LockFile>* out);
  ~LockFile();

  LockFile(const LockFile&) = delete;
  LockFile& operator=(const LockFile&) = delete;

  const std::string& path() const { return path_; }

 private:
  LockFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::string path_;
  int fd_;
};

}  // namespace lvu::journal
