#include "domain/competences.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "common/text.hpp"
#include "domain/registry_access.hpp"
#include "domain/service_support.hpp"
#include "rules/date.hpp"
#include "security/audit.hpp"

namespace kredo::domain {

using nlohmann::json;
using security::Actor;
using storage::TxMode;

namespace {

json load_framework(storage::Transaction& tx, std::int64_t id) {
  auto f = tx.query_one("SELECT id, code, version, audience, name_cs, name_en, created_at FROM competence_frameworks "
                        "WHERE id = $1",
                        {id});
  if (!f) return nullptr;
  json out{{"id", f->i64(0)},     {"code", f->str(1)},    {"version", f->i64(2)},   {"audience", f->str(3)},
           {"name_cs", f->str(4)}, {"name_en", f->str(5)}, {"created_at", f->str(6)}};
  json levels = json::array();
  for (const auto& r : tx.query("SELECT level, name_cs, name_en, description_cs, description_en FROM competence_levels "
                                "WHERE framework_id = $1 ORDER BY level",
                                {id}))
    levels.push_back({{"level", r.i64(0)},
                      {"name_cs", r.str(1)},
                      {"name_en", r.str(2)},
                      {"description_cs", r.str(3)},
                      {"description_en", r.str(4)}});
  out["levels"] = levels;
  json domains = json::array();
  for (const auto& d : tx.query("SELECT id, code, name_cs, name_en FROM competence_domains WHERE framework_id = $1 "
                                "ORDER BY position, id",
                                {id})) {
    json inds = json::array();
    for (const auto& i : tx.query("SELECT id, code, name_cs, name_en FROM competence_indicators WHERE domain_id = $1 "
                                  "ORDER BY position, id",
                                  {d.i64(0)}))
      inds.push_back({{"id", i.i64(0)}, {"code", i.str(1)}, {"name_cs", i.str(2)}, {"name_en", i.str(3)}});
    domains.push_back({{"id", d.i64(0)}, {"code", d.str(1)}, {"name_cs", d.str(2)}, {"name_en", d.str(3)},
                       {"indicators", inds}});
  }
  out["domains"] = domains;
  return out;
}

json load_assessment(storage::Transaction& tx, std::int64_t id) {
  auto a = tx.query_one("SELECT a.id, a.version, a.person_id, a.framework_id, f.code, f.version, a.date, a.assessor, "
                        "a.note, a.created_at, a.updated_at FROM assessments a JOIN competence_frameworks f ON "
                        "f.id = a.framework_id WHERE a.id = $1",
                        {id});
  if (!a) return nullptr;
  json levels = json::object();
  for (const auto& r : tx.query("SELECT i.code, l.level FROM assessment_levels l JOIN competence_indicators i ON "
                                "i.id = l.indicator_id WHERE l.assessment_id = $1 ORDER BY i.id",
                                {id}))
    levels[r.str(0)] = r.i64(1);
  return {{"id", a->i64(0)},
          {"version", a->i64(1)},
          {"person_id", a->i64(2)},
          {"framework_id", a->i64(3)},
          {"framework", a->str(4)},
          {"framework_version", a->i64(5)},
          {"date", a->str(6)},
          {"assessor", a->str(7)},
          {"note", a->opt_str(8) ? json(*a->opt_str(8)) : json()},
          {"levels", levels},
          {"created_at", a->str(9)},
          {"updated_at", a->str(10)}};
}

bool assessment_visible(storage::Transaction& tx, const Actor& actor, std::int64_t id, std::int64_t* person) {
  auto r = tx.query_one("SELECT person_id FROM assessments WHERE id = $1", {id});
  if (!r || !visible_person_family(tx, actor, r->i64(0))) return false;
  if (person) *person = r->i64(0);
  return true;
}

// Validates and resolves an assessment's framework and levels; returns (framework id, indicator id → level).
std::optional<std::pair<std::int64_t, std::vector<std::pair<std::int64_t, std::int64_t>>>> check_assessment(
    storage::Transaction& tx, const NewAssessment& in, const std::string& role, rules::Date today,
    std::vector<FieldError>& errors) {
  auto d = rules::parse_iso_date(in.date, "date");
  if (!d) errors.push_back({"date", "A date is a real date written YYYY-MM-DD."});
  else if (*d > today) errors.push_back({"date", "An assessment cannot be dated in the future."});
  if (in.note && text::utf8_length(*in.note) > 2000) errors.push_back({"note", "At most 2000 characters."});
  std::optional<std::int64_t> fw;
  if (in.framework_id) {
    auto r = tx.query_one("SELECT audience FROM competence_frameworks WHERE id = $1", {*in.framework_id});
    if (!r) errors.push_back({"framework_id", "There is no such framework."});
    else if (r->str(0) != role) errors.push_back({"framework_id", "This framework is for another audience (" + r->str(0) + ")."});
    else fw = *in.framework_id;
  } else {
    auto r = tx.query_one("SELECT id FROM competence_frameworks WHERE audience = $1 ORDER BY version DESC, id DESC "
                          "LIMIT 1",
                          {role});
    if (!r) errors.push_back({"framework_id", "No framework exists for this person's role."});
    else fw = r->i64(0);
  }
  if (in.levels.empty()) errors.push_back({"levels", "Give a level for at least one indicator."});
  std::vector<std::pair<std::int64_t, std::int64_t>> levels;
  if (fw) {
    std::set<std::string> seen;
    for (const auto& [code, level] : in.levels) {
      const std::string field = "levels." + code;
      auto i = tx.query_one("SELECT i.id FROM competence_indicators i JOIN competence_domains d ON d.id = i.domain_id "
                            "WHERE d.framework_id = $1 AND i.code = $2",
                            {*fw, code});
      if (!i) {
        errors.push_back({field, "This framework has no such indicator."});
        continue;
      }
      if (!tx.query_one("SELECT 1 FROM competence_levels WHERE framework_id = $1 AND level = $2", {*fw, level})) {
        errors.push_back({field, "This framework has no such level."});
        continue;
      }
      if (seen.insert(code).second) levels.emplace_back(i->i64(0), level);
    }
  }
  if (!errors.empty()) return std::nullopt;
  return std::pair{*fw, levels};
}

struct LevelRow {
  std::int64_t assessment = 0, person = 0;
  std::string date, domain;
  std::int64_t level = 0;
};

// Mean level per (assessment, domain code), in date order per person.
std::map<std::int64_t, std::vector<std::tuple<std::string, std::int64_t, std::map<std::string, double>>>> domain_means(
    const std::vector<LevelRow>& rows) {
  std::map<std::int64_t, std::map<std::pair<std::string, std::int64_t>, std::map<std::string, std::pair<double, int>>>> acc;
  for (const auto& r : rows) {
    auto& cell = acc[r.person][{r.date, r.assessment}][r.domain];
    cell.first += static_cast<double>(r.level);
    cell.second += 1;
  }
  std::map<std::int64_t, std::vector<std::tuple<std::string, std::int64_t, std::map<std::string, double>>>> out;
  for (auto& [person, by_assessment] : acc)
    for (auto& [key, domains] : by_assessment) {
      std::map<std::string, double> means;
      for (auto& [code, sum] : domains) means[code] = sum.first / sum.second;
      out[person].emplace_back(key.first, key.second, means);
    }
  return out;
}

constexpr const char* kLevelRows =
    "SELECT a.id, a.person_id, a.date, d.code, l.level FROM assessments a JOIN competence_frameworks f ON "
    "f.id = a.framework_id JOIN assessment_levels l ON l.assessment_id = a.id JOIN competence_indicators i ON "
    "i.id = l.indicator_id JOIN competence_domains d ON d.id = i.domain_id ";

}  // namespace

json CompetenceService::frameworks(bool all_versions) {
  auto tx = db_.begin(TxMode::read);
  json items = json::array();
  std::string sql = "SELECT id FROM competence_frameworks f";
  if (!all_versions)
    sql += " WHERE f.version = (SELECT MAX(g.version) FROM competence_frameworks g WHERE g.code = f.code)";
  for (const auto& r : tx->query(sql + " ORDER BY code, version")) items.push_back(load_framework(*tx, r.i64(0)));
  return {{"items", items}};
}

Result<json> CompetenceService::framework(std::int64_t id) {
  auto tx = db_.begin(TxMode::read);
  json f = load_framework(*tx, id);
  if (f.is_null()) return Error::not_found("No such framework.");
  return f;
}

Result<json> CompetenceService::create_version(const Actor& actor, const json& body) {
  if (!actor.is(security::Role::admin) && !actor.is(security::Role::coordinator))
    return Error::forbidden("Only a coordinator or an admin changes the competence framework.");
  std::vector<FieldError> errors;
  auto str = [&](const json& o, const std::string& key, const std::string& field) -> std::string {
    if (!o.is_object() || !o.contains(key) || !o[key].is_string() || o[key].get<std::string>().empty() ||
        text::utf8_length(o[key].get<std::string>()) > 500) {
      errors.push_back({field, "A text of 1 to 500 characters is required."});
      return "";
    }
    return o[key].get<std::string>();
  };
  const std::string code = str(body, "code", "code");
  const std::string audience = str(body, "audience", "audience");
  if (!audience.empty() && audience != "child" && audience != "adult") errors.push_back({"audience", "Use child or adult."});
  const std::string name_cs = str(body, "name_cs", "name_cs"), name_en = str(body, "name_en", "name_en");
  const json levels = body.value("levels", json());
  const json domains = body.value("domains", json());
  if (!levels.is_array() || levels.empty()) errors.push_back({"levels", "Give at least one rubric level."});
  if (!domains.is_array() || domains.empty()) errors.push_back({"domains", "Give at least one domain."});
  std::set<std::int64_t> level_numbers;
  if (levels.is_array())
    for (std::size_t i = 0; i < levels.size(); ++i) {
      const std::string at = "levels[" + std::to_string(i) + "]";
      const json& l = levels[i];
      if (!l.is_object() || !l.contains("level") || !l["level"].is_number_integer() || l["level"].get<std::int64_t>() < 0 ||
          l["level"].get<std::int64_t>() > 10 || !level_numbers.insert(l["level"].get<std::int64_t>()).second)
        errors.push_back({at + ".level", "A distinct whole number 0 to 10."});
      for (const char* k : {"name_cs", "name_en", "description_cs", "description_en"}) str(l, k, at + "." + k);
    }
  std::set<std::string> indicator_codes, domain_codes;
  if (domains.is_array())
    for (std::size_t i = 0; i < domains.size(); ++i) {
      const std::string at = "domains[" + std::to_string(i) + "]";
      const json& d = domains[i];
      const std::string dc = str(d, "code", at + ".code");
      if (!dc.empty() && !domain_codes.insert(dc).second) errors.push_back({at + ".code", "Each domain code once."});
      str(d, "name_cs", at + ".name_cs");
      str(d, "name_en", at + ".name_en");
      const json inds = d.is_object() ? d.value("indicators", json()) : json();
      if (!inds.is_array() || inds.empty()) {
        errors.push_back({at + ".indicators", "Give at least one indicator."});
        continue;
      }
      for (std::size_t j = 0; j < inds.size(); ++j) {
        const std::string ia = at + ".indicators[" + std::to_string(j) + "]";
        const std::string ic = str(inds[j], "code", ia + ".code");
        if (!ic.empty() && !indicator_codes.insert(ic).second) errors.push_back({ia + ".code", "Each indicator code once."});
        str(inds[j], "name_cs", ia + ".name_cs");
        str(inds[j], "name_en", ia + ".name_en");
      }
    }
  if (!errors.empty()) return Error::validation(std::move(errors));
  auto tx = db_.begin(TxMode::write);
  auto last = tx->query_one("SELECT MAX(version) FROM competence_frameworks WHERE code = $1", {code});
  const std::int64_t version = last && !last->is_null(0) ? last->i64(0) + 1 : 1;
  const std::string now = format_utc(clock_.now());
  const std::int64_t id = tx->query_one("INSERT INTO competence_frameworks (code, version, audience, name_cs, name_en, "
                                        "created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                                        {code, version, audience, name_cs, name_en, now})
                              ->i64(0);
  for (const auto& l : levels)
    tx->exec("INSERT INTO competence_levels (framework_id, level, name_cs, name_en, description_cs, description_en) "
             "VALUES ($1, $2, $3, $4, $5, $6)",
             {id, l["level"].get<std::int64_t>(), l["name_cs"].get<std::string>(), l["name_en"].get<std::string>(),
              l["description_cs"].get<std::string>(), l["description_en"].get<std::string>()});
  int dp = 0;
  for (const auto& d : domains) {
    const std::int64_t did = tx->query_one("INSERT INTO competence_domains (framework_id, code, name_cs, name_en, "
                                           "position) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                                           {id, d["code"].get<std::string>(), d["name_cs"].get<std::string>(),
                                            d["name_en"].get<std::string>(), ++dp})
                                 ->i64(0);
    int ip = 0;
    for (const auto& i : d["indicators"])
      tx->exec("INSERT INTO competence_indicators (domain_id, code, name_cs, name_en, position) VALUES ($1, $2, $3, $4, $5)",
               {did, i["code"].get<std::string>(), i["name_cs"].get<std::string>(), i["name_en"].get<std::string>(), ++ip});
  }
  audit(*tx, actor, clock_, "create", "competence_framework", std::to_string(id), {{"code", code}, {"version", version}});
  json out = load_framework(*tx, id);
  tx->commit();
  return out;
}

Result<json> CompetenceService::create_assessment(const Actor& actor, const NewAssessment& in) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  if (!visible_person_family(*tx, actor, in.person_id)) return Error::field("person_id", "There is no such person.");
  const std::string role = tx->query_one("SELECT role FROM people WHERE id = $1", {in.person_id})->str(0);
  std::vector<FieldError> errors;
  auto checked = check_assessment(*tx, in, role, today(clock_), errors);
  if (!checked) return Error::validation(std::move(errors));
  const std::string now = format_utc(clock_.now());
  const std::int64_t id = tx->query_one("INSERT INTO assessments (version, person_id, framework_id, date, assessor_id, "
                                        "assessor, note, created_at, updated_at) VALUES (1, $1, $2, $3, $4, $5, $6, $7, "
                                        "$7) RETURNING id",
                                        {in.person_id, checked->first, in.date,
                                         actor.user_id ? storage::DbValue(actor.user_id) : storage::DbValue(nullptr),
                                         actor.username, in.note, now})
                              ->i64(0);
  for (const auto& [indicator, level] : checked->second)
    tx->exec("INSERT INTO assessment_levels (assessment_id, indicator_id, level) VALUES ($1, $2, $3)", {id, indicator, level});
  audit(*tx, actor, clock_, "create", "assessment", std::to_string(id), {{"person_id", in.person_id}});
  json out = load_assessment(*tx, id);
  tx->commit();
  return out;
}

