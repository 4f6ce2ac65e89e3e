#include "drivers/sim/lab_processes.h"

#include <string>

namespace lvu::drivers::sim {
namespace {

Process Proc(int pid, int ppid, std::string command, int mem_mb, std::vector<int> tids) {
  Process p;
  p.pid = pid;
  p.ppid = ppid;
  p.command = std::move(command);
  p.mem_mb = mem_mb;
  p.tids = std::move(tids);
  p.tty = "-";
  p.state = "running";
  return p;
}

Process Kproc(int pid, std::string name, std::vector<int> tids) {
  Process p = Proc(pid, 0, std::move(name), 0, std::move(tids));
  p.kproc = true;
  return p;
}

// The kprocs every AIX 7.2 partition runs, numbered from `first` (0: the
// lab's own pids).
std::vector<Process> Kprocs(int first) {
  const char* names[] = {"wait", "sched", "lrud", "vmptacrt", "psmd", "xmgc", "netm", "gil", "j2pg", "lvmbb"};
  std::vector<Process> v;
  v.push_back(Kproc(0, "swapper", {3}));
  int pid = first;
  for (const char* n : names) {
    int p = first == 0 ? 65538 + 65538 * static_cast<int>(v.size() - 1) : pid;
    v.push_back(Kproc(p, n, {p + 1}));
    pid += kPidStep;
  }
  return v;
}

std::vector<KernelExtension> BootKexts() {
  return {{"/usr/lib/drivers/pse/pse", true, ""},
          {"/usr/lib/drivers/netinet", true, ""},
          {"/usr/lib/drivers/nfs.ext", true, ""},
          {"/usr/lib/drivers/vscsi_clientdd", true, ""}};
}

}  // namespace

ProcessTable LabProcesses() {
  ProcessTable t;
  t.procs = Kprocs(0);
  Process init = Proc(1, 0, "/etc/init", 2, {259});
  t.procs.push_back(init);

  Process srcmstr = Proc(3080370, 1, "/usr/sbin/srcmstr", 2, {7405787});
  srcmstr.watcher = "init";
  srcmstr.inittab_id = "srcmstr";
  t.procs.push_back(srcmstr);

  Process syslogd = Proc(3342570, 3080370, "/usr/sbin/syslogd", 2, {7667935});
  syslogd.watcher = "srcmstr";
  syslogd.files = {"/var/adm/syslog/syslog.log"};
  t.procs.push_back(syslogd);

  Process inetd = Proc(3473644, 3080370, "/usr/sbin/inetd", 2, {7798979});
  inetd.watcher = "srcmstr";
  inetd.sockets = {{"*.21", "*.*", "LISTEN"}, {"*.23", "*.*", "LISTEN"}};
  t.procs.push_back(inetd);

  Process sshd = Proc(3539180, 3080370, "/usr/sbin/sshd", 3, {7864517});
  sshd.watcher = "srcmstr";
  sshd.sockets = {{"*.22", "*.*", "LISTEN"}};
  t.procs.push_back(sshd);

  Process session = Proc(4587762, 3539180, "sshd: root@pts/0", 3, {8912921});
  session.tty = "pts/0";
  session.sockets = {{"10.1.50.34.22", "10.1.50.11.53112", "ESTABLISHED"}};
  session.pipes = {"pipe:4587762"};
  t.procs.push_back(session);

  Process ksh = Proc(4653300, 4587762, "-ksh", 1, {8978459});
  ksh.tty = "pts/0";
  ksh.pipes = {"pipe:4587762"};
  t.procs.push_back(ksh);

  Process topas = Proc(4718838, 4653300, "topas", 6, {9043997});
  topas.tty = "pts/0";
  topas.shm = {"0x78000011"};
  t.procs.push_back(topas);

  Process rmcd = Proc(3604716, 3080370, "/usr/sbin/rsct/bin/rmcd -a IBM.LPCommands -r -S 1500", 24,
                      {7930055, 7995593, 8061131});
  rmcd.watcher = "srcmstr";
  rmcd.sockets = {{"*.657", "*.*", "LISTEN"}};
  t.procs.push_back(rmcd);

  Process snmpd = Proc(3670252, 3080370, "/usr/sbin/snmpd", 4, {8126669});
  snmpd.watcher = "srcmstr";
  t.procs.push_back(snmpd);

  Process cron = Proc(3801324, 1, "/usr/sbin/cron", 2, {8192207});
  cron.watcher = "init";
  cron.inittab_id = "cron";
  cron.files = {"/var/adm/cron/log"};
  t.procs.push_back(cron);

  Process getty = Proc(3866860, 1, "/usr/sbin/getty /dev/console", 1, {8257745});
  getty.tty = "console";
  getty.watcher = "init";
  getty.inittab_id = "cons";
  t.procs.push_back(getty);

  Process errdemon = Proc(3932396, 1, "/usr/lib/errdemon", 3, {8323283});
  errdemon.files = {"/var/adm/ras/errlog"};
  t.procs.push_back(errdemon);

  Process syncd = Proc(3997932, 1, "/usr/sbin/syncd 60", 1, {8388821});
  t.procs.push_back(syncd);

  Process java = Proc(4063468, 1, "/usr/java8_64/bin/java -Xmx512m -jar /opt/orders/orders.jar", 620,
                      {8454359, 8519897, 8585435, 8650973, 8716511, 8782049});
  java.files = {"/opt/orders/logs/orders.log"};
  java.sockets = {{"*.8443", "*.*", "LISTEN"},
                  {"10.1.50.34.8443", "10.1.50.77.51234", "ESTABLISHED"},
                  {"10.1.50.34.8443", "10.1.50.78.40022", "ESTABLISHED"},
                  {"10.1.50.34.39144", "10.1.50.40.50000", "ESTABLISHED"}};
  t.procs.push_back(java);

  Process xmwlm = Proc(4128984, 1, "/usr/bin/xmwlm -L", 12, {8847587});
  xmwlm.watcher = "init";
  xmwlm.inittab_id = "xmwlm";
  xmwlm.shm = {"0x78000011"};
  t.procs.push_back(xmwlm);

  t.kexts = BootKexts();
  t.kexts.push_back({"/usr/lib/drivers/acmefs.ext", false, ""});
  return t;
}

std::vector<InittabEntry> SurrogateInittab() {
  return {{"init", "2", "initdefault", ""},
          {"brc", "", "sysinit", "/sbin/rc.boot 3 >/dev/console 2>&1 # Phase 3 of system boot"},
          {"tunables", "23456789", "wait", "/usr/sbin/tunrestore -R > /dev/console 2>&1 # Set tunables"},
          {"securityboot", "2", "bootwait", "/etc/rc.security.boot > /dev/console 2>&1"},
          {"opt", "2", "wait", "/usr/sbin/mount /opt"},
          {"random", "2", "wait", "/usr/sbin/randomctl -l"},
          {"cons", "0123456789", "respawn", "/usr/sbin/getty /dev/console"},
          {"syslogd", "2", "once", "/usr/sbin/syslogd >/dev/console 2>&1"},
          {"slvupdate", "2", "wait", "/usr/sbin/slvupdate >/dev/console 2>&1"},
          {"ha_star", "h2", "once", "/etc/rc.ha_star >/dev/console 2>&1"}};
}

ProcessTable SurrogateBootProcesses(int first_pid) {
  ProcessTable t;
  t.procs = Kprocs(first_pid);
  int pid = first_pid + kPidStep * static_cast<int>(t.procs.size() - 1);
  t.procs.push_back(Proc(1, 0, "/etc/init", 2, {259}));
  auto add = [&](const std::string& command, const std::string& id, const std::string& tty, bool respawn) {
    Process p = Proc(pid, 1, command, 2, {pid + 1});
    p.tty = tty;
    p.inittab_id = id;
    p.watcher = respawn ? "init" : "";
    p.mobility = kClassBase;
    t.procs.push_back(p);
    pid += kPidStep;
  };
  add("/usr/sbin/getty /dev/console", "cons", "console", true);
  add("/usr/sbin/syslogd", "syslogd", "-", false);
  // slvupdate is a `wait` entry: init waits for it while it serves the live
  // update, so it is still running when the workload arrives.
  add("/usr/sbin/slvupdate", "slvupdate", "-", false);
  t.kexts = BootKexts();
  return t;
}

}  // namespace lvu::drivers::sim
