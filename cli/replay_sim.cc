// replay --against-sim: the command part (replay/reproduce.h is the pure part).
#include "cli/replay_sim.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actions/plan.h"
#include "base/file.h"
#include "cli/home.h"
#include "cli/journal_reader.h"
#include "cli/journal_view.h"
#include "cli/replay_sources.h"
#include "journal/event_codec.h"
#include "journal/journal.h"
#include "replay/reproduce.h"
#include "replay/timeline.h"

extern char** environ;

namespace lvu::cli {
namespace {

using journal::Event;
using journal::Journal;
using replay::ReproSession;


int Fail(int code, const std::string& m) {
  std::fprintf(stderr, "lvupdate: replay: %s\n", m.c_str());
  return code;
}

// --- where the recorded events come from -----------------------------------

// Every operation found, by id, each in seq order.
// --- running the lab --------------------------------------------------------

struct Lab {
  std::string home;
  std::string self;    // this binary
  std::string log;     // every command's output, appended
  bool quiet = false;  // --json: no progress
};

// Runs `self --home HOME --speed max ARGS`, output appended to the lab's log;
// `input` (a secret) goes to its standard input. The exit code, or 128+signal.
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

nlohmann::json FaultJson(const replay::SimFault& f) {
  return {{"step", f.step}, {"kind", f.kind}, {"phase", f.phase}, {"times", f.times}};
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

struct SessionRun {
  int exit_code = -1;
  // Each lab operation's last seq after the session (by index, oldest first).
  std::vector<uint64_t> last_seq;
};

// The session of the replay that wrote event `seq` of lab operation `op`.
int ReplayedSession(const std::vector<SessionRun>& runs, size_t op, uint64_t seq) {
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

// An event as `journal events` prints it, with its clock from its operation.
std::string Line(const Event* e, const std::vector<Event>& op) {
  if (e == nullptr) return "(none: the operation ends before)";
  replay::Timeline t = replay::BuildTimeline(op);
  size_t i = static_cast<size_t>(e - op.data());
  return EventLine(*e, op.front().op_started.plan, i < t.clock.size() ? t.clock[i] : -1);
}

std::string SessionLabel(const replay::Reproduction& r, int i) {
  if (i < 0) return "?";
  return "session " + std::to_string(i + 1) + " of " + std::to_string(r.sessions.size()) + ": " +
         replay::CommandText(r.sessions[i]);
}

}  // namespace

int CmdReplayAgainstSim(const GlobalOptions& g, const ReplayOptions& o) {
  if (o.until) return Fail(kExitBadInput, "--until does not go with --against-sim");

  // The recorded operation, and for a revert the update it reverts.
  std::string scratch;
  {
    char tmpl[] = "/tmp/lvupdate-replay-in-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) return Fail(kExitCannotRun, std::string("mkdtemp: ") + std::strerror(errno));
    scratch = tmpl;
  }
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code ec;
      if (!dir.empty()) std::filesystem::remove_all(dir, ec);
    }
  } scratch_cleanup{scratch};

  OpEvents ops;
  std::string op;
  JournalReader reader;  // the home's journal, when there is one
  if (!o.from.empty()) {
    if (int rc = LoadReplayFiles(o.from, &ops); rc != kExitOk) return rc;
    if (o.op.empty()) {
      op = ops.rbegin()->first;  // the newest (ids are time-ordered), as the journal commands default
    } else if (int rc = ResolveInFiles(ops, o.op, &op); rc != kExitOk) {
      return rc;
    }
    // The home's journal may hold the update a revert reverts; no home is no error.
    if (std::string h; ResolveHome(g.home, &h).ok()) {
      std::unique_ptr<Journal> j;
      if (Journal::Open(h + "/journal", Journal::Mode::kReadOnly, &j).ok()) reader.journal = std::move(j);
    }
  } else {
    if (int rc = OpenJournalReader(g, &reader); rc != kExitOk) return rc;
    if (int rc = ResolveOpArg(reader, o.op, &op); rc != kExitOk) return rc;
    Status s = reader.journal->ReadOp(op, &ops[op]);
    if (!s.ok()) return FailJournalRead(s);
  }
  const std::vector<Event>& recorded = ops[op];
  if (recorded.empty() || recorded.front().kind != journal::EventKind::kOpStarted) {
    return Fail(kExitBadInput, "operation " + op + " has no opStarted event");
  }
  const std::string& reverts = recorded.front().op_started.reverts;
  if (recorded.front().op_started.op_kind == journal::OpKind::kRevert && ops.count(reverts) == 0 &&
      reader.journal != nullptr) {
    std::vector<Event> ev;
    if (reader.journal->ReadOp(reverts, &ev).ok()) ops[reverts] = std::move(ev);
  }
  reader.journal.reset();
  const std::vector<Event>* update = ops.count(reverts) != 0 ? &ops[reverts] : nullptr;

