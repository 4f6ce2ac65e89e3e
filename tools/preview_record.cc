// See preview_record.h.
#include "tools/preview_record.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "view/journal_view.h"
#include "view/preview_text.h"

namespace lvu::tools {

std::string PreviewRecordDir(const std::string& home) { return home + "/preview"; }

Status SavePreviewRecord(const std::string& home, const std::string& data_file, const actions::ValidationInput& in,
                         const actions::PreviewResult& p, int exit_code, int64_t now_us) {
  const std::string dir = PreviewRecordDir(home);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir + ": " + ec.message());
  nlohmann::json preview = p.report.ToJson();
  if (p.passed) preview["plan"] = p.params.ToJson();
  nlohmann::json j = {{"saved", view::IsoTime(now_us)}, {"lvupdate_data", data_file}, {"fix_dir", in.fix_dir},
                      {"fixes", in.fixes},        {"passed", p.passed},         {"exit", exit_code},
                      {"preview", preview}};
  LVU_RETURN_IF_ERROR(WriteFileAtomically(dir + "/last.json", j.dump(2) + "\n"));
  return WriteFileAtomically(dir + "/last.txt", view::PreviewText(p));
}

}  // namespace lvu::tools
