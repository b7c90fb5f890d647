// Internals of the repair stage shared with the pipeline. Not installed.
#pragma once

#include <string_view>
#include <vector>

#include "skaz/repair.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE
namespace detail {

/// The edits repair_text(utf8, &edits, options) appends, without building
/// the repaired text: the pipeline applies edits to its view and would
/// throw the text away (a copy of every line of every document).
void repair_edits(std::string_view utf8, std::vector<RepairEdit>& edits, const RepairOptions& options);

}  // namespace detail
SKAZ_END_NAMESPACE
}  // namespace skaz
