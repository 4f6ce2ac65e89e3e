// An HMC listing (lssyscfg, lshwres, lssysconn without -F) read as records,
// and typed access to their attributes for the resource parsers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "drivers/aix/parse/hmc_attrs.h"

namespace lvu::drivers::aix {

// The records of `text`: no record for "No results were found." (in a known
// locale); Failed for "HSCLnnnn text" and for an error sentence without a
// code in place of the records; Corruption as ParseHmcAttrRecords, and for
// empty output (the HMC prints the sentence when nothing matched).
Status ParseHmcListing(std::string_view command, const std::string& text, std::vector<HmcRecord>* out);

// The same for -F output, with the names of the -F list.
Status ParseHmcValueListing(std::string_view command, const std::string& text,
                            const std::vector<std::string>& names, std::vector<HmcRecord>* out);

// Typed attributes. A missing required attribute, or a value that is not of
// the type, is Corruption "<command>: line N: ..." naming the attribute.
// Optional ones leave *out alone when the attribute is absent.
Status HmcText(std::string_view command, const HmcRecord& r, const char* name, std::string* out);
Status HmcInt(std::string_view command, const HmcRecord& r, const char* name, int64_t* out);
Status HmcOptionalInt(std::string_view command, const HmcRecord& r, const char* name,
                      std::optional<int64_t>* out);
Status HmcDecimal(std::string_view command, const HmcRecord& r, const char* name, double* out);
Status HmcOptionalDecimal(std::string_view command, const HmcRecord& r, const char* name,
                          std::optional<double>* out);
// A list attribute ("none" is empty); absent is empty.
Status HmcList(std::string_view command, const HmcRecord& r, const char* name, std::vector<std::string>* out);

// {"name": value, ...} of every attribute.
nlohmann::json HmcAttrsToJson(const HmcRecord& r);
nlohmann::json HmcRecordsToJson(const std::vector<HmcRecord>& records);

}  // namespace lvu::drivers::aix
