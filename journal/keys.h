// Keys of the journal's column families (see docs/journal-format.md).
//
//   events: op id (26 bytes) + seq as 8-byte big-endian unsigned integer, so a
//           prefix scan on the op id returns its events in sequence order and
//           op ids (ULIDs) order operations by start time.
//   ops:    op id (26 bytes).
//   default: "format_version", "active_op".
//
// KeyName renders an events key the way every error message names it:
// "events/<op id>/<seq in decimal>".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lvu::journal {

inline constexpr size_t kOpIdSize = 26;
inline constexpr size_t kEventKeySize = kOpIdSize + 8;

inline constexpr char kEventsFamily[] = "events";
inline constexpr char kOpsFamily[] = "ops";
inline constexpr char kFormatVersionKey[] = "format_version";
inline constexpr char kFormatVersion[] = "1";
inline constexpr char kActiveOpKey[] = "active_op";
// Present once the journal keeps a high-water mark file (journal/high_water.h):
// from then on the file missing is reported, not taken as "no mark".
inline constexpr char kHighWaterKey[] = "high_water";

// Whether `id` is an operation id: 26 Crockford base32 characters (0-9, A-Z
// without I L O U), as Journal::NewOpId makes them.
bool IsOpId(std::string_view id);

std::string EventKey(std::string_view op_id, uint64_t seq);

// Splits an events key; false when it is not kEventKeySize bytes long.
bool ParseEventKey(std::string_view key, std::string* op_id, uint64_t* seq);

std::string KeyName(std::string_view op_id, uint64_t seq);

// A printable rendering of any raw key (non-printable bytes as \xNN), for
// messages about keys that do not parse.
std::string PrintableKey(std::string_view key);

}  // namespace lvu::journal
