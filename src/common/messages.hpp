// Server messages in the reader's language. Messages are written in English in the code (the msgid,
// as with gettext); the Czech catalogue (messages_cs.cpp) maps each to Czech. A catalogue entry may
// contain "{}" placeholders, each matching any text that is carried over in order, so that messages
// built with fmt::format or concatenation translate too. A message without an entry stays English.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kredo {

enum class Language { en, cs };

// The first language tag of an Accept-Language header: "cs", "cs-CZ" -> cs; anything else -> en.
Language language_from_accept(std::string_view header);

std::string localize(std::string_view english, Language lang);

// The Czech catalogue: {English, Czech} pairs (for tests and tools).
const std::vector<std::pair<std::string_view, std::string_view>>& czech_catalogue();

}  // namespace kredo
