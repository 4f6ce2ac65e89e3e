// "KEY: value" listings with one or two pairs per line (lsvg VG, lspv hdiskN):
//
//   VOLUME GROUP:       rootvg                   VG IDENTIFIER:  000dda6e...
//   MAX PPs per VG:     32512
//   LTG size (Dynamic): 256 kilobyte(s)          AUTO SYNC:      no
//
// Keys hold blanks and parentheses, values hold blanks ("32 megabyte(s)",
// "2 (Enabled)"), and the set of lines differs by AIX level, so a second pair
// is found by its shape, not from a list of keys: at least two blanks, then a
// key that starts with a capital letter and ends with ':' followed by a blank
// or the end of the line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {

struct KeyValue {
  int line = 0;
  std::string key;    // as printed, trimmed ("LTG size (Dynamic)")
  std::string value;  // trimmed; may be empty
};

// The pairs of `lines` in order; blank lines are skipped. Corruption naming
// `command` and the line for a line that does not start with "KEY:" (a key
// starts with a capital letter, so "testvg:" of lsvg -p is no key).
Status ParseKeyValuePairs(std::string_view command, const std::vector<Line>& lines, std::vector<KeyValue>* out);

// The value of the first pair called `key`; nullptr when absent.
const KeyValue* FindKey(const std::vector<KeyValue>& pairs, std::string_view key);

// The number a value starts with: "543 (34752 megabytes)" -> 543,
// "64 megabyte(s)" -> 64. False if the value does not start with digits.
bool LeadingUint(std::string_view value, uint64_t* out);

}  // namespace lvu::drivers::aix
