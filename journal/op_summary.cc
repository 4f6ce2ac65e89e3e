// Summary folding: see op_summary.h.
#include "journal/op_summary.h"

namespace lvu::journal {

void ApplyToSummary(const Event& e, OpSummary* s) {
  s->last_seq = e.seq;
  switch (e.kind) {
    case EventKind::kOpStarted:
      s->op_id = e.op_id;
      s->op_kind = e.op_started.op_kind;
      s->fixes = e.op_started.fixes;
      s->started_us = e.time_us;
      s->steps_total = static_cast<uint32_t>(e.op_started.plan.size());
      break;
    case EventKind::kStepDone:
      ++s->steps_done;
      break;
    case EventKind::kOpFinished:
      s->finished = true;
      s->outcome = e.finished.outcome;
      s->finished_us = e.time_us;
      break;
    default:
      break;
  }
}

}  // namespace lvu::journal
