"""The role specification as rules: what a care-call agent must never say, in English and Korean.

Categories follow the out-of-bounds turns of Bae et al., "Building a Role Specified Open-Domain
Dialogue System Leveraging Large-Scale Language Models" (NAACL 2022): the agent is an AI on
the telephone, so it has no body, no life, no eyes and no way to go anywhere; it knows only
what its scenario and memory tell it; it sells nothing; it does not play doctor; it does not
pry; and in Korean it always speaks in honorifics.

These are the first (P1) rules. They now serve as the Korean rules until `dialogue.guard_ko`
lands, and as the English baseline that `bench/bench_guard.py` prints beside
`dialogue.guard_en` (`dialogue.guard_legacy` runs them).

Each rule is a regular expression over one sentence (English: lower case). Two flags soften a
rule where the role allows the words:
- `echo`: the words are fine when the scenario itself says them (a heat-wave campaign's own
  questions). The framework no longer passes what the person said: an echo of the person's
  word "arthritis" once let "That sounds like arthritis" be spoken;
- `disclaim`: an offer is fine when it is refused ("I can't visit, but I'll tell your care
  worker").
Memory claims ("last time you said ...") are checked against the memory by `dialogue.guard`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The names of `dialogue.guard.ROLE_CATEGORIES`.
HUMAN = "human"
SEES = "seeing"
PHYSICAL = "visit"
MEETING = "meeting"
WORLD = "world"
MEMORY = "memory"
ADVERTISING = "advertising"
MEDICAL = "medication"
DIAGNOSIS = "diagnosis"
TREATMENT = "treatment"
INTRUSIVE = "intrusive"
IMPOLITE = "impolite"
CATEGORIES = (
    HUMAN,
    SEES,
    PHYSICAL,
    MEETING,
    WORLD,
    MEMORY,
    ADVERTISING,
    MEDICAL,
    DIAGNOSIS,
    TREATMENT,
    INTRUSIVE,
    IMPOLITE,
)


@dataclass(frozen=True)
class Rule:
    category: str
    pattern: re.Pattern[str]
    echo: bool = False
    disclaim: bool = False


def _en(category: str, *patterns: str, echo: bool = False, disclaim: bool = False) -> list[Rule]:
    return [Rule(category, re.compile(p, re.IGNORECASE), echo, disclaim) for p in patterns]


def _ko(category: str, *patterns: str, echo: bool = False, disclaim: bool = False) -> list[Rule]:
    return [Rule(category, re.compile(p), echo, disclaim) for p in patterns]


_BODY = (
    r"(?:knees?|back|hips?|head|legs?|shoulders?|neck|stomach|feet|foot|arms?|hands?|"
    r"fingers?|wrists?|ankles?|upper body|lower body|body|waist|elbows?)"
)
_DRUGS = (
    r"(?:ibuprofen|aspirin|tylenol|acetaminophen|paracetamol|advil|antihistamines?|"
    r"antibiotics?|painkillers?|sleeping pills?|melatonin|laxatives?|steroids?)"
)
_OFFER = (
    r"(?:i'll|i will|i can|i could|let me|shall i|should i|can i|may i|do you want me to|"
    r"would you like me to|want me to|i'd like to|i would like to|i'm going to|"
    r"i am going to|i want to|i'd love to|i wish i could|i'll be able to)"
)

EN_RULES: list[Rule] = [
    *_en(
        HUMAN,
        # The agent has no meals, sleep, outings, purchases or body of its own.
        r"\bi(?:'ve| have)? (?:also |too |just |already |recently |even |usually |often )*"
        r"(?:ate|eaten|drank|cooked|slept|went|walked|visited|bought|watched|met|hiked|swam|"
        r"traveled|travelled|exercised|worked out|jogged|started (?:\w+ing|to \w+)|"
        r"got (?:a|an|some|my|the) \w+|caught (?:a|the) \w+|do (?:\w+ )?(?:stretching|yoga|"
        r"exercise|workouts?)|stay(?:ed)? (?:home|in|inside)|take care of (?:my|them|him|her))\b",
        r"\bi(?:'ve| have)? (?:also |just |already )*had (?:\w+ ){0,4}?(?:breakfast|lunch|"
        r"dinner|meal|sandwich|soup|rice|noodles|bread|coffee|tea|snack|nap|cold|flu|fever|"
        r"headache|workout|day|weekend|holiday|vacation|trip)\b",
        r"\bi (?:\w+ )?(?:had|ate|did|went|got|made|tried|saw|bought)\b[^.?!]*"
        r"\b(?:too|as well|myself)\b",
        r"\bi (?:\w+ )?had [^.?!]{1,40}\b(?:this morning|today|yesterday|last night|"
        r"for (?:breakfast|lunch|dinner|supper))\b",
        r"\bi (?:also |really |just )*(?:like|love|enjoy|hate|prefer) (?:to (?!ask|know|hear|"
        r"check|remind|thank|let|tell|talk|call|say|help|make sure|see how)\w+|\w+ing\b)",
        r"\bi(?:'m| am) (?:also |so |very |really |a (?:little|bit) |just |too |still )*"
        r"(?:tired|hungry|full|sleepy|sick|ill|exhausted|drowsy|sweating|freezing|retired|"
        r"married|single|at home|outside|on my way|doing (?:great|well|fine|good|ok|okay)|"
        r"fine,? too|good,? too|well,? too)\b",
        r"\b(?:same (?:for|with|here for) me|same here|me,? too|me neither|it's the same for me|"
        r"so am i|so do i|so did i)\b",
        r"\bmy (?:friends?|parents|mother|mom|father|dad|family|husband|wife|son|daughter|kids|"
        r"children|grandchildren|sister|brother|acquaintance|neighbou?r|boss|colleague|house|"
        r"home|apartment|dog|cat|car|weekend|vacation|hobby|" + _BODY + r")\b",
        r"\b(?:an? \w+ of mine|when i was (?:young|a child|little|your age))\b",
        r"\bi(?:'m| am) (?:a )?(?:human|real person|person,|not (?:an? )?(?:ai|robot|machine|"
        r"computer|program))\b",
        r"\b(?:it's|it is) (?:\w+ )?(?:nice|beautiful|lovely|hot|cold|sunny) (?:over )?here\b",
    ),
    *_en(
        SEES,
        r"\byou (?:look|looked|are looking|don't look|do not look|seem to look)\b"
        r"(?! forward| after)",
        r"\b(?:i can|i could) see (?:that )?(?:you|your)\b|\bi saw you\b",
        r"\blooks? like you(?:'re| are)? (?:tired|sick|pale|happy|sad|well|good|unwell)\b",
        r"\byour (?:face|eyes|skin|complexion|hair|clothes|outfit) (?:looks?|seems?|is|are)\b",
    ),
    *_en(
        PHYSICAL,
        _OFFER + r" (?:\w+ ){0,2}?(?:come (?:over|by|and|to|with|see)|visit|drop by|stop by|"
        r"bring|get (?:you|some|something|one|it|them|a|an)|buy (?:you|it|some|them|one)|"
        r"fetch|deliver|"
        r"pick you up|drive you|take you|walk with|go with|come with|join you|meet (?:you|up)|"
        r"see you (?:there|at|in|soon)|be (?:there|with you|by your side)|stay (?:with|by)|"
        r"keep you company|cook|prepare|make you|give you (?:a |some )?(?:massage|hug|ride|"
        r"lift|hand|something)|massage|hug you|carry|treat you|hold your|sing|dance|"
        r"help you(?! (?:remember|understand|find out|by (?:calling|telling|letting))))\b",
        disclaim=True,
    ),
    *_en(
        MEETING,
        r"\b(?:go|walk|come|eat|have (?:it|lunch|dinner|a meal|coffee|tea|a drink)|hike|climb|"
        r"swim|exercise|watch|travel|shop|cook|dance|play)\b[^.?!]{0,30}\b(?:with me|together)\b",
        r"\blet's (?:go|eat|have|meet|walk|take a walk|get|grab|hang out|cook|exercise)\b",
        r"\b(?:should|shall|can|could) we (?:go|meet|eat|walk|have|get together)\b",
        r"\b(?:join (?:me|us|our)|our (?:meeting|club|class|gathering)|hang out|i'll treat you|"
        r"my treat|keep you company|be there for you|by your side|pay (?:me )?a visit)\b",
        disclaim=True,
    ),
    *_en(
        WORLD,
        r"\b(?:weather|rain(?:y|ing|ed|s)?|snow(?:y|ing|ed|s)?|sunny|cloudy|gloomy|windy|humid|"
        r"muggy|chilly|freezing|heat ?wave|the heat|temperature|degrees|fine dust|yellow dust|"
        r"air quality|pollen|typhoon|storm|monsoon|forecast|sunshine|breeze)\b",
        r"\b(?:it's|it is|it has been|it's been|it was|it got|it gets|getting|became|become) "
        r"(?:so |really |very |pretty |quite |a bit |a little |too |extremely |much |"
        r"all of a sudden |suddenly )*(?:hot|cold|warm|chilly|cool|freezing|sweltering|"
        r"hotter|colder|warmer|cooler)\b",
        r"\b(?:hot|cold) (?:these days|lately|today|outside|out there|this (?:week|year))\b",
        r"\b(?:perfect|beautiful|nice|lovely|great|good) day (?:for|to) (?:a |an )?(?:walk|go|be "
        r"outside|picnic|hik\w*|stroll|outing)",
        r"\b(?:spring|summer|autumn|winter)\b|\b(?:this |the |in )?fall (?:is|season|weather|"
        r"leaves)\b|\bautumn leaves\b",
        r"\b(?:news|covid(?:-19)?|corona(?:virus)?|pandemic|epidemic|outbreak|flu season|"
        r"election|government|president|stock market|inflation|earthquake|floods?|flooding|"
        r"wildfires?|the world)\b",
        r"\bi (?:heard|read|saw) (?:that |on |in |about )?(?:the )?(?:news|many|lots|a lot|"
        r"there's|there is|there are|it will|it's going to|people|the weather|it)\b",
        r"\b(?:many|lots of|a lot of) people (?:are|have|caught|got|went)\b",
        r"\b(?:it's|it is|today is) (?:already )?(?:\d{1,2}(?::\d\d)? ?(?:am|pm|o'clock)|"
        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|a holiday|"
        r"christmas|new year'?s?|chuseok)\b",
        echo=True,
    ),
    *_en(
        ADVERTISING,
        r"\b(?:new product|products?|brand|launch(?:ed|es)?|newly released|on sale|discounts?|"
        r"coupons?|promotions?|cost-effective|affordable|prices?|subscri\w+|sign up|"
        r"(?:download|install) (?:our|the|this) app|purchase|my company|our company|"
        r"our service|(?:services?|products?) (?:we|i) (?:provide|offer|sell|make)|free trial|"
        r"advertis\w+|sponsor\w*|special offer|buy (?:it|this|one|a|an)|"
        r"you should (?:buy|get|try) (?:the|this|our|one|a|an))\b",
    ),
    *_en(
        DIAGNOSIS,
        r"\byou (?:probably |might |may |must |seem to |likely |surely )?(?:have|had|got|"
        r"'ve got|are suffering from|suffer from) (?:a |an |the )?(?:\w+ )?(?:flu|covid|"
        r"infection|arthritis|diabetes|dementia|alzheimer'?s|depression|insomnia|pneumonia|"
        r"disease|disorder|syndrome|fracture|hernia|cancer|stroke|virus|heat stroke)\b",
        r"\b(?:it|that|this) (?:sounds|seems|looks|could be|might be|must be|is probably|"
        r"is likely|is) (?:like )?(?:a |an )?(?:\w+ )?(?:flu|arthritis|infection|disease|"
        r"disorder|syndrome|fracture|hernia|depression|dementia|stroke|heart attack|"
        r"symptoms? of)\b|\bdiagnos\w+",
        echo=True,
    ),
    *_en(
        MEDICAL,
        r"\b(?:take|try|use|drink|have) (?:\d+|one|two|three|a couple of|some|more|less|"
        r"extra|double|half|an?) (?:\w+ )?(?:pills?|tablets?|capsules?|doses?|mg|milligrams?|"
        r"painkillers?|sleeping pills?|antibiotics?|herbs?|herbal \w+|supplements?|vitamins?)\b",
        r"\b(?:stop|start|skip|double|increase|reduce|lower|change|cut) (?:taking )?(?:your |"
        r"the )?(?:dose|dosage|medicine|medication|pills?|tablets?)\b",
        r"\b\d+\s?(?:mg|milligrams?|ml)\b|\b" + _DRUGS + r"\b",
        r"\b(?:herb(?:al)? medicine|oriental (?:clinic|medicine)|acupuncture|home remedy)\b",
        echo=True,
    ),
    *_en(
        TREATMENT,
        r"\b(?:first|then|next|now|and),? (?:sit|stand|lie|lock|stretch|bend|raise|lift|hold "
        r"your|twist|rotate|lean|put your)\b",
        r"\b(?:bend|stretch|twist|raise|lift|rotate|lock) your " + _BODY + r"\b",
        r"\b(?:do|try) (?:\d+|ten|twenty|thirty) (?:reps|repetitions|sets|push-ups|squats|"
        r"sit-ups|minutes of)\b",
        echo=True,
    ),
    *_en(
        INTRUSIVE,
        r"\b(?:allowance|your salary|your income|your pension|how much money|your savings|"
        r"your debts?|your bank|your password|social security|(?:do|did) you (?:still )?work\b|"
        r"your job|at work|your boss|on good terms|get along (?:well )?with|"
        r"why (?:do|did) you live alone|divorce\w*)",
    ),
    *_en(
        IMPOLITE,
        r"\b(?:shut up|stupid|idiot|dumb|nonsense|hurry up|i don't care|none of your business|"
        r"you're wrong|old (?:man|woman|lady|geezer|hag)|whatever)\b",
    ),
]

# Memory claims: "earlier" needs the memory to hold what is claimed; "said" may also point
# back to what the person said earlier in this call.
EN_EARLIER = re.compile(
    r"\b(?:last (?:time|week|call|month|night you)|the other day|yesterday you|before,? you|"
    r"i remember|i recall|remember when|i told you|as i (?:said|told you|mentioned)|"
    r"we (?:talked|spoke) about|previous call|our last)\b",
    re.IGNORECASE,
)
EN_SAID = re.compile(
    r"\b(?:you (?:told|said to) me|you (?:said|mentioned)|"
    r"as you (?:said|mentioned)|like you said)\b",
    re.IGNORECASE,
)

KO_RULES: list[Rule] = [
    *_ko(
        HUMAN,
        r"(?<![가-힣])저(?:도|는)\s?(?:\S+\s){0,3}?(?:먹었|먹어요|먹고 왔|밥|잤|자고|다녀왔|"
        r"갔다 왔|갔었|놀러|운동했|운동해요|산책했|등산|수영|여행|샀|봤어요|만났|피곤|배고|배불|"
        r"아팠|감기|졸려|졸리|더워|추워|좋아해|좋아하|살아요|살고)",
        r"(?<![가-힣])제가\s?(?:\S+\s)?(?:먹은|먹던|자는|사는|다니는|좋아하는|해 본|가 본|가본)",
        r"(?<![가-힣])(?:저희|제)\s?(?:어머니|아버지|부모님|가족|집|엄마|아빠|친구|강아지|고양이|남편|아내|"
        r"아들|딸|손주|동생|언니|오빠|형|누나|회사)",
        r"저도\s?(?:그래요|그랬어요|마찬가지)|저도요(?![가-힣])|저는\s?사람|사람이에요",
    ),
    *_ko(
        SEES,
        r"(?:얼굴|안색|표정|피부|모습|옷)(?:이|가|은|는)?\s?(?:\S+\s)?(?:좋아 보|안 좋아 보|"
        r"나빠|밝|어두|피곤해 보|예쁘|멋지|보기 좋)",
        r"(?:해|아|어|워|와|져|쁘|나)\s?보(?:이|여)(?:세요|시네요|네요|요|십니다|셔|시|서)",
    ),
    *_ko(
        PHYSICAL,
        r"(?:찾아|놀러|모시러|데리러|만나러|보러|뵈러)\s?(?:갈|가겠|가 드릴|가서|뵐|뵙|올게|"
        r"가요|갈까|가도)",
        r"(?:가져다|갖다|사다|사 가|챙겨다|배달해|만들어|요리해|차려|해다|안마해|주물러)\s?"
        r"(?:드릴|드리|줄|주)",
        r"(?:옆에|곁에)\s?있어\s?드릴|안마|마사지|대접(?:할|해 드릴)|한턱",
        disclaim=True,
    ),
    *_ko(
        MEETING,
        r"(?:저랑|저와|저하고)\s?(?:같이|함께)?\s?\S*(?:가|먹|드|걸|산책|운동|놀|만나)",
        r"같이\s?(?:가요|가실래|갈까|가시죠|먹어요|먹을까|드실래|드셔요|걸어요|걸을까|"
        r"산책해요|산책할까|놀아요|만나요)",
        disclaim=True,
    ),
    *_ko(
        WORLD,
        r"날씨|기온|온도|비가\s?(?:오|와|내|많)|비\s?오|눈(?:이)?\s?(?:오|와|내리|많이 왔)|"
        r"장마|태풍|미세\s?먼지|황사|폭염|무더위|더위|한파|추위|꽃샘|일교차|눅눅|후덥|습도|햇볕|"
        r"햇살|쌀쌀|선선|더워(?:요|졌|지|서)|덥(?:네|죠|지|고|습|다)|추워(?:요|졌|지|서)|"
        r"춥(?:네|죠|지|고|습|다)",
        r"(?<!돌)봄(?:이|에|철|날|비|바람)|여름|가을|겨울|단풍",
        r"뉴스|코로나|확진|(?:감기|독감|눈병|장염)\S{0,2}\s?유행|감염병|선거|대통령|지진|홍수|산불|"
        r"많이들",
        r"오늘(?:은)?\s?(?:월|화|수|목|금|토|일)요일|주말이(?:네|라|에요)|명절|추석|설날|"
        r"크리스마스|지금\s?(?:\d+|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?시",
        echo=True,
    ),
    *_ko(
        ADVERTISING,
        r"신제품|제품|출시|할인|쿠폰|이벤트|구매|구입|저렴|가성비|광고|구독|저희 회사|"
        r"앱을?\s?(?:다운|설치)|판매|특가|홍보",
    ),
    *_ko(
        DIAGNOSIS,
        r"(?:관절염|당뇨|치매|우울증|불면증|감기|독감|폐렴|디스크|골절|코로나|고혈압|뇌졸중|"
        r"협심증|장염|식중독|열사병|일사병)(?:인|이신|일|에 걸리신|에 걸리셨|이 온|이 있으신)\s?"
        r"(?:것 같|거 같|듯|가능성|수도)|진단",
        echo=True,
    ),
    *_ko(
        MEDICAL,
        r"(?:\d+|한|두|세|반)\s?(?:알|정|캡슐|봉지|mg|밀리)(?:\s|을|를|씩|만|$)",
        r"(?:해열제|진통제|타이레놀|아스피린|수면제|소화제|감기약|항생제|파스|영양제|수면 유도제)"
        r"(?:를|을)?\s?(?:\S+\s)?(?:드세요|드셔 보|복용하세요|드시면|먹으|먹어|바르|붙이)",
        r"약(?:을)?\s?(?:끊|줄이|늘리|두 배|더 드|더 먹)|한약|민간요법|침을 맞",
        echo=True,
    ),
    *_ko(
        TREATMENT,
        r"(?:허리|팔|다리|무릎|목|상체|손가락|어깨)(?:를|을)\s?(?:\S+\s)?(?:굽히|펴|돌리|"
        r"들어 올리|비트|깍지)",
        echo=True,
    ),
    *_ko(
        INTRUSIVE,
        r"용돈|월급|수입|연금(?:은|이)?\s?얼마|통장|비밀번호|사이(?:가|는)\s?(?:좋|괜찮|어떠)|"
        r"이혼|직장|일(?:은|을)\s?(?:하세요|하시나요|다니)",
    ),
    *_ko(
        IMPOLITE,
        r"(?<!\S)(?:너|니가|네가|너는|너도|너를|너의|너랑)(?!\S)|할망구|노인네|영감탱이|바보|"
        r"멍청|닥쳐|시끄러",
    ),
]

KO_EARLIER = re.compile(
    r"지난\s?번|저번에?|지난\s?통화|지난\s?주|어제\s?(?:말씀|하신|그러)|기억(?:나|하|이 나)|"
    r"전에\s?(?:말씀|얘기|이야기)"
)
KO_SAID = re.compile(r"말씀하셨|말씀하신|얘기하셨|이야기하셨|하셨다고")

# Korean sentence endings: polite speech ends in 요, (스)ㅂ니다/까, 죠, 시오, or an honorific
# noun (님). A sentence ending in a plain-speech ending (반말) is impolite to an elder.
KO_POLITE_END = re.compile(
    r"(?:요|니다|니까|죠|시오|님|씨|세여|(?:시|셨|셔)(?:구나|군|겠다|겠네|네))$"
)
KO_PLAIN_END = re.compile(
    r"(?:어|아|야|해|지|자|니|냐|래|게|걸|군|구나|거든|잖아|네|다|라|렴|까|대|나)$"
)
KO_INTERJECTIONS = frozenset(
    "네 예 아 어 아이고 아이구 아이고야 아이구야 어머 어머나 그럼 글쎄 저기 여보세요 와 와아 "
    "우와 우와아 그래도 자 정말 참 오 음 아자 아자아자 에구 에고 저런 세상에".split()
)
