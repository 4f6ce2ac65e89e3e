#include "view/validation_report.h"

#include <string>

namespace lvu::view {
namespace {

using actions::CheckLine;
using actions::Section;

void Line(std::FILE* out, const CheckLine& l) {
  const char* result = journal::CheckOutcomeName(l.result);
  if (!l.code.empty() && l.result == journal::CheckOutcome::kFailed) {
    std::fprintf(out, "%s %s: %s\n", l.code.c_str(), result, l.message.c_str());
  } else {
    std::fprintf(out, "%s: %s\n", result, l.message.c_str());
  }
}

void Lines(std::FILE* out, const actions::ValidationReport& r, Section section) {
  for (const auto& l : r.lines)
    if (l.section == section) Line(out, l);
}

void SizeSection(std::FILE* out, const actions::ValidationReport& r, const char* heading,
                 const actions::DeviceSize& size, Section section) {
  std::fprintf(out, "\n%s\n-----\n", heading);
  if (size.required_mb < 0) {
    std::fprintf(out, "Required device size: not known (the driver does not read it)\n");
  } else {
    std::fprintf(out, "Required device size: %d MB\n", size.required_mb);
  }
  if (size.given_mb >= 0) std::fprintf(out, "Given device size: %d MB\n", size.given_mb);
  Lines(out, r, section);
}

}  // namespace

void PrintValidationReport(std::FILE* out, const actions::ValidationReport& r) {
  std::fprintf(out, "Validating live update input data.\n");
  Lines(out, r, Section::kInput);
  std::fprintf(out, "\nComputing the estimated time for the live update operation:\n-----\n");
  std::fprintf(out, "LPAR: %s\nMode: %s\nBlackout_time(s): %lld\nGlobal_time(s): %lld\n", r.lpar.c_str(),
               r.mode.c_str(), static_cast<long long>(r.estimate.blackout_s),
               static_cast<long long>(r.estimate.global_s));
  SizeSection(out, r, "Checking mirror vg device size:", r.mirror_vg, Section::kMirrorVg);
  SizeSection(out, r, "Checking new root vg device size:", r.new_rootvg, Section::kNewRootvg);
  SizeSection(out, r, "Checking temporary paging space device size:", r.paging, Section::kPaging);
  SizeSection(out, r, "Checking temporary dump device size:", r.dump, Section::kDump);
  std::fprintf(out, "\nValidating the adapters and their paths:\n-----\n");
  Lines(out, r, Section::kAdapters);
  std::fprintf(out, "\nChecking other requirements:\n-----\n");
  Lines(out, r, Section::kOther);
  Lines(out, r, Section::kInfo);
  std::fflush(out);
}

}  // namespace lvu::view
