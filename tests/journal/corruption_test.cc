// Records damaged on disk are reported as Corruption naming their key; they
// are never skipped. The damage is done through a raw RocksDB handle on the
// journal's directory, with the journal closed.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

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

class CorruptionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    op_ = Journal::NewOpId();
    std::unique_ptr<Journal> j;
    ASSERT_TRUE(Journal::Open(tmp_.journal(), Journal::Mode::kWrite, &j).ok());
    std::vector<Event> events = testing::SampleOperation(op_);
    events.resize(4);  // opStarted, checkResult x2, estimate: seq 0..3
    for (Event& e : events) ASSERT_TRUE(j->Append(&e, true).ok());
  }

  // Runs `damage` on the raw database (handles: default, events, ops).
  void Damage(const std::function<void(rocksdb::DB*, rocksdb::ColumnFamilyHandle* events,
                                       rocksdb::ColumnFamilyHandle* ops)>& damage) {
    testing::DamageJournal(tmp_.journal(), damage);
  }

  // A writer refuses a journal whose last synced event is gone (the
  // high-water mark, high_water.h): its Open's Corruption is the answer then.
  Status ReadBack(Journal::Mode mode, std::vector<Event>* out) {
    std::unique_ptr<Journal> j;
    Status s = Journal::Open(tmp_.journal(), mode, &j);
    if (!s.ok()) {
      EXPECT_TRUE(mode == Journal::Mode::kWrite && s.IsCorruption() &&
                  s.message().find("HIGHWATER") != std::string::npos) << s.ToString();
      return s;
    }
    return j->ReadOp(op_, out);
  }

  // Both modes report the same corruption, naming `key`.
  void ExpectCorruptionNaming(const std::string& key) {
    for (Journal::Mode mode : {Journal::Mode::kReadOnly, Journal::Mode::kWrite}) {
      std::vector<Event> out;
      Status s = ReadBack(mode, &out);
      EXPECT_TRUE(s.IsCorruption()) << s.ToString();
      EXPECT_NE(s.message().find(key), std::string::npos) << s.message();
      EXPECT_TRUE(out.empty()) << "a partial operation was returned";
    }
  }

  rocksdb::WriteOptions Sync() {
    rocksdb::WriteOptions wo;
    wo.sync = true;
    return wo;
  }

  TempDir tmp_;
  std::string op_;
};

TEST_F(CorruptionTest, IntactJournalReads) {
  std::vector<Event> out;
  ASSERT_TRUE(ReadBack(Journal::Mode::kReadOnly, &out).ok());
  EXPECT_EQ(out.size(), 4u);
}

TEST_F(CorruptionTest, GarbageValue) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    ASSERT_TRUE(db->Put(Sync(), ev, EventKey(op_, 2), std::string(24, '\xa5')).ok());
  });
  ExpectCorruptionNaming("events/" + op_ + "/2");
}

TEST_F(CorruptionTest, TornValue) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    std::string v;
    ASSERT_TRUE(db->Get(rocksdb::ReadOptions(), ev, EventKey(op_, 1), &v).ok());
    v.resize(v.size() - 5);  // not a whole number of words
    ASSERT_TRUE(db->Put(Sync(), ev, EventKey(op_, 1), v).ok());
  });
  ExpectCorruptionNaming("events/" + op_ + "/1");
}

TEST_F(CorruptionTest, ValidEventWithWrongSeq) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    std::string v;
    ASSERT_TRUE(db->Get(rocksdb::ReadOptions(), ev, EventKey(op_, 1), &v).ok());
    Event e;
    ASSERT_TRUE(Decode(v, &e).ok());
    e.seq = 7;
    ASSERT_TRUE(db->Put(Sync(), ev, EventKey(op_, 1), Encode(e)).ok());
  });
  ExpectCorruptionNaming("events/" + op_ + "/1");
}

TEST_F(CorruptionTest, ValidEventOfAnotherOperation) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    Event e;
    e.op_id = Journal::NewOpId();
    e.seq = 3;
    e.kind = EventKind::kEstimate;
    ASSERT_TRUE(db->Put(Sync(), ev, EventKey(op_, 3), Encode(e)).ok());
  });
  ExpectCorruptionNaming("events/" + op_ + "/3");
}

TEST_F(CorruptionTest, MissingMiddleEvent) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    ASSERT_TRUE(db->Delete(Sync(), ev, EventKey(op_, 2)).ok());
  });
  ExpectCorruptionNaming("events/" + op_ + "/2");
}

TEST_F(CorruptionTest, MissingFirstEvent) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    ASSERT_TRUE(db->Delete(Sync(), ev, EventKey(op_, 0)).ok());
  });
  ExpectCorruptionNaming("events/" + op_ + "/0");
}

TEST_F(CorruptionTest, MissingLastEvent) {
  // The ops summary, written in the same batch, still says seq 3 exists.
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    ASSERT_TRUE(db->Delete(Sync(), ev, EventKey(op_, 3)).ok());
  });
  ExpectCorruptionNaming("events/" + op_ + "/3");
}

TEST_F(CorruptionTest, EventAfterOpFinished) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    Event fin;
    fin.op_id = op_;
    fin.seq = 2;
    fin.kind = EventKind::kOpFinished;
    ASSERT_TRUE(db->Put(Sync(), ev, EventKey(op_, 2), Encode(fin)).ok());
  });
  ExpectCorruptionNaming("events/" + op_ + "/3");
}

TEST_F(CorruptionTest, GarbageSummary) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle*, rocksdb::ColumnFamilyHandle* ops) {
    ASSERT_TRUE(db->Put(Sync(), ops, op_, "not a summary!!!").ok());
  });
  std::unique_ptr<Journal> j;
  ASSERT_TRUE(Journal::Open(tmp_.journal(), Journal::Mode::kWrite, &j).ok());
  std::vector<OpSummary> ops;
  Status s = j->ListOps(&ops);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("ops/" + op_), std::string::npos) << s.message();
  std::vector<Event> events;
  s = j->ReadOp(op_, &events);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  // Append reads the summary too: it must refuse rather than restart at 0.
  Event e;
  e.op_id = op_;
  e.kind = EventKind::kStepDone;
  s = j->Append(&e, true);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("ops/" + op_), std::string::npos) << s.message();
}

TEST_F(CorruptionTest, UnknownFormatVersionRefusesToOpen) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle*, rocksdb::ColumnFamilyHandle*) {
    ASSERT_TRUE(db->Put(Sync(), db->DefaultColumnFamily(), kFormatVersionKey, "9").ok());
  });
  std::unique_ptr<Journal> j;
  Status s = Journal::Open(tmp_.journal(), Journal::Mode::kReadOnly, &j);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("format version '9'"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::journal
