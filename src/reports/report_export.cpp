// The report document, its reader's view (suppression), and its XLSX and CSV forms.
#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "common/csv.hpp"
#include "reports/report_service.hpp"

namespace kredo::reports {

using nlohmann::json;

namespace {

bool is_count_unit(const std::string& unit) { return unit == "persons" || unit == "cases" || unit == "sessions"; }

double round2(double v) { return std::round(v * 100.0) / 100.0; }

const char* unit_cs(const std::string& unit) {
  if (unit == "persons") return "osoby";
  if (unit == "sessions") return "setkání";
  if (unit == "hours") return "hodiny";
  if (unit == "cases") return "případy";
  if (unit == "percent") return "%";
  return "";
}

std::string key_cs(const std::string& key) {
  static const std::map<std::string, std::string> names{
      {"female", "ženy"}, {"male", "muži"}, {"non_binary", "nebinární"}, {"not_stated", "neuvedeno"},
      {"ms", "MŠ"}, {"zs", "ZŠ"}};
  auto it = names.find(key);
  return it == names.end() ? key : it->second;
}

std::string status_cs(const std::string& s) { return s == "ok" ? "spočteno" : "nedostupné"; }

// The gender cells of a breakdown (for the fixed columns), or nulls.
std::optional<double> cell(const json& ind, const std::string& key, bool* suppressed) {
  if (!ind.contains("breakdown")) return std::nullopt;
  for (const auto& c : ind["breakdown"])
    if (c["key"] == key) {
      if (c.value("suppressed", false)) *suppressed = true;
      if (c["value"].is_null()) return std::nullopt;
      return c["value"].get<double>();
    }
  return std::nullopt;
}

std::string number_text(const json& v) {
  if (v.is_null()) return "";
  const double d = v.get<double>();
  if (d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  std::ostringstream os;
  os.precision(2);
  os << std::fixed << d;
  return os.str();
}

}  // namespace

std::string safe_cell(const std::string& text) { return csv::neutralize_formula(text); }

json build_document(const Project& project, const std::string& from, const std::string& to,
                    const std::vector<IndicatorValue>& values, const std::string& computed_at) {
  json inds = json::array();
  for (const auto& v : values) {
    const IndicatorDefinition* d = find_indicator(v.code);
    json o;
    o["code"] = v.code;
    o["version"] = v.version;
    o["section"] = d ? d->section : "";
    o["name_cs"] = d ? d->name_cs : v.code;
    o["name_en"] = d ? d->name_en : v.code;
    o["unit"] = d ? d->unit : "";
    o["method"] = d ? d->method : "";
    o["sensitive"] = d ? d->sensitive : false;
    o["status"] = v.status;
    if (v.status != "ok") o["reason"] = v.reason;
    o["value"] = v.status == "ok" ? json(round2(v.value)) : json(nullptr);
    auto t = project.targets.find(v.code);
    o["target"] = t == project.targets.end() ? json(nullptr) : json(t->second);
    o["progress_percent"] = (v.status == "ok" && t != project.targets.end() && t->second > 0)
                                ? json(round2(100.0 * v.value / t->second))
                                : json(nullptr);
    o["breakdown_kind"] = v.breakdown_kind;
    json cells = json::array();
    for (const auto& [k, c] : v.breakdown) cells.push_back({{"key", k}, {"value", round2(c)}});
    o["breakdown"] = cells;
    o["entity"] = v.entity;
    o["counted"] = v.counted_records();
    o["ids"] = v.ids;
    inds.push_back(std::move(o));
  }
  return {{"project",
           {{"code", project.code},
            {"name", project.name},
            {"funder", project.funder},
            {"call", project.call_name},
            {"registration_number", project.registration_number ? json(*project.registration_number) : json(nullptr)},
            {"period", {{"from", project.period_from}, {"to", project.period_to}}}}},
          {"period", {{"from", from}, {"to", to}}},
          {"settings",
           {{"suppression_threshold", project.settings.suppression_threshold},
            {"supported_threshold_minutes", project.settings.supported_threshold_minutes},
            {"minority_target_group", project.settings.minority_target_group},
            {"non_segregated_max_roma_share", project.settings.non_segregated_max_roma_share}}},
          {"computed_at", computed_at},
          {"indicators", inds}};
}

void suppress_indicator(json& ind, std::int64_t threshold) {
  const double t = static_cast<double>(threshold);
  auto small = [t](const json& v) { return v.is_number() && v.get<double>() > 0 && v.get<double>() < t; };
  const std::string unit = ind.value("unit", "");
  if (ind["value"].is_null()) return;
  if (is_count_unit(unit)) {
    if (small(ind["value"])) {
      ind["value"] = nullptr;
      ind["suppressed"] = true;
      ind["progress_percent"] = nullptr;
    }
    std::vector<json*> hidden, shown;
    for (auto& c : ind["breakdown"]) {
      if (small(c["value"])) {
        c["value"] = nullptr;
        c["suppressed"] = true;
        hidden.push_back(&c);
      } else if (c["value"].is_number() && c["value"].get<double>() > 0) {
        shown.push_back(&c);
      }
    }
    // One hidden cell next to a shown total could be worked out by subtraction: hide the next smallest too.
    if (hidden.size() == 1 && !ind["value"].is_null() && !shown.empty()) {
      auto smallest = std::min_element(shown.begin(), shown.end(), [](json* a, json* b) {
        return (*a)["value"].get<double>() < (*b)["value"].get<double>();
      });
      (**smallest)["value"] = nullptr;
      (**smallest)["suppressed"] = true;
    }
  } else if (ind.value("counted", std::int64_t{0}) > 0 && ind.value("counted", std::int64_t{0}) < threshold) {
    // Hours and shares computed over fewer people than the threshold say too much about them.
    ind["value"] = nullptr;
    ind["suppressed"] = true;
    ind["progress_percent"] = nullptr;
    for (auto& c : ind["breakdown"]) {
      c["value"] = nullptr;
      c["suppressed"] = true;
    }
  }
}

json public_view(const json& document, bool suppress, std::int64_t threshold) {
  json out = document;
  for (auto& ind : out["indicators"]) {
    ind.erase("ids");
    if (suppress) suppress_indicator(ind, threshold);
  }
  return out;
}

std::string report_csv(const json& doc) {
  std::string out = "\xEF\xBB\xBF";  // Excel opens UTF-8 CSV with a byte-order mark
  out += csv::format_row({"Oddíl", "Kód", "Verze definice", "Ukazatel", "Jednotka", "Cílová hodnota", "Skutečnost",
                          "Plnění (%)", "Ženy", "Muži", "Nebinární", "Neuvedeno", "Rozpad", "Stav", "Poznámka"});
  for (const auto& ind : doc["indicators"]) {
    std::vector<std::string> row;
    row.push_back(ind["section"] == "esf" ? "ESF+" : "Program");
    row.push_back(safe_cell(ind["code"].get<std::string>()));
    row.push_back(std::to_string(ind["version"].get<int>()));
    row.push_back(safe_cell(ind["name_cs"].get<std::string>()));
    row.push_back(unit_cs(ind["unit"].get<std::string>()));
    row.push_back(number_text(ind["target"]));
    row.push_back(ind.value("suppressed", false) ? "<5" : number_text(ind["value"]));
    row.push_back(number_text(ind["progress_percent"]));
    const bool gender = ind["breakdown_kind"] == "gender";
    for (const char* g : {"female", "male", "non_binary", "not_stated"}) {
      bool s = false;
      auto c = gender ? cell(ind, g, &s) : std::nullopt;
      row.push_back(s ? "<5" : c ? number_text(json(*c)) : "");
    }
    std::string parts;
    if (!gender)
      for (const auto& c : ind["breakdown"]) {
        if (!parts.empty()) parts += "; ";
        parts += key_cs(c["key"].get<std::string>()) + "=" +
                 (c.value("suppressed", false) ? std::string("<5") : number_text(c["value"]));
      }
    row.push_back(safe_cell(parts));
    row.push_back(status_cs(ind["status"].get<std::string>()));
    row.push_back(safe_cell(ind.value("reason", std::string())));
    out += csv::format_row(row);
  }
  return out;
}

std::string report_xlsx(const json& doc, const ReportSummary& summary) {
  char path[] = "/tmp/kredo-report-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) throw std::runtime_error("cannot create a temporary file for the XLSX");
  close(fd);
  lxw_workbook* wb = workbook_new(path);
  if (!wb) {
    std::remove(path);
    throw std::runtime_error("cannot start the XLSX workbook");
  }
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* text = workbook_add_format(wb);
  format_set_border(text, LXW_BORDER_THIN);
  format_set_text_wrap(text);
  format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* num = workbook_add_format(wb);
  format_set_border(num, LXW_BORDER_THIN);
  format_set_align(num, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* pct = workbook_add_format(wb);
  format_set_border(pct, LXW_BORDER_THIN);
  format_set_num_format(pct, "0.0");
  format_set_align(pct, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* label = workbook_add_format(wb);
  format_set_bold(label);

  auto str = [](lxw_worksheet* ws, int r, int c, const std::string& s, lxw_format* f) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), safe_cell(s).c_str(), f);
  };
  auto number = [&](lxw_worksheet* ws, int r, int c, const json& v, lxw_format* f, bool suppressed) {
    if (suppressed) str(ws, r, c, "<5", text);
    else if (v.is_null()) str(ws, r, c, "", text);
    else worksheet_write_number(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), v.get<double>(), f);
  };

