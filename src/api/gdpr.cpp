// Merges (with undo), the subject-access export (JSON and a printable Czech page), anonymisation.
#include "api/json.hpp"
#include "api/registry_fields.hpp"
#include "api/registry_json.hpp"
#include "api/routes.hpp"
#include "common/html.hpp"
#include "domain/merge_list.hpp"
#include "domain/registry_access.hpp"

namespace kredo::api {

using http::Access;
using http::Method;
using http::Reply;
using http::RequestContext;
using nlohmann::json;

namespace {

json to_json(const domain::Merge& m) {
  return {{"id", m.id},
          {"person_id", m.person_id},
          {"duplicate_id", m.duplicate_id},
          {"merged_at", m.merged_at},
          {"merged_by", m.merged_by},
          {"undo_until", m.undo_until},
          {"undone_at", m.undone_at ? json(*m.undone_at) : json(nullptr)}};
}

json export_json(const domain::PersonExport& e) {
  json contacts = json::array(), audit = json::array();
  for (const auto& c : e.contacts) contacts.push_back(api::to_json(c));
  for (const auto& a : e.audit) audit.push_back(api::to_json(a));
  json family = api::to_json(e.family);
  family.erase("members");  // other people's data is not part of this person's export
  return {{"exported_at", e.exported_at}, {"person", api::to_json(e.person)}, {"family", family},
          {"contacts", contacts}, {"audit", audit}};
}

std::string cell(const json& v) {
  if (v.is_null()) return "—";
  if (v.is_string()) return escape_html(v.get<std::string>());
  if (v.is_boolean()) return v.get<bool>() ? "ano" : "ne";
  return escape_html(v.dump());
}

// A definition list of an object's scalar fields; nested values are printed as JSON text.
std::string fields_table(const json& obj, const std::vector<std::pair<std::string, std::string>>& labels) {
  std::string out = "<table>";
  for (const auto& [key, label] : labels)
    if (obj.contains(key)) out += "<tr><th>" + escape_html(label) + "</th><td>" + cell(obj[key]) + "</td></tr>";
  return out + "</table>";
}

std::string rows_table(const json& items, const std::vector<std::pair<std::string, std::string>>& columns) {
  if (items.empty()) return "<p>Žádné záznamy.</p>";
  std::string out = "<table><tr>";
  for (const auto& c : columns) out += "<th>" + escape_html(c.second) + "</th>";
  out += "</tr>";
  for (const auto& it : items) {
    out += "<tr>";
    for (const auto& c : columns) out += "<td>" + cell(it.contains(c.first) ? it[c.first] : json(nullptr)) + "</td>";
    out += "</tr>";
  }
  return out + "</table>";
}

std::string export_html(const json& e) {
  const json& p = e["person"];
  std::string h =
      "<!doctype html><html lang=\"cs\"><head><meta charset=\"utf-8\"><title>Výpis osobních údajů</title>"
      "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}"
      "th,td{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}"
      "@media print{body{margin:0}}</style></head><body>";
  h += "<h1>Výpis osobních údajů (čl. 15 GDPR)</h1>";
  h += "<p>Vyhotoveno " + cell(e["exported_at"]) + " (UTC) z evidence projektu KREDO, IQ Roma servis, z.s.</p>";
  h += "<h2>Osoba</h2>" + fields_table(p, {{"given_names", "Jméno"}, {"surname", "Příjmení"},
                                            {"preferred_name", "Oslovení"}, {"birth_date", "Datum narození"},
                                            {"gender", "Pohlaví"}, {"rodne_cislo", "Rodné číslo (skryté)"},
                                            {"nationality", "Státní občanství"}, {"role", "Role v rodině"},
                                            {"education_isced", "Vzdělání (ISCED)"},
                                            {"labour_status", "Postavení na trhu práce"}});
  h += "<h2>Kontakt</h2>" + fields_table(p["contact"], {{"phones", "Telefony"}, {"email", "E-mail"},
                                                         {"preferred_language", "Preferovaný jazyk"},
                                                         {"interpreter_needed", "Potřeba tlumočníka"}});
  h += "<h2>Rodina a adresa</h2>" + fields_table(e["family"], {{"name", "Rodina"}, {"team", "Tým"}, {"status", "Stav"}}) +
       fields_table(e["family"]["address"], {{"street", "Ulice"}, {"house_number", "Číslo domu"},
                                              {"district", "Městská část"}, {"postal_code", "PSČ"}});
  h += "<h2>Vztahy</h2>" + rows_table(p["relationships"], {{"other_name", "Osoba"}, {"type", "Vztah"},
                                                            {"legal_representative", "Zákonný zástupce"}});
  h += "<h2>Účast v projektu</h2>" +
       rows_table(p["participation"], {{"entry_date", "Vstup"}, {"exit_date", "Výstup"}, {"exit_reason", "Důvod výstupu"},
                                       {"third_country_national", "Občan třetí země"},
                                       {"foreign_background", "Cizí původ"}, {"housing_exclusion", "Bytové vyloučení"},
                                       {"rural", "Venkov"}});
  h += "<h2>Souhlasy</h2>" + rows_table(p["consents"], {{"purpose", "Účel"}, {"school", "Škola"}, {"given_by", "Udělil(a)"},
                                                        {"given_on", "Dne"}, {"form", "Forma"}, {"expires_on", "Platí do"},
                                                        {"withdrawn_on", "Odvolán"}, {"status", "Stav"}});
  h += "<h2>Zvláštní kategorie údajů</h2>";
  if (p["special_category"].is_null()) h += "<p>Údaje zvláštní kategorie nejsou v tomto výpisu zahrnuty (chybí oprávnění).</p>";
  else
    h += rows_table(p["special_category"], {{"category", "Kategorie"}, {"value", "Hodnota"}, {"note", "Poznámka"},
                                            {"recorded_on", "Zapsáno"}, {"recorded_by", "Zapsal(a)"}});
  h += "<h2>Záznamy o kontaktech</h2>" +
       rows_table(e["contacts"], {{"date", "Datum"}, {"type", "Typ"}, {"worker", "Pracovník"}, {"summary", "Shrnutí"}});
  h += "<h2>Kdo s údaji pracoval (auditní záznamy)</h2>" +
       rows_table(e["audit"], {{"at", "Kdy"}, {"actor", "Kdo"}, {"action", "Co"}});
  return h + "</body></html>";
}

}  // namespace

void register_gdpr_routes(http::HttpServer& server, app::Services& s) {
  server.route(Method::post, R"(/api/v1/people/(\d+)/merge)", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto id = path_id(ctx, 1);
    if (!id) return std::move(id).error();
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto dup = f.integer("duplicate_id", true);
    auto version = f.integer("version", true);
    if (!f.ok()) return f.error();
    auto r = s.gdpr.merge(ctx.actor(), *id, *dup, *version);
    if (!r) return std::move(r).error();
    return Reply::json(to_json(*r));
  });

