// The simulator as the aix driver's commands: see shims.h.
#include "drivers/sim/shims.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <memory>

#include <cstdio>
#include <map>

#include "base/file.h"
#include "base/str_printf.h"
#include "drivers/sim/fact_shims.h"
#include "drivers/sim/fault_store.h"
#include "drivers/sim/hmc_session.h"
#include "drivers/sim/clone_shims.h"
#include "drivers/sim/os_shims.h"
#include "drivers/sim/process_shims.h"
#include "drivers/sim/profile_shims.h"
#include "drivers/sim/shim_faults.h"
#include "drivers/sim/standin_shims.h"
#include "drivers/sim/vios_shims.h"
#include "drivers/sim/world.h"

namespace lvu::drivers::sim {
namespace {

// lssyscfg's os_version as a real HMC prints it: "AIX 7.2 7200-00-00-0000"
// (../shared/aix-outputs/hmc_lssyscfg_r_lpar.*: "AIX 7.1 7100-00-00-0000").
std::string OsVersion(const std::string& level) {
  if (level.size() < 2) return "Unknown";
  return "AIX " + level.substr(0, 1) + "." + level.substr(1, 1) + " " + level;
}

ShimOutput Out(std::string text) { return {0, std::move(text), ""}; }
ShimOutput Err(int code, std::string text) { return {code, "", std::move(text)}; }

// The managed system's type-model and serial, from its name
// "Server-8286-42A-SN214F58V".
void TypeSerial(const std::string& name, std::string* type_model, std::string* serial) {
  size_t sn = name.rfind("-SN");
  std::string head = sn == std::string::npos ? name : name.substr(0, sn);
  *serial = sn == std::string::npos ? "" : name.substr(sn + 3);
  *type_model = head.rfind("Server-", 0) == 0 ? head.substr(7) : head;
}

// A remote command line as ssh hands it to the HMC's shell: words split at
// blanks, single quotes group (and '\'' is a quote), as command.h writes them.
std::vector<std::string> SplitRemote(const std::string& line) {
  std::vector<std::string> words;
  std::string w;
  bool in = false, any = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (in) {
      if (c == '\'') in = false;
      else w += c;
    } else if (c == '\'') {
      in = any = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      w += line[++i];
      any = true;
    } else if (c == ' ' || c == '\t') {
      if (any || !w.empty()) words.push_back(w);
      w.clear();
      any = false;
    } else {
      w += c;
      any = true;
    }
  }
  if (any || !w.empty()) words.push_back(w);
  return words;
}

// Options of an HMC command: "-r lpar -m SYS --id 5" -> {-r: lpar, ...}.
std::map<std::string, std::string> Options(const std::vector<std::string>& w) {
  std::map<std::string, std::string> o;
  for (size_t i = 1; i < w.size(); ++i) {
    if (w[i].size() > 1 && w[i][0] == '-') {
      const std::string name = w[i];
      std::string value;
      if (name != "--immed" && i + 1 < w.size()) value = w[++i];
      o[name] = value;
    }
  }
  return o;
}

// Sends `sig` to the operation this shim runs for (its parent, when it is
// an lvupdate): SIGKILL as a crash of that process, SIGINT as the
// operator's ^C; what it did, as a message.
std::string SignalOperation(int sig, const std::string& what) {
  const pid_t parent = ::getppid();
  std::string comm;
  (void)ReadFileToString("/proc/" + std::to_string(parent) + "/comm", &comm);
  if (comm.rfind("lvupdate", 0) != 0) return "injected " + what + ": the parent is not lvupdate, nothing sent";
  ::kill(parent, sig);
  return "injected " + what + ": " + (sig == SIGKILL ? "SIGKILL" : "SIGINT") + " sent to lvupdate (pid " +
         std::to_string(parent) + ")";
}

class Shims {
 public:
  Shims(SimSystem* sim, const std::string& home, const World& w, const std::string& input)
      : sim_(sim), home_(home), w_(w), input_(input) {}

  ShimOutput Run(const std::vector<std::string>& a) {
    const std::string& cmd = a[0];
    if (cmd == "uname") return Uname(a);
    if (cmd == "lspv") return Lspv(a);
    if (cmd == "getconf") return Getconf(a);
    if (cmd == "lspath") return Lspath(a);
    if (cmd == "bootlist") return Bootlist(a);
    if (cmd == "ssh") return Ssh(a);
    ShimOutput fact;
    if (RunViosLsdev(w_, a, &fact) || RunFactShim(w_, a, &fact) || RunProcessShim(w_, a, &fact) ||
        RunOsShim(sim_, w_, a, &fact) || RunCloneShim(sim_, home_, w_, a, &fact) ||
        RunStandInShim(sim_, w_, a, input_, &fact)) {
      return fact;
    }
    return Err(127, cmd + ": not found\n");
  }

