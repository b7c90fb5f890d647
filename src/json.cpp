// The output contract (docs/output.md): keys in contract order, written
// straight into a string (nlohmann::json only indents with --pretty).
#include "skaz/json.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>

#include "skaz/version.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

namespace {

const char* unit_name(offset_unit u) {
  switch (u) {
    case offset_unit::byte: return "byte";
    case offset_unit::codepoint: return "codepoint";
    case offset_unit::utf16: return "utf16";
  }
  return "codepoint";
}

// Writes the output contract straight into one string: no DOM, so memory is
// the output's size (a DOM of a text with millions of repairs took gigabytes).
// Escaping follows nlohmann::json's dump(): \" \\ \b \f \n \r \t, other
// control characters as \u00xx, everything else as is; invalid UTF-8 in input
// text reads as U+FFFD.
class Writer {
 public:
  Writer(const Document& doc, offset_unit unit, std::string& out)
      : doc_(doc), map_(doc.text), unit_(unit), out_(out) {}

  void raw(const char* s) { out_ += s; }
  void raw(char c) { out_.push_back(c); }
  void key(const char* k) {
    out_.push_back('"');
    out_ += k;
    out_ += "\":";
  }
  void num(std::int64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
  }
  // the shortest text that reads back as v; "0.0" rather than "0", as
  // nlohmann::json writes a double
  void num(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    const std::string_view t(buf, static_cast<std::size_t>(r.ptr - buf));
    out_ += t;
    if (t.find_first_of(".eEn") == std::string_view::npos) out_ += ".0";
  }
  void off(std::uint32_t b) { num(static_cast<std::int64_t>(map_.convert(b, unit_))); }
  void str(std::string_view v) {
    out_.push_back('"');
    const char* p = v.data();
    const char* end = p + v.size();
    while (p < end) {
      // a run that needs no escape, appended at once: printable ASCII
      // other than " and \, and well-formed two-byte characters (Cyrillic)
      const char* q = p;
      while (q < end) {
        const auto c = static_cast<unsigned char>(*q);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
          ++q;
        } else if (c >= 0xC2 && c <= 0xDF && end - q >= 2 && (static_cast<unsigned char>(q[1]) & 0xC0) == 0x80) {
          q += 2;
        } else {
          break;
        }
      }
      if (q > p) {
        out_.append(p, static_cast<std::size_t>(q - p));
        p = q;
        continue;
      }
      const auto b = static_cast<unsigned char>(*p);
      if (b < 0x80) {
        switch (b) {
          case '"': out_ += "\\\""; break;
          case '\\': out_ += "\\\\"; break;
          case '\b': out_ += "\\b"; break;
          case '\f': out_ += "\\f"; break;
          case '\n': out_ += "\\n"; break;
          case '\r': out_ += "\\r"; break;
          case '\t': out_ += "\\t"; break;
          default: {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", b);
            out_ += buf;
          }
        }
        ++p;
        continue;
      }
      const decoded_char d = decode_utf8(p, end);
      if (d.valid) out_.append(p, d.len);
      else out_ += "\xEF\xBF\xBD";
      p += d.len;
    }
    out_.push_back('"');
  }
  // {"start":…,"end":…  (left open for more members)
  void span_open(const Span& s) {
    raw("{\"start\":");
    off(s.start);
    raw(",\"end\":");
    off(s.end);
  }
  void text_of(const Span& s) { str(doc_.slice(s)); }
  // {"start":…,"end":…,"text":…}
  void span_text(const Span& s) {
    span_open(s);
    raw(",\"text\":");
    text_of(s);
    raw('}');
  }

 private:
  const Document& doc_;
  OffsetMap map_;
  offset_unit unit_;
  std::string& out_;
};

}  // namespace

