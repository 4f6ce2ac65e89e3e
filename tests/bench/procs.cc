// 3. Engine overhead as whole processes: the real binary, posix_spawn, wall
// time by this harness's own repetition (median, min, max). Also the
// process-level sync counts (liblvu_synccount.so LD_PRELOADed) and, when
// strace is installed, `strace -f -c` of one run as an independent check.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>

#include "journal/journal.h"
#include "tests/bench/bench.h"

namespace lvu::bench {

// Runs argv (argv[0] a path) with extra environment entries; stdout and
// stderr to `out_file` (or /dev/null). Returns the wall time in ms and the
// exit code in *code. posix_spawn, not fork: a fork copies the page tables
// of this process, which holds a million decoded events at the largest
// replay size, and its cost (tens of ms) would be timed as the command's.
double RunProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env_extra,
                  int* code, const std::string& out_file) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env_copy;
  for (char** e = environ; *e != nullptr; ++e) env_copy.push_back(*e);
  for (const auto& e : env_extra) {
    const std::string name = e.substr(0, e.find('=') + 1);
    std::erase_if(env_copy, [&](const std::string& x) { return x.rfind(name, 0) == 0; });
    env_copy.push_back(e);
  }
  std::vector<char*> envp;
  for (auto& e : env_copy) envp.push_back(e.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  const std::string out = out_file.empty() ? "/dev/null" : out_file;
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  double t0 = Now();
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, args[0], &fa, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) Die("posix_spawn " + argv[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  double ms = (Now() - t0) * 1e3;
  *code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return ms;
}

namespace {

std::string Which(const std::string& prog) {
  const char* path = std::getenv("PATH");
  std::string p = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find(':', start);
    if (end == std::string::npos) end = p.size();
    std::string cand = p.substr(start, end - start) + "/" + prog;
    if (::access(cand.c_str(), X_OK) == 0) return cand;
    start = end + 1;
  }
  return "";
}

struct Lvu {
  const Config& c;
  std::vector<std::string> Args(const std::string& home, std::vector<std::string> rest) const {
    std::vector<std::string> a = {c.lvupdate, "--home", home, "--speed", "max"};
    a.insert(a.end(), rest.begin(), rest.end());
    return a;
  }
  double Run(const std::string& home, std::vector<std::string> rest, int want_code,
             const std::vector<std::string>& env = {}) const {
    int code = 0;
    double ms = RunProcess(Args(home, std::move(rest)), env, &code, "");
    if (code != want_code) {
      Die("lvupdate --home " + home + " ...: exit " + std::to_string(code) + ", expected " +
          std::to_string(want_code));
    }
    return ms;
  }
  std::vector<std::string> RunArgs(const std::string& home) const {
    return {"run", "-d", home + "/fixes", "dummy.150813.epkg.Z"};
  }
};

bool HasCommand(const Config& c, const std::string& name) {
  static int known = -1;
  if (known < 0) {
    std::string out = c.work_dir + "/help.txt";
    int code = 0;
    RunProcess({c.lvupdate, "--help"}, {}, &code, out);
    known = ReadFile(out).find("\n  " + name + " ") != std::string::npos ? 1 : 0;
  }
  return known == 1;
}

constexpr int kCrashExit = 86;  // SimOptions::crash_exit_code
const char* kMiddleStep = "lpar.boot_surrogate";  // step 10 of 19

}  // namespace

void HmcAuth(const Config& c, const std::string& home) {
  if (!HasCommand(c, "hmcauth")) return;
  int code = 0;
  RunProcess({c.lvupdate, "--home", home, "hmcauth", "-a", "hsc02", "-u", "hscroot", "-p", "abc1234"}, {}, &code, "");
  if (code != 0) Die("lvupdate hmcauth failed in " + home);
}

void PrepareHome(const Config& c, const std::string& home) {
  int code = 0;
  RunProcess({c.lvupdate, "--home", home, "sim", "init"}, {}, &code, "");
  if (code != 0) Die("lvupdate sim init failed in " + home);
  HmcAuth(c, home);
}

