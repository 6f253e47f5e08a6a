#include "storage/db/row_stream.hpp"

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <string>

namespace kredo::storage {

namespace {

[[noreturn]] void null_cell(std::size_t i) {
  throw DbError(DbErrorKind::other, "column " + std::to_string(i) + " is null");
}
[[noreturn]] void not_a_number(std::size_t i) {
  throw DbError(DbErrorKind::other, "column " + std::to_string(i) + " is not a number");
}

// std::stod's answer for `t` (Row::f64 uses it): strtod over the text, an error when nothing was
// converted or the value is out of range.
bool parse_double(std::string_view t, double& out) {
  char small[64];
  std::string big;
  const char* s;
  if (t.size() < sizeof small) {
    std::memcpy(small, t.data(), t.size());
    small[t.size()] = '\0';
    s = small;
  } else {
    big.assign(t);
    s = big.c_str();
  }
  char* end = nullptr;
  const int saved = errno;
  errno = 0;
  const double v = std::strtod(s, &end);
  const bool ok = end != s && errno != ERANGE;
  if (errno == 0) errno = saved;
  out = v;
  return ok;
}

}  // namespace

std::int64_t RowView::i64(std::size_t i) const {
  const Cell& c = cells_.at(i);
  if (c.kind == Kind::null) null_cell(i);
  if (c.kind == Kind::integer) return c.integer;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(c.text.data(), c.text.data() + c.text.size(), v);
  if (ec != std::errc() || p != c.text.data() + c.text.size()) {
    // SQLite may hand back a real for an integer expression (e.g. SUM over reals).
    double d = 0;
    if (!parse_double(c.text, d)) not_a_number(i);
    return static_cast<std::int64_t>(d);
  }
  return v;
}

double RowView::f64(std::size_t i) const {
  const Cell& c = cells_.at(i);
  if (c.kind == Kind::null) null_cell(i);
  if (c.kind == Kind::integer) return static_cast<double>(c.integer);  // = stod of its decimal text
  double d = 0;
  if (!parse_double(c.text, d)) not_a_number(i);
  return d;
}

std::string_view RowView::str(std::size_t i) const {
  const Cell& c = cells_.at(i);
  if (c.kind == Kind::null) null_cell(i);
  if (c.kind == Kind::text) return c.text;
  auto [p, ec] = std::to_chars(c.digits, c.digits + sizeof c.digits, c.integer);
  (void)ec;
  return {c.digits, static_cast<std::size_t>(p - c.digits)};
}

void for_each_row(Transaction& tx, std::string_view sql, const Params& params, const RowCallback& fn) {
  if (auto* s = dynamic_cast<RowStreaming*>(&tx)) {
    s->stream_rows(sql, params, fn);
    return;
  }
  const Rows rows = tx.query(sql, params);
  RowView view;
  for (const auto& r : rows) {
    view.resize(r.size());
    for (std::size_t c = 0; c < r.size(); ++c) {
      if (r.is_null(c)) view.set_null(c);
      else view.set_text(c, r.str(c));
    }
    fn(view);
  }
}

}  // namespace kredo::storage
