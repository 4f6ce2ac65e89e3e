#include "cli/op_report.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "cli/commands.h"

namespace lvu::cli {
namespace {

std::string Seconds(int64_t s) { return s < 0 ? "-" : std::to_string(s) + " s"; }

nlohmann::json SecondsJson(int64_t s) { return s < 0 ? nlohmann::json(nullptr) : nlohmann::json(s); }

int ExitOf(const actions::OpResult& r, bool requested_rollback) {
  if (requested_rollback && r.ending == actions::Ending::kRolledBack) return kExitOk;
  return actions::ExitCode(r.ending);
}

int64_t Total(const actions::OpResult& r) {
  return r.clock_start_s >= 0 && r.clock_end_s >= 0 ? r.clock_end_s - r.clock_start_s : -1;
}

void PrintText(const std::string& log, const actions::OpResult& r) {
  if (r.op_id.empty()) {  // nothing to act on: no operation to report
    std::printf("Nothing to do: %s.\n", r.reason.c_str());
    return;
  }
  std::printf("Operation:     %s\n", r.op_id.c_str());
  std::printf("Outcome:       %s\n", actions::EndingName(r.ending));
  if (!r.reason.empty()) std::printf("Reason:        %s\n", r.reason.c_str());
  // Actual against the preview's estimate, when validation got that far.
  auto vs = [&r](int64_t estimated) {
    const std::string clock = r.simulated_clock ? "simulated" : "";
    if (estimated < 0) return clock.empty() ? std::string() : " (" + clock + ")";
    return " (" + (clock.empty() ? "" : clock + "; ") + "estimated " + Seconds(estimated) + ")";
  };
  std::printf("Blackout time: %s%s\n", Seconds(r.blackout_s).c_str(), vs(r.estimated_blackout_s).c_str());
  std::printf("Total time:    %s%s\n", Seconds(Total(r)).c_str(), vs(r.estimated_global_s).c_str());
  std::printf("Log:           %s\n", log.c_str());
  PrintNext(r);
}

}  // namespace

void PrintNext(const actions::OpResult& r) {
  std::vector<NextCommand> next = NextCommands(r);
  if (next.empty()) return;
  if (r.needs_decision) {
    std::printf("\n%s %s failed %u time(s); the last error:\n  %s\n",
                r.failed_compensating ? "The compensation of" : "Step", r.failed_step.c_str(), r.attempts,
                r.last_error.c_str());
    std::printf("The operation is stopped until you decide (an errlog entry LVUPDATE says so). Next, one of:\n");
  } else {
    std::printf("\nThe operation is interrupted. Next:\n");
  }
  // Descriptions in one column after the commands that fit on their line.
  int width = 0;
  for (const NextCommand& n : next) {
    if (n.command.size() <= 44) width = std::max(width, static_cast<int>(n.command.size()) + 2);
  }
  for (const NextCommand& n : next) {
    if (n.command.size() <= 44) {
      std::printf("  %-*s %s\n", width, n.command.c_str(), n.what.c_str());
    } else {
      std::printf("  %s\n      %s\n", n.command.c_str(), n.what.c_str());
    }
  }
}

namespace {

void PrintJson(const std::string& log, const actions::OpResult& r, int exit_code) {
  nlohmann::json next = nlohmann::json::array();
  for (const NextCommand& n : NextCommands(r)) next.push_back({{"command", n.command}, {"what", n.what}});
  nlohmann::json out = {{"id", r.op_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.op_id)},
                        {"outcome", actions::EndingName(r.ending)},
                        {"exit_code", exit_code},
                        {"reason", r.reason},
                        {"blackout_s", SecondsJson(r.blackout_s)},
                        {"total_s", SecondsJson(Total(r))},
                        {"estimated_blackout_s", SecondsJson(r.estimated_blackout_s)},
                        {"estimated_total_s", SecondsJson(r.estimated_global_s)},
                        {"log", log.empty() ? nlohmann::json(nullptr) : nlohmann::json(log)},
                        {"waiting_for_operator", r.needs_decision},
                        {"next", next}};
  if (r.needs_decision) {
    out["gave_up"] = {{"step", r.failed_step},
                      {"direction", r.failed_compensating ? "compensate" : "forward"},
                      {"attempts", r.attempts},
                      {"error", r.last_error},
                      {"skippable", !r.skip_note.empty()}};
  }
  std::printf("%s\n", out.dump(2).c_str());
}

}  // namespace

std::vector<NextCommand> NextCommands(const actions::OpResult& r) {
  std::vector<NextCommand> next;
  if (r.needs_decision) {
    next.push_back({"lvupdate resume --retry-step [--reason TEXT]", "run it again, after fixing its cause"});
    if (!r.skip_note.empty()) {
      next.push_back({"lvupdate resume --skip " + r.failed_step + " --reason TEXT",
                      "mark it done without running it: " + r.skip_note});
    }
    if (r.failed_compensating) {
      next.push_back({"lvupdate rollback", "retry the rollback"});
    } else if (!r.past_point_of_no_return) {
      next.push_back({"lvupdate rollback", "undo the update"});
    }
  } else if (r.ending == actions::Ending::kInterrupted) {
    next.push_back({"lvupdate resume", "finish it"});
    next.push_back({"lvupdate rollback", "undo it (past the point of no return: finish, then revert)"});
  }
  return next;
}

int ReportOutcome(const std::string& log, const Status& s, const actions::OpResult& r, bool requested_rollback,
                  bool json) {
  if (!s.ok()) {
    std::fprintf(stderr, "lvupdate: %s\n", s.message().c_str());
    return s.IsInvalidArgument() || s.IsNotFound() ? kExitBadInput : kExitCannotRun;
  }
  const int code = ExitOf(r, requested_rollback);
  if (json) {
    PrintJson(log, r, code);
  } else {
    PrintText(log, r);
  }
  spdlog::info("{} ended {}: {}", r.op_id, actions::EndingName(r.ending), r.reason);
  return code;
}

}  // namespace lvu::cli
