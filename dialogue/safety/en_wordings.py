"""More wordings for the English detector: sound-alikes, concept phrases and a few rules.

Written from the rule writer's own batch (`evaluation/safety/emergency_en.dev3.jsonl`) and new
paraphrases per category: how older callers and a recogniser word the same trouble. Kept out
of `en_concepts` / `en_lexicon` (both near their size limit) and merged into them on import:
`EXTEND` adds phrases to an existing concept, `NEW` adds concepts, `RULES` adds rules.
"""

from __future__ import annotations

# Sound-alikes a recogniser writes (see `en_redflags.ASR_ALIASES`): a token also matches the
# word it stands for, never instead of itself.
ASR_MORE: dict[str, str] = {
    "breeve": "breathe",
    "breve": "breathe",
    "breev": "breathe",
    "brieve": "breathe",
    "breff": "breath",
    "breth": "breath",
    "breaf": "breath",
    "bref": "breath",
    "bleech": "bleach",
    "bleache": "bleach",
    "blech": "bleach",
    "poisen": "poison",
    "poyson": "poison",
    "pioson": "poison",
    "overdoes": "overdose",
    "chokin": "choking",
    "unconcious": "unconscious",
    "unconchus": "unconscious",
    "concious": "conscious",
    "ambalance": "ambulance",
    "amblance": "ambulance",
    "ambulanc": "ambulance",
    "attak": "attack",
    "atack": "attack",
    "stroak": "stroke",
    "strok": "stroke",
    "fyre": "fire",
    "fier": "fire",
    "smok": "smoke",
    "smoake": "smoke",
    "dieing": "dying",
    "dyin": "dying",
    "collaps": "collapsed",
    "collasped": "collapsed",
    "fallen": "fall",
    "tite": "tight",
    "tyte": "tight",
    "were": "where",  # "i don't know were i am": only phrases with "where" see it
    "suiside": "suicide",
    "sucide": "suicide",
    "bleedn": "bleeding",
    "hurtin": "hurting",
    "kickd": "kicked",
}

# fmt: off
EXTEND: dict[str, str] = {
    # "pressure in my chest": more words for how a chest feels wrong
    "VAGUE": "type; tied; tite; tyte; squeezy; clamped; gripped; bursting; burst",
    "CHOKE": (
        "stuck in my throat; caught in my throat; lodged in my throat; stuck in my gullet; "
        "stuck in my windpipe; something stuck in my throat; can not swallow it; throat feel "
        "like it be closing; throat be closing; throat closing up; throat be swelling|swell up"
    ),
    "SOB": "can not stop panting; keep panting; panting like a dog",
    "POISON": (
        "anti freeze; antifreeze; anti _ freeze; bleach; descaler; oven cleaner; toilet "
        "cleaner; washing up liquid; fabric softener; methylated spirit; meths; slug pellets; "
        "lamp oil; paraffin; petrol; caustic soda; rat bait"
    ),
    "SUICIDE": (
        "want it to be over; want it all over; want it to stop for good; can not go on "
        "living; not go on living; no point in living; no point living; not want to wake up; "
        "go to sleep forever; go to sleep for ever; sleep forever and not wake; say goodbye to "
        "everyone; written my goodbye; written goodbye letters; goodbye letters; not be here "
        "tomorrow; won't be here tomorrow; not be around much longer; join my husband|wife; "
        "be with my husband|wife now; do something stupid; end my days"
    ),
    # weary of life: the agent asks ("I'm so tired of living")
    "HOPELESS": "fed up with|of living; sick of living; tired of life; fed up with|of life",
    "VICTIM": (
        "be kicked; be slapped; be shoved; be pushed; be strangled; be throttled; be grabbed; "
        "be threatened; be punched; be thumped; be bitten; be burned|burnt by him|her; been "
        "knocked about; be knocked about; be battered; be kicked about; be roughed up"
    ),
    "WHEREIAM": (
        "what house i be in; what place i be in; which house i be in; whose house this be; "
        "whose house be this; what this place be; what this house be; where i be going; where "
        "this be"
    ),
    "LOST": (
        "what house|place|room be i in; which house|place be i in; what be this place; what be "
        "this house; where be i now; whose house be this"
    ),
    "INTRUDER": (
        "stranger be in my|the house|home|flat|room|bedroom|kitchen|garden|hall|hallway; "
        "strangers in my|the house|home|flat|kitchen; stranger 's in my"
    ),
    "FIRE": "on fir; be on fir; on fier; on fyre",
    "HOPEIDIOM": "at; with the remote; with computers; with phones; with technology",
    "FALLIDIOM": "head over heels for|with|in; dryer; drier; drying; weed; weeds",
    "FIREIDIOM": "drill; fire drill; practice; the news; extinguisher; blanket",
    "ALARMIDIOM": "false alarm; false; the wind; drill; went off by mistake; needs a new",
    "CHRONIC": (
        "copd; emphysema; on oxygen; his|her inhaler; a heart condition; heart failure; "
        "his|her condition; he|she have always; for years now; since he|she be little; "
        # a habit: a time of day in the plural, or the complaint put down to a known condition
        "in the mornings|evenings|afternoons|nights; of an evening|a night|a morning; at nights; "
        "it be my|his|her asthma|copd|emphysema|bronchitis|hay fever|angina|arthritis|sinuses"
    ),
    "RESOLVED": (
        "stop after; stopped after; stop on its own; stopped on its own; stop by itself; "
        "stopped by itself; only a graze; just a graze; only a scratch; just a scratch; "
        "only a bruise; just a bruise; just bruised; only bruised; not a mark; nothing serious; "
        "no bones broken; only grazed; just grazed"
    ),
    "HEADHIT": "knock|knocked myself out|silly|senseless",
    "NOFOOD": (
        "can not get any food; can not get food; hungry for days; starving for days; not eat "
        "properly for days; no water for ages|days|hours; nothing to drink for ages|days|hours; "
        "no food for ages|days; nothing to eat for ages|days"
    ),
    "GETUPIDIOM": "the energy to; the motivation; going in the morning",
    "RF_THESEDAYS": "these days; a little and often; little and often; never been a big eater",
}

