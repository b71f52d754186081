"""Every error the API raises by message key has words for people in both languages."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RAISED = re.compile(r'(?:Forbidden|Invalid|Conflict|NotFound|TooManyRequests|Unauthorized|Busy'
                    r'|PayloadTooLarge|ApiError)\(\s*"([a-z_]+)"')


def test_every_raised_message_key_is_in_english_and_chinese():
    raised = {key for path in (ROOT / "functions").rglob("*.py")
              for key in RAISED.findall(path.read_text(encoding="utf-8"))}
    assert raised, "the pattern found no raised errors: it no longer matches the code"
    for language in ("en", "zh-CN"):
        catalog = json.loads((ROOT / "functions" / "locales" / f"{language}.json").read_text())
        assert sorted(raised - set(catalog)) == [], language
