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
    dispatch|report|pass|let|forward|cancel|refill|make) (?:\w+ ){0,3}?(?:{CARE_WORKER}|
    {PERSON}|{ERRAND}|911|it|them|him|her|your|an?|the)\b
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
# meeting: proposing to be somewhere together
meeting [-]
    \blet (?:'s|us) {W}?(?:meet|go(?! through| over| on| ahead| back| to the next)|get together|
    grab|have (?:lunch|dinner|breakfast|a meal|coffee|tea|a drink|a chat in person)|eat|walk|
    take a walk|hang out|visit|cook|exercise|dance|watch|play|shop|travel|take a trip|
    do {W}?together)\b
meeting [-]
    \b(?:shall|should|can|could|why do not) we {W}?(?:meet|go|get together|have|grab|eat|walk|
    hang out|take|do|see each other)\b
meeting [meet_ctx]
    \b(?:with me|together|join me|join us|meet (?:me|up|you)|our (?:club|class|meeting|
    gathering|group|event)|my treat|i 'll treat|i will treat|i treat you|hang out|
    get together)\b
meeting [-]
    \bwe (?:could|should|can|might|will|must|ought to) {W}?(?:grab|go|meet|get together|eat|
    walk|watch|visit|have (?:lunch|dinner|breakfast|a meal|coffee|tea|a cup|a drink|a walk))\b|
    \b(?:how|what) about (?:we|us) {W}?(?:go|meet|have|grab|watch|walk|eat|get|visit|do)\b|
    \byou and (?:me|i)\b
# diagnosis
diagnosis [-]
    \b(?:sound|seem|look|feel) {W}?like (?:you (?:have|might have|may have|'ve got|
    have get) )?(?:a |an |the |some |your )?{W}?{COND}\b
diagnosis [assert]
    \byou {W}?(?:probably|likely|might|may|must|could|surely|clearly|definitely)? ?(?:have|
    have get|'ve get|be suffer from|suffer from|be come down with|catch|get|develop|be develop|
    be get|be have) (?:a |an |the |some )?{W}?{COND}\b
diagnosis [assert]
    \b(?:it|that|this|those|these|the pain|the \w+) (?:be|could be|might be|may be|must be|
    would be|be probably|be likely|be most likely|be just|be only|be probably just|
    be almost certainly|be definitely|be clearly|sound|seem|look) {W}?(?:like )?(?:just |only |
    probably |likely |a case of |a bit of |part of )?(?:a |an |the |some |your |
    from )?{W}?{COND}\b
diagnosis [assert]
    \b(?:probably|likely|most likely|just|only) (?:a |an |the |your )?{W}?{COND}\b|
    \b{COND} (?:be|could be|might be) (?:probably |likely )?(?:cause|cause|behind|the (?:reason|
    cause|culprit))\b|\bdiagnos\w*
diagnosis [assert]
    \bbe (?:a |an )?(?:classic|typical|textbook|clear|sure|obvious|common|definite|usual|
    telltale|early) (?:sign of |symptom of |case of |sign |symptom )?{W}?{COND}\b|\b(?:how|
    when) {COND} (?:start|begin)|\bearly (?:sign|stage|symptom) of\b|\b(?:from|because of|
    due to|cause by) {W}?(?:your )?{COND}\b
diagnosis [assert]
    \b(?:sound|seem|look) (?:to me )?like you (?:\w+ ){0,2}?{W}?{COND}\b|
    \byou (?:\w+ ){0,2}?(?:have|'ve) (?:pull|strain|sprain|twist|slip|throw out|put out|bruise|
    crack|break|fracture|damage|tear) (?:a|an|your|some|something)\b|\byou (?:may|might|could|
    must) (?:well |easily |very well )?have (?:a |an |some )?{W}?{COND}\b|\b(?:i would say|
    i think|i bet|i reckon|i suspect|my guess be|i would guess|i believe|i be pretty sure|
    i be fairly sure) (?:that )?(?:it be|that be|this be|you have|you be|
    they be) (?:\w+ ){0,2}?(?:{COND}|{CAUSE})\b
diagnosis [assert]
    \b(?:point to|suggest|indicate|mean|be consistent with|be cause by|come from|be because of|
    be down to|be due to) (?:a |an |the |some |your )?(?:\w+ ){0,2}?{COND}\b|\b(?:sound|seem|
    look) like (?:a |an )(?:\w+ ){0,3}?{COND}\b|\b(?:probably|just|only) (?:stress|nerves|
    your nerves|anxiety|worry)\b
