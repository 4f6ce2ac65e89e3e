// Journal::Import: a whole operation in one batch, marked imported, never
// active, refused (writing nothing) when it exists or is not one operation's
// seq 0..n.
#include <gtest/gtest.h>

#include <functional>

#include "journal/journal.h"
#include "journal/keys.h"
#include "sample_events.h"
#include "temp_dir.h"

namespace lvu::journal {
namespace {

using testing::ExpectSameEvent;
using testing::TempDir;

std::vector<Event> Numbered(std::vector<Event> v) {
  for (size_t i = 0; i < v.size(); ++i) v[i].seq = i;
  return v;
}

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Journal::Open(tmp_.journal(), Journal::Mode::kWrite, &j_).ok()); }
  TempDir tmp_;
  std::unique_ptr<Journal> j_;
};

TEST_F(ImportTest, WholeOperationReadsBackMarkedImportedAndNotActive) {
  std::string op = Journal::NewOpId();
  std::vector<Event> v = Numbered(testing::SampleOperation(op));
  v.pop_back();  // unfinished: still never active
  ASSERT_TRUE(j_->Import(v).ok());
  std::vector<Event> back;
  ASSERT_TRUE(j_->ReadOp(op, &back).ok());
  ASSERT_EQ(back.size(), v.size());
  for (size_t i = 0; i < v.size(); ++i) ExpectSameEvent(v[i], back[i]);  // seq and time kept
  std::vector<OpSummary> ops;
  ASSERT_TRUE(j_->ListOps(&ops).ok());
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_TRUE(ops[0].imported);
  EXPECT_EQ(ops[0].last_seq, v.size() - 1);
  EXPECT_EQ(ops[0].started_us, v[0].time_us);
  std::string active;
  ASSERT_TRUE(j_->ActiveOp(&active).ok());
  EXPECT_EQ(active, "");
  EXPECT_EQ(j_->sync_count(), 1u);  // one synchronous batch
}

TEST_F(ImportTest, AnOperationAlreadyHereIsRefused) {
  std::string op = Journal::NewOpId();
  Event started = testing::SampleOperation(op)[0];
  ASSERT_TRUE(j_->Append(&started, true).ok());
  Status s = j_->Import(Numbered(testing::SampleOperation(op)));
  EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
  EXPECT_NE(s.message().find("already in the journal"), std::string::npos) << s.message();
  std::vector<Event> back;
  ASSERT_TRUE(j_->ReadOp(op, &back).ok());
  EXPECT_EQ(back.size(), 1u);  // untouched
}

TEST_F(ImportTest, NotOneOperationsSequenceIsRefusedAndNothingWritten) {
  std::string op = Journal::NewOpId();
  struct Case {
    const char* says;
    std::function<void(std::vector<Event>*)> spoil;
  } cases[] = {
      {"holds the event with seq 6", [](std::vector<Event>* v) { v->erase(v->begin() + 5); }},
      {"holds an event of operation", [](std::vector<Event>* v) { (*v)[3].op_id = "01JD0000000000000000000000"; }},
      {"where opStarted must be", [](std::vector<Event>* v) { (*v)[0].kind = EventKind::kEstimate; }},
      {"after opFinished", [](std::vector<Event>* v) {
         Event e = v->back();
         e.seq++;
         v->push_back(e);
       }},
      {"no events", [](std::vector<Event>* v) { v->clear(); }},
  };
  for (const Case& c : cases) {
    std::vector<Event> v = Numbered(testing::SampleOperation(op));
    c.spoil(&v);
    Status s = j_->Import(v);
    EXPECT_TRUE(s.IsInvalidArgument()) << c.says << ": " << s.ToString();
    EXPECT_NE(s.message().find(c.says), std::string::npos) << s.message();
  }
  std::vector<OpSummary> ops;
  ASSERT_TRUE(j_->ListOps(&ops).ok());
  EXPECT_TRUE(ops.empty());
}

TEST_F(ImportTest, ReadOnlyJournalRefuses) {
  std::string op = Journal::NewOpId();
  j_.reset();
  {
    std::unique_ptr<Journal> w;
    ASSERT_TRUE(Journal::Open(tmp_.journal(), Journal::Mode::kWrite, &w).ok());
  }
  std::unique_ptr<Journal> r;
  ASSERT_TRUE(Journal::Open(tmp_.journal(), Journal::Mode::kReadOnly, &r).ok());
  EXPECT_TRUE(r->Import(Numbered(testing::SampleOperation(op))).IsInvalidArgument());
}

}  // namespace
}  // namespace lvu::journal
