// People in a family: identity (with the optional rodné číslo), contact, relationships,
// ESF+ participation, consents, and special-category data (GDPR art. 9) behind its own permission.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/list_cache.hpp"
#include "domain/families.hpp"
#include "rules/czech_text.hpp"
#include "security/cipher.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

struct PersonContact {
  std::vector<std::string> phones;
  std::optional<std::string> email;
  std::string preferred_language = "cs";  // cs | rom | sk | other
  bool interpreter_needed = false;
};

struct Relationship {
  std::int64_t id = 0;
  std::int64_t other_person_id = 0;
  std::string other_name, type;
  bool legal_representative = false;
};

// ESF+ entry data; the four indicator answers are "yes" | "no" | "not_stated".
struct Participation {
  std::int64_t id = 0;
  std::int64_t version = 1;
  std::string entry_date;
  std::optional<std::string> exit_date, exit_reason;
  std::string third_country_national = "not_stated", foreign_background = "not_stated",
              housing_exclusion = "not_stated", rural = "not_stated";
};

struct Consent {
  std::int64_t id = 0;
  std::string purpose;
  std::optional<std::string> school;
  std::string given_by;
  std::optional<std::int64_t> representative_id;
  std::string given_on, form;
  std::optional<std::string> expires_on, withdrawn_on;
  std::string status;  // valid | expired | withdrawn (as of today)
};

struct SpecialItem {
  std::int64_t id = 0;
  std::string category, value;
  std::optional<std::string> note;
  std::string recorded_on, recorded_by;
  std::optional<std::int64_t> consent_id;
};

struct Person {
  std::int64_t id = 0;
  std::int64_t version = 1;
  std::int64_t family_id = 0;
  std::string role, given_names, surname;
  std::optional<std::string> preferred_name;
  std::string birth_date, gender;
  std::optional<std::string> rodne_cislo;  // stored digits; serialise only masked
  std::optional<std::string> nationality;
  std::optional<std::int64_t> education_isced;
  std::optional<std::string> labour_status;
  PersonContact contact;
  std::vector<Relationship> relationships;
  std::vector<Participation> participation;
  std::vector<Consent> consents;
  std::optional<std::vector<SpecialItem>> special_category;  // nullopt without the permission
  bool legal_hold = false;
  std::optional<std::string> anonymised_at;
  std::string created_at, updated_at;
};

// Fields of a create or a patch; in a patch an absent field is left alone.
struct PersonFields {
  std::optional<std::string> role, given_names, surname, birth_date, gender;
  std::optional<std::optional<std::string>> preferred_name, rodne_cislo, nationality, labour_status;
  std::optional<std::optional<std::int64_t>> education_isced;
  std::optional<PersonContact> contact;
  // Retention hold (GDPR erasure waits while it is set); coordinator or admin only. Updates only.
  std::optional<bool> legal_hold;
};

struct NewPerson {
  std::int64_t family_id = 0;
  PersonFields fields;
  bool confirm_not_duplicate = false;
};

struct PersonQuery {
  std::string q;
  std::string sort = "surname";  // surname | -surname | birth_date
  int page = 1;
  int page_size = 50;
};

struct PersonListItem {
  std::int64_t id = 0;
  std::string given_names, surname;
  std::optional<std::string> preferred_name;
  std::string birth_date, role;
  std::int64_t family_id = 0;
  std::string family_name;
};

struct PersonPage {
  std::vector<PersonListItem> items;
  std::int64_t total = 0;
  // The items as JSON, rendered once per computed page (see domain::ListCache).
  std::shared_ptr<RenderedOnce> rendered_items = std::make_shared<RenderedOnce>();
};

struct NewRelationship {
  std::int64_t other_person_id = 0;
  std::string type;
  bool legal_representative = false;
};

struct ParticipationFields {
  std::optional<std::string> entry_date;
  std::optional<std::optional<std::string>> exit_date, exit_reason;
  std::optional<std::string> third_country_national, foreign_background, housing_exclusion, rural;
};

struct NewConsent {
  std::string purpose;
  std::optional<std::string> school;
  std::string given_by;
  std::optional<std::int64_t> representative_id;
  std::string given_on, form;
  std::optional<std::string> expires_on;
};

struct NewSpecialItem {
  std::string category, value;
  std::optional<std::string> note;
};

class PersonService {
 public:
  // Special-category values and notes are stored encrypted with `cipher` (security/cipher.hpp).
  PersonService(storage::Database& db, const Clock& clock, const rules::CzechCollator& collator,
                const security::Cipher& cipher)
      : db_(db), clock_(clock), collator_(collator), cipher_(cipher) {}

  Result<Person> create(const security::Actor& actor, const NewPerson& input);
  Result<Person> get(const security::Actor& actor, std::int64_t id);
  Result<Person> update(const security::Actor& actor, std::int64_t id, std::int64_t version, const PersonFields& changes);
  Result<PersonPage> list(const security::Actor& actor, const PersonQuery& query);
  // The same answer without a copy: a page kept in the list cache is shared by every request answered with it.
  Result<std::shared_ptr<const PersonPage>> list_shared(const security::Actor& actor, const PersonQuery& query);

  Result<Relationship> add_relationship(const security::Actor& actor, std::int64_t person_id, const NewRelationship& input);
  Status delete_relationship(const security::Actor& actor, std::int64_t relationship_id);

  Result<Participation> add_participation(const security::Actor& actor, std::int64_t person_id,
                                          const ParticipationFields& input);
  Result<Participation> update_participation(const security::Actor& actor, std::int64_t participation_id,
                                             std::int64_t version, const ParticipationFields& changes);
  // The participation as stored now (for a 409's "current"), within the actor's scope.
  Result<Participation> get_participation(const security::Actor& actor, std::int64_t participation_id);

  Result<Consent> add_consent(const security::Actor& actor, std::int64_t person_id, const NewConsent& input);
  Result<Consent> withdraw_consent(const security::Actor& actor, std::int64_t consent_id, const std::string& reason);

  Result<std::vector<SpecialItem>> special_category(const security::Actor& actor, std::int64_t person_id);
  Result<SpecialItem> add_special_item(const security::Actor& actor, std::int64_t person_id, const NewSpecialItem& input);

  // Inside a caller's transaction, without scope checks or audit.
  std::optional<Person> load(storage::Transaction& tx, std::int64_t id, bool with_special_category) const;

 private:
  storage::Database& db_;
  const Clock& clock_;
  const rules::CzechCollator& collator_;
  const security::Cipher& cipher_;
  ListCache<PersonPage> list_cache_;
};

}  // namespace kredo::domain