 private:
  const WorldLpar* Here() const { return w_.WorkloadLpar(); }

  ShimOutput Uname(const std::vector<std::string>& a) {
    if (a.size() != 2 || a[1] != "-L") return Err(2, "uname: the shim answers uname -L only\n");
    const WorldLpar* l = Here();
    if (l == nullptr) return Err(1, "uname: no partition runs\n");
    return Out(std::to_string(l->id) + " " + l->name + "\n");
  }

  // lspv's columns as the seed article shows them (name 16, PVID 26, VG 16).
  ShimOutput Lspv(const std::vector<std::string>& a) {
    if (a.size() != 1) return Err(2, "lspv: the shim answers lspv without arguments only\n");
    std::string out;
    for (const WorldDisk& d : w_.disks) {
      std::string line = StrPrintf("%-16s%-26s", d.name.c_str(), d.pvid.c_str());
      if (d.vg == "rootvg") {
        line += StrPrintf("%-16s%s", d.vg.c_str(), "active");
      } else {
        line += d.vg;
      }
      out += line + "\n";
    }
    return Out(out);
  }

  ShimOutput Getconf(const std::vector<std::string>& a) {
    if (a.size() != 3 || a[1] != "DISK_SIZE" || a[2].rfind("/dev/", 0) != 0) {
      return Err(2, "getconf: the shim answers getconf DISK_SIZE /dev/hdiskN only\n");
    }
    const WorldDisk* d = w_.FindDisk(a[2].substr(5));
    if (d == nullptr) return Err(1, "getconf: " + a[2] + ": A file or directory in the path name does not exist.\n");
    return Out(std::to_string(d->size_mb) + "\n");
  }

  ShimOutput Lspath(const std::vector<std::string>& a) {
    std::string adapter;
    if (a.size() == 3 && a[1] == "-p") adapter = a[2];
    else if (a.size() != 1) return Err(2, "lspath: the shim answers lspath [-p ADAPTER] only\n");
    const WorldLpar* l = Here();
    if (l == nullptr) return Out("");
    std::string out;
    for (const LparDisk& d : l->disks) {
      for (const Path& p : d.paths) {
        if (adapter.empty() || p.adapter == adapter) out += p.status + " " + d.name + " " + p.adapter + "\n";
      }
    }
    return Out(out);
  }

  ShimOutput Bootlist(const std::vector<std::string>& a) {
    const WorldLpar* l = Here();
    if (a.size() < 3 || a[1] != "-m" || a[2] != "normal") return Err(2, "bootlist: the shim answers -m normal only\n");
    if (l == nullptr) return Err(1, "bootlist: no partition runs\n");
    if (a.size() == 4 && a[3] == "-o") {
      std::string out;
      for (const auto& d : l->bootlist) out += d + " blv=hd5 pathid=0\n";
      return Out(out);
    }
    std::vector<std::string> disks(a.begin() + 3, a.end());
    Status s = sim_->os().SetBootlist(l->id, disks);
    if (!s.ok()) return Err(1, "bootlist: " + s.message() + "\n");
    return Out("");
  }

  // ssh [-o OPT | -i KEY]... USER@HOST COMMAND
  ShimOutput Ssh(const std::vector<std::string>& a) {
    size_t i = 1;
    std::string identity;
    bool password_auth = false;
    while (i + 1 < a.size() && (a[i] == "-o" || a[i] == "-i")) {
      if (a[i] == "-i") identity = a[i + 1];
      if (a[i + 1] == "PubkeyAuthentication=no") password_auth = true;
      i += 2;
    }
    if (i + 2 != a.size()) return Err(255, "usage: ssh [-o option] user@host command (the shim's form)\n");
    const std::string& dest = a[i];
    size_t at = dest.find('@');
    const std::string host = at == std::string::npos ? dest : dest.substr(at + 1);
    const std::string user = at == std::string::npos ? "root" : dest.substr(0, at);
    if (host != w_.hmc.address && host != w_.hmc.hostname) {
      return Err(255, "ssh: Could not resolve hostname " + host + ": Name or service not known\n");
    }
    if (!w_.hmc.responding) return Err(255, "ssh: connect to host " + host + " port 22: Connection timed out\n");
    const std::string denied = user + "@" + host + ": Permission denied (publickey,keyboard-interactive,password).\n";
    if (user != w_.hmc.user) return Err(255, denied);
    if (password_auth) {
      std::string password;
      if (!AskPass(&password) || PasswordDigest(user, password) != w_.hmc.password_sha256) return Err(255, denied);
    } else if (!identity.empty()) {
      std::string pub;
      if (!ReadFileToString(identity + ".pub", &pub).ok()) return Err(255, denied);
      while (!pub.empty() && (pub.back() == '\n' || pub.back() == '\r')) pub.pop_back();
      if (!Authorized(pub)) return Err(255, denied);
    }
    std::vector<std::string> words = SplitRemote(a[i + 1]);
    if (words.empty()) return Err(255, "the shim runs no interactive HMC shell\n");
    return Hmc(words);
  }

