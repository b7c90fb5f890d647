#!/usr/bin/env python3
"""Generates src/translit_tables.cpp: the transliteration schemas and the
Russian letter language model of the reverse (Latin -> Cyrillic) decoder.

Inputs (python3 standard library only):
  * the iuliia schema files (nalgeon/iuliia, MIT licence): every *.json of
    SCHEMA_DIR (default ../shared/data/translit/iuliia_schemas beside the
    repository) with its letter mapping, previous-letter, next-letter and
    word-ending rules;
  * ISO 9:1995, written below by hand (one letter to one Latin letter with
    diacritics, for Russian, Ukrainian, Belarusian, Bulgarian, Serbian and
    Macedonian);
  * the Russian classics of ../shared/data/corpus/bench_ru_books.jsonl
    (d0rj/RusLit, public domain), "text" fields, for a letter 4-gram model;
  * the word forms of the Russian Hunspell dictionary (Debian's hunspell-ru,
    Alexander I. Lebedev's ru_RU dictionary, BSD-style licence), expanded by
    unmunch (Debian's hunspell-tools), for the same model: classics alone
    hold few place and person names; and its headwords and the forms of its
    capitalised entries as the decoder's known words.

  tools/gen_translit.py [--schemas DIR] [--corpus FILE.jsonl] [--lexicon DIC|none]
                        [-o src/translit_tables.cpp]

The output is deterministic: the same inputs give the same bytes.
"""
import argparse
import collections
import glob
import json
import math
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = os.path.join(REPO, "..", "shared", "data")
DEFAULT_SCHEMAS = os.path.join(SHARED, "translit", "iuliia_schemas")
DEFAULT_CORPUS = os.path.join(SHARED, "corpus", "bench_ru_books.jsonl")
DEFAULT_OUT = os.path.join(REPO, "src", "translit_tables.cpp")
DEFAULT_LEXICON = "/usr/share/hunspell/ru_RU.dic"

# ---------------------------------------------------------------- ISO 9:1995
# ISO 9:1995 (identical to GOST 7.79-2000 system A): one Cyrillic letter, one
# Latin letter, diacritics where needed. Written here by hand from the
# standard's table; letters of the Slavic alphabets plus the four historical
# letters the standard keeps. Combining marks: U+0300 grave (g̀ f̀), U+0302
# circumflex (l̂ n̂ d̂). Unlike iuliia's gost_779 data, ё is the Latin ë
# (U+00EB), not a Cyrillic ё.
ISO9_1995 = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g\u0300", "д": "d",
    "ѓ": "\u01f5",   # ǵ  Macedonian
    "ђ": "\u0111",   # đ  Serbian
    "е": "e", "ё": "\u00eb",   # ë
    "є": "\u00ea",   # ê  Ukrainian
    "ж": "\u017e",   # ž
    "з": "z",
    "ѕ": "\u1e91",   # ẑ  Macedonian
    "и": "i",
    "і": "\u00ec",   # ì  Ukrainian, Belarusian
    "ї": "\u00ef",   # ï  Ukrainian
    "й": "j",
    "ј": "\u01f0",   # ǰ  Serbian, Macedonian
    "к": "k",
    "ќ": "\u1e31",   # ḱ  Macedonian
    "л": "l",
    "љ": "l\u0302",  # l̂
    "м": "m", "н": "n",
    "њ": "n\u0302",  # n̂
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "ћ": "\u0107",   # ć  Serbian
    "у": "u",
    "ў": "\u01d4",   # ǔ  Belarusian
    "ф": "f", "х": "h", "ц": "c",
    "ч": "\u010d",   # č
    "џ": "d\u0302",  # d̂
    "ш": "\u0161",   # š
    "щ": "\u015d",   # ŝ
    "ъ": "\u02ba",   # ʺ
    "ы": "y",
    "ь": "\u02b9",   # ʹ
    "э": "\u00e8",   # è
    "ю": "\u00fb",   # û
    "я": "\u00e2",   # â
    "ѣ": "\u011b",   # ě  historical yat
    "ѳ": "f\u0300",  # f̀  historical fita
    "ѵ": "\u1ef3",   # ỳ  historical izhitsa
    "ѫ": "\u01ce",   # ǎ  historical big yus
}
ISO9_ALIASES = ["iso_9"]

# ---------------------------------------------------------------- language model
ALPHA = "#абвгдежзийклмнопрстуфхцчшщъыьэюя"  # symbol 0 is the word boundary; ё is folded into е
NSYM = len(ALPHA)
ORDER = 4
DISCOUNT = 0.5
STEP = 0.16       # nats per quantisation level
MAXLEVEL = 90     # levels 0..90 are written as printable characters


