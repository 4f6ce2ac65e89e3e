// Test support: damage a closed journal through a raw RocksDB handle, as a
// disk or a careless tool would, to see what lvupdate reports.
#pragma once

#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <functional>
#include <string>
#include <vector>

namespace lvu::journal::testing {

using DamageFn = std::function<void(rocksdb::DB*, rocksdb::ColumnFamilyHandle* events,
                                    rocksdb::ColumnFamilyHandle* ops)>;

// Opens the journal directory `dir` (closed by everyone else) with its three
// column families (default, events, ops), runs `damage`, closes it.
inline void DamageJournal(const std::string& dir, const DamageFn& damage) {
  std::vector<rocksdb::ColumnFamilyDescriptor> families = {
      {rocksdb::kDefaultColumnFamilyName, {}}, {"events", {}}, {"ops", {}}};
  std::vector<rocksdb::ColumnFamilyHandle*> h;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(rocksdb::Options(), dir, families, &h, &db);
  ASSERT_TRUE(s.ok()) << s.ToString();
  damage(db, h[1], h[2]);
  for (auto* x : h) db->DestroyColumnFamilyHandle(x);
  delete db;
}

}  // namespace lvu::journal::testing
