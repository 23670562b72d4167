"""The English role rules about who the agent is and how it speaks: meetings it cannot keep,
the world it cannot see, a life it does not have, eyes, prying, selling and rudeness. Same
table format as `dialogue.guard_en_patterns` (which reads it), same flags.
"""

PERSONA_TABLE = r"""
# meeting: proposing to be somewhere together
meeting [-]
    \blet (?:'s|us) (?:just |quickly |finally )?(?:meet|go(?! through| over| on| ahead| back|
     to the next)|get together|grab|have (?:lunch|dinner|breakfast|a meal|coffee|tea|a drink|
    a chat in person)|eat|walk|take a walk|hang out|visit|cook|exercise|dance|watch|play|shop|
    travel|take a trip|do {W}?together)\b
meeting [-]
    \b(?:shall|should|can|could|why do not) we {W}?(?:meet|go|get together|have|grab|eat|walk|
    hang out|take|do|see each other)\b
meeting [meet_ctx]
    \b(?:with me|together|join me|join us|meet (?:me|up|you)|our (?:club|class|meeting|
    gathering|group|event)|my treat|i 'll treat|i will treat|i treat you|hang out|
    get together)\b
meeting [-]
    \bwe (?:could|should|can|might|will|must|ought to) {W}?(?:grab|go(?! over| through| back|
     on| ahead)|meet|get together|eat|walk|watch|visit|have (?:lunch|dinner|breakfast|a meal|
    coffee|tea|a cup|a drink|a walk))\b|\b(?:how|what) about (?:we|us) {W}?(?:go|meet|have|grab|
    watch|walk|eat|get|visit|do)\b|\byou and (?:me|i)\b
meeting [-]
    \blet (?:'s|us) do (?:lunch|coffee|tea|dinner|brunch|something)\b|\b(?:come|pop|
    join me) (?:\w+ )?(?:to|at|round to|over to) (?:my|our) (?:house|place|home|flat|office)\b|
    \bcatch up in person\b
meeting [-]
    \b(?:come (?:over |round )?to|at|round to) (?:mine|my place|my house|ours|our place)\b|
    \bhow about (?:a |an |some )?(?:\w+ )?(?:coffee|tea|lunch|dinner|walk|cuppa|drink|meal|
    chat in person) together\b
meeting [assert]
    \bover (?:a |some )?(?:lunch|coffee|cuppa|cup of tea|tea|drink|dinner|meal)\b|
    \bcome (?:along |over |round )?(?:to|with) (?:my|our|me|us)\b
meeting [-]
    \b(?:bump into you|run into you|meet you at|catch you at|see you at|save me a (?:seat|place|
    spot))\b
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
world [assert]
    \b(?:pour down|pour with rain|pour|tip down|chuck it down|spit with rain|bucket down|
    blow a gale|gale|drizzle|mizzle|(?:it|today|outside) be (?:\w+ )?(?:bake|boil)|bake hot|
    boil hot|sweltering|scorcher|in for a)\b
# human: a life, a body, a family, meals and sleep
human [-]
    S:\bi(?: 've| have| 'd)? {W}?(?:also |too |just |already |recently |usually |often |even |
    myself )*(?:ate|eaten|drank|cooked|slept|went|walked|visited|bought|watched|met|hiked|swam|
    traveled|travelled|exercised|jogged|grew up|woke|napped|showered|got (?:sick|a cold|tired|
    home|up)|caught (?:a|the)|spent|felt|had (?:\w+ ){0,3}?(?:{MEAL}))\b
human [self_feel]
    \bi {W}?(?:be|feel|get|have be|be get|be feel) (?:also |so |very |really |rather |fairly |
    somewhat |extremely |terribly |awfully |a (?:little|bit) |quite |pretty |too |still |
    kind of |a little bit |getting |feeling |myself )*{FEEL}\b
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
human [-]
    \b(?:(?:pour|rain|snow|hot|cold|sunny|warm|freezing|lovely|nice|quiet|busy) (?:down |
    out )?(?:over )?here|(?:here|where i be) it be)\b
# seeing: what only eyes could know
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
seeing [-]
    \b(?:lovely|nice|beautiful|pretty|great|big|warm|bright) (?:smile|outfit|dress|hair|hat|
    glasses|cardigan|jumper|shirt|coat|eyes|face)\b(?! you have on the phone)|\byou be limp\b|
    \bi notice you\b
# intrusive: money, age, family relations
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
    savings|flat) to|leave (?:it|everything) to|(?:(?:do|be) you (?:\w+ )?get on (?:well |
    badly )?|get on (?:well|badly) )with (?:your|him|her)|get on (?:well|badly) with them)\b
intrusive [-]
    \b(?:(?:much|enough|any) (?:money|savings)|put (?:aside|away|by) for|nest egg)\b|
    \bhow much (?:money )?(?:do|be|have) (?:\w+ ){1,3}?(?:earn|make|pay|have|owe|spend|save|
    give|leave|cost|worth)\b|\bwhy (?:do|be|have)\b(?:\s\S+)*?\s(?:split|break up|separate|
    divorce|leave|fall out|stop (?:speak|talk)|never marry|remarry|live alone)\b|
    \byou and your \w+(?:(?:\w+ ){0,3}?)(?:close|still not|not speak|not talk|fall out|
    get along|argue|fight|row|split|break up|make up)\b|\b(?:what|
    how much) be your (?:\w+ )?(?:pension|income|salary|wage|rent|mortgage|savings|benefit|
    allowance|net worth|bank balance)\b
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
advertising [-]
    \b(?:(?:company|brand|firm|shop|store|supplier|provider) (?:that )?(?:i|
    we) (?:would )?recommend|(?:free|complimentary) (?:fitting|installation|delivery|trial|gift|
    consultation|quote)|be offer (?:a |free |\d|half|discount)|sign up (?:today|now|here)|
    half price|firstmonth|money off|\d+ (?:pound|dollar|euro) (?:a|per) (?:week|month))\b
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
impolite [-]
    \b(?:not make (?:any )?sense|make no sense|what be you (?:on about|go on about)|
    for (?:goodness|heaven|heavens|pete|god|christ) (?:'s )?sake|just answer|always (?:complain|
    moan|whine|grumble|nag)|(?:why|stop) (?:be you |do you )?(?:always )?(?:complain|moan|whine|
    grumble|nag)|stop mumble|you be mumble|mumble|mumbling)\b|^speak up\b
world [assert]
    \bwhat an? (?:\w+ )?(?:grey|gray|dull|miserable|wet|dreary|glorious|beautiful|lovely|
    gorgeous|sunny|rainy|cold|hot|chilly|freezing|windy|stormy|foggy|muggy|humid|bright|crisp|
    nice|fine) (?:day|morning|afternoon|evening|night|weather)\b|\b(?:they|people|
    everyone) (?:be )?say (?:that )?(?:it|there|the)\b|\bapparently (?:it|there|the)\b
human [-]
    S:\bi (?:skipped|missed|forgot|burnt|burned|made|baked|cooked) (?:my |the |a )?(?:breakfast|
    lunch|dinner|supper|tea|meal|cake|bread)\b
seeing [assert]
    \b(?:have|get) your hair (?:do|cut|set|done|colour|dye)\b|\byou (?:appear|seem|
    look) (?:\w+ ){0,2}?(?:flush|flushed|pale|red|thin|thinner|heavier|tan|tanned|brown|peaky|
    washed out|gaunt|rosy|lose weight|put on weight|smart|neat|tidy|dressed)\b
intrusive [-]
    \bwho (?:\w+ ){0,3}?(?:get|inherit|have) your (?:house|home|money|property|thing|belonging|
    savings|estate|flat)\b|\bfor a living\b|\bwhat (?:job|work) do\b
advertising [-]
    \b(?:our (?:\w+ ){0,2}?(?:package|plan|product|offer|range|app|membership)|premium|
    bring to you by|sponsor by|in partnership with|special price|special deal)\b
impolite [-]
    \b(?:pull yourself together|snap out of it|stop feel sorry|pity party|get a grip|
    stop be (?:so )?(?:dramatic|silly|difficult))\b
world [assert]
    \b(?:clock go (?:back|forward)|clocks go (?:back|forward)|daylight saving|summer time|
    bank holiday|half term|this new (?:virus|bug|flu|strain|variant|illness)|(?:everyone|
    everybody|lot of people|many people|half the town) (?:have|be) (?:be )?(?:get|catch|ill|
    sick|down with|come down|poorly|struck down))\b
human [-]
    S:\bi(?: 've| have| just)? had (?:a |an |my |some )?[\w -]{1,30}? (?:this morning|today|
    yesterday|last night|at the weekend|earlier|for (?:breakfast|lunch|dinner|tea))\b
human [-]
    \bi be (?:off to|head (?:off|out|home)|go (?:to (?:the|bed|lunch|work|church|sleep|my)|home|
    out))\b
seeing [assert]
    \b(?:such|a|an) (?:\w+ )?(?:face|smile|complexion|haircut|outfit)\b(?! on the phone)
intrusive [-]
    \b(?:income|salary|wage|earnings|debt|mortgage|bank balance|own your (?:home|house|flat)|
    rent or own|do you rent|religious|religion|believe in god|your faith|die of|
    cause of death)\b|\b(?:how|when|why) (?:do|be) your \w+ (?:die|pass away|pass)\b|\b(?:not|
    no longer|never) (?:speak|talk|see|visit) (?:to |with )?your (?:son|daughter|family|brother|
    sister|children|kid|husband|wife|grandchild)
advertising [-]
    \b(?:good value|great value|value for money|range of)\b
impolite [-]
    \b(?:here we go again|not this again|you be (?:impossible|hopeless|unbearable|a nuisance|
    a pain|a burden|too much|such hard work|so needy|so demanding)|daft|stop interrupt|
    do not interrupt|let me finish|you keep interrupt)\b
human [-]
    S:\bi (?:was|'ve been|have been|am|'m) (?:up|awake|out|away|ill|poorly|off sick)\b
seeing [assert]
    \b(?:glasses|hat|dress|colour|color|haircut|hair|outfit|jumper|cardigan|coat|shoes|
    scarf) (?:really )?suit you\b|\byour new (?:glass|glasses|hat|dress|coat|haircut|hairdo|
    shoes|jumper|cardigan|outfit)\b
intrusive [-]
    \b(?:in the bank|in your account|financially|your finances|how much (?:\w+ ){0,2}?(?:do|be|
    have) you (?:pay|earn|get|have|owe|spend|save|receive))\b
advertising [-]
    \b(?:fee|priority (?:call|service|support)|paid (?:plan|service|version|subscription)|
    it only cost|(?:\w+ )?(?:percent|per cent) off|voucher|discount code|promo code|
    use the code)\b
impolite [-]
    \b(?:stop talk|quiet down|hush|zip it|enough talk|waste my time|annoying|irritating|
    tiresome|tedious|you be so (?:forgetful|slow|difficult|stubborn|needy|demanding|negative|
    miserable|grumpy|rude))\b
world [assert]
    \b(?:the (?:days?|nights?|evenings?|mornings?) be (?:get|draw) (?:longer|shorter|lighter|
    darker|in|warmer|colder)|dark nights|light evenings|there be (?:a |an )?(?:\w+ )?(?:ban|
    warning|alert|shortage|strike|outbreak|closure|delay|disruption))\b
human [-]
    S:\bi(?: 've| have)? (?:just )?(?:got|get) (?:back|home|up|in|there)\b
human [-]
    S:\bi (?:also |really )?find (?!it\b|that\b|this\b|you\b)\w+ing\b
seeing [assert]
    \byou (?:seem|appear|look) to be (?:sit|lie|stand|wear|hold|smile|frown|in)\b
intrusive [-]
    \bdo you (?:still )?have (?:a |any )?(?:husband|wife|partner|boyfriend|girlfriend)\b|
    \bwhy (?:do|do not|did not) you (?:ever )?(?:have (?:any )?(?:children|child|kid)|marry|
    get marry|remarry)\b|\bdo for work\b|\byour late (?:husband|wife)\b
advertising [-]
    \b(?:save money by|switch to our|our (?:\w+ )?partner|energy (?:deal|tariff|supplier)|
    (?:great|good|best|perfect) time to (?:buy|get|order|invest|switch|upgrade))\b
impolite [-]
    \b(?:explain (?:this|that|it) (?:twice|already|before|again|three time)|
    have already explain|can not you (?:even )?(?:remember|understand|hear|follow)|
    be you even listen|do you ever listen|let me (?:talk|speak)(?! to| with| about)|
    let me finish)\b
human [-]
    S:\bi (?!hope|wish|understand|agree|think|know|hear|see|'ll|will|can|would|
    could)(?!(?:[\w']+ ){0,2}?(?:not|n't|never|cannot|unable)\b)(?:[\w']+ ){1,9}?(?:too|as well|
    myself)\s*$
intrusive [-]
    \bwhy (?:\w+ )?you (?:never|do not|did not) (?:marry|remarry|get marry|have (?:children|
    child|kid))\b
advertising [-]
    \bour (?:customer|client|member|user|subscriber)s?\b
impolite [-]
    \b(?:you be not (?:listen|pay attention)|not listen again|do not be (?:so )?(?:difficult|
    silly|ridiculous|dramatic|stubborn|rude|childish|lazy|daft)|do as you be tell|
    do what you be tell|do as i say|why can not you just)\b
human [-]
    S:\bi(?: 've| have)? been (?:to|on holiday|away|abroad|camping|swimming|walking|shopping|
    fishing|dancing)\b
seeing [assert]
    \bi can tell (?:that )?you\b(?!.*\b(?:voice|sound|hear)\b)|\byour (?:\w+ )?(?:cheek|face|
    eye|skin|complexion|lip|hair|nose|colour|color) (?:be|look|seem) (?:\w+ )?(?:rosy|red|pale|
    bright|puffy|swollen|flushed|sunken|tired|healthy|glowing|better|worse|lovely|nice|good)\b
intrusive [-]
    \b(?:bank detail|card detail|card number|account detail|sort code|(?:a lot of|
    lots of) (?:money|cash|savings)|money save|well off|wealthy|rich)\b
impolite [-]
    \b(?:pointless|useless|witter\w*|waffle|drone on|go on and on|stop go on)\b
world [assert]
    \bprice (?:\w+ ){0,3}?(?:go through the roof|soar|skyrocket|double|increase|climb|go up|
    rise)\b
intrusive [-]
    \b(?:ask you for money|borrow money|lend (?:him|her|them) money|give (?:him|her|them) money|
    money from you|pension (?:\w+ )?come to|how much pension|your marriage|happily marry)\b
impolite [-]
    \b(?:repeat myself|stop repeat yourself|stop fuss|do what the doctor say)\b
meeting [-]
    \blet 's (?!talk|chat|go through|go over|move on|check|see|start|begin|continue|carry on|
    try|take (?:a moment|it|things|our time|your time|a breath|a minute|a second|a pause|a break)|
    slow down|pause|breathe|think|focus|get start|keep|make sure|leave|stop|finish|wrap|end|say|
    hope|look at|have a (?:quick )?(?:chat|talk|think|look)|go back|come back|turn|run through|
    do that|do this|do a (?:quick |short )?(?:check|few|couple|run)|get (?:back|through|on))\w+
human [-]
    S:\bi (?:[\w']+ ){1,6}?(?:either|neither)\s*$
human [-]
    S:\bi (?:'m|am) having (?!trouble|difficulty|a (?:little |bit of )?(?:trouble|problem|
    difficulty)|problems)
human [-]
    \bi can not stand\b
seeing [assert]
    \byou be (?:glow|radiant|beam|bloom|look)\w*\b|\byour smile\b(?!.*\b(?:hear|voice|sound)\b)|
    \bi can tell\s*$
intrusive [-]
    \bwhy (?:do|have|be) your \w+ (?:stop|not|never|no longer) (?:visit|call|come|speak|talk|
    see)\w*\b
advertising [-]
    \b(?:get yours|order yours|for just|ninety-nine|ninety nine|our (?:catalogue|brochure|
    website|shop|store|latest))\b
impolite [-]
    \b(?:good for nothing|layabout|ungrateful|you can do better than that|come on,? you|
    whing\w*|whine|grizzl\w*)\b
world [-]
    \bbe not it (?:\w+ ){0,3}?(?:{HOT}|day|morning|afternoon|evening|weather)\b
meeting [assert]
    (?<!talk )(?<!speak )(?<!chat )\bwith you (?:one day|sometime|some time|next week|
    one of these days)\b
intrusive [-]
    \b(?:value of your (?:house|home|property|flat)|how much be your (?:house|home|flat|
    property) worth)\b
advertising [-]
    \bour (?:\w+ ){0,2}?(?:shop|store|catalogue|website|brand|deal|sale)\b
impolite [-]
    \b(?:stop ask(?:ing)? me|ask me the same|you keep ask|same thing over and over)\b
"""
