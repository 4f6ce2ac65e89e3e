#include "actions/validation/lvupdate_data.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "base/file.h"
#include "base/limits.h"

namespace lvu::actions {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> SplitDisks(const std::string& v) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : v + " ") {
    if (c == ' ' || c == '\t' || c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

bool ParseYesNo(const std::string& v, bool* out) {
  if (v == "yes") *out = true;
  else if (v == "no") *out = false;
  else return false;
  return true;
}

const std::map<std::string, std::set<std::string>>& Schema() {
  static const std::map<std::string, std::set<std::string>> s = {
      {"general", {"mode", "kext_check", "cpu_reduction"}},
      {"disks", {"nhdisk", "mhdisk", "tohdisk", "tshdisk"}},
      {"hmc", {"lpar_id", "management_console", "user"}},
  };
  return s;
}

class Parser {
 public:
  Parser(const std::string& file, LvupdateData* out) : file_(file), out_(out) {}

  Status Line(int n, const std::string& raw) {
    std::string line = Trim(raw);
    if (line.empty() || line[0] == '*' || line[0] == '#') return Status::OK();
    bool indented = raw[0] == ' ' || raw[0] == '\t';
    if (!indented && line.back() == ':' && line.find('=') == std::string::npos) {
      return Stanza(n, Trim(line.substr(0, line.size() - 1)));
    }
    size_t eq = line.find('=');
    if (eq == std::string::npos) {
      return Error(n, "", "expected 'key = value' or a stanza name ending in ':', found '" + line + "'");
    }
    return Attribute(n, Trim(line.substr(0, eq)), Trim(line.substr(eq + 1)));
  }

  Status Finish() {
    static const std::pair<const char*, const char*> required[] = {
        {"disks", "nhdisk"}, {"disks", "mhdisk"}, {"hmc", "management_console"}, {"hmc", "user"}};
    for (const auto& [stanza, key] : required) {
      std::string full = std::string(stanza) + "." + key;
      auto it = seen_.find(full);
      if (it == seen_.end()) {
        return Status::InvalidArgument(file_ + ": missing required key '" + key + "' in stanza '" +
                                       stanza + ":'");
      }
      if (values_empty_.count(full)) return Error(it->second, key, "a value is required");
    }
    return Status::OK();
  }

 private:
  Status Error(int n, const std::string& key, const std::string& what) {
    std::string where = file_ + ":" + std::to_string(n) + ": ";
    if (!key.empty()) where += "key '" + key + "': ";
    return Status::InvalidArgument(where + what);
  }

  Status Stanza(int n, const std::string& name) {
    if (!Schema().count(name)) {
      return Error(n, "", "unknown stanza '" + name + ":' (expected general:, disks: or hmc:)");
    }
    if (stanzas_.count(name)) return Error(n, "", "stanza '" + name + ":' appears twice");
    stanzas_.insert(name);
    stanza_ = name;
    return Status::OK();
  }

  Status Attribute(int n, const std::string& key, const std::string& value) {
    if (stanza_.empty()) return Error(n, key, "attribute outside any stanza");
    if (!Schema().at(stanza_).count(key)) {
      return Error(n, key, "unknown key in stanza '" + stanza_ + ":'");
    }
    std::string full = stanza_ + "." + key;
    if (seen_.count(full)) {
      return Error(n, key, "duplicate key (first given on line " + std::to_string(seen_[full]) + ")");
    }
    seen_[full] = n;
    if (value.empty()) values_empty_.insert(full);
    if (stanza_ == "general") return General(n, key, value);
    if (stanza_ == "disks") return Disks(n, key, value);
    return Hmc(n, key, value);
  }

  Status General(int n, const std::string& key, const std::string& v) {
    if (key == "mode") {
      if (v == "automated") out_->mode = LvupdateData::Mode::kAutomated;
      else if (v == "preview") out_->mode = LvupdateData::Mode::kPreview;
      else return Error(n, key, "bad value '" + v + "' (expected automated or preview)");
      return Status::OK();
    }
    bool* target = key == "kext_check" ? &out_->kext_check : &out_->cpu_reduction;
    if (v.empty()) return Status::OK();
    if (!ParseYesNo(v, target)) return Error(n, key, "bad value '" + v + "' (expected yes or no)");
    return Status::OK();
  }

  Status Disks(int n, const std::string& key, const std::string& v) {
    std::vector<std::string> disks = SplitDisks(v);
    // "nhdisk = ," names no disk: as empty as "nhdisk =".
    if (disks.empty()) values_empty_.insert(stanza_ + "." + key);
    for (const auto& d : disks) {
      if (d.rfind("hdisk", 0) != 0 || d.size() == 5 ||
          d.find_first_not_of("0123456789", 5) != std::string::npos) {
        return Error(n, key, "bad disk name '" + d + "' (expected hdiskN)");
      }
      auto [it, fresh] = disk_owner_.emplace(d, key);
      if (!fresh) {
        return Error(n, key, "disk " + d + " is already given as " + it->second +
                                 ": each disk may be named once");
      }
    }
    if (key == "nhdisk") out_->nhdisk = disks;
    else if (key == "mhdisk") out_->mhdisk = disks;
    else if (key == "tohdisk") out_->tohdisk = disks;
    else out_->tshdisk = disks;
    return Status::OK();
  }

  Status Hmc(int n, const std::string& key, const std::string& v) {
    if (key == "lpar_id") {
      if (v.empty()) return Status::OK();
      if (v.find_first_not_of("0123456789") != std::string::npos || v.size() > 4) {
        return Error(n, key, "bad value '" + v + "' (expected a partition id from 1 to 1000)");
      }
      int id = std::stoi(v);
      if (id < 1 || id > 1000) {
        return Error(n, key, "lpar_id " + v + " is out of range (1 to 1000)");
      }
      out_->lpar_id = id;
    } else if (key == "management_console") {
      out_->management_console = v;
    } else {
      out_->user = v;
    }
    return Status::OK();
  }

  std::string file_;
  LvupdateData* out_;
  std::string stanza_;
  std::set<std::string> stanzas_;
  std::map<std::string, int> seen_;
  std::set<std::string> values_empty_;
  std::map<std::string, std::string> disk_owner_;
};

}  // namespace

Status ParseLvupdateData(const std::string& text, const std::string& file, LvupdateData* out) {
  *out = LvupdateData();
  Parser p(file, out);
  // A UTF-8 byte order mark (some editors write one) is not text: without
  // this, the first stanza would be "\xEF\xBB\xBFgeneral", unknown.
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  std::istringstream in(text.compare(0, kBom.size(), kBom) == 0 ? text.substr(kBom.size()) : text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    n++;
    if (line.find('\0') != std::string::npos) {
      return Status::InvalidArgument(file + ":" + std::to_string(n) + ": binary data (NUL byte)");
    }
    LVU_RETURN_IF_ERROR(p.Line(n, line));
  }
  return p.Finish();
}

std::string FormatLvupdateData(const LvupdateData& d) {
  auto disks = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
    return s;
  };
  auto yes_no = [](bool b) { return b ? "yes" : "no"; };
  std::ostringstream o;
  o << "general:\n"
    << "    mode = " << (d.mode == LvupdateData::Mode::kPreview ? "preview" : "automated") << "\n"
    << "    kext_check = " << yes_no(d.kext_check) << "\n"
    << "    cpu_reduction = " << yes_no(d.cpu_reduction) << "\n"
    << "\n"
    << "disks:\n"
    << "    nhdisk = " << disks(d.nhdisk) << "\n"
    << "    mhdisk = " << disks(d.mhdisk) << "\n"
    << "    tohdisk = " << disks(d.tohdisk) << "\n"
    << "    tshdisk = " << disks(d.tshdisk) << "\n"
    << "\n"
    << "hmc:\n"
    << "    lpar_id = " << (d.lpar_id == 0 ? std::string() : std::to_string(d.lpar_id)) << "\n"
    << "    management_console = " << d.management_console << "\n"
    << "    user = " << d.user << "\n";
  return o.str();
}

Status LoadLvupdateData(const std::string& path, LvupdateData* out, std::string* text) {
  Status s = ReadFileLimited(path, kMaxLvupdateDataBytes, "lvupdate.data", text);
  if (s.IsNotFound()) return Status::NotFound(path + ": cannot open lvupdate.data: no such file");
  if (s.IsIOError()) return Status::NotFound(s.message());
  LVU_RETURN_IF_ERROR(s);
  return ParseLvupdateData(*text, path, out);
}

std::string RedactSecrets(const std::string& text) {
  static const char* secrets[] = {"password", "passwd", "token", "secret"};
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    // Keep the text as it was: no newline added after a last line that had none.
    const bool had_newline = !in.eof();
    size_t eq = line.find('=');
    if (eq != std::string::npos) {
      std::string key = line.substr(0, eq);
      for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (const char* s : secrets) {
        if (key.find(s) != std::string::npos) {
          line = line.substr(0, eq + 1) + " <redacted>";
          break;
        }
      }
    }
    out += line;
    if (had_newline) out += "\n";
  }
  return out;
}

}  // namespace lvu::actions
