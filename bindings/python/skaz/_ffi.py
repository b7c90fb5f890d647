"""Loading libskaz and declaring its C ABI (``capi/include/skaz/skaz.h``).

Everything here is private. Each C function is declared once, at import,
through :func:`_fn`, which records it in :data:`DECLARED`; a test diffs that
table against the ``SKAZ_API`` functions of the header so the two cannot drift.

ctypes releases the GIL for the duration of every call made here (``CDLL``,
not ``PyDLL``), so analyses on a shared pipeline run in parallel.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import platform
import sys
import threading
from contextlib import contextmanager
from ctypes import (
    POINTER,
    Structure,
    byref,
    c_char,
    c_char_p,
    c_double,
    c_int,
    c_int32,
    c_size_t,
    c_uint32,
    c_uint64,
    c_void_p,
)
from typing import Any, Callable, Iterator, Optional, Sequence, TypeVar

from . import _errors
from ._errors import SKAZ_EBUFS, SKAZ_EINTERNAL, SKAZ_EINVALID_UTF8
from ._version import __version__

# The libskaz major this package binds (derived from the package version, so
# the number is written in one place: _version.py).
EXPECTED_MAJOR = int(__version__.split(".", 1)[0])

# ------------------------------------------------------------------ constants
# Values of skaz.h; tests/test_skaz.py diffs every SKAZ_* name of this module
# against the header.

SKAZ_UTF8_STRICT = 0
SKAZ_UTF8_REPLACE = 1
SKAZ_FLAG_TOKENS = 1 << 0
SKAZ_OPTIONS_VERSION = 1

SKAZ_ITEM_ZONE = 0
SKAZ_ITEM_PARAGRAPH = 1
SKAZ_ITEM_SENTENCE = 2
SKAZ_ITEM_TOKEN = 3
SKAZ_ITEM_ENTITY = 4
SKAZ_ITEM_QUOTE = 5
SKAZ_ITEM_REPAIR = 6

SKAZ_NO_OFFSET = 0xFFFFFFFF

SKAZ_OFFSET_BYTE = 0
SKAZ_OFFSET_CODEPOINT = 1
SKAZ_OFFSET_UTF16 = 2

SKAZ_JSON_PRETTY = 1 << 0
SKAZ_JSON_TOKENS = 1 << 1

SKAZ_TRANSLIT_FORWARD = 0
SKAZ_TRANSLIT_REVERSE = 1
SKAZ_TRANSLIT_OPTIONS_VERSION = 1

_NO_ERROR_OFFSET = 0xFFFFFFFFFFFFFFFF  # UINT64_MAX in skaz_error.offset

# ---------------------------------------------------------------- structures


class skaz_error(Structure):
    _fields_ = [("code", c_int32), ("message", c_char_p), ("offset", c_uint64)]


class skaz_options(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("utf8_policy", c_uint32),
        ("flags", c_uint32),
        ("lang", c_char_p),
    ]


class skaz_span(Structure):
    _fields_ = [
        ("start", c_uint32),
        ("end", c_uint32),
        ("kind", c_uint32),
        ("flags", c_uint32),
    ]


class skaz_entity(Structure):
    # The strings are read with their explicit lengths, hence c_void_p.
    _fields_ = [
        ("id", c_int32),
        ("type", c_uint32),
        ("name", c_void_p),
        ("name_len", c_size_t),
        ("key", c_void_p),
        ("key_len", c_size_t),
        ("mention_count", c_size_t),
    ]


class skaz_quote(Structure):
    _fields_ = [
        ("start", c_uint32),
        ("end", c_uint32),
        ("kind", c_uint32),
        ("speaker_entity", c_int32),
        ("speaker_start", c_uint32),
        ("speaker_end", c_uint32),
        ("cue_start", c_uint32),
        ("cue_end", c_uint32),
        ("confidence", c_double),
        ("rule", c_char_p),
    ]


class skaz_repair(Structure):
    _fields_ = [
        ("start", c_uint32),
        ("end", c_uint32),
        ("kind", c_uint32),
        ("replacement", c_void_p),
        ("replacement_len", c_size_t),
    ]


class skaz_translit_options(Structure):
    _fields_ = [
        ("version", c_uint32),
        ("direction", c_uint32),
        ("schema", c_char_p),
    ]


class skaz_pipeline(Structure):
    """Opaque."""


class skaz_document(Structure):
    """Opaque."""


class skaz_translit(Structure):
    """Opaque."""


PipelineP = POINTER(skaz_pipeline)
DocumentP = POINTER(skaz_document)
TranslitP = POINTER(skaz_translit)
SpanP = POINTER(skaz_span)
CharP = POINTER(c_char)  # caller buffers (a c_char array converts to it)

# -------------------------------------------------------------------- loader


def _platform_tag() -> str:
    """``<platform>-<arch>`` of the bundled-library folder, e.g. linux-x86_64."""
    return f"{sys.platform}-{platform.machine().lower()}"


def _library_names() -> Sequence[str]:
    if sys.platform == "win32":
        return ("skaz.dll", "libskaz.dll")
    if sys.platform == "darwin":
        return ("libskaz.dylib", f"libskaz.{EXPECTED_MAJOR}.dylib")
    return ("libskaz.so", f"libskaz.so.{EXPECTED_MAJOR}")


def _open(path: str) -> ctypes.CDLL:
    folder = os.path.dirname(os.path.abspath(path))
    if sys.platform == "win32" and os.path.isdir(folder):
        os.add_dll_directory(folder)  # its dependencies may sit beside it
    return ctypes.CDLL(path)


def _load() -> tuple[ctypes.CDLL, str]:
    """Finds and opens libskaz; ImportError naming every attempt otherwise.

    Order: ``$SKAZ_LIBRARY`` (a path; when set it is the only candidate, so a
    test run never silently binds another copy), the package's
    ``_lib/<platform>-<arch>/``, the package directory itself, then
    ``ctypes.util.find_library("skaz")``.
    """
    attempts: list[str] = []

    env = os.environ.get("SKAZ_LIBRARY")
    if env:
        try:
            return _open(env), env
        except OSError as exc:
            raise ImportError(
                f"skaz: cannot load libskaz from SKAZ_LIBRARY={env!r}: {exc}"
            ) from None
    attempts.append("$SKAZ_LIBRARY: not set")

    here = os.path.dirname(os.path.abspath(__file__))
    for folder in (os.path.join(here, "_lib", _platform_tag()), here):
        for name in _library_names():
            path = os.path.join(folder, name)
            if not os.path.exists(path):
                attempts.append(f"{path}: no such file")
                continue
            try:
                return _open(path), path
            except OSError as exc:
                attempts.append(f"{path}: {exc}")

    found = ctypes.util.find_library("skaz")
    if found is None:
        attempts.append('ctypes.util.find_library("skaz"): not found')
    else:
        try:
            return ctypes.CDLL(found), found
        except OSError as exc:
            attempts.append(f'ctypes.util.find_library("skaz") -> {found}: {exc}')

    raise ImportError(
        "skaz: cannot find libskaz; set SKAZ_LIBRARY to its path. Tried:\n  "
        + "\n  ".join(attempts)
    )


_lib, LIBRARY_PATH = _load()

# -------------------------------------------------------------- declarations

DECLARED: dict[str, Any] = {}  # name -> ctypes function, in declaration order

_Errcheck = Callable[[Any, Any, tuple[Any, ...]], Any]


def _fn(
    name: str,
    argtypes: Sequence[Any],
    restype: Any,
    errcheck: Optional[_Errcheck] = None,
) -> Any:
    """Declares one C function of libskaz (once, at import)."""
    try:
        func = getattr(_lib, name)
    except AttributeError:
        raise ImportError(
            f"skaz: {LIBRARY_PATH} does not export {name}; it is older than this "
            f"package ({__version__})"
        ) from None
    func.argtypes = list(argtypes)
    func.restype = restype
    if errcheck is not None:
        func.errcheck = errcheck
    DECLARED[name] = func
    return func


skaz_version_number = _fn("skaz_version_number", [], c_uint32)
skaz_version_string = _fn("skaz_version_string", [], c_char_p)
skaz_strerror = _fn("skaz_strerror", [c_int], c_char_p)
skaz_error_last = _fn("skaz_error_last", [], POINTER(skaz_error))
skaz_error_clear = _fn("skaz_error_clear", [], None)


def last_error(status: int) -> _errors.SkazError:
    """The exception for a negative status, read from this thread's
    ``skaz_error_last()`` (call it right after the failing call)."""
    message: Optional[str] = None
    offset: Optional[int] = None
    err = skaz_error_last()
    if err:
        e = err.contents
        if e.code == status and e.message:
            message = e.message.decode("utf-8", "replace")
            offset = None if e.offset == _NO_ERROR_OFFSET else int(e.offset)
    if message is None:  # the library left no detail for this status
        text = skaz_strerror(status)
        message = text.decode("utf-8", "replace") if text else f"error {status}"
    return _errors.error_for(status, message, offset)


def _check(status: int, func: Any, args: tuple[Any, ...]) -> int:
    if status < 0:
        raise last_error(status)
    return status


def _check_bufs(status: int, func: Any, args: tuple[Any, ...]) -> int:
    """Like _check but lets SKAZ_EBUFS through for the size negotiation."""
    if status < 0 and status != SKAZ_EBUFS:
        raise last_error(status)
    return status


_size_out = POINTER(c_size_t)
_buf = [CharP, c_size_t, _size_out]  # char* out, size_t cap, size_t* out_len

skaz_options_init = _fn(
    "skaz_options_init", [POINTER(skaz_options), c_uint32], c_int, _check
)
skaz_pipeline_new = _fn(
    "skaz_pipeline_new", [POINTER(skaz_options), POINTER(PipelineP)], c_int, _check
)
skaz_pipeline_free = _fn("skaz_pipeline_free", [PipelineP], None)
skaz_analyze = _fn(
    "skaz_analyze",
    [PipelineP, c_char_p, c_size_t, c_char_p, POINTER(DocumentP)],
    c_int,
    _check,
)
skaz_doc_free = _fn("skaz_doc_free", [DocumentP], None)
skaz_doc_language = _fn("skaz_doc_language", [DocumentP], c_char_p)
skaz_doc_count = _fn("skaz_doc_count", [DocumentP, c_int32], c_size_t)
skaz_doc_span = _fn(
    "skaz_doc_span", [DocumentP, c_int32, c_size_t, SpanP], c_int, _check
)
skaz_doc_spans = _fn(
    "skaz_doc_spans",
    [DocumentP, c_int32, POINTER(SpanP), _size_out],
    c_int,
    _check,
)
skaz_doc_entity = _fn(
    "skaz_doc_entity", [DocumentP, c_size_t, POINTER(skaz_entity)], c_int, _check
)
skaz_doc_entity_mention = _fn(
    "skaz_doc_entity_mention", [DocumentP, c_size_t, c_size_t, SpanP], c_int, _check
)
skaz_doc_entity_role_count = _fn(
    "skaz_doc_entity_role_count", [DocumentP, c_size_t], c_size_t
)
skaz_doc_entity_role = _fn(
    "skaz_doc_entity_role",
    [DocumentP, c_size_t, c_size_t, POINTER(c_void_p), _size_out],
    c_int,
    _check,
)
skaz_doc_entity_gender = _fn(
    "skaz_doc_entity_gender",
    [DocumentP, c_size_t, POINTER(c_uint32)],
    c_int,
    _check,
)
skaz_doc_quote = _fn(
    "skaz_doc_quote", [DocumentP, c_size_t, POINTER(skaz_quote)], c_int, _check
)
skaz_doc_repair = _fn(
    "skaz_doc_repair", [DocumentP, c_size_t, POINTER(skaz_repair)], c_int, _check
)
skaz_doc_offset = _fn(
    "skaz_doc_offset",
    [DocumentP, c_uint32, c_int32, POINTER(c_uint32)],
    c_int,
    _check,
)
skaz_doc_to_json = _fn(
    "skaz_doc_to_json", [DocumentP, c_int32, c_uint32, *_buf], c_int, _check_bufs
)
skaz_doc_to_html = _fn(
    "skaz_doc_to_html", [DocumentP, c_char_p, *_buf], c_int, _check_bufs
)
skaz_translit_options_init = _fn(
    "skaz_translit_options_init",
    [POINTER(skaz_translit_options), c_uint32],
    c_int,
    _check,
)
skaz_translit_new = _fn(
    "skaz_translit_new",
    [POINTER(skaz_translit_options), POINTER(TranslitP)],
    c_int,
    _check,
)
skaz_translit_free = _fn("skaz_translit_free", [TranslitP], None)
skaz_translit_run = _fn(
    "skaz_translit_run", [TranslitP, c_char_p, c_size_t, *_buf], c_int, _check_bufs
)
skaz_translit_schema_count = _fn("skaz_translit_schema_count", [], c_size_t)
skaz_translit_schema_name = _fn("skaz_translit_schema_name", [c_size_t], c_char_p)
skaz_repair_text = _fn(
    "skaz_repair_text", [c_char_p, c_size_t, c_uint32, *_buf], c_int, _check_bufs
)
skaz_name_key = _fn("skaz_name_key", [c_char_p, c_size_t, *_buf], c_int, _check_bufs)
skaz_name_base = _fn(
    "skaz_name_base", [c_char_p, c_size_t, *_buf], c_int, _check_bufs
)

# ------------------------------------------------------------- version check


def check_version(number: int) -> None:
    """ImportError unless ``number`` (a skaz_version_number()) has the major
    this package binds."""
    if number // 10000 != EXPECTED_MAJOR:
        found = f"{number // 10000}.{number // 100 % 100}.{number % 100}"
        raise ImportError(
            f"skaz: {LIBRARY_PATH} is libskaz {found}, but this package "
            f"({__version__}) needs major version {EXPECTED_MAJOR}"
        )


LIBRARY_VERSION_NUMBER = int(skaz_version_number())
check_version(LIBRARY_VERSION_NUMBER)

# ------------------------------------------------------------------- helpers


def encode(text: str) -> bytes:
    """``text`` as UTF-8; InvalidUtf8Error for a str with lone surrogates."""
    if not isinstance(text, str):
        raise TypeError(f"skaz: expected str, got {type(text).__name__}")
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _errors.InvalidUtf8Error(
            SKAZ_EINVALID_UTF8,
            f"text has no UTF-8 form: lone surrogate U+{ord(text[exc.start]):04X} "
            f"at index {exc.start}",
            len(text[: exc.start].encode("utf-8")),
        ) from None


def decode(data: bytes, what: str) -> str:
    """Strict UTF-8 decoding of a library output; InternalError if invalid."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _errors.InternalError(
            SKAZ_EINTERNAL, f"libskaz returned invalid UTF-8 from {what}: {exc}"
        ) from None


