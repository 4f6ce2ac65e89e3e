// The command line (CLI11). The only file that includes CLI11: it costs
// about ten seconds of compile time per translation unit.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/commands.h"

namespace lvu::cli {
namespace {

constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  done (completed, reverted, or nothing to do)\n"
    "  1  could not run (live update lock held, journal corrupted or unwritable)\n"
    "  2  bad input (lvupdate.data, arguments, no simulated system)\n"
    "  3  validation failed: nothing was changed\n"
    "  4  failed and rolled back\n"
    "  5  interrupted: run `lvupdate resume` or `lvupdate rollback`\n";

// "max" or a positive number of simulated seconds per real second.
std::string ParseSpeed(const std::string& v, double* speed) {
  if (v == "max") {
    *speed = 0;
    return "";
  }
  try {
    size_t used = 0;
    double d = std::stod(v, &used);
    if (used != v.size() || d <= 0) return "--speed takes a positive number or 'max', not '" + v + "'";
    *speed = d;
  } catch (const std::exception&) {  // std::stod's way of saying "not a number"
    return "--speed takes a positive number or 'max', not '" + v + "'";
  }
  return "";
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"lvupdate: crash-safe AIX Live Update, journaled step by step"};
  app.footer(kExitCodes);
  app.require_subcommand(1);
  GlobalOptions g;
  std::string speed = "200";
  app.add_option("--home", g.home, "Home of the journal, logs, lvupdate.data and simulated system "
                                   "(default $LVUPDATE_HOME, else ~/.lvupdate)");
  app.add_option("--speed", speed, "Simulated seconds per real second, or 'max' (default 200)");
  app.add_flag("-v,--verbose", g.verbose, "A line for every step");

  RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "Validate, then live-update the partition with the ifixes");
  run_cmd->add_option("-f", run.data_file, "lvupdate.data (default <home>/lvupdate.data)");
  run_cmd->add_option("-d", run.fix_dir, "Directory of the ifix packages (default: current directory)");
  run_cmd->add_flag("--no-auto-rollback", run.no_auto_rollback, "Stop as interrupted instead of rolling back");
  run_cmd->add_option("fixes", run.fixes, "ifix package file names")->required();

  RunOptions pre;
  bool preview_json = false;
  auto* preview_cmd = app.add_subcommand("preview", "Validate only: every check, nothing changed (geninstall -k -p)");
  preview_cmd->add_option("-f", pre.data_file, "lvupdate.data (default <home>/lvupdate.data)");
  preview_cmd->add_option("-d", pre.fix_dir, "Directory of the ifix packages (default: current directory)");
  preview_cmd->add_flag("--json", preview_json, "JSON output");
  preview_cmd->add_option("fixes", pre.fixes, "ifix package file names")->required();

  bool resume_no_rb = false;
  auto* resume_cmd = app.add_subcommand("resume", "Finish the interrupted operation");
  resume_cmd->add_flag("--no-auto-rollback", resume_no_rb, "Stop as interrupted instead of rolling back");
  auto* rollback_cmd = app.add_subcommand(
      "rollback", "Undo the interrupted operation; past the point of no return, or after a completed one, revert");
  bool status_json = false;
  auto* status_cmd = app.add_subcommand("status", "The current or last operation, step by step");
  status_cmd->add_flag("--json", status_json, "JSON output");

  auto* sim = app.add_subcommand("sim", "The simulated Power system");
  sim->require_subcommand(1);
  auto* sim_init = sim->add_subcommand("init", "Create the seed article's lab (replaces any previous one)");
  bool show_json = false;
  auto* sim_show = sim->add_subcommand("show", "Show the simulated world");
  sim_show->add_flag("--json", show_json, "JSON output");
  auto* fault = sim->add_subcommand("fault", "Inject faults at steps");
  fault->require_subcommand(1);
  FaultOptions fo;
  auto* fault_add = fault->add_subcommand("add", "Add a fault at a step");
  fault_add->add_option("step", fo.step, "Step name, e.g. lpar.rename_original")->required();
  fault_add->add_option("--kind", fo.kind, "fail | transient | crash-before | crash-after")->required();
  fault_add->add_option("--times", fo.times, "How many times it fires (default 1)");
  fault_add->add_option("--phase", fo.phase, "apply | compensate (default apply)");
  bool fault_json = false;
  auto* fault_list = fault->add_subcommand("list", "List the faults");
  fault_list->add_flag("--json", fault_json, "JSON output");
  auto* fault_clear = fault->add_subcommand("clear", "Remove every fault");

  // Commands of later work register here, each in its own block:
  // @preview-commands (lvupdate.data checks, hmcauth, emgr, sim set)
  // @mobility-commands (setprocs, init, regscript, regke, safeke)
  // @journal-commands (journal ..., replay, snap)

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

  if (run_cmd->parsed()) return CmdRun(g, run);
  if (preview_cmd->parsed()) return CmdPreview(g, pre, preview_json);
  if (resume_cmd->parsed()) return CmdResume(g, resume_no_rb);
  if (rollback_cmd->parsed()) return CmdRollback(g);
  if (status_cmd->parsed()) return CmdStatus(g, status_json);
  if (sim_init->parsed()) return CmdSimInit(g);
  if (sim_show->parsed()) return CmdSimShow(g, show_json);
  if (fault_add->parsed()) return CmdSimFaultAdd(g, fo);
  if (fault_list->parsed()) return CmdSimFaultList(g, fault_json);
  if (fault_clear->parsed()) return CmdSimFaultClear(g);
  // @preview-dispatch
  // @mobility-dispatch
  // @journal-dispatch
  return kExitBadInput;
}

}  // namespace lvu::cli
