#include "journal/event_codec.h"

#include <gtest/gtest.h>

#include <random>

#include "sample_events.h"

namespace lvu::journal {
namespace {

using testing::ExpectSameEvent;
using testing::SampleOperation;

const char kOp[] = "01JD5Z8K3M4N5P6Q7R8S9T0V1W";

TEST(EventCodecTest, EveryKindRoundTrips) {
  std::vector<Event> events = SampleOperation(kOp);
  for (size_t i = 0; i < events.size(); ++i) {
    events[i].seq = 1000 + i;
    std::string bytes = Encode(events[i]);
    EXPECT_EQ(bytes.size() % 8, 0u);
    Event back;
    ASSERT_TRUE(Decode(bytes, &back).ok()) << KindName(events[i].kind);
    ExpectSameEvent(events[i], back);
  }
}

TEST(EventCodecTest, EveryEnumValueRoundTrips) {
  for (Outcome o : {Outcome::kCompleted, Outcome::kRolledBack, Outcome::kFailedValidation,
                    Outcome::kReverted}) {
    Event e;
    e.op_id = kOp;
    e.kind = EventKind::kOpFinished;
    e.finished.outcome = o;
    Event back;
    ASSERT_TRUE(Decode(Encode(e), &back).ok());
    EXPECT_EQ(back.finished.outcome, o) << OutcomeName(o);
  }
  for (CheckOutcome c : {CheckOutcome::kPassed, CheckOutcome::kFailed, CheckOutcome::kInfo}) {
    Event e;
    e.kind = EventKind::kCheckResult;
    e.check.result = c;
    Event back;
    ASSERT_TRUE(Decode(Encode(e), &back).ok());
    EXPECT_EQ(back.check.result, c) << CheckOutcomeName(c);
  }
  for (Direction d : {Direction::kForward, Direction::kCompensate}) {
    Event e;
    e.kind = EventKind::kStepFailed;
    e.failed.direction = d;
    Event back;
    ASSERT_TRUE(Decode(Encode(e), &back).ok());
    EXPECT_EQ(back.failed.direction, d) << DirectionName(d);
  }
  for (OpKind k : {OpKind::kUpdate, OpKind::kRevert}) {
    Event e;
    e.kind = EventKind::kOpStarted;
    e.op_started.op_kind = k;
    Event back;
    ASSERT_TRUE(Decode(Encode(e), &back).ok());
    EXPECT_EQ(back.op_started.op_kind, k);
  }
}

TEST(EventCodecTest, TextWithEmbeddedNulAndNonAsciiRoundTrips) {
  Event e;
  e.op_id = kOp;
  e.kind = EventKind::kStepFailed;
  e.failed.error = std::string("a\0b", 3) + " \xc3\xa9\n\t\"quoted\"";
  Event back;
  ASSERT_TRUE(Decode(Encode(e), &back).ok());
  EXPECT_EQ(back.failed.error, e.failed.error);
}

TEST(EventCodecTest, SummaryRoundTrips) {
  OpSummary s;
  s.op_id = kOp;
  s.op_kind = OpKind::kRevert;
  s.fixes = {"a.epkg.Z", "b.epkg.Z"};
  s.started_us = 123456789;
  s.finished_us = 987654321;
  s.finished = true;
  s.outcome = Outcome::kFailedValidation;
  s.last_seq = 77;
  s.steps_total = 19;
  s.steps_done = 7;
  OpSummary b;
  ASSERT_TRUE(DecodeSummary(EncodeSummary(s), &b).ok());
  EXPECT_EQ(b.op_id, s.op_id);
  EXPECT_EQ(b.op_kind, s.op_kind);
  EXPECT_EQ(b.fixes, s.fixes);
  EXPECT_EQ(b.started_us, s.started_us);
  EXPECT_EQ(b.finished_us, s.finished_us);
  EXPECT_EQ(b.finished, s.finished);
  EXPECT_EQ(b.outcome, s.outcome);
  EXPECT_EQ(b.last_seq, s.last_seq);
  EXPECT_EQ(b.steps_total, s.steps_total);
  EXPECT_EQ(b.steps_done, s.steps_done);
}

TEST(EventCodecTest, DecodeReadsUnalignedInput) {
  Event e = SampleOperation(kOp)[0];
  std::string bytes = Encode(e);
  std::string shifted = "x" + bytes;  // bytes start at an odd address
  Event back;
  ASSERT_TRUE(Decode(std::string_view(shifted).substr(1), &back).ok());
  ExpectSameEvent(e, back);
}

TEST(EventCodecTest, PartialWordIsCorruption) {
  std::string bytes = Encode(SampleOperation(kOp)[0]);
  for (size_t cut : {size_t{1}, size_t{3}, size_t{7}}) {
    Event back;
    Status s = Decode(std::string_view(bytes).substr(0, bytes.size() - cut), &back);
    EXPECT_TRUE(s.IsCorruption()) << s.ToString();
    EXPECT_NE(s.message().find("8-byte words"), std::string::npos) << s.message();
  }
}

TEST(EventCodecTest, EmptyIsCorruption) {
  Event back;
  EXPECT_TRUE(Decode("", &back).IsCorruption());
  OpSummary s;
  EXPECT_TRUE(DecodeSummary("", &s).IsCorruption());
}

TEST(EventCodecTest, TruncatedMessageIsCorruption) {
  std::string bytes = Encode(SampleOperation(kOp)[0]);
  ASSERT_GT(bytes.size(), 16u);
  Event back;
  Status s = Decode(std::string_view(bytes).substr(0, bytes.size() - 8), &back);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
}

TEST(EventCodecTest, TrailingBytesAreCorruption) {
  std::string bytes = Encode(SampleOperation(kOp)[0]) + std::string(8, '\0');
  Event back;
  Status s = Decode(bytes, &back);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("trailing"), std::string::npos) << s.message();
}

TEST(EventCodecTest, RandomBuffersAreCorruptionNotACrash) {
  std::mt19937 rng(20240613);
  for (int i = 0; i < 500; ++i) {
    size_t words = 1 + rng() % 40;
    std::string bytes(words * 8, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    Event back;
    Status s = Decode(bytes, &back);
    EXPECT_TRUE(s.IsCorruption()) << "buffer " << i << ": " << s.ToString();
    OpSummary sum;
    EXPECT_TRUE(DecodeSummary(bytes, &sum).IsCorruption()) << "buffer " << i;
  }
}

TEST(EventCodecTest, OddLengthRandomBufferIsCorruption) {
  std::string bytes = "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b";  // 11 bytes
  Event back;
  EXPECT_TRUE(Decode(bytes, &back).IsCorruption());
}

TEST(EventCodecTest, ValidMessageOfOtherShapeWithBadPointerIsCorruption) {
  // A well-formed segment table whose root pointer points far outside the
  // segment: the reader throws, Decode must report it.
  std::string bytes(16, '\0');
  bytes[4] = 1;                 // segment 0 is 1 word long
  bytes[8] = static_cast<char>(0xfc);  // struct pointer, offset huge
  bytes[9] = static_cast<char>(0xff);
  bytes[10] = static_cast<char>(0xff);
  bytes[11] = 0x0f;
  bytes[12] = 1;                // 1 data word
  Event back;
  Status s = Decode(bytes, &back);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("does not decode"), std::string::npos) << s.message();
}

TEST(EventCodecTest, ToJsonNamesTheKindAndFields) {
  std::vector<Event> events = SampleOperation(kOp);
  Event intent = events[4];
  ASSERT_EQ(intent.kind, EventKind::kStepIntent);
  intent.seq = 4;
  std::string j = ToJson(intent);
  EXPECT_EQ(j.find('\n'), std::string::npos) << j;  // one line
  EXPECT_EQ(j.front(), '{');
  EXPECT_EQ(j.back(), '}');
  EXPECT_NE(j.find("\"opId\":\"01JD5Z8K3M4N5P6Q7R8S9T0V1W\""), std::string::npos) << j;
  EXPECT_NE(j.find("\"seq\":4,"), std::string::npos) << j;  // 64-bit ints as numbers
  EXPECT_NE(j.find("\"kind\":\"stepIntent\""), std::string::npos) << j;
  EXPECT_NE(j.find("\"stepIntent\":{"), std::string::npos) << j;
  EXPECT_NE(j.find("\"action\":\"lpar.rename_original\""), std::string::npos) << j;
  EXPECT_NE(j.find("\"attempt\":2"), std::string::npos) << j;
  EXPECT_NE(j.find("\"direction\":\"forward\""), std::string::npos) << j;
  EXPECT_NE(j.find("\\\"name\\\""), std::string::npos) << j;  // params JSON is escaped text

  std::string f = ToJson(events.back());
  EXPECT_NE(f.find("\"opFinished\":{\"outcome\":\"rolled_back\"}"), std::string::npos) << f;
  std::string est = ToJson(events[3]);
  EXPECT_NE(est.find("\"globalS\":5000000000}"), std::string::npos) << est;
}

}  // namespace
}  // namespace lvu::journal
