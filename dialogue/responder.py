"""LLM phrasing of agent turns, kept on script: the scenario decides, the LLM only words it.

The engine's state machine still chooses every turn from the scenario (which item, follow-up,
re-ask, closing) and renders its YAML template; the responder asks the LLM to say the same
thing naturally — under the scenario's persona, the role specification, what memory holds
and what the person just said — and keeps the template unless the result is a usable turn:
the right language and script, short, a question when a question is due and on the item's
topic, no leftover template fields or broken characters, and passed by the guard.

Any LLM failure (error, timeout, unusable text) and any guard violation give the template, so
a call with a broken or random model is exactly the offline call. Emergency scripts, the
greeting, the wrong-person message and alert closings are never rephrased: they carry safety
or identity wording that must be said word for word.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from dialogue.guard import Guard, GuardContext, Violation
from dialogue.llm import ChatModel, LLMError, Message
from dialogue.scenario import Item, Scenario
from dialogue.text import has_hangul, terms

log = logging.getLogger("carecall.dialogue")

PHRASED_KINDS = frozenset(
    {"question", "followup", "reprompt", "clarify", "closing", "topic", "return", "role"}
)
QUESTION_KINDS = frozenset(
    {"question", "followup", "reprompt", "clarify", "topic", "return", "role"}
)

ROLE_RULES = {
    "en": """Rules you always follow:
- You are an AI care-call agent on the telephone, not a person: never claim to eat, sleep,
  go out, have family, a body or feelings of your own, and never say you can see the person.
- You cannot visit, bring, buy, cook, accompany or touch anyone: never offer or promise it.
- You do not know the weather, the season, the news or the time: never state them.
- Mention earlier calls only with what is listed under memory.
- Never advertise, never diagnose, never give medication or exercise instructions; suggest a
  doctor, or 911 in an emergency.
- Do not ask about money, work or family relationships.
- Be warm, polite and brief: one short turn, at most two sentences.""",
    "ko": """항상 지키는 규칙:
- 당신은 전화 속 AI 돌봄 상담원이지 사람이 아닙니다. 먹거나 자거나 외출하거나 가족이 있거나
  몸이 있는 것처럼 말하지 말고, 어르신을 볼 수 있다고 말하지 마세요.
