// Encoding detection and Windows-1250 conversion for RÚIAN files (no files touched).
#include <gtest/gtest.h>

#include "importers/csv_file_reader.hpp"

namespace kredo::importers {
namespace {

TEST(DetectEncoding, Windows1250HeaderIsNotUtf8) {
  // "Kód ADM;Název obce" in Windows-1250: ó = F3, á = E1.
  EXPECT_EQ(detect_encoding("K\xF3" "d ADM;N\xE1" "zev obce\r\n"), TextEncoding::windows1250);
}

TEST(DetectEncoding, Utf8AndAsciiAreUtf8) {
  EXPECT_EQ(detect_encoding("Kód ADM;Název obce\n"), TextEncoding::utf8);
  EXPECT_EQ(detect_encoding("kod_adm;izo\n1;2\n"), TextEncoding::utf8);
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBF" "abc"), TextEncoding::utf8);
}

TEST(DetectEncoding, ASequenceCutAtTheEndOfTheSampleStillCountsAsUtf8) {
  EXPECT_EQ(detect_encoding("Brno-\xC5"), TextEncoding::utf8);
  EXPECT_EQ(detect_encoding("Brno-\xC5" "x"), TextEncoding::windows1250);
}

TEST(Windows1250, ConvertsCzechLetters) {
  // Š=8A š=9A Ž=8E ž=9E ř=F8 ů=F9 ě=EC č=E8
  EXPECT_EQ(windows1250_to_utf8("\x8A\x9A\x8E\x9E\xF8\xF9\xEC\xE8"), "ŠšŽžřůěč");
  EXPECT_EQ(windows1250_to_utf8("Sou\xF8" "adnice X"), "Souřadnice X");
}

TEST(Windows1250, UndefinedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(windows1250_to_utf8("a\x98" "b"), "a\xEF\xBF\xBD" "b");
}

}  // namespace
}  // namespace kredo::importers
