"""The blocked-words matcher: Latin words on Latin word boundaries, Chinese terms through
full-width, traditional characters and noise slipped between the letters."""

import pytest

from functions.moderation.matcher import matches
from functions.moderation.normalise import squeezed

WORDS = ["ass", "idiot", "bad word", "法轮功", "傻逼", "台独", "ＳＰＡＭ"]


@pytest.mark.parametrize(("text", "found"), [
    # English: whole words only, any case, punctuation and digits are boundaries
    ("You ass!", ["ass"]),
    ("ASS", ["ass"]),
    ("ass.", ["ass"]),
    ("2ass2", ["ass"]),
    ("my class is great", []),
    ("assistant manager", []),
    ("passes", []),
    ("Idiot", ["idiot"]),
    ("idiots", []),  # another word: HR adds plurals they mean
    ("ｉｄｉｏｔ", ["idiot"]),  # full-width letters
    ("a bad word here", ["bad word"]),
    ("a bad-word here", ["bad word"]),
    ("a bad   word", ["bad word"]),
    ("a badword", []),
    ("spam", ["ＳＰＡＭ"]),  # a full-width word in the list matches its half-width form
    ("加油ass加油", ["ass"]),  # Chinese around a Latin word is a boundary
    # Chinese: substrings of the normalised text
    ("法轮功", ["法轮功"]),
    ("我们都是法轮功学员", ["法轮功"]),
    ("法@@!轮!功", ["法轮功"]),
    ("法 轮 功", ["法轮功"]),
    ("法.轮.功", ["法轮功"]),
    ("法輪功", ["法轮功"]),  # traditional
    ("法＿轮＿功", ["法轮功"]),  # full-width noise
    ("法🌸轮🌸功", ["法轮功"]),  # emoji as noise
    ("傻　逼", ["傻逼"]),  # ideographic space
    ("臺獨", ["台独"]),  # traditional, both characters
    ("法轮", []),
    ("功法轮", []),
    ("武汉加油！", []),
    ("Stay strong, Wuhan! 加油", []),
])
def test_the_matcher_finds_blocked_words_and_their_disguises(text, found):
    assert matches(text, WORDS) == found


def test_noise_is_everything_but_letters_digits_and_cjk():
    assert squeezed("Ｆａ－Lun 法@@!輪!功 2020") == "falun法轮功2020"


def test_an_empty_list_blocks_nothing():
    assert matches("anything at all", []) == []