void RunProcs(const Config& c, ProcResults* r) {
  const std::string base = c.work_dir + "/procs";
  RemoveTree(base);
  MakeDirs(base);
  Lvu lvu{c};
  ProcTiming help{"lvupdate --help", {}}, status_empty{"lvupdate status (empty home)", {}},
      init{"lvupdate sim init", {}}, run{"lvupdate --speed max run", {}},
      init_run{"sim init + run --speed max", {}}, status_one{"lvupdate status (after one run)", {}},
      crash{"run, crash-after at " + std::string(kMiddleStep) + " (exit 86)", {}},
      resume{"lvupdate --speed max resume (after that crash)", {}};
  for (int k = 0; k < c.proc_reps; ++k) {
    int code = 0;
    help.wall_ms.push_back(RunProcess({c.lvupdate, "--help"}, {}, &code, ""));
    std::string empty = base + "/empty" + std::to_string(k);
    status_empty.wall_ms.push_back(lvu.Run(empty, {"status"}, 0));

    std::string home = base + "/run";
    RemoveTree(home);
    double a = lvu.Run(home, {"sim", "init"}, 0);
    HmcAuth(c, home);  // when this lvupdate has it: not timed
    double b = lvu.Run(home, lvu.RunArgs(home), 0);
    init.wall_ms.push_back(a);
    run.wall_ms.push_back(b);
    init_run.wall_ms.push_back(a + b);
    status_one.wall_ms.push_back(lvu.Run(home, {"status"}, 0));

    std::string ch = base + "/crash";
    RemoveTree(ch);
    PrepareHome(c, ch);
    lvu.Run(ch, {"sim", "fault", "add", kMiddleStep, "--kind", "crash-after"}, 0);
    crash.wall_ms.push_back(lvu.Run(ch, lvu.RunArgs(ch), kCrashExit));
    resume.wall_ms.push_back(lvu.Run(ch, {"resume"}, 0));
  }
  r->t = {help, status_empty, status_one, init, run, init_run, crash, resume};

  // In process: Journal::Open alone.
  ProcTiming open_new{"Journal::Open(kWrite), new journal (in process)", {}},
      open_existing{"Journal::Open(kWrite), journal of one run (in process)", {}},
      open_ro{"Journal::Open(kReadOnly), journal of one run (in process)", {}};
  for (int k = 0; k < c.proc_reps; ++k) {
    std::string dir = base + "/open" + std::to_string(k) + "/journal";
    std::unique_ptr<journal::Journal> j;
    double t0 = Now();
    Status s = journal::Journal::Open(dir, journal::Journal::Mode::kWrite, &j);
    j.reset();
    open_new.wall_ms.push_back((Now() - t0) * 1e3);
    if (!s.ok()) Die(s.ToString());
    t0 = Now();
    s = journal::Journal::Open(base + "/run/journal", journal::Journal::Mode::kWrite, &j);
    j.reset();
    open_existing.wall_ms.push_back((Now() - t0) * 1e3);
    if (!s.ok()) Die(s.ToString());
    t0 = Now();
    s = journal::Journal::Open(base + "/run/journal", journal::Journal::Mode::kReadOnly, &j);
    j.reset();
    open_ro.wall_ms.push_back((Now() - t0) * 1e3);
    if (!s.ok()) Die(s.ToString());
  }
  r->t.push_back(open_new);
  r->t.push_back(open_existing);
  r->t.push_back(open_ro);

  // Sync counts of whole processes.
  {
    std::string home = base + "/count";
    RemoveTree(home);
    PrepareHome(c, home);
    std::string out = base + "/synccount.run";
    lvu.Run(home, lvu.RunArgs(home), 0, {"LD_PRELOAD=" + c.preload, "LVU_SYNCCOUNT_OUT=" + out});
    r->sync_line_run = ReadFile(out);
    // Then the inspection commands (read-only: none should sync) and a
    // rollback, which reverts the completed update (a writer's open of an
    // existing journal, then its two steps).
    const std::vector<std::vector<std::string>> after = {
        {"status"}, {"journal", "list"}, {"journal", "show"}, {"journal", "events"}, {"journal", "verify"},
        {"sim", "show"}, {"rollback"}};
    for (size_t k = 0; k < after.size(); ++k) {
      const std::string o = base + "/synccount.after" + std::to_string(k);
      int code = 0;
      auto args = lvu.Args(home, after[k]);
      RunProcess(args, {"LD_PRELOAD=" + c.preload, "LVU_SYNCCOUNT_OUT=" + o}, &code, "");
      if (code != 0) Die("counting syncs: `" + after[k][0] + "` exited " + std::to_string(code));
      std::string line = ReadFile(o), name;
      while (!line.empty() && line.back() == '\n') line.pop_back();
      for (const auto& w : after[k]) name += (name.empty() ? "" : " ") + w;
      r->sync_lines.push_back({name, line});
    }
    std::string ch = base + "/count-crash";
    RemoveTree(ch);
    PrepareHome(c, ch);
    lvu.Run(ch, {"sim", "fault", "add", kMiddleStep, "--kind", "crash-after"}, 0);
    lvu.Run(ch, lvu.RunArgs(ch), kCrashExit);
    out = base + "/synccount.resume";
    lvu.Run(ch, {"resume"}, 0, {"LD_PRELOAD=" + c.preload, "LVU_SYNCCOUNT_OUT=" + out});
    r->sync_line_resume = ReadFile(out);
    while (!r->sync_line_run.empty() && r->sync_line_run.back() == '\n') r->sync_line_run.pop_back();
    while (!r->sync_line_resume.empty() && r->sync_line_resume.back() == '\n') r->sync_line_resume.pop_back();
  }
  std::string strace = Which("strace");
  if (!strace.empty()) {
    std::string home = base + "/strace";
    RemoveTree(home);
    PrepareHome(c, home);
    std::vector<std::string> a = {strace, "-f", "-c", "-e", "trace=fdatasync,fsync", "-o", base + "/strace.txt"};
    auto rest = lvu.Args(home, lvu.RunArgs(home));
    a.insert(a.end(), rest.begin(), rest.end());
    int code = 0;
    RunProcess(a, {}, &code, "");
    if (code == 0) r->strace_summary = ReadFile(base + "/strace.txt");
  }
}

}  // namespace lvu::bench
