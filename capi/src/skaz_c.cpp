// The C ABI over the C++ core. Every function is noexcept and turns
// exceptions into error codes: nothing unwinds into C.
#include "skaz/skaz.h"

#include <cstring>
#include <limits>
#include <new>
#include <string>

#include "skaz/document.hpp"
#include "skaz/html.hpp"
#include "skaz/json.hpp"
#include "skaz/names.hpp"
#include "skaz/repair.hpp"
#include "skaz/translit.hpp"
#include "skaz/text.hpp"

static_assert(sizeof(skaz_span) == sizeof(skaz::Span), "skaz_span must mirror skaz::Span");
static_assert(offsetof(skaz_span, start) == offsetof(skaz::Span, start), "layout");
static_assert(offsetof(skaz_span, end) == offsetof(skaz::Span, end), "layout");
static_assert(offsetof(skaz_span, kind) == offsetof(skaz::Span, kind), "layout");
static_assert(offsetof(skaz_span, flags) == offsetof(skaz::Span, flags), "layout");
static_assert(SKAZ_EINTERNAL == static_cast<int>(skaz::errc::internal), "codes match");
static_assert(SKAZ_EINVALID_UTF8 == static_cast<int>(skaz::errc::invalid_utf8), "codes match");
static_assert(SKAZ_ENOTFOUND == static_cast<int>(skaz::errc::not_found), "codes match");
static_assert(SKAZ_NO_OFFSET == skaz::no_offset, "no-offset marker matches");

struct skaz_pipeline {
  skaz::Pipeline pipeline;
};

struct skaz_document {
  skaz::Document doc;
  skaz::OffsetMap offsets;  // built on first use
  bool offsets_ready = false;
  std::string json;  // last JSON produced, for the two-call size negotiation
  std::int32_t json_unit = -1;
  std::uint32_t json_flags = 0;
  std::string html;  // last HTML page produced, and the title it was made with
  std::string html_title;
  bool html_ready = false;
};

struct skaz_translit {
  skaz::Transliterator engine;
  std::uint32_t direction;
};

namespace {

struct ErrorState {
  skaz_error err{SKAZ_OK, "", std::numeric_limits<std::uint64_t>::max()};
  std::string message;
};

ErrorState& state() noexcept {
  static thread_local ErrorState s;
  return s;
}

int fail(int code, const char* message, std::uint64_t offset = std::numeric_limits<std::uint64_t>::max()) noexcept {
  ErrorState& s = state();
  try {
    s.message = message;
    s.err.message = s.message.c_str();
  } catch (...) {
    s.err.message = skaz_strerror(code);  // static text: cannot fail
  }
  s.err.code = code;
  s.err.offset = offset;
  return code;
}

int fail(const skaz::error& e) noexcept {
  return fail(static_cast<int>(e.code), e.message.c_str(), e.offset);
}

// The body of every entry point: exceptions become codes.
template <class F>
int guarded(F&& f) noexcept {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    return fail(SKAZ_ENOMEM, "out of memory");
  } catch (const std::exception& e) {
    return fail(SKAZ_EINTERNAL, e.what());
  } catch (...) {
    return fail(SKAZ_EINTERNAL, "unknown exception");
  }
}

// Copies `s` to the caller's buffer with size negotiation.
int deliver(const std::string& s, char* out, std::size_t cap, std::size_t* out_len) noexcept {
  if (!out_len) return fail(SKAZ_EINVAL, "out_len is NULL");
  *out_len = s.size();
  if (out == nullptr && cap == 0) return SKAZ_OK;  // size query
  if (out == nullptr) return fail(SKAZ_EINVAL, "out is NULL but cap is not 0");
  if (cap < s.size()) {
    return fail(SKAZ_EBUFS, ("output buffer of " + std::to_string(cap) + " bytes is too small; " +
                             std::to_string(s.size()) + " needed").c_str());
  }
  std::memcpy(out, s.data(), s.size());
  if (cap > s.size()) out[s.size()] = '\0';
  return SKAZ_OK;
}

bool input_ok(const char* utf8, std::size_t len) noexcept {
  if (!utf8 && len != 0) {
    fail(SKAZ_EINVAL, "text is NULL but its length is not 0");
    return false;
  }
  return true;
}

int check_version(std::uint32_t version, std::uint32_t current, const char* what) noexcept {
  if (version == 0 || version > current) {
    std::string m;
    try {
      m = std::string(what) + " version " + std::to_string(version) + " is not supported (1.." +
          std::to_string(current) + ")";
    } catch (...) {
    }
    return fail(SKAZ_EVERSION, m.c_str());
  }
  return SKAZ_OK;
}

