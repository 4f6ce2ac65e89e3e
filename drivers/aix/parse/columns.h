// Columns of a text table, found from the data rather than by counting
// whitespace-separated words (a column may be empty on some rows: lspv has no
// state for a volume group that is not varied on).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {

// [begin, end) columns of a line; end == npos for the last, open column.
struct Span {
  size_t begin = 0;
  size_t end = std::string::npos;
};

// The columns of a table without a header whose values hold no blanks:
// maximal runs of character positions that are not blank on every row
// (a position is a gutter when it is blank, or past the end, on all rows).
std::vector<Span> GutterSpans(const std::vector<const Line*>& rows);

// The columns named by a header line whose names are left-aligned over their
// values (lsvg -l, lsvg -p, lspv -l): each column runs from the start of its
// name to the start of the next one; the last is open. Corruption naming the
// header line if a name is missing or out of order.
Status HeaderSpans(std::string_view command, const Line& header, const std::vector<std::string>& names,
                   std::vector<Span>* out);

// The trimmed text of `row` in each span. Corruption naming the row if a value
// crosses the start of a column (no blank on both sides of the boundary),
// which would make the cut a guess.
Status SliceRow(std::string_view command, const Line& row, const std::vector<Span>& spans,
                std::vector<std::string>* cells);

}  // namespace lvu::drivers::aix
