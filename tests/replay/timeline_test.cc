// Timeline: spans per step and direction, the clock of events that carry
// none, open spans after a crash, the blackout window (restart or thaw), and
// the point of no return and rollback marks.
#include "replay/timeline.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/replay/event_builder.h"

namespace lvu::replay {
namespace {

using journal::Direction;
using journal::Outcome;
using testkit::EventBuilder;
using testkit::kPonrStep;

std::string Clock(int64_t s) { return "{\"clock_s\":" + std::to_string(s) + "}"; }

constexpr uint32_t kCheckpoint = 12;  // workload.checkpoint
constexpr uint32_t kRestart = 13;     // workload.restart

// Steps [from, to): intent at 10*i, done at 10*i + 5.
void Clocked(EventBuilder* b, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; ++i) {
    b->Intent(i, Direction::kForward, Clock(10 * i)).Done(i, Clock(10 * i + 5));
  }
}

TEST(TimelineTest, CompletedUpdateHasOneDoneSpanPerStepAndTheBlackout) {
  EventBuilder b;
  b.Started();
  Clocked(&b, 0, kPonrStep + 1);
  b.Ponr();
  Clocked(&b, kPonrStep + 1, 19);
  b.Finished(Outcome::kCompleted);
  Timeline t = BuildTimeline(b.events());
  ASSERT_EQ(t.steps.size(), 19u);
  for (const StepLine& line : t.steps) {
    ASSERT_EQ(line.spans.size(), 1u) << line.name;
    const Span& s = line.spans[0];
    EXPECT_EQ(s.end, Span::End::kDone) << line.name;
    EXPECT_EQ(s.start_s, 10 * line.index);
    EXPECT_EQ(s.end_s, 10 * line.index + 5);
    EXPECT_EQ(s.seconds(), 5);
    EXPECT_EQ(s.attempt, 1u);
    EXPECT_EQ(line.status.state, StepState::kDone);
  }
  EXPECT_EQ(t.start_s, 0);
  EXPECT_EQ(t.end_s, 185);
  EXPECT_EQ(t.seconds(), 185);
  EXPECT_EQ(t.blackout_start_s, 10 * kCheckpoint);
  EXPECT_EQ(t.blackout_end_s, 10 * kRestart + 5);
  EXPECT_EQ(t.blackout_seconds(), 15);
  EXPECT_FALSE(t.blackout_ended_by_thaw);
  // pointOfNoReturn carries no clock: it gets the next reading (step 14's intent).
  ASSERT_TRUE(t.ponr.present);
  EXPECT_EQ(t.ponr.clock_s, 140);
  ASSERT_TRUE(t.finished.present);
  EXPECT_EQ(t.finished.clock_s, 185);  // the last reading: none follows
  EXPECT_EQ(t.finished.seq, b.events().back().seq);
  EXPECT_FALSE(t.rollback.present);
  EXPECT_EQ(t.events, b.events().size());
}

TEST(TimelineTest, FailureRetryAndRollbackMakeFailedAndCompensationSpans) {
  EventBuilder b;
  b.Started();
  Clocked(&b, 0, 3);
  b.Intent(3, Direction::kForward, Clock(30)).Failed(3, "transient", true);
  b.Intent(3, Direction::kForward, Clock(40)).Failed(3, "for good", false);
  b.Rollback("step disk.clone_rootvg failed", true);
  b.Compensated(3, /*recovered=*/true);  // found undone by probe: no intent of its own
  b.Intent(2, Direction::kCompensate, Clock(50)).Compensated(2);
  b.Intent(1, Direction::kCompensate, Clock(60));  // interrupted: no result
  Timeline t = BuildTimeline(b.events());
  EXPECT_TRUE(t.state.anomalies.empty()) << t.state.anomalies.front();

  const StepLine& clone = t.steps[3];
  ASSERT_EQ(clone.spans.size(), 3u);
  EXPECT_EQ(clone.spans[0].end, Span::End::kFailed);
  EXPECT_EQ(clone.spans[0].error, "transient");
  EXPECT_TRUE(clone.spans[0].retryable);
  EXPECT_EQ(clone.spans[0].start_s, 30);
  EXPECT_EQ(clone.spans[0].end_s, 40);  // stepFailed has no clock: the next reading
  EXPECT_EQ(clone.spans[1].attempt, 2u);
  EXPECT_EQ(clone.spans[1].end_s, 50);
  EXPECT_EQ(clone.spans[2].direction, Direction::kCompensate);
  EXPECT_EQ(clone.spans[2].attempt, 0u);
  EXPECT_TRUE(clone.spans[2].recovered);
  EXPECT_EQ(clone.spans[2].end, Span::End::kCompensated);
  EXPECT_EQ(clone.spans[2].start_seq, clone.spans[2].end_seq);
  EXPECT_EQ(clone.status.state, StepState::kCompensated);

  const StepLine& notify = t.steps[2];
  ASSERT_EQ(notify.spans.size(), 2u);
  EXPECT_EQ(notify.spans[1].direction, Direction::kCompensate);
  EXPECT_EQ(notify.spans[1].end, Span::End::kCompensated);
  EXPECT_EQ(notify.spans[1].start_s, 50);
  EXPECT_EQ(notify.spans[1].end_s, 60);

  const StepLine& reserve = t.steps[1];
  ASSERT_EQ(reserve.spans.size(), 2u);
  EXPECT_EQ(reserve.spans[1].end, Span::End::kOpen);
  EXPECT_EQ(reserve.spans[1].start_s, 60);

  ASSERT_TRUE(t.rollback.present);
  EXPECT_EQ(t.rollback.clock_s, 50);
  EXPECT_EQ(t.state.rollback.reason, "step disk.clone_rootvg failed");
  EXPECT_EQ(t.blackout_start_s, -1);
}

TEST(TimelineTest, AnIntentWithNoResultIsAnOpenSpanEndingAtTheNextEvent) {
  EventBuilder b;
  b.Started();
  Clocked(&b, 0, 2);
  b.Intent(2, Direction::kForward, Clock(20));      // crash: no result
  b.Intent(2, Direction::kForward, Clock(27)).Done(2, Clock(29));  // resumed: applied again
  b.Intent(3, Direction::kForward, Clock(30));      // crash again, nothing after
  Timeline t = BuildTimeline(b.events());
  const StepLine& s2 = t.steps[2];
  ASSERT_EQ(s2.spans.size(), 2u);
  EXPECT_EQ(s2.spans[0].end, Span::End::kOpen);
  EXPECT_EQ(s2.spans[0].end_s, 27);
  EXPECT_EQ(s2.spans[0].end_seq, s2.spans[1].start_seq);
  EXPECT_EQ(s2.spans[1].end, Span::End::kDone);
  const StepLine& s3 = t.steps[3];
  ASSERT_EQ(s3.spans.size(), 1u);
  EXPECT_EQ(s3.spans[0].end, Span::End::kOpen);
  EXPECT_EQ(s3.spans[0].end_s, 30);  // the last event: it stays at its start
  EXPECT_EQ(s3.status.state, StepState::kInFlight);
  EXPECT_FALSE(t.finished.present);
}

TEST(TimelineTest, BlackoutEndedByThawingTheWorkloadOnTheOriginal) {
  EventBuilder b;
  b.Started();
  Clocked(&b, 0, kCheckpoint + 1);
  b.Intent(kRestart, Direction::kForward, Clock(200)).Failed(kRestart, "restart failed", false);
  b.Rollback("step workload.restart failed", true);
  b.Intent(kCheckpoint, Direction::kCompensate, Clock(210)).Compensated(kCheckpoint);
  b.Intent(11, Direction::kCompensate, Clock(230));
  Timeline t = BuildTimeline(b.events());
  EXPECT_EQ(t.blackout_start_s, 10 * kCheckpoint);
  EXPECT_EQ(t.blackout_end_s, 230);  // the compensated record: the next reading
  EXPECT_TRUE(t.blackout_ended_by_thaw);
}

TEST(TimelineTest, FrozenWorkloadLeavesTheBlackoutOpen) {
  EventBuilder b;
  b.Started();
  Clocked(&b, 0, kCheckpoint + 1);
  b.Intent(kRestart, Direction::kForward, Clock(200));  // crash in the restart
  Timeline t = BuildTimeline(b.events());
  EXPECT_EQ(t.blackout_start_s, 10 * kCheckpoint);
  EXPECT_EQ(t.blackout_end_s, -1);
  EXPECT_EQ(t.blackout_seconds(), -1);
}

TEST(TimelineTest, NoClockReadingsLeaveEveryClockUnknown) {
  EventBuilder b;
  b.Started().Forward(0, 3).Finished(Outcome::kCompleted);
  Timeline t = BuildTimeline(b.events());
  EXPECT_EQ(t.start_s, -1);
  EXPECT_EQ(t.end_s, -1);
  EXPECT_EQ(t.seconds(), -1);
  for (int64_t c : t.clock) EXPECT_EQ(c, -1);
  EXPECT_EQ(t.steps[0].spans[0].start_s, -1);
  EXPECT_EQ(ClockReading(b.events()[1]), -1);
}

TEST(TimelineTest, ClockReadingComesFromParamsAndOutput) {
  EventBuilder b;
  b.Started().Intent(0, Direction::kForward, "{\"disk\":\"hdisk2\",\"clock_s\":42}").Done(0, "{\"clock_s\":43,\"x\":1}");
  b.Intent(1, Direction::kForward, "not json").Done(1, "{\"clock_s\":\"44\"}");
  EXPECT_EQ(ClockReading(b.events()[1]), 42);
  EXPECT_EQ(ClockReading(b.events()[2]), 43);
  EXPECT_EQ(ClockReading(b.events()[3]), -1);
  EXPECT_EQ(ClockReading(b.events()[4]), -1);  // a string is no reading
  EXPECT_EQ(ClockReading(b.events()[0]), -1);
}

}  // namespace
}  // namespace lvu::replay