  ShimOutput Hmc(const std::vector<std::string>& w) {
    auto o = Options(w);
    const std::string& cmd = w[0];
    if (cmd == "lshmc" && o.count("-V") != 0) {
      return Out("\"version= Version: " + w_.hmc.version + "\n\",\"base_version=" + w_.hmc.version + "\n\"\n");
    }
    if (cmd == "mkauthkeys") return AddKey(w);
    if (cmd == "lssyscfg" && o["-r"] == "sys") {
      std::string tm, serial;
      TypeSerial(w_.managed_system.name, &tm, &serial);
      return Out("name=" + w_.managed_system.name + ",type_model=" + tm + ",serial_num=" + serial +
                 ",state=Operating\n");
    }
    if (o.count("-m") != 0 && o["-m"] != w_.managed_system.name) {
      return Err(1, "The managed system " + o["-m"] + " is not known to this HMC (the simulator's message)\n");
    }
    ShimOutput vios;
    if (RunViosHmc(w_, w, &vios) || RunProfileHmc(sim_, w_, w, &vios)) return vios;
    if (cmd == "lssyscfg" && o["-r"] == "lpar") return Lpars(o);
    if (cmd == "lshwres" && o["-r"] == "proc" && o["--level"] == "lpar") return ProcLpar();
    if (cmd == "lshwres" && o["-r"] == "mem" && o["--level"] == "lpar") return MemLpar();
    if (cmd == "lshwres" && o["--level"] == "sys" && (o["-r"] == "proc" || o["-r"] == "mem")) return Sys(o["-r"]);
    if (cmd == "chsyscfg" && o["-r"] == "lpar") return Rename(o["-i"]);
    if (cmd == "chsysstate" && o["-r"] == "lpar" && o["-o"] == "on") {
      // The surrogate's profile boots the copy of rootvg (the simulator's lvup_rootvg).
      std::string disk;
      for (const WorldDisk& d : w_.disks) {
        if (d.vg == "lvup_rootvg") disk = d.name;
      }
      return Change([&](int id) { return sim_->hmc().Activate(id, disk); }, o["--id"]);
    }
    if (cmd == "chsysstate" && o["-r"] == "lpar" && o["-o"] == "shutdown") {
      return Change([&](int id) { return sim_->hmc().Shutdown(id); }, o["--id"]);
    }
    if (cmd == "rmsyscfg" && o["-r"] == "lpar") {
      // The real HMC has no reservation: what a deleted partition held is
      // free again, not kept for another (mksyscfg reserved it: profile_shims.h).
      return Change(
          [&](int id) {
            Status s = sim_->hmc().DeleteLpar(id);
            return s.ok() ? sim_->hmc().Release() : s;
          },
          o["--id"]);
    }
    return Err(1, "The command " + cmd + " with these options is not one the simulator's HMC answers\n");
  }

  ShimOutput Lpars(std::map<std::string, std::string>& o) {
    int only = -1;
    if (o.count("--filter") != 0) {
      const std::string& f = o["--filter"];
      if (f.rfind("lpar_ids=", 0) != 0) return Err(1, "The shim filters by lpar_ids only\n");
      only = std::atoi(f.c_str() + 9);
    }
    std::string out;
    for (const WorldLpar& l : w_.lpars) {
      if (only >= 0 && l.id != only) continue;
      out += "name=" + l.name + ",lpar_id=" + std::to_string(l.id) + ",lpar_env=aixlinux,state=" + l.state +
             ",os_version=" + OsVersion(l.os_level) + ",curr_profile=normal,default_profile=normal,remote_restart_capable=" +
             (l.remote_restart ? "1" : "0") + "\n";
    }
    if (out.empty()) return Out("No results were found.\n");
    return Out(out);
  }

