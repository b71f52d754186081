"""The API's messages in English and Simplified Chinese; the language follows the person."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from flask import g, has_request_context, request

LANGUAGES = ("en", "zh-CN")
LOCALES = Path(__file__).parent / "locales"


@cache
def catalog(language: str) -> dict:
    return json.loads((LOCALES / f"{language}.json").read_text(encoding="utf-8"))


def language() -> str:
    """The signed-in person's language, else the browser's, else English."""
    if not has_request_context():
        return "en"
    user = getattr(g, "user", None)
    if user and user.get("language") in LANGUAGES:
        return user["language"]
    best = request.accept_languages.best_match(["en", "zh-CN", "zh"], default="en")
    return "zh-CN" if best.startswith("zh") else "en"


def t(key: str, lang: str | None = None, **params) -> str:
    """A message by key in the given (or current) language; unknown keys fall back to English."""
    lang = lang or language()
    if params.get("count") == 1 and f"{key}.one" in catalog("en"):
        key = f"{key}.one"  # "1 line", not "1 lines"
    text = catalog(lang).get(key) or catalog("en").get(key) or key
    return text.format(**params) if params else text


def field_message(text: str, lang: str | None = None) -> str:
    """marshmallow's English field messages, translated where we know them."""
    return catalog(lang or language()).get("fields", {}).get(text, text)
