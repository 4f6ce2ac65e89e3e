// A journal written on one byte order, read and verified on the other
// (`make test-bigendian`: amd64 is little-endian, s390x big-endian like AIX on
// POWER). The test is in two halves, run by two processes on two machines:
//
//   LVU_BYTE_ORDER_WRITE=DIR  writes DIR/journal (a RocksDB journal with three
//                             known operations, two in a table file and one in
//                             the write-ahead log), DIR/export.capnp (the raw
//                             export stream of one of them) and DIR/byte_order
//                             ("little" or "big": the writer's byte order);
//   LVU_BYTE_ORDER_READ=DIR   reads them back and checks every record: the
//                             decoded events, the summaries, the active
//                             operation, verify's checks, the stored bytes
//                             (keys, values, HIGHWATER) against what this
//                             machine would have written, and a write-mode open
//                             and append on a copy. LVU_BYTE_ORDER_FROM=little|big
//                             makes it also require that the writer's byte
//                             order was that one (so a run really crossed).
//
// With neither variable set (ctest, make test) both halves are skipped.
#include <gtest/gtest.h>

#include <bit>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "journal/event_codec.h"
#include "journal/export_file.h"
#include "journal/high_water.h"
#include "journal/journal.h"
#include "journal/keys.h"
#include "journal/verify.h"
#include "sample_events.h"