def read_text(call: Callable[[Any, int, Any], int], guess: int, what: str) -> str:
    """Runs ``call(out, cap, out_len)``, a function using the caller-buffer
    negotiation of skaz.h. With ``guess > 0`` the first try uses a buffer of
    that size; with ``guess == 0`` it is a size query (``out`` NULL, ``cap``
    0). Either way, on SKAZ_EBUFS it retries once with the exact size the
    library asked for."""
    out_len = c_size_t(0)
    if guess > 0:
        cap = int(guess)
    else:
        call(None, 0, byref(out_len))
        cap = out_len.value + 1  # + 1: room for the NUL the library then adds
    buf = ctypes.create_string_buffer(cap)
    if call(buf, cap, byref(out_len)) == SKAZ_EBUFS:
        cap = out_len.value + 1
        buf = ctypes.create_string_buffer(cap)
        if call(buf, cap, byref(out_len)) == SKAZ_EBUFS:
            raise _errors.InternalError(
                SKAZ_EINTERNAL,
                f"{what}: SKAZ_EBUFS again with the size the library asked for",
            )
    n = out_len.value
    if n > cap:
        raise _errors.InternalError(
            SKAZ_EINTERNAL, f"{what}: reported {n} bytes for a {cap}-byte buffer"
        )
    return decode(ctypes.string_at(buf, n), what)


