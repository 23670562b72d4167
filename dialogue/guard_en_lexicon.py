"""The English role guard's lexicon: word classes and patterns, as data.

Patterns are regular expressions over one sentence's lemmas joined by single spaces (from
`dialogue.analysis.en`: lower case, contractions split, "I'll" -> `i will`, "don't" -> `do
not`, "was" -> `be`, "knees" -> `knee`), so one pattern covers every inflection and spelling
of a contraction. A pattern written `S:...` runs over the surface words instead, where the
tense matters ("I had lunch" is a claim, "I have a question" is not).
Classes are written `{NAME}` and filled in from `CLASSES` when compiled.
"""

from __future__ import annotations

import re

# any one word but a negation
W = r"(?:(?!not |never )\w+ )"

CLASSES = {
    "W": W,
    # the agent (or its service) as the one who acts
    "SELF": r"(?:i|we)",
    # future or commitment after the agent: "I'll", "I'm going to", "let me", "I can"
    "WILL": r"(?:would be glad to|be glad to|would be delighted to|be delighted to|"
    r"will|shall|might|may|would|should|must|ought to|could always|can always|"
    r"be go to|be gonna|would like to|want to|be about to|be plan to|"
    r"can|could|be happy to|would be happy to|be send|be come|be on my way|be on our way|"
    r"would love to|be arrange|be call|be book|be get|be ring|be phone|be contact|be email|"
    r"be text|be message|be notify|be alert|be order|be cancel|be organi[sz]e|be sort|"
    r"be dispatch|be put in|be reach out|be get in touch|be just go to|be now go to)",
    # the agent committing itself: "I'll", "let me", "shall I", "would you like me to"
    "AGENT": r"(?:{SELF} {ADV}{WILL} {ADV}|let me {ADV}|let us {ADV}|let 's {ADV}(?=\w)|"
    r"(?:would|do) you (?:like|want) (?:me|us) to {ADV}|(?:shall|should|can|may) (?:i|we) "
    r"{ADV}|want me to {ADV}|i 'd like to |i would like to )",
    "ADV": r"(?:(?:also|just|now|right|away|today|tomorrow|soon|definitely|personally|"
    r"gladly|immediately|quickly|then|later|certainly|actually|sure) )*",
    # someone the agent might send, or contact
    "PERSON": r"(?:someone|somebody|help|one of us|(?:a |the |our )?team member|(?:(?:a|an|the|"
    r"your|our|my) )?(?:\w+ )?"
    r"(?:nurse|doctor|volunteer|helper|caregiver|carer|paramedic|ambulance|social worker|"
    r"care worker|technician|team|staff|staff member|member of (?:our|the) team|worker|"
    r"home help|meals on wheels|delivery|son|daughter|family|neighbou?r|police|"
    r"fire department|firefighter|plumber|electrician|repairman|handyman|visitor|gp|physio|"
    r"physiotherapist|therapist|driver|courier|engineer|officer|assistant|aide|attendant))",
    "COME": r"(?:be round|be over|be along|accompany|come|visit|stop by|drop by|swing by|pop by|"
    r"pop in|drop in|stop in|"
    r"come by|come over|come round|come around|come to you|come see|come and see|"
    r"be there|be at your|be with you|be on (?:its|their|his|her) way|arrive|head over|"
    # moving towards the person: a synonym set of motion verbs with their destination
    r"(?:head|make (?:its|their|his|her) way|travel|drive|race|rush|hurry|en route|set off) "
    r"(?:over |round |out |straight )?(?:to|towards|for) (?:you|your (?:address|house|home|flat|"
    r"door|place))|"
    r"go over to (?:you|your)|check on you in person|look in on you|knock|bring|deliver|"
    r"pick you up|"
    r"drive you|take you|walk you|give you a ride|meet you|see you in person|"
    r"come and help|help you (?:in person|at home|with)|drop off|drop (?:it|them|some)|"
    r"get you (?:some|a|an|the|your|something|anything)|buy you|cook|fetch|carry(?! on)|fix|repair|"
    r"install|collect|pick up|join you|go (?:\w+ ){0,4}?with you|come (?:\w+ ){0,4}?with you|"
    r"walk (?:\w+ ){0,4}?with you|come and see|come see|see you)",
    # contacting someone or acting in the world for the person
    "CONTACT": r"(?:call|phone|ring|contact|notify|inform|alert|tell|text|message|email|"
    r"get in touch with|reach out to|let|pass (?:it|this|that) on to|pass on|forward|"
    r"report (?:it|this|that)? ?to|ask|send (?:a message|word|a note) to|update)",
    "ARRANGE": r"(?:put in|submit|lodge|book|schedule|make|arrange|"
    r"set up|cancel|order|reserve|refill|renew|"
    r"reschedule|move|get|sort out|organi[sz]e|request|pick up|send|dispatch|file|"
    r"pay|transfer|change|register)",
    "ERRAND": r"(?:appointment|an appointment|a visit|a home visit|a check ?up|"
    r"(?:your|a|the) (?:prescription|refill|medicine|medication|pill|groceries|grocery|"
    r"food|meal|taxi|cab|ride|car|transport|ambulance|bill|delivery|repair|repairman|"
    r"plumber|technician|test|scan|x ?ray|surgery|bed|room|ticket|booking|reservation)|"
    r"an ambulance|ambulance|help|someone|somebody|a nurse|a doctor|groceries|"
    r"a taxi|a cab|a ride|a meal|meals|food|medicine|prescription)",
    "CARE_WORKER": r"(?:(?:your|the|a|our) )?(?:care ?worker|case ?worker|caseworker|"
    r"social worker|care manager|care team|caregiver|care coordinator|coordinator|"
    r"health worker|welfare worker|support worker|care staff|team|office|staff|"
    r"public health (?:center|centre|office|worker|nurse))",
    "MED": r"(?:(?:antidepressant|anti-depressant|antipsychotic|beta blocker|ace inhibitor|"
    r"amlodipine|ramipril|omeprazole|lansoprazole|levothyroxine|thyroxine|simvastatin|"
    r"atorvastatin|gabapentin|codeine|tramadol|morphine|diazepam|sertraline|citalopram|"
    r"fluoxetine|prednisolone|furosemide|bisoprolol|digoxin|donepezil|heart tablet|heart pill|"
    r"medicine|medication|med|pill|tablet|capsule|dose|dosage|drug|prescription|"
    r"insulin|inhaler|painkiller|pain killer|pain reliever|sleeping pill|sleep aid|"
    r"sleep pill|sleep tablet|sleeping tablet|"
    r"blood pressure (?:pill|medicine|medication|tablet)|aspirin|ibuprofen|advil|motrin|"
    r"tylenol|acetaminophen|paracetamol|naproxen|aleve|antihistamine|antibiotic|"
    r"antacid|laxative|melatonin|benadryl|steroid|statin|metformin|warfarin|"
    r"blood thinner|water pill|diuretic|vitamin|supplement|nitroglycerin|nitro|"
    r"cough syrup|syrup|eye drop|ear drop|nasal drop|patch|"
    r"cream|ointment|herbal remedy|herb|mg|milligram|"
    r"unit|puff|spray|lozenge))s?(?! box| organi[sz]er| reminder| alarm| chart| dispenser)",
    "OTC": r"(?:(?:aspirin|ibuprofen|advil|motrin|tylenol|acetaminophen|paracetamol|naproxen|"
    r"aleve|antihistamine|antacid|laxative|melatonin|benadryl|painkiller|pain reliever|"
    r"sleeping pill|sleep pill|sleep tablet|sleep aid|cough syrup|vitamin|supplement|tums|"
    r"pepto|imodium|"
    r"ginseng|ginkgo|herbal remedy|herbal tea|lozenge))s?",
    "CHANGE": r"(?:swap|shift|move|leave out|leave off|go without|do without|hold back|double|skip|"
    r"stop(?! by)|start|increase|decrease|reduce|lower|raise|cut|cut back|"
    r"cut down|halve|change|switch|adjust|up|quit|drop|split|crush|add|try|hold off|"
    r"hold|pause|come off|go off|wean|avoid|space out|spread out)",
    "EXTRA": r"(?:extra|another|double|additional|second|third|two|three|four|half|"
    r"more|less|fewer|an extra|a second|a double|a half|one more|twice the|half a|"
    r"\d+|a couple of|a few|some more)",
    "COND": r"(?:(?:arthritis|osteoarthritis|rheumatism|rheumatoid|gout|flu|influenza|"
    r"(?:a |the |common )?cold|infection|(?:a |an )?(?:ear|chest|sinus|urinary tract|"
    r"bladder|kidney|stomach|throat|viral|bacterial) infection|uti|migraine|dementia|"
    r"alzheimer|alzheimers|alzheimer 's|parkinson|parkinsons|depression|anxiety|"
    r"insomnia|pneumonia|bronchitis|sciatica|tendonitis|tendinitis|bursitis|"
    r"osteoporosis|diabetes|hypertension|high blood pressure|low blood pressure|"
    r"anemia|anaemia|dehydration|dehydrate|heat ?stroke|heat exhaustion|sunstroke|"
    r"(?:a )?stroke|(?:a )?heart attack|angina|heart (?:failure|problem|condition|disease)|"
    r"indigestion|acid reflux|reflux|heartburn|ulcer|vertigo|allergy|allergies|asthma|"
    r"copd|emphysema|(?:a )?sprain|(?:a )?strain|(?:a )?fracture|(?:a )?break|"
    r"(?:a )?bruise|pull muscle|pulled muscle|muscle strain|(?:a |the )?virus|"
    r"(?:a |the )?bug|stomach bug|food poisoning|(?:old )?age|aging|ageing|getting older|"
    r"hay fever|hayfever|"
    r"floater|twinge|niggle|wind|trapped wind|wax|earwax|ear wax|cyst|boil|stye|sty|corn|bunion|"
    r"verruca|wart|eczema|psoriasis|"
    r"thrush|chill|graze|tinnitus|cataract|shingle|nerve|haemorrhoid|hemorrhoid|pile|gallstone|"
    r"glaucoma|shingles|"
    r"hernia|kidney stone|constipation|"
    r"wear and tear|neuropathy|cramp|low blood sugar|hypoglycemia|pinched nerve|"
    r"sinusitis|covid|coronavirus|(?:a )?concussion|cancer|tumou?r|disease|disorder|"
    r"syndrome|(?:an )?inflammation|inflame|(?:a )?slipped disc|(?:a )?herniated disc|"
    r"deficiency|(?:a )?blood clot|thrombosis|dvt|gastritis|irritable bowel|ibs|"
    r"incontinence|prostate|thyroid|hypothyroidism|(?:a )?tension headache|"
    r"a symptom of|(?:a )?sign of|side effect|"
    r"(?:a )?touch of|overexertion|poor circulation|circulation|a bad back|"
    r"normal ageing|normal aging))s?",
    "SYMPTOM": r"(?:pain|ache|hurt|sore|soreness|dizzy|dizziness|headache|cough|fever|"
    r"swell|swelling|numb|numbness|tired|tire|fatigue|symptom|knee|back|chest|stomach|"
    r"breathe|breath|rash|itch|cramp|nausea|nauseous|vomit|bleed|bruise|fall|stiff|"
    r"stiffness|tingle|tingling|weak|weakness|lump|spot|mole|blood|heart|palpitation|"
    r"forget|forgetful|memory|confuse|confusion|sleep|appetite|it|that|this|those)",
    "CAUSE": r"(?:blood sugar|blood pressure|your heart|your thyroid|your kidney|your nerve|"
    r"your age|your weight|your diet|circulation|iron|your iron|hormone|your hormone|"
    r"side effect|your medicine|your medication|your pill|the medication|the pill|"
    r"arthritis|nerves|a virus|something you eat|your liver|your prostate|your bladder)",
    "CONDADJ": r"(?:anaemic|anemic|diabetic|dehydrate|dehydrated|depressed|depress|deficient|"
    r"arthritic|asthmatic|hypothermic|malnourished|overweight|allergic|infected|infect|"
    r"constipated|constipate|run down|come down with|coming down with|hypertensive|"
    r"iron deficient|low on iron|low on vitamin|fighting off|fight off|getting a|get a|"
    r"suffering from|suffer from|developing|develop)",
    "BODY": r"(?:knee|back|hip|head|leg|shoulder|neck|stomach|foot|feet|arm|hand|finger|"
    r"wrist|ankle|elbow|joint|muscle|body|chest|calf|thigh|toe|spine|lower back|"
    r"upper body|lower body|waist|hamstring|quad|glute|tendon|achilles|heel|arch|toes|"
    r"calves|knees|hips|legs|arms)",
    "REGIMEN": r"(?:ice|an ice pack|ice pack|a cold compress|cold compress|a warm compress|"
    r"warm compress|heat|a heating pad|heating pad|a hot water bottle|hot water bottle|"
    r"a heat pack|heat pack|a hot pack|a bandage|bandage|a brace|brace|a splint|a wrap|"
    r"compression|a compression sock|epsom salt|salt water|a hot bath|a warm bath|"
    r"a bath|a sauna|a massage|stretch|stretches|exercise|exercises|squat|lunge|"
    r"push ?up|sit ?up|leg raise|leg lift|physiotherapy|physical therapy|yoga|tai chi|"
    r"a walk|breathing exercise|deep breath|an elevation|a pillow under)",
    "COUNT": r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|a few|several|a couple of|half an?|an?)",
    "UNIT": r"(?:minute|hour|time|rep|repetition|set|day|week|second|round|lap|step|"
    r"glass|cup|liter|litre|mile|kilometer|km)",
    "MEAL": r"(?:breakfast|lunch|dinner|supper|brunch|a meal|meal|a snack|snack|coffee|"
    r"tea|soup|porridge|rice|noodle|sandwich|toast|bread|salad|a nap|nap|a cold|"
    r"a headache|a fever|the flu|flu|a rough night|a bad night|a good night|"
    r"a busy day|a long day|a good day|a bad day|a walk|a shower|a bath)",
    "FAMILY": r"(?:mother|mom|mum|father|dad|parent|family|husband|wife|son|daughter|kid|"
    r"child|children|grandchild|grandchildren|grandson|granddaughter|grandma|grandpa|"
    r"grandmother|grandfather|sister|brother|sibling|aunt|uncle|cousin|niece|nephew|"
    r"friend|neighbou?r|boss|colleague|coworker|partner|boyfriend|girlfriend|pet|dog|"
    r"cat|house|home|apartment|flat|garden|car|childhood|hometown|kitchen|bed|bedroom|"
    r"hobby|vacation|holiday|weekend|morning|lunch|dinner|breakfast|own experience|"
    r"experience|life|youth|body|own|doctor|gp|nurse|dentist|physio|optician)",
    "FEEL": r"(?:allergic|diabetic|asthmatic|deaf|vegetarian|vegan|left-handed|short-sighted|"
    r"an early riser|a night owl|a morning person|starving|starve|famished|parched|busy|"
    r"rush off my feet|run off my feet|swamp|knackered|shattered|"
    r"tired|tire|hungry|full|sleepy|sick|ill|exhausted|exhaust|drowsy|sweaty|"
    r"freeze|freezing|hot|cold|sore|achy|stiff|lonely|bored|bore|sad|old|young|retired|"
    r"married|marry|single|divorced|divorce|widowed|widow|retire|a mother|a father|"
    r"a grandmother|a grandfather|"
    r"a parent|a woman|a man|a person|a human|human|a real person|real|alive|"
    r"worn out|stuffed|thirsty|grumpy|jet ?lagged|hung ?over)",
    "WEATHER": r"(?:hottest|coldest|wettest|warmest|driest|sunniest|windiest|weather|"
    r"rain|rainy|raining|snow|snowy|sunny|sunshine|cloudy|overcast|"
    r"windy|wind|humid|humidity|muggy|storm|stormy|thunder|thunderstorm|lightning|"
    r"heat ?wave|the heat|this heat|heat advisory|heat warning|forecast|temperature|"
    r"degree|sun|the sun|sunshine|fog|foggy|frost|frosty|icy|"
    r"hail|drizzle|shower|blizzard|typhoon|hurricane|"
    r"tornado|monsoon|fine dust|yellow dust|air quality|pollen|smog|cold snap|cold spell|"
    r"cold wave|sleet|slush|breeze|breezy|sky|skies|drought|uv|spring|summer|autumn|"
    r"winter|fall season|this season|season)",
    "HOT": r"(?:hot|cold|warm|chilly|cool|freeze|freezing|sweltering|scorching|boiling|"
    r"lighter|darker|balmy|mild|bitter|frigid|humid|muggy|sticky|nice out|lovely out|beautiful out|"
    r"nice outside|lovely outside|beautiful outside|hotter|colder|warmer|cooler|"
    r"wet|dry|dark|gloomy|grey|gray|miserable out)",
    "NEWS": r"(?:news|headline|election|the president|president|government|prime minister|"
    r"congress|parliament|the economy|economy|stock market|inflation|price|the pandemic|"
    r"pandemic|epidemic|outbreak|going around|go around|flu season|cold season|covid|"
    r"coronavirus|earthquake|flood|flooding|wildfire|war|scandal|strike|protest|"
    r"the world|lottery|the game|the match|the olympics|world cup|a recall|"
    r"power outage|blackout|traffic)",
    "DAYTIME": r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|"
    r"a weekend|weekend|a holiday|holiday|christmas|christmas eve|new year|new year 's|"
    r"easter|thanksgiving|halloween|chuseok|lunar new year|a public holiday|"
    r"\d+ (?:am|pm|o 'clock|oclock)|\d+|noon|midnight|lunchtime|lunch time|dinnertime|"
    r"dinner time|bedtime|teatime|morning|afternoon|evening|night|late|early|"
    r"getting late|get late|getting dark|get dark|already dark|almost (?:noon|midnight|"
    r"evening|night)|the (?:first|last|middle) of the month|your birthday|birthday|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december)",
}

