// See preview_text.h.
#include "view/preview_text.h"

#include <cstdio>
#include <cstdlib>

#include "view/validation_report.h"

namespace lvu::view {

std::string PreviewText(const actions::PreviewResult& p) {
  char* buf = nullptr;
  size_t size = 0;
  std::FILE* f = open_memstream(&buf, &size);
  if (f == nullptr) return "";
  PrintValidationReport(f, p.report);
  if (!p.passed) {
    size_t failed = 0;
    for (const auto& l : p.report.lines) failed += l.result == journal::CheckOutcome::kFailed;
    std::fprintf(f, "\n%zu check(s) FAILED: the live update cannot run. Nothing was changed.\n", failed);
  }
  std::fclose(f);
  std::string out(buf, size);
  std::free(buf);
  return out;
}

}  // namespace lvu::view
