// The command line (CLI11). The only file that includes CLI11: it costs
// about ten seconds of compile time per translation unit.
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <tuple>

#include "cli/aix_commands.h"
#include "cli/commands.h"
#include "cli/home.h"
#include "drivers/open.h"
#include "cli/mobility_commands.h"
#include "cli/preview_commands.h"
#include "cli/journal_commands.h"
#include "cli/signals.h"
#include "cli/snap_commands.h"

namespace lvu::cli {
namespace {

constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  done (completed, reverted, or nothing to do)\n"
    "  1  could not run (live update lock held; journal corrupted, lost records or behind the\n"
    "     world; disk full or failing): nothing was changed\n"
    "  2  bad input (lvupdate.data, arguments, a missing fix, a file past its size limit,\n"
    "     no simulated system)\n"
    "  3  validation failed: nothing was changed\n"
    "  4  failed and rolled back\n"
    "  5  interrupted: run `lvupdate resume` or `lvupdate rollback` (a step that gave up:\n"
    "     `resume --retry-step` or `resume --skip STEP --reason TEXT`, as printed). Ctrl-C,\n"
    "     SIGTERM and SIGHUP stop an operation so, at its next safe point\n";

// Bounds of --speed: slower than 0.01 simulated s per real s, an 11-minute
// update would take weeks; faster than 10^6 is what `max` is for.
constexpr double kMinSpeed = 0.01;
constexpr double kMaxSpeed = 1e6;

// "max" or a number of simulated seconds per real second in [kMinSpeed, kMaxSpeed].
std::string ParseSpeed(const std::string& v, double* speed) {
  if (v == "max") {
    *speed = 0;
    return "";
  }
  const std::string bad = "--speed takes 'max' or a number from 0.01 to 1000000 (simulated seconds per real "
                          "second), not '" + v + "'";
  try {
    size_t used = 0;
    double d = std::stod(v, &used);
    if (used != v.size() || !std::isfinite(d) || d < kMinSpeed || d > kMaxSpeed) return bad;
    *speed = d;
  } catch (const std::exception&) {  // std::stod's way of saying "not a number" (or out of range)
    return bad;
  }
  return "";
}

// A sequence number given on the command line: decimal digits only (CLI11
// would take "-1" as 18446744073709551615).
std::string ParseSeq(const char* option, const std::string& v, uint64_t* out) {
  const std::string bad = std::string(option) + " takes an event's seq, a number from 0, not '" + v + "'";
  if (v.empty() || v.size() > 19 || v.find_first_not_of("0123456789") != std::string::npos) return bad;
  *out = std::stoull(v);
  return "";
}

}  // namespace

int Main(int argc, char** argv) {
  GuardStandardFds();
  LogWarningsToStderr();
  CLI::App app{"lvupdate: crash-safe AIX Live Update, journaled step by step"};
  app.footer(kExitCodes);
  app.require_subcommand(1);
  GlobalOptions g;
  std::string speed = "200";
  auto* home_opt = app.add_option("--home", g.home, "Home of the journal, logs, lvupdate.data and simulated system "
                                                    "(default $LVUPDATE_HOME, else ~/.lvupdate)");
  app.add_option("--speed", speed, "Simulated seconds per real second, or 'max' (default 200)");
  std::string driver;
  auto* driver_opt = app.add_option("--driver", driver,
                                    "sim or aix (default $LVUPDATE_DRIVER, else aix on AIX and sim elsewhere); "
                                    "resume and rollback use the operation's own");
  app.add_flag("-v,--verbose", g.verbose, "A line for every step");

  RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "Validate, then live-update the partition with the ifixes");
  run_cmd->add_option("-f", run.data_file, "lvupdate.data (default <home>/lvupdate.data)");
  run_cmd->add_option("-d", run.fix_dir, "Directory of the ifix packages (default: current directory)");
  run_cmd->add_flag("--no-auto-rollback", run.no_auto_rollback, "Stop as interrupted instead of rolling back");
  run_cmd->add_flag("--json", run.json, "The result as JSON on stdout (progress on stderr)");
  run_cmd->add_option("fixes", run.fixes, "ifix package file names")->required();

