/* The C ABI, exercised from C99: version, options, errors on bad input,
 * analysis, spans, offsets and JSON size negotiation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skaz/skaz.h"

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                       \
  do {                                                                    \
    ++checks;                                                             \
    if (!(cond)) {                                                        \
      ++failures;                                                         \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n",       \
              __FILE__, __LINE__, #cond, skaz_error_last()->message);     \
    }                                                                     \
  } while (0)

static void test_version(void) {
  CHECK(skaz_version_number() == SKAZ_VERSION_NUMBER);
  CHECK(strcmp(skaz_version_string(), SKAZ_VERSION_STRING) == 0);
  CHECK(SKAZ_VERSION_CHECK(0, 1, 0));
  CHECK(strcmp(skaz_strerror(SKAZ_EINVALID_UTF8), "invalid UTF-8") == 0);
  CHECK(skaz_strerror(12345) != NULL);
  CHECK(skaz_strerror(-999) != NULL);
}

static void test_options_and_errors(void) {
  skaz_options o;
  skaz_pipeline* p = NULL;
  skaz_document* d = NULL;
  CHECK(skaz_options_init(&o, SKAZ_OPTIONS_VERSION) == SKAZ_OK);
  CHECK(o.version == SKAZ_OPTIONS_VERSION && o.utf8_policy == SKAZ_UTF8_STRICT);
  CHECK(skaz_options_init(&o, 0) == SKAZ_EVERSION);
  CHECK(skaz_options_init(&o, SKAZ_OPTIONS_VERSION + 1) == SKAZ_EVERSION);
  CHECK(skaz_error_last()->code == SKAZ_EVERSION);
  CHECK(skaz_options_init(NULL, 1) == SKAZ_EINVAL);

  o.version = 99;
  CHECK(skaz_pipeline_new(&o, &p) == SKAZ_EVERSION && p == NULL);
  o.version = SKAZ_OPTIONS_VERSION;
  o.utf8_policy = 7;
  CHECK(skaz_pipeline_new(&o, &p) == SKAZ_EINVAL && p == NULL);
  o.utf8_policy = SKAZ_UTF8_STRICT;
  o.lang = "not a language!";
  CHECK(skaz_pipeline_new(&o, &p) == SKAZ_EINVAL && p == NULL);
  CHECK(strstr(skaz_error_last()->message, "language") != NULL);
  CHECK(skaz_pipeline_new(NULL, NULL) == SKAZ_EINVAL);

  CHECK(skaz_pipeline_new(NULL, &p) == SKAZ_OK && p != NULL);
  CHECK(skaz_analyze(NULL, "x", 1, NULL, &d) == SKAZ_EINVAL && d == NULL);
  CHECK(skaz_analyze(p, NULL, 5, NULL, &d) == SKAZ_EINVAL && d == NULL);
  CHECK(skaz_analyze(p, "x", 1, NULL, NULL) == SKAZ_EINVAL);
  CHECK(skaz_analyze(p, "x", 1, "??", &d) == SKAZ_EINVAL && d == NULL);
  /* NULL with length 0 is the empty text */
  CHECK(skaz_analyze(p, NULL, 0, NULL, &d) == SKAZ_OK && d != NULL);
  CHECK(skaz_doc_count(d, SKAZ_ITEM_SENTENCE) == 0);
  skaz_doc_free(d);
  d = NULL;

  /* strict policy: the error names the byte offset of the first bad byte */
  skaz_error_clear();
  CHECK(skaz_error_last()->code == SKAZ_OK);
  CHECK(skaz_analyze(p, "ab\xC3\x28 cd", 6, NULL, &d) == SKAZ_EINVALID_UTF8 && d == NULL);
  CHECK(skaz_error_last()->code == SKAZ_EINVALID_UTF8);
  CHECK(skaz_error_last()->offset == 2);
  CHECK(strstr(skaz_error_last()->message, "byte 2") != NULL);
  CHECK(skaz_analyze(p, "\xED\xA0\x80", 3, NULL, &d) == SKAZ_EINVALID_UTF8); /* surrogate */
  CHECK(skaz_analyze(p, "\xC0\xAF", 2, NULL, &d) == SKAZ_EINVALID_UTF8);     /* overlong */

  /* NULL handles everywhere: errors, never crashes */
  CHECK(skaz_doc_count(NULL, SKAZ_ITEM_SENTENCE) == 0);
  {
    skaz_span s;
    uint32_t off;
    size_t n;
    CHECK(skaz_doc_span(NULL, SKAZ_ITEM_SENTENCE, 0, &s) == SKAZ_EINVAL);
    CHECK(skaz_doc_offset(NULL, 0, SKAZ_OFFSET_CODEPOINT, &off) == SKAZ_EINVAL);
    CHECK(skaz_doc_to_json(NULL, SKAZ_OFFSET_CODEPOINT, 0, NULL, 0, &n) == SKAZ_EINVAL);
  }
  skaz_doc_free(NULL);
  skaz_pipeline_free(NULL);
  skaz_translit_free(NULL);
  skaz_pipeline_free(p);
}

