"""The call report a care worker reads: alerts first, then answers, summary and transcript.

A report can be made at any moment of a call (the line may drop mid-question), so every field
has a meaning for a partial call: items never reached are `skipped`, `completion` counts only
what was answered, and `reason`/`outcome` say how far the call got.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel

from dialogue.scenario import DONT_KNOW, SEVERITY_RANK, Severity

Status = Literal["answered", "unanswered", "skipped"]


class ItemResult(BaseModel):
    item_id: str
    topic: str
    required: bool = True
    status: Status = "skipped"
    answer_class: str | None = None
    evidence: str = ""
    confidence: float = 0.0
    detail: str | None = None  # e.g. which body part hurts
    followup: str | None = None  # what the person answered to the follow-up question
    summary: str = ""  # short phrase for the summary ("slept poorly")


class Alert(BaseModel):
    # "check": a red flag the person neither confirmed nor denied, raised only by the learned
    # layer: urgent, a care worker to call back (dialogue.safety.flow.ESCALATION)
    kind: Literal["flag", "emergency", "callback", "no_response", "request", "check"]
    severity: Severity
    note: str
    item_id: str | None = None
    evidence: str = ""
    t: float | None = None  # seconds into the call


class TranscriptEntry(BaseModel):
    speaker: Literal["agent", "person"]
    text: str
    t: float  # seconds into the call
    complete: bool = True  # False: the person cut the agent off (barge-in)
    situation: str | None = None  # agent turns: the response bank's situation it reacted to


class GuardEvent(BaseModel):
    """A sentence the guard stopped before it was spoken, and what was said instead."""

    t: float  # seconds into the call
    kind: str  # the turn's kind: question, followup, closing, ...
    item_id: str | None = None
    categories: list[str]
    evidence: list[str]
    rejected: str  # what the LLM wanted to say
    said: Literal["retry", "template", "safe line"] = "template"  # what went out instead


class SafetyCheck(BaseModel):
    """A red flag the agent asked about with one direct question, and what came of it."""

    t: float  # seconds into the call
    category: str  # dialogue.safety's category
    evidence: str  # what the person said that raised it
    answer: Literal["no", "yes", "unclear", "silence"] = "no"
    item_id: str | None = None
    reading: str | None = None  # the reply as read (dialogue.safety.replies.READINGS)
    layer: str | None = None  # what raised the flag: "rules", "learned" or "llm"


class CallReport(BaseModel):
    recipient_id: str
    recipient_name: str
    scenario_id: str
    language: str
    started: datetime
    ended: datetime
    reason: str  # why the line ended: completed, hung_up, broken_off, ...
    outcome: str  # how far the conversation got: completed, wrong_person, emergency, ...
    items: list[ItemResult]
    alerts: list[Alert]
    completion: float  # answered required items / required items
    summary: str
    transcript: list[TranscriptEntry]
    recording: str | None = None
    guard_interventions: list[GuardEvent] = []
    safety_checks: list[SafetyCheck] = []  # red flags asked about (an emergency is an alert)
    llm_turns: int = 0  # agent turns worded by the LLM (the rest: the scenario's templates)
    llm_fallbacks: int = 0  # LLM turns or extractions that failed or were unusable

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)

    @classmethod
    def from_json(cls, text: str) -> CallReport:
        return cls.model_validate_json(text)

    def to_text(self) -> str:
        return render_text(self)

    def transcript_lines(self) -> list[tuple[str, str]]:
        """(speaker, text) per turn; an agent line the person cut off ends with "…"."""
        return [(e.speaker, e.text + ("" if e.complete else " …")) for e in self.transcript]


_LABELS = {
    "en": {
        "title": "Care call report",
        "alerts": "ALERTS",
        "none": "none",
        "summary": "SUMMARY",
        "answers": "ANSWERS",
        "transcript": "TRANSCRIPT",
        "agent": "Agent",
        "recording": "Recording",
        "completion": "answered",
        "guard": "Guard: {n} sentence(s) stopped before they were spoken",
        "checks": "Asked about a red flag (the person said no)",
    },
    "ko": {
        "title": "돌봄 전화 보고서",
        "alerts": "알림",
        "none": "없음",
        "summary": "요약",
        "answers": "응답",
        "transcript": "통화 기록",
        "agent": "상담원",
        "recording": "녹음",
        "completion": "응답률",
        "guard": "가드: 말하기 전에 막은 문장 {n}개",
        "checks": "위험 신호 확인 질문 (아니라고 답하심)",
    },
}


def _clock(t: float) -> str:
    return f"{int(t) // 60:02d}:{int(t) % 60:02d}"


def sorted_alerts(alerts: list[Alert]) -> list[Alert]:
    return sorted(alerts, key=lambda a: (-SEVERITY_RANK[a.severity], a.t or 0.0))


def render_text(report: CallReport) -> str:
    lb = _LABELS.get(report.language, _LABELS["en"])
    lines = [
        f"{lb['title']} — {report.recipient_name} ({report.recipient_id})",
        f"{report.scenario_id} · {report.started:%Y-%m-%d %H:%M} – {report.ended:%H:%M:%S} · "
        f"{report.reason}/{report.outcome} · {lb['completion']} {report.completion:.0%}",
        "",
        lb["alerts"],
    ]
    alerts = sorted_alerts(report.alerts)
    for alert in alerts:
        where = f"{alert.item_id}: " if alert.item_id else ""
        said = f' — "{alert.evidence}"' if alert.evidence else ""
        lines.append(f"  [{alert.severity.upper()}] {where}{alert.note}{said}")
    if not alerts:
        lines.append(f"  {lb['none']}")
    if report.safety_checks:
        lines += ["", lb["checks"]]
        lines += [
            f'  [{_clock(c.t)}] {c.category}: "{c.evidence}"'
            + (f" ({c.reading}, {c.layer})" if c.reading and c.layer else "")
            for c in report.safety_checks
        ]
    lines += ["", lb["summary"], f"  {report.summary}", "", lb["answers"]]
    width = max((len(r.item_id) for r in report.items), default=0)
    for r in report.items:
        answer = r.answer_class or "-"
        said = f' "{r.evidence}" ({r.confidence:.2f})' if r.evidence else ""
        extra = f" + {r.followup!r}" if r.followup else ""
        lines.append(f"  {r.item_id:<{width}}  {r.status:<10}  {answer}{said}{extra}")
    lines += ["", lb["transcript"]]
    for e in report.transcript:
        who = lb["agent"] if e.speaker == "agent" else report.recipient_name
        cut = " …" if not e.complete else ""
        lines.append(f"  [{_clock(e.t)}] {who}: {e.text}{cut}")
    if report.guard_interventions:
        lines += ["", lb["guard"].format(n=len(report.guard_interventions))]
        for g in report.guard_interventions:
            lines.append(f"  [{_clock(g.t)}] {', '.join(g.categories)}: {g.rejected!r} -> {g.said}")
    if report.recording:
        lines += ["", f"{lb['recording']}: {report.recording}"]
    return "\n".join(lines) + "\n"


def summarize(name: str, language: str, items: list[ItemResult], alerts: list[Alert]) -> str:
    """One or two sentences built only from what the person answered."""
    required = [r for r in items if r.required]
    answered = [r for r in required if r.status == "answered"]
    phrases = []
    for r in items:
        if r.status == "answered" and r.answer_class == DONT_KNOW:
            phrases.append(f"{r.topic}: " + ("모름" if language == "ko" else "doesn't know"))
        elif r.status == "answered":
            phrases.append(r.summary)
        elif r.status == "unanswered":
            phrases.append(f"{r.topic}: " + ("응답 없음" if language == "ko" else "no answer"))
    notes = [a.note for a in sorted_alerts(alerts)]
    if language == "ko":
        text = f"{name}님은 필수 항목 {len(required)}개 중 {len(answered)}개에 답했습니다."
        if phrases:
            text += " " + ", ".join(phrases) + "."
        if notes:
            text += " 주의: " + "; ".join(notes) + "."
        return text
    text = f"{name} answered {len(answered)} of {len(required)} check-in items."
    if phrases:
        body = "; ".join(phrases)
        text += " " + body[:1].upper() + body[1:] + "."
    if notes:
        text += f" Alert{'s' if len(notes) > 1 else ''}: " + "; ".join(notes) + "."
    return text
