// oslevel -s: "7200-05-05-2246" = AIX 7.2, technology level 05, service
// pack 05, build of 2022 week 46.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

struct OsLevel {
  std::string text;          // "7200-05-05-2246"
  int version = 0;           // 7 (from "7200")
  int release = 0;           // 2
  int technology_level = 0;  // 5
  int service_pack = 0;      // 5
  std::string build;         // "2246": year 22, week 46
};

// One line VVRR-TT-SS-YYWW (blank lines around it allowed). Corruption naming
// the line for anything else, or empty output. Failed for an AIX message.
Status ParseOslevel(const std::string& text, OsLevel* out);

nlohmann::json ToJson(const OsLevel& l);

}  // namespace lvu::drivers::aix
