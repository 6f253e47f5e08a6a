// Evidence files are typed by their first bytes, never by the name or the declared type.
#include <gtest/gtest.h>

#include "domain/incidents.hpp"

namespace kredo::domain {
namespace {

TEST(EvidenceType, MagicBytes) {
  EXPECT_EQ(sniff_evidence_type("%PDF-1.7\n..."), "application/pdf");
  EXPECT_EQ(sniff_evidence_type(std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10)), "image/jpeg");
  EXPECT_EQ(sniff_evidence_type(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), "image/png");
  EXPECT_EQ(sniff_evidence_type("Poznámky ze zápisu.\r\n\tŘádek 2\n"), "text/plain");
  EXPECT_EQ(sniff_evidence_type("\xEF\xBB\xBFs BOM"), "text/plain");
}

TEST(EvidenceType, ForbiddenTypes) {
  EXPECT_FALSE(sniff_evidence_type(""));
  EXPECT_FALSE(sniff_evidence_type(std::string("MZ\x90\0\x03", 5)));                 // a Windows program
  EXPECT_FALSE(sniff_evidence_type(std::string("PK\x03\x04", 4)));                   // zip / docx
  EXPECT_FALSE(sniff_evidence_type(std::string("GIF89a", 6) + std::string(1, '\0')));  // GIF
  EXPECT_FALSE(sniff_evidence_type("text with a \x01 control"));
  EXPECT_FALSE(sniff_evidence_type("bad utf-8 \xC3"));
  EXPECT_FALSE(sniff_evidence_type("overlong \xC0\xAF"));
  EXPECT_FALSE(sniff_evidence_type("surrogate \xED\xA0\x80"));
  EXPECT_FALSE(sniff_evidence_type("\x89PNG but not"));
}

}  // namespace
}  // namespace kredo::domain
