// ScanRaw + VerifyRecords report EVERY damaged record with its key, where
// ReadOp stops at the first. The damage is done through a raw RocksDB handle
// with the journal closed; several kinds of damage at once must each be
// reported.
#include "journal/verify.h"

#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <algorithm>
#include <functional>

#include "journal/event_codec.h"
#include "journal/journal.h"
#include "journal/keys.h"
#include "sample_events.h"
#include "temp_dir.h"
#include "tests/journal/raw_damage.h"

namespace lvu::journal {
namespace {

using testing::TempDir;

class VerifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    op_ = Journal::NewOpId();
    std::unique_ptr<Journal> j;
    ASSERT_TRUE(Journal::Open(tmp_.journal(), Journal::Mode::kWrite, &j).ok());
    events_ = testing::SampleOperation(op_);  // every kind, ends with opFinished
    for (Event& e : events_) ASSERT_TRUE(j->Append(&e, true).ok());
  }

  void Damage(const std::function<void(rocksdb::DB*, rocksdb::ColumnFamilyHandle* events,
                                       rocksdb::ColumnFamilyHandle* ops)>& damage) {
    testing::DamageJournal(tmp_.journal(), damage);
  }

  std::string Get(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, const std::string& key) {
    std::string v;
    EXPECT_TRUE(db->Get(rocksdb::ReadOptions(), cf, key, &v).ok()) << PrintableKey(key);
    return v;
  }

  // The problems of every operation in the journal, read-only.
  std::vector<Problem> VerifyAll(std::vector<VerifiedRecords>* verified = nullptr) {
    std::unique_ptr<Journal> j;
    Status s = Journal::Open(tmp_.journal(), Journal::Mode::kReadOnly, &j);
    EXPECT_TRUE(s.ok()) << s.ToString();
    std::vector<OpRecords> ops;
    s = j->ScanRaw("", &ops);
    EXPECT_TRUE(s.ok()) << s.ToString();
    std::vector<Problem> problems;
    for (const OpRecords& r : ops) {
      VerifiedRecords v = VerifyRecords(r, &problems);
      if (verified) verified->push_back(std::move(v));
    }
    return problems;
  }

  static std::string Text(const std::vector<Problem>& ps) {
    std::string s;
    for (const Problem& p : ps) s += p.ToString() + "\n";
    return s;
  }
  static bool Has(const std::vector<Problem>& ps, const std::string& key, const std::string& what = "") {
    return std::any_of(ps.begin(), ps.end(), [&](const Problem& p) {
      return p.key == key && p.what.find(what) != std::string::npos;
    });
  }
  std::string Key(uint64_t seq) const { return KeyName(op_, seq); }

  rocksdb::WriteOptions Sync() {
    rocksdb::WriteOptions wo;
    wo.sync = true;
    return wo;
  }

  TempDir tmp_;
  std::string op_;
  std::vector<Event> events_;
};

TEST_F(VerifyTest, IntactJournalHasNoProblemAndEveryEvent) {
  std::vector<VerifiedRecords> v;
  std::vector<Problem> ps = VerifyAll(&v);
  EXPECT_TRUE(ps.empty()) << Text(ps);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_TRUE(v[0].intact);
  EXPECT_EQ(v[0].events.size(), events_.size());
  EXPECT_EQ(v[0].records, events_.size());
}

TEST_F(VerifyTest, GarbageValueIsReportedWithItsKey) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    ASSERT_TRUE(db->Put(Sync(), ev, EventKey(op_, 5), std::string(32, '\xa5')).ok());
  });
  std::vector<VerifiedRecords> v;
  std::vector<Problem> ps = VerifyAll(&v);
  ASSERT_EQ(ps.size(), 1u) << Text(ps);
  EXPECT_TRUE(Has(ps, Key(5), "does not decode")) << Text(ps);
  EXPECT_EQ(v[0].events.size(), events_.size() - 1);  // all the others still decode
  EXPECT_FALSE(v[0].intact);
}

