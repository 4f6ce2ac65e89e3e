// emgr -l: the interim fixes installed.
//
//   ID  STATE LABEL      INSTALL TIME      UPDATED BY ABSTRACT
//   === ===== ========== ================= ========== ======================================
//   1    S    IJ20785s2a 04/30/20 11:03:46            tcpdump CVEs fixed
//   3   *Q*   IJ09625s2a 04/30/20 11:04:14            IJ09624 7.2.3.2
//
//   STATE codes:
//    S = STABLE
//    ...
//
// or the one line "There is no efix data on this system." when none is
// installed. The widths of the columns differ between AIX levels (the ruler
// says them); UPDATED BY is usually empty.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

struct InterimFix {
  uint64_t id = 0;
  std::string state;         // as printed: "S", "*Q*" (the asterisks flag it)
  bool reboot_required = false;  // state Q (REBOOT REQUIRED) or RQ (REMOVING + REBOOT REQUIRED)
  std::string label;         // "IJ20785s2a"
  std::string install_time;  // "04/30/20 11:03:46" (MM/DD/YY HH:MM:SS)
  std::string updated_by;    // "" when empty
  std::string abstract;
};

// An empty list for "There is no efix data on this system.". The columns
// UPDATED BY and ABSTRACT are told apart by their positions, taken from the
// ruler when it has all six columns, else from the header. Corruption naming
// the line for: no header or ruler, a row whose ID is not a number or whose
// install time is not "MM/DD/YY HH:MM:SS", text after INSTALL TIME whose
// column cannot be told (a copy that lost the padding), a line after the
// "STATE codes:" legend that is not "CODE = MEANING", or empty output.
Status ParseEmgrList(const std::string& text, std::vector<InterimFix>* out);

nlohmann::json ToJson(const std::vector<InterimFix>& fixes);

}  // namespace lvu::drivers::aix
