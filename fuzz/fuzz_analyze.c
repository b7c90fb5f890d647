/* skaz_analyze and everything a document answers: counts, spans, entities,
 * quotes, repairs, offsets, JSON in every unit, the HTML page. The first
 * byte picks the language and the UTF-8 policy. */
#include "common.h"

static skaz_pipeline* pipelines[2];

static skaz_pipeline* pipeline(int replace) {
  if (!pipelines[replace]) {
    skaz_options o = SKAZ_OPTIONS_INIT;
    o.utf8_policy = replace ? SKAZ_UTF8_REPLACE : SKAZ_UTF8_STRICT;
    o.flags = SKAZ_FLAG_TOKENS;
    if (skaz_pipeline_new(&o, &pipelines[replace]) != SKAZ_OK) abort();
  }
  return pipelines[replace];
}

static skaz_document* doc_;
static int unit_;
static int json_call(char* out, size_t cap, size_t* len) {
  return skaz_doc_to_json(doc_, unit_, SKAZ_JSON_TOKENS, out, cap, len);
}
static int html_call(char* out, size_t cap, size_t* len) {
  return skaz_doc_to_html(doc_, "fuzz <title>", out, cap, len);
}

int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  static const char* const langs[] = {NULL, "en", "ru", "de"};
  if (size < 1 || size > (1u << 20)) return 0;
  const char* lang = langs[data[0] & 3];
  skaz_document* doc = NULL;
  int rc = skaz_analyze(pipeline((data[0] >> 2) & 1), (const char*)data + 1, size - 1, lang, &doc);
  fuzz_check(rc, "skaz_analyze");
  if (rc != SKAZ_OK) return 0;
  const size_t text_len = size - 1;
  for (int item = SKAZ_ITEM_ZONE; item <= SKAZ_ITEM_REPAIR; ++item) {
    const size_t n = skaz_doc_count(doc, item);
    for (size_t i = 0; i < n; ++i) {
      skaz_span s;
      fuzz_check(skaz_doc_span(doc, item, i, &s), "skaz_doc_span");
      if (s.start > s.end || s.end > text_len) {
        fprintf(stderr, "span %u..%u outside a text of %zu bytes\n", s.start, s.end, text_len);
        abort();
      }
    }
  }
  for (size_t i = 0; i < skaz_doc_count(doc, SKAZ_ITEM_QUOTE); ++i) {
    skaz_quote q;
    fuzz_check(skaz_doc_quote(doc, i, &q), "skaz_doc_quote");
  }
  for (size_t i = 0; i < skaz_doc_count(doc, SKAZ_ITEM_ENTITY); ++i) {
    skaz_entity e;
    fuzz_check(skaz_doc_entity(doc, i, &e), "skaz_doc_entity");
  }
  for (size_t i = 0; i < skaz_doc_count(doc, SKAZ_ITEM_REPAIR); ++i) {
    skaz_repair r;
    fuzz_check(skaz_doc_repair(doc, i, &r), "skaz_doc_repair");
  }
  uint32_t off = 0;
  fuzz_check(skaz_doc_offset(doc, (uint32_t)(text_len / 2), SKAZ_OFFSET_UTF16, &off), "skaz_doc_offset");
  doc_ = doc;
  for (unit_ = SKAZ_OFFSET_BYTE; unit_ <= SKAZ_OFFSET_UTF16; ++unit_) FUZZ_NEGOTIATE("skaz_doc_to_json", json_call);
  FUZZ_NEGOTIATE("skaz_doc_to_html", html_call);
  skaz_doc_free(doc);
  return 0;
}
