// The kredo command line as a user runs it: exit codes, messages, migrate, demo, users, backup.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "support/run_kredo.hpp"
#include "support/test_db.hpp"

namespace kredo {
namespace {

using testing::run_kredo;

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::make_temp_dir();
    db_ = "sqlite:" + dir_ + "/k.db";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_, db_;
};

TEST_F(Cli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run_kredo("no-such-command").code, 2);
  EXPECT_EQ(run_kredo("").code, 2);
  EXPECT_EQ(run_kredo("serve --threads 0").code, 2);
  EXPECT_EQ(run_kredo("demo --scale huge").code, 2);
  EXPECT_EQ(run_kredo("user create --username x").code, 2) << "--role is required";
  EXPECT_EQ(run_kredo("version").code, 0);
  auto help = run_kredo("serve --help");
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("--listen"), std::string::npos);
}

TEST_F(Cli, UnopenableDatabaseNamesPathAndReason) {
  auto r = run_kredo("migrate --db sqlite:/no/such/dir/k.db");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("/no/such/dir/k.db"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("does not exist"), std::string::npos) << r.out;
}

TEST_F(Cli, MissingPostgresServerIsAClearMessage) {
  auto r = run_kredo("migrate --db 'postgresql://kredo:geheim@/x?host=/tmp/no-such-dir&port=1'");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("cannot connect to PostgreSQL"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("geheim"), std::string::npos) << "password leaked: " << r.out;
}

TEST_F(Cli, ServeRefusesAnUnmigratedDatabase) {
  auto r = run_kredo("serve --db " + db_ + " --listen 127.0.0.1:0");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("kredo migrate --db " + db_), std::string::npos) << r.out;
}

TEST_F(Cli, MigrateDemoUserAndBackup) {
  auto m = run_kredo("migrate --db " + db_);
  ASSERT_EQ(m.code, 0) << m.out;
  EXPECT_NE(m.out.find("applied migration 1"), std::string::npos);
  EXPECT_NE(run_kredo("migrate --db " + db_).out.find("up to date"), std::string::npos);
  auto st = run_kredo("migrate --status --db " + db_);
  EXPECT_EQ(st.code, 0);
  EXPECT_EQ(st.out.find("pending"), std::string::npos) << st.out;

  auto d = run_kredo("demo --db " + db_);
  ASSERT_EQ(d.code, 0) << d.out;
  EXPECT_NE(d.out.find("koordinator"), std::string::npos);
  EXPECT_NE(run_kredo("demo --db " + db_).out.find("already present"), std::string::npos);

  auto weak = run_kredo("user create --db " + db_ + " --username nova --role worker --team Sever --password-stdin", testing::Stderr::merge, "short");
  EXPECT_EQ(weak.code, 2) << weak.out;
  EXPECT_NE(weak.out.find("password"), std::string::npos);
  auto ok = run_kredo("user create --db " + db_ + " --username nova --role worker --team Sever --password-stdin", testing::Stderr::merge,
                "Velmi-dlouhe-heslo-1");
  EXPECT_EQ(ok.code, 0) << ok.out;
  auto gen = run_kredo("user create --db " + db_ + " --username nova2 --role analyst");
  EXPECT_EQ(gen.code, 0) << gen.out;
  EXPECT_NE(gen.out.find("password: "), std::string::npos);
  auto dup = run_kredo("user create --db " + db_ + " --username nova --role analyst");
  EXPECT_EQ(dup.code, 1) << dup.out;
  EXPECT_NE(dup.out.find("already taken"), std::string::npos);
  auto reset = run_kredo("user reset-password --db " + db_ + " --username nova --password-stdin", testing::Stderr::merge, "Jine-dlouhe-heslo-2");
  EXPECT_EQ(reset.code, 0) << reset.out;
  EXPECT_EQ(run_kredo("user reset-password --db " + db_ + " --username nikdo").code, 2);

  auto b = run_kredo("backup --db " + db_ + " --to " + dir_ + "/copy.db");
  ASSERT_EQ(b.code, 0) << b.out;
  EXPECT_NE(b.out.find("integrity check ok"), std::string::npos);
  // The copy is a working database with the same users.
  auto again = run_kredo("user create --db sqlite:" + dir_ + "/copy.db --username nova --role analyst");
  EXPECT_NE(again.out.find("already taken"), std::string::npos) << again.out;
}

}  // namespace
}  // namespace kredo
