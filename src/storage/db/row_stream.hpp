// Streaming a query's rows to a callback, without building Rows: for reads of many rows (the
// indicator engine reads 100,000s). The cells are views into the driver's buffers (SQLite's current
// row, PostgreSQL's result), valid during the callback only; an integer from SQLite stays an integer
// (no text made for it unless asked). The getters answer exactly as Row's do for the same cell.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "storage/db/db.hpp"

namespace kredo::storage {

class RowView {
 public:
  std::size_t size() const { return cells_.size(); }
  bool is_null(std::size_t i) const { return cells_.at(i).kind == Kind::null; }
  // Throw DbError(other) on null or a non-number where a number is required, as Row's.
  std::int64_t i64(std::size_t i) const;
  double f64(std::size_t i) const;
  std::string_view str(std::size_t i) const;
  std::optional<std::int64_t> opt_i64(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return i64(i);
  }
  std::optional<std::string_view> opt_str(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return str(i);
  }

  // For the drivers: the row's cells, set before each callback.
  void resize(std::size_t n) { cells_.resize(n); }
  void set_null(std::size_t i) { cells_[i].kind = Kind::null; }
  void set_integer(std::size_t i, std::int64_t v) {
    cells_[i].kind = Kind::integer;
    cells_[i].integer = v;
  }
  void set_text(std::size_t i, std::string_view t) {
    cells_[i].kind = Kind::text;
    cells_[i].text = t;
  }

 private:
  enum class Kind : unsigned char { null, integer, text };
  struct Cell {
    Kind kind = Kind::null;
    std::int64_t integer = 0;
    std::string_view text;
    mutable char digits[24] = {};  // an integer's text, made when str() asks for it
  };
  std::vector<Cell> cells_;
};

using RowCallback = std::function<void(const RowView&)>;

// Implemented by the transactions that stream (SQLite, PostgreSQL).
class RowStreaming {
 public:
  virtual ~RowStreaming() = default;
  virtual void stream_rows(std::string_view sql, const Params& params, const RowCallback& fn) = 0;
};

// Calls `fn` for every row of `sql`, in the order the database returns them (the same rows and order as
// query()). A transaction that cannot stream answers through query(). `fn` must not use `tx`.
void for_each_row(Transaction& tx, std::string_view sql, const Params& params, const RowCallback& fn);

}  // namespace kredo::storage
