#include "drivers/aix/parse/lparstat.h"

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/lspv.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

constexpr const char* kCmd = "lparstat -i";

}  // namespace

Status ParseLparstatInfo(const std::string& text, LparInfo* out) {
  *out = LparInfo();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    const size_t colon = l.text.find(':');
    if (colon == std::string::npos) return LineError(kCmd, l, "not \"Key : value\"");
    KeyValue kv{l.number, CollapseSpaces(std::string_view(l.text).substr(0, colon)),
                Trim(std::string_view(l.text).substr(colon + 1))};
    if (kv.key.empty() || kv.key.size() > 64) return LineError(kCmd, l, "no key before ':'");
    out->fields.push_back(kv);
  }
  if (out->fields.empty()) return EndError(kCmd, lines, "empty output");
  auto line_of = [&](const KeyValue* kv) -> const Line& { return lines[static_cast<size_t>(kv->line - 1)]; };
  auto text_of = [&](const char* key, std::string* v) {
    const KeyValue* kv = FindKey(out->fields, key);
    if (kv == nullptr) return EndError(kCmd, lines, std::string("no \"") + key + "\" line");
    *v = kv->value;
    return Status::OK();
  };
  auto number_of = [&](const char* key, std::optional<uint64_t>* v) {
    const KeyValue* kv = FindKey(out->fields, key);
    if (kv == nullptr || kv->value == "-") return Status::OK();
    uint64_t n = 0;
    if (!LeadingUint(kv->value, &n)) return LineError(kCmd, line_of(kv), std::string(key) + " is not a number");
    *v = n;
    return Status::OK();
  };
  LVU_RETURN_IF_ERROR(text_of("Partition Name", &out->partition_name));
  LVU_RETURN_IF_ERROR(text_of("Type", &out->type));
  LVU_RETURN_IF_ERROR(text_of("Mode", &out->mode));
  if (const KeyValue* kv = FindKey(out->fields, "Node Name")) out->node_name = kv->value;
  std::string number;
  LVU_RETURN_IF_ERROR(text_of("Partition Number", &number));
  if (!ParseInt(number, &out->partition_number)) {
    return LineError(kCmd, line_of(FindKey(out->fields, "Partition Number")), "Partition Number is not a number");
  }
  if (const KeyValue* kv = FindKey(out->fields, "Entitled Capacity"); kv != nullptr && kv->value != "-") {
    double v = 0;
    if (!ParseDecimal(kv->value, &v)) return LineError(kCmd, line_of(kv), "Entitled Capacity is not a number");
    out->entitled_capacity = v;
  }
  LVU_RETURN_IF_ERROR(number_of("Online Virtual CPUs", &out->online_virtual_cpus));
  LVU_RETURN_IF_ERROR(number_of("Online Memory", &out->online_memory_mb));
  LVU_RETURN_IF_ERROR(number_of("Maximum Memory", &out->maximum_memory_mb));
  return Status::OK();
}

nlohmann::json ToJson(const LparInfo& i) {
  auto opt = [](const auto& o) { return o ? nlohmann::json(*o) : nlohmann::json(nullptr); };
  return {{"node_name", i.node_name},
          {"partition_name", i.partition_name},
          {"partition_number", i.partition_number},
          {"type", i.type},
          {"mode", i.mode},
          {"entitled_capacity", opt(i.entitled_capacity)},
          {"online_virtual_cpus", opt(i.online_virtual_cpus)},
          {"online_memory_mb", opt(i.online_memory_mb)},
          {"maximum_memory_mb", opt(i.maximum_memory_mb)},
          {"fields", FieldsToJson(i.fields)}};
}

}  // namespace lvu::drivers::aix