  // Souhrn
  lxw_worksheet* s = workbook_add_worksheet(wb, "Souhrn");
  worksheet_set_column(s, 0, 0, 28, nullptr);
  worksheet_set_column(s, 1, 1, 70, nullptr);
  str(s, 0, 0, "Monitorovací zpráva projektu " + doc["project"]["name"].get<std::string>(), title);
  std::vector<std::pair<std::string, std::string>> facts{
      {"Projekt", doc["project"]["name"].get<std::string>()},
      {"Poskytovatel", doc["project"]["funder"].get<std::string>()},
      {"Výzva", doc["project"]["call"].get<std::string>()},
      {"Registrační číslo", doc["project"]["registration_number"].is_null()
                                ? std::string()
                                : doc["project"]["registration_number"].get<std::string>()},
      {"Období projektu", doc["project"]["period"]["from"].get<std::string>() + " – " +
                              doc["project"]["period"]["to"].get<std::string>()},
      {"Sledované období", doc["period"]["from"].get<std::string>() + " – " + doc["period"]["to"].get<std::string>()},
      {"Stav zprávy", summary.status == "submitted" ? "odevzdaná (zmrazená)" : "koncept"},
      {"Spočteno", doc["computed_at"].get<std::string>()},
      {"Odevzdal/a", summary.submitted_by.value_or("")},
      {"SHA-256", summary.sha256.value_or("")},
      {"Hranice potlačení malých buněk", std::to_string(doc["settings"]["suppression_threshold"].get<std::int64_t>())},
      {"Podpořená osoba nad (minut)", std::to_string(doc["settings"]["supported_threshold_minutes"].get<std::int64_t>())},
      {"EECO15 za cílovou skupinu", doc["settings"]["minority_target_group"].get<bool>() ? "ano" : "ne"}};
  // Reports frozen before migration 0011 used the constant one half.
  const double share = doc["settings"].value("non_segregated_max_roma_share", 0.5);
  facts.emplace_back("Nesegregovaná škola: podíl Romů nejvýše (%)", number_text(json(share * 100)));
  int r = 2;
  for (const auto& [k, v] : facts) {
    str(s, r, 0, k, label);
    str(s, r, 1, v, nullptr);
    ++r;
  }

