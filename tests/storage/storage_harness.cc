#include "tests/storage/storage_harness.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>

#include <spdlog/spdlog.h>

#include "actions/engine/executor.h"
#include "actions/validation/hmc_token.h"
#include "actions/validation/lvupdate_data.h"
#include "drivers/sim/sim_system.h"
#include "journal/journal.h"
#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

// The child: `lvupdate --speed max run -d HOME/fixes dummy.150813.epkg.Z`,
// in-process, its journal on `fs`.
int ChildRun(const std::string& home, const std::shared_ptr<FaultFs>& fs, std::string* error) {
  actions::RunRequest req;
  Status s = actions::LoadLvupdateData(home + "/lvupdate.data", &req.input.data, &req.config_text);
  if (!s.ok()) {
    *error = s.ToString();
    return 2;
  }
  req.input.fixes = {"dummy.150813.epkg.Z"};
  req.input.fix_dir = home + "/fixes";
  req.input.hmc_token_file = actions::HmcTokenPath(home);
  req.input.home = home;
  std::unique_ptr<drivers::sim::SimSystem> sim;
  drivers::sim::SimOptions so;
  so.speed = 0;
  s = drivers::sim::SimSystem::Open(home, so, &sim);
  if (!s.ok()) {
    *error = s.ToString();
    return 2;
  }
  journal::JournalOptions jo;
  jo.fs = fs;
  std::unique_ptr<journal::Journal> j;
  s = journal::Journal::Open(home + "/journal", journal::Journal::Mode::kWrite, &j, jo);
  if (!s.ok()) {
    *error = s.ToString();
    return 1;
  }
  actions::Settings st;
  st.home = home;
  st.hmc_token_file = req.input.hmc_token_file;
  st.user = "root";
  st.pid = static_cast<uint32_t>(::getpid());
  actions::Executor ex(j.get(), sim.get(), nullptr, st);
  actions::OpResult r;
  s = ex.Run(req, &r);
  if (!s.ok()) {
    *error = s.ToString();
    return 1;
  }
  return actions::ExitCode(r.ending);
}

}  // namespace

ChildResult RunWithFault(const std::string& home, const FaultFs::Plan& plan) {
  ChildResult out;
  int fds[2];
  if (::pipe(fds) != 0) return out;
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    spdlog::set_level(spdlog::level::off);  // the engine's log goes to the console without a log file
    auto fs = std::make_shared<FaultFs>(plan);
    std::string error;
    int code = ChildRun(home, fs, &error);
    // Counts and the error for the parent, one line each.
    std::string report = std::to_string(fs->count(FaultFs::Op::kWrite)) + " " +
                         std::to_string(fs->count(FaultFs::Op::kSync)) + " " +
                         std::to_string(fs->count(FaultFs::Op::kRename)) + " " + (fs->fired() ? "1" : "0") +
                         "\n" + error + "\n";
    if (::write(fds[1], report.data(), report.size()) < 0) code = 3;
    ::close(fds[1]);
    std::fflush(stdout);
    std::fflush(stderr);
    ::_exit(code);  // no destructors: a journal that saw a write error is abandoned, not closed
  }
  ::close(fds[1]);
  std::string text;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  out.exited = WIFEXITED(status);
  out.code = out.exited ? WEXITSTATUS(status) : WTERMSIG(status);
  unsigned long long w = 0, s = 0, r = 0;
  int fired = 0;
  if (std::sscanf(text.c_str(), "%llu %llu %llu %d", &w, &s, &r, &fired) == 4) {
    out.counts[0] = w;
    out.counts[1] = s;
    out.counts[2] = r;
    out.fired = fired != 0;
  }
  size_t nl = text.find('\n');
  if (nl != std::string::npos) {
    out.error = text.substr(nl + 1);
    while (!out.error.empty() && out.error.back() == '\n') out.error.pop_back();
  }
  return out;
}

const RunCounts& CleanRunCounts() {
  static RunCounts counts;
  static std::once_flag once;
  std::call_once(once, [] {
    TempHome h;
    if (InitLab(h.path()).exit_code != 0) return;
    ChildResult r = RunWithFault(h.path(), FaultFs::Plan{});
    if (!r.exited || r.code != 0) {
      std::fprintf(stderr, "the clean run failed: exit %d %s\n", r.code, r.error.c_str());
      return;
    }
    counts.writes = r.counts[0];
    counts.syncs = r.counts[1];
    counts.renames = r.counts[2];
  });
  return counts;
}

void CopyHome(const std::string& from, const std::string& to) {
  std::string cmd = "cp -a '" + from + "' '" + to + "'";
  if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "cannot copy %s to %s\n", from.c_str(), to.c_str());
}

}  // namespace lvu::testing
