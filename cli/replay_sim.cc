// replay --against-sim: the command part. The lab is tools/replay_lab.h, the
// reproduction and the comparison replay/reproduce.h; this file finds the
// recorded operation, calls them and renders the result.
#include "cli/replay_sim.h"

#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actions/engine/plan.h"
#include "cli/home.h"
#include "cli/journal_reader.h"
#include "journal/event_codec.h"
#include "journal/journal.h"
#include "replay/reproduce.h"
#include "replay/timeline.h"
#include "tools/replay_lab.h"
#include "tools/replay_sources.h"
#include "view/journal_view.h"

namespace lvu::cli {
namespace {

using journal::Event;
using journal::Journal;

int Fail(int code, const std::string& m) {
  std::fprintf(stderr, "lvupdate: replay: %s\n", m.c_str());
  return code;
}

int FailStatus(const Status& s) {
  return Fail(s.IsInvalidArgument() || s.IsNotFound() ? kExitBadInput : kExitCannotRun, s.message());
}

nlohmann::json FaultJson(const replay::SimFault& f) {
  return {{"step", f.step}, {"kind", f.kind}, {"phase", f.phase}, {"times", f.times}};
}

// An event as `journal events` prints it, with its clock from its operation.
std::string Line(const Event* e, const std::vector<Event>& op) {
  if (e == nullptr) return "(none: the operation ends before)";
  replay::Timeline t = replay::BuildTimeline(op);
  size_t i = static_cast<size_t>(e - op.data());
  return view::EventLine(*e, op.front().op_started.plan, i < t.clock.size() ? t.clock[i] : -1);
}

std::string SessionLabel(const replay::Reproduction& r, int i) {
  if (i < 0) return "?";
  return "session " + std::to_string(i + 1) + " of " + std::to_string(r.sessions.size()) + ": " +
         replay::CommandText(r.sessions[i]);
}

// The recorded operation `o.op` (and for a revert the update it reverts),
// from the --from files or the home's journal, into *ops; its id in *op.
int FindRecorded(const GlobalOptions& g, const ReplayOptions& o, tools::OpEvents* ops, std::string* op) {
  JournalReader reader;  // the home's journal, when there is one
  if (!o.from.empty()) {
    if (Status s = tools::LoadReplayFiles(o.from, ops); !s.ok()) return FailStatus(s);
    if (o.op.empty()) {
      *op = ops->rbegin()->first;  // the newest (ids are time-ordered), as the journal commands default
    } else if (Status s = tools::ResolveInFiles(*ops, o.op, op); !s.ok()) {
      return FailStatus(s);
    }
    // The home's journal may hold the update a revert reverts; no home is no error.
    if (std::string h; ResolveHome(g.home, &h).ok()) {
      std::unique_ptr<Journal> j;
      if (Journal::Open(h + "/journal", Journal::Mode::kReadOnly, &j).ok()) reader.journal = std::move(j);
    }
  } else {
    if (int rc = OpenJournalReader(g, &reader); rc != kExitOk) return rc;
    if (int rc = ResolveOpArg(reader, o.op, op); rc != kExitOk) return rc;
    Status s = reader.journal->ReadOp(*op, &(*ops)[*op]);
    if (!s.ok()) return FailJournalRead(s);
  }
  const std::vector<Event>& recorded = (*ops)[*op];
  if (recorded.empty() || recorded.front().kind != journal::EventKind::kOpStarted) {
    return Fail(kExitBadInput, "operation " + *op + " has no opStarted event");
  }
  const std::string& reverts = recorded.front().op_started.reverts;
  if (recorded.front().op_started.op_kind == journal::OpKind::kRevert && ops->count(reverts) == 0 &&
      reader.journal != nullptr) {
    std::vector<Event> ev;
    if (reader.journal->ReadOp(reverts, &ev).ok()) (*ops)[reverts] = std::move(ev);
  }
  return kExitOk;
}

}  // namespace

int CmdReplayAgainstSim(const GlobalOptions& g, const ReplayOptions& o) {
  if (o.until) return Fail(kExitBadInput, "--until does not go with --against-sim");
  tools::OpEvents ops;
  std::string op;
  if (int rc = FindRecorded(g, o, &ops, &op); rc != kExitOk) return rc;
  const std::vector<Event>& recorded = ops[op];
  const std::string& reverts = recorded.front().op_started.reverts;
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

  tools::ReplayLabOptions lo;
  {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return Fail(kExitCannotRun, "cannot find this program (/proc/self/exe)");
    lo.self.assign(buf, static_cast<size_t>(n));
  }
  lo.keep = o.keep;
  if (!o.json) lo.progress = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  tools::ReplayLabResult lab;
  if (Status s = tools::RunReplayLab(repro, lo, &lab); !s.ok()) return FailStatus(s);

  // The rendering: text, or one JSON object.
  nlohmann::json sessions_json = nlohmann::json::array();
  for (const auto& run : lab.sessions) {
    nlohmann::json faults = nlohmann::json::array();
    for (const auto& f : run.faults) faults.push_back(FaultJson(f));
    sessions_json.push_back({{"command", run.command},
                             {"faults", faults},
                             {"expected_exit", run.expected_exit >= 0 ? nlohmann::json(run.expected_exit) : nlohmann::json()},
                             {"exit", run.exit_code}});
  }
  const replay::Divergence& d = lab.divergence;
  nlohmann::json out = {{"op", op},
                        {"kind", view::OpKindName(recorded.front().op_started.op_kind)},
                        {"lab", lab.kept.empty() ? nlohmann::json() : nlohmann::json(lab.kept)},
                        {"sessions", sessions_json},
                        {"events_compared", d.compared},
                        {"notes", repro.notes},
                        {"lab_ops", lab.lab_ops}};
  std::string text;
  int code = kExitOk;
  if (d.found) {
    const std::vector<Event>& rec_op = *repro.ops[d.op];
    const std::vector<Event>& rep_op = lab.replayed[d.op];
    const int session = lab.divergence_session;
    const std::string rec_line = Line(d.recorded, rec_op);
    const std::string rep_line = d.replayed != nullptr ? Line(d.replayed, rep_op) : "(none: the replay wrote no more events)";
    const uint64_t at = d.recorded != nullptr ? d.recorded->seq : rec_op.back().seq + 1;
    text = "replay: DIVERGENCE at seq " + std::to_string(at) + " of operation " + rec_op.front().op_id + " (" +
           view::OpKindName(rec_op.front().op_started.op_kind) + "), after " + std::to_string(d.compared) +
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
  } else if (lab.exit_mismatch >= 0) {
    const auto& js = sessions_json[static_cast<size_t>(lab.exit_mismatch)];
    text = "replay: DIVERGENCE: every event reproduced, but " + SessionLabel(repro, lab.exit_mismatch) + " exited " +
           js["exit"].dump() + " where the recorded one exited " + js["expected_exit"].dump() + "\n";
    out["divergence"] = {{"session", lab.exit_mismatch + 1},
                         {"command", replay::CommandText(repro.sessions[lab.exit_mismatch])},
                         {"exit", js["exit"]},
                         {"expected_exit", js["expected_exit"]}};
    code = kExitCannotRun;
  } else {
    text = "replay: " + std::to_string(d.compared) + " events reproduced, no divergence\n";
    out["divergence"] = nullptr;
  }
  for (const auto& n : repro.notes) text += "note: " + n + "\n";
  if (d.found || lab.exit_mismatch >= 0) {
    text += lab.kept.empty() ? "(run again with --keep DIR to inspect the lab: its journal, world and replay.log)\n"
                             : "The lab is kept in " + lab.kept + " (replay.log: every command and its output).\n";
  } else if (!lab.kept.empty()) {
    text += "The lab is kept in " + lab.kept + ".\n";
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
