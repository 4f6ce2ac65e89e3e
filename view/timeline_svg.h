// TimelineSvg: an operation's timeline as a standalone SVG picture (`journal
// show OP --svg FILE`, and the support bundle). Pure text generation.
//
// The picture: one row per step of the plan (step number and name on the
// left), a horizontal axis of the clock (timeline.h) in seconds, and a bar for
// every span of the step: blue for a forward attempt that completed, red for
// an attempt that failed (either direction), orange for a compensation that
// completed, grey for an attempt with no result (interrupted or running); a
// translucent yellow band across all rows for the blackout window, a dashed
// line at the point of no return and another where the rollback started, a
// title with the operation id and outcome, and a legend.
//
// Contract, for tools and tests that read it back:
// - every bar is `<rect class="bar DIRECTION END" data-step="NAME"
//   data-attempt="N" .../>` with DIRECTION forward|compensate and END
//   done|failed|compensated|open, followed by its <title>, the two in a <g>;
//   nothing else has class "bar";
// - the blackout window, when there is one, is the only
//   `<rect class="blackout" .../>`; the point of no return and the rollback
//   are `<line class="ponr" .../>` and `<line class="rollback" .../>`;
// - legend swatches have class "legend"; text is XML-escaped.
// Bars shorter than 2 px (failures: 4 px) are drawn that wide, so that an
// instant is visible; failures are drawn last in their row, on top. A step
// that was compensated has its forward bars in the upper half of its row and
// its compensations in the lower half.
#pragma once

#include <string>

#include "replay/timeline.h"

namespace lvu::view {

// `status`: how the operation stands, for the title ("completed",
// "interrupted", ...).
std::string TimelineSvg(const replay::Timeline& t, const std::string& status);

}  // namespace lvu::view
