// The text layer: UTF-8 decoding by maximal subparts, offset maps, the
// analysed view, paragraphs.
#include "skaz/text.hpp"

#include <algorithm>
#include <cstring>

#include "chars_inline.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

namespace {

inline bool in(unsigned char b, unsigned char lo, unsigned char hi) {
  return b >= lo && b <= hi;
}

}  // namespace

decoded_char decode_utf8_multibyte(const char* p, const char* end) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(p);
  const std::size_t avail = static_cast<std::size_t>(end - p);
  const unsigned char b0 = s[0];
  if (b0 < 0x80) return {b0, 1, true};
  constexpr decoded_char bad1{0xFFFD, 1, false};
  // Second-byte ranges of Unicode Table 3-7; the rest are 80..BF.
  unsigned char lo = 0x80, hi = 0xBF;
  int need;
  char32_t cp;
  if (in(b0, 0xC2, 0xDF)) {
    need = 1; cp = b0 & 0x1Fu;
  } else if (in(b0, 0xE0, 0xEF)) {
    need = 2; cp = b0 & 0x0Fu;
    if (b0 == 0xE0) lo = 0xA0;        // no overlongs
    else if (b0 == 0xED) hi = 0x9F;   // no surrogates
  } else if (in(b0, 0xF0, 0xF4)) {
    need = 3; cp = b0 & 0x07u;
    if (b0 == 0xF0) lo = 0x90;        // no overlongs
    else if (b0 == 0xF4) hi = 0x8F;   // nothing above U+10FFFF
  } else {
    return bad1;  // 80..C1 (continuation, overlong lead), F5..FF
  }
  std::uint8_t i = 1;
  for (int k = 0; k < need; ++k, ++i) {
    if (i >= avail) return {0xFFFD, i, false};  // truncated
    const unsigned char b = s[i];
    if (k == 0 ? !in(b, lo, hi) : !in(b, 0x80, 0xBF)) return {0xFFFD, i, false};
    cp = (cp << 6) | (b & 0x3Fu);
  }
  return {cp, i, true};
}

std::size_t find_invalid_utf8(std::string_view s) noexcept {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const auto b = static_cast<unsigned char>(*p);
    if (b < 0x80) {
      ++p;
      // ASCII runs: eight bytes at a time
      while (end - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        if (w & 0x8080808080808080ull) break;
        p += 8;
      }
      continue;
    }
    // two-byte forms (Cyrillic, Latin-1 letters) checked inline
    if (b >= 0xC2 && b <= 0xDF && end - p >= 2 && (static_cast<unsigned char>(p[1]) & 0xC0) == 0x80) {
      p += 2;
#if defined(__SSE2__)
      // then 16 bytes at a time while they hold ASCII and whole two-byte
      // forms only (Russian text): every lead C2..DF has its continuation
      // byte after it and every continuation byte such a lead before it (the
      // byte before a block is read with it: a block's last lead is checked
      // with the next, and each block starts 16 bytes on, not after a test
      // of the one before, which bound the loop to its latency)
      while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i vp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 1));
        const unsigned hi = static_cast<unsigned>(_mm_movemask_epi8(v));
        const unsigned lead = static_cast<unsigned>(_mm_movemask_epi8(detail::bytes_in(v, 0xC2, 0xDF)));
        const unsigned after_lead = static_cast<unsigned>(_mm_movemask_epi8(detail::bytes_in(vp, 0xC2, 0xDF)));
        const unsigned cont = detail::continuation_mask(v);
        if ((hi & ~(lead | cont)) != 0 || cont != after_lead) break;
        p += 16;
      }
      // (a lead that ended the last block read is read again with its
      // continuation byte, at p)
      if (static_cast<unsigned>(static_cast<unsigned char>(p[-1]) - 0xC2u) <= 0xDFu - 0xC2u) --p;
#endif
      continue;
    }
    const decoded_char d = decode_utf8(p, end);
    if (!d.valid) return static_cast<std::size_t>(p - s.data());
    p += d.len;
  }
  return std::string_view::npos;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string replace_invalid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t bad = find_invalid_utf8(s.substr(i));
    if (bad == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, bad));
    i += bad;
    const decoded_char d = decode_utf8(s.data() + i, s.data() + s.size());
    out.append("\xEF\xBF\xBD");
    i += d.len;
  }
  return out;
}

// ------------------------------------------------------------------ OffsetMap

namespace {

// The characters of valid UTF-8 bytes [a, b) (the bytes that are no
// continuation bytes) and how many of them take two UTF-16 units (leads
// from F0): branch-free sums the compiler vectorizes.
struct CharCount {
  std::uint32_t chars = 0, astral = 0;
};
CharCount count_chars(const char* p, std::size_t a, std::size_t b) noexcept {
  CharCount n;
  for (std::size_t i = a; i < b; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    n.chars += (c & 0xC0) != 0x80;
    n.astral += c >= 0xF0;
  }
  return n;
}

}  // namespace

