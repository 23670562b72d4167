"""Regional Korean (사투리) endings and verbs rewritten to the standard ones, syllable for syllable.

Older callers speak their region's Korean: 충청 마셔유 / 없슈 / 했쥬, 전라 묵었어라 / 했제 /
있는디, 경상 맞심더 / 개운합니더 / 친구라예 / 마싰어요. Kiwi and the scenarios' keywords know
the standard forms (마셔요, 없죠, 먹었어요, 맞습니다), so a caller who answers in dialect was
heard as saying nothing: the item was re-asked, the same words came back, and the call ran out
of questions or time.

Grammar, not phrases: each rule rewrites an ending or a verb stem that any sentence of that
region uses, only where the syllable before it makes it an ending (마셔유, not 우유 or 이유).
Every replacement has the length of what it replaces, so offsets into the original text stay
right (`dialogue.analysis.ko.analyze` keeps each token's surface from the original text).
"""

from __future__ import annotations

import re

_END = r"(?=$|[\s.,?!~…\"')])"  # the end of a word


def _final(jong: int) -> str:
    """Every syllable with final consonant number `jong` (20: ㅆ, the past of 왔, 갔, 했, 있)."""
    return "".join(chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 == jong)


_SS = _final(20)  # 왔 갔 했 봤 셨 있 겠 ...: a past or 있다 right before the ending

_HA_END = "[겄겠고지여요다네는니구]"  # the syllable of an ending after 하 / 허

DIALECT: list[tuple[re.Pattern[str], str]] = [
    # 충청: the polite ending 유 for 요 after a verb's ending (마셔유, 없어유, 그래유, 했는디유);
    # not after a noun's syllable (우유, 이유, 여유, 자유).
    (re.compile(rf"(?<=[어아해봐와워져쳐줘셔혀래돼지거데네나가{_SS}])유{_END}"), "요"),
    # 충청 슈 / 쥬 after a stem or tense (있슈, 없슈, 했슈, 그렇쥬): 죠, the same polite statement.
    (re.compile(rf"(?<=[{_SS}없렇좋많])슈{_END}"), "죠"),
    (re.compile(rf"(?<=[가-힣])쥬{_END}"), "죠"),
    # 충청 거여 for 거요 / 거야 (깼을 거여).
    (re.compile(rf"(?<=거)여{_END}"), "요"),
    # 충청/전라 아녀 for 아니야 / 아니요 (아녀, 아녀유).
    (re.compile(r"(?<![가-힣])아녀(?=$|[\s.,?!요유]|라)"), "아니"),
    # 충청 그류 / 그려 for 그래 (yes).
    (re.compile(rf"(?<![가-힣])그[류려]{_END}"), "그래"),
    # 전라: 어라 for 어요 after the past (묵었어라, 갔어라), 제 for 지 (했제, 그라제), 는디 for
    # 는데 (있는디, 했는디), 쪼깐 for 조금.
    (re.compile(rf"(?<=[{_SS}])어라{_END}"), "어요"),
    (re.compile(rf"(?<=[{_SS}라])제{_END}"), "지"),
    (re.compile(r"(?<=[는은])디(?=$|[\s.,?!~…요유]|도)"), "데"),
    (re.compile(r"쪼깐|쪼매"), "조금"),
    # 충청/전라 허다 for 하다 after 못 (못허겄어, 못 허고, 일어나덜 못혀): the unable 못하다 (not
    # 허리, 허락: only right after 못, before an ending's syllable).
    (re.compile(rf"(?:(?<=못)|(?<=못 ))허(?={_HA_END})"), "하"),
    # 경상/전라 묵다 for 먹다 (묵었어요, 안 묵었심더, 묵고); not 묵은지 (aged).
    (re.compile(r"(?<![가-힣])묵(?=[었어고는을지제])"), "먹"),
    # 경상: 심더 / 심니더 for 습니다 (맞심더, 먹었심더), 니더 for 니다 (개운합니더), 예 for 요
    # after an ending (없어예, 친구라예, 그렇지예), 싰 for 셨 (마싰어요: no standard word has 싰).
    (re.compile(r"심니더"), "습니다"),
    (re.compile(rf"심더{_END}"), "어요"),
    (re.compile(rf"(?<=[입습합됩갑십]니)더{_END}"), "다"),
    (re.compile(rf"(?<=[라지데네니죠다])예{_END}"), "요"),
    (re.compile(r"싰"), "셨"),
]


# Where the length may change (keyword matching over the text, `dialogue.extract`): the forms
# the scenarios' keywords are written in (없슈 -> 없어요, 맞심더 -> 맞습니다).
LONGER: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(?<=[{_SS}없])슈{_END}"), "어요"),
    (re.compile(rf"(?<=[{_SS}없맞])심더{_END}"), "습니다"),
]


def standard(text: str, *, keep_length: bool = True) -> str:
    """`text` with its regional endings and verbs in the standard form (of the same length,
    unless `keep_length` is false)."""
    for pattern, replacement in ([] if keep_length else LONGER) + DIALECT:
        text = pattern.sub(replacement, text)
    return text
