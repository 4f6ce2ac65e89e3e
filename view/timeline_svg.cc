// TimelineSvg: see timeline_svg.h.
#include "view/timeline_svg.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace lvu::view {

using namespace lvu::replay;  // the timeline this file draws

namespace {

using journal::Direction;

constexpr int kWidth = 960;
constexpr int kLabelWidth = 200;  // step names, left of the plot
constexpr int kRightMargin = 24;
constexpr int kTop = 64;          // below the title and the mark labels
constexpr int kRowHeight = 22;
constexpr int kBarHeight = 14;

constexpr char kDoneColour[] = "#4c78a8";
constexpr char kFailedColour[] = "#e45756";
constexpr char kCompensatedColour[] = "#f58518";
constexpr char kOpenColour[] = "#bab0ac";
constexpr char kBlackoutColour[] = "#ffd54f";

// The length of the valid UTF-8 sequence starting at s[i], or 0.
size_t Utf8Length(const std::string& s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c <= 0xdf ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return 0;
  }
  return n;
}

// Text for XML: markup escaped; control characters and bytes that are not
// UTF-8 (an error message may hold anything) become '?'.
std::string Escape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      size_t n = Utf8Length(s, i);
      if (n == 0) {
        out += '?';
      } else {
        out.append(s, i, n);
        i += n - 1;
      }
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 allows no control characters but tab, newline and return.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += '?';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

const char* Colour(const Span& s) {
  switch (s.end) {
    case Span::End::kDone: return kDoneColour;
    case Span::End::kFailed: return kFailedColour;
    case Span::End::kCompensated: return kCompensatedColour;
    case Span::End::kOpen: return kOpenColour;
  }
  return kOpenColour;
}

// A tick spacing of 1, 2 or 5 times a power of ten giving at most ten ticks.
int64_t TickStep(int64_t range) {
  int64_t step = 1;
  while (true) {
    for (int64_t m : {1, 2, 5}) {
      if (range / (step * m) <= 10) return step * m;
    }
    step *= 10;
  }
}

class Plot {
 public:
  Plot(int64_t t0, int64_t t1) : t0_(t0), t1_(std::max(t1, t0 + 1)) {}
  double X(int64_t s) const {
    return kLabelWidth + static_cast<double>(s - t0_) / static_cast<double>(t1_ - t0_) *
                             (kWidth - kLabelWidth - kRightMargin);
  }
  int64_t t0() const { return t0_; }
  int64_t t1() const { return t1_; }

 private:
  int64_t t0_, t1_;
};

std::string SpanTitle(const StepLine& line, const Span& s) {
  std::string t = std::to_string(line.index + 1) + " " + line.name + ": " +
                  journal::DirectionName(s.direction);
  t += s.attempt > 0 ? " attempt " + std::to_string(s.attempt) : " (found undone by probe)";
  t += ", " + std::string(s.end == Span::End::kOpen ? "no result (interrupted)" : SpanEndName(s.end));
  if (s.recovered) t += " (recovered)";
  t += ", " + std::to_string(s.start_s) + " s to " + std::to_string(s.end_s) + " s";
  if (s.seconds() >= 0) t += " (" + std::to_string(s.seconds()) + " s)";
  t += ", seq " + std::to_string(s.start_seq) + "-" + std::to_string(s.end_seq);
  if (!s.error.empty()) t += ": " + s.error;
  return t;
}

void VerticalMark(const Plot& p, const Mark& m, const char* cls, const char* colour, const char* label,
                  int bottom, std::string* out) {
  if (!m.present || m.clock_s < 0) return;
  const std::string x = Num(p.X(m.clock_s));
  *out += "<line class=\"" + std::string(cls) + "\" x1=\"" + x + "\" y1=\"" + std::to_string(kTop - 14) +
          "\" x2=\"" + x + "\" y2=\"" + std::to_string(bottom) + "\" stroke=\"" + colour +
          "\" stroke-width=\"1.5\" stroke-dasharray=\"5,3\"/>\n";
  *out += "<text x=\"" + x + "\" y=\"" + std::to_string(kTop - 18) + "\" font-size=\"11\" fill=\"" + colour +
          "\" text-anchor=\"middle\">" + label + "</text>\n";
}

}  // namespace

