// Reads that do not depend on one another, run at the same time: the
// preview's facts take about as long as their slowest chain of dependent
// commands, not the sum of all of them (an HMC command over ssh takes a
// second or more).
//
// Prefetch runs `commands` at once, one thread each, when `concurrent`
// (else none: the result runs everything through `run`, one by one, when
// asked). The RunCommand it returns answers each of those commands with
// what it printed, or the Status it ended with, however many times it is
// asked; any other command goes to `run`. The readers over it stay pure
// and sequential (aix_facts.h, aix_mappings.h): only the waiting overlaps.
//
// `run` must be safe to call from several threads (AixSystem's runners
// are).
#pragma once

#include <string>
#include <vector>

#include "drivers/aix/aix_facts.h"

namespace lvu::drivers::aix {

RunCommand Prefetch(const RunCommand& run, const std::vector<std::vector<std::string>>& commands, bool concurrent);

}  // namespace lvu::drivers::aix
