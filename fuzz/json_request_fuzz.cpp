// Fuzz target: a JSON request body as the API reads it (parse without exceptions, then typed fields).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "http/context.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string body(reinterpret_cast<const char*>(data), size);
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return 0;
  kredo::http::FieldReader f(j);
  (void)f.string("username", true, 64);
  (void)f.string("password", true, 256);
  (void)f.integer("version", false);
  (void)f.boolean("active", false);
  (void)f.error();
  return 0;
}
