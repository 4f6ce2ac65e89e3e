// The simulator's clock: each world-changing call advances it by the cost
// the shared model gives (drivers/cost_model.h) for the facts of the world,
// with a deterministic jitter so that a run differs from its estimate as a
// real one would.
//
// Contracts:
// - CostInputsOf reads the world's OsFacts (rootvg size, mobile processes,
//   boot time) and the memory of the partition holding the workload (of the
//   largest partition when none holds it).
// - SimCostSeconds = round(CostSeconds * (1 + j)) with j in [-10%, +10%]
//   a pure function of (jitter_seed, op, clock); jitter_seed 0 means no
//   jitter. Same world, same call: same cost, so a crashed and resumed run
//   is as deterministic as an uninterrupted one.
#pragma once

#include <cstdint>

#include "drivers/cost_model.h"
#include "drivers/sim/world.h"

namespace lvu::drivers::sim {

using drivers::Op;

CostInputs CostInputsOf(const World& w);
int64_t SimCostSeconds(Op op, const World& w);

}  // namespace lvu::drivers::sim
