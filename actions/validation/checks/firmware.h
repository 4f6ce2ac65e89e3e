// Firmware levels that support live update (the seed article's list):
// Ax730_066, Ax740_043, Ax770_063, Ax773_056, Ax780_056 or later service
// packs of those releases, and any level of release 810 or later. A level
// is written FFRRR_SSS: two letters for the system family ("SV", "AL"...),
// the release, and the service pack ("SV810_081").
#pragma once

#include <string>

namespace lvu::actions {

// Whether `level` supports live update; when not, *why says so.
bool FirmwareSupported(const std::string& level, std::string* why);

}  // namespace lvu::actions
