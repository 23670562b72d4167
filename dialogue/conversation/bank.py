"""The response bank: situations a person brings up, and what the agent says back (P4).

The Retrieve step of Retrieve-fail-Generate (CareCall, Bae et al., NAACL 2022). The project
writes its own bank as YAML, one folder per language (`bank/en/`, `bank/ko/`), split by theme;
every file is a list of situations:

    - situation: grandchild_visit      # the same ids in every language
      kind: remark                     # remark | feeling | agent_question | answer
      tone: interest                   # interest | empathy | praise | comfort | neutral
      triggers: ["My grandson came to see me yesterday", ...]   # how people say it
      reactions: ["How lovely that your grandson came to see you.", ...]
      follow_up: ["What did you two do together?"]              # optional
      answer: [...]        # agent_question only: the reply, within the role
      notify: false        # agent_question: the care worker should hear of the request

Kind `answer` situations are named `item.class` after a scenario's check-in item and answer
class (`meal.ate`) and hold the reactions to that answer; they need no triggers.

Files are read with `dialogue.yamlfile`, so a mistake comes back as
`family.yaml:12: [3].reactions: ...`. What one file cannot show (an id used twice in a
language, ids missing from another language, a reaction the role guard refuses) is checked by
`duplicate_problems`, `language_problems` and `guard_problems`.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, ValidationError, model_validator
from pydantic import StringConstraints as Str

from dialogue.text import placeholders
from dialogue.yamlfile import Loc, ScenarioError, _clean_loc, _message, problem, read_yaml

BANK_DIR = Path(__file__).parent / "bank"
LANGUAGES = ("en", "ko")
KINDS = ("remark", "feeling", "agent_question", "answer")
FIELDS = frozenset({"agent_name", "organization", "recipient_name"})

Text = Annotated[str, Str(strip_whitespace=True, min_length=1, max_length=300)]
SituationId = Annotated[str, Str(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$")]


@dataclass(frozen=True)
class Situation:
    id: str
    kind: str
    tone: str
    triggers: tuple[str, ...]
    reactions: tuple[str, ...]
    follow_up: tuple[str, ...]
    answer: tuple[str, ...]
    notify: bool
    answers: tuple[str, ...] = ()  # check-in answers ("meal.little") the remark itself gives


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    situation: SituationId
    kind: Literal["remark", "feeling", "agent_question", "answer"]
    tone: Literal["interest", "empathy", "praise", "comfort", "neutral"]
    triggers: list[Text] = Field(default=[], max_length=40)
    reactions: list[Text] = Field(default=[], max_length=6)
    follow_up: list[Text] = Field(default=[], max_length=4)
    answer: list[Text] = Field(default=[], max_length=6)
    notify: bool = False
    # The check-in answers saying this gives, "item.class": "I've no appetite" answers
    # "Have you eaten?" with meal.little. Used only for the item just asked.
    answers: list[Annotated[str, Str(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")]] = []

    @model_validator(mode="after")
    def _by_kind(self) -> _Entry:
        dotted = "." in self.situation
        if self.kind == "answer" and not dotted:
            raise ValueError("an answer situation is named item.class (e.g. meal.ate)")
        if self.kind != "answer" and dotted:
            raise ValueError("only answer situations have a dot in their name")
        if self.kind == "agent_question":
            if not self.answer:
                raise ValueError("an agent_question needs answer lines")
        elif self.answer:
            raise ValueError("only an agent_question has answer lines")
        elif len(self.reactions) < 3:
            raise ValueError("needs at least 3 reactions, so none repeats within a call")
        if self.kind != "answer" and len(self.triggers) < 6:
            raise ValueError("needs at least 6 triggers (ways people say it)")
        if self.answers and self.kind not in ("remark", "feeling"):
            raise ValueError("answers are for remark and feeling situations")
        if self.notify and self.kind != "agent_question":
            raise ValueError("notify is for agent_question situations")
        return self


def _text_problems(entry: _Entry) -> list[tuple[Loc, str]]:
    out: list[tuple[Loc, str]] = []
    for name in ("triggers", "reactions", "follow_up", "answer"):
        lines = getattr(entry, name)
        seen: set[str] = set()
        for i, line in enumerate(lines):
            key = line.casefold()
            if key in seen:
                out.append(((name, i), "repeats an earlier line"))
            seen.add(key)
            try:
                unknown = set(placeholders(line)) - FIELDS
            except ValueError as exc:
                out.append(((name, i), f"bad template: {exc}"))
                continue
            if unknown:
                known = ", ".join("{" + f + "}" for f in sorted(FIELDS))
                out.append(((name, i), f"unknown field {{{sorted(unknown)[0]}}} (known: {known})"))
    return out


class _File(RootModel[list[_Entry]]):
    pass


@dataclass(frozen=True)
class Bank:
    language: str
    situations: tuple[Situation, ...]
    sources: dict[str, str]  # situation id -> "file:line", for messages

    def get(self, situation_id: str) -> Situation | None:
        return self._by_id.get(situation_id)

    @property
    def _by_id(self) -> dict[str, Situation]:
        cached = self.__dict__.get("_index")
        if cached is None:
            cached = {s.id: s for s in self.situations}
            object.__setattr__(self, "_index", cached)
        return cached

    def ids(self) -> list[str]:
        return [s.id for s in self.situations]

    def of_kind(self, *kinds: str) -> list[Situation]:
        return [s for s in self.situations if s.kind in kinds]


def read_file(path: str | Path) -> list[tuple[Situation, int]]:
    """One bank file's situations with the line each starts on. Raises ScenarioError naming
    file, line and field for every problem."""
    path = Path(path)
    data, lines = read_yaml(path)
    if not isinstance(data, list):
        raise ScenarioError([f"{path.name}:1: (top level): must be a list of situations"])
    try:
        entries = _File.model_validate(data).root
    except ValidationError as exc:
        problems = [problem(path, lines, _clean_loc(e["loc"]), _message(e)) for e in exc.errors()]
        raise ScenarioError(problems) from None
    problems = [
        problem(path, lines, (i, *loc), message)
        for i, entry in enumerate(entries)
        for loc, message in _text_problems(entry)
    ]
    if problems:
        raise ScenarioError(problems)
    return [(_situation(e), lines.get((i,), 1)) for i, e in enumerate(entries)]


def _situation(e: _Entry) -> Situation:
    return Situation(
        id=e.situation,
        kind=e.kind,
        tone=e.tone,
        triggers=tuple(e.triggers),
        reactions=tuple(e.reactions),
        follow_up=tuple(e.follow_up),
        answer=tuple(e.answer),
        notify=e.notify,
        answers=tuple(e.answers),
    )


def read_bank(language: str, directory: str | Path | None = None) -> Bank:
    """Every `*.yaml` of the language's folder, in name order; an id used twice is an error."""
    folder = Path(directory) if directory is not None else BANK_DIR / language
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise ScenarioError([f"{folder}: no bank files for language {language!r}"])
    situations: list[Situation] = []
    sources: dict[str, str] = {}
    problems: list[str] = []
    for path in files:
        try:
            found = read_file(path)
        except ScenarioError as exc:
            problems += exc.problems
            continue
        for situation, line in found:
            where = f"{path.name}:{line}"
            if situation.id in sources:
                first = sources[situation.id]
                problems.append(f"{where}: situation: {situation.id!r} is already in {first}")
                continue
            sources[situation.id] = where
            situations.append(situation)
    if problems:
        raise ScenarioError(problems)
    return Bank(language=language, situations=tuple(situations), sources=sources)


