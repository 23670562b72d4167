"""The scenario: a check-in call written as data, so a health office can add items without code.

A scenario says what the agent asks (items with question variants), how answers are
recognized offline (keywords and regular expressions per answer class), which answers raise a
flag for care workers, what counts as an emergency and what the agent then says, and the
fixed lines of the call (opening, reprompts, closing). `examples` are answer sentences in the
people's own words; they build the recognizer's domain language model and guide a future LLM
extractor, so they are deliberately worded unlike any simulated persona's answers.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from dialogue.text import fill, placeholders
from dialogue.yamlfile import Loc, ScenarioError, load_model, problem

Severity = Literal["info", "low", "medium", "high", "critical"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}
DONT_KNOW = "dont_know"
RESERVED_CLASSES = frozenset({DONT_KNOW, "unanswered"})

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Phrases(_Model):
    """Words that signal something. Keywords are literal phrases (English: whole words, a
    trailing `*` allows any ending; Korean: substrings, ignoring spaces); patterns are regexes
    matched against the normalized (lower-case, unpunctuated) utterance."""

    keywords: list[Text] = []
    patterns: list[Text] = []


class Agent(_Model):
    name: Text
    organization: Text
    persona: Text  # the role description; a future LLM responder is prompted with it
    # How fast the voice speaks on this scenario's calls, relative to the voice's normal pace
    # (0.85 = 15% slower; slower helps older listeners on a narrow phone line). Unset: the
    # process's `speaking_rate` setting.
    speaking_rate: float | None = Field(default=None, ge=0.5, le=1.5)


class Opening(_Model):
    text: Text  # greeting: {recipient_name} {agent_name} {organization}
    # Said right after the greeting, before the identity question: that the caller is an AI and
    # that the call is recorded for the person's care worker. Required: a person must know.
    disclosure: Text
    question: Text  # the identity question, asked after the greeting and on silence
    confirm: Phrases  # "yes, speaking"
    deny: Phrases  # "wrong number", "she is not here"
    confirmed: str = ""  # said before the first question once identity is confirmed
    retry: Text  # asked once when the identity answer was unclear
    wrong_person: Text  # ask to pass the message on, then end politely


class Flag(_Model):
    severity: Severity
    note: Text


class Answer(Phrases):
    answer_class: Ident = Field(alias="class")
    description: Text
    negated: Ident | None = None  # the class a negated keyword of this class counts for
    examples: list[Text] = []
    flag: Flag | None = None
    ack: str | None = None  # said back before moving on ("I'm sorry to hear that.")
    summary: str | None = None  # phrase for the report summary; defaults to description
    remember: list[Text] = []  # fact templates, first fillable wins; {detail} from a pattern


class Item(_Model):
    id: Ident
    topic: Text
    questions: list[Text] = Field(min_length=1)
    memory_question: Text | None = None  # uses {fact}: what memory holds about this item
    answers: list[Answer] = Field(min_length=1)
    followups: dict[str, Text] = {}  # answer class -> one follow-up question
    required: bool = True

    def answer(self, answer_class: str) -> Answer | None:
        return next((a for a in self.answers if a.answer_class == answer_class), None)


class Emergency(Phrases):
    id: Ident
    severity: Severity = "critical"
    say: Text  # the safety script: tell the person to call emergency services
    note: str = ""  # for the care worker's alert; defaults to the id
    end_call: bool = True  # hang up so the person can call for help


class Repeat(Phrases):
    say: Text = "{question}"  # when the person asks to hear the question again


class DontKnow(Phrases):
    say: str = ""  # acknowledgement ("That's alright.")


class Closing(_Model):
    text: Text
    alert_text: str = ""  # added when something was flagged ("I'll let your care worker know.")


class Silence(_Model):
    reprompt: Text  # uses {question}
    max_reprompts: int = Field(default=2, ge=0)
    give_up: Text  # said before hanging up on a silent line


class DtmfAction(_Model):
    action: Literal["callback", "repeat", "end"]
    say: str = ""
    severity: Severity = "medium"  # of the alert a callback request raises
    note: str = "Asked for a call back from a person."


class Scenario(_Model):
    id: Ident
    language: Literal["ko", "en"]
    title: Text
    agent: Agent
    opening: Opening
    items: list[Item] = Field(min_length=1)
    emergency: list[Emergency] = []
    reprompts: list[Text] = Field(min_length=1)  # use {question}: re-ask the same question
    repeat: Repeat | None = None
    dont_know: DontKnow
    transitions: list[str] = [""]  # said between items ("Thank you.")
    closing: Closing
    silence: Silence
    time_limit_s: float = Field(default=300.0, gt=0)
    dtmf: dict[str, DtmfAction] = {}

    @field_validator("dtmf", mode="before")
    @classmethod
    def _digit_keys(cls, value: object) -> object:
        # YAML reads an unquoted `0:` as an integer key.
        if isinstance(value, dict):
            return {str(k): v for k, v in value.items()}
        return value

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def domain_sentences(self) -> list[str]:
        """What people are likely to say on this call: the recognizer's domain LM text."""
        return domain_corpus(self)

    def question_answers(self) -> dict[str, list[str]]:
        """Each question the agent can ask (as worded) -> example answers to it: for an LM
        conditioned on the last question."""
        out: dict[str, list[str]] = {}
        for item in self.items:
            examples = [e for a in item.answers for e in a.examples]
            for question in item.questions:
                out[self._fill(question)] = examples
            for answer_class, question in item.followups.items():
                answer = item.answer(answer_class)
                out[self._fill(question)] = answer.examples if answer else []
        return out

    def agent_lines(self, recipient_name: str = "") -> list[str]:
        """Every line the agent may say, templates filled (`{question}`, `{fact}` left empty):
        for the simulated phone's ears."""
        return list(
            dict.fromkeys(
                line
                for t in self._agent_templates()
                if (line := self._fill(t, recipient_name=recipient_name))
            )
        )

    def fixed_prompts(self) -> list[str]:
        """Lines that are the same on every call (no recipient name, no memory): worth
        synthesizing ahead of the first call."""
        return list(
            dict.fromkeys(
                self._fill(t)
                for t in self._agent_templates()
                if not placeholders(t) & {"recipient_name", "fact"} and self._fill(t)
            )
        )

    def _agent_templates(self) -> list[str]:
        o = self.opening
        out = [o.text, o.disclosure, o.question, o.confirmed, o.retry, o.wrong_person]
        out += self.reprompts
        out += [self.dont_know.say, *self.transitions, self.closing.alert_text, self.closing.text]
        out += [self.silence.reprompt, self.silence.give_up, *(e.say for e in self.emergency)]
        out += [a.say for a in self.dtmf.values()] + ([self.repeat.say] if self.repeat else [])
        out += _safety_lines(self)
        for item in self.items:
            out += [*item.questions, *item.followups.values(), *(a.ack or "" for a in item.answers)]
            out += [item.memory_question] if item.memory_question else []
        return [t for t in out if t]

    def _fill(self, template: str, **values: str) -> str:
        names = {
            "agent_name": self.agent.name,
            "organization": self.agent.organization,
            "recipient_name": "",
            "question": "",
            "fact": "",
        }
        return fill(template, **{**names, **values})


