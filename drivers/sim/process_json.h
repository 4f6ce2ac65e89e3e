// The JSON form of a partition's process table (drivers/processes.h), as
// world.json and `sim show --json` hold it under each LPAR's "processes":
//
//   {"live_update": false,
//    "kexts": [{"path", "lu_safe", "loaded_by"}],
//    "procs": [{"pid", "ppid", "tids", "command", "kproc", "tty", "mem_mb",
//               "shm", "pipes", "files", "sockets": [{"local", "remote", "state"}],
//               "watcher", "inittab_id", "mobility", "state", "class"}]}
//
// Contracts: the same table always gives the same text once normalized
// (processes by pid, kernel extensions by path, each resource list sorted);
// ProcessTableFromJson is strict and reports a missing or mistyped field by
// throwing nlohmann::json::exception, which ParseWorld turns into Corruption.
#pragma once

#include <nlohmann/json.hpp>

#include "drivers/processes.h"

namespace lvu::drivers::sim {

nlohmann::json ProcessTableToJson(const ProcessTable& t);
ProcessTable ProcessTableFromJson(const nlohmann::json& j);  // throws nlohmann::json::exception
void NormalizeProcessTable(ProcessTable* t);

}  // namespace lvu::drivers::sim
