#include "drivers/aix/parse/hmc_message.h"

#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); }

// "HSCL" then 4 hex digits, then a blank or the end.
bool IsHsclLine(std::string_view t) {
  if (t.size() < 8 || t.substr(0, 4) != "HSCL") return false;
  for (size_t i = 4; i < 8; ++i) {
    if (!IsHex(t[i])) return false;
  }
  return t.size() == 8 || t[8] == ' ';
}

// The sentence in each locale seen on a real HMC (aix-outputs: hmc_no_results*).
const char* const kNoResults[] = {
    "No results were found.",
    "Nie znaleziono wyników.",
};

}  // namespace

Status CheckHmcMessage(std::string_view command, const std::string& text, bool* no_results) {
  *no_results = false;
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(command, text, &lines));
  const Line* first = nullptr;
  size_t non_blank = 0;
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    if (first == nullptr) first = &l;
    ++non_blank;
  }
  if (first == nullptr) return Status::OK();
  const std::string t = Trim(first->text);
  if (IsHsclLine(t)) {
    std::string msg = t.substr(8);
    if (msg.size() > 400) msg = msg.substr(0, 400) + "...";
    return Status::Failed(std::string(command) + ": line " + std::to_string(first->number) + ": HMC error " +
                          t.substr(0, 8) + ":" + msg);
  }
  if (non_blank == 1) {
    for (const char* s : kNoResults) {
      if (t == s) {
        *no_results = true;
        return Status::OK();
      }
    }
  }
  return Status::OK();
}

bool LooksLikeHmcSentence(std::string_view line) {
  const std::string t = Trim(line);
  return t.size() > 1 && t.back() == '.' && t.find(' ') != std::string::npos &&
         t.find('=') == std::string::npos;
}

Status HmcSentenceError(std::string_view command, int line, std::string_view text) {
  std::string t = Trim(text);
  if (t.size() > 400) t = t.substr(0, 400) + "...";
  return Status::Failed(std::string(command) + ": line " + std::to_string(line) +
                        ": HMC error without a code: " + t);
}

}  // namespace lvu::drivers::aix
