// emgr -d -e PACKAGE [-v1|-v2|-v3]: an ifix package's display, read for the
// attributes lvupdate needs. The display's attribute lines have the form
// `KEY:<blanks>value` at the start of a line (emgr_d_e_v3_LU_CAPABLE.1:
// "LU CAPABLE:       yes"); a level 3 display also prints the files, the
// scripts' contents and the control files, free text that is skipped.
//
// Contracts:
// - The keys read: LABEL, ABSTRACT, REBOOT REQUIRED, BUILD BOOT IMAGE, LU
//   CAPABLE, PRE-REQUISITES. The yes/no ones take exactly "yes" or "no";
//   another value is Corruption naming the line. A key printed twice with
//   different values (a package display is one package) is Corruption
//   naming the second line.
// - An AIX message (NNNN-NNN) is Failed with it; a display without any of
//   the keys is Corruption ("not an emgr display"). Which keys a caller
//   requires is its own: a missing one is absent here (std::nullopt / "").
// - LABEL and ABSTRACT are in IBM's description of the level 2 display; the
//   real excerpt here shows neither, so their form is the excerpt's.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

struct FixDisplay {
  std::string label;                      // "" when not printed
  std::string abstract;
  std::optional<bool> reboot_required;    // REBOOT REQUIRED
  std::optional<bool> build_boot_image;   // BUILD BOOT IMAGE
  std::optional<bool> lu_capable;         // LU CAPABLE
  std::optional<bool> prerequisites;      // PRE-REQUISITES
};

Status ParseEmgrDisplay(const std::string& text, FixDisplay* out);

nlohmann::json ToJson(const FixDisplay& d);

}  // namespace lvu::drivers::aix
