#include "drivers/aix/parse/genkex.h"

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

constexpr const char* kCmd = "genkex";

bool ParseHex(const std::string& s, uint64_t* out) {
  if (s.empty() || s.size() > 16) return false;
  uint64_t v = 0;
  for (char c : s) {
    int d = 0;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return false;
    v = v * 16 + static_cast<uint64_t>(d);
  }
  *out = v;
  return true;
}

std::string HexString(uint64_t v) {
  static const char* kDigits = "0123456789abcdef";
  std::string s;
  do {
    s.insert(s.begin(), kDigits[v & 15]);
    v >>= 4;
  } while (v != 0);
  return s;
}

}  // namespace

Status ParseGenkex(const std::string& text, KernelExtensions* out) {
  *out = KernelExtensions();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  bool header = false;
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    if (!header) {
      const std::string h = CollapseSpaces(l.text);
      if (h == "Text address Size Data address Size File") {
        out->with_data = true;
      } else if (h != "Text address Size File") {
        return LineError(kCmd, l, "not the genkex header");
      }
      header = true;
      continue;
    }
    const std::vector<Token> t = Tokenize(l.text);
    const size_t numbers = out->with_data ? 4 : 2;
    if (t.size() <= numbers) return LineError(kCmd, l, "row without its file");
    KernelExtension k;
    uint64_t* fields[] = {&k.text_address, &k.text_size, &k.data_address, &k.data_size};
    for (size_t i = 0; i < numbers; ++i) {
      if (!ParseHex(t[i].text, fields[i])) {
        return LineError(kCmd, l, "column " + std::to_string(i + 1) + " is not a hexadecimal number");
      }
    }
    k.file = TrimRight(std::string_view(l.text).substr(t[numbers].column));
    out->extensions.push_back(k);
  }
  if (!header) return EndError(kCmd, lines, "empty output: no header");
  return Status::OK();
}

nlohmann::json ToJson(const KernelExtensions& k) {
  nlohmann::json a = nlohmann::json::array();
  for (const KernelExtension& e : k.extensions) {
    nlohmann::json j = {{"text_address", HexString(e.text_address)}, {"text_size", e.text_size}};
    if (k.with_data) {
      j["data_address"] = HexString(e.data_address);
      j["data_size"] = e.data_size;
    }
    j["file"] = e.file;
    a.push_back(j);
  }
  return {{"with_data", k.with_data}, {"extensions", a}};
}

}  // namespace lvu::drivers::aix
