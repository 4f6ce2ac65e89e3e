#include "base/command_line.h"

namespace lvu {

Status SplitCommandLine(const std::string& line, std::vector<std::string>* argv) {
  argv->clear();
  std::string word;
  bool in_word = false, quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
      in_word = true;
    } else if (!quoted && (c == ' ' || c == '\t')) {
      if (in_word) argv->push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quoted) return Status::InvalidArgument("unterminated double quote in '" + line + "'");
  if (in_word) argv->push_back(word);
  return Status::OK();
}

}  // namespace lvu
