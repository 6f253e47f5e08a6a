// Schools, zápis windows and the importers (register XML / JSON-LD, RÚIAN addresses, catchments)
// against both databases, with the synthetic fixtures in tests/data/schools.
#include <gtest/gtest.h>

#include <fstream>

#include "importers/catchments.hpp"
#include "importers/ruian_addresses.hpp"
#include "importers/school_register.hpp"
#include "support/test_db.hpp"

namespace kredo {
namespace {

using importers::ImportOptions;
using importers::ImportSummary;
using security::Role;

std::string fixture(const std::string& name) { return std::string(KREDO_SOURCE_DIR) + "/tests/data/schools/" + name; }

class Schools : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam(), &clock_);
    coordinator_.user_id = 0;
    coordinator_.username = "koordinator";
    coordinator_.role = Role::coordinator;
    worker_.username = "terenni";
    worker_.role = Role::worker;
    analyst_.username = "analytik";
    analyst_.role = Role::analyst;
  }
  app::Services& services() { return db_->app().services(); }
  domain::SchoolService& schools() { return services().schools; }
  std::int64_t count(const std::string& sql) {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    return tx->query_one(sql)->i64(0);
  }
  ImportSummary import_addresses(const ImportOptions& o = {}) {
    auto r = importers::import_ruian_addresses(db_->app().db(), clock_, fixture("addresses_cp1250.csv"), o);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : ImportSummary{};
  }
  ImportSummary import_register(const std::string& file, const ImportOptions& o = {}) {
    auto r = importers::import_school_register(db_->app().db(), clock_, schools().collator(), fixture(file), o);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : ImportSummary{};
  }
  ImportSummary import_catchments(const std::string& path, const ImportOptions& o = {}) {
    auto r = importers::import_catchments(db_->app().db(), clock_, path, o);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : ImportSummary{};
  }
  domain::SchoolInput school(const std::string& izo, const std::string& name, const std::string& type = "zs") {
    domain::SchoolInput in;
    in.izo = izo;
    in.name = name;
    in.type = type;
    return in;
  }

  ManualClock clock_{1'790'000'000};
  std::unique_ptr<testing::TestDatabase> db_;
  security::Actor coordinator_, worker_, analyst_;
};

std::vector<std::size_t> lines_of(const ImportSummary& s) {
  std::vector<std::size_t> out;
  for (const auto& r : s.rejected) out.push_back(r.line);
  return out;
}

// ---- addresses

TEST_P(Schools, AddressesFromWindows1250AreConvertedAndBadLinesReported) {
  auto s = import_addresses();
  EXPECT_EQ(s.format, "ruian-csv (windows-1250)");
  EXPECT_EQ(s.created, 5);
  EXPECT_EQ(s.updated, 0);
  EXPECT_EQ(lines_of(s), (std::vector<std::size_t>{6, 8}));
  EXPECT_NE(s.rejected[0].reason.find("Kód ADM 'x9000005'"), std::string::npos) << s.rejected[0].reason;
  EXPECT_NE(s.rejected[1].reason.find("expected 19 fields, found 14"), std::string::npos) << s.rejected[1].reason;
  EXPECT_TRUE(s.committed);
  auto tx = db_->app().db().begin(storage::TxMode::read);
  auto r = tx->query_one("SELECT nazev_momc, nazev_ulice, sjtsk_y, sjtsk_x, znak_cisla_orientacniho, cislo_orientacni "
                         "FROM addresses WHERE kod_adm = 90000002");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->str(0), "Brno-Fiktivní");
  EXPECT_EQ(r->str(1), "Smyšlená");
  EXPECT_DOUBLE_EQ(r->f64(2), 598700.5);  // decimal comma
  EXPECT_DOUBLE_EQ(r->f64(3), 1160200.25);
  EXPECT_EQ(r->str(4), "a");
  EXPECT_EQ(r->i64(5), 2);
  EXPECT_TRUE(tx->query_one("SELECT sjtsk_y FROM addresses WHERE kod_adm = 90000004")->is_null(0));
}

TEST_P(Schools, AddressReimportUpdatesInsteadOfDuplicating) {
  import_addresses();
  auto again = import_addresses();
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.updated, 5);
  EXPECT_EQ(count("SELECT COUNT(*) FROM addresses"), 5);
}