  server.route(Method::get, "/api/v1/merges", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto r = domain::list_merges(s.db, s.clock, ctx.actor());
    if (!r) return std::move(r).error();
    json items = json::array();
    for (const auto& m : *r) {
      json j = to_json(m.merge);
      j["person_name"] = m.person_name ? json(*m.person_name) : json(nullptr);
      j["duplicate_name"] = m.duplicate_name ? json(*m.duplicate_name) : json(nullptr);
      items.push_back(std::move(j));
    }
    return Reply::json({{"items", items}});
  });

  server.route(Method::post, R"(/api/v1/merges/(\d+)/undo)", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto id = path_id(ctx, 1);
    if (!id) return std::move(id).error();
    auto r = s.gdpr.undo_merge(ctx.actor(), *id);
    if (!r) return std::move(r).error();
    return Reply::json(to_json(*r));
  });

  server.route(Method::get, R"(/api/v1/people/(\d+)/export)", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto id = path_id(ctx, 1);
    if (!id) return std::move(id).error();
    auto r = s.gdpr.export_person(ctx.actor(), *id);
    if (!r) return std::move(r).error();
    Reply reply = Reply::json(export_json(*r));
    reply.headers["Content-Disposition"] = "attachment; filename=\"osoba-" + std::to_string(*id) + ".json\"";
    return reply;
  });

  server.route(Method::get, R"(/api/v1/people/(\d+)/export\.html)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.gdpr.export_person(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 return Reply::bytes(export_html(export_json(*r)), "text/html; charset=utf-8");
               });

  server.route(Method::post, R"(/api/v1/people/(\d+)/anonymise)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.gdpr.anonymise(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r));
               });
}

}  // namespace kredo::api
