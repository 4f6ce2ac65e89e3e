#include "drivers/sim/world_store.h"

#include "base/file.h"

namespace lvu::drivers::sim {

std::string SimDir(const std::string& home) { return home + "/sim"; }
std::string WorldPath(const std::string& home) { return SimDir(home) + "/world.json"; }
std::string FaultsPath(const std::string& home) { return SimDir(home) + "/faults.json"; }

Status LoadWorld(const std::string& home, World* out) {
  const std::string path = WorldPath(home);
  std::string text;
  Status s = ReadFileToString(path, &text);
  if (s.IsNotFound())
    return Status::NotFound("no simulated world at " + path + " (run `lvupdate sim init`)");
  LVU_RETURN_IF_ERROR(s);
  return ParseWorld(text, path, out);
}

Status SaveWorld(const std::string& home, const World& w) {
  return WriteFileAtomically(WorldPath(home), WorldToJsonText(w));
}

}  // namespace lvu::drivers::sim
