#include "drivers/aix/parse/errpt.h"

#include <set>

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

bool IsHex8(const std::string& s) {
  if (s.size() != 8) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

int TwoDigits(const std::string& s, size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

bool ParseTimestamp(const std::string& s, ErrorLogSummary* e) {
  uint64_t unused = 0;
  if (s.size() != 10 || !ParseUint(s, &unused)) return false;
  e->month = TwoDigits(s, 0);
  e->day = TwoDigits(s, 2);
  e->hour = TwoDigits(s, 4);
  e->minute = TwoDigits(s, 6);
  e->year = TwoDigits(s, 8);
  return e->month >= 1 && e->month <= 12 && e->day >= 1 && e->day <= 31 && e->hour <= 23 && e->minute <= 59;
}

bool IsSeparator(const std::string& s) {
  const std::string t = Trim(s);
  return t.size() >= 20 && t.find_first_not_of('-') == std::string::npos;
}

bool IsHeading(const std::string& trimmed) {
  static const std::set<std::string> kHeadings = {"Description",    "Probable Causes", "User Causes",
                                                  "Install Causes", "Failure Causes",  "Recommended Actions",
                                                  "Detail Data"};
  return kHeadings.count(trimmed) != 0;
}

// One entry of errpt -a from lines [b, e).
Status ParseDetailEntry(const char* cmd, const std::vector<Line>& lines, size_t b, size_t e,
                        ErrorLogDetail* d) {
  bool in_vpd = false, in_body = false, in_detail_data = false;
  for (size_t i = b; i < e; ++i) {
    const Line& l = lines[i];
    if (IsBlank(l.text)) continue;
    const std::string t = Trim(l.text);
    if (in_body) {
      if (!in_detail_data && IsHeading(t)) {
        d->sections.push_back({l.number, t, {}});
        in_detail_data = t == "Detail Data";
      } else {
        d->sections.back().lines.push_back(t);
      }
      continue;
    }
    if (IsHeading(t)) {
      in_body = true;
      d->sections.push_back({l.number, t, {}});
      in_detail_data = t == "Detail Data";
      continue;
    }
    if (l.text[0] == ' ' || l.text[0] == '\t') {
      if (!in_vpd) return LineError(cmd, l, "indented line outside VPD");
      const size_t dots = t.find("..");
      if (dots == std::string::npos || dots == 0) return LineError(cmd, l, "VPD line without \"Name....value\"");
      const size_t v = t.find_first_not_of('.', dots);
      d->vpd.push_back({l.number, TrimRight(t.substr(0, dots)), v == std::string::npos ? "" : t.substr(v)});
      continue;
    }
    const size_t colon = t.find(':');
    if (colon == std::string::npos || colon == 0 || !(t[0] >= 'A' && t[0] <= 'Z')) {
      return LineError(cmd, l, "not \"Key: value\"");
    }
    const KeyValue kv{l.number, TrimRight(t.substr(0, colon)), Trim(std::string_view(t).substr(colon + 1))};
    if (d->fields.empty()) d->line = l.number;
    d->fields.push_back(kv);
    in_vpd = kv.key == "VPD";
  }
  const Line& first = lines[b];
  auto required = [&](const char* key, std::string* out) {
    const KeyValue* kv = FindKey(d->fields, key);
    if (kv == nullptr) return LineError(cmd, first, std::string("entry without a \"") + key + ":\" line");
    *out = kv->value;
    return Status::OK();
  };
  auto optional = [&](const char* key, std::string* out) {
    if (const KeyValue* kv = FindKey(d->fields, key)) *out = kv->value;
  };
  LVU_RETURN_IF_ERROR(required("LABEL", &d->label));
  LVU_RETURN_IF_ERROR(required("IDENTIFIER", &d->identifier));
  if (!IsHex8(d->identifier)) {
    return LineError(cmd, lines[static_cast<size_t>(FindKey(d->fields, "IDENTIFIER")->line - 1)],
                     "IDENTIFIER is not 8 hex digits");
  }
  LVU_RETURN_IF_ERROR(required("Date/Time", &d->date_time));
  std::string seq;
  LVU_RETURN_IF_ERROR(required("Sequence Number", &seq));
  if (!ParseUint(seq, &d->sequence_number)) {
    return LineError(cmd, lines[static_cast<size_t>(FindKey(d->fields, "Sequence Number")->line - 1)],
                     "Sequence Number is not a number");
  }
  LVU_RETURN_IF_ERROR(required("Resource Name", &d->resource_name));
  optional("Machine Id", &d->machine_id);
  optional("Node Id", &d->node_id);
  optional("Class", &d->error_class);
  optional("Type", &d->type);
  bool described = false;
  for (const ErrorLogSection& s : d->sections) {
    if (s.title != "Description" || described) continue;
    described = true;
    for (const std::string& t : s.lines) d->description += (d->description.empty() ? "" : " ") + t;
  }
  if (!described) return LineError(cmd, first, "entry without a Description section");
  return Status::OK();
}

}  // namespace

Status ParseErrpt(const std::string& text, std::vector<ErrorLogSummary>* out) {
  static const char* kCmd = "errpt";
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  bool first = true;
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    const bool header = first && CollapseSpaces(l.text) == "IDENTIFIER TIMESTAMP T C RESOURCE_NAME DESCRIPTION";
    first = false;
    if (header) continue;
    const std::vector<Token> t = Tokenize(l.text);
    if (t.size() < 6) return LineError(kCmd, l, "fewer than 6 words");
    ErrorLogSummary e;
    e.identifier = t[0].text;
    if (!IsHex8(e.identifier)) return LineError(kCmd, l, "identifier is not 8 hex digits");
    e.timestamp = t[1].text;
    if (!ParseTimestamp(e.timestamp, &e)) return LineError(kCmd, l, "timestamp is not MMDDhhmmYY");
    e.type = t[2].text;
    if (e.type != "P" && e.type != "T" && e.type != "I" && e.type != "U") {
      return LineError(kCmd, l, "type is not P, T, I or U");
    }
    e.error_class = t[3].text;
    if (e.error_class != "H" && e.error_class != "S" && e.error_class != "O" && e.error_class != "U") {
      return LineError(kCmd, l, "class is not H, S, O or U");
    }
    e.resource_name = t[4].text;
    e.description = TrimRight(std::string_view(l.text).substr(t[5].column));
    out->push_back(e);
  }
  return Status::OK();
}

