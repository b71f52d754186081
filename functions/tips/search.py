"""The tips search index, written at publish: one TIPWORD#<token> pointer per token of a tip's
titles and bodies in both languages. English (any Latin script) is split into words, folded
(NFKC, case-folded: functions/moderation/normalise.py); Chinese, written without spaces, is
indexed by its characters and character bigrams, so "在家" or "家" finds "在家办公".

A search reads the pointer partition of its first token (newest first) and keeps the tips
holding every other token: one query and one get_many per page, never a scan."""

from __future__ import annotations

import re

from ..moderation.normalise import folded, is_cjk

TOKENS_MAX = 600  # per tip: a 4,000-character body in two languages stays well under
_WORDS = re.compile(r"[^\W_]+")


def _runs(text: str) -> tuple[list[str], list[str]]:
    """Latin words and Chinese runs of a text, folded."""
    latin, cjk = [], []
    for run in _WORDS.findall(folded(text)):
        latin += "".join(" " if is_cjk(c) else c for c in run).split()
        cjk += "".join(c if is_cjk(c) else " " for c in run).split()
    return latin, cjk


def tokens(text: str) -> list[str]:
    """Every token a text is indexed under: its words, its Chinese characters and bigrams."""
    latin, cjk = _runs(text)
    found = list(latin)
    for run in cjk:
        found += list(run) + [run[i:i + 2] for i in range(len(run) - 1)]
    return list(dict.fromkeys(found))


def query_tokens(q: str) -> list[str]:
    """What a search asks for: its words, and its Chinese runs as bigrams (one character alone
    is asked as itself)."""
    latin, cjk = _runs(q)
    found = list(latin)
    for run in cjk:
        found += [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]
    return list(dict.fromkeys(found))[:10]


def tip_tokens(tip: dict) -> list[str]:
    texts = [*tip["title"].values(), *tip["body"].values(), *tip["tags"]]
    return tokens(" ".join(texts))[:TOKENS_MAX]
