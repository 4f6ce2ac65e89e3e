// Lines of a command's stdout, and the errors that name them.
//
// Every parser in this folder reads its input through ReadLines, so that all
// of them treat line endings, binary input and over-long lines alike, and all
// report an error as "<command>: line N: <what>: \"<the line>\"".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace lvu::drivers::aix {

// One line of output: its 1-based number and its text, without the newline
// and without a trailing carriage return (outputs captured through Windows
// carry CRLF endings).
struct Line {
  int number = 0;
  std::string text;
};

// Splits `text` into lines. A final newline does not make an empty last line.
// Corruption naming `command` and the line for a byte that is not text: a
// control character other than tab, or a byte that is not part of valid UTF-8
// (HMC and AIX print localised messages in UTF-8).
Status ReadLines(std::string_view command, const std::string& text, std::vector<Line>* out);

// Blank: empty or only spaces and tabs.
bool IsBlank(std::string_view s);
std::string Trim(std::string_view s);
std::string TrimRight(std::string_view s);
// Runs of blanks become one space, ends trimmed ("Node  Name" -> "Node Name").
std::string CollapseSpaces(std::string_view s);

// A word of a line and the column (0-based) where it starts.
struct Token {
  size_t column = 0;
  std::string text;
};
std::vector<Token> Tokenize(std::string_view line);

// The line in double quotes for a message: bytes that are not printable text
// are written \xNN, and a line longer than 160 bytes is cut with a note of how
// many bytes were left out.
std::string QuoteLine(std::string_view line);

// Corruption: "<command>: line <n>: <what>: \"<line>\"".
Status LineError(std::string_view command, const Line& line, std::string_view what);
// Corruption about the output as a whole, at the line after the last one:
// "<command>: line <n> (end of output): <what>".
Status EndError(std::string_view command, const std::vector<Line>& lines, std::string_view what);

// `s` cut at every `sep`: n separators give n + 1 fields, empty ones kept.
std::vector<std::string> SplitOn(const std::string& s, char sep);

// The lines of `lines` that are not blank, in order (pointers into it).
std::vector<const Line*> NonBlankLines(const std::vector<Line>& lines);

// The one non-blank line of a one-line output (uname -L, oslevel -s, getconf):
// *out points into `lines`. Corruption "more than one line" at the second
// non-blank line, "empty output" when there is none.
Status SingleLine(std::string_view command, const std::vector<Line>& lines, const Line** out);

// Whole-string number parsing; false for anything else (sign only where
// stated, no blanks, no overflow).
bool ParseUint(std::string_view s, uint64_t* out);
bool ParseInt(std::string_view s, int64_t* out);  // an optional leading '-'
// A decimal number; a decimal comma is accepted (AIX prints "4,00" when LANG
// is not C).
bool ParseDecimal(std::string_view s, double* out);

// An AIX object name (device, volume group, logical volume): 1 to 64 of
// letters, digits, '_', '-', '.'.
bool IsAixName(std::string_view s);

}  // namespace lvu::drivers::aix
