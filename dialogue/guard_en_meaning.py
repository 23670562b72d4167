"""The English role rules by meaning rather than by sentence: who may act toward the person, what
may be said about medicine, remedies, money and the world, in wide word classes.

Where `guard_en_patterns` lists wordings, these rules read the shape a violation takes whatever
its words: a service person (or the agent) with a future and a verb of coming or acting; an act
done in the passive ("your prescription has been sorted"); a medicine next to a change, an
amount, a permission or a promise of relief; a remedy with a promise that it works; money asked
about. Same table format and flags as `guard_en_patterns` (which reads it), plus:
- `react`: fine when the sentence reacts to the person's own news ("I'm glad the boiler has
  been fixed", "how lovely");
- `only_q`: counts only in a question ("Is your pension enough?");
- `health`: counts only when the sentence is about health (a symptom, body part, condition).
"""

from __future__ import annotations

MORE_CLASSES = {
    # what may stand between the agent and its verb: modals, "going to", adverbs
    "AUX": r"(?:(?:will|would|can|could|shall|should|may|might|must|be|have|do|go to|gonna|"
    r"about to|want to|like to|love to|need to|better|just|now|right|away|go ahead and|"
    r"straight away|immediately|quickly|also|happy to|glad to|able to|try to|definitely|"
    r"probably|perhaps|maybe|easily|always|certainly|then|arrange to|personally|myself|"
    r"already|soon|today|tomorrow|gladly) )*",
    # people a service could send: never family, whose visits are the person's own news
    "SERVICE": r"(?:someone|somebody|one of (?:us|our \w+|the team)|(?:a|an|the|our|your) "
    r"(?:\w+ )?(?:nurse|volunteer|care ?worker|carer|caregiver|engineer|plumber|technician|"
    r"doctor|gp|paramedic|ambulance|driver|handyman|electrician|social worker|support worker|"
    r"health visitor|physio|physiotherapist|therapist|pharmacist|befriender|warden|caretaker|"
    r"helper|home help|team|member of staff|staff member|officer|inspector|council|locksmith|"
    r"repairman|man|woman|lady|courier|delivery|taxi|cab|meals on wheels|help)|help|"
    r"(?:the )?council|meals on wheels|a district nurse|district nurse)",
    # coming to the person, or doing something at their home
    "TOWARD": r"(?:come|visit|stay with you|stay over|stay the night|sleep over|"
    r"keep you company|look after you|care for you|sit in|swing by|swing round|drop by|"
    r"drop in|drop round|drop off|"
    r"drop it|drop them|pop|stop by|stop in|look in|check on you|check in on you|call round|"
    r"call in|call by|be round|be over|be there|be with you|be at your|be along|bring|deliver|"
    r"fix|repair|mend|take a look|have a look|look at (?:it|that|your|the)|examine|assess|"
    r"pick you up|collect you|drive you|take you|fetch|arrive|knock|turn up|show up|"
    r"head (?:over|round|your way)|make (?:it|their way|his way|her way) (?:over|round|to you)|"
    r"be send|be dispatch|be on (?:its|their|his|her|the) way|sit with you|help you (?:with|"
    r"out|at home|around|into|up|get))",
    # errands done for the person: said as done, they are a claim the agent cannot make
    "DONE": r"(?:take care of|handle|deal with|send|book|arrange|sort|sort out|order|"
    r"organi[sz]e|cancel|move|renew|refill|"
    r"dispatch|schedule|reschedule|request|fix|pay|deliver|approve|process|put through|"
    r"change|set up|authori[sz]e|confirm|top up|chase|expedite|arrange for|lodge|submit)",
    # drug names and kinds: a statement naming one is about medicine
    "DRUG": r"(?:aspirin|ibuprofen|advil|motrin|tylenol|acetaminophen|paracetamol|naproxen|"
    r"aleve|codeine|co-codamol|cocodamol|tramadol|morphine|diazepam|valium|sertraline|statin|"
    r"simvastatin|atorvastatin|metformin|warfarin|insulin|amlodipine|ramipril|omeprazole|"
    r"lansoprazole|levothyroxine|thyroxine|furosemide|bisoprolol|digoxin|gabapentin|"
    r"prednisolone|antihistamine|antacid|laxative|melatonin|benadryl|nytol|gaviscon|rennie|"
    r"senna|lactulose|blood thinner|water (?:pill|tablet)|diuretic|beta blocker|antibiotic|"
    r"steroid|painkiller|pain killer|sleeping (?:pill|tablet)|sleep (?:pill|tablet|aid)|"
    r"inhaler|nitro|gtn spray|eye drop|cough (?:syrup|mixture|medicine)|"
    r"multivitamin|vitamin \w+|cod liver oil|iron tablet|calcium tablet|glucosamine)s?",
    # a word that changes, measures or permits a medicine
    "DOSECUE": r"(?:crush|dissolve|split|chew|open|mix|better if|work better|"
    r"half|halve|double|extra|another|skip|miss|stop|quit|drop|cut|cut down|"
    r"cut back|less|more|fewer|a couple of|couple|two|three|four|both|instead|without|"
    r"get away with|fine to|okay to|ok to|safe to|alright to|all right to|no harm|"
    r"not hurt|a break|a rest|pause|hold off|wean|taper|up your|lower your|increase|"
    r"reduce|with (?:a |your )?(?:tea|coffee|food|milk|alcohol|wine|beer|juice|whisky|"
    r"grapefruit|a drink)|on an empty stomach|earlier|later|tonight|every \w+ hour|"
    r"top up|swap|switch|borrow|share|someone else 's|leftover|old)",
    # a promise that something works on the body
    "WORKS": r"(?:help|ease|clear|strengthen|cure|fix|sort|loosen|settle|soothe|relieve|calm|"
    r"improve|boost|lower|reduce|get rid of|take the edge off|do the trick|work wonders|"
    r"do wonders|shift|unblock|heal|protect|prevent|stop|knock|shake|flush|thin|unclog|"
    r"perk you up|set you right|put you right|sort you out|clear (?:it|that|them) up|"
    r"draw out|draw (?:\w+ ){1,2}out|pull out|bring down|bring (?:\w+ ){1,3}down|"
    r"get (?:\w+ ){1,2}(?:move|go)|keep (?:\w+ )?at bay|take care of|"
    r"make (?:a|all the) difference|work better|do (?:you|it) good|do the job)",
    # folk remedies and food taken as therapy
    "REMEDY": r"(?:honey|lemon|ginger|garlic|turmeric|cinnamon|vinegar|cider vinegar|"
    r"salt water|epsom salt|hot toddy|whisky|brandy|chicken soup|prune|cranberry|yogurt|"
    r"yoghurt|kefir|peppermint|chamomile|camomile|lavender|eucalyptus|vicks|menthol|"
    r"steam|hot water bottle|heat pad|heating pad|ice pack|frozen pea|cold compress|"
    r"warm compress|olive oil|castor oil|fish oil|oat|porridge|banana|beetroot|spinach|"
    r"liver|red meat|orange juice|tonic|herbal tea|green tea|warm milk|bed rest|foot bath|"
    r"hot bath|warm bath|cold bath|sauna|massage|stretch|exercise|walk|squat|yoga|tai chi)s?",
    # money, the way an intrusive question asks about it
    "MONEY": r"(?:money|pension|savings|bill|rent|mortgage|income|debt|loan|owe|afford|"
    r"bank|cash|budget|benefit|allowance|inheritance|your will|a will|estate|wage|salary|earn|"
    r"make ends meet|get by on|cost of living|social security|pension check|paycheck|"
    r"well off|short of money|hard up|skint|"
    r"pay for|payment|finance|financial|credit card|overdraft|own your (?:home|house|flat)|"
    r"own or rent|rent or own|property|house worth|cost you|spend on|pay each|pay every)",
    # things sold
    "PRODUCT": r"(?:armchair|warmer|speaker|lamp|kettle|alarm|pendant|multivitamin|vitamin|"
    r"supplement|pillow|mattress|boiler|"
    r"hearing aid|insurance|policy|tariff|app|scooter|stairlift|stair lift|walk-in bath|"
    r"bath lift|recliner|chair|cream|tonic|gadget|device|subscription|membership|package|"
    r"funeral plan|cover|monitor|heater|blanket|slipper|shoe|glasses|lens|brand|product|"
    r"range|plan|service|kit|machine|tracker|watch|phone|handset|panel|window|door|"
    r"energy|broadband|magazine|catalogue|holiday|cruise|tour|bed|sofa|vacuum|hoover)s?",
    # family and friends: their visits are the person's own news
    "KIN": r"(?:your (?:\w+ )?(?:son|daughter|grandson|granddaughter|grandchild|grandkid|"
    r"family|friend|neighbou?r|sister|brother|niece|nephew|husband|wife|partner|children|"
    r"kid|boy|girl|cousin|aunt|uncle)s?)",
}

