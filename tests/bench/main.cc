// lvu_bench: see bench.h and docs/performance.md.
//
//   lvu_bench [--out DIR] [--work DIR] [--quick] [--only PARTS]
//
// PARTS is a comma-separated subset of append,engine,procs,replay (default:
// all). Writes DIR/report.md and DIR/scaling.svg; progress goes to stderr.
#include <cstdio>
#include <cstring>
#include <string>

#include "tests/bench/bench.h"

using namespace lvu::bench;

int main(int argc, char** argv) {
  Config c;
  c.lvupdate = LVU_BINARY;
  c.preload = LVU_SYNCCOUNT_LIB;
  c.out_dir = "bench";
  c.work_dir = "";
  std::string only = "append,engine,procs,replay,preview";
  bool keep = false;  // --keep: leave the work directory (journals, homes) for inspection
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) Die(a + " needs a value");
      return argv[++i];
    };
    if (a == "--out") {
      c.out_dir = next();
    } else if (a == "--work") {
      c.work_dir = next();
    } else if (a == "--keep") {
      keep = true;
    } else if (a == "--quick") {
      c.quick = true;
    } else if (a == "--only") {
      only = next();
    } else if (a == "--lvupdate") {
      c.lvupdate = next();
    } else {
      std::fprintf(stderr, "usage: lvu_bench [--out DIR] [--work DIR] [--quick] [--only append,engine,procs,replay,preview]\n");
      return 2;
    }
  }
  if (c.work_dir.empty()) c.work_dir = c.out_dir + "/work";
  if (c.quick) {
    c.append_events = 500;
    c.proc_reps = 3;
    c.engine_runs = 5;
    c.sizes = {1000, 10000};
  }
  MakeDirs(c.out_dir);
  RemoveTree(c.work_dir);
  MakeDirs(c.work_dir);
  auto want = [&](const char* p) { return ("," + only + ",").find(std::string(",") + p + ",") != std::string::npos; };

  double t0 = Now();
  Machine m = DescribeMachine(c);
  AppendResults a;
  EngineResults e;
  ProcResults p;
  ReplayResults r;
  if (want("append")) {
    Log("1. durable append: %d events per system, interleaved by %d", c.append_events, c.append_chunk);
    RunAppend(c, &a);
  }
  if (want("engine")) {
    Log("2./4. the engine in process: %d runs", c.engine_runs);
    RunEngine(c, &e);
  }
  if (want("procs")) {
    Log("3. whole processes: %d repetitions", c.proc_reps);
    RunProcs(c, &p);
  }
  if (want("replay")) {
    Log("5./6. replay and scaling");
    RunReplay(c, &r);
  }
  PreviewResults pv;
  if (want("preview")) {
    Log("7. the aix driver's preview over slow shims");
    RunPreview(c, &pv);
  }
  WriteReport(c, m, a, e, p, r, Now() - t0);
  if (want("preview")) AppendPreviewReport(c, pv);
  Log("done in %.0f s: %s/report.md", Now() - t0, c.out_dir.c_str());
  if (!keep) RemoveTree(c.work_dir);
  return 0;
}
