// Settings: the facts of the simulated world that `lvupdate sim set KEY
// VALUE` changes, so that every preview check can be made to fail.
//
// Contracts:
// - ListSettings gives every key of the world, in a fixed order, with its
//   current value in the form ApplySetting takes; keys that name a part of
//   the world (a file system, a disk, a path, a LUN, a vhost) are listed for
//   each part the world has.
// - Each setting names the checks it feeds (actions/checks names; "estimate"
//   for the cost model) and, where one exists, the values that make one of
//   them FAILED on the lab (`breaks`), sometimes together with another
//   setting (`with`, "KEY=VALUE").
// - ApplySetting changes that one attribute. Unknown key or bad value:
//   InvalidArgument naming the key (and the values it takes). Values:
//   integers in decimal, yes|no, on|off for trustchk policies, lists of
//   names separated by commas ("none" or "" for the empty list).
// - Settings are for between operations: nothing checks that an operation
//   is under way. No setting records time: `clock` and `errlog` are not
//   settings.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "drivers/sim/world.h"

namespace lvu::drivers::sim {

struct Breaker {
  std::string value;  // a value that makes `check` FAILED
  std::string check;  // the check name
  std::string with;   // "KEY=VALUE" also needed, or ""
};

struct Setting {
  std::string key;                 // "fs./var.free_mb"
  std::string value;               // "1157"
  std::vector<std::string> feeds;  // checks it feeds: {"space.var", "var.ctrace", "var.lmt"}
  std::vector<Breaker> breaks;     // empty when no value makes a check fail
  std::string help;                // what it stands for, with the AIX command
};

std::vector<Setting> ListSettings(const World& w);

Status ApplySetting(World* w, const std::string& key, const std::string& value);

// Makes `w` the system an operation recorded (opStarted.system, a JSON object
// {"key": "value"}, drivers/system.h ReplaySettings): each setting whose value
// differs is applied; *changed counts them. InvalidArgument for text that is
// not such an object, or a key the world has no counterpart for.
Status ApplySystemSettings(World* w, const std::string& system_json, int* changed);

}  // namespace lvu::drivers::sim
