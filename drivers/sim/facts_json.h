// OsFacts as JSON: the "os" object of world.json. Keys are the struct's
// field names; lists of names are JSON arrays of strings.
//
// Contract: OsFactsFromJson is strict like ParseWorld: a missing or
// mistyped field throws nlohmann::json::exception, which ParseWorld (the one
// boundary that reads world.json) turns into Corruption naming the field.
#pragma once

#include <nlohmann/json.hpp>

#include "drivers/facts.h"

namespace lvu::drivers::sim {

nlohmann::json OsFactsToJson(const OsFacts& f);
OsFacts OsFactsFromJson(const nlohmann::json& j);

}  // namespace lvu::drivers::sim
