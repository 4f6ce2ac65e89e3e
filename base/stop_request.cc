#include "base/stop_request.h"

#include <signal.h>

#include <atomic>
#include <mutex>

namespace lvu {
namespace {

std::atomic<int> g_signal{0};
std::atomic<int> g_count{0};
std::atomic<bool> g_installed{false};
std::mutex g_mu;
std::string g_where;  // guarded by g_mu

}  // namespace

int RequestStop(int signal) {
  int expected = 0;
  g_signal.compare_exchange_strong(expected, signal);
  return ++g_count;
}

int StopSignal() { return g_signal.load(); }

void ClearStopRequest() {
  g_signal = 0;
  g_count = 0;
}

void SetStopWhere(const std::string& where) {
  std::lock_guard<std::mutex> lock(g_mu);
  g_where = where;
}

std::string StopWhere() {
  std::lock_guard<std::mutex> lock(g_mu);
  return g_where;
}

void SetStopSignalsInstalled(bool on) { g_installed = on; }
bool StopSignalsInstalled() { return g_installed.load(); }

std::string SignalName(int signal) {
  switch (signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    case SIGQUIT: return "SIGQUIT";
    case SIGPIPE: return "SIGPIPE";
  }
  return "signal " + std::to_string(signal);
}

}  // namespace lvu
