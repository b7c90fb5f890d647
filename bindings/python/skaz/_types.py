"""The results: frozen, slotted dataclasses.

Offsets ``start``/``end`` are Python ``str`` indices (code points) into the
analysed text, half-open, so ``doc.text[x.start:x.end] == x.text``;
``byte_start``/``byte_end`` are the same span in the UTF-8 encoding of the text
(the C ABI's offsets). Kinds are the lowercase names of the JSON output
contract; a kind number that this package does not know yet (a newer library)
reads as ``"unknown_<n>"``.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

from . import _ffi

ZONE_KINDS = (
    "body",
    "title",
    "subheading",
    "caption",
    "credit",
    "related_link",
    "byline",
    "title_repeat",
)
TOKEN_KINDS = (
    "word",
    "number",
    "punct",
    "symbol",
    "url",
    "email",
    "handle",
    "hashtag",
    "abbrev",
)
QUOTE_KINDS = ("direct", "partial", "indirect", "scare", "title")
ENTITY_TYPES = ("person", "organization", "role", "other")
MENTION_KINDS = ("name", "role")
GENDERS = (None, "male", "female")
REPAIR_KINDS = ("mojibake", "homoglyph", "glued", "invisible", "invalid_utf8")

OFFSET_UNITS = {
    "codepoint": _ffi.SKAZ_OFFSET_CODEPOINT,
    "byte": _ffi.SKAZ_OFFSET_BYTE,
    "utf16": _ffi.SKAZ_OFFSET_UTF16,
}


def kind_name(names: tuple[str, ...], value: int) -> str:
    return names[value] if 0 <= value < len(names) else f"unknown_{value}"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the text: a paragraph, a sentence, a mention, a cue.

    ``flags`` are the rule bits the library reports for the span (0 when none
    apply or the C ABI gives none, as for a quote's cue).
    """

    start: int
    end: int
    text: str
    byte_start: int
    byte_end: int
    flags: int = 0


Paragraph = Span
Sentence = Span


@dataclass(frozen=True, slots=True)
class Mention(Span):
    """A mention of an entity; ``kind`` is one of :data:`MENTION_KINDS`:
    ``"name"`` (the name as written, "Durova") or ``"role"`` (a role phrase
    found in apposition to the person, recurring alone: "The head of
    Roskomnadzor, in turn, said")."""

    kind: str = "name"


@dataclass(frozen=True, slots=True)
class Zone:
    """A zone of a news text; ``kind`` is one of :data:`ZONE_KINDS`."""

    start: int
    end: int
    text: str
    kind: str
    byte_start: int
    byte_end: int
    flags: int = 0


@dataclass(frozen=True, slots=True)
class Token:
    """A token (kept when the pipeline has ``tokens=True``); ``kind`` is one
    of :data:`TOKEN_KINDS`."""

    start: int
    end: int
    text: str
    kind: str
    byte_start: int
    byte_end: int
    flags: int = 0


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organization, role or other entity of the document, with all
    its mentions. ``key`` is the same for every spelling of one name;
    ``roles`` are the appositions found beside a person's name ("head of
    Roskomnadzor")."""

    id: int
    name: str
    type: str
    key: str
    mentions: tuple[Mention, ...]
    roles: tuple[str, ...] = ()
    #: a person's gender, ``"male"`` or ``"female"``, for pronouns; ``None``
    #: when neither the first name, the surname's form nor a role tells
    gender: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to.

    ``entity`` indexes ``Document.entities`` (``name`` is that entity's name);
    both are None when the speaker is not linked to an entity. The span fields
    locate the speaker's mention and are None when the library gives none.
    """

    entity: Optional[int]
    name: Optional[str]
    start: Optional[int]
    end: Optional[int]
    text: Optional[str]
    byte_start: Optional[int]
    byte_end: Optional[int]


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote: its span is the content without the marks (for an indirect
    quote: the reported clause without the cue and "that"/"что")."""

    start: int
    end: int
    text: str
    kind: str
    speaker: Optional[Speaker]
    cue: Optional[Span]
    rule: str
    confidence: float
    byte_start: int
    byte_end: int


@dataclass(frozen=True, slots=True)
class Repair:
    """A repaired stretch: ``original`` is ``text[start:end]``."""

    start: int
    end: int
    kind: str
    original: str
    replacement: str
    byte_start: int
    byte_end: int


class DocumentHandle(_ffi.Managed):
    """The native skaz_document behind a :class:`Document`.

    A skaz_document must not be used from two threads at once, so every use
    also holds a per-document lock.
    """

    _free = staticmethod(_ffi.skaz_doc_free)
    _what = "Document"

    def __init__(self, ptr: Any) -> None:
        super().__init__(ptr)
        self._serial = threading.Lock()

    @contextmanager
    def use(self) -> Iterator[Any]:
        with self._borrow() as ptr, self._serial:
            yield ptr


@dataclass(frozen=True, slots=True)
class Document:
    """The analysis of one text.

    Every field is read from the library when the Document is made; the
    native document is kept only for :meth:`to_json` and is freed by
    :meth:`close`, by leaving a ``with`` block, or (fallback) when the
    Document is garbage-collected. After close the fields stay usable and
    ``to_json`` raises ValueError. Documents compare equal by their fields.
    """

    text: str
    language: str
    zones: tuple[Zone, ...]
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    repairs: tuple[Repair, ...]
    _handle: Optional[DocumentHandle] = field(
        default=None, repr=False, compare=False, hash=False
    )

    def to_json(
        self, offsets: str = "codepoint", pretty: bool = False, tokens: bool = False
    ) -> str:
        """The output contract as one JSON object (``skaz_doc_to_json``).

        ``offsets`` is "codepoint" (Python str indices, as in the fields),
        "byte" (UTF-8) or "utf16". ``tokens`` includes the tokens, which exist
        only when the pipeline kept them. ValueError once closed.
        """
        unit = OFFSET_UNITS.get(offsets)
        if unit is None:
            raise ValueError(
                f"skaz: offsets must be one of {sorted(OFFSET_UNITS)}, not {offsets!r}"
            )
        if self._handle is None:
            raise ValueError("skaz: this Document has no native document")
        flags = (_ffi.SKAZ_JSON_PRETTY if pretty else 0) | (
            _ffi.SKAZ_JSON_TOKENS if tokens else 0
        )
        with self._handle.use() as ptr:
            return _ffi.read_text(  # a size query, then the exact buffer
                lambda out, cap, out_len: _ffi.skaz_doc_to_json(
                    ptr, unit, flags, out, cap, out_len
                ),
                0,
                "skaz_doc_to_json",
            )

    def to_html(self, title: str = "") -> str:
        """One self-contained HTML page: who said what (``skaz_doc_to_html``).

        The text with each quote in its speaker's colour, a panel of speakers
        with their aliases and quotes, scare quotes, titles and repairs; no
        external resources and no script. ValueError once closed.
        """
        if self._handle is None:
            raise ValueError("skaz: this Document has no native document")
        encoded = title.encode("utf-8", "surrogatepass")
        if b"\0" in encoded:
            raise ValueError("skaz: title must not contain NUL")
        with self._handle.use() as ptr:
            return _ffi.read_text(
                lambda out, cap, out_len: _ffi.skaz_doc_to_html(
                    ptr, encoded, out, cap, out_len
                ),
                0,
                "skaz_doc_to_html",
            )

    @property
    def closed(self) -> bool:
        return self._handle is None or self._handle.closed

    def close(self) -> None:
        """Frees the native document (idempotent); the fields stay usable."""
        if self._handle is not None:
            self._handle.close()

    def __enter__(self) -> "Document":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
