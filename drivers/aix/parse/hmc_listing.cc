#include "drivers/aix/parse/hmc_listing.h"

#include "drivers/aix/parse/hmc_message.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

Status AttrError(std::string_view command, const HmcRecord& r, const std::string& what) {
  return Status::Corruption(std::string(command) + ": line " + std::to_string(r.line) + ": " + what);
}

// Failed for a sentence in place of records; OK (nothing to say) otherwise.
Status CheckSentence(std::string_view command, const std::string& text, bool* empty) {
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(command, text, &lines));
  *empty = true;
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    *empty = false;
    if (LooksLikeHmcSentence(l.text)) return HmcSentenceError(command, l.number, l.text);
    break;
  }
  if (*empty) return EndError(command, lines, "empty output (an HMC says \"No results were found.\")");
  return Status::OK();
}

}  // namespace

Status ParseHmcListing(std::string_view command, const std::string& text, std::vector<HmcRecord>* out) {
  out->clear();
  bool no_results = false, empty = false;
  LVU_RETURN_IF_ERROR(CheckHmcMessage(command, text, &no_results));
  if (no_results) return Status::OK();
  LVU_RETURN_IF_ERROR(CheckSentence(command, text, &empty));
  return ParseHmcAttrRecords(command, text, out);
}

Status ParseHmcValueListing(std::string_view command, const std::string& text,
                            const std::vector<std::string>& names, std::vector<HmcRecord>* out) {
  out->clear();
  bool no_results = false, empty = false;
  LVU_RETURN_IF_ERROR(CheckHmcMessage(command, text, &no_results));
  if (no_results) return Status::OK();
  Status s = ParseHmcValueRecords(command, text, names, out);
  if (!s.ok() && names.size() > 1) {
    // A sentence where several fields were due is an error without a code.
    Status sentence = CheckSentence(command, text, &empty);
    if (!sentence.ok() && !empty) return sentence;
  }
  if (s.ok() && out->empty()) return CheckSentence(command, text, &empty);
  return s;
}

Status HmcText(std::string_view command, const HmcRecord& r, const char* name, std::string* out) {
  const std::string* v = r.Find(name);
  if (v == nullptr) return AttrError(command, r, std::string("no attribute ") + name);
  *out = *v;
  return Status::OK();
}

Status HmcInt(std::string_view command, const HmcRecord& r, const char* name, int64_t* out) {
  std::string v;
  LVU_RETURN_IF_ERROR(HmcText(command, r, name, &v));
  if (!ParseInt(v, out)) return AttrError(command, r, std::string(name) + "=" + QuoteLine(v) + " is not a number");
  return Status::OK();
}

Status HmcOptionalInt(std::string_view command, const HmcRecord& r, const char* name,
                      std::optional<int64_t>* out) {
  if (r.Find(name) == nullptr) return Status::OK();
  int64_t v = 0;
  LVU_RETURN_IF_ERROR(HmcInt(command, r, name, &v));
  *out = v;
  return Status::OK();
}

Status HmcDecimal(std::string_view command, const HmcRecord& r, const char* name, double* out) {
  std::string v;
  LVU_RETURN_IF_ERROR(HmcText(command, r, name, &v));
  if (v.find(',') != std::string::npos || !ParseDecimal(v, out)) {
    return AttrError(command, r, std::string(name) + "=" + QuoteLine(v) + " is not a decimal number");
  }
  return Status::OK();
}

Status HmcOptionalDecimal(std::string_view command, const HmcRecord& r, const char* name,
                          std::optional<double>* out) {
  if (r.Find(name) == nullptr) return Status::OK();
  double v = 0;
  LVU_RETURN_IF_ERROR(HmcDecimal(command, r, name, &v));
  *out = v;
  return Status::OK();
}

Status HmcList(std::string_view command, const HmcRecord& r, const char* name, std::vector<std::string>* out) {
  out->clear();
  const std::string* v = r.Find(name);
  if (v == nullptr) return Status::OK();
  if (!SplitHmcList(*v, out)) return AttrError(command, r, std::string(name) + ": a list with bad quoting");
  return Status::OK();
}

nlohmann::json HmcAttrsToJson(const HmcRecord& r) {
  nlohmann::json o = nlohmann::json::object();
  for (const HmcAttr& a : r.attrs) o[a.name] = a.value;
  return o;
}

nlohmann::json HmcRecordsToJson(const std::vector<HmcRecord>& records) {
  nlohmann::json a = nlohmann::json::array();
  for (const HmcRecord& r : records) a.push_back(HmcAttrsToJson(r));
  return a;
}

}  // namespace lvu::drivers::aix
