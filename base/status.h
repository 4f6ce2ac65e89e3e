// Status: the outcome of an operation that can fail in an expected way.
//
// Modelled on LevelDB's Status. Expected failures (bad input, a driver
// command that failed, a corrupted record, a lock held by another process)
// are values of this type; exceptions are reserved for bugs.
//
// Contract: a default-constructed Status is OK. Every non-OK Status carries a
// message that names what failed (file and line, journal key, step name...),
// written for an administrator, not for a programmer.
#pragma once

#include <string>
#include <utility>

namespace lvu {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,
    kInvalidArgument,  // bad input from the user: exit 2
    kCorruption,       // a journal record that does not decode or fit
    kIOError,          // the file system said no
    kBusy,             // another process holds the live update lock
    kFailed,           // a driver command failed; not worth retrying
    kTransient,        // a driver command failed; retrying may succeed
    kNoSpace,          // the file system is (nearly) full: exit 1, nothing changed
    kConflict,         // the world contradicts the journal: the engine stopped before acting
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status InvalidArgument(std::string m) { return Status(Code::kInvalidArgument, std::move(m)); }
  static Status Corruption(std::string m) { return Status(Code::kCorruption, std::move(m)); }
  static Status IOError(std::string m) { return Status(Code::kIOError, std::move(m)); }
  static Status Busy(std::string m) { return Status(Code::kBusy, std::move(m)); }
  static Status Failed(std::string m) { return Status(Code::kFailed, std::move(m)); }
  static Status Transient(std::string m) { return Status(Code::kTransient, std::move(m)); }
  static Status NoSpace(std::string m) { return Status(Code::kNoSpace, std::move(m)); }
  static Status Conflict(std::string m) { return Status(Code::kConflict, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  bool IsCorruption() const { return code_ == Code::kCorruption; }
  bool IsIOError() const { return code_ == Code::kIOError; }
  bool IsBusy() const { return code_ == Code::kBusy; }
  bool IsTransient() const { return code_ == Code::kTransient; }
  bool IsNoSpace() const { return code_ == Code::kNoSpace; }
  bool IsConflict() const { return code_ == Code::kConflict; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "Corruption: events/01J...:0000000000000007: does not decode"
  std::string ToString() const;

  // Prefixes the message with context, keeping the code.
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

inline std::string Status::ToString() const {
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kNotFound: return "Not found: " + message_;
    case Code::kInvalidArgument: return "Invalid argument: " + message_;
    case Code::kCorruption: return "Corruption: " + message_;
    case Code::kIOError: return "IO error: " + message_;
    case Code::kBusy: return "Busy: " + message_;
    case Code::kFailed: return "Failed: " + message_;
    case Code::kTransient: return "Transient failure: " + message_;
    case Code::kNoSpace: return "No space: " + message_;
    case Code::kConflict: return "Conflict: " + message_;
  }
  return message_;
}

}  // namespace lvu

// Returns early from the enclosing function when `expr` is not OK.
#define LVU_RETURN_IF_ERROR(expr)          \
  do {                                     \
    ::lvu::Status _lvu_s = (expr);         \
    if (!_lvu_s.ok()) return _lvu_s;       \
  } while (0)
