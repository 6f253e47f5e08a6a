#include "domain/documents.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "documents/letter.hpp"
#include "domain/blob_sql.hpp"
#include "domain/registry_access.hpp"
#include "domain/schools.hpp"
#include "rules/date.hpp"
#include "security/audit.hpp"
#include "security/crypto.hpp"

namespace kredo::domain {

using security::Actor;
using security::Role;
using storage::TxMode;

namespace {

constexpr const char* kCountTemplates = "SELECT COUNT(*) FROM document_templates";
constexpr const char* kInsertTemplate =
    "INSERT INTO document_templates (code, language, version, title, addressee, body, created_at, created_by) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING";
constexpr const char* kTemplateColumns =
    "SELECT id, code, language, version, title, addressee, body, created_at, created_by FROM document_templates ";
constexpr const char* kCountGuide = "SELECT COUNT(*) FROM guide_institutions";
constexpr const char* kInsertGuide =
    "INSERT INTO guide_institutions (code, language, position, name, address, what_they_do, updated_at, updated_by, "
    "version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) ON CONFLICT DO NOTHING";
constexpr const char* kGuideColumns =
    "SELECT id, code, language, position, name, address, what_they_do, version, updated_at, updated_by "
    "FROM guide_institutions ";
constexpr const char* kPersonForLetter =
    "SELECT p.given_names, p.surname, p.birth_date, p.role, p.family_id, p.rodne_cislo, "
    "COALESCE(f.street, ''), COALESCE(f.house_number, ''), COALESCE(f.postal_code, '') "
    "FROM people p JOIN families f ON f.id = p.family_id WHERE p.id = $1";
constexpr const char* kLegalRepresentative =
    "SELECT o.id FROM relationships r JOIN people o ON o.id = r.other_person_id "
    "WHERE r.person_id = $1 AND r.legal_representative = 1 AND o.role = 'adult' AND o.merged_into IS NULL "
    "UNION ALL "
    "SELECT o.id FROM relationships r JOIN people o ON o.id = r.person_id "
    "WHERE r.other_person_id = $1 AND r.legal_representative = 1 AND o.role = 'adult' AND o.merged_into IS NULL";
constexpr const char* kDocumentColumns =
    "SELECT id, person_id, template_code, template_language, template_version, title, school_id, "
    "enrollment_case_id, size_bytes, sha256, created_at, created_by FROM documents ";

DocumentTemplate read_template(const storage::Row& r) {
  DocumentTemplate t;
  t.id = r.i64(0);
  t.code = r.str(1);
  t.language = r.str(2);
  t.version = r.i64(3);
  t.title = r.str(4);
  t.addressee = r.str(5);
  t.body = r.str(6);
  t.created_at = r.str(7);
  t.created_by = r.str(8);
  for (const std::string* part : {&t.title, &t.addressee, &t.body})
    if (auto names = documents::placeholder_names(*part))
      for (auto& n : *names)
        if (std::find(t.placeholders.begin(), t.placeholders.end(), n) == t.placeholders.end()) t.placeholders.push_back(n);
  return t;
}

GuideInstitution read_guide(const storage::Row& r) {
  return {r.i64(0), r.str(1), r.str(2), r.i64(3), r.str(4), r.str(5), r.str(6), r.i64(7), r.str(8), r.str(9)};
}

StoredDocument read_document(const storage::Row& r) {
  StoredDocument d;
  d.id = r.i64(0);
  d.person_id = r.i64(1);
  d.template_code = r.str(2);
  d.template_language = r.str(3);
  d.template_version = r.i64(4);
  d.title = r.str(5);
  d.school_id = r.opt_i64(6);
  d.enrollment_case_id = r.opt_i64(7);
  d.size_bytes = r.i64(8);
  d.sha256 = r.str(9);
  d.created_at = r.str(10);
  d.created_by = r.str(11);
  return d;
}

bool edits_templates(const Actor& a) { return a.is(Role::coordinator) || a.is(Role::admin); }

std::string postal(const std::string& digits) {
  return digits.size() == 5 ? digits.substr(0, 3) + " " + digits.substr(3) : digits;
}

// "2026-04-16" -> "16. 4. 2026"; anything else unchanged.
std::string czech_if_iso_date(const std::string& v) {
  if (v.size() == 10 && v[4] == '-' && v[7] == '-')
    if (auto d = rules::parse_iso_date(v)) return d->czech();
  return v;
}

std::string masked_free_rodne_cislo(const std::string& digits) {
  return digits.size() >= 9 ? digits.substr(0, 6) + "/" + digits.substr(6) : digits;
}

}  // namespace

void DocumentService::ensure_defaults() {
  {
    auto tx = db_.begin(TxMode::read);
    if (tx->query_one(kCountTemplates)->i64(0) > 0 && tx->query_one(kCountGuide)->i64(0) > 0) return;
  }
  auto tx = db_.begin(TxMode::write);
  const std::string now = format_utc(clock_.now());
  if (tx->query_one(kCountTemplates)->i64(0) == 0)
    for (const auto& t : default_document_templates())
      tx->exec(kInsertTemplate, {t.code, t.language, t.version, t.title, t.addressee, t.body, now, "system"});
  if (tx->query_one(kCountGuide)->i64(0) == 0)
    for (const auto& g : default_guide_institutions())
      tx->exec(kInsertGuide, {g.code, g.language, g.position, g.name, g.address, g.what_they_do, now, "system"});
  tx->commit();
}

Result<std::vector<DocumentTemplate>> DocumentService::templates(const Actor&, const std::string& language) {
  ensure_defaults();
  auto tx = db_.begin(TxMode::read);
  std::vector<DocumentTemplate> out;
  for (const auto& r : tx->query(std::string(kTemplateColumns) +
                                     "t WHERE ($1 = '' OR language = $1) AND version = (SELECT MAX(version) FROM "
                                     "document_templates m WHERE m.code = t.code AND m.language = t.language) "
                                     "ORDER BY code, language",
                                 {language}))
    out.push_back(read_template(r));
  return out;
}

Result<std::vector<DocumentTemplate>> DocumentService::template_versions(const Actor&, const std::string& code) {
  ensure_defaults();
  auto tx = db_.begin(TxMode::read);
  std::vector<DocumentTemplate> out;
  for (const auto& r :
       tx->query(std::string(kTemplateColumns) + "WHERE code = $1 ORDER BY language, version DESC", {code}))
    out.push_back(read_template(r));
  if (out.empty()) return Error::not_found("No such document template.");
  return out;
}

Result<DocumentTemplate> DocumentService::add_template_version(const Actor& actor, const std::string& code,
                                                              const NewTemplateVersion& in) {
  if (!edits_templates(actor)) return Error::forbidden("Only coordinators and admins edit document templates.");
  ensure_defaults();
  std::vector<FieldError> errors;
  if (in.language != "cs" && in.language != "rom" && in.language != "en")
    errors.push_back({"language", "Use cs, rom or en."});
  auto check = [&](const std::string& name, const std::string& v, std::size_t max) {
    if (v.empty() || text::utf8_length(v) > max)
      errors.push_back({name, "Needs 1 to " + std::to_string(max) + " characters."});
    else if (auto p = documents::placeholder_names(v, name); !p)
      errors.push_back(p.error().fields.front());
  };
  check("title", in.title, 300);
  check("addressee", in.addressee, 2000);
  check("body", in.body, 20000);
  if (!errors.empty()) return Error::validation(std::move(errors));

  auto tx = db_.begin(TxMode::write);
  if (!tx->query_one("SELECT 1 FROM document_templates WHERE code = $1", {code}))
    return Error::not_found("No such document template.");
  auto latest = tx->query_one("SELECT MAX(version) FROM document_templates WHERE code = $1 AND language = $2",
                              {code, in.language});
  const std::int64_t current = latest && !latest->is_null(0) ? latest->i64(0) : 0;
  if (current > 0 && (!in.base_version || *in.base_version != current))
    return Error::conflict("This template has a newer version (" + std::to_string(current) +
                           "). Start from it and try again.");
  const std::string now = format_utc(clock_.now());
  try {
    tx->exec(std::string(kInsertTemplate).substr(0, std::string(kInsertTemplate).find(" ON CONFLICT")),
             {code, in.language, current + 1, in.title, in.addressee, in.body, now, actor.username});
  } catch (const storage::DbError& e) {
    if (e.kind() == storage::DbErrorKind::unique_violation)
      return Error::conflict("Someone saved a new version of this template at the same time. Try again.");
    throw;
  }
  security::write_audit(*tx, actor,
                        {"create", "document_template", code,
                         nlohmann::json{{"language", in.language}, {"version", current + 1}}.dump()},
                        clock_.now());
  auto r = tx->query_one(std::string(kTemplateColumns) + "WHERE code = $1 AND language = $2 AND version = $3",
                         {code, in.language, current + 1});
  tx->commit();
  return read_template(*r);
}

Result<StoredDocument> DocumentService::generate(const Actor& actor, std::int64_t person_id, const GenerateDocument& in) {
  KREDO_TRY(require_personal_data(actor));
  ensure_defaults();
  auto tx = db_.begin(TxMode::write);
  auto family = visible_person_family(*tx, actor, person_id);
  if (!family) return Error::not_found("No such person.");

  auto tr = tx->query_one(std::string(kTemplateColumns) +
                              "WHERE code = $1 AND language = $2 ORDER BY version DESC LIMIT 1",
                          {in.template_code, in.language});
  if (!tr) {
    if (tx->query_one("SELECT 1 FROM document_templates WHERE code = $1", {in.template_code}))
      return Error::field("language", "This template has no version in that language.");
    return Error::field("template", "There is no document template called '" + in.template_code + "'.");
  }
  const DocumentTemplate tpl = read_template(*tr);

  std::map<std::string, std::string> values;
  const rules::Date today_date = today(clock_);
  values["date"] = today_date.czech();
  values["place"] = "Brno";
  {
    const int y = today_date.month() >= 9 ? today_date.year() + 1 : today_date.year();
    values["school_year"] = std::to_string(y) + "/" + std::to_string(y + 1);
  }
  auto person = tx->query_one(kPersonForLetter, {person_id});
  auto address_of = [](const storage::Row& r) {
    std::string street = r.str(6);
    if (!r.str(7).empty()) street += (street.empty() ? "" : " ") + r.str(7);
    std::string town = r.str(8).empty() ? "Brno" : postal(r.str(8)) + " Brno";
    return std::pair{street, town};
  };
  std::optional<std::int64_t> parent_id = in.parent_id;
  std::vector<FieldError> errors;
  if (person->str(3) == "child") {
    values["child_name"] = person->str(0) + " " + person->str(1);
    if (auto d = rules::parse_iso_date(person->str(2))) values["child_birth_date"] = d->czech();
    auto [street, town] = address_of(*person);
    if (!street.empty()) values["child_address"] = street + ", " + town;
    if (!person->is_null(5)) values["child_rodne_cislo"] = masked_free_rodne_cislo(person->str(5));
    if (!parent_id) {
      auto rep = tx->query_one(kLegalRepresentative, {person_id});
      if (rep) parent_id = rep->i64(0);
    }
  } else if (!parent_id) {
    parent_id = person_id;
  }
  if (parent_id) {
    auto parent = tx->query_one(kPersonForLetter, {*parent_id});
    auto pf = visible_person_family(*tx, actor, *parent_id);
    if (!parent || !pf || *pf != *family || parent->str(3) != "adult") {
      errors.push_back({"parent_id", "The signing parent must be an adult of the same family."});
    } else {
      values["parent_name"] = parent->str(0) + " " + parent->str(1);
      auto [street, town] = address_of(*parent);
      if (!street.empty()) values["parent_street"] = street;
      values["parent_town"] = town;
      if (!street.empty()) values["parent_address"] = street + ", " + town;
    }
  }
  if (in.school_id) {
    auto school = find_school(*tx, *in.school_id);
    if (!school) {
      errors.push_back({"school_id", "There is no such school."});
    } else {
      values["school_name"] = school->name;
      if (school->address) values["school_address"] = *school->address;
      if (school->founder_name) values["school_founder"] = *school->founder_name;
      values["education"] = school->type == "ms" ? "předškolnímu vzdělávání" : "základnímu vzdělávání";
    }
  }
  const std::set<std::string> used(tpl.placeholders.begin(), tpl.placeholders.end());
  static const std::set<std::string> kLayoutValues = {"parent_name", "parent_street", "parent_town"};
  for (const auto& [k, v] : in.fields) {
    if (!used.count(k) && !kLayoutValues.count(k)) {
      errors.push_back({"fields." + k, "This template has no placeholder {{" + k + "}}."});
      continue;
    }
    if (text::utf8_length(v) > 4000) {
      errors.push_back({"fields." + k, "At most 4000 characters."});
      continue;
    }
    values[k] = czech_if_iso_date(v);
  }
  if (!errors.empty()) return Error::validation(std::move(errors));

  // A value that comes from a record the caller did not name is reported on that record's field.
  auto remap = [&](Error e) {
    for (auto& f : e.fields) {
      const std::string n = f.field.substr(7);
      if (!in.school_id && (n == "school_name" || n == "school_address" || n == "education" || n == "school_founder"))
        f = {"school_id", "This template needs a school: choose one (or give fields." + n + ")."};
      else if (!parent_id && (n == "parent_name" || n == "parent_address"))
        f = {"parent_id", "No legal representative is recorded for this child: choose the signing parent."};
    }
    std::vector<FieldError> unique;
    for (auto& f : e.fields)
      if (std::none_of(unique.begin(), unique.end(), [&](const FieldError& u) { return u.field == f.field; }))
        unique.push_back(f);
    e.fields = std::move(unique);
    return e;
  };
  auto title = documents::fill_placeholders(tpl.title, values);
  auto addressee = documents::fill_placeholders(tpl.addressee, values);
  auto body = documents::fill_placeholders(tpl.body, values);
  for (auto* r : {&title, &addressee, &body})
    if (!r->ok()) errors.insert(errors.end(), r->error().fields.begin(), r->error().fields.end());
  if (!values.count("parent_name")) errors.push_back({"fields.parent_name", "The letter needs the signing parent."});
  if (!values.count("parent_street"))
    errors.push_back({"fields.parent_street", "The family has no address: give the street and house number."});
  if (!errors.empty()) return remap(Error::validation(std::move(errors), "Some values for the document are missing."));

  documents::Letter letter;
  letter.title = *title;
  letter.sender = {values["parent_name"], values["parent_street"], values["parent_town"]};
  std::string a = *addressee;
  for (std::size_t s = 0, e; s <= a.size(); s = e + 1) {
    e = a.find('\n', s);
    if (e == std::string::npos) e = a.size();
    letter.addressee.push_back(a.substr(s, e - s));
  }
  letter.place_and_date = "V Brně dne " + values["date"];
  letter.subject = *title;
  letter.body = *body;
  letter.signer = values["parent_name"];
  const std::string pdf = documents::render_letter(letter);
  const std::string sha = security::sha256_hex(pdf);

  nlohmann::json used_values = nlohmann::json::object();
  for (const auto& n : tpl.placeholders) used_values[n] = values[n];
  const auto d = tx->dialect();
  auto row = tx->query_one(
      "INSERT INTO documents (person_id, template_code, template_language, template_version, title, school_id, "
      "enrollment_case_id, fields, size_bytes, sha256, created_at, created_by, pdf) VALUES ($1, $2, $3, $4, $5, $6, "
      "$7, $8, $9, $10, $11, $12, " + blob_param_sql(d, 13) + ") RETURNING id",
      {person_id, tpl.code, tpl.language, tpl.version, *title, in.school_id, in.enrollment_case_id, used_values.dump(),
       static_cast<long long>(pdf.size()), sha, format_utc(clock_.now()), actor.username, blob_value(d, seal_blob(cipher_, pdf))});
  const std::int64_t id = row->i64(0);
  security::write_audit(*tx, actor,
                        {"create", "document", std::to_string(id),
                         nlohmann::json{{"person_id", person_id},
                                        {"template", tpl.code},
                                        {"version", tpl.version},
                                        {"sha256", sha}}
                             .dump()},
                        clock_.now());
  auto stored = tx->query_one(std::string(kDocumentColumns) + "WHERE id = $1", {id});
  tx->commit();
  return read_document(*stored);
}

Result<std::vector<StoredDocument>> DocumentService::person_documents(const Actor& actor, std::int64_t person_id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  if (!visible_person_family(*tx, actor, person_id)) return Error::not_found("No such person.");
  std::vector<StoredDocument> out;
  for (const auto& r :
       tx->query(std::string(kDocumentColumns) + "WHERE person_id = $1 ORDER BY created_at DESC, id DESC", {person_id}))
    out.push_back(read_document(r));
  security::write_audit(*tx, actor, {"list", "document", "", nlohmann::json{{"person_id", person_id}}.dump()},
                        clock_.now());
  tx->commit();
  return out;
}

Result<std::pair<StoredDocument, std::string>> DocumentService::document_pdf(const Actor& actor, std::int64_t id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  const auto d = tx->dialect();
  auto r = tx->query_one("SELECT person_id, " + blob_column_sql(d, "pdf") + " FROM documents WHERE id = $1", {id});
  if (!r || !visible_person_family(*tx, actor, r->i64(0))) return Error::not_found("No such document.");
  auto meta = tx->query_one(std::string(kDocumentColumns) + "WHERE id = $1", {id});
  std::string bytes = open_blob(cipher_, blob_from_cell(d, r->str(1)));
  security::write_audit(*tx, actor, {"read", "document", std::to_string(id), ""}, clock_.now());
  tx->commit();
  return std::pair{read_document(*meta), std::move(bytes)};
}

Result<std::vector<GuideInstitution>> DocumentService::guide_institutions(const Actor&, const std::string& lang) {
  if (lang != "cs" && lang != "rom") return Error::field("lang", "Use cs or rom.");
  ensure_defaults();
  auto tx = db_.begin(TxMode::read);
  std::vector<GuideInstitution> out;
  for (const auto& r : tx->query(std::string(kGuideColumns) + "WHERE language = 'cs' ORDER BY position, code")) {
    GuideInstitution cs = read_guide(r);
    if (lang == "rom") {
      auto rom = tx->query_one(std::string(kGuideColumns) + "WHERE language = 'rom' AND code = $1", {cs.code});
      if (rom) {
        GuideInstitution g = read_guide(*rom);
        if (!g.name.empty() && !g.what_they_do.empty()) {
          if (g.address.empty()) g.address = cs.address;
          g.position = cs.position;
          out.push_back(std::move(g));
          continue;
        }
      }
    }
    out.push_back(std::move(cs));  // Czech, also as the Romani fallback (language says which)
  }
  return out;
}

Result<GuideInstitution> DocumentService::update_guide_institution(const Actor& actor, const std::string& code,
                                                                  const std::string& lang,
                                                                  const GuideInstitutionInput& in) {
  if (!edits_templates(actor)) return Error::forbidden("Only coordinators and admins edit the guide.");
  if (lang != "cs" && lang != "rom") return Error::not_found("No such language for the guide.");
  ensure_defaults();
  std::vector<FieldError> errors;
  if (lang == "cs" && (in.name.empty() || text::utf8_length(in.name) > 300)) errors.push_back({"name", "Needs 1 to 300 characters."});
  if (text::utf8_length(in.name) > 300) errors.push_back({"name", "At most 300 characters."});
  if (text::utf8_length(in.address) > 500) errors.push_back({"address", "At most 500 characters."});
  if (lang == "cs" && in.what_they_do.empty()) errors.push_back({"what_they_do", "Say what this institution can do."});
  if (text::utf8_length(in.what_they_do) > 2000) errors.push_back({"what_they_do", "At most 2000 characters."});
  if (!errors.empty()) return Error::validation(std::move(errors));

  auto tx = db_.begin(TxMode::write);
  auto cs = tx->query_one(std::string(kGuideColumns) + "WHERE language = 'cs' AND code = $1", {code});
  if (!cs) return Error::not_found("No such institution in the guide.");
  const std::string now = format_utc(clock_.now());
  auto row = tx->query_one(std::string(kGuideColumns) + "WHERE language = $1 AND code = $2", {lang, code});
  const std::int64_t position = in.position.value_or(row ? row->i64(3) : cs->i64(3));
  if (row) {
    auto n = tx->exec(
        "UPDATE guide_institutions SET name = $1, address = $2, what_they_do = $3, position = $4, updated_at = $5, "
        "updated_by = $6, version = version + 1 WHERE code = $7 AND language = $8 AND version = $9",
        {in.name, in.address, in.what_they_do, position, now, actor.username, code, lang, in.version});
    if (n != 1) return Error::conflict("This entry was changed by someone else. Reload and try again.");
  } else {
    if (in.version != 0) return Error::conflict("This entry was changed by someone else. Reload and try again.");
    try {
      tx->exec(std::string(kInsertGuide).substr(0, std::string(kInsertGuide).find(" ON CONFLICT")),
               {code, lang, position, in.name, in.address, in.what_they_do, now, actor.username});
    } catch (const storage::DbError& e) {
      if (e.kind() == storage::DbErrorKind::unique_violation)
        return Error::conflict("This entry was changed by someone else. Reload and try again.");
      throw;
    }
  }
  security::write_audit(*tx, actor, {"update", "guide_institution", code, nlohmann::json{{"language", lang}}.dump()},
                        clock_.now());
  auto out = tx->query_one(std::string(kGuideColumns) + "WHERE language = $1 AND code = $2", {lang, code});
  tx->commit();
  return read_guide(*out);
}

Result<std::string> DocumentService::where_to_turn_pdf(const Actor& actor, const std::string& lang) {
  auto entries = guide_institutions(actor, lang);
  if (!entries) return std::move(entries).error();
  documents::Guide g;
  g.title = "Kam se obrátit";
  g.intro =
      "Máte právo na rovný přístup ke vzdělávání. Rozhodnutí o nepřijetí musí být písemné a musí obsahovat "
      "poučení, jak se odvolat. Odvolání se podává do 15 dnů od doručení rozhodnutí — když poslední den vychází na "
      "víkend nebo svátek, stačí další pracovní den. Když s vámi škola nebo úřad jedná nespravedlivě, zapište si, "
      "co se stalo, kdy a kdo byl u toho, a schovejte si všechny papíry.";
  g.footer = "IQ Roma servis, z.s. · projekt KREDO";
  bool fallback = false;
  for (const auto& e : *entries) {
    g.entries.push_back({e.name, e.address, e.what_they_do});
    if (e.language != lang) fallback = true;
  }
  if (lang == "rom" && fallback)
    g.note = "Romská verze tohoto textu zatím není úplná: kde chybí, je text uveden v češtině. "
             "Váš terénní pracovník vám ho rád přečte a vysvětlí.";
  return documents::render_guide(g);
}

}  // namespace kredo::domain
