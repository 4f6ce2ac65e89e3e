// What the journal does with a damaged write-ahead log after a crash: a torn
// tail (a write never acknowledged as durable) is dropped; damage in the
// middle makes the open fail, never silently losing the records after it; a
// cut that takes synced records is caught by the high-water mark.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "journal/journal.h"
#include "journal/keys.h"
#include "tests/journal/sample_events.h"
#include "tests/journal/temp_dir.h"

namespace lvu::journal {
namespace {

using testing::TempDir;

// Appends the sample operation in a child process that then dies without
// closing anything (a crash): what is on disk is the write-ahead log. Every
// event is synced but the last when `last_unsynced`.
void AppendAndCrash(const std::string& dir, const std::string& op, bool last_unsynced = false) {
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::unique_ptr<Journal> j;
    if (!Journal::Open(dir, Journal::Mode::kWrite, &j).ok()) _exit(1);
    std::vector<Event> events = testing::SampleOperation(op);
    for (size_t i = 0; i < events.size(); i++) {
      if (!j->Append(&events[i], !(last_unsynced && i + 1 == events.size())).ok()) _exit(2);
    }
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
}

std::string WalFile(const std::string& dir) {
  std::string found;
  for (const auto& f : std::filesystem::directory_iterator(dir)) {
    if (f.path().extension() == ".log" && std::filesystem::file_size(f.path()) > 0) found = f.path();
  }
  return found;
}

TEST(WalRecoveryTest, TornTailIsDroppedAndTheRestReads) {
  TempDir t;
  std::string op = Journal::NewOpId();
  AppendAndCrash(t.journal(), op, /*last_unsynced=*/true);
  std::string wal = WalFile(t.journal());
  ASSERT_FALSE(wal.empty());
  auto size = std::filesystem::file_size(wal);
  std::filesystem::resize_file(wal, size - 7);  // the last record, half written

  std::unique_ptr<Journal> j;
  ASSERT_TRUE(Journal::Open(t.journal(), Journal::Mode::kWrite, &j).ok());
  std::vector<Event> events;
  Status s = j->ReadOp(op, &events);
  ASSERT_TRUE(s.ok()) << s.ToString();
  size_t all = testing::SampleOperation(op).size();
  EXPECT_EQ(events.size(), all - 1);
  for (size_t i = 0; i < events.size(); i++) EXPECT_EQ(events[i].seq, i);
}

TEST(WalRecoveryTest, DamageInTheMiddleFailsTheOpen) {
  TempDir t;
  std::string op = Journal::NewOpId();
  AppendAndCrash(t.journal(), op);
  std::string wal = WalFile(t.journal());
  ASSERT_FALSE(wal.empty());
  auto size = std::filesystem::file_size(wal);
  {
    std::fstream f(wal, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 3));
    char garbage[16] = {'\x5a', '\x5a', '\x5a', '\x5a', '\x5a', '\x5a', '\x5a', '\x5a',
                        '\x5a', '\x5a', '\x5a', '\x5a', '\x5a', '\x5a', '\x5a', '\x5a'};
    f.write(garbage, sizeof garbage);
  }
  std::unique_ptr<Journal> j;
  Status s = Journal::Open(t.journal(), Journal::Mode::kWrite, &j);
  EXPECT_FALSE(s.ok()) << "records after the damaged one would be silently lost";
  // The message names the log file that is damaged (RocksDB's does not).
  EXPECT_NE(s.message().find("write-ahead log: " + wal), std::string::npos) << s.message();
}

// The same cut through a record that was synced: RocksDB's recovery mode
// drops it as it drops a torn tail, and the high-water mark says so. A
// writer refuses the journal; a reader opens it and reports the loss.
TEST(WalRecoveryTest, SyncedRecordsCutAreReportedNotDropped) {
  TempDir t;
  std::string op = Journal::NewOpId();
  AppendAndCrash(t.journal(), op);
  std::string wal = WalFile(t.journal());
  ASSERT_FALSE(wal.empty());
  std::filesystem::resize_file(wal, std::filesystem::file_size(wal) - 7);

  std::unique_ptr<Journal> j;
  Status s = Journal::Open(t.journal(), Journal::Mode::kWrite, &j);
  ASSERT_TRUE(s.IsCorruption()) << s.ToString();
  const size_t last = testing::SampleOperation(op).size() - 1;
  EXPECT_NE(s.message().find("records " + KeyName(op, last) + " as written to stable storage"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find(wal), std::string::npos) << "names the log file: " << s.message();
  ASSERT_TRUE(Journal::Open(t.journal(), Journal::Mode::kReadOnly, &j).ok());
  EXPECT_TRUE(j->LostRecords().IsCorruption()) << j->LostRecords().ToString();
}

// A whole log emptied (truncate -s 0) loses every record it held.
TEST(WalRecoveryTest, EmptiedLogIsReported) {
  TempDir t;
  std::string op = Journal::NewOpId();
  AppendAndCrash(t.journal(), op);
  std::string wal = WalFile(t.journal());
  ASSERT_FALSE(wal.empty());
  std::filesystem::resize_file(wal, 0);
  std::unique_ptr<Journal> j;
  Status s = Journal::Open(t.journal(), Journal::Mode::kWrite, &j);
  ASSERT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("no record of operation " + op), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::journal
