// Families: the unit of casework (address, team, keyworker, status), their contact timeline,
// and the scoped, Czech-ordered family list with diacritics-insensitive search.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/list_cache.hpp"
#include "rules/czech_text.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

struct Address {
  std::string street, house_number;
  std::string district;     // a district code from brno_districts(), or empty
  std::string postal_code;  // five digits, stored without the space
  std::optional<std::int64_t> kod_adm;  // RÚIAN address place code
};

struct UserRef {
  std::int64_t id = 0;
  std::string username;
};

struct PersonSummary {
  std::int64_t id = 0;
  std::string role, given_names, surname;
  std::optional<std::string> preferred_name;
  std::string birth_date, gender;
};

struct Family {
  std::int64_t id = 0;
  std::int64_t version = 1;
  std::string name, team;
  std::optional<UserRef> keyworker;
  std::string status;
  std::optional<std::string> closed_reason;
  Address address;
  std::vector<PersonSummary> members;
  bool legal_hold = false;
  std::string created_at, updated_at;
};

struct NewFamily {
  std::string name, team;
  Address address;
  std::optional<std::int64_t> keyworker_id;
  std::optional<std::string> status;
};

struct FamilyChanges {
  std::int64_t version = 0;
  std::optional<std::string> name, team;
  std::optional<Address> address;
  std::optional<std::optional<std::int64_t>> keyworker_id;  // set, or set to null
  std::optional<std::string> status;
  std::optional<std::optional<std::string>> closed_reason;
  // Retention hold (GDPR erasure waits while it is set); coordinator or admin only.
  std::optional<bool> legal_hold;
};

struct FamilyQuery {
  std::string q, district, worker, status;
  std::string sort = "name";  // name | -name | updated | -updated
  int page = 1;
  int page_size = 50;
};

struct FamilyListItem {
  std::int64_t id = 0;
  std::string name, district, status, team;
  std::optional<UserRef> keyworker;
  std::int64_t members_count = 0, children_count = 0;
  std::vector<std::string> member_names;
  std::string updated_at;
};

struct FamilyPage {
  std::vector<FamilyListItem> items;
  std::int64_t total = 0;
  // The items as JSON, rendered once per computed page (see domain::ListCache).
  std::shared_ptr<RenderedOnce> rendered_items = std::make_shared<RenderedOnce>();
};

struct Contact {
  std::int64_t id = 0;
  std::string date, type, worker, summary;
  std::vector<std::int64_t> person_ids;
};

struct NewContact {
  std::string date, type, summary;
  std::vector<std::int64_t> person_ids;
};

class FamilyService {
 public:
  FamilyService(storage::Database& db, const Clock& clock, const rules::CzechCollator& collator)
      : db_(db), clock_(clock), collator_(collator) {}

  Result<Family> create(const security::Actor& actor, const NewFamily& input);
  Result<Family> get(const security::Actor& actor, std::int64_t id);
  Result<Family> update(const security::Actor& actor, std::int64_t id, const FamilyChanges& changes);
  Result<FamilyPage> list(const security::Actor& actor, const FamilyQuery& query);
  // The same answer without a copy: a page kept in the list cache is shared by every request answered with it.
  Result<std::shared_ptr<const FamilyPage>> list_shared(const security::Actor& actor, const FamilyQuery& query);
  Result<std::vector<Contact>> timeline(const security::Actor& actor, std::int64_t family_id);
  Result<Contact> add_contact(const security::Actor& actor, std::int64_t family_id, const NewContact& input);

  // Inside a caller's transaction, without scope checks or audit (loaders, other services).
  static std::optional<Family> load(storage::Transaction& tx, std::int64_t id);

 private:
  storage::Database& db_;
  const Clock& clock_;
  const rules::CzechCollator& collator_;
  ListCache<FamilyPage> list_cache_;
};

}  // namespace kredo::domain
