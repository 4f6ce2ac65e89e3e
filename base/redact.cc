// See redact.h.
#include "base/redact.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "base/command_line.h"

namespace lvu {

namespace {

bool IsKeyChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Where the text's secret keys are: the start of every occurrence of a word
// that may be part of one.
constexpr std::string_view kKeyWords[] = {"passw", "secret", "token", "_key", "-key"};

// The secrets, longest first: where two overlap, the longer one wins.
std::vector<const std::string*> LongestFirst(const SecretSet& secrets) {
  std::vector<const std::string*> v;
  for (const auto& s : secrets) v.push_back(&s);
  std::stable_sort(v.begin(), v.end(), [](const std::string* a, const std::string* b) { return a->size() > b->size(); });
  return v;
}

template <typename Replace>
std::string ScrubWith(std::string_view text, const SecretSet& secrets, size_t* count, Replace replace) {
  if (secrets.empty()) return std::string(text);
  const std::vector<const std::string*> order = LongestFirst(secrets);
  bool first[256] = {};
  for (const std::string* s : order) first[static_cast<unsigned char>((*s)[0])] = true;
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const std::string* hit = nullptr;
    if (first[static_cast<unsigned char>(text[i])]) {
      for (const std::string* s : order) {
        if (text.compare(i, s->size(), *s) == 0) {
          hit = s;
          break;
        }
      }
    }
    if (hit == nullptr) {
      out += text[i++];
      continue;
    }
    out += replace(*hit);
    i += hit->size();
    ++*count;
  }
  return out;
}

}  // namespace

bool IsSecretKey(std::string_view key_in) {
  std::string key = Lower(key_in);
  while (!key.empty() && (key.back() == '.' || key.back() == '-')) key.pop_back();
  for (std::string_view where : {"file", "path", "dir", "directory", "name", "ttl", "_s", "expires", "count"}) {
    if (EndsWith(key, where)) return false;
  }
  if (key.find("passw") != std::string::npos || key.find("secret") != std::string::npos ||
      key.find("token") != std::string::npos) {
    return true;
  }
  for (std::string_view k : {"session_key", "api_key", "apikey", "private_key", "signing_key", "access_key"}) {
    if (EndsWith(key, k)) return true;
  }
  return false;
}

bool AddSecret(std::string_view value, SecretSet* out) {
  if (value.size() < kMinSecretLength) return false;
  if (std::string_view(kRedacted).find(value) != std::string_view::npos) return false;
  // Nothing but punctuation ("****", "----") is a mask, not a secret.
  if (std::none_of(value.begin(), value.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
    return false;
  }
  out->insert(std::string(value));
  return true;
}

void CollectKeyValueSecrets(std::string_view text, SecretSet* out) {
  const std::string lower = Lower(text);
  std::vector<size_t> starts;
  for (std::string_view w : kKeyWords) {
    for (size_t at = lower.find(w); at != std::string::npos; at = lower.find(w, at + 1)) starts.push_back(at);
  }
  std::sort(starts.begin(), starts.end());
  size_t done_until = 0;  // a key already read (two of its words found)
  for (size_t at : starts) {
    if (at < done_until) continue;
    size_t b = at, e = at;
    while (b > 0 && IsKeyChar(text[b - 1])) --b;
    while (e < text.size() && IsKeyChar(text[e])) ++e;
    done_until = e;
    std::string_view key = text.substr(b, e - b);
    if (!IsSecretKey(key)) continue;
    size_t j = e;
    if (j < text.size() && (text[j] == '"' || text[j] == '\'')) ++j;
    while (j < text.size() && IsBlank(text[j])) ++j;
    if (j < text.size() && (text[j] == '=' || text[j] == ':')) {
      ++j;
    } else if (!(key[0] == '-' && j > e)) {
      continue;  // not followed by a value
    }
    while (j < text.size() && IsBlank(text[j])) ++j;
    if (j >= text.size()) continue;
    size_t v = j, w = j;
    if (text[j] == '"' || text[j] == '\'') {
      const char q = text[j];
      v = w = j + 1;
      while (w < text.size() && text[w] != q && text[w] != '\n') ++w;
    } else {
      while (w < text.size() && !std::isspace(static_cast<unsigned char>(text[w])) &&
             std::string_view(",;}])\"").find(text[w]) == std::string_view::npos) {
        ++w;
      }
    }
    AddSecret(text.substr(v, w - v), out);
  }
}

void CollectCommandLineSecrets(std::string_view line, SecretSet* out) {
  // Words as the registrations split them (any white space separates), but
  // never failing: an unterminated quote runs to the end.
  std::string text(line);
  for (char& c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) c = ' ';
  }
  std::vector<std::string> words;
  if (!SplitCommandLine(text, &words).ok()) (void)SplitCommandLine(text + "\"", &words);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] == "-p") AddSecret(words[i + 1], out);
  }
  CollectKeyValueSecrets(line, out);
}

std::string Scrub(std::string_view text, const SecretSet& secrets, size_t* count) {
  return ScrubWith(text, secrets, count, [](const std::string&) { return std::string(kRedacted); });
}

std::string ScrubKeepLength(std::string_view bytes, const SecretSet& secrets, size_t* count) {
  return ScrubWith(bytes, secrets, count, [](const std::string& s) { return std::string(s.size(), '*'); });
}

}  // namespace lvu
