// Event codec: journal records <-> Cap'n Proto bytes (journal/events.capnp).
//
// This is the only code that touches Cap'n Proto readers and builders; the rest
// of lvupdate sees plain Event and OpSummary values.
//
// Contracts:
// - Encode* return one flat, unpacked Cap'n Proto message (segment table
//   followed by the segments; capnp::messageToFlatArray), a whole number of
//   8-byte words.
// - Decode* copy `bytes` into a word-aligned buffer before reading, so any
//   std::string or RocksDB slice can be passed. They return Status::Corruption
//   (never throw, never crash) when the bytes are not a whole number of words,
//   are not exactly one well-formed message, or hold an enum value or event
//   kind this version does not know. Messages are a description of what is
//   wrong, without a key: the caller adds the key as context.
// - ToJson returns one JSON object on one line (no trailing newline), written
//   by Cap'n Proto's JSON codec from the schema: field names are the schema's
//   (camelCase), the union member's name is the event kind's name (KindName),
//   enums are the schema's enumerant names ("rolledBack", "passed"), and
//   64-bit integers (seq, timeUs, blackoutS, globalS) are JSON strings.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "journal/event.h"
#include "journal/journal.h"

namespace lvu::journal {

std::string Encode(const Event& e);
Status Decode(std::string_view bytes, Event* out);

std::string EncodeSummary(const OpSummary& s);
Status DecodeSummary(std::string_view bytes, OpSummary* out);

std::string ToJson(const Event& e);

}  // namespace lvu::journal
