// Where the simulated world and its faults live on disk, and loading and
// saving them.
//
// Contracts:
// - <home>/sim/world.json holds the world (WorldToJsonText); SaveWorld
//   replaces it atomically and durably (see durable_file.h) before returning.
// - LoadWorld: NotFound telling to run `lvupdate sim init` when there is no
//   world; Corruption naming the file when it does not parse.
#pragma once

#include <string>

#include "base/status.h"
#include "drivers/sim/world.h"

namespace lvu::drivers::sim {

std::string SimDir(const std::string& home);        // <home>/sim
std::string WorldPath(const std::string& home);     // <home>/sim/world.json
std::string FaultsPath(const std::string& home);    // <home>/sim/faults.json

Status LoadWorld(const std::string& home, World* out);
Status SaveWorld(const std::string& home, const World& w);

}  // namespace lvu::drivers::sim
