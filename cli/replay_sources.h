// Where `lvupdate replay --against-sim --from FILE...` reads an operation:
// `journal export` files (JSON lines or the Cap'n Proto stream) and support
// bundles (`lvupdate snap`: ops/<OP>/events.jsonl, read with libarchive in
// memory).
//
// Contract: every operation found, by id, in seq order, with no seq missing
// (else exit 2 naming the operation and the first missing event). Functions
// return a process exit code (cli/commands.h) after printing the error.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "journal/event.h"

namespace lvu::cli {

using OpEvents = std::map<std::string, std::vector<journal::Event>>;

int LoadReplayFiles(const std::vector<std::string>& files, OpEvents* ops);

// OP (an id or a unique prefix, any case) among the operations of the files.
int ResolveInFiles(const OpEvents& ops, const std::string& arg, std::string* op);

}  // namespace lvu::cli
