#include "journal/export_file.h"

#include "journal/event_codec.h"
#include "journal/event_stream.h"

namespace lvu::journal {

Status ParseExport(const std::string& text, const std::string& file, const std::string& format_arg,
                   std::vector<Event>* events) {
  std::string format = format_arg;
  if (format.empty() || format == "auto") {
    size_t first = text.find_first_not_of(" \t\r\n");
    format = first != std::string::npos && text[first] == '{' ? "jsonl" : "capnp";
  }
  if (format == "jsonl") {
    size_t line_no = 0, at = 0;
    while (at < text.size()) {
      size_t end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(at, end - at);
      at = end + 1;
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      Event e;
      Status s = FromJson(line, &e);
      if (!s.ok()) return s.WithContext(file + ":" + std::to_string(line_no));
      events->push_back(std::move(e));
    }
  } else if (format == "capnp") {
    std::vector<std::string> messages;
    Status s = SplitStream(text, &messages);
    if (!s.ok()) return s.WithContext(file);
    for (size_t i = 0; i < messages.size(); ++i) {
      Event e;
      s = Decode(messages[i], &e);
      if (!s.ok()) return s.WithContext(file + ": message " + std::to_string(i + 1));
      events->push_back(std::move(e));
    }
  } else {
    return Status::InvalidArgument("--format takes auto, jsonl or capnp, not '" + format + "'");
  }
  return Status::OK();
}

}  // namespace lvu::journal