def level_char(v):
    v = max(0, min(MAXLEVEL, v))
    c = 35 + v
    if c >= 92:   # skip the backslash
        c += 1
    return chr(c)


def quant(p):
    return int(round(-math.log(p) / STEP))


def count_words(path):
    words = collections.Counter()
    rx = re.compile("[а-яё]+")
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                words.update(rx.findall(json.loads(line)["text"].lower()))
    return words


LEXICON_WEIGHT = 0.3  # a form no corpus text holds counts less than one seen once (1.0)


def add_lexicon(words, forms):
    """Adds every lower-case Russian form of a Hunspell dictionary that the
    corpus lacks, at LEXICON_WEIGHT. Measured on 3,000 Wikinews words the
    classics lack, read back from 27 schemas: 92.63 % of readings right with
    the classics alone, 93.99 % with the lexicon (0.1: 93.80, 0.5: 93.81)."""
    added = 0
    for line in forms:
        w = line.strip().lower()
        if w not in words and russian_word(w):
            words[w] = LEXICON_WEIGHT
            added += 1
    return added


def unmunch(dic):
    aff = os.path.splitext(dic)[0] + ".aff"
    try:
        out = subprocess.run(["unmunch", dic, aff], capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"gen_translit: cannot expand {dic} with unmunch ({e}); "
                 "install hunspell-ru and hunspell-tools, or pass --lexicon none")
    return out.decode("utf-8").split("\n")


def russian_word(w):
    return bool(w) and all("а" <= ch <= "я" or ch == "ё" for ch in w)


def known_words(dic, forms):
    """The words the reverse decoder knows: every headword of the Hunspell
    dictionary (its lemmas) and every form of its capitalised entries (place
    and person names, which news names in any case: Астрахани, Челнах),
    lower-cased, ё as е. All 1.19 M forms would take 2 MB for 0.1 point
    more; measured on 3,000 Wikinews words the classics lack, read back from
    27 schemas, a candidate that is a known word gaining kKnown (3 nats, in
    src/translit.cpp): 93.99 %
    -> 94.41 % (full forms: 94.51 %)."""
    known = set()
    with open(dic, encoding="utf-8") as f:
        next(f)  # the entry count
        for line in f:
            w = line.split("/")[0].strip().lower().replace("ё", "е")
            if russian_word(w):
                known.add(w)
    for line in forms:
        line = line.strip()
        if line[:1].isupper():
            w = line.lower().replace("ё", "е")
            if russian_word(w):
                known.add(w)
    return known


def fnv1a(b):
    h = 0x811C9DC5
    for x in b:
        h = ((h ^ x) * 0x01000193) & 0xFFFFFFFF
    return h


B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def rice_set(known):
    """The sorted 32-bit FNV-1a hashes of the known words' UTF-8, as
    Rice-coded gaps (parameter k) packed most significant bit first and
    written six bits a character (base64 alphabet). A word outside the set
    hashes into it with probability n / 2^32 (under 1 in 25,000)."""
    hashes = sorted({fnv1a(w.encode("utf-8")) for w in known})
    gaps = [b - a for a, b in zip([0] + hashes, hashes)]
    k = max(0, int(math.log2(sum(gaps) / len(gaps))))
    bits = []
    for g in gaps:
        q, r = g >> k, g & ((1 << k) - 1)
        bits.extend([1] * q)
        bits.append(0)
        bits.extend((r >> i) & 1 for i in range(k - 1, -1, -1))
    bits.extend([0] * (-len(bits) % 6))
    text = "".join(B64[int("".join(map(str, bits[i:i + 6])), 2)] for i in range(0, len(bits), 6))
    return text, len(hashes), k