- 찾아가거나 물건을 가져다 드리거나 함께 가는 등 몸으로 하는 도움은 제안하거나 약속하지 마세요.
- 날씨, 계절, 뉴스, 시간은 알 수 없으니 말하지 마세요.
- 지난 통화는 아래 기억에 있는 내용만 언급하세요.
- 광고, 진단, 약이나 운동 지시는 하지 말고, 병원 상담이나 응급 시 119를 권하세요.
- 돈, 직업, 가족 관계는 묻지 마세요.
- 항상 존댓말로, 따뜻하고 짧게, 두 문장 이내로 말하세요.""",
}

_GOALS = {
    "en": {
        "question": "ask this check-in question",
        "followup": "acknowledge the answer and ask this follow-up question",
        "reprompt": "say you did not catch that and ask the question again",
        "clarify": "ask this again, kindly",
        "closing": "close the call warmly, without asking anything",
        "topic": "react warmly to what the person told you, then ask this one question about it",
        "return": "react warmly to what the person said, then gently ask this question again",
        "role": "answer the person's question about you truthfully and within your role, then "
        "gently ask this question again",
        "react": "react to what the person said (praise a healthy habit, show empathy for bad "
        "news), then ask this check-in question",
    },
    "ko": {
        "question": "이 안부 질문을 여쭤보세요",
        "followup": "대답에 공감하고 이 추가 질문을 여쭤보세요",
        "reprompt": "잘 못 들었다고 하고 같은 질문을 다시 여쭤보세요",
        "clarify": "이것을 친절하게 다시 여쭤보세요",
        "closing": "아무것도 묻지 말고 따뜻하게 통화를 마무리하세요",
        "topic": "어르신이 하신 이야기에 따뜻하게 반응하고, 그 이야기에 대해 이 질문 하나를 "
        "여쭤보세요",
        "return": "어르신 말씀에 따뜻하게 반응하고, 이 질문을 부드럽게 다시 여쭤보세요",
        "role": "상담원에 대한 질문에 역할 안에서 사실대로 답하고, 이 질문을 부드럽게 다시 "
        "여쭤보세요",
        "react": "어르신 말씀에 반응하고(좋은 습관은 칭찬, 안 좋은 소식에는 공감), 이 안부 질문을 "
        "여쭤보세요",
    },
}
# Kinds the LLM writes whole (a reaction to the person, then the question), not only rewords.
WRITTEN_KINDS = frozenset({"react", "topic", "return", "role"})
_BROKEN = re.compile(r"[\ufffd\x00-\x08\x0b-\x1f\x7f{}<>|\[\]\\]|https?://|www\.")
_STOP = frozenset(
    "you your the a an and or to of in on is are was did do have has today how what any".split()
)
# Syllable pairs of Korean endings and time words that every question shares.
_KO_STOP = frozenset(
    "세요 셨어 어요 으세 시나 나요 오늘 하셨 있으 으신 어제 요즘 혹시 습니 니다 "
    "시죠 까요 는데 으셨 셨나 신가 가요 하세 계세 께서 지난 난번 번에 좀 은 는".split()
)


@dataclass(frozen=True)
class Phrased:
    text: str
    source: Literal["llm", "template"]
    violations: tuple[Violation, ...] = ()  # the guard's findings on a rejected LLM turn
    rejected: str = ""  # the LLM's text when it was not used
    reason: str = ""  # why it was not used


class Responder:
    def __init__(
        self,
        llm: ChatModel,
        scenario: Scenario,
        *,
        guard: Guard | None = None,
        recipient_name: str = "",
        sampling: dict[str, Any] | None = None,
        history: int = 6,
        alerting: bool = False,
    ) -> None:
        self.llm = llm
        self.scenario = scenario
        self.guard = guard or Guard()
        self.recipient_name = recipient_name
        self.sampling = {"max_tokens": 60, "temperature": 0.6, **(sampling or {})}
        self.history = history
        self.alerting = alerting  # an alert channel exists: "I'll tell your care worker" is true
        # What the office wrote is what the agent knows: a heat-wave campaign may speak of
        # the heat wave on every turn, a daily check-in may not.
        self._script = " ".join(scenario.agent_lines(recipient_name))

    def phrase(
        self,
        kind: str,
        template: str,
        *,
        item: Item | None,
        memory: Sequence[str],
        conversation: Sequence[tuple[str, str]],
        remembered: str = "",
        examples: Sequence[tuple[str, str]] = (),
        reacts: bool = False,
    ) -> Phrased:
        """The turn to say for `template`: the LLM's wording when usable, else the template.
        `conversation` is (speaker, text) so far, speaker "agent" or "person"; `remembered` is
        the memory fact the template brings up, which the wording must keep.

        `examples` are (person, agent) exchanges from the response bank, given in-context; a
        turn that `reacts` to what the person said is written whole by the LLM (the reaction
        and the question), not only reworded."""
        if kind not in PHRASED_KINDS or not template:
            return Phrased(template, "template")
        goal = "react" if reacts and kind == "question" else kind
        messages = self.messages(goal, template, memory, conversation, examples)
        try:
            raw = self.llm.generate(messages, **self.sampling)
        except (LLMError, ValueError) as exc:
            log.info("LLM unavailable, template used: %s", exc)
            return Phrased(template, "template", reason=f"llm error: {exc}")
        text = clean(raw, self.scenario.agent.name)
        # What the agent was given, never what the person said: sharing a word with the
        # person ("arthritis") does not make a diagnosis fine.
        context = GuardContext(
            language=self.scenario.language,
            facts=tuple(f for f in memory if f),
            alerting=self.alerting,
            script=f"{template} {self._script}",
        )
        verdict = self.guard.check(text, context=context) if text else None
        first: tuple[Violation, ...] = ()
        if verdict is not None and not verdict.ok:
            # One retry with the violation named; a second violation gets the template.
            log.warning("guard stopped an LLM turn %r: %s", text, verdict.violations)
            first, rejected = verdict.violations, text
            retry = [*messages, {"role": "assistant", "content": raw}]
            retry.append({"role": "user", "content": _retry_note(verdict.violations, self)})
            try:
                raw = self.llm.generate(retry, **self.sampling)
            except (LLMError, ValueError) as exc:
                return Phrased(template, "template", first, rejected, f"guard; retry: {exc}")
            text = clean(raw, self.scenario.agent.name)
            again = self.guard.check(text, context=context) if text else None
            if again is not None and not again.ok:
                log.warning("guard stopped the retry %r: %s", text, again.violations)
                both = tuple(dict.fromkeys((*first, *again.violations)))
                return Phrased(template, "template", both, f"{rejected} / {text}", "guard")
        if problem := self.unusable(kind, text, template, item, remembered):
            return Phrased(template, "template", first, raw, problem)
        return Phrased(text, "llm", first, rejected if first else "")

    def messages(
        self,
        kind: str,
        template: str,
        memory: Sequence[str],
        conversation: Sequence[tuple[str, str]],
        examples: Sequence[tuple[str, str]] = (),
    ) -> list[Message]:
        lang = self.scenario.language
        ko = lang == "ko"
        facts = "\n".join(f"- {f}" for f in memory if f)
        if ko:
            remembered = (
                f"지난 통화에서 기억하는 내용:\n{facts}"
                if facts
                else "지난 통화에 대한 기억은 없습니다. 지난 통화를 언급하지 마세요."
            )
            task = (
                f'다음 차례: {_GOALS[lang][kind]}.\n시나리오 문장: "{template}"\n'
                "같은 뜻을 자연스러운 존댓말로, 상담원의 말만 답하세요."
                if kind not in WRITTEN_KINDS
                else f'다음 차례: {_GOALS[lang][kind]}.\n시나리오 문장: "{template}"\n'
                "이 문장은 예시일 뿐입니다. 어르신 말씀을 반영한 짧은 반응을 직접 쓰고, 같은 "
                "질문으로 끝내세요. 상담원의 말만 존댓말로 답하세요."
            )
            who = f"통화 상대: {self.recipient_name}님" if self.recipient_name else ""
            shown = "\n".join(f'- 어르신: "{p}" → 상담원: "{a}"' for p, a in examples)
            shown = f"이런 말씀에는 이렇게 반응할 수 있습니다 (예시):\n{shown}" if shown else ""
        else:
            remembered = (
                f"What you remember from earlier calls:\n{facts}"
                if facts
                else "You remember nothing from earlier calls: do not mention them."
            )
            task = (
                f'Your next turn: {_GOALS[lang][kind]}.\nThe scenario\'s line: "{template}"\n'
                "Say the same thing in your own natural words. Reply with the turn only."
                if kind not in WRITTEN_KINDS
                else f'Your next turn: {_GOALS[lang][kind]}.\nThe scenario\'s line: "{template}"\n'
                "It is only an example: write your own turn, a short reaction that reflects what "
                "the person said, then the same question. Reply with the turn only."
            )
            who = f"You are speaking with {self.recipient_name}." if self.recipient_name else ""
            shown = "\n".join(f'- person: "{p}" -> you: "{a}"' for p, a in examples)
            shown = f"Examples of fitting reactions:\n{shown}" if shown else ""
        system = "\n\n".join(
            p
            for p in [self.scenario.agent.persona, ROLE_RULES[lang], who, remembered, shown, task]
            if p
        )
        out: list[Message] = [{"role": "system", "content": system}]
        for speaker, text in list(conversation)[-self.history :]:
            out.append({"role": "assistant" if speaker == "agent" else "user", "content": text})
        if out[-1]["role"] != "user":
            out.append({"role": "user", "content": "(…)"})
        return out

    def unusable(
        self, kind: str, text: str, template: str, item: Item | None, remembered: str = ""
    ) -> str:
        """Why `text` cannot stand in for `template` ("" when it can)."""
        if not text:
            return "empty"
        if _BROKEN.search(text):
            return "broken characters, markup or template fields"
        limit = max(2 * len(template), 160 if self.scenario.language == "en" else 90)
        if len(text) > limit:
            return f"too long ({len(text)} > {limit} characters)"
        if self.scenario.language == "ko":
            hangul = len(re.findall(r"[\uac00-\ud7a3]", text))
            letters = len(re.findall(r"[A-Za-z\uac00-\ud7a3]", text))
            if not letters or hangul / letters < 0.8:
                return "not Korean"
        elif has_hangul(text) or not re.search(r"[A-Za-z]{2,}", text):
            return "not English"
        if kind in QUESTION_KINDS:
            if not text.rstrip().endswith("?"):
                return "a question is due and the turn does not end with one"
            if not self._on_topic(text, template, item):
                return "off the item's topic"
        elif "?" in text:
            return "asks a question where none is due"
        if remembered and not _shares(text, remembered, self.scenario.language):
            return "drops what memory holds"
        return ""

    def _on_topic(self, text: str, template: str, item: Item | None) -> bool:
        wanted = template
        if item is not None:
            wanted = " ".join([template, item.topic, *item.questions])
        return _shares(text, wanted, self.scenario.language)


def _shares(text: str, wanted: str, language: str) -> bool:
    """Whether `text` uses a content word of `wanted` (Korean: a syllable pair; English: a word
    or, for longer words, its first four letters — "walk" and "walked")."""
    said = set(terms(text, language)) - _STOP
    want = set(terms(wanted, language)) - _STOP - _KO_STOP
    if language == "ko":
        return bool(said & want)
    return any(w == s or (len(w) >= 4 and s.startswith(w[:4])) for w in want for s in said)


def _retry_note(violations: Sequence[Violation], responder: Responder) -> str:
    """The second ask: what was wrong with the first reply, named."""
    named = "; ".join(f'{v.category}: "{v.evidence}"' for v in violations)
    if responder.scenario.language == "ko":
        return (
            f"방금 답은 상담원 역할 규칙을 어겼습니다 ({named}). 그 내용 없이 시나리오 문장의 "
            "뜻만 존댓말로 다시 말하세요."
        )
    return (
        f"That reply breaks the care-call role rules ({named}). Say the scenario's line again, "
        "in your own words, without it."
    )


def clean(raw: str, agent_name: str = "") -> str:
    """The turn itself: the first line, without a speaker label or wrapping quotes."""
    text = raw.strip().split("\n")[0].strip()
    names = ["assistant", "agent", "ai", "상담원", *([re.escape(agent_name)] if agent_name else [])]
    text = re.sub(rf"^(?:{'|'.join(names)})\s*:\s*", "", text, flags=re.I).strip()
    if len(text) >= 2 and text[0] in "\"'“‘" and text[-1] in "\"'”’":
        text = text[1:-1].strip()
    return normalize_spaces(text)


def normalize_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


__all__ = ["PHRASED_KINDS", "ROLE_RULES", "Phrased", "Responder", "clean"]
