// Small text helpers shared by the checks.
#pragma once

#include <string>
#include <vector>

namespace lvu::actions {

// "a, b and c"
inline std::string JoinNames(const std::vector<std::string>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); i++) {
    if (i > 0) s += i + 1 == v.size() ? " and " : ", ";
    s += v[i];
  }
  return s;
}

}  // namespace lvu::actions
