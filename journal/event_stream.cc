// The raw export stream: see event_stream.h.
#include "journal/event_stream.h"

#include <capnp/serialize.h>
#include <kj/array.h>

#include <cstring>

namespace lvu::journal {

Status SplitStream(std::string_view bytes, std::vector<std::string>* messages) {
  messages->clear();
  constexpr size_t kWord = sizeof(capnp::word);
  if (bytes.size() % kWord != 0) {
    return Status::Corruption(std::to_string(bytes.size()) +
                              " bytes is not a whole number of 8-byte words: not a Cap'n Proto message stream");
  }
  kj::Array<capnp::word> words = kj::heapArray<capnp::word>(bytes.size() / kWord);
  if (!bytes.empty()) std::memcpy(words.begin(), bytes.data(), bytes.size());
  size_t at = 0;
  std::vector<std::string> out;
  while (at < words.size()) {
    kj::ArrayPtr<const capnp::word> rest = words.slice(at, words.size());
    size_t need = capnp::expectedSizeInWordsFromPrefix(rest);
    if (need > rest.size() || need == 0) {
      return Status::Corruption("the message at byte " + std::to_string(at * kWord) + " needs " +
                                std::to_string(need * kWord) + " bytes and only " +
                                std::to_string(rest.size() * kWord) + " are left (cut short?)");
    }
    out.emplace_back(bytes.substr(at * kWord, need * kWord));
    at += need;
  }
  *messages = std::move(out);
  return Status::OK();
}

}  // namespace lvu::journal
