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
//   by Cap'n Proto's JSON codec from the annotated schema (event_json.cc):
//   field names are the schema's (camelCase); "kind" names the event kind
//   (KindName) and the object of that name follows; enums are the strings of
//   the *Name() functions ("rolled_back", "PASSED", "forward"); 64-bit integers
//   (seq, timeUs, blackoutS, globalS) are JSON numbers, or strings beyond 2^53.
//   docs/journal-format.md, "JSON lines", shows the exact form.
// - FromJson reads one such object back; FromJson(ToJson(e)) == e. It returns
//   InvalidArgument (never throws) for text that is not exactly one event:
//   not JSON, an unknown field, a missing or unknown kind or a kind without
//   its object, an unknown enum name, a value out of its field's range, or a
//   64-bit number beyond 2^53 (such values must be strings).
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
Status FromJson(std::string_view line, Event* out);

}  // namespace lvu::journal
