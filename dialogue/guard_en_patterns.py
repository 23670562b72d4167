"""The English role guard's rules as data: a category, its flags, and a pattern over lemmas.

Each rule is a header line `category [flags]` followed by its pattern on indented lines that
are joined without spaces (so a long alternation reads as a column). Patterns use the word
classes of `guard_en_lexicon` (`{PERSON}`, `{COND}`, `{W}` = one word that is not a
negation, `{AGENT}` = the agent committing itself: "I'll", "let me", "shall I", "would you
like me to"); a pattern that starts `S:` runs over the surface words, where tense matters.
Flags say when a match is allowed after all (`dialogue.guard_en._allowed`):
- `assert`: only a claim counts: a question, a quote of the person, ignorance, or (for the
  world) a condition is fine;
- `alert`: contacting the care team is fine when an alert channel is configured;
- `refer`: fine inside a referral to a doctor or pharmacist;
- `hope`, `past`, `meet_ctx`, `news_ctx`, `regimen_ctx`, `self_feel`, `habit`: one rule's
  own exception, spelled out in `_allowed`.
"""

from __future__ import annotations

ASSERT = "assert"
ALERT = "alert"
REFER = "refer"

RULES_TABLE = r"""
# visit: the agent, its service, or anyone it sends will come
visit [-]
    {AGENT}(?:send|get|have) {PERSON}(?: \w+){0,3}? (?:to|over|round|around|by|out|come|visit|
    check|look|bring|help|drop|stop|to you|to your)
visit [-]
    {AGENT}(?:personally )?{COME}\b
visit [assert]
    {PERSON}(?: from (?:the|our|your) \w+)? {W}?(?:will|be go to|be gonna|should|be|
    be be) {W}?(?:{COME}|come|on (?:its|their|his|her|the) way)\b
visit [-]
    {SELF} (?:have|be|have be|have just|have already) (?:just |already )?(?:send|dispatch|
    arrange for|ask) {PERSON} (?:to |over|round|out|come|visit|check|your)
visit [-]
    \b(?:help|someone|a nurse|an ambulance|the ambulance) be on (?:its|the|their|her|his) way\b|
    \bexpect (?:a|our) (?:visit|visitor|nurse)\b|\bsee you (?:there|at|in person)\b|
    \bi 'll be right over\b|\bbe right there\b|\bin person\b
visit [-]
    \b(?:keep you company|sit with you|pop over|pop round|nip over|nip round|pay you a visit|
    come keep you|have {PERSON} (?:at|on) your (?:door|doorstep|house|home|place|flat))\b
visit [-]
    {AGENT}(?:\w+ ){1,6}?(?:to |and )(?:visit|come (?:by|over|round|around|and|to|out)|stop by|
    drop by|drop in|pop in|call round|call in|be there|look in on)\b
visit [assert]
    \b(?:knock (?:on|at) (?:the|your) door|at your door|on your doorstep|expect (?:a|the|
    our) (?:knock|visit|visitor|nurse|caller|delivery))\b
visit [-]
    {AGENT}(?:make you (?:a|an|some|dinner|lunch|breakfast|tea|coffee|something)|
    put the kettle on|tidy|clean (?:up|your)|do your (?:shopping|laundry|dishes|washing)|
    give you a (?:hug|hand|lift|massage|ride)|hold your hand|hug you)\b
# action: contacting, booking, calling for help, or saying it was done
action [alert]
    {AGENT}(?:{CONTACT}) (?:\w+ ){0,2}?(?:{CARE_WORKER}|{PERSON}|911|emergency|the emergency|
    the hospital|hospital|the clinic|clinic|the pharmacy|pharmacy|your gp|gp|your landlord|
    landlord|the office|them|him|her)\b
action [-]
    {AGENT}(?:{ARRANGE}) (?:\w+ ){0,2}?{ERRAND}\b
action [alert,past]
    {SELF} (?:have|have just|have already|be|just|already)? ?(?:just |already )?(?:call|phone|
    contact|notify|inform|alert|tell|text|message|email|book|schedule|arrange|order|send|
    dispatch|report|pass|let|forward|cancel|refill|make) (?!from |to (?:check|see|ask|say|
    find) |about |because |on behalf )(?:\w+ ){0,3}?(?:{CARE_WORKER}|{PERSON}|{ERRAND}|911|it|
    them|him|her|your|an?|the)\b
action [alert,assert]
    {CARE_WORKER} (?:will|be go to|be gonna|should) {W}?(?:call|contact|phone|ring|get back to|
    reach|be in touch|follow up)\b
action [-]
    \b(?:leave (?:it|that|this|the \w+(?: \w+)?) (?:to|with) me|(?:will|'ll|
    be go to) hear from (?:me|us)|i will (?:sort|handle|deal with|fix|take care of|chase) (?:it|
    that|this|the|your)|i be on (?:it|the case))\b
action [alert]
    {AGENT}(?:make sure|see to it|ensure) (?:that )?{W}?(?:pharmacy|doctor|nurse|gp|clinic|
    hospital|someone|somebody|they|he|she|your (?:son|daughter|family|care worker|caregiver)|
    the (?:team|office|council|landlord))\b
action [alert]
    {AGENT}(?:have|get|ask) {W}?(?:doctor|nurse|gp|pharmacist|someone|somebody|care worker|
    caregiver|son|daughter|team|office|clinic|pharmacy) (?:to )?(?:call|ring|phone|contact|
    email|text|get back|write|check)\b
action [-]
    {AGENT}(?:put in|submit|lodge|raise|log|file|make) (?:a|an|the|your) (?:\w+ )?(?:request|
    complaint|claim|report|order|application|referral|booking)\b
action [alert]
    {AGENT}(?:call|phone|ring|contact|email|text|message|get in touch with|reach out to|notify|
    alert|inform|write to|get hold of|speak to|speak with|talk to|have a word with) (?!you\b|
    yourself\b|again\b|back\b|tomorrow\b|later\b|soon\b|next\b|on\b|at\b|in\b|this\b|every\b|
    each\b)(?:the |your |a |an )?\w+
# diagnosis: naming a condition, or what causes a symptom
diagnosis [-]
    \b(?:sound|seem|look|feel) {W}?like (?:you (?:have|might have|may have|'ve got|
    have get) )?(?:a |an |the |some |your )?{W}?{COND}\b
diagnosis [assert,refer]
    \byou {W}?(?:probably|likely|might|may|must|could|surely|clearly|definitely)? ?(?:have|
    have get|'ve get|be suffer from|suffer from|be come down with|catch|get|develop|be develop|
    be get|be have) (?:a |an |the |some )?{W}?{COND}\b
diagnosis [assert,refer]
    \b(?:it|that|this|those|these|the pain|the \w+|your \w+) (?:be|could be|might be|may be|
    must be|would be|be probably|be likely|be most likely|be just|be only|be probably just|
    be almost certainly|be definitely|be clearly|sound|seem|look) {W}?(?:like )?(?:just |only |
    probably |likely |a case of |a bit of |part of )?(?:a |an |the |some |your |
    from )?{W}?{COND}\b
diagnosis [assert,refer]
    \b(?:probably|likely|most likely|just|only) (?:a |an |the |your )?{W}?{COND}\b|
    \b{COND} (?:be|could be|might be) (?:probably |likely )?(?:cause|cause|behind|the (?:reason|
    cause|culprit))\b|\bdiagnos\w*
diagnosis [assert,refer]
    \bbe (?:a |an )?(?:classic|typical|textbook|clear|sure|obvious|common|definite|usual|
    telltale|early) (?:sign of |symptom of |case of |sign |symptom )?{W}?{COND}\b|\b(?:how|
    when) {COND} (?:start|begin)|\bearly (?:sign|stage|symptom) of\b|\b(?:from|because of|
    due to|cause by) {W}?(?:your )?{COND}\b
diagnosis [assert,refer]
    \b(?:sound|seem|look) (?:to me )?like you (?:\w+ ){0,2}?{W}?{COND}\b|
    \byou (?:\w+ ){0,2}?(?:have|'ve) (?:pull|strain|sprain|twist|slip|throw out|put out|bruise|
    crack|break|fracture|damage|tear) (?:a|an|your|some|something)\b|\byou (?:may|might|could|
    must) (?:well |easily |very well )?have (?:a |an |some )?{W}?{COND}\b|\b(?:i would say|
    i think|i bet|i reckon|i suspect|my guess be|i would guess|i believe|i be pretty sure|
    i be fairly sure) (?:that )?(?:it be|that be|this be|you have|you be|
    they be) (?:\w+ ){0,2}?(?:{COND}|{CAUSE})\b
diagnosis [assert,refer]
    \b(?:point to|suggest|indicate|mean|be consistent with|be cause by|come from|be because of|
    be down to|be due to) (?:a |an |the |some |your )?(?:\w+ ){0,2}?{COND}\b|\b(?:sound|seem|
    look) like (?:a |an )(?:\w+ ){0,3}?{COND}\b|\b(?:probably|just|only) (?:stress|nerves|
    your nerves|anxiety|worry)\b
diagnosis [assert,refer]
    \b(?:sound|seem|look) (?:\w+ ){0,2}?like (?:a |an |the |some |your )?(?:\w+ ){0,2}?{COND}\b|
    \byou (?:be|might be|may be|could be|must be|seem|sound) (?:probably |likely |just |a bit |
    a little |slightly |clearly |definitely |most likely |maybe |perhaps )?{CONDADJ}\b|\b(?:it|
    that|this|those|these|they) (?:could|might|may|must|would)(?: well| easily|
     very well)? be (?:\w+ ){0,4}?{COND}\b|\b(?:typical|characteristic|classic|a sign|a symptom|
    symptomatic|indicative|a warning sign) of (?:\w+ ){0,3}?{COND}\b
# reassurance: saying a symptom is harmless or needs no doctor
reassurance [assert,hope]
    \b(?:nothing (?:serious|to worry about|worry|to be (?:worry|worried|concern|concerned|
    afraid)|major|bad|dangerous|wrong|to be afraid of)|not (?:anything )?(?:serious|dangerous|
    a big deal|a problem|worrying|worth worrying)|(?:perfectly|completely|totally|
    quite)? ?(?:normal|common|natural|harmless|nothing) (?:at|for) (?:your|our|that|an?) (?:age|
    stage)|(?:be|sound|seem) (?:perfectly |completely |totally |quite |very |probably |
    just )?(?:normal|harmless|benign)(?! to)|probably nothing|i be sure (?:it|you|that|this|
    the (?!doctor|gp|nurse|pharmacist)|your (?!doctor|gp|nurse|pharmacist|care|family|son|
    daughter))|i be certain|no (?:need|reason) to (?:worry|see|call|go|visit|be worry|
    be concern|bother|panic|rush|check)|do not (?:need|have) to (?:see|call|go to|visit|worry|
    check)|(?<!i )(?<!we )(?:will|should) {W}?(?:go away|pass(?! on| along| by| that on| it on|
     this on| the| to)|clear up|settle|heal|get better|be fine|be okay|be alright|
    sort itself out|improve)|you (?:will|'ll) be {W}?(?:fine|okay|ok|alright|right as rain)|
    (?:be|look|sound) (?:completely |perfectly )?healthy|no cause for (?:concern|alarm)|
    safe to (?:ignore|wait)|wait and see|sleep it off|walk it off)\b
reassurance [hope]
    \bdo not (?:you )?worry(?: (?:too much|so much|about (?:it|that|this|those|the|your|a)))
reassurance [assert,hope]
    \b(?:be|sound|seem|look) (?:(?:perfectly|completely|totally|quite|very|probably|just|always|
    usually|generally|surely|almost certainly|certainly|definitely|most likely|likely|
    almost always|sure to be|bound to be) )+(?:normal|harmless|benign|innocent|
    nothing to worry about)\b|\bdo not (?:trouble yourself|fret|concern yourself|be (?:worry|
    concern|alarm))\b
reassurance [assert,hope,symptom_ctx]
    \b(?:(?:be|sound|seem|look) (?:(?:perfectly|completely|totally|quite|very|probably|just|
    always|usually|generally|surely|almost certainly|certainly|definitely|most likely|likely|
    almost always|sure to be|bound to be) )*(?:fine|nothing|okay|ok|alright)|
    you be (?:perfectly |completely |totally |probably |absolutely )?(?:fine|okay|ok|healthy|
    in good health))\b(?! to)
reassurance [assert]
    \b(?:part of (?:get|grow|getting|growing) old(?:er)?|part of (?:aging|ageing|old age)|
    to be expect|happen to (?:everyone|everybody|all of us)|(?:everyone|everybody) get (?:that|
    those|them|it|these)|very common (?:at|for|in) (?:your|our|older|people)|
    nothing to be (?:concern|worry|afraid|alarm))\b
reassurance [assert,hope]
    \bnothing to (?:\w+ )?(?:fuss|worry|fret|panic|stress|be concern|be worry) about\b|
    \bno (?:need|reason) for (?:a |an |any )?(?:\w+ )?(?:check ?up|doctor|appointment|test|scan|
    visit|worry|concern|alarm|ambulance)\b|\b(?:seem|look|sound) (?:\w+ )?healthy\b
# medication: changing, adding or dosing medicine
medication [assert,refer]
    \b(?:{CHANGE}|take|have|use) (?:taking |using |with |on |off |
    back on )?(?:\w+ ){0,2}?{EXTRA} (?:\w+ ){0,2}?{MED}\b
medication [assert,refer]
    \b{CHANGE} (?:take |taking |use |using |with |on |off |back )?(?:\w+ ){0,2}?{MED}\b
medication [assert,refer]
    \b(?:take|try|use|have|pop|swallow|give yourself|put on|rub on|apply) (?:\w+ ){0,2}?{OTC}\b
medication [assert,refer]
    \b(?:\d+|one|two|three|half) ?(?:mg|milligram|ml|unit|puff|drop|pill|tablet|capsule)\b|
    \b(?:instead of|in place of|rather than) {W}?{MED}\b|\b{MED} (?:\w+ ){0,2}?(?:twice|
    three times|every \w+ hour|with alcohol|on an empty stomach)\b
medication [assert,refer]
    ^(?:please |just |maybe |perhaps |now |so |then |and |try to |you should |you can |
    you could )?{CHANGE} (?:\w+ ){0,6}?{MED}\b|\b{COUNT} {W}?(?:spoonful|teaspoon|tablespoon|
    sachet|dose|pill|tablet|capsule|puff|drop|mg|ml)\b|\b{MED} (?:\w+ ){0,2}?(?:should|will|
    would|might|can|could) (?:help|sort|fix|ease|settle|do the trick|work|take the edge)\b
medication [assert,refer]
    \b{MED} (?:\w+ ){0,2}?(?:earlier|later) than usual\b|\b(?:an hour|two hours|
    half an hour) (?:earlier|later)\b
# treatment: exercise, heat, ice, rest regimens
treatment [assert]
    ^(?:please |now |first |then |next |just |try to |you should |you need to |make sure you |
    remember to |and )?(?:put|apply|use|try|place|hold|press|wrap|do|soak|take|have|keep|
    alternate|start|add|rub) (?:\w+ ){0,3}?{REGIMEN}\b
treatment [assert]
    \b(?:bend|stretch|twist|raise|lift|rotate|lock|elevate|flex|straighten|massage|soak|rub|ice|
    heat|wrap|rest|move|circle|roll|tense|squeeze|point|clench|strengthen|exercise) (?:your|the|
    both) {W}?{BODY}\b
treatment [assert,regimen_ctx]
    \b(?:for|every|each|about|at least|up to) (?:{COUNT}) {W}?{UNIT}\b|
    \b{COUNT} (?:{UNIT}) (?:a|per|each|every) (?:day|hour|week|morning|night|side|leg)\b|
    \b(?:twice|three times|four times|once) (?:a|per|each|every) (?:day|hour|week)\b|\b(?:rep|
    repetition|set of)\b|\bhold (?:it|that|the stretch|the position) for\b
treatment [assert,refer]
    \b(?:gargle|stay in bed|bed rest|keep (?:it|your \w+) (?:elevate|up on|raise|warm|cold|iced|
    wrap)|drink {W}?(?:ginger|lemon|honey|herbal|salt|warm milk|chamomile|cranberry|vinegar)|
    eat {W}?(?:ginger|garlic|bananas?|prunes?|yogurt)|(?:hot|cold|warm|ice) (?:compress|pack|
    bath|soak)|heating pad|ice pack|r\.?i\.?c\.?e)\b
treatment [assert,regimen_ctx]
    \b(?:the )?(?:best|only|right) (?:thing|remedy|cure|treatment|way|trick) (?:for|to (?:fix|
    cure|treat|ease|help))\b|\b(?:time|{UNIT}) (?:a|an|per|each|every) (?:day|hour|week|morning|
    evening|night)\b
treatment [assert,regimen_ctx]
    \b(?:bend|stretch|twist|raise|lift|rotate|flex|straighten|massage|move|circle|roll|point|
    clench|squeeze) (?:each|one|either|the other|both) {W}?{BODY}\b|\b(?:\d+|two|three|four|
    five|six|seven|eight|nine|ten|fifteen|twenty|thirty) (?:time|rep|repetition|set|second|
    minute)\b(?! ago)
treatment [assert]
    ^(?:please |just |try to |now |then |and |maybe |perhaps )?(?:wrap|put|hold|place|press|rub|
    apply|soak|rest|elevate|raise|ice|massage|strap|bandage|tie|keep) (?:\w+ ){0,6}?(?:on|onto|
    around|against|under|over|in|up on) (?:your|the|each|both) {W}?{BODY}\b|\b(?:try|do) (?:do |
    doing )?(?:some |a few )?(?:\w+ ){0,2}?(?:roll|stretch|exercise|raise|squat|circle|shrug|
    lift|curl|press|breathing|lunge|march|kick)\b|\b(?:\d+|one|two|three|four|five|six|seven|
    eight|nine|ten|twenty) (?:in each direction|on each side|each side|each leg|each arm|
    each way|per side|per leg)\b
visit [assert]
    \bthere (?:will|be go to|should) be {PERSON}\b|\b{PERSON} (?:will|be go to|
    be gonna) (?:\w+ ){0,5}?(?:to you|to your|at your|round|over to|by your)\b
action [alert]
    {AGENT}(?:order|book|arrange|schedule|organi[sz]e|organise|request|dispatch|deliver|buy|
    purchase|reserve|cancel|refill|renew|collect|fetch|sort out|chase|see that|see to it|put in|
    get on to|make sure (?:that )?(?!you|i\b|to\b|we\b))\b|\bhave (?:them|him|her|someone|
    somebody) (?:call|ring|phone|contact|come|visit|pop|drop|bring|send)\b|\b(?:i|
    we) have (?:already |just )?(?:put|submit|lodge|log|raise|file|send|arrange|book|order|
    organi[sz]e|contact|call|email|phone|ring|notify|tell|inform|alert|let|ask|request|message|
    text)\b
diagnosis [assert,refer]
    \b(?:sound|seem|look) (?:as if|as though) (?:\w+ ){0,6}?{COND}\b|\b(?:a bit of|a touch of|
    a bout of|a case of|a spot of) (?:a |an )?(?:\w+ )?{COND}\b
reassurance [assert,hope]
    \b(?:clear|go away|go|die|settle|pass|heal|disappear|wear off|calm down|ease off|improve|
    get better)(?: up| down| off)?(?: \w+){0,2}? (?:on its own|by itself|of its own accord|
    in no time|with time|on their own|by themselves)\b|\b(?:always|usually|normally|generally|
    soon) (?:clear|go away|settle|pass|heal|disappear|wear off|ease|improve|get better)\b|
    \bnot (?:\w+ )?worth (?:\w+ ){0,2}?(?:trouble|bother|call|see|go|worry|ring|fuss)\b|
    \b(?:would not|do not|will not) (?:bother|trouble) (?:the |your )?(?:doctor|gp|nurse|
    surgery)\b
treatment [assert]
    ^(?:please |just |maybe |perhaps )?(?:pop|stick|lay|slip|pack|lean) (?:\w+ ){0,5}?(?:on|
    onto|around|against|under|over) (?:your|the|each|both) {W}?{BODY}\b|
    \bkeep your {BODY} (?:up|raise|elevate|iced|ice|warm|still|straight|bent|moving)\b|
    \bthe (?:trick|secret|key) be to\b
treatment [assert,imperative]
    \bevery (?:hour|morning|evening|night|day|other day|couple of hours?|few hours?|
    \w+ hours?)\b
medication [assert,refer]
    \b(?:take|have|swallow) (?:both|them both|them all|all of them|the two|
    two of them) (?:\w+ )?(?:together|at once|at the same time|in one go)\b|\b(?:catch up|
    make up) (?:on|for) (?:the |a |your )?(?:\w+ )?(?:miss )?(?:dose|pill|tablet|medicine)\b
visit [-]
    \b{PERSON} (?:can|could) (?:\w+ )?(?:take you|drive you|pick you up|collect you|
    give you a lift|come (?:by|over|round|to you))\b
action [alert]
    {AGENT}(?:set (?:it|that|this|everything|something) up|sort (?:it|that|this|everything) out|
    take care of (?:it|that|this|everything)|handle (?:it|that|this)|deal with (?:the|your|it|
    that)|arrange (?:it|that|this))\b|\b(?:i|we) have (?:already |
    just )?(?:go ahead and )?(?:cancel|renew|refill|reschedule|sort|change|move|book|order|
    arrange|contact|call|phone|ring|email|tell|notify)\b
diagnosis [assert,refer]
    \b(?:probably|most likely|likely|just|only|almost certainly) (?:just |only )?(?:a |an |
    some |the )?\w+(?: \w+)? (?:in|on|from|of) your (?:\w+ )?(?:{BODY}|ear|eye|nose|throat|lung|
    skin|blood|bladder|kidney|gut|bowel|sinus)\b
medication [assert,refer]
    \b{MED}\b(?: \w+){0,5}? instead\b|\binstead\b(?: \w+){0,5}? {MED}\b
treatment [assert]
    \b(?:pillow|cushion|towel|rolled towel) (?:under|between|behind) your (?:\w+ )?{BODY}\b
treatment [assert]
    S:^(?:please |just |maybe |perhaps |you could |you might |you should )?try (?!asking|
    calling|talking|speaking|ringing|contacting|mentioning|telling|phoning|getting in touch|
    writing|keeping a note)\w+ing\b
action [alert]
    \b(?:i|we) be (?:now |just |already )?(?:call|phone|ring|contact|email|text|message|notify|
    alert|order|book|cancel|arrange|send|dispatch|get in touch with|reach out to)\b(?! you\b|
     from\b| to\b| about\b| for\b| because\b| on behalf\b| just\b| today\b)(?: (?:the |your |a |
    an )?\w+(?: \w+)?)?
visit [assert]
    \byou (?:will|be go to|should) (?:\w+ )?(?:have|get|receive) (?:a |an |
    some )?(?:\w+ )?(?:visitor|visit|delivery|call from|caller|parcel)\b
action [alert]
    {AGENT}(?:get|have|ask) (?:the |your |a )?\w+ to (?:deliver|bring|send|drop|come|visit|call|
    ring|fix|collect|phone|pop)\b
diagnosis [assert,refer]
    \b(?:a|the) (?:sure |clear |classic |warning )?sign (?:that )?(?:your|you)\b|\b(?:mean|
    suggest|show|indicate|(?<!you )tell me) (?:that )?you (?:need|have|be|lack|be not get|
    be low)\b
reassurance [assert,hope]
    \b(?:do not|no) need to (?:\w+ ){0,2}?(?:bother|trouble|see|call|ring|visit|go to|
    contact) (?:the |your |a )?(?:gp|doctor|nurse|surgery|hospital|clinic|911|999|ambulance)\b|
    \b(?:fit as a fiddle|right as rain|fighting fit|in perfect health|healthy as a horse|
    nothing wrong with you|trust me)\b
visit [assert]
    \bexpect {PERSON}\b|\b(?:the |your |our |a )?(?:\w+ )?(?:service|team|council|company|
    pharmacy|chemist|surgery|clinic|hospital|volunteer|driver|nurse|doctor|carer|worker|someone|
    somebody) (?:will|be go to|be gonna) (?:\w+ ){0,2}?(?:bring|deliver|send|drop|come|visit|
    collect|pick|fix|arrive|start bring|start deliver)\b
action [assert,alert]
    \b(?:will be|have be|have just be|have already be|be be|be just be) (?:\w+ )?(?:drop off|
    deliver|bring|send|call|tell|inform|notify|book|arrange|cancel|move|sort|order|dispatch|
    contact|phone|ring|alert|organi[sz]e|schedule|reschedule|renew|refill)\b|
    \b(?:consider it done|leave it with me|that be sort|all sort|done and dusted)\b
diagnosis [assert,refer]
    \bbe (?!sorry|glad|happy|please|relieve|sad|upset|worried|concerned|aware|
    sure)(?:probably |likely |most likely |almost certainly |definitely |clearly |surely |just |
    only |simply |usually |often |normally |generally |commonly |mostly |always )?(?:a |an |
    the |your |some )?(?:\w+ ){0,2}?{COND}\b(?! season| jab| vaccine| shot| clinic| injection|
     test| nurse| team| medication| medicine| tablet| pill| appointment| check)|\b(?:sign|
    symptom)s? of (?:\w+ ){0,3}?{COND}\b
reassurance [assert,hope]
    \b(?:will not|would not|can not|cannot|do not|should not) (?:do you |do )?(?:any |
    much )?(?:harm|hurt)\b|\bno harm (?:in|do)\b|\bno point (?:in )?(?:\w+ )?(?:see|call|go|
    ring|bother|visit|contact)\b
treatment [assert]
    \bfor a count of\b|\bcount to (?:\d+|ten|five|twenty|three)\b
visit [assert]
    \b{PERSON} (?:could|might|may|can) (?:\w+ )?(?:call in|pop in|drop in|look in|visit|stop by|
    be there|be with you|be round|get to you|pop round|pop over|come round|come over|come by)\b
action [alert]
    {AGENT}(?:get|have) (?:a |an |the |your |some )?(?:\w+ ){0,2}?(?:book|send|sort|fix|arrange|
    order|deliver|repair|replace|organi[sz]e|check)\b
medication [assert,refer]
    \b(?:fine|okay|ok|safe|alright) to (?:\w+ )?(?:take|skip|stop|double|miss|have|leave|halve|
    split|crush|mix) (?:\w+ ){0,4}?{MED}\b|\b{MED} (?:\w+ ){0,4}?(?:late|early|later|earlier)\b
diagnosis [assert,refer]
    \b(?:sound|seem|look) (?:to me )?like (?:it be )?(?:your )?{CAUSE}\b|\b(?:cause by|due to|
    because of|down to|from) (?:your |the )?(?:\w+ ){0,2}?(?:{MED}|{CAUSE})\b
medication [assert,refer]
    \bleave (?:\w+ ){0,3}?{MED} (?:off|out)\b
diagnosis [assert,refer]
    \b(?:pain|ache|spot|rash|lump|cough|dizziness|headache|swelling|numbness|tingling|twinge|
    cramp|wheeze|itch|bruise|soreness|stiffness|tiredness|breathlessness|palpitation|symptom|
    sore|bump|blister|mark|patch|discharge|bleeding|noise|ringing|
    floater)s? (?:\w+ ){0,5}?be (?:probably|likely|most likely|almost certainly|just|only|
    definitely|surely|clearly|certainly|nothing but|simply) (?:a |an |the |your |some )?\w+
reassurance [assert,hope]
    \bnothing to be (?!ashamed|embarrass|sorry|guilty|shy)\w+ (?:of|about)\b|
    \b(?:be not|be n't) anything\b
medication [assert,refer]
    \btake (?:your |the )?(?:\w+ )?{MED} (?:with|together with|along with|
    at the same time as) (?:your |the )?(?:\w+ )?(?:one|ones|{MED})\b
reassurance [assert,hope,symptom_ctx]
    \b(?:perfectly |completely |quite |very )?(?:natural|normal|common|usual|
    expected) to (?:feel|be|get|have)\b|\b(?:a )?(?:very )?common (?:thing|problem|complaint|
    issue)\b
reassurance [assert,hope]
    \byou (?:will|'ll) feel (?:\w+ )?(?:fine|better|okay|alright|right|yourself)\b|
    \bnothing to lose sleep over\b
visit [assert,alert]
    \bhome visit\b|{AGENT}put you (?:on|down) (?:the |a |for )?(?:list|waiting list|rota|
    schedule)
diagnosis [assert,refer]
    \b(?:be|come|stem) from your (?:\w+ )?(?:{BODY}|eye|ear|sinus|tooth|teeth|heart|blood|nerve|
    stomach|gut)\b|\b(?:probably|likely|most likely|
    almost certainly) (?:just )?(?:\w+ )?{CAUSE}\b
reassurance [assert,hope]
    \b(?:these things? happen|it happen to (?:everyone|everybody|the best of us))\b
"""


