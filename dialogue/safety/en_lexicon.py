"""Concepts and rules of the English emergency detector, as data (`dialogue.safety.en` runs them).

A concept is a set of lemma phrases, separated by `;`: words separated by spaces, `a|b` for
alternatives, `_` for any one word (the concepts are in `en_concepts` and `en_symptoms`).
Lemmas, so "fell", "falls" and "fallen" are all `fall`; intensifiers ("really", "so",
"terribly") are skipped inside phrases and not counted in windows.

A rule names the concepts that must all occur in one clause within `window` words of each
other. `who` says whose danger it is: "patient" (the speaker, or someone present in acute
danger), "place" (a fire: wherever it is, it is near), "agent" (someone else does harm to the
speaker). `soft`: "a bit", "slightly" make an emergency a check. `unless`: concepts anywhere in
the clause that make it an idiom; `not_after`: concepts right after the rule's first concept.
"""

from __future__ import annotations

from dataclasses import dataclass

INTENSIFIERS = frozenset(
    "very really so too terribly awfully extremely quite pretty real such totally completely "
    "absolutely bloody damn incredibly super seriously horribly dreadfully suddenly all "
    "just right like ever clean".split()
)
FILLERS = frozenset("um uh er erm hmm ah oh mm".split())
SOFTENERS = (
    "a bit",
    "a little",
    "little bit",
    "bit",
    "slightly",
    "kind of",
    "sort of",
    "somewhat",
    "mild",
    "mildly",
    "tad",
    "kinda",
    "sorta",
    "slight",
    "minor",
    "touch",
)
NEGATORS = frozenset(
    "not never no without nothing none neither nor nobody hardly barely nowt".split()
)

PERSON_OTHER = frozenset(
    "he she they him her them his their husband wife son daughter neighbor neighbour friend "
    "brother sister mother mum mom mam dad father grandson granddaughter grandchild partner "
    "cousin aunt uncle nephew niece carer caregiver lodger man woman lady gentleman guy "
    "person someone somebody people boy girl child kid baby grandma grandpa grandmother "
    "grandfather flatmate roommate law dad mum girlfriend boyfriend fiance fiancee stepson "
    "stepdaughter stepfather stepmother tenant landlord bloke fella chap nan nana gran granny "
    "grandad granddad missus hubby".split()
)
# people by kind rather than by kin (a synonym set over lemmas, so "lads", "thugs" and "two
# strangers" are someone else, as "men" already were): who did it or whom it happened to
PEOPLE_BY_KIND = frozenset(
    "lad lass youth youngster teenager teen yob thug hooligan burglar thief robber intruder "
    "stranger visitor caller salesman workman builder postman fellow gent folk mate pal buddy "
    "geezer gang nurse paramedic policeman policewoman officer relative grandkid resident "
    "passerby pensioner cousin".split()
)
_PRONOUNS = frozenset("he she they him her them his their".split())
RELATIONS = (PERSON_OTHER | PEOPLE_BY_KIND) - _PRONOUNS
PERSON_SELF = frozenset("i me myself we us".split())
BODY = frozenset(
    "chest heart arm arms leg legs face head hand hands foot feet hip hips back neck jaw lip lips "
    "mouth eye eyes side stomach tummy belly nose ear ears knee knees wrist ankle shoulder throat "
    "lung lungs breath breathing speech word words voice tongue skin body ribs finger fingers "
    "toes bowels bladder wound cut".split()
)


ALWAYS = ("fire", "violence", "help")  # no patient to resolve


@dataclass(frozen=True)
class Rule:
    category: str
    decision: str  # "emergency" or "check"
    needs: tuple[str, ...]  # concepts that must all occur in one clause
    window: int = 5
    who: str = "patient"  # "patient", "place", "agent" or "other" (someone else only)
    soft: bool = False  # softeners make an emergency a check
    unless: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    name: str = ""
    cross: bool = False  # the second concept may be in the next clause of the sentence
    unless_sentence: tuple[str, ...] = ()  # like `unless`, anywhere in the sentence
    ordered: bool = False  # the concepts in the order `needs` names them ("hit" then "me")
    sentence: bool = False  # the other concepts anywhere in the first one's sentence
    own_negation: bool = False  # the concept is a negation itself ("ain't had no dinner")
    now: bool = False  # only in the present or with a word of now ("there's a man", not "was")