_M = TypeVar("_M", bound="Managed")


class Managed:
    """Owner of one native handle: ``close()`` frees it (idempotent), so does
    leaving a ``with`` block, and ``__del__`` is the fallback.

    ``ptr()`` raises ValueError after close. Internal calls go through
    ``_borrow()``: a close() while other threads are inside a call marks the
    object closed at once and frees the handle when the last call returns, so
    closing a shared object never frees memory under a running call.
    """

    _free: Callable[[Any], None]  # set by subclasses: the skaz_*_free
    _what = "handle"

    def __init__(self, ptr: Any) -> None:
        self._lock = threading.Lock()
        self._users = 0
        self._closed = False
        self._ptr: Any = ptr

    @property
    def closed(self) -> bool:
        return self._closed

    def ptr(self) -> Any:
        """The native pointer; ValueError once closed."""
        if self._closed:
            raise ValueError(f"skaz: the {self._what} is closed")
        return self._ptr

    @contextmanager
    def _borrow(self) -> Iterator[Any]:
        with self._lock:
            if self._closed:
                raise ValueError(f"skaz: the {self._what} is closed")
            self._users += 1
        try:
            yield self._ptr
        finally:
            with self._lock:
                self._users -= 1
                last = self._closed and self._users == 0
            if last:
                self._release()

    def _release(self) -> None:
        ptr, self._ptr = self._ptr, None
        if ptr:
            type(self)._free(ptr)

    def close(self) -> None:
        """Frees the native handle; later calls do nothing."""
        lock = getattr(self, "_lock", None)
        if lock is None:  # __init__ did not run to the end
            return
        with lock:
            if self._closed:
                return
            self._closed = True
            now = self._users == 0
        if now:
            self._release()

    def __enter__(self: _M) -> _M:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: nothing left to report to
            pass
