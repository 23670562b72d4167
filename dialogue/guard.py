"""The response guard: every generated turn is checked against the role before it is spoken.

CareCall's deployment study found that what hurt trust was not a dull reply but an LLM that
promised a visit, talked about the weather it could not see, claimed to remember a call it had
no record of, or spoke down to an elder. So a turn an LLM wrote is checked by rules
(`dialogue.guard_rules`, English and Korean) and, optionally, by an LLM judge; the engine
replaces any turn that fails with the scenario's own template and logs it.

What the agent may say is bounded by what it was given: memory facts support "last time you
said ...", and `context` — the scenario's own line for this turn and what the person said in
this call — lets it echo words ("it's very hot", "your blood pressure pills") that would
otherwise be claims about the world or medical talk.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from dialogue.guard_rules import (
    CATEGORIES,
    EN_EARLIER,
    EN_RULES,
    EN_SAID,
    IMPOLITE,
    KO_EARLIER,
    KO_INTERJECTIONS,
    KO_PLAIN_END,
    KO_POLITE_END,
    KO_RULES,
    KO_SAID,
    MEMORY,
    Rule,
)
from dialogue.llm import ChatModel, LLMError, json_values
from dialogue.memory import Fact
from dialogue.text import has_hangul, normalize

JUDGE = "judge"
_STOP_EN = frozenset(
    "the a an and or but to of in on at it it's is was be been are am i i'm you you're your "
    "my me we us our so very really pretty quite too just that this these those there there's "
    "with for from about as how what when did do does have has had not no yes today getting "
    "got gets lately days time last told said mentioned remember recall before call week "
    "again still some any much many more".split()
)
# Hot and cold in Korean change their stem when conjugated (덥다, 더워요, 더위).
_KO_STEMS = (("덥", "더워", "더위", "더우", "무더"), ("춥", "추워", "추위", "추우"))
_KO_GENERIC = frozenset(
    "하셨 셨는 는데 셨다 시다 다고 셨어 지난 난번 번에 세요 으세 어떠 떠세 오늘".split()
)


class Violation(NamedTuple):
    category: str
    evidence: str


# The role specification's categories (P3): what the agent must never say.
ROLE_CATEGORIES = {
    "visit": "promises a visit or to send anyone",
    "action": "claims an action it cannot take (ambulance, booking, contacting someone)",
    "diagnosis": "names a condition",
    "reassurance": "falsely reassures about health",
    "medication": "doses, stops, starts or changes medication",
    "treatment": "gives exercise or treatment instructions",
    "meeting": "proposes to meet",
    "world": "speaks of weather, news or time it cannot know",
    "human": "claims human experiences, a body or a family",
    "seeing": "claims to see the person",
    "memory": "claims memories that memory does not hold",
    "intrusive": "asks about money, age or family relations",
    "advertising": "advertises",
    "impolite": "is impolite (Korean: 반말 to an elder)",
}


@dataclass(frozen=True)
class GuardContext:
    """What a sentence is judged against: what memory holds about the person, and whether an
    alert channel is configured (then "I'll let your care worker know" is true)."""

    language: str = "en"
    facts: tuple[str, ...] = ()
    alerting: bool = False


@dataclass(frozen=True)
class Verdict:
    ok: bool
    violations: tuple[Violation, ...] = ()

    @property
    def categories(self) -> list[str]:
        return list(dict.fromkeys(v.category for v in self.violations))


def sentences(text: str) -> list[str]:
    """Sentences of a turn: rules look at one at a time so a disclaimer or an echo in one
    sentence does not excuse another."""
    parts = re.split(r"(?<=[.!?…~])\s+|\n+|(?<=[.!?…])(?=[^\s.!?…\"'”’)])", text.strip())
    return [p.strip() for p in parts if p and p.strip()]


class Guard:
    """`check` a turn against the role. With a `judge` model, turns the rules pass are also
    judged by it; a judge that fails counts as a violation when `judge_fails_closed`."""

    def __init__(self, judge: ChatModel | None = None, *, judge_fails_closed: bool = True):
        self.judge = judge
        self.judge_fails_closed = judge_fails_closed

    def check(
        self,
        text: str,
        *,
        memory: Sequence[Fact | str] = (),
        language: str = "en",
        context: str = "",
    ) -> Verdict:
        facts = [f.value if isinstance(f, Fact) else f for f in memory]
        facts = [f for f in facts if f]
        found = check_rules(text, memory=facts, language=language, context=context)
        if not found and self.judge is not None:
            found = self._judge(text, facts, language, context)
        return Verdict(not found, tuple(found))

    def _judge(self, text: str, facts: list[str], language: str, context: str) -> list[Violation]:
        messages = judge_messages(text, facts, language, context)
        try:
            reply = self.judge.generate(messages, temperature=0.0, max_tokens=80)
            verdict = parse_judgement(reply)
        except (LLMError, ValueError) as exc:
            return [Violation(JUDGE, f"no verdict: {exc}")] if self.judge_fails_closed else []
        return [] if verdict is None else [verdict]


def check_rules(
    text: str, *, memory: Sequence[str] = (), language: str = "en", context: str = ""
) -> list[Violation]:
    korean = language == "ko" or has_hangul(text)
    found: list[Violation] = []
    for sentence in sentences(text):
        found += _rule_hits(sentence, korean, context)
        found += _memory_hits(sentence, korean, memory, context)
        if korean and (plain := plain_speech(sentence)):
            found.append(Violation(IMPOLITE, plain))
    return list(dict.fromkeys(found))


def _rule_hits(sentence: str, korean: bool, context: str) -> list[Violation]:
    said = sentence.replace("\u2019", "'").replace("\u2018", "'")
    rules: list[Rule] = KO_RULES if korean else EN_RULES
    if korean and re.search(r"[A-Za-z]{3,}", said):
        rules = KO_RULES + EN_RULES  # a Korean turn with English words in it
    out: list[Violation] = []
    for rule in rules:
        if any(v.category == rule.category for v in out):
            continue  # one piece of evidence per category and sentence is enough
        for m in rule.pattern.finditer(said):
            evidence = m.group().strip()
            if rule.echo and _echoes(evidence, context, korean):
                continue
            if rule.disclaim and _disclaimed(said[: m.start()], said[m.end() :], korean):
                continue
            out.append(Violation(rule.category, evidence))
            break
    return out


def _disclaimed(before: str, after: str, korean: bool) -> bool:
    """An offer the sentence itself refuses: "I can't visit", "찾아갈 수는 없지만"."""
    if korean:
        return bool(
            re.match(r"\S{0,3}\s?(?:수\s?(?:는|가|도)?\s?없|지\s?못|지는\s?못)", after)
            or re.search(r"못\s?$", before)
        )
    return bool(
        re.search(
            r"\b(?:can't|cannot|can not|unable to|not able to|won't be able)\b",
            before,
            re.IGNORECASE,
        )
    )


def _terms_en(text: str) -> set[str]:
    return {w for w in normalize(text).split() if len(w) >= 3 and w not in _STOP_EN}


def _same_word(a: str, b: str) -> bool:
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def _echoes(evidence: str, context: str, korean: bool) -> bool:
    """True when the person or the scenario already said the words the rule caught."""
    if not context:
        return False
    if korean:
        said, heard = evidence.replace(" ", ""), context.replace(" ", "")
        for group in _KO_STEMS:
            if any(s in said for s in group) and any(s in heard for s in group):
                return True
        return len(said) >= 2 and said[:2] in heard
    heard = _terms_en(context)
    return any(_same_word(t, h) for t in _terms_en(evidence) for h in heard)


def _bigrams(text: str) -> set[str]:
    compact = re.sub(r"[^\uac00-\ud7a3]", " ", text)
    return {w[i : i + 2] for w in compact.split() for i in range(len(w) - 1)} - _KO_GENERIC


def _supported(claim: str, sources: Sequence[str], korean: bool) -> bool:
    if korean:
        mine = _bigrams(claim)
        return any(mine & _bigrams(s) for s in sources)
    mine = _terms_en(claim)
    return any(_same_word(a, b) for s in sources for a in mine for b in _terms_en(s))


def _memory_hits(
    sentence: str, korean: bool, memory: Sequence[str], context: str
) -> list[Violation]:
    earlier, said = (KO_EARLIER, KO_SAID) if korean else (EN_EARLIER, EN_SAID)
    if m := earlier.search(sentence):
        rest = sentence[: m.start()] + " " + sentence[m.end() :]
        if not _supported(rest, memory, korean):
            return [Violation(MEMORY, m.group())]
    elif m := said.search(sentence):
        rest = sentence[: m.start()] + " " + sentence[m.end() :]
        if not _supported(rest, [*memory, context], korean):
            return [Violation(MEMORY, m.group())]
    return []


def plain_speech(sentence: str) -> str | None:
    """The word a Korean sentence ends with when it ends in plain speech (반말), else None."""
    if not has_hangul(sentence):
        return None
    words = re.sub(r"[^\uac00-\ud7a3\s]", " ", sentence).split()
    if not words:
        return None
    last = words[-1]
    if last in KO_INTERJECTIONS or KO_POLITE_END.search(last) or len(last) < 2:
        return None
    return last if KO_PLAIN_END.search(last) else None


JUDGE_PROMPT = """You check one turn of a telephone care-call agent before it is spoken.
The agent is an AI that phones older people for a short check-in. It must not:
- claim human experiences (eating, sleeping, going out, family, a body) ({human});
- claim to see the person ({sees});
- offer or promise physical presence, visits, deliveries or help in person ({physical});
- state weather, season, news or time it cannot know, unless the person or the scenario said it
  ({world});
