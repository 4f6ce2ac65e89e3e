// A read-only open that meets a journal being created (the database made,
// its column families not yet) reads it as absent instead of failing.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include "journal/journal.h"
#include "temp_dir.h"

namespace lvu::journal {
namespace {

TEST(ReadOnlyOpenTest, JournalBeingCreatedIsNotFoundNotAnError) {
  testing::TempDir tmp;
  {
    rocksdb::Options o;
    o.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(o, tmp.journal(), &db).ok());  // the default family only
    delete db;
  }
  std::unique_ptr<Journal> j;
  Status s = Journal::Open(tmp.journal(), Journal::Mode::kReadOnly, &j);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_NE(s.message().find("being created"), std::string::npos) << s.message();
  // The writer then finishes creating it, and readers see it.
  ASSERT_TRUE(Journal::Open(tmp.journal(), Journal::Mode::kWrite, &j).ok());
  j.reset();
  EXPECT_TRUE(Journal::Open(tmp.journal(), Journal::Mode::kReadOnly, &j).ok());
}

}  // namespace
}  // namespace lvu::journal
