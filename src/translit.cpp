// Transliteration engine: being written (issue 4).
#include "skaz/translit.hpp"
