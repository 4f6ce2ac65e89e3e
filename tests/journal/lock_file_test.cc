// The live update lock, across processes (fork). Children only take or test
// the lock and then _exit: they never touch RocksDB, whose threads do not
// survive a fork.
#include "journal/lock_file.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "journal/journal.h"
#include "temp_dir.h"

namespace lvu::journal {
namespace {

using testing::TempDir;

// Child exit codes.
constexpr int kChildBusyWithParentPid = 10;
constexpr int kChildBusyOtherMessage = 11;
constexpr int kChildOpened = 12;
constexpr int kChildOtherError = 13;

// Forks a child that tries Journal::Open(kWrite) and reports through its
// exit code; returns that code.
int ChildTriesToWrite(const std::string& dir) {
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0) {
    std::unique_ptr<Journal> j;
    Status s = Journal::Open(dir, Journal::Mode::kWrite, &j);
    int code = kChildOtherError;
    if (s.IsBusy()) {
      std::string want = "another lvupdate (pid " + std::to_string(parent) +
                         ") holds the live update lock " + dir + "/LVUPDATE.LOCK";
      code = s.message() == want ? kChildBusyWithParentPid : kChildBusyOtherMessage;
    } else if (s.ok()) {
      code = kChildOpened;
      j.release();  // no RocksDB teardown in a forked child
    }
    _exit(code);
  }
  int status = 0;
  EXPECT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status));
  return WEXITSTATUS(status);
}

TEST(LockFileTest, SecondWriterInAnotherProcessIsBusy) {
  TempDir tmp;
  std::unique_ptr<Journal> j;
  ASSERT_TRUE(Journal::Open(tmp.journal(), Journal::Mode::kWrite, &j).ok());
  EXPECT_EQ(ChildTriesToWrite(tmp.journal()), kChildBusyWithParentPid);
  // Readers are not locked out.
  std::unique_ptr<Journal> r;
  EXPECT_TRUE(Journal::Open(tmp.journal(), Journal::Mode::kReadOnly, &r).ok());
}

TEST(LockFileTest, ReleasedOnDestruction) {
  TempDir tmp;
  {
    std::unique_ptr<LockFile> lock;
    ASSERT_TRUE(LockFile::Acquire(tmp.journal(), &lock).ok());
    std::unique_ptr<LockFile> again;
    Status s = LockFile::Acquire(tmp.journal(), &again);  // same process, other fd
    EXPECT_TRUE(s.IsBusy()) << s.ToString();
    EXPECT_NE(s.message().find("pid " + std::to_string(getpid())), std::string::npos);
  }
  std::unique_ptr<LockFile> lock;
  EXPECT_TRUE(LockFile::Acquire(tmp.journal(), &lock).ok());
}

TEST(LockFileTest, WriterAfterReleaseSucceedsInAnotherProcess) {
  TempDir tmp;
  {
    std::unique_ptr<Journal> j;
    ASSERT_TRUE(Journal::Open(tmp.journal(), Journal::Mode::kWrite, &j).ok());
  }
  // The child only takes the lock here; skip RocksDB by holding a LockFile
  // check instead of a full Open: a full Open in a forked child is unsafe.
  pid_t pid = fork();
  if (pid == 0) {
    std::unique_ptr<LockFile> lock;
    _exit(LockFile::Acquire(tmp.journal(), &lock).ok() ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(LockFileTest, LockFileHoldsThePid) {
  TempDir tmp;
  std::unique_ptr<LockFile> lock;
  ASSERT_TRUE(LockFile::Acquire(tmp.journal(), &lock).ok());
  std::ifstream in(tmp.journal() + "/LVUPDATE.LOCK");
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, std::to_string(getpid()) + "\n");
}

TEST(LockHolderTest, NoLockFile) {
  TempDir tmp;
  bool held = true;
  int pid = -1;
  ASSERT_TRUE(LockHolder(tmp.journal(), &held, &pid).ok());
  EXPECT_FALSE(held);
  EXPECT_EQ(pid, 0);
}

TEST(LockHolderTest, HeldByAnotherProcessThenReleased) {
  TempDir tmp;
  int ready[2], release[2];
  ASSERT_EQ(pipe(ready), 0);
  ASSERT_EQ(pipe(release), 0);
  pid_t child = fork();
  if (child == 0) {
    close(ready[0]);
    close(release[1]);
    std::unique_ptr<LockFile> lock;
    char c = LockFile::Acquire(tmp.journal(), &lock).ok() ? 'y' : 'n';
    if (write(ready[1], &c, 1) != 1) _exit(2);
    if (read(release[0], &c, 1) < 0) _exit(3);  // wait for the parent
    lock.reset();
    _exit(0);
  }
  close(ready[1]);
  close(release[0]);
  char c = 0;
  ASSERT_EQ(read(ready[0], &c, 1), 1);
  ASSERT_EQ(c, 'y');

  bool held = false;
  int pid = 0;
  ASSERT_TRUE(LockHolder(tmp.journal(), &held, &pid).ok());
  EXPECT_TRUE(held);
  EXPECT_EQ(pid, child);
  // A writer here is told who holds the lock.
  std::unique_ptr<Journal> j;
  Status s = Journal::Open(tmp.journal(), Journal::Mode::kWrite, &j);
  EXPECT_TRUE(s.IsBusy()) << s.ToString();
  EXPECT_NE(s.message().find("(pid " + std::to_string(child) + ")"), std::string::npos)
      << s.message();

  ASSERT_EQ(write(release[1], "x", 1), 1);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  close(ready[0]);
  close(release[1]);

  ASSERT_TRUE(LockHolder(tmp.journal(), &held, &pid).ok());
  EXPECT_FALSE(held);
  EXPECT_EQ(pid, child);  // the last holder's pid stays, for `status`
  // The lock is free again.
  EXPECT_TRUE(Journal::Open(tmp.journal(), Journal::Mode::kWrite, &j).ok());
}

TEST(LockHolderTest, HeldByThisProcessJournal) {
  TempDir tmp;
  bool held = false;
  int pid = 0;
  {
    std::unique_ptr<Journal> j;
    ASSERT_TRUE(Journal::Open(tmp.journal(), Journal::Mode::kWrite, &j).ok());
    ASSERT_TRUE(LockHolder(tmp.journal(), &held, &pid).ok());
    EXPECT_TRUE(held);
    EXPECT_EQ(pid, getpid());
  }
  ASSERT_TRUE(LockHolder(tmp.journal(), &held, &pid).ok());
  EXPECT_FALSE(held);
  EXPECT_EQ(pid, getpid());
}

}  // namespace
}  // namespace lvu::journal
