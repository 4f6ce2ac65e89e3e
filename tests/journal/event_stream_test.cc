// SplitStream cuts the raw export back into the messages written.
#include "journal/event_stream.h"

#include <gtest/gtest.h>

#include "journal/event_codec.h"
#include "sample_events.h"

namespace lvu::journal {
namespace {

TEST(EventStreamTest, SplitsConcatenatedMessagesBackIntoEvents) {
  std::vector<Event> v = testing::SampleOperation("01JD5Z8K3M4N5P6Q7R8S9T0V1W");
  std::string stream;
  for (size_t i = 0; i < v.size(); ++i) {
    v[i].seq = i;
    stream += Encode(v[i]);
  }
  std::vector<std::string> messages;
  ASSERT_TRUE(SplitStream(stream, &messages).ok());
  ASSERT_EQ(messages.size(), v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    Event e;
    ASSERT_TRUE(Decode(messages[i], &e).ok()) << i;
    testing::ExpectSameEvent(v[i], e);
  }
  ASSERT_TRUE(SplitStream("", &messages).ok());
  EXPECT_TRUE(messages.empty());
}

TEST(EventStreamTest, CutShortOrRaggedStreamIsCorruption) {
  std::vector<Event> v = testing::SampleOperation("01JD5Z8K3M4N5P6Q7R8S9T0V1W");
  std::string stream = Encode(v[0]) + Encode(v[1]);
  std::vector<std::string> messages;
  Status s = SplitStream(stream.substr(0, stream.size() - 8), &messages);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("at byte " + std::to_string(Encode(v[0]).size())), std::string::npos) << s.message();
  s = SplitStream(stream.substr(0, stream.size() - 3), &messages);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("not a whole number of 8-byte words"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::journal
