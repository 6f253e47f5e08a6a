// Documents for parents: templates as data (code, language, version; editing makes a new version),
// letters generated from a person's data and the caller's values, each stored with its template
// version and SHA-256 and served again byte for byte; and the "Kam se obrátit" guide.
// Templates and the guide are not personal data (every role reads them; coordinators and admins
// edit); generated documents are (team scope, audited as entity "document").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "security/cipher.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

struct DocumentTemplate {
  std::int64_t id = 0;
  std::string code, language;
  std::int64_t version = 1;
  std::string title, addressee, body;
  std::vector<std::string> placeholders;  // in the title, addressee and body, in order
  std::string created_at, created_by;
};

struct NewTemplateVersion {
  std::string language = "cs";
  std::string title, addressee, body;
  // The version the editor started from (the newest one in that language): a newer one -> 409.
  // Absent only when the template has no version in that language yet.
  std::optional<std::int64_t> base_version;
};

struct GenerateDocument {
  std::string template_code;
  std::string language = "cs";
  std::optional<std::int64_t> school_id;
  std::optional<std::int64_t> parent_id;  // the signing parent; default: the child's legal representative
  std::optional<std::int64_t> enrollment_case_id;
  std::map<std::string, std::string> fields;  // values for placeholders (override the automatic ones)
};

struct StoredDocument {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string template_code, template_language;
  std::int64_t template_version = 0;
  std::string title;
  std::optional<std::int64_t> school_id, enrollment_case_id;
  std::int64_t size_bytes = 0;
  std::string sha256, created_at, created_by;
};

struct GuideInstitution {
  std::int64_t id = 0;
  std::string code, language;
  std::int64_t position = 0;
  std::string name, address, what_they_do;
  std::int64_t version = 1;
  std::string updated_at, updated_by;
};

struct GuideInstitutionInput {
  std::int64_t version = 0;  // 0 = creating the row of a language that has none yet
  std::optional<std::int64_t> position;
  std::string name, address, what_they_do;
};

// The Czech defaults seeded on first use.
std::vector<DocumentTemplate> default_document_templates();
std::vector<GuideInstitution> default_guide_institutions();

class DocumentService {
 public:
  // With a cipher, generated letters (they carry names and addresses) are stored encrypted.
  DocumentService(storage::Database& db, const Clock& clock, const security::Cipher* cipher = nullptr)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // The newest version of every template (language "" = all languages).
  Result<std::vector<DocumentTemplate>> templates(const security::Actor& actor, const std::string& language = "");
  // Every version of one template, newest first; not_found for an unknown code.
  Result<std::vector<DocumentTemplate>> template_versions(const security::Actor& actor, const std::string& code);
  Result<DocumentTemplate> add_template_version(const security::Actor& actor, const std::string& code,
                                                const NewTemplateVersion& input);

  Result<StoredDocument> generate(const security::Actor& actor, std::int64_t person_id, const GenerateDocument& input);
  Result<std::vector<StoredDocument>> person_documents(const security::Actor& actor, std::int64_t person_id);
  // The stored record and its PDF bytes.
  Result<std::pair<StoredDocument, std::string>> document_pdf(const security::Actor& actor, std::int64_t id);

  // lang "cs" or "rom"; Romani entries fall back to Czech (with a note) where their text is empty.
  Result<std::vector<GuideInstitution>> guide_institutions(const security::Actor& actor, const std::string& lang);
  Result<GuideInstitution> update_guide_institution(const security::Actor& actor, const std::string& code,
                                                    const std::string& lang, const GuideInstitutionInput& input);
  Result<std::string> where_to_turn_pdf(const security::Actor& actor, const std::string& lang);

 private:
  void ensure_defaults();

  storage::Database& db_;
  const Clock& clock_;
  const security::Cipher* cipher_;
};

}  // namespace kredo::domain
