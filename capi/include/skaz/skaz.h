/*
 * skaz.h — the C ABI of skaz: news text into structure (zones, paragraphs,
 * sentences, tokens, entities, quotes, repairs).
 *
 * Pure C99: only <stddef.h> and <stdint.h>. Everything is prefixed skaz_/SKAZ_.
 *
 * Conventions (see docs/api-stability.md for the promise):
 *  - Functions return int: SKAZ_OK (0) or a negative error code. Codes are
 *    pinned forever; new ones are only appended. After an error,
 *    skaz_error_last() describes it (thread-local).
 *  - Text input is always (const char* utf8, size_t len); NUL is not required
 *    and embedded NUL bytes are ordinary characters.
 *  - Offsets are half-open UTF-8 byte offsets into the caller's ORIGINAL input
 *    (input[start:end] is the surface). skaz_doc_offset() converts them to
 *    code points or UTF-16 units.
 *  - Text outputs use caller buffers: on SKAZ_EBUFS, *out_len holds the exact
 *    size needed; out == NULL with cap == 0 is a valid size query.
 *  - Handles are opaque. A skaz_pipeline is immutable and may be shared by any
 *    number of threads. A skaz_document belongs to its caller and must not be
 *    used from two threads at once. Every *_free accepts NULL.
 *  - Enumerations below define constants only; parameters and fields carrying
 *    them are int32_t/uint32_t so that FFIs know their size.
 */
#ifndef SKAZ_H
#define SKAZ_H

#include <stddef.h>
#include <stdint.h>

#include "skaz_version.h"

#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(SKAZ_STATIC)
#    define SKAZ_API
#  elif defined(SKAZ_BUILDING)
#    define SKAZ_API __declspec(dllexport)
#  else
#    define SKAZ_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define SKAZ_API __attribute__((visibility("default")))
#else
#  define SKAZ_API
#endif

#if defined(SKAZ_DISABLE_DEPRECATE_WARNINGS)
#  define SKAZ_DEPRECATED(msg)
#elif defined(__GNUC__) || defined(__clang__)
#  define SKAZ_DEPRECATED(msg) __attribute__((deprecated(msg)))
#elif defined(_MSC_VER)
#  define SKAZ_DEPRECATED(msg) __declspec(deprecated(msg))
#else
#  define SKAZ_DEPRECATED(msg)
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ version */

/** SKAZ_VERSION_NUMBER of the library actually loaded (compare with the header's). */
SKAZ_API uint32_t skaz_version_number(void);
/** "MAJOR.MINOR.PATCH" of the loaded library; static storage. */
SKAZ_API const char* skaz_version_string(void);

/* ------------------------------------------------------------------- errors */

/* Pinned forever: never renumbered, only appended. */
enum {
  SKAZ_OK = 0,
  SKAZ_EINVAL = -1,          /* invalid argument (NULL pointer, bad value) */
  SKAZ_ENOMEM = -2,          /* out of memory */
  SKAZ_EINVALID_UTF8 = -3,   /* invalid UTF-8 under the strict policy */
  SKAZ_EBUFS = -4,           /* output buffer too small; *out_len = size needed */
  SKAZ_EVERSION = -5,        /* unsupported options struct version */
  SKAZ_ENOTIMPL = -6,        /* not implemented in this version */
  SKAZ_ENOTSUPPORTED = -7,   /* unsupported in this build (e.g. no ICU) */
  SKAZ_ERANGE = -8,          /* index or offset out of range */
  SKAZ_ETOOBIG = -9,         /* input larger than 4 GiB - 1 bytes */
  SKAZ_ENOTFOUND = -10,      /* unknown name (language, schema, ...) */
  SKAZ_EUSER = -11,          /* a user callback returned nonzero */
  SKAZ_EINTERNAL = -12       /* a bug in skaz: please report it */
};

/** Static English text for an error code; never NULL. */
SKAZ_API const char* skaz_strerror(int code);

typedef struct skaz_error {
  int32_t code;        /* the SKAZ_E* code, SKAZ_OK when no error happened */
  const char* message; /* NUL-terminated UTF-8, never NULL */
  uint64_t offset;     /* byte offset into the input the error concerns, or
                          UINT64_MAX when it concerns no position */
} skaz_error;

/** The last error on the calling thread; never NULL. Valid until the next
 *  skaz_ call on the same thread. Successful calls do not clear it. */
SKAZ_API const skaz_error* skaz_error_last(void);
/** Resets the calling thread's last error to SKAZ_OK. */
SKAZ_API void skaz_error_clear(void);

