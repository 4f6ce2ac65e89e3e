#include "base/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/limits.h"

namespace lvu {
namespace {

Status Errno(const std::string& what, const std::string& path) {
  return Status::IOError("cannot " + what + " " + path + ": " + std::strerror(errno));
}

std::string DirName(const std::string& path) {
  auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

Status SyncDir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Errno("open", dir);
  int rc = ::fsync(fd);
  Status s = rc == 0 ? Status::OK() : Errno("fsync", dir);
  ::close(fd);
  return s;
}

}  // namespace

Status ReadFileToString(const std::string& path, std::string* out) {
  Status s = ReadFileLimited(path, kMaxStateFileBytes, "file", out);
  if (s.IsNotFound()) return Status::NotFound(path + ": no such file");
  return s;
}

Status WriteFileAtomically(const std::string& path, const std::string& contents, mode_t mode) {
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return Errno("create", tmp);
  auto fail = [&](const char* what) {
    Status s = Errno(what, tmp);
    ::close(fd);
    ::unlink(tmp.c_str());
    return s;
  };
  size_t done = 0;
  while (done < contents.size()) {
    ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("write");
    done += static_cast<size_t>(n);
  }
  if (::fchmod(fd, mode) != 0) return fail("chmod");  // whatever the umask
  if (::fdatasync(fd) != 0) return fail("fdatasync");
  if (::close(fd) != 0) {
    Status s = Errno("close", tmp);
    ::unlink(tmp.c_str());
    return s;
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    Status s = Errno("rename " + tmp + " to", path);
    ::unlink(tmp.c_str());
    return s;
  }
  return SyncDir(DirName(path));
}

Status MakeDirs(const std::string& path) {
  if (path.empty()) return Status::OK();
  struct stat st{};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return Status::OK();
    return Status::IOError(path + ": exists and is not a directory");
  }
  const std::string parent = DirName(path);
  if (parent != path) LVU_RETURN_IF_ERROR(MakeDirs(parent));
  if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) return Errno("mkdir", path);
  return SyncDir(parent);
}

std::string SizeText(uint64_t n) {
  if (n >= (1ull << 30) && n % (1ull << 30) == 0) return std::to_string(n >> 30) + " GiB";
  if (n >= (1ull << 20) && n % (1ull << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n >= (1ull << 10) && n % (1ull << 10) == 0) return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}

Status ReadFileLimited(const std::string& path, uint64_t limit, const std::string& what, std::string* out) {
  out->clear();
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) return Status::NotFound(what + " " + path + " does not exist");
    return Status::IOError("cannot open " + what + " " + path + ": " + std::strerror(err));
  }
  const std::string too_big = what + " " + path + " is larger than " + SizeText(limit) + " (the limit for " + what +
                              "; docs/journal-format.md, \"Limits\"): is it the right file?";
  struct stat st{};
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      return Status::InvalidArgument(what + " " + path + " is a directory");
    }
    if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > limit) {
      ::close(fd);
      return Status::InvalidArgument(too_big);
    }
    if (S_ISREG(st.st_mode)) out->reserve(static_cast<size_t>(st.st_size));
  }
  char buf[64 * 1024];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      out->clear();
      return Status::IOError("cannot read " + what + " " + path + ": " + std::strerror(err));
    }
    if (n == 0) break;
    if (out->size() + static_cast<uint64_t>(n) > limit) {
      ::close(fd);
      out->clear();
      return Status::InvalidArgument(too_big);
    }
    out->append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return Status::OK();
}

}  // namespace lvu
