// examples/cpp/main.cpp — the skaz C++17 core (target skaz::core).
//
//   example_cpp [FILE]
//
// Analyses FILE (by default the bundled examples/data/article.txt), prints its
// zones, sentences and quotes, then the document as JSON. Errors come back as
// skaz::result<T> values, never as exceptions; the exit status is nonzero when
// anything unexpected happens, so the program doubles as a test.
#include <skaz/skaz.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifndef SKAZ_EXAMPLE_ARTICLE
#  define SKAZ_EXAMPLE_ARTICLE "examples/data/article.txt"
#endif

namespace {

int fail(std::string_view what, const skaz::error& err) {
  std::cerr << "example_cpp: " << what << " failed: "
            << skaz::errc_message(err.code) << ": " << err.message;
  if (err.offset != skaz::error::npos) std::cerr << " (at byte " << err.offset << ')';
  std::cerr << '\n';
  return 1;
}

int unexpected(std::string_view what) {
  std::cerr << "example_cpp: unexpected: " << what << '\n';
  return 1;
}

bool read_file(const char* path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

// One line of output: line breaks as spaces, cut after `max` characters when
// max > 0.
std::string one_line(std::string_view s, std::size_t max = 0) {
  std::string out;
  std::size_t chars = 0;
  for (char c : s) {
    // A character starts at every byte that is not a continuation byte.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && max > 0 && chars++ == max)
      return out + "...";
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

// Zones, paragraphs and sentences lie inside the text, in order.
bool spans_ok(const std::vector<skaz::Span>& spans, std::size_t size) {
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (spans[i].empty() || spans[i].end > size) return false;
    if (i > 0 && spans[i].start < spans[i - 1].end) return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const char* path = argc > 1 ? argv[1] : SKAZ_EXAMPLE_ARTICLE;
  std::string text;
  if (!read_file(path, text)) {
    std::cerr << "example_cpp: cannot read " << path << '\n';
    return 1;
  }
  std::cout << "skaz " << skaz::version_string << '\n';

  // 1. A pipeline: immutable once created, shareable across threads.
  skaz::Options options;  // language "auto", strict UTF-8
  options.tokens = true;
  skaz::result<skaz::Pipeline> created = skaz::Pipeline::create(options);
  if (!created) return fail("Pipeline::create", created.err());
  const skaz::Pipeline& pipeline = created.value();

  // 2. One call from text to Document. result<T>::get moves the value out and
  //    returns the error code (errc::ok on success).
  skaz::Document doc;
  skaz::result<skaz::Document> analysed = pipeline.analyze(text);
  if (!analysed) return fail("Pipeline::analyze", analysed.err());
  if (std::move(analysed).get(doc) != skaz::errc::ok)
    return unexpected("get() failed on a successful result");

  std::cout << path << ": " << doc.text.size() << " bytes, analysed as \""
            << doc.language << "\"\n"
            << "  zones " << doc.zones.size() << ", paragraphs "
            << doc.paragraphs.size() << ", sentences " << doc.sentences.size()
            << ", tokens " << doc.tokens.size() << ", entities "
            << doc.entities.size() << ", quotes " << doc.quotes.size()
            << ", repairs " << doc.repairs.size() << '\n';
  if (doc.text != text) return unexpected("the document does not hold the input");
  if (doc.zones.empty() || doc.paragraphs.empty() || doc.sentences.empty())
    return unexpected("no zones, paragraphs or sentences");
  if (!spans_ok(doc.zones, text.size()) || !spans_ok(doc.paragraphs, text.size()) ||
      !spans_ok(doc.sentences, text.size()))
    return unexpected("spans outside the text or out of order");

  // 3. Zones: the boilerplate (title, credit, related links) apart from the body.
  std::cout << "\nZones:\n";
  for (const skaz::Span& z : doc.zones) {
    std::printf("  %-12s [%5u, %5u) %s\n", skaz::zone_kind_name(z.kind),
                static_cast<unsigned>(z.start), static_cast<unsigned>(z.end),
                one_line(doc.slice(z), 70).c_str());
  }

  // 4. Sentences: byte offsets into the original input; OffsetMap converts
  //    them into code points (Python str indices) or UTF-16 units.
  const skaz::OffsetMap offsets(doc.text);
  std::cout << "\nSentences: [byte offsets) and [code point offsets)\n";
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const skaz::Span& s = doc.sentences[i];
    std::printf("  %3zu [%5u, %5u) [%5u, %5u) %s\n", i,
                static_cast<unsigned>(s.start), static_cast<unsigned>(s.end),
                static_cast<unsigned>(offsets.convert(s.start, skaz::offset_unit::codepoint)),
                static_cast<unsigned>(offsets.convert(s.end, skaz::offset_unit::codepoint)),
                one_line(doc.slice(s)).c_str());
  }

  // 5. Quotes with their speakers and cues.
  std::cout << "\nQuotes:\n";
  for (const skaz::Quote& q : doc.quotes) {
    if (q.span.end > text.size()) return unexpected("a quote outside the text");
    std::cout << "  " << skaz::quote_kind_name(q.kind) << ": "
              << one_line(doc.slice(q.span), 60);
    if (q.speaker_entity >= 0 &&
        static_cast<std::size_t>(q.speaker_entity) < doc.entities.size())
      std::cout << "\n      speaker: " << doc.entities[q.speaker_entity].name;
    if (q.cue.start != skaz::no_offset) std::cout << "  cue: " << doc.slice(q.cue);
    std::cout << "  (" << q.rule << ")\n";
  }

  // 6. The output contract as JSON (code point offsets by default).
  skaz::JsonOptions json_options;
  json_options.pretty = true;
  const std::string json = skaz::to_json(doc, json_options);
  if (json.empty() || json.front() != '{' || json.back() != '}')
    return unexpected("the JSON is not one object");
  std::cout << "\nJSON:\n" << json << '\n';

  // 7. Errors are values: invalid UTF-8 under the strict policy names the
  //    offset of the first bad byte.
  static const char kBad[] = "Ships \xC3\x28 wait.";  // 0xC3 needs a continuation byte
  const std::string_view bad(kBad, sizeof kBad - 1);
  skaz::result<skaz::Document> rejected = pipeline.analyze(bad, "en");
  if (rejected || rejected.code() != skaz::errc::invalid_utf8 ||
      rejected.err().offset != 6)
    return unexpected("invalid UTF-8 was not rejected at byte 6");
  std::cout << "\nstrict UTF-8: " << skaz::errc_message(rejected.code()) << " at byte "
            << rejected.err().offset << ": " << rejected.err().message << '\n';

  std::cout << "\nexample_cpp: OK\n";
  return 0;
}
