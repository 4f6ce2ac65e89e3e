// StrPrintf: printf into a std::string, of any length (never truncated).
#pragma once

#include <cstdarg>
#include <cstdio>
#include <string>

namespace lvu {

inline std::string StrPrintf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

inline std::string StrPrintf(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  va_list again;
  va_copy(again, ap);
  const int n = std::vsnprintf(nullptr, 0, fmt, ap);
  va_end(ap);
  std::string out;
  if (n > 0) {
    out.resize(static_cast<size_t>(n) + 1);
    std::vsnprintf(out.data(), out.size(), fmt, again);
    out.resize(static_cast<size_t>(n));
  }
  va_end(again);
  return out;
}

}  // namespace lvu
