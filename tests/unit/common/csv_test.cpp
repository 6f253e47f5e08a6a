// The CSV reader against RFC 4180 cases and the errors importers rely on.
#include "common/csv.hpp"

#include <gtest/gtest.h>

#include <random>

namespace kredo::csv {
namespace {

std::vector<std::vector<std::string>> fields_of(std::string_view text, CsvOptions options = {}) {
  auto parsed = parse_csv(text, options);
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
  std::vector<std::vector<std::string>> out;
  if (parsed.ok()) {
    for (auto& r : *parsed) out.push_back(r.fields);
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(Csv, SplitsPlainFieldsAndLines) {
  EXPECT_EQ(fields_of("a,b,c\n1,2,3\n"), (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
}

TEST(Csv, LastLineWithoutLineBreak) { EXPECT_EQ(fields_of("a,b\n1,2"), (Rows{{"a", "b"}, {"1", "2"}})); }

TEST(Csv, AcceptsCrlfLfAndLoneCr) {
  EXPECT_EQ(fields_of("a,b\r\n1,2\r\n3,4\n5,6\r7,8"), (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}, {"5", "6"}, {"7", "8"}}));
}

TEST(Csv, QuotedFieldsKeepDelimitersLineBreaksAndDoubledQuotes) {
  EXPECT_EQ(fields_of("\"x,y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\nz,\"\",w\n"),
            (Rows{{"x,y", "say \"hi\"", "two\r\nlines"}, {"z", "", "w"}}));
}

TEST(Csv, EmptyFieldsAtEdges) {
  EXPECT_EQ(fields_of(",a,\n,,\n"), (Rows{{"", "a", ""}, {"", "", ""}}));
  EXPECT_EQ(fields_of("a,"), (Rows{{"a", ""}}));
}

TEST(Csv, SkipsEmptyLinesUnlessAskedNotTo) {
  EXPECT_EQ(fields_of("a\n\nb\n\n"), (Rows{{"a"}, {"b"}}));
  CsvOptions keep;
  keep.skip_empty_lines = false;
  EXPECT_EQ(fields_of("a\n\nb\n", keep), (Rows{{"a"}, {""}, {"b"}}));
  // A quoted empty field is a record, not an empty line.
  EXPECT_EQ(fields_of("a\n\"\"\nb\n"), (Rows{{"a"}, {""}, {"b"}}));
}

TEST(Csv, ConfigurableDelimiter) {
  CsvOptions semicolon;
  semicolon.delimiter = ';';
  EXPECT_EQ(fields_of("Kód;Název;x\n1;\"a;b\";c,d\n", semicolon), (Rows{{"Kód", "Název", "x"}, {"1", "a;b", "c,d"}}));
}

TEST(Csv, StripsUtf8ByteOrderMark) { EXPECT_EQ(fields_of("\xEF\xBB\xBFid,n\n1,2\n"), (Rows{{"id", "n"}, {"1", "2"}})); }

TEST(Csv, RecordsRememberTheirStartingLine) {
  auto parsed = parse_csv("h\n\"multi\nline\"\n\nlast\n");
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->size(), 3u);
  EXPECT_EQ((*parsed)[0].line, 1u);
  EXPECT_EQ((*parsed)[1].line, 2u);
  EXPECT_EQ((*parsed)[2].line, 5u);
}

TEST(Csv, UnterminatedQuoteNamesTheLineWhereItOpened) {
  auto parsed = parse_csv("a,b\n1,2\n3,\"open\nstill open\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, ErrorCode::invalid_request);
  EXPECT_NE(parsed.error().message.find("line 3"), std::string::npos) << parsed.error().message;
  EXPECT_NE(parsed.error().message.find("not terminated"), std::string::npos);
}

TEST(Csv, TextAfterClosingQuoteIsAnError) {
  auto parsed = parse_csv("a\n\"x\"y\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("line 2"), std::string::npos) << parsed.error().message;
}

TEST(Csv, QuoteInsideUnquotedFieldIsAnError) {
  auto parsed = parse_csv("a,b\r\n1,x\"y\r\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("line 2"), std::string::npos) << parsed.error().message;
}

TEST(Csv, RejectsQuoteAsDelimiter) {
  CsvOptions bad;
  bad.delimiter = '"';
  EXPECT_FALSE(parse_csv("a", bad).ok());
}

TEST(CsvTable, SplitsHeaderAndFindsColumns) {
  auto table = parse_csv_table("state,school,n\nA,A1,3\nB,B1,4\n");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->header, (std::vector<std::string>{"state", "school", "n"}));
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[1].fields[2], "4");
  EXPECT_EQ(table->rows[1].line, 3u);
  EXPECT_EQ(table->column_index("n"), 2);
  EXPECT_EQ(table->column_index("race"), -1);
}

TEST(CsvTable, EmptyInputIsAnError) {
  EXPECT_FALSE(parse_csv_table("").ok());
  EXPECT_FALSE(parse_csv_table("\n\n").ok());
  EXPECT_FALSE(parse_csv_table("\xEF\xBB\xBF").ok());
}

TEST(CsvTable, RaggedRowNamesItsLine) {
  auto table = parse_csv_table("a,b\n1,2\n3\n4,5\n");
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.error().message.find("line 3"), std::string::npos) << table.error().message;
}

TEST(CsvWriter, QuotesOnlyWhenNeededAndRoundTrips) {
  EXPECT_EQ(quote_field("plain"), "plain");
  EXPECT_EQ(quote_field("a,b"), "\"a,b\"");
  EXPECT_EQ(quote_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(quote_field("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(quote_field("a;b"), "a;b");
  const std::vector<std::string> row{"x,y", "two\nlines", "", "\"q\""};
  auto back = parse_csv(format_row(row));
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ((*back)[0].fields, row);
}

TEST(CsvWriter, NeutralizesFormulaTriggers) {
  EXPECT_EQ(neutralize_formula("=HYPERLINK(1)"), "'=HYPERLINK(1)");
  EXPECT_EQ(neutralize_formula("-1"), "'-1");
  EXPECT_EQ(neutralize_formula("@x"), "'@x");
  EXPECT_EQ(neutralize_formula("Brno"), "Brno");
  EXPECT_EQ(neutralize_formula(""), "");
}

TEST(CsvWriter, RandomTablesRoundTripWithEveryDelimiterAndLineEnd) {
  // Fields drawn from an alphabet heavy in the characters that need quoting.
  const std::string alphabet = "ab,;\"\r\n \t";
  std::mt19937_64 rng(17);
  for (int t = 0; t < 500; ++t) {
    const char delimiter = (t % 2) ? ';' : ',';
    const std::size_t width = 1 + rng() % 4;
    std::vector<std::vector<std::string>> rows(1 + rng() % 5);
    std::string text;
    for (auto& row : rows) {
      for (std::size_t c = 0; c < width; ++c) {
        std::string field;
        for (std::size_t k = rng() % 5; k > 0; --k) field.push_back(alphabet[rng() % alphabet.size()]);
        row.push_back(field);
      }
      std::string line = format_row(row, delimiter);
      if (t % 3 == 0) {  // CRLF variant
        line.back() = '\r';
        line.push_back('\n');
      }
      text += line;
    }
    CsvOptions options;
    options.delimiter = delimiter;
    options.skip_empty_lines = false;
    auto parsed = parse_csv(text, options);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    ASSERT_EQ(parsed->size(), rows.size()) << t;
    for (std::size_t r = 0; r < rows.size(); ++r) ASSERT_EQ((*parsed)[r].fields, rows[r]) << t;
  }
}

}  // namespace
}  // namespace kredo::csv
