// Path split: can the adapters of a partition be divided into two sets so that
// each set has a path to every disk? Live update gives one set to the surrogate
// and keeps the other on the original, so both can reach every disk.
//
// The algorithm is exact: it tries every division of the adapters (there are
// rarely more than a handful; at most kMaxAdapters are accepted) and picks the
// most balanced one that works, the first adapter (in name order) always in the
// set the original keeps. Only Enabled paths count.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"

namespace lvu::actions {

inline constexpr size_t kMaxAdapters = 20;

struct PathSplit {
  std::vector<std::string> keep;  // stays on the original
  std::vector<std::string> move;  // given to the surrogate
};

// `paths`: disk name -> adapters with an Enabled path to it. Returns
// Failed naming a disk that cannot be reached from both sets when no division
// works (e.g. a disk with a single path).
Status SplitAdapters(const std::map<std::string, std::set<std::string>>& paths, PathSplit* out);

}  // namespace lvu::actions