OffsetMap::OffsetMap(std::string_view text) : text_(text) {
  marks_.reserve(text.size() / kStep + 2);
  const char* base = text.data();
  const char* end = base + text.size();
  std::uint32_t cp = 0, u16 = 0;
  valid_ = find_invalid_utf8(text) == std::string_view::npos;
  if (valid_) {
    // each step's counts without decoding a character
    std::size_t at = 0;  // the last mark's byte
    for (std::size_t step = 0;; step += kStep) {
      std::size_t pos = std::min(step, text.size());
      while (pos < text.size() && (static_cast<unsigned char>(base[pos]) & 0xC0) == 0x80) ++pos;
      const CharCount n = count_chars(base, at, pos);
      cp += n.chars;
      u16 += n.chars + n.astral;
      marks_.push_back({static_cast<std::uint32_t>(pos), cp, u16});
      if (pos >= text.size()) return;  // (the last mark is the end's)
      at = pos;
    }
  }
  std::size_t i = 0;
  std::size_t next_mark = 0;
  while (i < text.size()) {
    if (i >= next_mark) {
      marks_.push_back({static_cast<std::uint32_t>(i), cp, u16});
      next_mark = (i / kStep + 1) * kStep;  // (a character is shorter than a step: one mark a step)
    }
    const decoded_char d = decode_utf8(base + i, end);
    ++cp;
    u16 += d.cp >= 0x10000 ? 2u : 1u;
    i += d.len;
  }
  marks_.push_back({static_cast<std::uint32_t>(text.size()), cp, u16});
}

std::uint32_t OffsetMap::convert(std::uint32_t byte_offset, offset_unit unit) const noexcept {
  if (unit == offset_unit::byte) return byte_offset;
  if (marks_.empty()) return 0;
  if (byte_offset >= text_.size()) {
    const Mark& m = marks_.back();
    return unit == offset_unit::codepoint ? m.cp : m.u16;
  }
  // the last mark at or before the offset: its step's, or the one before
  // when the offset is inside the character that crosses the step's start
  std::size_t k = byte_offset / kStep;
  if (marks_[k].byte > byte_offset) --k;
  const Mark& m = marks_[k];
  std::uint32_t cp = m.cp, u16 = m.u16;
  const char* const p = text_.data();
  if (valid_) {
    // an offset inside a character converts to the character's start
    std::uint32_t b = byte_offset;
    while (b > m.byte && (static_cast<unsigned char>(p[b]) & 0xC0) == 0x80) --b;
    const CharCount n = count_chars(p, m.byte, b);
    return unit == offset_unit::codepoint ? cp + n.chars : u16 + n.chars + n.astral;
  }
  std::size_t i = m.byte;
  const char* end = p + text_.size();
  while (i < byte_offset) {
    const decoded_char d = decode_utf8(p + i, end);
    if (i + d.len > byte_offset) break;  // inside a character: its start
    ++cp;
    u16 += d.cp >= 0x10000 ? 2u : 1u;
    i += d.len;
  }
  return unit == offset_unit::codepoint ? cp : u16;
}

// ------------------------------------------------------------------- TextView

result<TextView> TextView::make(std::string_view original, utf8_policy policy) {
  if (original.size() > max_input_bytes) {
    return result<TextView>(errc::too_big, "input of " + std::to_string(original.size()) +
                                               " bytes exceeds the limit of 4 GiB - 2");
  }
  TextView v;
  v.original_ = original;
  std::size_t bad = find_invalid_utf8(original);
  if (bad == std::string_view::npos) return v;
  if (policy == utf8_policy::strict) {
    return result<TextView>(errc::invalid_utf8,
                            "invalid UTF-8 at byte " + std::to_string(bad), bad);
  }
  v.owned_.reserve(original.size() + 16);
  std::size_t i = 0;
  while (bad != std::string_view::npos) {
    v.owned_.append(original.substr(i, bad - i));
    const decoded_char d =
        decode_utf8(original.data() + bad, original.data() + original.size());
    const auto vs = static_cast<std::uint32_t>(v.owned_.size());
    v.owned_.append("\xEF\xBF\xBD");
    v.edits_.push_back({vs, vs + 3, static_cast<std::uint32_t>(bad),
                        static_cast<std::uint32_t>(bad + d.len)});
    i = bad + d.len;
    const std::size_t next = find_invalid_utf8(original.substr(i));
    bad = next == std::string_view::npos ? next : i + next;
  }
  v.owned_.append(original.substr(i));
  return v;
}

std::uint32_t TextView::map(std::uint32_t off, bool is_end) const noexcept {
  if (edits_.empty()) return off;
  // First edit whose view_end > off.
  auto it = std::upper_bound(edits_.begin(), edits_.end(), off,
                             [](std::uint32_t o, const Edit& e) { return o < e.view_end; });
  if (it != edits_.end() && off > it->view_start) {
    return is_end ? it->orig_end : it->orig_start;  // inside an edit
  }
  if (it != edits_.end() && off == it->view_start) {
    return it->orig_start;
  }
  if (it == edits_.begin()) return off;
  const Edit& prev = *(it - 1);
  // After `prev`: shift by its end difference.
  return prev.orig_end + (off - prev.view_end);
}

