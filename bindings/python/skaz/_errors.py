"""Exceptions raised by the skaz binding.

Every negative status of the C ABI becomes a :class:`SkazError` subclass chosen
by its code (``SKAZ_E*`` in ``skaz.h``). Where a builtin exception fits, the
class also derives from it, so ``except ValueError`` catches bad input and
``except NotImplementedError`` catches features the library does not have yet.
"""

from __future__ import annotations

from typing import Optional

# The SKAZ_E* codes of skaz.h. Pinned forever by the C ABI; a test diffs them
# against the header.
SKAZ_OK = 0
SKAZ_EINVAL = -1
SKAZ_ENOMEM = -2
SKAZ_EINVALID_UTF8 = -3
SKAZ_EBUFS = -4
SKAZ_EVERSION = -5
SKAZ_ENOTIMPL = -6
SKAZ_ENOTSUPPORTED = -7
SKAZ_ERANGE = -8
SKAZ_ETOOBIG = -9
SKAZ_ENOTFOUND = -10
SKAZ_EUSER = -11
SKAZ_EINTERNAL = -12


class SkazError(Exception):
    """An error reported by libskaz (or detected by the binding before a call).

    Attributes:
        code: the ``SKAZ_E*`` code (a negative int).
        message: the library's description (``skaz_error_last()->message``).
        offset: the byte offset into the UTF-8 input that the error concerns,
            or ``None`` when it concerns no position.
    """

    code: int
    message: str
    offset: Optional[int]

    def __init__(self, code: int, message: str, offset: Optional[int] = None) -> None:
        super().__init__(code, message, offset)
        self.code = code
        self.message = message
        self.offset = offset

    def __str__(self) -> str:
        where = "" if self.offset is None else f" (at byte {self.offset})"
        return f"{self.message}{where} [skaz code {self.code}]"


class InvalidArgumentError(SkazError, ValueError):
    """SKAZ_EINVAL: a NULL pointer or a bad value reached the library."""


class OutOfMemoryError(SkazError, MemoryError):
    """SKAZ_ENOMEM: the library could not allocate memory."""


OutOfMemory = OutOfMemoryError  # the short name, for those who prefer it


class InvalidUtf8Error(SkazError, ValueError):
    """SKAZ_EINVALID_UTF8, or a ``str`` that has no UTF-8 form (lone surrogates).

    ``offset`` is the byte offset of the first invalid byte in the UTF-8 input
    (for a lone surrogate: where its bytes would have started).
    """


class VersionError(SkazError):
    """SKAZ_EVERSION: an options struct version the library does not know."""


class NotImplementedSkazError(SkazError, NotImplementedError):
    """SKAZ_ENOTIMPL: the loaded library does not implement this yet."""


class NotSupportedError(SkazError):
    """SKAZ_ENOTSUPPORTED: unsupported in this build of the library (e.g. no ICU)."""


class OutOfRangeError(SkazError, IndexError):
    """SKAZ_ERANGE: an index or offset out of range."""


class InputTooLargeError(SkazError, ValueError):
    """SKAZ_ETOOBIG: the input is larger than 4 GiB - 1 bytes."""


class NotFoundError(SkazError, LookupError):
    """SKAZ_ENOTFOUND: an unknown name (language, transliteration schema, ...)."""


class InternalError(SkazError):
    """SKAZ_EINTERNAL: a bug in skaz; please report it."""


_BY_CODE: dict[int, type[SkazError]] = {
    SKAZ_EINVAL: InvalidArgumentError,
    SKAZ_ENOMEM: OutOfMemoryError,
    SKAZ_EINVALID_UTF8: InvalidUtf8Error,
    SKAZ_EVERSION: VersionError,
    SKAZ_ENOTIMPL: NotImplementedSkazError,
    SKAZ_ENOTSUPPORTED: NotSupportedError,
    SKAZ_ERANGE: OutOfRangeError,
    SKAZ_ETOOBIG: InputTooLargeError,
    SKAZ_ENOTFOUND: NotFoundError,
    SKAZ_EINTERNAL: InternalError,
}


def error_for(code: int, message: str, offset: Optional[int] = None) -> SkazError:
    """The exception for a ``SKAZ_E*`` code (``SkazError`` itself for codes
    without a subclass: SKAZ_EBUFS, SKAZ_EUSER, codes appended later)."""
    return _BY_CODE.get(code, SkazError)(code, message, offset)
