"""Questions to the agent, decided by their shape (English, P4).

A question to the agent is a closed family (its name, its age, whether it is a real person,
whether it can visit, who gave it the number, where it is calling from, ...). Retrieval by word
overlap confuses its members: "What's your name, sweetheart? You sound ever so young" shares
"young" with "how old are you", and "Couldn't you pop round one afternoon?" shares a visit with
"my grandson came round". What tells them apart is the question's shape: an asking word or an
auxiliary with "you", and the attribute asked about ("your name", "how old", "come round",
"my number"). Each rule below is such a shape; the first in this order (the more
specific first) that a sentence of the utterance matches names the situation (`shape`), and
retrieval then keeps that member of the family only (`dialogue.conversation.retrieve`).

A shape is never a topic word alone: "my son rang" tells, "could you ring my son" asks; "did
you see the match" is about the match (no rule asks about matches).
"""

from __future__ import annotations

import re

from dialogue.guard import sentences

_YOU = r"(?:you|ya|u)"
_AUX = (
    r"(?:can|could|will|would|won't|wouldn't|couldn't|can't|do|did|don't|didn't|are|aren't|"
    r"have|haven't|shall)"
)
# An asking start: an auxiliary then "you" ("could you", "won't you", "why don't you").
_ASK_YOU = rf"\b(?:why )?{_AUX}\s+{_YOU}\b"
# A request: "could you", "won't you", "why don't you" (not "did you", a question of fact).
_REQ = r"\b(?:why don't|can|could|will|would|won't|wouldn't|couldn't|can't)"
_ASK_REQ = rf"{_REQ}\s+{_YOU}\b"

