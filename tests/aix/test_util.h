// Helpers of the aix parser tests: the real outputs, read at test time.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace lvu::drivers::aix::testing {

inline std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// (Built with append, not operator+ on a temporary: GCC 12 reports a false
// -Warray-bounds for the latter once inlined.)
inline std::string SharedDir() {
  std::string dir = LVU_SOURCE_DIR;
  dir.append("/../shared/aix-outputs/");
  return dir;
}

// A file of /work/shared/aix-outputs.
inline std::string Shared(const std::string& name) {
  std::string path = SharedDir();
  path.append(name);
  return ReadWholeFile(path);
}

// A verbatim excerpt of the seed article in tests/aix/data (see its README.md).
inline std::string Data(const std::string& name) {
  std::string path = LVU_SOURCE_DIR;
  path.append("/tests/aix/data/").append(name);
  return ReadWholeFile(path);
}

// Lines first..last (1-based, inclusive) of `text`, each with its newline:
// a verbatim excerpt of a real file.
inline std::string LinesOf(const std::string& text, int first, int last) {
  std::istringstream in(text);
  std::string line, out;
  for (int n = 1; std::getline(in, line); ++n) {
    if (n >= first && n <= last) out += line + "\n";
  }
  return out;
}

// Removes the lines a PARTIAL file's author wrote to mark elided lines
// ("...", "......", "....."): only dots and blanks. They are not output.
inline std::string StripElisions(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    const size_t b = line.find_first_not_of(" \t");
    const bool elision = b != std::string::npos && line.find_first_not_of(". \t\r") == std::string::npos &&
                         line.find("...") != std::string::npos;
    if (!elision) out += line + "\n";
  }
  return out;
}

}  // namespace lvu::drivers::aix::testing
