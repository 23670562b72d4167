"""Answer extraction by an LLM, as JSON checked against the item's classes.

Keyword rules miss answers worded unlike any keyword ("I managed a slice of toast"); an LLM
reads them. But a model's JSON is only advice: the class must be one of the item's (or
"dont_know"), and the words it quotes as evidence — and any detail ("knee") — must really be
in what the person said, or the answer is discarded and the keyword rules decide. A model
that says the answer is unclear defers to the rules too: it cannot veto a keyword match, so an
LLM can only add recognized answers, never lose one the offline engine would have found; nor
can it turn an answer the rules flagged for a care worker (pain, low mood) into a harmless one.
"""

from __future__ import annotations

import logging

from dialogue.extract import Extraction
from dialogue.llm import ChatModel, LLMError, Message, json_values
from dialogue.scenario import DONT_KNOW, SEVERITY_RANK, Item
from dialogue.text import normalize

log = logging.getLogger("carecall.dialogue")
UNCLEAR = "unclear"

_PROMPT = """You read one answer from a telephone check-in with an older person and say which
class it belongs to. Reply with one JSON object and nothing else:
{"class": "<class>", "evidence": "<the exact words of the answer that show it>",
 "detail": "<what or where, e.g. the body part that hurts, or null>", "confidence": <0 to 1>}"""


def extraction_messages(item: Item, question: str, answer: str) -> list[Message]:
    classes = [f"- {a.answer_class}: {a.description}" for a in item.answers]
    classes += [
        f"- {DONT_KNOW}: the person does not know or cannot remember",
        f"- {UNCLEAR}: the words do not answer the question",
    ]
    user = f"Topic: {item.topic}\nQuestion: {question}\nAnswer: {answer}\n\nClasses:\n" + "\n".join(
        classes
    )
    return [{"role": "system", "content": _PROMPT}, {"role": "user", "content": user}]


def parse_extraction(reply: str, item: Item, answer: str) -> Extraction | None:
    """The validated extraction, None for "unclear"; raises ValueError when unusable."""
    data = _first_object(reply)
    label = data.get("class")
    allowed = {a.answer_class for a in item.answers} | {DONT_KNOW, UNCLEAR}
    if label not in allowed:
        raise ValueError(f"class {label!r} is not one of {sorted(allowed)}")
    if label == UNCLEAR:
        return None
    said = normalize(answer)
    evidence = normalize(str(data.get("evidence") or ""))
    if evidence and evidence not in said:
        raise ValueError(f"evidence {evidence!r} is not in the answer")
    detail = data.get("detail")
    detail = normalize(str(detail)) if detail not in (None, "", "null") else None
    if detail is not None and detail not in said:
        detail = None  # a detail the person never said is not kept
    try:
        confidence = float(data.get("confidence", 0.8))
    except (TypeError, ValueError):
        confidence = 0.8
    confidence = round(min(max(confidence, 0.0), 1.0), 2)
    return Extraction(item.id, label, evidence or said, confidence, detail)


def llm_extract(
    model: ChatModel, item: Item, question: str, answer: str, fallback: Extraction
) -> tuple[Extraction, str]:
    """The LLM's extraction when valid, else `fallback` (the keyword rules' answer); with
    where it came from: "llm", "rules" (the LLM deferred to them, or they kept an alert) or
    "error" (the LLM failed or its JSON was unusable)."""
    try:
        reply = model.generate(
            extraction_messages(item, question, answer), temperature=0.0, max_tokens=80
        )
        found = parse_extraction(reply, item, answer)
    except (LLMError, ValueError) as exc:
        log.info("LLM extraction unusable for %s, keyword rules used: %s", item.id, exc)
        return fallback, "error"
    if found is None or _hides_a_flag(item, fallback, found):
        return fallback, "rules"
    if fallback.answer_class == found.answer_class and fallback.detail and not found.detail:
        found = Extraction(
            found.item_id, found.answer_class, found.evidence, found.confidence, fallback.detail
        )
    return found, "llm"


def _hides_a_flag(item: Item, rules: Extraction, found: Extraction) -> bool:
    """The rules heard something a care worker must see (a flag of medium severity or more)
    and the LLM reads the answer as harmless: keep the alert, a false one costs less."""
    heard = item.answer(rules.answer_class or "")
    read = item.answer(found.answer_class or "")
    serious = (
        heard is not None
        and heard.flag is not None
        and SEVERITY_RANK[heard.flag.severity] >= SEVERITY_RANK["medium"]
    )
    return serious and (read is None or read.flag is None)


def _first_object(reply: str) -> dict:
    for data in json_values(reply, dict):
        return data
    raise ValueError(f"no JSON object in {reply[:80]!r}")
