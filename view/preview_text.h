// The text `lvupdate preview` prints for a preview's result: the validation
// report (validation_report.h) and, when a check FAILED, the line that says
// the live update cannot run. The support bundle keeps the same text
// (tools/preview_record.h, preview/last.txt). A pure function.
#pragma once

#include <string>

#include "actions/validation/preview.h"

namespace lvu::view {

std::string PreviewText(const actions::PreviewResult& p);

}  // namespace lvu::view
