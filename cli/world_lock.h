// The live update lock for the `sim` commands that change the simulated world
// (init, set, fault add and clear): the lock a run, resume or rollback holds
// (journal/lock_file.h), so that the world never changes under an operation
// (a `sim set` during a run was lost; a `sim init` wiped the world of an
// interrupted operation). `sim proc` does not take it: it is the world's own
// processes registering themselves, which a live update expects.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "journal/lock_file.h"

namespace lvu::cli {

// Busy (naming the holder's pid) while a live update runs from `home`.
Status LockWorld(const std::string& home, const std::string& command, std::unique_ptr<journal::LockFile>* lock);

// The unfinished operation of `home`'s journal ("" when none or no journal).
Status UnfinishedOperation(const std::string& home, std::string* op);

}  // namespace lvu::cli
