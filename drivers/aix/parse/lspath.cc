#include "drivers/aix/parse/lspath.h"

#include <cctype>

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

constexpr const char* kCmd = "lspath";

bool ParseStatus(const std::string& s, PathStatus* out) {
  static const std::pair<const char*, PathStatus> kNames[] = {
      {"Enabled", PathStatus::kEnabled}, {"Disabled", PathStatus::kDisabled}, {"Failed", PathStatus::kFailed},
      {"Defined", PathStatus::kDefined}, {"Missing", PathStatus::kMissing},   {"Detected", PathStatus::kDetected},
      {"Available", PathStatus::kAvailable},
  };
  for (const auto& [name, st] : kNames) {
    if (s == name) {
      *out = st;
      return true;
    }
  }
  return false;
}

bool SameWordsIgnoringCase(const std::vector<Token>& t, const std::vector<std::string>& fields) {
  if (t.size() != fields.size()) return false;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].text.size() != fields[i].size()) return false;
    for (size_t k = 0; k < t[i].text.size(); ++k) {
      if (std::tolower(static_cast<unsigned char>(t[i].text[k])) !=
          std::tolower(static_cast<unsigned char>(fields[i][k]))) {
        return false;
      }
    }
  }
  return true;
}

Status ParseRows(const std::string& text, const std::vector<std::string>& fields, bool optional_connection,
                 std::vector<PathEntry>* out) {
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  bool first = true;
  for (const Line& line : lines) {
    if (IsBlank(line.text)) continue;
    const std::vector<Token> t = Tokenize(line.text);
    if (first && !optional_connection && SameWordsIgnoringCase(t, fields)) {
      first = false;
      continue;  // -H header
    }
    first = false;
    const bool ok_count = t.size() == fields.size() || (optional_connection && t.size() == fields.size() + 1);
    if (!ok_count) {
      return LineError(kCmd, line, std::to_string(t.size()) + " words where " + std::to_string(fields.size()) +
                                       " fields were expected");
    }
    PathEntry p;
    for (size_t i = 0; i < t.size(); ++i) {
      const std::string& f = i < fields.size() ? fields[i] : std::string("connection");
      const std::string& v = t[i].text;
      if (f == "status") {
        if (!ParseStatus(v, &p.status)) return LineError(kCmd, line, "unknown path status \"" + v + "\"");
      } else if (f == "name") {
        if (!IsAixName(v)) return LineError(kCmd, line, "not a device name");
        p.name = v;
      } else if (f == "parent") {
        if (!IsAixName(v)) return LineError(kCmd, line, "not an adapter name");
        p.parent = v;
      } else if (f == "connection") {
        p.connection = v;
      } else if (f == "path_id") {
        uint64_t id = 0;
        if (!ParseUint(v, &id) || id > 0xFFFF) return LineError(kCmd, line, "path_id is not a number");
        p.path_id = static_cast<int64_t>(id);
      } else {
        p.other.emplace_back(f, v);
      }
    }
    out->push_back(std::move(p));
  }
  return Status::OK();
}

}  // namespace

const char* PathStatusName(PathStatus s) {
  switch (s) {
    case PathStatus::kNotShown: return "";
    case PathStatus::kEnabled: return "Enabled";
    case PathStatus::kDisabled: return "Disabled";
    case PathStatus::kFailed: return "Failed";
    case PathStatus::kDefined: return "Defined";
    case PathStatus::kMissing: return "Missing";
    case PathStatus::kDetected: return "Detected";
    case PathStatus::kAvailable: return "Available";
  }
  return "";
}

Status ParseLspath(const std::string& text, std::vector<PathEntry>* out) {
  return ParseRows(text, {"status", "name", "parent"}, true, out);
}

Status ParseLspathFields(const std::string& text, const std::vector<std::string>& fields,
                         std::vector<PathEntry>* out) {
  if (fields.empty()) return Status::InvalidArgument("lspath -F: no field names");
  return ParseRows(text, fields, false, out);
}

nlohmann::json ToJson(const std::vector<PathEntry>& paths) {
  nlohmann::json a = nlohmann::json::array();
  for (const PathEntry& p : paths) {
    nlohmann::json j = {{"status", PathStatusName(p.status)}, {"name", p.name}, {"parent", p.parent},
                        {"connection", p.connection}};
    if (p.path_id >= 0) j["path_id"] = p.path_id;
    for (const auto& [k, v] : p.other) j[k] = v;
    a.push_back(j);
  }
  return a;
}

}  // namespace lvu::drivers::aix
