#include "drivers/sim/cost_model.h"

#include <cmath>

namespace lvu::drivers::sim {

CostInputs CostInputsOf(const World& w) {
  CostInputs in;
  in.rootvg_used_mb = w.os.rootvg_used_mb;
  in.mobile_processes = w.os.mobile_processes;
  in.boot_s = w.os.boot_s;
  const WorldLpar* l = w.WorkloadLpar();
  if (l != nullptr && (l->workload == "running" || l->workload == "frozen")) {
    in.mem_mb = l->mem_mb;
  } else {
    for (const auto& x : w.lpars) in.mem_mb = x.mem_mb > in.mem_mb ? x.mem_mb : in.mem_mb;
  }
  return in;
}

namespace {

// splitmix64: a well-mixed 64-bit hash of the seed, op and clock.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

int64_t SimCostSeconds(Op op, const World& w) {
  const int64_t base = CostSeconds(op, CostInputsOf(w));
  if (w.jitter_seed == 0 || base == 0) return base;
  uint64_t h = Mix(w.jitter_seed ^ Mix(static_cast<uint64_t>(op) ^ Mix(static_cast<uint64_t>(w.clock))));
  double j = (static_cast<double>(h % 20001) / 10000.0 - 1.0) * 0.10;  // [-0.10, +0.10]
  int64_t cost = static_cast<int64_t>(std::llround(static_cast<double>(base) * (1.0 + j)));
  return cost < 0 ? 0 : cost;
}

}  // namespace lvu::drivers::sim
