// A fresh directory under /tmp for one test, removed with everything in it
// when the test ends.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

namespace lvu::journal::testing {

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/lvu_journal_test.XXXXXX";
    char* p = mkdtemp(tmpl);
    EXPECT_NE(p, nullptr);
    path_ = p ? p : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // The journal directory inside it, as <home>/journal.
  std::string journal() const { return path_ + "/journal"; }

 private:
  std::string path_;
};

}  // namespace lvu::journal::testing
