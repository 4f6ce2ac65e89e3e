// The HMC's listing format: one record per line, fields separated by commas.
//
// Without -F, lssyscfg and lshwres print "name=value" fields
// ("name=nim1,lpar_id=5,state=Not Activated"); with -F, only the values, in
// the order of the -F list. A field whose value holds a comma is put in
// double quotes together with its name ("io_slots=21010002/none/1,21050003/none/1"
// quoted as one field); a double quote inside a quoted field is doubled
// ("virtual_eth_adapters=""2/1/1/3,4,5/0/1"""), which is how the HMC nests a
// list of lists. Values may hold blanks or be empty ("rmc_ipaddr="), and the
// attributes differ from line to line (a VIOS has no huge-page fields). A
// quoted field may hold newlines (lshmc -V), so a record ends at a newline
// outside quotes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace lvu::drivers::aix {

struct HmcAttr {
  std::string name;
  std::string value;  // quotes of the field removed, doubled quotes made single
};

struct HmcRecord {
  int line = 0;                // 1-based line where the record starts
  std::vector<HmcAttr> attrs;  // in the order printed
  // The value of the first attribute called `name`; nullptr when absent.
  const std::string* Find(std::string_view name) const;
};

// Records of the "name=value,..." form. Blank lines are skipped. Corruption
// naming `command`, the line and quoting it for: a quote not closed before
// the end, text after a closing quote, a field without '=', an empty or
// malformed attribute name, or bytes that are not text.
Status ParseHmcAttrRecords(std::string_view command, const std::string& text, std::vector<HmcRecord>* out);

// Records of the -F form: the values in the order of `names`. Corruption for a
// record with another number of fields than `names`, and as above.
Status ParseHmcValueRecords(std::string_view command, const std::string& text,
                            const std::vector<std::string>& names, std::vector<HmcRecord>* out);

// The items of a list value: "none" and "" give no item; items are separated
// by commas, an item may be quoted ("504/client/...,c050760431670011/1").
// False for a quote not closed or text after a closing quote.
bool SplitHmcList(std::string_view value, std::vector<std::string>* items);

}  // namespace lvu::drivers::aix
