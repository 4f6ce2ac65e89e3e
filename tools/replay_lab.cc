// The replay lab: see replay_lab.h.
#include "tools/replay_lab.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include "base/file.h"
#include "journal/journal.h"
#include "view/journal_view.h"

extern char** environ;

namespace lvu::tools {
namespace {

using journal::Event;
using journal::Journal;
using replay::ReproSession;

constexpr int kExitBadInput = 2;  // what `lvupdate sim init --system` exits with on a bad system

struct Lab {
  std::string home;
  std::string self;  // this binary
  std::string log;   // every command's output, appended
};

// Runs `self --home HOME --speed max ARGS`, output appended to the lab's log;
// `input` (a secret) goes to its standard input. The exit code, or 128+signal;
// -1 when it could not be started.
int RunLab(const Lab& lab, const std::vector<std::string>& args, const std::string& input = "") {
  std::vector<std::string> a = {lab.self, "--home", lab.home, "--speed", "max"};
  a.insert(a.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : a) argv.push_back(s.data());
  argv.push_back(nullptr);
  if (FILE* f = std::fopen(lab.log.c_str(), "a")) {
    std::string line = "$ lvupdate";
    for (const auto& s : args) line += " " + s;
    std::fprintf(f, "%s\n", line.c_str());
    std::fclose(f);
  }
  int pipefd[2] = {-1, -1};
  if (pipe(pipefd) != 0) return -1;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, pipefd[0], 0);
  posix_spawn_file_actions_addclose(&fa, pipefd[1]);
  posix_spawn_file_actions_addopen(&fa, 1, lab.log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(pipefd[0]);
  if (rc == 0 && !input.empty()) {
    // A broken pipe (the child exited before reading) must not kill us.
    struct sigaction ign {}, old {};
    ign.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ign, &old);
    std::string line = input + "\n";
    ssize_t w = write(pipefd[1], line.data(), line.size());
    (void)w;
    std::fill(line.begin(), line.end(), '\0');
    sigaction(SIGPIPE, &old, nullptr);
  }
  close(pipefd[1]);
  if (rc != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Every operation of the lab's journal, oldest first (empty when none).
Status LabOps(const Lab& lab, std::vector<journal::OpSummary>* ops) {
  ops->clear();
  std::unique_ptr<Journal> j;
  Status s = Journal::Open(lab.home + "/journal", Journal::Mode::kReadOnly, &j);
  if (s.IsNotFound()) return Status::OK();
  if (!s.ok()) return s;
  LVU_RETURN_IF_ERROR(j->ListOps(ops));
  std::reverse(ops->begin(), ops->end());
  return Status::OK();
}

std::string FaultText(const replay::SimFault& f) {
  std::string t = f.step + " " + f.kind;
  if (f.phase != "apply") t += " (" + f.phase + ")";
  if (f.times != 1) t += " x" + std::to_string(f.times);
  return t;
}

// The fix package a recorded path stands for in the lab: the lab's own by its
// base name, else a copy of the recorded file. "" when neither exists.
std::string LabFix(const std::string& lab_home, const std::string& recorded) {
  const std::string base = std::filesystem::path(recorded).filename().string();
  const std::string mine = lab_home + "/fixes/" + base;
  std::error_code ec;
  if (std::filesystem::exists(mine, ec)) return base;
  if (std::filesystem::copy_file(recorded, mine, ec)) return base;
  return "";
}

// The session of the replay that wrote event `seq` of lab operation `op`.
int ReplayedSession(const std::vector<LabSession>& runs, size_t op, uint64_t seq) {
  for (size_t i = 0; i < runs.size(); ++i) {
    if (op < runs[i].last_seq.size() && runs[i].last_seq[op] >= seq) return static_cast<int>(i);
  }
  return -1;
}

// The recorded session that wrote event `seq` of reproduction operation `op`.
int RecordedSession(const replay::Reproduction& r, size_t op, uint64_t seq) {
  for (size_t i = 0; i < r.sessions.size(); ++i) {
    const ReproSession& s = r.sessions[i];
    if (s.op == op && seq >= s.first_seq && seq <= s.last_seq) return static_cast<int>(i);
    for (const auto& p : s.also) {
      if (p.op == op && seq >= p.first_seq && seq <= p.last_seq) return static_cast<int>(i);
    }
  }
  return -1;
}

Status MakeLabDir(const std::string& keep, std::string* home) {
  if (!keep.empty()) {
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::absolute(keep, ec);
    if (std::filesystem::exists(dir, ec) && !std::filesystem::is_empty(dir, ec)) {
      return Status::InvalidArgument("--keep " + keep + ": the directory exists and is not empty");
    }
    std::filesystem::create_directories(dir, ec);
    if (ec) return Status::IOError("--keep " + keep + ": " + ec.message());
    *home = dir.string();
    return Status::OK();
  }
  char tmpl[] = "/tmp/lvupdate-replay-XXXXXX";
  if (mkdtemp(tmpl) == nullptr) return Status::IOError(std::string("mkdtemp: ") + std::strerror(errno));
  *home = tmpl;
  return Status::OK();
}

}  // namespace

Status RunReplayLab(const replay::Reproduction& repro, const ReplayLabOptions& o, ReplayLabResult* out) {
  auto progress = [&o](const std::string& line) {
    if (o.progress) o.progress(line);
  };
  Lab lab;
  lab.self = o.self;
  LVU_RETURN_IF_ERROR(MakeLabDir(o.keep, &lab.home));
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code ec;
      if (!dir.empty()) std::filesystem::remove_all(dir, ec);
    }
  } cleanup{o.keep.empty() ? lab.home : ""};
  out->kept = o.keep.empty() ? "" : lab.home;
  // A temporary lab's log goes beside it, so that it survives nothing.
  lab.log = lab.home + "/replay.log";

