// TimelineSvg: the text is read back as the header's contract says: bars per
// step by class, the blackout band, the marks, escaping, and well-formed
// markup.
#include "view/timeline_svg.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "tests/replay/event_builder.h"

namespace lvu::replay {
namespace {

using journal::Direction;
using journal::Outcome;
using testkit::EventBuilder;
using testkit::kPonrStep;

std::string Clock(int64_t s) { return "{\"clock_s\":" + std::to_string(s) + "}"; }

void Clocked(EventBuilder* b, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; ++i) b->Intent(i, Direction::kForward, Clock(10 * i)).Done(i, Clock(10 * i + 5));
}

// Every <rect class="bar ..."> of `step`, as its class attribute.
std::vector<std::string> Bars(const std::string& svg, const std::string& step) {
  std::vector<std::string> out;
  std::regex bar("<rect class=\"(bar [a-z]+ [a-z]+)\" data-step=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), bar); it != std::sregex_iterator(); ++it) {
    if ((*it)[2] == step) out.push_back((*it)[1]);
  }
  return out;
}

int Count(const std::string& s, const std::string& what) {
  int n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) n++;
  return n;
}

// Tags balance, attributes are quoted, and no raw '&' or '<' appears in text.
std::string Malformed(const std::string& svg) {
  std::vector<std::string> open;
  size_t i = svg.find("<svg");
  if (svg.rfind("<?xml", 0) != 0 || i == std::string::npos) return "no XML declaration or <svg>";
  while (i < svg.size()) {
    size_t lt = svg.find('<', i);
    std::string text = svg.substr(i, lt == std::string::npos ? std::string::npos : lt - i);
    for (size_t a = text.find('&'); a != std::string::npos; a = text.find('&', a + 1)) {
      if (!std::regex_search(text.substr(a, 8), std::regex("^&(amp|lt|gt|quot|apos);"))) return "raw & in " + text;
    }
    if (lt == std::string::npos) break;
    size_t gt = svg.find('>', lt);
    if (gt == std::string::npos) return "unclosed tag";
    std::string tag = svg.substr(lt + 1, gt - lt - 1);
    if (tag.find('<') != std::string::npos) return "< inside a tag: " + tag;
    if (tag[0] == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return "unbalanced </" + tag.substr(1) + ">";
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(tag.substr(0, tag.find_first_of(" \n")));
    }
    i = gt + 1;
  }
  return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

TEST(TimelineSvgTest, CompletedUpdateHasABlueBarPerStepTheBlackoutAndThePonr) {
  EventBuilder b;
  b.Started();
  Clocked(&b, 0, kPonrStep + 1);
  b.Ponr();
  Clocked(&b, kPonrStep + 1, 19);
  b.Finished(Outcome::kCompleted);
  std::string svg = view::TimelineSvg(BuildTimeline(b.events()), "completed");
  EXPECT_EQ(Malformed(svg), "") << svg;
  for (const std::string& name : testkit::UpdatePlan()) {
    EXPECT_EQ(Bars(svg, name), std::vector<std::string>{"bar forward done"}) << name;
  }
  EXPECT_EQ(Count(svg, "class=\"bar "), 19);
  EXPECT_EQ(Count(svg, "<rect class=\"blackout\""), 1);
  EXPECT_NE(svg.find("blackout 15 s"), std::string::npos);
  EXPECT_EQ(Count(svg, "<line class=\"ponr\""), 1);
  EXPECT_EQ(Count(svg, "<line class=\"rollback\""), 0);
  EXPECT_EQ(Count(svg, "<rect class=\"legend\""), 5);
  EXPECT_NE(svg.find("01HTESTOP0000000000000000 (update): completed"), std::string::npos);
  EXPECT_NE(svg.find(">180 s</text>"), std::string::npos) << "axis ticks in seconds";
}

TEST(TimelineSvgTest, FailureAndRollbackAreRedAndOrangeWithNoBlackout) {
  EventBuilder b;
  b.Started();
  Clocked(&b, 0, 3);
  b.Intent(3, Direction::kForward, Clock(30)).Failed(3, "alt_disk_copy: <disk> & \"busy\"", false);
  b.Rollback("step disk.clone_rootvg failed", true);
  b.Compensated(3, true);
  b.Intent(2, Direction::kCompensate, Clock(50)).Compensated(2);
  b.Intent(1, Direction::kCompensate, Clock(60)).Compensated(1);
  b.Intent(0, Direction::kCompensate, Clock(70));
  std::string svg = view::TimelineSvg(BuildTimeline(b.events()), "interrupted");
  EXPECT_EQ(Malformed(svg), "") << svg;
  // Failures last, on top; compensations in the lower half of the row.
  EXPECT_EQ(Bars(svg, "disk.clone_rootvg"),
            (std::vector<std::string>{"bar compensate compensated", "bar forward failed"}));
  std::smatch fwd, comp;
  ASSERT_TRUE(std::regex_search(svg, fwd, std::regex("data-step=\"apps.notify_check\" data-attempt=\"1\" x=\"[0-9.]+\" y=\"([0-9]+)\"")));
  ASSERT_TRUE(std::regex_search(svg, comp, std::regex("compensated\" data-step=\"apps.notify_check\" data-attempt=\"1\" x=\"[0-9.]+\" y=\"([0-9]+)\"")));
  EXPECT_GT(std::stoi(comp[1]), std::stoi(fwd[1]));
  EXPECT_EQ(Bars(svg, "apps.notify_check"),
            (std::vector<std::string>{"bar forward done", "bar compensate compensated"}));
  EXPECT_EQ(Bars(svg, "validate"), (std::vector<std::string>{"bar forward done", "bar compensate open"}));
  EXPECT_TRUE(Bars(svg, "ifix.apply_clone").empty());
  EXPECT_NE(svg.find("class=\"bar forward failed\" data-step=\"disk.clone_rootvg\" data-attempt=\"1\""),
            std::string::npos);
  EXPECT_NE(svg.find("fill=\"#e45756\"/><title>4 disk.clone_rootvg: forward attempt 1, failed"), std::string::npos)
      << svg;
  EXPECT_NE(svg.find("alt_disk_copy: &lt;disk&gt; &amp; &quot;busy&quot;"), std::string::npos);
  EXPECT_EQ(Count(svg, "<rect class=\"blackout\""), 0);
  EXPECT_EQ(Count(svg, "<line class=\"rollback\""), 1);
  EXPECT_EQ(Count(svg, "<line class=\"ponr\""), 0);
}

TEST(TimelineSvgTest, ControlCharactersAndBrokenUtf8InTextStayWellFormed) {
  EventBuilder b;
  b.Started();
  b.Intent(0, Direction::kForward, Clock(0)).Failed(0, std::string("bad\x01 byte \xff caf\xc3\xa9"), false);
  std::string svg = view::TimelineSvg(BuildTimeline(b.events()), "interrupted");
  EXPECT_EQ(Malformed(svg), "");
  EXPECT_NE(svg.find("bad? byte ? caf\xc3\xa9"), std::string::npos);
}

TEST(TimelineSvgTest, ASkippedStepHasNoBarAndSaysWhoAndWhy) {
  EventBuilder b;
  b.Started();
  Clocked(&b, 0, kPonrStep + 1);
  b.Ponr();
  Clocked(&b, kPonrStep + 1, 16);
  b.Intent(16, Direction::kForward, Clock(200)).Failed(16, "cfgmgr failed", false).GaveUp(16, "cfgmgr failed");
  b.Session("resume").Operator(journal::OperatorActionKind::kSkipStep, 16, "paths <by hand> & checked");
  std::string svg = view::TimelineSvg(BuildTimeline(b.events()), "interrupted");
  EXPECT_EQ(Malformed(svg), "");
  EXPECT_NE(svg.find("17  path.restore (skipped)<title>skipped by root (sudo by alice): paths &lt;by hand&gt; &amp; "
                     "checked</title>"),
            std::string::npos)
      << svg;
  EXPECT_EQ(Count(svg, "class=\"step skipped\""), 1);
  EXPECT_EQ(Bars(svg, "path.restore"), (std::vector<std::string>{"bar forward failed"}));
}

TEST(TimelineSvgTest, NoClockReadingsStillMakeAPicture) {
  EventBuilder b;
  b.Started().Forward(0, 2);
  std::string svg = view::TimelineSvg(BuildTimeline(b.events()), "interrupted");
  EXPECT_EQ(Malformed(svg), "");
  EXPECT_NE(svg.find("no clock readings"), std::string::npos);
  EXPECT_EQ(Count(svg, "class=\"bar "), 0);
}

}  // namespace
}  // namespace lvu::replay
