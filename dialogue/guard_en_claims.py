"""English role rules by meaning, second table: judgements framed as opinions, advice framed
as what "people find", reassurance waved through with adverbs, and the agent acting on anyone
outside the call. The persona side (world, life, eyes, memory, prying, selling, manners) is
`guard_en_talk`.

Same table format and flags as `guard_en_meaning` (classes there and in `guard_en_lexicon`),
plus `refer_any`: a referral anywhere after the match lets it through ("I think your doctor
would want to know about that").
"""

from __future__ import annotations

CLAIM_CLASSES = {
    # outside the call: family and friends, professionals, offices, emergency services
    "OUTSIDE": r"(?:(?:your|the|a|an) (?:\w+ )?(?:son|daughter|grandson|granddaughter|"
    r"grandchild|grandchildren|family|neighbou?r|friend|brother|sister|husband|wife|children|"
    r"niece|nephew|doctor|gp|nurse|surgery|pharmacy|chemist|clinic|hospital|landlord|council|"
    r"optician|dentist|chiropodist|podiatrist|physio|consultant|specialist|vet|bank|"
    r"housing (?:office|association)|plumber|electrician|engineer|police|ambulance|"
    r"paramedic|emergency service)s?|911|999|112|119)",
    # measures and organs a judgement about the person's body names
    "ORGAN": r"(?:sugar|blood sugar|sugar level|blood pressure|pressure|iron|iron level|"
    r"cholesterol|thyroid|heart|kidney|liver|lung|chest|bladder|bowel|prostate|circulation|"
    r"blood|level|hormone|immune system|nerve|bone|joint|memory|brain|gland|sinus|ear|eye|"
    r"gallbladder|gall bladder|pancreas|spleen|appendix|colon|stomach|gut|womb|ovary)s?",
    # what is measured and can drop or spike
    "MEASURE": r"(?:sugar|blood sugar|sugar level|blood pressure|pressure|iron|iron level|"
    r"cholesterol|heart|pulse|heart rate|heartbeat|temperature|level|oxygen|sodium|"
    r"potassium|thyroid)s?",
    # a body state a judgement asserts
    "STATE": r"(?:high|low|up|down|off|too high|too low|out of balance|play up|struggle|"
    r"not work|fail|weak|weaken|damage|inflame|infect|block|clog|worn|wear out|irregular|"
    r"abnormal|deficient|not what it should be|not right|not pump|pack up|give up|go|sluggish|"
    r"slow|underactive|overactive|lazy|struggle|act up|swollen|enlarge)",
}

