#include "tests/support/fault_fs.h"

#include <unistd.h>

#include <cstdio>

namespace lvu::testing {
namespace {

using rocksdb::IODebugContext;
using rocksdb::IOOptions;
using rocksdb::IOStatus;
using rocksdb::Slice;

class FaultFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  FaultFile(FaultFs* fs, std::string path, std::unique_ptr<rocksdb::FSWritableFile>&& f)
      : rocksdb::FSWritableFileOwnerWrapper(std::move(f)), fs_(fs), path_(std::move(path)) {}

  IOStatus Append(const Slice& data, const IOOptions& o, IODebugContext* d) override {
    IOStatus s = fs_->Hit(FaultFs::Op::kWrite, path_);
    if (s.ok()) s = target()->Append(data, o, d);
    if (s.ok()) fs_->Appended(path_, data.size());
    return s;
  }
  IOStatus Append(const Slice& data, const IOOptions& o, const rocksdb::DataVerificationInfo& v,
                  IODebugContext* d) override {
    IOStatus s = fs_->Hit(FaultFs::Op::kWrite, path_);
    if (s.ok()) s = target()->Append(data, o, v, d);
    if (s.ok()) fs_->Appended(path_, data.size());
    return s;
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t off, const IOOptions& o, IODebugContext* d) override {
    IOStatus s = fs_->Hit(FaultFs::Op::kWrite, path_);
    if (s.ok()) s = target()->PositionedAppend(data, off, o, d);
    if (s.ok()) fs_->Truncated(path_, off + data.size());
    return s;
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t off, const IOOptions& o,
                            const rocksdb::DataVerificationInfo& v, IODebugContext* d) override {
    IOStatus s = fs_->Hit(FaultFs::Op::kWrite, path_);
    if (s.ok()) s = target()->PositionedAppend(data, off, o, v, d);
    if (s.ok()) fs_->Truncated(path_, off + data.size());
    return s;
  }
  IOStatus Truncate(uint64_t size, const IOOptions& o, IODebugContext* d) override {
    IOStatus s = target()->Truncate(size, o, d);
    if (s.ok()) fs_->Truncated(path_, size);
    return s;
  }
  IOStatus Sync(const IOOptions& o, IODebugContext* d) override {
    IOStatus s = fs_->Hit(FaultFs::Op::kSync, path_);
    if (s.ok()) s = target()->Sync(o, d);
    if (s.ok()) fs_->Synced(path_);
    return s;
  }
  IOStatus Fsync(const IOOptions& o, IODebugContext* d) override {
    IOStatus s = fs_->Hit(FaultFs::Op::kSync, path_);
    if (s.ok()) s = target()->Fsync(o, d);
    if (s.ok()) fs_->Synced(path_);
    return s;
  }
  IOStatus RangeSync(uint64_t off, uint64_t n, const IOOptions& o, IODebugContext* d) override {
    // Only part of the file: not a sync point of ours; passed through.
    return target()->RangeSync(off, n, o, d);
  }

 private:
  FaultFs* fs_;
  const std::string path_;
};

class FaultDir : public rocksdb::FSDirectoryWrapper {
 public:
  FaultDir(FaultFs* fs, std::string path, std::unique_ptr<rocksdb::FSDirectory>&& d)
      : rocksdb::FSDirectoryWrapper(std::move(d)), fs_(fs), path_(std::move(path)) {}
  IOStatus Fsync(const IOOptions& o, IODebugContext* d) override {
    IOStatus s = fs_->Hit(FaultFs::Op::kSync, path_);
    return s.ok() ? rocksdb::FSDirectoryWrapper::Fsync(o, d) : s;
  }
  IOStatus FsyncWithDirOptions(const IOOptions& o, IODebugContext* d,
                               const rocksdb::DirFsyncOptions& opts) override {
    IOStatus s = fs_->Hit(FaultFs::Op::kSync, path_);
    return s.ok() ? rocksdb::FSDirectoryWrapper::FsyncWithDirOptions(o, d, opts) : s;
  }

 private:
  FaultFs* fs_;
  const std::string path_;
};

}  // namespace

FaultFs::FaultFs(Plan plan) : rocksdb::FileSystemWrapper(rocksdb::FileSystem::Default()), plan_(plan) {}

