// The analytics commands as a user runs them: the built binary, its stdout and its exit codes.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include "support/run_kredo.hpp"

namespace {

using kredo::testing::run_kredo;
using kredo::testing::Stderr;

std::string schools00() {
  const char* env = std::getenv("KREDO_SHARED_DIR");
  return (env ? std::string(env) : std::string(KREDO_SOURCE_DIR) + "/../shared") + "/data/segregation/schools00.csv";
}

std::string temp_file(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::temp_directory_path() / ("kredo_cli_analytics_" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

TEST(CliSegregation, PrintsPublishedSchools00Figures) {
  const auto run = run_kredo("segregation --input " + schools00() + " --group race --unit school --weight n", Stderr::discard);
  ASSERT_EQ(run.code, 0) << run.out;
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_NEAR(j["M"].get<double>(), 0.4255390, 5e-7);
  EXPECT_NEAR(j["H"].get<double>(), 0.4188083, 5e-7);
  const auto swapped = nlohmann::json::parse(
      run_kredo("segregation --input " + schools00() + " --group school --unit race --weight n --no-exposure", Stderr::discard).out);
  EXPECT_NEAR(swapped["H"].get<double>(), 0.05642991, 5e-9);
}

TEST(CliSegregation, CsvFormat) {
  const auto run = run_kredo("segregation --input " + schools00() + " --group race --unit school --weight n --format csv", Stderr::discard);
  ASSERT_EQ(run.code, 0);
  EXPECT_EQ(run.out.rfind("quantity,a,b,value\nN,,,877739\nM,,,0.42553", 0), 0u) << run.out.substr(0, 200);
}

TEST(CliSegregation, BadInputExitsWithTwoAndSaysWhy) {
  const auto missing = run_kredo("segregation --input " + schools00() + " --group ethnicity --unit school --weight n");
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.out.find("'ethnicity'"), std::string::npos) << missing.out;

  const auto text = run_kredo("segregation --input " + temp_file("text.csv", "school,race,n\nS1,a,1\nS2,b,lots\n") +
                                  " --group race --unit school --weight n");
  EXPECT_EQ(text.code, 2);
  EXPECT_NE(text.out.find("line 3"), std::string::npos) << text.out;

  const auto negative = run_kredo("segregation --input " + temp_file("neg.csv", "school,race,n\nS1,a,-1\n") +
                                      " --group race --unit school --weight n");
  EXPECT_EQ(negative.code, 2);
  EXPECT_NE(negative.out.find("line 2"), std::string::npos) << negative.out;

  const auto empty = run_kredo("segregation --input " + temp_file("empty.csv", "") + " --group race --unit school");
  EXPECT_EQ(empty.code, 2);
  EXPECT_NE(empty.out.find("empty"), std::string::npos) << empty.out;
}

TEST(CliMatch, AssignsWithEachMechanism) {
  const auto input = temp_file("match.json", R"({
    "schools": [{"id": "s1", "capacity": 1, "priority": ["i1", "i3", "i2"]},
                {"id": "s2", "capacity": 1, "priority": ["i2", "i1", "i3"]},
                {"id": "s3", "capacity": 1, "priority": ["i3", "i1", "i2"]}],
    "students": [{"id": "i1", "preferences": ["s2", "s1", "s3"]},
                 {"id": "i2", "preferences": ["s1", "s2", "s3"]},
                 {"id": "i3", "preferences": ["s1", "s2", "s3"]}]})");
  const auto da = run_kredo("match --input " + input, Stderr::discard);
  ASSERT_EQ(da.code, 0) << da.out;
  const auto j = nlohmann::json::parse(da.out);
  EXPECT_EQ(j["assignment"]["i1"], "s1");
  EXPECT_EQ(j["rounds"], 5);
  const auto ttc = nlohmann::json::parse(run_kredo("match --mechanism ttc --input " + input, Stderr::discard).out);
  EXPECT_EQ(ttc["assignment"]["i1"], "s2");
  for (const char* m : {"boston", "da_reserves", "da_soft_bounds"}) {
    EXPECT_EQ(run_kredo(std::string("match --mechanism ") + m + " --input " + input, Stderr::discard).code, 0) << m;
  }
}

TEST(CliMatch, BadInputExitsWithTwo) {
  const auto malformed = run_kredo("match --input " + temp_file("bad.json", "{\"schools\": ["));
  EXPECT_EQ(malformed.code, 2);
  EXPECT_NE(malformed.out.find("malformed JSON"), std::string::npos) << malformed.out;
  const auto unknown = run_kredo(
      "match --input " +
          temp_file("unknown.json", R"({"schools": [], "students": [{"id": "a", "preferences": ["zs9"]}]})"));
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.out.find("'zs9'"), std::string::npos) << unknown.out;
  EXPECT_EQ(run_kredo("match --input " + temp_file("empty.json", ""), Stderr::discard).code, 2);
  EXPECT_EQ(run_kredo("match --input /nonexistent.json", Stderr::discard).code, 2);
  EXPECT_EQ(run_kredo("match --mechanism lottery --input /nonexistent.json", Stderr::discard).code, 2);
}

