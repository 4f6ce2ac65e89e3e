// Journal::NewOpId: ULIDs (https://github.com/ulid/spec).
//
// 48-bit milliseconds since the epoch followed by 80 random bits, written as
// 26 Crockford base32 characters (0-9, A-Z without I L O U), most significant
// first, so that byte order is time order. Within a process ids are strictly
// increasing: when the clock has not moved past the previous id's millisecond
// (same ms, or the clock stepped back), the previous id's random part is
// incremented instead of drawing a new one. Random bits come from getrandom(2)
// on every call, so a forked child does not repeat its parent's ids.
#include <sys/random.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <mutex>

#include "journal/journal.h"

namespace lvu::journal {

namespace {

using U128 = unsigned __int128;

constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr U128 kRandomMask = (U128{1} << 80) - 1;
constexpr uint64_t kTimeMask = (uint64_t{1} << 48) - 1;

U128 RandomBits() {
  unsigned char buf[10];
  size_t got = 0;
  while (got < sizeof(buf)) {
    ssize_t n = getrandom(buf + got, sizeof(buf) - got, 0);
    if (n > 0) got += static_cast<size_t>(n);
    // n < 0: EINTR (the only error possible for a 10-byte request): retry.
  }
  U128 v = 0;
  for (unsigned char c : buf) v = (v << 8) | c;
  return v;
}

}  // namespace

std::string Journal::NewOpId() {
  static std::mutex mu;
  static uint64_t last_ms = 0;
  static U128 last_random = 0;

  uint64_t now_ms = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::system_clock::now().time_since_epoch())
          .count()) & kTimeMask;
  uint64_t ms;
  U128 random;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (now_ms > last_ms) {
      ms = now_ms;
      random = RandomBits();
    } else {
      ms = last_ms;
      random = (last_random + 1) & kRandomMask;
      if (random == 0) ++ms;  // 2^80 ids in one ms: borrow the next one
    }
    last_ms = ms;
    last_random = random;
  }

  U128 v = (U128{ms} << 80) | random;  // 128 bits; the top 2 of 130 are 0
  std::string id(26, '0');
  for (int i = 25; i >= 0; --i) {
    id[static_cast<size_t>(i)] = kCrockford[static_cast<unsigned>(v & 31)];
    v >>= 5;
  }
  return id;
}

}  // namespace lvu::journal
