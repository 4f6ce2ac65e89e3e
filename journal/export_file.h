// A file written by `lvupdate journal export`, read back (`journal import`,
// `replay --from`): JSON lines (one ToJson event a line) or the Cap'n Proto
// message stream (docs/journal-format.md, "Export and import").
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "journal/event.h"

namespace lvu::journal {

// The events of `text` (read from `file`, which names it in errors): format
// "auto" (or ""; a first non-blank byte '{' is JSON lines), "jsonl" or
// "capnp". InvalidArgument naming the line or message that is not an event.
Status ParseExport(const std::string& text, const std::string& file, const std::string& format,
                   std::vector<Event>* events);

}  // namespace lvu::journal
