// The JSON form of events: exact text for a few events (what
// docs/journal-format.md shows), FromJson(ToJson(e)) == e for every kind and
// enum value, and FromJson refusing what would not come back exactly.
#include <capnp/schema.h>
#include <gtest/gtest.h>

#include <string>

#include "events.capnp.h"
#include "journal/event_codec.h"
#include "sample_events.h"

namespace lvu::journal {
namespace {

using testing::ExpectSameEvent;
using testing::SampleOperation;

const char kOp[] = "01JD5Z8K3M4N5P6Q7R8S9T0V1W";

Event Numbered(Event e, uint64_t seq) {
  e.seq = seq;
  return e;
}

TEST(EventJsonTest, ExactTextOfDocumentedEvents) {
  std::vector<Event> v = SampleOperation(kOp);
  EXPECT_EQ(ToJson(Numbered(v[1], 1)),
            "{\"opId\":\"01JD5Z8K3M4N5P6Q7R8S9T0V1W\",\"seq\":1,\"timeUs\":1700000000001000,"
            "\"kind\":\"checkResult\",\"checkResult\":{\"name\":\"adapters.two_sets\",\"result\":\"FAILED\","
            "\"message\":\"adapters can be divided into two sets\"}}");
  EXPECT_EQ(ToJson(Numbered(v[7], 7)),
            "{\"opId\":\"01JD5Z8K3M4N5P6Q7R8S9T0V1W\",\"seq\":7,\"timeUs\":1700000000007000,"
            "\"kind\":\"pointOfNoReturn\",\"pointOfNoReturn\":{}}");
  EXPECT_EQ(ToJson(Numbered(v[4], 4)),
            "{\"opId\":\"01JD5Z8K3M4N5P6Q7R8S9T0V1W\",\"seq\":4,\"timeUs\":1700000000004000,"
            "\"kind\":\"stepIntent\",\"stepIntent\":{\"step\":3,\"action\":\"lpar.rename_original\","
            "\"params\":\"{\\\"name\\\":\\\"aix721534A_lku0\\\"}\",\"attempt\":2,\"direction\":\"forward\","
            "\"clockS\":-1}}");
}

TEST(EventJsonTest, EveryKindRoundTrips) {
  std::vector<Event> events = SampleOperation(kOp);
  for (size_t i = 0; i < events.size(); ++i) {
    Event e = Numbered(events[i], i);
    Event back;
    Status s = FromJson(ToJson(e), &back);
    ASSERT_TRUE(s.ok()) << s.ToString() << "\n" << ToJson(e);
    ExpectSameEvent(e, back);
  }
}

TEST(EventJsonTest, EnumsUseThePrintedNames) {
  Event e;
  e.op_id = kOp;
  e.kind = EventKind::kOpFinished;
  for (Outcome o : {Outcome::kCompleted, Outcome::kRolledBack, Outcome::kFailedValidation, Outcome::kReverted}) {
    e.finished.outcome = o;
    std::string j = ToJson(e);
    EXPECT_NE(j.find(std::string("\"outcome\":\"") + OutcomeName(o) + "\""), std::string::npos) << j;
    Event back;
    ASSERT_TRUE(FromJson(j, &back).ok()) << j;
    EXPECT_EQ(back.finished.outcome, o);
  }
  e.kind = EventKind::kCheckResult;
  for (CheckOutcome c : {CheckOutcome::kPassed, CheckOutcome::kFailed, CheckOutcome::kInfo}) {
    e.check.result = c;
    std::string j = ToJson(e);
    EXPECT_NE(j.find(std::string("\"result\":\"") + CheckOutcomeName(c) + "\""), std::string::npos) << j;
    Event back;
    ASSERT_TRUE(FromJson(j, &back).ok()) << j;
    EXPECT_EQ(back.check.result, c);
  }
}

TEST(EventJsonTest, SixtyFourBitValuesAreNumbersUpTo2To53AndStringsBeyond) {
  Event e;
  e.op_id = kOp;
  e.kind = EventKind::kEstimate;
  e.estimate.blackout_s = -42;
  e.estimate.global_s = 9007199254740992;  // 2^53: still exact as a double
  e.seq = 9007199254740993ull;             // 2^53 + 1: not
  e.time_us = INT64_MIN;
  std::string j = ToJson(e);
  EXPECT_NE(j.find("\"blackoutS\":-42,"), std::string::npos) << j;
  EXPECT_NE(j.find("\"globalS\":9007199254740992}"), std::string::npos) << j;
  EXPECT_NE(j.find("\"seq\":\"9007199254740993\""), std::string::npos) << j;
  EXPECT_NE(j.find("\"timeUs\":\"-9223372036854775808\""), std::string::npos) << j;
  Event back;
  ASSERT_TRUE(FromJson(j, &back).ok()) << j;
  ExpectSameEvent(e, back);
}

TEST(EventJsonTest, ControlAndNonAsciiBytesInTextRoundTrip) {
  Event e;
  e.op_id = kOp;
  e.kind = EventKind::kStepFailed;
  e.failed.error = std::string("tab\there \"quoted\" back\\slash \x01 nul\0 caf\xc3\xa9 raw\xff", 45);
  std::string j = ToJson(e);
  EXPECT_EQ(j.find('\n'), std::string::npos);
  Event back;
  Status s = FromJson(j, &back);
  ASSERT_TRUE(s.ok()) << s.ToString() << "\n" << j;
  EXPECT_EQ(back.failed.error, e.failed.error);
}

TEST(EventJsonTest, RefusesWhatWouldNotComeBackExactly) {
  const std::string head = "{\"opId\":\"01JD5Z8K3M4N5P6Q7R8S9T0V1W\",\"seq\":1,\"timeUs\":5,";
  struct Case {
    std::string text;
    std::string says;
  } cases[] = {
      {"not json", "does not decode"},
      {"[1,2]", "not a JSON object"},
      {head + "\"opFinished\":{\"outcome\":\"completed\"}}", "no \"kind\""},
      {head + "\"kind\":\"explode\",\"explode\":{}}", "unknown kind \"explode\""},
      {head + "\"kind\":\"opFinished\"}", "without its \"opFinished\" object"},
      {head + "\"kind\":\"opFinished\",\"opFinished\":{\"outcome\":\"rolledBack\"}}", "invalid enum value"},
      {head + "\"kind\":\"opFinished\",\"opFinished\":{\"outcome\":\"completed\"},\"extra\":1}", "Unknown field"},
      {head + "\"kind\":\"stepDone\",\"stepDone\":{\"step\":-1}}", "out-of-range"},
      {"{\"opId\":\"x\",\"seq\":18014398509481984,\"kind\":\"pointOfNoReturn\",\"pointOfNoReturn\":{}}",
       "beyond 2^53"},
  };
  for (const Case& c : cases) {
    Event back;
    Status s = FromJson(c.text, &back);
    EXPECT_TRUE(s.IsInvalidArgument()) << c.text << ": " << s.ToString();
    EXPECT_NE(s.message().find(c.says), std::string::npos) << c.text << ": " << s.message();
  }
}

// Binary (Data) fields would be written by the codec as arrays of numbers:
// any one added to the schema must carry $Json.base64 or $Json.hex.
void ExpectNoBareData(capnp::StructSchema s, const std::string& path) {
  constexpr uint64_t kBase64 = 0xd7d879450a253e4bull, kHex = 0xf061e22f0ae5c7b5ull;
  for (capnp::StructSchema::Field f : s.getFields()) {
    std::string name = path + "." + f.getProto().getName().cStr();
    capnp::Type t = f.getType();
    if (t.isData()) {
      bool annotated = false;
      for (auto a : f.getProto().getAnnotations()) annotated |= a.getId() == kBase64 || a.getId() == kHex;
      EXPECT_TRUE(annotated) << name << " is Data without $Json.base64 or $Json.hex";
    }
    if (t.isStruct()) ExpectNoBareData(t.asStruct(), name);
  }
}

TEST(EventJsonTest, BinaryFieldsAreAnnotatedForReadableJson) {
  ExpectNoBareData(capnp::Schema::from<schema::Event>(), "Event");
}

}  // namespace
}  // namespace lvu::journal