  ShimOutput ProcLpar() {
    std::string out;
    for (const WorldLpar& l : w_.lpars) {
      out += StrPrintf("lpar_name=%s,lpar_id=%d,curr_proc_mode=shared,curr_proc_units=%.2f,curr_procs=1\n",
                       l.name.c_str(), l.id, l.proc_units);
    }
    return Out(out);
  }

  ShimOutput MemLpar() {
    std::string out;
    for (const WorldLpar& l : w_.lpars) {
      out += StrPrintf("lpar_name=%s,lpar_id=%d,curr_mem=%d,mem_mode=%s\n", l.name.c_str(), l.id, l.mem_mb,
                       l.mem_mode.c_str());
    }
    return Out(out);
  }

  // The frame's free resources, as the simulator's HMC counts them.
  ShimOutput Sys(const std::string& r) {
    const ManagedSystem& m = w_.managed_system;
    double units = m.proc_units_total - m.reservation.proc_units;
    int mem = m.mem_mb_total - m.reservation.mem_mb;
    for (const WorldLpar& l : w_.lpars) {
      units -= l.proc_units;
      mem -= l.mem_mb;
    }
    if (r == "proc") {
      return Out(StrPrintf("configurable_sys_proc_units=%.2f,curr_avail_sys_proc_units=%.2f\n", m.proc_units_total,
                           RoundUnits(units)));
    }
    return Out(StrPrintf("configurable_sys_mem=%d,curr_avail_sys_mem=%d\n", m.mem_mb_total, mem));
  }

  ShimOutput Rename(const std::string& attrs) {
    std::string name, new_name;
    size_t start = 0;
    while (start <= attrs.size()) {
      size_t comma = attrs.find(',', start);
      std::string kv = attrs.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (kv.rfind("name=", 0) == 0) name = kv.substr(5);
      if (kv.rfind("new_name=", 0) == 0) new_name = kv.substr(9);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    for (const WorldLpar& l : w_.lpars) {
      if (l.name == name) {
        Status s = sim_->hmc().RenameLpar(l.id, new_name);
        return s.ok() ? Out("") : Err(1, s.message() + "\n");
      }
    }
    return Err(1, "No partition named " + name + " (the simulator's message)\n");
  }

  template <typename F>
  ShimOutput Change(F f, const std::string& id) {
    Status s = f(std::atoi(id.c_str()));
    return s.ok() ? Out("") : Err(1, s.message() + "\n");
  }

  std::string KeysFile() const { return home_ + "/sim/hmc_authorized_keys"; }

  bool Authorized(const std::string& pub) const {
    std::string keys;
    if (!ReadFileToString(KeysFile(), &keys).ok()) return false;
    size_t start = 0;
    while (start < keys.size()) {
      size_t end = keys.find('\n', start);
      if (end == std::string::npos) end = keys.size();
      if (keys.compare(start, end - start, pub) == 0) return true;
      start = end + 1;
    }
    return false;
  }

  // What $SSH_ASKPASS prints (ssh runs it for the password).
  static bool AskPass(std::string* password) {
    const char* prog = std::getenv("SSH_ASKPASS");
    if (prog == nullptr || *prog == '\0') return false;
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen(prog, "r"), pclose);
    if (p == nullptr) return false;
    std::array<char, 1100> buf{};
    if (fgets(buf.data(), static_cast<int>(buf.size()), p.get()) == nullptr) return false;
    *password = buf.data();
    while (!password->empty() && (password->back() == '\n' || password->back() == '\r')) password->pop_back();
    return true;
  }

  ShimOutput AddKey(const std::vector<std::string>& w) {
    if (w.size() != 3 || w[1] != "-a") return Err(1, "mkauthkeys: the shim answers mkauthkeys -a KEY only\n");
    if (Authorized(w[2])) return Out("");
    std::string keys;
    (void)ReadFileToString(KeysFile(), &keys);
    Status s = WriteFileAtomically(KeysFile(), keys + w[2] + "\n", 0600);
    return s.ok() ? Out("") : Err(1, "mkauthkeys: " + s.message() + "\n");
  }

  SimSystem* sim_;
  std::string home_;
  const World& w_;
  const std::string& input_;
};

}  // namespace

std::vector<std::string> ShimNames() {
  std::vector<std::string> names = {"uname", "lspv", "getconf", "lspath", "bootlist", "ssh"};
  for (const std::string& n : FactShimNames()) names.push_back(n);
  names.push_back("ps");
  names.push_back("genkex");
  for (const std::string& n : OsShimNames()) names.push_back(n);
  names.push_back("cp");
  names.push_back("chroot");
  for (const std::string& n : StandInShimNames()) names.push_back(n);
  return names;
}

