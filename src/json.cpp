// The output contract (docs/output.md) through nlohmann::json: exact escaping
// of control characters, keys in contract order.
#include "skaz/json.hpp"

#include <nlohmann/json.hpp>

#include "skaz/version.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

namespace {

using json = nlohmann::ordered_json;

const char* unit_name(offset_unit u) {
  switch (u) {
    case offset_unit::byte: return "byte";
    case offset_unit::codepoint: return "codepoint";
    case offset_unit::utf16: return "utf16";
  }
  return "codepoint";
}

struct Writer {
  const Document& doc;
  OffsetMap map;
  offset_unit unit;

  std::uint32_t off(std::uint32_t b) const { return map.convert(b, unit); }

  // Input text as a JSON string: invalid bytes read as U+FFFD.
  std::string text(const Span& s) const {
    std::string_view raw = doc.slice(s);
    return is_valid_utf8(raw) ? std::string(raw) : replace_invalid_utf8(raw);
  }

  json span(const Span& s) const {
    json o = json::object();
    o["start"] = off(s.start);
    o["end"] = off(s.end);
    return o;
  }

  json spans(const std::vector<Span>& v) const {
    json a = json::array();
    for (const Span& s : v) a.push_back(span(s));
    return a;
  }
};

}  // namespace

std::string to_json(const Document& doc, const JsonOptions& options) {
  Writer w{doc, OffsetMap(doc.text), options.unit};
  json o = json::object();
  o["skaz_version"] = version_string;
  o["offsets"] = unit_name(options.unit);
  o["language"] = doc.language;

  json zones = json::array();
  for (const Span& z : doc.zones) {
    json j = json::object();
    j["kind"] = zone_kind_name(z.kind);
    j["start"] = w.off(z.start);
    j["end"] = w.off(z.end);
    zones.push_back(std::move(j));
  }
  o["zones"] = std::move(zones);
  o["paragraphs"] = w.spans(doc.paragraphs);
  o["sentences"] = w.spans(doc.sentences);
  if (options.tokens) {
    json toks = json::array();
    for (const Span& t : doc.tokens) {
      json j = w.span(t);
      j["kind"] = token_kind_name(t.kind);
      toks.push_back(std::move(j));
    }
    o["tokens"] = std::move(toks);
  }

  json ents = json::array();
  for (const Entity& e : doc.entities) {
    json j = json::object();
    j["id"] = e.id;
    j["name"] = e.name;
    j["type"] = entity_type_name(e.type);
    j["key"] = e.key;
    json ms = json::array();
    for (const Span& m : e.mentions) {
      json mj = w.span(m);
      mj["text"] = w.text(m);
      ms.push_back(std::move(mj));
    }
    j["mentions"] = std::move(ms);
    if (!e.roles.empty()) j["roles"] = e.roles;
    ents.push_back(std::move(j));
  }
  o["entities"] = std::move(ents);

  json quotes = json::array();
  for (const Quote& q : doc.quotes) {
    json j = w.span(q.span);
    j["text"] = w.text(q.span);
    j["kind"] = quote_kind_name(q.kind);
    if (q.speaker_entity >= 0 || q.speaker.start != no_offset) {
      json sp = json::object();
      if (q.speaker_entity >= 0 &&
          static_cast<std::size_t>(q.speaker_entity) < doc.entities.size()) {
        sp["entity"] = q.speaker_entity;
        sp["name"] = doc.entities[static_cast<std::size_t>(q.speaker_entity)].name;
      } else {
        sp["entity"] = nullptr;
        sp["name"] = q.speaker.start != no_offset ? w.text(q.speaker) : std::string();
      }
      if (q.speaker.start != no_offset) {
        sp["start"] = w.off(q.speaker.start);
        sp["end"] = w.off(q.speaker.end);
        sp["text"] = w.text(q.speaker);
      }
      j["speaker"] = std::move(sp);
    } else {
      j["speaker"] = nullptr;
    }
    if (q.cue.start != no_offset) {
      json c = w.span(q.cue);
      c["text"] = w.text(q.cue);
      j["cue"] = std::move(c);
    } else {
      j["cue"] = nullptr;
    }
    j["rule"] = q.rule;
    j["confidence"] = q.confidence;
    quotes.push_back(std::move(j));
  }
  o["quotes"] = std::move(quotes);

  json reps = json::array();
  for (const Repair& r : doc.repairs) {
    json j = w.span(r.span);
    j["kind"] = repair_kind_name(r.kind);
    j["original"] = w.text(r.span);
    j["replacement"] = r.replacement;
    reps.push_back(std::move(j));
  }
  o["repairs"] = std::move(reps);

  // Every string above is valid UTF-8 already; `replace` is a second guard so
  // that dump() can never throw on text.
  return o.dump(options.pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

SKAZ_END_NAMESPACE
}  // namespace skaz
