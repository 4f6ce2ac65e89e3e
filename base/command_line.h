// A command line as lvupdate stores it (a registered notification script, a
// base process): words separated by blanks or tabs, double quotes grouping
// words (and removed). No other quoting, no escapes, no variables: what AIX's
// lvupdateRegScript keeps in its registration file.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace lvu {

// InvalidArgument for an unterminated double quote.
Status SplitCommandLine(const std::string& line, std::vector<std::string>* argv);

}  // namespace lvu