# Polite and caring verbs after "I'd like to" / "let me" that are not actions in the world.
SPEECH_VERBS = (
    r"(?:ask|know|hear|check|remind|thank|say|tell you|talk|chat|listen|make sure|see how|"
    r"understand|help you (?:remember|understand|think)|repeat|explain|confirm|note|"
    r"write (?:that|this|it) down|keep (?:that|this|it) in mind|remember|move on|continue|"
    r"go over|read|finish|wish|give you a call|call you back|call you again|"
    r"call you (?:tomorrow|later|next|on|at|this|in)|check in|be here|stay on the line|"
    r"be brief|let you go|let you rest|let you get)"
)

# Questions that ask rather than assert: an auxiliary or a question word first.
QUESTION_START = frozenset(
    "do did have be will would can could shall should may might what how when where why "
    "which who whose is are was were does has had any".split()
)
TAGS = (
    "be not it",
    "do not it",
    "do not you think",
    "do not you agree",
    "right",
    "eh",
    "huh",
    "be not they",
    "be not there",
    "will not it",
    "have not it",
    "do not they",
)

# Generic words that do not make a memory claim "supported" by a fact.
MEMORY_STOP = frozenset(
    "the a an and or but to of in on at it be i you your my me we us our so very really "
    "just that this these those there with for from about as how what when do have not no "
    "yes today last time tell say mention remember recall before call week again still some "
    "any much more get go feel good well day call talk speak earlier previous other once "
    "ago yesterday 's will would can could how be how's lately ok okay well fine".split()
)


