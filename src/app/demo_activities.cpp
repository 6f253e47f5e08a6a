// Demo activities for the fictional families: weekly children's clubs and parent meetings per team,
// their sessions with roll-call attendance, a trip, assessments and observations. At national scale
// the same shape gives about 5 million attendance rows, written with INSERT … SELECT statements
// (one statement per table instead of one per row).
#include "app/demo_activities.hpp"

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "rules/czech_calendar.hpp"
#include "rules/date.hpp"
#include "security/audit.hpp"

namespace kredo::app {

namespace {

using nlohmann::json;

struct DemoGroup {
  std::int64_t id = 0;
  std::int64_t type_id = 0;
  std::string start, end;
  int minutes = 0;
  std::vector<std::int64_t> members;
};

std::int64_t type_id(storage::Transaction& tx, const char* code) {
  return tx.query_one("SELECT id FROM activity_types WHERE code = $1", {code})->i64(0);
}

// Inserts rows as multi-row INSERTs of `per` rows each. `head` ends with "VALUES ".
void insert_rows(storage::Transaction& tx, const std::string& head, const std::vector<storage::Params>& rows,
                 std::size_t per = 200) {
  for (std::size_t i = 0; i < rows.size(); i += per) {
    std::string sql = head;
    storage::Params p;
    const std::size_t n = std::min(per, rows.size() - i);
    for (std::size_t k = 0; k < n; ++k) {
      sql += k ? ", (" : "(";
      for (std::size_t c = 0; c < rows[i + k].size(); ++c) {
        p.push_back(rows[i + k][c]);
        sql += (c ? ", $" : "$") + std::to_string(p.size());
      }
      sql += ")";
    }
    tx.exec(sql, p);
  }
}

// Weekly sessions of each group from `first` (skipping public holidays), `count` per group.
void write_sessions(storage::Transaction& tx, const std::vector<DemoGroup>& groups, const std::vector<int>& weekdays,
                    const std::vector<std::int64_t>& teams, rules::Date first, int count, const std::string& created) {
  std::vector<storage::Params> rows;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    rules::Date d = first;
    while (static_cast<int>(d.weekday()) != weekdays[g]) d = d.add_days(1);
    for (int k = 0; k < count; d = d.add_days(7)) {
      if (rules::is_public_holiday(d)) continue;
      rows.push_back({groups[g].type_id, groups[g].id, teams[g], d.iso(), groups[g].start, groups[g].end,
                      groups[g].minutes, "Klubovna KREDO", "demo", created, created});
      ++k;
    }
  }
  insert_rows(tx,
              "INSERT INTO activities (type_id, group_id, team_id, date, start_time, end_time, duration_minutes, "
              "place, created_by, created_at, updated_at) VALUES ",
              rows);
}

// Participants are the group's members; attendance follows a fixed hash of (activity, person):
// about 76 % present (one in ten of them partially), 10 % excused, 14 % absent.
void write_attendance(storage::Transaction& tx, std::int64_t first_activity, const std::string& created) {
  tx.exec("INSERT INTO activity_participants (activity_id, person_id) SELECT a.id, gm.person_id FROM activities a "
          "JOIN group_members gm ON gm.group_id = a.group_id WHERE a.id >= $1",
          {first_activity});
  tx.exec("INSERT INTO activity_workers (activity_id, user_id) SELECT a.id, u.id FROM activities a JOIN users u ON "
          "u.team_id = a.team_id AND u.username IN ('terenni', 'terenni2') WHERE a.id >= $1",
          {first_activity});
  tx.exec("INSERT INTO attendance (activity_id, person_id, status, minutes, recorded_by, recorded_at) "
          "SELECT ap.activity_id, ap.person_id, "
          "CASE WHEN (ap.activity_id * 7919 + ap.person_id * 104729) % 100 < 76 THEN 'present' "
          "WHEN (ap.activity_id * 7919 + ap.person_id * 104729) % 100 < 86 THEN 'excused' ELSE 'absent' END, "
          "CASE WHEN (ap.activity_id * 7919 + ap.person_id * 104729) % 100 < 8 THEN a.duration_minutes / 2 ELSE NULL END, "
          "'demo', $2 FROM activity_participants ap JOIN activities a ON a.id = ap.activity_id WHERE ap.activity_id >= $1",
          {first_activity, created});
}

std::int64_t next_activity_id(storage::Transaction& tx) {
  auto r = tx.query_one("SELECT MAX(id) FROM activities");
  return r && !r->is_null(0) ? r->i64(0) + 1 : 1;
}

// Groups of up to `size` people of one role, in id order, alternating weekdays.
std::vector<DemoGroup> make_groups(storage::Transaction& tx, const std::vector<std::pair<std::int64_t, std::int64_t>>& people,
                                   std::int64_t type, const std::string& name, const std::string& start,
                                   const std::string& end, int minutes, std::size_t size, std::int64_t team,
                                   int weekday, const std::string& created) {
  std::vector<DemoGroup> out;
  for (std::size_t i = 0; i < people.size(); i += size) {
    DemoGroup g;
    g.type_id = type;
    g.start = start;
    g.end = end;
    g.minutes = minutes;
    for (std::size_t k = i; k < std::min(people.size(), i + size); ++k) g.members.push_back(people[k].first);
    const std::string n = out.empty() && people.size() <= size ? name : name + " " + std::to_string(out.size() + 1);
    g.id = tx.query_one("INSERT INTO activity_groups (name, type_id, team_id, place, weekday, start_time, end_time, "
                        "valid_from, valid_to, topics, created_at, updated_at) VALUES ($1, $2, $3, 'Klubovna KREDO', $4, "
                        "$5, $6, '2023-10-01', '2025-09-30', $7, $8, $8) RETURNING id",
                        {n, type, team, weekday, start, end,
                         type == 1 ? "[\"feelings\",\"boundaries\"]" : "[\"parents_rights\",\"zapis\"]", created})
                 ->i64(0);
    out.push_back(std::move(g));
  }
  std::vector<storage::Params> rows;
  for (const auto& g : out)
    for (auto m : g.members) rows.push_back({g.id, m});
  insert_rows(tx, "INSERT INTO group_members (group_id, person_id) VALUES ", rows, 400);
  return out;
}

void small_extras(storage::Transaction& tx, const security::Actor& actor, std::int64_t now,
                  const std::vector<DemoGroup>& clubs, const std::vector<DemoGroup>& parents) {
  const std::string created = format_utc(now);
  // A parent who stopped coming: the last three parent meetings missed.
  if (!parents.empty() && !parents.front().members.empty()) {
    const std::int64_t who = parents.front().members.front();
    tx.exec("UPDATE attendance SET status = 'absent', minutes = NULL WHERE person_id = $1 AND activity_id IN (SELECT id "
            "FROM activities WHERE group_id = $2 ORDER BY date DESC LIMIT 3)",
            {who, parents.front().id});
  }
  // A trip with parents and children of the first club (a trip counts 6 hours).
  if (!clubs.empty()) {
    const std::int64_t trip =
        tx.query_one("INSERT INTO activities (type_id, group_id, team_id, date, start_time, end_time, duration_minutes, "
                     "place, notes, created_by, created_at, updated_at) SELECT id, NULL, $1, '2025-06-14', '09:00', "
                     "'17:00', 480, 'Moravský kras', 'Výlet s rodiči a dětmi.', 'terenni', $2, $2 FROM activity_types "
                     "WHERE code = 'trip' RETURNING id",
                     {tx.query_one("SELECT team_id FROM activity_groups WHERE id = $1", {clubs.front().id})->opt_i64(0),
                      created})
            ->i64(0);
    for (auto m : clubs.front().members) {
      tx.exec("INSERT INTO activity_participants (activity_id, person_id) VALUES ($1, $2)", {trip, m});
      tx.exec("INSERT INTO attendance (activity_id, person_id, status, minutes, recorded_by, recorded_at) VALUES "
              "($1, $2, 'present', NULL, 'terenni', $3)",
              {trip, m, created});
    }
  }
  // Assessments: each club child in September and in June, mostly better in June.
  auto fw = tx.query_one("SELECT id FROM competence_frameworks WHERE code = 'children' AND version = 1")->i64(0);
  auto indicators = tx.query("SELECT i.id FROM competence_indicators i JOIN competence_domains d ON d.id = i.domain_id "
                             "WHERE d.framework_id = $1 ORDER BY i.id",
                             {fw});
  int k = 0;
  for (const auto& club : clubs)
    for (auto child : club.members) {
      ++k;
      for (int round = 0; round < 2; ++round) {
        const std::int64_t a = tx.query_one("INSERT INTO assessments (person_id, framework_id, date, assessor, note, "
                                            "created_at, updated_at) VALUES ($1, $2, $3, 'terenni', $4, $5, $5) RETURNING id",
                                            {child, fw, round ? "2025-06-10" : "2024-09-20",
                                             round ? "Zlepšení v pojmenování pocitů." : "Vstupní hodnocení.", created})
                                ->i64(0);
        int j = 0;
        for (const auto& ind : indicators) {
          ++j;
          const int base = 1 + (k + j) % 2;
          const int level = std::min(4, base + (round && (k + j) % 5 != 0 ? 1 : 0));
          tx.exec("INSERT INTO assessment_levels (assessment_id, indicator_id, level) VALUES ($1, $2, $3)",
                  {a, ind.i64(0), level});
        }
        security::write_audit(tx, actor, {"create", "assessment", std::to_string(a), ""}, now);
      }
    }
  // Observations, two of them quotes for reports (a team member's, and a mother's with her consent).
  std::optional<std::int64_t> mother;
  if (!parents.empty() && parents.front().members.size() > 1) mother = parents.front().members[1];
  if (mother)
    tx.exec("INSERT INTO consents (person_id, purpose, school, given_by, representative_id, given_on, form, "
            "expires_on, created_at) VALUES ($1, 'publication', NULL, 'self', NULL, '2024-05-01', 'signed_paper', NULL, $2)",
            {*mother, created});
  struct Obs {
    const char* date;
    const char* text;
    const char* tags;
    bool quote;
    const char* role;
    bool with_mother;
    bool publishable;
  };
  const Obs obs[] = {
      {"2024-11-12", "Kluci najednou začali popisovat, jak se cítí.", "[\"emoce\",\"klub\"]", true, "team_member", false, true},
      {"2025-02-18", "Holky umí říct: stop, tohle mi nedělej.", "[\"hranice\"]", true, "team_member", false, true},
      {"2025-03-06", "Ve škole jsem se poprvé nebála zeptat, proč syna nevzali.", "[\"rodiče\",\"instituce\"]", true,
       "parent", true, true},
      {"2025-04-02", "Rodiče se na setkání domluvili, že k zápisu půjdou spolu.", "[\"zápis\"]", false, nullptr, false, false},
  };
  for (const auto& o : obs) {
    if (o.with_mother && !mother) continue;
    const std::int64_t id =
        tx.query_one("INSERT INTO observations (date, author, team_id, text, tags, is_quote, speaker_role, "
                     "speaker_person_id, publishable, created_at, updated_at) SELECT $1, 'terenni', team_id, $2, $3, $4, "
                     "$5, $6, $7, $8, $8 FROM users WHERE username = 'terenni' RETURNING id",
                     {o.date, o.text, o.tags, o.quote, o.role, o.with_mother ? storage::DbValue(*mother) : storage::DbValue(nullptr),
                      o.publishable, created})
            ->i64(0);
    if (o.with_mother) tx.exec("INSERT INTO observation_people (observation_id, person_id) VALUES ($1, $2)", {id, *mother});
    security::write_audit(tx, actor, {"create", "observation", std::to_string(id), ""}, now);
  }
}

}  // namespace

