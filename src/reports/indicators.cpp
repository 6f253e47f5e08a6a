#include "reports/indicators.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace kredo::reports {

namespace {

int num(const std::string& s, std::size_t pos, std::size_t len) {
  int v = 0;
  for (std::size_t i = pos; i < pos + len && i < s.size(); ++i) v = v * 10 + (s[i] - '0');
  return v;
}

constexpr const char* kParticipants =
    "SELECT p.id, p.role, p.gender, p.birth_date, p.education_isced, p.labour_status, pa.entry_date, "
    "pa.third_country_national, pa.foreign_background, pa.housing_exclusion, pa.rural "
    "FROM participations pa JOIN people p ON p.id = pa.person_id "
    "WHERE pa.entry_date >= $1 AND pa.entry_date <= $2 AND p.merged_into IS NULL "
    "ORDER BY p.id, pa.entry_date, pa.id";
// The latest recorded answer per person and category counts ("yes" only).
constexpr const char* kSpecial =
    "SELECT s.person_id, s.category, s.value FROM special_category s "
    "WHERE s.category IN ('roma_minority', 'disability') AND s.person_id IN "
    "(SELECT pa.person_id FROM participations pa WHERE pa.entry_date >= $1 AND pa.entry_date <= $2) "
    "ORDER BY s.person_id, s.category, s.recorded_on, s.id";

struct Acc {
  std::vector<std::string> order;
  std::map<std::string, std::unordered_set<std::int64_t>> ids_by_key;
  std::map<std::string, double> sum_by_key;
  void key(const std::string& k) {
    if (!ids_by_key.count(k)) {
      order.push_back(k);
      ids_by_key[k];
    }
  }
};

void fill_breakdown(IndicatorValue& v, Acc& acc, const std::vector<std::string>& keys, bool sums) {
  std::vector<std::string> order = keys;
  for (const auto& k : acc.order)
    if (std::find(order.begin(), order.end(), k) == order.end()) order.push_back(k);
  for (const auto& k : order) {
    double cell = sums ? acc.sum_by_key[k] : static_cast<double>(acc.ids_by_key[k].size());
    v.breakdown.emplace_back(k, cell);
  }
}

}  // namespace

int Participant::age_at_entry() const {
  if (birth_date.size() < 10 || entry_date.size() < 10) return -1;
  int age = num(entry_date, 0, 4) - num(birth_date, 0, 4);
  if (entry_date.compare(5, 5, birth_date, 5, 5) < 0) --age;
  return age;
}

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

const std::vector<Participant>& ComputeContext::participants() {
  if (participants_) return *participants_;
  std::vector<Participant> out;
  std::map<std::int64_t, std::size_t> index;
  for (const auto& r : tx.query(kParticipants, {from, to})) {
    const std::int64_t id = r.i64(0);
    if (index.count(id)) continue;  // the first entry in the period describes the participant
    Participant p;
    p.person_id = id;
    p.role = r.str(1);
    p.gender = r.str(2);
    p.birth_date = r.str(3);
    p.education_isced = r.opt_i64(4);
    p.labour_status = r.opt_str(5);
    p.entry_date = r.str(6);
    p.third_country = r.str(7) == "yes";
    p.foreign_background = r.str(8) == "yes";
    p.housing_exclusion = r.str(9) == "yes";
    p.rural = r.str(10) == "yes";
    index[id] = out.size();
    out.push_back(std::move(p));
  }
  std::map<std::pair<std::int64_t, std::string>, bool> latest;
  for (const auto& r : tx.query(kSpecial, {from, to})) latest[{r.i64(0), r.str(1)}] =
        (settings.cipher ? settings.cipher->open_text(r.str(2)) : r.str(2)) == "yes";
  for (const auto& [key, yes] : latest) {
    auto it = index.find(key.first);
    if (it == index.end() || !yes) continue;
    if (key.second == "disability") out[it->second].disability = true;
    if (key.second == "roma_minority") out[it->second].minority = true;
  }
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
  std::unordered_set<std::int64_t> all;
  storage::Params params{ctx.from, ctx.to};
  params.insert(params.end(), extra.begin(), extra.end());
  for (const auto& r : ctx.tx.query(sql, params)) {
    const std::int64_t id = r.i64(0);
    if (all.insert(id).second) v.ids.push_back(id);
    if (!breakdown_kind.empty() && r.size() > 1) {
      const std::string k = r.is_null(1) ? "not_stated" : r.str(1);
      acc.key(k);
      acc.ids_by_key[k].insert(id);
    }
  }
  v.value = static_cast<double>(all.size());
  v.breakdown_kind = breakdown_kind;
  if (!breakdown_kind.empty()) fill_breakdown(v, acc, keys, false);
  std::sort(v.ids.begin(), v.ids.end());
  return v;
}

IndicatorValue sum_rows(ComputeContext& ctx, const std::string& sql, double divisor, const std::string& breakdown_kind,
                        const std::vector<std::string>& keys) {
  return sum_rows(ctx, sql, storage::Params{ctx.from, ctx.to}, divisor, breakdown_kind, keys);
}

IndicatorValue sum_rows(ComputeContext& ctx, const std::string& sql, const storage::Params& params, double divisor,
                        const std::string& breakdown_kind, const std::vector<std::string>& keys) {
  IndicatorValue v;
  Acc acc;
  std::unordered_set<std::int64_t> all;
  double total = 0;
  for (const auto& r : ctx.tx.query(sql, params)) {
    const std::int64_t id = r.i64(0);
    if (all.insert(id).second) v.ids.push_back(id);
    const double amount = r.is_null(2) ? 0 : r.f64(2);
    total += amount;
    if (!breakdown_kind.empty()) {
      const std::string k = r.is_null(1) ? "not_stated" : r.str(1);
      acc.key(k);
      acc.sum_by_key[k] += amount / divisor;
    }
  }
  v.value = total / divisor;
  v.breakdown_kind = breakdown_kind;
  if (!breakdown_kind.empty()) fill_breakdown(v, acc, keys, true);
  std::sort(v.ids.begin(), v.ids.end());
  return v;
}

IndicatorValue count_participants(ComputeContext& ctx, const std::function<bool(const Participant&)>& pred) {
  IndicatorValue v;
  std::map<std::string, double> by_gender;
  for (const auto& p : ctx.participants()) {
    if (!pred(p)) continue;
    v.ids.push_back(p.person_id);
    by_gender[p.gender] += 1;
  }
  v.value = static_cast<double>(v.ids.size());
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
                                               const EngineSettings& settings, const std::vector<std::string>& codes) {
  SchemaProbe schema(tx);
  ComputeContext ctx(tx, from, to, settings, schema);
  std::vector<IndicatorValue> out;
  for (const auto& d : indicator_catalog()) {
    if (!codes.empty() && std::find(codes.begin(), codes.end(), d.code) == codes.end()) continue;
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
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace kredo::reports