def kneser_ney(words):
    """Interpolated Kneser-Ney letter model of ORDER. A word of frequency f
    counts 1 + ln f: frequent words must not swamp the spelling of rare ones
    (names are rare). A lexicon form (f < 1) counts f."""
    top = collections.Counter()
    for w, f in sorted(words.items()):
        weight = 1.0 + math.log(f) if f >= 1 else f
        s = "#" * (ORDER - 1) + w.replace("ё", "е") + "#"
        for i in range(ORDER - 1, len(s)):
            top[s[i - ORDER + 1:i + 1]] += weight
    counts = [None] * (ORDER + 1)
    counts[ORDER] = top
    for k in range(ORDER - 1, 0, -1):
        cont = collections.Counter()
        for g in counts[k + 1]:
            cont[g[1:]] += 1
        counts[k] = cont
    tot = [None] * (ORDER + 1)
    typ = [None] * (ORDER + 1)
    for k in range(1, ORDER + 1):
        t = collections.Counter()
        ty = collections.Counter()
        for g, v in counts[k].items():
            t[g[:-1]] += v
            ty[g[:-1]] += 1
        tot[k], typ[k] = t, ty

    cache = {}

    def prob(k, h, c):
        """P_k(c | last k-1 symbols of h)."""
        key = (k, h, c)
        if key in cache:
            return cache[key]
        if k == 0:
            return 1.0 / NSYM
        hh = h[len(h) - (k - 1):] if k > 1 else ""
        lower = prob(k - 1, h, c)
        t = tot[k].get(hh, 0)
        if t <= 0:
            r = lower
        else:
            r = max(counts[k].get(hh + c, 0) - DISCOUNT, 0) / t + DISCOUNT * typ[k][hh] / t * lower
        cache[key] = r
        return r

    def bow(h):
        t = tot[ORDER].get(h, 0)
        return DISCOUNT * typ[ORDER][h] / t if t > 0 else 1.0

    return counts, prob, bow


def build_lm(words):
    counts, prob, bow = kneser_ney(words)
    # dense trigram level: P_3(c | a b) for every a, b, c
    lm3 = []
    for a in ALPHA:
        for b in ALPHA:
            for c in ALPHA:
                lm3.append(level_char(quant(prob(3, a + b, c))))
    # sparse 4-gram level: per context x a b, its backoff weight and the
    # letters seen after it with P_4
    seen = collections.defaultdict(list)
    for g in counts[ORDER]:
        seen[g[:3]].append(g[3])
    ctx_count = []
    data = []
    entries = 0
    for x in ALPHA:
        for a in ALPHA:
            for b in ALPHA:
                h = x + a + b
                cs = sorted(seen.get(h, []), key=ALPHA.index)
                ctx_count.append(level_char(len(cs)))
                if cs:
                    data.append(level_char(quant(bow(h))))
                    for c in cs:
                        data.append(level_char(ALPHA.index(c)))
                        data.append(level_char(quant(prob(4, h, c))))
                        entries += 1
    return "".join(lm3), "".join(ctx_count), "".join(data), entries


# ---------------------------------------------------------------- schemas
def load_schemas(directory):
    schemas = []
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        if "mapping" not in d:
            continue
        schemas.append(d)
    if len(schemas) != 28:
        print(f"warning: {len(schemas)} schema files in {directory} (28 expected)", file=sys.stderr)
    return schemas


def cyr(ch):
    o = ord(ch)
    if not 0x400 <= o <= 0x4FF:
        raise ValueError(f"letter {ch!r} is outside U+0400..U+04FF")
    if ch != ch.lower():
        raise ValueError(f"letter {ch!r} is not lowercase")
    return o


def cap(v):
    return v[:1].upper() + v[1:]


MAX_OUTPUT = 8  # bytes; the engine copies outputs through 8-byte slots


def check_output(name, v):
    for form in (v, cap(v), v.upper()):
        if len(form.encode("utf-8")) > MAX_OUTPUT:
            raise ValueError(f"{name}: output {form!r} is longer than {MAX_OUTPUT} bytes")


def rules_of(d):
    """(kind, a, b, value): kind 0 letter (a), 1 previous-letter (a = the
    previous letter or 0 at a word start, b = the letter), 2 next-letter (a =
    the letter, b = the next one), 3 word ending (a b)."""
    rules = []
    for k, v in sorted(d["mapping"].items()):
        rules.append((0, cyr(k), 0, v))
    for k, v in sorted((d.get("prev_mapping") or {}).items()):
        if len(k) == 1:
            rules.append((1, 0, cyr(k), v))
        elif len(k) == 2:
            rules.append((1, cyr(k[0]), cyr(k[1]), v))
        else:
            raise ValueError(f"{d['name']}: prev_mapping key {k!r}")
    for k, v in sorted((d.get("next_mapping") or {}).items()):
        if len(k) != 2:
            raise ValueError(f"{d['name']}: next_mapping key {k!r}")
        rules.append((2, cyr(k[0]), cyr(k[1]), v))
    for k, v in sorted((d.get("ending_mapping") or {}).items()):
        if len(k) != 2:
            raise ValueError(f"{d['name']}: ending_mapping key {k!r} (the engine reads two-letter endings)")
        rules.append((3, cyr(k[0]), cyr(k[1]), v))
    return rules


