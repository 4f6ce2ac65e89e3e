// Secret collection and scrubbing for the support bundle (cli/redact.h), the
// head-and-tail cut of logs (cli/snap_bundle.h) and the in-memory .tar.gz
// (cli/tar_gz_writer.h): pure functions, no binary.
#include <gtest/gtest.h>

#include "base/redact.h"
#include "tools/snap_bundle.h"
#include "tools/tar_gz_writer.h"

namespace lvu::tools {
namespace {

SecretSet KeyValue(const std::string& text) {
  SecretSet s;
  CollectKeyValueSecrets(text, &s);
  return s;
}

SecretSet CommandLine(const std::string& text) {
  SecretSet s;
  CollectCommandLineSecrets(text, &s);
  return s;
}

TEST(RedactTest, SecretKeys) {
  for (const char* k : {"password", "hmc_password", "PASSWD", "--password", "token", "auth_token", "client_secret",
                        "session_key", "password_sha256", "Secret"}) {
    EXPECT_TRUE(IsSecretKey(k)) << k;
  }
  for (const char* k : {"user", "hmc_token_file", "token_path", "management_console", "key", "expires_s", "keep",
                        "monkey", "token_dir"}) {
    EXPECT_FALSE(IsSecretKey(k)) << k;
  }
}

TEST(RedactTest, CollectsValuesAfterSecretKeysInAnyForm) {
  EXPECT_EQ(KeyValue("hmc:\n    password = s3cret1\n"), SecretSet{"s3cret1"});
  EXPECT_EQ(KeyValue("login password=hunter22 ok"), SecretSet{"hunter22"});
  EXPECT_EQ(KeyValue("{\"token\": \"abcdef0123\", \"user\": \"hscroot\"}"), SecretSet{"abcdef0123"});
  EXPECT_EQ(KeyValue("token: tok-999\n"), SecretSet{"tok-999"});
  EXPECT_EQ(KeyValue("mkauth --password pw-4321 --user x"), SecretSet{"pw-4321"});
  EXPECT_EQ(KeyValue("API_TOKEN='quoted value'\n"), SecretSet{"quoted value"});
  EXPECT_EQ(KeyValue("    session_key = 9f8e7d6c\n"), SecretSet{"9f8e7d6c"});
  // Not a value: prose, short values, masks, a file name key.
  EXPECT_TRUE(KeyValue("# an HMC session, not a password.\n").empty());
  EXPECT_TRUE(KeyValue("token: an HMC session\n").empty());
  EXPECT_TRUE(KeyValue("password = abc\n").empty());
  EXPECT_TRUE(KeyValue("password = <redacted>\n").empty());
  EXPECT_TRUE(KeyValue("password = ********\n").empty());
  EXPECT_TRUE(KeyValue("hmc_token_file = /tmp/x/hmc/token\n").empty());
  EXPECT_TRUE(KeyValue("").empty());
}

TEST(RedactTest, CollectsDashPInCommandLines) {
  EXPECT_EQ(CommandLine("/opt/app/notify -u admin -p Zebra77 --verbose"), SecretSet{"Zebra77"});
  EXPECT_EQ(CommandLine("/opt/app/notify -p \"two words\""), SecretSet{"two words"});
  EXPECT_EQ(CommandLine("/opt/app/notify password=inline99"), SecretSet{"inline99"});
  EXPECT_TRUE(CommandLine("/opt/app/notify -p").empty());
  EXPECT_TRUE(CommandLine("/usr/sbin/cache_mgt cache stop -t all").empty());
  EXPECT_TRUE(CommandLine("/bin/x \"unterminated").empty());
}

TEST(RedactTest, ScrubReplacesEveryOccurrenceLongestFirst) {
  SecretSet s = {"abcd", "abcdefgh", "zzzz"};
  size_t n = 0;
  EXPECT_EQ(Scrub("x abcdefgh y abcd zzzzzzzz", s, &n), "x <redacted> y <redacted> <redacted><redacted>");
  EXPECT_EQ(n, 4u);
  n = 0;
  EXPECT_EQ(Scrub("nothing here", s, &n), "nothing here");
  EXPECT_EQ(n, 0u);
  EXPECT_EQ(Scrub("abcd", {}, &n), "abcd");
}

TEST(RedactTest, ScrubKeepLengthMasksInPlace) {
  size_t n = 0;
  std::string bytes("\x01\x00secret-1\x02", 11);
  std::string out = ScrubKeepLength(bytes, {"secret-1"}, &n);
  EXPECT_EQ(out.size(), bytes.size());
  EXPECT_EQ(out, std::string("\x01\x00********\x02", 11));
  EXPECT_EQ(n, 1u);
}

TEST(RedactTest, AddSecretRefusesShortAndRedactedValues) {
  SecretSet s;
  EXPECT_FALSE(AddSecret("abc", &s));
  EXPECT_FALSE(AddSecret("<redacted>", &s));
  EXPECT_FALSE(AddSecret("dact", &s));
  EXPECT_FALSE(AddSecret("----", &s));
  EXPECT_TRUE(AddSecret("abcd", &s));
  EXPECT_EQ(s.size(), 1u);
}

TEST(TrimHeadTailTest, KeepsHeadAndTailAtLineBoundaries) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "line " + std::to_string(i) + "\n";
  size_t cut = 0;
  EXPECT_EQ(TrimHeadTail(text, text.size(), &cut), text);
  EXPECT_EQ(cut, 0u);
  std::string out = TrimHeadTail(text, 200, &cut);
  EXPECT_GT(cut, 0u);
  EXPECT_EQ(out.rfind("line 0\n", 0), 0u);
  EXPECT_NE(out.find("line 999\n"), std::string::npos);
  EXPECT_NE(out.find("[lvupdate snap: " + std::to_string(cut) + " bytes cut here]\n"), std::string::npos);
  EXPECT_LE(out.size(), 200u + 64u);
  // What is kept plus what is cut is the whole text (but the note).
  const std::string note = "[lvupdate snap: " + std::to_string(cut) + " bytes cut here]\n";
  EXPECT_EQ(out.size() - note.size() + cut, text.size());
  // Whole lines only.
  size_t at = out.find(note);
  EXPECT_EQ(out[at - 1], '\n');
  EXPECT_EQ(text.find(out.substr(at + note.size())), text.size() - (out.size() - at - note.size()));
}

TEST(TrimHeadTailTest, OneLongLineIsCutInside) {
  std::string text(10000, 'x');
  size_t cut = 0;
  std::string out = TrimHeadTail(text, 100, &cut);
  EXPECT_EQ(cut, 9900u);
  EXPECT_LE(out.size(), 100u + 64u);
}

TEST(TarGzTest, WritesAndReadsBack) {
  std::vector<TarMember> in = {{"top/a.txt", "hello\n"},
                               {"top/dir/b.bin", std::string("\0\1\2", 3)},
                               {"top/empty", ""},
                               {"top/" + std::string(150, 'n') + "/long-name.txt", std::string(100000, 'z')}};
  std::string gz;
  ASSERT_TRUE(WriteTarGz(in, 1700000000, &gz).ok());
  ASSERT_GE(gz.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(gz[0]), 0x1f);  // gzip magic
  EXPECT_EQ(static_cast<unsigned char>(gz[1]), 0x8b);
  EXPECT_LT(gz.size(), 2000u);
  std::vector<TarMember> out;
  ASSERT_TRUE(ReadTarGz(gz, 1ull << 30, &out).ok());
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    EXPECT_EQ(out[i].path, in[i].path);
    EXPECT_EQ(out[i].bytes, in[i].bytes);
  }
  std::vector<TarMember> bad;
  EXPECT_TRUE(ReadTarGz(gz.substr(0, gz.size() / 2), 1ull << 30, &bad).IsCorruption());
}

}  // namespace
}  // namespace lvu::tools
