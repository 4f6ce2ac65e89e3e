// Counts the fsync/fdatasync calls of this process, by what they make durable.
//
// sync_counter.cc defines fsync() and fdatasync() themselves: linked into an
// executable they take the place of libc's for every library the executable
// loads (RocksDB, SQLite, the simulator), and LD_PRELOADed as
// liblvu_synccount.so into the real `lvupdate` binary they do the same for a
// whole process. Each call is forwarded to libc's and, while counting is on,
// classified by the path of its file descriptor (/proc/self/fd/N):
//   journal  anything under a directory named "journal" (RocksDB's WAL,
//            MANIFEST, SST files and the journal directory itself)
//   sim      anything under "sim" (the simulated machines' world and faults)
//   log      anything under "logs"
//   other    the rest (the bench's own raw file and SQLite database are told
//            apart by the caller, which counts them itself)
#pragma once

#include <cstdint>

namespace lvu::bench::synccount {

enum Class { kJournal = 0, kSim, kLog, kOther, kClasses };

struct Counts {
  uint64_t n[kClasses] = {0, 0, 0, 0};
  uint64_t total() const { return n[0] + n[1] + n[2] + n[3]; }
  Counts operator-(const Counts& o) const {
    Counts c;
    for (int i = 0; i < kClasses; ++i) c.n[i] = n[i] - o.n[i];
    return c;
  }
};

// Classification costs a readlink(); it is off until enabled, so that the
// durable-append benchmark measures the bare system call.
void Enable(bool on);
Counts Snapshot();

}  // namespace lvu::bench::synccount
