// The MŠMT school register (Rejstřík škol a školských zařízení) into `schools`, keyed by IZO.
// Two formats, told apart by content: the legacy XML `vrejcelk.xml` (streamed with libxml2's
// xmlTextReader) and the newer JSON-LD dump (streamed with nlohmann's SAX parser, one record at a
// time). Only MŠ (druh A00) and ZŠ (B00) are imported; other kinds are skipped and counted.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "importers/import_summary.hpp"
#include "rules/czech_text.hpp"
#include "storage/db/db.hpp"

namespace kredo::importers {

// One school or facility of a legal entity, as read (not yet validated).
struct RegisterFacility {
  std::size_t line = 0;
  std::string izo, name, kind;  // kind: SkolaDruhTyp / druh, e.g. "A00"
  std::string capacity;         // as written
  std::string ruian_code;       // of the first place of activity
  std::string address;          // MistoAdresa1..3 of the first place, joined by ", "
};

// A legal entity (právní subjekt, identified by RED_IZO) with its founder and facilities.
struct RegisterEntity {
  std::size_t line = 0;
  std::string red_izo, ico, name, ruian_code;
  std::string founder_name, founder_ico;  // the first founder
  std::vector<RegisterFacility> facilities;
};

enum class RegisterFormat { xml, jsonld };

// By the first non-blank character after an optional byte-order mark: '<' XML, '{' or '[' JSON-LD.
Result<RegisterFormat> detect_register_format(const std::string& path);

// Streams the entities of a file to `on_entity`. A malformed file stops reading: the error is
// returned as a RejectedRow with the line libxml2 / the JSON parser stopped at, after the entities
// before it were delivered. `progress` gets bytes read and the file size.
using EntitySink = std::function<void(const RegisterEntity&)>;
using ProgressSink = std::function<void(std::uint64_t, std::uint64_t)>;
std::optional<RejectedRow> read_register_xml(const std::string& path, const EntitySink& on_entity,
                                             const ProgressSink& progress = {});
std::optional<RejectedRow> read_register_jsonld(const std::string& path, const EntitySink& on_entity,
                                                const ProgressSink& progress = {});

// The municipality filter uses RÚIAN codes: a school is kept when the address place of its first
// place of activity (MistoRUAINKod) is in `addresses` with the municipality's Kód obce. So the
// municipality's RÚIAN addresses must be imported first (invalid_request otherwise). Address text
// ("Brno" in MistoAdresa) was not used: district names such as "Brno-venkov" would match it.
Result<ImportSummary> import_school_register(storage::Database& db, const Clock& clock,
                                             const rules::CzechCollator& collator, const std::string& path,
                                             const ImportOptions& options);

}  // namespace kredo::importers
