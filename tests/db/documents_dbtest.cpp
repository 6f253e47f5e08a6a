// Documents for parents against both databases: templates and their versions, a letter from every
// default template (pdftotext golden files in tests/data/documents), stored bytes and SHA-256,
// missing and unknown placeholder values, scope, and the where-to-turn guide.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "domain/documents.hpp"
#include "domain/registry_access.hpp"
#include "security/crypto.hpp"
#include "support/pdf_text.hpp"
#include "domain/blob_sql.hpp"
#include "support/test_db.hpp"

namespace kredo {
namespace {

using security::Actor;

class Documents : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam(), &clock_);
    const auto sys = security::system_actor("test");
    auto& users = db_->app().services().users;
    for (auto [name, role, team] : {std::tuple{"alena", "worker", "Sever"}, std::tuple{"bohus", "worker", "Jih"},
                                    std::tuple{"koord", "coordinator", ""}, std::tuple{"anna", "analyst", ""}}) {
      auto u = users.create(sys, {name, "Dlouhe-heslo-123", role, *team ? std::optional<std::string>(team) : std::nullopt},
                            true);
      ASSERT_TRUE(u.ok()) << u.error().message;
      Actor a;
      a.user_id = u->id;
      a.username = u->username;
      a.role = u->role;
      a.team_id = u->team_id;
      a.team = u->team;
      actors_[name] = a;
    }
    auto& s = db_->app().services();
    domain::NewFamily f;
    f.name = "Háčkovi";
    f.team = "Sever";
    f.address = {"Ulice Vzorová", "12", "brno-sever", "602 00", std::nullopt};
    auto fam = s.families.create(as("koord"), f);
    ASSERT_TRUE(fam.ok()) << fam.error().message;
    family_ = fam->id;
    mother_ = person("Jana", "Háčková", "1995-03-14", "adult");
    child_ = person("Eliška", "Háčková", "2020-05-02", "child");
    domain::NewRelationship rel{mother_, "mother", true};
    ASSERT_TRUE(s.people.add_relationship(as("koord"), child_, rel).ok());
    domain::SchoolInput school;
    school.izo = "900000601";
    school.name = "Základní škola Šťastná, Brno, Fiktivní 1";
    school.type = "zs";
    school.address = "Fiktivní 1, 602 00 Brno";
    auto zs = s.schools.create(as("koord"), school);
    ASSERT_TRUE(zs.ok()) << zs.error().message;
    zs_ = zs->school.id;
    school.izo = "900000602";
    school.name = "Mateřská škola Veselá, Brno, Smyšlená 3";
    school.type = "ms";
    school.address = "Smyšlená 3, 602 00 Brno";
    auto ms = s.schools.create(as("koord"), school);
    ASSERT_TRUE(ms.ok()) << ms.error().message;
    ms_ = ms->school.id;
  }

  std::int64_t person(const std::string& given, const std::string& surname, const std::string& birth,
                      const std::string& role) {
    domain::NewPerson p;
    p.family_id = family_;
    p.fields.role = role;
    p.fields.given_names = given;
    p.fields.surname = surname;
    p.fields.birth_date = birth;
    p.fields.gender = "female";
    auto r = db_->app().services().people.create(as("koord"), p);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? r->id : 0;
  }
  domain::DocumentService& docs() { return db_->app().services().documents; }
  const Actor& as(const std::string& name) { return actors_.at(name); }
  std::int64_t count(const std::string& sql, const storage::Params& p = {}) {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    return tx->query_one(sql, p)->i64(0);
  }

  ManualClock clock_{1'790'000'000};  // 2026-09-21
  std::unique_ptr<testing::TestDatabase> db_;
  std::map<std::string, Actor> actors_;
  std::int64_t family_ = 0, mother_ = 0, child_ = 0, zs_ = 0, ms_ = 0;
};

TEST_P(Documents, DefaultTemplatesAreSeededOnce) {
  auto t = docs().templates(as("anna"));
  ASSERT_TRUE(t.ok());
  std::vector<std::string> codes;
  for (const auto& x : *t) codes.push_back(x.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"appeal_non_admission", "application_admission", "complaint_csi",
                                             "deferral_request", "individual_education_notice"}));
  for (const auto& x : *t) {
    EXPECT_EQ(x.version, 1);
    EXPECT_EQ(x.language, "cs");
    EXPECT_FALSE(x.placeholders.empty());
  }
  ASSERT_TRUE(docs().templates(as("alena")).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM document_templates"), 5);
}

