// See preview_record.h.
#include "cli/preview_record.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "cli/journal_view.h"
#include "cli/validation_report.h"

namespace lvu::cli {

std::string PreviewRecordDir(const std::string& home) { return home + "/preview"; }

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

Status SavePreviewRecord(const std::string& home, const std::string& data_file, const actions::ValidationInput& in,
                         const actions::PreviewResult& p, int exit_code, int64_t now_us) {
  const std::string dir = PreviewRecordDir(home);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir + ": " + ec.message());
  nlohmann::json preview = p.report.ToJson();
  if (p.passed) preview["plan"] = p.params.ToJson();
  nlohmann::json j = {{"saved", IsoTime(now_us)}, {"lvupdate_data", data_file}, {"fix_dir", in.fix_dir},
                      {"fixes", in.fixes},        {"passed", p.passed},         {"exit", exit_code},
                      {"preview", preview}};
  LVU_RETURN_IF_ERROR(WriteFileAtomically(dir + "/last.json", j.dump(2) + "\n"));
  return WriteFileAtomically(dir + "/last.txt", PreviewText(p));
}

}  // namespace lvu::cli
