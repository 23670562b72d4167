"""More English role checks, from the sg-en rule writer's own turns (`guard_en.dev3.jsonl`
and `tests/guard_en_wordings.txt`); their word patterns are in `guard_en_table_more`.

Structural checks that `guard_en_shape.shape_violations` runs:
- `_brand_pitch`: a name written with a capital inside the sentence ("Netflix", "Hello
  Fresh") in a recommendation ("you should try", "have you thought about", "is great for");
- `hearsay` (run by `guard_en_shape._memory_more`, which knows the facts): someone reported
  to the office ("your daughter rang us and said ...");
- `_still`: "still" presupposes what an earlier call said ("Is your hip still giving you
  trouble?"), unless the turn quotes this call ("you said", "earlier") or is a condition ("if
  it's still there tomorrow").
"""

from __future__ import annotations

import re

from dialogue.guard import Violation

# Capitalised words that are no brand: days, months, holidays, titles, the care system.
_NOT_BRANDS = frozenset(
    "i monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december christmas easter god lord nhs "
    "gp dr mr mrs ms miss doctor nurse council centre center day age uk social services "
    "english british care worker clara ai boxing new year".split()
)
# A recommendation frame around the capitalised word.
_PITCH = re.compile(
    r"\b(?:you (?:should|could|might|may|would|must|ought to) (?:really |also |definitely |"
    r"just )?(?:try|get|buy|order|use|download|switch|sign up|join|look at|like|love|enjoy|"
    r"check out|give \w+ a (?:try|go))|have you (?:ever )?(?:try|think about|thought about|"
    r"consider|hear of|hear about|look at|look into|see)|why not (?:try|get|buy|order)|"
    r"get yourself|treat yourself|try (?:the|a|an|some|their|out)|(?:be|be really|be so) "
    r"(?:great|brilliant|good|excellent|lovely|handy|cheap|affordable|popular|the best) "
    r"(?:for|value|and)|swear by|highly recommend|i (?:would|'d) recommend|i recommend|"
    r"do (?:a|some) (?:great|good|lovely))\b|^try \w+ (?:for|from|if|they)\b"
)
_NAMED_BY = re.compile(
    r"\b(?:call|ring|phone|ask|tell|with|see|visit|from|to|your|my|dear|mrs|mr|miss|ms|dr)$"
)


def _brand_pitch(s) -> list[Violation]:
    """A capitalised name (not the first word, not a day or a title) in a recommendation."""
    a = s.analysis
    if not a.cased or not _PITCH.search(s.lemmas):
        return []
    toks = a.tokens
    for i, t in enumerate(toks):
        word = a.cased[t.start : t.end]
        if i == 0 or not word[:1].isupper() or word.lower() in _NOT_BRANDS or len(word) < 3:
            continue
        before = a.cased[: t.start].rstrip()
        if before.endswith((".", "!", "?", ":", '"', "“")):
            continue  # a new sentence starts with a capital
        prev = " ".join(x.lemma for x in toks[max(0, i - 1) : i])
        if _NAMED_BY.search(prev) and t.tag != "X":
            continue  # "call Mary", "with Jean": a person
        return [Violation("advertising", a.span(max(0, i - 1), i))]
    return []


# "I don't have any record of our earlier calls": saying it has no memory is no memory claim
NO_RECORD = re.compile(
    r"\b(?:do not|can not|be not able to|be unable to) (?:have|keep|see|access|remember|recall)"
    r" (?:any |a |the )?(?:record|note|notes|memory|memories|detail|details|transcript)s?\b|"
    r"\bhave no (?:record|note|notes|memory|memories)s?\b"
)

_STILL = re.compile(r"\bstill\b")
_STILL_OK = re.compile(
    r"\b(?:if|when|whether|in case|unless|should) (?:\w+ ){0,4}?still\b|"
    r"\bstill (?:there|here|with me|on the line|listen|awake|up|ok|okay|alright|all right)\b|"
    r"\byou (?:just |also )?(?:say|said|mention|tell me|told me)\b|\b(?:earlier|a moment ago|"
    r"a minute ago|just now|today|this morning|in this call)\b|\bstill (?:a |the )?(?:best|"
    r"worth|important|good idea|fine to)\b|\b(?:i|i be|i will|i can|we) still\b"
)


