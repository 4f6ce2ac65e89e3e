#include "tools/replay_sources.h"

#include <algorithm>
#include <cctype>

#include "base/limits.h"
#include "base/file.h"
#include "journal/export_file.h"
#include "tools/tar_gz_writer.h"

namespace lvu::tools {
namespace {

bool IsBundle(const std::string& file) { return file.ends_with(".tar.gz") || file.ends_with(".tgz"); }

// Member `path` ends with "/ops/<OP>/events.jsonl" (cli/snap_bundle.h).
bool IsOpEvents(const std::string& path) {
  const std::string tail = "/events.jsonl";
  if (!path.ends_with(tail)) return false;
  std::string dir = path.substr(0, path.size() - tail.size());
  size_t slash = dir.rfind('/');
  if (slash == std::string::npos) return false;
  std::string parent = dir.substr(0, slash);
  return parent == "ops" || parent.ends_with("/ops");
}

Status AddEvents(const std::string& text, const std::string& name, OpEvents* ops) {
  std::vector<journal::Event> events;
  Status s = journal::ParseExport(text, name, "auto", &events);
  if (!s.ok()) return Status::InvalidArgument(s.message());
  if (events.empty()) return Status::InvalidArgument(name + " holds no event");
  for (journal::Event& e : events) (*ops)[e.op_id].push_back(std::move(e));
  return Status::OK();
}

}  // namespace

Status LoadReplayFiles(const std::vector<std::string>& files, OpEvents* ops) {
  for (const std::string& file : files) {
    std::string bytes;
    Status s = IsBundle(file) ? ReadFileLimited(file, kMaxBundleBytes, "the support bundle", &bytes)
                              : ReadFileLimited(file, kMaxImportBytes, "the export", &bytes);
    if (!s.ok()) return s;
    if (!IsBundle(file)) {
      LVU_RETURN_IF_ERROR(AddEvents(bytes, file, ops));
      continue;
    }
    std::vector<TarMember> members;
    s = ReadTarGz(bytes, kMaxBundleUnpackedBytes, &members);
    if (!s.ok()) return Status::InvalidArgument(file + ": not a support bundle: " + s.message());
    int found = 0;
    for (const TarMember& m : members) {
      if (IsOpEvents(m.path)) {
        found++;
        LVU_RETURN_IF_ERROR(AddEvents(m.bytes, file + ":" + m.path, ops));
      }
    }
    if (found == 0) return Status::InvalidArgument(file + " holds no ops/<OP>/events.jsonl: not a support bundle");
  }
  for (auto& [id, ev] : *ops) {
    std::sort(ev.begin(), ev.end(), [](const journal::Event& a, const journal::Event& b) { return a.seq < b.seq; });
    for (size_t i = 0; i < ev.size(); ++i) {
      if (ev[i].seq != i) {
        return Status::InvalidArgument("operation " + id + ": event " + std::to_string(i) +
                                       " is missing from the files (run `lvupdate journal import` on them to see why)");
      }
    }
  }
  return Status::OK();
}

Status ResolveInFiles(const OpEvents& ops, const std::string& arg, std::string* op) {
  std::string up = arg;
  for (auto& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::vector<std::string> found;
  for (const auto& [id, ev] : ops) {
    if (id.rfind(up, 0) == 0) found.push_back(id);
  }
  if (found.size() == 1) {
    *op = found[0];
    return Status::OK();
  }
  if (found.empty()) return Status::InvalidArgument("no operation " + arg + " in the --from files");
  std::string list;
  for (const auto& f : found) list += " " + f;
  return Status::InvalidArgument("operation " + arg + " is ambiguous:" + list);
}

}  // namespace lvu::tools
