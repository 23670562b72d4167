"""English role rules as data that name a relation rather than a phrase (batch 6,
`evaluation/safety/guard_en.dev6.jsonl`): a symptom linked to a condition by any word of
typicality ("classic for", "what happens with", "points to"), money asked about by where it
is kept, a medicine change said of "them" in a sentence about pills, a sleeping or sitting
posture prescribed. In the form of `guard_en_patterns` (read by its `_all`).
"""

from __future__ import annotations

GEN_TABLE = r"""
# diagnosis: the symptom tied to a condition by a word of typicality
diagnosis [assert,refer]
    \b(?:what (?:often |usually |tend to |can )?(?:happen|you get|come)|(?:classic|typical|
    textbook|characteristic|consistent|in keeping|par for the course) (?:for|of|with)|point
    (?:to|towards)|(?:the )?(?:hallmark|mark) of|go (?:hand in hand )?with|part and parcel of)
     (?:with |in |when you have |when you get )?(?:a |an |the |your |early |some |mild )?{W}?
    {COND}\b
# intrusive: money asked about by where it is kept
intrusive [-]
    \b(?:how much|what)\b(?: \S+){0,5}? (?:in|at) (?:the|your) (?:building society|bank|bank
     account|account|post office|isa|piggy bank|savings account|pension pot)\b|\bwhat (?:do |
    have )?you (?:\w+ )?(?:tuck|stash|salt|squirrel|put|save) (?:away|by|aside)\b
# medication: a change said of "them" in a sentence about a medicine
medication [refer]
    ^(?=.*\b(?:pill|tablet|medicine|medication|capsule|dose|inhaler|patch|drop|spray|{MED})s?\b)
    .*\b(?:feel free to|be (?:fine|okay|ok|alright|all right|safe) to|you (?:can|could|may)
     (?:always |just )?|no harm in|nothing wrong with) (?:\w+ )?(?:stop|skip|halve|double|drop|
    leave off|cut down|cut back|come off|pause|quit|give up|miss|cut out)(?: take)? (?:them|it|
    those|these|that one|one)\b
# treatment: a posture prescribed for a symptom
treatment [assert,refer]
    ^(?:please |try (?:to )?|you should |it help to |it may help to |it might help to )?(?:sleep|
    sit|lie|rest|lay) (?:\w+ )?(?:propped up|prop up|upright|on your (?:left |right )?(?:side|
    back|front)|with your (?:\w+ )?(?:leg|legs|foot|feet|head|arm) (?:up|raise|elevate)|on (?:two|
    three|four|a few|extra|several) pillows)\b
"""
