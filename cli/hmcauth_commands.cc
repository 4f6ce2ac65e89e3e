// lvupdate hmcauth: authentication with the HMC (AIX hmcauth).
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "actions/validation/hmc_token.h"
#include "cli/home.h"
#include "cli/preview_commands.h"
#include "drivers/open.h"

namespace lvu::cli {
namespace {

int Fail(int code, const std::string& m) {
  std::fprintf(stderr, "hmcauth: %s\n", m.c_str());
  return code;
}

// Overwrites a secret before its memory is given back.
void Scrub(std::string* s) {
  std::fill(s->begin(), s->end(), '\0');
  s->clear();
}

constexpr size_t kMaxPasswordBytes = 1024;

// "Enter HMC password: " on the terminal, read without echo. Without a
// terminal, the first line of standard input (for scripts). False when
// nothing was read or the line is longer than kMaxPasswordBytes.
bool ReadPassword(std::string* out) {
  const bool tty = ::isatty(STDIN_FILENO) == 1;
  termios saved{};
  if (tty) {
    std::fprintf(stderr, "Enter HMC password: ");
    std::fflush(stderr);
    if (::tcgetattr(STDIN_FILENO, &saved) != 0) return false;
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0) return false;
  }
  // One line, at most kMaxPasswordBytes (an HMC password is at most a few
  // dozen characters): standard input that never ends is not read whole.
  out->clear();
  bool ok = false;
  for (int c; (c = std::cin.get()) != EOF;) {
    ok = true;
    if (c == '\n') break;
    if (out->size() >= kMaxPasswordBytes) {
      ok = false;
      break;
    }
    out->push_back(static_cast<char>(c));
  }
  if (tty) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  if (ok && !out->empty() && out->back() == '\r') out->pop_back();
  return ok;
}

std::string Ttl(int64_t left) {
  if (left <= 0) return "expired";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld left", static_cast<long long>(left / 3600),
                static_cast<long long>(left / 60 % 60), static_cast<long long>(left % 60));
  return buf;
}

}  // namespace

int CmdHmcauth(const GlobalOptions& g, HmcauthOptions o) {
  std::string home;
  Status s = ResolveHome(g.home, &home);
  if (!s.ok()) return Fail(kExitCannotRun, s.message());
  drivers::OpenOptions opts;
  opts.speed = 0;
  std::unique_ptr<drivers::System> sys;
  s = drivers::OpenSystem(g.driver, home, opts, &sys);
  if (!s.ok()) return Fail(kExitBadInput, s.message());
  if (sys->RunsCommands() && !o.list) {
    std::string log;  // the commands run (never the password) go to the log, not the terminal
    s = StartLog(home, &log);
    if (!s.ok()) return Fail(kExitCannotRun, s.message());
  }
  const std::string path = actions::HmcTokenPath(home);

  if (o.list) {
    drivers::HmcSession t;
    s = actions::LoadHmcToken(path, &t);
    if (s.IsNotFound()) return kExitOk;  // no token: nothing to show
    if (!s.ok()) return Fail(kExitCannotRun, s.message());
    std::printf("Address  : %s\nUser name: %s\nport     : %d\nTTL      : %s\n", t.address.c_str(), t.user.c_str(),
                t.port, Ttl(t.expires_s - sys->ClockSeconds()).c_str());
    return kExitOk;
  }
  if (o.hmc.empty() || o.user.empty()) return Fail(kExitBadInput, "give the HMC (-a) and the user (-u), or -l");
  if (!o.password_given && !ReadPassword(&o.password)) return Fail(kExitBadInput, "no password was given (a line of at most 1024 bytes on standard input, or -p)");
  drivers::HmcSession session;
  s = sys->hmc().Login(o.hmc, o.user, o.password, &session);
  Scrub(&o.password);
  if (!s.ok()) return Fail(s.IsTransient() ? kExitCannotRun : kExitBadInput, "Authentication failure: " + s.message());
  s = actions::SaveHmcToken(path, session);
  if (!s.ok()) return Fail(kExitCannotRun, s.message());
  return kExitOk;
}

}  // namespace lvu::cli
