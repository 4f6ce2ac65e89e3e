// The HMC's messages in place of a listing.
//
// - "HSCLnnnn text": an error with its code (4 hex digits), the text in the
//   HMC's locale (a Polish HMC here: "HSCLA4C0 System zarządzany nie obsługuje
//   ..."); the command exits non-zero.
// - A sentence without a code: some errors have none ("The command entered is
//   either missing a required parameter ...", "Wprowadzono niepoprawny
//   atrybut. ...").
// - "No results were found." (Polish "Nie znaleziono wyników."): nothing
//   matched. HMC V9R1 exits 0 with it, V10R1 exits 1: it is an empty result,
//   not an error.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace lvu::drivers::aix {

// Looks at `text` (stdout of an HMC listing command) before it is parsed:
// Failed naming `command`, line 1 and the message for an HSCL error; OK with
// *no_results true for the "No results were found." sentence in a known
// locale; OK with *no_results false otherwise (a listing to parse).
Status CheckHmcMessage(std::string_view command, const std::string& text, bool* no_results);

// True for a line that reads as a message sentence rather than a record: it
// holds a blank, no '=', and ends with '.'. The attribute parsers turn such a
// line into Failed ("HMC error without a code"), not Corruption.
bool LooksLikeHmcSentence(std::string_view line);

// Failed "<command>: line <n>: HMC error without a code: <text>".
Status HmcSentenceError(std::string_view command, int line, std::string_view text);

}  // namespace lvu::drivers::aix
