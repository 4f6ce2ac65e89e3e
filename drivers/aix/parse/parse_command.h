// The parser for a command line: picks the parser of the command's family,
// parses its stdout and renders the result as JSON. It backs
// `lvupdate aix parse 'COMMAND' [FILE]` for support engineers, who paste the
// command they ran and the text it printed.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

// Supported command lines (options in any order; paths in argv[0] allowed):
//   lspv | lspv hdiskN | lspv -l hdiskN
//   lspath [-l D] [-p P] [-s S] [-w C] [-H] [-F "fields"]
//   lsvg | lsvg -o | lsvg VG | lsvg -l VG... | lsvg -p VG...
//   lsdev -C[c class] [-s sub] [-t type] [-S state] [-F "name:description"]
//   bootlist -m MODE -o
//   oslevel -s | emgr -l | lparstat -i | uname -L
//   df [-g|-m|-k] [FS...] | getconf DISK_SIZE /dev/hdiskN
//   lsmap -all | lsmap -vadapter vhostN            (VIOS)
//   lssyscfg -r sys|lpar|prof [-m SYS] [--filter F] [-F a,b,c]   (HMC)
//   lshwres -r proc|mem --level sys|lpar [-m SYS] [--filter F]
//   lshwres -r virtualio --rsubtype scsi|eth|slot [--level lpar] [-m SYS]
//   lssyscfg|lshwres|lssysconn -r OTHER ... | lshmc -V    (generic records)
//   bootinfo -s hdiskN
//   lsps -a | genkex [-d] | ps -ef | smtctl
//   lsattr -E|-D|-P [-O] [-H] -l DEVICE [-a ATTR]...
//   errpt [-a] [-N RES] [-J LABEL] [-d CLASS] [-T TYPE] [-s/-e DATE] [-j/-k ID] [-l SEQ]
//   lsmpio [-l hdiskN] | lsmpio -ar
// HMC listings without a typed parser (virtualio serial, io slot, frame,
// lssysconn, lshmc -V) and every -F listing give the generic records: one
// object of name: value per record; -F without a list is not supported.
//
// *out = {"command": command_line, "parser": "<family>", "result": <JSON>}.
// InvalidArgument listing the supported commands for any other command line;
// the parser's Status otherwise, prefixed with the command line.
Status ParseCommandOutput(const std::string& command_line, const std::string& text, nlohmann::json* out);

// The supported command lines above, one per entry (for the help text).
std::vector<std::string> SupportedCommands();

}  // namespace lvu::drivers::aix
