"""The safety side of one call: every utterance is assessed before the check-in goes on.

- `emergency`: the alert is stored (durably, before anything is said), the call may be handed
  to a person, and the agent says the emergency script: that it is alerting the care worker
  only when that is true, otherwise to call the emergency number now.
- `check`: the agent asks one direct question ("Are you having trouble breathing right now?").
  The reply is read by `dialogue.safety.replies` and acted on as `ESCALATION` says: in short,
  yes, the symptom, silence, doubt or a garbled reply is an emergency (as the issue asks: nobody
  answering is no all-clear); a request to repeat ("pardon?") gets the question once more; a
  clear reply about something else (the person goes on with the check-in) is an emergency when a
  rule raised the flag, and an urgent `check` alert for a care worker to call back (the call goes
  on) when only the learned layer or the LLM did; a clear no lets the check-in go on.
- `none`: the check-in goes on.

Pure apart from the alert sink it is given: text in, `SafetyTurn` out.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from dialogue.safety import Assessment, Decision, Finding
from dialogue.safety.detector import LEARNED
from dialogue.safety.replies import ESCALATING, read_reply
from dialogue.safety.scripts import call_back, check_question, emergency_script, relieved

# What the agent does with each reading of a reply to a check question (`dialogue.safety.
# replies`), in one place. "emergency": the alert and the emergency script, as for any
# emergency. "ask again": the same question once more (once a check; a second request to repeat
# is read "by strength"). "by strength": a flag raised by a
# rule (the detector's or the scenario's) is an emergency (safety first); one raised only by the
# learned layer or the LLM (`weak`) becomes an urgent `check` alert, stored and delivered like
# any alert, for a care worker to call the person back, and the check-in goes on. "go on": the
# check-in goes on where it was.
ESCALATION: dict[str, str] = {
    "yes": "emergency",
    "symptom": "emergency",
    "silence": "emergency",
    "repeat": "ask again",
    "unsure": "emergency",
    "unrelated": "by strength",
    "no": "go on",
}
CHECK_SEVERITY = "high"  # the urgent call-back alert: below an emergency's "critical"

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
    kind: Literal["check", "emergency", "clear", "callback"]
    text: str
    finding: Finding | None = None
    alerted: bool = False  # stored, and a channel will deliver it
    handed_off: bool = False
    held: str = ""  # "clear"/"callback": what raised the flag (still to be answered)
    reading: str = ""  # how the reply to the check question was read (dialogue.safety.replies)


def answer_to_check(text: str, language: str) -> Literal["yes", "no", "unclear"]:
    """A reply to a check question, in the three answers the report knows (kept for callers
    of the old reader): `dialogue.safety.replies` reads it; only a clear no is "no"."""
    kind = read_reply(text, language).kind
    return "yes" if kind in ESCALATING else "no" if kind == "no" else "unclear"


def weak(finding: Finding) -> bool:
    """A finding only the learned layer or the LLM's second opinion raised (no rule of the
    detector's nor of the scenario's): on its own it is a low-confidence red flag."""
    return finding.rule.startswith((LEARNED, "llm:"))


def raised_by(finding: Finding) -> str:
    """What raised a red flag: "rules", or the learned layer / the LLM alone."""
    if not weak(finding):
        return "rules"
    return "llm" if finding.rule.startswith("llm:") else "learned"


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
        self._asked_again = False  # ... and whether it was asked a second time
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
            return self._answered(text, assessment)
        if assessment.decision is Decision.CHECK:
            flags = [f for f in assessment.findings if f.category not in self.cleared]
            if not flags:
                return None  # asked already this call, and the person said no
            self.checking = self._decisive(Assessment(Decision.CHECK, tuple(flags)))
            self._held, self._asked_again = text, False
            return SafetyTurn("check", check_question(self.checking.category, self.language))
        return None

    def _answered(self, text: str, assessment: Assessment) -> SafetyTurn:
        """The reply to the open check question, acted on as `ESCALATION` says."""
        finding = self.checking
        reading = read_reply(text, self.language, assessment, category=finding.category)
        action = ESCALATION[reading.kind]
        if action == "ask again" and not self._asked_again:
            self._asked_again = True
            question = check_question(finding.category, self.language)
            return SafetyTurn("check", question, finding, reading=reading.kind)
        self.checking = None
        if action == "go on":
            self.cleared.add(finding.category)
            turn = SafetyTurn("clear", relieved(self.language), finding, held=self._held)
            return _with_reading(turn, reading.kind)
        evidence = f"{finding.evidence} / {text.strip() or '(no answer)'}"
        if action != "emergency" and weak(finding):
            return self._call_back(finding, evidence, reading.kind)
        turn = self._emergency(Finding(finding.category, Decision.EMERGENCY, evidence))
        return _with_reading(turn, reading.kind)

    def _call_back(self, finding: Finding, evidence: str, reading: str) -> SafetyTurn:
        """A low-confidence flag the reply neither confirmed nor denied: an urgent alert for a
        care worker to call back (stored before anything is said), and the check-in goes on."""
        self.cleared.add(finding.category)  # not asked again this call: a person will call
        stored = False
        if self.alerts is not None:
            stored = self.alerts.raise_alert(finding.category, CHECK_SEVERITY, evidence)
        alerted = stored and self.alerts is not None and self.alerts.configured
        flagged = Finding(finding.category, Decision.CHECK, evidence, finding.rule)
        text = call_back(self.language, alerted=alerted)
        turn = SafetyTurn("callback", text, flagged, alerted, held=self._held, reading=reading)
        self.raised.append(turn)
        return turn
        return None

    def _decisive(self, assessment: Assessment) -> Finding:
        """The finding that decided; among equals, the scenario's own rule (more specific:
        anaphylaxis rather than breathing after a vaccination)."""
        top = [f for f in assessment.findings if f.decision is assessment.decision]
        own = [f for f in top if f.category in self.severity]
        return (own or top or [assessment.top])[0]

    def silence(self) -> SafetyTurn | None:
        """Silence after a check question is an emergency (nobody answering is no
        all-clear)."""
        if self.checking is None:
            return None
        return self._answered("", Assessment(Decision.NONE))

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


def _with_reading(turn: SafetyTurn, reading: str) -> SafetyTurn:
    from dataclasses import replace

    return replace(turn, reading=reading)