E, K = "emergency", "check"
RULES: tuple[Rule, ...] = (
    # cardiac
    Rule("cardiac", E, ("CHEST", "PAIN"), 5, soft=True, name="chest+pain"),
    Rule("cardiac", E, ("HEARTATTACK",), unless=("GIVE",), name="heart attack"),
    Rule("cardiac", E, ("PAIN", "RADIATE", "ARMJAW"), 6, soft=True, name="radiating pain"),
    Rule("cardiac", K, ("CHEST", "VAGUE"), 5, name="chest+vague"),
    Rule("cardiac", K, ("HEART", "BEAT"), 4, unless=("EXCITED", "GIVE"), name="heart+racing"),
    Rule("cardiac", K, ("PALE",), name="grey and sweaty"),
    Rule("cardiac", K, ("CRUSHING",), name="crushing pain"),
    Rule("cardiac", K, ("PAIN", "LEFTARM"), 4, unless=("LIMBIDIOM",), name="pain in the left arm"),
    Rule("cardiac", E, ("ANGINA", "NOTHELP"), 8, cross=True, name="angina spray not helping"),
    Rule("cardiac", K, ("PALPITATION",), unless=("EXCITED", "GIVE"), name="palpitations"),
    Rule("cardiac", K, ("HEART", "PAIN"), 3, unless=("EMOTION",), name="heart+pain"),
    # breathing
    Rule(
        "breathing",
        E,
        ("INABLE", "BREATH"),
        5,
        soft=True,
        unless=("BREATHIDIOM",),
        unless_sentence=("LAUGH", "NOSE"),
        name="cannot breathe",
    ),
    Rule(
        "breathing",
        K,
        ("COULDNT", "BREATH"),
        4,
        unless=("BREATHIDIOM",),
        unless_sentence=("LAUGH", "NOSE"),
        name="could not",
    ),
    Rule(
        "breathing",
        E,
        ("SOB",),
        soft=True,
        unless_sentence=("LAUGH", "NOSE"),
        name="short of breath",
    ),
    Rule(
        "breathing",
        E,
        ("CHOKE",),
        soft=True,
        unless=("LAUGH",),
        not_after=("GASPIDIOM", "ME"),
        name="choking",
    ),
    Rule("breathing", K, ("BREATH", "BREATHBAD"), 3, unless=("BREATHIDIOM",), name="bad breath"),
    # stroke
    Rule("stroke", E, ("FACE", "DROOP"), 6, soft=True, name="face droop"),
    Rule("stroke", E, ("INABLE", "MOVE", "LIMB"), 5, name="cannot move limb"),
    Rule("stroke", E, ("ONESIDE", "NUMB"), 6, name="one side numb"),
    Rule("stroke", E, ("ONESIDE", "WEAK"), 6, name="one side weak"),
    Rule(
        "stroke",
        E,
        ("ONESIDE", "GONE"),
        5,
        unless=("PAIN",),
        not_after=("NOWAFTER",),
        name="one side gone",
    ),
    Rule("stroke", K, ("LIMB", "NUMB"), 4, unless=("LIMBIDIOM",), name="limb numb"),
    Rule("stroke", K, ("LIMB", "WEAK", "SUDDEN"), 6, unless=("LIMBIDIOM",), name="limb weak"),
    Rule("stroke", E, ("SPEECH", "SLUR"), 5, soft=True, name="speech slurred"),
    Rule("stroke", E, ("SLURALONE",), soft=True, name="slurring"),
    Rule("stroke", E, ("STROKE",), not_after=("STROKEIDIOM",), unless=("GIVE",), name="stroke"),
    Rule("stroke", E, ("BLIND",), name="sudden vision loss"),
    Rule("stroke", K, ("FACE", "VAGUE"), 4, name="face feels strange"),
    Rule("stroke", E, ("NOTUNDERSTAND", "SUDDENLY"), 10, cross=True, name="sudden aphasia"),
    Rule("stroke", K, ("VISIONC",), unless=("VISIONIDIOM",), name="vision change"),
    Rule("stroke", E, ("HEADACHE", "WORST"), 6, name="worst headache"),
    Rule("stroke", E, ("HEADACHE", "CANTSEE"), 8, name="headache and sight"),
    # fall
    Rule("fall", E, ("GETUP",), not_after=("GETUPIDIOM",), name="cannot get up"),
    Rule("fall", E, ("ONFLOOR", "FLOORBAD"), 8, cross=True, name="on the floor, stuck"),
    Rule(
        "fall",
        K,
        ("ONFLOOR",),
        not_after=("FLOORIDIOM",),
        unless=("FLOORIDIOM",),
        name="on the floor",
    ),
    Rule(
        "fall",
        E,
        ("FALL", "SERIOUS"),
        10,
        not_after=("FALLIDIOM",),
        cross=True,
        unless=("FALLSEASON",),
        name="fall+injury",
    ),
    Rule("fall", E, ("FALLNOW",), not_after=("FALLIDIOM",), name="has fallen"),
    Rule(
        "fall",
        K,
        ("FALL",),
        not_after=("FALLIDIOM",),
        unless=("FALLSEASON", "FALLAFTER"),
        name="fall",
    ),
    Rule("fall", E, ("HEADHIT",), name="head injury"),
    Rule("fall", E, ("INJURY",), name="broken bone"),
    Rule("fall", K, ("HEADBUMP",), name="bumped head"),
    # unconscious
    Rule("unconscious", E, ("FAINT",), not_after=("FAINTIDIOM",), unless=("GIVE",), name="fainted"),
    Rule("unconscious", E, ("NOWAKE",), who="other", name="unresponsive"),
    Rule("unconscious", E, ("NOWAKEOBJ",), who="place", name="cannot wake them"),
    Rule("unconscious", K, ("FEELFAINT",), soft=True, unless=("SPINIDIOM",), name="feels faint"),
    # bleeding
    Rule(
        "bleeding",
        E,
        ("BLEED", "HEAVY"),
        12,
        not_after=("BLOODMOD",),
        cross=True,
        name="heavy bleeding",
    ),
    Rule("bleeding", E, ("VOMITBLOOD",), name="vomiting blood"),
    Rule("bleeding", E, ("BLEED", "BLEEDSITE"), 4, not_after=("BLOODMOD",), name="bleeding head"),
    Rule("bleeding", E, ("VOMIT", "BLEED"), 4, ordered=True, name="coughing up blood"),
    Rule("bleeding", K, ("BLOODINC",), name="blood in stool"),
    Rule(
        "bleeding",
        K,
        ("BLEED",),
        not_after=("BLOODMOD",),
        unless=("MINORSITE", "BLOODIDIOM"),
        name="bleeding",
    ),
    # overdose
    Rule("overdose", E, ("TAKE", "EXCESS", "MED"), 9, name="too many pills"),
    Rule("overdose", E, ("TAKE", "NUMMED"), 6, unless=("ROUTINE",), name="a number of pills"),
    Rule("overdose", E, ("TAKE", "PACK"), 3, unless=("PACKIDIOM",), name="whole pack"),
    Rule("overdose", E, ("TAKE", "ALL", "DANGERMED"), 7, name="all the sleeping pills"),
    Rule("overdose", K, ("TOOK", "ALL", "MED"), 6, unless=("ROUTINE",), name="all pills"),
    Rule("overdose", K, ("TAKE", "DOUBLE", "MED"), 7, name="double dose"),
    Rule("overdose", E, ("TAKE", "POISON"), 5, name="poison"),
    Rule("overdose", E, ("TOOK", "SOMEOF", "MED"), 5, who="other", name="child took pills"),
    Rule("overdose", E, ("ALCOHOL", "DANGERMED"), 8, name="alcohol with pills"),
    Rule("overdose", E, ("OVERDOSE",), not_after=("FOODPOISON",), name="overdose"),
    # suicide
    Rule("suicide", E, ("SUICIDE",), not_after=("SUICIDEIDIOM",), name="suicidal"),
    Rule("suicide", E, ("WANTHURT",), name="wants to hurt self"),
    Rule("suicide", K, ("HOPELESS",), not_after=("HOPEIDIOM", "ENOUGHIDIOM"), name="hopeless"),
    # confusion
    Rule("confusion", E, ("LOST",), name="disoriented"),
    Rule("confusion", E, ("SEEPEOPLE", "NOTTHERE"), 8, ordered=True, name="seeing things"),
    Rule("confusion", E, ("NOTKNOW", "WHEREIAM"), 10, ordered=True, name="does not know where"),
    Rule("confusion", K, ("CONFUSED",), not_after=("CONFUSEDIDIOM",), name="confused"),
    # fire
    Rule(
        "fire",
        E,
        ("FIRE",),
        who="place",
        soft=True,  # "the kettle's smoking a bit": the agent asks
        unless=("FIREIDIOM",),
        unless_sentence=("B_SMOKEOK",),  # "... it needs descaling"
        name="fire",
    ),
    Rule(
        "fire",
        E,
        ("SMOKE", "SMOKEBAD"),
        4,
        who="place",
        unless=("SMOKEIDIOM",),
        unless_sentence=("B_SMOKEOK",),
        name="smoke",
    ),
    Rule("fire", E, ("GAS", "GASBAD"), 3, who="place", unless=("GASIDIOM",), name="gas"),
    Rule("fire", E, ("BURNING",), who="place", name="burning smell"),
    Rule("fire", K, ("ALARM",), who="place", unless_sentence=("ALARMIDIOM",), name="alarm"),
    # violence
    Rule(
        "violence",
        E,
        ("INTRUDER",),
        who="place",
        not_after=("INTRUDERIDIOM",),
        unless=("INTRUDERPAST",),
        name="intruder",
    ),
    Rule(
        "violence",
        E,
        ("HARM", "ME"),
        2,
        who="agent",
        not_after=("HARMIDIOM",),
        ordered=True,
        name="harmed",
    ),
    Rule("violence", E, ("VICTIM",), name="attacked"),
    Rule(
        "violence",
        E,
        ("HARM", "MYREL"),
        3,
        who="agent",
        not_after=("HARMIDIOM",),
        ordered=True,
        name="someone harmed",
    ),
    Rule("violence", K, ("SUSPICIOUS",), who="place", not_after=("KILLIDIOM",), name="suspicious"),
    Rule("violence", K, ("SHOUTME",), who="agent", name="shouted at"),
    # starvation
    Rule(
        "starvation",
        E,
        ("NEG", "EAT", "DAYS"),
        8,
        not_after=("EATIDIOM",),
        unless=("RF_THESEDAYS", "NOTWITHOUT"),
        name="no food",
    ),
    Rule("starvation", K, ("NOFOOD",), unless=("NOTWITHOUT",), name="no food"),
    Rule(
        "starvation",
        E,
        ("NOFOOD", "DAYS"),
        10,
        cross=True,
        unless=("NOTWITHOUT",),
        name="no food for days",
    ),
    Rule(
        "starvation",
        K,
        ("NEG", "EAT", "SINCEYEST"),
        7,
        not_after=("EATIDIOM",),
        name="no food today",
    ),
    # red flags with no certainty: the agent asks
    Rule("help", K, ("SEVEREPAIN",), unless=("SEVEREIDIOM",), name="severe pain"),
    Rule(
        "help",
        K,
        ("CANTBODY",),
        not_after=("CANTIDIOM",),
        unless=("CANTCLAUSE",),
        name="cannot use the body",
    ),
    Rule("help", K, ("UNWELL",), soft=True, name="very unwell"),
    Rule("help", K, ("AMBULANCE",), name="ambulance"),
    Rule("help", K, ("SCARED",), not_after=("SCAREDIDIOM",), name="frightened"),
    Rule("help", K, ("WEAK", "SUDDENLY"), 4, name="suddenly weak"),
    # help
    Rule("help", E, ("HELPME",), who="place", not_after=("HELPIDIOM",), name="cry for help"),
)

# the rule writer's later wordings (`en_wordings`), after the rules above
from dialogue.safety.en_wordings import RULES as _later  # noqa: E402

RULES = RULES + _later()