TEST(CliSimulate, GeneratesAScenarioAndSimulatesIt) {
  const auto generated = run_kredo("simulate --generate brno --seed 3", Stderr::discard);
  ASSERT_EQ(generated.code, 0);
  const auto scenario = nlohmann::json::parse(generated.out);
  EXPECT_EQ(scenario["schools"].size(), 80u);
  EXPECT_EQ(scenario["children"].size(), 4300u);
  const auto file = temp_file("brno.json", generated.out);
  const auto run = run_kredo("simulate --scenario " + file + " --draws 4 --seed 2 --threads 2", Stderr::discard);
  ASSERT_EQ(run.code, 0);
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["draws"], 4);
  ASSERT_EQ(j["mechanisms"].size(), 5u);
  EXPECT_EQ(j["mechanisms"][0]["mechanism"], "catchment");
  EXPECT_TRUE(j["notes"].contains("unassigned"));
  const double d = j["mechanisms"][2]["D"]["mean"].get<double>();
  EXPECT_GT(d, 0.0);
  EXPECT_LE(d, 1.0);
  // Progress goes to stderr only: stdout parsed as JSON above.
  EXPECT_NE(run_kredo("simulate --scenario " + file + " --draws 2").out.find("2/2 draws"), std::string::npos);
}

TEST(CliSimulate, WritesTheComparisonReport) {
  const std::string html = ::testing::TempDir() + "kredo-sim-report.html";
  const std::string pdf = ::testing::TempDir() + "kredo-sim-report.pdf";
  ASSERT_EQ(run_kredo("simulate --generate brno --draws 2 --quiet --report " + html, Stderr::discard).code, 0);
  ASSERT_EQ(run_kredo("simulate --generate brno --draws 2 --quiet --report " + pdf, Stderr::discard).code, 0);
  std::ifstream h(html);
  const std::string page((std::istreambuf_iterator<char>(h)), std::istreambuf_iterator<char>());
  EXPECT_NE(page.find("Porovnání pravidel přijímání do škol"), std::string::npos);
  EXPECT_NE(page.find("<svg"), std::string::npos);
  std::ifstream p(pdf, std::ios::binary);
  std::string head(5, '\0');
  p.read(head.data(), 5);
  EXPECT_EQ(head, "%PDF-");
  EXPECT_EQ(run_kredo("simulate --generate brno --draws 2 --quiet --report out.docx", Stderr::discard).code, 2);
}

TEST(CliSimulate, BadInputExitsWithTwo) {
  EXPECT_EQ(run_kredo("simulate --scenario " + temp_file("empty_scenario.json", "") + " --draws 3", Stderr::discard).code, 2);
  EXPECT_EQ(run_kredo("simulate --scenario /nonexistent.json --draws 3", Stderr::discard).code, 2);
  EXPECT_EQ(run_kredo("simulate --generate prague", Stderr::discard).code, 2);
  EXPECT_EQ(run_kredo("simulate --draws 3", Stderr::discard).code, 2);
  const auto no_draws = run_kredo("simulate --scenario " + temp_file("s.json", R"({"groups": []})"));
  EXPECT_EQ(no_draws.code, 2);
}

}  // namespace
