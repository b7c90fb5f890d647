/* Shared by the fuzz targets: a buffer for size-negotiated outputs and the
 * invariants every C ABI call must keep (a status that is OK or an error with
 * a message; never a crash). */
#ifndef SKAZ_FUZZ_COMMON_H
#define SKAZ_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skaz/skaz.h"

static void fuzz_check(int rc, const char* what) {
  if (rc == SKAZ_OK) return;
  const skaz_error* e = skaz_error_last();
  if (!e || !e->message || !e->message[0]) {
    fprintf(stderr, "%s failed (%d) without a message\n", what, rc);
    abort();
  }
}

/* Calls `call_with(out, cap, out_len)` twice as the API asks: a size query,
 * then the exact buffer; checks that both agree. */
#define FUZZ_NEGOTIATE(what, call_with)                                         \
  do {                                                                          \
    size_t need_ = 0;                                                           \
    int rc_ = call_with(NULL, 0, &need_);                                       \
    fuzz_check(rc_, what);                                                      \
    if (rc_ == SKAZ_OK) {                                                       \
      char* buf_ = (char*)malloc(need_ + 1);                                    \
      size_t got_ = 0;                                                          \
      rc_ = call_with(buf_, need_ + 1, &got_);                                  \
      if (rc_ != SKAZ_OK || got_ != need_) {                                    \
        fprintf(stderr, "%s: %zu bytes announced, %zu given (%d)\n", what, need_, got_, rc_); \
        abort();                                                                \
      }                                                                         \
      free(buf_);                                                               \
    }                                                                           \
  } while (0)

#endif