/* ------------------------------------------------------------------ options */

enum {
  SKAZ_UTF8_STRICT = 0,  /* invalid UTF-8 is an error naming its byte offset */
  SKAZ_UTF8_REPLACE = 1  /* each maximal invalid subpart reads as U+FFFD */
};

enum {
  SKAZ_FLAG_TOKENS = 1u << 0 /* keep tokens in the document */
};

typedef struct skaz_options {
  uint32_t version;     /* SKAZ_OPTIONS_VERSION */
  uint32_t utf8_policy; /* SKAZ_UTF8_STRICT or SKAZ_UTF8_REPLACE */
  uint32_t flags;       /* SKAZ_FLAG_* */
  const char* lang;     /* "auto" (or NULL), "en", "ru"; other codes use the
                           generic fallback. Copied by skaz_pipeline_new. */
} skaz_options;

#define SKAZ_OPTIONS_VERSION 1
#define SKAZ_OPTIONS_INIT {SKAZ_OPTIONS_VERSION, SKAZ_UTF8_STRICT, 0, NULL}

/** Fills *opts with the defaults of struct version `version` (for FFIs). */
SKAZ_API int skaz_options_init(skaz_options* opts, uint32_t version);

/* ----------------------------------------------------------------- pipeline */

typedef struct skaz_pipeline skaz_pipeline;
typedef struct skaz_document skaz_document;

/** Creates a pipeline; opts may be NULL for defaults. Thread-safe to share. */
SKAZ_API int skaz_pipeline_new(const skaz_options* opts, skaz_pipeline** out);
SKAZ_API void skaz_pipeline_free(skaz_pipeline* pipeline);

/** Analyses one text. lang overrides the pipeline's language when not NULL.
 *  The document keeps a copy of the input; free it with skaz_doc_free. */
SKAZ_API int skaz_analyze(const skaz_pipeline* pipeline, const char* utf8,
                          size_t len, const char* lang, skaz_document** out);
SKAZ_API void skaz_doc_free(skaz_document* doc);

/** The language the document was analysed as ("en", "ru", ...); valid while
 *  the document lives. */
SKAZ_API const char* skaz_doc_language(const skaz_document* doc);

/* ------------------------------------------------------------ spans in docs */

/* What skaz_doc_count / skaz_doc_span enumerate. */
enum {
  SKAZ_ITEM_ZONE = 0,
  SKAZ_ITEM_PARAGRAPH = 1,
  SKAZ_ITEM_SENTENCE = 2,
  SKAZ_ITEM_TOKEN = 3,
  SKAZ_ITEM_ENTITY = 4,
  SKAZ_ITEM_QUOTE = 5,
  SKAZ_ITEM_REPAIR = 6
};

/* skaz_span.kind for zones */
enum {
  SKAZ_ZONE_BODY = 0,
  SKAZ_ZONE_TITLE = 1,
  SKAZ_ZONE_SUBHEADING = 2,
  SKAZ_ZONE_CAPTION = 3,
  SKAZ_ZONE_CREDIT = 4,
  SKAZ_ZONE_RELATED_LINK = 5,
  SKAZ_ZONE_BYLINE = 6,
  SKAZ_ZONE_TITLE_REPEAT = 7
};

/* skaz_span.kind for tokens */
enum {
  SKAZ_TOKEN_WORD = 0,
  SKAZ_TOKEN_NUMBER = 1,
  SKAZ_TOKEN_PUNCT = 2,
  SKAZ_TOKEN_SYMBOL = 3,
  SKAZ_TOKEN_URL = 4,
  SKAZ_TOKEN_EMAIL = 5,
  SKAZ_TOKEN_HANDLE = 6,
  SKAZ_TOKEN_HASHTAG = 7,
  SKAZ_TOKEN_ABBREV = 8
};

/* A span of the original input, in bytes. kind depends on the item (zone or
 * token kind; 0 for paragraphs and sentences); flags carry the rule bits that
 * produced the span (0 when none apply). */
typedef struct skaz_span {
  uint32_t start;
  uint32_t end;
  uint32_t kind;
  uint32_t flags;
} skaz_span;

/** Number of items of one kind (SKAZ_ITEM_*); 0 for a NULL document. */
SKAZ_API size_t skaz_doc_count(const skaz_document* doc, int32_t item);
/** Span of item `index` of kind `item` (zones, paragraphs, sentences, tokens,
 *  quotes and repairs; for an entity, the span of its first mention). */
SKAZ_API int skaz_doc_span(const skaz_document* doc, int32_t item, size_t index,
                           skaz_span* out);
