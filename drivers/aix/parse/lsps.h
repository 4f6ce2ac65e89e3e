// lsps -a: the paging spaces, one line per paging space and physical volume.
//
//   Page Space      Physical Volume   Volume Group Size %Used Active  Auto  Type Chksum
//   hd6             hdisk0            rootvg         512MB     2   yes   yes    lv     0
//
// The header names the columns; the Chksum column is printed from AIX 6.1
// on and absent before. Every value is one word (an NFS paging space names
// the server and the exported file in the volume and group columns), so the
// rows are split into words, their count fixed by the header.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

struct PagingSpace {
  std::string name;             // Page Space ("hd6")
  std::string physical_volume;  // "hdisk0" (the NFS server for type nfs)
  std::string volume_group;     // "rootvg" (the exported file for type nfs)
  uint64_t size_mb = 0;         // Size "512MB"
  int used_percent = 0;         // %Used, 0..100
  bool active = false;          // Active "yes"/"no"
  bool automatic = false;       // Auto "yes"/"no": activated at boot
  std::string type;             // "lv", "nfs"
  bool has_checksum = false;    // the Chksum column was printed
  uint64_t checksum_bits = 0;   // Chksum (0 = none, else 8, 16, 32)
};

// Corruption naming the line for a first line that is not the lsps -a
// header, a row with another number of words than the header has columns,
// a size that is not "<n>MB", a %Used that is not 0..100, Active or Auto not
// "yes"/"no", a Chksum that is not a number, or empty output (AIX always has
// a paging space). Failed for an AIX message instead of the listing.
Status ParseLspsA(const std::string& text, std::vector<PagingSpace>* out);

nlohmann::json ToJson(const std::vector<PagingSpace>& spaces);

}  // namespace lvu::drivers::aix
