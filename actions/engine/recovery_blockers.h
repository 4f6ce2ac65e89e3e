// What keeps `resume` and `rollback` from acting on an operation although its
// records read back intact (DESIGN.md, invariant 6): synced records lost (the
// journal's high-water mark reaches past its end), or the world ahead of the
// journal (a step the journal shows never started is applied). `journal
// verify` reports these as problems, `status` prints them instead of the
// commands that would go on.
#pragma once

#include <string>
#include <vector>

#include "journal/journal.h"
#include "journal/verify.h"

namespace lvu::actions {

// Problems keyed "HIGHWATER" (records lost) and "world" (each step applied in
// the simulated world of `home` that the journal shows never started, for the
// unfinished operation `active`; none when `active` is "" or the home has no
// world). Reads only.
std::vector<journal::Problem> RecoveryBlockers(const std::string& home, journal::Journal* j,
                                               const std::string& active);

}  // namespace lvu::actions