Result<json> CompetenceService::update_assessment(const Actor& actor, std::int64_t id, std::int64_t version,
                                                  const NewAssessment& in) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  std::int64_t person = 0;
  if (!assessment_visible(*tx, actor, id, &person)) return Error::not_found("No such assessment.");
  json cur = load_assessment(*tx, id);
  if (cur["version"].get<std::int64_t>() != version)
    return Error::conflict("This assessment was changed by someone else. Compare and try again.");
  NewAssessment n = in;
  n.person_id = person;
  n.framework_id = cur["framework_id"].get<std::int64_t>();  // an assessment stays on its framework version
  const std::string role = tx->query_one("SELECT role FROM people WHERE id = $1", {person})->str(0);
  std::vector<FieldError> errors;
  auto checked = check_assessment(*tx, n, role, today(clock_), errors);
  if (!checked) return Error::validation(std::move(errors));
  if (tx->exec("UPDATE assessments SET version = version + 1, date = $1, note = $2, updated_at = $3 WHERE id = $4 AND "
               "version = $5",
               {n.date, n.note, format_utc(clock_.now()), id, version}) != 1)
    return Error::conflict("This assessment was changed by someone else. Compare and try again.");
  tx->exec("DELETE FROM assessment_levels WHERE assessment_id = $1", {id});
  for (const auto& [indicator, level] : checked->second)
    tx->exec("INSERT INTO assessment_levels (assessment_id, indicator_id, level) VALUES ($1, $2, $3)", {id, indicator, level});
  audit(*tx, actor, clock_, "update", "assessment", std::to_string(id), {{"version", version + 1}});
  json out = load_assessment(*tx, id);
  tx->commit();
  return out;
}

