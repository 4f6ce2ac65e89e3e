// See prefetch.h.
#include "drivers/aix/prefetch.h"

#include <future>
#include <map>
#include <memory>

namespace lvu::drivers::aix {

RunCommand Prefetch(const RunCommand& run, const std::vector<std::vector<std::string>>& commands, bool concurrent) {
  if (!concurrent || commands.size() < 2) return run;
  struct Answer {
    Status status;
    std::string out;
  };
  auto answers = std::make_shared<std::map<std::vector<std::string>, Answer>>();
  std::vector<std::future<Answer>> running;
  for (const auto& c : commands) {
    running.push_back(std::async(std::launch::async, [run, c] {
      Answer a;
      a.status = run(c, &a.out);
      return a;
    }));
  }
  for (size_t i = 0; i < commands.size(); ++i) (*answers)[commands[i]] = running[i].get();
  return [run, answers](const std::vector<std::string>& argv, std::string* out) {
    auto it = answers->find(argv);
    if (it == answers->end()) return run(argv, out);
    if (it->second.status.ok()) *out = it->second.out;
    return it->second.status;
  };
}

}  // namespace lvu::drivers::aix