static void test_analyze(void) {
  /* "Привет, мир!" holds 9 two-byte letters; the emoji is 4 bytes, 1 code point, 2 UTF-16 units. */
  static const char text[] =
      "Title line\n\nFirst sentence here. Second one \xF0\x9F\x98\x80 ends.\n\n"
      "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xD0\xBC\xD0\xB8\xD1\x80!";
  const size_t len = sizeof text - 1;
  skaz_options o = SKAZ_OPTIONS_INIT;
  skaz_pipeline* p = NULL;
  skaz_document* d = NULL;
  const skaz_span* spans = NULL;
  size_t n = 0, i, need = 0;
  skaz_span s;
  uint32_t cp = 0, u16 = 0;
  char small[8];
  char* buf;

  o.flags = SKAZ_FLAG_TOKENS;
  CHECK(skaz_pipeline_new(&o, &p) == SKAZ_OK);
  CHECK(skaz_analyze(p, text, len, NULL, &d) == SKAZ_OK);
  if (!d) {
    skaz_pipeline_free(p);
    return;
  }
  CHECK(strcmp(skaz_doc_language(d), "en") == 0);
  CHECK(skaz_doc_count(d, SKAZ_ITEM_PARAGRAPH) == 3);
  CHECK(skaz_doc_spans(d, SKAZ_ITEM_PARAGRAPH, &spans, &n) == SKAZ_OK && n == 3);
  CHECK(spans[0].start == 0 && spans[0].end == 10);
  CHECK(memcmp(text + spans[2].start, "\xD0\x9F", 2) == 0 && spans[2].end == len);
  CHECK(skaz_doc_spans(d, SKAZ_ITEM_QUOTE, &spans, &n) == SKAZ_EINVAL);

  n = skaz_doc_count(d, SKAZ_ITEM_SENTENCE);
  CHECK(n == 4);
  for (i = 0; i < n; ++i) {
    CHECK(skaz_doc_span(d, SKAZ_ITEM_SENTENCE, i, &s) == SKAZ_OK);
    CHECK(s.start < s.end && s.end <= len);
    CHECK(text[s.start] != ' ' && text[s.end - 1] != ' ');
  }
  CHECK(skaz_doc_span(d, SKAZ_ITEM_SENTENCE, n, &s) == SKAZ_ERANGE);
  CHECK(skaz_doc_span(d, 99, 0, &s) == SKAZ_EINVAL);
  CHECK(skaz_doc_count(d, SKAZ_ITEM_TOKEN) > 8);
  CHECK(skaz_doc_count(d, SKAZ_ITEM_QUOTE) == 0);

  /* offsets: the end of the text in every unit */
  CHECK(skaz_doc_offset(d, (uint32_t)len, SKAZ_OFFSET_CODEPOINT, &cp) == SKAZ_OK);
  CHECK(skaz_doc_offset(d, (uint32_t)len, SKAZ_OFFSET_UTF16, &u16) == SKAZ_OK);
  /* 9 Cyrillic letters of 2 bytes (-9), one emoji of 4 bytes (-3; UTF-16 +1) */
  CHECK(cp == len - 9 - 3);
  CHECK(u16 == cp + 1);
  CHECK(skaz_doc_offset(d, (uint32_t)len + 1, SKAZ_OFFSET_CODEPOINT, &cp) == SKAZ_ERANGE);
  CHECK(skaz_doc_offset(d, 0, 9, &cp) == SKAZ_EINVAL);

  /* JSON: size query, too small, exact */
  CHECK(skaz_doc_to_json(d, SKAZ_OFFSET_CODEPOINT, SKAZ_JSON_TOKENS, NULL, 0, &need) == SKAZ_OK);
  CHECK(need > 100);
  CHECK(skaz_doc_to_json(d, SKAZ_OFFSET_CODEPOINT, SKAZ_JSON_TOKENS, small, sizeof small, &n) ==
        SKAZ_EBUFS);
  CHECK(n == need);
  CHECK(skaz_doc_to_json(d, SKAZ_OFFSET_CODEPOINT, 0x80, NULL, 0, &n) == SKAZ_EINVAL);
  buf = (char*)malloc(need + 1);
  if (buf) {
    CHECK(skaz_doc_to_json(d, SKAZ_OFFSET_CODEPOINT, SKAZ_JSON_TOKENS, buf, need + 1, &n) == SKAZ_OK);
    CHECK(n == need && buf[need] == '\0');
    CHECK(strncmp(buf, "{\"skaz_version\":", 16) == 0);
    CHECK(strstr(buf, "\"tokens\":[") != NULL);
    CHECK(strstr(buf, "\"quotes\":[]") != NULL);
    free(buf);
  }
  skaz_doc_free(d);
  skaz_pipeline_free(p);
}

