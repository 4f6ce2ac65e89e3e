// genkex and genkex -d: the loaded kernel extensions.
//
//       Text address     Size     Data address     Size File
//   f1000000c0338000    77000 f1000000c0390000    1ec8c /usr/lib/drivers/cluster
//            6390000    20000          63a0000      ba8 /usr/lib/drivers/if_en
//
// Without -d the header is "Text address     Size File" and the data columns
// are absent. Addresses and sizes are hexadecimal without "0x", right-aligned;
// the file runs to the end of the line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

struct KernelExtension {
  uint64_t text_address = 0;
  uint64_t text_size = 0;
  uint64_t data_address = 0;  // genkex -d only (0 otherwise)
  uint64_t data_size = 0;     // genkex -d only
  std::string file;           // "/usr/lib/drivers/cluster"
};

struct KernelExtensions {
  bool with_data = false;  // the -d header (data address and size columns)
  std::vector<KernelExtension> extensions;
};

// The form (-d or not) comes from the header line. Corruption naming the line
// for a first line that is neither header, a row whose numbers are not 1 to
// 16 hex digits, a row without its file, or empty output. A header without
// rows is valid (no extension loaded). Failed for an AIX message.
Status ParseGenkex(const std::string& text, KernelExtensions* out);

// {"with_data": bool, "extensions": [...]}; addresses as hex strings (64-bit
// values lose precision as JSON numbers), sizes as numbers.
nlohmann::json ToJson(const KernelExtensions& k);

}  // namespace lvu::drivers::aix