Result<json> CompetenceService::get_assessment(const Actor& actor, std::int64_t id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::read);
  if (!assessment_visible(*tx, actor, id, nullptr)) return Error::not_found("No such assessment.");
  json out = load_assessment(*tx, id);
  tx.reset();
  audit_read(db_, actor, clock_, "read", "assessment", id);
  return out;
}

Result<json> CompetenceService::person_assessments(const Actor& actor, std::int64_t person_id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  if (!visible_person_family(*tx, actor, person_id)) return Error::not_found("No such person.");
  json items = json::array(), ids = json::array();
  for (const auto& r : tx->query("SELECT id FROM assessments WHERE person_id = $1 ORDER BY date, id", {person_id})) {
    items.push_back(load_assessment(*tx, r.i64(0)));
    ids.push_back(r.i64(0));
  }
  audit(*tx, actor, clock_, "list", "assessment", "", {{"person_id", person_id}, {"ids", ids}});
  tx->commit();
  return json{{"items", items}};
}

Result<json> CompetenceService::person_progress(const Actor& actor, std::int64_t person_id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::read);
  if (!visible_person_family(*tx, actor, person_id)) return Error::not_found("No such person.");
  std::vector<LevelRow> rows;
  for (const auto& r : tx->query(std::string(kLevelRows) + "WHERE a.person_id = $1", {person_id}))
    rows.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.i64(4)});
  auto means = domain_means(rows);
  // Domain names from the newest framework version that has the domain.
  std::map<std::string, json> domains;
  std::vector<std::string> order;
  for (const auto& r : tx->query("SELECT d.code, d.name_cs, d.name_en FROM competence_domains d JOIN competence_frameworks "
                                 "f ON f.id = d.framework_id WHERE f.id IN (SELECT framework_id FROM assessments WHERE "
                                 "person_id = $1) ORDER BY f.version DESC, d.position",
                                 {person_id}))
    if (!domains.count(r.str(0))) {
      domains[r.str(0)] = {{"code", r.str(0)}, {"name_cs", r.str(1)}, {"name_en", r.str(2)}, {"points", json::array()}};
      order.push_back(r.str(0));
    }
  for (const auto& [date, assessment, m] : means[person_id])
    for (const auto& [code, level] : m)
      if (domains.count(code))
        domains[code]["points"].push_back({{"date", date}, {"assessment_id", assessment}, {"level", level}});
  json out = json::array();
  for (const auto& c : order) out.push_back(domains[c]);
  tx.reset();
  audit_read(db_, actor, clock_, "progress", "assessment", "", {{"person_id", person_id}});
  return json{{"person_id", person_id}, {"domains", out}};
}

