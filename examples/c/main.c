/*
 * examples/c/main.c — the skaz C ABI from plain C99.
 *
 *   example_c [FILE]
 *
 * Analyses FILE (by default the bundled examples/data/article.txt), prints
 * the counts, the zones, every sentence with its byte offsets, the quotes and
 * entities, and the document as JSON; then shows how errors are reported,
 * with invalid UTF-8 under the strict policy. Every return code is checked,
 * and the exit status is nonzero when anything unexpected happens, so the
 * program doubles as a test (ctest runs it).
 *
 * Only <skaz/skaz.h> is used: no C++ headers, and nothing to free() yourself
 * except the buffers this program allocates.
 */
#include <skaz/skaz.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef SKAZ_EXAMPLE_ARTICLE
#  define SKAZ_EXAMPLE_ARTICLE "examples/data/article.txt"
#endif

/* ------------------------------------------------------------ helpers */

/* Reports a failed skaz call: its code, the static text of the code, and the
 * thread's detailed message (valid until the next skaz call on this thread). */
static int fail(const char* what, int rc) {
  const skaz_error* e = skaz_error_last();
  fprintf(stderr, "example_c: %s failed: %d (%s): %s\n", what, rc,
          skaz_strerror(rc), e->message);
  if (e->offset != UINT64_MAX)
    fprintf(stderr, "example_c:   at byte offset %" PRIu64 "\n", e->offset);
  return 1;
}

/* Reports a result that breaks a documented promise. */
static int unexpected(const char* what) {
  fprintf(stderr, "example_c: unexpected: %s\n", what);
  return 1;
}

/* Reads a whole file into a malloc'ed buffer; *len receives its size. The
 * buffer holds arbitrary bytes: skaz takes (pointer, length), not C strings. */
static char* read_file(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  char* buf = NULL;
  size_t cap = 0, n = 0;
  if (!f) return NULL;
  for (;;) {
    size_t got;
    if (n == cap) {
      size_t new_cap = cap ? cap * 2 : 65536;
      char* grown = (char*)realloc(buf, new_cap);
      if (!grown) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = grown;
      cap = new_cap;
    }
    got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
  }
  if (ferror(f)) {
    free(buf);
    fclose(f);
    return NULL;
  }
  fclose(f);
  *len = n;
  return buf;
}