namespace lvu::journal {
namespace {

namespace fs = std::filesystem;
using testing::ExpectSameEvent;

// Fixed ids (valid ULIDs), in start order: A < B < C.
constexpr char kOpA[] = "01JD5Z8K3M4N5P6Q7R8S9T0V1W";  // every kind, finished (rolled back)
constexpr char kOpB[] = "01JD5Z8K3M4N5P6Q7R8S9T0V1X";  // unfinished: the active operation
constexpr char kOpC[] = "01JD5Z8K3M4N5P6Q7R8S9T0V1Y";  // 300 events: seqs past one byte

constexpr uint64_t kManyEvents = 300;

const char* ThisByteOrder() { return std::endian::native == std::endian::little ? "little" : "big"; }

// The operations the writer appends, with every time set (Append keeps it),
// so that the reader can recompute them exactly. seq is left 0.
std::vector<Event> OperationA() { return testing::SampleOperation(kOpA); }

std::vector<Event> OperationB() {
  std::vector<Event> v;
  auto add = [&](EventKind k) -> Event& {
    Event e;
    e.op_id = kOpB;
    e.kind = k;
    e.time_us = 1710000000000000 + static_cast<int64_t>(v.size()) * 1000003;
    v.push_back(e);
    return v.back();
  };
  {
    Event& e = add(EventKind::kOpStarted);
    e.op_started.fixes = {"IJ12345s1a.epkg.Z"};
    e.op_started.plan = {"validate", "lpar.rename_original", "apps.notify_check"};
    e.op_started.driver = "sim";
    e.op_started.host = "aix72be";
    e.op_started.tool_version = "0.1.0";
    e.op_started.freeze_step = 2;
    e.op_started.restart_step = 3;
  }
  {
    Event& e = add(EventKind::kEstimate);
    e.estimate.blackout_s = -1;           // negative 64-bit
    e.estimate.global_s = 0x0102030405060708;  // every byte distinct
  }
  {
    Event& e = add(EventKind::kStepIntent);
    e.intent.step = 0x01020304;           // every byte distinct
    e.intent.action = "validate";
    e.intent.params = "{}";
    e.intent.clock_s = 0x1122334455667788;
  }
  {
    Event& e = add(EventKind::kStepDone);
    e.done.step = 0x01020304;
    e.done.output = "{\"ok\":true}";
    e.done.clock_s = -2;
  }
  {
    Event& e = add(EventKind::kScriptIntent);
    e.script_intent.step = 1;
    e.script_intent.phase = "LVUP_CHECK";
    e.script_intent.side = "orig";
    e.script_intent.label = "db2";
    e.script_intent.command = "/usr/local/bin/db2_lvup.sh check";
    e.script_intent.priority = 0xA0B0C0D0u;
    e.script_intent.attempt = 2;
    e.script_intent.timeout_s = 65537;
  }
  {
    Event& e = add(EventKind::kScriptDone);
    e.script_done.step = 1;
    e.script_done.phase = "LVUP_CHECK";
    e.script_done.side = "orig";
    e.script_done.label = "db2";
    e.script_done.exit_code = -129;
    e.script_done.signal = 15;
    e.script_done.timed_out = true;
    e.script_done.output = "bytes \x01\x02\xfe\xff end";
    e.script_done.elapsed_ms = 0x7fffffffffff;
  }
  {
    Event& e = add(EventKind::kStepIntent);
    e.intent.step = 1;
    e.intent.action = "lpar.rename_original";
    e.intent.params = "{\"name\":\"aix72be_lku0\"}";
    e.intent.attempt = 1;
  }
  return v;
}

std::vector<Event> OperationC() {
  std::vector<Event> v;
  for (uint64_t i = 0; i < kManyEvents; ++i) {
    Event e;
    e.op_id = kOpC;
    e.time_us = 1720000000000000 + static_cast<int64_t>(i);
    if (i == 0) {
      e.kind = EventKind::kOpStarted;
      e.op_started.plan = {"validate"};
      e.op_started.driver = "sim";
    } else if (i + 1 == kManyEvents) {
      e.kind = EventKind::kOpFinished;
      e.finished.outcome = Outcome::kFailedValidation;
    } else {
      e.kind = EventKind::kCheckResult;
      e.check.name = "check." + std::to_string(i);
      e.check.result = i % 3 == 0 ? CheckOutcome::kFailed : CheckOutcome::kPassed;
      e.check.message = "check number " + std::to_string(i);
    }
    v.push_back(e);
  }
  return v;
}

// The events as the journal returns them: seq 0..n-1.
std::vector<Event> Numbered(std::vector<Event> v) {
  for (size_t i = 0; i < v.size(); ++i) v[i].seq = i;
  return v;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

std::string Hex(const std::string& bytes) {
  std::ostringstream o;
  for (unsigned char c : bytes) {
    static const char* d = "0123456789abcdef";
    o << d[c >> 4] << d[c & 15];
  }
  return o.str();
}

TEST(ByteOrderTest, WriteJournal) {
  const char* dir = std::getenv("LVU_BYTE_ORDER_WRITE");
  if (dir == nullptr || *dir == '\0') GTEST_SKIP() << "LVU_BYTE_ORDER_WRITE=DIR not set (make test-bigendian)";
  std::error_code ec;
  fs::remove_all(dir, ec);
  ASSERT_TRUE(fs::create_directories(dir, ec)) << dir << ": " << ec.message();
  const std::string jdir = std::string(dir) + "/journal";
  // A and C, then a close: the reopen below recovers them from the
  // write-ahead log and flushes them into a table file (*.sst); B goes in
  // the new log. The journal crosses byte orders in both of RocksDB's formats.
  {
    std::unique_ptr<Journal> j;
    Status s = Journal::Open(jdir, Journal::Mode::kWrite, &j);
    ASSERT_TRUE(s.ok()) << s.ToString();
    for (Event e : OperationA()) ASSERT_TRUE(j->Append(&e, true).ok());
    std::vector<Event> c = OperationC();
    for (size_t i = 0; i < c.size(); ++i) {
      Status a = j->Append(&c[i], i + 1 == c.size());  // the last one synced
      ASSERT_TRUE(a.ok()) << a.ToString();
    }
  }
  {
    std::unique_ptr<Journal> j;
    JournalOptions flush;
    flush.flush_log_above_bytes = 0;  // a small log is kept otherwise
    Status s = Journal::Open(jdir, Journal::Mode::kWrite, &j, flush);
    ASSERT_TRUE(s.ok()) << s.ToString();
    for (Event e : OperationB()) ASSERT_TRUE(j->Append(&e, true).ok());

    // The raw export stream of operation A, as `journal export --format capnp`.
    std::vector<OpRecords> raw;
    ASSERT_TRUE(j->ScanRaw(kOpA, &raw).ok());
    ASSERT_EQ(raw.size(), 1u);
    std::string stream;
    for (const RawRecord& r : raw[0].events) stream += r.value;
    WriteFile(std::string(dir) + "/export.capnp", stream);
  }
  bool sst = false, log = false;
  for (const auto& f : fs::directory_iterator(jdir)) {
    sst = sst || (f.path().extension() == ".sst" && fs::file_size(f.path()) > 0);
    log = log || (f.path().extension() == ".log" && fs::file_size(f.path()) > 0);
  }
  EXPECT_TRUE(sst) << "no table file (*.sst) in " << jdir;
  EXPECT_TRUE(log) << "no write-ahead log (*.log) in " << jdir;
  WriteFile(std::string(dir) + "/byte_order", ThisByteOrder());
  std::cout << "wrote a journal on a " << ThisByteOrder() << "-endian machine in " << dir << "\n";
}

class ByteOrderReadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* dir = std::getenv("LVU_BYTE_ORDER_READ");
    if (dir == nullptr || *dir == '\0') GTEST_SKIP() << "LVU_BYTE_ORDER_READ=DIR not set (make test-bigendian)";
    dir_ = dir;
    jdir_ = dir_ + "/journal";
    written_on_ = ReadFile(dir_ + "/byte_order");
    static bool said = false;
    if (!said) {
      std::cout << "reading a journal written on a " << written_on_ << "-endian machine, on a "
                << ThisByteOrder() << "-endian machine\n";
      said = true;
    }
    const char* from = std::getenv("LVU_BYTE_ORDER_FROM");
    if (from != nullptr && *from != '\0') {
      ASSERT_EQ(written_on_, from) << "the writer's byte order";
    }
  }

