// CSV -> FrequencyTable: the input errors the command line turns into exit code 2.
#include "analytics/frequency_reader.hpp"

#include <gtest/gtest.h>

namespace kredo::analytics {
namespace {

const FrequencyCsvSpec kSpec{{"race", "school"}, "n", ','};

std::string error_of(std::string_view text, const FrequencyCsvSpec& spec = kSpec) {
  auto r = frequency_table_from_csv(text, spec);
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.error().message;
}

TEST(FrequencyReader, ReadsCategoriesAndWeights) {
  auto r = frequency_table_from_csv("\"school\",\"race\",\"n\"\r\nS1,roma,3\r\nS1,other, 4.5 \r\nS2,roma,0\r\n", kSpec);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows(), 3u);
  EXPECT_EQ(r->weights, (std::vector<double>{3, 4.5, 0}));
  const auto* race = r->find("race");
  ASSERT_NE(race, nullptr);
  EXPECT_EQ(race->labels, (std::vector<std::string>{"roma", "other"}));
  EXPECT_EQ(race->codes, (std::vector<std::uint32_t>{0, 1, 0}));
}

TEST(FrequencyReader, WithoutWeightColumnEveryRowCountsOnce) {
  auto r = frequency_table_from_csv("school,race\nS1,a\nS2,b\n", FrequencyCsvSpec{{"race", "school"}, std::nullopt, ','});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->weights, (std::vector<double>{1, 1}));
}

TEST(FrequencyReader, SemicolonDelimiter) {
  auto r = frequency_table_from_csv("school;race;n\nS1;a;2\n", FrequencyCsvSpec{{"race", "school"}, "n", ';'});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->weights, (std::vector<double>{2}));
}

TEST(FrequencyReader, MissingColumnIsNamed) {
  const auto msg = error_of("school,n\nS1,2\n");
  EXPECT_NE(msg.find("column 'race'"), std::string::npos) << msg;
  const auto weight = error_of("school,race\nS1,a\n");
  EXPECT_NE(weight.find("column 'n'"), std::string::npos) << weight;
}

TEST(FrequencyReader, NonNumericWeightNamesTheLine) {
  const auto msg = error_of("school,race,n\nS1,a,2\nS2,b,many\n");
  EXPECT_NE(msg.find("line 3"), std::string::npos) << msg;
  EXPECT_NE(msg.find("'many'"), std::string::npos) << msg;
  EXPECT_NE(error_of("school,race,n\nS1,a,\n").find("line 2"), std::string::npos);
  EXPECT_NE(error_of("school,race,n\nS1,a,2x\n").find("line 2"), std::string::npos);
  EXPECT_NE(error_of("school,race,n\nS1,a,inf\n").find("line 2"), std::string::npos);
  EXPECT_NE(error_of("school,race,n\nS1,a,nan\n").find("line 2"), std::string::npos);
}

TEST(FrequencyReader, NegativeWeightNamesTheLine) {
  const auto msg = error_of("school,race,n\n\"S1\nannex\",a,2\nS2,b,-1\n");
  EXPECT_NE(msg.find("line 4"), std::string::npos) << msg;
  EXPECT_NE(msg.find("negative"), std::string::npos) << msg;
}

TEST(FrequencyReader, EmptyInputs) {
  EXPECT_NE(error_of("").find("empty"), std::string::npos);
  EXPECT_NE(error_of("school,race,n\n").find("no data rows"), std::string::npos);
}

TEST(FrequencyReader, MalformedCsvIsReported) {
  EXPECT_NE(error_of("school,race,n\nS1,\"a,2\n").find("not terminated"), std::string::npos);
  EXPECT_NE(error_of("school,race,n\nS1,a\n").find("line 2"), std::string::npos);
}

TEST(FrequencyReader, UnreadableFile) {
  auto r = read_frequency_csv("/nonexistent/kredo.csv", kSpec);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("/nonexistent/kredo.csv"), std::string::npos);
}

}  // namespace
}  // namespace kredo::analytics
