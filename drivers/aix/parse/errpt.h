// errpt: the error log summary (one line per entry, newest first) and
// errpt -a: the detailed entries.
//
//   IDENTIFIER TIMESTAMP  T C RESOURCE_NAME  DESCRIPTION
//   A5E6DB96   0414083416 I S pmig           Client Partition Migration Completed
//   7870C5A4   0620125012 T S vfchost12      Virtual FC Host Adapter detected an erro
//
// The description runs to the end of the line; errpt cuts it at the column
// width ("detected an erro"), which is kept as printed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "drivers/aix/parse/key_value.h"

namespace lvu::drivers::aix {

struct ErrorLogSummary {
  std::string identifier;  // 8 hex digits, "A5E6DB96"
  std::string timestamp;   // MMDDhhmmYY as printed, "0414083416"
  int month = 0, day = 0, hour = 0, minute = 0;
  int year = 0;            // the two digits printed (16); errpt prints no century
  std::string type;        // T: "P" (PERM, PERF, PEND), "T" (TEMP), "I" (INFO), "U" (UNKN)
  std::string error_class; // C: "H" hardware, "S" software, "O" informational, "U" undetermined
  std::string resource_name;
  std::string description;
};

// The header line is optional (outputs copied without it, or filtered by
// grep, are accepted). Empty output is valid: errpt prints nothing when no
// entry matches. Corruption naming the line for a row without six words, an
// identifier that is not 8 hex digits, a timestamp that is not a valid
// MMDDhhmmYY, a type or class letter not listed above. Failed for an AIX
// message.
Status ParseErrpt(const std::string& text, std::vector<ErrorLogSummary>* out);

// One section of the long form: a heading line ("Description", "Probable
// Causes", "Recommended Actions", "Detail Data"...) and its lines, trimmed,
// blank lines left out.
struct ErrorLogSection {
  int line = 0;  // the heading's line
  std::string title;
  std::vector<std::string> lines;
};

// One entry of errpt -a:
//   ---------------------------------------------------------------------------
//   LABEL:          PARTID_CHANGE
//   IDENTIFIER:     60AFC9E5
//
//   Date/Time:       Wed Apr  5 13:25:53 EET 2017
//   Sequence Number: 81372
//   ...
//   VPD:
//           Manufacturer................IBM
//
//   Description
//   Partition ID changed since last boot.
struct ErrorLogDetail {
  int line = 0;                    // the LABEL line
  std::string label;               // LABEL
  std::string identifier;          // IDENTIFIER
  std::string date_time;           // Date/Time as printed
  uint64_t sequence_number = 0;    // Sequence Number
  std::string machine_id;          // Machine Id ("" if not printed)
  std::string node_id;             // Node Id
  std::string error_class;         // Class ("H")
  std::string type;                // Type ("TEMP", "INFO")
  std::string resource_name;       // Resource Name
  std::string description;         // the Description section's lines joined by one blank
  std::vector<KeyValue> fields;    // every "Key: value" line of the head, in order
  std::vector<KeyValue> vpd;       // the indented "Name.......value" lines after VPD:
  std::vector<ErrorLogSection> sections;
};

// Entries are separated by a line of dashes (errpt -a prints one before each
// entry; a copy may lack the first). The head is "Key: value" lines up to the
// first section heading; the headings known are Description, Probable
// Causes, User Causes, Install Causes, Failure Causes, Recommended Actions
// and Detail Data; every line after Detail Data belongs to it (its content is
// free-form). Empty output is valid (no entry). Corruption naming the line
// for a head line that is neither "Key: value" nor a VPD line after VPD:, a
// VPD line without its dots, an entry without LABEL, IDENTIFIER (8 hex
// digits), Date/Time, Sequence Number (a number), Resource Name or a
// Description section (at the entry's first line). Failed for an AIX message.
Status ParseErrptDetailed(const std::string& text, std::vector<ErrorLogDetail>* out);

nlohmann::json ToJson(const std::vector<ErrorLogSummary>& entries);
nlohmann::json ToJson(const std::vector<ErrorLogDetail>& entries);

}  // namespace lvu::drivers::aix
