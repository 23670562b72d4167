"""Sentence shapes for the English detector, written from the rule writers' batch 5
(`evaluation/safety/emergency_en.dev5.jsonl`): shapes rather than phrases.

- Taking medicine *beyond a limit* the speaker names ("I took a lot more than I should",
  "more than the label says", "three times over"): an overdose whether or not a medicine is
  named (a medicine named makes it an emergency, else the agent asks).
- A first-person *intent to jump* with nothing harmless after it ("I'm going to jump", "I'll
  jump off"): "jump on the bus", "jump at the chance", "jump in the shower" are not.
- Someone present who *cannot be roused* ("I can't wake up my husband", "can't get her to
  come round").
- Scope: a *regimen* ("twelve a day", "three times a day") makes a dose habitual, not an
  overdose now; a *habit* ("in the mornings", "he's a heavy sleeper") makes "I can't wake him"
  a character trait, not an emergency (`en._scope` reads `PERDAY` and `HABIT`).

Merged into `en_concepts` / `en_lexicon` on import like `en_wordings`.
"""

from __future__ import annotations

# fmt: off
_SPILT = (
    "pick|picked|picking them|it up; pick|picked|picking up; gather|gathered; put|putting "
    "them back; sweep|swept|sweeping; spilt; spilled; spill"
)
EXTEND: dict[str, str] = {
    # "three times over", "a second lot": the same medicine taken again
    "DOUBLE": (
        "three times; four times; times over; twice over; triple; treble; a second "
        "lot|dose|time; another lot|dose; forgot i have|had already; forgot i have|had taken; "
        "forgot i have|had had; forgot i would|'d had|taken; both times; two lots; two injections"
    ),
    # "in my book", "in this film": a story told, not an event
    "MEDIA": "in my|this|that|his|her book|novel|film|story|programme|play|soap|series",
    # winter was missing from the seasons of long ago
    "DISTANT": "in the winter; over the winter; last fall",
    # an appliance that smokes because it wants cleaning is no fire
    "B_SMOKEOK": (
        "need|needs descaling|cleaning|a clean|a descale|a good clean; want|wants cleaning; "
        "descale; descaling"
    ),
    # lost outside: the way home cannot be worked out
    "RF_LOST": (
        "can not work|figure out how to get home|back; can not work|figure out where i be|am; "
        "can not think how to get home|back; can not think where i be|am; lost my way home"
    ),
    # a doctor has seen it since: told afterwards, not happening now
    "RESOLVED": (
        "doctor|gp|nurse|paramedic|paramedics have see|seen|check|checked|examine|examined me|"
        "her|him|it; doctor|gp|nurse 's see|seen|checked|examined; doctor|gp say|says|said it be"
    ),
    # insulin is injected, and "both times" is twice
    "TAKE": "inject; injected; injecting; jab; jabbed; did my insulin|injection",
    # what is done with spilt pills that is not taking them
    "PACKIDIOM": _SPILT,
    # someone who is elsewhere: a card is sent, a visit is planned
    "REPORTED": (
        "send|sent|sending her|him|them a card|flowers|note|message; get well card; from "
        "church; from the church|club|choir|bingo|chapel; going to visit|see her|him|them; go "
        "and see her|him|them"
    ),
    # "fell a sleep" (a recogniser's "fell asleep"), a class about falls
    "FALLIDIOM": "a sleep; a kip; prevention; class; classes; clinic; assessment; risk; team",
    # an alarm set off by cooking, waved away
    "ALARMIDIOM": (
        "grill; the grill; bacon; frying; the frying pan; wafted; waft; wafting; tea towel; "
        "burnt the toast|dinner|tea"
    ),
    # "I can't wake up my husband", "can't get him to come round"
    "NOWAKEOBJ": (
        "can not wake|rouse|waken up him|her|them|my|mum|mom|dad|nan|grandad; "
        "can not wake|rouse|waken _ up; can not get my|his|her _ to wake|respond|answer|come; "
        "can not get him|her|them to wake|respond|answer|come; can not bring him|her|them "
        "round|to; can not bring my _ round|to"
    ),
}

