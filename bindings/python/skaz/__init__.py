"""skaz: news text into structure (zones, paragraphs, sentences, tokens,
entities, quotes, repairs), a ctypes binding of libskaz's C ABI.

    import skaz
    with skaz.analyze("Павел Дуров заявил: «Мы не уйдём».") as doc:
        print([s.text for s in doc.sentences], doc.to_json())

Offsets in results are Python ``str`` indices (``text[x.start:x.end] ==
x.text``); the UTF-8 byte offsets of the C ABI are kept as ``byte_start`` /
``byte_end``.

Threads: a :class:`Pipeline` (and a :class:`Translit`) is immutable on the C
side and may be shared by any number of threads; ctypes releases the GIL
during the calls, so analyses run in parallel. A :class:`Document` serializes
its own native calls.

The library is found through ``$SKAZ_LIBRARY`` (a path to libskaz), the
package's ``_lib/<platform>-<arch>/`` folder, the package folder, then the
system's library path.
"""

from __future__ import annotations

import concurrent.futures
import os
import threading
from ctypes import byref
from typing import Callable, Iterable, Optional

from . import _ffi
from ._build import build_document
from ._errors import (
    InputTooLargeError,
    InternalError,
    InvalidArgumentError,
    InvalidUtf8Error,
    NotFoundError,
    NotImplementedSkazError,
    NotSupportedError,
    OutOfMemory,
    OutOfMemoryError,
    OutOfRangeError,
    SkazError,
    VersionError,
)
from ._types import (
    Document,
    DocumentHandle,
    Entity,
    Mention,
    Paragraph,
    Quote,
    Repair,
    Sentence,
    Span,
    Speaker,
    Token,
    Zone,
)
from ._version import __version__

__all__ = [
    "Document",
    "Entity",
    "InputTooLargeError",
    "InternalError",
    "InvalidArgumentError",
    "InvalidUtf8Error",
    "Mention",
    "NotFoundError",
    "NotImplementedSkazError",
    "NotSupportedError",
    "OutOfMemory",
    "OutOfMemoryError",
    "OutOfRangeError",
    "Paragraph",
    "Pipeline",
    "Quote",
    "Repair",
    "Sentence",
    "SkazError",
    "Span",
    "Speaker",
    "Token",
    "Translit",
    "VersionError",
    "Zone",
    "__version__",
    "analyze",
    "analyze_many",
    "name_base",
    "name_key",
    "repair",
    "translit",
    "schemas",
    "version",
]


def version() -> str:
    """The version of the loaded libskaz ("MAJOR.MINOR.PATCH")."""
    return _ffi.decode(_ffi.skaz_version_string(), "skaz_version_string")


