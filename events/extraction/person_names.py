"""The name a headline calls a person by: "Blinken" for Antony Blinken, "Xi" for Xi Jinping.

English-language news writes Chinese and Korean names family name first ("Xi Jinping", "Kim Jong Un",
"Yoon Suk Yeol", "Tsai Ing-wen") and calls the person by that family name on second reference; every
other name is called by its last word. A name is read as family-first when its first word is a common
Chinese (pinyin, Wade-Giles or Cantonese spelling) or Korean family name and the rest is shaped like a
given name of those languages: one word of one to three pinyin syllables ("Jinping", "Yi"), one
hyphenated word ("Ing-wen", "Jae-in"), or two short words ("Jong Un", "Hsien Loong"). Western names
that share a first word ("Kim Darroch", "Lee Anderson") fail the shape test and keep their last word.
Japanese and Vietnamese names are written given name first in English copy and need no rule.
"""

from __future__ import annotations

import re
from functools import lru_cache

FAMILY_FIRST_SURNAMES = frozenset(
    # Chinese, pinyin
    {"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu",
     "hu", "guo", "he", "lin", "luo", "gao", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng",
     "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng",
     "wei", "su", "lu", "ding", "ren", "shen", "yao", "jin", "fu", "zhong", "qin", "xi", "qi", "bai", "meng",
     "wen", "shi", "hou", "lei", "long", "duan", "hao", "kong", "shao", "mao", "qiu", "jia", "xue", "yan",
     "gu", "hong", "zou", "xiong", "kang", "fan", "fang", "yin", "wan", "niu", "gong", "kuang",
     # Chinese, Wade-Giles and Taiwanese, Cantonese (Hong Kong)
     "tsai", "lai", "hsu", "chiang", "chang", "ko", "kuo", "hsieh", "tsao", "chou", "chao", "lien", "soong",
     "leung", "chan", "wong", "lam", "cheung", "ho", "tsang", "chow", "yeung", "lau", "kwok", "tung", "lee",
     # Korean
     "kim", "park", "choi", "jung", "chung", "cho", "yoon", "yun", "jang", "lim", "oh", "seo", "shin", "kwon",
     "hwang", "ahn", "jeon", "moon", "ban", "roh", "noh", "chun", "yoo", "nam", "baek", "ryu", "cha", "sohn",
     "koo", "byun", "hyun", "ha", "kwak", "bae", "heo", "nah", "woo"}
)  # fmt: skip

_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (
    r"(?:iang|iong|uang|ueng|iao|ian|uai|uan|ang|eng|ing|ong|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er"
    r"|a|o|e|i|u|v)"
)
_PINYIN_GIVEN = re.compile(rf"(?:{_INITIAL}{_FINAL}){{1,3}}", re.IGNORECASE)
_HYPHENATED_GIVEN = re.compile(r"[A-Za-z]{1,6}-[A-Za-z]{1,6}")
SHORT_GIVEN_WORD = 5


def _given_name_shape(words: list[str]) -> bool:
    if len(words) == 1:
        word = words[0]
        return bool(_HYPHENATED_GIVEN.fullmatch(word) or _PINYIN_GIVEN.fullmatch(word))
    return len(words) == 2 and all(word.isalpha() and len(word) <= SHORT_GIVEN_WORD for word in words)


@lru_cache(maxsize=8192)
def family_name(full_name: str) -> str:
    """The word a headline calls this person by ("Xi Jinping" -> "Xi", "Antony Blinken" -> "Blinken")."""
    words = full_name.split()
    if not words:
        return full_name
    if len(words) >= 2 and words[0].lower() in FAMILY_FIRST_SURNAMES and _given_name_shape(words[1:]):
        return words[0]
    if len(words) >= 2 and REGNAL_NUMBER.fullmatch(words[-1]):
        return " ".join(words[-2:])  # "Elizabeth II", "Felipe VI": a monarch is called by name and number
    if len(words) >= 3 and words[-1].rstrip(".").lower() in {"jr", "sr"}:
        return words[-2]  # "Luis Ruiz Jr." is Ruiz
    return words[-1]


# A monarch's or pope's number after the name.
REGNAL_NUMBER = re.compile(r"[IVX]{1,5}")


__all__ = ["family_name"]


def part_of_name(part: list[str], full: list[str]) -> bool:
    """Whether ``part`` is the first or the last words of ``full``: "Doan" of "Doan Minh Thu", "Ruiz" of
    "Ana Ruiz"."""
    return bool(part) and (full[: len(part)] == part or full[-len(part) :] == part)