_lock = threading.Lock()
_banks: dict[str, Bank] = {}


def load_bank(language: str) -> Bank:
    """The shipped bank of a language, read once per process and shared."""
    if language not in LANGUAGES:
        raise ValueError(f"no response bank for language {language!r}")
    with _lock:
        if language not in _banks:
            _banks[language] = read_bank(language)
        return _banks[language]


def language_problems(banks: dict[str, Bank]) -> list[str]:
    """Situations one language has and another lacks (every language has the same ids), and
    situations whose kind differs between languages."""
    out: list[str] = []
    all_ids = sorted({i for bank in banks.values() for i in bank.ids()})
    for situation_id in all_ids:
        have = {lang: bank.get(situation_id) for lang, bank in banks.items()}
        missing = [lang for lang, s in have.items() if s is None]
        present = {lang: s for lang, s in have.items() if s is not None}
        where = ", ".join(f"{lang}: {banks[lang].sources[situation_id]}" for lang in present)
        if missing:
            out.append(f"{situation_id!r} ({where}) is missing in {', '.join(missing)}")
        elif len({(s.kind, s.notify) for s in present.values()}) > 1:
            out.append(f"{situation_id!r} ({where}) differs in kind or notify between languages")
    return out


SAMPLE_FIELDS = {
    "en": {"agent_name": "Clara", "organization": "Riverside Health", "recipient_name": "Margaret"},
    "ko": {"agent_name": "다온", "organization": "행복구 보건소", "recipient_name": "김순자"},
}


def spoken_lines(situation: Situation) -> list[tuple[str, str]]:
    """(field, line) for everything the agent may say from this situation."""
    return [
        (name, line)
        for name in ("reactions", "follow_up", "answer")
        for line in getattr(situation, name)
    ]


# A Korean line ends in 존댓말: 해요체 (-요) or 하십시오체 (-다, -까), before its punctuation.
_POLITE_END = re.compile(r"(요|니다|니까|습니다|세요|까요|죠)[.!?~…]*$")


def register_problems(bank: Bank) -> list[str]:
    """Korean lines that do not end politely (해요체 or 하십시오체): the agent never speaks
    반말 to an elder. English has no such rule."""
    if bank.language != "ko":
        return []
    return [
        f"{bank.sources[s.id]}: {s.id}.{name}: {line!r}: not 존댓말 at its end"
        for s in bank.situations
        for name, line in spoken_lines(s)
        if not _POLITE_END.search(line.strip())
    ]


def guard_problems(bank: Bank) -> list[str]:
    """Every line the agent may say from the bank, checked by the role guard's rules as the
    engine would (an alert channel configured: "I can let your care worker know" is true)."""
    from dialogue.guard import Guard, GuardContext
    from dialogue.text import fill

    guard = Guard(learned=False)  # the rules, as the line checks them
    context = GuardContext(language=bank.language, alerting=True)
    out: list[str] = []
    for situation in bank.situations:
        for name, line in spoken_lines(situation):
            verdict = guard.check(fill(line, **SAMPLE_FIELDS[bank.language]), context=context)
            if not verdict.ok:
                why = "; ".join(f"{v.category}: {v.evidence}" for v in verdict.violations)
                where = bank.sources[situation.id]
                out.append(f"{where}: {situation.id}.{name}: {line!r}: {why}")
    return out