bool ShimReadsInput(const std::string& name) { return name == "sim-workload-checkpoint"; }

Status RunShim(SimSystem* sim, const std::string& home, const std::vector<std::string>& argv, ShimOutput* out,
               const std::string& input) {
  if (argv.empty()) return Status::InvalidArgument("sim exec: no command");
  World w;
  LVU_RETURN_IF_ERROR(ParseWorld(sim->ShowJson(), "the simulated world", &w));
  // A fault armed for the step this command stands for (shim_faults.h).
  std::vector<std::string> hmc;
  if (argv[0] == "ssh" && argv.size() > 1) hmc = SplitRemote(argv.back());
  std::string step;
  FaultPoint::Phase phase = FaultPoint::Phase::kApply;
  const bool stands = StepOfCommand(w, argv, hmc, &step, &phase);
  const std::string where = step + (phase == FaultPoint::Phase::kCompensate ? " (compensate)" : "");
  bool found = false;
  Fault f;
  if (stands) LVU_RETURN_IF_ERROR(sim->TakeFault(step, phase, FaultPoint::When::kBefore, &found, &f));
  if (found && (f.kind == FaultKind::kFail || f.kind == FaultKind::kTransient)) {
    const bool transient = f.kind == FaultKind::kTransient;
    *out = {transient && argv[0] == "ssh" ? 255 : 1, "",
            std::string("injected ") + (transient ? "transient " : "") + "failure at " + where + "\n"};
    return Status::OK();
  }
  if (found && f.kind == FaultKind::kCrashBefore) {
    *out = {1, "", SignalOperation(SIGKILL, "crash-before at " + where) + "\n"};
    return Status::OK();
  }
  Shims shims(sim, home, w, input);
  *out = shims.Run(argv);
  if (stands && out->exit_code == 0) {
    LVU_RETURN_IF_ERROR(sim->TakeFault(step, phase, FaultPoint::When::kAfter, &found, &f));
    if (found && f.kind == FaultKind::kCrashAfter) out->err += SignalOperation(SIGKILL, "crash-after at " + where) + "\n";
    // `signal`: SIGINT to the operation while its step's command runs; it
    // finishes the step and stops before the next (as the operator's ^C).
    // A crash-recorded fault armed first stays armed: it never fires here.
    std::vector<Fault> armed;
    LVU_RETURN_IF_ERROR(LoadFaults(home, &armed));
    for (const Fault& a : armed) {
      if (a.step != step || a.phase != phase || a.times <= 0 || FaultFiresAt(a.kind) != FaultPoint::When::kRecorded) {
        continue;
      }
      if (a.kind == FaultKind::kSignal) {
        LVU_RETURN_IF_ERROR(sim->TakeFault(step, phase, FaultPoint::When::kRecorded, &found, &f));
        out->err += SignalOperation(SIGINT, "signal at " + where) + "\n";
      }
      break;
    }
  }
  return Status::OK();
}

Status WriteShims(const std::string& dir, const std::string& lvupdate, const std::string& home, int latency_ms,
                  int hmc_latency_ms) {
  LVU_RETURN_IF_ERROR(MakeDirs(dir));
  auto quote = [](const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  for (const std::string& name : ShimNames()) {
    const std::string path = dir + "/" + name;
    // cp and chroot act on the simulated clone only (/alt_inst); anything
    // else is the system's own command.
    std::string pass;
    if (name == "cp") pass = "case \"$#:$2\" in 2:/alt_inst/*) ;; *) exec env PATH=/usr/bin:/bin cp \"$@\" ;; esac\n";
    if (name == "chroot") {
      pass = "[ \"$1\" = /alt_inst ] || exec env PATH=/usr/sbin:/usr/bin:/sbin:/bin chroot \"$@\"\n";
    }
    const int ms = name == "ssh" ? hmc_latency_ms : latency_ms;
    const std::string sleep = ms > 0 ? StrPrintf("sleep %d.%03d\n", ms / 1000, ms % 1000) : "";
    LVU_RETURN_IF_ERROR(WriteFileAtomically(
        path, "#!/bin/sh\n# lvupdate sim shims: " + name + " acting on the simulated system of " + home + "\n" + pass + sleep +
                  "exec " + quote(lvupdate) + " --home " + quote(home) + " --speed max sim exec " + name + " \"$@\"\n",
        0755));
  }
  return Status::OK();
}

}  // namespace lvu::drivers::sim
