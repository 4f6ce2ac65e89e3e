// The JSON form of events (ToJson / FromJson in event_codec.h), written and
// read by Cap'n Proto's JSON codec from the annotated schema (events.capnp).
//
// The codec writes 64-bit integers as JSON strings, because JSON numbers are
// doubles. Our 64-bit values (seq, timeUs, blackoutS, globalS) are far below
// 2^53, where a double is exact, so ToJson writes them as plain numbers: it
// takes the codec's JsonValue tree and writes it out itself, knowing from the
// schema which fields are 64-bit. A value beyond 2^53 stays a string, so
// nothing is ever rounded. Text is written byte for byte as the codec would.
//
// FromJson refuses what would not come back exactly: unknown fields, an
// unknown or missing kind, a kind without its object, a 64-bit number beyond
// 2^53 (write it as a string), and anything the codec itself refuses.
#include <capnp/compat/json.h>
#include <capnp/dynamic.h>
#include <capnp/message.h>
#include <kj/exception.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "journal/event_capnp.h"
#include "journal/event_codec.h"

namespace lvu::journal {

namespace {

namespace cp = ::lvu::journal::schema;
using capnp::JsonValue;

constexpr double kExactLimit = 9007199254740992.0;  // 2^53

const capnp::JsonCodec& Codec() {
  static const capnp::JsonCodec* codec = [] {
    auto* c = new capnp::JsonCodec;
    c->handleByAnnotation<cp::Event>();
    c->setRejectUnknownFields(true);
    return c;
  }();
  return *codec;
}

bool Is64Bit(const capnp::Type& t) {
  return t.which() == capnp::schema::Type::INT64 || t.which() == capnp::schema::Type::UINT64;
}

// The type of field `name` of struct type `t`, when `t` is a struct that has it.
kj::Maybe<capnp::Type> FieldType(kj::Maybe<capnp::Type> t, kj::StringPtr name) {
  KJ_IF_MAYBE(type, t) {
    if (type->isStruct()) {
      KJ_IF_MAYBE(field, type->asStruct().findFieldByName(name)) { return field->getType(); }
    }
  }
  return nullptr;
}

kj::Maybe<capnp::Type> ElementType(kj::Maybe<capnp::Type> t) {
  KJ_IF_MAYBE(type, t) {
    if (type->isList()) return type->asList().getElementType();
  }
  return nullptr;
}

void WriteString(kj::StringPtr s, std::string* out) {
  out->push_back('"');
  for (char c : s) {
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          *out += buf;
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

// A decimal integer string whose magnitude is at most 2^53.
bool ExactDigits(kj::StringPtr s) {
  size_t i = s.size() > 0 && s[0] == '-' ? 1 : 0;
  if (i == s.size() || s.size() - i > 16) return false;
  for (size_t k = i; k < s.size(); ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
  }
  // At most 16 digits: fits an unsigned long long, compared exactly.
  return std::stoull(std::string(s.cStr() + i)) <= (1ull << 53);
}

void WriteNumber(double d, std::string* out) {
  char buf[32];
  if (std::floor(d) == d && std::fabs(d) <= kExactLimit) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(d));
  } else {
    std::snprintf(buf, sizeof buf, "%.17g", d);
  }
  *out += buf;
}

void Write(JsonValue::Reader v, kj::Maybe<capnp::Type> type, std::string* out) {
  switch (v.which()) {
    case JsonValue::NULL_: *out += "null"; break;
    case JsonValue::BOOLEAN: *out += v.getBoolean() ? "true" : "false"; break;
    case JsonValue::NUMBER: WriteNumber(v.getNumber(), out); break;
    case JsonValue::STRING: {
      bool bare = false;
      KJ_IF_MAYBE(t, type) { bare = Is64Bit(*t) && ExactDigits(v.getString()); }
      if (bare) {
        *out += v.getString().cStr();
      } else {
        WriteString(v.getString(), out);
      }
      break;
    }
    case JsonValue::ARRAY: {
      out->push_back('[');
      bool first = true;
      for (JsonValue::Reader e : v.getArray()) {
        if (!first) out->push_back(',');
        first = false;
        Write(e, ElementType(type), out);
      }
      out->push_back(']');
      break;
    }
    case JsonValue::OBJECT: {
      out->push_back('{');
      bool first = true;
      for (JsonValue::Field::Reader f : v.getObject()) {
        if (!first) out->push_back(',');
        first = false;
        WriteString(f.getName(), out);
        out->push_back(':');
        Write(f.getValue(), FieldType(type, f.getName()), out);
      }
      out->push_back('}');
      break;
    }
    case JsonValue::CALL:  // the codec never writes calls for this schema
      *out += "null";
      break;
  }
}

// Refuses a 64-bit field written as a number the JSON parser may have rounded.
Status Check64(JsonValue::Reader v, kj::Maybe<capnp::Type> type, const std::string& where) {
  if (v.isNumber()) {
    KJ_IF_MAYBE(t, type) {
      if (Is64Bit(*t) && std::fabs(v.getNumber()) > kExactLimit) {
        return Status::InvalidArgument(where + ": " + std::to_string(v.getNumber()) +
                                       " is beyond 2^53 and may have been rounded: write it as a string");
      }
    }
  } else if (v.isArray()) {
    for (JsonValue::Reader e : v.getArray()) LVU_RETURN_IF_ERROR(Check64(e, ElementType(type), where));
  } else if (v.isObject()) {
    for (JsonValue::Field::Reader f : v.getObject()) {
      LVU_RETURN_IF_ERROR(
          Check64(f.getValue(), FieldType(type, f.getName()), where + "." + f.getName().cStr()));
    }
  }
  return Status::OK();
}

// The event's "kind" must name a known kind whose object is present: the
// codec alone would read a missing or unknown member as the default one.
Status CheckKind(JsonValue::Reader v) {
  if (!v.isObject()) return Status::InvalidArgument("not a JSON object");
  std::string kind;
  bool has_kind = false;
  for (JsonValue::Field::Reader f : v.getObject()) {
    if (f.getName() == "kind") {
      if (!f.getValue().isString()) return Status::InvalidArgument("\"kind\" is not a string");
      kind = f.getValue().getString().cStr();
      has_kind = true;
    }
  }
  if (!has_kind) return Status::InvalidArgument("no \"kind\"");
  EventKind k;
  if (!ParseKindName(kind, &k)) return Status::InvalidArgument("unknown kind \"" + kind + "\"");
  for (JsonValue::Field::Reader f : v.getObject()) {
    if (f.getName() == kind.c_str()) {
      if (!f.getValue().isObject()) return Status::InvalidArgument("\"" + kind + "\" is not an object");
      return Status::OK();
    }
  }
  return Status::InvalidArgument("kind \"" + kind + "\" without its \"" + kind + "\" object");
}

}  // namespace

std::string ToJson(const Event& e) {
  capnp::MallocMessageBuilder message;
  auto root = message.initRoot<cp::Event>();
  BuildEvent(e, root);
  capnp::MallocMessageBuilder tree;
  auto value = tree.initRoot<JsonValue>();
  Codec().encode(root.asReader(), value);
  std::string out;
  Write(value.asReader(), capnp::Type(capnp::Schema::from<cp::Event>()), &out);
  return out;
}

Status FromJson(std::string_view line, Event* out) {
  try {
    capnp::MallocMessageBuilder tree;
    auto value = tree.initRoot<JsonValue>();
    Codec().decodeRaw(kj::ArrayPtr<const char>(line.data(), line.size()), value);
    LVU_RETURN_IF_ERROR(CheckKind(value.asReader()));
    LVU_RETURN_IF_ERROR(Check64(value.asReader(), capnp::Type(capnp::Schema::from<cp::Event>()), "event"));
    capnp::MallocMessageBuilder message;
    auto root = message.initRoot<cp::Event>();
    Codec().decode(value.asReader(), capnp::toDynamic(root));
    return ReadEvent(root.asReader(), out);
  } catch (const kj::Exception& ex) {
    return Status::InvalidArgument(std::string("does not decode: ") + ex.getDescription().cStr());
  }
}

}  // namespace lvu::journal
