"""One language analysis for everything that judges what was said: emergencies (P2), the role
guard on every agent sentence (P3), retrieval (P4).

Korean goes through Kiwi (`kiwipiepy`: morphemes with their tags, so intensifiers, spacing and
endings do not matter); English through a tokenizer and lemmas. Each language is one module
(`analysis.en`, `analysis.ko`) exposing `analyze(text) -> Analysis`; `analyze` here picks it.
Models load once per process, on first use.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Token:
    """One word (English) or morpheme (Korean) of an utterance."""

    surface: str  # as written (lowercased for English)
    lemma: str  # dictionary form: "fell" -> "fall"; 아파요 -> 아프 (Kiwi's form)
    tag: str  # part of speech: Kiwi's tag for Korean ("NNG", "VV", "EF", ...); a coarse one
    # for English ("NOUN", "VERB", "ADJ", "ADV", "PRON", "DET", "ADP", "PART", "NUM", "X")
    start: int  # character offsets in the analysed text
    end: int
    sentence: int = 0  # index of the sentence the token belongs to


@dataclass(frozen=True)
class Analysis:
    text: str
    language: str
    tokens: tuple[Token, ...] = field(default_factory=tuple)
    cased: str = ""  # English: `text` before lower-casing, same offsets ("" if unknown)

    def lemmas(self) -> list[str]:
        return [t.lemma for t in self.tokens]

    def span(self, first: int, last: int) -> str:
        """The original text from token `first` to token `last` (inclusive)."""
        return self.text[self.tokens[first].start : self.tokens[last].end]


def analyze(text: str, language: str) -> Analysis:
    if language == "ko":
        from dialogue.analysis import ko

        return ko.analyze(text)
    from dialogue.analysis import en

    return en.analyze(text)
