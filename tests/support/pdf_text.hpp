// The text of a PDF as pdftotext (poppler-utils) extracts it, for golden tests of documents.
#pragma once

#include <string>

namespace kredo::testing {

std::string pdf_text(const std::string& pdf);
// Compares `text` with the file at `path`; KREDO_UPDATE_GOLDEN=1 rewrites the file instead.
// Returns "" when equal, else a message with both texts.
std::string compare_golden(const std::string& path, const std::string& text);

}  // namespace kredo::testing
