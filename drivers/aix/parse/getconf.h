// The size of a disk in MB, one number on one line: getconf DISK_SIZE
// /dev/hdiskN ("51200") and bootinfo -s hdiskN ("204800").
#pragma once

#include <cstdint>
#include <string>

#include "base/status.h"

namespace lvu::drivers::aix {

// One line holding a decimal number of MB. Corruption naming the line for
// anything else, or empty output.
Status ParseGetconfDiskSize(const std::string& text, uint64_t* size_mb);
Status ParseBootinfoSize(const std::string& text, uint64_t* size_mb);

}  // namespace lvu::drivers::aix