  replay::Reproduction repro = replay::Derive(recorded, update);
  if (!repro.problem.empty()) {
    if (repro.problem.find("not at hand") != std::string::npos) {
      repro.problem += " (give its export too: --from UPDATE.jsonl --from REVERT.jsonl)";
    }
    return Fail(kExitBadInput, "operation " + op + " cannot be reproduced on the simulator: " + repro.problem);
  }
  for (const auto* ev : repro.ops) {
    const journal::OpStarted& st = ev->front().op_started;
    if (actions::StepNames(actions::MakePlan(st.op_kind)) != st.plan) {
      return Fail(kExitBadInput, "operation " + ev->front().op_id +
                                     " was recorded with a plan this lvupdate does not know: it cannot be replayed");
    }
  }

  // The lab.
  Lab lab;
  lab.quiet = o.json;
  {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return Fail(kExitCannotRun, "cannot find this program (/proc/self/exe)");
    lab.self.assign(buf, static_cast<size_t>(n));
  }
  if (!o.keep.empty()) {
    std::error_code ec;
    std::filesystem::path keep = std::filesystem::absolute(o.keep, ec);
    if (std::filesystem::exists(keep, ec) && !std::filesystem::is_empty(keep, ec)) {
      return Fail(kExitBadInput, "--keep " + o.keep + ": the directory exists and is not empty");
    }
    std::filesystem::create_directories(keep, ec);
    if (ec) return Fail(kExitCannotRun, "--keep " + o.keep + ": " + ec.message());
    lab.home = keep.string();
  } else {
    char tmpl[] = "/tmp/lvupdate-replay-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) return Fail(kExitCannotRun, std::string("mkdtemp: ") + std::strerror(errno));
    lab.home = tmpl;
  }
  Cleanup lab_cleanup{o.keep.empty() ? lab.home : ""};
  lab.log = o.keep.empty() ? scratch + "/replay.log" : lab.home + "/replay.log";

  auto progress = [&](const std::string& line) {
    if (!lab.quiet) std::fprintf(stderr, "%s\n", line.c_str());
  };
  const journal::OpStarted& started = repro.ops.front()->front().op_started;
  progress("replay: operation " + op + " (" + OpKindName(recorded.front().op_started.op_kind) + ", " +
           std::to_string(repro.sessions.size()) + " session" + (repro.sessions.size() == 1 ? "" : "s") +
           ") on a fresh simulated lab in " + lab.home);
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
    size_t at = said.find("lvupdate: --system: ");
    std::string why = at == std::string::npos ? said : said.substr(at + 20);
    while (!why.empty() && why.back() == '\n') why.pop_back();
    return Fail(kExitBadInput, "the recorded system cannot be made in the lab: " + why);
  }
  if (rc != 0) return Fail(kExitCannotRun, "`lvupdate sim init` in the lab failed (exit " + std::to_string(rc) + ")");
  int changed = 0;
  if (size_t at = said.find("The recorded system: "); at != std::string::npos) changed = std::atoi(said.c_str() + at + 21);
  if (changed > 0) progress("replay: the lab made the recorded system: " + std::to_string(changed) + " setting(s) applied");
  Status s = WriteFileAtomically(lab.home + "/lvupdate.data", started.config);
  if (!s.ok()) return Fail(kExitCannotRun, s.message());
  std::vector<std::string> fixes;
  for (const std::string& f : started.fixes) {
    std::string base = LabFix(lab.home, f);
    if (base.empty()) {
      return Fail(kExitBadInput, "the fix " + f + " is neither one of the lab's nor readable here: it cannot be replayed");
    }
    fixes.push_back(base);
  }

