#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "journal/journal.h"
#include "sample_events.h"
#include "temp_dir.h"

namespace lvu::journal {
namespace {

using testing::ExpectSameEvent;
using testing::SampleOperation;
using testing::TempDir;

std::unique_ptr<Journal> OpenOrDie(const std::string& dir, Journal::Mode mode) {
  std::unique_ptr<Journal> j;
  Status s = Journal::Open(dir, mode, &j);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return j;
}

Event Started(const std::string& op, std::vector<std::string> plan = {"validate", "hmc.reserve"}) {
  Event e;
  e.op_id = op;
  e.kind = EventKind::kOpStarted;
  e.op_started.plan = std::move(plan);
  e.op_started.fixes = {"dummy.150813.epkg.Z"};
  return e;
}

Event Of(const std::string& op, EventKind k) {
  Event e;
  e.op_id = op;
  e.kind = k;
  return e;
}

Event Finished(const std::string& op, Outcome o) {
  Event e = Of(op, EventKind::kOpFinished);
  e.finished.outcome = o;
  return e;
}

TEST(RocksJournalTest, EveryKindSurvivesReopen) {
  TempDir tmp;
  const std::string op = Journal::NewOpId();
  std::vector<Event> written = SampleOperation(op);
  {
    auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
    for (Event& e : written) ASSERT_TRUE(j->Append(&e, true).ok()) << KindName(e.kind);
  }
  for (Journal::Mode mode : {Journal::Mode::kWrite, Journal::Mode::kReadOnly}) {
    auto j = OpenOrDie(tmp.journal(), mode);
    std::vector<Event> read;
    Status s = j->ReadOp(op, &read);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_EQ(read.size(), written.size());
    for (size_t i = 0; i < read.size(); ++i) {
      EXPECT_EQ(read[i].seq, i);
      ExpectSameEvent(written[i], read[i]);
    }
  }
}

TEST(RocksJournalTest, SeqIsAssignedContiguouslyPerOperation) {
  TempDir tmp;
  auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
  const std::string a = Journal::NewOpId();
  const std::string b = Journal::NewOpId();
  Event e = Started(a);
  e.seq = 99;  // ignored: Append assigns
  ASSERT_TRUE(j->Append(&e, false).ok());
  EXPECT_EQ(e.seq, 0u);
  EXPECT_GT(e.time_us, 0);  // filled when 0
  for (uint64_t want = 1; want <= 3; ++want) {
    Event c = Of(a, EventKind::kCheckResult);
    c.seq = 42;
    ASSERT_TRUE(j->Append(&c, false).ok());
    EXPECT_EQ(c.seq, want);
  }
  Event sb = Started(b);
  ASSERT_TRUE(j->Append(&sb, false).ok());
  EXPECT_EQ(sb.seq, 0u);  // a second operation starts at 0
  Event fixed_time = Of(a, EventKind::kEstimate);
  fixed_time.time_us = 12345;
  ASSERT_TRUE(j->Append(&fixed_time, false).ok());
  EXPECT_EQ(fixed_time.seq, 4u);
  EXPECT_EQ(fixed_time.time_us, 12345);  // kept when set
  j.reset();

  // The next seq survives a reopen (read from the ops summary).
  j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
  Event after = Of(a, EventKind::kPointOfNoReturn);
  ASSERT_TRUE(j->Append(&after, false).ok());
  EXPECT_EQ(after.seq, 5u);
  std::vector<Event> read;
  ASSERT_TRUE(j->ReadOp(a, &read).ok());
  ASSERT_EQ(read.size(), 6u);
  for (size_t i = 0; i < read.size(); ++i) EXPECT_EQ(read[i].seq, i);
  ASSERT_TRUE(j->ReadOp(b, &read).ok());
  EXPECT_EQ(read.size(), 1u);
}

TEST(RocksJournalTest, SyncCountCountsOnlySyncAppends) {
  TempDir tmp;
  auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
  EXPECT_EQ(j->sync_count(), 0u);
  const std::string op = Journal::NewOpId();
  Event e = Started(op);
  ASSERT_TRUE(j->Append(&e, true).ok());
  EXPECT_EQ(j->sync_count(), 1u);
  Event c = Of(op, EventKind::kCheckResult);
  ASSERT_TRUE(j->Append(&c, false).ok());
  EXPECT_EQ(j->sync_count(), 1u);
  Event i = Of(op, EventKind::kStepIntent);
  ASSERT_TRUE(j->Append(&i, true).ok());
  EXPECT_EQ(j->sync_count(), 2u);
  Event bad = Of(Journal::NewOpId(), EventKind::kStepDone);  // rejected: not counted
  EXPECT_FALSE(j->Append(&bad, true).ok());
  EXPECT_EQ(j->sync_count(), 2u);
}

TEST(RocksJournalTest, FirstEventMustBeOpStarted) {
  TempDir tmp;
  auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
  const std::string op = Journal::NewOpId();
  Event e = Of(op, EventKind::kStepIntent);
  Status s = j->Append(&e, true);
  EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
  EXPECT_NE(s.message().find("opStarted"), std::string::npos) << s.message();
  std::vector<Event> read;
  EXPECT_TRUE(j->ReadOp(op, &read).IsNotFound());  // nothing was written

  Event st = Started(op);
  ASSERT_TRUE(j->Append(&st, true).ok());
  Event again = Started(op);
  s = j->Append(&again, true);
  EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
  ASSERT_TRUE(j->ReadOp(op, &read).ok());
  EXPECT_EQ(read.size(), 1u);
}

TEST(RocksJournalTest, NothingAfterOpFinished) {
  TempDir tmp;
  const std::string op = Journal::NewOpId();
  {
    auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
    Event st = Started(op);
    ASSERT_TRUE(j->Append(&st, true).ok());
    Event fin = Finished(op, Outcome::kCompleted);
    ASSERT_TRUE(j->Append(&fin, true).ok());
    Event late = Of(op, EventKind::kStepDone);
    Status s = j->Append(&late, true);
    EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
    EXPECT_NE(s.message().find("finished"), std::string::npos) << s.message();
  }
  // Also after a reopen, when the summary comes from disk.
  auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
  Event late = Finished(op, Outcome::kCompleted);
  EXPECT_TRUE(j->Append(&late, true).IsInvalidArgument());
  std::vector<Event> read;
  ASSERT_TRUE(j->ReadOp(op, &read).ok());
  EXPECT_EQ(read.size(), 2u);
}

TEST(RocksJournalTest, BadOpIdIsRejected) {
  TempDir tmp;
  auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
  Event e = Started("short");
  EXPECT_TRUE(j->Append(&e, true).IsInvalidArgument());
  std::vector<OpSummary> ops;
  ASSERT_TRUE(j->ListOps(&ops).ok());
  EXPECT_TRUE(ops.empty());
}

uint64_t BytesEndingWith(const std::string& dir, const std::string& suffix) {
  uint64_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().string().ends_with(suffix)) n += e.file_size();
  }
  return n;
}

