// `lvupdate journal ...` and `lvupdate replay`: reading the journal. Every
// command here but `journal import` opens the journal read-only
// (Journal::Mode::kReadOnly), so it works while a run holds the live update
// lock, and sees what was written when it opened.
//
// OP, where taken, is an operation id or a unique prefix of one (any case);
// without it, the newest operation. An unknown or ambiguous OP is exit 2, and
// an ambiguous one lists the candidates.
//
// Exit codes: 0 done; 1 could not run (journal unreadable, or a record damaged:
// `journal verify` reports problems with 1 too); 2 bad input (arguments, OP,
// an import file that does not verify or an operation already there).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "cli/commands.h"
#include "journal/event.h"

namespace lvu::cli {

struct JournalEventsOptions {
  std::string op;
  std::optional<uint64_t> from, to;  // inclusive seq range
  std::string kind;                  // "" for every kind; else a KindName
  bool json = false;
};

struct JournalExportOptions {
  std::string op;
  std::string output;            // -o FILE
  std::string format = "jsonl";  // jsonl | capnp
};

struct ReplayOptions {
  std::string op;
  std::optional<uint64_t> until;  // the last event folded; default: every event
  bool json = false;
  bool against_sim = false;       // --against-sim: re-run it on a fresh simulated lab (cli/replay_sim.h)
  std::vector<std::string> from;  // --from FILE...: exports (or a support bundle) instead of the home's journal
  std::string keep;               // --keep DIR: the lab's home, kept
};

int CmdJournalList(const GlobalOptions& g, bool json);
int CmdJournalShow(const GlobalOptions& g, const std::string& op, bool json, const std::string& svg_file);
int CmdJournalEvents(const GlobalOptions& g, const JournalEventsOptions& o);
int CmdJournalVerify(const GlobalOptions& g, const std::string& op, bool json);
int CmdJournalExport(const GlobalOptions& g, const JournalExportOptions& o);
int CmdJournalImport(const GlobalOptions& g, const std::string& file, const std::string& format);
int CmdReplay(const GlobalOptions& g, const ReplayOptions& o);


}  // namespace lvu::cli