std::string TimelineSvg(const Timeline& t, const std::string& status) {
  const int rows = static_cast<int>(t.steps.size());
  const int plot_bottom = kTop + rows * kRowHeight;
  const int axis_y = plot_bottom + 4;
  const int legend_y = axis_y + 36;
  const int height = legend_y + 30;
  const Plot p(std::max<int64_t>(t.start_s, 0), std::max<int64_t>(t.end_s, 0));

  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(kWidth) + "\" height=\"" +
         std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(kWidth) + " " + std::to_string(height) +
         "\" font-family=\"sans-serif\">\n";
  out += "<rect class=\"background\" x=\"0\" y=\"0\" width=\"" + std::to_string(kWidth) + "\" height=\"" +
         std::to_string(height) + "\" fill=\"white\"/>\n";
  std::string title = "Live update " + t.state.op_id + " (" +
                      (t.state.info.op_kind == journal::OpKind::kRevert ? "revert" : "update") + "): " + status;
  out += "<text class=\"title\" x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">" + Escape(title) +
         "</text>\n";
  std::string sub = t.seconds() >= 0 ? "clock " + std::to_string(t.start_s) + " s to " + std::to_string(t.end_s) +
                                           " s (" + std::to_string(t.seconds()) + " s)"
                                     : "no clock readings";
  if (t.blackout_start_s >= 0) {
    sub += t.blackout_seconds() >= 0 ? ", blackout " + std::to_string(t.blackout_seconds()) + " s"
                                     : ", blackout not ended";
  }
  out += "<text class=\"subtitle\" x=\"10\" y=\"36\" font-size=\"11\" fill=\"#555\">" + Escape(sub) + "</text>\n";

  // The blackout band, under the bars.
  if (t.blackout_start_s >= 0) {
    const int64_t end = t.blackout_end_s >= 0 ? t.blackout_end_s : p.t1();
    const double x = p.X(t.blackout_start_s);
    const double w = std::max(2.0, p.X(end) - x);
    out += "<rect class=\"blackout\" x=\"" + Num(x) + "\" y=\"" + std::to_string(kTop) + "\" width=\"" + Num(w) +
           "\" height=\"" + std::to_string(rows * kRowHeight) + "\" fill=\"" + kBlackoutColour +
           "\" fill-opacity=\"0.4\"><title>blackout " +
           (t.blackout_seconds() >= 0 ? std::to_string(t.blackout_seconds()) + " s" : std::string("(not ended)")) +
           (t.blackout_ended_by_thaw ? ", ended by thawing the workload on the original" : "") +
           "</title></rect>\n";
  }

  for (int r = 0; r < rows; ++r) {
    const StepLine& line = t.steps[r];
    const int y = kTop + r * kRowHeight;
    if (r % 2 == 1) {
      out += "<rect class=\"row\" x=\"0\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(kWidth) +
             "\" height=\"" + std::to_string(kRowHeight) + "\" fill=\"#000\" fill-opacity=\"0.03\"/>\n";
    }
    // A step an operator skipped has no bar: its label says so, and who and why.
    const std::string skipped = line.status.skipped ? " (skipped)" : "";
    out += "<text class=\"step" + std::string(line.status.skipped ? " skipped" : "") + "\" x=\"" +
           std::to_string(kLabelWidth - 8) + "\" y=\"" + std::to_string(y + kRowHeight / 2 + 4) +
           "\" font-size=\"12\" text-anchor=\"end\"" + (line.status.skipped ? " fill=\"#b07aa1\"" : "") + ">" +
           std::to_string(line.index + 1) + "  " + Escape(line.name) + skipped +
           (line.status.skipped ? "<title>skipped by " + Escape(line.status.skipped_by) + ": " +
                                      Escape(line.status.skip_reason) + "</title>"
                                : "") +
           "</text>\n";
    // With compensations, forward bars take the upper half of the row and
    // compensations the lower; failures are drawn last, on top, and at least
    // 4 px wide, so that an instant failure is seen beside a longer bar.
    bool undone = false;
    for (const Span& s : line.spans) undone |= s.direction == Direction::kCompensate;
    std::vector<const Span*> order;
    for (const Span& s : line.spans) {
      if (s.end != Span::End::kFailed) order.push_back(&s);
    }
    for (const Span& s : line.spans) {
      if (s.end == Span::End::kFailed) order.push_back(&s);
    }
    for (const Span* sp : order) {
      const Span& s = *sp;
      if (s.start_s < 0) continue;
      const double x = p.X(s.start_s);
      const double w = std::max(s.end == Span::End::kFailed ? 4.0 : 2.0, p.X(std::max(s.end_s, s.start_s)) - x);
      const int half = kBarHeight / 2 + 1;
      const int bar_y = !undone ? y + (kRowHeight - kBarHeight) / 2
                                : y + (kRowHeight - 2 * half) / 2 + (s.direction == Direction::kCompensate ? half : 0);
      const int bar_h = undone ? half - 1 : kBarHeight;
      out += "<g><rect class=\"bar " + std::string(journal::DirectionName(s.direction)) + " " +
             SpanEndName(s.end) + "\" data-step=\"" + Escape(line.name) + "\" data-attempt=\"" +
             std::to_string(s.attempt) + "\" x=\"" + Num(x) + "\" y=\"" + std::to_string(bar_y) +
             "\" width=\"" + Num(w) + "\" height=\"" + std::to_string(bar_h) + "\" fill=\"" + Colour(s) + "\"" +
             (s.end == Span::End::kOpen ? " fill-opacity=\"0.6\" stroke=\"#777\" stroke-dasharray=\"3,2\"" : "") +
             "/><title>" + Escape(SpanTitle(line, s)) + "</title></g>\n";
    }
  }

  VerticalMark(p, t.ponr, "ponr", "#54a24b", "point of no return", plot_bottom, &out);
  VerticalMark(p, t.rollback, "rollback", kFailedColour, "rollback", plot_bottom, &out);

  // The axis.
  out += "<line class=\"axis\" x1=\"" + std::to_string(kLabelWidth) + "\" y1=\"" + std::to_string(axis_y) +
         "\" x2=\"" + std::to_string(kWidth - kRightMargin) + "\" y2=\"" + std::to_string(axis_y) +
         "\" stroke=\"#333\"/>\n";
  const int64_t step = TickStep(p.t1() - p.t0());
  for (int64_t s = (p.t0() + step - 1) / step * step; s <= p.t1(); s += step) {
    const std::string x = Num(p.X(s));
    out += "<line class=\"tick\" x1=\"" + x + "\" y1=\"" + std::to_string(axis_y) + "\" x2=\"" + x + "\" y2=\"" +
           std::to_string(axis_y + 5) + "\" stroke=\"#333\"/>\n";
    out += "<text class=\"tick\" x=\"" + x + "\" y=\"" + std::to_string(axis_y + 17) +
           "\" font-size=\"10\" text-anchor=\"middle\">" + std::to_string(s) + " s</text>\n";
  }
  out += "<text class=\"axis-label\" x=\"" + std::to_string(kLabelWidth - 16) + "\" y=\"" +
         std::to_string(axis_y + 17) + "\" font-size=\"10\" text-anchor=\"end\">clock</text>\n";

  // The legend.
  struct Entry {
    const char* colour;
    const char* label;
  } legend[] = {{kDoneColour, "done"},
                {kFailedColour, "failed"},
                {kCompensatedColour, "compensated (undone)"},
                {kOpenColour, "no result (interrupted)"},
                {kBlackoutColour, "blackout"}};
  int x = kLabelWidth;
  for (const Entry& e : legend) {
    out += "<rect class=\"legend\" x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(legend_y) +
           "\" width=\"12\" height=\"12\" fill=\"" + e.colour + "\"/>\n";
    out += "<text class=\"legend\" x=\"" + std::to_string(x + 16) + "\" y=\"" + std::to_string(legend_y + 10) +
           "\" font-size=\"11\">" + e.label + "</text>\n";
    x += 30 + static_cast<int>(std::string(e.label).size()) * 6;
  }
  out += "</svg>\n";
  return out;
}

}  // namespace lvu::view
