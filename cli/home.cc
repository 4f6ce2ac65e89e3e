#include "cli/home.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace lvu::cli {

Status ResolveHome(const std::string& flag, std::string* home) {
  std::string h = flag;
  if (h.empty()) {
    const char* env = std::getenv("LVUPDATE_HOME");
    if (env != nullptr && *env != '\0') h = env;
  }
  if (h.empty()) {
    const char* user_home = std::getenv("HOME");
    h = std::string(user_home != nullptr ? user_home : ".") + "/.lvupdate";
  }
  std::error_code ec;
  std::filesystem::create_directories(h, ec);
  if (ec) return Status::IOError("cannot create the lvupdate home " + h + ": " + ec.message());
  *home = std::filesystem::absolute(h).string();
  return Status::OK();
}

void LogWarningsToStderr() {
  spdlog::drop("lvupdate-stderr");
  auto logger = spdlog::stderr_logger_mt("lvupdate-stderr");
  logger->set_pattern("lvupdate: %l: %v");
  logger->set_level(spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

Status StartLog(const std::string& home, std::string* path) {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  int ms = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  char stamp[64];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%d_%H:%M:%S", &tm);
  std::string dir = home + "/logs";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir + ": " + ec.message());
  char name[96];
  std::snprintf(name, sizeof name, "lvupdlog.%s.%03d", stamp, ms);
  *path = dir + "/" + name;
  // Readable by its owner only (0600), whatever the umask: it holds what
  // notification scripts print (secrets scrubbed, but still the customer's).
  int fd = ::open(path->c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IOError("cannot create the log " + *path + ": " + std::strerror(errno));
  ::fchmod(fd, 0600);
  ::close(fd);
  try {
    spdlog::drop("lvupdate");
    auto logger = spdlog::basic_logger_mt("lvupdate", *path);
    logger->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%l] %v");
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
  } catch (const spdlog::spdlog_ex& e) {  // spdlog reports a file it cannot open this way
    return Status::IOError("cannot open the log " + *path + ": " + e.what());
  }
  return Status::OK();
}

}  // namespace lvu::cli
