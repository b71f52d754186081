"""Finding a colleague by name, in either script, without a scan.

The import writes one index item per word of a name: PEOPLE#<first character> /
<word>#<id>, holding what a search shows. Latin words are case-folded (NFKC first, so
full-width letters fold too); a run of Chinese characters is indexed from each of its
characters on ("周岚" as "周岚" and "岚"), so a search by any character finds the name. A search
reads the one partition of its first word's first character, by prefix: one query."""

from __future__ import annotations

import re
import unicodedata

from ..store import Delete, Put

SEARCH_VERSION = 1  # a profile item with this search_v has its index items
SHOWN = ("id", "name", "business_unit", "department", "site")
RESULTS = 10
TOKENS_MAX = 12
SCAN_MAX = 200  # index items one search reads at most (one query)
_LATIN = re.compile(r"[^\W_]+")


def _cjk(char: str) -> bool:
    return 0x3400 <= ord(char) <= 0x9FFF or 0xF900 <= ord(char) <= 0xFAFF


def words(text: str) -> list[str]:
    """The words of a text, folded; a Chinese run is one word per character it starts from."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    found = []
    for run in _LATIN.findall(folded):
        latin = "".join(" " if _cjk(c) else c for c in run).split()
        found += latin
        cjk = "".join(c if _cjk(c) else " " for c in run).split()
        for han in cjk:
            found += [han[i:] for i in range(len(han))]
    return list(dict.fromkeys(found))[:TOKENS_MAX]


def _key(word: str, employee_id: str) -> tuple[str, str]:
    return f"PEOPLE#{word[0]}", f"{word}#{employee_id}"


def index_ops(before: dict | None, after: dict) -> list:
    """Index items to write for a profile that changed from before (None: new): every word of
    the new name (what a search shows may have changed too), and deletes of words it lost."""
    new = words(after["name"])
    old = words(before["name"]) if before else []
    shown = {k: after[k] for k in SHOWN}
    return ([Delete(*_key(w, after["id"])) for w in old if w not in new]
            + [Put({"pk": _key(w, after["id"])[0], "sk": _key(w, after["id"])[1], **shown})
               for w in new])


def write_index(store, before: dict | None, after: dict) -> None:
    """Write the index items of a profile just written (after its own transaction; a failure
    here leaves the profile unmarked, so the next import writes them again)."""
    ops = index_ops(before, after)
    for start in range(0, len(ops), 25):
        store.transact(ops[start:start + 25])
    store.update(f"EMP#{after['id']}", "PROFILE", set={"search_v": SEARCH_VERSION})


def search(store, q: str) -> list[dict]:
    """At most 10 people whose name has a word starting with each word of q."""
    wanted = words(q)
    if not wanted:
        return []
    first, rest = wanted[0], wanted[1:]
    pk, _ = _key(first, "")
    found: dict[str, dict] = {}
    for item in store.query(pk, prefix=first, limit=SCAN_MAX).items:
        if item["id"] in found:
            continue
        name_words = words(item["name"])
        if all(any(w.startswith(r) for w in name_words) for r in rest):
            found[item["id"]] = {k: item[k] for k in SHOWN}
        if len(found) == RESULTS:
            break
    return list(found.values())
