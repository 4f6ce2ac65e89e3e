#include "tests/support/lvu_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace lvu::testing {

TempHome::TempHome() {
  char tmpl[] = "/tmp/lvu-test-XXXXXX";
  char* p = mkdtemp(tmpl);
  path_ = p != nullptr ? p : "/tmp/lvu-test-failed";
}

TempHome::~TempHome() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

int SpawnProgram(const std::vector<std::string>& args, const std::string& out_file, const std::string& stdin_file) {
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  if (!stdin_file.empty()) posix_spawn_file_actions_addopen(&fa, 0, stdin_file.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  return rc == 0 ? pid : -1;
}

int SpawnLvupdate(const std::string& home, const std::vector<std::string>& args, const std::string& out_file) {
  std::vector<std::string> argv = {LVU_BINARY, "--home", home};
  argv.insert(argv.end(), args.begin(), args.end());
  return SpawnProgram(argv, out_file);
}

int WaitExit(int pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

ProcResult Lvupdate(const std::string& home, const std::vector<std::string>& args) {
  std::vector<std::string> all = {"--speed", "max"};
  all.insert(all.end(), args.begin(), args.end());
  std::string out_file = home + "/.test-output";
  ProcResult r;
  int pid = SpawnLvupdate(home, all, out_file);
  if (pid < 0) {
    r.out = "cannot spawn " LVU_BINARY;
    return r;
  }
  r.exit_code = WaitExit(pid);
  std::ifstream in(out_file);
  std::stringstream ss;
  ss << in.rdbuf();
  r.out = ss.str();
  std::filesystem::remove(out_file);
  return r;
}

ProcResult InitLab(const std::string& home) {
  ProcResult r = Lvupdate(home, {"sim", "init"});
  if (r.exit_code != 0) return r;
  return Lvupdate(home, {"hmcauth", "-a", kLabHmc, "-u", kLabHmcUser, "-p", kLabHmcPassword});
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

namespace {
nlohmann::json Parse(const ProcResult& r) {
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  if (j.is_discarded()) return nlohmann::json{{"unparsable_output", r.out}};
  return j;
}
}  // namespace

nlohmann::json World(const std::string& home) { return Parse(Lvupdate(home, {"sim", "show", "--json"})); }
nlohmann::json StatusJson(const std::string& home) { return Parse(Lvupdate(home, {"status", "--json"})); }

nlohmann::json WithoutClockAndErrlog(nlohmann::json w) {
  w.erase("clock");
  w.erase("errlog");
  return w;
}

namespace {

std::string CheckOneLpar(const nlohmann::json& w, nlohmann::json* lpar) {
  if (!w.contains("lpars") || w["lpars"].size() != 1) return "expected exactly one LPAR: " + w.value("lpars", nlohmann::json()).dump();
  *lpar = w["lpars"][0];
  const auto& l = *lpar;
  if (l["name"] != "aix721534A") return "LPAR name is " + l["name"].dump();
  if (l["state"] != "Running") return "LPAR state is " + l["state"].dump();
  if (l.value("workload", "") != "running") return "the workload is " + l.value("workload", nlohmann::json("")).dump() + ", not running";
  for (const auto& d : l["disks"]) {
    int enabled = 0;
    for (const auto& p : d["paths"]) enabled += p["status"] == "Enabled";
    if (d["paths"].size() != 2 || enabled != 2) return "disk " + d["name"].dump() + " paths " + d["paths"].dump();
  }
  if (l["disks"].size() != 3) return "LPAR sees " + std::to_string(l["disks"].size()) + " disks";
  const auto& res = w["managed_system"]["reservation"];
  if (res.is_object() && res.value("present", false)) return "a reservation is left: " + res.dump();
  return "";
}

std::string VgOf(const nlohmann::json& w, const std::string& disk) {
  for (const auto& d : w["disks"]) {
    if (d["name"] == disk) return d["vg"];
  }
  return "(no such disk)";
}

}  // namespace

std::vector<int> WorkloadRunningOn(const nlohmann::json& w) {
  std::vector<int> ids;
  for (const auto& l : w.value("lpars", nlohmann::json::array())) {
    if (l.value("workload", "") == "running" && l.value("state", "") == "Running") ids.push_back(l["id"].get<int>());
  }
  return ids;
}

std::vector<int> WorkloadHeldBy(const nlohmann::json& w) {
  std::vector<int> ids;
  for (const auto& l : w.value("lpars", nlohmann::json::array())) {
    if (!l.value("workload", "").empty()) ids.push_back(l["id"].get<int>());
  }
  return ids;
}

std::string WalFile(const std::string& home) {
  std::string found;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(home + "/journal", ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() > 4 && name.ends_with(".log") && e.path().string() > found) found = e.path().string();
  }
  return found;
}

std::string NotUpdated(const nlohmann::json& w) {
  nlohmann::json l;
  if (std::string e = CheckOneLpar(w, &l); !e.empty()) return e;
  if (l["id"] != 98) return "LPAR id is " + l["id"].dump();
  if (l["ifixes"] != nlohmann::json::array({"dummy"})) return "ifixes " + l["ifixes"].dump();
  if (l["bootlist"].empty() || VgOf(w, l["bootlist"][0]) != "rootvg") {
    return "bootlist " + l["bootlist"].dump() + " does not start with the rootvg disk";
  }
  return "";
}

std::string NotReverted(const nlohmann::json& w) {
  nlohmann::json l;
  if (std::string e = CheckOneLpar(w, &l); !e.empty()) return e;
  if (!l["ifixes"].empty()) return "ifixes " + l["ifixes"].dump();
  if (l["booted_from"] != "hdisk1") return "booted from " + l["booted_from"].dump();
  if (l["bootlist"] != nlohmann::json::array({"hdisk1"})) return "bootlist " + l["bootlist"].dump();
  if (VgOf(w, "hdisk1") != "rootvg") return "hdisk1 holds " + VgOf(w, "hdisk1");
  return "";
}

}  // namespace lvu::testing