const skaz::Document* docp(const skaz_document* d) { return d ? &d->doc : nullptr; }

// A text function's input and output: checks the arguments and the UTF-8,
// then delivers fn(text) into the caller's buffer.
template <class Fn>
int text_call(const char* utf8, size_t len, char* out, size_t cap, size_t* out_len, Fn&& fn) {
  if (!out_len) return fail(SKAZ_EINVAL, "out_len is NULL");
  if (!input_ok(utf8, len)) return SKAZ_EINVAL;
  const std::string_view in(utf8 ? utf8 : "", len);
  const std::size_t bad = skaz::find_invalid_utf8(in);
  if (bad != std::string_view::npos) {
    return fail(SKAZ_EINVALID_UTF8, ("invalid UTF-8 at byte " + std::to_string(bad)).c_str(), bad);
  }
  return deliver(fn(in), out, cap, out_len);
}

}  // namespace

extern "C" {

uint32_t skaz_version_number(void) { return SKAZ_VERSION_NUMBER; }
const char* skaz_version_string(void) { return SKAZ_VERSION_STRING; }

const char* skaz_strerror(int code) {
  if (code > 0 || code < SKAZ_EINTERNAL) return "unknown error code";
  return skaz::errc_message(static_cast<skaz::errc>(code));
}

const skaz_error* skaz_error_last(void) { return &state().err; }

void skaz_error_clear(void) {
  ErrorState& s = state();
  s.err.code = SKAZ_OK;
  s.err.message = "";
  s.err.offset = std::numeric_limits<std::uint64_t>::max();
}

int skaz_options_init(skaz_options* opts, uint32_t version) {
  if (!opts) return fail(SKAZ_EINVAL, "opts is NULL");
  if (int rc = check_version(version, SKAZ_OPTIONS_VERSION, "skaz_options")) return rc;
  *opts = skaz_options{version, SKAZ_UTF8_STRICT, 0, nullptr};
  return SKAZ_OK;
}

int skaz_pipeline_new(const skaz_options* opts, skaz_pipeline** out) {
  return guarded([&]() -> int {
    if (!out) return fail(SKAZ_EINVAL, "out is NULL");
    *out = nullptr;
    skaz::Options o;
    if (opts) {
      if (int rc = check_version(opts->version, SKAZ_OPTIONS_VERSION, "skaz_options")) return rc;
      if (opts->utf8_policy > SKAZ_UTF8_REPLACE) {
        return fail(SKAZ_EINVAL, "utf8_policy must be SKAZ_UTF8_STRICT or SKAZ_UTF8_REPLACE");
      }
      if (opts->flags & ~static_cast<std::uint32_t>(SKAZ_FLAG_TOKENS)) {
        return fail(SKAZ_EINVAL, "unknown bits in flags");
      }
      o.utf8 = opts->utf8_policy == SKAZ_UTF8_REPLACE ? skaz::utf8_policy::replace
                                                      : skaz::utf8_policy::strict;
      o.tokens = (opts->flags & SKAZ_FLAG_TOKENS) != 0;
      if (opts->lang) o.lang = opts->lang;
    }
    auto p = skaz::Pipeline::create(o);
    if (!p) return fail(p.err());
    *out = new skaz_pipeline{std::move(p).value()};
    return SKAZ_OK;
  });
}

void skaz_pipeline_free(skaz_pipeline* pipeline) { delete pipeline; }

int skaz_analyze(const skaz_pipeline* pipeline, const char* utf8, size_t len, const char* lang,
                 skaz_document** out) {
  return guarded([&]() -> int {
    if (!out) return fail(SKAZ_EINVAL, "out is NULL");
    *out = nullptr;
    if (!pipeline) return fail(SKAZ_EINVAL, "pipeline is NULL");
    if (!input_ok(utf8, len)) return SKAZ_EINVAL;
    auto d = pipeline->pipeline.analyze(std::string_view(utf8 ? utf8 : "", len),
                                        lang ? std::string_view(lang) : std::string_view());
    if (!d) return fail(d.err());
    auto* doc = new skaz_document;
    doc->doc = std::move(d).value();
    *out = doc;
    return SKAZ_OK;
  });
}

void skaz_doc_free(skaz_document* doc) { delete doc; }

const char* skaz_doc_language(const skaz_document* doc) {
  return doc ? doc->doc.language.c_str() : "";
}

namespace {

const std::vector<skaz::Span>* span_list(const skaz::Document& d, int32_t item) {
  switch (item) {
    case SKAZ_ITEM_ZONE: return &d.zones;
    case SKAZ_ITEM_PARAGRAPH: return &d.paragraphs;
    case SKAZ_ITEM_SENTENCE: return &d.sentences;
    case SKAZ_ITEM_TOKEN: return &d.tokens;
    default: return nullptr;
  }
}

}  // namespace

size_t skaz_doc_count(const skaz_document* doc, int32_t item) {
  const skaz::Document* d = docp(doc);
  if (!d) return 0;
  if (const auto* l = span_list(*d, item)) return l->size();
  switch (item) {
    case SKAZ_ITEM_ENTITY: return d->entities.size();
    case SKAZ_ITEM_QUOTE: return d->quotes.size();
    case SKAZ_ITEM_REPAIR: return d->repairs.size();
    default: return 0;
  }
}

int skaz_doc_span(const skaz_document* doc, int32_t item, size_t index, skaz_span* out) {
  const skaz::Document* d = docp(doc);
  if (!d || !out) return fail(SKAZ_EINVAL, "doc or out is NULL");
  const skaz::Span* s = nullptr;
  if (const auto* l = span_list(*d, item)) {
    if (index < l->size()) s = &(*l)[index];
  } else if (item == SKAZ_ITEM_ENTITY) {
    if (index < d->entities.size() && !d->entities[index].mentions.empty())
      s = &d->entities[index].mentions.front();
    else if (index < d->entities.size())
      return fail(SKAZ_ERANGE, "entity has no mention");
  } else if (item == SKAZ_ITEM_QUOTE) {
    if (index < d->quotes.size()) s = &d->quotes[index].span;
  } else if (item == SKAZ_ITEM_REPAIR) {
    if (index < d->repairs.size()) s = &d->repairs[index].span;
  } else {
    return fail(SKAZ_EINVAL, "unknown item kind");
  }
  if (!s) return fail(SKAZ_ERANGE, "index out of range");
  std::memcpy(out, s, sizeof *out);
  return SKAZ_OK;
}

int skaz_doc_spans(const skaz_document* doc, int32_t item, const skaz_span** items, size_t* count) {
  const skaz::Document* d = docp(doc);
  if (!d || !items || !count) return fail(SKAZ_EINVAL, "doc, items or count is NULL");
  const auto* l = span_list(*d, item);
  if (!l) return fail(SKAZ_EINVAL, "skaz_doc_spans serves zones, paragraphs, sentences and tokens");
  *items = reinterpret_cast<const skaz_span*>(l->data());
  *count = l->size();
  return SKAZ_OK;
}

int skaz_doc_entity(const skaz_document* doc, size_t index, skaz_entity* out) {
  const skaz::Document* d = docp(doc);
  if (!d || !out) return fail(SKAZ_EINVAL, "doc or out is NULL");
  if (index >= d->entities.size()) return fail(SKAZ_ERANGE, "entity index out of range");
  const skaz::Entity& e = d->entities[index];
  out->id = e.id;
  out->type = static_cast<uint32_t>(e.type);
  out->name = e.name.c_str();
  out->name_len = e.name.size();
  out->key = e.key.c_str();
  out->key_len = e.key.size();
  out->mention_count = e.mentions.size();
  return SKAZ_OK;
}

int skaz_doc_entity_mention(const skaz_document* doc, size_t entity, size_t mention, skaz_span* out) {
  const skaz::Document* d = docp(doc);
  if (!d || !out) return fail(SKAZ_EINVAL, "doc or out is NULL");
  if (entity >= d->entities.size()) return fail(SKAZ_ERANGE, "entity index out of range");
  const auto& ms = d->entities[entity].mentions;
  if (mention >= ms.size()) return fail(SKAZ_ERANGE, "mention index out of range");
  std::memcpy(out, &ms[mention], sizeof *out);
  return SKAZ_OK;
}

size_t skaz_doc_entity_role_count(const skaz_document* doc, size_t entity) {
  const skaz::Document* d = docp(doc);
  if (!d || entity >= d->entities.size()) return 0;
  return d->entities[entity].roles.size();
}

int skaz_doc_entity_role(const skaz_document* doc, size_t entity, size_t role, const char** out, size_t* len) {
  const skaz::Document* d = docp(doc);
  if (!d || !out) return fail(SKAZ_EINVAL, "doc or out is NULL");
  if (entity >= d->entities.size()) return fail(SKAZ_ERANGE, "entity index out of range");
  const auto& roles = d->entities[entity].roles;
  if (role >= roles.size()) return fail(SKAZ_ERANGE, "role index out of range");
  *out = roles[role].c_str();
  if (len) *len = roles[role].size();
  return SKAZ_OK;
}

int skaz_doc_entity_gender(const skaz_document* doc, size_t entity, uint32_t* out) {
  const skaz::Document* d = docp(doc);
  if (!d || !out) return fail(SKAZ_EINVAL, "doc or out is NULL");
  if (entity >= d->entities.size()) return fail(SKAZ_ERANGE, "entity index out of range");
  *out = static_cast<uint32_t>(d->entities[entity].gender);
  return SKAZ_OK;
}

int skaz_doc_quote(const skaz_document* doc, size_t index, skaz_quote* out) {
  const skaz::Document* d = docp(doc);
  if (!d || !out) return fail(SKAZ_EINVAL, "doc or out is NULL");
  if (index >= d->quotes.size()) return fail(SKAZ_ERANGE, "quote index out of range");
  const skaz::Quote& q = d->quotes[index];
  out->start = q.span.start;
  out->end = q.span.end;
  out->kind = static_cast<uint32_t>(q.kind);
  out->speaker_entity = q.speaker_entity;
  out->speaker_start = q.speaker.start;
  out->speaker_end = q.speaker.end;
  out->cue_start = q.cue.start;
  out->cue_end = q.cue.end;
  out->confidence = q.confidence;
  out->rule = q.rule.c_str();
  return SKAZ_OK;
}

int skaz_doc_repair(const skaz_document* doc, size_t index, skaz_repair* out) {
  const skaz::Document* d = docp(doc);
  if (!d || !out) return fail(SKAZ_EINVAL, "doc or out is NULL");
  if (index >= d->repairs.size()) return fail(SKAZ_ERANGE, "repair index out of range");
  const skaz::Repair& r = d->repairs[index];
  out->start = r.span.start;
  out->end = r.span.end;
  out->kind = static_cast<uint32_t>(r.kind);
  out->replacement = r.replacement.c_str();
  out->replacement_len = r.replacement.size();
  return SKAZ_OK;
}

int skaz_doc_offset(const skaz_document* doc, uint32_t byte_offset, int32_t unit, uint32_t* out) {
  return guarded([&]() -> int {
    if (!doc || !out) return fail(SKAZ_EINVAL, "doc or out is NULL");
    if (unit < SKAZ_OFFSET_BYTE || unit > SKAZ_OFFSET_UTF16) return fail(SKAZ_EINVAL, "unknown offset unit");
    if (byte_offset > doc->doc.text.size()) return fail(SKAZ_ERANGE, "offset past the end of the text");
    // The document is single-threaded by contract, so the lazy map is safe.
    auto* d = const_cast<skaz_document*>(doc);
    if (!d->offsets_ready) {
      d->offsets = skaz::OffsetMap(d->doc.text);
      d->offsets_ready = true;
    }
    *out = d->offsets.convert(byte_offset, static_cast<skaz::offset_unit>(unit));
    return SKAZ_OK;
  });
}

int skaz_doc_to_json(skaz_document* doc, int32_t unit, uint32_t flags, char* out, size_t cap,
                     size_t* out_len) {
  return guarded([&]() -> int {
    if (!doc) return fail(SKAZ_EINVAL, "doc is NULL");
    if (!out_len) return fail(SKAZ_EINVAL, "out_len is NULL");
    if (unit < SKAZ_OFFSET_BYTE || unit > SKAZ_OFFSET_UTF16) return fail(SKAZ_EINVAL, "unknown offset unit");
    if (flags & ~static_cast<uint32_t>(SKAZ_JSON_PRETTY | SKAZ_JSON_TOKENS)) {
      return fail(SKAZ_EINVAL, "unknown bits in flags");
    }
    if (doc->json_unit != unit || doc->json_flags != flags) {
      skaz::JsonOptions o;
      o.unit = static_cast<skaz::offset_unit>(unit);
      o.pretty = (flags & SKAZ_JSON_PRETTY) != 0;
      o.tokens = (flags & SKAZ_JSON_TOKENS) != 0;
      doc->json = skaz::to_json(doc->doc, o);
      doc->json_unit = unit;
      doc->json_flags = flags;
    }
    return deliver(doc->json, out, cap, out_len);
  });
}

int skaz_doc_to_html(skaz_document* doc, const char* title, char* out, size_t cap, size_t* out_len) {
  return guarded([&]() -> int {
    if (!doc) return fail(SKAZ_EINVAL, "doc is NULL");
    if (!out_len) return fail(SKAZ_EINVAL, "out_len is NULL");
    const std::string t = title ? title : "";
    if (!doc->html_ready || doc->html_title != t) {
      skaz::HtmlOptions o;
      o.title = t;
      doc->html = skaz::to_html(doc->doc, o);
      doc->html_title = t;
      doc->html_ready = true;
    }
    return deliver(doc->html, out, cap, out_len);
  });
}

int skaz_translit_options_init(skaz_translit_options* opts, uint32_t version) {
  if (!opts) return fail(SKAZ_EINVAL, "opts is NULL");
  if (int rc = check_version(version, SKAZ_TRANSLIT_OPTIONS_VERSION, "skaz_translit_options")) return rc;
  *opts = skaz_translit_options{version, SKAZ_TRANSLIT_FORWARD, nullptr};
  return SKAZ_OK;
}

int skaz_translit_new(const skaz_translit_options* opts, skaz_translit** out) {
  return guarded([&]() -> int {
    if (!out) return fail(SKAZ_EINVAL, "out is NULL");
    *out = nullptr;
    std::string schema = "wikipedia";
    std::uint32_t direction = SKAZ_TRANSLIT_FORWARD;
    if (opts) {
      if (int rc = check_version(opts->version, SKAZ_TRANSLIT_OPTIONS_VERSION, "skaz_translit_options"))
        return rc;
      if (opts->direction > SKAZ_TRANSLIT_REVERSE) {
        return fail(SKAZ_EINVAL, "direction must be SKAZ_TRANSLIT_FORWARD or SKAZ_TRANSLIT_REVERSE");
      }
      direction = opts->direction;
      if (opts->schema) schema = opts->schema;
    }
    auto t = skaz::Transliterator::create(schema);
    if (!t) return fail(t.err());
    *out = new skaz_translit{std::move(t).value(), direction};
    return SKAZ_OK;
  });
}

void skaz_translit_free(skaz_translit* translit) { delete translit; }

int skaz_translit_run(const skaz_translit* translit, const char* utf8, size_t len, char* out,
                      size_t cap, size_t* out_len) {
  return guarded([&]() -> int {
    if (!translit) return fail(SKAZ_EINVAL, "translit is NULL");
    return text_call(utf8, len, out, cap, out_len, [&](std::string_view in) {
      return translit->direction == SKAZ_TRANSLIT_REVERSE ? translit->engine.reverse_best(in)
                                                          : translit->engine.forward(in);
    });
  });
}

size_t skaz_translit_schema_count(void) { return skaz::translit_schemas().size(); }

const char* skaz_translit_schema_name(size_t index) {
  const auto& names = skaz::translit_schemas();
  // the names are NUL-terminated string literals in the tables
  return index < names.size() ? names[index].data() : nullptr;
}

int skaz_repair_text(const char* utf8, size_t len, uint32_t flags, char* out, size_t cap,
                     size_t* out_len) {
  return guarded([&]() -> int {
    constexpr uint32_t known = SKAZ_FIX_MOJIBAKE | SKAZ_FIX_HOMOGLYPHS | SKAZ_FIX_INVISIBLE;
    if (flags & ~known) return fail(SKAZ_EINVAL, "unknown bits in flags");
    skaz::RepairOptions o;
    o.mojibake = (flags & SKAZ_FIX_MOJIBAKE) != 0;
    o.homoglyphs = (flags & SKAZ_FIX_HOMOGLYPHS) != 0;
    o.invisible = (flags & SKAZ_FIX_INVISIBLE) != 0;
    return text_call(utf8, len, out, cap, out_len,
                     [&](std::string_view in) { return skaz::repair_text(in, nullptr, o); });
  });
}

int skaz_name_key(const char* utf8, size_t len, char* out, size_t cap, size_t* out_len) {
  return guarded([&]() -> int {
    return text_call(utf8, len, out, cap, out_len, [](std::string_view in) { return skaz::name_key(in); });
  });
}

int skaz_name_base(const char* utf8, size_t len, char* out, size_t cap, size_t* out_len) {
  return guarded([&]() -> int {
    return text_call(utf8, len, out, cap, out_len, [](std::string_view in) { return skaz::name_base(in); });
  });
}

}  // extern "C"