// A writer's open leaves a small log as it is (no table file, no sync for
// one) and flushes one past 1 MiB, so that read-only opens replay little;
// nothing is lost either way.
TEST(RocksJournalTest, AWritersOpenFlushesTheLogOnlyPastOneMebibyte) {
  TempDir tmp;
  const std::string op = Journal::NewOpId();
  {
    auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
    Event st = Started(op);
    ASSERT_TRUE(j->Append(&st, true).ok());
  }
  const uint64_t tables = BytesEndingWith(tmp.journal(), ".sst");
  {
    auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);  // a small log: kept
    EXPECT_EQ(BytesEndingWith(tmp.journal(), ".sst"), tables);
    for (int i = 0; i < 12000; ++i) {
      Event e = Of(op, EventKind::kStepIntent);
      ASSERT_TRUE(j->Append(&e, false).ok());
    }
  }
  EXPECT_GT(BytesEndingWith(tmp.journal(), ".log"), 1u << 20);
  auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
  EXPECT_LT(BytesEndingWith(tmp.journal(), ".log"), 1u << 20);
  EXPECT_GT(BytesEndingWith(tmp.journal(), ".sst"), tables);
  std::vector<Event> read;
  ASSERT_TRUE(j->ReadOp(op, &read).ok());
  EXPECT_EQ(read.size(), 12001u);
}