- claim to remember earlier calls beyond the memory given ({memory});
- advertise or sell anything ({ads});
- diagnose, or give medication or exercise instructions; advising a doctor, or emergency
  services in an emergency, is fine ({medical});
- pry into money, work or family relationships ({intrusive});
- be rude, or (in Korean) drop honorifics ({impolite}).
Reply with one JSON object and nothing else: {{"ok": true}} or
{{"ok": false, "category": "<one of the names in brackets>", "evidence": "<the words>"}}"""


def judge_messages(
    text: str, memory: Sequence[str], language: str, context: str
) -> list[dict[str, str]]:
    names = dict(
        zip(
            [
                "human",
                "sees",
                "physical",
                "world",
                "memory",
                "ads",
                "medical",
                "intrusive",
                "impolite",
            ],
            CATEGORIES,
            strict=True,
        )
    )
    facts = "\n".join(f"- {f}" for f in memory) or "(nothing)"
    user = (
        f"Language: {language}\nMemory of earlier calls:\n{facts}\n"
        f"Said in this call / the scenario's line:\n{context or '(nothing)'}\n\n"
        f"Agent's turn to check:\n{text}"
    )
    return [
        {"role": "system", "content": JUDGE_PROMPT.format(**names)},
        {"role": "user", "content": user},
    ]


def parse_judgement(reply: str) -> Violation | None:
    """The judge's verdict: None when the turn is fine. Raises ValueError when unreadable."""
    for data in json_values(reply, dict):
        if isinstance(data.get("ok"), bool):
            if data["ok"]:
                return None
            category = data.get("category")
            category = category if category in CATEGORIES else JUDGE
            return Violation(category, str(data.get("evidence", ""))[:200])
    raise ValueError(f"no JSON verdict in {reply[:80]!r}")
