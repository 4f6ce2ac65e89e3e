#include "drivers/aix/parse/hmc_attrs.h"

#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

struct RawRecord {
  int line = 0;
  std::vector<std::string> fields;
};

// Splits `text` into comma-separated fields with the HMC's quoting; a record
// ends at a newline outside quotes. `lines` (from ReadLines) are for errors.
Status SplitFields(std::string_view command, const std::string& text, const std::vector<Line>& lines,
                   std::vector<RawRecord>* out) {
  auto error = [&](int line_no, const std::string& what) {
    return LineError(command, lines[static_cast<size_t>(line_no - 1)], what);
  };
  int line_no = 1;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    RawRecord rec;
    rec.line = line_no;
    bool end_of_record = false;
    while (!end_of_record) {
      std::string field;
      if (i < n && text[i] == '"') {
        const int quote_line = line_no;
        ++i;
        bool closed = false;
        while (i < n) {
          if (text[i] == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (text[i] == '\n') ++line_no;
          if (text[i] != '\r') field += text[i];
          ++i;
        }
        if (!closed) return error(quote_line, "double quote not closed before the end of the output");
        if (i < n && text[i] == '\r') ++i;
        if (i < n && text[i] != ',' && text[i] != '\n') {
          return error(line_no, "text after a closing double quote at byte " + std::to_string(i + 1));
        }
      } else {
        while (i < n && text[i] != ',' && text[i] != '\n') field += text[i++];
        if (!field.empty() && field.back() == '\r') field.pop_back();
      }
      rec.fields.push_back(std::move(field));
      if (i >= n) {
        end_of_record = true;
      } else if (text[i] == ',') {
        ++i;
      } else {  // '\n'
        ++i;
        ++line_no;
        end_of_record = true;
      }
    }
    const bool blank = rec.fields.size() == 1 && IsBlank(rec.fields[0]);
    if (!blank) out->push_back(std::move(rec));
  }
  return Status::OK();
}

bool IsAttrName(std::string_view s) {
  if (s.empty() || s.size() > 128) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

const std::string* HmcRecord::Find(std::string_view name) const {
  for (const HmcAttr& a : attrs) {
    if (a.name == name) return &a.value;
  }
  return nullptr;
}

Status ParseHmcAttrRecords(std::string_view command, const std::string& text, std::vector<HmcRecord>* out) {
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(command, text, &lines));
  std::vector<RawRecord> raw;
  LVU_RETURN_IF_ERROR(SplitFields(command, text, lines, &raw));
  for (const RawRecord& r : raw) {
    HmcRecord rec;
    rec.line = r.line;
    for (size_t k = 0; k < r.fields.size(); ++k) {
      const std::string& f = r.fields[k];
      const size_t eq = f.find('=');
      const Line& line = lines[static_cast<size_t>(r.line - 1)];
      if (eq == std::string::npos) {
        return LineError(command, line,
                         "field " + std::to_string(k + 1) + " is not name=value (" + QuoteLine(f) + ")");
      }
      const std::string name = f.substr(0, eq);
      if (!IsAttrName(name)) {
        return LineError(command, line, "field " + std::to_string(k + 1) + " has no attribute name (" +
                                            QuoteLine(f) + ")");
      }
      rec.attrs.push_back(HmcAttr{name, f.substr(eq + 1)});
    }
    out->push_back(std::move(rec));
  }
  return Status::OK();
}

Status ParseHmcValueRecords(std::string_view command, const std::string& text,
                            const std::vector<std::string>& names, std::vector<HmcRecord>* out) {
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(command, text, &lines));
  std::vector<RawRecord> raw;
  LVU_RETURN_IF_ERROR(SplitFields(command, text, lines, &raw));
  for (const RawRecord& r : raw) {
    if (r.fields.size() != names.size()) {
      return LineError(command, lines[static_cast<size_t>(r.line - 1)],
                       std::to_string(r.fields.size()) + " fields where -F asked for " +
                           std::to_string(names.size()));
    }
    HmcRecord rec;
    rec.line = r.line;
    for (size_t k = 0; k < names.size(); ++k) rec.attrs.push_back(HmcAttr{names[k], r.fields[k]});
    out->push_back(std::move(rec));
  }
  return Status::OK();
}

bool SplitHmcList(std::string_view value, std::vector<std::string>* items) {
  items->clear();
  if (value.empty() || value == "none") return true;
  size_t i = 0;
  while (true) {
    std::string item;
    if (i < value.size() && value[i] == '"') {
      ++i;
      bool closed = false;
      while (i < value.size()) {
        if (value[i] == '"') {
          if (i + 1 < value.size() && value[i + 1] == '"') {
            item += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        item += value[i++];
      }
      if (!closed) return false;
      if (i < value.size() && value[i] != ',') return false;
    } else {
      while (i < value.size() && value[i] != ',') item += value[i++];
    }
    items->push_back(std::move(item));
    if (i >= value.size()) return true;
    ++i;  // ','
  }
}

}  // namespace lvu::drivers::aix
