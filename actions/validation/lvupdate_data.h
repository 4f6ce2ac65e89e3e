// LvupdateData: the parsed lvupdate.data file (AIX stanza format).
//
//   general:
//       mode = automated | preview
//       kext_check = yes | no
//       cpu_reduction = yes | no
//   disks:
//       nhdisk = hdisk2          (surrogate boot copy of rootvg; required)
//       mhdisk = hdisk3          (mirror of rootvg; required)
//       tohdisk =                (temporary paging space; optional)
//       tshdisk =                (temporary dump device; optional)
//   hmc:
//       lpar_id = 98             (surrogate's partition id, 1..1000; optional)
//       management_console = 10.1.50.30   (required)
//       user = hscroot                    (required)
//
// Stanza names start in column one and end with ':'; attributes are indented
// "key = value". Blank lines and comment lines (first non-blank '*' or '#')
// are ignored. A disk value may name several disks, separated by blanks or
// commas. Every error names the file, the line and the key.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace lvu::actions {

struct LvupdateData {
  enum class Mode { kAutomated, kPreview };
  Mode mode = Mode::kAutomated;
  bool kext_check = true;
  bool cpu_reduction = false;
  std::vector<std::string> nhdisk;
  std::vector<std::string> mhdisk;
  std::vector<std::string> tohdisk;
  std::vector<std::string> tshdisk;
  int lpar_id = 0;  // 0: not given, the HMC picks one
  std::string management_console;
  std::string user;
};

// Parses `text`; `file` is only used in messages ("FILE:LINE: ...").
Status ParseLvupdateData(const std::string& text, const std::string& file, LvupdateData* out);

// The stanza text of `d`, in the order of the template (general:, disks:,
// hmc:), every key present. ParseLvupdateData of it gives back `d`.
std::string FormatLvupdateData(const LvupdateData& d);

// Reads and parses the file at `path`; *text receives its content.
Status LoadLvupdateData(const std::string& path, LvupdateData* out, std::string* text);

// The text with the value of any attribute whose key names a secret
// (password, passwd, token, secret) replaced by "<redacted>".
std::string RedactSecrets(const std::string& text);

}  // namespace lvu::actions
