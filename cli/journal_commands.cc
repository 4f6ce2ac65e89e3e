// journal list | show | events | verify | export | import, and replay.
#include "cli/journal_commands.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/limits.h"
#include "base/file.h"
#include "cli/home.h"
#include "cli/journal_reader.h"
#include "view/journal_view.h"
#include "cli/replay_sim.h"
#include "actions/engine/recovery_blockers.h"
#include "journal/event_codec.h"
#include "journal/export_file.h"
#include "journal/event_stream.h"
#include "journal/journal.h"
#include "journal/keys.h"
#include "journal/verify.h"
#include "replay/fold.h"
#include "replay/timeline.h"
#include "view/timeline_svg.h"
#include "replay/verify.h"

namespace lvu::cli {

namespace {

using journal::Journal;

int Fail(int code, const Status& s) {
  std::fprintf(stderr, "lvupdate: %s\n", s.message().c_str());
  return code;
}

// The read-only journal, as every command here opens it (journal_reader.h).
using Reader = JournalReader;
int FailRead(const Status& s) { return FailJournalRead(s); }
int OpenReader(const GlobalOptions& g, Reader* r) { return OpenJournalReader(g, r); }
bool Running(const Reader& r, const std::string& op) { return OpRunning(r, op); }

int ReadEvents(const Reader& r, const std::string& op, std::vector<journal::Event>* events) {
  Status s = r.journal->ReadOp(op, events);
  return s.ok() ? kExitOk : FailRead(s);
}

}  // namespace

int CmdJournalList(const GlobalOptions& g, bool json) {
  Reader r;
  if (int rc = OpenReader(g, &r); rc != kExitOk) return rc;
  std::vector<journal::OpSummary> ops;
  if (r.journal != nullptr) {
    Status s = r.journal->ListOps(&ops);
    if (!s.ok()) return FailRead(s);
  }
  std::vector<std::string> statuses;
  for (const auto& op : ops) statuses.push_back(view::OpStatus(op, !op.finished && Running(r, op.op_id)));
  if (json) {
    std::printf("%s\n", view::ListJson(ops, statuses).dump(2).c_str());
  } else if (ops.empty()) {
    std::printf("No live update operation has been run from %s.\n", r.home.c_str());
  } else {
    std::printf("%s", view::ListText(ops, statuses).c_str());
  }
  return kExitOk;
}

int CmdJournalShow(const GlobalOptions& g, const std::string& arg, bool json, const std::string& svg_file) {
  Reader r;
  std::string op;
  std::vector<journal::Event> events;
  if (int rc = OpenReader(g, &r); rc != kExitOk) return rc;
  if (int rc = ResolveOpArg(r, arg, &op); rc != kExitOk) return rc;
  if (int rc = ReadEvents(r, op, &events); rc != kExitOk) return rc;
  replay::Timeline t = replay::BuildTimeline(events);
  const std::string status = view::OpStatus(t.state, Running(r, op));
  if (!svg_file.empty()) {
    Status s = WriteFileAtomically(svg_file, view::TimelineSvg(t, status));
    if (!s.ok()) return Fail(kExitCannotRun, s);
  }
  if (json) {
    std::printf("%s\n", view::ShowJson(t, status).dump(2).c_str());
  } else {
    std::printf("%s", view::ShowText(t, status).c_str());
  }
  if (!svg_file.empty()) std::fprintf(json ? stderr : stdout, "%sTimeline picture: %s\n", json ? "" : "\n", svg_file.c_str());
  return kExitOk;
}

int CmdJournalEvents(const GlobalOptions& g, const JournalEventsOptions& o) {
  journal::EventKind kind{};
  if (!o.kind.empty() && !journal::ParseKindName(o.kind, &kind)) {
    std::string kinds;
    for (int k = 0; std::string(journal::KindName(static_cast<journal::EventKind>(k))) != "unknown"; ++k) {
      kinds += std::string(kinds.empty() ? "" : ", ") + journal::KindName(static_cast<journal::EventKind>(k));
    }
    return Fail(kExitBadInput, Status::InvalidArgument("--kind " + o.kind + " is not an event kind (" + kinds + ")"));
  }
  Reader r;
  std::string op;
  if (int rc = OpenReader(g, &r); rc != kExitOk) return rc;
  if (int rc = ResolveOpArg(r, o.op, &op); rc != kExitOk) return rc;
  // Raw records, so that a damaged one is shown in its place, not the end of the story.
  std::vector<journal::OpRecords> records;
  Status s = r.journal->ScanRaw(op, &records);
  if (!s.ok()) return FailRead(s);
  std::vector<journal::Problem> problems;
  journal::VerifiedRecords v = journal::VerifyRecords(records.at(0), &problems);
  replay::Timeline t = replay::BuildTimeline(v.events);
  const std::vector<std::string>& plan = t.state.info.plan;

  // Problems keyed by an event seq are shown in their place among the events,
  // those of the range only; the others (the summary) at the end.
  auto seq_of = [&](const journal::Problem& p, uint64_t* seq) {
    const std::string prefix = "events/" + op + "/";
    if (p.key.rfind(prefix, 0) != 0) return false;
    try {
      *seq = std::stoull(p.key.substr(prefix.size()));
    } catch (const std::exception&) {  // std::stoull's way of saying "not a number"
      return false;
    }
    return true;
  };
  auto in_range = [&](uint64_t seq) { return (!o.from || seq >= *o.from) && (!o.to || seq <= *o.to); };
  std::vector<bool> shown(problems.size(), false);
  bool damaged = false;
  auto show_problems_before = [&](uint64_t limit, bool all) {
    for (size_t i = 0; i < problems.size(); ++i) {
      uint64_t seq = 0;
      bool keyed = seq_of(problems[i], &seq);
      if (shown[i] || (keyed && !all && seq >= limit)) continue;
      if (!all && !keyed) continue;
      shown[i] = true;
      if (keyed && !in_range(seq)) continue;
      damaged = true;
      if (o.json || !keyed) std::fflush(stdout);
      std::fprintf(o.json || !keyed ? stderr : stdout, "%s%s\n", o.json || !keyed ? "lvupdate: " : "",
                   problems[i].ToString().c_str());
    }
  };
  size_t next_good = 0;
  for (const journal::RawRecord& rec : records[0].events) {
    std::string key_op;
    uint64_t seq = 0;
    bool parsed = journal::ParseEventKey(rec.key, &key_op, &seq);
    if (parsed) show_problems_before(seq + 1, false);  // this record's own, and gaps before it
    if (next_good < v.events.size() && parsed && v.events[next_good].seq == seq &&
        journal::EventKey(op, seq) == rec.key) {
      const journal::Event& e = v.events[next_good];
      const int64_t clock = t.clock[next_good];
      ++next_good;
      if (!in_range(seq) || (!o.kind.empty() && e.kind != kind)) continue;
      if (o.json) std::printf("%s\n", journal::ToJson(e).c_str());
      else std::printf("%s\n", view::EventLine(e, plan, clock).c_str());
    }
  }
  std::fflush(stdout);  // the events before what follows on stderr
  show_problems_before(0, true);  // the rest: a lost tail, the summary, malformed keys
  if (next_good < v.events.size()) {
    // (ScanRaw and VerifyRecords agree on order: cannot happen.)
    return Fail(kExitCannotRun, Status::Corruption("events of " + op + " out of step"));
  }
  if (damaged) {
    std::fprintf(stderr, "lvupdate: operation %s has damaged records (run `lvupdate journal verify %s`)\n", op.c_str(),
                 op.c_str());
    return kExitCannotRun;
  }
  return kExitOk;
}

int CmdJournalVerify(const GlobalOptions& g, const std::string& arg, bool json) {
  Reader r;
  if (int rc = OpenReader(g, &r); rc != kExitOk) return rc;
  if (r.journal == nullptr) {
    if (json) {
      std::printf("%s\n", nlohmann::json{{"journal", r.dir}, {"operations", 0}, {"records", 0}, {"ok", true},
                                         {"problems", nlohmann::json::array()}}.dump(2).c_str());
    } else {
      std::printf("No journal at %s: nothing to verify.\n", r.dir.c_str());
    }
    return kExitOk;
  }
  std::vector<journal::OpRecords> records;
  replay::VerifyReport report;
  if (arg.empty()) {
    std::string active;
    Status s = r.journal->ScanRaw("", &records);
    if (s.ok()) s = r.journal->ActiveOp(&active);
    if (!s.ok()) return Fail(kExitCannotRun, s);
    report = replay::Verify(records, /*check_active=*/true, active);
  } else {
    // A whole id is taken as it is, so that an operation whose summary is
    // damaged or missing can still be verified.
    std::string op = arg;
    if (arg.size() != journal::kOpIdSize) {
      if (int rc = ResolveOpArg(r, arg, &op); rc != kExitOk) return rc;
    }
    Status s = r.journal->ScanRaw(op, &records);
    if (s.IsNotFound()) return Fail(kExitBadInput, s);
    if (!s.ok()) return Fail(kExitCannotRun, s);
    report = replay::Verify(records);
  }
  // Synced records gone, or the world ahead of the journal: first, since the
  // other checks see only what is left.
  std::string active;
  if (!r.journal->ActiveOp(&active).ok() || (!arg.empty() && (records.empty() || records[0].op_id != active))) {
    active.clear();
  }
  // A running operation changes the world after each intent this reader may
  // not have seen yet: its world is only compared once it has stopped.
  if (!active.empty() && OpRunning(r, active)) active.clear();
  std::vector<journal::Problem> blockers = actions::RecoveryBlockers(r.home, r.journal.get(), active);
  report.problems.insert(report.problems.begin(), blockers.begin(), blockers.end());
  if (json) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : report.problems) problems.push_back({{"key", p.key}, {"what", p.what}});
    std::printf("%s\n", nlohmann::json{{"journal", r.dir}, {"operations", report.operations},
                                       {"records", report.records}, {"ok", report.ok()}, {"problems", problems},
                                       {"notes", report.notes}}
                            .dump(2)
                            .c_str());
  } else {
    for (const auto& p : report.problems) std::printf("%s\n", p.ToString().c_str());
    for (const auto& n : report.notes) std::printf("note: %s\n", n.c_str());
    std::printf("%s%s: %zu operation%s, %zu event records: ", report.ok() ? "" : "\n", r.dir.c_str(),
                report.operations, report.operations == 1 ? "" : "s", report.records);
    if (report.ok()) std::printf("no problem found.\n");
    else std::printf("%zu problem%s found.\n", report.problems.size(), report.problems.size() == 1 ? "" : "s");
  }
  return report.ok() ? kExitOk : kExitCannotRun;
}

