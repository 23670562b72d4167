"""Memory summaries by an LLM: the facts worth keeping from a call, as checked operations.

Offline, a call's facts come from its extracted answers (`DialogueEngine.memory_facts`) and
`plan_update` turns them into PASS / APPEND / REPLACE / DELETE. With an LLM the same plan is
the starting point, and the model may improve on it: word a fact the way the person said it
("your left knee hurts when you climb stairs") or keep something the check-in items do not
cover ("your grandson visited on Sunday"). Its JSON is advice, checked like `llm_extract`:

- operations name a known kind; APPEND takes a new key, REPLACE and DELETE a stored one;
- every fact it writes must be grounded in what the person said on this call (most of its
  content words occur in the person's turns), so it cannot remember what nobody said;
- it cannot DELETE a fact the call gave no evidence about (not asking about the knee is not
  evidence that it healed): only the offline plan's own DELETEs stand;
- it cannot drop what the offline plan would write: an APPEND/REPLACE of the extracted
  answers stays unless the model rewrites that same key.

Anything unusable (an error, a timeout, malformed JSON, one failed check) falls back to the
offline plan whole: a memory that is a little plain is better than one that is wrong.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime

from dialogue.llm import ChatModel, LLMError, Message, json_values
from dialogue.memory import Fact, MemoryOp, OpKind, plan_update
from dialogue.text import normalize

log = logging.getLogger("carecall.dialogue")
MAX_NEW_NOTES = 3
_KEY = re.compile(r"^[a-z0-9_:.-]{1,48}$")
_STOP = frozenset(
    "a an the and or but to of in on at for with my your i you he she it we they was were is "
    "are am be been have has had do did not no yes very so that this there today yesterday "
    "last time when how".split()
)

_PROMPT = """You keep short notes about an older person between check-in calls, so the next
call can ask after them ("Last time your knee hurt - how is it today?"). Given the notes kept
so far and what the person said on this call, reply with one JSON list of operations and
nothing else. Each operation is an object:
{"op": "pass" | "append" | "replace" | "delete", "key": "<note key>", "value": "<the note>"}
- pass: keep a stored note as it is; delete: it no longer holds (the person said so);
- replace: the stored note changed; append: a new note (new key, lowercase words joined by _).
Write each note in second person, as the agent would say it back ("your knee was hurting").
Only note what the person actually said on this call."""


def memory_messages(old: list[Fact], proposed: list[Fact], person_said: list[str]) -> list[Message]:
    stored = "\n".join(f"- {f.key}: {f.value}" for f in old) or "(none)"
    answers = "\n".join(f"- {f.key}: {f.value or '(nothing to keep)'}" for f in proposed)
    said = "\n".join(f"- {t}" for t in person_said) or "(nothing)"
    user = (
        f"Notes kept so far:\n{stored}\n\nWhat the check-in found on this call:\n"
        f"{answers or '(nothing)'}\n\nWhat the person said:\n{said}"
    )
    return [{"role": "system", "content": _PROMPT}, {"role": "user", "content": user}]


def parse_memory_ops(
    reply: str,
    old: list[Fact],
    baseline: list[MemoryOp],
    person_said: list[str],
    now: datetime,
) -> list[MemoryOp]:
    """The model's plan merged onto `baseline` (the offline plan); ValueError if unusable."""
    data = _first_list(reply)
    stored = {f.key: f for f in old}
    plan = {op.fact.key: op for op in baseline}
    heard = _words(" ".join(person_said))
    notes = 0
    for i, entry in enumerate(data):
        if not isinstance(entry, dict):
            raise ValueError(f"operation {i} is not an object")
        try:
            kind = OpKind(str(entry.get("op", "")).lower())
        except ValueError:
            raise ValueError(f"operation {i}: unknown op {entry.get('op')!r}") from None
        key = str(entry.get("key") or "").strip().lower()
        if not _KEY.match(key):
            raise ValueError(f"operation {i}: bad key {key!r}")
        value = " ".join(str(entry.get("value") or "").split())
        if kind is OpKind.PASS:
            if key not in stored:
                raise ValueError(f"operation {i}: pass of {key!r}, which is not stored")
            continue  # the baseline already PASSes or updates it on the call's evidence
        if kind is OpKind.DELETE:
            if key not in stored:
                raise ValueError(f"operation {i}: delete of {key!r}, which is not stored")
            if plan.get(key) is None or plan[key].kind is not OpKind.DELETE:
                raise ValueError(f"operation {i}: delete of {key!r} without evidence")
            continue
        if not value or len(value) > 160:
            raise ValueError(f"operation {i}: a note must be 1-160 characters")
        if not _grounded(value, heard):
            raise ValueError(f"operation {i}: {value!r} is not in what the person said")
        if kind is OpKind.APPEND:
            if key in stored:
                raise ValueError(f"operation {i}: append of {key!r}, which is stored")
            if key not in plan:
                notes += 1
                if notes > MAX_NEW_NOTES:
                    raise ValueError(f"more than {MAX_NEW_NOTES} new notes")
            item_id = plan[key].fact.item_id if key in plan else None
            plan[key] = MemoryOp(OpKind.APPEND, Fact(key, value, item_id, now))
        else:  # REPLACE
            if key not in stored:
                raise ValueError(f"operation {i}: replace of {key!r}, which is not stored")
            fact = Fact(key, value, stored[key].item_id, now)
            plan[key] = MemoryOp(OpKind.REPLACE, fact, old=stored[key])
    return list(plan.values())


def llm_memory_plan(
    model: ChatModel,
    old: list[Fact],
    proposed: list[Fact],
    person_said: list[str],
    now: datetime,
) -> tuple[list[MemoryOp], str]:
    """The memory plan for one call and where it came from: "llm", or "offline" when the
    model failed or its plan did not pass the checks (then it is `plan_update`'s)."""
    baseline = plan_update(old, proposed)
    try:
        reply = model.generate(
            memory_messages(old, proposed, person_said), temperature=0.0, max_tokens=200
        )
        return parse_memory_ops(reply, old, baseline, person_said, now), "llm"
    except (LLMError, ValueError) as exc:
        log.info("LLM memory summary unusable, offline plan kept: %s", exc)
        return baseline, "offline"


def _words(text: str) -> set[str]:
    return {w for w in normalize(text).split() if w not in _STOP}


def _grounded(value: str, heard: set[str]) -> bool:
    """Most of the note's content words were said by the person (Korean notes are checked
    on their words' first two syllables, which survive the change of particles)."""
    words = _words(value) - {"your", "you", "당신", "어르신"}
    if not words:
        return False
    stems = {w[:2] for w in heard}
    hits = sum(1 for w in words if w in heard or (not w.isascii() and w[:2] in stems))
    return hits >= max(1, (len(words) + 1) // 2)


def _first_list(reply: str) -> list:
    for data in json_values(reply, list):
        return data
    raise ValueError(f"no JSON list in {reply[:80]!r}")