OPENING_FIELDS = {"recipient_name", "agent_name", "organization"}


def _template(loc: Loc, text: str, allowed: set[str], needed: set[str] = frozenset()):
    try:
        names = placeholders(text)
    except ValueError as exc:
        yield loc, f"bad template: {exc}"
        return
    if unknown := names - allowed - needed:
        yield loc, f"unknown placeholder(s) {sorted(unknown)}; allowed: {sorted(allowed | needed)}"
    if missing := needed - names:
        yield loc, f"must use {', '.join('{' + n + '}' for n in sorted(missing))}"


def _phrases(loc: Loc, phrases: Phrases, what: str):
    if not phrases.keywords and not phrases.patterns:
        yield (*loc, "keywords"), f"must be a non-empty list (or give patterns) for {what}"
    for i, pattern in enumerate(phrases.patterns):
        try:
            re.compile(pattern)
        except re.error as exc:
            yield (*loc, "patterns", i), f"bad regular expression: {exc}"


def check(scenario: Scenario):
    """Cross-field rules pydantic cannot see; yields (loc, message)."""
    names = OPENING_FIELDS
    yield from _template(("opening", "text"), scenario.opening.text, names)
    for key in ("disclosure", "question", "confirmed", "retry", "wrong_person"):
        yield from _template(("opening", key), getattr(scenario.opening, key), names)
    yield from _phrases(("opening", "confirm"), scenario.opening.confirm, "a confirmation")
    yield from _phrases(("opening", "deny"), scenario.opening.deny, "a denial")
    for i, text in enumerate(scenario.reprompts):
        yield from _template(("reprompts", i), text, names, {"question"})
    yield from _template(("silence", "reprompt"), scenario.silence.reprompt, names, {"question"})
    if scenario.repeat:
        yield from _template(("repeat", "say"), scenario.repeat.say, names, {"question"})
    yield from _template(("closing", "text"), scenario.closing.text, names)
    seen_items: set[str] = set()
    for i, item in enumerate(scenario.items):
        loc = ("items", i)
        if item.id in seen_items:
            yield (*loc, "id"), f"duplicate item id {item.id!r}"
        seen_items.add(item.id)
        for j, question in enumerate(item.questions):
            yield from _template((*loc, "questions", j), question, names)
        if item.memory_question:
            yield from _template((*loc, "memory_question"), item.memory_question, names, {"fact"})
        classes = [a.answer_class for a in item.answers]
        for j, answer in enumerate(item.answers):
            aloc = (*loc, "answers", j)
            if answer.answer_class in RESERVED_CLASSES:
                yield (*aloc, "class"), f"{answer.answer_class!r} is reserved"
            if classes.index(answer.answer_class) != j:
                yield (*aloc, "class"), f"duplicate answer class {answer.answer_class!r}"
            yield from _phrases(aloc, answer, f"class {answer.answer_class!r}")
            if answer.negated and answer.negated not in classes:
                yield (*aloc, "negated"), f"unknown answer class {answer.negated!r}"
            for k, text in enumerate(answer.remember):
                yield from _template((*aloc, "remember", k), text, {"detail"})
        for key in item.followups:
            if key not in classes:
                yield (*loc, "followups", key), f"unknown answer class {key!r}; have {classes}"
    seen: set[str] = set()
    for i, emergency in enumerate(scenario.emergency):
        if emergency.id in seen:
            yield ("emergency", i, "id"), f"duplicate emergency id {emergency.id!r}"
        seen.add(emergency.id)
        yield from _phrases(("emergency", i), emergency, f"emergency {emergency.id!r}")
    yield from _phrases(("dont_know",), scenario.dont_know, "'I don't know'")
    for digit in scenario.dtmf:
        if digit not in set("0123456789*#"):
            yield ("dtmf", digit), "must be one key: 0-9, * or #"


