// The aix driver: see aix_system.h; docs/drivers.md says what each call runs.
#include "drivers/aix/aix_system.h"

#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <cstdlib>
#include <future>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <spdlog/spdlog.h>

#include "base/command_line.h"
#include "base/file.h"
#include "base/redact.h"
#include "drivers/aix/aix_facts.h"
#include "drivers/aix/aix_mappings.h"
#include "drivers/aix/prefetch.h"
#include "drivers/aix/surrogate_profile.h"
#include "drivers/aix/parse/bootlist.h"
#include "drivers/aix/parse/emgr.h"
#include "drivers/aix/parse/emgr_display.h"
#include "drivers/aix/parse/genkex.h"
#include "drivers/aix/parse/ps.h"
#include "drivers/aix/parse/getconf.h"
#include "drivers/aix/parse/hmc_lshwres.h"
#include "drivers/aix/parse/hmc_lssyscfg.h"
#include "drivers/aix/parse/hmc_message.h"
#include "drivers/aix/parse/lsmap.h"
#include "drivers/aix/parse/lspath.h"
#include "drivers/aix/parse/lspv.h"
#include "drivers/aix/parse/uname.h"

namespace lvu::drivers::aix {
namespace {

// The output a log keeps of a command: its head, then how much was left out.
std::string Excerpt(const std::string& t) {
  constexpr size_t kMax = 4096;
  if (t.size() <= kMax) return t;
  return t.substr(0, kMax) + "\n[" + std::to_string(t.size() - kMax) + " more bytes]";
}

Status NotRead(const std::string& what) {
  return Status::Failed("the aix driver does not read " + what + " yet (docs/drivers.md, \"Not yet\")");
}

// The value of a config key as a command, or Failed naming the key.
Status Configured(const std::vector<std::string>& argv, const char* key) {
  if (argv.empty()) {
    return Status::Failed(std::string(key) + " is not set in aix.conf: AIX exposes no public command for this " +
                          "(docs/drivers.md, \"What has no public interface\")");
  }
  return Status::OK();
}

}  // namespace

std::vector<std::string> SshArgv(const AixConfig& c, const std::string& control_dir,
                                 const std::vector<std::string>& words, const std::string& identity) {
  std::vector<std::string> argv = {"ssh",
                                   "-o", "BatchMode=yes",
                                   "-o", "ControlMaster=auto",
                                   "-o", "ControlPath=" + control_dir + "/%C",
                                   "-o", "ControlPersist=600",
                                   "-o", "ConnectTimeout=30"};
  if (!identity.empty()) {
    for (const char* w : {"-i", "", "-o", "IdentitiesOnly=yes"}) argv.push_back(*w ? w : identity);
  }
  argv.push_back(c.hmc_user + "@" + c.hmc);
  argv.push_back(CommandLine(words));
  return argv;
}

class AixSystem::NoFaults : public FaultPoint {
 public:
  Status Hit(const std::string&, Phase, When) override { return Status::OK(); }
};

// --- the HMC -------------------------------------------------------------------

class AixSystem::AixHmc : public Hmc {
 public:
  explicit AixHmc(AixSystem* s) : s_(s) {}

  // The HMC's partitions; for the one lvupdate runs on, also its bootlist
  // (bootlist -m normal -o) and boot disk: the rootvg disk (lspv) the
  // bootlist names first, else rootvg's first disk (bootinfo -b has no real
  // output to test a parser on); its disks and their paths (lspath); and,
  // running, it holds the workload (the guards of world_check.h refuse to
  // stop, delete or unmap it).
  Status ListLpars(std::vector<Lpar>* out) override {
    LVU_RETURN_IF_ERROR(HmcLpars(out));
    int id = 0;
    std::string name, text;
    LVU_RETURN_IF_ERROR(s_->os().CurrentLpar(&id, &name));
    // This partition's bootlist, disks and paths, at once.
    const bool listed = std::any_of(out->begin(), out->end(), [&](const Lpar& l) { return l.id == id; });
    const RunCommand aix = Prefetch(s_->AixRunner(), {{"bootlist", "-m", "normal", "-o"}, {"lspv"}, {"lspath"}},
                                    listed && s_->ConcurrentReads());
    for (Lpar& l : *out) {
      if (l.id != id) continue;
      LVU_RETURN_IF_ERROR(aix({"bootlist", "-m", "normal", "-o"}, &text));
      std::vector<BootDevice> boot;
      LVU_RETURN_IF_ERROR(ParseBootlist(text, &boot));
      for (const auto& b : boot) {
        if (l.bootlist.empty() || l.bootlist.back() != b.device) l.bootlist.push_back(b.device);
      }
      LVU_RETURN_IF_ERROR(aix({"lspv"}, &text));
      std::vector<PhysicalVolume> pvs;
      LVU_RETURN_IF_ERROR(ParseLspv(text, &pvs));
      std::vector<std::string> rootvg;
      for (const auto& pv : pvs) {
        if (pv.volume_group == "rootvg") rootvg.push_back(pv.name);
      }
      for (const auto& d : l.bootlist) {
        if (l.booted_from.empty() && std::find(rootvg.begin(), rootvg.end(), d) != rootvg.end()) l.booted_from = d;
      }
      if (l.booted_from.empty() && !rootvg.empty()) l.booted_from = rootvg[0];
      if (l.state == "Running" && s_->config_.workload_state_command.empty()) l.workload = "running";
      LVU_RETURN_IF_ERROR(aix({"lspath"}, &text));
      std::vector<PathEntry> paths;
      LVU_RETURN_IF_ERROR(ParseLspath(text, &paths));
      for (const auto& p : paths) {
        auto it = std::find_if(l.disks.begin(), l.disks.end(), [&](const LparDisk& d) { return d.name == p.name; });
        if (it == l.disks.end()) it = l.disks.insert(l.disks.end(), LparDisk{p.name, {}});
        it->paths.push_back({p.parent, PathStatusName(p.status)});
      }
    }
    return Status::OK();
  }

