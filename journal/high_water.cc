// The durable high-water mark: see high_water.h.
#include "journal/high_water.h"

#include <rocksdb/file_system.h>

#include <array>
#include <cstring>

#include "journal/keys.h"

namespace lvu::journal {
namespace {

constexpr char kMagic[4] = {'L', 'V', 'H', 'W'};
constexpr size_t kCrcOffset = 40;

uint32_t Crc32(const char* data, size_t n) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; i++) {
      uint32_t c = i;
      for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; i++) c = table[(c ^ static_cast<uint8_t>(data[i])) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void PutLittle(char* p, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; i++) p[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

uint64_t GetLittle(const char* p, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; i++) v |= static_cast<uint64_t>(static_cast<uint8_t>(p[i])) << (8 * i);
  return v;
}

Status FromIo(const rocksdb::IOStatus& s, const std::string& what) {
  if (s.ok()) return Status::OK();
  return Status::IOError(what + ": " + s.ToString());
}

}  // namespace

std::string EncodeHighWater(const HighWaterMark& m) {
  std::string r(kHighWaterRecordSize, '\0');
  std::memcpy(r.data(), kMagic, 4);
  std::memcpy(r.data() + 4, m.op_id.data(), std::min(m.op_id.size(), kOpIdSize));
  PutLittle(r.data() + 32, m.seq, 8);
  PutLittle(r.data() + kCrcOffset, Crc32(r.data(), kCrcOffset), 4);
  return r;
}

bool DecodeHighWater(const std::string& bytes, HighWaterMark* out) {
  if (bytes.size() != kHighWaterRecordSize) return false;
  if (std::memcmp(bytes.data(), kMagic, 4) != 0) return false;
  if (GetLittle(bytes.data() + kCrcOffset, 4) != Crc32(bytes.data(), kCrcOffset)) return false;
  out->op_id.assign(bytes.data() + 4, kOpIdSize);
  out->seq = GetLittle(bytes.data() + 32, 8);
  return true;
}

HighWaterFile::HighWaterFile(std::shared_ptr<rocksdb::FileSystem> fs, std::string dir)
    : fs_(std::move(fs)), dir_(std::move(dir)) {}

HighWaterFile::~HighWaterFile() {
  if (file_ != nullptr) file_->Close(rocksdb::IOOptions(), nullptr).PermitUncheckedError();
}

std::string HighWaterFile::path() const { return dir_ + "/" + kHighWaterFileName; }

Status HighWaterFile::Read(bool* present, HighWaterMark* out) const {
  *present = false;
  const std::string p = path();
  rocksdb::IOOptions io;
  rocksdb::IOStatus s = fs_->FileExists(p, io, nullptr);
  if (s.IsNotFound()) return Status::OK();
  LVU_RETURN_IF_ERROR(FromIo(s, "cannot read " + p));
  std::unique_ptr<rocksdb::FSSequentialFile> f;
  LVU_RETURN_IF_ERROR(FromIo(fs_->NewSequentialFile(p, rocksdb::FileOptions(), &f, nullptr), "cannot open " + p));
  std::string data;
  std::string scratch(64 * 1024, '\0');
  for (;;) {
    rocksdb::Slice got;
    LVU_RETURN_IF_ERROR(FromIo(f->Read(scratch.size(), io, &got, scratch.data(), nullptr), "cannot read " + p));
    if (got.empty()) break;
    data.append(got.data(), got.size());
    if (data.size() > 16 * kRotateBytes) {
      return Status::Corruption(p + ": larger than " + std::to_string(16 * kRotateBytes) +
                                " bytes: it is not a high-water mark file");
    }
  }
  // A torn append (a power loss during it) can only damage the end of the
  // file: bad records followed by a good one are damage.
  const size_t whole = data.size() / kHighWaterRecordSize * kHighWaterRecordSize;
  size_t first_bad = whole;
  for (size_t off = 0; off < whole; off += kHighWaterRecordSize) {
    HighWaterMark m;
    if (!DecodeHighWater(data.substr(off, kHighWaterRecordSize), &m)) {
      if (first_bad == whole) first_bad = off;
      continue;
    }
    if (first_bad != whole) {
      return Status::Corruption(p + ": the record at offset " + std::to_string(first_bad) + " is damaged");
    }
    *out = m;
    *present = true;
  }
  return Status::OK();
}

Status HighWaterFile::Rotate(const std::string& record) {
  const std::string p = path();
  const std::string tmp = p + ".new";
  rocksdb::IOOptions io;
  if (file_ != nullptr) {
    file_->Close(io, nullptr).PermitUncheckedError();
    file_.reset();
  }
  std::unique_ptr<rocksdb::FSWritableFile> f;
  LVU_RETURN_IF_ERROR(FromIo(fs_->NewWritableFile(tmp, rocksdb::FileOptions(), &f, nullptr), "cannot create " + tmp));
  LVU_RETURN_IF_ERROR(FromIo(f->Append(record, io, nullptr), "cannot write " + tmp));
  LVU_RETURN_IF_ERROR(FromIo(f->Sync(io, nullptr), "cannot sync " + tmp));
  LVU_RETURN_IF_ERROR(FromIo(f->Close(io, nullptr), "cannot close " + tmp));
  LVU_RETURN_IF_ERROR(FromIo(fs_->RenameFile(tmp, p, io, nullptr), "cannot rename " + tmp + " to " + p));
  std::unique_ptr<rocksdb::FSDirectory> d;
  LVU_RETURN_IF_ERROR(FromIo(fs_->NewDirectory(dir_, io, &d, nullptr), "cannot open " + dir_));
  LVU_RETURN_IF_ERROR(FromIo(d->Fsync(io, nullptr), "cannot sync " + dir_));
  syncs_ += 2;
  size_ = record.size();
  return Status::OK();
}

Status HighWaterFile::Append(const HighWaterMark& m) {
  const std::string record = EncodeHighWater(m);
  const std::string p = path();
  rocksdb::IOOptions io;
  if (file_ == nullptr) {
    bool created = fs_->FileExists(p, io, nullptr).IsNotFound();
    if (created) {
      // Written whole, then renamed: a new file is never seen half made.
      return Rotate(record);
    }
    LVU_RETURN_IF_ERROR(FromIo(fs_->GetFileSize(p, io, &size_, nullptr), "cannot read the size of " + p));
    if (size_ % kHighWaterRecordSize != 0 || size_ + record.size() > kRotateBytes) return Rotate(record);
    LVU_RETURN_IF_ERROR(FromIo(fs_->ReopenWritableFile(p, rocksdb::FileOptions(), &file_, nullptr),
                               "cannot open " + p));
  } else if (size_ + record.size() > kRotateBytes) {
    return Rotate(record);
  }
  rocksdb::IOStatus s = file_->Append(record, io, nullptr);
  if (s.ok()) s = file_->Sync(io, nullptr);
  if (!s.ok()) {
    // The file may now end in a torn record: start a fresh one next time.
    file_->Close(io, nullptr).PermitUncheckedError();
    file_.reset();
    return FromIo(s, "cannot write " + p);
  }
  size_ += record.size();
  syncs_++;
  return Status::OK();
}

}  // namespace lvu::journal
