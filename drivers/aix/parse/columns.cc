#include "drivers/aix/parse/columns.h"

#include <algorithm>

namespace lvu::drivers::aix {

std::vector<Span> GutterSpans(const std::vector<const Line*>& rows) {
  size_t width = 0;
  for (const Line* r : rows) width = std::max(width, r->text.size());
  std::vector<bool> used(width, false);
  for (const Line* r : rows) {
    for (size_t i = 0; i < r->text.size(); ++i) {
      if (r->text[i] != ' ' && r->text[i] != '\t') used[i] = true;
    }
  }
  std::vector<Span> out;
  size_t i = 0;
  while (i < width) {
    while (i < width && !used[i]) ++i;
    if (i >= width) break;
    Span s;
    s.begin = i;
    while (i < width && used[i]) ++i;
    s.end = i;
    out.push_back(s);
  }
  return out;
}

Status HeaderSpans(std::string_view command, const Line& header, const std::vector<std::string>& names,
                   std::vector<Span>* out) {
  out->clear();
  size_t from = 0;
  for (const std::string& name : names) {
    const size_t at = header.text.find(name, from);
    if (at == std::string::npos || (at > 0 && header.text[at - 1] != ' ')) {
      return LineError(command, header, "header without column \"" + name + "\"");
    }
    if (!out->empty()) out->back().end = at;
    out->push_back(Span{at, std::string::npos});
    from = at + name.size();
  }
  if (!out->empty() && !IsBlank(std::string_view(header.text).substr(from))) {
    return LineError(command, header, "header with an unknown column");
  }
  return Status::OK();
}

Status SliceRow(std::string_view command, const Line& row, const std::vector<Span>& spans,
                std::vector<std::string>* cells) {
  cells->clear();
  const std::string& t = row.text;
  for (size_t k = 0; k < spans.size(); ++k) {
    const Span& s = spans[k];
    if (k > 0 && s.begin > 0 && s.begin < t.size() && t[s.begin - 1] != ' ' && t[s.begin] != ' ') {
      return LineError(command, row, "a value crosses the start of column " + std::to_string(k + 1));
    }
    const size_t b = std::min(s.begin, t.size());
    const size_t e = s.end == std::string::npos ? t.size() : std::min(s.end, t.size());
    cells->push_back(Trim(std::string_view(t).substr(b, e - b)));
  }
  // Text before the first column belongs to no column.
  if (!spans.empty() && !IsBlank(std::string_view(t).substr(0, std::min(spans[0].begin, t.size())))) {
    return LineError(command, row, "text before the first column");
  }
  return Status::OK();
}

}  // namespace lvu::drivers::aix
