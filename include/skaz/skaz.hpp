// skaz/skaz.hpp — umbrella header of the C++ core.
#pragma once

#include "skaz/document.hpp"
#include "skaz/error.hpp"
#include "skaz/html.hpp"
#include "skaz/json.hpp"
#include "skaz/names.hpp"
#include "skaz/quotes.hpp"
#include "skaz/repair.hpp"
#include "skaz/segment.hpp"
#include "skaz/text.hpp"
#include "skaz/translit.hpp"
#include "skaz/version.hpp"
