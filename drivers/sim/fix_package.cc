#include "drivers/sim/fix_package.h"

#include <cctype>

#include "base/file.h"
#include "base/limits.h"

namespace lvu::drivers::sim {

namespace {

std::string Trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

bool ValidLabel(const std::string& s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (!std::isalnum(c) && c != '.' && c != '_' && c != '-') return false;
  return true;
}

}  // namespace

Status ParseFixPackage(const std::string& text, const std::string& file, Fix* out) {
  Fix fix;
  fix.file = file;
  bool seen_label = false, seen_abstract = false, seen_lu = false, seen_reboot = false;
  size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto err = [&](const std::string& what) {
      return Status::InvalidArgument(file + ":" + std::to_string(line_no) + ": " + what);
    };
    if (line_no == 1) {
      if (line != kFixPackageHeader)
        return err(std::string("not a simulated ifix package (expected \"") + kFixPackageHeader +
                   "\")");
      continue;
    }
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    size_t colon = t.find(':');
    if (colon == std::string::npos) return err("expected \"KEY: value\", got \"" + t + "\"");
    std::string key = Trim(t.substr(0, colon));
    std::string value = Trim(t.substr(colon + 1));
    auto yes_no = [&](bool* seen, bool* field) -> Status {
      if (*seen) return err("duplicate " + key);
      *seen = true;
      if (value == "yes") *field = true;
      else if (value == "no") *field = false;
      else return err(key + " must be yes or no, got \"" + value + "\"");
      return Status::OK();
    };
    if (key == "LABEL") {
      if (seen_label) return err("duplicate LABEL");
      if (!ValidLabel(value)) return err("invalid LABEL \"" + value + "\"");
      seen_label = true;
      fix.label = value;
    } else if (key == "ABSTRACT") {
      if (seen_abstract) return err("duplicate ABSTRACT");
      seen_abstract = true;
      fix.abstract = value;
    } else if (key == "LU CAPABLE") {
      LVU_RETURN_IF_ERROR(yes_no(&seen_lu, &fix.lu_capable));
    } else if (key == "REBOOT REQUIRED") {
      LVU_RETURN_IF_ERROR(yes_no(&seen_reboot, &fix.reboot_required));
    } else if (key == "FILE") {
      if (value.empty()) return err("empty FILE");
      fix.files.push_back(value);
    } else {
      return err("unknown key \"" + key + "\"");
    }
  }
  if (line_no == 0)
    return Status::InvalidArgument(file + ":1: empty file, not a simulated ifix package");
  if (!seen_label) return Status::InvalidArgument(file + ": no LABEL");
  *out = std::move(fix);
  return Status::OK();
}

Status ReadFixPackage(const std::string& path, Fix* out) {
  std::string text;
  Status s = ReadFileLimited(path, kMaxFixPackageBytes, "the ifix package", &text);
  if (s.IsNotFound()) return Status::NotFound("emgr: fix package " + path + " not found");
  if (s.IsInvalidArgument()) return Status::InvalidArgument("emgr: " + s.message());
  LVU_RETURN_IF_ERROR(s);
  return ParseFixPackage(text, path, out);
}

std::string FormatFixPackage(const Fix& fix) {
  std::string s = std::string(kFixPackageHeader) + "\n";
  s += "LABEL: " + fix.label + "\n";
  s += "ABSTRACT: " + fix.abstract + "\n";
  s += std::string("LU CAPABLE: ") + (fix.lu_capable ? "yes" : "no") + "\n";
  s += std::string("REBOOT REQUIRED: ") + (fix.reboot_required ? "yes" : "no") + "\n";
  for (const auto& f : fix.files) s += "FILE: " + f + "\n";
  return s;
}

}  // namespace lvu::drivers::sim
