// Data-protection work on the registry: merging duplicate people (undoable for 30 days),
// the subject-access export, anonymisation under a retention hold, and the retention run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/families.hpp"
#include "domain/people.hpp"
#include "rules/czech_text.hpp"
#include "security/audit.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

struct Merge {
  std::int64_t id = 0;
  std::int64_t person_id = 0, duplicate_id = 0;
  std::string merged_at, merged_by, undo_until;
  std::optional<std::string> undone_at;
};

// Everything held about one person (GDPR art. 15).
struct PersonExport {
  Person person;
  Family family;
  std::vector<Contact> contacts;  // contacts that name the person
  std::vector<security::AuditRecord> audit;
  std::string exported_at;
};

struct RetentionPolicy {
  int years_after_project_end = 10;
  std::string project_end = "2025-09-30";
  std::string retention_end;  // project_end + years
};

struct RetentionCandidate {
  std::int64_t id = 0;
  std::int64_t family_id = 0;
  std::string given_names, surname, birth_date;
};

class GdprService {
 public:
  static constexpr int kUndoDays = 30;

  GdprService(storage::Database& db, const Clock& clock, const rules::CzechCollator& collator, PersonService& people)
      : db_(db), clock_(clock), collator_(collator), people_(people) {}

  // Coordinators and admins only. Moves every record of the duplicate to the survivor.
  Result<Person> merge(const security::Actor& actor, std::int64_t person_id, std::int64_t duplicate_id,
                       std::int64_t version);
  Result<std::vector<Merge>> merges(const security::Actor& actor);
  Result<Merge> undo_merge(const security::Actor& actor, std::int64_t merge_id);

  Result<PersonExport> export_person(const security::Actor& actor, std::int64_t person_id);

  Result<Person> anonymise(const security::Actor& actor, std::int64_t person_id);
  RetentionPolicy retention_policy();
  // People whose retention has ended and who are not on legal hold.
  Result<std::vector<RetentionCandidate>> retention_candidates(const security::Actor& actor);
  // Anonymises every candidate in one transaction; returns how many.
  Result<std::int64_t> apply_retention(const security::Actor& actor);

 private:
  RetentionPolicy retention_policy(storage::Transaction& tx);
  void anonymise_in(storage::Transaction& tx, const security::Actor& actor, std::int64_t person_id);

  storage::Database& db_;
  const Clock& clock_;
  const rules::CzechCollator& collator_;
  PersonService& people_;
};

}  // namespace kredo::domain