  std::string dir_, jdir_, written_on_;
};

TEST_F(ByteOrderReadTest, EventsSummariesAndActiveOperationReadBack) {
  std::unique_ptr<Journal> j;
  Status s = Journal::Open(jdir_, Journal::Mode::kReadOnly, &j);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(j->LostRecords().ok()) << j->LostRecords().ToString();  // HIGHWATER read and matched

  const std::vector<std::pair<std::string, std::vector<Event>>> ops = {
      {kOpA, Numbered(OperationA())}, {kOpB, Numbered(OperationB())}, {kOpC, Numbered(OperationC())}};
  for (const auto& [op, want] : ops) {
    std::vector<Event> got;
    s = j->ReadOp(op, &got);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_EQ(got.size(), want.size()) << op;
    for (size_t i = 0; i < want.size(); ++i) {
      SCOPED_TRACE(KeyName(op, i));
      ExpectSameEvent(want[i], got[i]);
      // Every field, the kinds' fields that ExpectSameEvent leaves out too.
      EXPECT_EQ(Encode(got[i]), Encode(want[i]));
    }
  }

  std::vector<OpSummary> list;
  ASSERT_TRUE(j->ListOps(&list).ok());
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].op_id, kOpC);  // newest first
  EXPECT_EQ(list[1].op_id, kOpB);
  EXPECT_EQ(list[2].op_id, kOpA);
  EXPECT_EQ(list[0].last_seq, kManyEvents - 1);
  EXPECT_TRUE(list[0].finished);
  EXPECT_EQ(list[0].outcome, Outcome::kFailedValidation);
  EXPECT_EQ(list[0].started_us, 1720000000000000);
  EXPECT_FALSE(list[1].finished);
  EXPECT_EQ(list[1].last_seq, OperationB().size() - 1);
  EXPECT_EQ(list[1].steps_total, 3u);
  EXPECT_EQ(list[1].steps_done, 1u);
  EXPECT_EQ(list[1].fixes, std::vector<std::string>{"IJ12345s1a.epkg.Z"});
  EXPECT_TRUE(list[2].finished);
  EXPECT_EQ(list[2].outcome, Outcome::kRolledBack);

  std::string active;
  ASSERT_TRUE(j->ActiveOp(&active).ok());
  EXPECT_EQ(active, kOpB);
  std::string resolved;
  ASSERT_TRUE(j->ResolveOp("01JD5Z8K3M4N5P6Q7R8S9T0V1Y", &resolved).ok());
  EXPECT_EQ(resolved, kOpC);
}

