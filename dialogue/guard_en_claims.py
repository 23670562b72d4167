"""English role rules by meaning, second table: judgements framed as opinions, advice framed
as what "people find", presupposed events, and the agent acting on anyone outside the call.

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
    \b(?:i|we|let me|let us|me to|us to) {AUX}(?!hope|wish|think|know|understand|be\b|hear|
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
# world: the weather to come, with the hedges in the way
world [assert]
    \b(?:it|today|tonight|tomorrow|the weather|the day|outside|out there|the evening|
    the night) (?:\w+ ){0,3}?(?:be|get|turn|feel|look|stay|remain|become) (?:\w+ ){0,3}?
    (?:{HOT})\b(?! (?:water|drink|bath|tea|food|meal|soup|milk|compress|pack))
# memory: an event presupposed by a question about how it turned out
memory [-]
    \b(?:do|have|be) (?:your|the) (?:\w+ ){0,3}?(?:manage to|get round to|get around to|
    end up|finally|ever get|get to the bottom|in the end)\b|\b(?:the|that) (?!you\b)\w+
     (?:that )?(?:you|he|she|they) (?:be|be be) (?:plan|go|hope|mean|think about|
    look forward|worry about|dread)\b
# intrusive: property, care homes and what happens after
intrusive [-]
    \b(?:go|move|going|moving) into (?:a |an )?(?:care |nursing |residential |old people 's |
    retirement )?home\b|\b(?:do|plan|happen|become) (?:\w+ ){0,3}?with your (?:house|home|
    flat|money|savings|thing|belonging|property|estate|car|stuff)\b
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
# seeing: the body in motion, pictures on walls, "there" pointed at
seeing [assert]
    \byou (?:seem|appear|look) to be (?!cough|breathe|breathing|struggling to breathe|
    out of breath|in pain|upset|worried|tired)\w+\b|\byou be (?:limp|hobble|shuffle|
    stagger|sweat|shiver|tremble|shake)\b|\b(?:on|by|in|under|next to|behind|beside)
     (?:the|your|that) \w+ (?:there|behind you|beside you|next to you)\b|\b(?:photo|picture|
    painting|photograph|portrait|vase|plant|flower|clock|ornament|cat|dog) (?:\w+ ){0,4}?(?:on|
    by|in) (?:the|your) (?:wall|table|shelf|windowsill|mantelpiece|sideboard|sofa|lap|floor)\b
# memory: third parties' events asked after as if known
memory [-]
    \b(?:have|do|be) your (?:\w+ ){0,2}?(?:son|daughter|grandson|granddaughter|grandchild|
    grandchildren|brother|sister|niece|nephew|friend|neighbou?r|husband|wife)s? (?:\w+ ){0,6}?
    yet\b|\b(?:any|much|a lot|no) better than (?:the old|the last|before|last time|the other)\b
# intrusive: heirs, exes, "the situation" at home
intrusive [-]
    \bwho (?:\w+ ){0,3}?(?:get|inherit|have|receive|end up with) your\b|\b(?:your|an) ex\b|
    \bex-(?:husband|wife|partner)|\bthe situation (?:with|between) (?:you and )?your\b
# advertising: recommending a product, or customers who love it
advertising [-]
    \brecommend (?:\w+ ){0,3}?{PRODUCT}\b|\b(?:caller|customer|client|member|user|
    subscriber)s? (?:\w+ )?(?:love|swear by|rave about|be delight with|adore) (?:them|it|
    this|that|our)\b
# medication: easing off
medication [assert,refer_any]
    \b(?:go easy on|lay off|ease off|ease up on|give (?:\w+ ){1,3}a miss|hold back on|
    a break from|see how you (?:feel|get on|do|go) without) (?:\w+ ){0,3}?{MED}\b|
    \b{MED} (?:\w+ ){0,6}?see how you (?:feel|get on|do|go) without\b
# world: what is due in the person's area
world [assert]
    \b(?:power|water|gas|electricity|bus|train|road|bin|rubbish|phone line|internet)
     (?:\w+ ){0,4}?(?:go off|be off|be cut|be shut|be close|be cancel|be delay|cut off|
    go out|go down)\b|\b(?:be|be not) (?:due|set|expect|forecast|schedule|plan) to
     (?!see|visit|call|ring)\w+
# action: the person put down for something
action [assert]
    \b(?:have|put|get|pencil|book) you (?:down|in|book|pencil|on the list|on the waiting list|
    on the rota|on the system)\b
# human: the agent unwell
human [-]
    \bi be (?:\w+ ){0,3}?(?:under the weather|off colour|poorly|unwell|not feel (?:great|well|
    good|myself)|run down|out of sort|come down with|fight off|a bit rough)\b
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
# world: days of the year, transport today
world [assert]
    \b(?:today|tomorrow|tonight) (?:be|'s) (?:\w+ ){0,3}?(?:day|night|holiday|festival|anniversary|
    of the year|of the month|election|solstice|equinox|bank holiday)\b|\b(?:train|bus|tube|
    tram|flight|ferry|road|motorway|service)s? (?:\w+ ){0,2}?(?:be|will be|have be)
     (?:\w+ ){0,2}?(?:delay|cancel|close|flood|packed|crowded|shut|suspend|divert|disrupt)\w*\b
# human: the agent's tastes, and "we" at home
human [-]
    S:\bi (?:really |just |do )?(?:love|like|enjoy|adore|prefer|fancy) (?:a|an|my|some|the)
     (?!sound|idea|way|thought|sound of|chance|opportunity|question|time we)\w+|
    \bwe (?:'ve |have )?(?:just |also |all )?(?:ate|had (?!a (?:good |nice |lovely |great |
    long |short |quick )?(?:chat|talk|conversation|call))|went|cooked|watched|visited|
    bought|spent|played|saw|baked|grew up)\b
# intrusive: the marriage asked about
intrusive [only_q]
    \byou and your (?:\w+ )?(?:husband|wife|partner|ex|son|daughter|family|brother|sister)
     (?:\w+ ){0,2}?(?:happy|close|get on|get along|argue|fight|row|love each other|marry|
    together|split|divorce|speak|talk)\b
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
# seeing: the face read
seeing [assert]
    \byour (?:face|eye|smile|expression|cheek|complexion|eyebrow)s? (?!sound|drop|test|
    appointment|doctor|sight|clinic|specialist|cream|ointment)(?:\w+ )?(?:light|fall|drop|
    brighten|change|go|turn|crinkle|sparkle|twinkle|shine|glow|tell)\w*\b
# memory: a third party's recovery presupposed
memory [-]
    \bsince (?:her|his|their) (?:\w+ )?(?:operation|surgery|fall|stroke|accident|procedure|
    treatment|diagnosis|op|move|appointment|visit|trip|funeral|wedding|illness)\b|
    \b(?:her|his|their) (?:\w+ )?(?:operation|surgery|fall|stroke|accident|procedure|op)
     (?:go|be) (?:well|okay|ok|alright)\b
# impolite: complaints about how they speak, weariness at them
impolite [-]
    \b(?:speak|talk) (?:properly|clearly|more clearly|slower)\b|\ba word you (?:be )?say\b|
    ^(?:oh |well |ugh |not )?you again\b|\bwhat be it this time\b|\b(?:like|as) you be tell\b|
    \bnext time,? just\b|\bhow hard (?:can it be|be it)\b|\bi do not have the patience\b
# dev2: a lump that "would have shown itself", a seat kept, the old days, votes, shops, age
reassurance [assert]
    \bif (?:it|that|this) (?:be|were|was) (?:\w+ )?(?:anything|something) (?:\w+ )?(?:bad|
    serious|sinister|worrying|nasty|dangerous|wrong)\b|\bwould have (?:show|get worse|spread|
    grow|know|tell|notice|flare|turn) (?:\w+ ){0,2}?by now\b
meeting [-]
    \b(?:save|keep|hold) (?:me )?(?:a |the )?(?:\w+ )?(?:seat|chair|place|spot|space|table)
     (?:\w+ )?for me\b|\bfor me at the\b|\bwith me at the\b
memory [-]
    \b(?:like|as) (?:it|you|he|she|they) (?:be|do|have) (?:\w+ )?before\b|\bas (?:it|you)
     (?:use to|used to)\b
intrusive [-]
    \b(?:which way|who|how) (?:\w+ )?(?:do )?you (?:\w+ )?vote\b|\byou vote\b|\bvote (?:at|in)
     the (?:last |next )?(?:election|referendum)\b
advertising [-]
    \b(?:do|sell|make|stock|offer) (?:really |very |such )?(?:lovely|great|good|nice|cheap|
    affordable|excellent|brilliant|decent|tasty|fantastic) (?:\w+ ){0,2}?(?:meal|product|
    range|deal|offer|food|clothes|item|thing|gadget|device|service)s?\b|\bgive (?:them|it|
    their \w+) a (?:go|try|whirl)\b(?=.*\b(?:meal|product|range|brand|shop|store|app|
    service|supplement|cream)\b)
impolite [-]
    \btoo old (?:to|for)\b|\bpast it\b|\bover the hill\b|\bget on a bit\b|\bat your age,? you
     (?:should|must|ought|can not|should not)\b
# batch 8: hedged openings, the doctor not needing to know, being shown round, prices,
# the agent's pets and schooldays, posture, "ever ... in the end", regrets, pitches, talking down
diagnosis [assert,refer_any]
    ^(?:it )?(?:could|might|may|must) (?:well |easily )?be (?:\w+ ){0,3}?(?:{COND}|{CAUSE}|
    your (?:\w+ )?{ORGAN})\b
reassurance [-]
    \bi (?:\w+ )?do not (?:think|believe|reckon) (?:that )?(?:the |your |a )?(?:doctor|gp|
    nurse|anyone|anybody|you) (?:\w+ )?need\b|\b(?:doctor|gp|nurse) (?:do not|will not|would
     not) (?:\w+ )?need to (?:hear|know|see|be bother|be trouble)\b
meeting [-]
    \bshow me (?:your|round|around|the)\b|\btake me (?:to|round|around)\b
world [assert]
    \b(?:petrol|fuel|diesel|gas|electricity|energy|food|bread|milk|butter|egg|rent|council tax|
    fare|stamp|postage|price|bill)s? (?:\w+ ){0,3}?(?:go up|go down|rise|fall|double|soar|
    shoot up|be up|be down|cost more|be dear|be through the roof)\b
human [-]
    \bi (?:also |too )?(?:have|have get|own|keep) (?:a|an|two|three|some|my own) (?:\w+ )?
    {FAMILY}\b|S:\b(?:back )?when i was\b|\bback in my\b
seeing [assert]
    \byou be (?:still |just |now |all )?(?:sit|stand|lie|wear(?! out)|hold|lean|slouch|hunch|
    fidget|rock|nod|wave|point|grin|beam|blush|squint|rub)\b|\b(?:nasty|horrible|sore|painful|awful|angry|swollen|bad|
    healthy|pale|tired|poorly|peaky) look (?:\w+ )?(?:cut|bruise|rash|wound|graze|sore|lump|
    bump|swelling|spot|eye|face|skin|leg|arm|hand|foot|knee)\b
memory [-]
    \b(?:do|have|be) (?:your|the) (?:\w+ ){0,5}?(?:ever|in the end|eventually|after all)
     (?:\w+ ){0,3}?(?:turn up|come|arrive|call|ring|fix|sort|get back|reply|answer|happen|
    work|go)\b
intrusive [only_q]
    \bregret\b|\bnot have (?:any )?(?:children|child|kid|family)\b|\bnever (?:marry|have
     (?:children|kid))\b
advertising [-]
    \b(?:get|buy|try|order) (?:yourself )?one of (?:those|these|the new|our)\b|\bone of those
     (?:\w+ ){0,2}?{PRODUCT}\b
impolite [-]
    \bfor your benefit\b|\bonce more,? slowly\b|\bslowly for you\b|\bin simple terms\b|
    \bspell it out\b|\bnice and slow\b|\bvery slowly\b|\bshall we try (?:that|this) again\b
# batch 9: beginnings of a condition, supplements taken differently, pitches on price
diagnosis [assert,refer_any]
    \b(?:beginning|start|onset|early stage|first sign|early sign|start)s? of (?:\w+ )?{COND}\b|
    \b(?:quite |very |most )?(?:possibly|probably|likely|definitely) (?:\w+ ){0,2}?{COND}\b
medication [assert,refer_any]
    \b(?:take|have|try) (?:\w+ )?(?:the |your )?(?:iron|calcium|vitamin \w+|b12|folic acid|
    potassium|magnesium|zinc|fish oil|cod liver oil)\b(?:.*)\b(?:instead|every other day|
    alternate day|twice|once a week|extra|double|half|less|more|skip|stop)\b|\b(?:every other
     day|on alternate days) (?:\w+ )?instead\b
advertising [-]
    \b(?:reasonably|competitively|fairly|keenly|attractively) price\w*\b|\bprice (?:from|at)
     \w+\b|\ba (?:real )?bargain\b|\bcheap as chips\b|\bgreat value\b
impolite [-]
    \bnot what i ask\b|\blisten to the question\b|\b(?:just )?answer the question\b|
    \bthat be not the question\b
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
memory [-]
    ^your (?:\w+ )?(?:son|daughter|grandson|granddaughter|grandchild|grandchildren|brother|
    sister|niece|nephew|friend|neighbou?r|husband|wife|family)s? (?:be|have|do) still\b
advertising [-]
    \bbenefit from (?:a |an |the |one of |our |some )?(?:\w+ ){0,3}?{PRODUCT}\b
impolite [-]
    \b(?:like|love|always|just) to (?:moan|complain|whinge|grumble|fuss|nag|whine)\b|
    \bsome people (?:\w+ ){0,3}?(?:moan|complain|whinge|grumble|whine)\b
# batch 11: guesses, price jumps, events on this weekend, clothes, seniors who love a product
reassurance [-]
    \b(?:i would guess|i guess|i would say|i 'd say|i think|my guess be|i reckon|i bet|
    my hunch be) (?:that )?(?:it|that|this|they) (?:be|will be|'s) (?:\w+ ){0,2}?(?:nothing|
    fine|harmless|okay|ok|alright|all right|normal)\b
world [assert]
    \b(?:price|petrol|gas|fuel|rent|fare)s? (?:\w+ ){0,2}?(?:jump|spike|climb|skyrocket|hike|
    shoot)\w*\b|\b(?:parade|festival|fair|fete|carnival|firework|market|concert|show|match|
    game|race|election|marathon)s? (?:be|will be|be on) (?:this|next|on|tomorrow|tonight|today)\b
seeing [assert]
    \b(?:nice|lovely|pretty|great|beautiful|smart|cute|cosy|cozy|colourful|colorful|snazzy)
     (?:new )?(?:sweater|jumper|cardigan|dress|hat|shirt|top|blouse|coat|scarf|glasses|
    haircut|hair|shoes|outfit|earring|necklace|tie|slipper|jacket|fleece|trousers|pants)s?\b
intrusive [only_q]
    \bsee eye to eye\b|\bon (?:good|speaking|bad) terms\b
advertising [-]
    \bsave you (?:a bundle|money|a fortune|a lot|hundreds|thousands|a packet|cash)\b|\bour
     (?:\w+ ){0,3}?partner\b|\b(?:senior|older people|people your age|pensioner|retiree|caller|
    customer|client|folk your age)s? (?:\w+ )?(?:love|swear by|rave about|adore|enjoy|
    recommend) (?:the|their|our|this|these) (?:\w+ ){0,2}?(?:{PRODUCT}|tablet|pad|phone|
    device|gadget|service|plan)\b
impolite [-]
    \b(?:please )?just (?:focus|concentrate)\b|\bfocus for a (?:second|minute|moment)\b|
    \byou (?:\w+ )?(?:can not|never|do not) remember (?:anything|a thing)\b
# batch 12: worrying over nothing, looks of things, faith, houses paid off, quotes and fivers
reassurance [-]
    \bworry (?:over|about) nothing\b|\bmake a fuss (?:over|about) nothing\b
seeing [assert]
    \b(?:that|this|those|these) (?:\w+ )?look (?:like|lovely|nice|comfy|comfortable|cosy|cozy|
    great|good|delicious|tasty|beautiful|pretty|sore|painful|nasty|swollen)\b
intrusive [only_q]
    \b(?:churchgoer|go to church|religious|pray|believe in god|your faith|christian|muslim|
    jewish|buddhist|atheist|pay off|own (?:it|your house|your home) outright|mortgage-free)\b
advertising [-]
    \bget a (?:free )?quote\b|\bhear (?:brilliant|great|good|amazing|wonderful) thing about\b|
    \bfor (?:a fiver|a tenner|a few quid|a few pound|a few dollar|(?:just |only )?(?:\d+|five|
    ten|twenty) (?:quid|pound|dollar|buck))\b
impolite [-]
    \bwhy (?:do )?you (?:even )?bother\b|\byou do go on\b|\byou go on and on\b|\byou
     (?:do |really )?(?:ramble|waffle|witter)\b
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
meeting [-]
    \bwait for you (?:by|at|outside|in|near|at the)\b
seeing [assert]
    \b(?:colour|color|glow|tan) in your (?:cheek|face)s?\b|\byou have (?:get )?(?:a bit of |
    some |a )?(?:colour|color|tan|glow|rosy cheek)\b
intrusive [only_q]
    \b(?:live|get by) (?:on|off)\b(?! your own| (?:a|the) (?:\w+ )?(?:street|road|floor|estate))
impolite [-]
    \b(?:lot of|other|more|many) (?:call|people) to (?:make|call|get to|ring)\b|\bkeep (?:your
     answer|it|them) (?:short|brief|quick)\b
# impolite: sarcasm and weariness
impolite [assert]
    \byou (?:\w+ )?(?:forget|miss|lose|leave|do not|did not|never|skip) (?:\w+ ){0,4}?(?:again|
    as usual|as always|yet again|once again)\b|\b(?:as usual|as always|typical|yet again),?
     you\b|\b(?:go on|keep on|drone on|harp on|bang on) about\b|\bwe (?:have|'ve) (?:already |
    just )?(?:cover|be through|be over|discuss|talk about|do) (?:that|this|it)\b|
    \benough about (?:the|your|that)\b|\bi suppose you\b
"""
