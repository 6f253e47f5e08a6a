// Letters for parents (Czech formal-letter layout) and the one-page "Kam se obrátit" guide, and the
// {{placeholder}} filling of document templates. Pure: text in, PDF bytes out.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace kredo::documents {

// The placeholder names in `text` ("{{name}}", name of a-z, 0-9 and _), in order of first
// appearance, without repeats. A malformed placeholder ("{{", "{{Jméno}}") is an error naming
// `field` (so a template editor sees which part is wrong).
Result<std::vector<std::string>> placeholder_names(std::string_view text, const std::string& field = "body");

// Replaces every {{name}} by its value in one pass (values are never expanded again). A name without
// a value is a validation error on "fields.<name>", all of them named in one answer.
Result<std::string> fill_placeholders(std::string_view text, const std::map<std::string, std::string>& values);

// Sender top left, addressee indented to the right, place and date, "Věc: …", the body (a blank line
// separates paragraphs) and a signature line for the parent.
struct Letter {
  std::string title;                   // PDF metadata
  std::vector<std::string> sender;     // name, street, postal code and town
  std::vector<std::string> addressee;  // lines
  std::string place_and_date;          // "V Brně dne 28. 11. 2026"
  std::string subject;                 // printed after "Věc: "
  std::string body;
  std::string signer;                  // printed under the signature line
  std::string signer_note = "zákonný zástupce dítěte";
};

std::string render_letter(const Letter& letter);

struct GuideEntry {
  std::string name, address, what_they_do;
};

struct Guide {
  std::string title, intro;
  std::vector<GuideEntry> entries;
  std::string note;    // e.g. "Romský překlad zatím chybí…" (empty: none)
  std::string footer;
};

std::string render_guide(const Guide& guide);

}  // namespace kredo::documents
