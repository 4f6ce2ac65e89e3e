// See snap_bundle.h.
#include "tools/snap_bundle.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include <nlohmann/json.hpp>

#include "actions/validation/hmc_token.h"
#include "actions/validation/lvupdate_data.h"
#include "actions/apps/registrations.h"
#include "base/file.h"
#include "base/limits.h"
#include "base/redact.h"
#include "base/sha256.h"
#include "actions/engine/recovery_blockers.h"
#include "view/journal_view.h"
#include "tools/preview_record.h"
#include "tools/versions.h"
#include "drivers/open.h"
#include "journal/event.h"
#include "journal/event_codec.h"
#include "replay/fold.h"
#include "replay/timeline.h"
#include "view/timeline_svg.h"
#include "replay/verify.h"

namespace lvu::tools {

namespace {

namespace fs = std::filesystem;

// A member before redaction.
struct Part {
  std::string path;  // under kSnapTop
  std::string bytes;
  bool binary = false;  // masked, not replaced
  bool log = false;     // bounded
  std::string note;     // for MANIFEST
  size_t redactions = 0;
};

class Collector {
 public:
  Collector(const SnapInput& in, SnapBundle* out) : in_(in), out_(out) {}

  Status Run() {
    Add("versions.txt", VersionsText(in_.cli11_version));
    AddOperations();
    AddJournalSummary();
    AddConfig();
    AddPreview();
    AddWorld();
    AddLogs();
    for (const Part& p : parts_) {
      if (!p.binary) CollectKeyValueSecrets(p.bytes, &secrets_);
    }
    Redact();
    BoundLogs();
    Finish();
    return Status::OK();
  }

 private:
  Part& Add(const std::string& path, std::string bytes) {
    Part p;
    p.path = path;
    p.bytes = std::move(bytes);
    parts_.push_back(std::move(p));
    return parts_.back();
  }
  void Note(const std::string& what) { out_->notes.push_back(what); }

  // A file of the home: NotFound, or anything else worth a note.
  bool Read(const std::string& file, std::string* text) {
    // A log larger than this is cut further down anyway (--max-log-bytes).
    Status s = ReadFileLimited(file, kMaxBundleUnpackedBytes, "file", text);
    if (s.ok()) return true;
    if (!s.IsNotFound()) Note(s.message());
    return false;
  }

  void AddOperations() {
    size_t spent = 0;
    for (const std::string& op : in_.ops) {
      if (spent > 0 && spent >= in_.max_ops_bytes) {
        Note("operation " + op + " left out: the operations' limit (--max-ops-bytes " +
             std::to_string(in_.max_ops_bytes) + ") is spent");
        continue;
      }
      const size_t first_part = parts_.size();
      AddOperation(op);
      for (size_t i = first_part; i < parts_.size(); ++i) spent += parts_[i].bytes.size();
    }
  }

  void AddOperation(const std::string& op) {
    const std::string dir = "ops/" + op + "/";
    std::vector<journal::Event> events;
    Status s = in_.journal->ReadOp(op, &events);
    if (!s.ok()) {
      // A damaged operation: its records as stored, and what verify says (journal/verify.txt).
      Note("operation " + op + ": " + s.message() + " (events.capnp holds its records as stored)");
    }
    std::vector<journal::OpRecords> records;
    if (in_.journal->ScanRaw(op, &records).ok() && !records.empty()) {
      std::string raw;
      for (const journal::RawRecord& rec : records[0].events) raw += rec.value;
      Add(dir + "events.capnp", std::move(raw)).binary = true;
    }
    if (!s.ok()) return;
    for (const journal::Event& e : events) {
      if (e.kind == journal::EventKind::kScriptIntent) CollectCommandLineSecrets(e.script_intent.command, &secrets_);
    }
    std::string jsonl;
    for (const journal::Event& e : events) jsonl += journal::ToJson(e) + "\n";
    Add(dir + "events.jsonl", std::move(jsonl));
    replay::Timeline t = replay::BuildTimeline(events);
    const std::string status = view::OpStatus(t.state, op == in_.running_op);
    Add(dir + "show.txt", view::ShowText(t, status));
    Add(dir + "show.json", view::ShowJson(t, status).dump(2) + "\n");
    Add(dir + "timeline.svg", view::TimelineSvg(t, status));
  }

