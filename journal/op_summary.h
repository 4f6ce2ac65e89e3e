// How each event changes its operation's summary (the "ops" column family).
//
// ApplyToSummary folds one event into `s`, which holds the summary of the
// events before it (a default OpSummary before opStarted):
// - every event sets last_seq = e.seq;
// - opStarted sets op_id, op_kind, fixes, started_us = e.time_us and
//   steps_total = plan size;
// - stepDone increments steps_done. Every stepDone counts, whatever the
//   direction of the step's last intent (compensation writes `compensated`,
//   not stepDone, so in practice these are forward completions; a stepDone
//   with recovered = true counts too);
// - opFinished sets finished, outcome and finished_us = e.time_us.
// Other kinds change only last_seq. The full state is replay/'s job.
#pragma once

#include "journal/event.h"
#include "journal/journal.h"

namespace lvu::journal {

void ApplyToSummary(const Event& e, OpSummary* s);

}  // namespace lvu::journal