  std::vector<SessionRun> runs;
  nlohmann::json sessions_json = nlohmann::json::array();
  int exit_mismatch = -1;
  for (size_t i = 0; i < repro.sessions.size(); ++i) {
    const ReproSession& rs = repro.sessions[i];
    if (RunLab(lab, {"sim", "fault", "clear"}) != 0) return Fail(kExitCannotRun, "`sim fault clear` failed in the lab");
    std::string faults;
    nlohmann::json faults_json = nlohmann::json::array();
    for (const auto& f : rs.faults) {
      std::vector<std::string> a = {"sim",     "fault", "add",   f.step, "--kind", f.kind, "--phase", f.phase,
                                    "--times", std::to_string(f.times)};
      if (RunLab(lab, a) != 0) return Fail(kExitCannotRun, "`sim fault add " + f.step + "` failed in the lab");
      faults += (faults.empty() ? "" : ", ") + FaultText(f);
      faults_json.push_back(FaultJson(f));
    }
    std::vector<std::string> args = replay::CommandArgs(rs);
    std::string text = replay::CommandText(rs);
    if (rs.command == ReproSession::Command::kRun) {
      args.push_back("-d");
      args.push_back(lab.home + "/fixes");
      args.insert(args.end(), fixes.begin(), fixes.end());
      for (const auto& f : fixes) text += " " + f;
    }
    progress("replay: session " + std::to_string(i + 1) + "/" + std::to_string(repro.sessions.size()) + ": " + text +
             (faults.empty() ? "" : "   [faults: " + faults + "]"));
    SessionRun run;
    run.exit_code = RunLab(lab, args);
    std::vector<journal::OpSummary> lab_ops;
    s = LabOps(lab, &lab_ops);
    if (!s.ok()) return Fail(kExitCannotRun, "the lab's journal: " + s.message());
    for (const auto& sum : lab_ops) run.last_seq.push_back(sum.last_seq);
    const bool mismatch = rs.expected_exit >= 0 && run.exit_code != rs.expected_exit;
    progress("replay:   exit " + std::to_string(run.exit_code) +
             (rs.expected_exit >= 0 ? " (recorded: " + std::to_string(rs.expected_exit) + ")" : "") +
             (mismatch ? "  <- differs" : ""));
    if (mismatch && exit_mismatch < 0) exit_mismatch = static_cast<int>(i);
    sessions_json.push_back({{"command", text},
                             {"faults", faults_json},
                             {"expected_exit", rs.expected_exit >= 0 ? nlohmann::json(rs.expected_exit) : nlohmann::json()},
                             {"exit", run.exit_code}});
    runs.push_back(std::move(run));
  }

  // The lab's operations, in the order they began: the first is the update.
  std::vector<journal::OpSummary> lab_ops;
  s = LabOps(lab, &lab_ops);
  if (!s.ok()) return Fail(kExitCannotRun, "the lab's journal: " + s.message());
  std::vector<std::vector<Event>> replayed(repro.ops.size());
  {
    std::unique_ptr<Journal> j;
    if (!lab_ops.empty()) {
      s = Journal::Open(lab.home + "/journal", Journal::Mode::kReadOnly, &j);
      if (!s.ok()) return Fail(kExitCannotRun, "the lab's journal: " + s.message());
    }
    for (size_t k = 0; k < replayed.size() && k < lab_ops.size(); ++k) {
      s = j->ReadOp(lab_ops[k].op_id, &replayed[k]);
      if (!s.ok()) return Fail(kExitCannotRun, "the lab's journal: " + s.message());
    }
  }
  replay::Divergence d = replay::Compare(repro.ops, replayed);