int CmdJournalExport(const GlobalOptions& g, const JournalExportOptions& o) {
  if (o.format != "jsonl" && o.format != "capnp") {
    return Fail(kExitBadInput, Status::InvalidArgument("--format takes jsonl or capnp, not '" + o.format + "'"));
  }
  if (o.output.empty()) return Fail(kExitBadInput, Status::InvalidArgument("-o FILE is required"));
  Reader r;
  std::string op;
  std::vector<journal::Event> events;
  if (int rc = OpenReader(g, &r); rc != kExitOk) return rc;
  if (int rc = ResolveOpArg(r, o.op, &op); rc != kExitOk) return rc;
  if (int rc = ReadEvents(r, op, &events); rc != kExitOk) return rc;  // exports only an intact operation
  std::string out;
  if (o.format == "jsonl") {
    for (const journal::Event& e : events) out += journal::ToJson(e) + "\n";
  } else {
    // The stored bytes themselves, checked above.
    std::vector<journal::OpRecords> records;
    Status s = r.journal->ScanRaw(op, &records);
    if (!s.ok()) return FailRead(s);
    for (const journal::RawRecord& rec : records.at(0).events) out += rec.value;
  }
  Status s = WriteFileAtomically(o.output, out);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::printf("Exported operation %s: %zu events to %s (%s).\n", op.c_str(), events.size(), o.output.c_str(),
              o.format.c_str());
  return kExitOk;
}