TEST_F(ByteOrderReadTest, StoredBytesAreWhatThisMachineWritesAndVerifyPasses) {
  std::unique_ptr<Journal> j;
  Status s = Journal::Open(jdir_, Journal::Mode::kReadOnly, &j);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::vector<OpRecords> raw;
  ASSERT_TRUE(j->ScanRaw("", &raw).ok());
  ASSERT_EQ(raw.size(), 3u);

  // The records this machine's Append would have stored for the same events:
  // keys (op id + big-endian seq), values and summaries, byte for byte.
  const std::vector<OpRecords> want = {RecordsOf(Numbered(OperationA())), RecordsOf(Numbered(OperationB())),
                                       RecordsOf(Numbered(OperationC()))};
  std::vector<Problem> problems;
  std::vector<OpSummary> summaries;
  for (size_t k = 0; k < want.size(); ++k) {
    SCOPED_TRACE(want[k].op_id);
    EXPECT_EQ(raw[k].op_id, want[k].op_id);
    ASSERT_EQ(raw[k].events.size(), want[k].events.size());
    for (size_t i = 0; i < want[k].events.size(); ++i) {
      ASSERT_EQ(Hex(raw[k].events[i].key), Hex(want[k].events[i].key)) << "key of seq " << i;
      ASSERT_EQ(raw[k].events[i].value, want[k].events[i].value) << KeyName(want[k].op_id, i);
    }
    EXPECT_TRUE(raw[k].has_summary);
    EXPECT_EQ(Hex(raw[k].summary), Hex(want[k].summary)) << "ops/" << want[k].op_id;
    VerifiedRecords v = VerifyRecords(raw[k], &problems);
    EXPECT_TRUE(v.intact);
    summaries.push_back(v.summary);
  }
  // seq 256 of C: the big-endian key's last two bytes are 01 00.
  EXPECT_EQ(Hex(raw[2].events[256].key.substr(kOpIdSize)), "0000000000000100");
  std::string active;
  ASSERT_TRUE(j->ActiveOp(&active).ok());
  VerifyActive(active, summaries, &problems);
  std::string text;
  for (const Problem& p : problems) text += p.ToString() + "\n";
  EXPECT_TRUE(problems.empty()) << text;

  // HIGHWATER (little-endian by definition): its last record names B's last event.
  const std::string hw = ReadFile(jdir_ + "/" + kHighWaterFileName);
  ASSERT_GE(hw.size(), kHighWaterRecordSize);
  ASSERT_EQ(hw.size() % kHighWaterRecordSize, 0u);
  const std::string last = hw.substr(hw.size() - kHighWaterRecordSize);
  EXPECT_EQ(Hex(last), Hex(EncodeHighWater({kOpB, OperationB().size() - 1})));
  HighWaterMark m;
  ASSERT_TRUE(DecodeHighWater(last, &m));
  EXPECT_EQ(m.op_id, kOpB);
  EXPECT_EQ(m.seq, OperationB().size() - 1);
}

TEST_F(ByteOrderReadTest, CapnpExportStreamParses) {
  std::vector<Event> got;
  const std::string file = dir_ + "/export.capnp";
  Status s = ParseExport(ReadFile(file), file, "capnp", &got);
  ASSERT_TRUE(s.ok()) << s.ToString();
  const std::vector<Event> want = Numbered(OperationA());
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    ExpectSameEvent(want[i], got[i]);
    EXPECT_EQ(Encode(got[i]), Encode(want[i])) << i;
  }
}

// A journal carried to a machine of the other byte order can be taken over:
// a write-mode open (which checks HIGHWATER against the journal) and more
// appends to the active operation, on a copy so the input stays as written.
TEST_F(ByteOrderReadTest, WriteModeOpenAndAppendOnACopy) {
  char tmpl[] = "/tmp/lvu_byte_order.XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string copy = std::string(tmpl) + "/journal";
  std::error_code ec;
  fs::copy(jdir_, copy, fs::copy_options::recursive, ec);
  ASSERT_FALSE(ec) << ec.message();
  fs::remove(copy + "/LVUPDATE.LOCK", ec);
  {
    std::unique_ptr<Journal> j;
    Status s = Journal::Open(copy, Journal::Mode::kWrite, &j);
    ASSERT_TRUE(s.ok()) << s.ToString();
    Event done;
    done.op_id = kOpB;
    done.kind = EventKind::kStepDone;
    done.time_us = 1730000000000000;
    done.done.step = 1;
    done.done.output = std::string("on ") + ThisByteOrder();
    ASSERT_TRUE(j->Append(&done, true).ok());
    EXPECT_EQ(done.seq, OperationB().size());
    Event fin;
    fin.op_id = kOpB;
    fin.kind = EventKind::kOpFinished;
    fin.time_us = 1730000000000001;
    ASSERT_TRUE(j->Append(&fin, true).ok());
  }
  {
    std::unique_ptr<Journal> j;
    Status s = Journal::Open(copy, Journal::Mode::kReadOnly, &j);
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_TRUE(j->LostRecords().ok()) << j->LostRecords().ToString();
    std::vector<Event> got;
    ASSERT_TRUE(j->ReadOp(kOpB, &got).ok());
    ASSERT_EQ(got.size(), OperationB().size() + 2);
    EXPECT_EQ(got[got.size() - 2].done.output, std::string("on ") + ThisByteOrder());
    std::string active = "?";
    ASSERT_TRUE(j->ActiveOp(&active).ok());
    EXPECT_EQ(active, "");
    std::vector<OpRecords> raw;
    ASSERT_TRUE(j->ScanRaw("", &raw).ok());
    std::vector<Problem> problems;
    std::vector<OpSummary> summaries;
    for (const OpRecords& r : raw) summaries.push_back(VerifyRecords(r, &problems).summary);
    VerifyActive(active, summaries, &problems);
    std::string text;
    for (const Problem& p : problems) text += p.ToString() + "\n";
    EXPECT_TRUE(problems.empty()) << text;
  }
  fs::remove_all(tmpl, ec);
}

}  // namespace
}  // namespace lvu::journal
