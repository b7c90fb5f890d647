// The HTML report: one page, no external resources, no script.
//
// Inline markup is built with a stack over the intervals of one zone
// (quotes, speakers' mentions, cues), sorted by start and then by length:
// an interval that would cross one still open is clipped to it, so the
// markup always nests and every quote is one element (a quote running over
// zones continues in elements of class "qc").
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "skaz/html.hpp"
#include "skaz/text.hpp"

namespace skaz {
SKAZ_BEGIN_NAMESPACE

namespace {

// Okabe & Ito's palette, safe for the common colour-vision deficiencies;
// past eight speakers the underline's style tells them apart.
constexpr const char* kPalette[] = {"#E69F00", "#56B4E9", "#009E73", "#F0E442",
                                    "#0072B2", "#D55E00", "#CC79A7", "#000000"};
constexpr std::size_t kColours = sizeof kPalette / sizeof kPalette[0];

// Appends s as HTML text: markup characters escaped, control characters as
// their pictures, invalid UTF-8 as U+FFFD.
void esc(std::string& out, std::string_view s) {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const decoded_char d = decode_utf8(p, end);
    const char32_t c = d.valid ? d.cp : 0xFFFD;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': case '\t': case '\r': out.push_back(static_cast<char>(c)); break;
      default:
        if (c < 0x20) append_utf8(out, 0x2400 + c);        // ␀ ␁ …
        else if (c == 0x7F) append_utf8(out, 0x2421);      // ␡
        else if (c >= 0x80 && c < 0xA0) append_utf8(out, 0xFFFD);
        else if (d.valid) out.append(p, d.len);
        else append_utf8(out, 0xFFFD);
    }
    p += d.len;
  }
}

std::string esc(std::string_view s) {
  std::string out;
  esc(out, s);
  return out;
}

// At most n characters of s, with an ellipsis when cut.
std::string clip(std::string_view s, std::size_t n) {
  const char* p = s.data();
  const char* end = p + s.size();
  std::size_t k = 0;
  while (p < end && k < n) {
    p += decode_utf8(p, end).len;
    ++k;
  }
  std::string out(s.data(), static_cast<std::size_t>(p - s.data()));
  if (p < end) out += "\xE2\x80\xA6";
  return out;
}

bool speech(quote_kind k) {
  return k == quote_kind::direct || k == quote_kind::partial || k == quote_kind::indirect;
}

struct SpeakerInfo {
  std::string key;
  std::string name;
  int entity = -1;
  std::size_t colour = 0;
  std::vector<std::size_t> quotes;
};

struct Item {
  std::uint32_t s, e;
  int type;  // 0 quote, 1 continuation of a quote, 2 speaker, 3 cue
  std::size_t quote;
};