std::string to_json(const Document& doc, const JsonOptions& options) {
  std::string out;
  // about what it will hold: no doubling copies of a large output
  std::size_t mentions = 0;
  for (const Entity& e : doc.entities) mentions += e.mentions.size();
  out.reserve(256 + 32 * (doc.zones.size() + doc.paragraphs.size() + doc.sentences.size()) +
              64 * mentions + 96 * doc.entities.size() + 400 * doc.quotes.size() +
              112 * doc.repairs.size() + (options.tokens ? 40 * doc.tokens.size() : 0));
  Writer w(doc, options.unit, out);
  w.raw("{\"skaz_version\":");
  w.str(version_string);
  w.raw(",\"offsets\":");
  w.str(unit_name(options.unit));
  w.raw(",\"language\":");
  w.str(doc.language);

  w.raw(",\"zones\":[");
  for (std::size_t i = 0; i < doc.zones.size(); ++i) {
    const Span& z = doc.zones[i];
    w.raw(i ? ",{\"kind\":" : "{\"kind\":");
    w.str(zone_kind_name(z.kind));
    w.raw(",\"start\":");
    w.off(z.start);
    w.raw(",\"end\":");
    w.off(z.end);
    w.raw('}');
  }
  auto spans = [&](const char* name, const std::vector<Span>& v) {
    w.raw(",\"");
    w.raw(name);
    w.raw("\":[");
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) w.raw(',');
      w.span_open(v[i]);
      w.raw('}');
    }
    w.raw(']');
  };
  w.raw(']');
  spans("paragraphs", doc.paragraphs);
  spans("sentences", doc.sentences);
  if (options.tokens) {
    w.raw(",\"tokens\":[");
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
      if (i) w.raw(',');
      w.span_open(doc.tokens[i]);
      w.raw(",\"kind\":");
      w.str(token_kind_name(doc.tokens[i].kind));
      w.raw('}');
    }
    w.raw(']');
  }

  w.raw(",\"entities\":[");
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    w.raw(i ? ",{\"id\":" : "{\"id\":");
    w.num(static_cast<std::int64_t>(e.id));
    w.raw(",\"name\":");
    w.str(e.name);
    w.raw(",\"type\":");
    w.str(entity_type_name(e.type));
    if (e.gender != entity_gender::unknown) {
      w.raw(",\"gender\":");
      w.str(entity_gender_name(e.gender));
    }
    w.raw(",\"key\":");
    w.str(e.key);
    w.raw(",\"mentions\":[");
    for (std::size_t k = 0; k < e.mentions.size(); ++k) {
      if (k) w.raw(',');
      const Span& m = e.mentions[k];
      if (m.kind == static_cast<std::uint32_t>(mention_kind::name)) {
        w.span_text(m);
        continue;
      }
      // a role mention says so; a name mention, the common case, does not
      w.span_open(m);
      w.raw(",\"text\":");
      w.text_of(m);
      w.raw(",\"kind\":");
      w.str(mention_kind_name(m.kind));
      w.raw('}');
    }
    w.raw(']');
    if (!e.roles.empty()) {
      w.raw(",\"roles\":[");
      for (std::size_t k = 0; k < e.roles.size(); ++k) {
        if (k) w.raw(',');
        w.str(e.roles[k]);
      }
      w.raw(']');
    }
    w.raw('}');
  }
  w.raw(']');

  w.raw(",\"quotes\":[");
  for (std::size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    if (i) w.raw(',');
    w.span_open(q.span);
    w.raw(",\"text\":");
    w.text_of(q.span);
    w.raw(",\"kind\":");
    w.str(quote_kind_name(q.kind));
    w.raw(",\"speaker\":");
    if (q.speaker_entity >= 0 || q.speaker.start != no_offset) {
      w.raw("{\"entity\":");
      if (q.speaker_entity >= 0 && static_cast<std::size_t>(q.speaker_entity) < doc.entities.size()) {
        w.num(static_cast<std::int64_t>(q.speaker_entity));
        w.raw(",\"name\":");
        w.str(doc.entities[static_cast<std::size_t>(q.speaker_entity)].name);
      } else {
        w.raw("null,\"name\":");
        if (q.speaker.start != no_offset) w.text_of(q.speaker);
        else w.raw("\"\"");
      }
      if (q.speaker.start != no_offset) {
        w.raw(",\"start\":");
        w.off(q.speaker.start);
        w.raw(",\"end\":");
        w.off(q.speaker.end);
        w.raw(",\"text\":");
        w.text_of(q.speaker);
      }
      w.raw('}');
    } else {
      w.raw("null");
    }
    w.raw(",\"cue\":");
    if (q.cue.start != no_offset) {
      w.span_text(q.cue);
    } else {
      w.raw("null");
    }
    w.raw(",\"rule\":");
    w.str(q.rule);
    w.raw(",\"confidence\":");
    w.num(q.confidence);
    w.raw('}');
  }
  w.raw(']');

  w.raw(",\"repairs\":[");
  for (std::size_t i = 0; i < doc.repairs.size(); ++i) {
    const Repair& r = doc.repairs[i];
    if (i) w.raw(',');
    w.span_open(r.span);
    w.raw(",\"kind\":");
    w.str(repair_kind_name(r.kind));
    w.raw(",\"original\":");
    w.text_of(r.span);
    w.raw(",\"replacement\":");
    w.str(r.replacement);
    w.raw('}');
  }
  w.raw("]}");
  if (!options.pretty) return out;
  // indented: the same object through nlohmann's printer (a size people read)
  return nlohmann::ordered_json::parse(out).dump(2);
}

SKAZ_END_NAMESPACE
}  // namespace skaz
