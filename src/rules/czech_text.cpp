// ICU-backed folding (lower → NFD → drop non-spacing marks → NFC) and cs_CZ collation.
#include "rules/czech_text.hpp"

#include <stdexcept>
#include <vector>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace kredo::rules {
namespace {

icu::UnicodeString from_utf8(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

const icu::Normalizer2& normalizer(bool decompose) {
  // The NFC/NFD instances are immutable singletons owned by ICU, safe to share between threads.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n =
      decompose ? icu::Normalizer2::getNFDInstance(status) : icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU normalization data is missing");
  return *n;
}

}  // namespace

std::string fold_for_search(std::string_view utf8) {
  // Lower-case first: lowering some capitals (Turkish İ) yields a combining mark that the next
  // steps then remove, which "remove marks, then lower" would leave in.
  icu::UnicodeString text = from_utf8(utf8);
  text.toLower(icu::Locale::getRoot());

  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed = normalizer(true).normalize(text, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFD normalization failed");

  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
    i += U16_LENGTH(c);
  }
  const icu::UnicodeString composed = normalizer(false).normalize(bare, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normalization failed");

  std::string out;
  composed.toUTF8String(out);
  return out;
}

struct CzechCollator::Impl {
  std::unique_ptr<icu::Collator> collator;
};

CzechCollator::CzechCollator() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->collator.reset(icu::Collator::createInstance(icu::Locale("cs", "CZ"), status));
  // U_USING_DEFAULT_WARNING means ICU fell back to the root order, which sorts Č with C:
  // refuse rather than silently mis-sort.
  if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || !impl_->collator) {
    throw std::runtime_error("ICU has no Czech (cs_CZ) collation data");
  }
}

CzechCollator::~CzechCollator() = default;
CzechCollator::CzechCollator(CzechCollator&&) noexcept = default;
CzechCollator& CzechCollator::operator=(CzechCollator&&) noexcept = default;

CzechCollator::CzechCollator(const CzechCollator& other) : impl_(std::make_unique<Impl>()) {
  impl_->collator.reset(other.impl_->collator->clone());
  if (!impl_->collator) throw std::runtime_error("ICU could not clone the Czech collator");
}

CzechCollator& CzechCollator::operator=(const CzechCollator& other) {
  if (this != &other) *this = CzechCollator(other);
  return *this;
}

std::string CzechCollator::sort_key(std::string_view utf8) const {
  const icu::UnicodeString text = from_utf8(utf8);
  // A first guess that fits typical names; getSortKey reports the real size (with the
  // terminating zero) when the buffer is too small.
  std::vector<uint8_t> buffer(static_cast<std::size_t>(text.length()) * 4 + 32);
  int32_t needed = impl_->collator->getSortKey(text, buffer.data(), static_cast<int32_t>(buffer.size()));
  if (needed > static_cast<int32_t>(buffer.size())) {
    buffer.resize(static_cast<std::size_t>(needed));
    needed = impl_->collator->getSortKey(text, buffer.data(), needed);
  }
  if (needed <= 0) throw std::runtime_error("ICU could not build a sort key");
  // Drop the terminating zero: keys contain no other zero byte, and without it a key is a plain
  // byte string whose length-then-bytes comparison still matches collation order.
  return std::string(reinterpret_cast<const char*>(buffer.data()), static_cast<std::size_t>(needed - 1));
}

int CzechCollator::compare(std::string_view a, std::string_view b) const {
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult r = impl_->collator->compare(from_utf8(a), from_utf8(b), status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU collation failed");
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

}  // namespace kredo::rules