const char* kCss = R"css(
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 Georgia,"DejaVu Serif",serif;color:#1a1a1a;background:#fafafa}
header{padding:12px 24px;background:#222;color:#eee;font:14px/1.4 system-ui,sans-serif}
header h1{margin:0;font-size:18px}
.wrap{display:flex;gap:24px;padding:16px 24px;align-items:flex-start}
main{flex:3;min-width:0;max-width:60em}
aside{flex:2;min-width:18em;font:14px/1.45 system-ui,sans-serif;position:sticky;top:0;max-height:100vh;overflow:auto}
.zone{white-space:pre-wrap;margin:0 0 .9em}
.zone.bp{color:#8a8a8a;font-size:.85em;border-left:3px solid #ccc;padding-left:8px}
.zone .zl{font:11px system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;color:#999;margin-right:6px}
.q,.qc{border-bottom:3px solid var(--c);background:var(--b);padding:0 1px}
.q::before{content:attr(data-kind);font:10px system-ui,sans-serif;color:#fff;background:var(--c);padding:0 3px;margin-right:3px;border-radius:2px;vertical-align:super}
.q.k-indirect,.qc.k-indirect{background:none;border-bottom-style:double}
.q.k-partial,.qc.k-partial{border-bottom-width:2px}
.q.k-scare,.q.k-title{--c:#777;--b:transparent;border-bottom:1px dotted #777}
.q.k-scare::before,.q.k-title::before{background:#999}
.q.none{--c:#555;--b:#5552}
.spk{text-decoration:underline;text-decoration-color:var(--c);text-decoration-thickness:3px;text-underline-offset:3px;font-weight:bold}
.cue{font-style:italic;outline:1px dashed #666;outline-offset:1px}
.p1{border-bottom-style:dashed}.p2{border-bottom-style:dotted}
aside h2{font-size:15px;margin:1.2em 0 .4em;border-bottom:1px solid #ccc}
aside ul,aside ol{padding-left:1.3em;margin:.2em 0}
.sw{display:inline-block;width:.9em;height:.9em;background:var(--c);border:1px solid #0003;vertical-align:middle;margin-right:6px}
.speaker{margin:.6em 0}
.speaker .n{font-weight:bold}
.aliases,.muted{color:#666}
.kind{font-size:11px;color:#555;text-transform:uppercase}
a{color:inherit}
)css";

}  // namespace

std::string to_html(const Document& doc, const HtmlOptions& options) {
  const std::string_view t = doc.text;
  auto slice = [&](const Span& s) { return t.substr(s.start, s.end - s.start); };

  // speakers: by entity, else by the mention's text
  std::vector<SpeakerInfo> speakers;
  std::map<std::string, std::size_t> by_key;
  std::vector<int> speaker_of(doc.quotes.size(), -1);
  for (std::size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    if (!speech(q.kind)) continue;
    std::string key, name;
    int ent = -1;
    if (q.speaker_entity >= 0 && static_cast<std::size_t>(q.speaker_entity) < doc.entities.size()) {
      ent = q.speaker_entity;
      key = "e" + std::to_string(ent);
      name = doc.entities[static_cast<std::size_t>(ent)].name;
    } else if (q.speaker.start != no_offset) {
      name = std::string(slice(q.speaker));
      key = "m" + name;
    } else {
      continue;
    }
    auto it = by_key.find(key);
    if (it == by_key.end()) {
      it = by_key.emplace(key, speakers.size()).first;
      speakers.push_back(SpeakerInfo{key, name, ent, speakers.size(), {}});
    }
    speakers[it->second].quotes.push_back(i);
    speaker_of[i] = static_cast<int>(it->second);
  }
  auto colour_vars = [&](std::size_t c) {
    std::string v = "--c:";
    v += kPalette[c % kColours];
    v += ";--b:";
    v += kPalette[c % kColours];
    v += "33";
    return v;
  };
  auto pattern = [&](std::size_t c) -> std::string {
    const std::size_t p = (c / kColours) % 3;
    return p ? " p" + std::to_string(p) : std::string();
  };

  std::string out;
  out.reserve(t.size() * 2 + 8192);
  out += "<!DOCTYPE html>\n<html lang=\"";
  esc(out, doc.language);
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  out += "<title>skaz: ";
  esc(out, options.title.empty() ? std::string("report") : options.title);
  out += "</title>\n<style>";
  out += kCss;
  out += "</style>\n</head>\n<body>\n<header><h1>";
  esc(out, options.title.empty() ? std::string("skaz report") : options.title);
  out += "</h1>";
  std::size_t n_speech = 0;
  for (const Quote& q : doc.quotes) n_speech += speech(q.kind);
  char line[160];
  std::snprintf(line, sizeof line,
                "language %s &middot; %zu quotes (%zu reported speech) &middot; %zu speakers "
                "&middot; %zu entities &middot; %zu repairs",
                esc(doc.language).c_str(), doc.quotes.size(), n_speech, speakers.size(),
                doc.entities.size(), doc.repairs.size());
  out += "<div>";
  out += line;
  out += "</div></header>\n<div class=\"wrap\">\n<main>\n";

  // the text, zone by zone
  std::vector<Item> items;
  std::vector<bool> opened(doc.quotes.size(), false);
  for (const Span& z : doc.zones) {
    const bool bp = z.kind != static_cast<std::uint32_t>(zone_kind::body);
    out += "<div class=\"zone";
    out += bp ? " bp\"" : "\"";
    out += " data-zone=\"";
    out += zone_kind_name(z.kind);
    out += "\">";
    if (bp) {
      out += "<span class=\"zl\">";
      out += zone_kind_name(z.kind);
      out += "</span>";
    }
    items.clear();
    for (std::size_t i = 0; i < doc.quotes.size(); ++i) {
      const Quote& q = doc.quotes[i];
      const std::uint32_t s = std::max(q.span.start, z.start), e = std::min(q.span.end, z.end);
      if (s < e) items.push_back(Item{s, e, opened[i] ? 1 : 0, i});
      if (s < e) opened[i] = true;
      if (speaker_of[i] >= 0 && q.speaker.start != no_offset && q.speaker.start >= z.start &&
          q.speaker.end <= z.end && q.speaker.start < q.speaker.end)
        items.push_back(Item{q.speaker.start, q.speaker.end, 2, i});
      if (speech(q.kind) && q.cue.start != no_offset && q.cue.start >= z.start &&
          q.cue.end <= z.end && q.cue.start < q.cue.end)
        items.push_back(Item{q.cue.start, q.cue.end, 3, i});
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      if (a.s != b.s) return a.s < b.s;
      if (a.e != b.e) return a.e > b.e;
      return a.type < b.type;
    });
    // the same mention may name several quotes' speaker: mark it once
    items.erase(std::unique(items.begin(), items.end(),
                            [](const Item& a, const Item& b) {
                              return a.type >= 2 && a.type == b.type && a.s == b.s && a.e == b.e;
                            }),
                items.end());
    std::vector<Item> stack;
    std::uint32_t pos = z.start;
    auto text_to = [&](std::uint32_t e) {
      if (e > pos) esc(out, t.substr(pos, e - pos));
      pos = std::max(pos, e);
    };
    auto close_top = [&]() {
      text_to(stack.back().e);
      out += "</span>";
      stack.pop_back();
    };
    for (Item it : items) {
      while (!stack.empty() && stack.back().e <= it.s) close_top();
      // clip: never cross an open element (its end lies past it.s, so the
      // clipped item is never empty)
      if (!stack.empty() && it.e > stack.back().e) it.e = stack.back().e;
      text_to(it.s);
      const Quote& q = doc.quotes[it.quote];
      const int sp = speaker_of[it.quote];
      const std::size_t c = sp >= 0 ? speakers[static_cast<std::size_t>(sp)].colour : 0;
      if (it.type <= 1) {
        out += it.type == 0 ? "<span class=\"q k-" : "<span class=\"qc k-";
        out += quote_kind_name(q.kind);
        if (speech(q.kind) && sp < 0) out += " none";
        if (sp >= 0) out += pattern(c);
        out += "\"";
        if (it.type == 0) {
          out += " id=\"q" + std::to_string(it.quote) + "\"";
          out += " data-kind=\"";
          out += quote_kind_name(q.kind);
          out += "\"";
        }
        out += " data-q=\"" + std::to_string(it.quote) + "\"";
        if (sp >= 0) out += " data-speaker=\"" + std::to_string(sp) + "\" style=\"" + colour_vars(c) + "\"";
        out += " title=\"";
        std::string tip = quote_kind_name(q.kind);
        if (sp >= 0) tip += " \xC2\xB7 " + speakers[static_cast<std::size_t>(sp)].name;
        if (!q.rule.empty()) tip += " \xC2\xB7 rule " + q.rule;
        esc(out, tip);
        out += "\">";
      } else if (it.type == 2) {
        out += "<span class=\"spk\" data-q=\"" + std::to_string(it.quote) + "\" style=\"" +
               colour_vars(c) + "\">";
      } else {
        out += "<span class=\"cue\" data-q=\"" + std::to_string(it.quote) + "\">";
      }
      stack.push_back(it);
    }
    while (!stack.empty()) close_top();
    text_to(z.end);
    out += "</div>\n";
  }
  out += "</main>\n<aside>\n<h2>Speakers</h2>\n";
  if (speakers.empty()) out += "<p class=\"muted\">No attributed quotes.</p>\n";
  std::vector<std::size_t> order(speakers.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return speakers[a].quotes.size() > speakers[b].quotes.size();
  });
  for (std::size_t k : order) {
    const SpeakerInfo& s = speakers[k];
    out += "<div class=\"speaker\" data-speaker=\"" + std::to_string(k) + "\" style=\"" +
           colour_vars(s.colour) + "\"><span class=\"sw\"></span><span class=\"n\">";
    esc(out, s.name);
    std::size_t counts[3] = {0, 0, 0};
    for (std::size_t qi : s.quotes) {
      const quote_kind kk = doc.quotes[qi].kind;
      ++counts[kk == quote_kind::direct ? 0 : kk == quote_kind::partial ? 1 : 2];
    }
    std::snprintf(line, sizeof line, "</span> <span class=\"muted\">%zu: %zu direct, %zu partial, %zu indirect</span>",
                  s.quotes.size(), counts[0], counts[1], counts[2]);
    out += line;
    if (s.entity >= 0) {
      const Entity& e = doc.entities[static_cast<std::size_t>(s.entity)];
      std::vector<std::string> aliases;
      for (const Span& m : e.mentions) {
        // (role mentions are the roles, listed after the aliases)
        if (m.kind != static_cast<std::uint32_t>(mention_kind::name)) continue;
        std::string a(slice(m));
        if (a != e.name && std::find(aliases.begin(), aliases.end(), a) == aliases.end())
          aliases.push_back(a);
      }
      if (!aliases.empty() || !e.roles.empty()) {
        out += "<div class=\"aliases\">";
        for (std::size_t i = 0; i < aliases.size(); ++i) {
          if (i) out += ", ";
          esc(out, aliases[i]);
          out += " \xE2\x86\x92 ";
          esc(out, e.name);
        }
        for (const std::string& r : e.roles) {
          out += aliases.empty() && &r == &e.roles.front() ? "" : "; ";
          out += "<i>";
          esc(out, r);
          out += "</i>";
        }
        out += "</div>";
      }
    }
    out += "<ol>";
    for (std::size_t qi : s.quotes) {
      const Quote& q = doc.quotes[qi];
      out += "<li><span class=\"kind\">";
      out += quote_kind_name(q.kind);
      out += "</span> <a href=\"#q" + std::to_string(qi) + "\">";
      esc(out, clip(slice(q.span), 140));
      out += "</a></li>";
    }
    out += "</ol></div>\n";
  }
  // reported speech with no speaker; scare quotes and titles
  std::string none, scare;
  for (std::size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    std::string& to = speech(q.kind) ? none : scare;
    if (speech(q.kind) && speaker_of[i] >= 0) continue;
    to += "<li><span class=\"kind\">";
    to += quote_kind_name(q.kind);
    to += "</span> <a href=\"#q" + std::to_string(i) + "\">";
    esc(to, clip(slice(q.span), 140));
    to += "</a></li>";
  }
  if (!none.empty()) out += "<h2>Speech with no speaker found</h2>\n<ul>" + none + "</ul>\n";
  out += "<h2>Scare quotes and titles</h2>\n";
  out += scare.empty() ? "<p class=\"muted\">None.</p>\n" : "<ul>" + scare + "</ul>\n";
  out += "<h2>Repairs</h2>\n";
  if (doc.repairs.empty()) out += "<p class=\"muted\">None: the text was clean.</p>\n";
  else out += "<ul>";
  for (const Repair& r : doc.repairs) {
    out += "<li><span class=\"kind\">";
    out += repair_kind_name(r.kind);
    out += "</span> ";
    esc(out, clip(slice(r.span), 60));
    out += " \xE2\x86\x92 ";
    esc(out, clip(r.replacement, 60));
    out += "</li>";
  }
  if (!doc.repairs.empty()) out += "</ul>\n";
  out += "<p class=\"muted\">Made by skaz. Colours: Okabe &amp; Ito's palette; "
         "a double underline marks indirect speech, a dotted one scare quotes and titles.</p>\n";
  out += "</aside>\n</div>\n</body>\n</html>\n";
  return out;
}

SKAZ_END_NAMESPACE
}  // namespace skaz
