"""marshmallow, imported without compiling its e-mail domain pattern until an address is checked.

marshmallow.validate compiles Email.DOMAIN_REGEX when it is imported: a character class of
every code point from U+00A1 to U+FFFF, case-insensitive, five times over, which Python's
regex compiler folds one code point at a time (about 30 ms, a fifth of a cold start). Only a
request with an e-mail address in it needs the pattern, so it is compiled then, once.
"""

from __future__ import annotations

import re
import sys
import threading

COSTLY = "\u00a1-\uffff"  # marshmallow.validate._UNICODE_LETTERS
compile_now = re.compile


class CompiledOnFirstUse:
    """Stands in for a re.Pattern; compiles it the first time any attribute is asked for."""

    def __init__(self, pattern: str, flags: int):
        self.pattern, self.flags = pattern, flags
        self._compiled: re.Pattern | None = None
        self._lock = threading.Lock()

    def __getattr__(self, name):  # match, fullmatch, search, groups...: the real pattern's
        if name.startswith("__"):
            raise AttributeError(name)  # class machinery probing (abc): no reason to compile
        if self._compiled is None:
            with self._lock:
                if self._compiled is None:
                    self._compiled = compile_now(self.pattern, self.flags)
        return getattr(self._compiled, name)


def import_marshmallow() -> None:
    """Import marshmallow with its costly patterns left for their first use (no-op if imported)."""
    if "marshmallow.validate" in sys.modules:
        return

    def compile_later(pattern, flags=0):
        if isinstance(pattern, str) and COSTLY in pattern:
            return CompiledOnFirstUse(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_later  # only while marshmallow.validate runs its class bodies
    try:
        import marshmallow.validate  # noqa: F401
    finally:
        re.compile = compile_now