IOStatus FaultFs::Hit(Op op, const std::string& path) {
  const uint64_t n = ++counts_[static_cast<int>(op)];
  if (plan_.fault == Fault::kNone || op != plan_.op || n != plan_.n) return IOStatus::OK();
  switch (plan_.fault) {
    case Fault::kNone: break;
    case Fault::kNoSpace:
      fired_ = true;
      return IOStatus::NoSpace("injected: No space left on device", path);
    case Fault::kIoError:
      fired_ = true;
      return IOStatus::IOError("injected: Input/output error", path);
    case Fault::kPowerLoss: PowerLoss();
  }
  return IOStatus::OK();
}

void FaultFs::PowerLoss() {
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [path, st] : files_) {
    if (st.synced < st.size) {
      if (::truncate(path.c_str(), static_cast<off_t>(st.synced)) != 0) std::perror(path.c_str());
    }
  }
  std::fflush(stdout);
  std::fflush(stderr);
  ::_exit(kPowerLossExit);
}

void FaultFs::Appended(const std::string& path, uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  files_[path].size += bytes;
}

void FaultFs::Synced(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  FileState& f = files_[path];
  f.synced = f.size;
}

void FaultFs::Truncated(const std::string& path, uint64_t size) {
  std::lock_guard<std::mutex> lock(mu_);
  FileState& f = files_[path];
  f.size = size;
  if (f.synced > size) f.synced = size;
}

IOStatus FaultFs::Wrap(const std::string& path, bool keep_size, std::unique_ptr<rocksdb::FSWritableFile>* r) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    FileState& f = files_[path];
    if (keep_size) {
      uint64_t size = 0;
      if (target()->GetFileSize(path, IOOptions(), &size, nullptr).ok()) {
        // What was there before we wrote it counts as durable.
        if (f.size == 0) f.size = f.synced = size;
      }
    } else {
      f.size = f.synced = 0;
    }
  }
  r->reset(new FaultFile(this, path, std::move(*r)));
  return IOStatus::OK();
}

IOStatus FaultFs::NewWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                  std::unique_ptr<rocksdb::FSWritableFile>* r, IODebugContext* d) {
  IOStatus s = target()->NewWritableFile(f, o, r, d);
  return s.ok() ? Wrap(f, false, r) : s;
}

IOStatus FaultFs::ReopenWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                     std::unique_ptr<rocksdb::FSWritableFile>* r, IODebugContext* d) {
  IOStatus s = target()->ReopenWritableFile(f, o, r, d);
  return s.ok() ? Wrap(f, true, r) : s;
}

IOStatus FaultFs::ReuseWritableFile(const std::string& f, const std::string& old, const rocksdb::FileOptions& o,
                                    std::unique_ptr<rocksdb::FSWritableFile>* r, IODebugContext* d) {
  IOStatus s = target()->ReuseWritableFile(f, old, o, r, d);
  return s.ok() ? Wrap(f, false, r) : s;
}

IOStatus FaultFs::NewDirectory(const std::string& name, const IOOptions& o, std::unique_ptr<rocksdb::FSDirectory>* r,
                               IODebugContext* d) {
  IOStatus s = target()->NewDirectory(name, o, r, d);
  if (s.ok()) r->reset(new FaultDir(this, name, std::move(*r)));
  return s;
}

IOStatus FaultFs::RenameFile(const std::string& src, const std::string& dst, const IOOptions& o, IODebugContext* d) {
  IOStatus s = Hit(Op::kRename, src);
  if (s.ok()) s = target()->RenameFile(src, dst, o, d);
  if (s.ok()) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = files_.find(src);
    if (it != files_.end()) {
      files_[dst] = it->second;
      files_.erase(it);
    } else {
      files_.erase(dst);
    }
  }
  return s;
}

IOStatus FaultFs::GetFreeSpace(const std::string& path, const IOOptions& o, uint64_t* free, IODebugContext* d) {
  IOStatus s = target()->GetFreeSpace(path, o, free, d);
  if (s.ok() && *free > plan_.free_bytes) *free = plan_.free_bytes;
  return s;
}

}  // namespace lvu::testing
