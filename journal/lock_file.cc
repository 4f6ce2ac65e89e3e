// The live update lock: see lock_file.h. LockHolder is declared in journal.h.
#include "journal/lock_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "journal/journal.h"

namespace lvu::journal {

namespace {

std::string LockPath(const std::string& dir) { return dir + "/" + kLockFileName; }

Status Errno(const std::string& what, int err) {
  return Status::IOError(what + ": " + std::strerror(err));
}

// The pid written at the start of the file, or 0 when absent or unreadable.
int ReadPid(int fd) {
  char buf[32];
  ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
  if (n <= 0) return 0;
  buf[n] = '\0';
  char* end = nullptr;
  long pid = std::strtol(buf, &end, 10);
  if (end == buf || pid <= 0 || pid > 0x7fffffff) return 0;
  return static_cast<int>(pid);
}

}  // namespace

Status LockFile::Acquire(const std::string& dir, std::unique_ptr<LockFile>* out) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir + ": " + ec.message());

  std::string path = LockPath(dir);
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Errno("cannot open " + path, errno);

  int rc;
  do {
    rc = flock(fd, LOCK_EX | LOCK_NB);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    int err = errno;
    if (err == EWOULDBLOCK) {
      int pid = ReadPid(fd);
      close(fd);
      std::string who = pid > 0 ? "another lvupdate (pid " + std::to_string(pid) + ")"
                                : "another lvupdate";
      return Status::Busy(who + " holds the live update lock " + path);
    }
    close(fd);
    return Errno("cannot lock " + path, err);
  }

  // The pid is for messages about the holder while it runs: the lock itself
  // is the flock, which no crash outlives, so the file is not synced.
  std::string content = std::to_string(getpid()) + "\n";
  if (ftruncate(fd, 0) != 0 ||
      pwrite(fd, content.data(), content.size(), 0) != static_cast<ssize_t>(content.size())) {
    int err = errno;
    close(fd);  // also releases the lock
    return Errno("cannot write " + path, err);
  }
  out->reset(new LockFile(std::move(path), fd));
  return Status::OK();
}

LockFile::~LockFile() { close(fd_); }

Status LockHolder(const std::string& dir, bool* held, int* pid) {
  *held = false;
  *pid = 0;
  std::string path = LockPath(dir);
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::OK();  // never locked: no run from this home
    return Errno("cannot open " + path, errno);
  }
  int rc;
  do {
    rc = flock(fd, LOCK_SH | LOCK_NB);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    int err = errno;
    if (err != EWOULDBLOCK) {
      close(fd);
      return Errno("cannot test the lock " + path, err);
    }
    *held = true;
  }
  *pid = ReadPid(fd);
  close(fd);  // drops our shared lock, if we got it
  return Status::OK();
}

}  // namespace lvu::journal