  const std::vector<std::string> headers{"Kód", "Ukazatel", "Jednotka", "Cílová hodnota", "Skutečnost", "Plnění (%)",
                                         "Ženy", "Muži", "Nebinární", "Neuvedeno", "Rozpad", "Stav", "Verze definice",
                                         "Způsob výpočtu"};
  for (const auto& [section, sheet_name] : {std::pair<std::string, std::string>{"esf", "ESF+ ukazatele"},
                                            std::pair<std::string, std::string>{"programme", "Programové ukazatele"}}) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.c_str());
    const double widths[] = {14, 48, 10, 12, 12, 10, 9, 9, 10, 10, 40, 12, 9, 60};
    for (int c = 0; c < static_cast<int>(headers.size()); ++c) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
      str(ws, 0, c, headers[static_cast<std::size_t>(c)], head);
    }
    worksheet_freeze_panes(ws, 1, 2);
    int row = 1;
    for (const auto& ind : doc["indicators"]) {
      if (ind["section"] != section) continue;
      str(ws, row, 0, ind["code"].get<std::string>(), text);
      str(ws, row, 1, ind["name_cs"].get<std::string>(), text);
      str(ws, row, 2, unit_cs(ind["unit"].get<std::string>()), text);
      number(ws, row, 3, ind["target"], num, false);
      number(ws, row, 4, ind["value"], num, ind.value("suppressed", false));
      number(ws, row, 5, ind["progress_percent"], pct, false);
      const bool gender = ind["breakdown_kind"] == "gender";
      int c = 6;
      for (const char* g : {"female", "male", "non_binary", "not_stated"}) {
        bool sup = false;
        auto v = gender ? cell(ind, g, &sup) : std::nullopt;
        number(ws, row, c++, v ? json(*v) : json(nullptr), num, sup);
      }
      std::string parts;
      if (!gender)
        for (const auto& b : ind["breakdown"]) {
          if (!parts.empty()) parts += "; ";
          parts += key_cs(b["key"].get<std::string>()) + " " +
                   (b.value("suppressed", false) ? std::string("<5") : number_text(b["value"]));
        }
      str(ws, row, 10, parts, text);
      str(ws, row, 11, status_cs(ind["status"].get<std::string>()), text);
      worksheet_write_number(ws, static_cast<lxw_row_t>(row), 12, ind["version"].get<double>(), num);
      str(ws, row, 13,
          ind["status"] == "ok" ? ind["method"].get<std::string>()
                                : ind.value("reason", std::string()) + " " + ind["method"].get<std::string>(),
          text);
      ++row;
    }
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(std::max(row - 1, 1)),
                         static_cast<lxw_col_t>(headers.size() - 1));
  }
  const lxw_error err = workbook_close(wb);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path);
  if (err != LXW_NO_ERROR) throw std::runtime_error(std::string("XLSX writer: ") + lxw_strerror(err));
  return bytes;
}

}  // namespace kredo::reports
