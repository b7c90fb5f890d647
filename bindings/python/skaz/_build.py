"""Reading a native skaz_document into a :class:`Document`.

The C ABI gives UTF-8 byte offsets. They become ``str`` indices in one pass:
all offsets of the document are collected, sorted, and the text between
consecutive ones is decoded once, so the cost is O(n + k log k) for n bytes
and k offsets (and nothing at all for ASCII text, where the two agree).
"""

from __future__ import annotations

import ctypes
import struct
from ctypes import byref, c_size_t
from typing import Any, Iterable, Optional

from . import _ffi
from ._types import (
    ENTITY_TYPES,
    GENDERS,
    MENTION_KINDS,
    QUOTE_KINDS,
    REPAIR_KINDS,
    TOKEN_KINDS,
    ZONE_KINDS,
    Document,
    DocumentHandle,
    Entity,
    Mention,
    Quote,
    Repair,
    Span,
    Speaker,
    Token,
    Zone,
    kind_name,
)

_SPAN = struct.Struct("=IIII")  # skaz_span: start, end, kind, flags
assert ctypes.sizeof(_ffi.skaz_span) == _SPAN.size

_RawSpan = tuple[int, int, int, int]


def _index_map(data: bytes, offsets: Iterable[int]) -> dict[int, int]:
    """byte offset -> code point index, for valid UTF-8 ``data``. An offset
    inside a character maps to that character's start; past the end, to the
    end (as skaz_doc_offset does)."""
    n = len(data)
    out: dict[int, int] = {}
    at_byte = 0
    at_index = 0
    for b in sorted(set(offsets)):
        s = min(b, n)
        while 0 < s < n and data[s] & 0xC0 == 0x80:  # a continuation byte
            s -= 1
        at_index += len(data[at_byte:s].decode("utf-8"))
        at_byte = s
        out[b] = at_index
    return out


def _spans(ptr: Any, item: int) -> list[_RawSpan]:
    items = _ffi.SpanP()
    count = c_size_t(0)
    _ffi.skaz_doc_spans(ptr, item, byref(items), byref(count))
    n = count.value
    if n == 0:
        return []
    raw = ctypes.string_at(items, n * _SPAN.size)
    return list(_SPAN.iter_unpack(raw))


def _string(address: Optional[int], length: int, what: str) -> str:
    if length == 0:
        return ""
    return _ffi.decode(ctypes.string_at(address, length), what)


