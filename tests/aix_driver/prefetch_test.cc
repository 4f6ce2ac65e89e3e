// Prefetch (drivers/aix/prefetch.h): the commands given run at the same
// time, each answered from what it printed or the Status it ended with;
// others go to the runner; one by one, nothing runs before it is asked.
// Concurrency is shown by the commands meeting inside the runner, not by
// timing.
#include "drivers/aix/prefetch.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace lvu::drivers::aix {
namespace {

// A runner that waits (up to 5 s) until `expect` commands are inside it at
// once, and records the most it saw.
struct MeetingRunner {
  std::mutex mu;
  std::condition_variable cv;
  int inside = 0, most = 0, runs = 0;
  int expect = 1;
  bool met = false;  // once `expect` met, nobody waits any more
  RunCommand Runner() {
    return [this](const std::vector<std::string>& argv, std::string* out) {
      std::unique_lock<std::mutex> lock(mu);
      ++runs;
      most = std::max(most, ++inside);
      if (inside >= expect) met = true;
      cv.notify_all();
      cv.wait_for(lock, std::chrono::seconds(5), [&] { return met; });
      --inside;
      if (argv[0] == "fails") return Status::Failed("`fails` exited 1");
      *out = argv[0] + " printed this";
      return Status::OK();
    };
  }
};

TEST(PrefetchTest, TheCommandsRunAtOnceAndAreAnsweredFromWhatTheyPrinted) {
  MeetingRunner m;
  m.expect = 3;
  RunCommand run = Prefetch(m.Runner(), {{"lsvg", "rootvg"}, {"fails"}, {"df", "-m"}}, true);
  EXPECT_EQ(m.most, 3);  // all three were running together
  EXPECT_EQ(m.runs, 3);
  std::string out;
  ASSERT_TRUE(run({"lsvg", "rootvg"}, &out).ok());
  EXPECT_EQ(out, "lsvg printed this");
  ASSERT_TRUE(run({"lsvg", "rootvg"}, &out).ok());  // asked twice, run once
  Status s = run({"fails"}, &out);
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_EQ(s.message(), "`fails` exited 1");
  EXPECT_EQ(m.runs, 3);
  ASSERT_TRUE(run({"lspv"}, &out).ok());  // not prefetched: run now
  EXPECT_EQ(out, "lspv printed this");
  EXPECT_EQ(m.runs, 4);
}

TEST(PrefetchTest, OneByOneNothingRunsBeforeItIsAsked) {
  MeetingRunner m;
  RunCommand run = Prefetch(m.Runner(), {{"lsvg", "rootvg"}, {"df", "-m"}}, false);
  EXPECT_EQ(m.runs, 0);
  std::string out;
  ASSERT_TRUE(run({"df", "-m"}, &out).ok());
  EXPECT_EQ(m.runs, 1);
  EXPECT_EQ(m.most, 1);
}

}  // namespace
}  // namespace lvu::drivers::aix