  void AddJournalSummary() {
    if (in_.journal == nullptr) {
      Note("no journal at " + in_.journal_dir + ": no live update has been run from this home");
      return;
    }
    std::vector<journal::OpSummary> ops;
    Status s = in_.journal->ListOps(&ops);
    if (s.ok()) {
      std::vector<std::string> statuses;
      for (const auto& op : ops) statuses.push_back(view::OpStatus(op, op.op_id == in_.running_op));
      Add("journal/list.txt", ops.empty() ? "No operation.\n" : view::ListText(ops, statuses));
      Add("journal/list.json", view::ListJson(ops, statuses).dump(2) + "\n");
    } else {
      Note("journal list: " + s.message());
    }
    std::vector<journal::OpRecords> records;
    std::string active;
    s = in_.journal->ScanRaw("", &records);
    if (s.ok()) s = in_.journal->ActiveOp(&active);
    if (!s.ok()) {
      Note("journal verify: " + s.message());
      return;
    }
    replay::VerifyReport report = replay::Verify(records, /*check_active=*/true, active);
    // As `journal verify` says it: lost records and the world ahead first.
    std::vector<journal::Problem> blockers =
        actions::RecoveryBlockers(in_.home, in_.journal, active == in_.running_op ? std::string() : active);
    report.problems.insert(report.problems.begin(), blockers.begin(), blockers.end());
    // The high-water mark itself (48-byte records, journal/high_water.h).
    std::string mark;
    if (Read(in_.journal_dir + "/HIGHWATER", &mark)) Add("journal/HIGHWATER", std::move(mark)).binary = true;
    std::string text;
    for (const auto& p : report.problems) text += p.ToString() + "\n";
    for (const auto& n : report.notes) text += "note: " + n + "\n";
    text += in_.journal_dir + ": " + std::to_string(report.operations) + " operation(s), " +
            std::to_string(report.records) + " event records: " +
            (report.ok() ? std::string("no problem found.") : std::to_string(report.problems.size()) + " problem(s) found.") +
            "\n";
    Add("journal/verify.txt", text);
  }

  void AddConfig() {
    std::string text;
    if (Read(in_.home + "/lvupdate.data", &text)) {
      CollectKeyValueSecrets(text, &secrets_);
      Add("config/lvupdate.data", actions::RedactSecrets(text));
    } else {
      Note("no " + in_.home + "/lvupdate.data");
    }
    const std::string reg_dir = actions::RegistrationDir(in_.home);
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(reg_dir, ec)) {
      if (f.is_regular_file(ec) && f.path().extension() == ".json") names.push_back(f.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    if (names.empty()) Note("no registrations in " + reg_dir + " (setprocs, init, regscript, regke, safeke)");
    for (const std::string& name : names) {
      if (!Read(reg_dir + "/" + name, &text)) continue;
      // Every string of a registration may be a command line: "-p PASSWORD".
      auto j = nlohmann::json::parse(text, nullptr, false);
      std::vector<const nlohmann::json*> todo = {&j};
      while (!todo.empty()) {
        const nlohmann::json* v = todo.back();
        todo.pop_back();
        if (v->is_string()) CollectCommandLineSecrets(v->get<std::string>(), &secrets_);
        if (v->is_structured()) {
          for (const auto& child : *v) todo.push_back(&child);
        }
      }
      if (j.is_discarded()) CollectCommandLineSecrets(text, &secrets_);
      Add("config/liveupdate/" + name, text);
    }
    // The token is a credential: collected to be scrubbed, never bundled.
    const std::string token_file = actions::HmcTokenPath(in_.home);
    if (Read(token_file, &text)) {
      CollectKeyValueSecrets(text, &secrets_);
      drivers::HmcSession session;
      Status s = actions::LoadHmcToken(token_file, &session);
      if (s.ok()) {
        AddSecret(session.token, &secrets_);
        Add("config/hmc.txt", "HMC:     " + session.hmc + " (" + session.address + ")\nUser:    " + session.user +
                                  "\nPort:    " + std::to_string(session.port) + "\nExpires: at world clock " +
                                  std::to_string(session.expires_s) + " s\n(" + token_file +
                                  " holds the session's token: it is not in this bundle)\n");
      } else {
        Note(token_file + ": " + s.message());
      }
    } else {
      Note("no HMC token (" + token_file + "): `lvupdate hmcauth` has not been run");
    }
  }

  void AddPreview() {
    const std::string dir = PreviewRecordDir(in_.home);
    std::string text;
    bool any = false;
    for (const char* name : {"last.json", "last.txt"}) {
      if (Read(dir + "/" + name, &text)) {
        Add(std::string("preview/") + name, text);
        any = true;
      }
    }
    if (!any) Note("no preview record in " + dir + ": `lvupdate preview` has not been run");
  }

  void AddWorld() {
    std::unique_ptr<drivers::System> sys;
    Status s = drivers::OpenSystem(in_.driver, in_.home, drivers::OpenOptions{}, &sys);
    if (!s.ok()) {
      Note("world: " + s.message());
      return;
    }
    std::vector<drivers::System::Described> files;
    std::vector<std::string> notes;
    sys->Describe(&files, &notes);
    for (auto& f : files) Add(f.path, std::move(f.text));
    for (const auto& n : notes) Note(n);
  }

  void AddLogs() {
    const std::string dir = in_.home + "/logs";
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(dir, ec)) {
      const std::string name = f.path().filename().string();
      if (f.is_regular_file(ec) && name.rfind("lvupdlog.", 0) == 0) names.push_back(name);
    }
    // Newest first: the names hold their start time.
    std::sort(names.rbegin(), names.rend());
    if (names.empty()) Note("no log in " + dir);
    for (const std::string& name : names) {
      std::string text;
      if (Read(dir + "/" + name, &text)) Add("logs/" + name, std::move(text)).log = true;
    }
  }