  RunOptions pre;
  bool preview_json = false;
  auto* preview_cmd = app.add_subcommand("preview", "Validate only: every check, nothing changed (geninstall -k -p)");
  preview_cmd->add_option("-f", pre.data_file, "lvupdate.data (default <home>/lvupdate.data)");
  preview_cmd->add_option("-d", pre.fix_dir, "Directory of the ifix packages (default: current directory)");
  preview_cmd->add_flag("--json", preview_json, "JSON output");
  preview_cmd->add_option("fixes", pre.fixes, "ifix package file names")->required();

  ResumeOptions res;
  auto* resume_cmd = app.add_subcommand("resume", "Finish the interrupted operation");
  resume_cmd->add_flag("--no-auto-rollback", res.no_auto_rollback, "Stop as interrupted instead of rolling back");
  auto* retry_opt = resume_cmd->add_flag("--retry-step", res.retry_step,
                                         "Run the step whose retries ran out again, after fixing its cause");
  auto* skip_opt = resume_cmd->add_option("--skip", res.skip,
                                          "Mark STEP (name or number; skippable steps only) done without running it");
  resume_cmd->add_option("--reason", res.reason, "Why (journaled with your user name); required with --skip");
  retry_opt->excludes(skip_opt);
  resume_cmd->add_flag("--json", res.json, "The result as JSON on stdout (progress on stderr)");
  auto* rollback_cmd = app.add_subcommand(
      "rollback", "Undo the interrupted operation; past the point of no return, or after a completed one, revert");
  bool rollback_json = false;
  std::string rollback_op;
  rollback_cmd->add_flag("--json", rollback_json, "The result as JSON on stdout (progress on stderr)");
  rollback_cmd->add_option("--op", rollback_op,
                           "Revert this completed update (id or unique prefix), whatever ran after it");
  bool status_json = false;
  auto* status_cmd = app.add_subcommand("status", "The current or last operation, step by step");
  status_cmd->add_flag("--json", status_json, "JSON output");

  auto* sim = app.add_subcommand("sim", "The simulated Power system");
  sim->require_subcommand(1);
  auto* sim_init = sim->add_subcommand("init", "Create the seed article's lab (replaces any previous one)");
  SimInitOptions sim_init_opts;
  sim_init->add_flag("--force", sim_init_opts.force, "Replace the world even though an operation is unfinished");
  sim_init->add_flag("--hmcauth", sim_init_opts.hmcauth,
                     "Then log on to the lab's HMC (hscroot, the lab's password), as hmcauth would");
  sim_init->add_option("--system", sim_init_opts.system,
                       "Then make it the system an operation recorded: its opStarted.system JSON "
                       "({\"KEY\": \"VALUE\"}, the keys of sim set --list)");
  bool show_json = false;
  auto* sim_show = sim->add_subcommand("show", "Show the simulated world");
  sim_show->add_flag("--json", show_json, "JSON output");
  std::string shims_dir;
  auto* sim_shims = sim->add_subcommand("shims", "Write into DIR the AIX and HMC commands the aix driver runs, "
                                                 "acting on this simulated system");
  sim_shims->add_option("dir", shims_dir, "Where to write them (then put it first on PATH)")->required();
  int shims_latency_ms = 0, shims_hmc_latency_ms = 0;
  sim_shims->add_option("--latency-ms", shims_latency_ms, "Each AIX command first sleeps this long (0 to 600000)")
      ->check(CLI::Range(0, 600000));
  sim_shims->add_option("--hmc-latency-ms", shims_hmc_latency_ms, "Each HMC command (ssh) first sleeps this long (0 to 600000)")
      ->check(CLI::Range(0, 600000));
  auto* sim_exec = sim->add_subcommand("exec", "Run one shimmed command (NAME ARGS...) on the simulated system");
  sim_exec->prefix_command();
  auto* fault = sim->add_subcommand("fault", "Inject faults at steps");
  fault->require_subcommand(1);
  FaultOptions fo;
  auto* fault_add = fault->add_subcommand("add", "Add a fault at a step");
  fault_add->add_option("step", fo.step, "Step name, e.g. lpar.rename_original")->required();
  fault_add->add_option("--kind", fo.kind, "fail | transient | crash-before | crash-after | crash-recorded | signal")->required();
  fault_add->add_option("--times", fo.times, "How many times it fires (default 1)");
  fault_add->add_option("--phase", fo.phase, "apply | compensate (default apply)");
  bool fault_json = false;
  auto* fault_list = fault->add_subcommand("list", "List the faults");
  fault_list->add_flag("--json", fault_json, "JSON output");
  auto* fault_clear = fault->add_subcommand("clear", "Remove every fault");