  // The HMC's partitions: lssyscfg and lshwres only.
  Status HmcLpars(std::vector<Lpar>* out) {
    out->clear();
    std::string ms, text;
    LVU_RETURN_IF_ERROR(s_->ManagedSystem(&ms));
    const std::vector<std::string> lssyscfg = {"lssyscfg", "-r", "lpar", "-m", ms},
                                   proc = {"lshwres", "-r", "proc", "--level", "lpar", "-m", ms},
                                   mem = {"lshwres", "-r", "mem", "--level", "lpar", "-m", ms};
    const RunCommand hmc = Prefetch(s_->HmcRunner(), {lssyscfg, proc, mem}, s_->ConcurrentReads());
    std::vector<HmcPartition> parts;
    LVU_RETURN_IF_ERROR(hmc(lssyscfg, &text));
    LVU_RETURN_IF_ERROR(ParseLssyscfgLpar(text, &parts));
    std::vector<PartitionProcessors> procs;
    LVU_RETURN_IF_ERROR(hmc(proc, &text));
    LVU_RETURN_IF_ERROR(ParseLshwresProcLpar(text, &procs));
    std::vector<PartitionMemory> mems;
    LVU_RETURN_IF_ERROR(hmc(mem, &text));
    LVU_RETURN_IF_ERROR(ParseLshwresMemLpar(text, &mems));
    for (const HmcPartition& p : parts) {
      Lpar l;
      l.id = static_cast<int>(p.lpar_id);
      l.name = p.name;
      l.state = p.state;
      l.os_level = OsLevelOf(p.os_version);
      if (l.state == "Running") LVU_RETURN_IF_ERROR(WorkloadState(l.id, &l.workload));
      for (const auto& pr : procs) {
        if (pr.lpar_id == p.lpar_id) l.proc_units = pr.curr_proc_units.value_or(pr.curr_procs.value_or(0));
      }
      for (const auto& m : mems) {
        if (m.lpar_id == p.lpar_id) l.mem_mb = static_cast<int>(m.curr_mem);
      }
      out->push_back(std::move(l));
    }
    return SettleClaim(*out);
  }

  // workload_state_command LPAR: "running", "frozen" or "none" (""); unset,
  // nothing is said here (ListLpars: the partition lvupdate runs on).
  Status WorkloadState(int id, std::string* out) {
    out->clear();
    const auto& cmd = s_->config_.workload_state_command;
    if (cmd.empty()) return Status::OK();
    std::vector<std::string> argv = cmd;
    argv.push_back(std::to_string(id));
    std::string text;
    LVU_RETURN_IF_ERROR(s_->RunAix(argv, &text));
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (text == "running" || text == "frozen") *out = text;
    else if (text != "none") {
      return Status::Failed("workload_state_command " + CommandLine(argv) + " printed '" + text.substr(0, 80) +
                            "', not running, frozen or none");
    }
    return Status::OK();
  }

  // The HMC has no reservation: lvupdate checks the frame's free resources
  // and keeps its claim in <home>/aix/reservation ("PROC_UNITS MEM_MB").
  // Creating the surrogate consumes it, as the surrogate now holds those
  // resources: the file names the surrogate ("PROC_UNITS MEM_MB NAME")
  // before mksyscfg runs and is removed after; while the HMC lists a
  // partition of that name, the claim is spent (a crash between mksyscfg
  // and the removal leaves no claim behind).
  // Every listing of the HMC's partitions (HmcLpars) settles it, so a step
  // that finds the surrogate made (its probe) leaves no claim either.
  Status GetReservation(Reservation* out) override {
    *out = Reservation{};
    std::string surrogate;
    LVU_RETURN_IF_ERROR(ReadClaim(out, &surrogate));
    if (!out->present || surrogate.empty()) return Status::OK();
    std::vector<Lpar> all;
    LVU_RETURN_IF_ERROR(HmcLpars(&all));
    return ReadClaim(out, &surrogate);
  }

  Status Reserve(double proc_units, int mem_mb) override {
    Reservation r;
    LVU_RETURN_IF_ERROR(GetReservation(&r));
    if (r.present) return Status::OK();
    std::string ms, text;
    LVU_RETURN_IF_ERROR(s_->ManagedSystem(&ms));
    std::vector<SystemProcessors> procs;
    LVU_RETURN_IF_ERROR(s_->RunHmc({"lshwres", "-r", "proc", "--level", "sys", "-m", ms}, &text));
    LVU_RETURN_IF_ERROR(ParseLshwresProcSys(text, &procs));
    std::vector<SystemMemory> mem;
    LVU_RETURN_IF_ERROR(s_->RunHmc({"lshwres", "-r", "mem", "--level", "sys", "-m", ms}, &text));
    LVU_RETURN_IF_ERROR(ParseLshwresMemSys(text, &mem));
    if (procs.empty() || mem.empty()) return Status::Failed("lshwres --level sys listed no resources of " + ms);
    if (procs[0].curr_avail_sys_proc_units < proc_units || mem[0].curr_avail_sys_mem < mem_mb) {
      return Status::Failed("the frame " + ms + " has " + std::to_string(procs[0].curr_avail_sys_proc_units) +
                            " processing units and " + std::to_string(mem[0].curr_avail_sys_mem) +
                            " MB free; the surrogate needs " + std::to_string(proc_units) + " and " +
                            std::to_string(mem_mb) + " MB");
    }
    char line[64];
    std::snprintf(line, sizeof line, "%.2f %d\n", proc_units, mem_mb);
    LVU_RETURN_IF_ERROR(MakeDirs(s_->home_ + "/aix"));
    return WriteFileAtomically(ReservationFile(), line);
  }

  Status Release() override {
    if (std::remove(ReservationFile().c_str()) != 0 && errno != ENOENT) {
      return Status::IOError(ReservationFile() + ": " + std::strerror(errno));
    }
    return Status::OK();
  }

  Status RenameLpar(int id, const std::string& new_name) override {
    Lpar l;
    LVU_RETURN_IF_ERROR(Find(id, &l));
    if (l.name == new_name) return Status::OK();
    std::string ms, text;
    LVU_RETURN_IF_ERROR(s_->ManagedSystem(&ms));
    // CHSYSCFG(1): the partition by its name, new_name its new one.
    return s_->RunHmc({"chsyscfg", "-r", "lpar", "-m", ms, "-i", "name=" + l.name + ",new_name=" + new_name}, &text);
  }