// NewestOps reads only the newest summaries, in ListOps' order.
TEST(RocksJournalTest, NewestOpsAreTheHeadOfListOps) {
  TempDir tmp;
  auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
  std::vector<OpSummary> newest;
  ASSERT_TRUE(j->NewestOps(2, &newest).ok());
  EXPECT_TRUE(newest.empty());
  for (int i = 0; i < 5; ++i) {
    Event st = Started(Journal::NewOpId());
    ASSERT_TRUE(j->Append(&st, false).ok());
    Event fin = Finished(st.op_id, Outcome::kCompleted);
    ASSERT_TRUE(j->Append(&fin, false).ok());
  }
  std::vector<OpSummary> all;
  ASSERT_TRUE(j->ListOps(&all).ok());
  ASSERT_EQ(all.size(), 5u);
  ASSERT_TRUE(j->NewestOps(2, &newest).ok());
  ASSERT_EQ(newest.size(), 2u);
  EXPECT_EQ(newest[0].op_id, all[0].op_id);
  EXPECT_EQ(newest[1].op_id, all[1].op_id);
  EXPECT_TRUE(newest[0].finished);
  ASSERT_TRUE(j->NewestOps(100, &newest).ok());
  EXPECT_EQ(newest.size(), 5u);
  EXPECT_EQ(newest.back().op_id, all.back().op_id);
}

TEST(RocksJournalTest, ListOpsNewestFirstWithSummaries) {
  TempDir tmp;
  auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(Journal::NewOpId());

  // ids[0]: completed, 2 stepDone of a 3-step plan.
  Event s0 = Started(ids[0], {"a", "b", "c"});
  s0.time_us = 1000;
  ASSERT_TRUE(j->Append(&s0, true).ok());
  for (int i = 0; i < 2; ++i) {
    Event in = Of(ids[0], EventKind::kStepIntent);
    ASSERT_TRUE(j->Append(&in, true).ok());
    Event d = Of(ids[0], EventKind::kStepDone);
    ASSERT_TRUE(j->Append(&d, true).ok());
  }
  Event f0 = Finished(ids[0], Outcome::kCompleted);
  f0.time_us = 2000;
  ASSERT_TRUE(j->Append(&f0, true).ok());
  // ids[1]: a revert, rolled back.
  Event s1 = Started(ids[1], {});
  s1.op_started.op_kind = OpKind::kRevert;
  ASSERT_TRUE(j->Append(&s1, true).ok());
  Event f1 = Finished(ids[1], Outcome::kRolledBack);
  ASSERT_TRUE(j->Append(&f1, true).ok());
  // ids[2]: unfinished.
  Event s2 = Started(ids[2], {"x"});
  s2.op_started.fixes = {"f1", "f2"};
  ASSERT_TRUE(j->Append(&s2, true).ok());
  j.reset();

  j = OpenOrDie(tmp.journal(), Journal::Mode::kReadOnly);
  std::vector<OpSummary> ops;
  ASSERT_TRUE(j->ListOps(&ops).ok());
  ASSERT_EQ(ops.size(), 3u);
  EXPECT_EQ(ops[0].op_id, ids[2]);
  EXPECT_EQ(ops[1].op_id, ids[1]);
  EXPECT_EQ(ops[2].op_id, ids[0]);

  EXPECT_FALSE(ops[0].finished);
  EXPECT_EQ(ops[0].finished_us, 0);
  EXPECT_EQ(ops[0].fixes, (std::vector<std::string>{"f1", "f2"}));
  EXPECT_EQ(ops[0].steps_total, 1u);
  EXPECT_EQ(ops[0].last_seq, 0u);

  EXPECT_TRUE(ops[1].finished);
  EXPECT_EQ(ops[1].op_kind, OpKind::kRevert);
  EXPECT_EQ(ops[1].outcome, Outcome::kRolledBack);
  EXPECT_EQ(ops[1].last_seq, 1u);

  EXPECT_TRUE(ops[2].finished);
  EXPECT_EQ(ops[2].op_kind, OpKind::kUpdate);
  EXPECT_EQ(ops[2].outcome, Outcome::kCompleted);
  EXPECT_EQ(ops[2].started_us, 1000);
  EXPECT_EQ(ops[2].finished_us, 2000);
  EXPECT_EQ(ops[2].steps_total, 3u);
  EXPECT_EQ(ops[2].steps_done, 2u);
  EXPECT_EQ(ops[2].last_seq, 5u);
  EXPECT_EQ(ops[2].fixes, (std::vector<std::string>{"dummy.150813.epkg.Z"}));

  std::string latest;
  ASSERT_TRUE(j->LatestOp(&latest).ok());
  EXPECT_EQ(latest, ids[2]);
}

