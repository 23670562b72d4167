"""The safety side of one call: every utterance is assessed before the check-in goes on.

- `emergency`: the alert is stored (durably, before anything is said), the call may be handed
  to a person, and the agent says the emergency script: that it is alerting the care worker
  only when that is true, otherwise to call the emergency number now.
- `check`: the agent asks one direct question ("Are you having trouble breathing right now?").
  Yes, silence or a reply that is neither yes nor no counts as an emergency; a clear no lets the
  check-in go on where it was.
- `none`: the check-in goes on.

Pure apart from the alert sink it is given: text in, `SafetyTurn` out.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from dialogue.safety import Assessment, Decision, Finding
from dialogue.safety.scripts import check_question, emergency_script, relieved

if TYPE_CHECKING:
    from dialogue.scenario import Item


class Assessor(Protocol):
    def assess(self, text: str, language: str) -> Assessment: ...


def _assess(assessor: Assessor, text: str, language: str, asked: Item | None) -> Assessment:
    """`asked` (the check-in item just asked) reaches assessors that take it (the
    `EmergencyDetector`: its learned layer wants a margin on plain answers to it)."""
    if asked is None or not _takes_asked(assessor):
        return assessor.assess(text, language)
    return assessor.assess(text, language, asked=asked)  # type: ignore[call-arg]


def _takes_asked(assessor: Assessor) -> bool:
    try:
        params = inspect.signature(assessor.assess).parameters
    except (TypeError, ValueError):
        return False
    return "asked" in params or any(p.kind is p.VAR_KEYWORD for p in params.values())


class CallAlerts(Protocol):
    """Alerting for one call (the composition root binds call id and recipient)."""

    @property
    def configured(self) -> bool:
        """A channel will deliver what is raised (webhook, SMS, dashboard)."""
        ...

    def raise_alert(self, category: str, severity: str, evidence: str) -> bool:
        """Store the alert durably; True once stored."""
        ...

    def hand_off(self) -> bool:
        """Connect the live call to a person (Twilio); True when it is being done."""
        ...


@dataclass(frozen=True)
class SafetyTurn:
    kind: Literal["check", "emergency", "clear"]
    text: str
    finding: Finding | None = None
    alerted: bool = False  # stored, and a channel will deliver it
    handed_off: bool = False
    held: str = ""  # "clear": what the person said that raised the flag (still to be answered)


_YES = {
    "en": re.compile(
        r"\b(yes|yeah|yep|yup|ya|uh huh|mhm|i am|i do|i did|it is|it does|it did|right|"
        r"correct|sure|true|i think so)\b"
    ),
    "ko": re.compile(r"(^|\s)(네|예|응|어|그래요|그래|맞아요|맞아|그렇습니다|그렇네요|그런 것 같)"),
}
_NO = {
    "en": re.compile(
        r"\b(no|nope|nah|not really|not at all|i'm fine|im fine|i am fine|i'm okay|im okay|"
        r"i'm ok|i am okay|i'm alright|i'm all right|i'm good|im good|all good|it's fine|"
        r"i don't|i dont|i didn't|i didnt|i'm not|im not|i am not|it isn't|there isn't|"
        r"nothing like that)\b"
    ),
    "ko": re.compile(r"(아니|아뇨|아녜요|괜찮|안 그래|없어요|없어|없습니다|안 나요|안 났어요)"),
}
_UNSURE = {
    "en": re.compile(r"\b(not sure|don't know|dont know|maybe|i guess|kind of|a little)\b"),
    "ko": re.compile(r"(모르겠|글쎄|좀|조금|약간)"),
}


def answer_to_check(text: str, language: str) -> Literal["yes", "no", "unclear"]:
    """A reply to a check question. Unsure, mixed or garbled is "unclear", never a no."""
    lang = language if language in _YES else "en"
    said = " ".join(text.lower().replace(",", " ").replace(".", " ").split())
    if _UNSURE[lang].search(said):
        return "unclear"
    no, yes = _NO[lang].search(said), _YES[lang].search(said)
    if no and not yes:
        return "no"
    if yes and not no:
        return "yes"
    return "unclear"


class SafetyFlow:
    def __init__(
        self,
        assessor: Assessor,
        language: str,
        *,
        alerts: CallAlerts | None = None,
        severity: dict[str, str] | None = None,
        advice: dict[str, str] | None = None,
        number: str | None = None,
    ) -> None:
        self.assessor = assessor
        self.language = language
        self.alerts = alerts
        self.severity = severity or {}  # category -> severity (scenario rules have their own)
        self.advice = advice or {}  # category -> the scenario's own script for its rule
        self.number = number
        self.checking: Finding | None = None  # the red flag the open question is about
        self._held = ""  # ... and what the person said that raised it
        self.cleared: set[str] = set()  # categories the person has said no to: not asked again
        self.raised: list[SafetyTurn] = []

    @property
    def pending(self) -> bool:
        return self.checking is not None

    def hear(self, text: str, *, asked: Item | None = None) -> SafetyTurn | None:
        """What the safety side says to `text` (None: the check-in goes on); `asked`: the
        check-in item the person was just asked, where there is one."""
        assessment = _assess(self.assessor, text, self.language, asked)
        if assessment.decision is Decision.EMERGENCY:
            return self._emergency(self._decisive(assessment))
        if self.checking is not None:
            finding, self.checking = self.checking, None
            answer = answer_to_check(text, self.language)
            if answer == "no" and assessment.decision is Decision.NONE:
                self.cleared.add(finding.category)
                return SafetyTurn("clear", relieved(self.language), finding, held=self._held)
            evidence = f"{finding.evidence} / {text.strip()}"
            return self._emergency(Finding(finding.category, Decision.EMERGENCY, evidence))
        if assessment.decision is Decision.CHECK:
            flags = [f for f in assessment.findings if f.category not in self.cleared]
            if not flags:
                return None  # asked already this call, and the person said no
            self.checking = self._decisive(Assessment(Decision.CHECK, tuple(flags)))
            self._held = text
            return SafetyTurn("check", check_question(self.checking.category, self.language))
        return None

    def _decisive(self, assessment: Assessment) -> Finding:
        """The finding that decided; among equals, the scenario's own rule (more specific:
        anaphylaxis rather than breathing after a vaccination)."""
        top = [f for f in assessment.findings if f.decision is assessment.decision]
        own = [f for f in top if f.category in self.severity]
        return (own or top or [assessment.top])[0]

    def silence(self) -> SafetyTurn | None:
        """Silence after a check question is an emergency: nobody answering is no all-clear."""
        if self.checking is None:
            return None
        finding, self.checking = self.checking, None
        evidence = f"{finding.evidence} / (no answer)"
        return self._emergency(Finding(finding.category, Decision.EMERGENCY, evidence))

    def _emergency(self, finding: Finding) -> SafetyTurn:
        self.checking = None
        severity = self.severity.get(finding.category, "critical")
        stored = False
        handed_off = False
        if self.alerts is not None:
            stored = self.alerts.raise_alert(finding.category, severity, finding.evidence)
            handed_off = stored and self.alerts.hand_off()
        alerted = stored and self.alerts is not None and self.alerts.configured
        text = emergency_script(
            finding.category,
            self.language,
            alerted=alerted,
            handed_off=handed_off,
            number=self.number,
            advice=self.advice.get(finding.category),
        )
        turn = SafetyTurn("emergency", text, finding, alerted, handed_off)
        self.raised.append(turn)
        return turn
