#include "documents/simulation_report.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <sstream>

#include "common/html.hpp"
#include "documents/pdf_document.hpp"

namespace kredo::documents {
namespace {

using analytics::MechanismOutcome;
using analytics::Spread;

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s(buf);
  std::replace(s.begin(), s.end(), '.', ',');  // Czech decimal comma
  return s;
}

// One measure of the comparison: how to read it from an outcome and how to print it.
struct Measure {
  const char* title;
  const char* about;
  std::function<const Spread&(const MechanismOutcome&)> get;
  double scale;  // 100 for shares shown in per cent
  int decimals;
  const char* suffix;
};

const std::vector<Measure>& measures() {
  static const std::vector<Measure> kMeasures = {
      {"Index nepodobnosti D", "0 = menšinové děti rozmístěné jako ostatní, 1 = úplné oddělení. Nižší je lepší.",
       [](const MechanismOutcome& m) -> const Spread& { return m.d; }, 1, 3, ""},
      {"Index H (Theil)", "Podíl informace o skupině, který nese škola. Nižší je lepší.",
       [](const MechanismOutcome& m) -> const Spread& { return m.h; }, 1, 4, ""},
      {"Školy s více než třetinou menšinových dětí", "Počet škol nad hranicí, kterou stát používá pro segregaci.",
       [](const MechanismOutcome& m) -> const Spread& { return m.schools_over_third; }, 1, 1, ""},
      {"Přijati na školu první volby", "Podíl všech dětí. Vyšší je lepší.",
       [](const MechanismOutcome& m) -> const Spread& { return m.first_choice_share; }, 100, 1, " %"},
      {"Nepřijaté děti", "Děti bez místa; v modelu nechodí do žádné školy.",
       [](const MechanismOutcome& m) -> const Spread& { return m.unassigned; }, 1, 1, ""},
      {"Průměrná vzdálenost do školy (km)", "Vzdušnou čarou z domova.",
       [](const MechanismOutcome& m) -> const Spread& { return m.mean_distance_km; }, 1, 2, ""},
      {"90. percentil vzdálenosti (km)", "Jak daleko to má desetina dětí s nejdelší cestou.",
       [](const MechanismOutcome& m) -> const Spread& { return m.p90_distance_km; }, 1, 2, ""},
  };
  return kMeasures;
}

std::string spread_text(const Spread& s, const Measure& m) {
  return fixed(s.mean * m.scale, m.decimals) + m.suffix + " (" + fixed(s.p5 * m.scale, m.decimals) + "–" +
         fixed(s.p95 * m.scale, m.decimals) + ")";
}

std::size_t minority_children(const analytics::Scenario& s) {
  return static_cast<std::size_t>(std::count_if(s.children.begin(), s.children.end(),
                                                [&](const analytics::SimChild& c) { return c.group == s.minority; }));
}

const char* kUnassignedNote =
    "Nepřijaté děti nechodí v modelu do žádné školy: do indexů M, H a D, do složení škol ani do vzdáleností se "
    "nezapočítávají a jsou uvedeny zvlášť jako „nepřijaté děti“.";
const char* kSpreadNote =
    "Hodnoty jsou průměry přes losování; v závorce 5. až 95. percentil, tedy rozpětí, do kterého padne 90 % losování.";
const char* kDNote = "D porovnává menšinovou skupinu se všemi ostatními dětmi dohromady.";

std::string scenario_line(const analytics::Scenario& s, const analytics::SimulationResult& r) {
  const std::size_t minority = minority_children(s);
  const double share = s.children.empty() ? 0 : 100.0 * static_cast<double>(minority) / static_cast<double>(s.children.size());
  return "Scénář „" + s.name + "“: " + std::to_string(s.children.size()) + " dětí, z toho " + std::to_string(minority) +
         " z menšinové skupiny (" + fixed(share, 1) + " %), " + std::to_string(s.schools.size()) + " škol; " +
         std::to_string(r.draws) + " losování, semínko " + std::to_string(r.seed) + ".";
}

// An SVG chart of one measure: a bar per mechanism with its 5–95 % whisker.
std::string svg_chart(const Measure& m, const std::vector<MechanismOutcome>& outcomes) {
  constexpr int kLabel = 230, kBar = 22, kGap = 8, kPlot = 380, kValue = 190;
  const int height = static_cast<int>(outcomes.size()) * (kBar + kGap) + 8;
  double top = 0;
  for (const auto& o : outcomes) top = std::max({top, m.get(o).mean, m.get(o).p95});
  if (top <= 0) top = 1;
  std::ostringstream svg;
  svg << "<svg role=\"img\" aria-label=\"" << escape_html(m.title) << "\" viewBox=\"0 0 " << kLabel + kPlot + kValue
      << " " << height << "\" width=\"100%\">";
  int y = 4;
  for (const auto& o : outcomes) {
    const Spread& s = m.get(o);
    const double w = std::max(0.0, s.mean) / top * kPlot;
    const double lo = kLabel + std::max(0.0, s.p5) / top * kPlot, hi = kLabel + std::max(0.0, s.p95) / top * kPlot;
    const double mid = y + kBar / 2.0;
    svg << "<text x=\"" << kLabel - 8 << "\" y=\"" << mid + 5 << "\" text-anchor=\"end\">"
        << escape_html(mechanism_czech_name(o.mechanism)) << "</text>"
        << "<rect x=\"" << kLabel << "\" y=\"" << y << "\" width=\"" << w << "\" height=\"" << kBar
        << "\" fill=\"#2a5d9a\"/>"
        << "<path d=\"M" << lo << " " << mid << "H" << hi << "M" << lo << " " << mid - 5 << "V" << mid + 5 << "M" << hi
        << " " << mid - 5 << "V" << mid + 5 << "\" stroke=\"#111\" stroke-width=\"1.5\"/>"
        << "<text x=\"" << kLabel + std::max(w, hi - kLabel) + 6 << "\" y=\"" << mid + 5 << "\">"
        << escape_html(spread_text(s, m)) << "</text>";
    y += kBar + kGap;
  }
  svg << "</svg>";
  return svg.str();
}

}  // namespace