def parse(table: str = RULES_TABLE) -> list[tuple[str, str, frozenset[str]]]:
    """(category, pattern, flags) for every rule of the table."""
    rules: list[tuple[str, list[str], frozenset[str]]] = []
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("    "):
            rules[-1][1].append(line[4:])
            continue
        category, _, flags = line.partition(" [")
        names = frozenset(f for f in flags.rstrip("]").split(",") if f and f != "-")
        rules.append((category, [], names))
    return [(c, "".join(parts), f) for c, parts, f in rules]


def _all() -> list[tuple[str, str, frozenset[str]]]:
    from dialogue.guard_en_claims import CLAIMS_TABLE
    from dialogue.guard_en_meaning import MEANING_TABLE
    from dialogue.guard_en_persona import PERSONA_TABLE
    from dialogue.guard_en_table_gen import GEN_TABLE
    from dialogue.guard_en_table_more import MORE_TABLE
    from dialogue.guard_en_tacit import TACIT_TABLE
    from dialogue.guard_en_talk import TALK_TABLE

    tables = (RULES_TABLE, PERSONA_TABLE, MEANING_TABLE, CLAIMS_TABLE, TALK_TABLE, MORE_TABLE)
    tables += (TACIT_TABLE, GEN_TABLE)
    return [rule for table in tables for rule in parse(table)]


RULES = _all()