  const journal::OpStarted& started = repro.ops.front()->front().op_started;
  const journal::OpStarted& replayed = repro.ops.back()->front().op_started;
  progress("replay: operation " + repro.ops.back()->front().op_id + " (" + view::OpKindName(replayed.op_kind) + ", " +
           std::to_string(repro.sessions.size()) +
           " session" + (repro.sessions.size() == 1 ? "" : "s") + ") on a fresh simulated lab in " + lab.home);
  // The seed lab, logged on to its HMC as an administrator would, made the
  // recorded system (opStarted.system): `sim init --hmcauth --system JSON`.
  std::vector<std::string> init = {"sim", "init", "--hmcauth"};
  if (!started.system.empty()) {
    init.push_back("--system");
    init.push_back(started.system);
  }
  auto log_text = [&lab] {
    std::string t;
    (void)ReadFileToString(lab.log, &t);  // none yet: empty
    return t;
  };
  const size_t log_before = log_text().size();
  int rc = RunLab(lab, init);
  const std::string said = log_text().substr(log_before);
  if (rc == kExitBadInput && !started.system.empty()) {
    // `sim init` names the setting it cannot make: "lvupdate: --system: WHY".
    size_t at = said.find("--system: ");
    std::string why = at == std::string::npos ? said : said.substr(at + 10);
    while (!why.empty() && why.back() == '\n') why.pop_back();
    return Status::InvalidArgument("the recorded system cannot be made in the lab: " + why);
  }
  if (rc != 0) return Status::Failed("`lvupdate sim init` in the lab failed (exit " + std::to_string(rc) + ")");
  if (size_t at = said.find("The recorded system: "); at != std::string::npos) {
    out->changed_settings = std::atoi(said.c_str() + at + 21);
  }
  if (out->changed_settings > 0) {
    progress("replay: the lab made the recorded system: " + std::to_string(out->changed_settings) +
             " setting(s) applied");
  }
  LVU_RETURN_IF_ERROR(WriteFileAtomically(lab.home + "/lvupdate.data", started.config));
  std::vector<std::string> fixes;
  for (const std::string& f : started.fixes) {
    std::string base = LabFix(lab.home, f);
    if (base.empty()) {
      return Status::InvalidArgument("the fix " + f + " is neither one of the lab's nor readable here: it cannot be replayed");
    }
    fixes.push_back(base);
  }

