// The dashboard (progress to targets, enrollment funnel, attendance over time, competence progress,
// incidents by type) and the impact summary (key numbers, competence changes, consented quotes,
// implementation notes, barriers) as JSON, a printable HTML page and a PDF. Every section whose
// tables are not in this database says so instead of showing a number.
#include <cmath>
#include <map>
#include <sstream>

#include "documents/pdf_document.hpp"
#include "domain/registry_access.hpp"
#include "reports/report_service.hpp"
#include "reports/support_minutes.hpp"
#include "rules/date.hpp"
#include "security/audit.hpp"

namespace kredo::reports {

using nlohmann::json;
using security::Actor;
using security::Role;
using storage::TxMode;

namespace {

Status check_period(const std::string& from, const std::string& to) {
  std::vector<FieldError> errors;
  auto f = rules::parse_iso_date(from, "from");
  auto t = rules::parse_iso_date(to, "to");
  if (!f) errors.push_back({"from", "A date written YYYY-MM-DD."});
  if (!t) errors.push_back({"to", "A date written YYYY-MM-DD."});
  if (f && t && *t < *f) errors.push_back({"to", "The end of the period cannot be before its start."});
  if (!errors.empty()) return Error::validation(errors);
  return {};
}

const json* find(const json& doc, const std::string& code) {
  for (const auto& i : doc["indicators"])
    if (i["code"] == code) return &i;
  return nullptr;
}

json unavailable(const std::string& reason) { return {{"status", "unavailable"}, {"reason", reason}}; }

// A section built from one indicator's breakdown.
json breakdown_section(const json& doc, const std::string& code) {
  const json* i = find(doc, code);
  if (!i) return unavailable("No indicator " + code + ".");
  if ((*i)["status"] != "ok") return unavailable((*i)["reason"].get<std::string>());
  json items = json::array();
  for (const auto& c : (*i)["breakdown"]) {
    json cell{{"key", c["key"]}, {"value", c["value"]}};
    if (c.value("suppressed", false)) cell["suppressed"] = true;
    items.push_back(cell);
  }
  return {{"status", "ok"}, {"code", code}, {"unit", (*i)["unit"]}, {"value", (*i)["value"]},
          {"suppressed", i->value("suppressed", false)}, {"items", items}};
}

std::string num_text(const json& v) {
  if (v.is_null()) return "–";
  const double d = v.get<double>();
  std::ostringstream os;
  if (d == std::floor(d)) os << static_cast<long long>(d);
  else {
    os.precision(1);
    os << std::fixed << d;
  }
  std::string s = os.str();
  for (auto& ch : s)
    if (ch == '.') ch = ',';
  return s;
}

std::string escape_html(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string czech_date(const std::string& iso) {
  auto d = rules::parse_iso_date(iso);
  if (!d) return iso;
  return d->czech();
}

// Observation texts (issue 4's observations table), only those marked publishable.
json observations(storage::Transaction& tx, SchemaProbe& schema, const std::string& from, const std::string& to,
                  const std::string& where, const std::string& today_iso) {
  const std::string missing =
      schema.missing({{"observations", {"date", "text", "tags", "is_quote", "speaker_role", "speaker_person_id",
                                        "publishable"}}});
  if (!missing.empty()) return unavailable(missing);
  // A quote by a person needs that person's valid consent to publication.
  const std::string sql =
      "SELECT o.id, o.date, o.text, o.speaker_role FROM observations o WHERE o.date >= $1 AND o.date <= $2 "
      "AND o.publishable = 1 AND " + where +
      " AND (o.speaker_person_id IS NULL OR EXISTS (SELECT 1 FROM consents c WHERE c.person_id = o.speaker_person_id "
      "AND c.purpose = 'publication' AND c.withdrawn_on IS NULL AND c.given_on <= $3 AND (c.expires_on IS NULL OR "
      "c.expires_on >= $3))) ORDER BY o.date, o.id LIMIT 50";
  json items = json::array();
  for (const auto& r : tx.query(sql, {from, to, today_iso}))
    items.push_back({{"date", r.str(1)}, {"text", r.str(2)}, {"speaker_role", r.opt_str(3) ? json(*r.opt_str(3)) : json(nullptr)}});
  return {{"status", "ok"}, {"items", items}};
}

const std::vector<std::string> kKeyNumbers{"EECO01", "P_CHILDREN", "P_PARENTS", "SUPPORTED", "P_SESSIONS",
                                           "P_SUPPORT_HOURS", "P_ENROLLED_NONSEG", "P_APPEALS_WON", "P_INCIDENTS"};

}  // namespace

std::string ReportService::aggregate_key(const char* kind, bool suppressed, const std::string& from,
                                         const std::string& to) const {
  const char sep = '\x1f';
  return std::string(kind) + sep + (suppressed ? "s" : "f") + sep + from + sep + to + sep + domain::today(clock_).iso();
}

Result<std::shared_ptr<const json>> ReportService::live_indicators(const Actor& actor, const std::string& from,
                                                                   const std::string& to) {
  KREDO_TRY(check_period(from, to));
  // The full set is computed once; the suppressed view (analysts, public outputs) is made from it.
  const std::int64_t gen = domain::data_generation(db_);
  Actor reader;
  reader.role = Role::coordinator;
  auto full = aggregates_.get(aggregate_key("indicators", false, from, to), gen,
                              [&] { return indicators(reader, from, to); });
  if (!full || !actor.is(Role::analyst)) return full;
  return aggregates_.get(aggregate_key("indicators", true, from, to), gen, [&]() -> Result<json> {
    return public_view(**full, true, (**full)["settings"]["suppression_threshold"].get<std::int64_t>());
  });
}

Result<std::shared_ptr<const json>> ReportService::dashboard(const Actor& actor, const std::string& from,
                                                             const std::string& to) {
  KREDO_TRY(check_period(from, to));
  return aggregates_.get(aggregate_key("dashboard", actor.is(Role::analyst), from, to), domain::data_generation(db_),
                         [&] { return compute_dashboard(actor, from, to); });
}

Result<json> ReportService::compute_dashboard(const Actor& actor, const std::string& from, const std::string& to) {
  auto full = live_indicators(actor, from, to);  // suppressed for analysts
  if (!full) return std::move(full).error();
  const json& doc = **full;
  json progress = json::array();
  for (const auto& i : doc["indicators"]) {
    if (i["target"].is_null()) continue;
    json p{{"code", i["code"]}, {"name_cs", i["name_cs"]}, {"name_en", i["name_en"]}, {"unit", i["unit"]},
           {"status", i["status"]}, {"value", i["value"]}, {"target", i["target"]},
           {"progress_percent", i["progress_percent"]}};
    if (i.contains("reason")) p["reason"] = i["reason"];
    if (i.value("suppressed", false)) p["suppressed"] = true;
    progress.push_back(p);
  }
  json funnel;
  {
    json steps = json::array();
    std::string reason;
    for (const char* code : {"P_APPLICATIONS", "P_ADMISSIONS", "P_ENROLLED_NONSEG", "P_APPEALS_FILED", "P_APPEALS_WON"}) {
      const json* i = find(doc, code);
      if (!i || (*i)["status"] != "ok") {
        if (reason.empty()) reason = i ? (*i)["reason"].get<std::string>() : std::string("No indicator ") + code;
        continue;
      }
      json s{{"code", code}, {"name_cs", (*i)["name_cs"]}, {"name_en", (*i)["name_en"]}, {"value", (*i)["value"]}};
      if (i->value("suppressed", false)) s["suppressed"] = true;
      steps.push_back(s);
    }
    funnel = reason.empty() ? json{{"status", "ok"}, {"steps", steps}} : unavailable(reason);
  }
  json attendance;
  {
    auto tx = db_.begin(TxMode::read);
    SchemaProbe schema(*tx);
    const std::string missing = schema.missing({{"activities", {"id", "date"}}, {"attendance", {"activity_id", "status"}}});
    if (!missing.empty()) {
      attendance = unavailable(missing);
    } else {
      const std::int64_t threshold = doc["settings"]["suppression_threshold"].get<std::int64_t>();
      // Present roll-call rows per month: whole months from the monthly aggregate (its `sessions` are those
      // rows, kept exact by triggers), the edge days of the period from the raw attendance.
      std::map<std::string, std::int64_t> present_by_month;
      auto split = split_into_months(from, to);
      if (split && schema.has_table("support_minutes_monthly")) {
        if (split->has_months)
          for (const auto& r : tx->query("SELECT month, SUM(sessions) FROM support_minutes_monthly WHERE month >= $1 "
                                         "AND month <= $2 GROUP BY month",
                                         {split->first_month, split->last_month}))
            present_by_month[r.str(0)] += r.i64(1);
        for (const auto& [d0, d1] : split->days)
          for (const auto& r : tx->query("SELECT substr(a.date, 1, 7), COUNT(*) FROM activities a JOIN attendance at ON "
                                         "at.activity_id = a.id WHERE at.status = 'present' AND a.date >= $1 AND "
                                         "a.date <= $2 GROUP BY substr(a.date, 1, 7)",
                                         {d0, d1}))
            present_by_month[r.str(0)] += r.i64(1);
      } else {
        for (const auto& r : tx->query("SELECT substr(a.date, 1, 7), COUNT(*) FROM activities a JOIN attendance at ON "
                                       "at.activity_id = a.id WHERE at.status = 'present' AND a.date >= $1 AND "
                                       "a.date <= $2 GROUP BY substr(a.date, 1, 7)",
                                       {from, to}))
          present_by_month[r.str(0)] += r.i64(1);
      }
      json months = json::array();
      for (const auto& r : tx->query("SELECT substr(date, 1, 7), COUNT(*) FROM activities WHERE date >= $1 AND "
                                     "date <= $2 GROUP BY substr(date, 1, 7) ORDER BY 1",
                                     {from, to})) {
        const auto it = present_by_month.find(r.str(0));
        const std::int64_t present = it == present_by_month.end() ? 0 : it->second;
        json m{{"month", r.str(0)}, {"sessions", r.i64(1)}, {"present", present}};
        if (actor.is(Role::analyst) && present > 0 && present < threshold) {
          m["present"] = nullptr;
          m["suppressed"] = true;
        }
        months.push_back(m);
      }
      attendance = {{"status", "ok"}, {"months", months}};
    }
  }
  return json{{"period", {{"from", from}, {"to", to}}},
              {"progress", progress},
              {"funnel", funnel},
              {"attendance", attendance},
              {"competences",
               {{"children", breakdown_section(doc, "P_IMPROVING_CHILDREN")},
                {"parents", breakdown_section(doc, "P_IMPROVING_PARENTS")}}},
              {"incidents", breakdown_section(doc, "P_INCIDENTS")},
              {"suppressed", actor.is(Role::analyst)}};
}

Result<std::shared_ptr<const json>> ReportService::impact_summary(const Actor& /*any logged-in role*/,
                                                                  const std::string& from, const std::string& to) {
  KREDO_TRY(check_period(from, to));
  return aggregates_.get(aggregate_key("impact", true, from, to), domain::data_generation(db_),
                         [&] { return compute_impact_summary(from, to); });
}

Result<json> ReportService::compute_impact_summary(const std::string& from, const std::string& to) {
  // Public output: always suppressed, whoever asks.
  Actor public_reader;
  public_reader.role = Role::analyst;
  auto full = live_indicators(public_reader, from, to);
  if (!full) return std::move(full).error();
  const json& doc = **full;
  auto tx = db_.begin(TxMode::read);
  json key = json::array();
  for (const auto& code : kKeyNumbers) {
    const json* i = find(doc, code);
    if (!i) continue;
    json k{{"code", code}, {"name_cs", (*i)["name_cs"]}, {"name_en", (*i)["name_en"]}, {"unit", (*i)["unit"]},
           {"status", (*i)["status"]}, {"value", (*i)["value"]}};
    if (i->contains("reason")) k["reason"] = (*i)["reason"];
    if (i->value("suppressed", false)) k["suppressed"] = true;
    key.push_back(k);
  }
  SchemaProbe schema(*tx);
  const std::string today_iso = domain::today(clock_).iso();
  json barriers_incidents = breakdown_section(doc, "P_INCIDENTS");
  return json{
      {"project", doc["project"]},
      {"period", {{"from", from}, {"to", to}}},
      {"key_numbers", key},
      {"competence_changes",
       {{"children", breakdown_section(doc, "P_IMPROVING_CHILDREN")},
        {"parents", breakdown_section(doc, "P_IMPROVING_PARENTS")}}},
      {"quotes", observations(*tx, schema, from, to, "o.is_quote = 1", today_iso)},
      {"implementation_notes",
       observations(*tx, schema, from, to,
                    "o.is_quote = 0 AND (o.tags LIKE '%\"implementation\"%' OR o.tags LIKE '%\"realizace\"%')",
                    today_iso)},
      {"barriers",
       {{"notes", observations(*tx, schema, from, to,
                                "(o.tags LIKE '%\"barrier%' OR o.tags LIKE '%\"bariér%')", today_iso)},
        {"incidents", barriers_incidents}}},
      {"suppression_threshold", doc["settings"]["suppression_threshold"]}};
}

Result<FileOut> ReportService::impact_summary_html(const Actor& actor, const std::string& from, const std::string& to) {
  auto s = impact_summary(actor, from, to);
  if (!s) return std::move(s).error();
  const json& j = **s;
  std::string h;
  h += "<!doctype html><html lang=\"cs\"><head><meta charset=\"utf-8\"><title>Shrnutí dopadu – " +
       escape_html(j["project"]["name"].get<std::string>()) + "</title><style>"
       "body{font-family:'DejaVu Sans',system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}"
       "h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:2px solid #2b6cb0;padding-bottom:.2rem;margin-top:2rem}"
       ".numbers{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.8rem}"
       ".num{border:1px solid #cbd5e0;border-radius:.4rem;padding:.6rem}.num b{display:block;font-size:1.6rem}"
       "blockquote{border-left:4px solid #2b6cb0;margin:.8rem 0;padding:.2rem .8rem;font-style:italic}"
       "table{border-collapse:collapse;width:100%}td,th{border:1px solid #cbd5e0;padding:.3rem .5rem;text-align:left}"
       ".na{color:#744210;background:#fefcbf;padding:.4rem}@media print{body{margin:0}}</style></head><body>";
  h += "<h1>Shrnutí dopadu projektu " + escape_html(j["project"]["name"].get<std::string>()) + "</h1>";
  h += "<p>" + escape_html(j["project"]["funder"].get<std::string>()) + ", " +
       escape_html(j["project"]["call"].get<std::string>()) + ". Období " + czech_date(j["period"]["from"]) + " – " +
       czech_date(j["period"]["to"]) + ".</p>";
  h += "<h2>Klíčová čísla</h2><div class=\"numbers\">";
  for (const auto& k : j["key_numbers"]) {
    std::string v = k["status"] != "ok" ? "nedostupné" : k.value("suppressed", false) ? "méně než " +
                    std::to_string(j["suppression_threshold"].get<std::int64_t>()) : num_text(k["value"]);
    h += "<div class=\"num\"><b>" + escape_html(v) + "</b>" + escape_html(k["name_cs"].get<std::string>()) + "</div>";
  }
  h += "</div>";
  auto section = [&](const std::string& title, const json& sec, const std::string& unit) {
    h += "<h3>" + escape_html(title) + "</h3>";
    if (sec["status"] != "ok") {
      h += "<p class=\"na\">Data nejsou k dispozici: " + escape_html(sec["reason"].get<std::string>()) + "</p>";
      return;
    }
    h += "<table><tr><th>Oblast</th><th>" + escape_html(unit) + "</th></tr>";
    for (const auto& c : sec["items"])
      h += "<tr><td>" + escape_html(c["key"].get<std::string>()) + "</td><td>" +
           (c.value("suppressed", false) ? std::string("skryto") : num_text(c["value"])) + "</td></tr>";
    h += "</table>";
  };
  h += "<h2>Změny v kompetencích</h2>";
  section("Děti", j["competence_changes"]["children"], "podíl se zlepšením (%)");
  section("Rodiče", j["competence_changes"]["parents"], "podíl se zlepšením (%)");
  auto notes = [&](const json& sec, bool quotes) {
    if (sec["status"] != "ok") {
      h += "<p class=\"na\">Data nejsou k dispozici: " + escape_html(sec["reason"].get<std::string>()) + "</p>";
      return;
    }
    if (sec["items"].empty()) h += "<p>Za toto období nic zaznamenáno.</p>";
    for (const auto& o : sec["items"]) {
      if (quotes)
        h += "<blockquote>„" + escape_html(o["text"].get<std::string>()) + "“</blockquote>";
      else
        h += "<p>" + escape_html(o["text"].get<std::string>()) + " <small>(" + czech_date(o["date"]) + ")</small></p>";
    }
  };
  h += "<h2>Citace (se souhlasem)</h2>";
  notes(j["quotes"], true);
  h += "<h2>Poznámky k realizaci</h2>";
  notes(j["implementation_notes"], false);
  h += "<h2>Bariéry</h2>";
  notes(j["barriers"]["notes"], false);
  section("Zdokumentované incidenty podle typu", j["barriers"]["incidents"], "počet");
  h += "<p><small>Buňky s méně než " + std::to_string(j["suppression_threshold"].get<std::int64_t>()) +
       " osobami jsou skryty.</small></p></body></html>";
  return FileOut{"shrnuti-dopadu.html", "text/html; charset=utf-8", h};
}

Result<FileOut> ReportService::impact_summary_pdf(const Actor& actor, const std::string& from, const std::string& to) {
  auto s = impact_summary(actor, from, to);
  if (!s) return std::move(s).error();
  const json& j = **s;
  documents::PdfDocument pdf("Shrnutí dopadu – " + j["project"]["name"].get<std::string>());
  pdf.set_running_header(j["project"]["name"].get<std::string>() + " – shrnutí dopadu");
  pdf.set_running_footer(czech_date(j["period"]["from"]) + " – " + czech_date(j["period"]["to"]));
  pdf.heading("Shrnutí dopadu projektu " + j["project"]["name"].get<std::string>());
  pdf.paragraph(j["project"]["funder"].get<std::string>() + ", " + j["project"]["call"].get<std::string>() +
                ". Období " + czech_date(j["period"]["from"]) + " – " + czech_date(j["period"]["to"]) + ".");
  pdf.heading("Klíčová čísla", 2);
  documents::Table key{{{"Ukazatel", 3}, {"Hodnota", 1, documents::Align::right}}, {}, 0};
  for (const auto& k : j["key_numbers"])
    key.rows.push_back({k["name_cs"].get<std::string>(),
                        k["status"] != "ok" ? "nedostupné" : k.value("suppressed", false) ? "skryto" : num_text(k["value"])});
  pdf.table(key);
  auto section = [&](const std::string& title, const json& sec) {
    pdf.heading(title, 3);
    if (sec["status"] != "ok") {
      pdf.paragraph("Data nejsou k dispozici: " + sec["reason"].get<std::string>());
      return;
    }
    documents::Table t{{{"Oblast", 3}, {"Hodnota", 1, documents::Align::right}}, {}, 0};
    for (const auto& c : sec["items"])
      t.rows.push_back({c["key"].get<std::string>(), c.value("suppressed", false) ? "skryto" : num_text(c["value"])});
    if (t.rows.empty()) pdf.paragraph("Za toto období nic zaznamenáno.");
    else pdf.table(t);
  };
  pdf.heading("Změny v kompetencích (podíl se zlepšením, %)", 2);
  section("Děti", j["competence_changes"]["children"]);
  section("Rodiče", j["competence_changes"]["parents"]);
  auto notes = [&](const std::string& title, const json& sec, bool quotes) {
    pdf.heading(title, 2);
    if (sec["status"] != "ok") {
      pdf.paragraph("Data nejsou k dispozici: " + sec["reason"].get<std::string>());
      return;
    }
    if (sec["items"].empty()) pdf.paragraph("Za toto období nic zaznamenáno.");
    for (const auto& o : sec["items"])
      pdf.paragraph(quotes ? "„" + o["text"].get<std::string>() + "“" : o["text"].get<std::string>());
  };
  notes("Citace (se souhlasem)", j["quotes"], true);
  notes("Poznámky k realizaci", j["implementation_notes"], false);
  notes("Bariéry", j["barriers"]["notes"], false);
  section("Zdokumentované incidenty podle typu", j["barriers"]["incidents"]);
  pdf.paragraph("Buňky s méně než " + std::to_string(j["suppression_threshold"].get<std::int64_t>()) +
                " osobami jsou skryty.", false, documents::Align::left, 8.5);
  return FileOut{"shrnuti-dopadu.pdf", "application/pdf", pdf.finish()};
}

}  // namespace kredo::reports
