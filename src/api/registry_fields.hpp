// Reading the case registry's request bodies: nullable fields, nested address/contact objects, ids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/families.hpp"
#include "domain/people.hpp"
#include "http/context.hpp"

namespace kredo::api {

// Absent → nullopt; null → set to nullopt; a string → set to it.
std::optional<std::optional<std::string>> nullable_string(http::FieldReader& f, const std::string& name,
                                                          std::size_t max_len);
std::optional<std::optional<std::int64_t>> nullable_integer(http::FieldReader& f, const std::string& name);
// The "address" object; field errors are named "address.<field>".
std::optional<domain::Address> read_address(const nlohmann::json& body, http::FieldReader& f, bool required);
std::optional<domain::PersonContact> read_contact(const nlohmann::json& body, http::FieldReader& f);
// A numeric path parameter; ids too large for 64 bits are simply not found.
Result<std::int64_t> path_id(const http::RequestContext& ctx, std::size_t index);
// Whether the request carries a body at all (for endpoints whose body is optional).
bool has_body(const http::RequestContext& ctx);

}  // namespace kredo::api