  void Redact() {
    for (Part& p : parts_) {
      p.bytes = p.binary ? ScrubKeepLength(p.bytes, secrets_, &p.redactions) : Scrub(p.bytes, secrets_, &p.redactions);
      out_->redactions += p.redactions;
    }
    out_->secrets = secrets_.size();
  }

  void BoundLogs() {
    size_t budget = in_.max_total_log_bytes;
    std::vector<Part> kept;
    for (Part& p : parts_) {
      if (!p.log) {
        kept.push_back(std::move(p));
        continue;
      }
      const size_t limit = std::min(in_.max_log_bytes, budget);
      if (limit == 0 || (limit < p.bytes.size() && limit < 256)) {
        Note(p.path + " (" + std::to_string(p.bytes.size()) +
             " bytes) left out: the logs' limit (--max-total-log-bytes) is spent");
        continue;
      }
      size_t cut = 0;
      const size_t original = p.bytes.size();
      p.bytes = TrimHeadTail(p.bytes, limit, &cut);
      if (cut > 0) {
        p.note = "cut: " + std::to_string(cut) + " of " + std::to_string(original) + " bytes left out (head and tail kept)";
      }
      budget -= std::min(budget, p.bytes.size());
      kept.push_back(std::move(p));
    }
    parts_ = std::move(kept);
  }

  void Finish() {
    std::string m;
    m += "# lvupdate snap: support bundle of " + in_.home + "\n";
    m += "# made " + view::IsoTime(in_.now_us) + " by lvupdate " + LVU_VERSION + "\n";
    std::string ops;
    for (const auto& op : in_.ops) ops += " " + op;
    m += "# operations:" + (ops.empty() ? std::string(" none") : ops) + "\n";
    m += "# secrets: " + std::to_string(out_->secrets) + " distinct value(s) found, " +
         std::to_string(out_->redactions) + " occurrence(s) replaced by " + kRedacted +
         " (in *.capnp: masked with '*', same length)\n";
    m += "# logs: at most " + std::to_string(in_.max_log_bytes) + " bytes each, " +
         std::to_string(in_.max_total_log_bytes) + " in all; head and tail kept\n";
    m += "#\n# SIZE SHA256 REDACTIONS PATH [NOTE]\n";
    for (const Part& p : parts_) {
      char line[160];
      std::snprintf(line, sizeof line, "%10zu %s %4zu ", p.bytes.size(), Sha256Hex(p.bytes).c_str(),
                    p.redactions);
      m += line + std::string(kSnapTop) + "/" + p.path + (p.note.empty() ? "" : "  (" + p.note + ")") + "\n";
    }
    for (const std::string& n : out_->notes) m += "note: " + n + "\n";
    size_t manifest_redactions = 0;
    out_->members.push_back({std::string(kSnapTop) + "/MANIFEST", Scrub(m, secrets_, &manifest_redactions)});
    out_->redactions += manifest_redactions;
    for (Part& p : parts_) out_->members.push_back({std::string(kSnapTop) + "/" + p.path, std::move(p.bytes)});
  }

  const SnapInput& in_;
  SnapBundle* out_;
  std::vector<Part> parts_;
  SecretSet secrets_;
};

}  // namespace

Status CollectSnap(const SnapInput& in, SnapBundle* out) {
  if (!in.ops.empty() && in.journal == nullptr) return Status::InvalidArgument("operations given without a journal");
  return Collector(in, out).Run();
}

std::string TrimHeadTail(const std::string& text, size_t limit, size_t* cut) {
  *cut = 0;
  if (text.size() <= limit) return text;
  const size_t head_budget = limit / 2;
  const size_t tail_budget = limit - head_budget;
  size_t head_end = head_budget;
  if (head_budget > 0) {
    size_t nl = text.rfind('\n', head_budget - 1);
    if (nl != std::string::npos) head_end = nl + 1;
  }
  size_t tail_start = text.size() - tail_budget;
  size_t nl = text.find('\n', tail_start == 0 ? 0 : tail_start - 1);
  if (nl != std::string::npos && nl + 1 <= text.size()) tail_start = nl + 1;
  if (tail_start < head_end) tail_start = head_end;
  *cut = tail_start - head_end;
  std::string out = text.substr(0, head_end);
  if (!out.empty() && out.back() != '\n') out += "\n";
  out += "[lvupdate snap: " + std::to_string(*cut) + " bytes cut here]\n";
  out += text.substr(tail_start);
  return out;
}

}  // namespace lvu::tools
