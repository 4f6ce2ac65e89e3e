// A full disk under the journal (issue: storage faults, finding 2): before the
// fix every run on a tmpfs with 8-168 KB free aborted (SIGABRT, RocksDB's
// assertions), and resume aborted while the disk stayed full. Now: exit 1
// before anything is written, naming the journal, the space it needs and the
// space left; nothing changes in the world; resume works once space is back.
// The journal lives on a small tmpfs mounted for the test (root only: the
// tests skip, saying so, where mounting is not allowed).
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

class DiskFullTest : public ::testing::Test {
 protected:
  void SetUp() override {
    journal_ = home() + "/journal";
    std::filesystem::create_directories(journal_);
    if (::mount("tmpfs", journal_.c_str(), "tmpfs", 0, "size=512k") != 0) {
      GTEST_SKIP() << "cannot mount a tmpfs at " << journal_ << " (needs root): " << std::strerror(errno);
    }
    mounted_ = true;
    ASSERT_EQ(InitLab(home()).exit_code, 0);
    before_ = World(home());
  }
  void TearDown() override {
    if (mounted_) ::umount2(journal_.c_str(), MNT_DETACH);
  }
  const std::string& home() const { return home_.path(); }
  void Resize(const std::string& size) {
    ASSERT_EQ(::mount("tmpfs", journal_.c_str(), "tmpfs", MS_REMOUNT, ("size=" + size).c_str()), 0)
        << std::strerror(errno);
  }
  // Fills the file system but for about `leave` bytes.
  void Fill(uint64_t leave) {
    std::filesystem::space_info sp = std::filesystem::space(journal_);
    ASSERT_GT(sp.available, leave);
    std::ofstream f(journal_ + "/filler", std::ios::binary);
    std::string block(4096, 'x');
    for (uint64_t left = sp.available - leave; left >= block.size(); left -= block.size()) f.write(block.data(), block.size());
  }
  void ExpectNoSpaceRefusal(const ProcResult& r) {
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(r.out.find("the journal needs 8 MiB"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(journal_), std::string::npos) << "names the journal: " << r.out;
    EXPECT_NE(r.out.find("nothing was written"), std::string::npos) << r.out;
  }
  std::vector<std::string> RunArgs() const { return {"run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}; }

  TempHome home_;
  std::string journal_;
  bool mounted_ = false;
  nlohmann::json before_;
};

TEST_F(DiskFullTest, RunOnAFullDiskIsRefusedWithoutAbortNorChange) {
  ProcResult r = Lvupdate(home(), RunArgs());
  ExpectNoSpaceRefusal(r);
  EXPECT_EQ(WithoutClockAndErrlog(World(home())).dump(1), WithoutClockAndErrlog(before_).dump(1));
  EXPECT_EQ(StatusJson(home())["status"], "none");
  // With room, the same command works.
  Resize("64m");
  r = Lvupdate(home(), RunArgs());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(NotUpdated(World(home())), "");
}

TEST_F(DiskFullTest, ResumeRefusedWhileTheDiskIsFullThenFinishes) {
  Resize("64m");
  ASSERT_EQ(Lvupdate(home(), {"sim", "fault", "add", "disk.assign", "--kind", "crash-after"}).exit_code, 0);
  ASSERT_EQ(Lvupdate(home(), RunArgs()).exit_code, 86);
  nlohmann::json interrupted = World(home());
  Fill(128 << 10);
  for (const char* cmd : {"resume", "rollback"}) {
    ProcResult r = Lvupdate(home(), {cmd});
    ExpectNoSpaceRefusal(r);
    EXPECT_EQ(WithoutClockAndErrlog(World(home())).dump(1), WithoutClockAndErrlog(interrupted).dump(1)) << cmd;
  }
  std::filesystem::remove(journal_ + "/filler");
  ProcResult r = Lvupdate(home(), {"resume"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(NotUpdated(World(home())), "");
  ProcResult v = Lvupdate(home(), {"journal", "verify"});
  EXPECT_EQ(v.exit_code, 0) << v.out;
}

// After a kill -9 the journal keeps little on disk: RocksDB preallocated its
// log to 1.1 x its 64 MB write buffer before (47 MB found after a crash); the
// journal's buffer is 1 MiB.
TEST_F(DiskFullTest, AKilledRunLeavesASmallJournal) {
  Resize("64m");
  ASSERT_EQ(Lvupdate(home(), {"sim", "fault", "add", "workload.checkpoint", "--kind", "crash-before"}).exit_code, 0);
  ASSERT_EQ(Lvupdate(home(), RunArgs()).exit_code, 86);
  uint64_t allocated = 0;
  for (const auto& e : std::filesystem::directory_iterator(journal_)) {
    struct stat st{};
    if (::stat(e.path().c_str(), &st) == 0) allocated += static_cast<uint64_t>(st.st_blocks) * 512;
  }
  EXPECT_LT(allocated, 4u << 20) << "bytes allocated in " << journal_;
  // And rollback works in the room an 8 MiB reserve asks for.
  ProcResult r = Lvupdate(home(), {"rollback"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(WithoutClockAndErrlog(World(home())).dump(1), WithoutClockAndErrlog(before_).dump(1));
}

}  // namespace
}  // namespace lvu::testing
