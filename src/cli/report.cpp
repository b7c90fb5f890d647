#include "report.hpp"

#include <cstdarg>
#include <cstdio>

#include "skaz/text.hpp"

namespace skaz::cli {

namespace {

// The surface of a span as printable text: invalid bytes as U+FFFD, control
// characters as U+2400 pictures, so that a report never garbles a terminal.
std::string printable(std::string_view s) {
  std::string v = is_valid_utf8(s) ? std::string(s) : replace_invalid_utf8(s);
  std::string out;
  out.reserve(v.size());
  for (unsigned char c : v) {
    if (c < 0x20 || c == 0x7F) {
      append_utf8(out, c == 0x7F ? 0x2421 : 0x2400 + c);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

void line(std::string& out, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
void line(std::string& out, const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  out += buf;
}

}  // namespace

std::string render_text(const Document& doc, const std::string& name) {
  std::string out;
  line(out, "== %s\n", name.c_str());
  line(out, "language %s · %zu bytes · %zu paragraphs · %zu sentences · %zu quotes · %zu entities · %zu repairs\n",
       doc.language.c_str(), doc.text.size(), doc.paragraphs.size(), doc.sentences.size(),
       doc.quotes.size(), doc.entities.size(), doc.repairs.size());

  // Paragraphs, each with its zones and numbered sentences.
  std::size_t si = 0, zi = 0, n = 0;
  for (std::size_t pi = 0; pi < doc.paragraphs.size(); ++pi) {
    const Span& p = doc.paragraphs[pi];
    out += "\n";
    for (; zi < doc.zones.size() && doc.zones[zi].start < p.end; ++zi) {
      const Span& z = doc.zones[zi];
      if (z.kind == static_cast<std::uint32_t>(zone_kind::body)) continue;
      out += "  [" + std::string(zone_kind_name(z.kind)) + "] " + printable(doc.slice(z)) + "\n";
    }
    line(out, "¶%zu\n", pi + 1);
    for (; si < doc.sentences.size() && doc.sentences[si].start < p.end; ++si) {
      out += "  " + std::to_string(++n) + ". " + printable(doc.slice(doc.sentences[si])) + "\n";
    }
  }

  out += "\nquotes";
  if (doc.quotes.empty()) out += ": none found";
  out += "\n";
  for (const Quote& q : doc.quotes) {
    std::string who = "—";
    if (q.speaker_entity >= 0 && static_cast<std::size_t>(q.speaker_entity) < doc.entities.size())
      who = doc.entities[static_cast<std::size_t>(q.speaker_entity)].name;
    else if (q.speaker.start != no_offset)
      who = printable(doc.slice(q.speaker));
    std::string cue = q.cue.start != no_offset ? printable(doc.slice(q.cue)) : "";
    out += "  " + std::string(quote_kind_name(q.kind)) + " · " + who;
    if (!cue.empty()) out += " (" + cue + ")";
    out += ": «" + printable(doc.slice(q.span)) + "»\n";
  }

  out += "\nentities";
  if (doc.entities.empty()) out += ": none found";
  out += "\n";
  for (const Entity& e : doc.entities) {
    out += "  " + e.name + " (" + entity_type_name(e.type) + "), " +
           std::to_string(e.mentions.size()) + " mentions\n";
  }

  out += "\nrepairs";
  if (doc.repairs.empty()) out += ": none needed";
  out += "\n";
  for (const Repair& r : doc.repairs) {
    line(out, "  %s at bytes %u-%u → %s\n", repair_kind_name(r.kind), r.span.start, r.span.end,
         printable(r.replacement).c_str());
  }
  return out;
}

}  // namespace skaz::cli
