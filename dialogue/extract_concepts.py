"""Answers read by concept classes when no keyword of the item was said (English).

"Beans on toast at lunchtime" names no keyword of "Did you eat today?" ("ate", "had lunch"),
but it names a food and a mealtime, and the item's own examples of an answer that it ate are
full of foods and mealtimes. So words and phrases fold into concept classes (FOOD, MEALTIME,
BODY, COMPLAINT, SMALL, ...), each answer class gets a profile of the concepts its keywords,
examples and description name (a concept said under a negator is its opposite, NOT_-prefixed:
"nothing hurts" is NOT_HURT, no HURT, for "no pain"), and an utterance is read as the class its own
concepts point to most: a concept counts for a class by its share of that concept's mentions
over all the item's classes ("P(class | concept)").

Nothing here knows an item or a scenario: the profiles come from the scenario's own answers,
so a new item with examples gets the same reading. A concept said under a negator in the
utterance is its opposite ("I couldn't eat a thing" is NOT_EAT, no EAT, for "skipped"). A
reading needs two concepts' worth of support to stand as a sure answer; one concept is a weak
(guessed) one that a remark the words clearly make outranks (`Extraction.weak`): "before I
forget, my grandson came" is no skipped meal.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dialogue.scenario import Item
from dialogue.text import normalize

# Phrases whose meaning carries its own polarity: matched before words, never negated.
_PHRASES_EN: dict[str, str] = {
    r"(?:could ?n'?t|could not|can'?t|cannot) face": "NO_APPETITE",
    r"no appetite|lost my appetite|off my food|(?:was ?n'?t|not|wasn'?t very) hungry|"
    r"picked at|had no stomach": "NO_APPETITE",
    r"not (?:too|so|that|half) bad|not bad|all ?right|alright|okay|\bok\b|fine|fair|decent|"
    r"so-so|mustn'?t grumble|can'?t complain": "OKAY",
    r"playing (?:me )?up|giving me (?:gyp|jip|grief|trouble|bother|jip)|killing me|"
    r"acting up|bothering me|(?:is|are|was|were|been) (?:bad|awful|terrible|murder)": "COMPLAINT",
    r"like a (?:log|baby|top)|(?:dead|fast) to the world|went straight off|"
    r"(?:a )?good (?:night|kip|rest)|out like a light|(?:did ?n'?t|did not|never) (?:stir|wake)|"
    r"slept (?:right |straight )?through|(?:went|dropped) (?:straight|right) off": "SLEPT_WELL",
    r"(?:up|awake) (?:and down )?(?:all|half|most of) (?:the )?night|(?:lay|lying|lie) awake|"
    r"up and down (?:in|during) the night|"
    r"(?:up|awake) (?:every|most) (?:hour|of the night)|"
    r"(?:bad|rotten|awful|terrible) night|tossing|"
    r"(?:woke|waking|wake|woken) (?:(?:up|me|myself) )?(?:\w+ )?"
    r"(?:times|again|early|twice|in the night)": "SLEPT_BADLY",
    r"(?:felt|feel|feeling|i'?m|i am) (?:a bit |rather |quite |very )?"
    r"(?:low|down|fed up|miserable|glum|flat|out of sorts)": "LOW",
    r"cheered (?:me )?(?:right )?up|(?:in )?(?:good|grand|high) (?:spirits|mood|form)|"
    r"chipper|chirpy|over the moon|on top of the world|(?:i'?m|i am|feeling|feel) "
    r"(?:truly |so |very )?(?:blessed|chuffed|champion|grand|tickled)": "GOOD_MOOD",
    r"(?:never|not) (?:left|been out of|set foot (?:out(?:side)?|outside)|stepped out)|"
    r"(?:stopped|stayed|stop|stay|staying|stopping) (?:in|indoors|home|at home|put)|"
    r"(?:in|indoors) all day": "STAYED_IN",
    # Consequences and idioms that say an answer without its words (session 10): a plate
    # left clean is a meal eaten, a clock watched is a night awake, pills still in their box
    # were not taken, a tune hummed is a good mood.
    r"clean plate|(?:cleared|cleaned) (?:my|the) plate|licked (?:it |the plate )?clean|"
    r"polished (?:it |the lot |everything )?off|finished (?:off|the lot|it all|everything)|"
    r"(?:ate|had) the lot|well fed": "EAT",
    r"up and down (?:all|half|most of) (?:the )?night|watch(?:ed|ing) the clock|"
    r"(?:awake|a wake|up) (?:for )?(?:most|much|half) (?:of )?(?:the|the whole) night|"
    r"(?:did ?n'?t|could ?n'?t|never) (?:drop|get|nod) off|every time i (?:dropped|"
    r"nodded) off|up (?:a few|several|three|four|two|many) times|(?:up|awake) (?:at|till|until|"
    r"making tea at) (?:one|two|three|four|five|1|2|3|4|5)\b": "SLEPT_BADLY",
    r"(?:did ?n'?t|never) (?:stir|wake|hear a (?:thing|sound))|out like a light|"
    r"slept (?:right |straight )?through|went out like|(?:dropped|nodded) (?:straight )?off "
    r"(?:straight away|at once|as soon as)": "SLEPT_WELL",
    r"fit as a fiddle|right as rain|fine fettle|never (?:felt )?better|(?:i'?m|im|feeling) grand|"
    r"champion": "OKAY",
    r"on the low side|could be better|(?:been )?(?:crying|in tears|weeping)|(?:a lot|lots|too "
    r"much) on my mind|nothing (?:feels|seems|is) worth|(?:bit|feeling|feel) low": "LOW",
    r"singing|humming|whistling|dancing|laughing|blessed|content|thankful|grateful": "GOOD_MOOD",
    r"without fail|never (?:miss|forget) (?:them|it|one|a day|my)": "TOOK",
    r"(?:by|in front of) the fire|in my (?:chair|dressing gown|nightie|pyjamas|slippers)|"
    r"(?:here|home|in) all day": "STAYED_IN",
    r"(?:still|sitting) (?:in the box|in the packet|on the table|there|in their)|"
    r"still sitting": "FORGOT",
    r"popped (?:\w+ ){0,3}?out|(?:they'?re|all) (?:all )?down|ticked (?:\w+ ){0,2}?off": "TOOK",
    # The thing asked about, had: "I had them at eight" took the pills the question named.
    r"(?:had|swallowed|done) (?:them|it|'em|those|mine|the lot)": "TOOK",
    # A habit kept without a miss: "every morning without fail", "like clockwork".
    r"without fail|like clockwork|religiously|never (?:miss|forget) (?:them|a (?:day|dose))|"
    r"(?:box|packet|pack|strip|compartment) (?:is|was)(?: all)? empty": "TOOK",
    # No medicine at all: "I'm not on anything", "nothing I have to take".
    r"not on (?:anything|any)|(?:don'?t|do not|never) take (?:anything|any)|"
    r"nothing (?:i )?(?:have |need )?to take|no (?:pills|tablets|medication|medicine|"
    r"prescriptions?)": "NO_MEDS",
    # An answer that echoes the question's verb ("I did", "I must have done"): a yes.
    r"(?:must|should|would|will|might) have done|(?:i )?must have(?= *(?:$|[.,;!?]))|"
    r"(?:i|we) (?:did|have|do)(?= *(?:$|[.,;!?]))": "YES",
}

_WORDS_EN: dict[str, str] = {}
for _concept, _words in {
    "FOOD": """toast egg eggs bean beans soup porridge cereal cornflakes sandwich sandwiches
        bread roll rolls rice fish chips potato potatoes stew casserole pie biscuit biscuits
        cracker crackers cake fruit apple banana orange salad cheese ham bacon sausage sausages
        porridge toast stew yoghurts sandwich soldiers banana slice
        chicken beef lamb pork pasta noodles yoghurt yogurt omelette pudding crumpet crumpets
        muffin scone scones vegetables veg meat mince gravy kipper kippers beans jam marmalade
        bun buns custard jelly curry roast snack bowl plate bite bites""",
    "MEALTIME": """breakfast lunch lunchtime dinner dinnertime supper teatime brunch meal
        meals""",
    "EAT": "ate eat eaten eating ate",
    "SMALL": """couple few bit little half crumb crumbs mouthful mouthfuls spoonful spoonfuls
        nibble nibbled morsel sliver barely hardly only small tiny scrap""",
    "BODY": """back knee knees hip hips leg legs shoulder shoulders neck head stomach tummy
        foot feet arm arms hand hands wrist wrists ankle ankles joint joints elbow elbows toe
        toes finger fingers bones spine sciatica arthritis gout rheumatism bunion""",
    "HURT": """hurt hurts hurting ache aches aching achy pain pains painful sore stiff swollen
        throbbing throbs twinge twinges tender cramp cramps agony niggle niggling""",
    "SLEEP": "slept sleep sleeping night kip asleep",
    "PILLS": """pill pills tablet tablets medicine medicines medication tablet capsules
        prescription""",
    "TOOK": "took taken swallowed",
    "FORGOT": "forgot forgotten forget missed",
    "OUT": """walk walked stroll strolled shop shops shopping market town bus post office
        salon hairdresser hairdresser's hairdressers barber barber's surgery club seaside
        chemist park church library cafe pub allotment neighbour's friend's outside pond lake
        river canal seafront promenade beach woods""",
    "HOME": "indoors inside home house",
    "YES": "yes yeah yep aye",
}.items():
    for _w in _words.split():
        _WORDS_EN.setdefault(_w, _concept)

# Phrase concepts that a negator before them reverses (the others carry their own polarity).
_NEGATABLE = frozenset({"TOOK", "YES"})
# Concepts that only say how much: never an answer on their own.
_MODIFIERS = frozenset({"SMALL", "NOT_SMALL"})
_NEGATORS = frozenset(
    "not no never nothing nothing's nowt nor cannot hardly barely without n't".split()
)
_FUTURE = frozenset("i'll will gonna shall".split())
_BOUNDARY = frozenset("but and though although so because then yet".split())


@lru_cache(maxsize=1)
def _phrase_regexes() -> list[tuple[re.Pattern[str], str]]:
    # "had" with the pills as its object ("had my water pill") took them, as "had them" does
    pills = "|".join(sorted(w for w, c in _WORDS_EN.items() if c == "PILLS"))
    had = {rf"had (?:[\w']+ ){{0,3}}?(?:{pills})": "TOOK"}
    return [(re.compile(rf"(?<![\w']){p}(?![\w'])"), c) for p, c in {**_PHRASES_EN, **had}.items()]


def concepts(text: str) -> list[str]:
    """The concepts `text` names (under a negator: NOT_ and the concept)."""
    return [c for c, _ in spans(text)]


def spans(text: str) -> list[tuple[str, str]]:
    """(concept, the words that name it) for each concept `text` names; one under a negator
    is NOT_ and the concept."""
    chunks = [c for c in re.split(r"[,.;:!?\u2014]+", text) if c.strip()]
    if len(chunks) > 1:  # a negator's reach ends at punctuation: "I didn't skip it, no, cereal"
        return [found for chunk in chunks for found in spans(chunk)]
    norm = normalize(text)
    out: list[tuple[str, str]] = []
    taken: list[tuple[int, int]] = []
    words = list(re.finditer(r"[\w']+", norm))
    for regex, concept in _phrase_regexes():
        for m in regex.finditer(norm):
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                taken.append((m.start(), m.end()))
                if concept in _NEGATABLE:  # "I don't believe I have": no yes
                    first = next(i for i, w in enumerate(words) if w.end() > m.start())
                    concept = _negate(
                        concept, [w.group() for w in words[max(0, first - 3) : first]]
                    )
                out.append((concept, m.group()))
    for i, m in enumerate(words):
        if any(s <= m.start() < e for s, e in taken):
            continue
        word = m.group()
        concept = _WORDS_EN.get(word) or _WORDS_EN.get(word.removesuffix("'s"))
        if concept is None:
            continue
        out.append((_negate(concept, [w.group() for w in words[max(0, i - 3) : i]]), word))
    return out


def _negate(concept: str, before: list[str]) -> str:
    """`concept`, or NOT_ and it when a negator (or, for an action, "will") comes before it in
    its clause: under a negator a concept says its opposite ("not a twinge" is no HURT, and it
    is what "nothing hurts" says), and the profiles count it the same way from the examples."""
    for w in reversed(before):
        if w in _FUTURE and concept in ("EAT", "TOOK"):  # "I'll eat later": not yet
            return f"NOT_{concept}"
        if w in _BOUNDARY:
            return concept
        if w in _NEGATORS or w.endswith("n't"):
            return f"NOT_{concept}"
    return concept


_CACHE: dict[int, tuple[Item, dict[str, dict[str, float]]]] = {}


def _profiles(item: Item) -> dict[str, dict[str, float]]:
    """Per answer class, how often each concept is named by its keywords, examples and
    description."""
    cached = _CACHE.get(id(item))
    if cached is not None and cached[0] is item:
        return cached[1]
    if len(_CACHE) > 256:
        _CACHE.clear()
    out: dict[str, dict[str, float]] = {}
    for answer in item.answers:
        counts: dict[str, float] = {}
        lines = [*answer.examples, answer.description]
        lines += [k.replace("*", "") for k in answer.keywords]
        for line in lines:
            for c in concepts(line):
                counts[c] = counts.get(c, 0.0) + 1.0
        out[answer.answer_class] = counts
    # What a class's concepts say under a negator is the class its negation counts for (the
    # scenario's `negated`: taken -> missed): "I don't believe I have" is NOT_YES, a miss.
    for answer in item.answers:
        target = out.get(answer.negated or "")
        if target is None:
            continue
        for concept, n in list(out[answer.answer_class].items()):
            if not concept.startswith("NOT_") and concept not in _MODIFIERS:
                target[f"NOT_{concept}"] = target.get(f"NOT_{concept}", 0.0) + n
    _CACHE[id(item)] = (item, out)
    return out


def by_concepts(item: Item, text: str) -> tuple[str | None, float, int, str]:
    """(the answer class the concepts of `text` point to, its support, how many distinct
    concepts back it, the words that named them), or (None, 0, 0, "")."""
    named = spans(text)
    said = {c for c, _ in named}
    if not said:
        return None, 0.0, 0, ""
    profiles = _profiles(item)
    if not said - _MODIFIERS:  # "a little", "only": how much of something, but of what?
        return None, 0.0, 0, ""
    score: dict[str, float] = {}
    backing: dict[str, int] = {}
    for concept in said:
        total = sum(p.get(concept, 0.0) for p in profiles.values())
        if not total:
            continue
        for label, p in profiles.items():
            if p.get(concept):
                score[label] = score.get(label, 0.0) + p[concept] / total
                backing[label] = backing.get(label, 0) + 1
    if not score:
        return None, 0.0, 0, ""
    ranked = sorted(score.items(), key=lambda kv: -kv[1])
    best, support = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    if support < 0.6 or support - runner < 0.3:
        return None, 0.0, 0, ""
    # The evidence is what points at this class, not what every class shares ("night").
    share = {c: profiles[best].get(c, 0.0) / (sum(q.get(c, 0.0) for q in profiles.values()) or 1)
             for c in said}  # fmt: skip
    backed = {c for c in said if share[c] >= 0.75} or {c for c in said if share[c] > 0}
    evidence = " … ".join(dict.fromkeys(w for c, w in named if c in backed))
    return best, round(support, 2), backing[best], evidence


__all__ = ["by_concepts", "concepts", "spans"]
