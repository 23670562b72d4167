"""Text helpers shared by extraction and the simulated caller: normalization, terms, templates.

Recognizers hand us lower-case, unpunctuated, sometimes mis-heard words, and Korean spacing is
unreliable (particles attach to words; ASR inserts or drops spaces). Everything that compares
what was said against scenario text goes through `normalize` first, so both sides look alike.
"""

from __future__ import annotations

import re
import string
import unicodedata
from difflib import SequenceMatcher

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_NON_WORD = re.compile(r"[^\w'\s]+")
_SPACES = re.compile(r"\s+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def normalize(text: str) -> str:
    """NFC, lower case, straight apostrophes, punctuation to spaces, single spaces."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).lower()
    text = _NON_WORD.sub(" ", text)
    text = text.replace("_", " ")
    # Quote marks around words are not part of contractions ("'yes'" -> "yes").
    text = re.sub(r"(?<![a-z])'|'(?![a-z])", " ", text)
    return _SPACES.sub(" ", text).strip()


def has_hangul(text: str) -> bool:
    return bool(_HANGUL.search(text))


def words(text: str) -> list[str]:
    return normalize(text).split()


def soundex(word: str) -> str:
    """American Soundex: near-homophones a recognizer swaps ("hurts"/"hertz") share a code."""
    codes = {
        **dict.fromkeys("bfpv", "1"),
        **dict.fromkeys("cgjkqsxz", "2"),
        **dict.fromkeys("dt", "3"),
        "l": "4",
        **dict.fromkeys("mn", "5"),
        "r": "6",
    }
    letters = [c for c in word.lower() if "a" <= c <= "z"]
    if not letters:
        return ""
    out, last = letters[0].upper(), codes.get(letters[0], "")
    for c in letters[1:]:
        code = codes.get(c, "")
        if code and code != last:
            out += code
        if c not in "hw":
            last = code
    return (out + "000")[:4]


def similar_words(a: str, b: str) -> float:
    """How alike two recognized words are, 0..1: 1 for equal, ~0.8 for near-homophones."""
    if a == b:
        return 1.0
    if min(len(a), len(b)) < 3:
        return 0.0
    ratio = SequenceMatcher(None, a, b).ratio()
    if ratio >= 0.5 and a[0] == b[0] and soundex(a) == soundex(b):
        ratio = max(ratio, 0.8)
    return ratio


def terms(text: str, language: str) -> list[str]:
    """Units for overlap scoring: words in English, syllable bigrams in Korean.

    Korean bigrams survive both spacing errors and particles glued to stems ("무릎이" and
    "무릎은" share "무릎").
    """
    norm = normalize(text)
    if language == "ko" or has_hangul(norm):
        out: list[str] = []
        for word in norm.split():
            if len(word) == 1:
                out.append(word)
            out.extend(word[i : i + 2] for i in range(len(word) - 1))
        return out
    return norm.split()


# Korean particles that depend on whether the previous syllable ends in a consonant (batchim).
_JOSA = {
    "(이)가": ("이", "가"),
    "(을)를": ("을", "를"),
    "(은)는": ("은", "는"),
    "(과)와": ("과", "와"),
    "(이)나": ("이나", "나"),
    "(으)로": ("으로", "로"),
    "(이)라": ("이라", "라"),
    "(이)에요": ("이에요", "예요"),
}


def _batchim(syllable: str) -> int | None:
    code = ord(syllable) - 0xAC00
    return code % 28 if 0 <= code <= 11171 else None


def attach_josa(text: str) -> str:
    """Resolve "(이)가"-style particle pairs against the syllable before them."""
    for pair, (after_consonant, after_vowel) in _JOSA.items():
        while pair in text:
            i = text.index(pair)
            final = _batchim(text[i - 1]) if i else None
            if pair == "(으)로" and final == 8:  # ㄹ takes 로
                choice = after_vowel
            else:
                choice = after_consonant if final else after_vowel
            text = text[:i] + choice + text[i + len(pair) :]
    return text


def placeholders(template: str) -> set[str]:
    """Field names a str.format template uses; raises ValueError when malformed."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def fill(template: str, **values: str) -> str:
    """Fill a scenario template; missing names stay visible rather than raising mid-call."""

    class _Keep(dict):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    text = attach_josa(template.format_map(_Keep(values)))
    return re.sub(r"\s+([.,?!])", r"\1", _SPACES.sub(" ", text)).strip()
