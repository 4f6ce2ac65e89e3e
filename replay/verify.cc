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

VerifyReport Verify(const std::vector<journal::OpRecords>& ops, bool check_active, const std::string& active) {
  VerifyReport report;
  std::vector<journal::OpSummary> summaries;
  for (const journal::OpRecords& r : ops) {
    ++report.operations;
    journal::VerifiedRecords v = journal::VerifyRecords(r, &report.problems);
    report.records += v.records;
    if (v.has_summary) summaries.push_back(v.summary);
    if (!v.events.empty() && v.events.front().seq == 0) {
      for (journal::Problem& p : FoldProblems(v.events)) report.problems.push_back(std::move(p));
    }
  }
  if (check_active) journal::VerifyActive(active, summaries, &report.problems);
  return report;
}

}  // namespace lvu::replay