NEW: dict[str, str] = {
    # stuck somewhere that is not the floor, for a long time: asks one question
    "STUCKLONG": (
        "can not get out of bed; can not get out of the|my bed|chair|bath; stuck in bed; stuck "
        "in the|my chair|bath; can not get out of it; can not get myself out; can not get up out "
        "of bed; can not get up out of the|my chair|bed"
    ),
    "LONGTIME": (
        "all night; since yesterday; since last night; since this morning; for hours; hours; "
        "for ages; ages; since teatime; since lunchtime; since the morning; overnight; all day; "
        "since; been here"
    ),
    # assault described by what was done to a part of the speaker
    "ASSAULT": (
        "grab|twist|twisted|yank|pull|squeeze my arm|wrist|throat|neck|hair; "
        "grab|twist|yank|pull|squeeze me by the arm|wrist|throat|neck|hair; "
        "throw|threw|thrown _ at me; throw|threw|thrown _ _ at me; throw|threw|thrown the _ at "
        "me; hands round|around my throat|neck; put his|her hands on me; knock|knocked me "
        "down|over; knock|knocked me to the floor; pin|pinned me; spit|spat at me; hit me with; "
        "hurt me; hurting me; black eye; split my lip"
    ),
    # pills taken with drink: the agent asks
    "MIXDRINK": (
        "with whisky|whiskey|wine|gin|vodka|beer|brandy|sherry|rum|alcohol|booze|drink; and "
        "whisky|whiskey|wine|gin|vodka|brandy|sherry|rum|alcohol|booze"
    ),
    # breathless from effort or a cold: not an emergency by itself
    "EXERTION": (
        "on the stairs; up the stairs; from the stairs; up the hill; from "
        "hoovering|vacuuming|walking|gardening|cleaning|dancing|rushing|hurrying; after "
        "hoovering|walking|gardening|climbing; after the walk|stairs; from the walk; from my|the "
        "cold; with my|this cold; from the cold; because of my|the cold; when i walk|climb|rush|"
        "hurry; from carrying; after carrying"
    ),
    # words that will not come: the agent asks
    "SPEECHGONE": (
        "nothing come|came out right|properly; word|words will not come out; word|words would "
        "not come out; can not get the|my words out; can not get my words; can not find my "
        "words; voice have go|gone funny|strange; wrong word|words keep coming out; wrong "
        "word|words come out"
    ),
    # a deep or bad cut: the agent asks about the bleeding
    "BADCUT": (
        "cut himself|herself|myself|themselves badly|bad|deep|deeply; cut his|her|my _ badly; "
        "cut his|her|my _ =open; slice|sliced his|her|my _ =open; deep cut; nasty cut; bad cut; "
        "gash; gashed; big cut; cut to the bone"
    ),
    # medicine within a child's or a confused person's reach
    "GOTMEDS": (
        "get|got hold of my|the|his|her tablets|pills|medicine|medication; "
        "get|got into my|the|his|her tablets|pills|medicine|medication; eat|ate|eaten some of my "
        "tablets|pills"
    ),
    # a heart that feels as if it would burst or stop
    "HEARTBURST": (
        "heart be going to burst|explode|stop; heart feel like it be going to burst|stop; heart _ "
        "burst out of my chest; heart be going to jump out; heart keep stopping"
    ),
    # "my head's spinning with all these forms": busy, not dizzy
    "SPINIDIOM": (
        "with all; with the|these|those; over the|these|those; form; forms; bill; bills; "
        "paperwork; letter; letters; question; questions; news; figures; numbers; choices"
    ),
    # "I'm blowing hot and cold about the trip": undecided, not cold
    "MOODIDIOM": "blow|blowing hot and cold; hot and cold about; cold feet; in two minds",
    # "I haven't gone without food": the negation of a lack
    "NOTWITHOUT": (
        "not go without; not gone without; never go without; never gone without; not going "
        "without; never without; not short of food; plenty of food; plenty to eat"
    ),
}
# fmt: on


def merged(concepts: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """`EXTEND` and `NEW` added to the concepts (name -> phrases) `en_concepts` built."""
    from dialogue.safety import en_shapes

    out = dict(concepts)
    for more in (EXTEND, NEW, en_shapes.EXTEND, en_shapes.NEW):  # batch 5's shapes after
        for name, phrases in more.items():
            out[name] = out.get(name, ()) + tuple(p.strip() for p in phrases.split(";"))
    return out


def _rules():
    from dialogue.safety import en_shapes
    from dialogue.safety.en_lexicon import Rule

    E, K = "emergency", "check"
    return (
        Rule("fall", K, ("STUCKLONG",), name="stuck in bed or chair"),
        Rule("fall", E, ("STUCKLONG", "LONGTIME"), 12, cross=True, name="stuck for hours"),
        Rule("violence", E, ("ASSAULT",), who="agent", name="assaulted"),
        Rule("overdose", K, ("MED", "MIXDRINK"), 8, name="pills with drink"),
        Rule("stroke", K, ("SPEECHGONE",), name="words will not come"),
        Rule("bleeding", K, ("BADCUT",), name="bad cut"),
        Rule("overdose", K, ("GOTMEDS",), who="place", name="got hold of the pills"),
        Rule("cardiac", K, ("HEARTBURST",), unless=("EXCITED", "GIVE"), name="heart bursting"),
        *en_shapes.RULES(),
    )


RULES = _rules
