"""The blocked-words list HR keeps, in English and Chinese, shared by every capability."""

from __future__ import annotations

from ..store import Put
from . import audit, matcher

KEY = ("MODWORDS", "CURRENT")
LANGS = ("en", "zh-CN")


def current(store) -> list[dict]:
    """[{"word", "lang"}] as HR saved them (one get)."""
    item = store.get(*KEY)
    return item["words"] if item else []


def save(store, actor: dict, words: list[dict], now: int) -> list[dict]:
    """Replace the list (duplicates dropped, order kept), audited in the same transaction."""
    seen, kept = set(), []
    for w in words:
        word = w["word"].strip()
        if word and (word.casefold(), w["lang"]) not in seen:
            seen.add((word.casefold(), w["lang"]))
            kept.append({"word": word, "lang": w["lang"]})
    before = current(store)
    store.transact([Put({"pk": KEY[0], "sk": KEY[1], "words": kept, "updated_at": now,
                         "updated_by": actor["id"]}),
                    audit.entry(actor, "words", "list", "words", {"count": len(before)},
                                {"count": len(kept)}, now)])
    return kept


def held_for(store, text: str) -> list[str]:
    """The blocked words the text holds (empty: publish it)."""
    return matcher.matches(text, [w["word"] for w in current(store)])