// One letter per template, with the values a worker would type; pdftotext output is golden.
TEST_P(Documents, EveryTemplateMatchesItsGoldenText) {
  const std::map<std::string, std::tuple<std::int64_t, std::map<std::string, std::string>>> cases = {
      {"application_admission", {zs_, {}}},
      {"deferral_request", {zs_, {}}},
      {"appeal_non_admission",
       {zs_,
        {{"delivered_on", "2026-04-16"},
         {"decision_number", "ZŠ/123/2026"},
         {"decision_date", "2026-04-14"},
         {"reasons", "Dítě je spádové a škola má volnou kapacitu."}}}},
      {"complaint_csi", {zs_, {{"complaint_text", "Při zápisu nám paní zástupkyně řekla, ať zkusíme jinou školu."}}}},
      {"individual_education_notice",
       {ms_, {{"child_rodne_cislo", "200502/1234"}, {"period", "od 1. 9. 2026"}, {"reasons", "Rodinné důvody."}}}},
  };
  for (const auto& [code, c] : cases) {
    domain::GenerateDocument g;
    g.template_code = code;
    g.school_id = std::get<0>(c);
    g.fields = std::get<1>(c);
    auto d = docs().generate(as("alena"), child_, g);
    ASSERT_TRUE(d.ok()) << code << ": " << d.error().message << " " << (d.error().fields.empty() ? "" : d.error().fields[0].field);
    EXPECT_EQ(d->template_version, 1);
    auto pdf = docs().document_pdf(as("alena"), d->id);
    ASSERT_TRUE(pdf.ok());
    EXPECT_EQ(security::sha256_hex(pdf->second), d->sha256) << "the stored SHA-256 is that of the stored bytes";
    EXPECT_EQ(static_cast<std::int64_t>(pdf->second.size()), d->size_bytes);
    const std::string text = testing::pdf_text(pdf->second);
    EXPECT_EQ(testing::compare_golden(std::string(KREDO_SOURCE_DIR) + "/tests/data/documents/" + code + ".txt", text), "")
        << code;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'document' AND action = 'create'"), 5);
  auto list = docs().person_documents(as("alena"), child_);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 5u);
}

TEST_P(Documents, BinaryBytesSurviveTheRoundTrip) {
  domain::GenerateDocument g;
  g.template_code = "application_admission";
  g.school_id = zs_;
  auto d = docs().generate(as("koord"), child_, g);
  ASSERT_TRUE(d.ok());
  auto a = docs().document_pdf(as("koord"), d->id);
  auto b = docs().document_pdf(as("koord"), d->id);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->second, b->second);
  EXPECT_EQ(a->second.rfind("%PDF-", 0), 0u);
  EXPECT_NE(a->second.find('\0'), std::string::npos) << "a PDF from cairo holds binary streams";
  EXPECT_EQ(a->second.substr(a->second.size() - 6, 5), "%%EOF");
  // A letter carries a name and an address: at rest it is sealed with the data key.
  auto tx = db_->app().db().begin(storage::TxMode::read);
  const auto dialect = tx->dialect();
  auto raw = tx->query_one("SELECT " + domain::blob_column_sql(dialect, "pdf") + " FROM documents WHERE id = $1", {d->id});
  const std::string stored = domain::blob_from_cell(dialect, raw->str(0));
  EXPECT_EQ(security::Cipher::key_id_of(stored), db_->app().cipher().key_id());
  EXPECT_NE(stored.rfind("%PDF-", 0), 0u);
}

TEST_P(Documents, MissingAndUnknownValuesAreNamed) {
  domain::GenerateDocument g;
  g.template_code = "appeal_non_admission";
  g.school_id = zs_;
  g.fields = {{"decision_number", "1/2026"}};
  auto r = docs().generate(as("alena"), child_, g);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::validation_failed);
  EXPECT_TRUE(testing::has_field(r.error(), "fields.delivered_on"));
  EXPECT_TRUE(testing::has_field(r.error(), "fields.reasons"));
  EXPECT_FALSE(testing::has_field(r.error(), "fields.decision_number"));

  g.fields["bogus"] = "x";
  r = docs().generate(as("alena"), child_, g);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(testing::has_field(r.error(), "fields.bogus"));

  domain::GenerateDocument no_school;
  no_school.template_code = "application_admission";
  r = docs().generate(as("alena"), child_, no_school);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(testing::has_field(r.error(), "school_id"));

  domain::GenerateDocument unknown;
  unknown.template_code = "nothing";
  r = docs().generate(as("alena"), child_, unknown);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(testing::has_field(r.error(), "template"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents"), 0) << "nothing half-written";
}

TEST_P(Documents, ScopeAndAnalysts) {
  domain::GenerateDocument g;
  g.template_code = "application_admission";
  g.school_id = zs_;
  auto other = docs().generate(as("bohus"), child_, g);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::not_found) << "another team's person does not exist for a worker";
  auto analyst = docs().generate(as("anna"), child_, g);
  ASSERT_FALSE(analyst.ok());
  EXPECT_EQ(analyst.error().code, ErrorCode::forbidden);
  auto d = docs().generate(as("alena"), child_, g);
  ASSERT_TRUE(d.ok());
  auto pdf = docs().document_pdf(as("bohus"), d->id);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.error().code, ErrorCode::not_found);
}

