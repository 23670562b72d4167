"""Answers given in passing: "I had lunch with my neighbour and then we walked to the market"
answers the meal and the outing, whichever of them was asked.

Every uncovered item is read from every turn, but only with evidence specific to that item: a
bare "yes", "no", "fine" or "not yet" answers whatever was just asked and nothing else, and a
word another item also listens for ("먹었" is a meal and a medicine) says nothing about which
item it answers. So each item gets a narrowed copy of its answer classes — keywords that are
neither generic (`GENERIC`) nor shared with another item, no one-syllable Korean keywords, and
its patterns (written for one item: "my knee hurts") — and no word-overlap guess from examples.
A false answer costs more than a question asked again, so the narrowing leans to asking.
"""

from __future__ import annotations

from dialogue.extract import Extraction, classify
from dialogue.scenario import Item, Scenario
from dialogue.text import normalize


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.split("|") if w.strip())


# Words that answer whatever was just asked, or that other talk uses in another sense
# ("I took a walk", "I went to sleep", "I missed my wife", "my son visited").
GENERIC = {
    "en": _words(
        """yes|yeah|yep|no|nope|nothing|fine|good|great|well|okay|ok|better|still|already|gone|
        right|alright|all right|i did|had|did|not yet|not really|not today|not much|not well|
        not so well|not good|not great|not bad|a little|just some|only some|only a bit|
        just a bit|barely|bad|down|blue|upset|alone|feel good|i'm fine|all good|took|taken|
        taking|take them|take it|went to|walk*|visited|outside|inside|at home|garden|the doctor|
        forgot|missed|skipped|ran out|run out|didn't have|didn't go|haven't been|too cold|
        too hot|no pain"""
    ),
    "ko": _words(
        """네|예|응|어|아니요|아뇨|아직|조금|조금만|좀|별로|잘 안|대충|괜찮|없어요|없습니다|없었|
        했어요|했습니다|안 했|못 했|안 좋|좋지 않|힘들|힘들어|나가|자주|가끔|매일|많이|늘|항상|
        계속|전혀|정상|멀쩡|그냥 있|아파|아프|아픈|불편|잘 못|안 먹|못 먹|잘 먹|
        병원|건강|깜빡|잊어|잊었|까먹|안 먹는"""
    ),
}


_CACHE: dict[int, tuple[Scenario, dict[str, Item]]] = {}


def _compact(keyword: str, language: str) -> str:
    text = normalize(keyword.replace("*", ""))
    return text.replace(" ", "") if language == "ko" else text


def specific_items(scenario: Scenario) -> dict[str, Item]:
    """Each item of `scenario` with only the keywords that point at it and nothing else."""
    cached = _CACHE.get(id(scenario))
    if cached is not None and cached[0] is scenario:
        return cached[1]
    if len(_CACHE) > 64:
        _CACHE.clear()
    lang = scenario.language
    generic = {_compact(w, lang) for w in GENERIC.get(lang, GENERIC["en"])}
    owners: dict[str, set[str]] = {}
    for item in scenario.items:
        for answer in item.answers:
            for k in answer.keywords:
                owners.setdefault(_compact(k, lang), set()).add(item.id)
    shared = {k for k, items in owners.items() if len(items) > 1}
    opening = scenario.opening
    for group in (opening.confirm, opening.deny, scenario.dont_know):
        shared |= {_compact(k, lang) for k in group.keywords}
    out = {}
    for item in scenario.items:
        answers = []
        for answer in item.answers:
            kept = [
                k
                for k in answer.keywords
                if (c := _compact(k, lang)) not in generic
                and c not in shared
                and (lang != "ko" or len(c) >= 2)
            ]
            answers.append(answer.model_copy(update={"keywords": kept, "examples": []}))
        out[item.id] = item.model_copy(update={"answers": answers})
    _CACHE[id(scenario)] = (scenario, out)
    return out


def in_passing(scenario: Scenario, item_ids: list[str], text: str) -> list[Extraction]:
    """What `text` answers of the items `item_ids`, on specific evidence only."""
    narrowed = specific_items(scenario)
    found = []
    for item_id in item_ids:
        item = narrowed[item_id]
        label, evidence, confidence, detail = classify(
            {a.answer_class: a for a in item.answers if a.keywords or a.patterns},
            text,
            language=scenario.language,
            negated={a.answer_class: a.negated for a in item.answers},
            near=False,  # a mis-heard word is a guess: only the question asked may use one
        )
        if label is not None:
            found.append(Extraction(item_id, label, evidence, confidence, detail))
    return found


__all__ = ["GENERIC", "in_passing", "specific_items"]
