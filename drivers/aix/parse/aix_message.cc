#include "drivers/aix/parse/aix_message.h"

namespace lvu::drivers::aix {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "FAILED", "WARNING", "Warning", "Error": a word of letters, capitalised.
bool IsSeverityWord(std::string_view w) {
  static const char* kWords[] = {"FAILED", "WARNING", "ERROR", "INFO", "Warning", "Error", "Failed"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

AixMessage ParseFirstLine(const Line& line) {
  AixMessage m;
  m.line = line.number;
  std::string_view t = line.text;
  const size_t sp = t.find_first_of(" \t");
  m.code = std::string(t.substr(0, sp));
  std::string rest = sp == std::string_view::npos ? "" : Trim(t.substr(sp));
  if (rest.size() >= 1 && rest[0] == ':') rest = Trim(std::string_view(rest).substr(1));  // "0516-010 : ..."
  for (int word = 0; word < 2; ++word) {
    const size_t end = rest.find(' ');
    const std::string w = rest.substr(0, end);
    if (w.size() < 2 || w.back() != ':') break;
    const std::string bare = w.substr(0, w.size() - 1);
    if (IsSeverityWord(bare)) {
      m.severity = bare;
    } else if (word == 0 && IsAixName(bare)) {
      m.command = bare;
    } else {
      break;
    }
    rest = end == std::string::npos ? "" : Trim(std::string_view(rest).substr(end));
    if (!m.severity.empty()) break;
  }
  m.text = rest;
  return m;
}

}  // namespace

bool IsAixMessageLine(std::string_view line) {
  if (line.size() < 8 || line[4] != '-') return false;
  if (!AllDigits(line.substr(0, 4))) return false;
  size_t n = 0;
  while (5 + n < line.size() && line[5 + n] >= '0' && line[5 + n] <= '9') ++n;
  if (n < 3 || n > 4) return false;
  return 5 + n == line.size() || line[5 + n] == ' ' || line[5 + n] == '\t';
}

Status ParseAixMessages(const std::string& text, AixMessages* out) {
  *out = AixMessages();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines("aix message", text, &lines));
  for (const Line& line : lines) {
    if (IsAixMessageLine(line.text)) {
      out->messages.push_back(ParseFirstLine(line));
    } else if (IsBlank(line.text)) {
      continue;
    } else if (out->messages.empty()) {
      out->preamble.push_back(Trim(line.text));
    } else {
      AixMessage& m = out->messages.back();
      m.text += (m.text.empty() ? "" : " ") + CollapseSpaces(line.text);
    }
  }
  if (out->messages.empty()) {
    if (lines.empty()) return EndError("aix message", lines, "empty output: no message");
    return LineError("aix message", lines.front(), "no AIX message (NNNN-NNN) in the output");
  }
  return Status::OK();
}

Status FailIfAixMessage(std::string_view command, const std::vector<Line>& lines) {
  for (const Line& line : lines) {
    if (IsBlank(line.text)) continue;
    if (!IsAixMessageLine(line.text)) return Status::OK();
    std::string all;
    for (const Line& l : lines) {
      if (l.number < line.number || IsBlank(l.text)) continue;
      all += (all.empty() ? "" : "\n") + l.text;
    }
    AixMessages msgs;
    if (!ParseAixMessages(all, &msgs).ok()) return Status::OK();  // cannot happen: the line is a message
    const AixMessage& m = msgs.messages.front();
    std::string what = "AIX message " + m.code + ": ";
    if (!m.command.empty()) what += m.command + ": ";
    if (!m.severity.empty()) what += m.severity + ": ";
    what += m.text;
    if (what.size() > 400) what = what.substr(0, 400) + "...";
    if (msgs.messages.size() > 1) what += " (and " + std::to_string(msgs.messages.size() - 1) + " more messages)";
    return Status::Failed(std::string(command) + ": line " + std::to_string(line.number) + ": " + what);
  }
  return Status::OK();
}

}  // namespace lvu::drivers::aix