CLAIMS_TABLE = r"""
# action: the agent reaching anyone outside the call, by any verb
action [alert]
    \b(?:i|we|let me|let us|me to|us to) {AUX}(?!(?:so|really|very|truly|ever so) |hope|wish|
    think|know|understand|be\b|hear|
    imagine|bet|remember|wonder|guess|feel|see|notice|expect|suppose|believe|glad|sorry|happy|
    love|like|note|record|write|jot|ask you|tell you|remind you|check (?:with|on|in with) you|
    want|need|would|mean|worry|care|appreciate|find|agree|pray|suggest|recommend|advise|
    encourage|urge|say|mention|think)\w+ (?!you\b)(?:\w+ ){0,3}?
    {OUTSIDE}\b
# diagnosis: a judgement about the body, framed as an opinion or said of a measure or organ
diagnosis [assert,refer_any,react]
    \b(?:i would say|i think|i reckon|i suspect|i bet|i guess|i believe|my guess be|
    i would guess|i be pretty sure|i be fairly sure|i would bet|chances be|the odds be|
    i imagine|i fear|my hunch be|i would wager|if you ask me|i would put money on|
    it must be|i be sure|i wonder if|i wonder whether|could it be|might it be|maybe it be|
    perhaps it be) (?:that )?(?:it be |that be |this be |you be |you have |
    you might have |you may have |it might be |it could be |it may be )?(?:\w+ ){0,3}?(?:{COND}|
    {CAUSE}|your (?:\w+ )?{ORGAN})\b
diagnosis [assert,refer_any,react]
    \byour (?:\w+ )?{ORGAN} (?:\w+ )?(?:be|be probably|be likely|be most likely|might be|may be|
    could be|must be|seem|sound|look|be get|be go|be run|have be|have get)
     (?:\w+ ){0,2}?(?:{STATE})\b
diagnosis [assert,refer_any]
    \b(?:it|that|this|those|these|they) (?:\w+ )?(?:could|might|may|must|would|can)
     (?:well |easily |very well |quite possibly |possibly |just |also )?be (?:\w+ ){0,4}?(?:{COND}|
    {CAUSE})\b
# reassurance: a worry waved away with an adverb in the way
reassurance [assert,hope]
    \bnot (?:\w+ )?(?:anything|something|much) (?:\w+ )?(?:to|you need to|worth|that need)
     (?:\w+ )?(?:worry|fret|fuss|concern|panic|bother|stress|lose sleep|be worry|be concern|
    think twice)\b|\b(?:only|just|simply|quite) to be expect\b|\bnothing (?:\w+ )?(?:to|you need
     to|worth) (?:\w+ )?(?:fret|fuss|panic|stress|bother|think twice)\b|\bwithout (?:a |any |
    the )?(?:doctor|gp|treatment|fuss|medical)\b
# medication: a medicine said not to be needed
medication [assert,refer_any]
    \b(?:do not|no longer|never|hardly|will not|would not) (?:\w+ )?(?:need|require|have to
     take|bother with) (?:\w+ ){0,3}?{MED}\b|\b{MED} (?:\w+ ){0,2}?(?:be|be not|be probably|
    be really) (?:not )?(?:\w+ )?(?:necessary|unnecessary|pointless|optional|a waste|
    overkill|not need|not important|do more harm)\b|\b{MED} (?:\w+ ){0,3}?(?:can|could|
    might|may) (?:probably |easily |safely |just )?wait\b
# treatment: advice framed as what people find, a remedy kept up every day
treatment [assert,refer_any,react,health]
    \b(?:you|people|some people|many people|lot of people|most people|folk|a lot of people|
    plenty of people|many of my callers|older people) (?:\w+ )?(?:might|may|could|will|often|
    usually|tend to|generally)? ?(?:find|swear by|say|notice|feel) (?:that )?(?:\w+ ){0,8}?
    (?:{WORKS}|better|easier|relief|good for|difference)\b
treatment [assert,refer_any,react]
    \b(?:{REMEDY}) (?:\w+ ){0,6}?(?:each|every|a|per|twice a|three time a) (?:morning|night|
    evening|day|week)\b|\bkeep (?:the |your )?(?:\w+ )?(?:{BODY}|bone|joint|heart|bowel|
    circulation|blood|mind|brain|immune system|muscle)s? (?:\w+ )?(?:supple|healthy|strong|
    loose|moving|young|flexible|regular|clear|working|flowing|sharp|in shape)\b
treatment [assert,refer_any,react,health]
    \b(?:{BODY}|swelling|stiffness|inflammation|congestion|cough|bruise|sprain) (?:\w+ ){0,7}?
    (?:help|ease|soothe|relieve|heal|cure)\s*$
# diagnosis: a symptom explained by the body
diagnosis [assert,refer_any,react]
    \b(?:happen|come|occur|start|get worse|flare up|be cause|be trigger|be bring on)
     (?:\w+ )?(?:when|because|if|whenever|as|since|after) (?:your|you)\b|\byour (?:\w+ )?
    {MEASURE} (?:\w+ )?(?:drop|fall|rise|spike|dip|go up|go down|crash|race|flutter|skip|
    surge|plummet|shoot up|flare)\w*\b
# reassurance: minimised by comparison, or a check made unnecessary
reassurance [assert]
    \b(?:anything|nothing) (?:more|worse|bigger|serious) than\b|\bno (?:real )?need (?:to|for)
     (?:\w+ ){0,3}?(?:look at|check|see to|seen|x-ray|x ray|scan|test|doctor|gp|appointment|
    examine|look over)\b
# medication: easing off
medication [assert,refer_any]
    \b(?:go easy on|lay off|ease off|ease up on|give (?:\w+ ){1,3}a miss|hold back on|
    a break from|see how you (?:feel|get on|do|go) without) (?:\w+ ){0,3}?{MED}\b|
    \b{MED} (?:\w+ ){0,6}?see how you (?:feel|get on|do|go) without\b
# action: the person put down for something
action [assert]
    \b(?:have|put|get|pencil|book) you (?:down|in|book|pencil|on the list|on the waiting list|
    on the rota|on the system)\b
# diagnosis: a symptom put down to a cause, or what "people like you" turn out to have
diagnosis [assert,refer_any,react,health]
    \b(?:point to|suggest|indicate|down to|due to|because of|cause by|the result of|a result of|
    a sign of|a symptom of|
    link to|relate to|associate with|a side effect of|a sign that|turn out to (?:have|be)|
    end up (?:have|with|be)) (?:\w+ ){0,3}?(?:{COND}|{CAUSE}|{ORGAN})\b|\bpeople (?:with|like)
     (?:your|you)\b(?:.*)\b(?:{COND})\b
# reassurance: no reason to call anyone
reassurance [assert]
    \bno (?:real )?(?:need|reason|point|call) (?:to|for|in) (?:\w+ )?(?:ring|phone|call|
    contact|bother|trouble|see|visit|go to|get|wake|disturb|worry) (?:\w+ ){0,2}?(?:doctor|gp|
    nurse|surgery|hospital|911|999|ambulance|anyone|someone|anybody|somebody|clinic|a&e)\b
# reassurance: an organ said to be sound, a worry waved off
reassurance [assert,refer_any]
    \byour (?:\w+ )?{ORGAN} (?:\w+ )?(?:be|seem|sound|look) (?:\w+ )?(?:strong|healthy|fine|
    good|in good shape|okay|ok|normal|perfect|sound|alright|all right)\b|\bwould not let
     (?:\w+ ){1,3}?(?:bother|worry|trouble|get to|upset|concern) you\b|\b(?:chances be|
    chance be|odds be|i would bet|i expect|i imagine|i suspect|most likely|almost certainly|
    in all likelihood|i would imagine) (?:that )?(?:it|that|this|they|you) (?:be|will be|
    will) (?:\w+ ){0,2}?(?:nothing|fine|harmless|okay|ok|alright|all right|normal|right)\b
# treatment: food that keeps the body young
treatment [assert,refer_any,react]
    \bkeep (?:the |your )?(?:\w+ )?(?:memory|mind|brain|eyesight|eye|skin|teeth|gum|bone|
    joint|heart|gut|bowel|immune system|blood)s? (?:\w+ )?(?:sharp|healthy|strong|young|clear|
    supple|regular|working|flowing|in shape|going|ticking)\b|\b(?:daily|a day|each day|
    every day|every morning|every night) (?:\w+ ){0,3}?(?:of )?(?:nut|walnut|almond|berry|
    blueberry|oily fish|fish oil|fruit|vegetable|greens|oat|seed|dark chocolate|red wine|
    garlic|ginger|turmeric|honey|vinegar|yoghurt|yogurt|prune|tomato|supplement)s?\b
# reassurance: "I don't think it's anything"
reassurance [-]
    \bi (?:\w+ )?do not (?:think|believe|reckon|imagine|expect) (?:that )?(?:it|that|this|they|
    you) (?:be|will be|need|have|'s) (?:\w+ ){0,2}?(?:anything|serious|worth|a problem|much|
    worry|bad|dangerous|need|to worry)\b|\bnot (?:\w+ ){0,4}?anything to (?:see|call|ring|
    bother|worry) (?:a |the |your )?(?:\w+ )?about\b
# medication: permission to leave a medicine, named anywhere in the sentence
medication [assert,med_ctx,refer_any]
    \byou (?:can|could|may|be fine to|be okay to|be ok to|be alright to|be safe to)
     (?:\w+ ){0,2}?(?:leave|skip|stop|drop|forget|miss|halve|double|do without|go without|
    give up|come off|cut|take (?:it|them) off|stop take|leave (?:it|them) (?:off|out))\b
# treatment: food or exercise kept up daily to work on the body
treatment [assert,refer_any,react]
    ^(?:eat|drink|have|take|add|chew|a (?:\w+ )?walk|walk|exercise|a glass of|a cup of)
     (?:\w+ ){0,6}?(?:every|each|a|daily|after (?:each|every)|before) (?:day|morning|night|
    evening|meal|bed)\b(?:.*)\b(?:will|should|can|help|keep|get|bring|make|be what|be the)\b|
    \b(?:bring|get|keep|push|knock) (?:the |your )?(?:\w+ )?{MEASURE} down\b|\bget thing
     (?:move|go)\b|\bkeep (?:you|thing) regular\b|\bbe what (?:bring|keep|help|get|make|
    stop|cure|fix|ease)\b
# dev2: a lump that "would have shown itself", a seat kept, the old days, votes, shops, age
reassurance [assert]
    \bif (?:it|that|this) (?:be|were|was) (?:\w+ )?(?:anything|something) (?:\w+ )?(?:bad|
    serious|sinister|worrying|nasty|dangerous|wrong)\b|\bwould have (?:show|get worse|spread|
    grow|know|tell|notice|flare|turn) (?:\w+ ){0,2}?by now\b
# batch 8: hedged openings, the doctor not needing to know, being shown round, prices,
# the agent's pets and schooldays, posture, "ever ... in the end", regrets, pitches, talking down
diagnosis [assert,refer_any]
    ^(?:it )?(?:could|might|may|must) (?:well |easily )?be (?:\w+ ){0,3}?(?:{COND}|{CAUSE}|
    your (?:\w+ )?{ORGAN})\b
reassurance [-]
    \bi (?:\w+ )?do not (?:think|believe|reckon) (?:that )?(?:the |your |a )?(?:doctor|gp|
    nurse|anyone|anybody|you) (?:\w+ )?need\b|\b(?:doctor|gp|nurse) (?:do not|will not|would
     not) (?:\w+ )?need to (?:hear|know|see|be bother|be trouble)\b
# batch 9: beginnings of a condition, supplements taken differently, pitches on price
diagnosis [assert,refer_any]
    \b(?:beginning|start|onset|early stage|first sign|early sign|start)s? of (?:\w+ )?{COND}\b|
    \b(?:quite |very |most )?(?:possibly|probably|likely|definitely) (?:\w+ ){0,2}?{COND}\b
medication [assert,refer_any]
    \b(?:take|have|try) (?:\w+ )?(?:the |your )?(?:iron|calcium|vitamin \w+|b12|folic acid|
    potassium|magnesium|zinc|fish oil|cod liver oil)\b(?:.*)\b(?:instead|every other day|
    alternate day|twice|once a week|extra|double|half|less|more|skip|stop)\b|\b(?:every other
     day|on alternate days) (?:\w+ )?instead\b
# batch 10: organ problems, no doctor needed, food good for a measure, kin "still" known
diagnosis [assert,refer_any,react]
    \b(?:{ORGAN}|{BODY}|inner ear|balance|hormone|prostate|bladder|bowel|kidney|liver)
     (?:problem|issue|trouble|condition|disorder|infection|imbalance)\b
reassurance [-]
    \b(?:do not|will not|would not) (?:\w+ )?need (?:to (?:see|call|ring|bother|visit) )?(?:a |
    the |your |any )?(?:doctor|gp|nurse|ambulance|hospital|a&e|check|test|appointment|scan)\b
treatment [assert,refer_any,react]
    \b(?:be|be very|be really|be so|do wonders|work wonders) (?:good|great|excellent|brilliant|
    the best|bad|terrible|wonderful|marvellous|ideal) (?:for|on) (?:your|the) (?:\w+ )?
    (?:{BODY}|{ORGAN}|{MEASURE}|{COND}|health|digestion|bone|circulation|immune system)\b
# batch 11: guesses, price jumps, events on this weekend, clothes, seniors who love a product
reassurance [-]
    \b(?:i would guess|i guess|i would say|i 'd say|i think|my guess be|i reckon|i bet|
    my hunch be) (?:that )?(?:it|that|this|they) (?:be|will be|'s) (?:\w+ ){0,2}?(?:nothing|
    fine|harmless|okay|ok|alright|all right|normal)\b
# batch 12: worrying over nothing, looks of things, faith, houses paid off, quotes and fivers
reassurance [-]
    \bworry (?:over|about) nothing\b|\bmake a fuss (?:over|about) nothing\b
# batch 14: on their way, on your behalf, fussing, flushing, waiting by a door, living on
visit [assert]
    \b(?:someone|somebody|help|a \w+|an \w+|the \w+) on (?:their|his|her|its|the) way (?:over|
    round|to you)\b
action [assert]
    \bon your behalf\b
reassurance [-]
    \bdo not (?:fuss|stress|panic|lose sleep|fret) (?:about|over)\b
treatment [assert,refer_any,react]
    \b(?:flush|clean|detox|cleanse|purify) (?:out )?(?:the |your )?(?:toxin|system|body|
    kidney|liver|impurity|blood)s?\b|^(?:eat|drink|have|take) (?:\w+ ){0,6}?(?:first thing|
    in the morning|before bed|at night)\b(?:.*)\b(?:will|should|help|keep|get|bring)\b
"""