Result<std::vector<std::string>> load_demo_activities(Application& app, const std::string& scale) {
  const auto started = std::chrono::steady_clock::now();
  const bool national = scale == "national";
  const auto actor = security::system_actor("demo");
  const std::int64_t now = app.services().clock.now();
  const std::string created = format_utc(now);
  auto tx = app.db().begin(storage::TxMode::write);
  if (tx->query_one("SELECT 1 FROM activity_groups LIMIT 1")) return std::vector<std::string>{};
  const std::int64_t club_type = type_id(*tx, "child_group"), parent_type = type_id(*tx, "parent_group");
  // People per team: children for clubs, mothers and fathers for parent meetings.
  std::map<std::int64_t, std::vector<std::pair<std::int64_t, std::int64_t>>> children, adults;
  for (const auto& r : tx->query("SELECT p.id, p.role, f.team_id FROM people p JOIN families f ON f.id = p.family_id "
                                 "WHERE p.merged_into IS NULL ORDER BY p.id"))
    (r.str(1) == "child" ? children : adults)[r.i64(2)].push_back({r.i64(0), r.i64(2)});
  const std::size_t size = national ? 20 : 10;
  const int sessions = national ? 30 : 12;
  std::vector<DemoGroup> clubs, parents;
  std::vector<int> weekdays;
  std::vector<std::int64_t> teams;
  for (auto& [team, list] : children) {
    if (!national && list.size() > size) list.resize(size);
    auto gs = make_groups(*tx, list, club_type, "Úterní předškolní klub", "16:00", "17:30", 90, size, team, 2, created);
    for (auto& g : gs) {
      weekdays.push_back(2);
      teams.push_back(team);
      clubs.push_back(std::move(g));
    }
  }
  for (auto& [team, list] : adults) {
    if (!national && list.size() > size) list.resize(size);
    auto gs = make_groups(*tx, list, parent_type, "Setkání rodičů", "17:00", "18:30", 90, size, team, 4, created);
    for (auto& g : gs) {
      weekdays.push_back(4);
      teams.push_back(team);
      parents.push_back(std::move(g));
    }
  }
  std::vector<DemoGroup> all = clubs;
  all.insert(all.end(), parents.begin(), parents.end());
  const std::int64_t first = next_activity_id(*tx);
  const rules::Date start = *rules::Date::from_ymd(national ? 2024 : 2025, national ? 9 : 3, 1);
  write_sessions(*tx, all, weekdays, teams, start, sessions, created);
  if (national) {
    // Millions of rows: build the person indexes once afterwards (a sort) instead of row by row,
    // and give SQLite a larger page cache for this load (256 MB).
    if (tx->dialect() == storage::Dialect::sqlite) tx->exec("PRAGMA cache_size = -262144");
    tx->exec("DROP INDEX attendance_person");
    tx->exec("DROP INDEX activity_participants_person");
  }
  write_attendance(*tx, first, created);
  if (national) {
    tx->exec("CREATE INDEX activity_participants_person ON activity_participants(person_id)");
    tx->exec("CREATE INDEX attendance_person ON attendance(person_id, activity_id, status, minutes)");
    if (tx->dialect() == storage::Dialect::sqlite) tx->exec("PRAGMA cache_size = -2000");
  }
  if (!national) small_extras(*tx, actor, now, clubs, parents);
  const std::int64_t rows = tx->query_one("SELECT COUNT(*) FROM attendance")->i64(0);
  security::write_audit(*tx, actor,
                        {"demo_load", "attendance", "", json{{"groups", all.size()}, {"attendance_rows", rows}}.dump()},
                        now);
  tx->commit();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char took[32];
  std::snprintf(took, sizeof took, "%.1f", secs);
  return std::vector<std::string>{std::to_string(all.size()) + " demo groups, " + std::to_string(rows) +
                                  " attendance rows (" + took + " s)"};
}

}  // namespace kredo::app
