"""Red flags of the body that no triage category names (`check`, category `help`): a part of
the body gone a colour or cold ("my foot's gone white and cold": blood not reaching it), skin
come off after a burn, weakness that stops the basics ("too weak to get to the toilet").
Concepts are synonym sets over lemmas, paired within a few words and judged by the same scope
as every rule (negation, past, someone not here, stories)."""

from __future__ import annotations

from dialogue.safety.en_lexicon import Rule

# fmt: off
REDFLAG_BODY: dict[str, str] = {
    "RF_PART": (
        "arm; hand; leg; foot; feet; toe; toes; finger; fingers; ankle; knee; calf; shin; "
        "thigh; wrist; elbow; shoulder; lip; lips; tongue; face; skin; belly; stomach; tummy; "
        "hip; nail; nails"
    ),
    "RF_CHANGE": (
        "go|gone|turn|turned|going|turning|gone all|go all|turned all black|blue|white|purple|"
        "grey|gray|cold|icy|mottled|dusky; cold and white|blue|numb; white and cold; blue and "
        "cold; skin come|came|be|have off; skin _ come|came off; skin peel|peeling|peeled off; "
        "blistered; blistering; "
        "rock hard; hard as a board; like a board"
    ),
    "RF_BODYOK": "black and blue; bruise; bruised; bruising; winter; weather; always; nail varnish",
    "RF_WEAK": (
        "so weak; too weak; very weak; that weak; no strength; not got the strength; weak as a "
        "kitten; no energy at all; legs be like jelly"
    ),
    "RF_CANTDO": (
        "can not get to; can not get out of; can not walk; can not stand; can not make it to; "
        "can not reach; can not lift; can not get up; can not move; can not manage the stairs"
    ),
}

BODY_FLAGS: tuple[Rule, ...] = (
    # the change first: after a help rule's first words a verb means "help me do" (`en._scope`)
    Rule("help", "check", ("RF_CHANGE", "RF_PART"), 12, cross=True, unless=("RF_BODYOK",),
         name="rf part gone a colour"),
    Rule("help", "check", ("RF_WEAK", "RF_CANTDO"), 8, cross=True, name="rf too weak"),
)
# fmt: on