void TextView::apply(const std::vector<Replacement>& reps) {
  if (reps.empty()) return;
  const std::string_view cur = text();
  std::string nv;
  nv.reserve(cur.size() + 16);
  std::vector<Edit> ne;
  ne.reserve(edits_.size() + reps.size());
  std::size_t old_i = 0;  // next old edit
  std::uint32_t pos = 0;  // in the current view
  // old edits before `upto` that no replacement covers keep their original
  // span; their view span moves with the text before them
  auto keep_old = [&](std::uint32_t upto) {
    while (old_i < edits_.size() && edits_[old_i].view_end <= upto) {
      const Edit& e = edits_[old_i++];
      if (e.view_start < pos) continue;  // inside a replacement: absorbed
      const auto shift = static_cast<std::int64_t>(nv.size()) - static_cast<std::int64_t>(pos);
      ne.push_back(Edit{static_cast<std::uint32_t>(e.view_start + shift),
                        static_cast<std::uint32_t>(e.view_end + shift), e.orig_start, e.orig_end});
    }
  };
  for (const Replacement& r : reps) {
    keep_old(r.start);
    nv.append(cur.substr(pos, r.start - pos));
    pos = r.start;
    const auto vs = static_cast<std::uint32_t>(nv.size());
    nv.append(r.text);
    ne.push_back(Edit{vs, static_cast<std::uint32_t>(nv.size()), to_original_start(r.start),
                      to_original_end(r.end)});
    pos = r.end;
    while (old_i < edits_.size() && edits_[old_i].view_start < r.end) ++old_i;  // absorbed
  }
  keep_old(static_cast<std::uint32_t>(cur.size()));
  nv.append(cur.substr(pos));
  owned_.swap(nv);
  edits_.swap(ne);  // never empty here: each replacement is an edit
}

std::uint32_t TextView::to_original_start(std::uint32_t o) const noexcept { return map(o, false); }
std::uint32_t TextView::to_original_end(std::uint32_t o) const noexcept { return map(o, true); }

// ----------------------------------------------------------------- paragraphs

std::vector<Span> split_paragraphs(std::string_view text) {
  std::vector<Span> out;
  out.reserve(std::min<std::size_t>(text.size() / 256 + 4, std::size_t{1} << 14));  // (a news paragraph: 300-600 bytes)
  const char* base = text.data();
  const char* end = base + text.size();
  std::size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // a leading BOM is no text
  std::size_t line_start = i;
  auto flush = [&](std::size_t a, std::size_t b) {
    // trim whitespace on both sides
    while (a < b) {
      const decoded_char d = decode_utf8(base + a, end);
      if (!is_space(d.cp) && d.cp != 0xFEFF) break;
      a += d.len;
    }
    while (b > a) {
      std::size_t k = b - 1;
      while (k > a && (static_cast<unsigned char>(base[k]) & 0xC0) == 0x80) --k;
      const decoded_char d = decode_utf8(base + k, end);
      if (!is_space(d.cp) || k + d.len != b) break;
      b = k;
    }
    if (b > a) out.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b), 0, 0});
  };
  // Line breaks: LF, CR, and U+2028/U+2029 (E2 80 A8/A9). memchr finds the
  // next candidate of each kind; only E2 needs a second look.
  const char* end_p = base + text.size();
  auto next_of = [&](char ch, std::size_t from) -> std::size_t {
    const void* p = std::memchr(base + from, ch, text.size() - from);
    return p ? static_cast<std::size_t>(static_cast<const char*>(p) - base) : text.size();
  };
  std::size_t nl = next_of('\n', i), cr = next_of('\r', i), e2 = next_of('\xE2', i);
  (void)end_p;
  while (i < text.size()) {
    if (nl < i) nl = next_of('\n', i);
    if (cr < i) cr = next_of('\r', i);
    if (e2 < i) e2 = next_of('\xE2', i);
    std::size_t k = std::min(nl, std::min(cr, e2));
    if (k >= text.size()) break;
    const unsigned char c = static_cast<unsigned char>(base[k]);
    if (c == 0xE2) {
      if (k + 2 < text.size() && static_cast<unsigned char>(base[k + 1]) == 0x80 &&
          (static_cast<unsigned char>(base[k + 2]) == 0xA8 ||
           static_cast<unsigned char>(base[k + 2]) == 0xA9)) {
        flush(line_start, k);
        i = line_start = k + 3;
      } else {
        i = k + 1;
        e2 = next_of('\xE2', i);
      }
      continue;
    }
    flush(line_start, k);
    i = k + ((c == '\r' && k + 1 < text.size() && base[k + 1] == '\n') ? 2 : 1);
    line_start = i;
  }
  flush(line_start, text.size());
  return out;
}

SKAZ_END_NAMESPACE
}  // namespace skaz