static const char* zone_name(uint32_t kind) {
  static const char* const names[] = {"body",    "title",  "subheading",
                                      "caption", "credit", "related_link",
                                      "byline",  "title_repeat"};
  return kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

static const char* quote_name(uint32_t kind) {
  static const char* const names[] = {"direct", "partial", "indirect", "scare",
                                      "title"};
  return kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

static const char* entity_name(uint32_t type) {
  static const char* const names[] = {"person", "organization", "role", "other"};
  return type < sizeof names / sizeof names[0] ? names[type] : "?";
}

/* Prints text[start:end] on one line (line breaks shown as spaces), cut
 * after `max` characters when max > 0. */
static void print_slice(const char* text, uint32_t start, uint32_t end,
                        uint32_t max) {
  uint32_t i, chars = 0;
  for (i = start; i < end; ++i) {
    char c = text[i];
    /* A character starts at every byte that is not a continuation byte. */
    if (((unsigned char)c & 0xC0) != 0x80 && max > 0 && chars++ == max) {
      fputs("...", stdout);
      return;
    }
    putchar(c == '\n' || c == '\r' ? ' ' : c);
  }
}

/* Checks that spans lie inside the input, are not empty and come in
 * document order without overlapping (true of zones, paragraphs and
 * sentences). */
static int check_spans(const char* what, const skaz_span* spans, size_t count,
                       size_t len) {
  size_t i;
  for (i = 0; i < count; ++i) {
    if (spans[i].start >= spans[i].end || spans[i].end > len) {
      fprintf(stderr,
              "example_c: %s %zu has bad offsets [%" PRIu32 ", %" PRIu32
              ") for an input of %zu bytes\n",
              what, i, spans[i].start, spans[i].end, len);
      return 1;
    }
    if (i > 0 && spans[i].start < spans[i - 1].end) {
      fprintf(stderr, "example_c: %s %zu overlaps the one before it\n", what, i);
      return 1;
    }
  }
  return 0;
}

/* ------------------------------------------------------------ printing */

static int print_zones(const skaz_document* doc, const char* text, size_t len) {
  const skaz_span* zones = NULL;
  size_t count = 0, i;
  /* The array belongs to the document and lives as long as it does. */
  int rc = skaz_doc_spans(doc, SKAZ_ITEM_ZONE, &zones, &count);
  if (rc != SKAZ_OK) return fail("skaz_doc_spans(zones)", rc);
  if (count == 0) return unexpected("no zones");
  if (check_spans("zone", zones, count, len)) return 1;
  printf("\nZones:\n");
  for (i = 0; i < count; ++i) {
    printf("  %-12s [%5" PRIu32 ", %5" PRIu32 ") ", zone_name(zones[i].kind),
           zones[i].start, zones[i].end);
    print_slice(text, zones[i].start, zones[i].end, 70);
    putchar('\n');
  }
  return 0;
}

static int print_sentences(const skaz_document* doc, const char* text,
                           size_t len) {
  const skaz_span* sentences = NULL;
  size_t count = 0, i;
  skaz_span one;
  int rc = skaz_doc_spans(doc, SKAZ_ITEM_SENTENCE, &sentences, &count);
  if (rc != SKAZ_OK) return fail("skaz_doc_spans(sentences)", rc);
  if (count == 0) return unexpected("no sentences");
  if (count != skaz_doc_count(doc, SKAZ_ITEM_SENTENCE))
    return unexpected("skaz_doc_spans and skaz_doc_count disagree");
  if (check_spans("sentence", sentences, count, len)) return 1;

  printf("\nSentences: [byte offsets) and [code point offsets)\n");
  for (i = 0; i < count; ++i) {
    uint32_t cp_start = 0, cp_end = 0;
    /* Byte offsets index OUR buffer: text + start, end - start bytes is the
     * sentence. skaz_doc_offset converts them for code point (or UTF-16)
     * based hosts. */
    rc = skaz_doc_offset(doc, sentences[i].start, SKAZ_OFFSET_CODEPOINT,
                         &cp_start);
    if (rc != SKAZ_OK) return fail("skaz_doc_offset", rc);
    rc = skaz_doc_offset(doc, sentences[i].end, SKAZ_OFFSET_CODEPOINT, &cp_end);
    if (rc != SKAZ_OK) return fail("skaz_doc_offset", rc);
    if (cp_start >= cp_end || cp_end > sentences[i].end)
      return unexpected("code point offsets out of line with byte offsets");

    /* The one-at-a-time accessor gives the same span. */
    rc = skaz_doc_span(doc, SKAZ_ITEM_SENTENCE, i, &one);
    if (rc != SKAZ_OK) return fail("skaz_doc_span", rc);
    if (one.start != sentences[i].start || one.end != sentences[i].end)
      return unexpected("skaz_doc_span and skaz_doc_spans disagree");

    printf("  %3zu [%5" PRIu32 ", %5" PRIu32 ") [%5" PRIu32 ", %5" PRIu32 ") ",
           i, sentences[i].start, sentences[i].end, cp_start, cp_end);
    print_slice(text, sentences[i].start, sentences[i].end, 0);
    putchar('\n');
  }

  /* Asking for an item past the end is an error, never a crash. */
  rc = skaz_doc_span(doc, SKAZ_ITEM_SENTENCE, count, &one);
  if (rc != SKAZ_ERANGE)
    return unexpected("skaz_doc_span past the end did not return SKAZ_ERANGE");
  return 0;
}

static int print_quotes_and_entities(const skaz_document* doc,
                                     const char* text, size_t len) {
  size_t count = skaz_doc_count(doc, SKAZ_ITEM_QUOTE), i;
  int rc;
  printf("\nQuotes:\n");
  for (i = 0; i < count; ++i) {
    skaz_quote q;
    rc = skaz_doc_quote(doc, i, &q);
    if (rc != SKAZ_OK) return fail("skaz_doc_quote", rc);
    if (q.start > q.end || q.end > len) return unexpected("quote out of range");
    printf("  %-8s ", quote_name(q.kind));
    print_slice(text, q.start, q.end, 60);
    if (q.speaker_start != SKAZ_NO_OFFSET) {
      fputs("\n           speaker: ", stdout);
      print_slice(text, q.speaker_start, q.speaker_end, 0);
    }
    if (q.cue_start != SKAZ_NO_OFFSET) {
      fputs("  cue: ", stdout);
      print_slice(text, q.cue_start, q.cue_end, 0);
    }
    printf("  (rule %s, confidence %.2f)\n", q.rule, q.confidence);
  }

  count = skaz_doc_count(doc, SKAZ_ITEM_ENTITY);
  printf("\nEntities:\n");
  for (i = 0; i < count; ++i) {
    skaz_entity e;
    rc = skaz_doc_entity(doc, i, &e);
    if (rc != SKAZ_OK) return fail("skaz_doc_entity", rc);
    /* Strings owned by the document carry their length and a NUL. */
    printf("  %-12s %.*s (%zu mention%s)\n", entity_name(e.type),
           (int)e.name_len, e.name, e.mention_count,
           e.mention_count == 1 ? "" : "s");
  }
  return 0;
}

/* The document as JSON, with the two-call size negotiation of the C ABI: ask
 * for the size with (NULL, 0), allocate, then fill the buffer. */
static int print_json(skaz_document* doc) {
  size_t needed = 0, written = 0;
  char* json;
  int rc = skaz_doc_to_json(doc, SKAZ_OFFSET_CODEPOINT, SKAZ_JSON_PRETTY, NULL,
                            0, &needed);
  /* A size query reports the size in *out_len, as success or as EBUFS. */
  if (rc != SKAZ_OK && rc != SKAZ_EBUFS)
    return fail("skaz_doc_to_json (size query)", rc);
  if (needed < 2) return unexpected("skaz_doc_to_json announced an empty JSON");

  json = (char*)malloc(needed + 1);
  if (!json) return unexpected("out of memory");

  /* One byte short: refused with SKAZ_EBUFS and the exact size again. */
  rc = skaz_doc_to_json(doc, SKAZ_OFFSET_CODEPOINT, SKAZ_JSON_PRETTY, json,
                        needed - 1, &written);
  if (rc != SKAZ_EBUFS || written != needed) {
    free(json);
    return unexpected("a short JSON buffer was not refused with the exact size");
  }

  /* needed + 1 bytes: the JSON and a terminating NUL. */
  rc = skaz_doc_to_json(doc, SKAZ_OFFSET_CODEPOINT, SKAZ_JSON_PRETTY, json,
                        needed + 1, &written);
  if (rc != SKAZ_OK) {
    free(json);
    return fail("skaz_doc_to_json", rc);
  }
  if (written != needed || json[written] != '\0' || json[0] != '{' ||
      json[written - 1] != '}') {
    free(json);
    return unexpected("the JSON does not have the announced size and shape");
  }
  printf("\nJSON (%zu bytes, code point offsets):\n%s\n", written, json);
  free(json);
  return 0;
}

/* ------------------------------------------------------------ analysis */

static int analyze_file(const skaz_pipeline* pipeline, const char* path) {
  static const char* const item_names[] = {"zones",  "paragraphs", "sentences",
                                           "tokens", "entities",   "quotes",
                                           "repairs"};
  skaz_document* doc = NULL;
  size_t len = 0;
  int32_t item;
  int rc, status = 0;
  char* text = read_file(path, &len);
  if (!text) {
    fprintf(stderr, "example_c: cannot read %s\n", path);
    return 1;
  }

  /* NULL lang: the pipeline's language ("auto" detects it). */
  rc = skaz_analyze(pipeline, text, len, NULL, &doc);
  if (rc != SKAZ_OK) {
    status = fail("skaz_analyze", rc);
  } else {
    printf("%s: %zu bytes, analysed as \"%s\"\n", path, len,
           skaz_doc_language(doc));
    for (item = SKAZ_ITEM_ZONE; item <= SKAZ_ITEM_REPAIR; ++item)
      printf("  %-10s %zu\n", item_names[item], skaz_doc_count(doc, item));
    if (skaz_doc_count(doc, SKAZ_ITEM_PARAGRAPH) == 0)
      status = unexpected("no paragraphs");
    if (status == 0) status = print_zones(doc, text, len);
    if (status == 0) status = print_sentences(doc, text, len);
    if (status == 0) status = print_quotes_and_entities(doc, text, len);
    if (status == 0) status = print_json(doc);
  }
  skaz_doc_free(doc); /* accepts NULL */
  free(text);
  return status;
}

/* ------------------------------------------------------------ errors */

/* Invalid UTF-8 under the strict policy (the default) is an error that names
 * the byte offset of the first bad byte; under SKAZ_UTF8_REPLACE the same
 * bytes read as U+FFFD and offsets still index the original input. */
static int demonstrate_errors(void) {
  static const char bad[] = "The harbour reopens on Friday. Ships \xC3\x28 wait.";
  const size_t bad_len = sizeof bad - 1;
  const uint64_t bad_offset = 37; /* the lone lead byte 0xC3 */
  skaz_options opts = SKAZ_OPTIONS_INIT;
  skaz_pipeline* strict = NULL;
  skaz_pipeline* lenient = NULL;
  skaz_document* doc = NULL;
  const skaz_error* e;
  int rc, status = 0;

  printf("\nError handling:\n");

  /* An options struct from a future version is refused, not misread. */
  opts.version = SKAZ_OPTIONS_VERSION + 100;
  rc = skaz_pipeline_new(&opts, &strict);
  if (rc != SKAZ_EVERSION || strict != NULL)
    return unexpected("an unknown options version was not refused");
  printf("  options version %" PRIu32 ": %d (%s): %s\n", opts.version, rc,
         skaz_strerror(rc), skaz_error_last()->message);

  /* The strict policy rejects invalid UTF-8. */
  opts.version = SKAZ_OPTIONS_VERSION;
  opts.utf8_policy = SKAZ_UTF8_STRICT;
  rc = skaz_pipeline_new(&opts, &strict);
  if (rc != SKAZ_OK) return fail("skaz_pipeline_new(strict)", rc);
  rc = skaz_analyze(strict, bad, bad_len, "en", &doc);
  e = skaz_error_last(); /* read it right away, on the same thread */
  if (rc != SKAZ_EINVALID_UTF8 || doc != NULL) {
    status = unexpected("invalid UTF-8 was not rejected with SKAZ_EINVALID_UTF8");
  } else if (e->code != SKAZ_EINVALID_UTF8 || e->offset != bad_offset) {
    fprintf(stderr, "example_c: last error: code %d, offset %" PRIu64 "\n",
            (int)e->code, e->offset);
    status = unexpected("skaz_error_last() does not describe the invalid byte");
  } else {
    printf("  strict:  %d (%s) at byte %" PRIu64 ": %s\n", rc,
           skaz_strerror(rc), e->offset, e->message);
  }
  skaz_doc_free(doc);
  doc = NULL;
  skaz_pipeline_free(strict);
  if (status) return status;

  /* The replace policy analyses the same bytes. */
  opts.utf8_policy = SKAZ_UTF8_REPLACE;
  rc = skaz_pipeline_new(&opts, &lenient);
  if (rc != SKAZ_OK) return fail("skaz_pipeline_new(replace)", rc);
  rc = skaz_analyze(lenient, bad, bad_len, "en", &doc);
  if (rc != SKAZ_OK) {
    status = fail("skaz_analyze(replace)", rc);
  } else {
    const skaz_span* sentences = NULL;
    size_t count = 0, i;
    rc = skaz_doc_spans(doc, SKAZ_ITEM_SENTENCE, &sentences, &count);
    if (rc != SKAZ_OK) {
      status = fail("skaz_doc_spans", rc);
    } else if (count == 0 || check_spans("sentence", sentences, count, bad_len)) {
      status = unexpected("bad sentences under SKAZ_UTF8_REPLACE");
    } else {
      printf("  replace: %zu sentence%s, %zu repair%s\n", count,
             count == 1 ? "" : "s", skaz_doc_count(doc, SKAZ_ITEM_REPAIR),
             skaz_doc_count(doc, SKAZ_ITEM_REPAIR) == 1 ? "" : "s");
      for (i = 0; i < count; ++i)
        printf("    [%2" PRIu32 ", %2" PRIu32 ")\n", sentences[i].start,
               sentences[i].end);
    }
  }
  skaz_doc_free(doc);
  doc = NULL;
  skaz_pipeline_free(lenient);

  /* NULL where a pointer is required: SKAZ_EINVAL, no crash. */
  if (status == 0) {
    rc = skaz_analyze(NULL, bad, bad_len, NULL, &doc);
    if (rc != SKAZ_EINVAL) return unexpected("a NULL pipeline was accepted");
    printf("  NULL pipeline: %d (%s)\n", rc, skaz_strerror(rc));
  }
  return status;
}

/* ------------------------------------------------------------ main */

int main(int argc, char** argv) {
  const char* path = argc > 1 ? argv[1] : SKAZ_EXAMPLE_ARTICLE;
  skaz_options opts = SKAZ_OPTIONS_INIT; /* strict UTF-8, language "auto" */
  skaz_pipeline* pipeline = NULL;
  int rc, status;

  if (argc > 2) {
    fprintf(stderr, "usage: %s [FILE]\n", argv[0]);
    return 2;
  }

  /* The library we run against must be the major version we compiled for. */
  printf("skaz %s (header %s)\n", skaz_version_string(), SKAZ_VERSION_STRING);
  if (skaz_version_number() / 10000 != SKAZ_VERSION_NUMBER / 10000)
    return unexpected("libskaz has another major version than skaz.h");

  opts.flags = SKAZ_FLAG_TOKENS; /* keep tokens: counted below */
  rc = skaz_pipeline_new(&opts, &pipeline);
  if (rc != SKAZ_OK) return fail("skaz_pipeline_new", rc);

  /* A pipeline is immutable and could be shared by many threads. */
  status = analyze_file(pipeline, path);
  skaz_pipeline_free(pipeline);

  if (status == 0) status = demonstrate_errors();
  if (status == 0) printf("\nexample_c: OK\n");
  return status;
}
