// Czech text for people search and lists: accent- and case-insensitive folding for matching,
// and sort keys in Czech alphabetical order (C < Č, H < Ch < I, R < Ř, S < Š, Z < Ž).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace kredo::rules {

// Lower case without diacritics, for search columns: "Šťastný" → "stastny". Same result for
// precomposed and decomposed input; invalid UTF-8 becomes U+FFFD. Letters without a
// decomposition (Polish ł, German ß) are kept as they are.
std::string fold_for_search(std::string_view utf8);

// Wraps icu::Collator for locale cs_CZ. Construction loads collation data and throws
// std::runtime_error when ICU has no Czech rules (a broken installation, not bad input).
// Build one at start-up and share it: after construction only const methods are used, and ICU
// collators are safe for concurrent const use (compare, getSortKey). Copying clones the ICU
// collator, for code that wants a private instance per thread anyway.
class CzechCollator {
 public:
  CzechCollator();
  ~CzechCollator();
  CzechCollator(const CzechCollator& other);
  CzechCollator& operator=(const CzechCollator& other);
  CzechCollator(CzechCollator&&) noexcept;
  CzechCollator& operator=(CzechCollator&&) noexcept;

  // Bytes whose plain byte order (memcmp, std::string <, SQLite BLOB) is Czech collation order;
  // store it beside the name and ORDER BY it. Keys are only comparable with keys from the same
  // ICU version: recompute them after an ICU upgrade.
  std::string sort_key(std::string_view utf8) const;
  // <0, 0, >0 like strcmp, in Czech order.
  int compare(std::string_view a, std::string_view b) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kredo::rules
