// The fuzz target's contract checks (lvupdate_data_fuzz.cc) in `make test`:
// on every seed of the corpus, and on 20000 deterministic mutations of them
// (bytes flipped, inserted, deleted, lines swapped and spliced between
// seeds). A broken contract aborts with the input printed. `make torture`
// runs the same target under libFuzzer for longer.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "tests/fuzz/lvupdate_data_fuzz.cc"

namespace {

std::vector<std::string> Seeds() {
  std::vector<std::string> seeds;
  for (const auto& e : std::filesystem::directory_iterator(LVU_SOURCE_DIR "/tests/fuzz/corpus/lvupdate_data")) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    seeds.push_back(ss.str());
  }
  return seeds;
}

void Feed(const std::string& s) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

TEST(LvupdateDataCorpus, EverySeed) {
  auto seeds = Seeds();
  ASSERT_GE(seeds.size(), 5u);
  for (const auto& s : seeds) Feed(s);
}

TEST(LvupdateDataCorpus, DeterministicMutations) {
  const auto seeds = Seeds();
  const std::string alphabet = " \t\r\n=:,#*hdisk0123456789general:disks:hmc:lpar_id\0\xff";
  std::mt19937 rng(20150914);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % std::max<size_t>(n, 1)); };
  for (int i = 0; i < 20000; i++) {
    std::string s = seeds[pick(seeds.size())];
    for (int m = 1 + static_cast<int>(pick(4)); m > 0; m--) {
      switch (pick(5)) {
        case 0: if (!s.empty()) s[pick(s.size())] = alphabet[pick(alphabet.size())]; break;
        case 1: s.insert(pick(s.size() + 1), 1, alphabet[pick(alphabet.size())]); break;
        case 2: if (!s.empty()) s.erase(pick(s.size()), 1 + pick(8)); break;
        case 3: {  // splice a piece of another seed
          const std::string& o = seeds[pick(seeds.size())];
          size_t from = pick(o.size());
          s.insert(pick(s.size() + 1), o.substr(from, pick(40)));
          break;
        }
        case 4: {  // duplicate a line
          size_t at = s.find('\n', pick(s.size()));
          if (at != std::string::npos) {
            size_t start = s.rfind('\n', at == 0 ? 0 : at - 1);
            start = start == std::string::npos ? 0 : start + 1;
            s.insert(at + 1, s.substr(start, at - start + 1));
          }
          break;
        }
      }
    }
    Feed(s);
  }
}

}  // namespace
