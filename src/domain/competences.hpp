// Competence frameworks (versioned data: domains, indicators, rubric levels with cs/en texts),
// assessments of a person against one framework version, progress per person and per cohort;
// and observations — qualitative notes, quotes with a speaker role and a publication-consent check.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

struct NewAssessment {
  std::int64_t person_id = 0;
  std::optional<std::int64_t> framework_id;  // default: the latest version for the person's role
  std::string date;
  std::optional<std::string> note;
  std::vector<std::pair<std::string, std::int64_t>> levels;  // indicator code → level
};

class CompetenceService {
 public:
  CompetenceService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Latest version of each framework (all versions with all_versions).
  nlohmann::json frameworks(bool all_versions);
  Result<nlohmann::json> framework(std::int64_t id);
  // A new version of the framework `code` (version = last + 1); old versions and their
  // assessments stay as they are. Body: {code, audience, name_cs, name_en, levels[], domains[]}.
  Result<nlohmann::json> create_version(const security::Actor& actor, const nlohmann::json& body);

  Result<nlohmann::json> create_assessment(const security::Actor& actor, const NewAssessment& in);
  Result<nlohmann::json> update_assessment(const security::Actor& actor, std::int64_t id, std::int64_t version,
                                           const NewAssessment& in);
  Result<nlohmann::json> get_assessment(const security::Actor& actor, std::int64_t id);
  Result<nlohmann::json> person_assessments(const security::Actor& actor, std::int64_t person_id);
  // Per domain (by code, across framework versions): the mean level at each assessment date.
  Result<nlohmann::json> person_progress(const security::Actor& actor, std::int64_t person_id);
  // Per domain: people with two or more assessments, how many improved / stayed / declined between
  // the first and the latest, and the share improving. Aggregate (analysts may read it).
  Result<nlohmann::json> cohort_progress(const security::Actor& actor, const std::string& framework_code,
                                         const std::string& from, const std::string& to);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

struct ObservationFields {
  std::optional<std::string> date, text, speaker_role;
  std::optional<std::vector<std::int64_t>> person_ids;
  std::optional<std::vector<std::string>> tags;
  std::optional<bool> is_quote, publishable;
  std::optional<std::optional<std::int64_t>> speaker_person_id;
};

struct ObservationQuery {
  std::string from, to, tag;
  std::optional<std::int64_t> person_id;
  std::optional<bool> quotes_only;
  int page = 1;
  int page_size = 50;
};

class ObservationService {
 public:
  ObservationService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<nlohmann::json> create(const security::Actor& actor, const ObservationFields& in);
  Result<nlohmann::json> get(const security::Actor& actor, std::int64_t id);
  Result<nlohmann::json> update(const security::Actor& actor, std::int64_t id, std::int64_t version,
                                const ObservationFields& ch);
  Result<nlohmann::json> list(const security::Actor& actor, const ObservationQuery& q);
  // Quotes marked publishable whose speaker's publication consent is still valid today: text, date,
  // speaker role and tags only — no names (for public reports; analysts may read it).
  Result<nlohmann::json> publishable_quotes(const security::Actor& actor, const std::string& from,
                                            const std::string& to);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace kredo::domain
