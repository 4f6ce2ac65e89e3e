// The journal as the read-only commands open it (`journal ...`, `replay`,
// `snap`): the home's journal in Journal::Mode::kReadOnly (no lock, works
// beside a running live update), operation arguments resolved the same way
// everywhere, and the same messages and exit codes (journal_commands.h).
//
// Each function that returns an int returns kExitOk or, having printed
// "lvupdate: <message>" on stderr, the exit code to return.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "cli/commands.h"
#include "journal/journal.h"

namespace lvu::cli {

struct JournalReader {
  std::string home;
  std::string dir;                            // <home>/journal
  std::unique_ptr<journal::Journal> journal;  // null when there is no journal yet
};

// Resolves the home and opens its journal read-only; kExitOk with
// r->journal null when the home has no journal.
int OpenJournalReader(const GlobalOptions& g, JournalReader* r);

// OP: an id, a unique prefix of one (any case), or "" for the newest
// operation. Unknown or ambiguous (the candidates listed): exit 2.
int ResolveOpArg(const JournalReader& r, const std::string& arg, std::string* op);

// Whether `op` is the operation a live process is running now.
bool OpRunning(const JournalReader& r, const std::string& op);

// Prints `s`; exit 1, with how to see every problem, for a damaged record;
// 2 for NotFound and InvalidArgument; else 1.
int FailJournalRead(const Status& s);

}  // namespace lvu::cli
