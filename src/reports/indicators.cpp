#include "reports/indicators.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <functional>
#include <optional>
#include <cstdlib>
#include <iostream>
#include <set>
#include <tuple>
#include <unordered_set>

#include "storage/db/row_stream.hpp"

namespace kredo::reports {

namespace {

int num(std::string_view s, std::size_t pos, std::size_t len) {
  int v = 0;
  for (std::size_t i = pos; i < pos + len && i < s.size(); ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// Every participation entered in the period or overlapping it (entered by its end, not left before its
// start), with its person: read once for the ESF+ participants and the people in the programme. The four
// entry flags come as bits (1 third country, 2 foreign background, 4 housing exclusion, 8 rural; each
// "yes"), then 1 for entered in the period and 2 for overlapping it. The second OR keeps a participation
// entered in the period whose exit date lies (wrongly) before it: the participants always counted it.
constexpr const char* kPeriodParticipations =
    "SELECT pa.person_id, pa.entry_date, pa.id, p.role, p.gender, p.birth_date, p.education_isced, p.labour_status, "
    "CASE WHEN pa.third_country_national = 'yes' THEN 1 ELSE 0 END + CASE WHEN pa.foreign_background = 'yes' THEN 2 "
    "ELSE 0 END + CASE WHEN pa.housing_exclusion = 'yes' THEN 4 ELSE 0 END + CASE WHEN pa.rural = 'yes' THEN 8 ELSE 0 "
    "END, CASE WHEN pa.entry_date >= $1 THEN 1 ELSE 0 END + CASE WHEN pa.exit_date IS NULL OR pa.exit_date >= $1 "
    "THEN 2 ELSE 0 END FROM participations pa JOIN people p ON p.id = pa.person_id "
    "WHERE p.merged_into IS NULL AND pa.entry_date <= $2 AND (pa.exit_date IS NULL OR pa.exit_date >= $1 OR "
    "pa.entry_date >= $1)";
// The latest recorded answer per person and category counts ("yes" only). Everyone's answers: the
// participants are picked in memory, which spares the database the join with the period's participations;
// only the latest answer of a participant is opened (decrypted).
constexpr const char* kSpecialAll =
    "SELECT s.person_id, s.category, s.value FROM special_category s "
    "WHERE s.category IN ('roma_minority', 'disability') ORDER BY s.person_id, s.category, s.recorded_on, s.id";

// Breakdown cells in first-seen order; a row's key is looked up among the few seen so far (the
// previous row's first), without making a string per row.
struct Acc {
  struct Cell {
    std::string key;
    std::vector<std::int64_t> ids;  // with repeats until distinct()
    double sum = 0;
  };
  std::vector<Cell> cells;
  std::size_t last = 0;
  Cell& at(std::string_view k) {
    if (last < cells.size() && cells[last].key == k) return cells[last];
    for (last = 0; last < cells.size(); ++last)
      if (cells[last].key == k) return cells[last];
    cells.push_back({std::string(k), {}, 0});
    return cells.back();
  }
  const Cell* find(const std::string& k) const {
    for (const auto& c : cells)
      if (c.key == k) return &c;
    return nullptr;
  }
};

// Sorts and drops repeats; the number of distinct ids.
std::size_t distinct(std::vector<std::int64_t>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids.size();
}

void fill_breakdown(IndicatorValue& v, Acc& acc, const std::vector<std::string>& keys, bool sums) {
  std::vector<std::string> order = keys;
  for (const auto& c : acc.cells)
    if (std::find(order.begin(), order.end(), c.key) == order.end()) order.push_back(c.key);
  for (auto& c : acc.cells)
    if (!sums) distinct(c.ids);
  for (const auto& k : order) {
    const Acc::Cell* c = acc.find(k);
    double cell = !c ? 0.0 : sums ? c->sum : static_cast<double>(c->ids.size());
    v.breakdown.emplace_back(k, cell);
  }
}

// The value, breakdown and distinct ids of summed amounts (sum_rows, sum_amounts).
IndicatorValue summed(Acc& acc, std::vector<std::int64_t>& all, double total, double divisor,
                      const std::string& breakdown_kind, const std::vector<std::string>& keys) {
  IndicatorValue v;
  v.value = total / divisor;
  v.breakdown_kind = breakdown_kind;
  if (!breakdown_kind.empty()) fill_breakdown(v, acc, keys, true);
  distinct(all);
  v.ids = std::move(all);  // the distinct ids, sorted
  return v;
}

}  // namespace

int age_at(std::string_view birth_date, std::string_view entry_date) {
  if (birth_date.size() < 10 || entry_date.size() < 10) return -1;
  int age = num(entry_date, 0, 4) - num(birth_date, 0, 4);
  if (entry_date.compare(5, 5, birth_date, 5, 5) < 0) --age;
  return age;
}

int Participant::age_at_entry() const { return age ? *age : age_at(birth_date, entry_date); }

const std::vector<std::string>& SchemaProbe::columns(const std::string& table) {
  auto it = cache_.find(table);
  if (it != cache_.end()) return it->second;
  std::vector<std::string> cols;
  storage::Rows rows =
      tx_.dialect() == storage::Dialect::sqlite
          ? tx_.query("SELECT name FROM pragma_table_info($1)", {table})
          : tx_.query("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                      "AND table_name = $1",
                      {table});
  for (const auto& r : rows) cols.push_back(r.str(0));
  return cache_.emplace(table, std::move(cols)).first->second;
}

bool SchemaProbe::has_table(const std::string& table) { return !columns(table).empty(); }

bool SchemaProbe::has_column(const std::string& table, const std::string& column) {
  const auto& c = columns(table);
  return std::find(c.begin(), c.end(), column) != c.end();
}

std::string SchemaProbe::missing(const std::vector<TableNeed>& needs) {
  for (const auto& n : needs) {
    if (!has_table(n.table)) return "The table '" + n.table + "' does not exist in this database yet.";
    for (const auto& c : n.columns)
      if (!has_column(n.table, c)) return "The column '" + n.table + "." + c + "' does not exist in this database yet.";
  }
  return "";
}

namespace {

// Small tables of the distinct texts of a column (a handful of values each), so that a participant's
// fields are compared and grouped as numbers; -1 is null.
struct Interned {
  std::vector<std::string>& values;
  int of(std::string_view v) {
    for (std::size_t i = 0; i < values.size(); ++i)
      if (values[i] == v) return static_cast<int>(i);
    values.emplace_back(v);
    return static_cast<int>(values.size() - 1);
  }
};

// Everything an ESF+ definition reads about a participant, as numbers.
struct GroupKey {
  int role = 0, gender = 0, age = 0, isced = -1, labour = -1, flags = 0;
  bool disability = false, minority = false;
  auto tie() const { return std::tie(role, gender, age, isced, labour, flags, disability, minority); }
  bool operator<(const GroupKey& o) const { return tie() < o.tie(); }
};

using PRow = PeriodParticipations::Row;

// The period's participants: each person's first entry in the period (as ORDER BY person, entry_date,
// participation id), ordered by person.
std::vector<const PRow*> first_entries(const PeriodParticipations& all) {
  std::vector<const PRow*> rows;
  rows.reserve(all.rows.size());
  for (const auto& r : all.rows)
    if (r.entered) rows.push_back(&r);
  std::sort(rows.begin(), rows.end(), [](const PRow* a, const PRow* b) {
    return std::tie(a->person_id, a->entry, a->participation_id) <
           std::tie(b->person_id, b->entry, b->participation_id);
  });
  rows.erase(std::unique(rows.begin(), rows.end(),
                         [](const PRow* a, const PRow* b) { return a->person_id == b->person_id; }),
             rows.end());
  return rows;
}

// Calls mark(index, is_disability) for each participant (by index into `people`, ordered by person id) whose
// latest answer in a category counts is "yes". Rows come ordered by person, category, recorded_on, id: the
// last of each run is the latest answer, and only that one of a participant is opened.
void mark_special(ComputeContext& ctx, const std::vector<const PRow*>& people,
                  const std::function<void(std::size_t, bool)>& mark) {
  auto find = [&people](std::int64_t person) -> std::optional<std::size_t> {
    auto it = std::lower_bound(people.begin(), people.end(), person,
                               [](const PRow* e, std::int64_t id) { return e->person_id < id; });
    if (it == people.end() || (*it)->person_id != person) return std::nullopt;
    return static_cast<std::size_t>(it - people.begin());
  };
  std::int64_t run_person = 0;
  std::string run_category, run_value;
  bool in_run = false;
  auto close_run = [&] {
    if (!in_run) return;
    auto i = find(run_person);
    if (!i) return;
    const bool yes = (ctx.settings.cipher ? ctx.settings.cipher->open_text(run_value) : run_value) == "yes";
    if (!yes) return;
    if (run_category == "disability") mark(*i, true);
    if (run_category == "roma_minority") mark(*i, false);
  };
  storage::for_each_row(ctx.tx, kSpecialAll, {}, [&](const storage::RowView& r) {
    if (!in_run || r.i64(0) != run_person || r.str(1) != run_category) {
      close_run();
      run_person = r.i64(0);
      run_category = r.str(1);
      in_run = true;
    }
    run_value = r.str(2);
  });
  close_run();
}

// The participants without their ids, grouped by every field the definitions read.
std::vector<Participant> grouped_participants(ComputeContext& ctx) {
  const PeriodParticipations& all = ctx.period_participations();
  const std::vector<const PRow*> people = first_entries(all);
  std::vector<GroupKey> keys(people.size());
  for (std::size_t i = 0; i < people.size(); ++i) {
    const PRow& e = *people[i];
    keys[i] = {e.role, e.gender, e.age, e.isced, e.labour, e.flags, false, false};
  }
  mark_special(ctx, people, [&keys](std::size_t i, bool disability) {
    (disability ? keys[i].disability : keys[i].minority) = true;
  });
  std::map<GroupKey, std::int64_t> groups;
  for (const auto& k : keys) groups[k] += 1;
  std::vector<Participant> out;
  out.reserve(groups.size());
  for (const auto& [k, n] : groups) {
    Participant p;
    p.role = all.roles[static_cast<std::size_t>(k.role)];
    p.gender = all.genders[static_cast<std::size_t>(k.gender)];
    p.age = k.age;
    if (k.isced >= 0) p.education_isced = k.isced;
    if (k.labour >= 0) p.labour_status = all.labours[static_cast<std::size_t>(k.labour)];
    p.third_country = (k.flags & 1) != 0;
    p.foreign_background = (k.flags & 2) != 0;
    p.housing_exclusion = (k.flags & 4) != 0;
    p.rural = (k.flags & 8) != 0;
    p.disability = k.disability;
    p.minority = k.minority;
    p.weight = n;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

const PeriodParticipations& ComputeContext::period_participations() {
  return shared<PeriodParticipations>("participations.period", [this] {
    PeriodParticipations out;
    Interned roles{out.roles}, genders{out.genders}, labours{out.labours};
    storage::for_each_row(tx, kPeriodParticipations, {from, to}, [&](const storage::RowView& r) {
      PRow e;
      e.person_id = r.i64(0);
      const std::string_view entry = r.str(1);
      e.entry = num(entry, 0, 4) * 10000 + num(entry, 5, 2) * 100 + num(entry, 8, 2);
      e.participation_id = r.i64(2);
      e.role = roles.of(r.str(3));
      e.gender = genders.of(r.str(4));
      e.age = age_at(r.str(5), entry);
      e.isced = r.is_null(6) ? -1 : static_cast<int>(r.i64(6));
      e.labour = r.is_null(7) ? -1 : labours.of(r.str(7));
      e.flags = static_cast<int>(r.i64(8));
      const auto period = r.i64(9);
      e.entered = (period & 1) != 0;
      e.overlaps = (period & 2) != 0;
      out.rows.push_back(std::move(e));
    });
    return out;
  });
}

const std::vector<Participant>& ComputeContext::participants() {
  if (participants_) return *participants_;
  if (!with_ids) {
    participants_ = grouped_participants(*this);
    return *participants_;
  }
  const PeriodParticipations& all = period_participations();
  const std::vector<const PRow*> people = first_entries(all);
  std::vector<Participant> out;
  out.reserve(people.size());
  for (const PRow* e : people) {
    Participant p;
    p.person_id = e->person_id;
    p.role = all.roles[static_cast<std::size_t>(e->role)];
    p.gender = all.genders[static_cast<std::size_t>(e->gender)];
    p.age = e->age;
    if (e->isced >= 0) p.education_isced = e->isced;
    if (e->labour >= 0) p.labour_status = all.labours[static_cast<std::size_t>(e->labour)];
    p.third_country = (e->flags & 1) != 0;
    p.foreign_background = (e->flags & 2) != 0;
    p.housing_exclusion = (e->flags & 4) != 0;
    p.rural = (e->flags & 8) != 0;
    out.push_back(std::move(p));
  }
  mark_special(*this, people, [&out](std::size_t i, bool disability) {
    (disability ? out[i].disability : out[i].minority) = true;
  });
  participants_ = std::move(out);
  return *participants_;
}

IndicatorValue count_rows(ComputeContext& ctx, const std::string& sql, const std::string& breakdown_kind,
                          const std::vector<std::string>& keys) {
  return count_rows(ctx, sql, storage::Params{}, breakdown_kind, keys);
}

IndicatorValue count_rows(ComputeContext& ctx, const std::string& sql, const storage::Params& extra,
                          const std::string& breakdown_kind, const std::vector<std::string>& keys) {
  IndicatorValue v;
  Acc acc;
  std::vector<std::int64_t> all;
  storage::Params params{ctx.from, ctx.to};
  params.insert(params.end(), extra.begin(), extra.end());
  storage::for_each_row(ctx.tx, sql, params, [&](const storage::RowView& r) {
    const std::int64_t id = r.i64(0);
    all.push_back(id);
    if (!breakdown_kind.empty() && r.size() > 1)
      acc.at(r.is_null(1) ? std::string_view("not_stated") : r.str(1)).ids.push_back(id);
  });
  v.value = static_cast<double>(distinct(all));
  v.breakdown_kind = breakdown_kind;
  if (!breakdown_kind.empty()) fill_breakdown(v, acc, keys, false);
  v.ids = std::move(all);  // the distinct ids, sorted
  return v;
}

IndicatorValue sum_rows(ComputeContext& ctx, const std::string& sql, double divisor, const std::string& breakdown_kind,
                        const std::vector<std::string>& keys) {
  return sum_rows(ctx, sql, storage::Params{ctx.from, ctx.to}, divisor, breakdown_kind, keys);
}

IndicatorValue sum_rows(ComputeContext& ctx, const std::string& sql, const storage::Params& params, double divisor,
                        const std::string& breakdown_kind, const std::vector<std::string>& keys) {
  Acc acc;
  std::vector<std::int64_t> all;
  double total = 0;
  // Summed in the rows' order (the breakdown's cells too): the same floating-point sums as ever.
  storage::for_each_row(ctx.tx, sql, params, [&](const storage::RowView& r) {
    all.push_back(r.i64(0));
    const double amount = r.is_null(2) ? 0 : r.f64(2);
    total += amount;
    if (!breakdown_kind.empty()) acc.at(r.is_null(1) ? std::string_view("not_stated") : r.str(1)).sum += amount / divisor;
  });
  return summed(acc, all, total, divisor, breakdown_kind, keys);
}

IndicatorValue count_keyed(const std::vector<KeyedId>& rows, const std::string& breakdown_kind,
                           const std::vector<std::string>& keys) {
  IndicatorValue v;
  Acc acc;
  std::vector<std::int64_t> all;
  all.reserve(rows.size());
  for (const auto& r : rows) {  // as count_rows does, row by row
    all.push_back(r.id);
    if (!breakdown_kind.empty())
      acc.at(r.key ? std::string_view(*r.key) : std::string_view("not_stated")).ids.push_back(r.id);
  }
  v.value = static_cast<double>(distinct(all));
  v.breakdown_kind = breakdown_kind;
  if (!breakdown_kind.empty()) fill_breakdown(v, acc, keys, false);
  v.ids = std::move(all);  // the distinct ids, sorted
  return v;
}

IndicatorValue sum_amounts(const std::vector<AmountRow>& rows, double divisor, const std::string& breakdown_kind,
                           const std::vector<std::string>& keys) {
  Acc acc;
  std::vector<std::int64_t> all;
  all.reserve(rows.size());
  double total = 0;
  for (const auto& r : rows) {  // as sum_rows does, row by row
    all.push_back(r.id);
    total += r.amount;
    if (!breakdown_kind.empty())
      acc.at(r.key ? std::string_view(*r.key) : std::string_view("not_stated")).sum += r.amount / divisor;
  }
  return summed(acc, all, total, divisor, breakdown_kind, keys);
}

IndicatorValue count_participants(ComputeContext& ctx, const std::function<bool(const Participant&)>& pred) {
  IndicatorValue v;
  std::map<std::string, double> by_gender;
  std::int64_t counted = 0;
  for (const auto& p : ctx.participants()) {
    if (!pred(p)) continue;
    if (ctx.with_ids) v.ids.push_back(p.person_id);
    counted += p.weight;
    by_gender[p.gender] += static_cast<double>(p.weight);
  }
  if (!ctx.with_ids) v.counted = counted;
  v.value = static_cast<double>(counted);
  v.breakdown_kind = "gender";
  for (const auto& g : gender_keys()) v.breakdown.emplace_back(g, by_gender[g]);
  return v;
}

const std::vector<IndicatorDefinition>& indicator_catalog() {
  static const std::vector<IndicatorDefinition> all = [] {
    std::vector<IndicatorDefinition> out;
    add_esf_indicators(out);
    add_registry_programme_indicators(out);
    add_activity_programme_indicators(out);
    add_enrollment_programme_indicators(out);
    add_incident_programme_indicators(out);
    return out;
  }();
  return all;
}

const IndicatorDefinition* find_indicator(const std::string& code) {
  for (const auto& d : indicator_catalog())
    if (d.code == code) return &d;
  return nullptr;
}

std::vector<IndicatorValue> compute_indicators(storage::Transaction& tx, const std::string& from, const std::string& to,
                                               const EngineSettings& settings, const std::vector<std::string>& codes,
                                               bool with_ids) {
  SchemaProbe schema(tx);
  ComputeContext ctx(tx, from, to, settings, schema, with_ids);
  std::vector<IndicatorValue> out;
  // KREDO_INDICATOR_TIMES=1 prints each definition's time to stderr (where the engine's time goes).
  static const bool print_times = std::getenv("KREDO_INDICATOR_TIMES") != nullptr;
  for (const auto& d : indicator_catalog()) {
    if (!codes.empty() && std::find(codes.begin(), codes.end(), d.code) == codes.end()) continue;
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    IndicatorValue v;
    if (std::string why = schema.missing(d.needs); !why.empty()) {
      v.status = "unavailable";
      v.reason = why;
    } else {
      v = d.compute(ctx);
    }
    v.code = d.code;
    v.version = d.version;
    v.entity = d.entity;
    if (!with_ids && !v.counted) {
      v.counted = static_cast<std::int64_t>(v.ids.size());
      v.ids = {};
    }
    if (print_times)
      std::cerr << d.code << " " << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count()
                << " ms (this process's CPU " << 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC
                << " ms)\n";
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace kredo::reports
