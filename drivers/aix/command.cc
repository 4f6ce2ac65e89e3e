// See command.h.
#include "drivers/aix/command.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

extern char** environ;

namespace lvu::drivers::aix {
namespace {

int64_t NowMs() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

bool NeedsQuotes(const std::string& w) {
  if (w.empty()) return true;
  for (char c : w) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || std::strchr("-_./=:,@%+", c) != nullptr)) return true;
  }
  return false;
}

// The environment of this process with LANG=C and LC_ALL=C (and no other
// LC_*), and `extra` ("NAME=value") replacing what they name.
std::vector<std::string> CEnvironment(const std::vector<std::string>& extra) {
  auto named = [&extra](const std::string& v) {
    for (const auto& x : extra) {
      size_t eq = x.find('=');
      if (eq != std::string::npos && v.compare(0, eq + 1, x, 0, eq + 1) == 0) return true;
    }
    return false;
  };
  std::vector<std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string v = *e;
    if (v.rfind("LANG=", 0) == 0 || v.rfind("LC_", 0) == 0 || named(v)) continue;
    env.push_back(std::move(v));
  }
  env.push_back("LANG=C");
  env.push_back("LC_ALL=C");
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

std::string FirstLine(const std::string& t) {
  size_t b = t.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = t.find('\n', b);
  std::string line = t.substr(b, e == std::string::npos ? std::string::npos : e - b);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

}  // namespace

std::string CommandLine(const std::vector<std::string>& argv) {
  std::string out;
  for (const std::string& w : argv) {
    if (!out.empty()) out += ' ';
    if (!NeedsQuotes(w)) {
      out += w;
      continue;
    }
    out += '\'';
    for (char c : w) {
      if (c == '\'') {
        out += "'\\''";
      } else {
        out += c;
      }
    }
    out += '\'';
  }
  return out;
}

std::string Describe(const Command& c, const CommandResult& r) {
  std::string what = "`" + CommandLine(c.argv) + "` ";
  what += r.signal != 0 ? "was killed by signal " + std::to_string(r.signal) : "exited " + std::to_string(r.exit_code);
  std::string line = FirstLine(r.err);
  if (line.empty()) line = FirstLine(r.out);
  if (!line.empty()) what += ": " + line;
  return what;
}

Status ProcessRunner::Run(const Command& c, CommandResult* r) {
  *r = CommandResult{};
  if (c.argv.empty() || c.argv[0].empty()) return Status::InvalidArgument("an empty command");
  const std::string line = CommandLine(c.argv);
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0) return Status::IOError(line + ": pipe: " + std::strerror(errno));
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in[0]);
    close(in[1]);
    return Status::IOError(line + ": pipe: " + std::strerror(errno));
  }
  if (pipe2(err, O_CLOEXEC) != 0) {
    for (int fd : {in[0], in[1], out[0], out[1]}) close(fd);
    return Status::IOError(line + ": pipe: " + std::strerror(errno));
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_adddup2(&fa, err[1], 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&attr, 0);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attr, &none);  // lvupdate blocks the stop signals; its commands must not
  posix_spawnattr_setsigdefault(&attr, &all);
  std::vector<std::string> env = CEnvironment(c.env);
  std::vector<char*> envp;
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = c.argv;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int64_t start = NowMs();
  int rc = posix_spawnp(&pid, argv[0], &fa, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  if (rc != 0) {
    close(in[1]);
    close(out[0]);
    close(err[0]);
    if (rc == ENOENT) return Status::NotFound(c.argv[0] + ": not found on PATH");
    return Status::IOError(line + ": cannot start: " + std::strerror(rc));
  }
  // Standard input: written in the loop below (it may exceed a pipe's buffer).
  size_t in_done = 0;
  int in_fd = in[1];
  if (c.input.empty()) {
    close(in_fd);
    in_fd = -1;
  } else {
    fcntl(in_fd, F_SETFL, O_NONBLOCK);
  }
  int fds[2] = {out[0], err[0]};
  std::string* bufs[2] = {&r->out, &r->err};
  bool timed_out = false;
  const int64_t deadline = start + c.timeout_ms;
  while (fds[0] >= 0 || fds[1] >= 0 || in_fd >= 0) {
    pollfd p[3];
    int n = 0;
    int which[3];
    for (int i = 0; i < 2; ++i) {
      if (fds[i] >= 0) {
        p[n] = {fds[i], POLLIN, 0};
        which[n++] = i;
      }
    }
    if (in_fd >= 0) {
      p[n] = {in_fd, POLLOUT, 0};
      which[n++] = 2;
    }
    int64_t left = deadline - NowMs();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    int k = poll(p, static_cast<nfds_t>(n), static_cast<int>(std::min<int64_t>(left, 1000)));
    if (k < 0 && errno != EINTR) break;
    for (int j = 0; j < n && k > 0; ++j) {
      if (p[j].revents == 0) continue;
      if (which[j] == 2) {
        ssize_t w = write(in_fd, c.input.data() + in_done, c.input.size() - in_done);
        if (w > 0) in_done += static_cast<size_t>(w);
        if (w < 0 && errno != EAGAIN && errno != EINTR) in_done = c.input.size();  // it closed its input
        if (in_done >= c.input.size()) {
          close(in_fd);
          in_fd = -1;
        }
        continue;
      }
      const int i = which[j];
      char buf[65536];
      ssize_t got = read(fds[i], buf, sizeof buf);
      if (got > 0) {
        size_t room = kMaxCommandOutputBytes - std::min(kMaxCommandOutputBytes, bufs[i]->size());
        size_t take = std::min(room, static_cast<size_t>(got));
        bufs[i]->append(buf, take);
        if (take < static_cast<size_t>(got)) r->truncated = true;
      } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
        close(fds[i]);
        fds[i] = -1;
      }
    }
  }
  if (timed_out) kill(-pid, SIGKILL);
  for (int fd : {fds[0], fds[1], in_fd}) {
    if (fd >= 0) close(fd);
  }
  // Its output is closed; it may still run (or have left a child holding
  // nothing): wait for it until the deadline, then kill its group.
  int status = 0;
  for (;;) {
    pid_t w = waitpid(pid, &status, timed_out ? 0 : WNOHANG);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) break;
    if (w == 0 && NowMs() >= deadline) {
      timed_out = true;
      kill(-pid, SIGKILL);
      continue;
    }
    if (w == 0) usleep(2000);
  }
  r->elapsed_ms = NowMs() - start;
  if (WIFEXITED(status)) r->exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r->signal = WTERMSIG(status);
  if (timed_out) {
    return Status::Transient(line + ": timed out after " + std::to_string(c.timeout_ms / 1000) + " s");
  }
  return Status::OK();
}

Status ObservedRunner::Run(const Command& c, CommandResult* r) {
  Status s = inner_->Run(c, r);
  if (observer_) observer_(c, *r, s);
  return s;
}

}  // namespace lvu::drivers::aix
