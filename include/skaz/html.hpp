// skaz/html.hpp — the Document as one self-contained HTML page: who said
// what, at a glance.
#pragma once

#include <string>

#include "skaz/detail/config.hpp"
#include "skaz/document.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

struct HtmlOptions {
  std::string title;  ///< shown as the page's title (a file name, say); escaped
};

/// One HTML page, UTF-8, with no external resources and no script: the text
/// with boilerplate zones greyed out, each quote highlighted in its
/// speaker's colour (one element with class "q" per quote, carrying
/// data-kind), speakers' mentions underlined and cues marked; a side panel
/// with every speaker (name, aliases, quotes), the scare quotes and titles,
/// and the repairs. Every piece of input text is escaped; control
/// characters other than tab and line ends show as their Unicode pictures
/// (U+2400...), invalid UTF-8 as U+FFFD.
std::string to_html(const Document& doc, const HtmlOptions& options = {});

SKAZ_END_NAMESPACE
}  // namespace skaz
