// Small text helpers shared by several services (one definition: the unity build compiles files together).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace kredo::text {

// The number of code points in UTF-8 text (continuation bytes are not counted).
inline std::size_t utf8_length(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// `s` without the leading and trailing characters in `chars`.
inline std::string trim(std::string_view s, std::string_view chars = " \t\r") {
  const auto b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(chars);
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace kredo::text