TEST(RocksJournalTest, EmptyJournal) {
  TempDir tmp;
  auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
  std::vector<OpSummary> ops;
  ASSERT_TRUE(j->ListOps(&ops).ok());
  EXPECT_TRUE(ops.empty());
  std::string id = "x";
  EXPECT_TRUE(j->LatestOp(&id).IsNotFound());
  ASSERT_TRUE(j->ActiveOp(&id).ok());
  EXPECT_EQ(id, "");
  std::vector<Event> read;
  EXPECT_TRUE(j->ReadOp(Journal::NewOpId(), &read).IsNotFound());
}

TEST(RocksJournalTest, ActiveOpSetByStartClearedByFinish) {
  TempDir tmp;
  const std::string op = Journal::NewOpId();
  std::string active;
  {
    auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
    ASSERT_TRUE(j->ActiveOp(&active).ok());
    EXPECT_EQ(active, "");
    Event st = Started(op);
    ASSERT_TRUE(j->Append(&st, true).ok());
    ASSERT_TRUE(j->ActiveOp(&active).ok());
    EXPECT_EQ(active, op);
  }
  {
    // Durable across a reopen, visible read-only.
    auto ro = OpenOrDie(tmp.journal(), Journal::Mode::kReadOnly);
    ASSERT_TRUE(ro->ActiveOp(&active).ok());
    EXPECT_EQ(active, op);
  }
  auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
  Event c = Of(op, EventKind::kCompensated);
  ASSERT_TRUE(j->Append(&c, true).ok());
  ASSERT_TRUE(j->ActiveOp(&active).ok());
  EXPECT_EQ(active, op);  // only opFinished clears it
  Event fin = Finished(op, Outcome::kRolledBack);
  ASSERT_TRUE(j->Append(&fin, true).ok());
  ASSERT_TRUE(j->ActiveOp(&active).ok());
  EXPECT_EQ(active, "");
}

