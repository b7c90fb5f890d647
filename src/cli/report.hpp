// A plain-text rendering of a Document for people (skaz analyze --format text).
#pragma once

#include <string>

#include "skaz/document.hpp"

namespace skaz::cli {

/// The analysis at a glance: zones, paragraphs with numbered sentences,
/// quotes with speakers, entities and repairs.
std::string render_text(const Document& doc, const std::string& name);

}  // namespace skaz::cli
