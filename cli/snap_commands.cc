// lvupdate snap: the support bundle.
#include "cli/snap_commands.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "cli/journal_reader.h"
#include "view/journal_view.h"
#include "tools/snap_bundle.h"
#include "tools/tar_gz_writer.h"

namespace lvu::cli {

namespace {

namespace fs = std::filesystem;

int Fail(int code, const Status& s) {
  std::fprintf(stderr, "lvupdate: %s\n", s.message().c_str());
  return code;
}

int64_t NowUs() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string UtcStamp(int64_t us) {
  std::time_t t = static_cast<std::time_t>(us / 1000000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%S", &tm);
  return buf;
}

void AddOnce(std::vector<std::string>* v, const std::string& op) {
  for (const auto& x : *v) {
    if (x == op) return;
  }
  v->push_back(op);
}

// The update a revert reverts, or "".
std::string RevertedBy(const JournalReader& r, const std::string& op) {
  std::vector<journal::Event> events;
  if (!r.journal->ReadOp(op, &events).ok() || events.empty()) return "";
  const journal::Event& first = events[0];
  if (first.kind != journal::EventKind::kOpStarted || first.op_started.op_kind != journal::OpKind::kRevert) return "";
  return first.op_started.reverts;
}

// The operations to bundle (snap_commands.h); exit code.
int ChooseOps(const JournalReader& r, const SnapOptions& o, const std::vector<journal::OpSummary>& all,
              std::vector<std::string>* ops) {
  if (o.all) {
    for (const auto& s : all) ops->push_back(s.op_id);
    return kExitOk;
  }
  for (const std::string& arg : o.ops) {
    std::string op;
    if (int rc = ResolveOpArg(r, arg, &op); rc != kExitOk) return rc;
    AddOnce(ops, op);
  }
  if (!o.ops.empty() || r.journal == nullptr || all.empty()) return kExitOk;
  const journal::OpSummary& newest = all.front();  // ListOps: newest first
  ops->push_back(newest.op_id);
  if (newest.op_kind == journal::OpKind::kRevert) {
    std::string reverted = RevertedBy(r, newest.op_id);
    if (!reverted.empty()) AddOnce(ops, reverted);
  } else {
    for (const auto& s : all) {
      if (s.op_kind == journal::OpKind::kRevert && RevertedBy(r, s.op_id) == newest.op_id) AddOnce(ops, s.op_id);
    }
  }
  return kExitOk;
}

}  // namespace

int CmdSnap(const GlobalOptions& g, const SnapOptions& o) {
  if (o.all && !o.ops.empty()) {
    return Fail(kExitBadInput, Status::InvalidArgument("give operations or --all, not both"));
  }
  JournalReader r;
  if (int rc = OpenJournalReader(g, &r); rc != kExitOk) return rc;
  std::vector<journal::OpSummary> all;
  if (r.journal != nullptr) {
    Status s = r.journal->ListOps(&all);
    if (!s.ok()) return FailJournalRead(s);
  }
  tools::SnapInput in;
  in.home = r.home;
  in.driver = g.driver;
  in.journal = r.journal.get();
  in.journal_dir = r.dir;
  if (int rc = ChooseOps(r, o, all, &in.ops); rc != kExitOk) return rc;
  for (const auto& s : all) {
    if (!s.finished && OpRunning(r, s.op_id)) in.running_op = s.op_id;
  }
  in.max_log_bytes = o.max_log_bytes;
  in.max_ops_bytes = o.max_ops_bytes;
  in.max_total_log_bytes = o.max_total_log_bytes != 0 ? o.max_total_log_bytes : 8 * o.max_log_bytes;
  in.cli11_version = o.cli11_version;
  in.now_us = NowUs();

  std::string path = o.output;
  if (path.empty()) {
    const std::string dir = r.home + "/snap";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Fail(kExitCannotRun, Status::IOError("cannot create " + dir + ": " + ec.message()));
    path = dir + "/lvupdate.snap." + UtcStamp(in.now_us) + ".tar.gz";
  }
  const std::string parent = fs::path(path).parent_path().string();
  std::error_code ec;
  if (!parent.empty() && !fs::is_directory(parent, ec)) {
    return Fail(kExitCannotRun, Status::IOError("cannot write the support bundle " + path + ": " + parent +
                                                (fs::exists(parent, ec) ? " is not a directory" : " does not exist")));
  }

  tools::SnapBundle bundle;
  Status s = tools::CollectSnap(in, &bundle);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::string archive;
  s = tools::WriteTarGz(bundle.members, in.now_us / 1000000, &archive);
  if (!s.ok()) return Fail(kExitCannotRun, s.WithContext("cannot make the support bundle " + path));
  s = WriteFileAtomically(path, archive);
  if (!s.ok()) return Fail(kExitCannotRun, s.WithContext("cannot write the support bundle " + path));

  std::map<std::string, const journal::OpSummary*> by_id;
  for (const auto& op : all) by_id[op.op_id] = &op;
  auto describe = [&](const std::string& id, nlohmann::json* j) {
    const journal::OpSummary* sum = by_id.count(id) != 0 ? by_id[id] : nullptr;
    std::string kind = sum != nullptr ? view::OpKindName(sum->op_kind) : "?";
    std::string status = sum != nullptr ? view::OpStatus(*sum, id == in.running_op) : "?";
    *j = {{"id", id}, {"kind", kind}, {"status", status}};
    return id + " (" + kind + ", " + status + ")";
  };
  if (o.json) {
    nlohmann::json ops = nlohmann::json::array();
    for (const auto& id : in.ops) {
      nlohmann::json j;
      describe(id, &j);
      ops.push_back(j);
    }
    nlohmann::json out = {{"path", path},          {"members", bundle.members.size()}, {"bytes", archive.size()},
                          {"operations", ops},     {"secrets", bundle.secrets},        {"redactions", bundle.redactions},
                          {"notes", bundle.notes}};
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }
  std::printf("Support bundle: %s\n", path.c_str());
  std::printf("Members:        %zu files under %s/ (listed in %s/MANIFEST)\n", bundle.members.size(), tools::kSnapTop,
              tools::kSnapTop);
  std::printf("Size:           %zu bytes\n", archive.size());
  if (in.ops.empty()) std::printf("Operations:     none\n");
  for (size_t i = 0; i < in.ops.size(); ++i) {
    nlohmann::json j;
    std::printf("%s%s\n", i == 0 ? "Operations:     " : "                ", describe(in.ops[i], &j).c_str());
  }
  std::printf("Secrets:        %zu found; %zu occurrence(s) replaced by <redacted>\n", bundle.secrets,
              bundle.redactions);
  for (const auto& n : bundle.notes) std::printf("Note:           %s\n", n.c_str());
  return kExitOk;
}

}  // namespace lvu::cli
