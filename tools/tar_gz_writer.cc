// See tar_gz_writer.h.
#include "tools/tar_gz_writer.h"

#include "base/file.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace lvu::tools {

namespace {

struct ArchiveWriteDeleter {
  void operator()(archive* a) const { archive_write_free(a); }
};
struct ArchiveReadDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};
struct EntryDeleter {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};

la_ssize_t Append(archive*, void* client, const void* buf, size_t n) {
  static_cast<std::string*>(client)->append(static_cast<const char*>(buf), n);
  return static_cast<la_ssize_t>(n);
}

std::string Message(archive* a) {
  const char* m = archive_error_string(a);
  return m != nullptr ? m : "unknown libarchive error";
}

}  // namespace

Status WriteTarGz(const std::vector<TarMember>& members, int64_t mtime, std::string* out) {
  std::unique_ptr<archive, ArchiveWriteDeleter> a(archive_write_new());
  if (a == nullptr) return Status::IOError("libarchive: cannot allocate a writer");
  std::string buf;
  if (archive_write_add_filter_gzip(a.get()) != ARCHIVE_OK ||
      archive_write_set_format_pax_restricted(a.get()) != ARCHIVE_OK ||
      archive_write_set_bytes_in_last_block(a.get(), 1) != ARCHIVE_OK ||
      archive_write_open(a.get(), &buf, nullptr, Append, nullptr) != ARCHIVE_OK) {
    return Status::IOError("libarchive: cannot start a .tar.gz: " + Message(a.get()));
  }
  for (const TarMember& m : members) {
    std::unique_ptr<archive_entry, EntryDeleter> e(archive_entry_new());
    archive_entry_set_pathname(e.get(), m.path.c_str());
    archive_entry_set_filetype(e.get(), AE_IFREG);
    archive_entry_set_perm(e.get(), 0644);
    archive_entry_set_size(e.get(), static_cast<la_int64_t>(m.bytes.size()));
    archive_entry_set_mtime(e.get(), static_cast<time_t>(mtime), 0);
    archive_entry_set_uid(e.get(), 0);
    archive_entry_set_gid(e.get(), 0);
    archive_entry_set_uname(e.get(), "root");
    archive_entry_set_gname(e.get(), "root");
    if (archive_write_header(a.get(), e.get()) != ARCHIVE_OK) {
      return Status::IOError("libarchive: cannot add " + m.path + ": " + Message(a.get()));
    }
    size_t done = 0;
    while (done < m.bytes.size()) {
      la_ssize_t n = archive_write_data(a.get(), m.bytes.data() + done, m.bytes.size() - done);
      if (n <= 0) return Status::IOError("libarchive: cannot write " + m.path + ": " + Message(a.get()));
      done += static_cast<size_t>(n);
    }
  }
  if (archive_write_close(a.get()) != ARCHIVE_OK) {
    return Status::IOError("libarchive: cannot finish the .tar.gz: " + Message(a.get()));
  }
  out->append(buf);
  return Status::OK();
}

Status ReadTarGz(const std::string& bytes, uint64_t max_unpacked, std::vector<TarMember>* out) {
  uint64_t unpacked = 0;
  std::unique_ptr<archive, ArchiveReadDeleter> a(archive_read_new());
  if (a == nullptr) return Status::IOError("libarchive: cannot allocate a reader");
  archive_read_support_filter_all(a.get());
  archive_read_support_format_tar(a.get());
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
    return Status::Corruption("not a tar archive: " + Message(a.get()));
  }
  archive_entry* e = nullptr;
  int rc;
  while ((rc = archive_read_next_header(a.get(), &e)) == ARCHIVE_OK) {
    if (archive_entry_filetype(e) != AE_IFREG) continue;
    TarMember m;
    m.path = archive_entry_pathname(e);
    char chunk[16384];
    la_ssize_t n;
    while ((n = archive_read_data(a.get(), chunk, sizeof chunk)) > 0) {
      unpacked += static_cast<uint64_t>(n);
      if (unpacked > max_unpacked) {
        return Status::InvalidArgument("the archive unpacks to more than " + SizeText(max_unpacked) +
                                       " (the limit for a support bundle), at " + m.path);
      }
      m.bytes.append(chunk, static_cast<size_t>(n));
    }
    if (n < 0) return Status::Corruption("cannot read " + m.path + " in the archive: " + Message(a.get()));
    out->push_back(std::move(m));
  }
  if (rc != ARCHIVE_EOF) return Status::Corruption("cannot read the archive: " + Message(a.get()));
  return Status::OK();
}

}  // namespace lvu::tools