  // Commands of later work register here, each in its own block:
  // @preview-commands (lvupdate.data checks, hmcauth, emgr, sim set)
  HmcauthOptions hmcauth;
  auto* hmcauth_cmd = app.add_subcommand("hmcauth", "Authenticate with the HMC (token kept in <home>/hmc/token)");
  hmcauth_cmd->add_option("-a", hmcauth.hmc, "HMC address or host name");
  hmcauth_cmd->add_option("-u", hmcauth.user, "HMC user");
  auto* hmcauth_pw = hmcauth_cmd->add_option("-p", hmcauth.password, "Password (prompted for without echo if absent)");
  hmcauth_cmd->add_flag("-l", hmcauth.list, "Show the token: address, user, port, time to live");
  bool emgr_preview = false;
  std::string emgr_file;
  auto* emgr_cmd = app.add_subcommand("emgr", "Preview an ifix package (emgr -p -e FILE): LU CAPABLE yes|no");
  emgr_cmd->add_flag("-p", emgr_preview, "Preview (the only mode: ifixes are installed by run)")->required();
  emgr_cmd->add_option("-e", emgr_file, "The ifix package (.epkg.Z)")->required();
  std::string set_key, set_value;
  bool set_list = false, set_json = false;
  auto* sim_set = sim->add_subcommand("set", "Change one fact of the simulated system (--list: every key)");
  sim_set->add_option("key", set_key, "Key, e.g. fs./var.free_mb");
  sim_set->add_option("value", set_value, "Value");
  sim_set->add_flag("--list", set_list, "List the keys, their values, the checks they feed");
  sim_set->add_flag("--json", set_json, "JSON output (with --list)");
  // @mobility-commands (setprocs, init, regscript, regke, safeke)
  // lvupdateSetProcs, lvupdateInit, ... (links to lvupdate) run as their subcommand.
  std::vector<std::string> alias_args;
  std::vector<char*> alias_argv;
  if (RewriteAixAlias(argc, argv, &alias_args)) {
    for (auto& a : alias_args) alias_argv.push_back(a.data());
    argc = static_cast<int>(alias_args.size());
    argv = alias_argv.data();
  }
  SetProcsOptions sp;
  auto* setprocs_cmd = app.add_subcommand("setprocs", "Base processes (lvupdateSetProcs): -b -n label -a command | -b -n label -r | -b -l");
  setprocs_cmd->add_flag("-b", sp.base, "The base process list (required)");
  setprocs_cmd->add_option("-n", sp.label, "Label of the entry (up to 80 characters)");
  setprocs_cmd->add_option("-a", sp.add, "Add COMMAND (full path, up to 1024 characters) as a base process");
  setprocs_cmd->add_flag("-r", sp.remove, "Remove the entry labelled -n");
  setprocs_cmd->add_flag("-l", sp.list, "List the base processes");
  setprocs_cmd->add_flag("--json", sp.json, "JSON output (with -l)");
  InitOptions io;
  auto* init_cmd = app.add_subcommand("init", "The surrogate's inittab entries (lvupdateInit): -a [-i Id] Id:RunLevel:Action:Command | -r -i Id | -l");
  init_cmd->add_flag("-a", io.add, "Add the entry");
  init_cmd->add_option("entry", io.entry, "Identifier:RunLevel:Action:Command (up to 14, 20, 20, 1024 characters)");
  init_cmd->add_option("-i", io.id, "Identifier of the entry");
  init_cmd->add_flag("-r", io.remove, "Remove the entry -i");
  init_cmd->add_flag("-l", io.list, "List the entries");
  init_cmd->add_flag("--json", io.json, "JSON output (with -l)");
  RegScriptOptions rs;
  auto* regscript_cmd = app.add_subcommand("regscript", "Notification scripts (lvupdateRegScript): -a -n label -s script -d orig|surr -P phase -p priority | -r -n label -d side -P phase [-p priority] | -l");
  regscript_cmd->add_flag("-a", rs.add, "Register a script");
  regscript_cmd->add_flag("-r", rs.remove, "Unregister a script");
  regscript_cmd->add_flag("-l", rs.list, "List the scripts");
  regscript_cmd->add_option("-n", rs.label, "Label");
  regscript_cmd->add_option("-s", rs.script, "The script: a full path, and its arguments");
  regscript_cmd->add_option("-d", rs.side, "orig or surr");
  regscript_cmd->add_option("-P", rs.phase, "LVUP_CHECK, LVUP_PRE, LVUP_PRE_KERNEL, LVUP_POST, LVUP_COMPLETE or LVUP_ERROR");
  regscript_cmd->add_option("-p", rs.priority, "Priority, 1 to 10 (original: 1 runs first; surrogate: 10 runs first)");
  regscript_cmd->add_option("-t", rs.timeout_s, "Timeout in seconds (default 120): the script's process group is killed");
  regscript_cmd->add_flag("--rerunnable", rs.rerunnable, "Run it again on resume if a crash interrupted it");
  regscript_cmd->add_flag("--json", rs.json, "JSON output (with -l)");
  KextOptions rk;
  auto* regke_cmd = app.add_subcommand("regke", "Kernel extensions loaded on the surrogate (lvupdateRegKE): -a kext_path -c command | -r kext_path | -l");
  regke_cmd->add_option("-a", rk.add, "Kernel extension to load on the surrogate (full path)");
  regke_cmd->add_option("-c", rk.command, "The command that loads it");
  regke_cmd->add_option("-r", rk.remove, "Remove a kernel extension from the list");
  regke_cmd->add_flag("-l", rk.list, "List them");
  regke_cmd->add_flag("--json", rk.json, "JSON output (with -l)");
  KextOptions sk;
  auto* safeke_cmd = app.add_subcommand("safeke", "Live Update safe kernel extensions (lvupdateSafeKE): -a kext_path | -r kext_path | -l");
  safeke_cmd->add_option("-a", sk.add, "Add a kernel extension to the safe list");
  safeke_cmd->add_option("-r", sk.remove, "Remove one");
  safeke_cmd->add_flag("-l", sk.list, "List them");
  safeke_cmd->add_flag("--json", sk.json, "JSON output (with -l)");
  ProcOptions po;
  auto* proc_cmd = sim->add_subcommand("proc", "A simulated process registers itself: proc_mobility_base_set() (base-set), proc_mobility_restartexit_set() (restartexit-set), or unsets (unset)");
  proc_cmd->add_option("call", po.call, "base-set, restartexit-set or unset")->required();
  proc_cmd->add_option("pid", po.pid, "The calling process")->required();
  proc_cmd->add_option("--lpar", po.lpar, "Its partition (default: the one running the workload)");
  // @journal-commands (journal ..., replay, snap)
  SnapOptions snap;
  snap.cli11_version = CLI11_VERSION;
  bool snap_u = false;
  auto* snap_cmd = app.add_subcommand(
      "snap", "Support bundle (.tar.gz): journal, logs, configuration (secrets removed), world, versions");
  snap_cmd->add_flag("-U", snap_u, "Live Update data, as AIX snap -U (the only kind lvupdate collects)");
  snap_cmd->add_option("op", snap.ops, "Operation ids or unique prefixes (default: the newest, and its revert or the update it reverts)");
  snap_cmd->add_flag("--all", snap.all, "Every operation of the journal");
  snap_cmd->add_option("-o,--output", snap.output, "The bundle (default <home>/snap/lvupdate.snap.<UTC time>.tar.gz)");
  snap_cmd->add_option("--max-log-bytes", snap.max_log_bytes, "Each log cut to this size, head and tail kept (default 1048576)");
  snap_cmd->add_option("--max-total-log-bytes", snap.max_total_log_bytes, "All logs together (default 8 x --max-log-bytes)");
  snap_cmd->add_option("--max-ops-bytes", snap.max_ops_bytes,
                       "The operations together (default 67108864): the first always whole, the others left out once spent");
  snap_cmd->add_flag("--json", snap.json, "JSON output");
  auto* journal_cmd = app.add_subcommand("journal", "Read the journal (read-only, also while a run holds the lock)");
  journal_cmd->require_subcommand(1);
  const char* op_help = "Operation id or a unique prefix of one (default: the newest operation)";
  bool jlist_json = false;
  auto* jlist = journal_cmd->add_subcommand("list", "Every operation, newest first");
  jlist->add_flag("--json", jlist_json, "JSON output");
  std::string jshow_op, jshow_svg;
  bool jshow_json = false;
  auto* jshow = journal_cmd->add_subcommand("show", "One operation as a story: steps, attempts, times, blackout, rollback");
  jshow->add_option("op", jshow_op, op_help);
  jshow->add_flag("--json", jshow_json, "JSON output");
  jshow->add_option("--svg", jshow_svg, "Also draw the operation's timeline as an SVG picture in FILE");
  JournalEventsOptions jev;
  std::string jev_from, jev_to;
  auto* jevents = journal_cmd->add_subcommand("events", "The raw events, one line each (--json: JSON lines)");
  jevents->add_option("op", jev.op, op_help);
  auto* jev_from_opt = jevents->add_option("--from", jev_from, "First seq shown");
  auto* jev_to_opt = jevents->add_option("--to", jev_to, "Last seq shown");
  jevents->add_option("--kind", jev.kind, "Only events of this kind (stepIntent, stepDone, ...)");
  jevents->add_flag("--json", jev.json, "JSON lines through Cap'n Proto's JSON codec");
  std::string jverify_op;
  bool jverify_json = false;
  auto* jverify = journal_cmd->add_subcommand(
      "verify", "Check every record of OP, or of every operation when none is given; exit 1 on any problem");
  jverify->add_option("op", jverify_op, "Operation id or a unique prefix of one (default: every operation)");
  jverify->add_flag("--json", jverify_json, "JSON output");
  JournalExportOptions jex;
  auto* jexport = journal_cmd->add_subcommand("export", "Write one operation's events to a file");
  jexport->add_option("op", jex.op, op_help);
  jexport->add_option("-o,--output", jex.output, "The file (written to a temporary name, then renamed)")->required();
  jexport->add_option("--format", jex.format, "jsonl (JSON lines, the default) or capnp (the raw message stream)");
  std::string jimport_file, jimport_format = "auto";
  auto* jimport = journal_cmd->add_subcommand("import", "Add an exported operation to this home's journal, to inspect it");
  jimport->add_option("file", jimport_file, "A file written by `journal export`")->required();
  jimport->add_option("--format", jimport_format, "auto (the default), jsonl or capnp");
  ReplayOptions rep;
  std::string rep_until;
  auto* replay_cmd = app.add_subcommand(
      "replay", "An operation's state as it stood after one of its events; --against-sim: re-run it on a fresh lab");
  replay_cmd->add_option("op", rep.op, op_help);
  auto* rep_until_opt = replay_cmd->add_option("--until", rep_until, "The last event folded, by seq (default: the last)");
  replay_cmd->add_flag("--json", rep.json, "JSON output");
  replay_cmd->add_flag("--against-sim", rep.against_sim,
                       "Re-run its sessions on a fresh simulated lab with the recorded faults; exit 1 on a divergence");
  replay_cmd->add_option("--from", rep.from, "With --against-sim: a `journal export` file or a support bundle, "
                                             "instead of this home's journal (repeatable)");
  replay_cmd->add_option("--keep", rep.keep, "With --against-sim: make the lab in DIR (new or empty) and keep it");

