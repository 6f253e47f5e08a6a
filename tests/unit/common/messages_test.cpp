// Server messages reach Czech readers in Czech: the catalogue translates exact messages and messages
// with placeholders, and every user-facing message literal in the server's code has an entry.
#include "common/messages.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace kredo {
namespace {

TEST(Messages, LanguageFromAcceptLanguage) {
  EXPECT_EQ(language_from_accept("cs"), Language::cs);
  EXPECT_EQ(language_from_accept("cs-CZ,cs;q=0.9,en;q=0.8"), Language::cs);
  EXPECT_EQ(language_from_accept(" CS"), Language::cs);
  EXPECT_EQ(language_from_accept("en-GB,en;q=0.9"), Language::en);
  EXPECT_EQ(language_from_accept(""), Language::en);
  EXPECT_EQ(language_from_accept("csb"), Language::en) << "Kashubian is not Czech";
}

TEST(Messages, ExactAndPlaceholderEntries) {
  EXPECT_EQ(localize("No such family.", Language::cs), "Taková rodina neexistuje.");
  EXPECT_EQ(localize("No such family.", Language::en), "No such family.");
  EXPECT_EQ(localize("There is no team called 'Jih'.", Language::cs), "Tým „Jih“ neexistuje.");
  EXPECT_EQ(localize("The retention period runs until 2035-09-30 (10 years after the project's end on 2025-09-30): "
                     "the record must be kept until then.",
                     Language::cs),
            "Doba uchování trvá do 2035-09-30 (10 let po konci projektu 2025-09-30): záznam je do té doby nutné uchovat.");
  EXPECT_EQ(localize("Something nobody translated.", Language::cs), "Something nobody translated.");
}

TEST(Messages, CatalogueHasNoDuplicatesAndKeepsPlaceholders) {
  std::set<std::string_view> seen;
  for (const auto& [en, cs] : czech_catalogue()) {
    EXPECT_TRUE(seen.insert(en).second) << "twice: " << en;
    auto count = [](std::string_view s) {
      int n = 0;
      for (auto p = s.find("{}"); p != std::string_view::npos; p = s.find("{}", p + 2)) ++n;
      return n;
    };
    EXPECT_EQ(count(en), count(cs)) << en;
    EXPECT_NE(en, cs) << "not translated: " << en;
  }
}

// Complete message literals (adjacent literals joined, as the compiler does) in the code that answers
// requests: a capital letter, a space, and a full stop at the end.
std::vector<std::string> message_literals(const std::string& text) {
  std::vector<std::string> out;
  static const std::regex literal(R"re("((?:[^"\\\n]|\\.)*)"((?:\s*"(?:[^"\\\n]|\\.)*")*))re");
  static const std::regex part(R"re("((?:[^"\\\n]|\\.)*)")re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator(); ++it) {
    std::string joined = (*it)[1].str();
    const std::string rest = (*it)[2].str();
    for (auto p = std::sregex_iterator(rest.begin(), rest.end(), part); p != std::sregex_iterator(); ++p)
      joined += (*p)[1].str();
    for (std::size_t p = joined.find("\\\""); p != std::string::npos; p = joined.find("\\\"", p)) joined.erase(p, 1);
    if (joined.size() < 8 || !std::isupper(static_cast<unsigned char>(joined[0]))) continue;
    if (joined.find(' ') == std::string::npos || joined.back() != '.') continue;
    out.push_back(joined);
  }
  return out;
}

TEST(Messages, EveryUserFacingMessageHasItsCzech) {
  namespace fs = std::filesystem;
  const fs::path src = fs::path(KREDO_SOURCE_DIR) / "src";
  // Directories whose messages reach API clients. CLI-only text (src/app) and reports in Czech
  // (src/documents, src/analytics reports) are excluded; so is the catalogue itself.
  const std::vector<std::string> dirs = {"api", "domain", "http", "security", "rules", "common", "reports", "storage"};
  std::vector<std::string> missing;
  int checked = 0;
  for (const auto& d : dirs) {
    if (!fs::exists(src / d)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(src / d)) {
      const auto ext = entry.path().extension();
      if (ext != ".cpp" && ext != ".hpp") continue;
      if (entry.path().filename() == "messages_cs.cpp") continue;
      std::ifstream in(entry.path());
      std::stringstream ss;
      ss << in.rdbuf();
      for (const auto& m : message_literals(ss.str())) {
        // Czech text already (e.g. legal bases in src/rules) needs no entry: a message counts as English
        // when it has a common English word.
        static const std::regex english(
            R"(\b(the|is|are|must|can|cannot|an|be|not|of|for|and|or|with|use|has|have|only|give|say|this|there|needs?)\b)",
            std::regex::icase);
        if (!std::regex_search(m, english)) continue;
        // English on purpose: the English twin of a text the API also gives in Czech (basis_cs / basis_en),
        // or a note on a method in an aggregate answer that the web app words itself.
        static const char* kEnglishOnPurpose[] = {"Postal item deposited", "Data-box message arrived",
                                                  "Each school's latest estimated"};
        if (std::any_of(std::begin(kEnglishOnPurpose), std::end(kEnglishOnPurpose),
                        [&](const char* prefix) { return m.rfind(prefix, 0) == 0; }))
          continue;
        ++checked;
        if (localize(m, Language::cs) == m) missing.push_back(entry.path().filename().string() + ": " + m);
      }
    }
  }
  EXPECT_GT(checked, 100);
  std::string list;
  for (const auto& m : missing) list += "\n  " + m;
  EXPECT_TRUE(missing.empty()) << missing.size() << " messages have no Czech in src/common/messages_cs.cpp:" << list;
}

}  // namespace
}  // namespace kredo
