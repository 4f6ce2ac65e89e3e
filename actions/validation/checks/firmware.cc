#include "actions/validation/checks/firmware.h"

#include <cctype>
#include <map>

namespace lvu::actions {

bool FirmwareSupported(const std::string& level, std::string* why) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; i++)
      if (i >= level.size() || !std::isdigit(static_cast<unsigned char>(level[i]))) return false;
    return true;
  };
  if (level.size() != 9 || !std::isalpha(static_cast<unsigned char>(level[0])) ||
      !std::isalpha(static_cast<unsigned char>(level[1])) || !digits(2, 3) || level[5] != '_' || !digits(6, 3)) {
    *why = "firmware level " + level + " is not of the form FFRRR_SSS";
    return false;
  }
  const int release = std::stoi(level.substr(2, 3));
  const int sp = std::stoi(level.substr(6, 3));
  if (release >= 810) return true;
  // The first service pack of each older release that supports live update.
  static const std::map<int, int> kFirst = {{730, 66}, {740, 43}, {770, 63}, {773, 56}, {780, 56}};
  auto it = kFirst.find(release);
  if (it == kFirst.end()) {
    *why = "firmware level " + level + " is not supported: release " + std::to_string(release) +
           " has no live update support (730, 740, 770, 773, 780 at a recent service pack, or 810 and later)";
    return false;
  }
  if (sp >= it->second) return true;
  char first[16];
  std::snprintf(first, sizeof first, "%03d", it->second);
  *why = "firmware level " + level + " is not supported: release " + std::to_string(release) + " needs service pack " +
         first + " or later";
  return false;
}

}  // namespace lvu::actions