IUL_LICENCE = """MIT License

Copyright (c) 2020 Anton Zhiyanov

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def read_licence(directory):
    """The LICENSE file shipped beside the schemas, else iuliia's MIT text."""
    path = os.path.join(directory, "LICENSE")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return f.read()
    return IUL_LICENCE


def c_string(s):
    out = ['"']
    prev = None
    for b in s.encode("utf-8"):
        if b == 0x22 or b == 0x5C:
            out.append("\\" + chr(b))
        elif 0x20 <= b < 0x7F and not (b == 0x3F and prev == 0x3F):  # no "??" (trigraphs)
            out.append(chr(b))
        else:
            out.append(f"\\{b:03o}")
        prev = b
    out.append('"')
    return "".join(out)


def chunks(s, size=8000):
    return [s[i:i + size] for i in range(0, len(s), size)] or [""]


def emit_blob(out, name, s, comment):
    parts = chunks(s)
    out.append(f"// {comment}")
    out.append(f"extern const char* const {name}[] = {{")
    for p in parts:
        for i in range(0, len(p), 100):
            out.append("    " + c_string(p[i:i + 100]))
        out.append("    ,")
    out.append("};")
    out.append(f"extern const std::size_t {name}Parts = {len(parts)};")
    out.append(f"extern const std::size_t {name}Size = {len(s)};")
    out.append("")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--schemas", default=DEFAULT_SCHEMAS)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--lexicon", default=DEFAULT_LEXICON, help="Hunspell .dic beside its .aff, or none")
    ap.add_argument("-o", "--output", default=DEFAULT_OUT)
    args = ap.parse_args()

    schemas = load_schemas(args.schemas)
    entries = []  # (name, canonical, rules)
    for d in schemas:
        entries.append((d["name"], d["name"], rules_of(d)))
    iso = {"name": "iso_9_1995", "mapping": ISO9_1995}
    entries.append(("iso_9_1995", "iso_9_1995", rules_of(iso)))
    names = {e[0] for e in entries}
    for alias in ISO9_ALIASES:
        entries.append((alias, "iso_9_1995", None))
    for d in schemas:
        for alias in d.get("aliases") or []:
            # gost_779 names iso_9_1995 as its alias; skaz has the full
            # ISO 9:1995 table under that name instead.
            if alias not in names:
                entries.append((alias, d["name"], None))
    entries.sort(key=lambda e: e[0])
    for e in entries:
        if e[0] in names and e[2] is None:
            raise ValueError(f"alias {e[0]} clashes with a schema")

    words = count_words(args.corpus)
    forms = unmunch(args.lexicon) if args.lexicon != "none" else []
    lexicon_forms = add_lexicon(words, forms)
    known = known_words(args.lexicon, forms) if forms else set()
    known_text, known_count, known_k = rice_set(known) if known else ("", 0, 0)
    lm3, ctx_count, lm4, n4 = build_lm(words)

    out = []
    out.append("// GENERATED by tools/gen_translit.py; do not edit. Regenerate with")
    out.append("//   python3 tools/gen_translit.py")
    out.append("// Inputs: the iuliia schema files ../shared/data/translit/iuliia_schemas/*.json")
    out.append("// (nalgeon/iuliia), ISO 9:1995 written by hand in the generator, and the")
    out.append("// Russian classics ../shared/data/corpus/bench_ru_books.jsonl (d0rj/RusLit,")
    out.append("// public domain) and %d word forms of the Russian Hunspell dictionary" % lexicon_forms)
    out.append("// (hunspell-ru; ru_RU by Alexander I. Lebedev, modified: expanded, lower-cased")
    out.append("// and counted) for the letter model, and the hashes of its headwords and")
    out.append("// capitalised forms as known words; its licence is in NOTICE.")
    out.append("//")
    out.append("// The schema tables come from nalgeon/iuliia, under this licence:")
    out.append("//")
    for line in read_licence(args.schemas).splitlines():
        out.append(("//   " + line).rstrip())
    out.append("//")
    yo = [name for name, _, rules in entries if rules and any("ё" in r[3] for r in rules)]
    out.append("// Kept as iuliia has it: %d schemas write ё as the Cyrillic ё (U+0451) in" % len(yo))
    out.append("// their Latin output, and iuliia's own samples expect it:")
    out.append("//   " + ", ".join(yo) + ".")
    out.append('#include "translit_data.hpp"')
    out.append("")
    out.append("namespace skaz {")
    out.append("SKAZ_BEGIN_NAMESPACE")
    out.append("namespace detail {")
    out.append("namespace translit_data {")
    out.append("")
    rule_names = {}
    for name, canonical, rules in entries:
        if rules is None:
            continue
        ident = "k" + "".join(p.capitalize() for p in re.split(r"[^a-zA-Z0-9]+", name))
        rule_names[name] = (ident, len(rules))
        out.append(f"const Rule {ident}[] = {{")
        for kind, a, b, v in rules:
            check_output(name, v)
            out.append(f"    {{{kind}, 0x{a:04X}, 0x{b:04X}, {c_string(v)}, {c_string(cap(v))}, {c_string(v.upper())}}},")
        out.append("};")
        out.append("")
    out.append(f"extern const Schema kSchemas[] = {{")
    for name, canonical, rules in entries:
        ident, n = rule_names[canonical]
        out.append(f"    {{{c_string(name)}, {c_string(canonical)}, {ident}, {n}}},")
    out.append("};")
    out.append(f"extern const std::size_t kSchemaCount = {len(entries)};")
    out.append("")

    # case tables
    lower = []
    upper = []
    for o in range(0x400, 0x500):
        ch = chr(o)
        lo = ch.lower()
        up = ch.upper()
        lower.append(ord(lo) if len(lo) == 1 and 0x400 <= ord(lo) <= 0x4FF else o)
        upper.append(ord(up) if len(up) == 1 and 0x400 <= ord(up) <= 0x4FF else o)
    out.append("// Simple case mappings of U+0400..U+04FF.")
    for name, table in (("kCyrLower", lower), ("kCyrUpper", upper)):
        out.append(f"extern const char16_t {name}[256] = {{")
        for i in range(0, 256, 12):
            out.append("    " + " ".join(f"0x{x:04X}," for x in table[i:i + 12]))
        out.append("};")
    pairs = []
    for o in list(range(0xC0, 0x250)) + list(range(0x370, 0x400)) + list(range(0x1E00, 0x1F00)):
        ch = chr(o)
        lo = ch.lower()
        if lo != ch and len(lo) == 1:
            pairs.append((o, ord(lo)))
    out.append("// Latin (and Greek) capitals -> small letters, sorted by capital.")
    out.append("extern const char32_t kLatinLower[][2] = {")
    for i in range(0, len(pairs), 6):
        out.append("    " + " ".join(f"{{0x{a:04X}, 0x{b:04X}}}," for a, b in pairs[i:i + 6]))
    out.append("};")
    out.append(f"extern const std::size_t kLatinLowerCount = {len(pairs)};")
    out.append("")

    out.append(f"// Letter model: interpolated Kneser-Ney, order {ORDER}, discount {DISCOUNT}, over")
    out.append(f"// {NSYM} symbols (0 = word boundary, 1..32 = а..я without ё; ё counts as е).")
    out.append(f"// {sum(words.values())} words ({len(words)} distinct); a word of frequency f counts 1 + ln f.")
    out.append(f"// Values are -ln P in steps of {STEP}, one character each: level v is")
    out.append("// the character 35 + v, one more from the backslash on (levels 0..90).")
    out.append(f"extern const double kLmStep = {STEP};")
    out.append(f"extern const int kLmSymbols = {NSYM};")
    out.append("")
    emit_blob(out, "kLm3", lm3, "P(c | a b), index (a * 33 + b) * 33 + c.")
    emit_blob(out, "kLm4Count", ctx_count, "Letters seen after each context x a b, index (x * 33 + a) * 33 + b.")
    emit_blob(out, "kLm4", lm4, f"Per context with letters, in context order: its backoff level, then (letter, level) pairs; {n4} pairs.")
    out.append(f"// Known words: {known_count} hashes of Hunspell headwords and capitalised forms.")
    out.append(f"extern const std::size_t kKnownCount = {known_count};")
    out.append(f"extern const int kKnownRice = {known_k};")
    emit_blob(out, "kKnown", known_text, "Sorted FNV-1a hashes as Rice-coded gaps, six bits a character (base64 alphabet).")
    out.append("}  // namespace translit_data")
    out.append("}  // namespace detail")
    out.append("SKAZ_END_NAMESPACE")
    out.append("}  // namespace skaz")
    text = "\n".join(out) + "\n"
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {args.output}: {len(entries)} schema names, {n4} 4-grams, {len(text)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