  auto* aix_cmd = app.add_subcommand("aix", "What the aix driver reads from real AIX, VIOS and HMC output");
  aix_cmd->require_subcommand(1);
  std::string aix_command, aix_file;
  auto* aix_parse = aix_cmd->add_subcommand("parse", "Parse a saved output of COMMAND (FILE, else standard input) "
                                                     "and print what the driver reads, as JSON");
  aix_parse->add_option("command", aix_command, "The command line that printed it, quoted: 'lsvg rootvg'")->required();
  aix_parse->add_option("file", aix_file, "The saved output (default: standard input)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {  // CLI11 reports bad arguments (and --help) this way
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitBadInput;
  }
  if (std::string err = ParseSpeed(speed, &g.speed); !err.empty()) {
    std::fprintf(stderr, "lvupdate: %s\n", err.c_str());
    return kExitBadInput;
  }
  if (driver_opt->count() == 0) {
    const char* env = std::getenv("LVUPDATE_DRIVER");
    if (env != nullptr && *env != '\0') driver = env;
  }
  g.driver_named = !driver.empty();
  g.driver = driver.empty() ? drivers::MachineDriver() : driver;
  if (!drivers::KnownDriver(g.driver)) {
    std::fprintf(stderr, "lvupdate: %s '%s': there is no such driver (the drivers are: %s)\n",
                 driver_opt->count() > 0 ? "--driver" : "LVUPDATE_DRIVER", g.driver.c_str(), drivers::kDriverList);
    return kExitBadInput;
  }
  if (home_opt->count() > 0 && g.home.empty()) {
    std::fprintf(stderr, "lvupdate: --home is empty: give a directory (or leave --home out for "
                         "$LVUPDATE_HOME, else ~/.lvupdate)\n");
    return kExitBadInput;
  }

