// The hmcauth token file: written with mode 0600 (in a 0700 directory), read
// back whole, refused when others can read it, reported when malformed.
#include "actions/validation/hmc_token.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace lvu::actions {
namespace {

class HmcTokenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "lvu_token_test.XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    home_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(home_); }
  static drivers::HmcSession Session() { return {"hsc02", "10.1.50.30", "hscroot", 12443, "ab12cd", 86400}; }
  std::string home_;
};

TEST_F(HmcTokenTest, SaveThenLoad) {
  const std::string path = HmcTokenPath(home_);
  EXPECT_EQ(path, home_ + "/hmc/token");
  ASSERT_TRUE(SaveHmcToken(path, Session()).ok());
  drivers::HmcSession t;
  Status s = LoadHmcToken(path, &t);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(t.hmc, "hsc02");
  EXPECT_EQ(t.address, "10.1.50.30");
  EXPECT_EQ(t.user, "hscroot");
  EXPECT_EQ(t.port, 12443);
  EXPECT_EQ(t.token, "ab12cd");
  EXPECT_EQ(t.expires_s, 86400);
}

TEST_F(HmcTokenTest, FileIs0600InA0700Directory) {
  const std::string path = HmcTokenPath(home_);
  ASSERT_TRUE(SaveHmcToken(path, Session()).ok());
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  ASSERT_EQ(::stat((home_ + "/hmc").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0700u);
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST_F(HmcTokenTest, SaveReplacesTheOldToken) {
  const std::string path = HmcTokenPath(home_);
  ASSERT_TRUE(SaveHmcToken(path, Session()).ok());
  drivers::HmcSession other = Session();
  other.user = "liveup";
  ASSERT_TRUE(SaveHmcToken(path, other).ok());
  drivers::HmcSession t;
  ASSERT_TRUE(LoadHmcToken(path, &t).ok());
  EXPECT_EQ(t.user, "liveup");
}

TEST_F(HmcTokenTest, MissingIsNotFound) {
  drivers::HmcSession t;
  EXPECT_TRUE(LoadHmcToken(HmcTokenPath(home_), &t).IsNotFound());
}

TEST_F(HmcTokenTest, ReadableByOthersIsRefused) {
  const std::string path = HmcTokenPath(home_);
  ASSERT_TRUE(SaveHmcToken(path, Session()).ok());
  for (mode_t mode : {0644, 0640, 0604, 0660}) {
    ASSERT_EQ(::chmod(path.c_str(), mode), 0);
    drivers::HmcSession t;
    Status s = LoadHmcToken(path, &t);
    EXPECT_TRUE(s.IsInvalidArgument()) << mode << ": " << s.ToString();
  }
}

TEST_F(HmcTokenTest, MalformedIsCorruptionNamingTheFile) {
  const std::string path = HmcTokenPath(home_);
  ASSERT_TRUE(SaveHmcToken(path, Session()).ok());
  for (const char* text : {"hmc = a\nno equals sign\n", "hmc = a\naddress = b\nuser = c\nport = 1\nexpires_s = 2\n",
                           "hmc = a\naddress = b\nuser = c\nport = x\nexpires_s = 2\ntoken = t\n",
                           "hmc = a\naddress = b\nuser = c\nport = 1\nexpires_s = soon\ntoken = t\n"}) {
    { std::ofstream(path, std::ios::trunc) << text; }
    ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
    drivers::HmcSession t;
    Status s = LoadHmcToken(path, &t);
    EXPECT_TRUE(s.IsCorruption()) << text << ": " << s.ToString();
    EXPECT_NE(s.message().find(path), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace lvu::actions