Status ParseErrptDetailed(const std::string& text, std::vector<ErrorLogDetail>* out) {
  static const char* kCmd = "errpt -a";
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  size_t b = 0;
  while (b < lines.size()) {
    size_t e = b;
    while (e < lines.size() && !IsSeparator(lines[e].text)) ++e;
    // [b, e) is one entry, unless blank (before the first separator).
    size_t first = b;
    while (first < e && IsBlank(lines[first].text)) ++first;
    if (first < e) {
      ErrorLogDetail d;
      LVU_RETURN_IF_ERROR(ParseDetailEntry(kCmd, lines, first, e, &d));
      out->push_back(std::move(d));
    }
    b = e + 1;
  }
  return Status::OK();
}

nlohmann::json ToJson(const std::vector<ErrorLogSummary>& entries) {
  nlohmann::json a = nlohmann::json::array();
  for (const ErrorLogSummary& e : entries) {
    a.push_back({{"identifier", e.identifier},
                 {"timestamp", e.timestamp},
                 {"month", e.month},
                 {"day", e.day},
                 {"hour", e.hour},
                 {"minute", e.minute},
                 {"year", e.year},
                 {"type", e.type},
                 {"class", e.error_class},
                 {"resource_name", e.resource_name},
                 {"description", e.description}});
  }
  return a;
}

nlohmann::json ToJson(const std::vector<ErrorLogDetail>& entries) {
  nlohmann::json a = nlohmann::json::array();
  for (const ErrorLogDetail& d : entries) {
    nlohmann::json fields = nlohmann::json::array();
    for (const KeyValue& kv : d.fields) fields.push_back({{"key", kv.key}, {"value", kv.value}});
    nlohmann::json vpd = nlohmann::json::array();
    for (const KeyValue& kv : d.vpd) vpd.push_back({{"name", kv.key}, {"value", kv.value}});
    nlohmann::json sections = nlohmann::json::array();
    for (const ErrorLogSection& s : d.sections) sections.push_back({{"title", s.title}, {"lines", s.lines}});
    a.push_back({{"label", d.label},
                 {"identifier", d.identifier},
                 {"date_time", d.date_time},
                 {"sequence_number", d.sequence_number},
                 {"machine_id", d.machine_id},
                 {"node_id", d.node_id},
                 {"class", d.error_class},
                 {"type", d.type},
                 {"resource_name", d.resource_name},
                 {"description", d.description},
                 {"fields", fields},
                 {"vpd", vpd},
                 {"sections", sections}});
  }
  return a;
}

}  // namespace lvu::drivers::aix
