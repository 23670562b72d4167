"""Korean analysis with Kiwi (`kiwipiepy`; its model ships inside `kiwipiepy-model`).

Morphemes, not words: 아파요 / 아프네 / 아퍼 / 아파 죽겠어 all give the stem 아프, so rules over
lemmas do not care about endings, 존댓말 or 반말. Kiwi re-spaces as it analyses, so ASR text
without spaces or punctuation ("숨이안쉬어져") splits as well as written text, and it finds
sentence boundaries without punctuation.

One `Kiwi` per process, built on first use and shared. Without its two optional dictionaries
(Wikipedia proper nouns and WikiData multi-word names, which a care call does not need and
which once split 들어와 as a name) it takes about 0.8 s and 240 MB instead of 2.5 s and 490 MB,
with the same results on the safety tests and the dev set. Kiwi finishes initialising inside
its first call and its binding holds the GIL while analysing, so calls from executor threads
are serialised under a lock: no throughput is lost (1-1.5 ms per utterance on these machines)
and no two threads race that initialisation.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from typing import TYPE_CHECKING

from dialogue.analysis import Analysis, Token

if TYPE_CHECKING:  # pragma: no cover
    from kiwipiepy import Kiwi

# Kiwi's typo model for spoken text: common misspellings, syllables run together
# ("쓰러저써요" -> 쓰러지+었+어요) and lengthened vowels. It doubles the cost (0.5 -> 1.1-1.5 ms
# per utterance on the dev set) and catches ASR-style spellings the plain model misses.
_TYPOS = "basic_with_continual_and_lengthening"

# Colloquial spellings that Kiwi's typo model does not know, replaced syllable for syllable (same
# length, so offsets into the original text stay right): 아퍼요 for 아파요, 배고퍼 for 배고파.
_SPOKEN = [
    (re.compile(r"아퍼"), "아파"),
    (re.compile(r"아펐"), "아팠"),
    (re.compile(r"고퍼"), "고파"),
    (re.compile(r"고펐"), "고팠"),
    (re.compile(r"(?<=[고])십(?=[어었다은을])"), "싶"),  # 죽고십어요
    (re.compile(r"쑴(?=[이을도])"), "숨"),
    (re.compile(r"갠찮|갠찬|괜찬|갠챦"), "괜찮"),  # 갠찬아요 (spoken, ASR)
    (re.compile(r"가심(?=[이은을도])"), "가슴"),  # 가심이 아파요 (spoken)
    (re.compile(r"드러(?=\s?[오와왔온])"), "들어"),  # 누가 드러왔어요
]

_lock = threading.Lock()
_kiwi: Kiwi | None = None


def kiwi() -> Kiwi:
    """The process's one Kiwi, built and warmed on first use."""
    global _kiwi
    with _lock:
        if _kiwi is None:
            from kiwipiepy import Kiwi

            built = Kiwi(load_default_dict=False, load_multi_dict=False)
            built.tokenize("")  # finishes Kiwi's own lazy initialisation now
            _kiwi = built
        return _kiwi


def _spoken(text: str) -> str:
    for pattern, standard in _SPOKEN:
        text = pattern.sub(standard, text)
    return text


def analyze(text: str) -> Analysis:
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        return Analysis(text=text, language="ko")
    model = kiwi()
    with _lock:
        raw = model.tokenize(_spoken(text), typos=_TYPOS)
    tokens = tuple(
        Token(
            surface=text[t.start : t.end],
            lemma=t.form,
            tag=t.tag,
            start=t.start,
            end=t.end,
            sentence=t.sent_position,
        )
        for t in raw
    )
    return Analysis(text=text, language="ko", tokens=tokens)
