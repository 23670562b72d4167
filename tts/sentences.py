"""Split agent text into sentences, so the first sentence can be spoken while the rest renders.

Time to first audio is what a person on the phone notices; synthesizing a reply one sentence
at a time lets the line start playing after the first sentence instead of the whole turn. A
sentence also becomes the unit of the `mark` that tells which text was actually heard.

Rules, the same for every language unless noted:
- a sentence ends at a run of `. ? ! …` (also full-width `。？！`), with any closing quotes or
  brackets that follow, when whitespace or the end of the text comes next, and at line breaks;
- Korean (`language="ko"`) sentences also end where a Hangul syllable comes straight after the
  punctuation, because Korean text from models and people often drops the space
  ("네, 알겠어요.식사는 하셨어요?");
- a period does not end a sentence after a known abbreviation ("Dr.", "Mr.", "e.g."), after
  a single capital initial ("J. Smith"), or inside a number ("3.5", which never has a space);
- nothing ends where the next word starts with a lower-case letter ('"Really?" she asked.',
  "Well... maybe"): in cased scripts that word continues the sentence;
- a piece with no letters or digits ("...", "!") joins the sentence before it, so nothing
  empty or unspeakable is ever returned.
"""

from __future__ import annotations

import re

# Lower-case, without the final period. Titles and Latin shorthands that are followed by more
# of the same sentence; "etc." is left out because it ends sentences at least as often.
ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "no", "approx",
        "dept", "fig", "e.g", "i.e", "a.m", "p.m", "u.s", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }
)  # fmt: skip

_TERMINAL = r"[.?!…。？！]+"
_CLOSERS = r"[\"'”’»)\]}」』]*"
_BOUNDARY = re.compile(rf"({_TERMINAL}){_CLOSERS}")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_SPEAKABLE = re.compile(r"\w")


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Sentences of `text`, stripped, in order; `[]` for blank text."""
    if not isinstance(text, str):
        raise TypeError(f"split_sentences takes str text, got {type(text).__name__}")
    korean = language.lower().startswith("ko")
    pieces: list[str] = []
    for line in text.splitlines():
        pieces.extend(_split_line(line, korean=korean))
    return _merge_unspeakable(pieces)


def _split_line(line: str, *, korean: bool) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        end = match.end()
        following = line[end : end + 1]
        if following and not following.isspace():
            if not (korean and _HANGUL.match(following)):
                continue  # "3.5", "e.g.x", "Hello.World": not a boundary
        if match.group(1) == "." and _is_abbreviation(line[start : match.start()]):
            continue
        if line[end:].lstrip()[:1].islower():
            continue  # '"Really?" she asked.', 'Well... maybe': the sentence goes on
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return [p.strip() for p in pieces if p.strip()]


def _is_abbreviation(before: str) -> bool:
    word = _WORD_BEFORE.search(before)
    if word is None:
        return False
    token = word.group(1).lower().lstrip(".")
    if token in ABBREVIATIONS:
        return True
    # A single capital initial ("J. Smith"); a lone lower-case letter may end a sentence.
    original = word.group(1)
    return len(original) == 1 and original.isupper() and original.isascii()


def _merge_unspeakable(pieces: list[str]) -> list[str]:
    merged: list[str] = []
    for piece in pieces:
        if merged and not _SPEAKABLE.search(piece):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    # A leading unspeakable piece ("... well, yes.") joins the sentence after it.
    if len(merged) > 1 and not _SPEAKABLE.search(merged[0]):
        merged[1] = f"{merged[0]} {merged[1]}"
        del merged[0]
    return merged