def build_document(handle: DocumentHandle, text: str, data: bytes) -> Document:
    """Reads everything from the native document of ``text`` (whose UTF-8
    encoding is ``data``) into a Document that keeps ``handle``."""
    with handle.use() as ptr:
        language = _ffi.decode(_ffi.skaz_doc_language(ptr) or b"", "language")
        zones = _spans(ptr, _ffi.SKAZ_ITEM_ZONE)
        paragraphs = _spans(ptr, _ffi.SKAZ_ITEM_PARAGRAPH)
        sentences = _spans(ptr, _ffi.SKAZ_ITEM_SENTENCE)
        tokens = _spans(ptr, _ffi.SKAZ_ITEM_TOKEN)

        entities: list[tuple[int, str, int, str, list[_RawSpan], tuple[str, ...], int]] = []
        e = _ffi.skaz_entity()
        m = _ffi.skaz_span()
        role_ptr = ctypes.c_void_p()
        role_len = ctypes.c_size_t()
        gender = ctypes.c_uint32()
        for i in range(_ffi.skaz_doc_count(ptr, _ffi.SKAZ_ITEM_ENTITY)):
            _ffi.skaz_doc_entity(ptr, i, byref(e))
            mentions: list[_RawSpan] = []
            for j in range(e.mention_count):
                _ffi.skaz_doc_entity_mention(ptr, i, j, byref(m))
                mentions.append((m.start, m.end, m.kind, m.flags))
            roles: list[str] = []
            for j in range(_ffi.skaz_doc_entity_role_count(ptr, i)):
                _ffi.skaz_doc_entity_role(ptr, i, j, byref(role_ptr), byref(role_len))
                roles.append(_string(role_ptr.value, role_len.value, "entity role"))
            _ffi.skaz_doc_entity_gender(ptr, i, byref(gender))
            entities.append(
                (
                    e.id,
                    _string(e.name, e.name_len, "entity name"),
                    e.type,
                    _string(e.key, e.key_len, "entity key"),
                    mentions,
                    tuple(roles),
                    gender.value,
                )
            )

        quotes: list[tuple[Any, ...]] = []
        q = _ffi.skaz_quote()
        for i in range(_ffi.skaz_doc_count(ptr, _ffi.SKAZ_ITEM_QUOTE)):
            _ffi.skaz_doc_quote(ptr, i, byref(q))
            quotes.append(
                (
                    q.start,
                    q.end,
                    q.kind,
                    q.speaker_entity,
                    q.speaker_start,
                    q.speaker_end,
                    q.cue_start,
                    q.cue_end,
                    q.confidence,
                    _ffi.decode(q.rule or b"", "quote rule"),
                )
            )

        repairs: list[tuple[int, int, int, str]] = []
        r = _ffi.skaz_repair()
        for i in range(_ffi.skaz_doc_count(ptr, _ffi.SKAZ_ITEM_REPAIR)):
            _ffi.skaz_doc_repair(ptr, i, byref(r))
            repairs.append(
                (
                    r.start,
                    r.end,
                    r.kind,
                    _string(r.replacement, r.replacement_len, "repair replacement"),
                )
            )

    none = _ffi.SKAZ_NO_OFFSET
    if len(data) == len(text):  # ASCII: byte offsets are str indices
        index: Any = _Identity(len(data))
    else:
        offsets: list[int] = []
        for group in (zones, paragraphs, sentences, tokens):
            for s in group:
                offsets += (s[0], s[1])
        for ent in entities:
            for s in ent[4]:
                offsets += (s[0], s[1])
        for qt in quotes:
            offsets += (qt[0], qt[1])
            offsets += [o for o in qt[4:8] if o != none]
        for rp in repairs:
            offsets += (rp[0], rp[1])
        index = _index_map(data, offsets)

    def span(s: _RawSpan) -> Span:
        a, b = index[s[0]], index[s[1]]
        return Span(a, b, text[a:b], s[0], s[1], s[3])

    def opt_span(start: int, end: int) -> Optional[Span]:
        if start == none or end == none:
            return None
        a, b = index[start], index[end]
        return Span(a, b, text[a:b], start, end)

    def zone(s: _RawSpan) -> Zone:
        a, b = index[s[0]], index[s[1]]
        return Zone(a, b, text[a:b], kind_name(ZONE_KINDS, s[2]), s[0], s[1], s[3])

    def token(s: _RawSpan) -> Token:
        a, b = index[s[0]], index[s[1]]
        return Token(a, b, text[a:b], kind_name(TOKEN_KINDS, s[2]), s[0], s[1], s[3])

    def mention(s: _RawSpan) -> Mention:
        a, b = index[s[0]], index[s[1]]
        return Mention(a, b, text[a:b], s[0], s[1], s[3], kind_name(MENTION_KINDS, s[2]))

    entity_objs = tuple(
        Entity(
            eid,
            name,
            kind_name(ENTITY_TYPES, etype),
            key,
            tuple(map(mention, ms)),
            roles,
            GENDERS[g] if 0 <= g < len(GENDERS) else None,
        )
        for eid, name, etype, key, ms, roles, g in entities
    )

    def quote(qt: tuple[Any, ...]) -> Quote:
        start, end, kind, ent, sp_start, sp_end, cue_start, cue_end, conf, rule = qt
        mention = opt_span(sp_start, sp_end)
        entity_index: Optional[int] = ent if 0 <= ent < len(entity_objs) else None
        speaker: Optional[Speaker] = None
        if entity_index is not None or mention is not None:
            speaker = Speaker(
                entity_index,
                None if entity_index is None else entity_objs[entity_index].name,
                None if mention is None else mention.start,
                None if mention is None else mention.end,
                None if mention is None else mention.text,
                None if mention is None else mention.byte_start,
                None if mention is None else mention.byte_end,
            )
        a, b = index[start], index[end]
        return Quote(
            a,
            b,
            text[a:b],
            kind_name(QUOTE_KINDS, kind),
            speaker,
            opt_span(cue_start, cue_end),
            rule,
            float(conf),
            start,
            end,
        )

    def repair(rp: tuple[int, int, int, str]) -> Repair:
        a, b = index[rp[0]], index[rp[1]]
        return Repair(
            a, b, kind_name(REPAIR_KINDS, rp[2]), text[a:b], rp[3], rp[0], rp[1]
        )

    return Document(
        text=text,
        language=language,
        zones=tuple(map(zone, zones)),
        paragraphs=tuple(map(span, paragraphs)),
        sentences=tuple(map(span, sentences)),
        tokens=tuple(map(token, tokens)),
        entities=entity_objs,
        quotes=tuple(map(quote, quotes)),
        repairs=tuple(map(repair, repairs)),
        _handle=handle,
    )


class _Identity:
    """The byte -> index map of ASCII text (clamped to its end like the rest)."""

    __slots__ = ("_end",)

    def __init__(self, end: int) -> None:
        self._end = end

    def __getitem__(self, offset: int) -> int:
        return offset if offset <= self._end else self._end
