#include "importers/school_register.hpp"

#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <sys/stat.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <istream>
#include <nlohmann/json.hpp>
#include <streambuf>

#include "common/text.hpp"
#include "domain/schools.hpp"
#include "security/audit.hpp"

namespace kredo::importers {

namespace {

// XML text and attribute values are trimmed of newlines too.
constexpr std::string_view kXmlSpace = " \t\r\n";
constexpr const char* kCountMunicipalityAddresses = "SELECT COUNT(*) FROM addresses WHERE kod_obce = $1";
constexpr const char* kSelectAddressMunicipality = "SELECT kod_obce FROM addresses WHERE kod_adm = $1";

std::uint64_t file_size(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
}

// ---------------------------------------------------------------- legacy XML (vrejcelk.xml)

struct XmlState {
  std::optional<RejectedRow> error;
};

// The structured handler gets the parser's own line (where reading failed); the plain reader
// handler's locator reports the line of the open element instead.
void on_xml_error(void* arg, xmlErrorPtr error) {
  auto* state = static_cast<XmlState*>(arg);
  if (state->error || !error || error->level < XML_ERR_ERROR) return;
  state->error = RejectedRow{static_cast<std::size_t>(std::max(0, error->line)),
                             "malformed XML: " + text::trim(error->message ? error->message : "", kXmlSpace)};
}

class XmlEntityReader {
 public:
  XmlEntityReader(const EntitySink& sink) : sink_(sink) {}

  void start(std::string_view name, std::size_t line) {
    text_.clear();
    if (name == "PravniSubjekt") {
      entity_ = RegisterEntity{};
      entity_.line = line;
      in_entity_ = true;
      founders_ = 0;
    } else if (name == "Zrizovatel") {
      in_founder_ = true;
      ++founders_;
    } else if (name == "SkolaZarizeni") {
      facility_ = RegisterFacility{};
      facility_.line = line;
      in_facility_ = true;
      places_ = 0;
    } else if (name == "SkolaMistoVykonuCinnosti") {
      in_place_ = true;
      ++places_;
    }
  }

  void text(const char* t) { text_ += t; }

  void end(std::string_view name) {
    const std::string value = text::trim(text_, kXmlSpace);
    text_.clear();
    if (!in_entity_) return;
    if (in_place_) {
      if (name == "SkolaMistoVykonuCinnosti") in_place_ = false;
      else if (places_ == 1 && name == "MistoRUAINKod") facility_.ruian_code = value;
      else if (places_ == 1 && (name == "MistoAdresa1" || name == "MistoAdresa2" || name == "MistoAdresa3") &&
               !value.empty())
        facility_.address += (facility_.address.empty() ? "" : ", ") + value;
      return;
    }
    if (in_facility_) {
      if (name == "SkolaZarizeni") {
        in_facility_ = false;
        entity_.facilities.push_back(std::move(facility_));
      } else if (name == "IZO") facility_.izo = value;
      else if (name == "SkolaPlnyNazev") facility_.name = value;
      else if (name == "SkolaDruhTyp") facility_.kind = value;
      else if (name == "SkolaKapacita") facility_.capacity = value;
      return;
    }
    if (in_founder_) {
      if (name == "Zrizovatel") in_founder_ = false;
      else if (founders_ == 1 && name == "ZrizICO") entity_.founder_ico = value;
      else if (founders_ == 1 && name == "ZrizNazev") entity_.founder_name = value;
      return;
    }
    if (name == "PravniSubjekt") {
      in_entity_ = false;
      sink_(entity_);
    } else if (name == "RedIzo") entity_.red_izo = value;
    else if (name == "ICO") entity_.ico = value;
    else if (name == "RedPlnyNazev") entity_.name = value;
    else if (name == "RedRUAINKod") entity_.ruian_code = value;
  }