Result<json> CompetenceService::cohort_progress(const Actor& actor, const std::string& framework_code,
                                                const std::string& from, const std::string& to) {
  for (auto [name, v] : {std::pair{"from", &from}, std::pair{"to", &to}})
    if (!v->empty() && !rules::parse_iso_date(*v, name)) return Error::field(name, "A date is a real date written YYYY-MM-DD.");
  auto tx = db_.begin(TxMode::write);
  if (!tx->query_one("SELECT 1 FROM competence_frameworks WHERE code = $1", {framework_code}))
    return Error::field("framework", "There is no such framework.");
  std::string sql = std::string(kLevelRows) +
                    "JOIN people p ON p.id = a.person_id JOIN families fam ON fam.id = p.family_id WHERE f.code = $1 "
                    "AND ($2 = '' OR a.date >= $2) AND ($3 = '' OR a.date <= $3) AND p.merged_into IS NULL";
  storage::Params p{framework_code, from, to};
  if (actor.is(security::Role::worker)) {
    sql += " AND fam.team_id = $4";
    p.emplace_back(actor.team_id.value_or(-1));
  }
  std::vector<LevelRow> rows;
  for (const auto& r : tx->query(sql, p)) rows.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.i64(4)});
  struct Count {
    std::int64_t people = 0, improved = 0, same = 0, declined = 0;
  };
  std::map<std::string, Count> counts;
  for (const auto& [person, series] : domain_means(rows)) {
    // First and latest assessment that scored the domain.
    std::map<std::string, std::pair<double, double>> first_last;
    std::map<std::string, int> n;
    for (const auto& [date, assessment, m] : series)
      for (const auto& [code, level] : m) {
        if (!n[code]++) first_last[code].first = level;
        first_last[code].second = level;
      }
    for (const auto& [code, fl] : first_last) {
      if (n[code] < 2) continue;
      auto& c = counts[code];
      ++c.people;
      if (fl.second > fl.first + 1e-9) ++c.improved;
      else if (fl.second < fl.first - 1e-9) ++c.declined;
      else ++c.same;
    }
  }
  json domains = json::array();
  for (const auto& r : tx->query("SELECT d.code, d.name_cs, d.name_en FROM competence_domains d JOIN "
                                 "competence_frameworks f ON f.id = d.framework_id WHERE f.code = $1 AND f.version = "
                                 "(SELECT MAX(version) FROM competence_frameworks WHERE code = $1) ORDER BY d.position",
                                 {framework_code})) {
    const Count c = counts.count(r.str(0)) ? counts[r.str(0)] : Count{};
    domains.push_back({{"code", r.str(0)},
                       {"name_cs", r.str(1)},
                       {"name_en", r.str(2)},
                       {"people", c.people},
                       {"improved", c.improved},
                       {"same", c.same},
                       {"declined", c.declined},
                       {"share_improving", c.people ? static_cast<double>(c.improved) / static_cast<double>(c.people) : 0.0}});
  }
  audit(*tx, actor, clock_, "cohort_progress", "assessment", "", {{"framework", framework_code}});
  tx->commit();
  return json{{"framework", framework_code}, {"from", from}, {"to", to}, {"domains", domains}};
}

