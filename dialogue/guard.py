"""The role guard: every sentence an LLM words is checked against the role before it is spoken.

CareCall's deployment study found that what hurt trust was not a dull reply but an LLM that
promised a visit, diagnosed, changed a dose, talked about weather it could not see, claimed to
remember a call it had no record of, or spoke down to an elder. So a turn is cut into
sentences, each sentence is analysed once (`dialogue.analysis`: lemmas for English, Kiwi
morphemes for Korean) and judged by its language's rules (`dialogue.guard_en`,
`dialogue.guard_ko`), then optionally by an LLM judge that can only add violations.

What may be said is decided by the sentence and by what the agent was given (`GuardContext`),
never by words it shares with what the person said: an LLM that heard "arthritis" and said
"That sounds like arthritis in your knees" was let through by that echo. Memory claims need
`context.facts`; "I'll let your care worker know" needs `context.alerting`.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from dialogue.analysis import Analysis, analyze
from dialogue.llm import ChatModel, LLMError, json_values
from dialogue.text import has_hangul

log = logging.getLogger("carecall.dialogue")

JUDGE = "judge"


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
    alert channel is configured (then "I'll let your care worker know" is true).

    `script` is the office's own scenario text: what the campaign told the agent (a heat-wave
    check-in may speak of the heat wave). A world claim it makes is let through for every
    language (`_office_knows`); it is never what the person said."""

    language: str = "en"
    facts: tuple[str, ...] = ()
    alerting: bool = False
    script: str = ""


@dataclass(frozen=True)
class Verdict:
    ok: bool
    violations: tuple[Violation, ...] = ()
    layer: str = "rules"  # which layer found them: "rules" | "learned" | "llm"

    @property
    def categories(self) -> list[str]:
        return list(dict.fromkeys(v.category for v in self.violations))


def sentences(text: str) -> list[str]:
    """Sentences of a turn: rules look at one at a time so a disclaimer or a referral in one
    sentence does not excuse another."""
    parts = re.split(r"(?<=[.!?…~])\s+|\n+|(?<=[.!?…])(?=[^\s.!?…\"'”’)])", text.strip())
    return [p.strip() for p in parts if p and p.strip()]


Rules = Callable[[Analysis, GuardContext], list[Violation]]
_MODULES: dict[str, Rules | None] = {}


def _language_rules(language: str) -> Rules | None:
    """`dialogue.guard_<language>.violations`, imported on first use; None when absent."""
    if language not in _MODULES:
        try:
            module = importlib.import_module(f"dialogue.guard_{language}")
            _MODULES[language] = module.violations
        except ModuleNotFoundError as exc:
            if exc.name != f"dialogue.guard_{language}":
                raise  # the module is there but broken: that must not pass silently
            log.info("no %s guard module (%s): using the regex rules", language, exc)
            _MODULES[language] = None
    return _MODULES[language]


def sentence_violations(sentence: str, context: GuardContext) -> list[Violation]:
    """One sentence, analysed once, judged by its language's rules."""
    korean = context.language == "ko" or has_hangul(sentence)
    language = "ko" if korean else "en"
    rules = _language_rules(language)
    if rules is None:  # the Korean module is being written: today's Korean regex rules
        from dialogue.guard_legacy import check_rules

        return check_rules(
            sentence, memory=context.facts, language=language, context=context.script
        )
    found = rules(analyze(sentence, language), context)
    if korean and re.search(r"[A-Za-z]{3,}", sentence) and (en := _language_rules("en")):
        found += en(analyze(sentence, "en"), context)  # English words in a Korean turn
    return [v for v in found if not _office_knows(v, context)]


def _office_knows(v: Violation, context: GuardContext) -> bool:
    """A world claim the office's own script makes (a heat-wave campaign's 폭염 특보): the one
    knowledge of the world the agent has. Only the script counts, never the person's words."""
    if v.category != "world" or not context.script:
        return False
    script = re.sub(r"\s+", "", context.script.lower())
    for chunk in re.findall(r"[\uac00-\ud7a3]{2,}|[a-z]{4,}", v.evidence.lower()):
        if (chunk[:2] if has_hangul(chunk) else chunk) in script:
            return True
    return False


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.lower())


def check_rules(text: str, context: GuardContext) -> list[Violation]:
    found: list[Violation] = []
    for sentence in sentences(text):
        found += sentence_violations(sentence, context)
    return list(dict.fromkeys(found))


