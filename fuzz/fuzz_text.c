/* The text functions: transliteration (every schema, both directions),
 * repair (every combination of fixes), name key, name base. The first byte
 * picks the schema, the direction and the fixes. */
#include "common.h"

static const char* text_;
static size_t len_;
static const skaz_translit* tr_;
static uint32_t fixes_;

static int translit_call(char* out, size_t cap, size_t* n) { return skaz_translit_run(tr_, text_, len_, out, cap, n); }
static int repair_call(char* out, size_t cap, size_t* n) { return skaz_repair_text(text_, len_, fixes_, out, cap, n); }
static int key_call(char* out, size_t cap, size_t* n) { return skaz_name_key(text_, len_, out, cap, n); }
static int base_call(char* out, size_t cap, size_t* n) { return skaz_name_base(text_, len_, out, cap, n); }

int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  static skaz_translit* translits[64][2];
  if (size < 1 || size > (1u << 16)) return 0;
  const size_t schemas = skaz_translit_schema_count();
  const size_t schema = (data[0] >> 1) % (schemas < 64 ? schemas : 64);
  const uint32_t dir = data[0] & 1;
  if (!translits[schema][dir]) {
    skaz_translit_options o = SKAZ_TRANSLIT_OPTIONS_INIT;
    o.schema = skaz_translit_schema_name(schema);
    o.direction = dir;
    if (skaz_translit_new(&o, &translits[schema][dir]) != SKAZ_OK) abort();
  }
  text_ = (const char*)data + 1;
  len_ = size - 1;
  tr_ = translits[schema][dir];
  fixes_ = (uint32_t)(data[0] >> 5) & 7u;
  FUZZ_NEGOTIATE("skaz_translit_run", translit_call);
  FUZZ_NEGOTIATE("skaz_repair_text", repair_call);
  FUZZ_NEGOTIATE("skaz_name_key", key_call);
  FUZZ_NEGOTIATE("skaz_name_base", base_call);
  return 0;
}