 private:
  const EntitySink& sink_;
  RegisterEntity entity_;
  RegisterFacility facility_;
  std::string text_;
  bool in_entity_ = false, in_founder_ = false, in_facility_ = false, in_place_ = false;
  int founders_ = 0, places_ = 0;
};

// ---------------------------------------------------------------- JSON-LD

// A streambuf over a FILE that knows the line of the next unread byte and the bytes consumed.
class CountingBuf : public std::streambuf {
 public:
  explicit CountingBuf(std::FILE* f) : file_(f), buffer_(1 << 16) {}
  std::size_t line() {
    count();
    return line_;
  }
  std::uint64_t consumed() const { return base_ + static_cast<std::uint64_t>(gptr() - eback()); }

 protected:
  int_type underflow() override {
    count();
    base_ += static_cast<std::uint64_t>(egptr() - eback());
    const std::size_t n = std::fread(buffer_.data(), 1, buffer_.size(), file_);
    if (n == 0) return traits_type::eof();
    setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
    counted_ = buffer_.data();
    return traits_type::to_int_type(*gptr());
  }

 private:
  void count() {
    for (const char* p = counted_; p && p < gptr(); ++p)
      if (*p == '\n') ++line_;
    counted_ = gptr();
  }

  std::FILE* file_;
  std::vector<char> buffer_;
  const char* counted_ = nullptr;
  std::size_t line_ = 1;
  std::uint64_t base_ = 0;
};

std::string text_of(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  if (v.is_number_float()) return v.dump();
  return {};
}

// The first of several possible keys that holds text.
std::string first_text(const nlohmann::json& obj, std::initializer_list<const char*> keys) {
  if (!obj.is_object()) return {};
  for (const char* k : keys) {
    auto it = obj.find(k);
    if (it != obj.end()) {
      std::string t = text_of(*it);
      if (!t.empty()) return t;
    }
  }
  return {};
}

const nlohmann::json& first_element(const nlohmann::json& obj, const char* key) {
  static const nlohmann::json kNull;
  if (!obj.is_object()) return kNull;
  auto it = obj.find(key);
  if (it == obj.end()) return kNull;
  if (it->is_array()) return it->empty() ? kNull : it->front();
  return *it;
}

// `druh` as a code ("A00"), an IRI ending in the code, or an object with kod / @id.
std::string kind_code(const nlohmann::json& v) {
  std::string s = v.is_object() ? first_text(v, {"kod", "@id", "id"}) : text_of(v);
  const auto slash = s.find_last_of("/#");
  return slash == std::string::npos ? s : s.substr(slash + 1);
}

RegisterEntity entity_from_json(const nlohmann::json& r, std::size_t line) {
  RegisterEntity e;
  e.line = line;
  e.red_izo = first_text(r, {"redIzo"});
  e.ico = first_text(r, {"ico"});
  e.name = first_text(r, {"uplnyNazev", "nazev", "redPlnyNazev"});
  e.ruian_code = first_text(r, {"ruianKod", "adresaRuianKod"});
  const auto& founder = first_element(r, "zrizovatele");
  e.founder_name = first_text(founder, {"nazev", "uplnyNazev"});
  e.founder_ico = first_text(founder, {"ico"});
  auto it = r.find("skolyAZarizeni");
  if (it != r.end() && it->is_array()) {
    for (const auto& s : *it) {
      RegisterFacility f;
      f.line = line;
      f.izo = first_text(s, {"izo"});
      f.name = first_text(s, {"uplnyNazev", "nazev"});
      if (s.is_object() && s.contains("druh")) f.kind = kind_code(s.at("druh"));
      const auto& capacity = first_element(s, "kapacity");
      f.capacity = capacity.is_object() ? first_text(capacity, {"kapacita", "hodnota"}) : text_of(capacity);
      const auto& place = first_element(s, "mistaVykonuCinnosti");
      f.ruian_code = first_text(place, {"ruianKod", "adresniMistoKod"});
      f.address = first_text(place, {"adresa"});
      e.facilities.push_back(std::move(f));
    }
  }
  return e;
}

// SAX handler that builds one record at a time: records are the objects in the root array or in an
// array-valued member of the root object ("@graph"). Objects there without redIzo or
// skolyAZarizeni (e.g. an array-valued "@context") are not records and are dropped.
class RecordSax {
 public:
  using json = nlohmann::json;
  RecordSax(CountingBuf& buf, const EntitySink& sink, const ProgressSink& progress, std::uint64_t total)
      : buf_(buf), sink_(sink), progress_(progress), total_(total) {}

