"""Korean questions to the agent, decided by the question's shape (P4).

Questions to the agent are a closed family: who are you, are you a person, how old, where from,
who gave you my number, are you not tired, can you come. A caller nobody here wrote asks them in
words the bank's triggers do not share ("아가씨는 진짜 사람이요, 기계요? 목소리가 하도 곱길래"
shares 아가씨 and 목소리 with "how are you?" as much as 사람 with "are you a person?"), so word
overlap ranks them by accident. Here the family is told by its shape instead: the utterance
asks (a question mark, a question word, an asking ending, a request), and a sentence of it names
the attribute asked (이름, 나이, 기계, 고향, 번호, 피곤하다 ...), about the agent, not about a
third person ("아들은 몇 살이더라?" asks nothing of the agent).

`shape(text)` gives the situation ids the shape decides, best first; the retriever scores them
`SHAPE_SCORE` (`dialogue.conversation.retrieve`), so a shape outranks any overlap, and the
bank's own triggers still decide every question without one.
"""

from __future__ import annotations

import re

from dialogue.analysis.ko_lexicon import HOUSEHOLD, KIN, words
from dialogue.analysis.ko_topics import fold

# The agent, addressed (2nd person, or what a caller calls the one on the phone).
AGENT = words("아가씨 댁 당신 그쪽 자네 너 본인 상담원 직원 총각 학생 처자 색시 그짝")
# A third person a question may be about instead ("우리 딸은 몇 살이더라?").
THIRD = frozenset(fold(w) for w in KIN | HOUSEHOLD) | words(
    "엄마 아버지 어머니 아빠 친구 이웃 옆집 동생 언니 오빠 누나 형 벗 손주 자식 남편 아내"
)

# (situation, the lemmas that name what is asked, lemmas of which one must come with them or
# None): first match wins.
_RULES: list[tuple[str, frozenset[str], frozenset[str] | None]] = [
    ("ask_recording", words("녹음 녹화 엿듣다"), None),
    ("ask_real_person", words("기계 로봇 인공지능 자동 녹음기 ARS ars"), None),
    ("ask_real_person", words("사람"), words("진짜 정말 참말 맞다 진짜로 정말로 실제")),
    (
        "ask_who_gave_number",
        words("번호 전화번호 연락처"),
        words("알다 주다 가르치다 어디 누구 어떻게 어떻다 얻다 나다"),
    ),
    ("ask_agent_name", words("이름 성함 존함"), None),
    ("ask_agent_age", words("나이 연세 살 년생 띠"), words("몇 어떻다 얼마 되다 많다 젊다 먹다")),
    ("ask_where_from", words("고향 말씨 사투리 소속 어디서"), None),
    ("ask_agent_where_live", words("살다 집 동네"), words("어디 어느 근처")),
    ("ask_agent_married", words("결혼 신랑 남자친구 애인 애기"), None),
    (
        "ask_agent_tired",
        words("피곤 피곤하다 힘들다 지치다 지겹다 고단 고단하다 쉬다 고생 힘드시다"),
        None,
    ),
]
# A request to come that is about fixing something is help with a chore, not a visit.
_CHORE = words("고치다 고장 잘못 잘못되다 리모컨 요금 서류 고지서 전기 보일러 깜빡거리다 망가지다")
_COME = words("오다 방문 들르다")


def _sentences(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"(?<=[.?!])\s+|\n", text) if p.strip()]
    return parts or [text.strip()]


def shape(text: str) -> list[str]:
    """Situation ids of questions to the agent that `text` asks by its shape, best first."""
    from dialogue.conversation.terms import read

    found, asking = read(text, "ko")
    if not asking:
        return []
    out: list[str] = []
    for sentence in _sentences(text):
        lemmas = set(read(sentence, "ko")[0])
        addressed = bool(lemmas & AGENT)
        if lemmas & THIRD and not addressed:
            continue  # about someone else
        if lemmas & _COME and lemmas & _CHORE:
            out.append("ask_help_chores")
            continue
        for situation, asked, beside in _RULES:
            if lemmas & asked and (beside is None or lemmas & beside):
                if situation == "ask_agent_tired" and not (addressed or "전화" in lemmas):
                    continue  # "힘들지 않아요?" asked of the agent, not of the day
                out.append(situation)
                break
    return list(dict.fromkeys(out))
