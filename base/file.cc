#include "base/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace lvu {

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
