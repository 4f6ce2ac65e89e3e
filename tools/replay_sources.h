// Where `lvupdate replay --against-sim --from FILE...` reads an operation:
// `journal export` files (JSON lines or the Cap'n Proto stream) and support
// bundles (`lvupdate snap`: ops/<OP>/events.jsonl, read with libarchive in
// memory).
//
// Contract: every operation found, by id, in seq order, with no seq missing
// (else InvalidArgument naming the operation and the first missing event).
// A file that cannot be read: NotFound or IOError naming it; one that is not
// an export or a bundle: InvalidArgument naming it (and the member).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "journal/event.h"

namespace lvu::tools {

using OpEvents = std::map<std::string, std::vector<journal::Event>>;

Status LoadReplayFiles(const std::vector<std::string>& files, OpEvents* ops);

// OP (an id or a unique prefix, any case) among the operations of the files;
// InvalidArgument when none or several match (the candidates listed).
Status ResolveInFiles(const OpEvents& ops, const std::string& arg, std::string* op);

}  // namespace lvu::tools