std::string mechanism_czech_name(analytics::SimMechanism m) {
  switch (m) {
    case analytics::SimMechanism::catchment: return "Jen spádová škola";
    case analytics::SimMechanism::boston: return "Okamžité přijetí (Boston)";
    case analytics::SimMechanism::da: return "Odložené přijetí (DA)";
    case analytics::SimMechanism::da_reserves: return "DA s rezervami pro menšinu";
    case analytics::SimMechanism::controlled_choice: return "Řízená volba (měkké kvóty)";
  }
  return "?";
}

std::string simulation_report_html(const analytics::Scenario& scenario, const analytics::SimulationResult& result) {
  std::ostringstream h;
  h << "<!doctype html><html lang=\"cs\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
       "<title>Porovnání pravidel přijímání – "
    << escape_html(scenario.name)
    << "</title><style>"
       "body{font-family:'DejaVu Sans',system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;"
       "color:#111;line-height:1.45}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}"
       "table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0 1rem}"
       "th,td{border:1px solid #bbb;padding:.3rem .45rem;text-align:right;vertical-align:top}"
       "th:first-child,td:first-child{text-align:left}thead th{background:#e6ebf2}"
       "svg text{font-size:13px;font-family:inherit}.note{color:#333;font-size:.9rem}"
       ".wrap{overflow-x:auto}@media print{body{margin:0;max-width:none}h2{break-after:avoid}}"
       "</style></head><body>";
  h << "<h1>Porovnání pravidel přijímání do škol</h1>";
  h << "<p>" << escape_html(scenario_line(scenario, result)) << "</p>";
  h << "<p class=\"note\">" << kSpreadNote << " " << kDNote << "</p>";
  h << "<p class=\"note\"><strong>Nepřijaté děti:</strong> " << kUnassignedNote << "</p>";

  h << "<h2>Přehled</h2><div class=\"wrap\"><table><thead><tr><th scope=\"col\">Pravidlo</th>";
  for (const auto& m : measures()) h << "<th scope=\"col\">" << escape_html(m.title) << "</th>";
  h << "</tr></thead><tbody>";
  for (const auto& o : result.mechanisms) {
    h << "<tr><th scope=\"row\">" << escape_html(mechanism_czech_name(o.mechanism)) << "</th>";
    for (const auto& m : measures()) h << "<td>" << escape_html(spread_text(m.get(o), m)) << "</td>";
    h << "</tr>";
  }
  h << "</tbody></table></div>";

  for (const auto& m : measures()) {
    h << "<h2>" << escape_html(m.title) << "</h2><p class=\"note\">" << escape_html(m.about) << "</p>"
      << svg_chart(m, result.mechanisms);
  }

  h << "<h2>Podíl menšinových dětí podle školy</h2><p class=\"note\">Průměr přes losování, ve kterých škola někoho "
       "přijala; tučně nad třetinou.</p><div class=\"wrap\"><table><thead><tr><th scope=\"col\">Škola</th>"
       "<th scope=\"col\">Kapacita</th>";
  for (const auto& o : result.mechanisms) h << "<th scope=\"col\">" << escape_html(mechanism_czech_name(o.mechanism)) << "</th>";
  h << "</tr></thead><tbody>";
  const std::size_t n_schools = result.mechanisms.empty() ? 0 : result.mechanisms.front().schools.size();
  for (std::size_t i = 0; i < n_schools; ++i) {
    const auto& first = result.mechanisms.front().schools[i];
    h << "<tr><th scope=\"row\">" << escape_html(first.id) << "</th><td>" << first.capacity << "</td>";
    for (const auto& o : result.mechanisms) {
      const double share = i < o.schools.size() ? o.schools[i].minority_share.mean : 0;
      const std::string text = fixed(100 * share, 1) + " %";
      h << "<td>" << (share > 1.0 / 3 ? "<strong>" + text + "</strong>" : text) << "</td>";
    }
    h << "</tr>";
  }
  h << "</tbody></table></div>";
  h << "<p class=\"note\">Vytvořeno programem KREDO (kredo simulate). Model je zjednodušený: rodiny volí podle "
       "vzdálenosti, pověsti školy a jejího složení s náhodnou složkou; výsledky ukazují směr a velikost účinků "
       "pravidel, ne předpověď pro konkrétní školu.</p>";
  h << "</body></html>\n";
  return h.str();
}

