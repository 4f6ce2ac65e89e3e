#include "drivers/aix/parse/text_lines.h"

#include <cmath>
#include <cstdlib>

namespace lvu::drivers::aix {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], 0 if none.
size_t Utf8Length(std::string_view s, size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  size_t n = 0;
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) n = 2;
  else if (b >= 0xE0 && b <= 0xEF) n = 3;
  else if (b >= 0xF0 && b <= 0xF4) n = 4;
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return n;
}

bool IsControl(unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7F; }

std::string Hex(unsigned char c) {
  static const char* kDigits = "0123456789abcdef";
  return std::string("\\x") + kDigits[c >> 4] + kDigits[c & 15];
}

}  // namespace

Status ReadLines(std::string_view command, const std::string& text, std::vector<Line>* out) {
  out->clear();
  size_t start = 0;
  int number = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    Line line;
    line.number = ++number;
    line.text = text.substr(start, end - start);
    if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
    for (size_t i = 0; i < line.text.size();) {
      const auto c = static_cast<unsigned char>(line.text[i]);
      const size_t n = Utf8Length(line.text, i);
      if (n == 0 || (n == 1 && IsControl(c))) {
        return LineError(command, line,
                         "not text: byte " + Hex(c).substr(1) + " at column " + std::to_string(i + 1));
      }
      i += n;
    }
    out->push_back(std::move(line));
    start = end + 1;
  }
  return Status::OK();
}

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

std::string Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  const size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

std::string TrimRight(std::string_view s) {
  const size_t e = s.find_last_not_of(" \t");
  if (e == std::string_view::npos) return "";
  return std::string(s.substr(0, e + 1));
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  for (const Token& t : Tokenize(s)) {
    if (!out.empty()) out += ' ';
    out += t.text;
  }
  return out;
}

std::vector<Token> Tokenize(std::string_view line) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    const size_t b = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    out.push_back(Token{b, std::string(line.substr(b, i - b))});
  }
  return out;
}

std::string QuoteLine(std::string_view line) {
  constexpr size_t kMax = 160;
  std::string out = "\"";
  size_t i = 0;
  while (i < line.size() && i < kMax) {
    const auto c = static_cast<unsigned char>(line[i]);
    const size_t n = Utf8Length(line, i);
    if (n == 0 || (n == 1 && IsControl(c)) || i + n > kMax) {
      out += Hex(c);
      ++i;
    } else {
      if (c == '"' || c == '\\') out += '\\';
      out.append(line.substr(i, n));
      i += n;
    }
  }
  out += '"';
  if (i < line.size()) out += " (and " + std::to_string(line.size() - i) + " more bytes)";
  return out;
}

Status LineError(std::string_view command, const Line& line, std::string_view what) {
  return Status::Corruption(std::string(command) + ": line " + std::to_string(line.number) + ": " +
                            std::string(what) + ": " + QuoteLine(line.text));
}

Status EndError(std::string_view command, const std::vector<Line>& lines, std::string_view what) {
  const int n = lines.empty() ? 1 : lines.back().number + 1;
  return Status::Corruption(std::string(command) + ": line " + std::to_string(n) + " (end of output): " +
                            std::string(what));
}

bool ParseUint(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

bool ParseInt(std::string_view s, int64_t* out) {
  const bool neg = !s.empty() && s[0] == '-';
  uint64_t v = 0;
  if (!ParseUint(neg ? s.substr(1) : s, &v)) return false;
  *out = neg ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
  return true;
}

bool ParseDecimal(std::string_view s, double* out) {
  if (s.empty() || s.size() > 40) return false;
  std::string t(s);
  bool seen_point = false, seen_digit = false;
  for (size_t i = 0; i < t.size(); ++i) {
    char& c = t[i];
    if (c == '-' && i == 0) continue;
    if (c == ',' || c == '.') {
      if (seen_point) return false;
      seen_point = true;
      c = '.';
      continue;
    }
    if (c < '0' || c > '9') return false;
    seen_digit = true;
  }
  if (!seen_digit) return false;
  *out = std::strtod(t.c_str(), nullptr);
  return std::isfinite(*out);
}

bool IsAixName(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

Status SingleLine(std::string_view command, const std::vector<Line>& lines, const Line** out) {
  *out = nullptr;
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    if (*out != nullptr) return LineError(command, l, "more than one line");
    *out = &l;
  }
  if (*out == nullptr) return EndError(command, lines, "empty output");
  return Status::OK();
}

std::vector<const Line*> NonBlankLines(const std::vector<Line>& lines) {
  std::vector<const Line*> rows;
  for (const Line& l : lines) {
    if (!IsBlank(l.text)) rows.push_back(&l);
  }
  return rows;
}

std::vector<std::string> SplitOn(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    const size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) return out;
    b = e + 1;
  }
}

}  // namespace lvu::drivers::aix
