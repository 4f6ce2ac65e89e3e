// The journal's records as stored, undecoded: what Journal::ScanRaw returns
// and journal/verify.h checks.
#pragma once

#include <string>
#include <vector>

namespace lvu::journal {

// One stored key and value.
struct RawRecord {
  std::string key;
  std::string value;
};

// Everything stored under one operation id.
struct OpRecords {
  std::string op_id;              // the keys' first 26 bytes (the whole key when shorter)
  std::vector<RawRecord> events;  // the events family's records under op_id, in key order
  bool has_summary = false;
  std::string summary;            // the ops family's value, when has_summary
};

}  // namespace lvu::journal