/** All spans of one kind at once: *items points into the document (valid while
 *  it lives) and *count holds their number. For zones, paragraphs, sentences
 *  and tokens only. */
SKAZ_API int skaz_doc_spans(const skaz_document* doc, int32_t item,
                            const skaz_span** items, size_t* count);

/* ------------------------------------------------------- entities and quotes */

enum {
  SKAZ_ENTITY_PERSON = 0,
  SKAZ_ENTITY_ORGANIZATION = 1,
  SKAZ_ENTITY_ROLE = 2,
  SKAZ_ENTITY_OTHER = 3
};

/* Strings are NUL-terminated UTF-8 owned by the document (valid while it
 * lives); the *_len fields give their byte lengths. */
typedef struct skaz_entity {
  int32_t id;
  uint32_t type; /* SKAZ_ENTITY_* */
  const char* name;
  size_t name_len;
  const char* key;
  size_t key_len;
  size_t mention_count;
} skaz_entity;

SKAZ_API int skaz_doc_entity(const skaz_document* doc, size_t index,
                             skaz_entity* out);
/* Mention kinds (skaz_span.kind of skaz_doc_entity_mention). */
enum {
  SKAZ_MENTION_NAME = 0, /* the entity's name as written ("Durova") */
  SKAZ_MENTION_ROLE = 1  /* a role phrase found in apposition to the person,
                            recurring alone ("The head of Roskomnadzor, in
                            turn, said") */
};

/** Mention `mention` of entity `entity`, in text order; out->kind is a
 *  SKAZ_MENTION_*. */
SKAZ_API int skaz_doc_entity_mention(const skaz_document* doc, size_t entity,
                                     size_t mention, skaz_span* out);
/** Number of roles of entity `entity` (appositions such as "head of
 *  Roskomnadzor"); 0 for a NULL document or an index out of range. */
SKAZ_API size_t skaz_doc_entity_role_count(const skaz_document* doc, size_t entity);
/** Role `role` of entity `entity`: *out is NUL-terminated UTF-8 owned by the
 *  document, *len (when not NULL) its byte length. */
SKAZ_API int skaz_doc_entity_role(const skaz_document* doc, size_t entity,
                                  size_t role, const char** out, size_t* len);

/* A person's grammatical gender, for pronouns (he/she, он/она). */
enum {
  SKAZ_GENDER_UNKNOWN = 0,
  SKAZ_GENDER_MALE = 1,
  SKAZ_GENDER_FEMALE = 2
};

/** Gender of entity `entity` into *out (a SKAZ_GENDER_*): a person's, from
 *  the first name, the surname's form or a role noun; SKAZ_GENDER_UNKNOWN
 *  when none tells, and for entities that are not persons. */
SKAZ_API int skaz_doc_entity_gender(const skaz_document* doc, size_t entity,
                                    uint32_t* out);

enum {
  SKAZ_QUOTE_DIRECT = 0,
  SKAZ_QUOTE_PARTIAL = 1,
  SKAZ_QUOTE_INDIRECT = 2,
  SKAZ_QUOTE_SCARE = 3,
  SKAZ_QUOTE_TITLE = 4
};

#define SKAZ_NO_OFFSET UINT32_MAX

typedef struct skaz_quote {
  uint32_t start; /* content without the marks */
  uint32_t end;
  uint32_t kind;  /* SKAZ_QUOTE_* */
  int32_t speaker_entity;  /* entity index, -1 when none */
  uint32_t speaker_start;  /* speaker mention, SKAZ_NO_OFFSET when none */
  uint32_t speaker_end;
  uint32_t cue_start;      /* reporting verb, SKAZ_NO_OFFSET when none */
  uint32_t cue_end;
  double confidence;       /* 0..1 */
  const char* rule;        /* the rule that decided the speaker; never NULL */
} skaz_quote;

SKAZ_API int skaz_doc_quote(const skaz_document* doc, size_t index,
                            skaz_quote* out);

enum {
  SKAZ_REPAIR_MOJIBAKE = 0,
  SKAZ_REPAIR_HOMOGLYPH = 1,
  SKAZ_REPAIR_GLUED = 2,
  SKAZ_REPAIR_INVISIBLE = 3,
  SKAZ_REPAIR_INVALID_UTF8 = 4
};

typedef struct skaz_repair {
  uint32_t start; /* span of the original text that was repaired */
  uint32_t end;
  uint32_t kind;  /* SKAZ_REPAIR_* */
  const char* replacement; /* owned by the document */
  size_t replacement_len;
} skaz_repair;