TEST(RocksJournalTest, ResolveOpByPrefix) {
  TempDir tmp;
  auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
  // Hand-made ids so that prefixes are predictable.
  const std::string a = "01JD000000000000000000000A";
  const std::string b = "01JD000000000000000000000B";
  const std::string c = "01JE00000000000000000000CC";
  for (const std::string& id : {a, b, c}) {
    Event st = Started(id);
    ASSERT_TRUE(j->Append(&st, false).ok());
  }
  std::string got;
  ASSERT_TRUE(j->ResolveOp("01JE", &got).ok());
  EXPECT_EQ(got, c);
  ASSERT_TRUE(j->ResolveOp("01je", &got).ok());  // case-insensitive
  EXPECT_EQ(got, c);
  ASSERT_TRUE(j->ResolveOp(b, &got).ok());  // a whole id
  EXPECT_EQ(got, b);

  Status s = j->ResolveOp("01JD", &got);
  EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
  EXPECT_NE(s.message().find("ambiguous"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(a), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(b), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find(c), std::string::npos) << s.message();

  s = j->ResolveOp("01JF", &got);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_EQ(s.message(), "no operation matches '01JF'");

  EXPECT_FALSE(j->ResolveOp("", &got).ok());
}

TEST(RocksJournalTest, ReadOnlyBesideAWriterSeesDurableEvents) {
  TempDir tmp;
  auto w = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
  const std::string op = Journal::NewOpId();
  Event st = Started(op);
  ASSERT_TRUE(w->Append(&st, true).ok());
  Event in = Of(op, EventKind::kStepIntent);
  in.intent.action = "hmc.reserve";
  ASSERT_TRUE(w->Append(&in, true).ok());

  // The writer still holds the lock and RocksDB open.
  std::unique_ptr<Journal> r;
  Status s = Journal::Open(tmp.journal(), Journal::Mode::kReadOnly, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::vector<Event> read;
  ASSERT_TRUE(r->ReadOp(op, &read).ok());
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[1].intent.action, "hmc.reserve");
  std::string active;
  ASSERT_TRUE(r->ActiveOp(&active).ok());
  EXPECT_EQ(active, op);

  // A reader cannot append.
  Event x = Of(op, EventKind::kStepDone);
  EXPECT_FALSE(r->Append(&x, true).ok());

  // What the writer appends later is seen by a reader opened later.
  Event d = Of(op, EventKind::kStepDone);
  ASSERT_TRUE(w->Append(&d, true).ok());
  std::unique_ptr<Journal> r2;
  ASSERT_TRUE(Journal::Open(tmp.journal(), Journal::Mode::kReadOnly, &r2).ok());
  ASSERT_TRUE(r2->ReadOp(op, &read).ok());
  EXPECT_EQ(read.size(), 3u);
  // And the writer is unharmed by the readers.
  r.reset();
  r2.reset();
  Event d2 = Of(op, EventKind::kPointOfNoReturn);
  ASSERT_TRUE(w->Append(&d2, true).ok());
  EXPECT_EQ(d2.seq, 3u);
}

TEST(RocksJournalTest, ReadOnlyOfMissingJournalIsNotFound) {
  TempDir tmp;
  std::unique_ptr<Journal> j;
  Status s = Journal::Open(tmp.journal(), Journal::Mode::kReadOnly, &j);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_EQ(s.message(), "no journal at " + tmp.journal() +
                             ": no live update has been run from this home");
  EXPECT_EQ(j, nullptr);
  EXPECT_FALSE(std::filesystem::exists(tmp.journal()));  // read-only creates nothing
}

TEST(RocksJournalTest, WriteModeCreatesHomeAndFormatVersion) {
  TempDir tmp;
  const std::string dir = tmp.path() + "/a/b/journal";
  auto j = OpenOrDie(dir, Journal::Mode::kWrite);
  ASSERT_NE(j, nullptr);
  EXPECT_TRUE(std::filesystem::exists(dir + "/CURRENT"));
  EXPECT_TRUE(std::filesystem::exists(dir + "/LVUPDATE.LOCK"));
}

TEST(RocksJournalTest, ConcurrentAppendsFromThreadsStayContiguous) {
  TempDir tmp;
  auto j = OpenOrDie(tmp.journal(), Journal::Mode::kWrite);
  const std::string op = Journal::NewOpId();
  Event st = Started(op);
  ASSERT_TRUE(j->Append(&st, false).ok());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        Event e = Of(op, EventKind::kCheckResult);
        EXPECT_TRUE(j->Append(&e, false).ok());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  std::vector<Event> read;
  ASSERT_TRUE(j->ReadOp(op, &read).ok());
  EXPECT_EQ(read.size(), 101u);
}

}  // namespace
}  // namespace lvu::journal