// ---- observations ------------------------------------------------------------------------------

namespace {

constexpr const char* kValidPublicationConsent =
    "SELECT 1 FROM consents WHERE person_id = $1 AND purpose = 'publication' AND withdrawn_on IS NULL AND given_on <= $2 "
    "AND (expires_on IS NULL OR expires_on >= $2)";
constexpr const char* kObservationScope =
    "(o.team_id = $T OR EXISTS (SELECT 1 FROM observation_people sp JOIN people sq ON sq.id = sp.person_id JOIN "
    "families sf ON sf.id = sq.family_id WHERE sp.observation_id = o.id AND sf.team_id = $T))";

std::string scope_sql(int n) {
  std::string sql = kObservationScope;
  const std::string ph = "$" + std::to_string(n);
  for (auto p = sql.find("$T"); p != std::string::npos; p = sql.find("$T", p + ph.size())) sql.replace(p, 2, ph);
  return sql;
}

json load_observation(storage::Transaction& tx, std::int64_t id) {
  auto o = tx.query_one("SELECT id, version, date, author, text, tags, is_quote, speaker_role, speaker_person_id, "
                        "publishable, created_at, updated_at FROM observations WHERE id = $1",
                        {id});
  if (!o) return nullptr;
  json people = json::array();
  for (const auto& r : tx.query("SELECT p.id, p.given_names, p.surname, p.role FROM observation_people x JOIN people p ON "
                                "p.id = x.person_id WHERE x.observation_id = $1 ORDER BY p.sort_key, p.id",
                                {id}))
    people.push_back({{"id", r.i64(0)}, {"given_names", r.str(1)}, {"surname", r.str(2)}, {"role", r.str(3)}});
  json tags = json::parse(o->str(5), nullptr, false);
  return {{"id", o->i64(0)},
          {"version", o->i64(1)},
          {"date", o->str(2)},
          {"author", o->str(3)},
          {"text", o->str(4)},
          {"tags", tags.is_array() ? tags : json::array()},
          {"is_quote", o->boolean(6)},
          {"speaker_role", o->opt_str(7) ? json(*o->opt_str(7)) : json()},
          {"speaker_person_id", o->opt_i64(8) ? json(*o->opt_i64(8)) : json()},
          {"publishable", o->boolean(9)},
          {"people", people},
          {"created_at", o->str(10)},
          {"updated_at", o->str(11)}};
}

bool observation_visible(storage::Transaction& tx, const Actor& actor, std::int64_t id) {
  if (sees_all_families(actor)) return tx.query_one("SELECT 1 FROM observations WHERE id = $1", {id}).has_value();
  return tx.query_one("SELECT 1 FROM observations o WHERE o.id = $1 AND " + scope_sql(2), {id, actor.team_id.value_or(-1)})
      .has_value();
}

struct ObservationState {
  std::string date, text;
  std::vector<std::int64_t> people;
  std::vector<std::string> tags;
  bool is_quote = false, publishable = false;
  std::optional<std::string> speaker_role;
  std::optional<std::int64_t> speaker_person_id;
};

void check_observation(storage::Transaction& tx, const Actor& actor, const ObservationState& s, rules::Date today,
                       std::vector<FieldError>& errors) {
  auto d = rules::parse_iso_date(s.date, "date");
  if (!d) errors.push_back({"date", "A date is a real date written YYYY-MM-DD."});
  else if (*d > today) errors.push_back({"date", "An observation cannot be dated in the future."});
  if (s.text.empty() || text::utf8_length(s.text) > 4000) errors.push_back({"text", "A text of 1 to 4000 characters."});
  if (s.tags.size() > 20) errors.push_back({"tags", "At most 20 tags."});
  for (std::size_t i = 0; i < s.tags.size(); ++i)
    if (s.tags[i].empty() || text::utf8_length(s.tags[i]) > 50) errors.push_back({"tags[" + std::to_string(i) + "]", "A tag has 1 to 50 characters."});
  if (s.people.size() > 100) errors.push_back({"person_ids", "At most 100 people."});
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < s.people.size(); ++i)
    if (!visible_person_family(tx, actor, s.people[i])) errors.push_back({"person_ids[" + std::to_string(i) + "]", "There is no such person."});
    else if (!seen.insert(s.people[i]).second) errors.push_back({"person_ids[" + std::to_string(i) + "]", "This person is listed twice."});
  if (s.speaker_role && *s.speaker_role != "team_member" && *s.speaker_role != "parent" && *s.speaker_role != "child")
    errors.push_back({"speaker_role", "Use team_member, parent or child."});
  if (s.is_quote && !s.speaker_role) errors.push_back({"speaker_role", "Say who is quoted: team_member, parent or child."});
  if (s.speaker_person_id) {
    if (!s.speaker_role || *s.speaker_role == "team_member")
      errors.push_back({"speaker_person_id", "A quoted parent or child is named here; a team member is not."});
    else if (!visible_person_family(tx, actor, *s.speaker_person_id))
      errors.push_back({"speaker_person_id", "There is no such person."});
    else {
      auto role = tx.query_one("SELECT role FROM people WHERE id = $1", {*s.speaker_person_id})->str(0);
      if (*s.speaker_role == "child" && role != "child") errors.push_back({"speaker_person_id", "This person is not a child."});
      if (*s.speaker_role == "parent" && role != "adult") errors.push_back({"speaker_person_id", "This person is not an adult."});
    }
  }
  if (s.publishable) {
    // A team's own note (e.g. tagged "implementation") may go into public outputs when it names no one.
    if (!s.is_quote) {
      if (!s.people.empty())
        errors.push_back({"publishable", "A note can be published only when no person is linked to it."});
    }
    else if (s.speaker_role && *s.speaker_role != "team_member") {
      if (!s.speaker_person_id)
        errors.push_back({"publishable", "Name the quoted person (speaker_person_id): publication needs their consent."});
      else if (!tx.query_one(kValidPublicationConsent, {*s.speaker_person_id, today.iso()}))
        errors.push_back({"publishable", "The quoted person has no valid consent for publication (purpose publication)."});
    }
  }
}