# reassurance
reassurance [assert,hope]
    \b(?:nothing (?:serious|to worry about|worry|to be (?:worry|worried|concern|concerned|
    afraid)|major|bad|dangerous|wrong|to be afraid of)|not (?:anything )?(?:serious|dangerous|
    a big deal|a problem|worrying|worth worrying)|(?:perfectly|completely|totally|
    quite)? ?(?:normal|common|natural|harmless|nothing) (?:at|for) (?:your|our|that|an?) (?:age|
    stage)|(?:be|sound|seem) (?:perfectly |completely |totally |quite |very |probably |
    just )?(?:normal|harmless|benign)(?! to)|probably nothing|i be sure (?:it|you|that)|
    i be certain|no (?:need|reason) to (?:worry|see|call|go|visit|be worry|be concern|bother|
    panic|rush|check)|do not (?:need|have) to (?:see|call|go to|visit|worry|check)|
    (?<!i )(?<!we )(?:will|should) {W}?(?:go away|pass(?! on| along| by| that on| it on|
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
# medication
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
# treatment
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
# world: weather, season, news, date and time
world [assert]
    \b(?:{WEATHER})\b
world [assert]
    \b(?:it|today|outside|out there|the day|the weather) {W}?(?:be|have be|get|become|look|feel|
    seem|sound) (?:(?!a |an |the )\w+ ){0,3}?{HOT}\b|\b{HOT} (?:today|outside|out there|
    these days|lately|this (?:week|year|morning|afternoon|month)|tonight|at night|
    in the morning)\b
world [assert,news_ctx]
    \b(?:{NEWS})\b
world [assert]
    \b(?:it|today|tonight|tomorrow|now) {W}?(?:be|be already|be almost|be nearly|be getting|
    be get) (?:already |almost |nearly |still |quite |so |very )?(?:the |a )?{DAYTIME}\b|
    \bhappy (?:new year|holidays|christmas|thanksgiving|easter|birthday|chuseok|friday|monday|
    weekend)|\b(?:on|this|such|what) an? (?:lovely|beautiful|nice|fine|gorgeous|sunny|rainy|
    cold|hot|gloomy|perfect) (?:day|morning|afternoon|evening)\b|\b(?:lovely|beautiful|nice|
    perfect|good) day (?:for|to) (?:a|an|go|be|sit|take|walk|garden)\b|\bi (?:hear|read|
    see) (?:on|in|that|about)\b
world [assert]
    \b(?:around|about|go around|go round|spread|circulate) (?:lately|at the moment|right now|
    these days|this (?:week|month|season|winter|year)|in (?:town|the area|your area))\b
world [assert]
    \b(?:it|today|this) (?:be|have be|look|feel) (?:\w+ ){0,2}?(?:a|an|
    such a) (?:\w+ )?(?:beautiful|lovely|nice|fine|gorgeous|glorious|sunny|rainy|grey|gray|
    gloomy|miserable|cold|hot|warm|chilly|crisp|bright|dull|wet|windy|perfect|pleasant|clear|
    stormy|foggy|muggy|humid|bitter|freezing|scorcher|scorching) (?:day|morning|afternoon|
    evening|night|one)\b|\b(?:it|today) be (?:\w+ ){0,3}?(?:out there|outside|out today)\b|
    \b(?:the )?(?:sun|moon|cloud|sky) (?:be|have) {W}?(?:shine|out|up|come out|clear|bright|
    low)|\b(?:half past|quarter past|quarter to|\w+ oclock|\d+ (?:am|pm))\b
# human: a life, a body, a family, meals and sleep
human [-]
    S:\bi(?: 've| have| 'd)? {W}?(?:also |too |just |already |recently |usually |often |even |
    myself )*(?:ate|eaten|drank|cooked|slept|went|walked|visited|bought|watched|met|hiked|swam|
    traveled|travelled|exercised|jogged|grew up|woke|napped|showered|got (?:sick|a cold|tired|
    home|up)|caught (?:a|the)|spent|felt|had (?:\w+ ){0,3}?(?:{MEAL}))\b
human [self_feel]
    \bi {W}?(?:be|feel|get|have be|be get|be feel) (?:also |so |very |really |a (?:little|bit) |
    quite |pretty |too |still |kind of |a little bit |getting |feeling |myself )*{FEEL}\b
human [family_ctx]
    \b(?:my|our) (?:own |dear |late |little |old |best |favou?rite )?{FAMILY}\b|
    \b(?:an? \w+ of mine|when i be (?:young|a child|little|a kid|your age|younger|a girl|a boy|
    growing up)|i grow up|i remember when i|in my (?:day|experience|youth|life))\b
human [-]
    \b(?:same (?:for|with|here for) me|same here|me too|me neither|so do i|so be i|so have i|
    nor do i|i know the feeling|i know how (?:that|it|you) feel|i feel the same|i have the same|
    that happen to me|happen to me (?:too|as well|all the time)|i be (?:a |also a )?(?:human|
    real person|person like you|real)|i be not (?:an? )?(?:ai|robot|machine|computer|program)|
    i (?:also |really )*(?:like|love|enjoy|prefer|hate) (?:to (?!ask|know|hear|check|remind|
    thank|let|tell|talk|call|say|help|make|see|chat|listen|remember|wish)\w+|
    \w+ing\b(?<!hear)(?<!talking)(?<!chatting)))\b
human [habit]
    S:\bi (?:usually |always |often |also |sometimes |never )?(?:sleep|eat|cook|walk|exercise|
    swim|hike|garden|drink coffee|drink tea|take a nap|go to bed|get up|wake up|live|
    work)\b(?! (?:with|on|through|for|at) (?:you|your|this|that))
human [-]
    S:\bi (?:also |really |just |absolutely |do )?(?:like|love|enjoy|prefer|hate|
    adore) (?!hearing|talking|chatting|that\b|this\b|it\b|your|you\b|how|when|what|our|
    the (?:sound|idea|way))(?:to \w+|\w+ing\b)
human [-]
    \bmy (?:day off|days off|free time|spare time|colleague|coworker|childhood|school|youth|
    favou?rite|own)\b
human [-]
    \bmy (?:own )?{BODY}\b
human [-]
    \bi (?:also |really |just |do )?(?:love|like|enjoy|adore|prefer) (?:a|an|my|
    some) (?:\w+ )?(?:cup|coffee|tea|walk|book|film|movie|meal|dinner|lunch|bath|nap|glass|song|
    game|holiday|trip|day|morning|evening|garden|biscuit|cake|chocolate)\b
human [-]
    S:\bi(?: 've| have)? had (?:a |an |some |the )?(?:\w+ )?(?:cold|headache|fever|flu|cough|
    bad back|sore throat|rough night|bad night|week|weekend|day)\b
# seeing
seeing [-]
    \byou {W}?(?:look|be look|do not look|seem to look)\b(?! forward| after| for| into| up| at|
     around| out)|\bi (?:can|could|can already) {W}?see (?:that )?(?:you|your|how|it in your)\b|
    \bi (?:see|saw|watch|can tell by|notice) (?:you|your (?:face|eyes|smile|expression|skin|
    hair|clothes))\b|\byour (?:face|eyes|smile|expression|skin|complexion|hair|clothes|outfit|
    dress|shirt|room|house) {W}?(?:look|seem|be|appear)\b|\b(?:nice|good|great|lovely|
    wonderful) to see you\b|\blook like you (?:be|have)\b|\byou be smile\b|\bi be look at you\b
seeing [-]
    \b(?:around|under|in) (?:the|your) eye|\b(?:bag|circle)s? under\b|\b(?:beside|next to|
    in front of|behind) you\b|\bi (?:notice|spot|observe) (?:the|a|an|your|that you be (?:wear|
    hold|sit))\b|\byou be (?:wear|hold|smile|sit there|lie there|frown)\b|\bwhat a (?:lovely|
    nice|pretty|beautiful|smart) \w+(?: \w+)? you be\b
seeing [-]
    \b(?:from|by|in) your (?:face|expression|eyes|smile|posture|look|colour|color)\b
seeing [assert]
    \byour (?:\w+ )?(?:{BODY}|cheek|lip|face|eye|skin|complexion|hair|colour|color|nose|bruise|
    rash|cut|wound|swelling|room|kitchen|garden|house|flat) (?:look|seem|appear)\b|
    \bi (?:can )?see (?:you have|you 've|you be|that you have)\b
# intrusive
intrusive [-]
    \b(?:how much (?:money|do you (?:have|earn|make|get|pay|spend|save|owe)|be your (?:pension|
    rent|income|salary))|(?:your|any) (?:savings|income|salary|pension (?:amount|payment)|debt|
    loan|bank account|bank|account number|pin|password|social security number|credit card|
    inheritance|will|estate|property|assets|finances|financial situation|net worth)|
    money (?:problem|trouble|issue|worry|from your)|allowance|how old be you|
    what year be you born|your (?:age|weight|religion|politics)|who do you vote|why (?:do|
    do not|be|did) you (?:live alone|not remarry|divorce|never marry)|
    why do not your (?:\w+ ){0,2}(?:visit|call|come)|get along (?:well )?with|on (?:good|
    bad) terms|divorce|fight with your|argue with your|relationship with your|be you married|
    what happen to your (?:husband|wife|son|daughter)|do you still work|your job|do you work|
    afford)\b
intrusive [-]
    \b(?:which|what) party|\bvote for|\byour (?:political|religious)|\bwhen you (?:pass on|
    pass away|die|be go|be gone)|\bafter you (?:die|pass|be gone)|\binherit|\bin savings|
    \bhow much do you (?:have|earn|get|spend|pay|owe)\b
intrusive [-]
    \b(?:on (?:good |bad |speak |speaking )?term|speak to each other|fall out with|estrange|
    row with|(?:make|write|have) (?:a|your) will|(?:funeral|burial) (?:plan|arrangement|wish)|
    who will (?:get|inherit|have) )
intrusive [-]
    \b(?:leave (?:your|the|all your) (?:house|home|money|property|estate|thing|belonging|
    savings|flat) to|leave (?:it|everything) to|get on (?:well |badly )?with (?:your|him|her|
    them))\b
# advertising
advertising [-]
    \b(?:new product|product|brand|discount|on sale|a sale|coupon|promo|promotion|promotional|
    special offer|limited (?:time|offer)|free trial|subscribe|subscription|sign up for|
    upgrade to|premium (?:plan|service|version|package)|our (?:company|store|shop|partner|
    sponsor|app|website|service|product|plan|package|pharmacy)|sponsor|advertis\w+|\d+ ?(?:%|
    percent) off|order now|buy now|(?:buy|purchase|order) (?:our|this|the new|one of our)|
    get (?:our|one of our|the new)|i (?:highly )?recommend (?:the|a|this|our) \w+ (?:brand|
    model|product|app|supplement)|check out (?:our|the new|this new)|visit our|download our|
    install our|call our|best price|good deal|great deal|cost[- ]effective|affordable|
    money back)\b
advertising [-]
    \b(?:nothing beat|can not beat|swear by|worth every penny|(?:a|the) (?:great|good|fantastic|
    special) (?:deal|offer|price) on|insurance|(?:highly|strongly) recommend (?:the|a|an|
    getting|buying|trying))\b
advertising [-]
    \b(?:on offer|try (?:the|our) new|the new \w+ (?:\w+ )?(?:range|line|model|version|vitamin|
    supplement|pill|cream|device)|this week only|while stock|for only|only (?:\d+|
    \w+) (?:dollar|pound|euro|won|cent)|per month|a month for)\b
advertising [-]
    \b(?:our (?:new|latest|special|exclusive)|free for (?:a|the first|one)|first month free|
    promot\w*|we (?:be )?(?:sell|promote|stock))\b
# impolite
impolite [-]
    (?:^|\bjust |\bplease |\bnow )grow up\b|\b(?:shut up|stupid|idiot|dumb|nonsense|ridiculous|
    hurry up|i do not care|who care|whatever|none of your business|you be wrong|old (?:man|
    woman|lady|geezer|fool|timer|coot|hag)|get to the point|how many time (?:do|have) i|
    listen to me|you never listen|pay attention|be you deaf|be you stupid|be quiet|keep quiet|
    stop (?:complain|whine|whining|complaining|ramble|rambling|moaning|nag|bother)|
    you be (?:so |be |really |very |just )*(?:slow|annoying|boring|useless|difficult|lazy|rude|
    senile|confused again|exhausting)|i do not have time for|stop wast|calm down|ugh|duh|
    for god 's sake|seriously \?|obviously|i already tell you|as i already say|like i say|
    do what i say|because i say so|that be your problem|your fault|shame on you|act your age|
    at your age you should)\b
impolite [-]
    \b(?:you old \w+|old folk|you people|you lot|you never (?:listen|learn|remember)|
    should have think of that|i already tell you|listen properly|your own fault|
    what do you expect)\b
impolite [-]
    \b(?:silly|foolish|pathetic|childish|do not be (?:silly|ridiculous|dramatic|such a)|
    make (?:such )?a fuss|fuss (?:over|about) nothing|overreact|exaggerat\w*|all in your head|
    drama queen|get over it|toughen up|man up|stop being)\b
impolite [-]
    \b(?:get on with it|spit it out|out with it|get a move on|chop chop|do not have all day|
    have not get all day|such a baby|cry baby|big baby|come on now)\b
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


RULES = parse()