  bool null() { return value(nullptr); }
  bool boolean(bool v) { return value(v); }
  bool number_integer(json::number_integer_t v) { return value(v); }
  bool number_unsigned(json::number_unsigned_t v) { return value(v); }
  bool number_float(json::number_float_t v, const std::string&) { return value(v); }
  bool string(std::string& v) { return value(std::move(v)); }
  bool binary(json::binary_t&) { return true; }
  bool key(std::string& k) {
    key_ = std::move(k);
    return true;
  }
  bool start_object(std::size_t) {
    if (stack_.empty() && depth_ == record_depth_) {
      record_ = json::object();
      record_line_ = buf_.line();
      stack_.push_back(&record_);
    } else if (!stack_.empty()) {
      stack_.push_back(add(json::object()));
    }
    ++depth_;
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) {
    if (stack_.empty()) {
      if (record_depth_ < 0 && (depth_ == 0 || depth_ == 1)) record_depth_ = depth_ + 1;
    } else {
      stack_.push_back(add(json::array()));
    }
    ++depth_;
    return true;
  }
  bool end_array() { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) {
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 3, column 5: ..." -> keep the reason.
    const auto colon = what.find(": ");
    error_ = RejectedRow{buf_.line(), "malformed JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2))};
    return false;
  }

  const std::optional<RejectedRow>& error() const { return error_; }
  bool saw_records() const { return delivered_ > 0; }

 private:
  json* add(json v) {
    json& top = *stack_.back();
    if (top.is_object()) {
      json& slot = top[key_];
      slot = std::move(v);
      return &slot;
    }
    top.push_back(std::move(v));
    return &top.back();
  }
  bool value(json v) {
    if (!stack_.empty()) add(std::move(v));
    return true;
  }
  bool close() {
    --depth_;
    if (stack_.empty()) {
      if (depth_ + 1 == record_depth_) record_depth_ = -1;  // the record array ended: look for another
      return true;
    }
    stack_.pop_back();
    if (stack_.empty()) {
      if (record_.contains("redIzo") || record_.contains("skolyAZarizeni")) {
        sink_(entity_from_json(record_, record_line_));
        ++delivered_;
      }
      record_ = json();
      if (progress_ && ++records_ % 256 == 0) progress_(buf_.consumed(), total_);
    }
    return true;
  }

  CountingBuf& buf_;
  const EntitySink& sink_;
  const ProgressSink& progress_;
  std::uint64_t total_;
  int depth_ = 0;
  int record_depth_ = -1;
  std::vector<json*> stack_;
  json record_;
  std::size_t record_line_ = 0;
  std::string key_;
  std::uint64_t records_ = 0;
  std::uint64_t delivered_ = 0;
  std::optional<RejectedRow> error_;
};

// ---------------------------------------------------------------- validation and writing

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

class RegisterWriter {
 public:
  RegisterWriter(storage::Transaction& tx, const Clock& clock, const rules::CzechCollator& collator,
                 const ImportOptions& options, ImportSummary& summary)
      : tx_(tx), clock_(clock), collator_(collator), options_(options), summary_(summary) {}

  void write(const RegisterEntity& e) {
    for (const auto& f : e.facilities) write_facility(e, f);
  }