std::string simulation_report_pdf(const analytics::Scenario& scenario, const analytics::SimulationResult& result) {
  PdfDocument doc("Porovnání pravidel přijímání – " + scenario.name);
  doc.set_running_header("KREDO · Porovnání pravidel přijímání · " + scenario.name);
  doc.heading("Porovnání pravidel přijímání do škol");
  doc.paragraph(scenario_line(scenario, result));
  doc.paragraph(std::string(kSpreadNote) + " " + kDNote, false, Align::left, 9.5);
  doc.paragraph(std::string("Nepřijaté děti: ") + kUnassignedNote, false, Align::left, 9.5);
  doc.spacer(3);
  for (const auto& m : measures()) {
    BarChart chart;
    chart.title = std::string(m.title) + " — " + m.about;
    chart.decimals = m.decimals;
    chart.suffix = m.suffix;
    for (const auto& o : result.mechanisms) {
      const Spread& s = m.get(o);
      chart.bars.push_back({mechanism_czech_name(o.mechanism), s.mean * m.scale, s.p5 * m.scale, s.p95 * m.scale, true});
    }
    doc.bar_chart(chart);
  }
  doc.page_break();
  doc.heading("Podíl menšinových dětí podle školy", 2);
  Table t;
  t.columns.push_back({"Škola", 1.6});
  t.columns.push_back({"Kapacita", 0.9, Align::right});
  for (const auto& o : result.mechanisms) t.columns.push_back({mechanism_czech_name(o.mechanism), 1.2, Align::right});
  const std::size_t n_schools = result.mechanisms.empty() ? 0 : result.mechanisms.front().schools.size();
  for (std::size_t i = 0; i < n_schools; ++i) {
    const auto& first = result.mechanisms.front().schools[i];
    std::vector<std::string> row{first.id, std::to_string(first.capacity)};
    for (const auto& o : result.mechanisms)
      row.push_back(fixed(100 * (i < o.schools.size() ? o.schools[i].minority_share.mean : 0), 1) + " %");
    t.rows.push_back(std::move(row));
  }
  doc.table(t);
  return doc.finish();
}

}  // namespace kredo::documents
