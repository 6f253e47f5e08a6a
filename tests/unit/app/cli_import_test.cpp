// kredo import as a user runs it: the built binary on the fixtures, its summary and exit codes
// (0 everything taken, 1 something rejected, 2 usage errors).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "support/run_kredo.hpp"

namespace {

// stderr is a pipe here, never a terminal: no progress bar may appear in it.
using kredo::testing::run_kredo;

std::string fixture(const std::string& name) { return std::string(KREDO_SOURCE_DIR) + "/tests/data/schools/" + name; }

class CliImport : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kredo_cli_import_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = "sqlite:" + (dir_ / "kredo.db").string();
    ASSERT_EQ(run_kredo("migrate --db " + db_).code, 0);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(CliImport, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run_kredo("import pupils " + fixture("catchments.csv") + " --db " + db_).code, 2);
  EXPECT_EQ(run_kredo("import addresses").code, 2);
  const auto missing = run_kredo("import addresses /nonexistent/file.csv --db " + db_);
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.out.find("/nonexistent/file.csv"), std::string::npos) << missing.out;
  const auto filter = run_kredo("import schools " + fixture("register_small.xml") + " --municipality 582786 --db " + db_);
  EXPECT_EQ(filter.code, 2) << filter.out;
  EXPECT_NE(filter.out.find("kredo import addresses"), std::string::npos) << filter.out;
}

TEST_F(CliImport, RejectedRowsExitWithOneAndAreListedByLine) {
  const auto r = run_kredo("import addresses " + fixture("addresses_cp1250.csv") + " --db " + db_);
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("created 5, updated 0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("line 6: Kód ADM 'x9000005'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("line 8: expected 19 fields"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("changes saved"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("[#"), std::string::npos) << "no progress bar without a terminal";
}

TEST_F(CliImport, AllOrNothingSavesNothingAndACleanFileExitsWithZero) {
  const auto rolled = run_kredo("import addresses " + fixture("addresses_cp1250.csv") + " --all-or-nothing --db " + db_);
  EXPECT_EQ(rolled.code, 1);
  EXPECT_NE(rolled.out.find("nothing saved"), std::string::npos) << rolled.out;
  const std::string clean = (dir_ / "clean.csv").string();
  FILE* f = std::fopen(clean.c_str(), "w");
  std::fputs("Kód ADM;Kód obce;Název obce\n70000001;582786;Brno\n", f);
  std::fclose(f);
  const auto ok = run_kredo("import addresses " + clean + " --db " + db_);
  EXPECT_EQ(ok.code, 0) << ok.out;
  EXPECT_NE(ok.out.find("created 1"), std::string::npos) << ok.out;
}

}  // namespace
