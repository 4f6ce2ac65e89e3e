// Verify: the storage-level checks of an operation's records, as found on
// disk, reporting every problem rather than stopping at the first (ReadOp's
// way). Pure functions over raw keys and values; Journal::ScanRaw reads them.
//
// What is checked here (docs/journal-format.md, "Verify"):
// - every events key is 34 bytes (op id + big-endian seq);
// - the seqs are contiguous from 0 (each gap is one problem naming the first
//   missing key) and end at the summary's lastSeq;
// - every value decodes (Decode's rules) and its opId and seq equal its key's;
// - the summary exists when events do (and the reverse), decodes, names its
//   key, and equals the summary recomputed from the events (ApplyToSummary),
//   field by field, when every event is intact;
// - across operations (VerifyActive): default/active_op names an unfinished
//   operation, and every unfinished operation not imported is the active one.
// The rules of an operation's shape and of its steps (opStarted first, nothing
// after opFinished, no done without intent, ...) are the fold's: replay/verify.h
// adds them. Problems name their key as every message does: events/<op>/<seq>,
// ops/<op>, default/active_op.
#pragma once

#include <string>
#include <vector>

#include "journal/event.h"
#include "journal/journal.h"
#include "journal/raw_records.h"

namespace lvu::journal {

struct Problem {
  std::string key;   // "events/<op>/<seq>", "ops/<op>", "default/active_op"
  std::string what;  // what is wrong, for an administrator
  std::string ToString() const { return key + ": " + what; }
};

// What VerifyRecords made of one operation's records.
struct VerifiedRecords {
  // Each event that decodes and whose key agrees with its content, in key
  // order: the input of the fold's checks.
  std::vector<Event> events;
  bool has_summary = false;  // a summary that decodes
  OpSummary summary;
  size_t records = 0;        // event records examined
  bool intact = false;       // no problem found in the records or the summary
};

// Checks one operation's records; appends each problem found to *problems.
VerifiedRecords VerifyRecords(const OpRecords& r, std::vector<Problem>* problems);

// Checks default/active_op (`active`, "" when absent) against the summaries of
// every operation.
void VerifyActive(const std::string& active, const std::vector<OpSummary>& summaries,
                  std::vector<Problem>* problems);

// The records Append would have written for `events` (events with their keys,
// and the summary recomputed from them), so that a sequence that was never
// stored (an import) is checked by the same rules.
OpRecords RecordsOf(const std::vector<Event>& events);

}  // namespace lvu::journal