  for (size_t i = 0; i < repro.sessions.size(); ++i) {
    const ReproSession& rs = repro.sessions[i];
    if (RunLab(lab, {"sim", "fault", "clear"}) != 0) return Status::Failed("`sim fault clear` failed in the lab");
    LabSession run;
    std::string faults;
    for (const auto& f : rs.faults) {
      std::vector<std::string> a = {"sim",     "fault", "add",   f.step, "--kind", f.kind, "--phase", f.phase,
                                    "--times", std::to_string(f.times)};
      if (RunLab(lab, a) != 0) return Status::Failed("`sim fault add " + f.step + "` failed in the lab");
      faults += (faults.empty() ? "" : ", ") + FaultText(f);
      run.faults.push_back(f);
    }
    std::vector<std::string> args = replay::CommandArgs(rs);
    run.command = replay::CommandText(rs);
    if (rs.command == ReproSession::Command::kRun) {
      args.push_back("-d");
      args.push_back(lab.home + "/fixes");
      args.insert(args.end(), fixes.begin(), fixes.end());
      for (const auto& f : fixes) run.command += " " + f;
    }
    progress("replay: session " + std::to_string(i + 1) + "/" + std::to_string(repro.sessions.size()) + ": " +
             run.command + (faults.empty() ? "" : "   [faults: " + faults + "]"));
    run.expected_exit = rs.expected_exit;
    run.exit_code = RunLab(lab, args);
    std::vector<journal::OpSummary> lab_ops;
    LVU_RETURN_IF_ERROR(LabOps(lab, &lab_ops).WithContext("the lab's journal"));
    for (const auto& sum : lab_ops) run.last_seq.push_back(sum.last_seq);
    const bool mismatch = rs.expected_exit >= 0 && run.exit_code != rs.expected_exit;
    progress("replay:   exit " + std::to_string(run.exit_code) +
             (rs.expected_exit >= 0 ? " (recorded: " + std::to_string(rs.expected_exit) + ")" : "") +
             (mismatch ? "  <- differs" : ""));
    if (mismatch && out->exit_mismatch < 0) out->exit_mismatch = static_cast<int>(i);
    out->sessions.push_back(std::move(run));
  }

  // The lab's operations, in the order they began: the first is the update.
  std::vector<journal::OpSummary> lab_ops;
  LVU_RETURN_IF_ERROR(LabOps(lab, &lab_ops).WithContext("the lab's journal"));
  out->replayed.assign(repro.ops.size(), {});
  if (!lab_ops.empty()) {
    std::unique_ptr<Journal> j;
    LVU_RETURN_IF_ERROR(Journal::Open(lab.home + "/journal", Journal::Mode::kReadOnly, &j).WithContext("the lab's journal"));
    for (size_t k = 0; k < out->replayed.size() && k < lab_ops.size(); ++k) {
      LVU_RETURN_IF_ERROR(j->ReadOp(lab_ops[k].op_id, &out->replayed[k]).WithContext("the lab's journal"));
      out->lab_ops.push_back(lab_ops[k].op_id);
    }
  }
  out->divergence = replay::Compare(repro.ops, out->replayed);
  const replay::Divergence& d = out->divergence;
  if (d.found) {
    int rec = d.recorded != nullptr ? RecordedSession(repro, d.op, d.recorded->seq) : -1;
    int rep = d.replayed != nullptr ? ReplayedSession(out->sessions, d.op, d.replayed->seq) : -1;
    out->divergence_session = rec >= 0 ? rec : rep;
  }
  return Status::OK();
}

}  // namespace lvu::tools