NEW: dict[str, str] = {
    # pills spilt and picked up: "all" of them is no dose (`en_redflags`' "rf many pills")
    "SPILT": _SPILT,
    # taking, of a medicine (not "have", "eat", "drink": "I had more than I should at tea")
    "TAKEMED": (
        "take; took; taken; taking; swallow; swallowed; pop; popped; downed; necked; knock back;"
        " knocked back; use; used; inject; injected"
    ),
    # beyond a limit the speaker names
    "OVERLIMIT": (
        "more than i should; more than i should have; more than i be supposed to; more than i "
        "be meant to; more than i be allowed; more than i be told; more than i need; more than "
        "i ought; more than prescribed; more than the doctor; more than the label|box|packet|"
        "leaflet|prescription|chemist|pharmacist; more than it say|says; more than my "
        "dose|prescription; more _ than i should|ought|need; more _ than i be "
        "supposed|meant|allowed|told; more _ than prescribed; more _ than the "
        "doctor|label|box|packet|leaflet|prescription|dose; more _ than my dose|prescription; "
        "over my|the dose|limit; over the limit; past my|the dose|limit; above my|the dose; "
        "beyond my|the dose; way more than; far more than; lot more than; many more than"
    ),
    # more than usual: worth a question, not yet an overdose
    "OVERUSUAL": (
        "more than usual; more than normal; more than i normally|usually; more _ than usual|"
        "normal; more _ than i normally|usually; extra today"
    ),
    # food and drink taken beyond a limit are not an overdose
    "OVERFOOD": (
        "eat; ate; eaten; drink; drank; food; dinner; lunch; tea; breakfast; cake; chocolate; "
        "chocolates; biscuit; biscuits; sweets; wine; beer; sherry; whisky; pudding; christmas;"
        " party; sun; exercise; walk; walking; garden; gardening"
    ),
    # a first-person intent to jump
    "JUMPINTENT": (
        "going to jump; gonna jump; about to jump; will jump; 'll jump; want to jump; wanna "
        "jump; thinking of|about jumping; think of|about jumping; tempted to jump; ready to "
        "jump; could just jump"
    ),
    # what makes a jump harmless, said right after it
    "JUMPIDIOM": (
        "on; onto; at; up; to conclusions|it; for joy|it; ship; the "
        "queue|gun|line|lights|start; with joy; through hoops; in "
        "the|a|my bath|shower|car|taxi|cab|queue|pool|motor|van|bed|conversation; "
        "into|in bed; into _ bath|shower|car|taxi|cab|pool|bed|motor|van|conversation; in "
        "with; in and; in on; straight in; "
        "right in; back; around; about; over; in first; the bus|train; out of a|an|the "
        "plane|aeroplane|airplane|helicopter|balloon"
    ),
    # a jump for sport or charity
    "JUMPSPORT": (
        "parachute; parachuting; skydive; skydiving; sky dive; bungee; charity; sponsored; "
        "tandem; trampoline; hurdles; long jump; high jump; rope"
    ),
    # a wound, and blood that keeps coming from it
    "WOUND": (
        "knife; blade; slipped; glass; gash; cut; sliced; stab; stabbed; palm of my hand; tea "
        "towel pressed|held; pressed on it; pressing on it"
    ),
    "FLOW": (
        "still dripping; dripping through|onto|on|all over; soaked|soaking through; "
        "seeping|seep through; pouring out; pumping out; keeps coming; will not stop; not "
        "stopping; won't stop; still coming"
    ),
    # the smoke alarm itself: "smoke" in it is no smoke
    "ALARMWORD": "alarm; alarms; detector; detectors; alarm 's; alarm be",
    # what SMOKEIDIOM means without the alarm (its own rule reads that apart)
    "SMOKEHABIT": (
        "i smoke; i be smoking; quit; stop; give up; cigarette; cigarettes; cigar; pipe; salmon;"
        " ham; signal; used to"
    ),
    # an intent to take medicine ("I'll just take all my tablets tonight")
    "INTENDTAKE": (
        "'ll take|swallow; will take|swallow; 'll just take|swallow; will just take|swallow; "
        "going to take|swallow; gonna take|swallow; thinking of|about taking|swallowing; think "
        "of|about taking|swallowing; plan to take|swallow; want to take|swallow"
    ),
    # a regimen: the dose is how often, not how much at once
    "PERDAY": (
        "a day; per day; each day; a week; per week; each week; every day|morning|night|evening;"
        " each morning|night|evening; a night; at night and; morning and night; morning and "
        "evening; daily"
    ),
    # a habit or a trait, not an event now
    "HABIT": (
        "in the mornings; of a morning; every morning; most mornings; some mornings; heavy "
        "sleeper; deep sleeper; sound sleeper; such a sleeper; sleep like a log; sleeps like a "
        "log; sleep through anything; sleeps through anything; for work; for "
        "school; for church"
    ),
}
# fmt: on


def _rules():
    from dialogue.safety.en_lexicon import Rule

    E, K = "emergency", "check"
    return (
        Rule("overdose", E, ("TAKEMED", "OVERLIMIT", "MED"), 10, name="more than the dose"),
        Rule(
            "overdose",
            K,
            ("TAKEMED", "OVERLIMIT"),
            6,
            ordered=True,
            unless_sentence=("OVERFOOD",),
            name="took more than I should",
        ),
        Rule("overdose", K, ("TAKEMED", "OVERUSUAL", "MED"), 10, name="more than usual"),
        Rule("bleeding", K, ("WOUND", "FLOW"), 30, cross=True, name="a wound still bleeding"),
        Rule(
            "suicide",
            K,
            ("INTENDTAKE", "ALL", "MED"),
            6,
            ordered=True,
            unless=("ROUTINE",),
            name="means to take all the tablets",
        ),
        Rule(
            "fire",
            E,
            ("SMOKE", "SMOKEBAD"),
            4,
            who="place",
            not_after=("ALARMWORD",),
            unless=("SMOKEHABIT",),
            unless_sentence=("B_SMOKEOK",),
            name="smoke beside an alarm",
        ),
        Rule(
            "suicide",
            E,
            ("JUMPINTENT",),
            not_after=("JUMPIDIOM",),
            unless_sentence=("JUMPSPORT",),
            name="going to jump",
        ),
    )


RULES = _rules
