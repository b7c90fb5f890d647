// skaz.h must compile as C++ too (no C-only constructs, extern "C" guards).
#include "skaz/skaz.h"

static_assert(SKAZ_OK == 0, "SKAZ_OK is zero");