TEST_P(Schools, AddressMunicipalityFilterSkipsOtherMunicipalities) {
  ImportOptions o;
  o.municipality = 582786;
  auto s = import_addresses(o);
  EXPECT_EQ(s.created, 4);
  EXPECT_EQ(s.skipped.at("other municipality"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM addresses WHERE kod_obce <> 582786"), 0);
}

TEST_P(Schools, AddressAllOrNothingRollsBack) {
  ImportOptions o;
  o.all_or_nothing = true;
  auto s = import_addresses(o);
  EXPECT_FALSE(s.committed);
  EXPECT_EQ(s.rejected_total, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM addresses"), 0);
}

TEST_P(Schools, AddressesInBatchesLargerThanOneStatement) {
  // More rows than one multi-row INSERT holds, with a repeated code inside one batch.
  const std::string path = testing::make_temp_dir() + "/many.csv";
  {
    std::ofstream out(path);
    out << "Kód ADM;Kód obce;Název obce\n";
    for (int i = 1; i <= 600; ++i) out << 80000000 + i << ";582786;Brno\n";
    out << "80000007;582786;Brno\n";
  }
  auto r = importers::import_ruian_addresses(db_->app().db(), clock_, path, {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->format, "ruian-csv (utf-8)");
  EXPECT_EQ(r->created, 600);
  EXPECT_EQ(r->updated, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM addresses"), 600);
}

TEST_P(Schools, AddressHeaderWithoutRequiredColumnsIsAnError) {
  const std::string path = testing::make_temp_dir() + "/bad.csv";
  std::ofstream(path) << "ADM;obec\n1;2\n";
  auto r = importers::import_ruian_addresses(db_->app().db(), clock_, path, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("Kód ADM"), std::string::npos);
}

// ---- register

TEST_P(Schools, RegisterXmlImportsMsAndZsAndReportsBadFacilities) {
  auto s = import_register("register_small.xml");
  EXPECT_EQ(s.format, "register-xml");
  EXPECT_EQ(s.created, 3);
  EXPECT_EQ(s.skipped.at("other kind L13"), 1);
  EXPECT_EQ(lines_of(s), (std::vector<std::size_t>{78, 83}));
  EXPECT_NE(s.rejected[0].reason.find("90000X005"), std::string::npos);
  EXPECT_NE(s.rejected[1].reason.find("hodně"), std::string::npos);
  EXPECT_TRUE(s.committed);
  auto tx = db_->app().db().begin(storage::TxMode::read);
  auto zs = domain::find_school_by_izo(*tx, "900000001");
  ASSERT_TRUE(zs);
  EXPECT_EQ(zs->name, "Základní škola Vymyšlená");
  EXPECT_EQ(zs->type, "zs");
  EXPECT_EQ(zs->red_izo, "690000001");
  EXPECT_EQ(zs->capacity, 450);
  EXPECT_EQ(zs->ruian_code, 90000001);
  EXPECT_EQ(zs->address, "Vymyšlená 1, Brno-Fiktivní, 60200 Brno");
  EXPECT_EQ(zs->founder_name, "Statutární město Fiktivnov");
  EXPECT_EQ(zs->founder_ico, "44992785");
  EXPECT_EQ(zs->source, "register");
  auto ms = domain::find_school_by_izo(*tx, "900000004");
  ASSERT_TRUE(ms);
  EXPECT_EQ(ms->type, "ms");
  EXPECT_EQ(ms->founder_ico, "01234567") << "leading zero restored";
}

TEST_P(Schools, RegisterReimportUpdatesInsteadOfDuplicating) {
  import_register("register_small.xml");
  auto again = import_register("register_small.xml");
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.unchanged, 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM schools"), 3);
  // The JSON-LD dump carries a new capacity for 900000001 and one new MŠ.
  auto json = import_register("register_small.jsonld");
  EXPECT_EQ(json.format, "register-jsonld");
  EXPECT_EQ(json.updated, 1);
  EXPECT_EQ(json.created, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM schools"), 4);
  auto tx = db_->app().db().begin(storage::TxMode::read);
  EXPECT_EQ(domain::find_school_by_izo(*tx, "900000001")->capacity, 480);
  EXPECT_EQ(domain::find_school_by_izo(*tx, "900000001")->version, 2);
}

TEST_P(Schools, RegisterReimportKeepsTheTeamsOwnLabels) {
  import_register("register_small.xml");
  std::int64_t id = 0;
  {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    id = domain::find_school_by_izo(*tx, "900000001")->id;
  }
  domain::SchoolInput ch;
  ch.type = "zs_16_9";
  ch.district = "Brno-Fiktivní";
  ASSERT_TRUE(schools().update(coordinator_, id, 1, ch).ok());
  import_register("register_small.jsonld");
  auto tx = db_->app().db().begin(storage::TxMode::read);
  auto s = domain::find_school(*tx, id);
  EXPECT_EQ(s->type, "zs_16_9");
  EXPECT_EQ(s->district, "Brno-Fiktivní");
  EXPECT_EQ(s->capacity, 480);
}

TEST_P(Schools, RegisterJsonLdRecordsAndRejectionsCarryLines) {
  auto s = import_register("register_small.jsonld");
  EXPECT_FALSE(s.fatal) << s.fatal->reason;
  EXPECT_EQ(s.created, 2);
  EXPECT_EQ(s.skipped.at("other kind G21"), 1);
  EXPECT_EQ(lines_of(s), (std::vector<std::size_t>{19}));
  auto tx = db_->app().db().begin(storage::TxMode::read);
  auto ms = domain::find_school_by_izo(*tx, "900000007");
  ASSERT_TRUE(ms);
  EXPECT_EQ(ms->type, "ms");
  EXPECT_EQ(ms->capacity, 28);
  EXPECT_EQ(ms->ruian_code, 90000003);
}

TEST_P(Schools, MalformedXmlKeepsEarlierRowsAndNamesTheLine) {
  auto s = import_register("register_malformed.xml");
  ASSERT_TRUE(s.fatal);
  EXPECT_EQ(s.fatal->line, 22u);  // </SkolyZarizen>
  EXPECT_NE(s.fatal->reason.find("malformed XML"), std::string::npos);
  EXPECT_EQ(s.created, 1);
  EXPECT_TRUE(s.committed);
  EXPECT_FALSE(s.clean());
  EXPECT_EQ(count("SELECT COUNT(*) FROM schools WHERE izo = '900000011'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM schools WHERE izo = '900000012'"), 0);
}

TEST_P(Schools, MalformedJsonLdKeepsEarlierRecordsAndNamesTheLine) {
  auto s = import_register("register_malformed.jsonld");
  ASSERT_TRUE(s.fatal);
  EXPECT_EQ(s.fatal->line, 7u);  // "kapacity": [20,]
  EXPECT_NE(s.fatal->reason.find("malformed JSON"), std::string::npos) << s.fatal->reason;
  EXPECT_EQ(s.created, 1) << "the @context array holds no records";
  EXPECT_EQ(count("SELECT COUNT(*) FROM schools WHERE izo = '900000021'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM schools WHERE izo = '900000022'"), 0);
}

TEST_P(Schools, JsonLdWithoutRecordsIsReported) {
  const std::string path = testing::make_temp_dir() + "/empty.jsonld";
  std::ofstream(path) << "{\"@context\": \"x\", \"@graph\": []}";
  auto r = importers::import_school_register(db_->app().db(), clock_, schools().collator(), path, {});
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->fatal);
  EXPECT_NE(r->fatal->reason.find("no records"), std::string::npos);
}

TEST_P(Schools, MalformedXmlWithAllOrNothingSavesNothing) {
  ImportOptions o;
  o.all_or_nothing = true;
  auto s = import_register("register_malformed.xml", o);
  EXPECT_FALSE(s.committed);
  EXPECT_EQ(count("SELECT COUNT(*) FROM schools"), 0);
}

TEST_P(Schools, RegisterAllOrNothingRollsBackOnARejectedFacility) {
  ImportOptions o;
  o.all_or_nothing = true;
  auto s = import_register("register_small.xml", o);
  EXPECT_FALSE(s.committed);
  EXPECT_EQ(s.rejected_total, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM schools"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import'"), 0);
}

TEST_P(Schools, RegisterMunicipalityFilterUsesRuianAddresses) {
  ImportOptions o;
  o.municipality = 582786;
  auto without = importers::import_school_register(db_->app().db(), clock_, schools().collator(),
                                                   fixture("register_small.xml"), o);
  ASSERT_FALSE(without.ok()) << "the filter needs the addresses";
  EXPECT_NE(without.error().message.find("kredo import addresses"), std::string::npos);
  import_addresses();
  auto s = import_register("register_small.xml", o);
  EXPECT_EQ(s.created, 2);
  EXPECT_EQ(s.skipped.at("outside municipality"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM schools WHERE izo = '900000004'"), 0);
}

TEST_P(Schools, RegisterFormatIsDetectedByContent) {
  const std::string dir = testing::make_temp_dir();
  std::ofstream(dir + "/x.txt") << "  \n<ExportDat/>";
  std::ofstream(dir + "/j.txt") << "\xEF\xBB\xBF[]";
  std::ofstream(dir + "/n.txt") << "IZO;nazev\n";
  EXPECT_EQ(*importers::detect_register_format(dir + "/x.txt"), importers::RegisterFormat::xml);
  EXPECT_EQ(*importers::detect_register_format(dir + "/j.txt"), importers::RegisterFormat::jsonld);
  EXPECT_FALSE(importers::detect_register_format(dir + "/n.txt").ok());
}

// ---- catchments

TEST_P(Schools, CatchmentsRejectUnknownIzoAndAddressAndLookUp) {
  import_addresses();
  import_register("register_small.xml");
  auto s = import_catchments(fixture("catchments.csv"));
  EXPECT_EQ(s.created, 4);
  ASSERT_EQ(lines_of(s), (std::vector<std::size_t>{5, 6}));
  EXPECT_NE(s.rejected[0].reason.find("unknown IZO '999999999'"), std::string::npos) << s.rejected[0].reason;
  EXPECT_NE(s.rejected[1].reason.find("unknown address code 90000099"), std::string::npos) << s.rejected[1].reason;
  auto tx = db_->app().db().begin(storage::TxMode::read);
  auto zs = domain::catchment_school(*tx, 90000004, "zs");
  ASSERT_TRUE(zs);
  EXPECT_EQ(zs->izo, "900000001");
  EXPECT_EQ(domain::catchment_school(*tx, 90000003, "ms")->izo, "900000002");
  EXPECT_FALSE(domain::catchment_school(*tx, 90000003, "zs"));
  tx.reset();
  auto via_service = schools().catchment(analyst_, 90000001, "zs");
  ASSERT_TRUE(via_service.ok());
  EXPECT_EQ(via_service->izo, "900000001");
  EXPECT_EQ(schools().catchment(analyst_, 90000001, "ms").error().code, ErrorCode::not_found);
}

TEST_P(Schools, CatchmentReimportAndReassignment) {
  import_addresses();
  import_register("register_small.xml");
  import_catchments(fixture("catchments.csv"));
  auto again = import_catchments(fixture("catchments.csv"));
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.unchanged, 4);
  const std::string path = testing::make_temp_dir() + "/move.csv";
  std::ofstream(path) << "90000003;900000004\n";  // no header, level from the school type
  auto moved = import_catchments(path);
  EXPECT_EQ(moved.updated, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM catchments"), 4);
  auto tx = db_->app().db().begin(storage::TxMode::read);
  EXPECT_EQ(domain::catchment_school(*tx, 90000003, "ms")->izo, "900000004");
}

TEST_P(Schools, CatchmentsAcrossBatchesWithARepeatedAddress) {
  const std::string dir = testing::make_temp_dir();
  {
    std::ofstream a(dir + "/a.csv");
    a << "Kód ADM;Kód obce;Název obce\n";
    for (int i = 1; i <= 600; ++i) a << 80000000 + i << ";582786;Brno\n";
    std::ofstream c(dir + "/c.csv");
    c << "80000001;900000001\n";  // repeated on the next line, inside one batch
    for (int i = 1; i <= 600; ++i) c << 80000000 + i << ";900000001\n";
    c << "80000007;900000001\n80000700;900000001\n";
  }
  ASSERT_TRUE(importers::import_ruian_addresses(db_->app().db(), clock_, dir + "/a.csv", {}).ok());
  import_register("register_small.xml");
  auto s = import_catchments(dir + "/c.csv");
  EXPECT_EQ(s.created, 600);
  EXPECT_EQ(s.unchanged, 2);
  EXPECT_EQ(lines_of(s), (std::vector<std::size_t>{603}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM catchments"), 600);
}

TEST_P(Schools, CatchmentLevelMustMatchTheSchool) {
  import_addresses();
  import_register("register_small.xml");
  const std::string path = testing::make_temp_dir() + "/level.csv";
  std::ofstream(path) << "izo;kod_adm;level\n900000002;90000001;zs\n900000002;90000001;xx\n";
  ImportOptions o;
  o.all_or_nothing = true;
  auto s = import_catchments(path, o);
  EXPECT_EQ(lines_of(s), (std::vector<std::size_t>{2, 3}));
  EXPECT_FALSE(s.committed);
  EXPECT_EQ(count("SELECT COUNT(*) FROM catchments"), 0);
}

// ---- the school service

TEST_P(Schools, CreateListSearchAndSortInCzechOrder) {
  for (const auto& [izo, name] : std::vector<std::pair<std::string, std::string>>{
           {"900000101", "Základní škola Zahradní"},
           {"900000102", "Základní škola Čtvrť"},
           {"900000103", "Základní škola Chmelová"},
           {"900000104", "Základní škola Hradní"},
           {"900000105", "Základní škola Cihlářská"}}) {
    auto r = schools().create(coordinator_, school(izo, name));
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  domain::SchoolQuery q;
  auto page = schools().list(analyst_, q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->total, 5);
  std::vector<std::string> names;
  for (const auto& i : page->items) names.push_back(i.school.name);
  // Czech order: C < Č, H < Ch.
  EXPECT_EQ(names, (std::vector<std::string>{"Základní škola Cihlářská", "Základní škola Čtvrť",
                                             "Základní škola Hradní", "Základní škola Chmelová",
                                             "Základní škola Zahradní"}));
  q.q = "CTVRT";
  page = schools().list(analyst_, q);
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->items[0].school.izo, "900000102");
  q.q = "900000104";
  EXPECT_EQ(schools().list(analyst_, q)->items.at(0).school.name, "Základní škola Hradní");
  q.q = "100%";
  EXPECT_EQ(schools().list(analyst_, q)->total, 0) << "% is taken literally";
  q = {};
  q.page_size = 2;
  q.page = 3;
  page = schools().list(analyst_, q);
  EXPECT_EQ(page->total, 5);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].school.name, "Základní škola Zahradní");
}

TEST_P(Schools, WritesNeedACoordinatorAndAreAudited) {
  EXPECT_EQ(schools().create(worker_, school("900000201", "ZŠ Pokusná")).error().code, ErrorCode::forbidden);
  EXPECT_EQ(schools().create(analyst_, school("900000201", "ZŠ Pokusná")).error().code, ErrorCode::forbidden);
  auto s = schools().create(coordinator_, school("900000201", "ZŠ Pokusná"));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(schools().create(coordinator_, school("900000201", "Jiná")).error().code, ErrorCode::conflict);
  auto bad = schools().create(coordinator_, school("12", "", "gymnazium"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 3u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'school' AND action = 'create'"), 1);
  // Workers may log contacts, analysts may not.
  EXPECT_TRUE(schools().add_interaction(worker_, s->school.id, {"2026-03-02", "visit", "Met the director."}).ok());
  EXPECT_EQ(schools().add_interaction(analyst_, s->school.id, {"2026-03-02", "visit", "x"}).error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(schools().add_openness(worker_, s->school.id, {"open", "2026-03-02", "x", {}}).error().code,
            ErrorCode::forbidden);
}

TEST_P(Schools, StaleVersionIsAConflict) {
  auto s = schools().create(coordinator_, school("900000301", "ZŠ Verzová"));
  ASSERT_TRUE(s.ok());
  domain::SchoolInput ch;
  ch.capacity = 300;
  auto first = schools().update(coordinator_, s->school.id, 1, ch);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->school.version, 2);
  EXPECT_EQ(first->school.capacity, 300);
  EXPECT_EQ(schools().update(coordinator_, s->school.id, 1, ch).error().code, ErrorCode::conflict);
  domain::SchoolInput clear;
  clear.cleared = {"capacity"};
  auto cleared = schools().update(coordinator_, s->school.id, 2, clear);
  ASSERT_TRUE(cleared.ok());
  EXPECT_FALSE(cleared->school.capacity);
}

TEST_P(Schools, CompositionCarriesTheSegregationStatusAndFiltersTheList) {
  auto a = schools().create(coordinator_, school("900000401", "ZŠ Alfa"));
  auto b = schools().create(coordinator_, school("900000402", "ZŠ Beta"));
  auto c = schools().create(coordinator_, school("900000403", "ZŠ Gama"));
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  auto est = [&](std::int64_t id, int year, double share) {
    return schools().add_composition(coordinator_, id, {year, share, 0.5, "director's estimate", "2026-02-01", "medium"});
  };
  auto ea = est(a->school.id, 2025, 0.95);
  ASSERT_TRUE(ea.ok()) << ea.error().message;
  EXPECT_EQ(ea->status, "almost_all");
  EXPECT_EQ(est(b->school.id, 2024, 0.95)->status, "almost_all");
  EXPECT_EQ(est(b->school.id, 2025, 0.40)->status, "more_than_third");  // the latest year counts
  domain::SchoolQuery q;
  q.status = "almost_all";
  auto page = schools().list(analyst_, q);
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->items[0].school.izo, "900000401");
  q.status = "unknown";
  EXPECT_EQ(schools().list(analyst_, q)->items.at(0).school.izo, "900000403");
  // Thresholds are settings: raise "almost all" to 0.96 and Alfa drops to "more than half".
  {
    auto tx = db_->app().db().begin(storage::TxMode::write);
    tx->exec("INSERT INTO settings (key, value, updated_at) VALUES ($1, '0.96', '2026-01-01T00:00:00Z')",
             {domain::kSettingAlmostAllKey});
    tx->commit();
  }
  auto detail = schools().get(analyst_, a->school.id);
  EXPECT_EQ(detail->composition.at(0).status, "more_than_half");
  q.status = "more_than_half";
  EXPECT_EQ(schools().list(analyst_, q)->total, 1);
  auto bad = schools().add_composition(coordinator_, a->school.id, {2025, 1.5, std::nullopt, "", "2026-02-30", "sure"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 4u);
}

TEST_P(Schools, DetailListsEvidenceNewestFirst) {
  auto s = schools().create(coordinator_, school("900000501", "MŠ Detailní", "ms"));
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(schools().add_openness(coordinator_, s->school.id, {"closed", "2025-05-01", "Refused a meeting.", {}}).ok());
  ASSERT_TRUE(schools().add_openness(coordinator_, s->school.id, {"mixed", "2026-01-10", "Agreed to one visit.", std::string("Jana")}).ok());
  ASSERT_TRUE(schools().add_interaction(worker_, s->school.id, {"2026-01-10", "meeting", "Visit agreed."}).ok());
  auto d = schools().get(analyst_, s->school.id);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->openness.size(), 2u);
  EXPECT_EQ(d->openness[0].stance, "mixed");
  EXPECT_EQ(d->openness[0].assessed_by, "Jana");
  EXPECT_EQ(d->openness[1].assessed_by, "koordinator");
  ASSERT_EQ(d->interactions.size(), 1u);
  EXPECT_EQ(d->interactions[0].worker, "terenni");
  EXPECT_EQ(schools().get(analyst_, 999999).error().code, ErrorCode::not_found);
}

// ---- zápis windows

TEST_P(Schools, ZapisWindowsAreSeededEditedAndVersioned) {
  auto& windows = services().zapis_windows;
  auto all = windows.list(analyst_);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), rules::default_zapis_windows().size());
  auto put = [&](const std::string& level, int year, const std::string& from, const std::string& to,
                 std::optional<std::int64_t> version, const security::Actor& who) {
    return windows.put(who, {level, year, from, to, version});
  };
  EXPECT_EQ(put("ms", 2027, "2027-03-15", "2027-04-15", 1, worker_).error().code, ErrorCode::forbidden);
  auto w = put("ms", 2027, "2027-03-10", "2027-04-10", 1, coordinator_);
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->version, 2);
  EXPECT_EQ(w->window.from.iso(), "2027-03-10");
  EXPECT_EQ(put("ms", 2027, "2027-03-10", "2027-04-10", 1, coordinator_).error().code, ErrorCode::conflict);
  auto backwards = put("zs", 2027, "2027-04-30", "2027-04-01", 1, coordinator_);
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().fields.at(0).field, "to");
  EXPECT_EQ(put("zs", 2027, "2027-09-01", "2027-09-10", 1, coordinator_).error().code, ErrorCode::validation_failed);
  auto added = put("zs", 2040, "2040-04-01", "2040-04-30", std::nullopt, coordinator_);
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added->version, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'zapis_window'"), 2);
  EXPECT_EQ(windows.list(analyst_)->size(), rules::default_zapis_windows().size() + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, Schools, ::testing::ValuesIn(testing::test_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace kredo
