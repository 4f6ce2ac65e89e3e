// Prints a validation report as geninstall -k -p does (the seed article's
// preview): the input lines, the estimate, the four device sizes, the
// adapters, the other requirements and the INFO lines, in that order, each
// section with its heading and "-----" rule. A FAILED line with a known AIX
// message number is printed "1430-246 FAILED: ...".
#pragma once

#include <cstdio>

#include "actions/validation/validation.h"

namespace lvu::view {

void PrintValidationReport(std::FILE* out, const actions::ValidationReport& r);

}  // namespace lvu::view
