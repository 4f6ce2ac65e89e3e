// What validation needs that no step does: lvupdate.data, the ifixes named
// on the command line and where hmcauth keeps its token.
#pragma once

#include <string>
#include <vector>

#include "actions/validation/lvupdate_data.h"

namespace lvu::actions {

struct ValidationInput {
  LvupdateData data;
  std::string fix_dir;
  std::vector<std::string> fixes;  // file names, relative to fix_dir unless absolute
  std::string hmc_token_file;      // <home>/hmc/token (hmc_token.h)
  std::string home;                // registrations under <home>/liveupdate (registrations.h)
};

}  // namespace lvu::actions
