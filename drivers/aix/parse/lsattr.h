// lsattr -El DEVICE [-a ATTR]... (also -D, -P): a device's attributes, and
// the -O colon form.
//
//   PCM             PCM/friend/sddpcm                  PCM                              True
//   location                                           Location Label                   True+
//   unique_id       33213600507110180813E50000IBMfcp Device Unique Identification       False
//
// lsattr pads the attribute, value and description columns to their widest
// entry plus one blank. A value may be empty ("location"), the widest value
// fills its column up to the one blank before the description, and the
// descriptions hold blanks, so the columns come from the positions: the
// value column starts at the leftmost second word of a row, the description
// column at the first later position where every row has a word after a
// blank, and user_settable is the last word of the row.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

struct DeviceAttribute {
  std::string name;            // "queue_depth"
  std::string value;           // "20"; "" when lsattr prints none
  std::string description;     // "Queue DEPTH"
  bool user_settable = false;  // "True" / "False"
  // A '+' after True/False ("True+"): AIX 7.2 marks so an attribute that
  // chdev -U can change while the device stays Available.
  bool updatable_in_use = false;
};

// One row per attribute; a -H header line ("attribute value description
// user_settable") is skipped. Corruption naming the line for a row that
// does not start with an attribute name in column 1, whose last word is not
// True or False (with an optional '+'), that has no description, for rows
// without a description column common to all of them, or empty output.
// Failed for an AIX message (e.g. 0514-519 for an unknown device).
//
// When the second words of all rows start in one column, they are values
// only if that column is one blank after the longest name (lsattr's
// padding); otherwise every value may be empty (`lsattr -El hdisk0 -a
// location`) or the rows filtered by grep, and the first row is reported
// (Corruption) rather than guessed. A value is taken to end before the first
// column where every row has a word after a blank: with a single row, a
// value holding a blank would be read as the start of the description; no
// real output here has one.
Status ParseLsattr(const std::string& text, std::vector<DeviceAttribute>* out);

// lsattr -EOl DEVICE [-a ATTR]...: the names on a first line after '#',
// separated by ':', the values on the second line the same way:
//   #size_in_mb
//   69797
struct AttributeValue {
  std::string name;
  std::string value;
};

// The line after the names is the value line, even when blank (a single
// attribute whose value is empty); values are kept as printed. Corruption
// naming the line for a first line that does not start with '#', a name that
// is not an attribute name, a value line with another number of fields than
// there are names (a value holding ':' cannot be told from two values), a
// second value line (one device), a missing value line, or empty output.
// Failed for an AIX message.
Status ParseLsattrColon(const std::string& text, std::vector<AttributeValue>* out);

nlohmann::json ToJson(const std::vector<DeviceAttribute>& attrs);
nlohmann::json ToJson(const std::vector<AttributeValue>& values);

}  // namespace lvu::drivers::aix
