// skaz/error.hpp — error codes and result<T> of the C++ core.
// Codes equal the C ABI's SKAZ_E* values (static_asserts in capi check it).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

#include "skaz/detail/config.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

enum class errc : int {
  ok = 0,
  invalid_argument = -1,
  out_of_memory = -2,
  invalid_utf8 = -3,
  buffer_too_small = -4,
  bad_version = -5,
  not_implemented = -6,
  not_supported = -7,
  out_of_range = -8,
  too_big = -9,
  not_found = -10,
  user = -11,
  internal = -12,
};

/// Static English text for a code.
const char* errc_message(errc code) noexcept;

struct error {
  errc code = errc::ok;
  std::string message;
  /// Byte offset into the input the error concerns; npos when none.
  std::uint64_t offset = npos;
  static constexpr std::uint64_t npos = ~std::uint64_t{0};
};

/// A value or an error, without exceptions (simdjson style): check ok() or
/// call get(T&), which returns the error code.
template <class T>
class result {
 public:
  result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  result(error err) : v_(std::move(err)) {}  // NOLINT: implicit by design
  result(errc code, std::string message, std::uint64_t offset = error::npos)
      : v_(error{code, std::move(message), offset}) {}

  bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }
  errc code() const noexcept { return ok() ? errc::ok : std::get<1>(v_).code; }
  const error& err() const { return std::get<1>(v_); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  /// Moves the value into `out` when ok; returns the code either way.
  errc get(T& out) && {
    if (!ok()) return code();
    out = std::get<0>(std::move(v_));
    return errc::ok;
  }

 private:
  std::variant<T, error> v_;
};

SKAZ_END_NAMESPACE
}  // namespace skaz