# Memory claims: a marker of an earlier call, and what is claimed must be in the facts.
MEMORY_MARKER = re.compile(
    r"\b(?:last (?:time|week|call|month|night you|we (?:talk|speak))|the other day|"
    r"(?:yesterday|previously|once|last week|a while ago) you|before you (?:say|tell|mention)|"
    r"you (?:once |previously |earlier )?(?:tell|say|mention) (?:me )?(?:last|before|"
    r"previously|yesterday|the other|a while|once|on|that time|in our)|"
    r"i (?:still |do )?(?:remember|recall)(?! nothing)|remember (?:when|how|that) you|"
    r"i (?:have|'ve) "
    r"note|i (?:have not|do not|never|will not|will never|have never) forget|"
    r"you have (?:tell|say|mention)(?: me)? (?:\w+ ){0,3}?(?:many time|several time|often|before|"
    r"so many|a few time|plenty)|i (?:tell|say to|mention to) you|as i (?:say|tell you|mention)|"
    r"we (?:discuss|agree|decide|plan|arrange)|we (?:talk|speak|"
    r"chat) about|(?:our|the) (?:last|previous|earlier) (?:call|conversation|chat|talk)|"
    r"previous call|(?<!moment )(?<!minute )(?<!second )(?:ago|back) you|"
    r"(?:back )?in (?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december|the spring|the summer|the autumn|"
    r"the winter) (?:you|we)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday) (?:you|we)|(?:when|since) we last|since (?:our|the) last|than last time|"
    r"since last time|"
    r"in the past you|you always (?:say|tell)|you (?:usually|often) (?:say|"
    r"tell)|as (?:usual|always) you|according to my (?:notes|records)|like before|as before|"
    r"like last time|same as last time|like you always|as you usually|"
    r"(?:the|that|your) \w+ (?:that )?you (?:be|have be|say|mention|tell me|talk|speak|complain|"
    r"worry)\b[^.]*\b(?:yesterday|last week|the other day|last time|a few days ago|"
    r"earlier this week|last month|last call))\b"
)