 private:
  void write_facility(const RegisterEntity& e, const RegisterFacility& f) {
    const std::string kind = text::trim(f.kind, kXmlSpace);
    std::string type;
    if (kind == "A00") type = "ms";
    else if (kind == "B00") type = "zs";
    else {
      summary_.skip("other kind " + (kind.empty() ? std::string("(none)") : kind));
      return;
    }
    domain::RegisterSchool s;
    s.type = type;
    s.izo = text::trim(f.izo, kXmlSpace);
    if (!domain::is_valid_izo(s.izo)) {
      summary_.reject(f.line, "IZO '" + s.izo + "' is not 6 to 9 digits");
      return;
    }
    s.name = text::trim(f.name, kXmlSpace).empty() ? text::trim(e.name, kXmlSpace) : text::trim(f.name, kXmlSpace);
    if (s.name.empty()) {
      summary_.reject(f.line, "IZO " + s.izo + ": the school has no name");
      return;
    }
    if (const std::string red = text::trim(e.red_izo, kXmlSpace); !red.empty()) {
      if (!domain::is_valid_izo(red)) {
        summary_.reject(f.line, "IZO " + s.izo + ": RED_IZO '" + red + "' is not 6 to 9 digits");
        return;
      }
      s.red_izo = red;
    }
    if (const std::string cap = text::trim(f.capacity, kXmlSpace); !cap.empty()) {
      std::int64_t v = 0;
      auto [p, ec] = std::from_chars(cap.data(), cap.data() + cap.size(), v);
      if (ec != std::errc() || p != cap.data() + cap.size() || v < 0) {
        summary_.reject(f.line, "IZO " + s.izo + ": capacity '" + cap + "' is not a whole number");
        return;
      }
      s.capacity = v;
    }
    const std::string ruian = text::trim(f.ruian_code, kXmlSpace).empty() ? text::trim(e.ruian_code, kXmlSpace) : text::trim(f.ruian_code, kXmlSpace);
    if (!ruian.empty()) {
      if (!digits(ruian) || ruian.size() > 18) {
        summary_.reject(f.line, "IZO " + s.izo + ": RÚIAN code '" + ruian + "' is not a number");
        return;
      }
      s.ruian_code = std::stoll(ruian);
    }
    if (std::string ico = text::trim(e.founder_ico, kXmlSpace); !ico.empty()) {
      // Spreadsheets and older exports drop leading zeros of IČO.
      if (digits(ico) && ico.size() < 8) ico.insert(0, 8 - ico.size(), '0');
      if (!domain::is_valid_ico(ico)) {
        summary_.reject(f.line, "IZO " + s.izo + ": founder IČO '" + ico + "' is not 8 digits");
        return;
      }
      s.founder_ico = ico;
    }
    if (const std::string n = text::trim(e.founder_name, kXmlSpace); !n.empty()) s.founder_name = n;
    if (!text::trim(f.address, kXmlSpace).empty()) s.address = text::trim(f.address, kXmlSpace);

    if (options_.municipality) {
      if (!s.ruian_code) {
        summary_.skip("no RÚIAN code, municipality unknown");
        return;
      }
      auto r = tx_.query_one(kSelectAddressMunicipality, {*s.ruian_code});
      if (!r || r->i64(0) != *options_.municipality) {
        summary_.skip("outside municipality");
        return;
      }
    }
    if (options_.all_or_nothing && !summary_.clean()) return;  // only validating from here on
    switch (domain::upsert_register_school(tx_, collator_, s, clock_.now())) {
      case domain::UpsertOutcome::created: ++summary_.created; break;
      case domain::UpsertOutcome::updated: ++summary_.updated; break;
      case domain::UpsertOutcome::unchanged: ++summary_.unchanged; break;
    }
  }

