// See sync_counter.h. Built twice: into lvu_bench (counting enabled by the
// harness) and, with LVU_SYNCCOUNT_PRELOAD, as liblvu_synccount.so for
// LD_PRELOAD into the real binary (always counting; at exit appends one line
// "journal=N sim=N log=N other=N" to the file named by $LVU_SYNCCOUNT_OUT).
#include "tests/bench/sync_counter.h"

#include <dlfcn.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace lvu::bench::synccount {
namespace {

#ifdef LVU_SYNCCOUNT_PRELOAD
std::atomic<bool> g_enabled{true};
#else
std::atomic<bool> g_enabled{false};
#endif
std::atomic<uint64_t> g_counts[kClasses];

bool HasComponent(std::string_view path, std::string_view name) {
  // "/a/journal/000004.log" or "/a/journal" both count as under "journal".
  size_t pos = 0;
  while ((pos = path.find(name, pos)) != std::string_view::npos) {
    bool starts = pos > 0 && path[pos - 1] == '/';
    size_t end = pos + name.size();
    bool ends = end == path.size() || path[end] == '/';
    if (starts && ends) return true;
    pos = end;
  }
  return false;
}

void Count(int fd) {
  if (!g_enabled.load(std::memory_order_relaxed)) return;
  char link[64];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  char target[4096];
  ssize_t n = ::readlink(link, target, sizeof target - 1);
  Class c = kOther;
  if (n > 0) {
    std::string_view p(target, static_cast<size_t>(n));
    if (HasComponent(p, "journal")) {
      c = kJournal;
    } else if (HasComponent(p, "sim")) {
      c = kSim;
    } else if (HasComponent(p, "logs")) {
      c = kLog;
    }
  }
  g_counts[c].fetch_add(1, std::memory_order_relaxed);
}

using SyncFn = int (*)(int);

SyncFn Next(const char* name) {
  void* f = ::dlsym(RTLD_NEXT, name);
  if (f == nullptr) {
    std::fprintf(stderr, "sync_counter: no next %s\n", name);
    std::abort();
  }
  return reinterpret_cast<SyncFn>(f);
}

#ifdef LVU_SYNCCOUNT_PRELOAD
struct Reporter {
  ~Reporter() {
    const char* out = std::getenv("LVU_SYNCCOUNT_OUT");
    if (out == nullptr || *out == '\0') return;
    FILE* f = std::fopen(out, "a");
    if (f == nullptr) return;
    std::fprintf(f, "journal=%llu sim=%llu log=%llu other=%llu\n",
                 static_cast<unsigned long long>(g_counts[kJournal].load()),
                 static_cast<unsigned long long>(g_counts[kSim].load()),
                 static_cast<unsigned long long>(g_counts[kLog].load()),
                 static_cast<unsigned long long>(g_counts[kOther].load()));
    std::fclose(f);
  }
} g_reporter;
#endif

}  // namespace

void Enable(bool on) { g_enabled.store(on); }

Counts Snapshot() {
  Counts c;
  for (int i = 0; i < kClasses; ++i) c.n[i] = g_counts[i].load();
  return c;
}

}  // namespace lvu::bench::synccount

extern "C" {

int fdatasync(int fd) {
  static const auto next = lvu::bench::synccount::Next("fdatasync");
  lvu::bench::synccount::Count(fd);
  return next(fd);
}

int fsync(int fd) {
  static const auto next = lvu::bench::synccount::Next("fsync");
  lvu::bench::synccount::Count(fd);
  return next(fd);
}

}  // extern "C"