SKAZ_API int skaz_doc_repair(const skaz_document* doc, size_t index,
                             skaz_repair* out);

/* ------------------------------------------------------------------ offsets */

enum {
  SKAZ_OFFSET_BYTE = 0,
  SKAZ_OFFSET_CODEPOINT = 1,
  SKAZ_OFFSET_UTF16 = 2
};

/** Converts a byte offset of the document's input into `unit`. An offset
 *  inside a multi-byte character converts to that character's start. */
SKAZ_API int skaz_doc_offset(const skaz_document* doc, uint32_t byte_offset,
                             int32_t unit, uint32_t* out);

/* --------------------------------------------------------------------- JSON */

enum {
  SKAZ_JSON_PRETTY = 1u << 0, /* indented, several lines */
  SKAZ_JSON_TOKENS = 1u << 1  /* include "tokens" */
};

/** The document as one JSON object (the output contract of docs/output.md),
 *  offsets in `unit` (SKAZ_OFFSET_*). Caller buffer with size negotiation: the
 *  output is not NUL-terminated unless cap > needed, in which case a NUL
 *  follows it. *out_len receives the JSON length in bytes (without NUL). */
SKAZ_API int skaz_doc_to_json(skaz_document* doc, int32_t unit, uint32_t flags,
                              char* out, size_t cap, size_t* out_len);

/** The document as one self-contained HTML page (docs/report.md): the text
 *  with each quote in its speaker's colour, a panel of speakers, scare quotes,
 *  titles and repairs. `title` (UTF-8, may be NULL) heads the page. Size
 *  negotiation as in skaz_doc_to_json. Since 0.1. */
SKAZ_API int skaz_doc_to_html(skaz_document* doc, const char* title, char* out, size_t cap,
                              size_t* out_len);

/* ------------------------------------------- transliteration, repair, names */

enum {
  SKAZ_TRANSLIT_FORWARD = 0, /* Cyrillic -> Latin */
  SKAZ_TRANSLIT_REVERSE = 1  /* Latin -> Cyrillic (best candidate) */
};

typedef struct skaz_translit_options {
  uint32_t version;   /* SKAZ_TRANSLIT_OPTIONS_VERSION */
  uint32_t direction; /* SKAZ_TRANSLIT_FORWARD / SKAZ_TRANSLIT_REVERSE */
  const char* schema; /* iuliia name, e.g. "wikipedia"; NULL = "wikipedia" */
} skaz_translit_options;

#define SKAZ_TRANSLIT_OPTIONS_VERSION 1
#define SKAZ_TRANSLIT_OPTIONS_INIT {SKAZ_TRANSLIT_OPTIONS_VERSION, SKAZ_TRANSLIT_FORWARD, NULL}

SKAZ_API int skaz_translit_options_init(skaz_translit_options* opts,
                                        uint32_t version);

typedef struct skaz_translit skaz_translit;

SKAZ_API int skaz_translit_new(const skaz_translit_options* opts,
                               skaz_translit** out);
SKAZ_API void skaz_translit_free(skaz_translit* translit);
SKAZ_API int skaz_translit_run(const skaz_translit* translit, const char* utf8,
                               size_t len, char* out, size_t cap,
                               size_t* out_len);
/** Number of schemas, and the name of schema `index` (static storage; NULL
 *  when index is out of range). */
SKAZ_API size_t skaz_translit_schema_count(void);
SKAZ_API const char* skaz_translit_schema_name(size_t index);

/* What skaz_repair_text repairs (bits of its flags). */
enum {
  SKAZ_FIX_MOJIBAKE = 1u << 0,   /* wrong code pages, double encodings */
  SKAZ_FIX_HOMOGLYPHS = 1u << 1, /* lookalike letters of the other script */
  SKAZ_FIX_INVISIBLE = 1u << 2   /* soft hyphens, zero-width spaces, BOMs */
};

/** Repairs a text as selected by `flags` (SKAZ_FIX_*; text that needs no
 *  repair comes back unchanged). Invalid UTF-8 is SKAZ_EINVALID_UTF8. */
SKAZ_API int skaz_repair_text(const char* utf8, size_t len, uint32_t flags,
                              char* out, size_t cap, size_t* out_len);
/** A key equal for every spelling of one name in any script and case form. */
SKAZ_API int skaz_name_key(const char* utf8, size_t len, char* out, size_t cap,
                           size_t* out_len);
/** The nominative base form of a (Russian) name in either script. */
SKAZ_API int skaz_name_base(const char* utf8, size_t len, char* out, size_t cap,
                            size_t* out_len);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* SKAZ_H */