def _load(path: Path) -> Scenario:
    scenario, lines = load_model(path, Scenario)
    if problems := [problem(path, lines, loc, msg) for loc, msg in check(scenario)]:
        raise ScenarioError(problems)
    return scenario


def load_scenario(path: str | Path) -> Scenario:
    """Load and validate a scenario YAML; raises ScenarioError naming file, line and field.

    A bare name ("daily_checkin_en") is looked up among the shipped scenarios.
    """
    from scenarios import scenario_path

    try:
        return _load(scenario_path(path))
    except FileNotFoundError as exc:
        raise ScenarioError([str(exc)]) from None


def _safety_lines(scenario: Scenario) -> list[str]:
    """What the agent may say when someone may be in danger (`dialogue.safety`): the check
    questions and the emergency scripts, with and without an alert channel."""
    from dialogue.safety.scripts import CHECK_QUESTIONS, NOTES, emergency_script, relieved

    lang = scenario.language
    out = [*CHECK_QUESTIONS.get(lang, CHECK_QUESTIONS["en"]).values(), relieved(lang)]
    own = {e.id: e.say for e in scenario.emergency}
    for category in [*NOTES.get(lang, NOTES["en"]), *own]:
        for alerted in (False, True):
            out.append(emergency_script(category, lang, alerted=alerted, advice=own.get(category)))
    return out


def domain_corpus(scenario: Scenario) -> list[str]:
    """Sentences people are likely to say on this call: for a recognizer's domain LM.

    Literal keywords are included; regular expressions are not text, so they are left out.
    What people say in an emergency is always included (`dialogue.safety.corpus`).
    """
    from dialogue.safety.corpus import SAY

    out: list[str] = list(SAY.get(scenario.language, []))
    groups: list[Phrases] = [scenario.opening.confirm, scenario.opening.deny, scenario.dont_know]
    groups += scenario.emergency + ([scenario.repeat] if scenario.repeat else [])
    for item in scenario.items:
        for answer in item.answers:
            out += answer.examples
            groups.append(answer)
    for group in groups:
        out += [k.replace("*", "") for k in group.keywords]
    return list(dict.fromkeys(out))


def validate_file(path: str | Path) -> list[str]:
    """Every problem in a scenario or persona file as `file:line: field: message`; [] if fine.

    For `carecall scenario validate`. A file with `answers` and no `items` is a persona,
    checked against the scenario it names; anything else is read as a scenario.
    """
    from dialogue.caller import load_persona
    from dialogue.yamlfile import read_yaml

    path = Path(path)
    try:
        data, _ = read_yaml(path)
        if isinstance(data, dict) and "answers" in data and "items" not in data:
            load_persona(path)
        else:
            load_scenario(path)
    except ScenarioError as exc:
        return list(exc.problems)
    return []
