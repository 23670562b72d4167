"""English role rules by meaning about who the agent is and how it talks: the world it cannot
see, a life and eyes it does not have, memories it was not given, prying, selling and manners,
in the wordings fresh batches showed (tests/guard_en_batch*.jsonl). Same table format, flags and
classes as `guard_en_claims` (which holds the medical and acting side).
"""

from __future__ import annotations

TALK_TABLE = r"""
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
# world: what is due in the person's area
world [assert]
    \b(?:power|water|gas|electricity|bus|train|road|bin|rubbish|phone line|internet)
     (?:\w+ ){0,4}?(?:go off|be off|be cut|be shut|be close|be cancel|be delay|cut off|
    go out|go down)\b|\b(?:be|be not) (?:due|set|expect|forecast|schedule|plan) to
     (?!see|visit|call|ring)\w+
# human: the agent unwell
human [-]
    \bi be (?:(?!be )\w+ ){0,3}?(?:under the weather|off colour|poorly|unwell|not feel (?:great|
    well|good|myself)|run down|out of sort|come down with|fight off|a bit rough)\b
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
advertising [-]
    \b(?:reasonably|competitively|fairly|keenly|attractively) price\w*\b|\bprice (?:from|at)
     \w+\b|\ba (?:real )?bargain\b|\bcheap as chips\b|\bgreat value\b
impolite [-]
    \bnot what i ask\b|\blisten to the question\b|\b(?:just )?answer the question\b|
    \bthat be not the question\b
memory [-]
    ^your (?:\w+ )?(?:son|daughter|grandson|granddaughter|grandchild|grandchildren|brother|
    sister|niece|nephew|friend|neighbou?r|husband|wife|family)s? (?:be|have|do) still\b
advertising [-]
    \bbenefit from (?:a |an |the |one of |our |some )?(?:\w+ ){0,3}?{PRODUCT}\b
impolite [-]
    \b(?:like|love|always|just) to (?:moan|complain|whinge|grumble|fuss|nag|whine)\b|
    \bsome people (?:\w+ ){0,3}?(?:moan|complain|whinge|grumble|whine)\b
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
meeting [-]
    \bwait for you (?:by|at|outside|in|near|at the)\b
seeing [assert]
    \b(?:colour|color|glow|tan) in your (?:cheek|face)s?\b|\byou have (?:get )?(?:a bit of |
    some |a )?(?:colour|color|tan|glow|rosy cheek)\b
intrusive [only_q]
    \b(?:live|get by) (?:on|off)\b(?! your own| (?:a|the) (?:\w+ )?(?:street|road|floor|estate))
impolite [-]
    \b(?:lot of|other|more|many) (?:call|people) to (?:make|call|get to|ring)\b|\bkeep (?:your
     answer|them) (?:short|brief|quick)\b|(?<!i will )(?<!we will )(?<!let me )(?<!be go to )
    \bkeep it (?:short|brief|quick)\b
# impolite: sarcasm and weariness
impolite [assert]
    \byou (?:\w+ )?(?:forget|miss|lose|leave|do not|did not|never|skip) (?:\w+ ){0,4}?(?:again|
    as usual|as always|yet again|once again)\b|\b(?:as usual|as always|typical|yet again),?
     you\b|\b(?:go on|keep on|drone on|harp on|bang on) about\b|\bwe (?:have|'ve) (?:already |
    just )?(?:cover|be through|be over|discuss|talk about|do) (?:that|this|it)\b|
    \benough about (?:the|your|that)\b|\bi suppose you\b
"""
