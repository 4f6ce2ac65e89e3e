// The `aix` command group: what a support engineer runs to see how the aix
// driver reads a system. Only this group (cli/aix_*.cc) includes drivers/aix/.
#pragma once

#include <string>

#include "cli/commands.h"

namespace lvu::cli {

// aix parse 'COMMAND LINE' [FILE]: what the aix driver's parser reads from a
// saved output of COMMAND LINE (FILE, else standard input), as JSON on
// standard output: {"command", "parser", "result"}. A command line no parser
// covers, an unreadable FILE, or output the parser cannot read (the message
// names the command and the line): exit 2, nothing printed on stdout.
int CmdAixParse(const GlobalOptions& g, const std::string& command_line, const std::string& file);

}  // namespace lvu::cli
