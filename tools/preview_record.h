// The last preview's results, kept for the support bundle: every `lvupdate
// preview` (and a `run` of an lvupdate.data in mode = preview) saves what it
// printed to <home>/preview/last.json and <home>/preview/last.txt.
//
// Contracts:
// - last.txt is the preview's text output (view/preview_text.h) (the validation report, and the
//   FAILED summary when a check failed); last.json is
//     {"saved": ISO time (UTC), "lvupdate_data": FILE, "fix_dir": DIR,
//      "fixes": [...], "passed": bool, "exit": N,
//      "preview": what `preview --json` prints}
// - Each file is written to a temporary name and renamed (base/file.h):
//   a crash leaves the previous record or the new one, never part of one.
//   Nothing else is written; <home>/preview is created if missing.
// - A preview whose record cannot be saved still succeeds: the caller warns.
#pragma once

#include <string>

#include "actions/validation/preview.h"
#include "base/status.h"

namespace lvu::tools {

std::string PreviewRecordDir(const std::string& home);  // <home>/preview

Status SavePreviewRecord(const std::string& home, const std::string& data_file, const actions::ValidationInput& in,
                         const actions::PreviewResult& p, int exit_code, int64_t now_us);

}  // namespace lvu::tools
