"""Which blocked words a text holds, for English and Chinese alike.

- A word without CJK characters matches on word boundaries of Latin letters only: `ass`
  matches "ass!" and "ASS" but not "class" or "assistant"; digits and punctuation are
  boundaries. Spaces inside a phrase may be any run of non-letters ("bad  word", "bad-word").
- A word with CJK characters matches as a substring of the text squeezed of noise
  (normalise.squeezed): full-width, traditional forms and characters slipped between the
  letters do not hide it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .normalise import folded, has_cjk, squeezed


@lru_cache(maxsize=64)
def _latin(word: str) -> re.Pattern:
    parts = [re.escape(p) for p in folded(word).split()]
    body = r"[^a-z]+".join(parts)
    return re.compile(rf"(?<![a-z]){body}(?![a-z])")


def matches(text: str, words) -> list[str]:
    """The blocked words (as HR wrote them) found in text, in the list's order."""
    plain = folded(text)
    dense = None
    found = []
    for word in words:
        if not word.strip():
            continue
        if has_cjk(word):
            dense = squeezed(text) if dense is None else dense
            target = squeezed(word)
            if target and target in dense:
                found.append(word)
        elif _latin(word).search(plain):
            found.append(word)
    return found
