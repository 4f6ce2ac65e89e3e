// Fold: the pure function from an operation's events to its state.
//
// Fold(events) == Apply(Apply(Apply(OperationState{}, e0), e1), ...). It does
// no I/O and trusts nothing: an event that breaks the rules is recorded in
// state.anomalies and otherwise ignored, so that a corrupted journal is
// reported, never silently absorbed.
#pragma once

#include <vector>

#include "journal/event.h"
#include "replay/op_state.h"

namespace lvu::replay {

void Apply(OperationState* state, const journal::Event& e);
OperationState Fold(const std::vector<journal::Event>& events);
// The state as it stood after the event numbered `until_seq` (inclusive).
OperationState FoldUntil(const std::vector<journal::Event>& events, uint64_t until_seq);

}  // namespace lvu::replay
