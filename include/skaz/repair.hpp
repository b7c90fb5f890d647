// skaz/repair.hpp — repair of garbled text: mojibake (UTF-8 read in the
// wrong code page, double encodings, old 8-bit confusions), homoglyphs
// (Cyrillic letters inside Latin words and back) and invisible characters.
// Clean text is never changed. Immutable, safe to share across threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "skaz/detail/config.hpp"
#include "skaz/text.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

enum class repair_kind : std::uint32_t;

/// One repair: the byte span of the input it replaces, its kind and the text
/// that replaces it.
struct RepairEdit {
  Span span;
  std::uint32_t kind;  ///< a repair_kind value
  std::string replacement;
};

/// What to repair. The default is mojibake alone, which never touches text
/// that was written as it is (the analysis pipeline turns all three on).
struct RepairOptions {
  bool mojibake = true;     ///< undo wrong code pages and double encodings
  bool homoglyphs = false;  ///< Cyrillic lookalikes in Latin words and back (Tеlеgram)
  bool invisible = false;   ///< drop soft hyphens, zero-width spaces, word joiners, BOMs
};

/// Repairs `utf8` (valid UTF-8): returns the repaired text and, when `edits`
/// is given, appends every repair with its span in `utf8`, in text order and
/// never overlapping. Text that needs no repair comes back unchanged (and
/// costs one scan).
std::string repair_text(std::string_view utf8, std::vector<RepairEdit>* edits = nullptr,
                        const RepairOptions& options = {});

SKAZ_END_NAMESPACE
}  // namespace skaz