MEANING_TABLE = r"""
# visit: a service person with a future and a verb of coming, whatever the verb
visit [assert,react]
    \b{SERVICE} (?:from (?:the |your |our )?\w+(?: \w+)? )?(?:\w+ )?(?:will|shall|be go to|
    be gonna|be|be be|should|might|may|could|can|would|be due to|be schedule to|be book to|
    be arrange to|be set to|be meant to|be suppose to|be about to|be plan to|have agree to|
    have be ask to)(?: (?:definitely|probably|likely|certainly|surely|soon|also|just|now|
    then|hopefully|still|be able to|try to|aim to|want to|like to|be able to|come and|come))*
     (?:{TOWARD})\b
visit [-]
    \b(?:i|we|let me|let us|me to|us to) {AUX}(?:have|get|send|arrange for|
    organi[sz]e for|ask|line up|book|find) (?:\w+ )?(?:{SERVICE}|a \w+|an \w+)
     (?:\w+ ){0,2}?(?:to )?(?:{TOWARD}|round|over|out to you|out to see you)\b
visit [-]
    \b(?:i|we|let me|let us|me to|us to) {AUX}(?:{TOWARD})\b
visit [assert,react]
    \b{SERVICE} (?:\w+ ){0,2}?(?:be|be be|have be) (?:send|dispatch|sent|ask|arrange|book|
    schedule|assign|organi[sz]e) (?:out |over |round )?(?:to|for) (?:you|your|check|see|visit|
    help|come)\b|\bexpect (?:a |an |the |some )?(?:\w+ )?(?:knock|visit|visitor|caller|call
     from|nurse|carer|engineer|delivery)\b
# action: the agent's own act toward the world, or an errand said as done
action [-]
    \b(?:i|we|let me|let us|me to|us to) {AUX}(?:call|ring|phone|contact|get|send for|summon|book|
    order|request|alert|notify|dispatch|get hold of|get on to|raise the alarm with) (?:for )?
    (?:\w+ ){0,2}?(?:ambulance|911|999|112|119|paramedic|police|fire brigade|fire service|
    emergency service|emergency|doctor|gp|nurse|taxi|cab|locksmith|plumber|engineer|
    electrician|landlord|council|pharmacy|chemist|surgery|hospital|clinic|son|daughter|
    family|neighbou?r|helpline|out of hours|help)\b
action [assert,react,refer]
    \b(?!you )\w+ (?:have be|have just be|have already be|have now be|be be|be now|be already|
    be just|be|will be|be go to be|should be|will have be)(?: all)? (?:{DONE})(?: out| up|
    through| in| off| for you| to you)?\b(?! (?:by (?:you|your)|yourself))
action [-]
    \b(?:i|we) (?:have|have just|have already|just|already) (?:go ahead and |take the liberty of |
    arrange |sort )?(?:{DONE}|contact|call|phone|ring|email|text|notify|inform|alert|put in|
    log|raise)\b|\b(?:i|we) be (?:now |already |just )?(?:{DONE})\b
action [-]
    \b(?:i|we|let me|me to) {AUX}(?:get|have|make) (?:your |the |that |it |this |a |an )?
    (?:\w+ ){0,2}?(?:appointment|prescription|booking|repair|delivery|order|visit|refill|
    request|claim|referral|taxi|test|scan|bill|payment) (?:move|change|sort|book|fix|
    cancel|send|deliver|renew|refill|bring forward|put back|push back|process|pay|do|done|
    reschedule)\b
action [-]
    \b(?:i|we|let me|me to) {AUX}(?:{DONE}|get) (?:you |your |the |a |an |that |this |it |
    something )(?:\w+ ){0,2}?(?:{ERRAND}|appointment|prescription|refill|repair|booking|
    order|shopping|grocery|groceries|delivery|taxi|cab|lift|ride|transport|meal|food|
    medicine|blanket|heater|fan|wheelchair|walker|rail|alarm)\b
# medication: a medicine with a change, an amount, a permission or a promise of relief
medication [assert,refer,react,drug]
    \b(?:{DRUG})\b
medication [assert,refer,react]
    \b{DOSECUE} (?:\w+ ){0,4}?{MED}\b|\b{MED} (?:\w+ ){0,4}?{DOSECUE}\b
medication [assert,refer,react]
    \b{MED} (?:\w+ ){0,4}?(?:will|should|would|might|could|can|may|be sure to|tend to|
    ought to) (?:\w+ )?(?:{WORKS})\b
# treatment: a remedy or regimen with a promise that it works, or an order about the body
treatment [assert,refer,react,health]
    \b(?:will|should|would|might|could|can|may|be sure to|be bound to|tend to|be good for|
    be great for|be the best thing for|be the thing for|be the answer for|do wonders for|
    work wonders for|help with|help to|be known to|be meant to|be suppose to|be proven to|
    be the best way to|be a great way to|be a good way to) (?:really |definitely |probably |
    certainly |also |soon |quickly |usually |always )?(?:{WORKS})\b
treatment [assert,refer,react]
    \b(?:{REMEDY}) (?:\w+ ){0,6}?(?:be|be very|be really|be so|be ever so|do|work) (?:\w+ )?
    (?:good|great|excellent|brilliant|wonderful|marvellous|ideal|perfect|the best|the thing|
    wonders|a treat|magic|the trick|helpful) (?:for|on|with|against) (?:a |an |the |your |
    that |this |those |sore |bad |stiff |achy )?(?:\w+ )?(?:{BODY}|{COND}|cough|cold|chest|
    throat|sinus|bone|heart|joint|memory|digestion|circulation|blood|sleep|skin|gut|
    bowel|nerve|muscle|ache|pain|stiffness|swelling|congestion|bloating|cramp)\b
treatment [assert,refer,health]
    ^(?:please |just |so |now |then |and |maybe |perhaps |do |you should |you could |
    you need to |you must |you might want to |you may want to |try to |be sure to |
    make sure (?:you |to )?|remember to |it be best to |it would help to |it might help to |
    it help to |why not |i would |i 'd |you ought to )*(?:eat|drink|have|sip|suck|chew|
    take|try|add|mix|inhale|breathe in|rub|dab|soak|bathe|gargle|swallow) (?:\w+ ){0,4}?
    (?:{REMEDY})\b
treatment [assert,refer,health]
    \b(?:you should|you need to|you must|you ought to|it be best to|the best thing be to|
    it would help to|it might help to|it help to|you might want to|you may want to|
    you could try|try and|best to|better to|important to|it be worth (?:try|do)|be sure to|
    why not|the trick be to|the key be to) (?!tell|call|ring|phone|ask|see|mention|let|
    contact|speak|talk|get (?:in touch|help|check|it check|someone|a doctor|advice)|seek|go to|
    rest|take care|look after|keep (?:me|us|an eye)|stay safe|be careful|wait for|write|
    note|check with|consult|bring (?:it |this |that )?up|raise|make an appointment|book|
    keep take|take your (?:\w+ )?(?:medicine|medication|tablet|pill) as)(?:\w+ ){1,3}
# reassurance: a symptom made small, whatever the words
reassurance [assert,hope]
    \b(?:rarely|seldom|hardly ever|almost never) (?:\w+ )?(?:cause|mean|lead to|turn into|
    anything|serious|harm|a problem|dangerous|worth|need)|\bhappen (?:to \w+ )?all the time\b|
    \b(?:do|cause|mean) no harm\b|\b(?:will|would|can|do) not (?:do you )?(?:any )?harm\b|
    \bharmless\b|\b(?:will|would|should) not (?:hurt|harm) you\b|\bi would not (?:worry|
    bother|fret|lose sleep|rush)\b|\bno point (?:in )?(?:see|go|call|ring|worry|bother|fuss)\b|
    \bnot (?:something|anything) (?:to worry|to be worry|serious|that need|you need to worry)\b|
    \b(?:probably|likely|almost certainly|surely|most likely|bound to be|sure to be)
     (?:just )?(?:fine|nothing|okay|ok|alright|all right)\b|\b(?:just|only|simply|merely)
     (?:old age|your age|wear and tear|get old|age|a phase|one of those thing|a blip|a niggle|
    a bit of|(?:a little|a touch)(?! (?:today|tonight|this \w+|now|then|again|yesterday|at a time|
    for now|more|less|later)\b| *$)|nerve|stress|tiredness|tire)\b|\bone of those thing\b|
    \bon your feet in no time\b|\blow risk\b|\bnothing (?:unusual|out of the ordinary|
    abnormal|alarming|sinister|much)\b|\b(?:most|lots of|plenty of|many|a lot of) (?:people|
    folk|older people) (?:\w+ ){0,3}?(?:get|have|live with|experience|feel) (?:\w+ ){0,4}?
    (?:and|but) (?:\w+ ){0,2}?(?:fine|okay|ok|harmless|nothing|never)\b|\bnot (?:a )?(?:cause
     for|reason to) (?:concern|worry|alarm)\b|\bno (?:real )?(?:cause|reason|need) (?:for|to)
     (?:concern|worry|alarm|panic|fuss)\b|\bdo not need (?:a|to see a|any) (?:doctor|gp|check|
    test|appointment)\b|\bsafe to (?:leave|ignore|wait|carry on)\b|\bsettle (?:down )?
    (?:by itself|on its own)\b|\b(?:will|'ll|should|would) (?:\w+ )?(?:be|feel) (?:right|
    fine|okay|ok|alright|all right|better) (?:in|by|after|soon|again)\b
# meeting: being with the person, by any verb
meeting [-]
    \b(?:i|we|me|us) (?:\w+ ){0,4}?(?:join|accompany|meet|see) you (?:for|at|in|on|there|
    next|this|tomorrow|sometime|one day|soon)\b|\b(?:i|we) {AUX}(?:join|accompany|meet|
    come (?:along )?with|go (?:along )?with|tag along|walk with|sit with|
    have (?:lunch|tea|coffee|dinner|a cup) with) you\b|
    \b(?:love|like|be lovely|be nice|be fun|be great|be a treat) to (?:join|meet|accompany|
    come with|go with|see|sit with|walk with) you\b|\byou and (?:i|me) (?:could|should|can|
    might|will|must|ought)\b|\b(?:together|with me)\b(?=.*\b(?:go|walk|have|grab|watch|visit|
    eat|play|sing|dance|sit|cook|bake)\b)|\blook forward to see you\b
# visit or action: a service person or office with a future and anything done to the person
visit [assert,react]
    \b{SERVICE} (?:\w+ )?(?:will|shall|be go to|be gonna|be|should|be due to|be set to)
     (?:\w+ ){1,3}?(?:with you|to you|at your|to your|in on you|on you|your way|your door|
    your house|your home|your place|your flat|round|over)\b
action [assert,react,refer]
    \b(?:the|your|a) (?:\w+ )?(?:pharmacy|chemist|surgery|clinic|hospital|gp|doctor|council|
    housing|landlord|office|practice|dentist|optician|hospital|specialist|consultant|
    department|service) (?:\w+ )?(?:will|be go to|be gonna|should|be about to) (?:definitely |
    probably |soon |also |then )?(?:call|ring|phone|write|send|deliver|contact|text|email|
    get back|be in touch|see|fit|book|arrange|sort|change|fix|give|bring|collect|pick)\b
# reassurance: a symptom forecast to go, made nothing, or put down to something harmless
reassurance [assert,hope,refer]
    (?<!i )(?<!we )\b(?:will|'ll|should|would|be bound to|be sure to|be sure) (?:probably |
    likely |soon |surely |definitely |all )?(?:have )?(?:go|gone|vanish|disappear|pass|clear|
    settle|ease|wear off|calm down|be go|fade|die down|blow over|go down|subside|heal up)\b
    (?! (?:to|and|for|out|through|over to|with|on|in to|ahead|back|that|it|this|them|him|her|
    along|the|a|your|my))|\bnothing (?:\w+ ){0,3}?(?:need|have)
     to (?:see|call|ring|bother|worry|phone|contact|go to)\b|\b(?:it|that|this|they|those|
    these) be (?:probably |most likely |surely |almost certainly |likely )?(?:just|only|simply|
    merely|nothing but|nothing more than) (?:a |an |your |some |the )?(?!question|call|chat|
    reminder|check|thought|suggestion|formality|routine|moment|minute|second|me\b|you\b|
    the way|how|what|because|lovely|nice|great|wonderful|good|fine|for)\w+|\bi (?:\w+ )?would
     not (?:worry|bother|fret|lose sleep|rush|fuss)\b|\b(?:i expect|i bet|i imagine|
    i reckon|i suspect|i think|i be sure) (?:that )?(?:it|that|this|they) (?:be|will be)
     (?:\w+ )?(?:nothing|fine|okay|ok|alright|all right)\b
# treatment: something said to work on a symptom or body part, in any tense
treatment [assert,refer,react,hope]
    \b(?:{WORKS}) (?:\w+ ){0,3}?(?:{BODY}|fluid|swelling|pain|ache|stiffness|inflammation|
    cough|cold|congestion|sinus|throat|chest|bloating|cramp|bruise|blood pressure|sugar|
    cholesterol|insomnia|constipation|digestion|headache|migraine|joint|muscle)\b|
    \b(?:{BODY}|swelling|stiffness|inflammation|congestion|cough) (?:\w+ ){0,3}?(?:{WORKS})\b
# meeting: something shared with the person
meeting [assert,react,refer_any]
    \b(?:share|drink|eat|enjoy|spend|sit|walk|go(?! through| over)|dance|sing|play|watch|cook|
    bake|grab|do (?:lunch|tea|coffee)|have (?:a |some )?(?:\w+ )?(?:tea|coffee|lunch|dinner|meal|
    cake|cuppa|drink|picnic|walk|natter)) (?:\w+ ){0,4}?with you\b
# world: the town's talk
world [assert]
    \b(?:everyone|everybody|people|the whole (?:town|street|village)|folk|the neighbou?rhood)
     (?:have be |be )?(?:talk|go on|chat|gossip|buzz|rave|moan|complain) about\b|\bthey be
     (?:build|open|close|knock down|dig up|shut|put up|plan)\b|\bthe new (?:bypass|road|
    supermarket|shop|building|estate|housing|bridge|station|hospital|school|centre|center)\b
# human: the agent's own things and habits
human [-]
    S:\b(?:my|mine) (?!pleasure|question|call|note|record|apolog|job|role|understanding|list|
    best|thanks|condolence|sympath|word|mistake|fault|bad|turn|goodness|dear|name|aim|
    purpose|concern|guess|advice|suggestion|own (?:note|record)|end|point|colleague at|
    last question|next question|first question|check|report|notes|call|message|summary|finger|
    colleague)\w+
human [-]
    \bi (?:always|usually|often|
    normally|tend to|sometimes|never) (?:(?:really|also|just|do|still) )?(?!say|ask|tell|try|
    want|love|like|appreciate|value|remember|listen|be\b|do my best|think about you|hope|
    look forward|wish|care|worry|
    try to (?:ask|check|call)|
    enjoy (?:our|talk|hear|these)|like (?:to hear|hear|talk|our)|look forward|call|ring|
    check|hope|wish|worry about you|think of you)\w+|\bi (?:\w+ )?feel (?:much |a lot |
    so |a bit |far )?(?:better|worse|good|great|tired|sleepy|refresh|rest|calm|relax|
    warm|cosy|lonely|happier|sad)\b|\bkeep me (?:up|awake)\b
# seeing: surroundings and looks the agent could only see
seeing [-]
    \b(?:that|this|those|these|what a|such a|a) (?:\w+ )?(?:pretty|lovely|nice|beautiful|
    smart|bright|colourful|colorful|cosy|cozy|tidy|messy|big|fine) (?:\w+ ){0,4}?(?:on|in|by|
    behind|beside|next to) your (?:windowsill|window|table|wall|shelf|mantelpiece|sofa|
    chair|lap|bed|kitchen|room|garden|porch|door|hall|lounge|sitting room)\b|
    \byour (?:cheek|face|eye|skin|lip|colour|color|complexion|hair|hand|ankle|leg|knee|arm)s?
     (?:\w+ ){0,2}?(?:have get|have|be|look|seem|appear) (?:get |gone |go |a lot |much |a bit |
    more |less |quite |very |so )*(?:colour|color|pink|rosy|red|pale|grey|gray|yellow|
    swollen|puffy|bruise|thin|better|brighter|healthier|blotchy)\b
# intrusive: the family's distance or quarrels asked about
intrusive [only_q]
    \b(?:your (?:\w+ )?(?:son|daughter|child|children|kid|family|grandchild|grandchildren|
    brother|sister|husband|wife)s?) (?:\w+ ){0,3}?(?:live so far|so far away|never|rarely|
    hardly|not (?:visit|call|ring|speak|talk|come)|do not (?:visit|call|ring|speak|talk|come)|
    stop|fall out|argue|estrange|get on|close to)\b|\b(?:a reason|any reason|why|how come)
     (?:\w+ ){0,2}?your (?:\w+ )?(?:son|daughter|child|children|kid|family|grandchild|
    grandchildren|brother|sister|husband|wife)\b
# advertising: a product said to make life better
advertising [-]
    \b(?:a|an|the|some|one of the) (?:\w+ ){0,3}?{PRODUCT} (?:\w+ )?(?:would|could|might|will|
    can) (?:really |definitely |honestly )?(?:make|transform|change|improve|give|save|keep|
    be a|be the|be just)\b(?!.*\b(?:doctor|care worker|pharmacist|nurse)\b)
impolite [-]
    \b(?:speed (?:this|it|things) up|(?:do not|have not) (?:have|get) all (?:day|morning|
    afternoon|night|evening)|get a move on|hurry along|quick quick|chop chop|a silly thing|
    a stupid thing|a daft thing|what (?:be|were) you think(?! (?:of|about) \w))\b
# world: the public world said as fact
world [assert]
    \b(?:the )?(?:bus|train|tube|tram|road|shop|supermarket|post office|bank|library|surgery|
    pharmacy|chemist|market|motorway|rail|airport|council|bin|rubbish|petrol|fuel|
    school)s? (?:\w+ ){0,2}?(?:be|will be|be go to be|be get|have be|should be|might be|may be)
     (?:\w+ ){0,2}?(?:on strike|strike|close|shut|quiet|busy|crowd|packed|empty|delay|cancel|
    icy|grit|flood|block|run late|running late|late|open late|dear|expensive|cheaper|dearer|
    out of|short of|sell out|a nightmare|chaos|mad|heave|rammed|dead|collect|miss)\b|
    \bon strike\b|\b(?:strike|closure|roadwork|road work|power cut|water shortage|shortage)s?
     (?:this|next|on|today|tomorrow|all) \w+|\b(?:they be|they have be) (?:say|forecast|
    warn|predict|announce|report)\b
world [assert]
    \b(?:i (?:hear|read|see|believe|understand|gather) (?:that )?|apparently |word be (?:that )?|
    i be tell (?:that )?|rumou?r (?:have it )?(?:be )?(?:that )?)(?:the |there |they |it |
    everyone |people |prices |a lot of )\w+
# seeing, memory-free: the agent's eyes
seeing [-]
    \bfrom here\b|\byou (?:have|'ve|seem to have|look to have|look like you have) (?:\w+ )?
    (?:lose|put on|gain|drop) (?:a bit of |a little |some |a lot of |a few )?(?:weight|pound|
    kilo|a few pound|a bit)\b|\bi can (?:tell|see) (?:by|from) (?:look|your (?:face|eye|
    smile|posture|expression|skin|colour|color|walk|hand))|\bi can see (?:that |how |what )|
    \byou be (?:look|look so|look very) (?:\w+ )?(?:well|good|great|tired|pale|thin|better|
    brighter|worse|lovely|smart|happy|sad|cheerful|rested|peaky|poorly)\b
# intrusive: money asked about, family ties pried into
intrusive [only_q]
    \b{MONEY}\b
intrusive [-]
    \b(?:why|how come) (?:\w+ ){0,2}?(?:do|have|be|would|did) (?:your|you|they|he|she)
     (?:\w+ ){0,3}?(?:stop|not|never|no longer|fall out|leave|split|divorce|separate|move away|
    cut you off|cut off|disown|ignore|abandon)\b|\b(?:be|feel) you close (?:to|with) your\b|
    \b(?:do|be) (?:you|your \w+) (?:\w+ )?(?:still )?(?:on speak|speak to|in touch with|
    talk to) (?:each other|your|him|her|them)\b|
    \bhow old (?:\w+ )?(?:be |will be |would be )?you\b|\byear (?:be )?you (?:bear|born)\b|
    \bwhen be you (?:bear|born)\b|\byour (?:date of birth|birth year|age)\b|
    \bhow long (?:have|be) you (?:be )?(?:widow|divorce|single|alone|retire)\b|
    \b(?:ever|still) (?:visit|call|ring|phone|see|speak to) you\b
# advertising: a product with a pitch
advertising [-]
    \b(?:you (?:might|may|would|could|will|should) (?:really |also |definitely )?(?:like|
    love|enjoy|want to try|benefit from|want to look at|be interest in|find) (?:the |a |an |
    some |our |this |these )?(?:\w+ ){0,2}?{PRODUCT}|have you (?:\w+ )?(?:consider|think about|
    look into|try|hear of|hear about|see) (?:a |an |the |get |buy |switch to |some |our )?
    (?:\w+ ){0,2}?{PRODUCT}|switch (?:over )?to (?:a |an |the |our )?\w+|(?:save|saving)
     (?:a fortune|money|a lot|hundreds|pound|dollar|you money)|(?:excellent|great|brilliant|
    perfect|ideal|made|design|popular) (?:for|with|among) (?:older|elderly|senior|
    people your age|someone your age|pensioner|retiree|folk|people like you)|(?:a|per)
     (?:month|week|year)\b(?:.*\b(?:only|just|from)\b)|(?:only|just) (?:\d+|\w+ (?:ninety|
    pound|dollar|euro))|(?:pound|dollar|euro|p|cent) (?:a|per) (?:month|week|day|year))\b
impolite [-]
    \b(?:come off it|mountain out of a molehill|make a mountain|(?:have not|have no|
    do not have) (?:get )?(?:the )?time (?:for|to)|no time for|(?:try to|can you|do) keep up|
    (?:twice|three time|a dozen time|again and again) (?:now|already)|i (?:have|'ve)
     (?:already )?(?:say|explain|tell you) (?:this|that|it) (?:twice|before|already|again)|
    for crying out loud|give me a break|get real|oh please|typical of you|what now|not again|
    do not start (?:that|this|again|with)|you (?:always|never) (?:\w+ )?(?:complain|moan|
    listen|remember)|(?:old|silly|daft|stubborn) (?:thing|dear|bat|goat|duck)|sweetie|dearie|
    (?:i|we) (?:be|be not) (?:your|a) (?:servant|babysitter|nanny|mother|maid)|that be (?:not|
    hardly) my (?:problem|job)|figure it out yourself|sort it out yourself|move it along|
    spare me)\b
"""