TEST_F(VerifyTest, TruncatedValueIsReportedWithItsKey) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    std::string v = Get(db, ev, EventKey(op_, 4));
    ASSERT_TRUE(db->Put(Sync(), ev, EventKey(op_, 4), v.substr(0, v.size() - 3)).ok());
    std::string w = Get(db, ev, EventKey(op_, 6));
    ASSERT_TRUE(db->Put(Sync(), ev, EventKey(op_, 6), w.substr(0, w.size() - 16)).ok());  // whole words
  });
  std::vector<Problem> ps = VerifyAll();
  EXPECT_TRUE(Has(ps, Key(4), "not a whole number of 8-byte words")) << Text(ps);
  EXPECT_TRUE(Has(ps, Key(6), "does not decode")) << Text(ps);
  EXPECT_EQ(ps.size(), 2u) << Text(ps);
}

TEST_F(VerifyTest, DeletedMiddleRecordsAreEachReported) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    ASSERT_TRUE(db->Delete(Sync(), ev, EventKey(op_, 3)).ok());
    ASSERT_TRUE(db->Delete(Sync(), ev, EventKey(op_, 7)).ok());
    ASSERT_TRUE(db->Delete(Sync(), ev, EventKey(op_, 8)).ok());
  });
  std::vector<Problem> ps = VerifyAll();
  EXPECT_TRUE(Has(ps, Key(3), "missing: the next stored record is " + Key(4))) << Text(ps);
  EXPECT_TRUE(Has(ps, Key(7), "missing (and the 1 after it)")) << Text(ps);
  EXPECT_EQ(ps.size(), 2u) << Text(ps);
}

TEST_F(VerifyTest, SwappedValuesAreBothReported) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    std::string a = Get(db, ev, EventKey(op_, 2)), b = Get(db, ev, EventKey(op_, 9));
    ASSERT_TRUE(db->Put(Sync(), ev, EventKey(op_, 2), b).ok());
    ASSERT_TRUE(db->Put(Sync(), ev, EventKey(op_, 9), a).ok());
  });
  std::vector<Problem> ps = VerifyAll();
  EXPECT_TRUE(Has(ps, Key(2), "holds the event with seq 9")) << Text(ps);
  EXPECT_TRUE(Has(ps, Key(9), "holds the event with seq 2")) << Text(ps);
  EXPECT_EQ(ps.size(), 2u) << Text(ps);
}

TEST_F(VerifyTest, LostTailIsReportedAgainstTheSummary) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    for (uint64_t s = 9; s < events_.size(); ++s) ASSERT_TRUE(db->Delete(Sync(), ev, EventKey(op_, s)).ok());
  });
  std::vector<Problem> ps = VerifyAll();
  EXPECT_TRUE(Has(ps, Key(9), "the tail is lost")) << Text(ps);
  EXPECT_EQ(ps.size(), 1u) << Text(ps);
}

TEST_F(VerifyTest, RecordBeyondTheSummaryAndAnotherOperationsEvent) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    Event extra = events_[7];
    extra.seq = events_.size();
    ASSERT_TRUE(db->Put(Sync(), ev, EventKey(op_, extra.seq), Encode(extra)).ok());
    Event other = events_[3];
    other.op_id = "01JD0000000000000000000000";
    ASSERT_TRUE(db->Put(Sync(), ev, EventKey(op_, 3), Encode(other)).ok());
  });
  std::vector<Problem> ps = VerifyAll();
  EXPECT_TRUE(Has(ps, Key(events_.size()), "beyond the last seq " + std::to_string(events_.size() - 1))) << Text(ps);
  EXPECT_TRUE(Has(ps, Key(3), "holds an event of operation '01JD0000000000000000000000'")) << Text(ps);
  EXPECT_EQ(ps.size(), 2u) << Text(ps);
}

TEST_F(VerifyTest, SummaryThatDisagreesWithTheEventsIsReportedFieldByField) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle*, rocksdb::ColumnFamilyHandle* ops) {
    OpSummary s;
    ASSERT_TRUE(DecodeSummary(Get(db, ops, op_), &s).ok());
    s.steps_done = 17;
    s.outcome = Outcome::kCompleted;  // the events say rolled back
    ASSERT_TRUE(db->Put(Sync(), ops, op_, EncodeSummary(s)).ok());
  });
  std::vector<Problem> ps = VerifyAll();
  EXPECT_TRUE(Has(ps, "ops/" + op_, "records stepsDone 17 but the events make it 1")) << Text(ps);
  EXPECT_TRUE(Has(ps, "ops/" + op_, "records outcome completed but the events make it rolled_back")) << Text(ps);
  EXPECT_EQ(ps.size(), 2u) << Text(ps);
}