# what "still" presupposes: the person's own thing, or a trouble, known from before
_STILL_KNOWN = re.compile(
    r"\byour (?:\w+ ){1,2}?(?:be |have |do )?still\b|^(?:be|do|have) (?:the|that) (?:\w+ ){1,3}?"
    r"still\b|\bstill (?:have|get|give|cause|be) "
    r"(?:\w+ ){0,2}?(?:trouble|problem|bother|pain|grief|issue)s?\b|\bstill (?:\w+ )?(?:bad|"
    r"sore|hurt|hurting|ache|aching|play up|playing up|bother|bothering|poorly|ill|worse|swollen|"
    r"struggle|struggling|wait|waiting|off work|broken|not work|leak|leaking|keep you up)\b"
)


def _still(s) -> list[Violation]:
    """ "Is your hip still giving you trouble?": the earlier trouble is a memory it lacks;
    but "Do you still enjoy gardening?" asks, and presumes nothing of an earlier call."""
    lem = s.lemmas
    if not _STILL.search(lem) or _STILL_OK.search(lem):
        return []
    m = _STILL_KNOWN.search(lem)
    if m is None or not (s.question or re.search(r"\b(?:your|you)\b", lem)):
        return []
    return [Violation("memory", s.evidence(m, False))]


_PLANNED = re.compile(
    r"\b(?:the|that|your) \w+(?: \w+)? (?:that )?you (?:be|have be) (?:look forward to|plan|"
    r"dread|dreading|nervous about)\b"
)


def _planned(s) -> list[Violation]:
    """ "Did you enjoy the concert you were looking forward to?": asked, it presumes a memory;
    said back ("especially when you were looking forward to it") it echoes this call."""
    m = _PLANNED.search(s.lemmas)
    if not s.question or m is None or _STILL_OK.search(s.lemmas):
        return []
    return [Violation("memory", s.evidence(m, False))]


_IN_THE_END = re.compile(
    r"\bin the end$|\b(?:ever|finally) (?:get|hear|manage|sort|find)\b|\bsince (?:the|your|that) "
    r"(?:fall|operation|op|accident|stroke|surgery|procedure|treatment|appointment|scan)\b"
)


def _in_the_end(s) -> list[Violation]:
    """ "Did you get your new glasses in the end?": asks after a plan an earlier call held."""
    m = _IN_THE_END.search(s.lemmas)
    if not s.question or m is None or _STILL_OK.search(s.lemmas):
        return []
    return [Violation("memory", s.evidence(m, False))]


# Someone in the person's life reported to the office or the agent: "your daughter rang us
# and said ...", "your neighbour told me ...". Only memory could hold such a contact (the
# shape check `guard_en_shape._memory_more` lets a fact that shares its words through); a
# contact offered ("your son can ring us"), hoped for or asked about is none.
HEARSAY = re.compile(
    r"\b(?:your|the) (?:\w+ ){0,2}?(?:son|daughter|husband|wife|partner|neighbou?r|friend|family|"
    r"grandson|granddaughter|grandchild|grandchildren|sister|brother|niece|nephew|carer|care "
    r"worker|doctor|gp|nurse|surgery|pharmacy|pharmacist|landlord|warden|kid|child|children) "
    r"(?!(?:can|could|will|'ll|would|may|might|should|to|do not|never|please|must) )"
    r"(?:\w+ )?(?:tell|ring|phone|call|email|text|write to|contact|let|get in touch with) "
    r"(?:us|me)\b"
)
_NOT_SAID = re.compile(r"\b(?:if|when|whenever|once|in case|hope|hopefully|ask)\b")


def hearsay(s) -> re.Match[str] | None:
    """The claimed contact, where the sentence states one (not a question or condition)."""
    m = HEARSAY.search(s.lemmas)
    if m is None or s.question or _NOT_SAID.search(s.lemmas[: m.start()]):
        return None
    return m


def more_violations(s) -> list[Violation]:
    return [*_brand_pitch(s), *_still(s), *_planned(s), *_in_the_end(s)]
