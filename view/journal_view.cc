// The journal commands' output: see journal_view.h.
#include "view/journal_view.h"

#include <cstdio>
#include <ctime>

#include "actions/apps/script_ledger.h"
#include "journal/event_codec.h"
#include "base/str_printf.h"

namespace lvu::view {

namespace {

using journal::Direction;
using journal::EventKind;
using nlohmann::json;
using replay::Span;


std::string Time(int64_t us, const char* date_fmt, const char* suffix) {
  if (us == 0) return "-";
  std::time_t secs = static_cast<std::time_t>(us / 1000000);
  int ms = static_cast<int>((us % 1000000) / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, date_fmt, &tm);
  return StrPrintf("%s.%03d%s", buf, ms, suffix);
}

// Params or output for a person: the JSON object without the clock reading
// (printed in its own column), "" when nothing else is in it.
std::string Payload(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return text;
  if (j.is_object()) {
    j.erase("clock_s");
    if (j.empty()) return "";
  }
  return j.dump();
}

// Params or output in JSON: the object itself when the text is JSON.
json Embedded(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  return j.is_discarded() ? json(text) : j;
}

std::string Seconds(int64_t s) { return s < 0 ? "-" : std::to_string(s) + " s"; }
json SecondsJson(int64_t s) { return s < 0 ? json(nullptr) : json(s); }

std::string StepName(const std::vector<std::string>& plan, uint32_t step) {
  std::string n = "step " + std::to_string(step + 1);
  if (step < plan.size()) n += " " + plan[step];
  return n;
}

json MarkJson(const replay::Mark& m) {
  if (!m.present) return nullptr;
  return {{"seq", m.seq}, {"clock_s", SecondsJson(m.clock_s)}, {"time", IsoTime(m.time_us)}};
}

std::string SpanLabel(const Span& s) {
  if (s.attempt == 0) return "compensate (probe)";
  return StrPrintf("%s #%u", journal::DirectionName(s.direction), s.attempt);
}

std::string SpanResult(const Span& s) {
  std::string r;
  switch (s.end) {
    case Span::End::kDone: r = "done"; break;
    case Span::End::kCompensated: r = "compensated"; break;
    case Span::End::kOpen: r = "no result (interrupted or running)"; break;
    case Span::End::kFailed: r = std::string("FAILED") + (s.retryable ? " (retryable)" : "") + ": " + s.error; break;
  }
  if (s.recovered) r += s.direction == Direction::kForward ? " (found done by probe)" : " (found undone by probe)";
  return r;
}

std::string BlackoutText(const replay::Timeline& t) {
  if (t.blackout_start_s < 0) return "none: the workload was never frozen";
  if (t.blackout_end_s < 0) return "from clock " + std::to_string(t.blackout_start_s) + " s, not ended: the workload is frozen";
  return Seconds(t.blackout_seconds()) + ", clock " + std::to_string(t.blackout_start_s) + " s to " +
         std::to_string(t.blackout_end_s) + " s" +
         (t.blackout_ended_by_thaw ? ", ended by the rollback thawing the workload on the original"
                                   : ", ended with the workload running on the surrogate");
}

}  // namespace

std::string WallTime(int64_t us) { return Time(us, "%Y-%m-%d %H:%M:%S", " UTC"); }
std::string IsoTime(int64_t us) { return us == 0 ? "" : Time(us, "%Y-%m-%dT%H:%M:%S", "Z"); }

const char* OpKindName(journal::OpKind k) { return k == journal::OpKind::kRevert ? "revert" : "update"; }

std::string OpStatus(const replay::OperationState& s, bool running) {
  if (s.finished) return journal::OutcomeName(s.outcome);
  return running ? "running" : "interrupted";
}

std::string OpStatus(const journal::OpSummary& s, bool running) {
  if (s.finished) return journal::OutcomeName(s.outcome);
  return running ? "running" : "interrupted";
}

std::string NoteText(const journal::Event& e, const std::vector<std::string>& plan) {
  auto dir = [](journal::Direction d) { return d == journal::Direction::kCompensate ? " (undo)" : ""; };
  switch (e.kind) {
    case EventKind::kSession:
      return "`lvupdate " + e.session.command + "` by " + e.session.user + " on " + e.session.host + ", pid " +
             std::to_string(e.session.pid);
    case EventKind::kOperatorAction: {
      const journal::OperatorAction& a = e.op_action;
      std::string what = a.action == journal::OperatorActionKind::kSkipStep ? "skip " : "retry ";
      return what + StepName(plan, a.step) + dir(a.direction) + ", by " + a.user +
             (a.reason.empty() ? "" : ": " + a.reason);
    }
    case EventKind::kGaveUp:
      return StepName(plan, e.gave_up.step) + dir(e.gave_up.direction) + " gave up after " +
             std::to_string(e.gave_up.attempts) + " attempt(s): " + e.gave_up.error;
    case EventKind::kStopped:
      return "stopped " + e.stopped.where + " at the operator's request (" + e.stopped.signal + " to pid " +
             std::to_string(e.stopped.pid) + ")";
    case EventKind::kScriptIntent: {
      const journal::ScriptIntent& x = e.script_intent;
      return x.phase + " " + x.side + " " + x.label + ": " + x.command +
             (x.attempt > 1 ? " (attempt " + std::to_string(x.attempt) + ")" : "");
    }
    case EventKind::kScriptDone: {
      const journal::ScriptDone& d = e.script_done;
      return d.phase + " " + d.side + " " + d.label + ": " +
             actions::DescribeScriptDone(d, static_cast<uint32_t>(d.elapsed_ms / 1000)) + " (ran " +
             std::to_string(d.elapsed_ms) + " ms)";
    }
    default:
      return journal::ToJson(e);
  }
}

std::string ShowText(const replay::Timeline& t, const std::string& status) {
  const replay::OperationState& st = t.state;
  std::string o;
  o += "Operation " + st.op_id + " (" + OpKindName(st.info.op_kind) + "): " + status + "\n";
  std::string fixes;
  for (const auto& f : st.info.fixes) fixes += (fixes.empty() ? "" : " ") + f;
  if (!fixes.empty()) o += "  Fixes:        " + fixes + "\n";
  if (!st.info.reverts.empty()) o += "  Reverts:      " + st.info.reverts + "\n";
  o += "  Host:         " + st.info.host + " (driver " + st.info.driver + ", lvupdate " + st.info.tool_version + ")\n";
  o += "  Started:      " + WallTime(st.started_us) + "\n";
  o += "  Finished:     " + (st.finished ? WallTime(st.finished_us) : std::string("-")) + "\n";
  o += "  Events:       " + std::to_string(t.events) + (t.events ? " (seq 0 to " + std::to_string(t.events - 1) + ")" : "") + "\n";
  o += "  Clock:        " +
       (t.seconds() >= 0 ? std::to_string(t.start_s) + " s to " + std::to_string(t.end_s) + " s (" +
                               Seconds(t.seconds()) + ")"
                         : std::string("no readings")) +
       "\n";
  if (!st.checks.empty()) {
    int passed = 0, failed = 0, info = 0;
    for (const auto& c : st.checks) {
      if (c.result == journal::CheckOutcome::kPassed) passed++;
      else if (c.result == journal::CheckOutcome::kFailed) failed++;
      else info++;
    }
    o += StrPrintf("  Checks:       %d passed, %d failed, %d info\n", passed, failed, info);
  }
  if (st.has_estimate) {
    o += "  Estimate:     blackout " + Seconds(st.estimate.blackout_s) + ", total " + Seconds(st.estimate.global_s) + "\n";
  }
  o += "  Point of no return: " +
       (t.ponr.present ? "passed at seq " + std::to_string(t.ponr.seq) + " (clock " + Seconds(t.ponr.clock_s) + ")"
                       : std::string("not reached")) +
       "\n";
  o += "  Blackout:     " + BlackoutText(t) + "\n";
  if (t.rollback.present) {
    o += "  Rollback:     " + std::string(st.rollback.automatic ? "automatic" : "requested") + ", at seq " +
         std::to_string(t.rollback.seq) + " (clock " + Seconds(t.rollback.clock_s) + "): " + st.rollback.reason + "\n";
  }
  for (const auto& c : st.checks) {
    if (c.result == journal::CheckOutcome::kFailed) o += "  FAILED check: " + c.name + ": " + c.message + "\n";
  }

  o += "\nSteps (clock in seconds; seq: the journal's event numbers):\n";
  for (const replay::StepLine& line : t.steps) {
    o += StrPrintf("  %2u  %-24s %s", line.index + 1, line.name.c_str(), replay::StepStateName(line.status.state));
    if (line.status.attempts > 1) o += StrPrintf(", %u attempts", line.status.attempts);
    if (line.status.skipped) o += ", SKIPPED by " + line.status.skipped_by + ": " + line.status.skip_reason;
    o += "\n";
    std::string last_params;
    for (const Span& s : line.spans) {
      std::string seqs = s.end_seq != s.start_seq ? StrPrintf("%llu-%llu", static_cast<unsigned long long>(s.start_seq),
                                                           static_cast<unsigned long long>(s.end_seq))
                                                  : std::to_string(s.start_seq);
      std::string clock = s.start_s < 0 ? "" : StrPrintf("%5lld -> %5lld s", static_cast<long long>(s.start_s),
                                                      static_cast<long long>(s.end_s));
      std::string dur = s.seconds() >= 0 && s.end != Span::End::kOpen ? "(" + Seconds(s.seconds()) + ")" : "";
      o += StrPrintf("        %-20s seq %-8s %s  %-17s %-8s %s\n", SpanLabel(s).c_str(), seqs.c_str(),
                  WallTime(s.start_us).substr(11, 12).c_str(), clock.c_str(), dur.c_str(), SpanResult(s).c_str());
      // Params are printed when they change: a retry or an undo mostly uses the same.
      if (std::string p = Payload(s.params); !p.empty() && p != last_params) o += "            params " + p + "\n";
      if (!s.params.empty()) last_params = Payload(s.params);
      if (std::string p = Payload(s.output); !p.empty()) o += "            output " + p + "\n";
    }
  }
  if (!t.notes.empty()) {
    o += "\nSessions, operator decisions and notification scripts:\n";
    for (const replay::Note& n : t.notes) {
      o += StrPrintf("  seq %-5llu %s  %-15s %s\n", static_cast<unsigned long long>(n.event.seq),
                  WallTime(n.event.time_us).substr(11, 12).c_str(), journal::KindName(n.event.kind),
                  NoteText(n.event, st.info.plan).c_str());
    }
  }
  if (st.gave_up && !st.finished) {
    o += "\nWaiting for an operator: " + StepName(st.info.plan, st.gave_up_info.step) + " gave up (lvupdate resume --retry-step | --skip STEP --reason TEXT | lvupdate rollback)\n";
  }
  if (!st.anomalies.empty()) {
    o += "\nThe fold found events that break its rules (run `lvupdate journal verify`):\n";
    for (const auto& a : st.anomalies) o += "  " + a + "\n";
  }
  return o;
}

json ShowJson(const replay::Timeline& t, const std::string& status) {
  const replay::OperationState& st = t.state;
  json steps = json::array();
  for (const replay::StepLine& line : t.steps) {
    json spans = json::array();
    for (const Span& s : line.spans) {
      json j = {{"direction", journal::DirectionName(s.direction)},
                {"attempt", s.attempt},
                {"result", replay::SpanEndName(s.end)},
                {"start_seq", s.start_seq},
                {"end_seq", s.end_seq},
                {"start_s", SecondsJson(s.start_s)},
                {"end_s", SecondsJson(s.end_s)},
                {"seconds", s.end == Span::End::kOpen ? json(nullptr) : SecondsJson(s.seconds())},
                {"started", IsoTime(s.start_us)},
                {"ended", IsoTime(s.end_us)},
                {"recovered", s.recovered}};
      if (!s.params.empty()) j["params"] = Embedded(s.params);
      if (!s.output.empty()) j["output"] = Embedded(s.output);
      if (s.end == Span::End::kFailed) {
        j["error"] = s.error;
        j["retryable"] = s.retryable;
      }
      spans.push_back(std::move(j));
    }
    steps.push_back({{"number", line.index + 1},
                     {"name", line.name},
                     {"state", replay::StepStateName(line.status.state)},
                     {"attempts", line.status.attempts},
                     {"compensate_attempts", line.status.compensate_attempts},
                     {"skipped", line.status.skipped
                                     ? json{{"by", line.status.skipped_by}, {"reason", line.status.skip_reason}}
                                     : json(nullptr)},
                     {"spans", spans}});
  }
  json notes = json::array();
  for (const replay::Note& n : t.notes) {
    notes.push_back({{"seq", n.event.seq}, {"time", IsoTime(n.event.time_us)}, {"kind", journal::KindName(n.event.kind)},
                     {"text", NoteText(n.event, st.info.plan)}, {"event", json::parse(journal::ToJson(n.event))}});
  }
  json checks = json::array();
  for (const auto& c : st.checks) {
    checks.push_back({{"name", c.name}, {"result", journal::CheckOutcomeName(c.result)}, {"message", c.message}});
  }
  json out = {{"id", st.op_id},
              {"kind", OpKindName(st.info.op_kind)},
              {"status", status},
              {"outcome", st.finished ? json(journal::OutcomeName(st.outcome)) : json(nullptr)},
              {"fixes", st.info.fixes},
              {"host", st.info.host},
              {"driver", st.info.driver},
              {"tool_version", st.info.tool_version},
              {"started", IsoTime(st.started_us)},
              {"finished", st.finished ? json(IsoTime(st.finished_us)) : json(nullptr)},
              {"events", t.events},
              {"clock", {{"start_s", SecondsJson(t.start_s)}, {"end_s", SecondsJson(t.end_s)}, {"seconds", SecondsJson(t.seconds())}}},
              {"checks", checks},
              {"estimate", st.has_estimate ? json{{"blackout_s", st.estimate.blackout_s}, {"global_s", st.estimate.global_s}}
                                           : json(nullptr)},
              {"point_of_no_return", MarkJson(t.ponr)},
              {"blackout", t.blackout_start_s < 0
                               ? json(nullptr)
                               : json{{"start_s", t.blackout_start_s},
                                      {"end_s", SecondsJson(t.blackout_end_s)},
                                      {"seconds", SecondsJson(t.blackout_seconds())},
                                      {"ended_by", t.blackout_end_s < 0 ? json(nullptr)
                                                   : json(t.blackout_ended_by_thaw ? "thaw" : "restart")}}},
              {"rollback", nullptr},
              {"steps", steps},
              {"notes", notes},
              {"waiting_for_operator", st.gave_up && !st.finished},
              {"anomalies", st.anomalies}};
  if (!st.info.reverts.empty()) out["reverts"] = st.info.reverts;
  if (t.rollback.present) {
    out["rollback"] = MarkJson(t.rollback);
    out["rollback"]["reason"] = st.rollback.reason;
    out["rollback"]["automatic"] = st.rollback.automatic;
  }
  return out;
}

namespace {

// " commands: `a`; `b`" (the driver's command lines for a step), or "".
std::string Commands(const std::vector<std::string>& commands) {
  std::string out;
  for (const auto& c : commands) out += (out.empty() ? " commands: `" : "; `") + c + "`";
  return out;
}

}  // namespace

std::string EventLine(const journal::Event& e, const std::vector<std::string>& plan, int64_t clock) {
  std::string what;
  switch (e.kind) {
    case EventKind::kOpStarted: {
      const auto& s = e.op_started;
      what = std::string(OpKindName(s.op_kind));
      for (const auto& f : s.fixes) what += " " + f;
      if (!s.reverts.empty()) what += " of " + s.reverts;
      what += StrPrintf(" (%zu steps, driver %s, host %s, lvupdate %s)", s.plan.size(), s.driver.c_str(), s.host.c_str(),
                     s.tool_version.c_str());
      break;
    }
    case EventKind::kCheckResult:
      what = std::string(journal::CheckOutcomeName(e.check.result)) + " " + e.check.name + ": " + e.check.message;
      break;
    case EventKind::kEstimate:
      what = "blackout " + Seconds(e.estimate.blackout_s) + ", total " + Seconds(e.estimate.global_s);
      break;
    case EventKind::kStepIntent:
      what = StepName(plan, e.intent.step) + " " + journal::DirectionName(e.intent.direction) + " attempt " +
             std::to_string(e.intent.attempt);
      if (std::string p = Payload(e.intent.params); !p.empty()) what += " params " + p;
      break;
    case EventKind::kStepDone:
      what = StepName(plan, e.done.step) + (e.done.recovered ? " (found done by probe)" : "");
      if (std::string p = Payload(e.done.output); !p.empty()) what += " output " + p;
      what += Commands(e.done.commands);
      break;
    case EventKind::kStepFailed:
      what = StepName(plan, e.failed.step) + " " + journal::DirectionName(e.failed.direction) +
             (e.failed.retryable ? " (retryable): " : ": ") + e.failed.error;
      what += Commands(e.failed.commands);
      break;
    case EventKind::kPointOfNoReturn: what = "the workload runs on the surrogate"; break;
    case EventKind::kRollbackStarted:
      what = std::string(e.rollback.automatic ? "automatic: " : "requested: ") + e.rollback.reason;
      break;
    case EventKind::kCompensated:
      what = StepName(plan, e.compensated.step) + (e.compensated.recovered ? " (found undone by probe)" : "");
      what += Commands(e.compensated.commands);
      break;
    case EventKind::kOpFinished: what = journal::OutcomeName(e.finished.outcome); break;
    default:  // sessions, operator decisions, scripts
      what = NoteText(e, plan);
      break;
  }
  return StrPrintf("%5llu  %s  %6s  %-15s ", static_cast<unsigned long long>(e.seq), WallTime(e.time_us).c_str(),
                clock < 0 ? "-" : (std::to_string(clock) + " s").c_str(), journal::KindName(e.kind)) +
         what;
}

std::string ReplayText(const replay::OperationState& s, const journal::Event& at, int64_t clock, uint64_t last_seq) {
  std::string o;
  o += "Operation: " + s.op_id + " (" + OpKindName(s.info.op_kind) + ")\n";
  o += StrPrintf("After:     seq %llu of 0-%llu: %s, %s, clock %s\n", static_cast<unsigned long long>(at.seq),
              static_cast<unsigned long long>(last_seq), journal::KindName(at.kind), WallTime(at.time_us).c_str(),
              Seconds(clock).c_str());
  std::string status = s.finished ? journal::OutcomeName(s.outcome) : (s.rolling_back ? "rolling back" : "in progress");
  o += "Status:    " + status + "\n";
  o += std::string("Point of no return: ") + (s.point_of_no_return ? "passed" : "not reached") + "\n";
  if (s.rolling_back) {
    o += std::string("Rollback:  ") + (s.rollback.automatic ? "automatic: " : "requested: ") + s.rollback.reason + "\n";
  }
  o += "\n";
  for (size_t i = 0; i < s.steps.size(); i++) {
    const auto& step = s.steps[i];
    o += StrPrintf("  %2zu  %-24s %-18s%s\n", i + 1, step.name.c_str(), replay::StepStateName(step.state),
                step.last_error.empty() ? "" : ("  " + step.last_error).c_str());
  }
  if (!s.anomalies.empty()) {
    o += "\nThe fold found events that break its rules:\n";
    for (const auto& a : s.anomalies) o += "  " + a + "\n";
  }
  return o;
}

json ReplayJson(const replay::OperationState& s, const journal::Event& at, int64_t clock, uint64_t last_seq) {
  json steps = json::array();
  for (const auto& step : s.steps) {
    steps.push_back({{"name", step.name}, {"state", replay::StepStateName(step.state)},
                     {"attempts", step.attempts}, {"compensate_attempts", step.compensate_attempts},
                     {"last_error", step.last_error}});
  }
  return {{"id", s.op_id},
          {"kind", OpKindName(s.info.op_kind)},
          {"until_seq", at.seq},
          {"last_seq", last_seq},
          {"event", {{"kind", journal::KindName(at.kind)}, {"time", IsoTime(at.time_us)}, {"clock_s", SecondsJson(clock)}}},
          {"status", s.finished ? journal::OutcomeName(s.outcome) : (s.rolling_back ? "rolling_back" : "in_progress")},
          {"finished", s.finished},
          {"outcome", s.finished ? json(journal::OutcomeName(s.outcome)) : json(nullptr)},
          {"point_of_no_return", s.point_of_no_return},
          {"rolling_back", s.rolling_back},
          {"rollback_reason", s.rolling_back ? json(s.rollback.reason) : json(nullptr)},
          {"steps", steps},
          {"anomalies", s.anomalies}};
}

std::string ListText(const std::vector<journal::OpSummary>& ops, const std::vector<std::string>& statuses) {
  std::string o = StrPrintf("%-26s  %-6s  %-23s  %-23s  %-17s  %-5s  %s\n", "ID", "KIND", "STARTED", "FINISHED", "OUTCOME",
                         "STEPS", "FIXES");
  for (size_t i = 0; i < ops.size(); ++i) {
    const auto& s = ops[i];
    std::string fixes;
    for (const auto& f : s.fixes) fixes += (fixes.empty() ? "" : " ") + f;
    std::string outcome = statuses[i] + (s.imported ? "*" : "");
    o += StrPrintf("%-26s  %-6s  %-23s  %-23s  %-17s  %-5s  %s\n", s.op_id.c_str(), OpKindName(s.op_kind),
                WallTime(s.started_us).substr(0, 19).c_str(),
                s.finished ? WallTime(s.finished_us).substr(0, 19).c_str() : "-", outcome.c_str(),
                StrPrintf("%u/%u", s.steps_done, s.steps_total).c_str(), fixes.c_str());
  }
  bool any_imported = false;
  for (const auto& s : ops) any_imported |= s.imported;
  if (any_imported) o += "* imported with `lvupdate journal import`: not run from this home\n";
  return o;
}

json ListJson(const std::vector<journal::OpSummary>& ops, const std::vector<std::string>& statuses) {
  json out = json::array();
  for (size_t i = 0; i < ops.size(); ++i) {
    const auto& s = ops[i];
    out.push_back({{"id", s.op_id},
                   {"kind", OpKindName(s.op_kind)},
                   {"started", IsoTime(s.started_us)},
                   {"finished", s.finished ? json(IsoTime(s.finished_us)) : json(nullptr)},
                   {"fixes", s.fixes},
                   {"status", statuses[i]},
                   {"outcome", s.finished ? json(journal::OutcomeName(s.outcome)) : json(nullptr)},
                   {"steps_done", s.steps_done},
                   {"steps_total", s.steps_total},
                   {"events", s.last_seq + 1},
                   {"imported", s.imported}});
  }
  return out;
}

}  // namespace lvu::view
