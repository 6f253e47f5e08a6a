// Expected failures travel as Result<T>: one error code enum with stable wire names,
// a client-facing message, and optional field errors (for 422 answers).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kredo {

enum class ErrorCode {
  invalid_request,
  validation_failed,
  unauthenticated,
  forbidden,
  not_found,
  conflict,
  payload_too_large,
  rate_limited,
  unavailable,
  internal,
};

const char* wire_name(ErrorCode code);

struct FieldError {
  std::string field;
  std::string message;
};

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
  std::vector<FieldError> fields;
  // Extra machine-readable detail for the client (e.g. duplicate candidates), as JSON text.
  std::string detail_json;

  static Error invalid_request(std::string msg) { return {ErrorCode::invalid_request, std::move(msg), {}, {}}; }
  static Error validation(std::vector<FieldError> fields, std::string msg = "Some fields are invalid.") {
    return {ErrorCode::validation_failed, std::move(msg), std::move(fields), {}};
  }
  static Error field(std::string field, std::string msg) {
    return validation({FieldError{std::move(field), std::move(msg)}});
  }
  static Error unauthenticated(std::string msg = "Login required.") { return {ErrorCode::unauthenticated, std::move(msg), {}, {}}; }
  static Error forbidden(std::string msg = "You are not allowed to do this.") { return {ErrorCode::forbidden, std::move(msg), {}, {}}; }
  static Error not_found(std::string msg = "Not found.") { return {ErrorCode::not_found, std::move(msg), {}, {}}; }
  static Error conflict(std::string msg) { return {ErrorCode::conflict, std::move(msg), {}, {}}; }
  static Error rate_limited(std::string msg) { return {ErrorCode::rate_limited, std::move(msg), {}, {}}; }
  static Error unavailable(std::string msg) { return {ErrorCode::unavailable, std::move(msg), {}, {}}; }
  static Error internal(std::string msg) { return {ErrorCode::internal, std::move(msg), {}, {}}; }
};

// Result<T>: a value or an Error (g++ 12 has no std::expected).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const& { return *error_; }
  Error&& error() && { return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

}  // namespace kredo

// Early return of the error of an expression that yields a Result.
#define KREDO_TRY(expr)                                   \
  do {                                                    \
    auto kredo_try_r_ = (expr);                           \
    if (!kredo_try_r_.ok()) return std::move(kredo_try_r_).error(); \
  } while (0)
