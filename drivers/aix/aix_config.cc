// See aix_config.h.
#include "drivers/aix/aix_config.h"

#include <map>

#include "base/command_line.h"
#include "base/file.h"
#include "base/limits.h"
#include "drivers/fact_sources.h"

namespace lvu::drivers::aix {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

Status Number(const std::string& where, const std::string& key, const std::string& v, int lo, int hi, int* out) {
  if (v.empty() || v.size() > 7 || v.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument(where + ": " + key + " takes a number of seconds, not '" + v + "'");
  }
  int n = std::stoi(v);
  if (n < lo || n > hi) {
    return Status::InvalidArgument(where + ": " + key + " = " + v + " is out of range (" + std::to_string(lo) + " to " +
                                   std::to_string(hi) + ")");
  }
  *out = n;
  return Status::OK();
}

}  // namespace

Status ParseAixConfig(const std::string& text, const std::string& file, AixConfig* out) {
  *out = AixConfig{};
  std::map<std::string, int> seen;
  size_t start = 0;
  int line_no = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = Trim(text.substr(start, end - start));
    start = end + 1;
    ++line_no;
    const std::string where = file + ":" + std::to_string(line_no);
    if (line.empty() || line[0] == '#') continue;
    size_t eq = line.find('=');
    if (eq == std::string::npos) return Status::InvalidArgument(where + ": not `key = value`: " + line);
    const std::string key = Trim(line.substr(0, eq));
    const std::string value = Trim(line.substr(eq + 1));
    if (seen.count(key) != 0) {
      return Status::InvalidArgument(where + ": " + key + " is already set on line " + std::to_string(seen[key]));
    }
    seen[key] = line_no;
    auto command = [&](std::vector<std::string>* argv) {
      Status s = SplitCommandLine(value, argv);
      if (!s.ok()) return Status::InvalidArgument(where + ": " + key + ": " + s.message());
      if (argv->empty()) return Status::InvalidArgument(where + ": " + key + " is empty: give the command to run");
      return Status::OK();
    };
    if (key == "hmc") {
      out->hmc = value;
    } else if (key == "hmc_user") {
      if (value.empty()) return Status::InvalidArgument(where + ": hmc_user is empty");
      out->hmc_user = value;
    } else if (key == "managed_system") {
      out->managed_system = value;
    } else if (key == "command_timeout_s") {
      LVU_RETURN_IF_ERROR(Number(where, key, value, 1, 86400, &out->command_timeout_s));
    } else if (key == "hmc_timeout_s") {
      LVU_RETURN_IF_ERROR(Number(where, key, value, 1, 86400, &out->hmc_timeout_s));
    } else if (key == "workload_checkpoint_command") {
      LVU_RETURN_IF_ERROR(command(&out->workload_checkpoint_command));
    } else if (key == "workload_restart_command") {
      LVU_RETURN_IF_ERROR(command(&out->workload_restart_command));
    } else if (key == "workload_thaw_command") {
      LVU_RETURN_IF_ERROR(command(&out->workload_thaw_command));
    } else if (key == "live_update_state_command") {
      LVU_RETURN_IF_ERROR(command(&out->live_update_state_command));
    } else if (key == "workload_state_command") {
      LVU_RETURN_IF_ERROR(command(&out->workload_state_command));
    } else if (key == "vhost_client_command") {
      LVU_RETURN_IF_ERROR(command(&out->vhost_client_command));
    } else if (key == "checked_by_hand") {
      std::string word;
      for (size_t i = 0; i <= value.size(); ++i) {
        char c = i < value.size() ? value[i] : ' ';
        if (c != ' ' && c != ',' && c != '\t') {
          word += c;
          continue;
        }
        if (word.empty()) continue;
        if (FindFactSource(word) == nullptr) {
          std::string known;
          for (const auto& s : AllFactSources()) known += std::string(known.empty() ? "" : ", ") + s.key;
          return Status::InvalidArgument(where + ": checked_by_hand: unknown fact source '" + word +
                                         "' (the sources are: " + known + ")");
        }
        out->checked_by_hand.push_back(word);
        word.clear();
      }
    } else {
      return Status::InvalidArgument(where + ": unknown key '" + key +
                                     "' (the keys are: hmc, hmc_user, managed_system, command_timeout_s, "
                                     "hmc_timeout_s, workload_checkpoint_command, workload_restart_command, "
                                     "workload_thaw_command, workload_state_command, live_update_state_command, "
                                     "vhost_client_command, checked_by_hand)");
    }
  }
  return Status::OK();
}

Status LoadAixConfig(const std::string& home, AixConfig* out) {
  const std::string path = home + "/" + kAixConfigFile;
  std::string text;
  Status s = ReadFileLimited(path, kMaxLvupdateDataBytes, "the aix driver's settings", &text);
  if (s.IsNotFound()) {
    *out = AixConfig{};
    return Status::OK();
  }
  LVU_RETURN_IF_ERROR(s);
  return ParseAixConfig(text, path, out);
}

}  // namespace lvu::drivers::aix