REFERRAL = re.compile(
    r"\b(?:ask|check with|talk to|talk with|speak to|speak with|consult|mention (?:it |this |"
    r"that )?to|tell|call|see|contact|let) {W}?(?:your|a|the) {W}?(?:doctor|"
    r"pharmacist|gp|nurse|physician|clinic|specialist|care team)\b|\bwithout (?:talk|"
    r"ask|check)|\b(?:doctor|pharmacist) (?:say|tell|prescribe|recommend|advise)|"
    r"\b(?:doctor|pharmacist|gp|nurse) be the (?:\w+ )?(?:person|one|people) to|"
    r"\b(?:doctor|pharmacist|gp|nurse) (?:can|will|could|should|would|may|might|be able to) "
    r"(?:explain|"
    r"tell|advise|help|answer|check|say|let you know|go over|go through|review|decide|adjust|"
    r"want to|"
    r"need to)".replace("{W}", W)
)
HOPE = re.compile(
    r"\b(?:i (?:just |really |do |so )?(?:hope|wish)|hopefully|let 's hope|fingers crossed)\b"
)
NEG_BEFORE = re.compile(
    r"\b(?:(?<!why )not|never|no|no one|nobody|unable to|without|not (?:able|allowed|permitted|"
    r"qualified|in a position) to) $"
)
# The sentence quotes the person: "You said it's hot, so ...", "as you mentioned".
QUOTE = re.compile(
    r"\b(?:you (?:just |also )?(?:say|mention|tell me|note|describe)|as you (?:say|mention|"
    r"put it|tell me)|like you say|you be (?:say|tell me)|you have (?:say|mention|tell me)|"
    r"(?:a moment|a minute|just now) ago you|you (?:feel|find|think|hear|read) (?:that )?"
    r"(?:it|the|there))\b"
)
# The agent says it cannot know: "I don't know what the weather is like there".
IGNORANCE = re.compile(
    r"\b(?:do not know|can not (?:see|know|tell)|have no (?:way|idea)|no way (?:of|to) "
    r"know|do not have (?:eyes|a window|any way|notes|a body)|i be not sure)\b"
)
# Politeness wrappers that are not conditions: "If you don't mind, ...".
WRAPPERS = re.compile(
    r"\b(?:if you do not mind(?: me \w+)?|if it be (?:no trouble|okay|alright|all right)|"
    r"if you be (?:free|interested|up for it|willing)|if you would like|if you like|"
    r"if you want|if that be (?:okay|alright|all right)|maybe|perhaps)\b"
)
CARE_TEAM = re.compile(CLASSES["CARE_WORKER"])
# Reaches that are never the agent's: emergency services, doctors, family, landlords.
OUTSIDE = re.compile(
    r"\b(?:911|119|999|ambulance|emergency|doctor|gp|nurse|police|hospital|clinic|"
    r"pharmacy|your (?:son|daughter|family|neighbou?r)|landlord|fire)\b"
)
MEET_VERBS = re.compile(
    r"\b(?:go|meet|eat|walk|have|grab|come|join|hang|visit|cook|watch|play|dance|exercise|"
    r"travel|shop|treat|get|take|sit|my treat|club|class|meeting|gathering|group|event|"
    r"coffee|tea|cuppa|lunch|dinner|drink|walk|meal|bingo|cinema|film|shopping|trip|outing|"
    r"party|picnic|concert|church|game)\b"
)
THIRD_PARTY_MEET = re.compile(
    r"\b(?:you (?:be|will|can|could|should) {W}?(?:meet|go|have|see)|your \w+ (?:and|with)"
    r" you|do you (?:have|go|do|spend|enjoy|get on|see)"  # "Did you have a nice time together?"
    r"|you and your|with your|that you)\b".replace("{W}", W)
)
REGIMEN_VERBS = re.compile(
    r"\b(?:do|try|walk|stretch|hold|repeat|rest|ice|heat|soak|put|apply|use|take|keep|"
    r"exercise|raise|lift|bend|massage|sit|stand|lie|drink|gargle|elevate|wrap|breathe|"
    r"roll|rotate|circle|sleep|swing|march|squeeze|tap|wash|rinse|press|push|clench|count)\b"
)


