// The raw export stream (`journal export --format capnp`): an operation's
// stored event values back to back, each one complete framed Cap'n Proto
// message (segment table, then segments), as in the events family. This is
// Cap'n Proto's standard stream framing, so `capnp decode events.capnp Event`
// reads the file, and SplitStream reads it back.
//
// Contract: SplitStream cuts `bytes` into its messages by their segment
// tables, without decoding them (Decode does that). Corruption, naming the
// byte offset, when the stream is not a whole number of 8-byte words or its
// last message is cut short.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace lvu::journal {

Status SplitStream(std::string_view bytes, std::vector<std::string>* messages);

}  // namespace lvu::journal
