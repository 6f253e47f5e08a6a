#include "domain/attendance_sheet.hpp"

#include "documents/pdf_document.hpp"
#include "rules/date.hpp"

namespace kredo::domain {

namespace {

constexpr const char* kMonths[] = {"leden", "únor",  "březen", "duben",  "květen",   "červen",
                                   "červenec", "srpen", "září",  "říjen", "listopad", "prosinec"};

std::string czech_date(const std::string& iso) {
  auto d = rules::parse_iso_date(iso);
  return d ? d->czech() : iso;
}

std::string short_date(const std::string& iso) {
  auto d = rules::parse_iso_date(iso);
  return d ? std::to_string(d->day()) + ". " + std::to_string(d->month()) + "." : iso;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string person_cell(const SheetPerson& p) {
  return p.name + (p.role == "child" ? " (dítě)" : "");
}

std::string signature_hint(const SheetPerson& p) {
  if (p.role != "child") return "";
  return "podpis zákonného zástupce" + (p.representative ? ": " + *p.representative : std::string());
}

}  // namespace

std::string render_attendance_sheet(const AttendanceSheetData& data, const SheetHeader& header) {
  documents::PdfDocument doc("Prezenční listina – " + data.title);
  doc.set_running_header(header.organisation + " · " + header.project);
  doc.set_running_footer("Financováno Evropskou unií");
  doc.heading("Prezenční listina");
  doc.paragraph("Financováno Evropskou unií", true);
  doc.field("Organizace", header.organisation);
  doc.field("Projekt", header.project);
  doc.field("Aktivita", data.title);
  documents::Table t;
  t.min_row_height_mm = 12;
  if (data.month.empty()) {
    const SheetSession& s = data.sessions.front();
    doc.field("Druh aktivity", s.type_name);
    doc.field("Datum", czech_date(s.date));
    doc.field("Čas", s.start + "–" + s.end);
    if (!s.place.empty()) doc.field("Místo", s.place);
    if (!s.topics.empty()) doc.field("Témata", s.topics);
    if (!data.workers.empty()) doc.field("Pracovníci", join(data.workers));
    doc.spacer(4);
    t.columns = {{"Č.", 0.5, documents::Align::right}, {"Jméno a příjmení", 3}, {"Podpis", 3}};
    int n = 0;
    for (const auto& p : data.people) t.rows.push_back({std::to_string(++n), person_cell(p), signature_hint(p)});
  } else {
    const int y = std::stoi(data.month.substr(0, 4)), m = std::stoi(data.month.substr(5, 2));
    doc.field("Měsíc", std::string(kMonths[m - 1]) + " " + std::to_string(y));
    if (!data.sessions.empty()) {
      doc.field("Druh aktivity", data.sessions.front().type_name);
      doc.field("Čas", data.sessions.front().start + "–" + data.sessions.front().end);
      if (!data.sessions.front().place.empty()) doc.field("Místo", data.sessions.front().place);
    }
    if (!data.workers.empty()) doc.field("Pracovníci", join(data.workers));
    doc.spacer(4);
    if (data.sessions.empty()) {
      doc.paragraph("V tomto měsíci skupina nemá žádné setkání.");
      return doc.finish();
    }
    t.columns = {{"Č.", 0.5, documents::Align::right}, {"Jméno a příjmení", 3}};
    for (const auto& s : data.sessions) t.columns.push_back({short_date(s.date), 1.2, documents::Align::center});
    int n = 0;
    for (const auto& p : data.people) {
      std::vector<std::string> row{std::to_string(++n), person_cell(p) + (p.role == "child" ? "\n" + signature_hint(p) : "")};
      row.resize(t.columns.size());
      t.rows.push_back(std::move(row));
    }
  }
  doc.table(t);
  doc.spacer(6);
  doc.paragraph("Za dítě podepisuje zákonný zástupce. Podpisem účastník potvrzuje svou účast na aktivitě.", false,
                documents::Align::left, 9);
  return doc.finish();
}

}  // namespace kredo::domain
