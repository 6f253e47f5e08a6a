#include "common/messages.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>

namespace kredo {
namespace {

bool has_placeholder(std::string_view s) { return s.find("{}") != std::string_view::npos; }

// Matches `text` against `pattern` whose "{}" parts match any non-empty text; returns the captures.
std::optional<std::vector<std::string_view>> match(std::string_view pattern, std::string_view text) {
  std::vector<std::string_view> captures;
  std::size_t pi = 0, ti = 0;
  while (pi < pattern.size()) {
    const std::size_t ph = pattern.find("{}", pi);
    const std::string_view literal = pattern.substr(pi, ph == std::string_view::npos ? std::string_view::npos : ph - pi);
    if (text.substr(ti, literal.size()) != literal) return std::nullopt;
    ti += literal.size();
    if (ph == std::string_view::npos) break;
    pi = ph + 2;
    // The capture runs to the next literal part (or to the end).
    const std::size_t next_ph = pattern.find("{}", pi);
    const std::string_view next =
        pattern.substr(pi, next_ph == std::string_view::npos ? std::string_view::npos : next_ph - pi);
    std::size_t end;
    if (next.empty()) {
      end = next_ph == std::string_view::npos ? text.size() : std::string_view::npos;
      if (end == std::string_view::npos) return std::nullopt;  // "{}{}" is ambiguous; not used
    } else if (next_ph == std::string_view::npos) {
      // The last literal must end the text.
      if (text.size() < next.size() + ti || text.substr(text.size() - next.size()) != next) return std::nullopt;
      end = text.size() - next.size();
    } else {
      end = text.find(next, ti + 1);
      if (end == std::string_view::npos) return std::nullopt;
    }
    if (end <= ti) return std::nullopt;
    captures.push_back(text.substr(ti, end - ti));
    ti = end;
  }
  if (ti != text.size()) return std::nullopt;
  return captures;
}

std::string fill(std::string_view pattern, const std::vector<std::string_view>& captures) {
  std::string out;
  std::size_t i = 0, pi = 0;
  while (true) {
    const std::size_t ph = pattern.find("{}", pi);
    if (ph == std::string_view::npos) {
      out.append(pattern.substr(pi));
      break;
    }
    out.append(pattern.substr(pi, ph - pi));
    if (i < captures.size()) out.append(captures[i++]);
    pi = ph + 2;
  }
  return out;
}

struct Index {
  std::unordered_map<std::string_view, std::string_view> exact;
  std::vector<std::pair<std::string_view, std::string_view>> patterns;
};

const Index& index() {
  static const Index idx = [] {
    Index i;
    for (const auto& [en, cs] : czech_catalogue()) {
      if (has_placeholder(en)) i.patterns.emplace_back(en, cs);
      else i.exact.emplace(en, cs);
    }
    return i;
  }();
  return idx;
}

}  // namespace

Language language_from_accept(std::string_view header) {
  std::size_t i = 0;
  while (i < header.size() && (header[i] == ' ' || header[i] == '\t')) ++i;
  if (header.size() >= i + 2 && std::tolower(static_cast<unsigned char>(header[i])) == 'c' &&
      std::tolower(static_cast<unsigned char>(header[i + 1])) == 's' &&
      (header.size() == i + 2 || header[i + 2] == '-' || header[i + 2] == ',' || header[i + 2] == ';'))
    return Language::cs;
  return Language::en;
}

std::string localize(std::string_view english, Language lang) {
  if (lang == Language::en || english.empty()) return std::string(english);
  const Index& idx = index();
  if (auto it = idx.exact.find(english); it != idx.exact.end()) return std::string(it->second);
  for (const auto& [en, cs] : idx.patterns)
    if (auto captures = match(en, english)) return fill(cs, *captures);
  return std::string(english);
}

}  // namespace kredo