  // Reads first (a partition `new_id` named `name` is done; another name
  // is Failed); then mksyscfg with the profile of `like_id` (lssyscfg -r
  // prof: its first profile) and the reservation's resources
  // (SurrogateAttributes).
  Status CreateLpar(int new_id, int like_id, const std::string& name) override {
    std::vector<Lpar> all;
    LVU_RETURN_IF_ERROR(HmcLpars(&all));
    for (const Lpar& l : all) {
      if (l.id != new_id) continue;
      if (l.name == name) return Release();  // created: the claim is spent
      return Status::Failed("partition " + std::to_string(new_id) + " exists already, named " + l.name);
    }
    Reservation r;
    LVU_RETURN_IF_ERROR(GetReservation(&r));
    if (!r.present) return Status::Failed("no resources are reserved for the surrogate (" + ReservationFile() + ")");
    std::string ms, text;
    LVU_RETURN_IF_ERROR(s_->ManagedSystem(&ms));
    LVU_RETURN_IF_ERROR(
        s_->RunHmc({"lssyscfg", "-r", "prof", "-m", ms, "--filter", "lpar_ids=" + std::to_string(like_id)}, &text));
    std::vector<HmcProfile> profiles;
    LVU_RETURN_IF_ERROR(ParseLssyscfgProf(text, &profiles));
    if (profiles.empty()) return Status::Failed("the HMC lists no profile of partition " + std::to_string(like_id));
    std::string attrs;
    LVU_RETURN_IF_ERROR(SurrogateAttributes(profiles[0], name, new_id, r, &attrs));
    char claim[64];
    std::snprintf(claim, sizeof claim, "%.2f %d ", r.proc_units, r.mem_mb);
    LVU_RETURN_IF_ERROR(WriteFileAtomically(ReservationFile(), claim + name + "\n"));
    LVU_RETURN_IF_ERROR(s_->RunHmc({"mksyscfg", "-r", "lpar", "-m", ms, "-i", attrs}, &text));
    return Release();
  }

  Status DeleteLpar(int id) override {
    Lpar l;
    Status s = Find(id, &l);
    if (s.IsNotFound()) return Status::OK();
    LVU_RETURN_IF_ERROR(s);
    std::string ms, text;
    LVU_RETURN_IF_ERROR(s_->ManagedSystem(&ms));
    return s_->RunHmc({"rmsyscfg", "-r", "lpar", "-m", ms, "--id", std::to_string(id)}, &text);
  }

  Status Activate(int id, const std::string&) override {
    Lpar l;
    LVU_RETURN_IF_ERROR(Find(id, &l));
    if (l.state == "Running" || l.state == "Starting") return Status::OK();
    std::string ms, text;
    LVU_RETURN_IF_ERROR(s_->ManagedSystem(&ms));
    return s_->RunHmc({"chsysstate", "-r", "lpar", "-m", ms, "-o", "on", "--id", std::to_string(id), "-f", "lvupdate"},
                      &text);
  }

  Status Shutdown(int id) override {
    Lpar l;
    LVU_RETURN_IF_ERROR(Find(id, &l));
    if (l.state == "Not Activated") return Status::OK();
    std::string ms, text;
    LVU_RETURN_IF_ERROR(s_->ManagedSystem(&ms));
    return s_->RunHmc({"chsysstate", "-r", "lpar", "-m", ms, "-o", "shutdown", "--immed", "--id", std::to_string(id)},
                      &text);
  }

  // aix_facts.h; the frame's free resources less what lvupdate reserved.
  Status GetFacts(int id, HmcFacts* out) override {
    std::string ms;
    LVU_RETURN_IF_ERROR(s_->ManagedSystem(&ms));
    const std::string lpar = std::to_string(id);
    const RunCommand hmc = Prefetch(s_->HmcRunner(),
                                    {{"lshwres", "-r", "proc", "--level", "sys", "-m", ms},
                                     {"lshwres", "-r", "mem", "--level", "sys", "-m", ms},
                                     {"lssyscfg", "-r", "lpar", "-m", ms, "--filter", "lpar_ids=" + lpar},
                                     {"lshwres", "-r", "mem", "--level", "lpar", "-m", ms}},
                                    s_->ConcurrentReads());
    LVU_RETURN_IF_ERROR(ReadHmcFacts(hmc, ms, id, out));
    Reservation r;
    LVU_RETURN_IF_ERROR(GetReservation(&r));
    out->free_proc_units -= r.proc_units;
    out->free_mem_mb -= r.mem_mb;
    return Status::OK();
  }