int CmdJournalImport(const GlobalOptions& g, const std::string& file, const std::string& format_arg) {
  std::string text;
  Status s = ReadFileLimited(file, kMaxImportBytes, "the export", &text);
  if (!s.ok()) return Fail(s.IsNotFound() || s.IsInvalidArgument() ? kExitBadInput : kExitCannotRun, s);
  std::vector<journal::Event> events;
  s = journal::ParseExport(text, file, format_arg, &events);
  if (!s.ok()) return Fail(kExitBadInput, s);
  if (events.empty()) return Fail(kExitBadInput, Status::InvalidArgument(file + " holds no event"));

  // Every rule `journal verify` checks, before anything is written.
  replay::VerifyReport report = replay::Verify({journal::RecordsOf(events)});
  if (!report.ok()) {
    for (const auto& p : report.problems) std::fprintf(stderr, "%s: %s\n", file.c_str(), p.ToString().c_str());
    return Fail(kExitBadInput, Status::InvalidArgument(file + " does not verify: nothing was imported"));
  }

  std::string home;
  s = ResolveHome(g.home, &home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::unique_ptr<Journal> j;
  s = Journal::Open(home + "/journal", Journal::Mode::kWrite, &j);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  s = j->Import(events);
  if (!s.ok()) return Fail(s.IsInvalidArgument() ? kExitBadInput : kExitCannotRun, s);
  replay::OperationState st = replay::Fold(events);
  std::printf("Imported operation %s (%s, %s): %zu events into %s/journal.\n", events[0].op_id.c_str(),
              view::OpKindName(st.info.op_kind), view::OpStatus(st, false).c_str(), events.size(), home.c_str());
  std::printf("It is marked imported: `lvupdate journal show %s` tells its story; resume and rollback never act on it.\n",
              events[0].op_id.c_str());
  return kExitOk;
}

int CmdReplay(const GlobalOptions& g, const ReplayOptions& o) {
  if (o.against_sim) return CmdReplayAgainstSim(g, o);
  if (!o.from.empty() || !o.keep.empty()) {
    return Fail(kExitBadInput, Status::InvalidArgument("--from and --keep go with --against-sim"));
  }
  Reader r;
  std::string op;
  std::vector<journal::Event> events;
  if (int rc = OpenReader(g, &r); rc != kExitOk) return rc;
  if (int rc = ResolveOpArg(r, o.op, &op); rc != kExitOk) return rc;
  if (int rc = ReadEvents(r, op, &events); rc != kExitOk) return rc;
  const uint64_t last = events.back().seq;
  const uint64_t until = o.until.value_or(last);
  if (until > last) {
    return Fail(kExitBadInput, Status::InvalidArgument("--until " + std::to_string(until) + ": operation " + op +
                                                       " has events 0 to " + std::to_string(last)));
  }
  replay::OperationState s = replay::FoldUntil(events, until);
  replay::Timeline t = replay::BuildTimeline(events);
  const journal::Event& at = events[until];
  if (o.json) {
    std::printf("%s\n", view::ReplayJson(s, at, t.clock[until], last).dump(2).c_str());
  } else {
    std::printf("%s", view::ReplayText(s, at, t.clock[until], last).c_str());
  }
  return kExitOk;
}

}  // namespace lvu::cli
