#include "actions/validation/path_split.h"

#include <cstdint>
#include <cstdlib>
#include <iterator>

namespace lvu::actions {
namespace {

template <typename C>
std::string Join(const C& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
  return out;
}

}  // namespace

Status SplitAdapters(const std::map<std::string, std::set<std::string>>& paths, PathSplit* out) {
  if (paths.empty()) return Status::Failed("no disks with paths were found");
  std::set<std::string> all;
  for (const auto& [disk, adapters] : paths) {
    if (adapters.size() < 2) {
      return Status::Failed("disk " + disk + " has " + std::to_string(adapters.size()) +
                            " enabled path(s); live update needs at least 2");
    }
    all.insert(adapters.begin(), adapters.end());
  }
  std::vector<std::string> names(all.begin(), all.end());
  if (names.size() > kMaxAdapters) {
    return Status::Failed(std::to_string(names.size()) + " adapters: more than the " +
                          std::to_string(kMaxAdapters) + " the path split supports");
  }
  // Disk coverage as bit masks over `names`.
  std::vector<uint32_t> disk_masks;
  for (const auto& [disk, adapters] : paths) {
    uint32_t m = 0;
    for (size_t i = 0; i < names.size(); i++) {
      if (adapters.count(names[i])) m |= 1u << i;
    }
    disk_masks.push_back(m);
  }
  const uint32_t full = (1u << names.size()) - 1;
  int best_imbalance = -1;
  uint32_t best = 0;
  // When no division works: the most balanced division tried and the first
  // disk it leaves without a path from one side, to name in the message.
  int blocked_imbalance = -1;
  uint32_t blocked_keep = 0;
  size_t blocked_disk = 0;
  // Bit 0 (the first adapter) always stays with the original.
  for (uint32_t keep = 1; keep < full; keep += 2) {
    uint32_t move = full & ~keep;
    int imbalance = std::abs(__builtin_popcount(keep) - __builtin_popcount(move));
    bool ok = true;
    for (size_t i = 0; i < disk_masks.size(); i++) {
      uint32_t d = disk_masks[i];
      if ((d & keep) == 0 || (d & move) == 0) {
        ok = false;
        if (blocked_imbalance < 0 || imbalance < blocked_imbalance) {
          blocked_imbalance = imbalance;
          blocked_keep = keep;
          blocked_disk = i;
        }
        break;
      }
    }
    if (!ok) continue;
    if (best_imbalance < 0 || imbalance < best_imbalance) {
      best_imbalance = imbalance;
      best = keep;
    }
  }
  if (best_imbalance < 0) {
    const auto& [disk, adapters] = *std::next(paths.begin(), static_cast<long>(blocked_disk));
    std::vector<std::string> kept, moved;
    for (size_t i = 0; i < names.size(); i++) (blocked_keep & (1u << i) ? kept : moved).push_back(names[i]);
    const bool unreached_from_kept = (disk_masks[blocked_disk] & blocked_keep) == 0;
    return Status::Failed("the adapters cannot be divided into two sets that each reach every disk: disk " +
                          disk + " (paths through " + Join(adapters) + ") has no path from the " +
                          (unreached_from_kept ? "kept" : "moved") + " set when keeping " + Join(kept) +
                          " and moving " + Join(moved) + "; no other division works either");
  }
  out->keep.clear();
  out->move.clear();
  for (size_t i = 0; i < names.size(); i++) {
    (best & (1u << i) ? out->keep : out->move).push_back(names[i]);
  }
  return Status::OK();
}

}  // namespace lvu::actions
