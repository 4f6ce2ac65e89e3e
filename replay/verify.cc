// Verify: see verify.h.
#include "replay/verify.h"

#include "journal/keys.h"
#include "replay/fold.h"

namespace lvu::replay {

std::vector<journal::Problem> FoldProblems(const std::vector<journal::Event>& events) {
  std::vector<journal::Problem> out;
  OperationState s;
  for (const journal::Event& e : events) {
    s.next_seq = e.seq;  // gaps are the storage check's to report
    const size_t before = s.anomalies.size();
    Apply(&s, e);
    for (size_t i = before; i < s.anomalies.size(); ++i) {
      // The fold writes "seq N (kind): what"; the key already says seq N.
      std::string what = s.anomalies[i];
      const std::string prefix = "seq " + std::to_string(e.seq) + " (";
      if (what.rfind(prefix, 0) == 0) {
        what = what.substr(prefix.size());
        size_t close = what.find("): ");
        if (close != std::string::npos) what = what.substr(0, close) + ": " + what.substr(close + 3);
      }
      out.push_back({journal::KeyName(e.op_id, e.seq), what});
    }
  }
  return out;
}

namespace {

// The seq of a problem keyed "events/<op>/<seq>", if it is one.
bool EventSeqOf(const journal::Problem& p, const std::string& op, uint64_t* seq) {
  const std::string prefix = "events/" + op + "/";
  if (p.key.rfind(prefix, 0) != 0 || p.key.size() == prefix.size()) return false;
  uint64_t v = 0;
  for (size_t i = prefix.size(); i < p.key.size(); ++i) {
    if (p.key[i] < '0' || p.key[i] > '9') return false;
    v = v * 10 + static_cast<uint64_t>(p.key[i] - '0');
  }
  *seq = v;
  return true;
}

}  // namespace

VerifyReport Verify(const std::vector<journal::OpRecords>& ops, bool check_active, const std::string& active) {
  VerifyReport report;
  std::vector<journal::OpSummary> summaries;
  for (const journal::OpRecords& r : ops) {
    ++report.operations;
    const size_t before = report.problems.size();
    journal::VerifiedRecords v = journal::VerifyRecords(r, &report.problems);
    report.records += v.records;
    if (v.has_summary) summaries.push_back(v.summary);
    // The first damaged event record: the fold stops before it.
    bool damaged = false;
    uint64_t first_bad = 0;
    for (size_t i = before; i < report.problems.size(); ++i) {
      uint64_t seq = 0;
      if (EventSeqOf(report.problems[i], r.op_id, &seq) && (!damaged || seq < first_bad)) {
        damaged = true;
        first_bad = seq;
      }
    }
    std::vector<journal::Event> intact;
    for (const journal::Event& e : v.events) {
      if (!damaged || e.seq < first_bad) intact.push_back(e);
    }
    if (damaged && intact.size() < v.events.size()) {
      report.notes.push_back(journal::KeyName(r.op_id, first_bad) +
                             " onwards: the fold's rules were not checked past the first damaged record");
    }
    if (!intact.empty() && intact.front().seq == 0) {
      for (journal::Problem& p : FoldProblems(intact)) report.problems.push_back(std::move(p));
    }
  }
  if (check_active) journal::VerifyActive(active, summaries, &report.problems);
  return report;
}

}  // namespace lvu::replay
