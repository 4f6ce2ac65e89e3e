// `journal verify` through the real binary on a journal damaged through a raw
// RocksDB handle: every problem is reported with its key and the exit code is
// 1; show and events point at verify, and events shows what is readable.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <set>
#include <sstream>

#include "journal/event_codec.h"
#include "journal/keys.h"
#include "tests/support/lvu_process.h"
#include "tests/journal/raw_damage.h"

namespace lvu::testing {
namespace {

class JournalVerifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(InitLab(home()).exit_code, 0);
    ASSERT_EQ(Lvupdate(home(), {"sim", "fault", "add", "disk.mirror_rootvg", "--kind", "fail"}).exit_code, 0);
    ASSERT_EQ(Lvupdate(home(), {"run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}).exit_code, 4);
    op_ = StatusJson(home())["id"];
    ASSERT_EQ(op_.size(), 26u);
    auto list = nlohmann::json::parse(Lvupdate(home(), {"journal", "list", "--json"}).out);
    last_ = list[0]["events"].get<uint64_t>() - 1;
    ASSERT_GT(last_, 30u);
  }
  const std::string& home() const { return home_.path(); }

  // Runs `damage` on the raw database of the home's journal (closed).
  void Damage(const std::function<void(rocksdb::DB*, rocksdb::ColumnFamilyHandle* events,
                                       rocksdb::ColumnFamilyHandle* ops)>& damage) {
    journal::testing::DamageJournal(home() + "/journal", damage);
  }
  std::string Get(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, uint64_t seq) {
    std::string v;
    EXPECT_TRUE(db->Get(rocksdb::ReadOptions(), cf, journal::EventKey(op_, seq), &v).ok()) << seq;
    return v;
  }
  void Put(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, uint64_t seq, const std::string& v) {
    rocksdb::WriteOptions wo;
    wo.sync = true;
    ASSERT_TRUE(db->Put(wo, cf, journal::EventKey(op_, seq), v).ok());
  }
  std::string Key(uint64_t seq) const { return journal::KeyName(op_, seq); }

  TempHome home_;
  std::string op_;
  uint64_t last_ = 0;  // the operation's last seq
};

TEST_F(JournalVerifyTest, IntactJournalVerifiesWithExit0) {
  ProcResult r = Lvupdate(home(), {"journal", "verify"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("1 operation, " + std::to_string(last_ + 1) + " event records: no problem found."),
            std::string::npos) << r.out;
  r = Lvupdate(home(), {"journal", "verify", op_.substr(0, 12), "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["ok"].get<bool>());
  EXPECT_EQ(j["records"], last_ + 1);
}

TEST_F(JournalVerifyTest, CorruptDeletedSwappedAndTruncatedRecordsAreEachReported) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    Put(db, ev, 5, std::string(40, '\x5a'));                    // corrupt
    rocksdb::WriteOptions wo;
    wo.sync = true;
    ASSERT_TRUE(db->Delete(wo, ev, journal::EventKey(op_, 9)).ok());  // delete
    std::string a = Get(db, ev, 12), b = Get(db, ev, 14);       // reorder
    Put(db, ev, 12, b);
    Put(db, ev, 14, a);
    std::string t = Get(db, ev, 20);                            // truncate
    Put(db, ev, 20, t.substr(0, t.size() / 2 + 1));
  });
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"journal", "verify"}, std::vector<std::string>{"journal", "verify", op_}}) {
    ProcResult r = Lvupdate(home(), args);
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(r.out.find(Key(5) + ": does not decode"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(Key(9) + ": missing: the next stored record is " + Key(10)), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(Key(12) + ": holds the event with seq 14"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(Key(14) + ": holds the event with seq 12"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(Key(20) + ": "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("problems found."), std::string::npos) << r.out;
    // Past the first damaged record the fold would only repeat the damage.
    EXPECT_NE(r.out.find("note: " + Key(5) + " onwards: the fold's rules were not checked"), std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find("without an intent"), std::string::npos) << r.out;
  }
  ProcResult j = Lvupdate(home(), {"journal", "verify", "--json"});
  EXPECT_EQ(j.exit_code, 1);
  auto report = nlohmann::json::parse(j.out);
  EXPECT_FALSE(report["ok"].get<bool>());
  std::set<std::string> keys;
  for (const auto& p : report["problems"]) keys.insert(p["key"]);
  for (uint64_t s : {5, 9, 12, 14, 20}) EXPECT_TRUE(keys.count(Key(s))) << Key(s) << " in " << j.out;

  // show refuses, naming the first problem and pointing at verify.
  ProcResult show = Lvupdate(home(), {"journal", "show"});
  EXPECT_EQ(show.exit_code, 1) << show.out;
  EXPECT_NE(show.out.find(Key(5)), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("lvupdate journal verify"), std::string::npos) << show.out;
  // events shows every readable event, and each damaged record in its place.
  ProcResult events = Lvupdate(home(), {"journal", "events"});
  EXPECT_EQ(events.exit_code, 1) << events.out;
  EXPECT_NE(events.out.find(Key(5) + ": does not decode"), std::string::npos) << events.out;
  EXPECT_NE(events.out.find(Key(9) + ": missing"), std::string::npos) << events.out;
  // In place: the missing record between seq 8 and seq 10.
  EXPECT_LT(events.out.find("\n    8  "), events.out.find(Key(9) + ": missing")) << events.out;
  EXPECT_LT(events.out.find(Key(9) + ": missing"), events.out.find("\n   10  ")) << events.out;
  // A range shows only its own problems.
  ProcResult head = Lvupdate(home(), {"journal", "events", "--to", "4"});
  EXPECT_EQ(head.exit_code, 0) << head.out;
  EXPECT_EQ(head.out.find("events/"), std::string::npos) << head.out;
  EXPECT_NE(events.out.find("opFinished"), std::string::npos) << events.out;
  EXPECT_EQ(Lvupdate(home(), {"journal", "export", "-o", home() + "/x.jsonl"}).exit_code, 1);
}

TEST_F(JournalVerifyTest, LostTailAndABrokenRuleOfTheFold) {
  // The seq of hmc.reserve's intent.
  uint64_t intent = 0;
  std::istringstream lines(Lvupdate(home(), {"journal", "events", "--kind", "stepIntent", "--json"}).out);
  for (std::string line; std::getline(lines, line);) {
    auto j = nlohmann::json::parse(line);
    if (intent == 0 && j["stepIntent"]["action"] == "hmc.reserve") intent = j["seq"];
  }
  ASSERT_GT(intent, 0u);
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    rocksdb::WriteOptions wo;
    wo.sync = true;
    for (uint64_t s = last_ - 2; s <= last_; ++s) ASSERT_TRUE(db->Delete(wo, ev, journal::EventKey(op_, s)).ok());
    // hmc.reserve's intent becomes a well-formed done of another step.
    journal::Event e;
    ASSERT_TRUE(journal::Decode(Get(db, ev, intent), &e).ok());
    ASSERT_EQ(e.kind, journal::EventKind::kStepIntent);
    e.kind = journal::EventKind::kStepDone;
    e.done.step = 15;
    Put(db, ev, intent, journal::Encode(e));
  });
  ProcResult r = Lvupdate(home(), {"journal", "verify"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find(Key(last_ - 2) + ": missing (ops/" + op_ + " records last seq " + std::to_string(last_) +
                       ": the tail is lost)"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find(Key(intent) + ": stepDone: done of step lpar.delete_original without an intent in flight"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find(Key(intent + 1) + ": stepDone: done of step hmc.reserve without an intent in flight"),
            std::string::npos) << r.out;
}

TEST_F(JournalVerifyTest, SummaryThatDisagreesWithItsEvents) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle*, rocksdb::ColumnFamilyHandle* ops) {
    std::string v;
    ASSERT_TRUE(db->Get(rocksdb::ReadOptions(), ops, op_, &v).ok());
    journal::OpSummary s;
    ASSERT_TRUE(journal::DecodeSummary(v, &s).ok());
    s.finished = false;
    rocksdb::WriteOptions wo;
    wo.sync = true;
    ASSERT_TRUE(db->Put(wo, ops, op_, journal::EncodeSummary(s)).ok());
  });
  ProcResult r = Lvupdate(home(), {"journal", "verify"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("ops/" + op_ + ": records finished false but the events make it true"), std::string::npos)
      << r.out;
  // An unfinished operation must be the active one.
  EXPECT_NE(r.out.find("ops/" + op_ + ": unfinished, but default/active_op names no operation"), std::string::npos)
      << r.out;
}

// When the journal is damaged support needs the bundle most: snap still makes
// it, with verify's findings and what is readable; replay refuses the
// operation, naming the damage.
TEST_F(JournalVerifyTest, DamagedJournalStillMakesABundleAndReplayRefusesIt) {
  Damage([&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* ev, rocksdb::ColumnFamilyHandle*) {
    Put(db, ev, 7, std::string(40, '\x5a'));
  });
  const std::string bundle = home() + "/support.tar.gz";
  ProcResult r = Lvupdate(home(), {"snap", "-o", bundle});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  ASSERT_TRUE(std::filesystem::exists(bundle)) << r.out;
  std::string listing = Lvupdate(home(), {"journal", "verify"}).out;
  EXPECT_NE(listing.find(Key(7)), std::string::npos) << listing;
  // The bundle's verify.txt says the same.
  TempHome unpack;
  ASSERT_EQ(std::system(("tar -xzf " + bundle + " -C " + unpack.path()).c_str()), 0);
  std::string verify = ReadFile(unpack.path() + "/lvupdate.snap/journal/verify.txt");
  EXPECT_NE(verify.find(Key(7)), std::string::npos) << verify;
  r = Lvupdate(home(), {"replay", "--against-sim"});
  EXPECT_NE(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find(Key(7)), std::string::npos) << r.out;
}

}  // namespace
}  // namespace lvu::testing
