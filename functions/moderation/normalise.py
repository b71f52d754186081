"""Text as the blocked-words matcher compares it: one form for the many ways to write a word.

NFKC folds full-width letters to half-width; casefold folds case; a small table maps common
traditional characters to simplified ones; and, for Chinese terms, everything that is not a
letter, a digit or a CJK character is removed, so `法@@!轮!功` reads `法轮功`.
"""

from __future__ import annotations

import unicodedata

# Traditional -> simplified for characters that carry common blocked terms. Small by design:
# a full conversion table (OpenCC) is 3,000+ entries; HR adds the traditional form of any
# term this misses as a word of its own.
TRADITIONAL = str.maketrans({
    "輪": "轮", "門": "门", "東": "东", "國": "国", "語": "语", "說": "说", "黨": "党",
    "發": "发", "們": "们", "獨": "独", "臺": "台", "灣": "湾", "華": "华",
    "傳": "传", "聯": "联", "會": "会", "學": "学", "軍": "军", "殺": "杀", "賭": "赌",
    "錢": "钱", "騙": "骗", "買": "买", "賣": "卖", "貸": "贷", "幣": "币", "槍": "枪",
    "販": "贩", "亂": "乱", "動": "动", "幹": "干", "媽": "妈",
    "雞": "鸡", "屍": "尸", "體": "体", "義": "义", "產": "产",
    "韓": "韩", "黃": "黄", "鬥": "斗", "爭": "争", "顛": "颠", "權": "权",
    "獄": "狱", "騷": "骚", "賤": "贱",
    "豬": "猪", "滾": "滚", "罵": "骂", "嗎": "吗", "這": "这",
    "個": "个", "時": "时", "對": "对", "為": "为", "與": "与", "裡": "里", "後": "后",
})


def is_cjk(char: str) -> bool:
    code = ord(char)
    return (0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x2FA1F)


def folded(text: str) -> str:
    """NFKC, case-folded, traditional characters of the table made simplified."""
    return unicodedata.normalize("NFKC", text).casefold().translate(TRADITIONAL)


def squeezed(text: str) -> str:
    """The folded text with only letters, digits and CJK characters left (noise removed)."""
    return "".join(c for c in folded(text) if c.isalnum() or is_cjk(c))


def has_cjk(text: str) -> bool:
    return any(is_cjk(c) for c in text)
