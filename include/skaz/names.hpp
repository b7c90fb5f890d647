// skaz/names.hpp — names: a key equal for every spelling of one name in any
// script and case form, and the nominative base form of a surname.
#pragma once

#include <string>
#include <string_view>

#include "skaz/detail/config.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

/// A key equal for the spellings of one name: Durov, Durova, Dourov, Durow,
/// Дуров, Дурова, Дуровым give one key; Путин and Потанин give different
/// ones. Words are keyed one by one (script folded to Latin, diacritics
/// dropped, Russian case endings and the feminine -a undone, letters that
/// schemas and languages swap merged into classes, vowels after the first
/// letter dropped) and sorted, so that word order does not matter. `utf8`
/// must be valid UTF-8; the key is ASCII.
std::string name_key(std::string_view utf8);

/// The nominative base form of a (Russian) surname in Cyrillic: Дуровым ->
/// Дуров, Навального -> Навальный, Вагнера -> Вагнер. Names written in Latin
/// and indeclinable names come back unchanged.
std::string name_base(std::string_view utf8);

SKAZ_END_NAMESPACE
}  // namespace skaz
