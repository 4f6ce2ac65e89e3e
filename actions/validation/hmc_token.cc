#include "actions/validation/hmc_token.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "base/file.h"

namespace lvu::actions {
namespace {

Status Errno(const std::string& what, const std::string& path) {
  return Status::IOError(what + " " + path + ": " + std::strerror(errno));
}

std::string DirOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

}  // namespace

std::string HmcTokenPath(const std::string& home) { return home + "/hmc/token"; }

Status SaveHmcToken(const std::string& path, const drivers::HmcSession& s) {
  const std::string dir = DirOf(path);
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return Errno("mkdir", dir);
  std::ostringstream text;
  text << "# lvupdate hmcauth token: an HMC session, not a password.\n"
       << "hmc = " << s.hmc << "\n"
       << "address = " << s.address << "\n"
       << "user = " << s.user << "\n"
       << "port = " << s.port << "\n"
       << "expires_s = " << s.expires_s << "\n"
       << "token = " << s.token << "\n";
  // Readable by its owner only, from the first byte on.
  return WriteFileAtomically(path, text.str(), 0600);
}

Status LoadHmcToken(const std::string& path, drivers::HmcSession* out) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::NotFound(path + ": no HMC token");
    return Errno("stat", path);
  }
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return Status::InvalidArgument(path + " has mode " + mode +
                                   ": a token must be readable by its owner only (0600)");
  }
  std::ifstream in(path);
  if (!in) return Errno("open", path);
  std::map<std::string, std::string> kv;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    n++;
    if (line.empty() || line[0] == '#') continue;
    size_t eq = line.find(" = ");
    if (eq == std::string::npos)
      return Status::Corruption(path + ":" + std::to_string(n) + ": expected 'key = value'");
    kv[line.substr(0, eq)] = line.substr(eq + 3);
  }
  drivers::HmcSession s;
  for (const char* key : {"hmc", "address", "user", "port", "expires_s", "token"}) {
    if (!kv.count(key) || kv[key].empty())
      return Status::Corruption(path + ": missing '" + key + "'");
  }
  s.hmc = kv["hmc"];
  s.address = kv["address"];
  s.user = kv["user"];
  char* end = nullptr;
  long port = std::strtol(kv["port"].c_str(), &end, 10);
  if (*end != '\0' || port <= 0 || port > 65535) return Status::Corruption(path + ": bad port '" + kv["port"] + "'");
  s.port = static_cast<int>(port);
  long long exp = std::strtoll(kv["expires_s"].c_str(), &end, 10);
  if (*end != '\0') return Status::Corruption(path + ": bad expires_s '" + kv["expires_s"] + "'");
  s.expires_s = exp;
  s.token = kv["token"];
  *out = s;
  return Status::OK();
}

}  // namespace lvu::actions