TEST_P(Documents, EditingATemplateMakesANewVersionUsedFromThenOn) {
  auto current = docs().template_versions(as("koord"), "deferral_request");
  ASSERT_TRUE(current.ok());
  domain::NewTemplateVersion v;
  v.title = "Žádost o odklad";
  v.addressee = "Ředitel/ka\n{{school_name}}";
  v.body = "Žádám o odklad pro {{child_name}}.";
  v.base_version = 1;
  EXPECT_EQ(docs().add_template_version(as("alena"), "deferral_request", v).error().code, ErrorCode::forbidden);
  auto r = docs().add_template_version(as("koord"), "deferral_request", v);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->version, 2);
  EXPECT_EQ(r->placeholders, (std::vector<std::string>{"school_name", "child_name"}));
  auto stale = docs().add_template_version(as("koord"), "deferral_request", v);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::conflict);
  v.base_version = 2;
  v.body = "Rozbitý {{placeholder";
  auto bad = docs().add_template_version(as("koord"), "deferral_request", v);
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(testing::has_field(bad.error(), "body"));
  v.body = "Žádám o odklad pro {{child_name}}.";
  EXPECT_EQ(docs().add_template_version(as("koord"), "no_such_code", v).error().code, ErrorCode::not_found);

  domain::GenerateDocument g;
  g.template_code = "deferral_request";
  g.school_id = zs_;
  auto d = docs().generate(as("alena"), child_, g);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->template_version, 2);
  EXPECT_EQ(d->title, "Žádost o odklad");
  auto text = testing::pdf_text(docs().document_pdf(as("alena"), d->id)->second);
  EXPECT_NE(text.find("Žádám o odklad pro Eliška Háčková."), std::string::npos) << text;
}

TEST_P(Documents, WhereToTurnGuideInCzechAndRomaniFallback) {
  auto cs = docs().where_to_turn_pdf(as("anna"), "cs");
  ASSERT_TRUE(cs.ok());
  const std::string text = testing::pdf_text(*cs);
  for (const char* s : {"Kam se obrátit", "Veřejný ochránce práv", "Údolní 39, Brno", "Česká školní inspekce",
                        "Krajský úřad", "IQ Roma servis"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
  EXPECT_EQ(text.find("Strana 2"), std::string::npos) << "one page";
  auto rom = docs().where_to_turn_pdf(as("anna"), "rom");
  ASSERT_TRUE(rom.ok());
  EXPECT_NE(testing::pdf_text(*rom).find("Romská verze"), std::string::npos);
  EXPECT_FALSE(docs().where_to_turn_pdf(as("anna"), "de").ok());

  // A Romani entry replaces the Czech one for that institution; the rest falls back.
  domain::GuideInstitutionInput in;
  in.version = 0;
  in.name = "Veřejný ochránce práv (romsky)";
  in.what_they_do = "Romský text (zkouška).";
  EXPECT_EQ(docs().update_guide_institution(as("alena"), "ombudsman", "rom", in).error().code, ErrorCode::forbidden);
  auto u = docs().update_guide_institution(as("koord"), "ombudsman", "rom", in);
  ASSERT_TRUE(u.ok()) << u.error().message;
  EXPECT_EQ(docs().update_guide_institution(as("koord"), "ombudsman", "rom", in).error().code, ErrorCode::conflict);
  auto entries = docs().guide_institutions(as("anna"), "rom");
  ASSERT_TRUE(entries.ok());
  int romani = 0;
  for (const auto& e : *entries) romani += e.language == "rom";
  EXPECT_EQ(romani, 1);
  const std::string rom_text = testing::pdf_text(*docs().where_to_turn_pdf(as("anna"), "rom"));
  EXPECT_NE(rom_text.find("Romský text (zkouška)."), std::string::npos) << rom_text;
  EXPECT_NE(rom_text.find("Údolní 39, Brno"), std::string::npos) << "an empty address falls back to Czech";
}

INSTANTIATE_TEST_SUITE_P(Backends, Documents, ::testing::ValuesIn(testing::test_backends()));

}  // namespace
}  // namespace kredo
