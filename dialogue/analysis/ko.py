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
from dialogue.analysis.ko_dialect import standard as dialect_standard

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
    (re.compile(r"(?<=고 )십(?=[어었다은을지])"), "싶"),  # 죽고 십어요, 살고 십지
    (re.compile(r"쑴(?=[이을도])"), "숨"),
    (re.compile(r"갠찮|갠찬|괜찬|갠챦"), "괜찮"),  # 갠찬아요 (spoken, ASR)
    (re.compile(r"가심(?=[이은을도])"), "가슴"),  # 가심이 아파요 (spoken)
    (re.compile(r"드러(?=\s?[오와왔온])"), "들어"),  # 누가 드러왔어요
    # Dialect endings, same length: 충청/전라 혀 for 해 (답답혀요), 겄 for 겠 (못 살겄어),
    # 경상 예 for 요 after 어/아 (깼어예), and 구녕 for 구멍 (숨구녕).
    (re.compile(r"(?<=[가-힣])(?<!전)혀(?=요)"), "해"),  # (not 전혀요)
    (re.compile(r"(?<=[가-힣])겄(?=[어다네지소])"), "겠"),
    (re.compile(r"(?<=[었았였어아])예(?=$|[\s.,?!])"), "요"),
    (re.compile(r"구녕"), "구멍"),
    # Endings typed or heard as 여 for 요 (주세여, 없어여, 멈처여).
    (re.compile(r"(?<=[세어아해워와봐줘져쳐처])여(?=$|[\s.,?!])"), "요"),
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
    return dialect_standard(text)


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


# Morphemes that carry what a remark is about, for retrieval (P4): nouns, numerals, verb and
# adjective stems, roots, adverbs (안, 못, 너무, 어제), negative 아니다 and foreign words.
# Particles, endings, suffixes, bound nouns, pronouns and interjections (네, 아니요) are left
# out: they say how something was said, not what about.
_CONTENT_TAGS = frozenset({"NNG", "NNP", "NR", "VV", "VA", "XR", "MAG", "SL", "VCN"})
# Question words (pronouns and determiners, otherwise left out): what tells "누가 보냈어요?"
_QUESTION_WORDS = frozenset({"누구", "어디", "뭐", "무엇", "언제", "몇", "무슨", "어느", "얼마"})
# Endings that only ask (어요 both asks and tells: only a question mark or a question word does)
_QUESTION_ENDINGS = frozenset(
    "니 냐 나요 나 까 까요 을까요 ᆯ까요 을까 ᆯ까 습니까 ᆸ니까 는지 는지요 가요 는가 래요 ᆯ래요 "
    "을래요".split()
)


def content_lemmas(text: str | Analysis) -> list[str]:
    """The content morphemes of `text` (or of its analysis) as lemmas, in order. Verb and
    adjective stems get 다 (먹다, 아프다) so that the verb 자다 and the noun 자 stay apart."""
    analysis = analyze(text) if isinstance(text, str) else text
    out = []
    for token in analysis.tokens:
        tag = token.tag.split("-")[0]  # VA-I, VV-R: Kiwi marks irregular conjugations
        if token.lemma in _QUESTION_WORDS and tag in ("NP", "MM", "MAG", "NR"):
            out.append(token.lemma)
            continue
        if tag == "NNB" and token.lemma in ("살", "년생"):  # 몇 살, 몇 년생: an age
            out.append(token.lemma)
            continue
        if tag not in _CONTENT_TAGS:
            continue
        out.append(token.lemma + "다" if tag in ("VV", "VA", "VCN") else token.lemma)
    return out


# After 몇 and its counter, what makes it "some" rather than "how many?" (몇 달째 소식이 없어요).
_SOME = frozenset({"째", "씩", "만", "동안", "간", "전", "이나", "나"})


def is_question(text: str | Analysis) -> bool:
    """Whether `text` (or its analysis) asks something: a question mark, a question word (누구,
    어디, 몇 ...) or an ending that only asks (먹었니, 하셨나요, 추울까요). 먹었어요 without a mark
    is not one."""
    analysis = analyze(text) if isinstance(text, str) else text
    if "?" in analysis.text:
        return True
    words = [t for t in analysis.tokens if not t.tag.startswith("S")]  # no punctuation
    for index, token in enumerate(words):
        tag = token.tag.split("-")[0]
        if token.lemma in _QUESTION_WORDS and tag in ("NP", "MM", "MAG", "NR"):
            after = {t.lemma for t in words[index + 1 : index + 4]}
            if token.lemma == "몇" and after & _SOME:
                continue  # 몇 달째, 몇 번씩, 몇 년 만에: "some", not "how many?"
            return True
    last = words[-1] if words else None
    return last is not None and last.tag in ("EF", "EC") and last.lemma in _QUESTION_ENDINGS


def is_request(text: str | Analysis) -> bool:
    """Whether `text` (or its analysis) asks the listener to do something: a present ending
    right after the helping verb 주다 (해 줘요, 연락해 주세요, 도와줘요). 사 줬어요 (past) tells
    what someone did."""
    analysis = analyze(text) if isinstance(text, str) else text
    words = [t for t in analysis.tokens if not t.tag.startswith("S")]
    if len(words) < 2 or words[-1].tag != "EF":
        return False
    helper = words[-2]
    return (helper.lemma, helper.tag) in (("주", "VX"), ("도와주", "VV"))
