// A journal that lost synced records is never acted upon (issue: storage
// faults, finding 1). The run is interrupted past the point of no return
// (crash before lpar.shutdown_original: the workload runs on the surrogate,
// LPAR 98), then the write-ahead log loses its end, as a damaged disk or a
// person's `truncate` would do it. Before the fix, `journal verify` found
// nothing and `rollback` shut down and deleted LPAR 98 with the workload.
// Now: the high-water mark catches the loss (verify exit 1, rollback and
// resume exit 1, nothing changed); with the mark itself gone, the world is
// compared with the journal and the same refusal follows; and the world
// keeps its workload running on exactly one partition.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "tools/tar_gz_writer.h"
#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

class LostRecordsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(InitLab(home()).exit_code, 0);
    ASSERT_EQ(Lvupdate(home(), {"sim", "fault", "add", "lpar.shutdown_original", "--kind", "crash-before"}).exit_code, 0);
    ProcResult r = Lvupdate(home(), {"run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
    ASSERT_EQ(r.exit_code, 86) << r.out;
    before_ = World(home());
    ASSERT_EQ(WorkloadRunningOn(before_), std::vector<int>{98});
    wal_ = WalFile(home());
    ASSERT_FALSE(wal_.empty());
  }
  const std::string& home() const { return home_.path(); }
  void CutWal(off_t bytes) {
    off_t size = static_cast<off_t>(std::filesystem::file_size(wal_));
    ASSERT_GT(size, bytes);
    ASSERT_EQ(::truncate(wal_.c_str(), size - bytes), 0);
  }
  // Nothing changed in the world, and the workload still runs, on LPAR 98.
  void ExpectWorldUnchanged() {
    nlohmann::json after = World(home());
    EXPECT_EQ(WithoutClockAndErrlog(after).dump(1), WithoutClockAndErrlog(before_).dump(1));
    EXPECT_EQ(WorkloadRunningOn(after), std::vector<int>{98});
  }
  void ExpectRecoveryRefused(const std::string& why) {
    for (const char* cmd : {"rollback", "resume"}) {
      ProcResult r = Lvupdate(home(), {cmd});
      EXPECT_EQ(r.exit_code, 1) << cmd << ": " << r.out;
      EXPECT_NE(r.out.find(why), std::string::npos) << cmd << ": " << r.out;
      ExpectWorldUnchanged();
    }
  }

  TempHome home_;
  nlohmann::json before_;
  std::string wal_;
};

TEST_F(LostRecordsTest, CutLogIsReportedByVerifyAndRefusedByRecovery) {
  CutWal(2300);  // the last events, cut mid-record
  ProcResult v = Lvupdate(home(), {"journal", "verify"});
  EXPECT_EQ(v.exit_code, 1) << v.out;
  EXPECT_NE(v.out.find("HIGHWATER"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("synced event(s) are lost"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find(".log"), std::string::npos) << "names the log file: " << v.out;
  ExpectRecoveryRefused("synced event(s) are lost");
  // The support bundle says so, and carries the mark.
  const std::string bundle = home() + "/bundle.tar.gz";
  ProcResult snap = Lvupdate(home(), {"snap", "-o", bundle});
  ASSERT_EQ(snap.exit_code, 0) << snap.out;
  std::vector<tools::TarMember> members;
  ASSERT_TRUE(tools::ReadTarGz(ReadFile(bundle), 1ull << 30, &members).ok());
  bool verify = false, mark = false;
  for (const auto& m : members) {
    if (m.path.ends_with("journal/verify.txt")) {
      verify = m.bytes.find("synced event(s) are lost") != std::string::npos;
    }
    mark |= m.path.ends_with("journal/HIGHWATER") && m.bytes.size() % 48 == 0 && !m.bytes.empty();
  }
  EXPECT_TRUE(verify);
  EXPECT_TRUE(mark);
  // A new run is refused too: the journal cannot be used.
  ProcResult r = Lvupdate(home(), {"run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  ExpectWorldUnchanged();
}

TEST_F(LostRecordsTest, EmptiedLogIsCaughtToo) {
  ASSERT_EQ(::truncate(wal_.c_str(), 0), 0);
  ProcResult v = Lvupdate(home(), {"journal", "verify"});
  EXPECT_EQ(v.exit_code, 1) << v.out;
  EXPECT_NE(v.out.find("HIGHWATER"), std::string::npos) << v.out;
  ExpectRecoveryRefused("HIGHWATER");
}

TEST_F(LostRecordsTest, MissingMarkFileIsReported) {
  ASSERT_TRUE(std::filesystem::remove(home() + "/journal/HIGHWATER"));
  ProcResult v = Lvupdate(home(), {"journal", "verify"});
  EXPECT_EQ(v.exit_code, 1) << v.out;
  EXPECT_NE(v.out.find("is missing"), std::string::npos) << v.out;
  ExpectRecoveryRefused("is missing");
}

// The mark emptied as well (no record in it): the world itself shows what the
// journal lost, and recovery refuses to act on the shorter journal.
TEST_F(LostRecordsTest, WorldAheadOfTheJournalIsRefusedWithoutTheMark) {
  CutWal(2300);
  WriteFile(home() + "/journal/HIGHWATER", "");
  ProcResult v = Lvupdate(home(), {"journal", "verify"});
  EXPECT_EQ(v.exit_code, 1) << v.out;
  EXPECT_NE(v.out.find("world: step 14 workload.restart"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("the workload runs on partition 98"), std::string::npos) << v.out;
  ExpectRecoveryRefused("the world is ahead of the journal: step 14 workload.restart is applied");
  // status says where the journal stands; it does not claim the operation can go on.
  nlohmann::json st = StatusJson(home());
  EXPECT_EQ(st["status"], "interrupted");
}

// An intact journal after the same crash: recovery goes on (the checks do
// not refuse a journal that is only one step behind, as every crash leaves it).
TEST_F(LostRecordsTest, IntactJournalStillResumes) {
  ProcResult v = Lvupdate(home(), {"journal", "verify"});
  EXPECT_EQ(v.exit_code, 0) << v.out;
  ProcResult r = Lvupdate(home(), {"rollback"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(NotReverted(World(home())), "");
}

}  // namespace
}  // namespace lvu::testing
