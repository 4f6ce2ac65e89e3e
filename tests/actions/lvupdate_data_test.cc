// lvupdate.data: the AIX stanza file that configures a live update. The file
// from the article parses to the values it names; every malformed input is
// refused with InvalidArgument and a message that names the file, the line
// and the key; secrets are redacted before the text is journaled.
#include "actions/validation/lvupdate_data.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace lvu::actions {
namespace {

using Mode = LvupdateData::Mode;
using Disks = std::vector<std::string>;

const char kFile[] = "lvupdate.data";

// /var/adm/ras/liveupdate/lvupdate.data as shown in the article (preview run).
const char kArticle[] =
    "general:\n"                               // 1
    "    mode = preview\n"                     // 2
    "    kext_check = no\n"                    // 3
    "\n"                                       // 4
    "disks:\n"                                 // 5
    "    nhdisk = hdisk2\n"                    // 6
    "    mhdisk = hdisk3\n"                    // 7
    "    tohdisk =\n"                          // 8
    "    tshdisk =\n"                          // 9
    "\n"                                       // 10
    "hmc:\n"                                   // 11
    "    lpar_id = 98\n"                       // 12
    "    management_console = 10.1.50.30\n"    // 13
    "    user = hscroot\n";                    // 14

// The smallest valid file: only the required keys. Line numbers:
//  1 disks:  2 nhdisk  3 mhdisk  4 hmc:  5 management_console  6 user
const char kMinimal[] =
    "disks:\n"
    "    nhdisk = hdisk2\n"
    "    mhdisk = hdisk3\n"
    "hmc:\n"
    "    management_console = hmc1\n"
    "    user = hscroot\n";

Status Parse(const std::string& text, LvupdateData* out) { return ParseLvupdateData(text, kFile, out); }

// The parse must fail with InvalidArgument; the message must start with
// "lvupdate.data:LINE: " and, when `key` is given, name it ("key 'KEY'").
// `what` is a further fragment the message must contain.
void ExpectBad(const std::string& text, int line, const std::string& key, const std::string& what = "") {
  LvupdateData d;
  Status s = Parse(text, &d);
  ASSERT_FALSE(s.ok()) << "accepted:\n" << text;
  EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
  const std::string prefix = std::string(kFile) + ":" + std::to_string(line) + ": ";
  EXPECT_EQ(s.message().rfind(prefix, 0), 0u) << "want prefix '" << prefix << "': " << s.message();
  if (!key.empty()) {
    EXPECT_EQ(s.message().rfind(prefix + "key '" + key + "': ", 0), 0u) << s.message();
  }
  if (!what.empty()) {
    EXPECT_NE(s.message().find(what), std::string::npos) << s.message();
  }
}

// A missing key has no line: "lvupdate.data: missing required key 'K' ...".
void ExpectMissing(const std::string& text, const std::string& key) {
  LvupdateData d;
  Status s = Parse(text, &d);
  ASSERT_FALSE(s.ok()) << "accepted:\n" << text;
  EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
  EXPECT_EQ(s.message().rfind(std::string(kFile) + ": missing required key '" + key + "'", 0), 0u)
      << s.message();
}

// Replaces the first occurrence of `from` (which must be there).
std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// ----- The article's file -----

TEST(LvupdateDataTest, ArticlePreviewFile) {
  LvupdateData d;
  Status s = Parse(kArticle, &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(d.mode, Mode::kPreview);
  EXPECT_FALSE(d.kext_check);
  EXPECT_FALSE(d.cpu_reduction);
  EXPECT_EQ(d.nhdisk, Disks{"hdisk2"});
  EXPECT_EQ(d.mhdisk, Disks{"hdisk3"});
  EXPECT_TRUE(d.tohdisk.empty());
  EXPECT_TRUE(d.tshdisk.empty());
  EXPECT_EQ(d.lpar_id, 98);
  EXPECT_EQ(d.management_console, "10.1.50.30");
  EXPECT_EQ(d.user, "hscroot");
}

TEST(LvupdateDataTest, ArticleAutomatedFile) {
  // perl -pi -e 's/= preview/= automated/g' lvupdate.data
  LvupdateData d;
  Status s = Parse(Replace(kArticle, "= preview", "= automated"), &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(d.mode, Mode::kAutomated);
  EXPECT_FALSE(d.kext_check);
  EXPECT_EQ(d.nhdisk, Disks{"hdisk2"});
  EXPECT_EQ(d.mhdisk, Disks{"hdisk3"});
  EXPECT_EQ(d.lpar_id, 98);
}

TEST(LvupdateDataTest, YesValues) {
  LvupdateData d;
  std::string text = Replace(kArticle, "kext_check = no", "kext_check = yes\n    cpu_reduction = yes");
  ASSERT_TRUE(Parse(text, &d).ok());
  EXPECT_TRUE(d.kext_check);
  EXPECT_TRUE(d.cpu_reduction);
  text = Replace(kArticle, "kext_check = no", "cpu_reduction = no");
  ASSERT_TRUE(Parse(text, &d).ok());
  EXPECT_TRUE(d.kext_check);  // not given: the default
  EXPECT_FALSE(d.cpu_reduction);
}

TEST(LvupdateDataTest, DefaultsWhenOptionalKeysAreAbsent) {
  LvupdateData d;
  Status s = Parse(kMinimal, &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(d.mode, Mode::kAutomated);
  EXPECT_TRUE(d.kext_check);
  EXPECT_FALSE(d.cpu_reduction);
  EXPECT_TRUE(d.tohdisk.empty());
  EXPECT_TRUE(d.tshdisk.empty());
  EXPECT_EQ(d.lpar_id, 0);
  EXPECT_EQ(d.nhdisk, Disks{"hdisk2"});
  EXPECT_EQ(d.mhdisk, Disks{"hdisk3"});
  EXPECT_EQ(d.management_console, "hmc1");
  EXPECT_EQ(d.user, "hscroot");
}

TEST(LvupdateDataTest, EmptyOptionalValuesKeepTheDefaults) {
  LvupdateData d;
  std::string text = std::string("general:\n    kext_check =\n    cpu_reduction =\n") + kMinimal;
  text = Replace(text, "hmc:\n", "hmc:\n    lpar_id =\n");
  Status s = Parse(text, &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(d.kext_check);
  EXPECT_FALSE(d.cpu_reduction);
  EXPECT_EQ(d.lpar_id, 0);
}

TEST(LvupdateDataTest, ParseResetsAStructFilledByAnEarlierParse) {
  LvupdateData d;
  std::string full = Replace(kArticle, "tohdisk =", "tohdisk = hdisk4");
  full = Replace(full, "tshdisk =", "tshdisk = hdisk5");
  ASSERT_TRUE(Parse(full, &d).ok());
  ASSERT_EQ(d.tohdisk, Disks{"hdisk4"});
  ASSERT_EQ(d.lpar_id, 98);
  ASSERT_TRUE(Parse(kMinimal, &d).ok());
  EXPECT_EQ(d.mode, Mode::kAutomated);
  EXPECT_TRUE(d.kext_check);
  EXPECT_TRUE(d.tohdisk.empty());
  EXPECT_TRUE(d.tshdisk.empty());
  EXPECT_EQ(d.lpar_id, 0);
}

// ----- Layout: comments, blank lines, tabs, line endings -----

TEST(LvupdateDataTest, CommentsAndBlankLinesAreIgnored) {
  const std::string text =
      "* lvupdate.data for aix721534A\n"
      "# generated by hand\n"
      "\n"
      "   \t \n"
      "general:\n"
      "    * mode = automated   (a comment, not a value)\n"
      "    mode = preview\n"
      "\t# kext_check = yes\n"
      "disks:\n"
      "    nhdisk = hdisk2\n"
      "*   nhdisk = hdisk9\n"
      "    mhdisk = hdisk3\n"
      "\n\n"
      "hmc:\n"
      "# unknown_key = would fail if read\n"
      "    management_console = 10.1.50.30\n"
      "    user = hscroot\n"
      "* end\n";
  LvupdateData d;
  Status s = Parse(text, &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(d.mode, Mode::kPreview);
  EXPECT_TRUE(d.kext_check);
  EXPECT_EQ(d.nhdisk, Disks{"hdisk2"});
}

TEST(LvupdateDataTest, CommentLinesStillCountForLineNumbers) {
  ExpectBad("* one\n# two\n\ngeneral:\n    mode = fast\n", 5, "mode");
}

TEST(LvupdateDataTest, Tabs) {
  const std::string text =
      "general:\t\n"
      "\tmode\t=\tpreview\t\n"
      "disks:\n"
      "\tnhdisk\t=\thdisk2\n"
      "\t mhdisk =\thdisk3\t\n"
      "hmc:\n"
      "\tmanagement_console\t= 10.1.50.30\n"
      "\tuser\t=\thscroot\n";
  LvupdateData d;
  Status s = Parse(text, &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(d.mode, Mode::kPreview);
  EXPECT_EQ(d.nhdisk, Disks{"hdisk2"});
  EXPECT_EQ(d.mhdisk, Disks{"hdisk3"});
  EXPECT_EQ(d.management_console, "10.1.50.30");
  EXPECT_EQ(d.user, "hscroot");
}

TEST(LvupdateDataTest, CrLfLineEndings) {
  std::string text;
  for (char c : std::string(kArticle)) text += c == '\n' ? std::string("\r\n") : std::string(1, c);
  LvupdateData d;
  Status s = Parse(text, &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(d.mode, Mode::kPreview);
  EXPECT_EQ(d.nhdisk, Disks{"hdisk2"});
  EXPECT_EQ(d.user, "hscroot");
}

TEST(LvupdateDataTest, NoNewlineAtTheEnd) {
  std::string text = kArticle;
  text.pop_back();
  LvupdateData d;
  ASSERT_TRUE(Parse(text, &d).ok());
  EXPECT_EQ(d.user, "hscroot");
}

// ----- Disk lists -----

TEST(LvupdateDataTest, SeveralDisksSeparatedByBlanks) {
  LvupdateData d;
  Status s = Parse(Replace(kArticle, "nhdisk = hdisk2", "nhdisk = hdisk2 hdisk4\thdisk5"), &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(d.nhdisk, (Disks{"hdisk2", "hdisk4", "hdisk5"}));
  EXPECT_EQ(d.mhdisk, Disks{"hdisk3"});
}

TEST(LvupdateDataTest, SeveralDisksSeparatedByCommas) {
  LvupdateData d;
  Status s = Parse(Replace(kArticle, "mhdisk = hdisk3", "mhdisk = hdisk3,hdisk4, hdisk5 ,hdisk6"), &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(d.mhdisk, (Disks{"hdisk3", "hdisk4", "hdisk5", "hdisk6"}));
  EXPECT_EQ(d.nhdisk, Disks{"hdisk2"});
}

TEST(LvupdateDataTest, OptionalDisks) {
  std::string text = Replace(kArticle, "tohdisk =", "tohdisk = hdisk4");
  text = Replace(text, "tshdisk =", "tshdisk = hdisk5,hdisk6");
  LvupdateData d;
  Status s = Parse(text, &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(d.tohdisk, Disks{"hdisk4"});
  EXPECT_EQ(d.tshdisk, (Disks{"hdisk5", "hdisk6"}));
}

TEST(LvupdateDataTest, DiskNamedTwiceInOneKey) {
  ExpectBad(Replace(kArticle, "nhdisk = hdisk2", "nhdisk = hdisk2 hdisk2"), 6, "nhdisk", "hdisk2");
  ExpectBad(Replace(kArticle, "mhdisk = hdisk3", "mhdisk = hdisk3,hdisk4,hdisk3"), 7, "mhdisk", "hdisk3");
}

TEST(LvupdateDataTest, DiskNamedTwiceAcrossKeys) {
  // mhdisk (line 7) reuses nhdisk's disk: the message names the first owner.
  ExpectBad(Replace(kArticle, "mhdisk = hdisk3", "mhdisk = hdisk2"), 7, "mhdisk", "nhdisk");
  ExpectBad(Replace(kArticle, "mhdisk = hdisk3", "mhdisk = hdisk3 hdisk2"), 7, "mhdisk", "hdisk2");
  // The paging and dump disks may not reuse them either.
  ExpectBad(Replace(kArticle, "tohdisk =", "tohdisk = hdisk3"), 8, "tohdisk", "mhdisk");
  ExpectBad(Replace(kArticle, "tshdisk =", "tshdisk = hdisk2"), 9, "tshdisk", "nhdisk");
}

TEST(LvupdateDataTest, BadDiskName) {
  for (const char* bad : {"sda", "hdisk", "hdiskX", "hdisk2x", "HDISK2", "/dev/hdisk2", "disk2"}) {
    SCOPED_TRACE(bad);
    ExpectBad(Replace(kArticle, "nhdisk = hdisk2", std::string("nhdisk = ") + bad), 6, "nhdisk",
              std::string("'") + bad + "'");
  }
  // One bad name among good ones; and in an optional key.
  ExpectBad(Replace(kArticle, "mhdisk = hdisk3", "mhdisk = hdisk3,sdb"), 7, "mhdisk", "'sdb'");
  ExpectBad(Replace(kArticle, "tohdisk =", "tohdisk = paging00"), 8, "tohdisk", "'paging00'");
}

// ----- Structure errors -----

TEST(LvupdateDataTest, UnknownStanza) {
  ExpectBad(Replace(kArticle, "hmc:", "network:"), 11, "", "network");
  ExpectBad(std::string("nim:\n") + kMinimal, 1, "", "nim");
}

TEST(LvupdateDataTest, UnknownKey) {
  ExpectBad(Replace(kArticle, "kext_check = no", "kernel_debug = no"), 3, "kernel_debug");
  ExpectBad(Replace(kArticle, "nhdisk = hdisk2", "nhdisks = hdisk2"), 6, "nhdisks");
  // A key of another stanza is unknown here.
  ExpectBad(Replace(kArticle, "kext_check = no", "user = hscroot"), 3, "user", "general");
  ExpectBad(Replace(kArticle, "lpar_id = 98", "mode = preview"), 12, "mode", "hmc");
}

TEST(LvupdateDataTest, KeyOutsideAStanza) {
  ExpectBad(std::string("mode = preview\n") + kMinimal, 1, "mode", "outside");
  ExpectBad(std::string("# header\n\n    nhdisk = hdisk2\n") + kMinimal, 3, "nhdisk", "outside");
}

TEST(LvupdateDataTest, LineThatIsNeitherStanzaNorAttribute) {
  ExpectBad(Replace(kArticle, "nhdisk = hdisk2", "nhdisk hdisk2"), 6, "", "nhdisk hdisk2");
  ExpectBad(Replace(kArticle, "\n\nhmc:", "\n\nhmc"), 11, "", "'hmc'");
  // A stanza name must start in column one.
  ExpectBad(Replace(kArticle, "\nhmc:", "\n  hmc:"), 11, "", "hmc:");
}

TEST(LvupdateDataTest, SameStanzaTwice) {
  std::string text = std::string(kArticle) + "\ngeneral:\n    cpu_reduction = yes\n";
  ExpectBad(text, 16, "", "general");
  ExpectBad(std::string(kArticle) + "disks:\n", 15, "", "twice");
}

TEST(LvupdateDataTest, DuplicateKeyNamesTheFirstLine) {
  ExpectBad(Replace(kArticle, "    kext_check = no\n", "    kext_check = no\n    kext_check = yes\n"), 4,
            "kext_check", "line 3");
  ExpectBad(Replace(kArticle, "    user = hscroot\n", "    user = hscroot\n\n    user = admin\n"), 16, "user",
            "line 14");
  // A duplicate is refused even when the first value was empty.
  ExpectBad(Replace(kArticle, "    tohdisk =\n", "    tohdisk =\n    tohdisk = hdisk4\n"), 9, "tohdisk",
            "line 8");
}

// ----- Required keys -----

TEST(LvupdateDataTest, MissingRequiredKey) {
  ExpectMissing(Replace(kArticle, "    nhdisk = hdisk2\n", ""), "nhdisk");
  ExpectMissing(Replace(kArticle, "    mhdisk = hdisk3\n", ""), "mhdisk");
  ExpectMissing(Replace(kArticle, "    management_console = 10.1.50.30\n", ""), "management_console");
  ExpectMissing(Replace(kArticle, "    user = hscroot\n", ""), "user");
  // The whole stanza missing.
  ExpectMissing("general:\n    mode = preview\nhmc:\n    management_console = h\n    user = u\n", "nhdisk");
  ExpectMissing("disks:\n    nhdisk = hdisk2\n    mhdisk = hdisk3\n", "management_console");
}

TEST(LvupdateDataTest, RequiredKeyPresentButEmpty) {
  // The empty value has a line: the message names it.
  ExpectBad(Replace(kArticle, "nhdisk = hdisk2", "nhdisk ="), 6, "nhdisk", "required");
  ExpectBad(Replace(kArticle, "mhdisk = hdisk3", "mhdisk =   \t"), 7, "mhdisk", "required");
  ExpectBad(Replace(kArticle, "management_console = 10.1.50.30", "management_console ="), 13,
            "management_console", "required");
  ExpectBad(Replace(kArticle, "user = hscroot", "user = "), 14, "user", "required");
}

TEST(LvupdateDataTest, RequiredDiskListThatNamesNoDisk) {
  // "nhdisk = ," has a value but no disk: as empty as "nhdisk =".
  ExpectBad(Replace(kArticle, "nhdisk = hdisk2", "nhdisk = ,"), 6, "nhdisk", "required");
  ExpectBad(Replace(kArticle, "mhdisk = hdisk3", "mhdisk = , ,\t,"), 7, "mhdisk", "required");
  // Optional lists may be just as empty.
  LvupdateData d;
  ASSERT_TRUE(Parse(Replace(kArticle, "tohdisk =", "tohdisk = ,"), &d).ok());
  EXPECT_TRUE(d.tohdisk.empty());
}

// ----- Bad values -----

TEST(LvupdateDataTest, BadMode) {
  for (const char* bad : {"fast", "Preview", "AUTOMATED", "preview automated", "yes"}) {
    SCOPED_TRACE(bad);
    ExpectBad(Replace(kArticle, "mode = preview", std::string("mode = ") + bad), 2, "mode",
              std::string("'") + bad + "'");
  }
  // An empty mode is refused rather than silently meaning automated.
  ExpectBad(Replace(kArticle, "mode = preview", "mode ="), 2, "mode");
}

TEST(LvupdateDataTest, BadYesNo) {
  for (const char* bad : {"maybe", "1", "true", "Yes", "no no"}) {
    SCOPED_TRACE(bad);
    ExpectBad(Replace(kArticle, "kext_check = no", std::string("kext_check = ") + bad), 3, "kext_check",
              std::string("'") + bad + "'");
    ExpectBad(Replace(kArticle, "kext_check = no", std::string("cpu_reduction = ") + bad), 3,
              "cpu_reduction", std::string("'") + bad + "'");
  }
}

TEST(LvupdateDataTest, BadLparId) {
  for (const char* bad : {"abc", "98a", "0x62", "0", "1001", "-1", "-98", "+98", "9.8", "99999",
                          "99999999999999999999999999"}) {
    SCOPED_TRACE(bad);
    ExpectBad(Replace(kArticle, "lpar_id = 98", std::string("lpar_id = ") + bad), 12, "lpar_id",
              std::string(bad));
  }
}

TEST(LvupdateDataTest, LparIdBounds) {
  LvupdateData d;
  ASSERT_TRUE(Parse(Replace(kArticle, "lpar_id = 98", "lpar_id = 1"), &d).ok());
  EXPECT_EQ(d.lpar_id, 1);
  ASSERT_TRUE(Parse(Replace(kArticle, "lpar_id = 98", "lpar_id = 1000"), &d).ok());
  EXPECT_EQ(d.lpar_id, 1000);
}

// ----- Binary and empty input -----

TEST(LvupdateDataTest, NulByte) {
  std::string text = Replace(kArticle, "hscroot", std::string("hsc\0root", 8));
  ExpectBad(text, 14, "", "NUL");
  // Even inside a comment.
  ExpectBad(std::string("# a\n* b") + std::string(1, '\0') + "\n" + kMinimal, 2, "", "NUL");
}

TEST(LvupdateDataTest, EmptyFile) {
  for (const char* text : {"", "\n", "\n\n  \t\n", "* only a comment\n# and another\n"}) {
    SCOPED_TRACE(text);
    LvupdateData d;
    Status s = Parse(text, &d);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
    EXPECT_EQ(s.message().rfind(std::string(kFile) + ":", 0), 0u) << s.message();
    EXPECT_NE(s.message().find("nhdisk"), std::string::npos) << s.message();
  }
}

// Every way of dropping or emptying a line of the article either fails or
// still yields every required value: an OK status never covers a struct with
// a required field left empty.
TEST(LvupdateDataTest, OkAlwaysMeansEveryRequiredValueIsThere) {
  std::vector<std::string> lines;
  {
    std::string text = kArticle, cur;
    for (char c : text) {
      if (c == '\n') {
        lines.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
  }
  const std::vector<std::string> variants_of_a_line = {"", "    ", "    nhdisk = ,", "    user =",
                                                       "    mhdisk = , hdisk3"};
  int oks = 0, fails = 0;
  for (size_t i = 0; i < lines.size(); i++) {
    for (const auto& v : variants_of_a_line) {
      std::string text;
      for (size_t j = 0; j < lines.size(); j++) text += (j == i ? v : lines[j]) + "\n";
      // Emptying the value of this line, too.
      std::string emptied;
      for (size_t j = 0; j < lines.size(); j++) {
        std::string l = lines[j];
        if (j == i && l.find('=') != std::string::npos) l = l.substr(0, l.find('=') + 1);
        emptied += l + "\n";
      }
      for (const auto& t : {text, emptied}) {
        LvupdateData d;
        Status s = Parse(t, &d);
        if (!s.ok()) {
          fails++;
          EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
          continue;
        }
        oks++;
        EXPECT_FALSE(d.nhdisk.empty()) << t;
        EXPECT_FALSE(d.mhdisk.empty()) << t;
        EXPECT_FALSE(d.management_console.empty()) << t;
        EXPECT_FALSE(d.user.empty()) << t;
      }
    }
  }
  EXPECT_GT(oks, 0);
  EXPECT_GT(fails, 0);
}

// ----- LoadLvupdateData -----

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/lvu_actions_test.XXXXXX";
    const char* p = mkdtemp(tmpl);
    if (p != nullptr) path_ = p;
  }
  ~TempDir() {
    for (const auto& f : files_) std::remove(f.c_str());
    if (!path_.empty()) rmdir(path_.c_str());
  }
  std::string Write(const std::string& name, const std::string& content) {
    std::string p = path_ + "/" + name;
    std::ofstream(p, std::ios::binary) << content;
    files_.push_back(p);
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::vector<std::string> files_;
};

TEST(LvupdateDataTest, LoadReadsAndParsesTheFile) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.Write("lvupdate.data", kArticle);
  LvupdateData d;
  std::string text;
  Status s = LoadLvupdateData(path, &d, &text);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(text, kArticle);
  EXPECT_EQ(d.mode, Mode::kPreview);
  EXPECT_EQ(d.lpar_id, 98);
  EXPECT_EQ(d.management_console, "10.1.50.30");
}

TEST(LvupdateDataTest, LoadErrorsNameThePath) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.Write("bad.data", Replace(kArticle, "lpar_id = 98", "lpar_id = 0"));
  LvupdateData d;
  std::string text;
  Status s = LoadLvupdateData(path, &d, &text);
  ASSERT_TRUE(s.IsInvalidArgument()) << s.ToString();
  EXPECT_EQ(s.message().rfind(path + ":12: key 'lpar_id': ", 0), 0u) << s.message();
}

TEST(LvupdateDataTest, LoadMissingFileIsNotFound) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.path() + "/no_such_lvupdate.data";
  LvupdateData d;
  std::string text;
  Status s = LoadLvupdateData(path, &d, &text);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_NE(s.message().find(path), std::string::npos) << s.message();
}

// ----- RedactSecrets -----

TEST(LvupdateDataTest, RedactSecretValues) {
  EXPECT_EQ(RedactSecrets("password = abc\n"), "password = <redacted>\n");
  EXPECT_EQ(RedactSecrets("    token = t\n"), "    token = <redacted>\n");
  std::string r = RedactSecrets("hmc_passwd=x\n");
  EXPECT_EQ(r.rfind("hmc_passwd=", 0), 0u) << r;
  EXPECT_NE(r.find("<redacted>"), std::string::npos) << r;
  EXPECT_EQ(r.find('x', std::string("hmc_passwd=").size()), std::string::npos) << r;
  // Any case; the whole value, even with '=' or blanks in it.
  EXPECT_EQ(RedactSecrets("\tHMC_Password = a=b c\n"), "\tHMC_Password = <redacted>\n");
  EXPECT_EQ(RedactSecrets("client_secret = s3cr3t\n"), "client_secret = <redacted>\n");
}

TEST(LvupdateDataTest, RedactLeavesOtherLinesUnchanged) {
  // No secret in the article: the text comes back byte for byte.
  EXPECT_EQ(RedactSecrets(kArticle), kArticle);
  // Only keys count: a value that looks like a secret word stays.
  EXPECT_EQ(RedactSecrets("    user = secretary\n"), "    user = secretary\n");
  const std::string text =
      "hmc:\n"
      "    management_console = 10.1.50.30\n"
      "    password = abc1234\n"
      "    user = hscroot\n"
      "\n"
      "* comment\n";
  const std::string want =
      "hmc:\n"
      "    management_console = 10.1.50.30\n"
      "    password = <redacted>\n"
      "    user = hscroot\n"
      "\n"
      "* comment\n";
  EXPECT_EQ(RedactSecrets(text), want);
  EXPECT_EQ(RedactSecrets(""), "");
  // The last line keeps its missing newline.
  EXPECT_EQ(RedactSecrets("user = hscroot"), "user = hscroot");
  EXPECT_EQ(RedactSecrets("token = t"), "token = <redacted>");
}

// The executor journals the redacted text and re-parses it on resume: the
// result must be the same as parsing the original.
TEST(LvupdateDataTest, RedactedTextParsesTheSame) {
  std::string text = Replace(kArticle, "tohdisk =", "tohdisk = hdisk4, hdisk5");
  text = Replace(text, "general:\n", "general:\n* password = abc1234 (not an attribute)\n");
  LvupdateData a, b;
  ASSERT_TRUE(Parse(text, &a).ok());
  const std::string redacted = RedactSecrets(text);
  EXPECT_EQ(redacted.find("abc1234"), std::string::npos) << redacted;
  Status s = Parse(redacted, &b);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(a.mode, b.mode);
  EXPECT_EQ(a.kext_check, b.kext_check);
  EXPECT_EQ(a.cpu_reduction, b.cpu_reduction);
  EXPECT_EQ(a.nhdisk, b.nhdisk);
  EXPECT_EQ(a.mhdisk, b.mhdisk);
  EXPECT_EQ(a.tohdisk, b.tohdisk);
  EXPECT_EQ(a.tshdisk, b.tshdisk);
  EXPECT_EQ(a.lpar_id, b.lpar_id);
  EXPECT_EQ(a.management_console, b.management_console);
  EXPECT_EQ(a.user, b.user);
}

// ----- FormatLvupdateData -----

TEST(LvupdateDataTest, FormatParsesBackToTheSameValues) {
  LvupdateData d;
  d.mode = Mode::kPreview;
  d.kext_check = false;
  d.cpu_reduction = true;
  d.nhdisk = {"hdisk2", "hdisk4"};
  d.mhdisk = {"hdisk3"};
  d.tohdisk = {"hdisk5"};
  d.tshdisk = {};
  d.lpar_id = 98;
  d.management_console = "hsc02";
  d.user = "liveup";
  const std::string text = FormatLvupdateData(d);
  LvupdateData back;
  Status s = Parse(text, &back);
  ASSERT_TRUE(s.ok()) << s.ToString() << "\n" << text;
  EXPECT_EQ(back.mode, d.mode);
  EXPECT_EQ(back.kext_check, d.kext_check);
  EXPECT_EQ(back.cpu_reduction, d.cpu_reduction);
  EXPECT_EQ(back.nhdisk, d.nhdisk);
  EXPECT_EQ(back.mhdisk, d.mhdisk);
  EXPECT_EQ(back.tohdisk, d.tohdisk);
  EXPECT_EQ(back.tshdisk, d.tshdisk);
  EXPECT_EQ(back.lpar_id, d.lpar_id);
  EXPECT_EQ(back.management_console, d.management_console);
  EXPECT_EQ(back.user, d.user);
}

TEST(LvupdateDataTest, FormatOfTheArticlesFileIsInTheTemplatesOrder) {
  LvupdateData d;
  ASSERT_TRUE(Parse(kArticle, &d).ok());
  EXPECT_EQ(FormatLvupdateData(d),
            "general:\n    mode = preview\n    kext_check = no\n    cpu_reduction = no\n\n"
            "disks:\n    nhdisk = hdisk2\n    mhdisk = hdisk3\n    tohdisk = \n    tshdisk = \n\n"
            "hmc:\n    lpar_id = 98\n    management_console = 10.1.50.30\n    user = hscroot\n");
  d.lpar_id = 0;  // not given: the line stays, empty
  EXPECT_NE(FormatLvupdateData(d).find("    lpar_id = \n"), std::string::npos);
}

}  // namespace
}  // namespace lvu::actions