  Status Login(const std::string& hmc, const std::string& user, const std::string& password,
               HmcSession* out) override {
    const std::string dir = s_->home_ + "/aix";
    const std::string key = s_->KeyPath();
    LVU_RETURN_IF_ERROR(MakeDirs(dir));
    std::string text;
    struct stat st{};
    if (::stat(key.c_str(), &st) != 0) {
      LVU_RETURN_IF_ERROR(s_->RunAix({"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "lvupdate", "-f", key}, &text));
    }
    std::string pub;
    LVU_RETURN_IF_ERROR(ReadFileToString(key + ".pub", &pub));
    while (!pub.empty() && (pub.back() == '\n' || pub.back() == '\r')) pub.pop_back();
    // The askpass program prints the password it finds in its environment.
    const std::string askpass = dir + "/askpass";
    LVU_RETURN_IF_ERROR(WriteFileAtomically(askpass, "#!/bin/sh\nprintf '%s\\n' \"$LVU_HMC_PASSWORD\"\n", 0700));
    Command c;
    c.argv = {"ssh", "-o", "BatchMode=no", "-o", "StrictHostKeyChecking=accept-new", "-o", "PubkeyAuthentication=no",
              "-o", "PreferredAuthentications=keyboard-interactive,password", "-o", "NumberOfPasswordPrompts=1",
              "-o", "ConnectTimeout=30", user + "@" + hmc, CommandLine({"mkauthkeys", "-a", pub})};
    c.env = {"SSH_ASKPASS=" + askpass, "SSH_ASKPASS_REQUIRE=force", "DISPLAY=lvupdate", "LVU_HMC_PASSWORD=" + password};
    c.timeout_ms = s_->config_.hmc_timeout_s * 1000;
    CommandResult r;
    Status run = s_->runner_->Run(c, &r);
    std::fill(c.env.back().begin(), c.env.back().end(), '\0');
    LVU_RETURN_IF_ERROR(run);
    if (r.exit_code == 255) return Status::Failed("ssh " + user + "@" + hmc + ": " + aix::Describe(c, r));
    if (r.exit_code != 0) return Status::Failed(aix::Describe(c, r));
    // The key alone must now be enough.
    s_->config_.hmc = hmc;
    s_->config_.hmc_user = user;
    LVU_RETURN_IF_ERROR(s_->RunHmc({"lshmc", "-V"}, &text).WithContext("the installed key was not accepted"));
    LVU_RETURN_IF_ERROR(s_->RecordHmc(hmc, user));
    *out = HmcSession{};
    out->hmc = hmc;
    out->address = hmc;
    out->user = user;
    out->port = 22;
    out->token = "ssh key " + key;  // no secret: the key file stays on this partition
    out->expires_s = s_->ClockSeconds() + 10LL * 365 * 24 * 3600;
    return Status::OK();
  }

  Status CheckSession(const HmcSession&) override {
    std::string text;
    return s_->RunHmc({"lshmc", "-V"}, &text);
  }

 private:
  std::string ReservationFile() const { return s_->home_ + "/aix/reservation"; }

  // Removes the claim when `all` (the HMC's partitions) has the surrogate
  // it is being spent on (GetReservation).
  Status SettleClaim(const std::vector<Lpar>& all) {
    Reservation r;
    std::string surrogate;
    LVU_RETURN_IF_ERROR(ReadClaim(&r, &surrogate));
    if (surrogate.empty()) return Status::OK();
    for (const Lpar& l : all) {
      if (l.name == surrogate) return Release();
    }
    return Status::OK();
  }

  // The claim as the file holds it, and the surrogate it is being spent on.
  Status ReadClaim(Reservation* out, std::string* surrogate) {
    *out = Reservation{};
    surrogate->clear();
    std::string text;
    Status s = ReadFileToString(ReservationFile(), &text);
    if (s.IsNotFound()) return Status::OK();
    LVU_RETURN_IF_ERROR(s);
    char name[256] = "";
    const int n = std::sscanf(text.c_str(), "%lf %d %255s", &out->proc_units, &out->mem_mb, name);
    if (n < 2) return Status::Corruption(ReservationFile() + ": not \"PROC_UNITS MEM_MB [SURROGATE]\"");
    *surrogate = name;
    out->present = true;
    return Status::OK();
  }

  Status Find(int id, Lpar* out) {
    std::vector<Lpar> all;
    LVU_RETURN_IF_ERROR(HmcLpars(&all));
    for (const Lpar& l : all) {
      if (l.id == id) {
        *out = l;
        return Status::OK();
      }
    }
    return Status::NotFound("the HMC lists no partition " + std::to_string(id));
  }

  AixSystem* s_;
};

// --- the VIOS -----------------------------------------------------------------

class AixSystem::AixVios : public Vios {
 public:
  explicit AixVios(AixSystem* s) : s_(s) {}

  // aix_mappings.h.
  Status ListMappings(std::vector<drivers::VhostMapping>* out) override {
    std::string ms, name;
    int id = 0;
    // uname -L while the managed system is found (at most once: it waits).
    std::future<Status> current =
        std::async(s_->ConcurrentReads() ? std::launch::async : std::launch::deferred,
                   [&] { return s_->os().CurrentLpar(&id, &name); });
    Status found = s_->ManagedSystem(&ms);
    Status here = current.get();
    LVU_RETURN_IF_ERROR(found);
    LVU_RETURN_IF_ERROR(here);
    return ReadMappings(s_->AixRunner(), s_->HmcRunner(), ms, id, out, s_->ConcurrentReads());
  }

  // Nothing when the mappings show `vhost` serving `client_id`; else
  // vhost_client_command VIOS VHOST CLIENT_ID, and the mappings read again
  // must show it (the HMC has no documented command that re-points a
  // virtual SCSI server adapter and keeps its virtual target devices:
  // docs/drivers.md).
  Status SetClient(const std::string& vios, const std::string& vhost, int client_id) override {
    drivers::VhostMapping m;
    LVU_RETURN_IF_ERROR(Mapping(vios, vhost, &m));
    if (m.client_id == client_id) return Status::OK();
    LVU_RETURN_IF_ERROR(Configured(s_->config_.vhost_client_command, "vhost_client_command"));
    std::vector<std::string> argv = s_->config_.vhost_client_command;
    for (const std::string& a : {vios, vhost, std::to_string(client_id)}) argv.push_back(a);
    std::string text;
    LVU_RETURN_IF_ERROR(s_->RunAix(argv, &text));
    LVU_RETURN_IF_ERROR(Mapping(vios, vhost, &m));
    if (m.client_id != client_id) {
      return Status::Failed("`" + CommandLine(argv) + "` exited 0, but lshwres and lsmap show " + vios + " " + vhost +
                            " serving partition " + std::to_string(m.client_id) + ", not " +
                            std::to_string(client_id));
    }
    return Status::OK();
  }

 private:
  Status Mapping(const std::string& vios, const std::string& vhost, drivers::VhostMapping* out) {
    std::vector<drivers::VhostMapping> all;
    LVU_RETURN_IF_ERROR(ListMappings(&all));
    for (const auto& m : all) {
      if (m.vios == vios && m.vhost == vhost) {
        *out = m;
        return Status::OK();
      }
    }
    return Status::Failed("lsmap -all on " + vios + " lists no " + vhost);
  }

  AixSystem* s_;
};

// --- this partition's AIX -------------------------------------------------------

class AixSystem::AixOs : public PartitionOs {
 public:
  explicit AixOs(AixSystem* s) : s_(s) {}

  Status CurrentLpar(int* id, std::string* name) override {
    std::string text;
    LVU_RETURN_IF_ERROR(s_->RunAix({"uname", "-L"}, &text));
    PartitionId p;
    LVU_RETURN_IF_ERROR(ParseUnameL(text, &p));
    *id = static_cast<int>(p.id);
    *name = p.name;
    return Status::OK();
  }

  Status ListDisks(std::vector<Disk>* out) override {
    out->clear();
    std::string text;
    LVU_RETURN_IF_ERROR(s_->RunAix({"lspv"}, &text));
    std::vector<PhysicalVolume> pvs;
    LVU_RETURN_IF_ERROR(ParseLspv(text, &pvs));
    std::vector<std::vector<std::string>> sizes;
    for (const PhysicalVolume& pv : pvs) sizes.push_back({"getconf", "DISK_SIZE", "/dev/" + pv.name});
    const RunCommand aix = Prefetch(s_->AixRunner(), sizes, s_->ConcurrentReads());  // every disk at once
    for (const PhysicalVolume& pv : pvs) {
      Disk d;
      d.name = pv.name;
      d.pvid = pv.pvid;
      d.vg = pv.volume_group.empty() ? "None" : pv.volume_group;
      LVU_RETURN_IF_ERROR(aix({"getconf", "DISK_SIZE", "/dev/" + pv.name}, &text));
      uint64_t mb = 0;
      LVU_RETURN_IF_ERROR(ParseGetconfDiskSize(text, &mb));
      d.size_mb = static_cast<int>(mb);
      d.has_image = d.vg == "rootvg" || d.vg == "altinst_rootvg" || d.vg == "lvup_rootvg";
      out->push_back(std::move(d));
    }
    return Status::OK();
  }

  Status RemovePaths(int lpar, const std::string& adapter) override {
    LVU_RETURN_IF_ERROR(Here(lpar));
    std::vector<PathEntry> paths;
    LVU_RETURN_IF_ERROR(Paths(adapter, &paths));
    if (paths.empty()) return Status::OK();
    std::string text;
    return s_->RunAix({"rmpath", "-d", "-p", adapter}, &text);
  }

  Status ConfigurePaths(int lpar, const std::string& adapter) override {
    LVU_RETURN_IF_ERROR(Here(lpar));
    std::string text;
    return s_->RunAix({"cfgmgr", "-l", adapter}, &text);
  }

  Status AltDiskCopy(int lpar, const std::string& disk) override {
    LVU_RETURN_IF_ERROR(Here(lpar));
    Disk d;
    LVU_RETURN_IF_ERROR(DiskNamed(disk, &d));
    if (d.vg == "lvup_rootvg") return Status::OK();
    std::string text;
    if (d.vg != "altinst_rootvg") {
      if (d.vg != "None") return Status::Failed(disk + " belongs to volume group " + d.vg + ": not a free disk");
      LVU_RETURN_IF_ERROR(s_->RunAix({"alt_disk_copy", "-B", "-d", disk}, &text));
    }
    return s_->RunAix({"alt_rootvg_op", "-v", "lvup_rootvg", "-d", disk}, &text);
  }

  Status RemoveAltDisk(int lpar, const std::string& disk) override {
    LVU_RETURN_IF_ERROR(Here(lpar));
    Disk d;
    LVU_RETURN_IF_ERROR(DiskNamed(disk, &d));
    if (d.vg != "lvup_rootvg" && d.vg != "altinst_rootvg") return Status::OK();
    std::string text;
    return s_->RunAix({"alt_rootvg_op", "-X", d.vg}, &text);
  }

  // In the woken clone (alt_rootvg_op -W, unless lspv shows it active):
  // chroot /alt_inst emgr -l first; the package copied to /alt_inst/tmp and
  // installed with INUCLIENTS=1 (its scripts leave the running system
  // alone); emgr -l again must list it. The clone is put back to sleep
  // (alt_rootvg_op -S) whatever happened.
  Status ApplyFixToAltDisk(int lpar, const std::string& disk, const Fix& fix) override {
    return InWokenClone(lpar, disk, [&](bool has) -> Status {
      if (has) return Status::OK();
      std::string text;
      const size_t slash = fix.file.rfind('/');
      const std::string inside = "/tmp/" + (slash == std::string::npos ? fix.file : fix.file.substr(slash + 1));
      LVU_RETURN_IF_ERROR(s_->RunAix({"cp", fix.file, "/alt_inst" + inside}, &text));
      return s_->RunAix({"chroot", "/alt_inst", "/usr/sbin/emgr", "-e", inside}, {"INUCLIENTS=1"}, &text);
    }, fix.label, true);
  }
  Status RemoveFixFromAltDisk(int lpar, const std::string& disk, const std::string& label) override {
    return InWokenClone(lpar, disk, [&](bool has) -> Status {
      if (!has) return Status::OK();
      std::string text;
      return s_->RunAix({"chroot", "/alt_inst", "/usr/sbin/emgr", "-r", "-L", label}, {"INUCLIENTS=1"}, &text);
    }, label, false);
  }

  Status MirrorRootvg(int lpar, const std::string& disk) override {
    LVU_RETURN_IF_ERROR(Here(lpar));
    Disk d;
    LVU_RETURN_IF_ERROR(DiskNamed(disk, &d));
    std::string text;
    if (d.vg == "None") LVU_RETURN_IF_ERROR(s_->RunAix({"extendvg", "rootvg", disk}, &text));
    else if (d.vg != "rootvg") return Status::Failed(disk + " belongs to volume group " + d.vg + ": not a free disk");
    return s_->RunAix({"mirrorvg", "-S", "rootvg", disk}, &text);
  }

  Status UnmirrorRootvg(int lpar, const std::string& disk) override {
    LVU_RETURN_IF_ERROR(Here(lpar));
    Disk d;
    LVU_RETURN_IF_ERROR(DiskNamed(disk, &d));
    if (d.vg != "rootvg") return Status::OK();
    std::string text;
    LVU_RETURN_IF_ERROR(s_->RunAix({"unmirrorvg", "rootvg", disk}, &text));
    return s_->RunAix({"reducevg", "rootvg", disk}, &text);
  }

  // The classification goes to the command's standard input, a line
  // "PID CLASS" per process.
  Status FreezeWorkload(int lpar, const std::vector<ProcessClass>& classes) override {
    LVU_RETURN_IF_ERROR(Configured(s_->config_.workload_checkpoint_command, "workload_checkpoint_command"));
    std::string input;
    for (const auto& c : classes) input += std::to_string(c.pid) + " " + c.cls + "\n";
    std::vector<std::string> argv = s_->config_.workload_checkpoint_command;
    argv.push_back(std::to_string(lpar));
    std::string text;
    return s_->RunAix(argv, {}, &text, input);
  }
  Status ThawWorkload(int lpar) override {
    LVU_RETURN_IF_ERROR(Configured(s_->config_.workload_thaw_command, "workload_thaw_command"));
    return RunConfigured(s_->config_.workload_thaw_command, {std::to_string(lpar)});
  }
  Status RestartWorkload(int from, int to, const std::string& mirror_disk) override {
    LVU_RETURN_IF_ERROR(Configured(s_->config_.workload_restart_command, "workload_restart_command"));
    return RunConfigured(s_->config_.workload_restart_command, {std::to_string(from), std::to_string(to), mirror_disk});
  }

  Status SetBootlist(int lpar, const std::vector<std::string>& disks) override {
    LVU_RETURN_IF_ERROR(Here(lpar));
    std::string text;
    LVU_RETURN_IF_ERROR(s_->RunAix({"bootlist", "-m", "normal", "-o"}, &text));
    std::vector<BootDevice> now;
    LVU_RETURN_IF_ERROR(ParseBootlist(text, &now));
    std::vector<std::string> names;
    for (const auto& b : now) {
      if (names.empty() || names.back() != b.device) names.push_back(b.device);  // one line per path
    }
    if (names == disks) return Status::OK();
    std::vector<std::string> argv = {"bootlist", "-m", "normal"};
    argv.insert(argv.end(), disks.begin(), disks.end());
    return s_->RunAix(argv, &text);
  }

  Status Reboot(int lpar) override {
    LVU_RETURN_IF_ERROR(Here(lpar));
    std::string text;
    return s_->RunAix({"shutdown", "-Fr"}, &text);
  }

  Status ErrlogAdd(int lpar, const std::string& label, const std::string& text) override {
    LVU_RETURN_IF_ERROR(Here(lpar));
    std::string out;
    // errlogger posts an operator message (OPMSG); IBM's own LVUPDATE labels
    // are not for third parties, so the label leads the text.
    return s_->RunAix({"errlogger", label + ": " + text}, &out);
  }

  // emgr -d -e PATH -v3: LABEL, LU CAPABLE and REBOOT REQUIRED must be
  // printed (a package without them is Failed, never assumed).
  Status ReadFix(const std::string& path, Fix* out) override {
    std::string text;
    LVU_RETURN_IF_ERROR(s_->RunAix({"emgr", "-d", "-e", path, "-v3"}, &text));
    FixDisplay d;
    LVU_RETURN_IF_ERROR(ParseEmgrDisplay(text, &d));
    std::string missing;
    if (d.label.empty()) missing += " LABEL";
    if (!d.lu_capable) missing += " \"LU CAPABLE\"";
    if (!d.reboot_required) missing += " \"REBOOT REQUIRED\"";
    if (!missing.empty()) return Status::Failed("emgr -d -e " + path + " -v3 printed no" + missing);
    *out = Fix{};
    out->file = path;
    out->label = d.label;
    out->abstract = d.abstract;
    out->lu_capable = *d.lu_capable;
    out->reboot_required = *d.reboot_required;
    return Status::OK();
  }
  // aix_facts.h: what it reads, and what it lists unread.
  Status GetFacts(int lpar, OsFacts* out) override {
    LVU_RETURN_IF_ERROR(Here(lpar));
    const RunCommand aix = Prefetch(s_->AixRunner(),
                                    {{"lsvg", "rootvg"}, {"lsvg", "-l", "rootvg"}, {"lsps", "-a"}, {"df", "-m"},
                                     {"lsdev", "-C"}, {"emgr", "-l"}},
                                    s_->ConcurrentReads());
    return ReadOsFacts(aix, out);
  }
  // ps -ef and genkex -d: the processes (pid, ppid, tty, command) and the
  // loaded kernel extensions. Their resources (procfiles, ipcs, netstat)
  // and whether an extension was loaded Live Update safe are unread.
  Status ListProcesses(int lpar, ProcessTable* out) override {
    LVU_RETURN_IF_ERROR(Here(lpar));
    std::string text;
    const RunCommand aix = Prefetch(s_->AixRunner(), {{"ps", "-ef"}, {"genkex", "-d"}}, s_->ConcurrentReads());
    LVU_RETURN_IF_ERROR(aix({"ps", "-ef"}, &text));
    std::vector<aix::Process> ps;
    LVU_RETURN_IF_ERROR(ParsePsEf(text, &ps));
    LVU_RETURN_IF_ERROR(aix({"genkex", "-d"}, &text));
    KernelExtensions kexts;
    LVU_RETURN_IF_ERROR(ParseGenkex(text, &kexts));
    *out = ProcessTable{};
    for (const auto& p : ps) {
      drivers::Process q;
      q.pid = static_cast<int>(p.pid);
      q.ppid = static_cast<int>(p.ppid);
      q.tty = p.tty;
      q.command = p.cmd;
      q.state = "running";
      out->procs.push_back(std::move(q));
    }
    std::sort(out->procs.begin(), out->procs.end(), [](const auto& a, const auto& b) { return a.pid < b.pid; });
    for (const auto& k : kexts.extensions) out->kexts.push_back({k.file, false, ""});
    out->unread = {"procfiles", "kext_safety"};
    return Status::OK();
  }
  // Telling the partition a live update is in progress is geninstall's
  // own: the configured command, with "on" or "off" and the partition's id.
  Status SetLiveUpdate(int lpar, bool on) override {
    LVU_RETURN_IF_ERROR(Configured(s_->config_.live_update_state_command, "live_update_state_command"));
    return RunConfigured(s_->config_.live_update_state_command, {on ? "on" : "off", std::to_string(lpar)});
  }
  Status StartInittab(int, const std::vector<InittabEntry>&) override {
    return NotRead("the inittab entries of the surrogate");
  }
  Status LoadKernelExtension(int lpar, const std::string&, const std::string& command) override {
    LVU_RETURN_IF_ERROR(Here(lpar));
    std::vector<std::string> argv;
    LVU_RETURN_IF_ERROR(SplitCommandLine(command, &argv));
    if (argv.empty()) return Status::InvalidArgument("an empty kernel extension command");
    std::string text;
    return s_->RunAix(argv, &text);
  }

 private:
  // Commands run on the partition lvupdate runs on.
  Status Here(int lpar) {
    int id = 0;
    std::string name;
    LVU_RETURN_IF_ERROR(CurrentLpar(&id, &name));
    if (id != lpar) {
      return Status::Failed("the aix driver runs AIX commands on the partition it runs on (" + std::to_string(id) +
                            " " + name + "), not on partition " + std::to_string(lpar));
    }
    return Status::OK();
  }

  Status DiskNamed(const std::string& disk, Disk* out) {
    std::vector<Disk> disks;
    LVU_RETURN_IF_ERROR(ListDisks(&disks));
    for (const Disk& d : disks) {
      if (d.name == disk) {
        *out = d;
        return Status::OK();
      }
    }
    return Status::Failed("lspv lists no disk " + disk);
  }

  Status Paths(const std::string& adapter, std::vector<PathEntry>* out) {
    std::string text;
    LVU_RETURN_IF_ERROR(s_->RunAix({"lspath", "-p", adapter}, &text));
    return ParseLspath(text, out);
  }

  // Wakes the clone on `disk` (lvup_rootvg) unless lspv shows it active,
  // runs `change` with whether emgr -l in it lists `label`, checks that it
  // then lists it (`want` true) or not, and puts the clone back to sleep.
  template <typename F>
  Status InWokenClone(int lpar, const std::string& disk, F change, const std::string& label, bool want) {
    LVU_RETURN_IF_ERROR(Here(lpar));
    std::string text;
    LVU_RETURN_IF_ERROR(s_->RunAix({"lspv"}, &text));
    std::vector<PhysicalVolume> pvs;
    LVU_RETURN_IF_ERROR(ParseLspv(text, &pvs));
    const PhysicalVolume* pv = nullptr;
    for (const auto& p : pvs) {
      if (p.name == disk) pv = &p;
    }
    if (pv == nullptr) return Status::Failed("lspv lists no disk " + disk);
    if (pv->volume_group != "lvup_rootvg") {
      return Status::Failed(disk + " holds no copy of rootvg (volume group " +
                            (pv->volume_group.empty() ? "None" : pv->volume_group) + ")");
    }
    if (pv->state != "active") LVU_RETURN_IF_ERROR(s_->RunAix({"alt_rootvg_op", "-W", "-d", disk}, &text));
    Status s = [&]() -> Status {
      bool has = false;
      LVU_RETURN_IF_ERROR(CloneHas(label, &has));
      LVU_RETURN_IF_ERROR(change(has));
      LVU_RETURN_IF_ERROR(CloneHas(label, &has));
      if (has != want) {
        return Status::Failed("emgr -l in the clone on " + disk + (want ? " does not list " : " still lists ") + label +
                              " after emgr said it was done");
      }
      return Status::OK();
    }();
    Status sleep = s_->RunAix({"alt_rootvg_op", "-S"}, &text);
    LVU_RETURN_IF_ERROR(s);
    return sleep;
  }

  Status CloneHas(const std::string& label, bool* has) {
    std::string text;
    LVU_RETURN_IF_ERROR(s_->RunAix({"chroot", "/alt_inst", "/usr/sbin/emgr", "-l"}, &text));
    std::vector<InterimFix> fixes;
    LVU_RETURN_IF_ERROR(ParseEmgrList(text, &fixes));
    *has = std::any_of(fixes.begin(), fixes.end(), [&](const InterimFix& f) { return f.label == label; });
    return Status::OK();
  }

  Status RunConfigured(std::vector<std::string> argv, const std::vector<std::string>& args) {
    argv.insert(argv.end(), args.begin(), args.end());
    std::string text;
    return s_->RunAix(argv, &text);
  }

  AixSystem* s_;
};

// --- the system -----------------------------------------------------------------

AixSystem::AixSystem(const std::string& home, AixConfig config, CommandRunner* runner)
    : home_(home), config_(std::move(config)) {
  runner_ = std::make_unique<ObservedRunner>(runner, [this](const Command& c, const CommandResult& r, const Status& s) {
    const std::string line = CommandLine(c.argv);
    {
      std::lock_guard<std::mutex> lock(mu_);
      lines_.push_back(line);
    }
    if (!s.ok()) {
      spdlog::warn("aix: $ {}: {}", line, s.ToString());
      return;
    }
    spdlog::info("aix: $ {} -> exit {}{} in {} ms", line, r.exit_code,
                 r.signal != 0 ? " signal " + std::to_string(r.signal) : "", r.elapsed_ms);
    // Outputs can carry secrets (a key=value an HMC echoes): scrubbed by value.
    SecretSet secrets;
    CollectKeyValueSecrets(r.out, &secrets);
    CollectKeyValueSecrets(r.err, &secrets);
    size_t n = 0;
    if (!r.out.empty()) spdlog::info("aix: stdout:\n{}", Scrub(Excerpt(r.out), secrets, &n));
    if (!r.err.empty()) spdlog::info("aix: stderr:\n{}", Scrub(Excerpt(r.err), secrets, &n));
  });
  hmc_ = std::make_unique<AixHmc>(this);
  vios_ = std::make_unique<AixVios>(this);
  os_ = std::make_unique<AixOs>(this);
  faults_ = std::make_unique<NoFaults>();
}

AixSystem::~AixSystem() = default;

Status AixSystem::Open(const std::string& home, std::unique_ptr<System>* out) {
  AixConfig c;
  LVU_RETURN_IF_ERROR(LoadAixConfig(home, &c));
  static ProcessRunner process_runner;  // stateless
  *out = std::make_unique<AixSystem>(home, std::move(c), &process_runner);
  return Status::OK();
}

Hmc& AixSystem::hmc() { return *hmc_; }
Vios& AixSystem::vios() { return *vios_; }
PartitionOs& AixSystem::os() { return *os_; }
FaultPoint& AixSystem::faults() { return *faults_; }

int64_t AixSystem::ClockSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  return ts.tv_sec;
}

void AixSystem::Describe(std::vector<Described>* files, std::vector<std::string>* notes) {
  files->clear();
  notes->clear();
  std::string text;
  if (ReadFileToString(home_ + "/" + kAixConfigFile, &text).ok()) {
    files->push_back({"system/aix.conf", text});
  } else {
    notes->push_back("no " + home_ + "/" + kAixConfigFile + ": the aix driver's defaults");
  }
}

std::string AixSystem::KeyPath() const { return home_ + "/aix/id_ed25519"; }

Status AixSystem::RecordHmc(const std::string& hmc, const std::string& user) {
  const std::string path = home_ + "/" + kAixConfigFile;
  std::string text;
  Status s = ReadFileToString(path, &text);
  if (!s.ok() && !s.IsNotFound()) return s;
  AixConfig on_disk;
  LVU_RETURN_IF_ERROR(ParseAixConfig(text, path, &on_disk));
  bool has_user = text.find("hmc_user") != std::string::npos;
  if (!on_disk.hmc.empty() && has_user) return Status::OK();
  if (!text.empty() && text.back() != '\n') text += "\n";
  text += "# written by lvupdate hmcauth\n";
  if (on_disk.hmc.empty()) text += "hmc = " + hmc + "\n";
  if (!has_user) text += "hmc_user = " + user + "\n";
  return WriteFileAtomically(path, text, 0600);
}

System::RequiredSettings AixSystem::MissingSettings() {
  RequiredSettings r;
  r.applies = true;
  r.checked_by_hand = config_.checked_by_hand;
  const std::string file = home_ + "/" + kAixConfigFile;
  if (config_.hmc.empty()) r.missing.push_back("hmc is not set in " + file + " (the HMC this partition's ssh key reaches)");
  const std::pair<const std::vector<std::string>*, const char*> commands[] = {
      {&config_.workload_checkpoint_command, "workload_checkpoint_command"},
      {&config_.workload_restart_command, "workload_restart_command"},
      {&config_.workload_thaw_command, "workload_thaw_command"},
      {&config_.workload_state_command, "workload_state_command"},
      {&config_.live_update_state_command, "live_update_state_command"},
      {&config_.vhost_client_command, "vhost_client_command"}};
  for (const auto& [argv, key] : commands) {
    if (argv->empty()) {
      r.missing.push_back(std::string(key) + " is not set in " + file +
                          " (AIX exposes no public command for it: docs/drivers.md)");
    }
  }
  return r;
}

std::vector<std::string> AixSystem::TakeCommandLines() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> out;
  out.swap(lines_);
  return out;
}

bool AixSystem::ConcurrentReads() const {
  const char* serial = std::getenv("LVUPDATE_SERIAL_READS");
  return serial == nullptr || std::string(serial) != "1";
}

Status AixSystem::RunAix(const std::vector<std::string>& argv, std::string* out) { return RunAix(argv, {}, out); }

Status AixSystem::RunAix(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                         std::string* out, const std::string& input) {
  Command c;
  c.argv = argv;
  c.env = env;
  c.input = input;
  c.timeout_ms = config_.command_timeout_s * 1000;
  CommandResult r;
  LVU_RETURN_IF_ERROR(runner_->Run(c, &r));
  if (r.exit_code != 0) return Status::Failed(aix::Describe(c, r));
  *out = std::move(r.out);
  return Status::OK();
}

Status AixSystem::RunHmc(const std::vector<std::string>& words, std::string* out, bool* no_results) {
  if (config_.hmc.empty()) {
    return Status::Failed("no HMC: set hmc (and hmc_user) in " + home_ + "/" + kAixConfigFile);
  }
  const std::string dir = home_ + "/aix";
  LVU_RETURN_IF_ERROR(MakeDirs(dir));
  Command c;
  struct stat st{};
  c.argv = SshArgv(config_, dir, words, ::stat(KeyPath().c_str(), &st) == 0 ? KeyPath() : "");
  c.timeout_ms = config_.hmc_timeout_s * 1000;
  CommandResult r;
  LVU_RETURN_IF_ERROR(runner_->Run(c, &r));
  const std::string command = CommandLine(words);
  if (r.exit_code == 255) {
    return Status::Transient("ssh " + config_.hmc_user + "@" + config_.hmc + " failed: " + aix::Describe(c, r));
  }
  bool none = false;
  Status s = CheckHmcMessage(command, r.out.empty() ? r.err : r.out, &none);
  if (!s.ok()) return s;
  if (r.exit_code != 0 && !none) return Status::Failed(aix::Describe(c, r));
  if (no_results != nullptr) *no_results = none;
  *out = none ? "" : std::move(r.out);
  return Status::OK();
}

RunCommand AixSystem::AixRunner() {
  return [this](const std::vector<std::string>& argv, std::string* text) { return RunAix(argv, text); };
}

RunCommand AixSystem::HmcRunner() {
  return [this](const std::vector<std::string>& words, std::string* text) { return RunHmc(words, text); };
}

Status AixSystem::ManagedSystem(std::string* out) {
  if (!config_.managed_system.empty()) {
    *out = config_.managed_system;
    return Status::OK();
  }
  // Concurrent readers wait for the first one to find it, not ask again.
  std::lock_guard<std::mutex> lock(ms_mu_);
  if (!managed_system_.empty()) {
    *out = managed_system_;
    return Status::OK();
  }
  int id = 0;
  std::string name;
  LVU_RETURN_IF_ERROR(os_->CurrentLpar(&id, &name));
  std::string text;
  LVU_RETURN_IF_ERROR(RunHmc({"lssyscfg", "-r", "sys"}, &text));
  std::vector<drivers::aix::ManagedSystem> systems;
  LVU_RETURN_IF_ERROR(ParseLssyscfgSys(text, &systems));
  std::vector<std::string> holding;
  for (const auto& sys : systems) {
    bool none = false;
    if (!RunHmc({"lssyscfg", "-r", "lpar", "-m", sys.name, "--filter", "lpar_ids=" + std::to_string(id)}, &text, &none)
             .ok() ||
        none) {
      continue;
    }
    std::vector<HmcPartition> parts;
    if (!ParseLssyscfgLpar(text, &parts).ok()) continue;
    for (const auto& p : parts) {
      if (p.lpar_id == id && p.name == name) holding.push_back(sys.name);
    }
  }
  if (holding.size() != 1) {
    return Status::Failed("the HMC " + config_.hmc + " has " + std::to_string(holding.size()) +
                          " managed systems with partition " + std::to_string(id) + " " + name +
                          ": name the right one in aix.conf (managed_system = ...)");
  }
  managed_system_ = holding[0];
  *out = managed_system_;
  return Status::OK();
}

}  // namespace lvu::drivers::aix