  storage::Transaction& tx_;
  const Clock& clock_;
  const rules::CzechCollator& collator_;
  const ImportOptions& options_;
  ImportSummary& summary_;
};

}  // namespace

Result<RegisterFormat> detect_register_format(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Error::invalid_request("cannot open '" + path + "': " + std::strerror(errno));
  char buf[4096];
  const std::size_t n = std::fread(buf, 1, sizeof buf, f);
  std::fclose(f);
  std::string_view head(buf, n);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  const auto first = head.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos) {
    if (head[first] == '<') return RegisterFormat::xml;
    if (head[first] == '{' || head[first] == '[') return RegisterFormat::jsonld;
  }
  return Error::invalid_request("'" + path + "' is neither the register's XML nor its JSON-LD dump");
}

std::optional<RejectedRow> read_register_xml(const std::string& path, const EntitySink& on_entity,
                                             const ProgressSink& progress) {
  xmlTextReaderPtr reader = xmlReaderForFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  if (!reader) return RejectedRow{0, "cannot open '" + path + "' as XML"};
  XmlState state;
  xmlTextReaderSetStructuredErrorHandler(reader, &on_xml_error, &state);
  XmlEntityReader entities(on_entity);
  const std::uint64_t total = file_size(path);
  std::uint64_t nodes = 0;
  int ret = 0;
  while ((ret = xmlTextReaderRead(reader)) == 1) {
    const int type = xmlTextReaderNodeType(reader);
    if (type == XML_READER_TYPE_ELEMENT) {
      const auto* name = reinterpret_cast<const char*>(xmlTextReaderConstLocalName(reader));
      const long line = xmlGetLineNo(xmlTextReaderCurrentNode(reader));
      entities.start(name, line > 0 ? static_cast<std::size_t>(line) : 0);
      if (xmlTextReaderIsEmptyElement(reader)) entities.end(name);
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      entities.end(reinterpret_cast<const char*>(xmlTextReaderConstLocalName(reader)));
    } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) {
      entities.text(reinterpret_cast<const char*>(xmlTextReaderConstValue(reader)));
    }
    if (progress && ++nodes % 65536 == 0)
      progress(static_cast<std::uint64_t>(std::max(0L, xmlTextReaderByteConsumed(reader))), total);
  }
  std::optional<RejectedRow> error = state.error;
  if (ret < 0 && !error)
    error = RejectedRow{static_cast<std::size_t>(std::max(0, xmlTextReaderGetParserLineNumber(reader))),
                        "malformed XML"};
  if (progress) progress(total, total);
  xmlFreeTextReader(reader);
  return error;
}

std::optional<RejectedRow> read_register_jsonld(const std::string& path, const EntitySink& on_entity,
                                                const ProgressSink& progress) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return RejectedRow{0, "cannot open '" + path + "': " + std::strerror(errno)};
  CountingBuf buf(f);
  std::istream in(&buf);
  RecordSax sax(buf, on_entity, progress, file_size(path));
  nlohmann::json::sax_parse(in, &sax);
  std::fclose(f);
  if (progress) progress(file_size(path), file_size(path));
  if (sax.error()) return sax.error();
  if (!sax.saw_records()) return RejectedRow{1, "no records: expected an array of register records or \"@graph\""};
  return std::nullopt;
}

Result<ImportSummary> import_school_register(storage::Database& db, const Clock& clock,
                                             const rules::CzechCollator& collator, const std::string& path,
                                             const ImportOptions& options) {
  auto format = detect_register_format(path);
  if (!format) return std::move(format).error();
  ImportSummary summary;
  summary.kind = "schools";
  summary.format = *format == RegisterFormat::xml ? "register-xml" : "register-jsonld";

  auto tx = db.begin(storage::TxMode::write);
  if (options.municipality && tx->query_one(kCountMunicipalityAddresses, {*options.municipality})->i64(0) == 0)
    return Error::invalid_request("no RÚIAN addresses of municipality " + std::to_string(*options.municipality) +
                                  " are imported: the municipality filter needs them (kredo import addresses FILE)");
  RegisterWriter writer(*tx, clock, collator, options, summary);
  EntitySink sink = [&writer](const RegisterEntity& e) { writer.write(e); };
  summary.fatal = *format == RegisterFormat::xml ? read_register_xml(path, sink, options.progress)
                                                 : read_register_jsonld(path, sink, options.progress);
  if (options.all_or_nothing && !summary.clean()) {
    summary.created = summary.updated = summary.unchanged = 0;
    return summary;  // the transaction rolls back
  }
  security::write_audit(*tx, security::system_actor("import"),
                        {"import", "schools", "", nlohmann::json{{"file", path},
                                                                  {"format", summary.format},
                                                                  {"created", summary.created},
                                                                  {"updated", summary.updated},
                                                                  {"rejected", summary.rejected_total}}
                                                      .dump()},
                        clock.now());
  tx->commit();
  summary.committed = true;
  return summary;
}

}  // namespace kredo::importers
