// Journal keys: see keys.h.
#include "journal/keys.h"

#include <cstdio>

namespace lvu::journal {

bool IsOpId(std::string_view id) {
  if (id.size() != kOpIdSize) return false;
  for (char c : id) {
    const bool digit = c >= '0' && c <= '9';
    const bool letter = c >= 'A' && c <= 'Z' && c != 'I' && c != 'L' && c != 'O' && c != 'U';
    if (!digit && !letter) return false;
  }
  return true;
}

std::string EventKey(std::string_view op_id, uint64_t seq) {
  std::string k(op_id);
  for (int shift = 56; shift >= 0; shift -= 8) {
    k.push_back(static_cast<char>((seq >> shift) & 0xff));
  }
  return k;
}

bool ParseEventKey(std::string_view key, std::string* op_id, uint64_t* seq) {
  if (key.size() != kEventKeySize) return false;
  *op_id = std::string(key.substr(0, kOpIdSize));
  uint64_t v = 0;
  for (size_t i = kOpIdSize; i < kEventKeySize; ++i) {
    v = (v << 8) | static_cast<unsigned char>(key[i]);
  }
  *seq = v;
  return true;
}

std::string KeyName(std::string_view op_id, uint64_t seq) {
  return "events/" + PrintableKey(op_id) + "/" + std::to_string(seq);
}

std::string PrintableKey(std::string_view key) {
  std::string out;
  for (unsigned char c : key) {
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[5];
      std::snprintf(buf, sizeof(buf), "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace lvu::journal
