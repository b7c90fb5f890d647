#!/usr/bin/env python3
"""examples/python/analyze.py - skaz from Python (the ctypes package ``skaz``).

    SKAZ_LIBRARY=build/libskaz.so PYTHONPATH=bindings/python \\
        python3 examples/python/analyze.py [FILE]

Analyses FILE (by default the bundled examples/data/article.txt) and prints its
zones, sentences and quotes. Offsets in Python are ``str`` indices (code
points): the binding converts the library's UTF-8 byte offsets, so
``text[s.start:s.end] == s.text``, and keeps the byte offsets as
``byte_start``/``byte_end``. The exit status is nonzero when any offset does
not slice the text correctly, so the script doubles as a test.

The shared library is found through the SKAZ_LIBRARY environment variable,
then the package's bundled copy, then the system library path.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import skaz

DEFAULT_ARTICLE = Path(__file__).resolve().parent.parent / "data" / "article.txt"


def one_line(s: str, limit: int = 0) -> str:
    s = s.replace("\r", " ").replace("\n", " ")
    return s[:limit] + "..." if limit and len(s) > limit else s


def check_spans(name: str, spans, text: str, data: bytes,
                ordered: bool = True) -> list[str]:
    """Each span must slice the text (str indices) and its UTF-8 encoding
    (byte offsets) to its own .text; zones, paragraphs and sentences come in
    document order without overlapping."""
    problems = []
    previous_end = 0
    for i, span in enumerate(spans):
        if not 0 <= span.start <= span.end <= len(text):
            problems.append(f"{name} {i}: offsets [{span.start}, {span.end}) "
                            f"outside a text of {len(text)} characters")
            continue
        if text[span.start:span.end] != span.text:
            problems.append(f"{name} {i}: text[{span.start}:{span.end}] is "
                            f"{text[span.start:span.end]!r}, not {span.text!r}")
        if data[span.byte_start:span.byte_end].decode("utf-8") != span.text:
            problems.append(f"{name} {i}: byte offsets [{span.byte_start}, "
                            f"{span.byte_end}) do not slice to {span.text!r}")
        if ordered and (span.start >= span.end or span.start < previous_end):
            problems.append(f"{name} {i}: empty or overlapping the one before it")
        previous_end = span.end
    return problems


def main(argv: list[str]) -> int:
    if len(argv) > 2:
        print(f"usage: {argv[0]} [FILE]", file=sys.stderr)
        return 2
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_ARTICLE
    text = path.read_text(encoding="utf-8")
    data = text.encode("utf-8")
    problems: list[str] = []

    print(f"skaz {skaz.version()} (package {skaz.__version__})")

    # `with` frees the native document at once; the fields stay usable.
    with skaz.analyze(text) as doc:  # lang="auto"
        print(f"{path}: {len(text)} characters, analysed as {doc.language!r}: "
              f"{len(doc.zones)} zones, {len(doc.paragraphs)} paragraphs, "
              f"{len(doc.sentences)} sentences, {len(doc.quotes)} quotes")

        print("\nZones:")
        for zone in doc.zones:
            print(f"  {zone.kind:<12} [{zone.start:5}, {zone.end:5}) "
                  f"{one_line(zone.text, 70)}")

        print("\nSentences: [str indices) and [UTF-8 byte offsets)")
        for i, s in enumerate(doc.sentences):
            print(f"  {i:3} [{s.start:5}, {s.end:5}) [{s.byte_start:5}, "
                  f"{s.byte_end:5}) {one_line(s.text)}")

        print("\nQuotes:")
        for q in doc.quotes:
            who = (q.speaker.text or q.speaker.name) if q.speaker else None
            cue = q.cue.text if q.cue else None
            print(f"  {q.kind:<8} {one_line(q.text, 60)!r}\n"
                  f"           speaker {who!r}, cue {cue!r} ({q.rule}, "
                  f"{q.confidence:.2f})")

        if not doc.sentences:
            problems.append("no sentences")
        for name, spans in (("zone", doc.zones), ("paragraph", doc.paragraphs),
                            ("sentence", doc.sentences)):
            problems += check_spans(name, spans, text, data)
        problems += check_spans("quote", doc.quotes, text, data, ordered=False)

        # The JSON output contract carries the same offsets (code points).
        out = json.loads(doc.to_json())
        from_json = [(s["start"], s["end"]) for s in out.get("sentences", [])]
        if from_json != [(s.start, s.end) for s in doc.sentences]:
            problems.append("the JSON sentences differ from Document.sentences")
        print(f"\nJSON: {len(out.get('sentences', []))} sentences, "
              f"{len(out.get('quotes', []))} quotes, "
              f"{len(out.get('entities', []))} entities")

    # Errors are exceptions: a str with a lone surrogate has no UTF-8 form.
    try:
        skaz.analyze("Ships \ud800 wait.")
    except skaz.InvalidUtf8Error as exc:
        print(f"\ninvalid input: {exc}")
    else:
        problems.append("a lone surrogate was not refused")

    if problems:
        for problem in problems:
            print(f"analyze.py: {problem}", file=sys.stderr)
        return 1
    print("\nanalyze.py: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
