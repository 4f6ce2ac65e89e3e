// Which operation `lvupdate rollback [--op OP]` acts on.
//
// - The unfinished operation, when there is one (with --op, only that one:
//   another is refused until it is finished or rolled back).
// - Else, without --op, the newest operation run from this home that changed
//   something: an imported one is another system's, and one that failed
//   validation changed nothing, so a completed update followed by a failed
//   `run` is still the one reverted.
// - With --op OP (an id or a unique prefix): that completed update, reverted
//   whatever came after it that left the system as it found it (failed
//   validations, rolled-back updates); a later completed update that is not
//   reverted is refused (revert it first), and an update already reverted is
//   nothing to do.
// *nothing is set (and OK returned, *op naming the operation, or "" when
// there is none at all) when there is nothing to roll back, saying why. InvalidArgument (exit 2) for an unknown,
// ambiguous, imported or unsuitable OP; nothing is written either way.
#pragma once

#include <string>

#include "base/status.h"
#include "journal/journal.h"

namespace lvu::actions {

Status RollbackTarget(journal::Journal* j, const std::string& op_arg, std::string* op, std::string* nothing);

}  // namespace lvu::actions