# (situation id, shape), first match wins: the more specific shapes come first.
_RULES: list[tuple[str, str]] = [
    (
        "ask_recording",
        r"\b(?:being|be|get|gets|getting|is|are|was) (?:recorded|taped)\b|"
        r"\b(?:recording|taping|record|tape)\s+(?:this|me|us|it|what|the call|all)\b|"
        r"\bwho (?:listens|hears|gets to hear|else hears)\b|"
        r"\b(?:any(?:one|body)|some(?:one|body)) (?:listening|listens|hear(?:s|ing)?) "
        r"(?:in|to|what)\b|"
        r"\bwhere does (?:this|it|what i say)\b[^.?!]*\bgo\b|\bis (?:this|the) call private\b",
    ),
    (
        "ask_real_person",
        rf"\b(?:are|r|aren't)\s+{_YOU}\s+(?:a |an |one of )?(?:real|proper|actual|live|human|"
        r"person|robot|machine|computer|recording|ai|bot)\b|"
        r"\b(?:is|'s) (?:this|it|that) (?:a |an )?(?:real|recording|machine|computer|robot|"
        r"recorded message|person|human)\b|"
        r"\b(?:am i|are we|is it) (?:\w+ )?(?:talking|speaking|chatting) (?:to|with) (?:a |an )?"
        r"(?:real|actual|machine|computer|robot|recording|person|human|live)\b|"
        rf"\b{_YOU}(?:'re| are) not (?:a )?(?:real|human|person|proper)\b|"
        r"\b(?:automatic|automated|computer) (?:call|voice)s?\b|\bai things?\b|"
        r"\b(?:any|some)(?:body|one) real\b|\bhuman or (?:a |an )?(?:computer|machine|robot)\b|"
        rf"\b{_YOU} sound like a (?:robot|machine|computer)\b[^.]*\?|"
        r"\bone of (?:these|those|them) (?:computer|robot|machine|automatic)",
    ),
    (
        "ask_who_gave_number",
        rf"\b(?:who|how|where|why)\b[^.?!]*\b{_YOU}\b[^.?!]*\b(?:my|this|me) (?:phone |telephone "
        r"|home )?number\b|\bwho (?:gave|give|passed|handed)\b[^.?!]*\bnumber\b|"
        r"\bwho told you (?:to|about)\b|\bwho put me on\b|"
        r"\bhow (?:did|do|d') ?you (?:know|find|get) (?:me|my|where|about me)\b",
    ),
    (
        "ask_agent_name",
        r"\b(?:your|ya|yer) (?:name|names)\b|\bcatch (?:your|the) name\b|"
        r"\bwho (?:am i|is this|'s this|is that|'s that|is calling|'s calling|is speaking|"
        r"are you(?! (?:work|with|from|calling)))\b|"
        r"\bwho (?:am i |i am |i'm )?(?:talking|speaking) (?:to|with)\b|"
        r"\bwhat (?:do|shall|should|can|may) i call you\b|\bwhat(?:'s| is| was) it again\b|"
        r"\bwho(?:'s| is) calling\b|\bwho might you be\b|"
        r"\bwhat (?:do|did) (?:they|people|you say they|you say people) call you\b|"
        rf"\b(?:have|got)\s+{_YOU}\s+(?:got\s+)?a name\b",
    ),
    (
        "ask_agent_age",
        rf"\bhow old (?:are|were|'re)\s+{_YOU}\b|\b(?:your|ya) age\b|"
        rf"\bwhen (?:were|was)\s+{_YOU}\s+born\b|\b(?:are|aren't)\s+{_YOU}\s+(?:older|younger)\b|"
        rf"\bhow old\b[^.?!]*\b{_YOU}\b|\bwhat year (?:were|was)\s+{_YOU}\s+born\b|"
        rf"\b(?:are|aren't)\s+{_YOU}\s+(?:a |very |quite |only )?young\b",
    ),
    (
        "ask_visit",
        rf"{_ASK_REQ}\s+(?:\w+\s+)?(?:come|pop|drop|call|stop|swing|nip)\s+"
        r"(?:round|over|by|in|along|and see|to see|and visit)\b|"
        rf"{_ASK_REQ}\s+(?:\w+\s+)?(?:visit|see) me\b|"
        rf"\bif\s+{_YOU}(?:'re| are| were| ever| happen)\b[^.?!]*\b(?:this way|round|over|"
        r"by|passing|near|in the area|up|down)\b|"
        r"\b(?:come|pop|drop) (?:round|over|by|in) (?:and|for|one|some|sometime|any)\b|"
        r"\bcome (?:and |to )?(?:see|visit) me\b|\bknock (?:on|at) (?:my|the)? ?door\b|"
        r"\bpay me a visit\b|\b(?:come|drop|pop|call) (?:by|round|over|in on|to) (?:me|my "
        r"(?:place|house|home|flat))\b|\bsend (?:some|any)(?:one|body) (?:over|round|out)\b|"
        r"\b(?:can|could|will|would) (?:some|any)(?:one|body) come\b",
    ),
    (
        "ask_where_from",
        rf"\bwhere(?:abouts)?\b[^.?!]*\b{_YOU}\b[^.?!]*\bfrom\b|"
        rf"\bwho (?:do|are|d')\s*{_YOU}\s+(?:work(?:ing)?|with) (?:for|with)?\b|"
        r"\bwhat (?:company|firm|office|outfit|organi[sz]ation|department)\b|"
        r"\bwho sent you\b|\bwho(?:'s| is) this call from\b|"
        rf"\bsound(?:s)? like {_YOU}(?:'re| are) from\b|"
        rf"\b(?:which|what) \w+ (?:are|r)\s+{_YOU}\s+(?:from|with|ringing from|calling from)\b|"
        rf"\b(?:are|r)\s+{_YOU}\s+(?:ringing |calling |phoning )?from (?:the|a|an)\b|"
        r"\bon behalf of\b|\bwhat(?:'s| is) this (?:call )?(?:about|for)\b|"
        rf"\b{_YOU}(?:'re| are) not from (?:round|around|near) here\b",
    ),
    (
        "ask_agent_where_live",
        rf"\bwhere(?:abouts)? (?:do|d')\s*{_YOU}\s+live\b|\bwhere(?:abouts)? (?:are|r)\s+{_YOU}\b|"
        rf"\b(?:are|r)\s+{_YOU}\s+(?:local|nearby|near here|round here|far)\b|"
        rf"\bdo\s+{_YOU}\s+live\b",
    ),
    (
        "ask_agent_how_are_you",
        rf"\bhow (?:are|r|'re)\s+{_YOU}(?:\s+(?:keeping|doing|getting on|going|today|"
        r"yourself|then|love|dear|darling|pet|duck|sweetheart|these days|lately))*\s*(?:[?,.!]|$)|"
        r"\bhow(?:'s| is| has) (?:your day|life (?:with|treating) you|things with you|"
        rf"it going with you)\b|\bhow have\s+{_YOU}\s+been\b|"
        rf"\b(?:and|what about|how about)\s+(?:{_YOU}|yourself)\s*\?|"
        rf"\b(?:are|r)\s+{_YOU}\s+(?:keeping )?(?:well|alright|all right|okay|ok)\b",
    ),
    (
        "ask_agent_tired",
        rf"{_ASK_YOU}\s+(?:ever\s+)?(?:get\s+)?(?:tired|weary|worn out|sleep|need a (?:rest|"
        rf"break))\b|\b{_YOU} must be (?:tired|worn out|exhausted|shattered)\b|"
        rf"\b(?:do|don't)\s+{_YOU}\s+(?:ever\s+)?(?:get|have)\s+(?:a )?(?:rest|break|day off|"
        r"weekends? off|holiday)\b",
    ),
    (
        "ask_agent_ate",
        rf"\b(?:are|r)\s+{_YOU}\s+eating\b|"
        rf"\b(?:have|did|had|'ve)\s+{_YOU}\s+(?:had|have|eaten|eat|got)\s+(?:your |any |some |a )?"
        r"(?:lunch|dinner|breakfast|tea|supper|anything|something|bite|meal)\b|"
        rf"\b(?:have|did)\s+{_YOU}\s+(?:eaten|eat)\b|\bdo\s+{_YOU}\s+(?:ever\s+)?eat\b",
    ),
    (
        "ask_agent_married",
        rf"\b(?:are|r)\s+{_YOU}\s+(?:married|single|courting|spoken for)\b|"
        rf"\b(?:have|got|do)\s+{_YOU}\s+(?:got |have )?(?:a |any )?(?:husband|wife|boyfriend|"
        r"girlfriend|fella|partner|young man|sweetheart|children|kids|family)\b",
    ),
    (
        "ask_call_family",
        rf"{_ASK_REQ}\s+(?:please\s+)?(?:call|ring|phone|tell|contact|let|get hold of|text)\s+"
        r"(?:my|our)\b|\bgive my \w+ a (?:ring|call|bell|tinkle)\b|"
        r"\bplease (?:let|tell|ring|call|phone) my\b|\bget in touch with my\b|"
        rf"{_ASK_REQ}\s+(?:please\s+)?get hold of my\b|"
        rf"{_ASK_REQ}\s+(?:please\s+)?(?:call|ring|phone)\s+\w+,? (?:my|our)\b",
    ),
    (
        "ask_help_chores",
        rf"{_ASK_REQ}\s+(?:please\s+)?(?:help|sort|fix|pay|fill|mend|do)\b",
    ),
    (
        "ask_call_again",
        rf"\b(?:will|are|when|how often|do)\b[^.?!]*\b{_YOU}\s+(?:be\s+)?(?:call|ring|phone)"
        r"(?:ing)?\s+(?:me\s+|us\s+)?(?:again|back|tomorrow|next|every)\b|"
        r"\bwhen(?:'s| is| will) (?:the|your) next (?:call|ring)\b|"
        rf"\b(?:are|will)\s+{_YOU}\s+(?:going to|gonna) (?:ring|call|phone)\b|"
        rf"\bhow often (?:do|will)\s+{_YOU}\b|\b(?:it|that) be {_YOU} again\b|\bhear from {_YOU}\b",
    ),
    (
        "ask_how_long",
        r"\bhow long (?:will|is|does|'s) (?:this|it|that|the call)\b|\bhow many more\b|"
        r"\b(?:are we|is it|is this|are you) (?:nearly|almost) (?:done|finished|through)\b|"
        r"\b(?:much|any) longer\?|\btake long\b|\bwill (?:this|it) be quick\b|"
        r"\bis there (?:much|many|a lot) more\b|\ba lot (?:more )?(?:of )?questions\b",
    ),
    (
        "ask_agent_hobby",
        rf"\bwhat do\s+{_YOU}\s+(?:like|do|enjoy)\s+(?:doing|for fun|in your)\b|"
        rf"\b(?:have|got)\s+{_YOU}\s+(?:got\s+)?(?:any\s+)?hobb|\b(?:your|ya) hobb",
    ),
    (
        "ask_agent_food",
        rf"\b(?:your|ya) favourite (?:food|dish|meal|dinner)\b|\bwhat do\s+{_YOU}\s+like to eat\b|"
        rf"\bcan\s+{_YOU}\s+cook\b",
    ),
    (
        "ask_agent_like_job",
        rf"\bdo\s+{_YOU}\s+(?:like|enjoy|love)\s+(?:your|this|the)\s+(?:job|work)\b|"
        rf"\bdo (?:they|them) pay\s+{_YOU}\b|\bdo\s+{_YOU}\s+get paid\b|"
        rf"\bdo\s+{_YOU}\s+(?:like|enjoy) (?:doing )?(?:this|it)\b|"
        rf"\bhow many (?:people|calls) do\s+{_YOU}\b|"
        rf"\bhow long have\s+{_YOU}\s+been doing\b|\bis (?:this|it) a good job\b",
    ),
    (
        "ask_agent_remember",
        rf"\bdo\s+{_YOU}\s+(?:remember|know|recall)\s+me\b|\bhave we (?:spoken|talked|met)\b|"
        rf"\bdo\s+{_YOU}\s+(?:remember|recall|know) (?:what i|who i am)\b|"
        r"\bsame (?:one|lady|girl|person|voice) as (?:last|before)\b|"
        rf"\b(?:is|was) (?:it|that)\s+{_YOU}\s+(?:again|from last|last)\b|\bkeep a note\b",
    ),
    (
        "ask_agent_feelings",
        rf"\b(?:do|don't)\s+{_YOU}\s+(?:ever\s+)?(?:get|feel|have)\s+(?:lonely|sad|cross|happy|"
        r"feelings|bored|angry|upset|fed up)\b|"
        rf"\bdo\s+{_YOU}\s+(?:like|enjoy|mind) (?:talking|chatting|speaking) (?:to|with) me\b|"
        rf"\bdo\s+{_YOU}\s+(?:enjoy|like) our (?:chats?|talks?)\b|\bdo\s+{_YOU}\s+care about me\b",
    ),
    (
        "ask_agent_food",
        rf"\bdo\s+{_YOU}\s+(?:like|drink|eat|fancy) (?:chocolate|cake|tea|coffee|biscuits|sweets|"
        rf"\w+ food)\b|\bwhat did\s+{_YOU}\s+have for (?:tea|dinner|lunch|breakfast|supper)\b",
    ),
    (
        "ask_agent_hobby",
        rf"\bwhat do\s+{_YOU}\s+get up to\b|\bfavourite hobby\b|"
        rf"\bdo\s+{_YOU}\s+(?:like|enjoy|do any)\s+\w+ing(?: too)?\s*\?",
    ),
    (
        "ask_weather",
        r"\bwhat(?:'s| is) the weather\b|\bweather (?:forecast|like)\b|\bthe forecast\b|"
        r"\b(?:is|will) it (?:going to |gonna )?(?:be )?(?:cold|hot|rain|raining|snow|pour|nice|"
        r"warm|wet|windy)\b[^.!]*\?|\bwhat will the weather\b|\bumbrella\?",
    ),
    (
        "ask_news",
        r"\bwhat(?:'s| is) (?:in )?the news\b|"
        rf"\b(?:have|did)\s+{_YOU}\s+(?:hear|see|heard|seen) (?:the news|what happened)\b|"
        r"\bwhat(?:'s| is) the date\b|\bwhat(?:'s| is) new in the world\b|\bwho won\b|"
        rf"\bhave\s+{_YOU}\s+heard (?:what|anything)\b|\bany news\b",
    ),
]
_COMPILED = [(sid, re.compile(shape, re.I)) for sid, shape in _RULES]
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def shape(text: str) -> str | None:
    """The question to the agent `text` asks by its shape (a situation id), or None: the
    most specific shape any of its sentences has ("Whereabouts are you? You don't sound like
    you're from round here" asks where the agent is from, not where it lives)."""
    text = text.translate(_APOSTROPHES)
    parts = sentences(text) or [text]
    for situation_id, pattern in _COMPILED:
        if any(pattern.search(part) for part in parts):
            return situation_id
    return None


def situations() -> list[str]:
    """Every situation id a shape may name (each must be an agent_question of the bank)."""
    return [sid for sid, _ in _RULES]