def _name_arg(value: Optional[str], what: str) -> Optional[bytes]:
    """A name for a NUL-terminated C string (language code, schema)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"skaz: {what} must be a str, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError(f"skaz: {what} contains a NUL character")
    return _ffi.encode(value)


class Pipeline(_ffi.Managed):
    """An analysis pipeline (``skaz_pipeline``); immutable, shareable by threads.

    Args:
        lang: "auto" (detect per text), "en", "ru"; other codes use the
            generic rules.
        tokens: keep tokens in the documents.
        replace_invalid: the UTF-8 policy SKAZ_UTF8_REPLACE instead of strict.
            A Python str always has a UTF-8 form unless it holds lone
            surrogates, which are refused before reaching the library either
            way (InvalidUtf8Error).

    Free it with ``close()`` or a ``with`` block (garbage collection is the
    fallback). Closing while other threads analyse is safe: the handle is
    freed when the last running call returns.
    """

    _free = staticmethod(_ffi.skaz_pipeline_free)
    _what = "Pipeline"

    def __init__(
        self, lang: str = "auto", tokens: bool = False, replace_invalid: bool = False
    ) -> None:
        opts = _ffi.skaz_options()
        _ffi.skaz_options_init(byref(opts), _ffi.SKAZ_OPTIONS_VERSION)
        # lang_bytes stays alive until skaz_pipeline_new has copied it
        lang_bytes = _name_arg(lang, "lang")
        opts.lang = lang_bytes
        opts.flags = _ffi.SKAZ_FLAG_TOKENS if tokens else 0
        opts.utf8_policy = (
            _ffi.SKAZ_UTF8_REPLACE if replace_invalid else _ffi.SKAZ_UTF8_STRICT
        )
        out = _ffi.PipelineP()
        _ffi.skaz_pipeline_new(byref(opts), byref(out))
        super().__init__(out)
        self.lang = lang
        self.tokens = bool(tokens)
        self.replace_invalid = bool(replace_invalid)

    def analyze(self, text: str, lang: Optional[str] = None) -> Document:
        """Analyses ``text``; ``lang`` overrides the pipeline's language.

        The returned Document has all its fields read already and keeps the
        native document for ``to_json`` until it is closed (see Document).
        """
        data = _ffi.encode(text)
        lang_bytes = _name_arg(lang, "lang")
        out = _ffi.DocumentP()
        with self._borrow() as ptr:
            _ffi.skaz_analyze(ptr, data, len(data), lang_bytes, byref(out))
        handle = DocumentHandle(out)
        try:
            return build_document(handle, text, data)
        except BaseException:
            handle.close()
            raise

    def __repr__(self) -> str:
        state = " closed" if self.closed else ""
        return (
            f"<skaz.Pipeline lang={self.lang!r} tokens={self.tokens} "
            f"replace_invalid={self.replace_invalid}{state}>"
        )


class Translit(_ffi.Managed):
    """A transliterator (``skaz_translit``); immutable, shareable by threads.

    ``schema`` is an iuliia name ("wikipedia", "ala_lc", "gost_779", ...);
    ``reverse`` goes Latin -> Cyrillic instead of Cyrillic -> Latin.
    """

    _free = staticmethod(_ffi.skaz_translit_free)
    _what = "Translit"

    def __init__(self, schema: str = "wikipedia", reverse: bool = False) -> None:
        opts = _ffi.skaz_translit_options()
        _ffi.skaz_translit_options_init(
            byref(opts), _ffi.SKAZ_TRANSLIT_OPTIONS_VERSION
        )
        schema_bytes = _name_arg(schema, "schema")
        opts.schema = schema_bytes
        opts.direction = (
            _ffi.SKAZ_TRANSLIT_REVERSE if reverse else _ffi.SKAZ_TRANSLIT_FORWARD
        )
        out = _ffi.TranslitP()
        _ffi.skaz_translit_new(byref(opts), byref(out))
        super().__init__(out)
        self.schema = schema
        self.reverse = bool(reverse)

    def __call__(self, text: str) -> str:
        data = _ffi.encode(text)
        with self._borrow() as ptr:
            return _ffi.read_text(
                lambda out, cap, out_len: _ffi.skaz_translit_run(
                    ptr, data, len(data), out, cap, out_len
                ),
                2 * len(data) + 16,
                "skaz_translit_run",
            )

    run = __call__

    def __repr__(self) -> str:
        state = " closed" if self.closed else ""
        return f"<skaz.Translit schema={self.schema!r} reverse={self.reverse}{state}>"


# ------------------------------------------------- module-level conveniences

_cache_lock = threading.Lock()
_pipelines: dict[bool, Pipeline] = {}
_translits: dict[tuple[str, bool], Translit] = {}


def _default_pipeline(tokens: bool) -> Pipeline:
    with _cache_lock:
        pipeline = _pipelines.get(tokens)
        if pipeline is None:
            pipeline = _pipelines[tokens] = Pipeline(tokens=tokens)
        return pipeline


def analyze(text: str, lang: str = "auto", *, tokens: bool = False) -> Document:
    """Analyses ``text`` with a cached module-level Pipeline (one per value of
    ``tokens``; ``lang`` is passed per call). Use ``with`` or ``close()`` on
    the result to free its native document at once (see Document)."""
    return _default_pipeline(bool(tokens)).analyze(text, lang)


def analyze_many(
    texts: Iterable[str], lang: str = "auto", *, jobs: int = 0, tokens: bool = False
) -> list[Document]:
    """Analyses many texts on ``jobs`` threads (0: one per core) sharing one
    Pipeline; the Documents come back in the order of ``texts``. ctypes
    releases the GIL during each call, so the threads run in parallel. Each
    Document is closed (its fields stay), so nothing native is left open."""
    if jobs < 0:
        raise ValueError(f"skaz: jobs must be >= 0, not {jobs}")
    workers = jobs or os.cpu_count() or 1
    pipeline = _default_pipeline(bool(tokens))

    def one(text: str) -> Document:
        doc = pipeline.analyze(text, lang)
        doc.close()
        return doc

    items = list(texts)
    if workers == 1 or len(items) < 2:
        return [one(t) for t in items]
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, items))


def schemas() -> list[str]:
    """The transliteration schema names (iuliia's names and iso_9_1995)."""
    n = _ffi.skaz_translit_schema_count()
    return [_ffi.skaz_translit_schema_name(i).decode("ascii") for i in range(n)]


def translit(text: str, schema: str = "wikipedia", reverse: bool = False) -> str:
    """Transliterates ``text`` (Cyrillic -> Latin, or back with ``reverse``)
    with a cached :class:`Translit` per (schema, reverse)."""
    key = (schema, bool(reverse))
    with _cache_lock:
        t = _translits.get(key)
    if t is None:
        t = Translit(schema, reverse)
        with _cache_lock:
            t = _translits.setdefault(key, t)
    return t(text)


def _run_text(func: Callable[..., int], text: str, what: str) -> str:
    data = _ffi.encode(text)
    return _ffi.read_text(
        lambda out, cap, out_len: func(data, len(data), out, cap, out_len),
        2 * len(data) + 16,
        what,
    )


# skaz_repair_text flags (skaz.h)
FIX_MOJIBAKE = 1
FIX_HOMOGLYPHS = 2
FIX_INVISIBLE = 4


def repair(text: str, *, mojibake: bool = True, homoglyphs: bool = False,
           invisible: bool = False) -> str:
    """Repairs a text: mojibake (wrong code pages, double encodings) by
    default; lookalike letters of the other script with ``homoglyphs``; soft
    hyphens, zero-width spaces and BOMs dropped with ``invisible``. Text that
    needs no repair comes back unchanged."""
    flags = ((FIX_MOJIBAKE if mojibake else 0) | (FIX_HOMOGLYPHS if homoglyphs else 0)
             | (FIX_INVISIBLE if invisible else 0))
    data = _ffi.encode(text)
    return _ffi.read_text(
        lambda out, cap, out_len: _ffi.skaz_repair_text(data, len(data), flags, out, cap, out_len),
        2 * len(data) + 16,
        "skaz_repair_text",
    )


def name_key(text: str) -> str:
    """A key equal for every spelling of one name in any script and case form
    (Durov, Durova, Dourov, Дуров, Дурова)."""
    return _run_text(_ffi.skaz_name_key, text, "skaz_name_key")


def name_base(text: str) -> str:
    """The nominative base form of a (Russian) name in either script
    (Дурова -> Дуров, Durova -> Durov)."""
    return _run_text(_ffi.skaz_name_base, text, "skaz_name_base")

