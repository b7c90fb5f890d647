// skaz — the command-line tool (docs/cli.md; the contract of DESIGN.md).
// Exit status: 0 success, 1 bad input (message names the input, line and
// byte), 2 bad usage.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "batch.hpp"
#include "report.hpp"
#include "skaz/repair.hpp"
#include "skaz/translit.hpp"
#include "skaz/skaz.hpp"

namespace {

constexpr int kBadInput = 1;
constexpr int kUsage = 2;

struct InputError {
  std::string message;
};

// The stream of `path`: standard input for "-", else `file` opened on it.
std::istream& open_input(const std::string& path, std::ifstream& file) {
  if (path == "-") return std::cin;
  file.open(path, std::ios::binary);
  if (!file) throw InputError{path + ": cannot open file"};
  return file;
}

// Reads a whole file ("-" = stdin) as bytes.
std::string read_all(const std::string& path) {
  std::ifstream file;
  std::istream& in = open_input(path, file);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw InputError{path + ": read error"};
  return ss.str();
}

skaz::offset_unit parse_unit(const std::string& s) {
  if (s == "byte") return skaz::offset_unit::byte;
  if (s == "utf16") return skaz::offset_unit::utf16;
  return skaz::offset_unit::codepoint;
}

struct AnalyzeArgs {
  std::vector<std::string> inputs;
  std::string lang = "auto";
  std::string offsets = "codepoint";
  std::string format = "json";
  bool jsonl = false;
  bool tokens = false;
  bool pretty = false;
  bool replace_invalid = false;
  unsigned jobs = 1;
  std::string on_error = "fail";
  bool stats = false;
  bool quiet = false;
};

std::string error_text(const skaz::error& e) {
  return e.message;
}

int run_analyze(const AnalyzeArgs& a) {
  if (a.format == "html" && (a.jsonl || a.inputs.size() > 1)) {
    std::fprintf(stderr, "skaz analyze: --format html makes one page of one document: "
                         "give one FILE or -, without --jsonl\n");
    return kUsage;
  }
  skaz::Options opts;
  opts.lang = a.lang;
  opts.tokens = a.tokens;
  opts.utf8 = a.replace_invalid ? skaz::utf8_policy::replace : skaz::utf8_policy::strict;
  auto pipeline = skaz::Pipeline::create(opts);
  if (!pipeline) {
    std::fprintf(stderr, "skaz analyze: %s\n", pipeline.err().message.c_str());
    return pipeline.code() == skaz::errc::invalid_argument ? kUsage : kBadInput;
  }
  skaz::JsonOptions jo;
  jo.unit = parse_unit(a.offsets);
  jo.pretty = a.pretty;
  jo.tokens = a.tokens;
  const bool text_format = a.format == "text";

  std::vector<std::string> inputs = a.inputs;
  if (inputs.empty()) inputs.push_back("-");
  if (a.jsonl) {
    skaz::cli::BatchOptions bo;
    bo.jobs = a.jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : a.jobs;
    bo.text_format = text_format;
    bo.pretty = a.pretty;
    bo.json = jo;
    bo.skip_bad = a.on_error == "skip";
    bo.stats = a.stats;
    bo.progress = !a.quiet;
    return skaz::cli::run_jsonl(pipeline.value(), inputs, bo);
  }
  std::string out;
  for (const std::string& path : inputs) {
    const std::string name = path == "-" ? "<stdin>" : path;
    const std::string text = read_all(path);
    auto doc = pipeline->analyze(text);
    if (!doc) throw InputError{name + ": " + error_text(doc.err())};
    if (text_format) {
      out = skaz::cli::render_text(doc.value(), name);
    } else if (a.format == "html") {
      skaz::HtmlOptions ho;
      ho.title = name;
      out = skaz::to_html(doc.value(), ho);
    } else {
      out = skaz::to_json(doc.value(), jo);
      out.push_back('\n');
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  std::fflush(stdout);
  return 0;
}

// Line in, line out: `fn` maps each line of every input. Invalid UTF-8 is
// bad input (exit 1, naming the line and byte).
template <class Fn>
int run_lines(const std::vector<std::string>& inputs_in, const char* what, Fn fn) {
  std::vector<std::string> inputs = inputs_in;
  if (inputs.empty()) inputs.push_back("-");
  std::string out;
  for (const std::string& path : inputs) {
    const std::string name = path == "-" ? "<stdin>" : path;
    std::ifstream file;
    std::istream* in = &open_input(path, file);
    std::string line;
    std::size_t lineno = 0;
    while (std::getline(*in, line)) {
      ++lineno;
      const bool cr = !line.empty() && line.back() == '\r';
      if (cr) line.pop_back();
      const std::size_t bad = skaz::find_invalid_utf8(line);
      if (bad != std::string::npos) {
        throw InputError{name + ":" + std::to_string(lineno) + ": invalid UTF-8 at byte " +
                         std::to_string(bad) + " of the line"};
      }
      out.clear();
      fn(line, out);
      if (cr) out.push_back('\r');
      out.push_back('\n');
      std::fwrite(out.data(), 1, out.size(), stdout);
    }
    if (in->bad()) throw InputError{name + ": read error"};
  }
  (void)what;
  std::fflush(stdout);
  return 0;
}


}  // namespace

int main(int argc, char** argv) {
  // std::cin synced with C stdio reads a character at a time (getc and
  // ungetc: 15 % of a batch run); the tool writes through C stdio only, so
  // no stream is shared between the two
  std::ios_base::sync_with_stdio(false);
  CLI::App app{"skaz: news text into structure — zones, sentences, names, who said what"};
  app.set_version_flag("--version", std::string(skaz::version_string));
  app.require_subcommand(1);

  AnalyzeArgs aa;
  auto* analyze = app.add_subcommand("analyze", "analyse texts: one JSON object per input");
  analyze->add_option("inputs", aa.inputs, "files to analyse, - for stdin (default)");
  analyze->add_flag("--jsonl", aa.jsonl, "input lines are {\"id\",\"text\",\"lang\"?}; one output line each");
  analyze->add_option("--lang", aa.lang, "language: auto, en, ru (others: generic rules)")
      ->capture_default_str();
  analyze->add_option("--offsets", aa.offsets, "offset unit in the output")
      ->check(CLI::IsMember({"codepoint", "byte", "utf16"}))
      ->capture_default_str();
  analyze->add_option("--format", aa.format,
                      "json (the output contract), text (for people) or html (one page: who said what)")
      ->check(CLI::IsMember({"json", "text", "html"}))
      ->capture_default_str();
  analyze->add_option("--jobs,-j", aa.jobs, "with --jsonl: documents analysed in parallel (0: one per core)")
      ->capture_default_str();
  analyze->add_option("--on-error", aa.on_error,
                      "with --jsonl: a malformed line is fatal (exit 1) or reported and skipped")
      ->check(CLI::IsMember({"fail", "skip"}))
      ->capture_default_str();
  analyze->add_flag("--stats", aa.stats, "with --jsonl: a summary on stderr at the end");
  analyze->add_flag("--quiet,-q", aa.quiet, "no progress line (it shows on a terminal only)");
  analyze->add_flag("--tokens", aa.tokens, "include tokens");
  analyze->add_flag("--pretty", aa.pretty, "indent the JSON");
  analyze->add_flag("--replace-invalid", aa.replace_invalid,
                    "read invalid UTF-8 as U+FFFD instead of failing");

  std::string schema;
  bool reverse = false;
  std::vector<std::string> line_inputs;
  auto* translit = app.add_subcommand("translit", "transliterate lines by a schema");
  translit->add_option("--schema", schema, "schema name (see skaz schemas)")->required();
  translit->add_flag("--reverse", reverse, "Latin to Cyrillic");
  translit->add_option("inputs", line_inputs, "files, - for stdin");
  skaz::RepairOptions ropts;
  auto* repair = app.add_subcommand("repair", "repair garbled lines (mojibake; --homoglyphs, --invisible)");
  repair->add_option("inputs", line_inputs, "files, - for stdin");
  repair->add_flag("--homoglyphs", ropts.homoglyphs, "also map lookalike letters to the word's script");
  repair->add_flag("--invisible", ropts.invisible, "also drop soft hyphens, zero-width spaces, BOMs");
  auto* name_key = app.add_subcommand("name-key", "the name key of each line");
  name_key->add_option("inputs", line_inputs, "files, - for stdin");
  auto* name_base = app.add_subcommand("name-base", "the nominative base form of each line");
  name_base->add_option("inputs", line_inputs, "files, - for stdin");
  auto* schemas = app.add_subcommand("schemas", "list the transliteration schemas");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : kUsage;
  }

  try {
    if (*analyze) return run_analyze(aa);
    if (*translit) {
      auto t = skaz::Transliterator::create(schema);
      if (!t) {
        std::fprintf(stderr, "skaz translit: %s (see skaz schemas)\n", t.err().message.c_str());
        return kUsage;
      }
      const skaz::Transliterator& tr = t.value();
      return run_lines(line_inputs, "translit", [&](const std::string& line, std::string& out) {
        if (reverse) out = tr.reverse_best(line);
        else tr.forward(line, out);
      });
    }
    if (*repair) {
      return run_lines(line_inputs, "repair", [&ropts](const std::string& line, std::string& out) {
        out = skaz::repair_text(line, nullptr, ropts);
      });
    }
    if (*schemas) {
      for (std::string_view n : skaz::translit_schemas()) std::printf("%.*s\n", static_cast<int>(n.size()), n.data());
      return 0;
    }
    if (*name_key) {
      return run_lines(line_inputs, "name-key", [](const std::string& line, std::string& out) {
        out = skaz::name_key(line);
      });
    }
    if (*name_base) {
      return run_lines(line_inputs, "name-base", [](const std::string& line, std::string& out) {
        out = skaz::name_base(line);
      });
    }
  } catch (const InputError& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "skaz: %s\n", e.message.c_str());
    return kBadInput;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "skaz: out of memory\n");
    return kBadInput;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "skaz: internal error: %s\n", e.what());
    return kBadInput;
  }
  return kUsage;
}
