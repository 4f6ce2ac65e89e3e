// run, resume, rollback and status.
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "actions/engine/executor.h"
#include "actions/validation/hmc_token.h"
#include "actions/engine/op_timing.h"
#include "actions/validation/preview.h"
#include "cli/commands.h"
#include "cli/home.h"
#include "actions/engine/recovery_blockers.h"
#include "cli/op_report.h"
#include "tools/preview_record.h"
#include "cli/progress.h"
#include "cli/signals.h"
#include "view/journal_view.h"
#include "view/preview_text.h"
#include "view/validation_report.h"
#include "drivers/open.h"
#include "journal/journal.h"
#include "replay/fold.h"

namespace lvu::cli {
namespace {

int Fail(int code, const Status& s) {
  std::fprintf(stderr, "lvupdate: %s\n", s.message().c_str());
  return code;
}

// The user running the command, as the journal records it: "root", or
// "root (sudo by alice)".
std::string User() {
  const passwd* pw = getpwuid(getuid());
  std::string user = pw != nullptr ? pw->pw_name : "uid " + std::to_string(getuid());
  const char* sudo = std::getenv("SUDO_USER");
  if (sudo != nullptr && *sudo != '\0' && user != sudo) user += std::string(" (sudo by ") + sudo + ")";
  return user;
}

std::string Host() {
  char buf[256] = {0};
  if (gethostname(buf, sizeof buf - 1) != 0) return "localhost";
  return buf;
}

// Everything an operation command needs, opened in order: home, the world,
// the journal (taking the live update lock), the log.
struct Opened {
  std::string home;
  std::unique_ptr<drivers::System> sys;
  std::unique_ptr<journal::Journal> journal;
  std::string log;
};

// The driver the operation that resume or rollback acts on recorded: the
// unfinished one, else the newest. "" when the home has no operation.
std::string DriverOfOperations(const std::string& home) {
  std::unique_ptr<journal::Journal> j;
  if (!journal::Journal::Open(home + "/journal", journal::Journal::Mode::kReadOnly, &j).ok()) return "";
  std::string op;
  if (!j->ActiveOp(&op).ok()) return "";
  if (op.empty() && !j->LatestOp(&op).ok()) return "";
  std::vector<journal::Event> events;
  if (op.empty() || !j->ReadOp(op, &events).ok() || events.empty()) return "";
  return drivers::RecordedDriver(events.front().op_started.driver);
}

// `recorded`: resume and rollback, which act with the driver the operation
// ran with; naming another is bad input.
int Open(const GlobalOptions& g, Opened* o, bool recorded = false) {
  // Before RocksDB starts its threads: they inherit the blocked signals.
  InstallStopSignals();
  Status s = ResolveHome(g.home, &o->home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::string driver = g.driver;
  if (recorded) {
    const std::string ran = DriverOfOperations(o->home);
    if (!ran.empty() && g.driver_named && ran != g.driver) {
      return Fail(kExitBadInput, Status::InvalidArgument("the operation ran with the " + ran +
                                                         " driver: resume and rollback use it (leave --driver " +
                                                         g.driver + " out, or name " + ran + ")"));
    }
    if (!ran.empty()) driver = ran;
  }
  drivers::OpenOptions opts;
  opts.speed = g.speed;
  s = drivers::OpenSystem(driver, o->home, opts, &o->sys);
  if (!s.ok()) return Fail(kExitBadInput, s);
  s = journal::Journal::Open(o->home + "/journal", journal::Journal::Mode::kWrite, &o->journal);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  s = StartLog(o->home, &o->log);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  return kExitOk;
}

// Whether a read-only look shows no operation to resume: no journal, or
// one with no active operation and no lost records (a journal that lost
// records goes the writer's way, which refuses it saying so).
bool NothingToResume(const GlobalOptions& g) {
  std::string home;
  if (!ResolveHome(g.home, &home).ok()) return false;
  std::unique_ptr<journal::Journal> j;
  Status s = journal::Journal::Open(home + "/journal", journal::Journal::Mode::kReadOnly, &j);
  if (s.IsNotFound()) return true;
  std::string active;
  return s.ok() && j->LostRecords().ok() && j->ActiveOp(&active).ok() && active.empty();
}

actions::Settings SettingsFor(const Opened& o, bool no_auto_rollback) {
  actions::Settings st;
  st.auto_rollback = !no_auto_rollback;
  st.host = Host();
  st.hmc_token_file = actions::HmcTokenPath(o.home);
  st.home = o.home;
  st.user = User();
  st.pid = static_cast<uint32_t>(getpid());
  return st;
}

// lvupdate.data, the fix directory (absolute) and the fixes of run and preview.
int PrepareInput(const std::string& home, const RunOptions& o, actions::RunRequest* req, std::string* data_file) {
  *data_file = o.data_file.empty() ? home + "/lvupdate.data" : o.data_file;
  Status s = actions::LoadLvupdateData(*data_file, &req->input.data, &req->config_text);
  if (!s.ok()) return Fail(kExitBadInput, s);
  if (o.fixes.empty()) return Fail(kExitBadInput, Status::InvalidArgument("no ifix given"));
  req->input.fixes = o.fixes;
  req->input.hmc_token_file = actions::HmcTokenPath(home);
  req->input.home = home;
  char cwd[4096];
  std::string here = getcwd(cwd, sizeof cwd) != nullptr ? cwd : ".";
  req->input.fix_dir = o.fix_dir.empty() ? here : o.fix_dir;
  if (req->input.fix_dir[0] != '/') req->input.fix_dir = here + "/" + req->input.fix_dir;
  // What the command line names must be there before an operation is
  // journaled: a typo is bad input (exit 2), not a failed validation.
  struct stat st{};
  if (::stat(req->input.fix_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return Fail(kExitBadInput, Status::InvalidArgument("-d " + req->input.fix_dir + ": no such directory"));
  }
  std::set<std::string> seen;
  for (const std::string& f : o.fixes) {
    const std::string path = !f.empty() && f[0] == '/' ? f : req->input.fix_dir + "/" + f;
    if (!seen.insert(path).second) {
      return Fail(kExitBadInput, Status::InvalidArgument("ifix " + f + " is given twice"));
    }
    if (::stat(path.c_str(), &st) != 0) {
      return Fail(kExitBadInput, Status::InvalidArgument("ifix " + f + ": no file " + path +
                                                            (o.fix_dir.empty() ? " (give the directory with -d)" : "")));
    }
    if (!S_ISREG(st.st_mode)) {
      return Fail(kExitBadInput, Status::InvalidArgument("ifix " + f + ": " + path + " is not a regular file"));
    }
  }
  return kExitOk;
}

int PrintPreview(const actions::PreviewResult& p, bool json) {
  if (json) {
    nlohmann::json out = p.report.ToJson();
    if (p.passed) out["plan"] = p.params.ToJson();
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    std::printf("%s", view::PreviewText(p).c_str());
  }
  return p.passed ? kExitOk : actions::ExitCode(actions::Ending::kFailedValidation);
}

}  // namespace

int CmdPreview(const GlobalOptions& g, const RunOptions& o, bool json) {
  std::string home, data_file;
  Status s = ResolveHome(g.home, &home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  actions::RunRequest req;
  if (int rc = PrepareInput(home, o, &req, &data_file); rc != kExitOk) return rc;
  drivers::OpenOptions opts;
  opts.speed = g.speed;
  std::unique_ptr<drivers::System> sys;
  s = drivers::OpenSystem(g.driver, home, opts, &sys);
  if (!s.ok()) return Fail(kExitBadInput, s);
  if (sys->RunsCommands()) {
    std::string log;
    s = StartLog(home, &log);
    if (!s.ok()) return Fail(kExitCannotRun, s);
    std::fprintf(json ? stderr : stdout, "The commands run and their output: %s\n\n", log.c_str());
  }
  actions::PreviewResult p;
  s = actions::Preview(*sys, req.input, &p);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  const int rc = PrintPreview(p, json);
  // Kept for the support bundle (`lvupdate snap`); nothing else is written.
  const int64_t now_us = std::chrono::duration_cast<std::chrono::microseconds>(
                             std::chrono::system_clock::now().time_since_epoch()).count();
  s = tools::SavePreviewRecord(home, data_file, req.input, p, rc, now_us);
  if (!s.ok()) std::fprintf(stderr, "lvupdate: warning: the preview's results were not kept: %s\n", s.message().c_str());
  return rc;
}

int CmdRun(const GlobalOptions& g, const RunOptions& o) {
  std::string home, data_file;
  Status s = ResolveHome(g.home, &home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  actions::RunRequest req;
  if (int rc = PrepareInput(home, o, &req, &data_file); rc != kExitOk) return rc;
  if (req.input.data.mode == actions::LvupdateData::Mode::kPreview) {
    std::fprintf(o.json ? stderr : stdout, "%s has mode = preview: previewing only.\n\n", data_file.c_str());
    GlobalOptions resolved = g;
    resolved.home = home;
    return CmdPreview(resolved, o, o.json);
  }
  GlobalOptions resolved = g;
  resolved.home = home;
  Opened op;
  if (int rc = Open(resolved, &op); rc != kExitOk) return rc;
  spdlog::info("lvupdate run: lvupdate.data {}, fix directory {}", data_file, req.input.fix_dir);
  Progress progress(o.json ? stderr : stdout, g.verbose);
  actions::Executor ex(op.journal.get(), op.sys.get(), &progress, SettingsFor(op, o.no_auto_rollback));
  actions::OpResult r;
  s = ex.Run(req, &r);
  return ReportOutcome(op.log, s, r, false, o.json);
}

int CmdResume(const GlobalOptions& g, const ResumeOptions& o) {
  actions::ResumeOverride ov;
  if (o.retry_step) ov.kind = actions::ResumeOverride::Kind::kRetryStep;
  if (!o.skip.empty()) ov.kind = actions::ResumeOverride::Kind::kSkipStep;
  ov.step = o.skip;
  ov.reason = o.reason;
  if (ov.kind == actions::ResumeOverride::Kind::kNone && !o.reason.empty()) {
    return Fail(kExitBadInput, Status::InvalidArgument("--reason goes with --retry-step or --skip"));
  }
  // The reason is journaled and printed: one line of text, no terminal escapes.
  for (size_t i = 0; i < o.reason.size(); i++) {
    const unsigned char c = static_cast<unsigned char>(o.reason[i]);
    if (c < 0x20 || c == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      return Fail(kExitBadInput, Status::InvalidArgument("--reason holds a control character (" + std::string(hex) +
                                                            " at byte " + std::to_string(i + 1) +
                                                            "): write the reason as plain text on one line"));
    }
  }
  if (!o.reason.empty() && o.reason.find_first_not_of(" ") == std::string::npos) {
    return Fail(kExitBadInput, Status::InvalidArgument("--reason is blank: say why, in words"));
  }
  if (ov.kind == actions::ResumeOverride::Kind::kNone && !g.driver_named && NothingToResume(g)) {
    // Read-only: no writer's open (its syncs), no log, no journal created.
    actions::OpResult r;
    r.ending = actions::Ending::kNothingToDo;
    r.reason = actions::kNothingToResume;
    return ReportOutcome("", Status::OK(), r, false, o.json);
  }
  Opened op;
  if (int rc = Open(g, &op, /*recorded=*/true); rc != kExitOk) return rc;
  std::FILE* out = o.json ? stderr : stdout;
  Progress progress(out, g.verbose);
  actions::Executor ex(op.journal.get(), op.sys.get(), &progress, SettingsFor(op, o.no_auto_rollback));
  std::string active;
  if (op.journal->ActiveOp(&active).ok() && !active.empty()) {
    std::fprintf(out, "Resuming live update operation %s.\n\n", active.c_str());
  }
  actions::OpResult r;
  Status s = ex.Resume(ov, &r);
  return ReportOutcome(op.log, s, r, false, o.json);
}

int CmdRollback(const GlobalOptions& g, bool json, const std::string& op_arg) {
  Opened op;
  if (int rc = Open(g, &op, /*recorded=*/true); rc != kExitOk) return rc;
  std::FILE* out = json ? stderr : stdout;
  Progress progress(out, g.verbose);
  actions::Executor ex(op.journal.get(), op.sys.get(), &progress, SettingsFor(op, false));
  std::string active;
  if (op.journal->ActiveOp(&active).ok() && !active.empty()) {
    std::fprintf(out, "Rolling back live update operation %s.\n\n", active.c_str());
  }
  actions::OpResult r;
  Status s = ex.Rollback(op_arg, &r);
  return ReportOutcome(op.log, s, r, /*requested_rollback=*/true, json);
}

int CmdStatus(const GlobalOptions& g, bool json) {
  std::string home;
  Status s = ResolveHome(g.home, &home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::string dir = home + "/journal";
  std::unique_ptr<journal::Journal> j;
  s = journal::Journal::Open(dir, journal::Journal::Mode::kReadOnly, &j);
  std::string op;
  if (s.ok()) {
    s = j->ActiveOp(&op);
    if (s.ok() && op.empty()) s = j->LatestOp(&op);
  }
  if (s.IsNotFound()) {
    if (json) std::printf("%s\n", nlohmann::json{{"id", nullptr}, {"status", "none"}, {"steps", nlohmann::json::array()}}.dump(2).c_str());
    else std::printf("No live update operation has been run from %s.\n", home.c_str());
    return kExitOk;
  }
  if (!s.ok()) return Fail(kExitCannotRun, s);
  // The newest operation run from this home, rather than one imported from
  // another system (`journal import`), unless there is only that.
  bool imported = false;
  {
    // The newest few summaries hold the answer unless the newest operations
    // are all imported ones, or the chosen one is older than them: then
    // the whole list (status's time stays that of the few otherwise).
    constexpr size_t kNewest = 16;
    std::vector<journal::OpSummary> ops;
    Status listed = j->NewestOps(kNewest, &ops);
    const bool has_op =
        std::any_of(ops.begin(), ops.end(), [&](const journal::OpSummary& x) { return x.op_id == op; });
    const bool has_own =
        std::any_of(ops.begin(), ops.end(), [](const journal::OpSummary& x) { return !x.imported; });
    if (listed.ok() && ops.size() == kNewest && (!has_op || !has_own)) listed = j->ListOps(&ops);
    if (listed.ok()) {
      std::string chosen;
      for (const auto& sum : ops) {
        if (sum.op_id == op && !sum.imported) chosen = op;
      }
      if (chosen.empty()) {
        for (const auto& sum : ops) {
          if (!sum.imported) {
            chosen = sum.op_id;
            break;
          }
        }
      }
      if (!chosen.empty()) op = chosen;
      for (const auto& sum : ops) {
        if (sum.op_id == op) imported = sum.imported;
      }
    }
  }
  std::vector<journal::Event> events;
  s = j->ReadOp(op, &events);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  replay::OperationState st = replay::Fold(events);
  bool held = false;
  int pid = 0;
  journal::LockHolder(dir, &held, &pid);
  const std::string status = !st.finished && imported ? "imported" : view::OpStatus(st, held);
  actions::OpTiming t = actions::TimingOf(events);
  // What keeps recovery from acting (lost records, the world ahead).
  std::string active;
  if (!j->ActiveOp(&active).ok() || active != op || held) active.clear();
  std::vector<journal::Problem> blockers = held ? std::vector<journal::Problem>{} : actions::RecoveryBlockers(home, j.get(), active);
  if (json) {
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& step : st.steps) {
      steps.push_back({{"name", step.name}, {"state", replay::StepStateName(step.state)},
                       {"attempts", step.attempts}, {"compensate_attempts", step.compensate_attempts},
                       {"last_error", step.last_error}});
    }
    nlohmann::json out = {{"id", op},
                          {"kind", st.info.op_kind == journal::OpKind::kRevert ? "revert" : "update"},
                          {"status", status},
                          {"driver", drivers::RecordedDriver(st.info.driver)},
                          {"fixes", st.info.fixes},
                          {"point_of_no_return", st.point_of_no_return},
                          {"rolling_back", st.rolling_back},
                          {"blackout_s", t.blackout_s()},
                          {"total_s", t.total_s()},
                          {"steps", steps}};
    if (!st.info.reverts.empty()) out["reverts"] = st.info.reverts;
    if (held) out["pid"] = pid;
    out["imported"] = imported;
    nlohmann::json blocked = nlohmann::json::array();
    for (const auto& b : blockers) blocked.push_back({{"key", b.key}, {"what", b.what}});
    out["blocked"] = blocked;
    out["waiting_for_operator"] = st.gave_up && !st.finished;
    if (st.gave_up && !st.finished) {
      out["gave_up"] = {{"step", st.steps[st.gave_up_info.step].name},
                        {"direction", journal::DirectionName(st.gave_up_info.direction)},
                        {"attempts", st.gave_up_info.attempts},
                        {"error", st.gave_up_info.error}};
    }
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }
  std::printf("Operation: %s (%s)\n", op.c_str(), st.info.op_kind == journal::OpKind::kRevert ? "revert" : "update");
  std::printf("Status:    %s%s\n", status.c_str(), held ? (" (pid " + std::to_string(pid) + ")").c_str() : "");
  std::printf("Driver:    %s\n", drivers::RecordedDriver(st.info.driver).c_str());
  if (imported) {
    std::printf("           (imported from another system with `journal import`: resume and rollback never act\n"
                "           on it; `lvupdate journal show %s` tells its story, `lvupdate replay %s --against-sim`\n"
                "           re-runs it on a fresh simulated lab)\n",
                op.c_str(), op.c_str());
  }
  if (!st.info.reverts.empty()) std::printf("Reverts:   %s\n", st.info.reverts.c_str());
  std::printf("Point of no return: %s\n\n", st.point_of_no_return ? "passed" : "not reached");
  for (size_t i = 0; i < st.steps.size(); i++) {
    const auto& step = st.steps[i];
    if (step.last_error.empty()) {
      std::printf("  %2zu  %-24s %s\n", i + 1, step.name.c_str(), replay::StepStateName(step.state));
    } else {
      std::printf("  %2zu  %-24s %-18s  %s\n", i + 1, step.name.c_str(), replay::StepStateName(step.state),
                  step.last_error.c_str());
    }
  }
  if (!blockers.empty()) {
    std::printf("\nThe journal cannot be acted upon: resume and rollback refuse it.\n");
    for (const auto& b : blockers) std::printf("  %s: %s\n", b.key.c_str(), b.what.c_str());
    std::printf("See `lvupdate journal verify` and docs/operations.md, \"A journal that lost records\".\n");
    return kExitOk;
  }
  if (status == "interrupted") PrintNext(actions::RecordedResult(events));
  return kExitOk;
}

}  // namespace lvu::cli
