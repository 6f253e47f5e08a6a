#include "documents/letter.hpp"

#include <algorithm>

#include "documents/pdf_document.hpp"

namespace kredo::documents {

namespace {

bool name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// Calls on_text for literal runs and on_name for each placeholder; false on a malformed one.
template <typename Text, typename Name>
bool scan(std::string_view text, Text on_text, Name on_name) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t open = text.find("{{", i);
    if (open == std::string_view::npos) {
      on_text(text.substr(i));
      return true;
    }
    on_text(text.substr(i, open - i));
    std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) return false;
    std::string_view name = text.substr(open + 2, close - open - 2);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.empty() || !std::all_of(name.begin(), name.end(), name_char)) return false;
    on_name(std::string(name));
    i = close + 2;
  }
  return true;
}

std::vector<std::string> paragraphs(const std::string& body) {
  std::vector<std::string> out;
  std::string current;
  std::size_t i = 0;
  while (i <= body.size()) {
    std::size_t nl = body.find('\n', i);
    std::string line = body.substr(i, nl == std::string::npos ? std::string::npos : nl - i);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    bool blank = line.find_first_not_of(" \t") == std::string::npos;
    if (blank) {
      if (!current.empty()) out.push_back(current);
      current.clear();
    } else {
      if (!current.empty()) current.push_back('\n');
      current += line;
    }
    if (nl == std::string::npos) break;
    i = nl + 1;
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) {
    if (l.empty()) continue;
    if (!out.empty()) out.push_back('\n');
    out += l;
  }
  return out;
}

}  // namespace

Result<std::vector<std::string>> placeholder_names(std::string_view text, const std::string& field) {
  std::vector<std::string> names;
  bool ok = scan(text, [](std::string_view) {}, [&](std::string n) {
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(std::move(n));
  });
  if (!ok)
    return Error::field(field, "A placeholder is written {{name}} with lower-case letters a-z, digits and _ only.");
  return names;
}

Result<std::string> fill_placeholders(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  std::vector<FieldError> missing;
  bool ok = scan(text, [&](std::string_view t) { out.append(t); }, [&](const std::string& n) {
    auto it = values.find(n);
    if (it != values.end()) {
      out += it->second;
      return;
    }
    const std::string field = "fields." + n;
    if (std::none_of(missing.begin(), missing.end(), [&](const FieldError& e) { return e.field == field; }))
      missing.push_back({field, "The template needs a value for {{" + n + "}}."});
  });
  if (!ok) return Error::field("template", "The template has a malformed placeholder.");
  if (!missing.empty()) return Error::validation(std::move(missing), "Some values for the document are missing.");
  return out;
}

std::string render_letter(const Letter& l) {
  PdfDocument doc(l.title);
  doc.block(join(l.sender), 0);
  doc.spacer(12);
  doc.block(join(l.addressee), 0.5);
  doc.spacer(10);
  doc.block(l.place_and_date, 0.5);
  doc.spacer(6);
  doc.paragraph("Věc: " + l.subject, true);
  doc.spacer(3);
  for (const auto& p : paragraphs(l.body)) doc.paragraph(p);
  doc.spacer(18);
  doc.block("……………………………………………\n" + l.signer + (l.signer_note.empty() ? "" : "\n" + l.signer_note), 0.5);
  return doc.finish();
}

std::string render_guide(const Guide& g) {
  PdfDocument doc(g.title, 15);
  if (!g.footer.empty()) doc.set_running_footer(g.footer);
  doc.heading(g.title);
  if (!g.note.empty()) doc.paragraph(g.note, false, Align::left, 9);
  if (!g.intro.empty()) doc.paragraph(g.intro, false, Align::left, 10);
  Table t;
  t.columns = {{"Kam", 2.2}, {"Co pro vás může udělat", 4}};
  for (const auto& e : g.entries) t.rows.push_back({e.name + (e.address.empty() ? "" : "\n" + e.address), e.what_they_do});
  doc.table(t);
  return doc.finish();
}

}  // namespace kredo::documents