TEST_F(VerifyTest, MissingOrGarbageSummaryAndMalformedKey) {
  std::string other = Journal::NewOpId();
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle* ops) {
    ASSERT_TRUE(db->Delete(Sync(), ops, op_).ok());
    ASSERT_TRUE(db->Put(Sync(), ops, other, "garbage!").ok());
    ASSERT_TRUE(db->Put(Sync(), ev, "short-key", "x").ok());
  });
  std::vector<Problem> ps = VerifyAll();
  EXPECT_TRUE(Has(ps, "ops/" + op_, "missing for an operation with " + std::to_string(events_.size()) + " event records")) << Text(ps);
  EXPECT_TRUE(Has(ps, "ops/" + other, "does not decode")) << Text(ps);
  EXPECT_TRUE(Has(ps, "events/short-key", "malformed key (9 bytes")) << Text(ps);
  EXPECT_EQ(ps.size(), 3u) << Text(ps);
}

TEST_F(VerifyTest, ScanRawOfOneOperationAndOfNone) {
  std::unique_ptr<Journal> j;
  ASSERT_TRUE(Journal::Open(tmp_.journal(), Journal::Mode::kReadOnly, &j).ok());
  std::vector<OpRecords> ops;
  ASSERT_TRUE(j->ScanRaw(op_, &ops).ok());
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0].op_id, op_);
  EXPECT_EQ(ops[0].events.size(), events_.size());
  EXPECT_TRUE(ops[0].has_summary);
  EXPECT_TRUE(j->ScanRaw("01JD0000000000000000000000", &ops).IsNotFound());
}

TEST(VerifyActiveTest, ActivePointerAndUnfinishedOperations) {
  OpSummary done, open, imported;
  done.op_id = "01JD0000000000000000000001";
  done.finished = true;
  open.op_id = "01JD0000000000000000000002";
  imported.op_id = "01JD0000000000000000000003";
  imported.imported = true;
  std::vector<Problem> ps;
  VerifyActive(open.op_id, {done, open, imported}, &ps);
  EXPECT_TRUE(ps.empty()) << ps.front().ToString();

  VerifyActive("", {done, open}, &ps);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].key, "ops/" + open.op_id);
  ps.clear();
  VerifyActive(done.op_id, {done}, &ps);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].ToString(), "default/active_op: names operation " + done.op_id + ", which is finished (completed)");
  ps.clear();
  VerifyActive("01JDNOSUCH0000000000000000", {done}, &ps);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_NE(ps[0].what.find("has no summary"), std::string::npos);
}

TEST(RecordsOfTest, ASequenceNeverStoredIsCheckedByTheSameRules) {
  std::string op = "01JD5Z8K3M4N5P6Q7R8S9T0V1W";
  std::vector<Event> v = testing::SampleOperation(op);
  for (size_t i = 0; i < v.size(); ++i) v[i].seq = i;
  std::vector<Problem> ps;
  EXPECT_TRUE(VerifyRecords(RecordsOf(v), &ps).intact);
  EXPECT_TRUE(ps.empty());
  std::swap(v[3], v[4]);  // out of order
  v.erase(v.begin() + 8);  // and a gap
  VerifyRecords(RecordsOf(v), &ps);
  EXPECT_TRUE(std::any_of(ps.begin(), ps.end(), [&](const Problem& p) {
    return p.key == KeyName(op, 3) && p.what.find("out of order") != std::string::npos;
  })) << ps.size();
  EXPECT_TRUE(std::any_of(ps.begin(), ps.end(), [&](const Problem& p) {
    return p.key == KeyName(op, 8) && p.what.find("missing") != std::string::npos;
  }));
}

}  // namespace
}  // namespace lvu::journal
