"""Text normalization shared by error rates, language models and N-best merging.

A recognizer and a reference disagree on things nobody hears: case, punctuation, "10" versus
"ten". Scoring must ignore those, and so must the language models (their training text and
the hypotheses they score have to be spelled alike), so all of them use the functions here.

English is compared word by word: lowercased, punctuation removed (apostrophes inside words
kept: "don't" is one word in the pronunciation dictionary), and simple numbers spelled out
as words, because that is how recognizers with a word vocabulary write them.

Korean is compared character by character (CER): NFC, punctuation, symbols and *all*
whitespace removed, since Korean spacing is inconsistent even among careful writers.
Whisper's `BasicTextNormalizer(remove_diacritics=True)` must not be used for Korean: it
decomposes Hangul syllables into jamo.
"""

from __future__ import annotations

import re
import unicodedata

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand"))
_ORDINAL_WORDS = {
    "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
    "nine": "ninth", "twelve": "twelfth",
}  # fmt: skip
_DIGIT_WORDS = ["oh" if d == "zero" else d for d in _ONES[:10]]

# A number token: 1,234 | 3.5 | 7:30 | 21st | 50% ; letters glued to digits are split first.
_NUMBER = re.compile(
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)"
    r"(?:(?P<dec>\.\d+)|:(?P<min>\d{2})|(?P<ord>st|nd|rd|th))?(?P<pct>%)?"
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def number_to_words(n: int) -> str:
    """Spell a non-negative integer in English ("one hundred twenty three")."""
    if n < 0:
        raise ValueError(f"number_to_words takes a non-negative integer, got {n}")
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + ("" if ones == 0 else " " + _ONES[ones])
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _ONES[hundreds] + " hundred" + ("" if rest == 0 else " " + number_to_words(rest))
    for scale, name in _SCALES:
        if n >= scale:
            if n // scale >= 1000:
                break
            high, rest = divmod(n, scale)
            words = number_to_words(high) + " " + name
            return words + ("" if rest == 0 else " " + number_to_words(rest))
    return " ".join(_DIGIT_WORDS[int(d)] for d in str(n))  # too long to say as a number


def _ordinal(words: str) -> str:
    head, _, last = words.rpartition(" ")
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head} {last}" if head else last


def _spell_number(match: re.Match[str]) -> str:
    integer = int(match["int"].replace(",", ""))
    if match["int"].startswith("0") and len(match["int"]) > 1:  # 007, 0800: read digit by digit
        words = " ".join(_DIGIT_WORDS[int(d)] for d in match["int"])
    else:
        words = number_to_words(integer)
    if match["dec"]:
        words += " point " + " ".join(_ONES[int(d)] for d in match["dec"][1:])
    elif match["min"]:
        minutes = int(match["min"])
        if minutes:
            words += (" oh " if minutes < 10 else " ") + number_to_words(minutes)
    elif match["ord"]:
        words = _ordinal(words)
    if match["pct"]:
        words += " percent"
    return f" {words} "


def normalize_english(text: str) -> str:
    """Lowercase words separated by single spaces: no punctuation, numbers spelled out."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    text = re.sub(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])(?!(?:st|nd|rd|th)\b)", " ", text)
    text = _NUMBER.sub(_spell_number, text)
    text = text.replace("&", " and ")
    # Keep letters, digits and apostrophes between letters; everything else separates words.
    text = re.sub(r"(?<![^\W_])'|'(?![^\W_])", " ", text)
    text = re.sub(r"[^\w']+|_", " ", text)
    return " ".join(text.split())


def compact(text: str) -> str:
    """NFC, case-folded, with punctuation, symbols and every space removed: any language."""
    text = unicodedata.normalize("NFC", text).casefold()
    return "".join(
        ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in "PSZC"
    )


def normalize_korean(text: str) -> str:
    """NFC Hangul with punctuation, symbols and every space removed (for CER)."""
    return compact(text)


def normalize(text: str, language: str) -> str:
    """Normalize for comparison in `language` ("en" or "ko")."""
    if language == "en":
        return normalize_english(text)
    if language == "ko":
        return normalize_korean(text)
    raise ValueError(f"no text normalization for language {language!r} (expected 'en' or 'ko')")


def tokens(text: str, language: str) -> list[str]:
    """The units an error rate counts: words for English, characters for Korean."""
    normalized = normalize(text, language)
    return normalized.split() if language == "en" else list(normalized)
