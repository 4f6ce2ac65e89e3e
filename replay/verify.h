// Verify: everything `journal verify` checks, over the records as stored.
//
// For each operation: the storage checks (journal/verify.h: every record
// decodes, keys contiguous and agreeing with the content, the summary agreeing
// with the events), then the fold's rules (fold.h's anomalies: opStarted first
// and only there, nothing after opFinished, no done or failure without an
// intent in flight, no compensation of a step never intended or outside a
// rollback, no step outside the plan, ...), each reported with the key of the
// event at fault. Across operations, when asked: the active-operation pointer.
//
// The fold runs over the events that passed the storage checks, in seq order,
// up to the first damaged or missing event record: past it, the fold would
// mostly report the damage's consequences again (a lost intent makes its done
// unexpected), so those events are left unchecked and a note says so. The
// fold does not repeat the storage checks' gap reports. Pure functions; no I/O.
#pragma once

#include <string>
#include <vector>

#include "journal/event.h"
#include "journal/raw_records.h"
#include "journal/verify.h"

namespace lvu::replay {

// The fold's objections to `events` (one operation's, in seq order), each
// naming its event's key: "events/<op>/<seq>", what = "stepDone: done of ...".
std::vector<journal::Problem> FoldProblems(const std::vector<journal::Event>& events);

struct VerifyReport {
  size_t operations = 0;
  size_t records = 0;  // event records examined
  std::vector<journal::Problem> problems;
  std::vector<std::string> notes;  // what could not be checked, and why (not problems)
  bool ok() const { return problems.empty(); }
};

// Checks `ops` (Journal::ScanRaw's records, in op id order). With
// `check_active`, also checks `active` (default/active_op, "" when absent)
// against every operation's summary: do so only when `ops` is the whole
// journal.
VerifyReport Verify(const std::vector<journal::OpRecords>& ops, bool check_active = false,
                    const std::string& active = "");

}  // namespace lvu::replay
