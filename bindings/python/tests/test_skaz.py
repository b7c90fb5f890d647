"""Tests of the skaz Python binding (standard library unittest only).

Run from the repository root:
    SKAZ_LIBRARY=build/libskaz.so python3 -m unittest discover -s bindings/python/tests -v
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import re
import subprocess
import sys
import threading
import unittest
import weakref
from ctypes import byref
from typing import Any, Callable, Union

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_ROOT = os.path.dirname(HERE)  # bindings/python
if PACKAGE_ROOT not in sys.path:
    sys.path.insert(0, PACKAGE_ROOT)

import skaz  # noqa: E402
from skaz import _build, _errors, _ffi, _types  # noqa: E402

REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
HEADER = os.path.join(REPO, "capi", "include", "skaz", "skaz.h")
VERSION_HEADER = os.path.join(REPO, "capi", "include", "skaz", "skaz_version.h")

EN = (
    "Telegram founder Pavel Durov said on Monday that the company would stay. "
    '"We are not going anywhere," Durov wrote. Dr. Smith disagreed.\n\n'
    "The company, based in Dubai, did not comment further."
)
RU = (
    "Основатель Telegram Павел Дуров заявил в понедельник, что компания "
    "останется. «Мы никуда не уходим», — написал Дуров.\n\n"
    "В компании отказались от комментариев."
)
EMOJI = (
    "Big news 🎉 today! The 🚀 launched at 9 a.m. and everyone cheered 😀.\n\n"
    "Ракета 🚀 улетела. 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 fraktur too."
)
TEXTS = (EN, RU, EMOJI)


def read_header(path: str) -> str:
    with open(path, encoding="utf-8") as f:
        return re.sub(r"/\*.*?\*/", " ", f.read(), flags=re.S)  # no comments


def c_int_value(expr: str) -> int:
    expr = expr.strip().replace("UINT32_MAX", "0xFFFFFFFF")
    expr = re.sub(r"\b(0[xX][0-9a-fA-F]+|\d+)[uU]?\b", r"\1", expr)
    if not re.fullmatch(r"[0-9a-fA-FxX\s<>()+*\-]+", expr):
        raise ValueError(f"not a constant expression: {expr!r}")
    return int(eval(expr, {"__builtins__": {}}, {}))  # digits and operators only


def header_constants(src: str) -> dict[str, int]:
    consts: dict[str, int] = {}
    for body in re.findall(r"\benum\s*\{(.*?)\}", src, flags=re.S):
        for item in body.split(","):
            name, _, value = item.partition("=")
            if name.strip():
                consts[name.strip()] = c_int_value(value)
    for name, value in re.findall(r"^#\s*define\s+(SKAZ_\w+)[ \t]+(.+)$", src, re.M):
        try:
            consts[name] = c_int_value(value)
        except (ValueError, SyntaxError):
            pass  # macros that are not numbers
    return consts


def utf16_index(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


class SpanChecks(unittest.TestCase):
    """Helpers checking the offset invariants of a Document."""

    def check_span(self, doc: skaz.Document, x: Any) -> None:
        text, data = doc.text, doc.text.encode("utf-8")
        self.assertLessEqual(0, x.start)
        self.assertLessEqual(x.start, x.end)
        self.assertLessEqual(x.end, len(text))
        surface = x.original if isinstance(x, skaz.Repair) else x.text
        self.assertEqual(text[x.start : x.end], surface)
        self.assertEqual(len(text[: x.start].encode("utf-8")), x.byte_start)
        self.assertEqual(len(text[: x.end].encode("utf-8")), x.byte_end)
        self.assertEqual(
            data[x.byte_start : x.byte_end].decode("utf-8"), text[x.start : x.end]
        )

    def check_document(self, doc: skaz.Document) -> None:
        for group in (doc.zones, doc.paragraphs, doc.sentences, doc.tokens):
            for x in group:
                self.check_span(doc, x)
            starts = [x.start for x in group]
            self.assertEqual(starts, sorted(starts), "spans are in text order")
        for z in doc.zones:
            self.assertIn(z.kind, _types.ZONE_KINDS)
        for t in doc.tokens:
            self.assertIn(t.kind, _types.TOKEN_KINDS)
        for e in doc.entities:
            self.assertIn(e.type, _types.ENTITY_TYPES)
            for m in e.mentions:
                self.check_span(doc, m)
        for q in doc.quotes:
            self.check_span(doc, q)
            self.assertIn(q.kind, _types.QUOTE_KINDS)
            self.assertTrue(0.0 <= q.confidence <= 1.0)
            if q.cue is not None:
                self.check_span(doc, q.cue)
            if q.speaker is not None and q.speaker.entity is not None:
                self.assertEqual(q.speaker.name, doc.entities[q.speaker.entity].name)
        for r in doc.repairs:
            self.check_span(doc, r)
            self.assertIn(r.kind, _types.REPAIR_KINDS)
        for s in doc.sentences:  # every sentence lies in one paragraph
            self.assertTrue(
                any(p.start <= s.start and s.end <= p.end for p in doc.paragraphs),
                f"sentence {s} outside every paragraph",
            )


class AnalyzeTest(SpanChecks):
    def test_english(self) -> None:
        with skaz.Pipeline(lang="en") as p, p.analyze(EN) as doc:
            self.assertEqual(doc.text, EN)
            self.assertEqual(doc.language, "en")
            self.assertEqual(len(doc.paragraphs), 2)
            self.assertGreaterEqual(len(doc.sentences), 3)
            self.assertEqual(doc.tokens, ())  # not kept by default
            self.check_document(doc)
            # ASCII: str indices and byte offsets agree
            for s in doc.sentences:
                self.assertEqual((s.start, s.end), (s.byte_start, s.byte_end))

    def test_russian(self) -> None:
        with skaz.analyze(RU) as doc:
            self.assertEqual(doc.language, "ru")  # detected
            self.assertEqual(len(doc.paragraphs), 2)
            self.assertGreaterEqual(len(doc.sentences), 3)
            self.check_document(doc)
            last = doc.paragraphs[-1]
            self.assertEqual(last.text, "В компании отказались от комментариев.")
            self.assertNotEqual(last.start, last.byte_start)

    def test_language_override(self) -> None:
        with skaz.analyze(EN, "ru") as doc:
            self.assertEqual(doc.language, "ru")
            self.check_document(doc)
        with skaz.Pipeline(lang="de") as p, p.analyze(EN) as doc:
            self.assertEqual(doc.language, "de")  # other codes: generic rules
            self.check_document(doc)

    def test_entity_roles(self) -> None:
        text = "The head of the agency Pavel Orlov spoke. Orlov, a Telegram founder, left."
        with skaz.Pipeline(lang="en") as p, p.analyze(text) as doc:
            (orlov,) = [e for e in doc.entities if e.name == "Pavel Orlov"]
            self.assertEqual(orlov.roles, ("head of the agency", "Telegram founder"))
            others = [e for e in doc.entities if e.name != "Pavel Orlov"]
            self.assertTrue(all(e.roles == () for e in others))

    def test_role_mentions_and_gender(self) -> None:
        text = (
            "The head of Roskomnadzor Alexander Zharov met the press. "
            "Natalia Seliverstova was there.\n\n"
            "The head of Roskomnadzor, in turn, said that nothing changed."
        )
        with skaz.Pipeline(lang="en") as p, p.analyze(text) as doc:
            (zharov,) = [e for e in doc.entities if e.name == "Alexander Zharov"]
            self.assertEqual(zharov.gender, "male")
            roles = [m for m in zharov.mentions if m.kind == "role"]
            self.assertEqual([(m.text, m.start) for m in roles], [("head of Roskomnadzor", text.rindex("head"))])
            (seliverstova,) = [e for e in doc.entities if e.name == "Natalia Seliverstova"]
            self.assertEqual(seliverstova.gender, "female")

    def test_non_bmp_offsets_match_c_conversion(self) -> None:
        with skaz.Pipeline(tokens=True) as p, p.analyze(EMOJI) as doc:
            self.check_document(doc)
            spans = list(doc.paragraphs) + list(doc.sentences) + list(doc.tokens)
            self.assertTrue(any(s.start != s.byte_start for s in spans))
            self.assertTrue(any(t.text == "🚀" for t in doc.tokens), doc.tokens)
            ptr = doc._handle.ptr()  # type: ignore[union-attr]
            out = ctypes.c_uint32()
            for s in spans:
                for index, byte in ((s.start, s.byte_start), (s.end, s.byte_end)):
                    _ffi.skaz_doc_offset(ptr, byte, _ffi.SKAZ_OFFSET_CODEPOINT, byref(out))
                    self.assertEqual(out.value, index)
                    _ffi.skaz_doc_offset(ptr, byte, _ffi.SKAZ_OFFSET_UTF16, byref(out))
                    self.assertEqual(out.value, utf16_index(EMOJI, index))

    def test_empty_text(self) -> None:
        with skaz.analyze("") as doc:
            self.assertEqual(doc.text, "")
            for group in (doc.zones, doc.paragraphs, doc.sentences, doc.entities):
                self.assertEqual(group, ())
            parsed = json.loads(doc.to_json())
            self.assertEqual(parsed["paragraphs"], [])
            self.assertEqual(parsed["sentences"], [])

    def test_nul_characters(self) -> None:
        text = "First sentence.\0 Second\0one here.\n\nThird one 🎉\0 ends."
        with skaz.Pipeline(tokens=True) as p, p.analyze(text) as doc:
            self.assertEqual(doc.text, text)
            self.check_document(doc)
            self.assertEqual(len(doc.paragraphs), 2)
            self.assertTrue(doc.paragraphs[-1].text.endswith("ends."))
            self.assertIn("\0", "".join(s.text for s in doc.sentences))
            json.loads(doc.to_json())  # NUL is escaped in the JSON

    def test_tokens(self) -> None:
        with skaz.analyze(EN, tokens=True) as doc:
            self.check_document(doc)
            words = [t.text for t in doc.tokens if t.kind == "word"]
            self.assertIn("Durov", words)
            self.assertIn(".", [t.text for t in doc.tokens if t.kind == "punct"])

    def test_documents_compare_by_value(self) -> None:
        with skaz.analyze(RU) as a, skaz.analyze(RU) as b:
            self.assertEqual(a, b)
            self.assertEqual(hash(a), hash(b))
            self.assertNotEqual(a, skaz.analyze(EN))

    def test_index_map_against_brute_force(self) -> None:
        text = "aé€🎉b\0ж𝔘" * 3
        data = text.encode("utf-8")
        offsets = range(len(data) + 2)  # including offsets inside characters
        got = _build._index_map(data, offsets)
        for b in offsets:
            s = min(b, len(data))
            while 0 < s < len(data) and data[s] & 0xC0 == 0x80:
                s -= 1
            self.assertEqual(got[b], len(data[:s].decode("utf-8")), b)


class _FakeHandle(_types.DocumentHandle):
    _free = staticmethod(lambda ptr: None)


class FakeDocumentTest(SpanChecks):
    """Reading entities, quotes and repairs, whatever the library finds yet:
    the skaz_doc_* functions are replaced by stand-ins serving a known
    document in byte offsets, as the C ABI does."""

    TEXT = "Дуров 🎉 сказал: «Привет, мир». Ещё «слово»."

    def b(self, sub: str, nth: int = 0) -> tuple[int, int]:
        """Byte span of the nth occurrence of ``sub`` in TEXT."""
        i = -1
        for _ in range(nth + 1):
            i = self.TEXT.index(sub, i + 1)
        start = len(self.TEXT[:i].encode("utf-8"))
        return start, start + len(sub.encode("utf-8"))

    def fake_functions(self) -> dict[str, Any]:
        keep: list[Any] = []  # arrays that the returned pointers point into
        speaker, cue, quoted = self.b("Дуров"), self.b("сказал"), self.b("Привет, мир")
        word, emoji = self.b("слово"), self.b("🎉")
        sentence = (0, self.b("».")[1])

        def spans(ptr: Any, item: int, items: Any, count: Any) -> int:
            rows = {
                _ffi.SKAZ_ITEM_PARAGRAPH: [(0, len(self.TEXT.encode("utf-8")), 0, 0)],
                _ffi.SKAZ_ITEM_SENTENCE: [(*sentence, 0, 5)],
            }.get(item, [])
            arr = (_ffi.skaz_span * max(len(rows), 1))(*rows)
            keep.append(arr)
            items._obj.contents = arr[0]
            count._obj.value = len(rows)
            return 0

        def entity(ptr: Any, index: int, out: Any) -> int:
            name, key = "Павел Дуров".encode(), b"durov"
            keep.extend((name, key))
            e = out._obj
            e.id, e.type, e.mention_count = 0, 0, 2
            e.name, e.name_len = ctypes.cast(name, ctypes.c_void_p), len(name)
            e.key, e.key_len = ctypes.cast(key, ctypes.c_void_p), len(key)
            return 0

        def mention(ptr: Any, entity: int, index: int, out: Any) -> int:
            # the name, then a role mention
            out._obj.start, out._obj.end = speaker if index == 0 else word
            out._obj.kind = 0 if index == 0 else 1
            return 0

        def gender(ptr: Any, entity: int, out: Any) -> int:
            out._obj.value = 1
            return 0

        def quote(ptr: Any, index: int, out: Any) -> int:
            none = _ffi.SKAZ_NO_OFFSET
            if index == 0:
                row = (*quoted, 0, 0, *speaker, *cue, 0.75, b"colon_before")
            else:
                row = (*word, 3, -1, none, none, none, none, 0.5, b"scare_default")
            size = ctypes.sizeof(_ffi.skaz_quote)
            ctypes.memmove(byref(out._obj), byref(_ffi.skaz_quote(*row)), size)
            return 0

        def repair(ptr: Any, index: int, out: Any) -> int:
            text = b"*"
            keep.append(text)
            r = out._obj
            r.start, r.end = emoji
            r.kind, r.replacement, r.replacement_len = 3, ctypes.cast(text, ctypes.c_void_p), 1
            return 0

        def role(ptr: Any, entity: int, index: int, out: Any, length: Any) -> int:
            text = "основатель Telegram".encode()
            keep.append(text)
            out._obj.value = ctypes.cast(text, ctypes.c_void_p).value
            length._obj.value = len(text)
            return 0

        counts = {_ffi.SKAZ_ITEM_ENTITY: 1, _ffi.SKAZ_ITEM_QUOTE: 2, _ffi.SKAZ_ITEM_REPAIR: 1}
        return {
            "skaz_doc_language": lambda ptr: b"ru",
            "skaz_doc_spans": spans,
            "skaz_doc_count": lambda ptr, item: counts.get(item, 0),
            "skaz_doc_entity": entity,
            "skaz_doc_entity_mention": mention,
            "skaz_doc_entity_role_count": lambda ptr, entity: 1,
            "skaz_doc_entity_role": role,
            "skaz_doc_entity_gender": gender,
            "skaz_doc_quote": quote,
            "skaz_doc_repair": repair,
        }

    def test_entities_quotes_repairs(self) -> None:
        from unittest import mock

        text = self.TEXT
        with mock.patch.multiple(_ffi, **self.fake_functions()):
            doc = _build.build_document(_FakeHandle(object()), text, text.encode("utf-8"))
        self.check_document(doc)
        self.assertEqual(doc.language, "ru")
        self.assertEqual([s.text for s in doc.sentences], ["Дуров 🎉 сказал: «Привет, мир»."])
        self.assertEqual(doc.sentences[0].flags, 5)
        (durov,) = doc.entities
        self.assertEqual(
            (durov.id, durov.name, durov.type, durov.key),
            (0, "Павел Дуров", "person", "durov"),
        )
        self.assertEqual(
            [(m.start, m.end, m.text, m.kind) for m in durov.mentions],
            [(0, 5, "Дуров", "name"), (text.index("слово"), text.index("слово") + 5, "слово", "role")],
        )
        self.assertEqual(durov.roles, ("основатель Telegram",))
        self.assertEqual(durov.gender, "male")
        direct, scare = doc.quotes
        self.assertEqual(
            (direct.text, direct.kind, direct.rule), ("Привет, мир", "direct", "colon_before")
        )
        self.assertEqual(direct.start, text.index("Привет"))
        self.assertEqual(direct.confidence, 0.75)
        self.assertEqual(
            direct.speaker,
            skaz.Speaker(0, "Павел Дуров", 0, 5, "Дуров", 0, len("Дуров".encode())),
        )
        self.assertEqual(direct.cue and direct.cue.text, "сказал")
        self.assertEqual(
            (scare.text, scare.kind, scare.speaker, scare.cue), ("слово", "scare", None, None)
        )
        (fix,) = doc.repairs
        self.assertEqual((fix.kind, fix.original, fix.replacement), ("invisible", "🎉", "*"))
        self.assertEqual((fix.start, fix.end), (6, 7))


class JsonTest(SpanChecks):
    def test_json_matches_dataclasses(self) -> None:
        for text in TEXTS:
            with skaz.analyze(text, tokens=True) as doc:
                cp = json.loads(doc.to_json())
                by = json.loads(doc.to_json(offsets="byte"))
                u16 = json.loads(doc.to_json(offsets="utf16", tokens=True))
                self.assertEqual(cp["offsets"], "codepoint")
                self.assertEqual(by["offsets"], "byte")
                self.assertEqual(u16["offsets"], "utf16")
                self.assertEqual(cp["language"], doc.language)
                self.assertEqual(cp["skaz_version"], skaz.version())
                for key in ("zones", "paragraphs", "sentences"):
                    ours = getattr(doc, key)
                    self.assertEqual(
                        [(x["start"], x["end"]) for x in cp[key]],
                        [(x.start, x.end) for x in ours],
                    )
                    self.assertEqual(
                        [(x["start"], x["end"]) for x in by[key]],
                        [(x.byte_start, x.byte_end) for x in ours],
                    )
                    self.assertEqual(
                        [(x["start"], x["end"]) for x in u16[key]],
                        [(utf16_index(text, x.start), utf16_index(text, x.end)) for x in ours],
                    )
                self.assertEqual([z["kind"] for z in cp["zones"]], [z.kind for z in doc.zones])
                self.assertNotIn("tokens", cp)
                self.assertEqual(
                    [(t["start"], t["end"], t["kind"]) for t in u16["tokens"]],
                    [
                        (utf16_index(text, t.start), utf16_index(text, t.end), t.kind)
                        for t in doc.tokens
                    ],
                )
                self.assertEqual(
                    [(e["id"], e["name"], e["type"], e["key"]) for e in cp["entities"]],
                    [(e.id, e.name, e.type, e.key) for e in doc.entities],
                )
                self.assertEqual(
                    [[(m["start"], m["end"], m["text"]) for m in e["mentions"]]
                     for e in cp["entities"]],
                    [[(m.start, m.end, m.text) for m in e.mentions] for e in doc.entities],
                )
                self.assertEqual(
                    [(q["start"], q["end"], q["text"], q["kind"], q["rule"]) for q in cp["quotes"]],
                    [(q.start, q.end, q.text, q.kind, q.rule) for q in doc.quotes],
                )
                for jq, q in zip(cp["quotes"], doc.quotes):
                    self.assertEqual(jq["speaker"] is None, q.speaker is None)
                    if q.speaker is not None and q.speaker.start is not None:
                        self.assertEqual(
                            (jq["speaker"]["start"], jq["speaker"]["end"], jq["speaker"]["text"]),
                            (q.speaker.start, q.speaker.end, q.speaker.text),
                        )
                    self.assertAlmostEqual(jq["confidence"], q.confidence, places=6)
                    self.assertEqual(
                        jq["cue"] and (jq["cue"]["start"], jq["cue"]["end"]),
                        q.cue and (q.cue.start, q.cue.end),
                    )
                self.assertEqual(
                    [(r["start"], r["end"], r["kind"], r["replacement"]) for r in cp["repairs"]],
                    [(r.start, r.end, r.kind, r.replacement) for r in doc.repairs],
                )

    def test_pretty_is_the_same_object(self) -> None:
        with skaz.analyze(RU) as doc:
            compact, pretty = doc.to_json(), doc.to_json(pretty=True)
            self.assertNotIn("\n", compact)
            self.assertIn("\n", pretty)
            self.assertEqual(json.loads(compact), json.loads(pretty))

    def test_bad_unit(self) -> None:
        with skaz.analyze(EN) as doc:
            with self.assertRaises(ValueError):
                doc.to_json(offsets="bytes")

    def test_analyze_many_keeps_the_order(self) -> None:
        texts = [f"Документ {i}: «Привет», — сказал Иван Петров." for i in range(40)] + [EN]
        docs = skaz.analyze_many(texts, jobs=4)
        self.assertEqual([d.text for d in docs], texts)
        self.assertTrue(all(d.closed for d in docs))
        one = [skaz.analyze(t) for t in texts]
        self.assertEqual(docs, one)  # Documents compare by their fields
        self.assertEqual(skaz.analyze_many([], jobs=2), [])
        with self.assertRaises(ValueError):
            skaz.analyze_many(texts, jobs=-1)

    def test_html_report(self) -> None:
        text = "«Мы не согласны», — сказал министр Иван Петров. <script>x</script>"
        with skaz.analyze(text, lang="ru") as doc:
            page = doc.to_html(title="Отчёт <1>")
            self.assertTrue(page.startswith("<!DOCTYPE html>"))
            self.assertIn("<title>skaz: Отчёт &lt;1&gt;</title>", page)
            # one element of class "q" per quote, the speaker in the panel
            self.assertEqual(page.count('<span class="q k-'), len(doc.quotes))
            self.assertIn("Иван Петров", page[page.index("<aside>"):])
            self.assertNotIn("<script>", page)
            with self.assertRaises(ValueError):
                doc.to_html(title="a\0b")
        with self.assertRaises(ValueError):
            doc.to_html()  # closed


class LifetimeTest(unittest.TestCase):
    def test_pipeline_close_is_idempotent(self) -> None:
        p = skaz.Pipeline()
        self.assertFalse(p.closed)
        p.close()
        p.close()
        self.assertTrue(p.closed)
        with self.assertRaises(ValueError):
            p.ptr()
        with self.assertRaises(ValueError):
            p.analyze(EN)

    def test_pipeline_context_manager(self) -> None:
        with skaz.Pipeline() as p:
            self.assertTrue(p.analyze(EN).sentences)
        self.assertTrue(p.closed)
        p.close()
        with self.assertRaises(ValueError):
            p.analyze(EN)

    def test_document_close(self) -> None:
        with skaz.analyze(EMOJI) as doc:
            self.assertFalse(doc.closed)
            expected = json.loads(doc.to_json())
        self.assertTrue(doc.closed)
        doc.close()  # idempotent
        with self.assertRaises(ValueError):
            doc.to_json()
        self.assertEqual(  # the fields outlive the native document
            [(s.start, s.end) for s in doc.sentences],
            [(s["start"], s["end"]) for s in expected["sentences"]],
        )

    def test_garbage_collection_frees_handles(self) -> None:
        doc = skaz.Pipeline().analyze(EN)  # the Pipeline is dropped at once
        handle = weakref.ref(doc._handle)  # type: ignore[arg-type]
        self.assertEqual(len(json.loads(doc.to_json())["sentences"]), len(doc.sentences))
        del doc
        gc.collect()
        self.assertIsNone(handle())  # no cycle keeps a native document alive

    def test_closing_a_pipeline_keeps_its_documents(self) -> None:
        p = skaz.Pipeline()
        doc = p.analyze(RU)
        p.close()
        self.assertEqual(json.loads(doc.to_json())["language"], "ru")
        doc.close()


class ErrorTest(unittest.TestCase):
    def test_lone_surrogate(self) -> None:
        with self.assertRaises(skaz.InvalidUtf8Error) as cm:
            skaz.analyze("abc\ud800def")
        self.assertIsInstance(cm.exception, ValueError)
        self.assertEqual(cm.exception.code, _errors.SKAZ_EINVALID_UTF8)
        self.assertEqual(cm.exception.offset, 3)
        self.assertIn("U+D800", str(cm.exception))
        with self.assertRaises(skaz.InvalidUtf8Error) as cm:
            skaz.analyze("жж\udfff")
        self.assertEqual(cm.exception.offset, 4)  # a byte offset

    def test_bad_arguments(self) -> None:
        with self.assertRaises(TypeError):
            skaz.analyze(b"bytes")  # type: ignore[arg-type]
        with self.assertRaises(ValueError):
            skaz.analyze("text", "e\0n")
        with self.assertRaises(TypeError):
            skaz.Pipeline(lang=5)  # type: ignore[arg-type]

    def test_errcheck_reads_the_last_error(self) -> None:
        with skaz.analyze(EN) as doc:
            span = _ffi.skaz_span()
            ptr = doc._handle.ptr()  # type: ignore[union-attr]
            with self.assertRaises(skaz.OutOfRangeError) as cm:
                _ffi.skaz_doc_span(ptr, _ffi.SKAZ_ITEM_SENTENCE, 10**6, byref(span))
        self.assertEqual(cm.exception.code, _errors.SKAZ_ERANGE)
        self.assertIsInstance(cm.exception, IndexError)
        self.assertTrue(cm.exception.message)

        opts = _ffi.skaz_options()
        with self.assertRaises(skaz.VersionError) as cm2:
            _ffi.skaz_options_init(byref(opts), 999)
        self.assertEqual(cm2.exception.code, _errors.SKAZ_EVERSION)

    def test_error_hierarchy(self) -> None:
        cases = {
            _errors.SKAZ_EINVAL: (skaz.InvalidArgumentError, ValueError),
            _errors.SKAZ_ENOMEM: (skaz.OutOfMemoryError, MemoryError),
            _errors.SKAZ_EINVALID_UTF8: (skaz.InvalidUtf8Error, ValueError),
            _errors.SKAZ_EVERSION: (skaz.VersionError, skaz.SkazError),
            _errors.SKAZ_ENOTIMPL: (skaz.NotImplementedSkazError, NotImplementedError),
            _errors.SKAZ_ENOTSUPPORTED: (skaz.NotSupportedError, skaz.SkazError),
            _errors.SKAZ_ERANGE: (skaz.OutOfRangeError, IndexError),
            _errors.SKAZ_ETOOBIG: (skaz.InputTooLargeError, ValueError),
            _errors.SKAZ_ENOTFOUND: (skaz.NotFoundError, LookupError),
            _errors.SKAZ_EBUFS: (skaz.SkazError, Exception),
            _errors.SKAZ_EUSER: (skaz.SkazError, Exception),
            _errors.SKAZ_EINTERNAL: (skaz.InternalError, skaz.SkazError),
        }
        for code, (cls, base) in cases.items():
            err = _errors.error_for(code, "message", 7)
            self.assertIs(type(err), cls)
            self.assertIsInstance(err, base)
            self.assertEqual((err.code, err.message, err.offset), (code, "message", 7))
        self.assertIs(skaz.OutOfMemory, skaz.OutOfMemoryError)

    def test_status_without_detail_uses_strerror(self) -> None:
        _ffi.skaz_error_clear()
        err = _ffi.last_error(_errors.SKAZ_EUSER)
        self.assertIs(type(err), skaz.SkazError)
        self.assertEqual(err.message, _ffi.skaz_strerror(_errors.SKAZ_EUSER).decode())
        self.assertIsNone(err.offset)

    def test_version_check(self) -> None:
        _ffi.check_version(_ffi.EXPECTED_MAJOR * 10000 + 99 * 100 + 99)
        with self.assertRaises(ImportError) as cm:
            _ffi.check_version((_ffi.EXPECTED_MAJOR + 1) * 10000)
        self.assertIn("needs major version", str(cm.exception))

    def _import_in_child(self, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", "import skaz"],
            env={**env, "PYTHONPATH": PACKAGE_ROOT, "PYTHONDONTWRITEBYTECODE": "1"},
            capture_output=True,
            text=True,
            timeout=60,
        )

    def test_loader_bad_env_path(self) -> None:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        env["SKAZ_LIBRARY"] = "/nonexistent/libskaz.so"
        r = self._import_in_child(env)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("ImportError", r.stderr)
        self.assertIn("/nonexistent/libskaz.so", r.stderr)

    def test_loader_lists_every_attempt(self) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("SKAZ_LIBRARY", "PYTHONPATH")}
        r = self._import_in_child(env)
        if r.returncode == 0:
            self.skipTest("a libskaz is installed where the loader looks")
        self.assertIn("$SKAZ_LIBRARY: not set", r.stderr)
        self.assertIn(os.path.join("skaz", "_lib"), r.stderr)
        self.assertIn('find_library("skaz")', r.stderr)


def fake_buffer_function(payload: bytes, ebufs_times: int) -> Callable[[Any, int, Any], int]:
    """A Python stand-in for a C function with caller-buffer negotiation."""
    calls = {"n": 0}

    def call(out: Any, cap: int, out_len: Any) -> int:
        calls["n"] += 1
        ctypes.cast(out_len, ctypes.POINTER(ctypes.c_size_t))[0] = len(payload)
        if out is None and cap == 0:
            return 0  # a size query
        if calls["n"] <= ebufs_times or cap < len(payload):
            return _errors.SKAZ_EBUFS
        ctypes.memmove(out, payload, len(payload))
        return 0

    return call


class TextFunctionTest(unittest.TestCase):
    def test_negotiation_retries_once(self) -> None:
        payload = "Дуров 🎉 ".encode("utf-8") * 100
        self.assertEqual(
            _ffi.read_text(fake_buffer_function(payload, 0), 8, "fake"),
            payload.decode("utf-8"),
        )
        self.assertEqual(  # fits the first buffer: no retry needed
            _ffi.read_text(fake_buffer_function(b"ok", 0), 8, "fake"), "ok"
        )
        self.assertEqual(  # a size query first
            _ffi.read_text(fake_buffer_function(payload, 0), 0, "fake"),
            payload.decode("utf-8"),
        )
        self.assertEqual(_ffi.read_text(fake_buffer_function(b"", 0), 0, "fake"), "")
        with self.assertRaises(skaz.InternalError):  # EBUFS twice: a library bug
            _ffi.read_text(fake_buffer_function(b"x", 2), 8, "fake")
        with self.assertRaises(skaz.InternalError):  # invalid UTF-8 out
            _ffi.read_text(fake_buffer_function(b"\xff", 0), 8, "fake")

    def check_text_function(self, call: Callable[[], str], check: Callable[[str], None]) -> None:
        """Every text function is implemented now: call it and check the result."""
        check(call())

    def test_translit(self) -> None:
        self.check_text_function(
            lambda: skaz.translit("Павел Дуров"),
            lambda r: self.assertEqual(r, "Pavel Durov"),
        )
        self.check_text_function(
            lambda: skaz.translit("Durov", reverse=True),
            lambda r: self.assertEqual(r, "Дуров"),
        )

    def test_schemas(self) -> None:
        names = skaz.schemas()
        self.assertGreaterEqual(len(names), 28)
        self.assertIn("wikipedia", names)
        self.assertEqual(names, sorted(names))
        self.assertEqual(skaz.translit("Щукин", schema="wikipedia"), "Shchukin")
        self.assertEqual(skaz.translit("ЩУКИН", schema="bgn_pcgn"), "SHCHUKIN")

    def test_repair(self) -> None:
        self.check_text_function(
            lambda: skaz.repair("clean line"), lambda r: self.assertEqual(r, "clean line")
        )
        self.check_text_function(
            lambda: skaz.repair("Ð”ÑƒÑ€Ð¾Ð²"), lambda r: self.assertEqual(r, "Дуров")
        )
        # lookalike letters only when asked for
        self.assertEqual(skaz.repair("T\u0435l\u0435gram"), "T\u0435l\u0435gram")
        self.assertEqual(skaz.repair("T\u0435l\u0435gram", homoglyphs=True), "Telegram")
        self.assertEqual(skaz.repair("so\u00adft", invisible=True), "soft")

    def test_name_key(self) -> None:
        self.check_text_function(
            lambda: skaz.name_key("Дурова"),
            lambda r: self.assertEqual(r, skaz.name_key("Durov")),
        )

    def test_name_base(self) -> None:
        self.check_text_function(
            lambda: skaz.name_base("Дурова"), lambda r: self.assertEqual(r, "Дуров")
        )


class ThreadTest(unittest.TestCase):
    def test_shared_pipeline(self) -> None:
        texts = list(TEXTS) * 4
        with skaz.Pipeline(tokens=True) as p:
            expected = []
            for t in texts:
                with p.analyze(t) as d:
                    expected.append((d, d.to_json(tokens=True)))
            results: list[Union[list[Any], BaseException]] = [[] for _ in range(8)]
            barrier = threading.Barrier(8)

            def work(i: int) -> None:
                try:
                    barrier.wait()
                    out = results[i]
                    assert isinstance(out, list)
                    for t in texts:
                        with p.analyze(t) as d:
                            out.append((d, d.to_json(tokens=True)))
                except BaseException as exc:  # reported below
                    results[i] = exc

            threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
        for r in results:
            if isinstance(r, BaseException):
                raise r
            self.assertEqual(r, expected)

    def test_close_while_other_threads_analyze(self) -> None:
        p = skaz.Pipeline()
        started = threading.Barrier(5)
        ended: list[BaseException] = []
        counts = [0] * 4

        def work(i: int) -> None:
            try:
                while True:
                    p.analyze(RU).close()
                    counts[i] += 1
                    if counts[i] == 1:
                        started.wait()
            except BaseException as exc:  # the ValueError of a closed Pipeline
                ended.append(exc)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for th in threads:
            th.start()
        started.wait()  # every thread has analysed once and is still going
        p.close()  # the handle is freed when the last running call returns
        for th in threads:
            th.join()
        self.assertTrue(all(c >= 1 for c in counts), counts)
        self.assertIsNone(p._ptr)  # freed once the last call returned
        self.assertEqual(len(ended), 4)
        for exc in ended:
            self.assertIsInstance(exc, ValueError)
            self.assertIn("closed", str(exc))


class HeaderDriftTest(unittest.TestCase):
    def setUp(self) -> None:
        if not os.path.exists(HEADER):
            self.skipTest(f"{HEADER} not found (not a source checkout)")
        self.src = read_header(HEADER)

    def test_functions_match_header(self) -> None:
        declared = {}
        for name, params in re.findall(
            r"^SKAZ_API\b[^;]*?\b(skaz_\w+)\s*\(([^)]*)\)", self.src, re.M
        ):
            params = params.strip()
            declared[name] = 0 if params in ("", "void") else params.count(",") + 1
        self.assertGreater(len(declared), 20)
        self.assertEqual(sorted(_ffi.DECLARED), sorted(declared))
        for name, func in _ffi.DECLARED.items():
            self.assertEqual(len(func.argtypes), declared[name], name)

    def test_structs_match_header(self) -> None:
        c_sizes = {
            "int32_t": 4,
            "uint32_t": 4,
            "uint64_t": 8,
            "double": 8,
            "size_t": ctypes.sizeof(ctypes.c_size_t),
        }
        structs = re.findall(r"typedef struct (skaz_\w+) \{(.*?)\} \1;", self.src, re.S)
        self.assertGreaterEqual(len(structs), 7)
        for name, body in structs:
            fields = []
            for decl in filter(None, (d.strip() for d in body.split(";"))):
                match = re.fullmatch(r"(.*?)\s*\b(\w+)", decl)
                assert match is not None, decl
                ctype, field = match.groups()
                if "*" in ctype:
                    size = ctypes.sizeof(ctypes.c_void_p)
                else:
                    size = c_sizes[ctype.split()[-1]]
                fields.append((field, size))
            ours = getattr(_ffi, name)
            self.assertEqual(
                [(f, ctypes.sizeof(t)) for f, t in ours._fields_], fields, name
            )

    def test_constants_match_header(self) -> None:
        consts = header_constants(self.src)
        ours = {
            name: getattr(mod, name)
            for mod in (_ffi, _errors)
            for name in dir(mod)
            if name.startswith("SKAZ_")
        }
        self.assertGreater(len(ours), 30)
        for name, value in ours.items():
            self.assertEqual(consts.get(name), value, name)
        for prefix, names in (
            ("SKAZ_ZONE_", _types.ZONE_KINDS),
            ("SKAZ_TOKEN_", _types.TOKEN_KINDS),
            ("SKAZ_QUOTE_", _types.QUOTE_KINDS),
            ("SKAZ_ENTITY_", _types.ENTITY_TYPES),
            ("SKAZ_REPAIR_", _types.REPAIR_KINDS),
        ):
            in_header = sorted(
                (v, k[len(prefix) :].lower()) for k, v in consts.items() if k.startswith(prefix)
            )
            self.assertEqual(tuple(n for _, n in in_header), names, prefix)
            self.assertEqual([v for v, _ in in_header], list(range(len(names))), prefix)
        def is_error(name: str) -> bool:
            return name.startswith("SKAZ_E") and not name.startswith("SKAZ_ENTITY_")

        self.assertEqual(  # every error code of the header has a Python name
            sorted(v for k, v in consts.items() if is_error(k)),
            sorted(v for k, v in ours.items() if is_error(k)),
        )

    def test_versions_agree(self) -> None:
        src = read_header(VERSION_HEADER)
        numbers = {}
        for part in ("MAJOR", "MINOR", "PATCH"):
            match = re.search(rf"#define SKAZ_VERSION_{part} (\d+)", src)
            assert match is not None, part
            numbers[part] = int(match.group(1))
        major, minor, patch = numbers["MAJOR"], numbers["MINOR"], numbers["PATCH"]
        self.assertEqual(skaz.version(), f"{major}.{minor}.{patch}")
        self.assertEqual(skaz.__version__, f"{major}.{minor}.{patch}")
        self.assertEqual(_ffi.LIBRARY_VERSION_NUMBER, major * 10000 + minor * 100 + patch)
        self.assertEqual(_ffi.EXPECTED_MAJOR, major)


if __name__ == "__main__":
    unittest.main()