void apply(ObservationState& s, const ObservationFields& f) {
  if (f.date) s.date = *f.date;
  if (f.text) s.text = *f.text;
  if (f.person_ids) s.people = *f.person_ids;
  if (f.tags) s.tags = *f.tags;
  if (f.is_quote) s.is_quote = *f.is_quote;
  if (f.publishable) s.publishable = *f.publishable;
  if (f.speaker_role) s.speaker_role = *f.speaker_role;
  if (f.speaker_person_id) s.speaker_person_id = *f.speaker_person_id;
}

}  // namespace

Result<json> ObservationService::create(const Actor& actor, const ObservationFields& in) {
  KREDO_TRY(require_personal_data(actor));
  std::vector<FieldError> errors;
  if (!in.date) errors.push_back({"date", "This field is required."});
  if (!in.text) errors.push_back({"text", "This field is required."});
  if (!errors.empty()) return Error::validation(std::move(errors));
  ObservationState s;
  apply(s, in);
  auto tx = db_.begin(TxMode::write);
  check_observation(*tx, actor, s, today(clock_), errors);
  if (!errors.empty()) return Error::validation(std::move(errors));
  std::optional<std::int64_t> team = actor.team_id;
  if (!team && !s.people.empty())
    team = tx->query_one("SELECT f.team_id FROM people p JOIN families f ON f.id = p.family_id WHERE p.id = $1",
                         {s.people.front()})
               ->i64(0);
  const std::string now = format_utc(clock_.now());
  const std::int64_t id =
      tx->query_one("INSERT INTO observations (version, date, author_id, author, team_id, text, tags, is_quote, "
                    "speaker_role, speaker_person_id, publishable, created_at, updated_at) VALUES (1, $1, $2, $3, $4, $5, "
                    "$6, $7, $8, $9, $10, $11, $11) RETURNING id",
                    {s.date, actor.user_id ? storage::DbValue(actor.user_id) : storage::DbValue(nullptr), actor.username,
                     team, s.text, json(s.tags).dump(), s.is_quote, s.speaker_role, s.speaker_person_id, s.publishable,
                     now})
          ->i64(0);
  for (auto p : s.people) tx->exec("INSERT INTO observation_people (observation_id, person_id) VALUES ($1, $2)", {id, p});
  audit(*tx, actor, clock_, "create", "observation", std::to_string(id), {{"person_ids", s.people}});
  json out = load_observation(*tx, id);
  tx->commit();
  return out;
}

