// Segmentation: the rule passes for en/ru (zones.cpp, sentences.cpp,
// tokenize.cpp) and Boost.Locale's ICU boundary analysis (UAX #29) for
// other languages.
#include "skaz/segment.hpp"

#include <boost/locale.hpp>

#include "segment_impl.hpp"
#include "skaz/document.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

namespace bl = boost::locale;
namespace bb = boost::locale::boundary;

struct Segmenter::Impl {
  std::locale loc;
};

result<Segmenter> Segmenter::create() {
  try {
    const auto backends = bl::localization_backend_manager::global().get_all_backends();
    bool icu = false;
    for (const auto& b : backends) icu = icu || b == "icu";
    if (!icu) {
      return result<Segmenter>(errc::not_supported,
                               "Boost.Locale was built without the ICU backend; "
                               "skaz needs it for boundary analysis");
    }
    bl::localization_backend_manager mgr = bl::localization_backend_manager::global();
    mgr.select("icu");
    bl::generator gen(mgr);
    auto impl = std::make_shared<Impl>();
    impl->loc = gen("en_US.UTF-8");
    return Segmenter(std::move(impl));
  } catch (const std::exception& e) {
    return result<Segmenter>(errc::not_supported,
                             std::string("cannot load Boost.Locale boundary analysis: ") + e.what());
  }
}

namespace {

// Trims whitespace off both ends of [a, b) in `text`.
Span trim(std::string_view text, std::uint32_t a, std::uint32_t b) {
  const char* base = text.data();
  const char* end = base + text.size();
  while (a < b) {
    const decoded_char d = decode_utf8(base + a, end);
    if (!is_space(d.cp)) break;
    a += d.len;
  }
  while (b > a) {
    std::uint32_t k = b - 1;
    while (k > a && (static_cast<unsigned char>(base[k]) & 0xC0) == 0x80) --k;
    const decoded_char d = decode_utf8(base + k, end);
    if (!is_space(d.cp)) break;
    b = k;
  }
  return Span{a, b, 0, 0};
}

}  // namespace

namespace {

detail::lang_id pick(std::string_view text, Span range, std::string_view lang) {
  if (lang == "en") return detail::lang_id::en;
  if (lang == "ru") return detail::lang_id::ru;
  if (lang == "auto" || lang.empty()) return detail::detect_profile(text, range);
  return detail::lang_id::other;
}

}  // namespace

void Segmenter::zones(std::string_view text, const std::vector<Span>& paragraphs,
                      std::vector<Span>& out) const {
  detail::zones(text, paragraphs, out);
}

void Segmenter::glued(std::string_view text, Span range, std::vector<Span>& out) const {
  detail::glued_words(text, range, out);
}

void Segmenter::sentences(std::string_view text, Span para, std::string_view lang,
                          std::vector<Span>& out) const {
  const detail::lang_id id = pick(text, para, lang);
  if (id != detail::lang_id::other) {
    detail::sentences(text, para, detail::profile(id), out);
    return;
  }
  using It = std::string_view::const_iterator;
  const It first = text.begin() + para.start;
  const It last = text.begin() + para.end;
  bb::segment_index<It> index(bb::sentence, first, last, impl_->loc);
  for (const auto& seg : index) {
    const auto a = static_cast<std::uint32_t>(seg.begin() - text.begin());
    const auto b = static_cast<std::uint32_t>(seg.end() - text.begin());
    Span s = trim(text, a, b);
    if (!s.empty()) out.push_back(s);
  }
}

void Segmenter::tokens(std::string_view text, Span range, std::string_view lang,
                       std::vector<Span>& out) const {
  const detail::lang_id id = pick(text, range, lang);
  if (id != detail::lang_id::other) {
    detail::tokenize(text, range, detail::profile(id), out);
    return;
  }
  using It = std::string_view::const_iterator;
  const It first = text.begin() + range.start;
  const It last = text.begin() + range.end;
  bb::segment_index<It> index(bb::word, first, last, impl_->loc);
  for (const auto& seg : index) {
    const auto a = static_cast<std::uint32_t>(seg.begin() - text.begin());
    const auto b = static_cast<std::uint32_t>(seg.end() - text.begin());
    const decoded_char d = decode_utf8(text.data() + a, text.data() + text.size());
    if (is_space(d.cp)) continue;
    token_kind k;
    const auto rule = seg.rule();
    if (rule & bb::word_number) k = token_kind::number;
    else if (rule & (bb::word_letter | bb::word_kana | bb::word_ideo)) k = token_kind::word;
    else if (is_punct(d.cp)) k = token_kind::punct;
    else k = token_kind::symbol;
    out.push_back(Span{a, b, static_cast<std::uint32_t>(k), 0});
  }
}

SKAZ_END_NAMESPACE
}  // namespace skaz
