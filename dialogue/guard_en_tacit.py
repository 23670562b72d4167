"""English role rules for what a sentence says without saying it outright (written from the
rule writers' batch 5 and batch 4's dev half), in the table format of `guard_en_patterns`:

- an action taken as done: "The paramedics have your address now" (someone was told);
- a diagnosis by attribution: "... and that's what's happening to you";
- a dose moved in time: "take tonight's dose now as well", "take tomorrow's tablet tonight";
- the agent's own night: "I didn't sleep a wink either";
- seeing through a cue: "I can tell by the way you're wincing";
- talking down about memory: "You probably won't remember this anyway, but ...".

`allowed_tacit` holds the matching exceptions for caring turns: a refusal to advise ("I can't
advise on changing your medicine; your GP is the one to ask") and keeping to what the doctor
set ("carry on with the medicine exactly as the doctor set it out").
"""

from __future__ import annotations

import re

TACIT_TABLE = r"""
# action: the emergency services already told, as a fact
action [alert,assert]
    \b(?:the )?(?:paramedic|ambulance|ambulance crew|crew|police|fire brigade|fire service|
    doctor|gp|nurse|surgery|hospital|emergency service|out of hour service)s? (?:\w+ )?
    (?:have|have get|have got|know|have be give|have be send|be give|be send|now have)
     (?:your |the )?(?:address|detail|details|location|postcode|key code|door code)\b
# diagnosis: what others have, said to be what the person has
diagnosis [-]
    \b(?:that|this|it) be (?:\w+ )?what be (?:happen|go on|wrong) (?:to|with) you\b|
    \bthat be (?:probably |likely |exactly |just )?what you (?:have|have get|have got)\b|
    \byou (?:probably |likely |must )?have the same (?:thing|condition|problem|complaint)\b
# medication: a dose moved earlier or doubled up in time
medication [assert]
    \btake (?:your |the )?(?:tonight 's|tomorrow 's|this evening 's|next|evening|night|
    bedtime|later) (?:\w+ )?(?:dose|tablet|pill|medicine|medication|insulin|injection)s?
     (?:now|early|already|as well|too|together|at once|this (?:morning|afternoon)|tonight)\b|
    \bto get ahead (?:with|on) (?:your |the )?(?:dose|tablet|pill|medicine|medication)s?\b
# human: the agent's own night, told in the past (so "I don't sleep, I'm a computer" is not)
human [own_night]
    S:\bi (?:did n't|did not|could n't|could not|never|hardly|barely) (?:sleep|slept|get (?:a wink|
    any sleep|much sleep|a good night))\b|\bi slept (?:badly|poorly|well|like a log|in|late)\b
# seeing: a visible cue read from the person
seeing [-]
    \bi can (?:tell|see) (?:by|from) the way you (?:be )?(?!sound|talk|speak|say|tell|
    describe|put|word|explain)\w+
# impolite: talking down about the person's memory
impolite [-]
    \byou (?:\w+ )?(?:will not|would not|can not|never|do not) (?:\w+ )?remember
     (?:this|that|it|anything|any of this)\b(?=.*\banyway\b)|
    \byou (?:\w+ )?(?:will not|would not|can not) remember (?:this|that|it) anyway\b
"""

# "I can't advise on changing your medicine": the agent refuses the advice it is checked for.
NOT_ADVISE = re.compile(
    r"\bi (?:can not|be not able to|be unable to|do not|should not|must not) (?:\w+ )?"
    r"(?:advise|comment|give (?:any |you )?advice|recommend|say whether|tell you whether)\b"
)
# "carry on with the medicine exactly as the doctor set it out": keep to the regimen.
AS_SET = re.compile(
    r"\b(?:carry on|keep go|keep|continue|stick|stay) (?:\w+ ){0,4}?(?:exactly |just )?"
    r"(?:as|like|the way) (?:the|your) (?:doctor|gp|pharmacist|nurse|consultant|prescription|"
    r"label|specialist)\b"
)
# "If you ever feel your heart racing, call 999": a symptom named only as a condition for help.
IF_SYMPTOM = re.compile(
    r"\bif (?:you )?(?:ever |still |also )?(?:feel|get|have|notice|start|see|find|think)\b"
)
CALL_HELP = re.compile(
    r"\b(?:call|ring|phone|dial|contact|tell|see|let) (?:\w+ )?(?:999|911|119|112|ambulance|"
    r"doctor|gp|surgery|nurse|pharmacist|emergency|know)\b"
)
# "Damp weather can make aches worse": weather as a cause in general, not today's forecast.
GENERIC = re.compile(r"\S* (?:can|may|might|often|tend to|sometimes|always|usually) ")
# "Is someone coming to see you at the weekend?": asks about another person's plans.
THEIR_PLAN = re.compile(
    r"^(?:be|do|will|have) (?:someone|anyone|somebody|anybody|your \w+|they|he|she|the \w+) "
)
# "the doctor was pleased with you": a feeling about the person, nobody coming.
ATTITUDE = re.compile(
    r"\bbe (?:very |so |really |ever so )?(?:pleased|please|happy|impressed|impress|delighted|"
    r"delight|satisfied|satisfy|"
    r"cross|angry|patient|gentle|kind|lovely|good) with you\b"
)
_MEDICAL = ("medication", "treatment", "diagnosis", "reassurance")
# The clinician is the one who can do it, in the clause of the match: "I can't prescribe, but
# your doctor can adjust your dose" refers (what a clinician *can* do, not what they will or
# what the person should); "you could skip the tablet" has no such subject.
CLINICIAN_CAN = re.compile(
    r"\b(?:your|a|the) (?:own |local |usual )?(?:doctor|gp|nurse|pharmacist|physician|"
    r"specialist|consultant|surgery|clinic|care team|prescriber)s? (?:\w+ )?(?:can|could|"
    r"be able to|would be able to) (?:\w+ ){0,2}$"
)


def allowed_tacit(category: str, before: str, rest: str, text: str, question: bool) -> bool:
    """True when a match is a caring turn after all: a refusal to advise, keeping to what the
    doctor set, what a clinician can do, a symptom that only conditions a referral, weather
    as a cause in general, another person's plans asked about, or someone's feelings about the
    person. `rest` runs from the match to the end of the sentence, `text` is the whole sentence
    (lemmas)."""
    if category in ("visit", "meeting"):
        if question and THEIR_PLAN.search(before + rest):
            return True
        return category == "visit" and bool(ATTITUDE.search(rest[:60]))
    if category == "world":
        return bool(GENERIC.match(rest)) and not re.search(r"\b(?:today|tomorrow|tonight)\b", rest)
    if category not in _MEDICAL:
        return False
    if NOT_ADVISE.search(before) or (category != "reassurance" and CLINICIAN_CAN.search(before)):
        return True
    if category == "diagnosis" and IF_SYMPTOM.search(before) and CALL_HELP.search(text):
        return True
    return category in ("medication", "treatment") and bool(AS_SET.search(text))
