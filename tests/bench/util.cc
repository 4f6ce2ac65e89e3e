#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/bench/bench.h"

namespace lvu::bench {

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  // Nearest rank.
  double rank = p / 100.0 * static_cast<double>(v.size() - 1);
  size_t i = static_cast<size_t>(rank + 0.5);
  if (i >= v.size()) i = v.size() - 1;
  return v[i];
}

double PairedRatio(const Series& a, const Series& b) {
  std::vector<double> r;
  for (size_t i = 0; i < a.turn_s.size() && i < b.turn_s.size(); ++i) {
    if (a.turn_s[i] > 0) r.push_back(b.turn_s[i] / a.turn_s[i]);
  }
  return Percentile(r, 50);
}

uint64_t TreeBytes(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  uint64_t total = 0;
  if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

void RemoveTree(const std::string& path) {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

void MakeDirs(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) Die("cannot create " + path + ": " + ec.message());
}

void Die(const std::string& what) {
  std::fprintf(stderr, "lvu_bench: %s\n", what.c_str());
  std::exit(1);
}

std::string ReadFile(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void Log(const char* fmt, ...) {
  static const double start = Now();
  std::fprintf(stderr, "[%6.1fs] ", Now() - start);
  va_list ap;
  va_start(ap, fmt);
  std::vfprintf(stderr, fmt, ap);
  va_end(ap);
  std::fputc('\n', stderr);
}

}  // namespace lvu::bench
