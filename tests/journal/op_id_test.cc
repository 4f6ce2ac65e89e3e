#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "journal/journal.h"

namespace lvu::journal {
namespace {

int64_t DecodeTimeMs(const std::string& id) {
  const std::string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  int64_t v = 0;
  for (size_t i = 0; i < 10; ++i) v = v * 32 + static_cast<int64_t>(alphabet.find(id[i]));
  return v;
}

TEST(OpIdTest, IsA26CharCrockfordUlid) {
  std::string id = Journal::NewOpId();
  ASSERT_EQ(id.size(), 26u);
  for (char c : id) {
    EXPECT_NE(std::string("0123456789ABCDEFGHJKMNPQRSTVWXYZ").find(c), std::string::npos) << c;
  }
  EXPECT_LE(id[0], '7');  // 48-bit time: the first char carries 3 bits
  int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  int64_t t = DecodeTimeMs(id);
  EXPECT_LE(t, now_ms);
  EXPECT_GT(t, now_ms - 5000);
}

TEST(OpIdTest, StrictlyIncreasingAndUnique) {
  std::string prev = Journal::NewOpId();
  std::set<std::string> seen{prev};
  for (int i = 0; i < 20000; ++i) {  // many share a millisecond
    std::string id = Journal::NewOpId();
    ASSERT_LT(prev, id) << "at " << i;
    seen.insert(id);
    prev = id;
  }
  EXPECT_EQ(seen.size(), 20001u);
}

TEST(OpIdTest, RandomPartDiffersAcrossMilliseconds) {
  std::string a = Journal::NewOpId();
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  std::string b = Journal::NewOpId();
  EXPECT_LT(a.substr(0, 10), b.substr(0, 10));
  EXPECT_NE(a.substr(10), b.substr(10));
}

}  // namespace
}  // namespace lvu::journal
