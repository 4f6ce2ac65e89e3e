// AIX messages: "NNNN-NNN command: text", continuation lines after it.
//
// AIX commands print their errors and warnings with a message number: the
// component (4 digits) and the message (3 or 4 digits), then usually the
// command's name and a colon, sometimes a severity ("Warning:"; Live
// Update's 1430-NNN messages put "FAILED:" or "WARNING:" in its place), then
// the text. A long text goes on in continuation lines, indented by 8 blanks
// for LVM's 0516-NNN; Live Update's follow-on hint lines are not indented.
// Examples (aix-outputs): "0516-010 : Volume group must be varied on; use
// varyonvg command.", "0516-1201 lsvg: Warning: Volume group rootvg is
// locked. This command", "1430-246 FAILED: No valid authentication with an
// HMC console.", "0514-076 Cannot perform the requested function ...".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {

struct AixMessage {
  int line = 0;          // 1-based line of the message number
  std::string code;      // "0516-010"
  std::string command;   // "lsvg"; empty when the message names none
  std::string severity;  // "Warning", "FAILED", "WARNING"...; empty when none
  std::string text;      // the text; continuation lines joined with one blank
};

struct AixMessages {
  std::vector<std::string> preamble;  // lines before the first message ("Method error (...):")
  std::vector<AixMessage> messages;
};

// True when `line` starts with a message number: 4 digits, '-', 3 or 4
// digits, then a blank or the end of the line.
bool IsAixMessageLine(std::string_view line);

// Every message of `text` (stdout or stderr of an AIX command), in order.
// A line that is not a message line continues the message before it.
// Corruption (command "aix message") for text holding no message at all.
Status ParseAixMessages(const std::string& text, AixMessages* out);

// For the table parsers: Failed naming `command` and the line when the first
// non-blank line of `lines` is an AIX message, i.e. the command printed an
// error or a warning instead of its output; OK otherwise. The Failed message
// holds the code and the whole text, e.g. "lsvg -l: line 1: AIX message
// 0516-010: Volume group must be varied on; use varyonvg command."
Status FailIfAixMessage(std::string_view command, const std::vector<Line>& lines);

}  // namespace lvu::drivers::aix
