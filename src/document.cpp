// The pipeline: text -> view -> paragraphs/zones -> sentences -> tokens,
// every span mapped back to the original input.
#include "skaz/document.hpp"

#include <algorithm>

#include "skaz/repair.hpp"
#include "quotes_impl.hpp"
#include "repair_impl.hpp"
#include "chars_inline.hpp"
#include "segment_impl.hpp"
#include "skaz/segment.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

const char* errc_message(errc code) noexcept {
  switch (code) {
    case errc::ok: return "success";
    case errc::invalid_argument: return "invalid argument";
    case errc::out_of_memory: return "out of memory";
    case errc::invalid_utf8: return "invalid UTF-8";
    case errc::buffer_too_small: return "output buffer too small";
    case errc::bad_version: return "unsupported options version";
    case errc::not_implemented: return "not implemented yet";
    case errc::not_supported: return "not supported by this build";
    case errc::out_of_range: return "index or offset out of range";
    case errc::too_big: return "input too large";
    case errc::not_found: return "not found";
    case errc::user: return "a user callback failed";
    case errc::internal: return "internal error";
  }
  return "unknown error";
}

const char* zone_kind_name(std::uint32_t kind) noexcept {
  static constexpr const char* names[] = {"body",    "title",  "subheading",   "caption",
                                          "credit",  "related_link", "byline", "title_repeat"};
  return kind < sizeof names / sizeof *names ? names[kind] : "unknown";
}

const char* token_kind_name(std::uint32_t kind) noexcept {
  static constexpr const char* names[] = {"word",  "number", "punct",   "symbol", "url",
                                          "email", "handle", "hashtag", "abbrev"};
  return kind < sizeof names / sizeof *names ? names[kind] : "unknown";
}

const char* entity_type_name(entity_type t) noexcept {
  switch (t) {
    case entity_type::person: return "person";
    case entity_type::organization: return "organization";
    case entity_type::role: return "role";
    case entity_type::other: return "other";
  }
  return "other";
}

const char* entity_gender_name(entity_gender g) noexcept {
  switch (g) {
    case entity_gender::male: return "male";
    case entity_gender::female: return "female";
    case entity_gender::unknown: return "unknown";
  }
  return "unknown";
}

const char* mention_kind_name(std::uint32_t kind) noexcept {
  return kind == static_cast<std::uint32_t>(mention_kind::role) ? "role" : "name";
}

const char* quote_kind_name(quote_kind k) noexcept {
  switch (k) {
    case quote_kind::direct: return "direct";
    case quote_kind::partial: return "partial";
    case quote_kind::indirect: return "indirect";
    case quote_kind::scare: return "scare";
    case quote_kind::title: return "title";
  }
  return "direct";
}

const char* repair_kind_name(repair_kind k) noexcept {
  switch (k) {
    case repair_kind::mojibake: return "mojibake";
    case repair_kind::homoglyph: return "homoglyph";
    case repair_kind::glued: return "glued";
    case repair_kind::invisible: return "invisible";
    case repair_kind::invalid_utf8: return "invalid_utf8";
  }
  return "invalid_utf8";
}

std::string detect_language(std::string_view text) {
  const detail::ScriptCount n = detail::count_scripts(text.data(), text.data() + text.size());
  return n.cyrillic > n.latin ? "ru" : "en";
}

namespace {

bool valid_lang(std::string_view lang) {
  // "auto" or an ISO 639 code (2-3 ASCII letters), optionally with a region.
  if (lang == "auto") return true;
  if (lang.size() < 2 || lang.size() > 16) return false;
  std::size_t letters = 0;
  while (letters < lang.size() && ((lang[letters] | 0x20) >= 'a' && (lang[letters] | 0x20) <= 'z'))
    ++letters;
  if (letters < 2 || letters > 3) return false;
  for (std::size_t i = letters; i < lang.size(); ++i) {
    const char c = lang[i];
    const bool ok = c == '-' || c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (!ok) return false;
  }
  return true;
}

std::string normalize_lang(std::string_view lang) {
  std::string out;
  for (char c : lang) {
    if (c == '-' || c == '_') break;  // the region does not change the rules
    out.push_back(static_cast<char>(c | 0x20));
  }
  return out;
}

}  // namespace

