// The simulator's ifix package format: what `emgr -p -e FILE` reads on the
// simulated system. The files are named *.epkg.Z like real ifixes but are
// plain text, not compressed:
//
//   # lvupdate simulated ifix package v1
//   LABEL: dummy
//   ABSTRACT: Test fix for Live Update
//   LU CAPABLE: yes
//   REBOOT REQUIRED: no
//   FILE: /usr/lib/drivers/dummy.ext
//
// Contracts:
// - The first line is exactly the header above.
// - Every other line is blank, a comment starting with '#', or `KEY: value`
//   with KEY one of LABEL, ABSTRACT, LU CAPABLE, REBOOT REQUIRED (each at most
//   once) or FILE (any number of times). Spaces around the value are ignored.
//   LU CAPABLE and REBOOT REQUIRED take yes or no (default no).
// - LABEL is required and is a word of letters, digits, '.', '_' or '-'.
// - Errors are InvalidArgument "FILE:LINE: what is wrong" (or "FILE: ..." for
//   a missing LABEL); ReadFixPackage of a missing file is NotFound naming it.
#pragma once

#include <string>

#include "base/status.h"
#include "drivers/types.h"

namespace lvu::drivers::sim {

inline constexpr char kFixPackageHeader[] = "# lvupdate simulated ifix package v1";

// Parses `text`; `file` is used in messages and stored in out->file.
Status ParseFixPackage(const std::string& text, const std::string& file, Fix* out);

Status ReadFixPackage(const std::string& path, Fix* out);

// The text of a package describing `fix` (fix.file is not written).
std::string FormatFixPackage(const Fix& fix);

}  // namespace lvu::drivers::sim