Result<json> ObservationService::get(const Actor& actor, std::int64_t id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::read);
  if (!observation_visible(*tx, actor, id)) return Error::not_found("No such observation.");
  json out = load_observation(*tx, id);
  tx.reset();
  audit_read(db_, actor, clock_, "read", "observation", id);
  return out;
}

Result<json> ObservationService::update(const Actor& actor, std::int64_t id, std::int64_t version,
                                        const ObservationFields& ch) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  if (!observation_visible(*tx, actor, id)) return Error::not_found("No such observation.");
  json cur = load_observation(*tx, id);
  if (cur["version"].get<std::int64_t>() != version)
    return Error::conflict("This observation was changed by someone else. Compare and try again.");
  ObservationState s;
  s.date = cur["date"];
  s.text = cur["text"];
  for (const auto& p : cur["people"]) s.people.push_back(p["id"].get<std::int64_t>());
  for (const auto& t : cur["tags"]) s.tags.push_back(t.get<std::string>());
  s.is_quote = cur["is_quote"];
  s.publishable = cur["publishable"];
  if (!cur["speaker_role"].is_null()) s.speaker_role = cur["speaker_role"].get<std::string>();
  if (!cur["speaker_person_id"].is_null()) s.speaker_person_id = cur["speaker_person_id"].get<std::int64_t>();
  apply(s, ch);
  std::vector<FieldError> errors;
  check_observation(*tx, actor, s, today(clock_), errors);
  if (!errors.empty()) return Error::validation(std::move(errors));
  if (tx->exec("UPDATE observations SET version = version + 1, date = $1, text = $2, tags = $3, is_quote = $4, "
               "speaker_role = $5, speaker_person_id = $6, publishable = $7, updated_at = $8 WHERE id = $9 AND version = $10",
               {s.date, s.text, json(s.tags).dump(), s.is_quote, s.speaker_role, s.speaker_person_id, s.publishable,
                format_utc(clock_.now()), id, version}) != 1)
    return Error::conflict("This observation was changed by someone else. Compare and try again.");
  if (ch.person_ids) {
    tx->exec("DELETE FROM observation_people WHERE observation_id = $1", {id});
    for (auto p : s.people) tx->exec("INSERT INTO observation_people (observation_id, person_id) VALUES ($1, $2)", {id, p});
  }
  audit(*tx, actor, clock_, "update", "observation", std::to_string(id), {{"version", version + 1}});
  json out = load_observation(*tx, id);
  tx->commit();
  return out;
}

