#include "actions/apps/script_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <map>

extern char** environ;

namespace lvu::actions {
namespace {

constexpr size_t kMaxOutput = 1 << 20;

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// lvupdate's environment with `extra` replacing same-named entries.
std::vector<std::string> Environment(const std::vector<std::string>& extra) {
  std::map<std::string, std::string> by_name;
  std::vector<std::string> order;
  auto put = [&](const std::string& entry) {
    std::string name = entry.substr(0, entry.find('='));
    if (!by_name.count(name)) order.push_back(name);
    by_name[name] = entry;
  };
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) put(*e);
  for (const auto& e : extra) put(e);
  std::vector<std::string> out;
  for (const auto& n : order) out.push_back(by_name[n]);
  return out;
}

void Drain(int fd, std::string* out) {
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      size_t room = kMaxOutput > out->size() ? kMaxOutput - out->size() : 0;
      out->append(buf, std::min(room, static_cast<size_t>(n)));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return;  // EOF, EAGAIN or an error: nothing more now
  }
}

// Waits up to `ms` for `pid` to end; true (with *status) when it did.
bool WaitFor(pid_t pid, int64_t ms, int fd, std::string* out, int* status) {
  int64_t until = NowMs() + ms;
  for (;;) {
    pid_t r = ::waitpid(pid, status, WNOHANG);
    if (r == pid) return true;
    int64_t left = until - NowMs();
    if (left <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    int timeout = static_cast<int>(std::min<int64_t>(left, 50));
    if (fd >= 0 && ::poll(&p, 1, timeout) > 0) Drain(fd, out);
    else if (fd < 0) ::usleep(static_cast<useconds_t>(timeout) * 1000);
  }
}

}  // namespace

std::string DescribeScriptEnd(const std::string& error, bool timed_out, int signal, int exit_code, int timeout_s) {
  if (!error.empty()) return "cannot run: " + error;
  if (timed_out) return "timed out after " + std::to_string(timeout_s) + " s";
  if (signal != 0) return "killed by signal " + std::to_string(signal);
  return "exit " + std::to_string(exit_code);
}

std::string ScriptOutcome::Describe(int timeout_s) const {
  return DescribeScriptEnd(error, timed_out, signal, exit_code, timeout_s);
}

ScriptOutcome RunScript(const std::vector<std::string>& argv, const std::vector<std::string>& env, int timeout_s) {
  ScriptOutcome o;
  int64_t start = NowMs();
  if (argv.empty() || argv[0].empty() || argv[0][0] != '/') {
    o.error = "'" + (argv.empty() ? std::string() : argv[0]) + "' is not a full path";
    return o;
  }
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    o.error = std::string("pipe: ") + std::strerror(errno);
    return o;
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
  posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGHUP);
  sigaddset(&defaults, SIGQUIT);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<std::string> args = argv, envs = Environment(env);
  std::vector<char*> cargv, cenv;
  for (auto& a : args) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  for (auto& e : envs) cenv.push_back(e.data());
  cenv.push_back(nullptr);
  pid_t pid = -1;
  int rc = ::posix_spawn(&pid, args[0].c_str(), &fa, &attr, cargv.data(), cenv.data());
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    o.error = std::strerror(rc);
    o.elapsed_ms = NowMs() - start;
    return o;
  }
  ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
  int status = 0;
  if (!WaitFor(pid, static_cast<int64_t>(timeout_s) * 1000, fds[0], &o.output, &status)) {
    o.timed_out = true;
    ::kill(-pid, SIGTERM);
    if (!WaitFor(pid, 2000, fds[0], &o.output, &status)) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
    }
  }
  // Whatever of its group is left after a timeout goes too.
  if (o.timed_out) ::kill(-pid, SIGKILL);
  Drain(fds[0], &o.output);
  ::close(fds[0]);
  if (WIFEXITED(status)) o.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) o.signal = WTERMSIG(status);
  o.elapsed_ms = NowMs() - start;
  return o;
}

}  // namespace lvu::actions