static void test_replace_policy(void) {
  static const char text[] = "ok \xFF\xFE then \xE2\x82 end";
  skaz_options o = SKAZ_OPTIONS_INIT;
  skaz_pipeline* p = NULL;
  skaz_document* d = NULL;
  skaz_repair r;
  skaz_span s;
  o.utf8_policy = SKAZ_UTF8_REPLACE;
  CHECK(skaz_pipeline_new(&o, &p) == SKAZ_OK);
  CHECK(skaz_analyze(p, text, sizeof text - 1, "en", &d) == SKAZ_OK);
  if (d) {
    /* \xFF and \xFE are two maximal subparts; \xE2\x82 (truncated) is one */
    CHECK(skaz_doc_count(d, SKAZ_ITEM_REPAIR) == 3);
    CHECK(skaz_doc_repair(d, 0, &r) == SKAZ_OK && r.start == 3 && r.end == 4);
    CHECK(r.kind == SKAZ_REPAIR_INVALID_UTF8 && r.replacement_len == 3);
    CHECK(skaz_doc_repair(d, 2, &r) == SKAZ_OK && r.start == 11 && r.end == 13);
    CHECK(skaz_doc_repair(d, 3, &r) == SKAZ_ERANGE);
    /* the single paragraph still covers the original input exactly */
    CHECK(skaz_doc_span(d, SKAZ_ITEM_PARAGRAPH, 0, &s) == SKAZ_OK);
    CHECK(s.start == 0 && s.end == sizeof text - 1);
  }
  skaz_doc_free(d);
  skaz_pipeline_free(p);
}

static void test_repair(void) {
  /* "дом" written as UTF-8 and read as cp1251: "РґРѕРј" */
  static const char garbled[] = "\xD0\xA0\xD2\x91\xD0\xA0\xD1\x95\xD0\xA0\xD1\x98";
  char out[64];
  size_t n = 0;
  CHECK(skaz_repair_text(garbled, sizeof garbled - 1, SKAZ_FIX_MOJIBAKE, NULL, 0, &n) == SKAZ_OK);
  CHECK(n == 6);
  CHECK(skaz_repair_text(garbled, sizeof garbled - 1, SKAZ_FIX_MOJIBAKE, out, 3, &n) == SKAZ_EBUFS && n == 6);
  CHECK(skaz_repair_text(garbled, sizeof garbled - 1, SKAZ_FIX_MOJIBAKE, out, sizeof out, &n) == SKAZ_OK);
  CHECK(n == 6 && memcmp(out, "\xD0\xB4\xD0\xBE\xD0\xBC", 6) == 0 && out[6] == '\0');
}

static void test_entity_roles(void) {
  static const char text[] = "The head of the agency Pavel Orlov spoke on Monday. The head of the agency left.";
  skaz_pipeline* p = NULL;
  skaz_document* d = NULL;
  const char* role = NULL;
  size_t len = 0, i, found = 0;
  CHECK(skaz_pipeline_new(NULL, &p) == SKAZ_OK);
  CHECK(skaz_analyze(p, text, sizeof text - 1, "en", &d) == SKAZ_OK);
  for (i = 0; i < skaz_doc_count(d, SKAZ_ITEM_ENTITY); ++i) {
    skaz_entity e;
    CHECK(skaz_doc_entity(d, i, &e) == SKAZ_OK);
    if (strcmp(e.name, "Pavel Orlov") != 0) continue;
    ++found;
    CHECK(skaz_doc_entity_role_count(d, i) == 1);
    CHECK(skaz_doc_entity_role(d, i, 0, &role, &len) == SKAZ_OK);
    CHECK(role != NULL && len == 18 && strcmp(role, "head of the agency") == 0);
    CHECK(skaz_doc_entity_role(d, i, 1, &role, &len) == SKAZ_ERANGE);
    /* his name, then the role standing alone in the second sentence */
    CHECK(e.mention_count == 2);
    {
      skaz_span m;
      uint32_t g = 99;
      CHECK(skaz_doc_entity_mention(d, i, 0, &m) == SKAZ_OK && m.kind == SKAZ_MENTION_NAME);
      CHECK(skaz_doc_entity_mention(d, i, 1, &m) == SKAZ_OK && m.kind == SKAZ_MENTION_ROLE);
      CHECK(m.start == 56 && m.end == 74);
      CHECK(skaz_doc_entity_gender(d, i, &g) == SKAZ_OK && g == SKAZ_GENDER_MALE);
      CHECK(skaz_doc_entity_gender(d, i, NULL) == SKAZ_EINVAL);
    }
  }
  CHECK(found == 1);
  {
    uint32_t g = 0;
    CHECK(skaz_doc_entity_gender(d, 999, &g) == SKAZ_ERANGE);
    CHECK(skaz_doc_entity_gender(NULL, 0, &g) == SKAZ_EINVAL);
  }
  CHECK(skaz_doc_entity_role_count(d, 999) == 0);
  CHECK(skaz_doc_entity_role(d, 999, 0, &role, &len) == SKAZ_ERANGE);
  CHECK(skaz_doc_entity_role(d, 0, 0, NULL, &len) == SKAZ_EINVAL);
  CHECK(skaz_doc_entity_role_count(NULL, 0) == 0);
  skaz_doc_free(d);
  skaz_pipeline_free(p);
}