# World claims made conditional or general: "if it's hot", "on hot days".
CONDITION = re.compile(
    r"\b(?:in|during|every|each|over the|through the) (?:the )?(?:winter|summer|spring|autumn|"
    r"cold weather|hot weather|heat)\b|^(?:\w+ )?(?:if|when|whenever|in case)\b|"
    r"\b(?:on|in|during) (?:hot|cold|rainy|sunny|"
    r"warm|snowy|icy|windy|humid|wet) (?:day|night|morning|weather|spell)"
)


# An offer the agent refuses earlier in the same clause ("I can't meet up in person").
DISCLAIMED = re.compile(
    r"\b(?:i|we) (?:can not|could not|will not|would not|do not|be not able to|be unable to|"
    r"have no way to)\b(?!.*\b(?:but|however|though|instead)\b)"
)

PERSONAL_NEWS = re.compile(
    r"\b(?:good|wonderful|great|lovely|sad|bad|happy|exciting|your|any|some|no|that|such) $"
)
SYMPTOMS = re.compile(
    r"\b(?:pain|ache|hurt|sore|soreness|dizzy|dizziness|swell|swelling|lump|rash|cough|fever|"
    r"breathless|breathlessness|short of breath|"
    r"headache|chest|heart|breath|breathe|numb|numbness|bruise|blood|bleed|fall|knee|back|hip|"
    r"leg|stomach|symptom|twinge|cramp|spot|mole|vomit|nausea|itch|forget|forgetful|memory|"
    r"pressure|sugar|ankle|foot|feet|arm|wrist|shoulder|neck|head|eye|throat|joint|tummy|"
    r"bowel|bladder|urine|wee|pee|sick|ill|illness|cold|flu|infection|tire|exhaust|weak|"
    r"shake|shaky|tremble|faint|palpitation|discharge|pill|medicine|medication|tablet|dose)\b"
)
# An instruction: the sentence opens with an order ("Walk every day" but not "Walking every day
# is a great habit").
IMPERATIVE = re.compile(
    r"^(?:please |just |now |then |and |so |maybe |perhaps |try to |you should |you need to |"
    r"you must |make sure (?:you )?|remember to |be sure to |i want you to |you have to |"
    r"you ought to )?(?:do|try|walk|stretch|hold|repeat|rest|ice|heat|soak|put|apply|use|take|"
    r"keep|exercise|raise|lift|bend|massage|sit|stand|lie|drink|gargle|elevate|wrap|breathe|"
    r"roll|rotate|circle|sleep|swing|march|squeeze|go|get|have|eat|avoid|stay|spend|start|"
    r"add)\b"
)
# The agent saying what it is not: "I'm an AI", "I don't have a family of my own".
NOT_HUMAN = re.compile(
    r"\bi (?:do not|can not|never|will never) (?:have|eat|sleep|get|feel|taste|need|drink|go)|"
    r"\b(?:be|as) (?:just |only )?an? (?:ai|computer|program|machine|robot|virtual)\b"
)

# The agent's own verbs ("I will send...", "I walk my dog"): `guard_en_agent`.
from dialogue.guard_en_agent import (  # noqa: E402,F401 (re-exported: their home was here)
    AGENT_ACTS,
    AGENT_AUX,
    AGENT_FUTURE,
    AGENT_SKIP,
    AGENT_VERBS,
)