struct Pipeline::Impl {
  Options options;
  Segmenter segmenter;
};

Pipeline::Pipeline(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

const Options& Pipeline::options() const noexcept { return impl_->options; }

result<Pipeline> Pipeline::create(const Options& options) {
  if (!valid_lang(options.lang)) {
    return result<Pipeline>(errc::invalid_argument,
                            "invalid language \"" + options.lang +
                                "\": expected auto or an ISO 639 code such as en or ru");
  }
  auto seg = Segmenter::create();
  if (!seg) return seg.err();
  Options o = options;
  o.lang = o.lang == "auto" ? o.lang : normalize_lang(o.lang);
  return Pipeline(std::make_shared<const Impl>(Impl{std::move(o), std::move(seg).value()}));
}

result<Document> Pipeline::analyze(std::string_view text, std::string_view lang) const {
  if (!lang.empty() && !valid_lang(lang)) {
    return result<Document>(errc::invalid_argument,
                            "invalid language \"" + std::string(lang) +
                                "\": expected auto or an ISO 639 code such as en or ru");
  }
  auto view_r = TextView::make(text, impl_->options.utf8);
  if (!view_r) return view_r.err();
  TextView& view = view_r.value();
  std::vector<Repair> repairs;
  repairs.reserve(view.edits().size());  // millions for a binary blob
  for (const Edit& e : view.edits()) {
    repairs.push_back(Repair{Span{e.orig_start, e.orig_end, 0, 0}, repair_kind::invalid_utf8,
                             "\xEF\xBF\xBD"});
  }
  // The pipeline analyses the repaired view: mojibake undone, lookalike
  // letters mapped to their word's script, invisible characters dropped.
  {
    const std::string_view v0 = view.text();
    std::vector<TextView::Replacement> reps;
    std::vector<RepairEdit> edits;
    RepairOptions ro;
    ro.homoglyphs = ro.invisible = true;
    std::size_t a = 0;
    while (a < v0.size()) {
      std::size_t b = v0.find('\n', a);
      if (b == std::string_view::npos) b = v0.size();
      edits.clear();
      detail::repair_edits(v0.substr(a, b - a), edits, ro);
      for (RepairEdit& e : edits) {
        const auto s0 = static_cast<std::uint32_t>(a + e.span.start);
        const auto s1 = static_cast<std::uint32_t>(a + e.span.end);
        repairs.push_back(Repair{Span{view.to_original_start(s0), view.to_original_end(s1), 0, 0},
                                 static_cast<repair_kind>(e.kind), e.replacement});
        reps.push_back(TextView::Replacement{s0, s1, std::move(e.replacement)});
      }
      a = b + 1;
    }
    view.apply(reps);
    // an invalid byte inside a repaired span is part of that repair (the
    // other repairs come in text order: a binary search finds the span)
    std::vector<Span> other;
    for (const Repair& r : repairs)
      if (r.kind != repair_kind::invalid_utf8) other.push_back(r.span);
    std::vector<Repair> kept;
    kept.reserve(repairs.size());
    for (Repair& r : repairs) {
      bool inside = false;
      if (r.kind == repair_kind::invalid_utf8 && !other.empty()) {
        auto it = std::upper_bound(other.begin(), other.end(), r.span.start,
                                   [](std::uint32_t x, const Span& o) { return x < o.start; });
        inside = it != other.begin() && (it - 1)->end >= r.span.end;
      }
      if (!inside) kept.push_back(std::move(r));
    }
    repairs.swap(kept);
  }
  const std::string_view v = view.text();

  Document doc;
  doc.text.assign(text.data(), text.size());
  const std::string_view want = lang.empty() ? std::string_view(impl_->options.lang) : lang;
  const bool detect = want == "auto";
  if (!detect) doc.language = normalize_lang(want);

  doc.repairs = std::move(repairs);

  std::vector<Span> paragraphs = split_paragraphs(v);
  const Segmenter& seg = impl_->segmenter;
  std::vector<Span> zones;
  zones.reserve(paragraphs.size());  // (each paragraph gives one zone or more)
  seg.zones(v, paragraphs, zones);
  // Per zone the language is the document's, or under auto its script's
  // (the majority of its letters). One count serves both: the document's
  // letters are its zones' and those between them.
  const std::string_view plang = detect ? std::string_view("auto") : std::string_view(doc.language);
  std::vector<std::string_view> zone_lang;
  if (detect) {
    // (zones() makes the zones disjoint and in text order)
    zone_lang.reserve(zones.size());
    detail::ScriptCount total;
    auto add = [&](std::uint32_t a, std::uint32_t b) {
      const detail::ScriptCount n = detail::count_scripts(v.data() + a, v.data() + b);
      total.latin += n.latin;
      total.cyrillic += n.cyrillic;
      return n;
    };
    std::uint32_t at = 0;  // counted up to here
    for (const Span& z : zones) {
      add(at, z.start);  // the blank lines between zones
      const detail::ScriptCount n = add(z.start, z.end);
      zone_lang.push_back(n.cyrillic > n.latin ? "ru" : "en");
      at = z.end;
    }
    add(at, static_cast<std::uint32_t>(v.size()));
    doc.language = total.cyrillic > total.latin ? "ru" : "en";
  }
  std::vector<Span> sentences;
  sentences.reserve(std::min<std::size_t>(v.size() / 64, std::size_t{1} << 16));  // (a news sentence: 100-200 bytes)
  std::vector<Span> tokens;
  std::vector<Span> glued;
  for (std::size_t zi = 0; zi < zones.size(); ++zi) {
    const Span& z = zones[zi];
    const std::size_t first = sentences.size();
    seg.sentences(v, z, detect ? zone_lang[zi] : plang, sentences);
    // an English article whose headline runs into its first sentence
    if (zi == 0 && z.kind == static_cast<std::uint32_t>(zone_kind::body) &&
        (detect ? zone_lang[zi] == "en" : doc.language == "en")) {
      std::uint32_t lead = 0;
      while (lead < z.start && is_space(static_cast<unsigned char>(v[lead]))) ++lead;
      if (lead == z.start) detail::split_glued_headline(v, sentences, first);
    }
    if (impl_->options.tokens) {
      for (std::size_t i = first; i < sentences.size(); ++i) seg.tokens(v, sentences[i], plang, tokens);
    }
  }
  for (const Span& p : paragraphs) seg.glued(v, p, glued);
  {
    // one tokenization for both stages: the quote stage's (its marks
    // paired first), whose words the entity stage reads
    detail::QuoteScan scan(v, zones);
    detail::find_entities(v, zones, sentences, &scan.words(), doc.entities);
    detail::find_quotes(scan, sentences, doc.entities, doc.quotes);
  }
  for (Entity& e : doc.entities)
    for (Span& m : e.mentions) m = view.to_original(m);
  for (Quote& q : doc.quotes) {
    q.span = view.to_original(q.span);
    if (q.speaker.start != no_offset) q.speaker = view.to_original(q.speaker);
    if (q.cue.start != no_offset) q.cue = view.to_original(q.cue);
  }

  // (the view is the input itself, nearly always: its offsets are the
  // input's, and the spans move into the document as they are)
  auto to_doc = [&](std::vector<Span>& from, std::vector<Span>& to) {
    if (view.edits().empty()) {
      to = std::move(from);
      return;
    }
    to.reserve(from.size());
    for (const Span& x : from) to.push_back(view.to_original(x));
  };
  to_doc(paragraphs, doc.paragraphs);
  to_doc(zones, doc.zones);
  to_doc(sentences, doc.sentences);
  to_doc(tokens, doc.tokens);
  for (const Span& g : glued) {
    Repair r{view.to_original(Span{g.start, g.end, 0, 0}), repair_kind::glued, {}};
    r.replacement.assign(v.substr(g.start, g.flags - g.start));
    r.replacement.push_back(' ');
    r.replacement.append(v.substr(g.flags, g.end - g.flags));
    doc.repairs.push_back(std::move(r));
  }
  const auto by_start = [](const Repair& a, const Repair& b) { return a.span.start < b.span.start; };
  if (!std::is_sorted(doc.repairs.begin(), doc.repairs.end(), by_start))
    std::sort(doc.repairs.begin(), doc.repairs.end(), by_start);
  return doc;
}

SKAZ_END_NAMESPACE
}  // namespace skaz