static void test_not_implemented(void) {
  size_t n = 0;
  skaz_translit* t = NULL;
  skaz_translit_options to = SKAZ_TRANSLIT_OPTIONS_INIT;
  CHECK(skaz_translit_new(&to, &t) == SKAZ_OK && t != NULL);
  if (t) {
    char out[64];
    /* "Щукин" -> "Shchukin" (wikipedia, the default schema) */
    CHECK(skaz_translit_run(t, "\xD0\xA9\xD1\x83\xD0\xBA\xD0\xB8\xD0\xBD", 10, out, sizeof out, &n) == SKAZ_OK);
    CHECK(n == 8 && memcmp(out, "Shchukin", 8) == 0);
    CHECK(skaz_translit_run(t, "\xFF", 1, out, sizeof out, &n) == SKAZ_EINVALID_UTF8);
  }
  skaz_translit_free(t);
  t = NULL;
  to.schema = "no_such_schema";
  CHECK(skaz_translit_new(&to, &t) == SKAZ_ENOTFOUND && t == NULL);
  CHECK(skaz_translit_schema_count() >= 28);
  CHECK(skaz_translit_schema_name(0) != NULL);
  CHECK(skaz_translit_schema_name(100000) == NULL);
  to.schema = NULL;
  to.version = 42;
  CHECK(skaz_translit_new(&to, &t) == SKAZ_EVERSION);
  CHECK(skaz_repair_text("x", 1, SKAZ_FIX_MOJIBAKE, NULL, 0, &n) == SKAZ_OK && n == 1);
  CHECK(skaz_repair_text("x", 1, 0x100, NULL, 0, &n) == SKAZ_EINVAL);
  CHECK(skaz_repair_text("\xff", 1, SKAZ_FIX_MOJIBAKE, NULL, 0, &n) == SKAZ_EINVALID_UTF8);
  {
    char a[32], b[32];
    size_t na = 0, nb = 0;
    /* "Durova" and "Дуров" share a key; "Дурова" has the base "Дуров" */
    CHECK(skaz_name_key("Durova", 6, a, sizeof a, &na) == SKAZ_OK);
    CHECK(skaz_name_key("\xD0\x94\xD1\x83\xD1\x80\xD0\xBE\xD0\xB2", 10, b, sizeof b, &nb) == SKAZ_OK);
    CHECK(na == nb && memcmp(a, b, na) == 0);
    CHECK(skaz_name_base("\xD0\x94\xD1\x83\xD1\x80\xD0\xBE\xD0\xB2\xD0\xB0", 12, b, sizeof b, &nb) == SKAZ_OK);
    CHECK(nb == 10 && memcmp(b, "\xD0\x94\xD1\x83\xD1\x80\xD0\xBE\xD0\xB2", 10) == 0);
    CHECK(skaz_name_key("\xFF", 1, a, sizeof a, &na) == SKAZ_EINVALID_UTF8);
  }
  CHECK(skaz_name_base(NULL, 3, NULL, 0, &n) == SKAZ_EINVAL);
}

int main(void) {
  test_version();
  test_options_and_errors();
  test_analyze();
  test_replace_policy();
  test_repair();
  test_entity_roles();
  test_not_implemented();
  printf("%d checks, %d failed\n", checks, failures);
  return failures ? 1 : 0;
}
