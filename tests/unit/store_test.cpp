#include "store/store.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "generate/sample_center.h"
#include "io/dataset.h"
#include "store/sqlite/migrations.h"
#include "test_center.h"

namespace rcc::store {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("rcc_store_test_" +
              std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db"))
                .string();
    remove_db();
  }
  void TearDown() override { remove_db(); }
  void remove_db() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  std::string path_;
};

TEST_F(StoreTest, EmptyStoreHasNoCenterAndIsMigrated) {
  const auto store = open_store(path_);
  EXPECT_FALSE(store->load_center().has_value());
  EXPECT_EQ(store->schema_version(), sqlite_migrations().back().version);
}

TEST_F(StoreTest, RoundTripIsExact) {
  auto center = generate::generate_center({400, 9, 11});
  center.projects[0].roles[0].certificate = "HCIP-5G";  // the generator names none
  {
    const auto store = open_store("sqlite:" + path_);
    store->replace_center(center);
  }
  const auto store = open_store(path_);  // a fresh connection reads what was committed
  const auto loaded = store->load_center();
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(io::write_dataset(*loaded), io::write_dataset(center));
}

TEST_F(StoreTest, TentativeConfirmationAndEmptyListsSurvive) {
  auto center = testing::tiny_center();
  center.calendars[0].holidays.push_back(
      {"Eid al-Fitr", testing::d("2027-03-09"), 3, true, testing::d("2027-03-10")});
  const auto store = open_store(path_);
  store->replace_center(center);
  const auto loaded = store->load_center();
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->calendars[0].holidays[1].confirmed_first, testing::d("2027-03-10"));
  EXPECT_FALSE(loaded->calendars[0].holidays[0].confirmed_first.has_value());
  EXPECT_TRUE(loaded->engineers[2].leave.empty());
  EXPECT_EQ(io::write_dataset(*loaded), io::write_dataset(center));
}

TEST_F(StoreTest, FailedImportLeavesThePreviousCenterUntouched) {
  const auto store = open_store(path_);
  const auto first = testing::tiny_center();
  store->replace_center(first);

  auto broken = generate::generate_center({50, 2, 3});
  broken.engineers[40].id = broken.engineers[10].id;  // violates the primary key mid-import
  EXPECT_THROW(store->replace_center(broken), std::exception);

  const auto loaded = store->load_center();
  ASSERT_TRUE(loaded);
  EXPECT_EQ(io::write_dataset(*loaded), io::write_dataset(first));
}

TEST_F(StoreTest, ForeignKeysAndWalAreOn) {
  open_store(path_)->replace_center(testing::tiny_center());
  SQLite::Database db(path_, SQLite::OPEN_READWRITE);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  db.exec("PRAGMA foreign_keys = ON");
  EXPECT_THROW(db.exec("INSERT INTO engineer_skills VALUES ('E1', 9, 'no.such.skill', 3)"),
               SQLite::Exception);
  EXPECT_EQ(
      db.execAndGet("SELECT COUNT(*) FROM engineer_skills WHERE skill_id = 'ran.5g'").getInt(), 2);
}

TEST_F(StoreTest, UnwritableLocationIsAnError) {
  EXPECT_THROW(open_store("/nonexistent-dir/x/rcc.db"), std::exception);
}

}  // namespace
}  // namespace rcc::store