  if (run_cmd->parsed()) return CmdRun(g, run);
  if (preview_cmd->parsed()) return CmdPreview(g, pre, preview_json);
  if (resume_cmd->parsed()) return CmdResume(g, res);
  if (rollback_cmd->parsed()) return CmdRollback(g, rollback_json, rollback_op);
  if (status_cmd->parsed()) return CmdStatus(g, status_json);
  if (sim_init->parsed()) return CmdSimInit(g, sim_init_opts);
  if (sim_show->parsed()) return CmdSimShow(g, show_json);
  if (sim_shims->parsed()) return CmdSimShims(g, shims_dir, shims_latency_ms, shims_hmc_latency_ms);
  if (sim_exec->parsed()) {
    std::vector<std::string> rest = sim_exec->remaining();
    if (rest.empty()) {
      std::fprintf(stderr, "lvupdate: sim exec: give the command and its arguments\n");
      return kExitBadInput;
    }
    return CmdSimExec(g, rest);
  }
  if (aix_parse->parsed()) return CmdAixParse(g, aix_command, aix_file);
  if (fault_add->parsed()) return CmdSimFaultAdd(g, fo);
  if (fault_list->parsed()) return CmdSimFaultList(g, fault_json);
  if (fault_clear->parsed()) return CmdSimFaultClear(g);
  // @preview-dispatch
  if (hmcauth_cmd->parsed()) {
    hmcauth.password_given = hmcauth_pw->count() > 0;
    return CmdHmcauth(g, hmcauth);
  }
  if (emgr_cmd->parsed()) return CmdEmgrPreview(g, emgr_file);
  if (sim_set->parsed()) {
    if (set_list) return CmdSimSetList(g, set_json);
    if (set_key.empty() || sim_set->get_option("value")->count() == 0) {
      std::fprintf(stderr, "lvupdate: sim set needs KEY VALUE, or --list\n");
      return kExitBadInput;
    }
    return CmdSimSet(g, set_key, set_value);
  }
  // @mobility-dispatch
  if (setprocs_cmd->parsed()) return CmdSetProcs(g, sp);
  if (init_cmd->parsed()) return CmdInit(g, io);
  if (regscript_cmd->parsed()) return CmdRegScript(g, rs);
  if (regke_cmd->parsed()) return CmdRegKe(g, rk);
  if (safeke_cmd->parsed()) return CmdSafeKe(g, sk);
  if (proc_cmd->parsed()) return CmdSimProc(g, po);
  // @journal-dispatch
  if (snap_cmd->parsed()) return CmdSnap(g, snap);
  if (jlist->parsed()) return CmdJournalList(g, jlist_json);
  if (jshow->parsed()) return CmdJournalShow(g, jshow_op, jshow_json, jshow_svg);
  if (jevents->parsed()) {
    for (auto [opt, text, name, dest] : {std::tuple{jev_from_opt, &jev_from, "--from", &jev.from},
                                         std::tuple{jev_to_opt, &jev_to, "--to", &jev.to}}) {
      if (opt->count() == 0) continue;
      uint64_t seq = 0;
      if (std::string err = ParseSeq(name, *text, &seq); !err.empty()) {
        std::fprintf(stderr, "lvupdate: %s\n", err.c_str());
        return kExitBadInput;
      }
      *dest = seq;
    }
    return CmdJournalEvents(g, jev);
  }
  if (jverify->parsed()) return CmdJournalVerify(g, jverify_op, jverify_json);
  if (jexport->parsed()) return CmdJournalExport(g, jex);
  if (jimport->parsed()) return CmdJournalImport(g, jimport_file, jimport_format);
  if (replay_cmd->parsed()) {
    if (rep_until_opt->count() > 0) {
      uint64_t seq = 0;
      if (std::string err = ParseSeq("--until", rep_until, &seq); !err.empty()) {
        std::fprintf(stderr, "lvupdate: %s\n", err.c_str());
        return kExitBadInput;
      }
      rep.until = seq;
    }
    return CmdReplay(g, rep);
  }
  return kExitBadInput;
}

}  // namespace lvu::cli