class Guard:
    """`check` a turn against the role. With a `judge` model, turns the rules pass are also
    judged by it (it can only add violations); a judge that fails counts as a violation when
    `judge_fails_closed`. Between the two, the learned layer (`dialogue.learned`, when on:
    `learned=None` follows the process-wide switch) may add one violation per sentence the
    rules passed, named by its best category."""

    def __init__(
        self,
        judge: ChatModel | None = None,
        *,
        judge_fails_closed: bool = True,
        learned: bool | None = None,
    ):
        self.judge = judge
        self.judge_fails_closed = judge_fails_closed
        self.learned = learned

    def check(self, text: str, *, context: GuardContext | None = None) -> Verdict:
        context = context or GuardContext()
        found, layer = check_rules(text, context), "rules"
        if not found:
            found, layer = self._learned(text, context), "learned"
        if not found and self.judge is not None:
            found, layer = self._judge(text, context), "llm"
        return Verdict(not found, tuple(found), layer if found else "rules")

    def _learned(self, text: str, context: GuardContext) -> list[Violation]:
        from dialogue import learned

        if not (learned.enabled() if self.learned is None else self.learned):
            return []
        found = []
        script = _squash(context.script)
        for sentence in sentences(text):
            if script and _squash(sentence) in script:
                continue  # the office's own line, as written: the model has no say on it
            language = "ko" if context.language == "ko" or has_hangul(sentence) else "en"
            layer = learned.guard_layer(language)
            flagged = layer.flags(sentence) if layer is not None else None
            if flagged is None or _squash(sentence) in learned.own_sentences(language):
                continue  # (a line of the agent's own scenarios or bank, as written)
            violation = Violation(flagged[1], sentence[:200])
            if flagged[1] == "action" and language == "en" and _they_call(sentence):
                continue  # "If it comes back, ring for an ambulance": the person's call to make
            if flagged[1] in ("memory", "unsupported_memory") and context.facts:
                continue  # memory holds facts: whether they support the claim is the rules'
            if not _office_knows(violation, context):
                found.append(violation)
        return found

    def _judge(self, text: str, context: GuardContext) -> list[Violation]:
        messages = judge_messages(text, context)
        try:
            reply = self.judge.generate(messages, temperature=0.0, max_tokens=80)
            verdict = parse_judgement(reply)
        except (LLMError, ValueError) as exc:
            return [Violation(JUDGE, f"no verdict: {exc}")] if self.judge_fails_closed else []
        return [] if verdict is None else [verdict]


# An English sentence that tells the person to call for help, with no "I"/"we" doing it: the
# referral every scenario makes, never an action the agent claims.
_CALL_THEM = re.compile(
    r"(?:^|[,;:.]\s*|\b(?:please|then|just|always|straight away|immediately)\s+)"
    r"(?:call|ring|phone|dial|contact|get)\b(?: for)?(?: an?| the| your)?\s*"
    r"(?:ambulance|911|999|119|112|emergency|emergency services|doctor|gp|surgery|nurse|"
    r"police|fire brigade|fire service|help|out-of-hours)\b",
    re.IGNORECASE,
)
_AGENT_DOES = re.compile(r"\b(?:i|i'll|i'd|i've|i'm|we|we'll|we've|let me|let us|us)\b", re.I)


def _they_call(sentence: str) -> bool:
    return bool(_CALL_THEM.search(sentence)) and not _AGENT_DOES.search(sentence)


JUDGE_PROMPT = """You check one turn of a telephone care-call agent before it is spoken.
The agent is an AI that phones older people for a short check-in. It must not do any of these
(the category name is in brackets):
{categories}
Allowed: empathy, praise, questions, saying it is an AI, suggesting the person tell a doctor or
call emergency services, quoting what the person said, and mentioning earlier calls only as the
memory below says. {alerting}
Reply with one JSON object and nothing else: {{"ok": true}} or
{{"ok": false, "category": "<one of the names in brackets>", "evidence": "<the words>"}}"""


def judge_messages(text: str, context: GuardContext) -> list[dict[str, str]]:
    categories = "\n".join(f"- {text} ({name});" for name, text in ROLE_CATEGORIES.items())
    alerting = (
        "An alert channel is configured: it may say it will tell the person's care worker."
        if context.alerting
        else "No alert channel is configured: it must not say it will tell anyone."
    )
    facts = "\n".join(f"- {f}" for f in context.facts) or "(nothing)"
    user = (
        f"Language: {context.language}\nMemory of earlier calls:\n{facts}\n\n"
        f"Agent's turn to check:\n{text}"
    )
    system = JUDGE_PROMPT.format(categories=categories, alerting=alerting)
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def parse_judgement(reply: str) -> Violation | None:
    """The judge's verdict: None when the turn is fine. Raises ValueError when unreadable."""
    for data in json_values(reply, dict):
        if isinstance(data.get("ok"), bool):
            if data["ok"]:
                return None
            category = data.get("category")
            category = category if category in ROLE_CATEGORIES else JUDGE
            return Violation(category, str(data.get("evidence", ""))[:200])
    raise ValueError(f"no JSON verdict in {reply[:80]!r}")