Result<json> ObservationService::list(const Actor& actor, const ObservationQuery& q) {
  KREDO_TRY(require_personal_data(actor));
  for (auto [name, v] : {std::pair{"from", &q.from}, std::pair{"to", &q.to}})
    if (!v->empty() && !rules::parse_iso_date(*v, name)) return Error::field(name, "A date is a real date written YYYY-MM-DD.");
  std::string where =
      " FROM observations o WHERE ($1 = '' OR o.date >= $1) AND ($2 = '' OR o.date <= $2) AND ($3 = 0 OR o.is_quote = 1) "
      "AND ($4 = 0 OR EXISTS (SELECT 1 FROM observation_people x WHERE x.observation_id = o.id AND x.person_id = $4)) "
      "AND ($5 = '' OR o.tags LIKE $6)";
  const std::string tag_like = "%" + json(q.tag).dump() + "%";
  storage::Params p{q.from, q.to, q.quotes_only.value_or(false) ? 1 : 0, q.person_id.value_or(0), q.tag, tag_like};
  if (!sees_all_families(actor)) {
    where += " AND " + scope_sql(7);
    p.emplace_back(actor.team_id.value_or(-1));
  }
  auto tx = db_.begin(TxMode::read);
  const std::int64_t total = tx->query_one("SELECT COUNT(*)" + where, p)->i64(0);
  const int n = static_cast<int>(p.size());
  p.emplace_back(static_cast<long long>(q.page_size));
  p.emplace_back(static_cast<long long>(q.page - 1) * q.page_size);
  json items = json::array(), ids = json::array();
  for (const auto& r : tx->query("SELECT o.id" + where + " ORDER BY o.date DESC, o.id DESC LIMIT $" + std::to_string(n + 1) +
                                     " OFFSET $" + std::to_string(n + 2),
                                 p)) {
    items.push_back(load_observation(*tx, r.i64(0)));
    ids.push_back(r.i64(0));
  }
  tx.reset();
  audit_read(db_, actor, clock_, "list", "observation", "", {{"ids", ids}, {"total", total}});
  return json{{"items", items}, {"total", total}, {"page", q.page}, {"page_size", q.page_size}};
}

Result<json> ObservationService::publishable_quotes(const Actor& actor, const std::string& from, const std::string& to) {
  for (auto [name, v] : {std::pair{"from", &from}, std::pair{"to", &to}})
    if (!v->empty() && !rules::parse_iso_date(*v, name)) return Error::field(name, "A date is a real date written YYYY-MM-DD.");
  const std::string t = today(clock_).iso();
  auto tx = db_.begin(TxMode::write);
  json items = json::array(), ids = json::array();
  // The consent is checked again now: a withdrawn or expired consent takes the quote out of reports.
  for (const auto& r : tx->query(
           "SELECT o.id, o.date, o.text, o.speaker_role, o.tags FROM observations o WHERE o.is_quote = 1 AND "
           "o.publishable = 1 AND ($1 = '' OR o.date >= $1) AND ($2 = '' OR o.date <= $2) AND "
           "(o.speaker_role = 'team_member' OR EXISTS (SELECT 1 FROM consents c WHERE c.person_id = o.speaker_person_id "
           "AND c.purpose = 'publication' AND c.withdrawn_on IS NULL AND c.given_on <= $3 AND (c.expires_on IS NULL OR "
           "c.expires_on >= $3))) ORDER BY o.date DESC, o.id DESC",
           {from, to, t})) {
    json tags = json::parse(r.str(4), nullptr, false);
    items.push_back({{"id", r.i64(0)},
                     {"date", r.str(1)},
                     {"text", r.str(2)},
                     {"speaker_role", r.str(3)},
                     {"tags", tags.is_array() ? tags : json::array()}});
    ids.push_back(r.i64(0));
  }
  audit(*tx, actor, clock_, "publishable_quotes", "observation", "", {{"ids", ids}});
  tx->commit();
  return json{{"items", items}, {"total", items.size()}};
}

}  // namespace kredo::domain