  nlohmann::json out = {{"op", op},
                        {"kind", OpKindName(recorded.front().op_started.op_kind)},
                        {"lab", o.keep.empty() ? nlohmann::json() : nlohmann::json(lab.home)},
                        {"sessions", sessions_json},
                        {"events_compared", d.compared},
                        {"notes", repro.notes}};
  nlohmann::json lab_ids = nlohmann::json::array();
  for (size_t k = 0; k < replayed.size() && k < lab_ops.size(); ++k) lab_ids.push_back(lab_ops[k].op_id);
  out["lab_ops"] = lab_ids;
  std::string text;
  int code = kExitOk;
  if (d.found) {
    const std::vector<Event>& rec_op = *repro.ops[d.op];
    const std::vector<Event>& rep_op = replayed[d.op];
    int rec_session = d.recorded != nullptr ? RecordedSession(repro, d.op, d.recorded->seq) : -1;
    int rep_session = d.replayed != nullptr ? ReplayedSession(runs, d.op, d.replayed->seq) : -1;
    int session = rec_session >= 0 ? rec_session : rep_session;
    const std::string rec_line = Line(d.recorded, rec_op);
    const std::string rep_line = d.replayed != nullptr ? Line(d.replayed, rep_op) : "(none: the replay wrote no more events)";
    const uint64_t at = d.recorded != nullptr ? d.recorded->seq : rec_op.back().seq + 1;
    text = "replay: DIVERGENCE at seq " + std::to_string(at) + " of operation " + rec_op.front().op_id + " (" +
           OpKindName(rec_op.front().op_started.op_kind) + "), after " + std::to_string(d.compared) +
           " events reproduced\n";
    text += "  while:    " + SessionLabel(repro, session) + "\n";
    text += "  recorded: " + rec_line + "\n";
    text += "  replayed: " + rep_line + "\n";
    out["divergence"] = {
        {"op", rec_op.front().op_id},
        {"seq", at},
        {"session", session >= 0 ? nlohmann::json(session + 1) : nlohmann::json()},
        {"command", session >= 0 ? nlohmann::json(replay::CommandText(repro.sessions[session])) : nlohmann::json()},
        {"recorded", d.recorded != nullptr ? nlohmann::json::parse(journal::ToJson(*d.recorded)) : nlohmann::json()},
        {"replayed", d.replayed != nullptr ? nlohmann::json::parse(journal::ToJson(*d.replayed)) : nlohmann::json()},
        {"recorded_line", rec_line},
        {"replayed_line", rep_line}};
    code = kExitCannotRun;
  } else if (exit_mismatch >= 0) {
    const auto& js = sessions_json[static_cast<size_t>(exit_mismatch)];
    text = "replay: DIVERGENCE: every event reproduced, but " + SessionLabel(repro, exit_mismatch) + " exited " +
           js["exit"].dump() + " where the recorded one exited " + js["expected_exit"].dump() + "\n";
    out["divergence"] = {{"session", exit_mismatch + 1},
                         {"command", replay::CommandText(repro.sessions[exit_mismatch])},
                         {"exit", js["exit"]},
                         {"expected_exit", js["expected_exit"]}};
    code = kExitCannotRun;
  } else {
    text = "replay: " + std::to_string(d.compared) + " events reproduced, no divergence\n";
    out["divergence"] = nullptr;
  }
  for (const auto& n : repro.notes) text += "note: " + n + "\n";
  if (d.found || exit_mismatch >= 0) {
    text += o.keep.empty() ? "(run again with --keep DIR to inspect the lab: its journal, world and replay.log)\n"
                           : "The lab is kept in " + lab.home + " (replay.log: every command and its output).\n";
  } else if (!o.keep.empty()) {
    text += "The lab is kept in " + lab.home + ".\n";
  }
  out["ok"] = code == kExitOk;
  if (o.json) {
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    std::printf("%s", text.c_str());
  }
  return code;
}

}  // namespace lvu::cli
