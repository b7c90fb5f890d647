// A hash table from strings to small values, built once and then only read
// (by any number of threads). Open addressing with linear probing over a
// power-of-two array, each slot holding its key's full hash: a lookup is one
// hash of the word and, nearly always, one slot. It stands in for
// std::unordered_map where the stages look up every word of a document
// (no modulo by a prime, no node to chase).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "chars_inline.hpp"
#include "skaz/detail/config.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

// A word's hash mixes its bytes eight at a time, the last group (one to
// eight bytes) as a little-endian number of those bytes only, after a seed
// of the length. Each group is read by fixed-size loads: which loads, by a
// test of the length class and no more (a branch on each bit of a word's
// length mispredicted about one word in two: a tenth of all the pipeline's
// mispredicted branches).
inline std::uint64_t hash_mix(std::uint64_t h, std::uint64_t w) noexcept {
  h = (h ^ w) * 0xFF51AFD7ED558CCDull;
  return h ^ (h >> 32);
}
inline std::uint64_t hash_seed(std::size_t n) noexcept { return 0x9E3779B97F4A7C15ull ^ n; }
inline std::uint64_t hash_end(std::uint64_t h) noexcept { return h ^ (h >> 29); }

inline std::uint64_t string_hash(std::string_view s) noexcept {
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t h = hash_seed(n);
  if (n > 8) {
    do {
      h = hash_mix(h, load_at<std::uint64_t>(p, 0));
      p += 8;
      n -= 8;
    } while (n > 8);
    // (the last group, 1..8 bytes, read as the 8 ending it: the word has them)
    return hash_end(hash_mix(h, load_at<std::uint64_t>(p - (8 - n), 0) >> (8 * (8 - n))));
  }
  if (n >= 4)  // two loads overlapping: their common bytes are the same
    return hash_end(hash_mix(h, std::uint64_t{load_at<std::uint32_t>(p, 0)} |
                                    std::uint64_t{load_at<std::uint32_t>(p, n - 4)} << (8 * (n - 4))));
  if (n == 0) return hash_end(h);
  const auto byte = [p](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(p[i])}; };
  return hash_end(hash_mix(h, byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1))));
}

// A word's first 8 bytes (all of a shorter one's) as a little-endian
// number, zeros past its end: the first group string_hash mixes.
inline std::uint64_t head8(std::string_view w) noexcept {
  std::uint64_t x = 0;
  std::memcpy(&x, w.data(), std::min<std::size_t>(w.size(), 8));
  return x;
}
// head8(w) where 8 bytes from w.data() may be read (a padded buffer): one
// load and a mask.
inline std::uint64_t head8_padded(std::string_view w) noexcept {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return head8(w);  // (the mask keeps a little-endian number's low bytes)
#else
  const std::size_t n = w.size();
  return load_at<std::uint64_t>(w.data(), 0) & (n >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * n)) - 1);
#endif
}

// string_hash(s) where 16 bytes from s.data() may be read (a padded
// buffer): a word of up to 16 bytes, nearly every word, is hashed with no
// branch at all.
inline std::uint64_t string_hash_padded(std::string_view s) noexcept {
  const std::size_t n = s.size();
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return string_hash(s);  // (head8_padded of the second group keeps a little-endian number's low bytes)
#endif
  if (n > 16 || n == 0) return string_hash(s);
  const std::uint64_t h1 = hash_mix(hash_seed(n), head8_padded(s));
  const std::uint64_t h2 = hash_mix(h1, head8_padded(std::string_view(s.data() + 8, n > 8 ? n - 8 : 0)));
  return hash_end(n > 8 ? h2 : h1);
}

template <class V>
class StringTable {
 public:
  // Adds k -> v, or replaces the value of k.
  void set(std::string_view k, V v) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    const std::uint64_t h = string_hash(k);
    Slot& s = probe(static_cast<std::uint32_t>(h), k);
    if (!s.used) {
      s.used = true;
      s.h = static_cast<std::uint32_t>(h);
      s.off = static_cast<std::uint32_t>(keys_.size());
      s.len = static_cast<std::uint32_t>(k.size());
      keys_.append(k.data(), k.size());
      ++count_;
    }
    s.v = v;
  }
  // Adds k -> v unless k is there (std::unordered_map::emplace).
  void emplace(std::string_view k, V v) {
    if (!find(k)) set(k, v);
  }
  const V* find(std::string_view k) const noexcept { return find(k, string_hash(k)); }
  // find(k) with k's string_hash computed already
  const V* find(std::string_view k, std::uint64_t full_hash) const noexcept {
    if (slots_.empty()) return nullptr;
    const auto h = static_cast<std::uint32_t>(full_hash);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.h == h && s.len == k.size() && same_bytes(keys_.data() + s.off, k.data(), k.size())) return &s.v;
    }
  }
  bool contains(std::string_view k) const noexcept { return find(k) != nullptr; }
  // Asks the memory for the first slot of a key of this string_hash, ahead
  // of a find(): a large table's lookups are cache misses, and a batch of
  // them overlaps when each is asked for before any is awaited.
  void prefetch(std::uint64_t full_hash) const noexcept {
    if (!slots_.empty()) detail::prefetch(&slots_[static_cast<std::uint32_t>(full_hash) & (slots_.size() - 1)]);
  }
  std::size_t size() const noexcept { return count_; }
  std::size_t capacity() const noexcept { return slots_.size(); }
  // Empties the table, keeping its memory (a table reused from one
  // document to the next).
  void clear() noexcept {
    if (count_ == 0) return;
    std::fill(slots_.begin(), slots_.end(), Slot{});
    keys_.clear();
    count_ = 0;
  }
  // Calls f(key) for every key, in no order.
  template <class F>
  void each_key(F f) const {
    for (const Slot& s : slots_)
      if (s.used) f(std::string_view(keys_.data() + s.off, s.len));
  }

 private:
  // small slots (the keys live in one string): a table of thousands of
  // words stays in the cache, and a word not in it costs one cache line
  struct Slot {
    std::uint32_t h = 0;
    std::uint32_t off = 0;
    std::uint32_t len = 0;
    bool used = false;
    V v{};
  };
  Slot& probe(std::uint32_t h, std::string_view k) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (!s.used || (s.h == h && s.len == k.size() && same_bytes(keys_.data() + s.off, k.data(), k.size()))) return s;
    }
  }
  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.resize(old.empty() ? 16 : old.size() * 2);
    for (const Slot& s : old) {
      if (!s.used) continue;
      probe(s.h, std::string_view(keys_.data() + s.off, s.len)) = s;
    }
  }
  std::vector<Slot> slots_;
  std::string keys_;
  std::size_t count_ = 0;
};

// A fixed set of words (a lexicon written out in the source).
struct StringSet : StringTable<bool> {
  StringSet() = default;
  StringSet(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) set(w, true);
  }
};

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
