#include "drivers/aix/parse/key_value.h"

namespace lvu::drivers::aix {
namespace {

constexpr size_t kMaxKey = 40;

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '(' ||
         c == ')' || c == '-' || c == '_' || c == '/' || c == '.';
}

// The length of a key starting at t[0] and ending with ':' (followed by a blank
// or the end), 0 if there is none.
size_t KeyLength(std::string_view t) {
  for (size_t i = 0; i < t.size() && i <= kMaxKey; ++i) {
    if (t[i] == ':') {
      if (i == 0) return 0;
      if (i + 1 < t.size() && t[i + 1] != ' ' && t[i + 1] != '\t') return 0;
      return i;
    }
    if (!IsKeyChar(t[i])) return 0;
  }
  return 0;
}

}  // namespace

Status ParseKeyValuePairs(std::string_view command, const std::vector<Line>& lines, std::vector<KeyValue>* out) {
  out->clear();
  for (const Line& line : lines) {
    if (IsBlank(line.text)) continue;
    const std::string_view t = line.text;
    const size_t k1 = KeyLength(t);
    if (k1 == 0 || t[0] < 'A' || t[0] > 'Z') return LineError(command, line, "not a \"KEY: value\" line");
    const std::string_view rest = t.substr(k1 + 1);
    // A second pair: two blanks, then a capitalised key and ':'.
    size_t second = std::string_view::npos, k2 = 0;
    for (size_t q = 2; q < rest.size(); ++q) {
      if (rest[q - 1] != ' ' || rest[q - 2] != ' ' || rest[q] < 'A' || rest[q] > 'Z') continue;
      if (IsBlank(rest.substr(0, q))) continue;  // the padding before the first value
      k2 = KeyLength(rest.substr(q));
      if (k2 > 0) {
        second = q;
        break;
      }
    }
    KeyValue a{line.number, Trim(t.substr(0, k1)), Trim(rest.substr(0, second))};
    out->push_back(a);
    if (second != std::string_view::npos) {
      out->push_back(KeyValue{line.number, Trim(rest.substr(second, k2)), Trim(rest.substr(second + k2 + 1))});
    }
  }
  return Status::OK();
}

const KeyValue* FindKey(const std::vector<KeyValue>& pairs, std::string_view key) {
  for (const KeyValue& kv : pairs) {
    if (kv.key == key) return &kv;
  }
  return nullptr;
}

bool LeadingUint(std::string_view value, uint64_t* out) {
  size_t n = 0;
  while (n < value.size() && value[n] >= '0' && value[n] <= '9') ++n;
  if (n < value.size() && value[n] != ' ' && value[n] != '(') return false;
  return ParseUint(value.substr(0, n), out);
}

}  // namespace lvu::drivers::aix
