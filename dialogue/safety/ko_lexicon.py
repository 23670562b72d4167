"""Concept lexicons for Korean emergency detection, over Kiwi lemmas (stems: 아프, 쓰러지, 숨).

Sets, not phrases: `safety.ko` combines them (a body part and a symptom in one clause, with the
right polarity) so that wordings nobody listed are still caught. The body, medicine and people
come from the one Korean lexicon that the role guard reads too (`dialogue.analysis.ko_lexicon`);
what is here is how an emergency is said with them.
"""

from __future__ import annotations

from dialogue.analysis import ko_lexicon as K

# Re-exported: the safety modules read them as `L.CHEST`, `L.SELF`.
from dialogue.analysis.ko_lexicon import (  # noqa: F401
    BLOOD,
    BONE,
    BREATH,
    CHEST,
    EYES,
    FACE,
    HEAD,
    HOUSEHOLD,
    KIN,
    LIMB,
    MEDICINE_EXCLUDE,
    OTHERS,
    SELF,
    STROKE_WORDS,
    THROAT,
    VISITORS,
)

# What a caller may have taken too many of: swallowed medicine, a vitamin, the box it came in.
MEDICINES = K.DRUGS | {"영양제"} | K.PILL_CONTAINERS

# -- scope ---------------------------------------------------------------------------------------
NEGATORS = frozenset({"안", "못"})  # short negation, right before the predicate
NEG_AUX = frozenset({"않", "못하"})  # long negation: 아프지 않아요, 쉬지 못해요
# Adverbs that may stand between 안/못 and the predicate, or anywhere, without changing meaning.
SKIPPABLE = frozenset(
    "좀 너무 진짜 정말 참 엄청 되게 많이 조금 잘 제대로 도저히 전혀 하나도 통 영 계속 자꾸 "
    "아예 갑자기 막 아주 완전 몹시 영판 그냥 또 다시 아직 아직도 여전히 지금 이제 더".split()
)
SOFTENERS = frozenset("좀 조금 약간 살짝 가끔 가끔씩 때때로 때로 종종 간혹 조금씩 가볍".split())
DIFFICULT = frozenset("힘들 어렵 곤란 불편 버겁 괴롭 벅차".split())  # 숨쉬기가 힘들어요
RESOLVED = frozenset("괜찮 낫 좋아지 멀쩡 말짱 회복 가라앉 그치 멈추 나아지 거뜬 거뜬하 멎".split())
HEARSAY_EF = frozenset("대요 래요 대 래 답니다 랍니다 다더라 더래 다네 라네 대서 래서".split())
# Stories: always someone else's. Devices: only as a source (티비에서, 텔레비전에 나오).
MEDIA_STORY = frozenset(
    "뉴스 방송 신문 드라마 유튜브 영화 연속극 기사 사연 다큐 프로 프로그램".split()
)
MEDIA_DEVICE = frozenset(
    "티비 텔레비전 라디오 TV tv 테레비 핸드폰 텔레비 텔레비젼 테레비전 티브이 테레비젼 테레 "
    "스마트폰 휴대폰".split()
)
# People in the same home: what happens to them is happening here, now.
# Feelings: 남편 생각하면 가슴이 아파요 is grief, not angina.
FEELINGS = frozenset(
    "생각 생각나 마음 그립 속상 서운 슬프 보고싶 자식 걱정 섭섭 놀라 뻔 철렁 덜컥 설레 벅차 "
    "뭉클 뜨끔 울".split()
)
TODAY = frozenset("오늘 아침 아까 방금 금방 조금전 새벽 점심 오전 오후 이따".split())
UP_AGAIN = frozenset("일어나 일어서 걷 걸어다니 다니".split())
MINOR = frozenset("까지 멍 긁히 타박상 찰과상".split())
USUAL = frozenset("나이 늙 원래 늘 항상 평소 노상 맨날".split())  # age, habit: ask
THINGS = frozenset(
    "나무 화분 담 벽 기둥 의자 자전거 병 컵 물건 책장 전봇대 간판 우산 빨래 건조대 울타리 "
    "가로수 탑 짐 상자 오토바이 차 트럭 장독 장독대 항아리 화로 선반 "
    "강아지 개 고양이 닭 소 염소 새 병아리".split()  # animals: not the caller
)
ALCOHOL = frozenset("술 소주 막걸리 맥주 양주 와인 약주".split())
DATE_WORDS = frozenset("며칠 요일 몇월 날짜 몇시 계절".split())
STORIES = frozenset("일 얘기 이야기 소식 사연 기억 추억 영화 드라마 장면 소리 말".split())
SCHEDULE = frozenset("하루 매일 아침저녁 씩 끼니 식후 식전 처방".split())
WEATHER = frozenset("덥 더위 날씨 습하 후텁지근 찜통 무덥".split())
# What is worried about, not felt: 전기세가 많이 나와서 눈앞이 캄캄하네요.
WORRY = frozenset(
    "돈 세 전기세 요금 월세 집세 빚 병원비 생활비 걱정 막막 앞날 살길 카드값 값 공과금 이자 "
    "살림 시험 취직".split()
)
# Something is happening here and now: for another person, that makes it an emergency.
URGENT = frozenset("갑자기 방금 빨리 어떡하 119 구급차 살리 돕 도와주 제발 얼른 당장".split())
# The time of the event is long past: 지난달, 작년, 예전 (matched on the text, see safety.ko).
DISTANT_PAST = (
    r"지난\s*(?:달|해|번|겨울|여름|봄|가을)|작년|재작년|(?:예전|옛날)(?=에|엔|부터|\s*같|\s*얘기|\s*이야기|\s*일)|저번\s*달|저번에|"
    r"(?:[0-9몇한두세네석넉열]|다섯|여섯|일곱|여덟|아홉|여러)\s*(?:년|달|개월|해)\s*전|젊었|어렸|어릴\s*(?:때|적)|젊을\s*때|처녀\s*때|"
    r"그때|한참\s*전|지지난|(?:젊은|한창)\s*(?:시절|때)|젊은\s*날|"
    r"(?<![가-힣])(?:봄|여름|가을|겨울|연초|작년|년초)에(?=\s)"  # 봄에 불이 나서: a season ago
)
RECENT_PAST = (
    r"(?:어제|어저께|그저께|그제|엊그제|지난\s*주|저번\s*주|며칠\s*전|이틀\s*전|사흘\s*전)"
    r"(?!\s*부터)"
)

# -- body parts and symptoms --------------------------------------------------------------------
CARDIAC_PAIN = frozenset(
    "아프 아파하 화끈거리 부여잡 움켜쥐 밟 짓밟 조이 쥐어짜 짜 얹 올려놓 답답 터지 찌르 "
    "짓누르 누르 뻐근 타 막히 저리 쑤시 통증 옥죄 조여오 "
    "찢어지 찌릿하 찌릿 욱신거리 욱신 꽉 무겁 쓰리 결리 콕콕 묵직 묵직하 "
    "짓눌리 눌리 조이 아리 에이".split()
)
CARDIAC_ODD = frozenset(
    "이상 이상하 불편 불편하 두근거리 벌렁거리 뛰 쿵쾅거리 두근 벌렁 콩닥".split()
)
CARDIAC_ARREST = frozenset("멎 멈추 서".split())
BREATH_BAD = frozenset(
    "차 딸리 끊어지 모자라 막히 가쁘 헐떡이 헐떡거리 헐떡 답답 끊기 멎 넘어가 곤란 턱턱 "
    "가빠지 차오르 멈추 "
    "컥컥 거칠 벅차 좁아지 조여들 시원찮".split()  # 숨 쉬는 게 시원찮아요: not going in
)
BREATH_DO = frozenset(
    "쉬 넘어가 들어오 쉬어지 되 나오 들어가 들이쉬 내쉬 들이마시 마시 쉬이 돌아오 트이".split()
)
BREATH_NOUN_PRED = frozenset({"호흡곤란", "숨막힘"})
THROAT_BAD = frozenset("막히 걸리 조이 메".split())
SPEECH = frozenset("말 발음 혀 말씀 목소리 말소리".split())
SPEECH_BAD = frozenset("어눌 꼬부라지 어눌하 꼬이 굳 더듬 새 마비 둔하 이상하 이상 느려지".split())
SPEECH_DO = frozenset("나오 움직이 돌아가".split())  # negated: 말이 안 나와요 (not 말이 안 돼)
FACE_BAD = frozenset(
    "저리 돌아가 비뚤 쏠리 내려가 쳐지 비뚤어지 처지 마비 굳 일그러지 틀어지 삐뚤어지 내려앉 "
    "감각".split()
)
SIDE = frozenset("한쪽 반쪽 왼쪽 오른쪽 반신 한편 편측 오른 왼 외".split())
LIMB_BAD = frozenset("마비 끌 감각 둔하 굳 처지 늘어지 축".split())
LIMB_NUMB = frozenset("저리 저릿하 찌릿하 뻣뻣하".split())  # often chronic: ask
LIMB_DO = frozenset("움직이 듣 올라가 들리 가누 잡히 쓰".split())  # 다리를 못 써요  # 안 움직여요
STRENGTH = frozenset("힘 기운 감각".split())  # 힘이 없어요 / 힘이 빠져요
STRENGTH_GONE = frozenset("없 빠지 안들".split())
STRENGTH_IN = frozenset("들어가 들 주".split())  # negated: 손에 힘이 안 들어가요
SEE = frozenset("보이".split())
HEAD_BURST = frozenset("깨지 터지 쪼개지 빠개지".split())

FALL = frozenset("넘어지 미끄러지 자빠지 엎어지 구르 낙상 주저앉 넘어가 엉덩방아 삐끗하".split())
HEIGHTS = frozenset("계단 침대 의자 사다리 지붕 나무 변기 욕조 층계 담 베란다".split())
TIRED = frozenset("피곤 피곤하 바쁘 졸리 일 고단하 배고프 고프 덥 힘들".split())
GET_UP = frozenset("일어나 일어서 움직이 꼼짝 거동 일으키 기 걷".split())
COLLAPSE = frozenset("쓰러지 기절 실신 졸도 까무러치 혼절 의식불명 혼수".split())
CONSCIOUS = frozenset("정신 의식 기억".split())
CONSCIOUS_LOST = frozenset("잃 잃어버리 나가 놓 끊기".split())
CONSCIOUS_DIM = frozenset("아득하 혼미하 혼미 몽롱하 가물가물하 흐려지 아찔하".split())
DARK = frozenset("캄캄 캄캄하 깜깜 깜깜하 하얘지 노래지 새까맣".split())
WAKE = frozenset("깨 깨어나 일어나 뜨 정신차리 대답하 반응하".split())  # 안 깨어나요 (other)
RESPONSE = frozenset("대답 반응 의식 인기척 기척".split())
INJURY_HEAD = frozenset("부딪히 부딪치 다치 찧 깨지 박 찢어지".split())
BROKEN = frozenset("부러지 금 나가 골절 부서지 으스러지".split())
# A limb out of shape: bent, turned or hanging the wrong way (a fracture or a dislocation).
LIMBS = frozenset(
    "다리 팔 팔목 손목 발목 어깨 무릎 고관절 골반 엉덩이 손가락 발가락 정강이".split()
)
DEFORMED = frozenset(
    "꺾이 꺾어지 돌아가 휘 휘어지 뒤틀리 비틀리 비틀어지 덜렁거리 덜렁대 덜렁 튀어나오 "
    "어긋나".split()
)

BLOOD_STOP = frozenset("멈추 그치 멎 지혈 안멈추".split())
BLOOD_HEAVY = frozenset(
    "사방 온통 철철 줄줄 콸콸 펑펑 흥건 흥건하 쏟아지 뚝뚝 많이 계속 잔뜩 범벅".split()
)
POOLED = frozenset("흥건 흥건하 범벅 낭자 낭자하 철철".split())
BLOOD_OUT = frozenset("나 흘리 새 쏟아지 흐르 나오 토하 쏟 게우 솟".split())

POISON = frozenset(
    "농약 제초제 살충제 락스 세제 쥐약 독 독약 부동액 표백제 휘발유 석유 수면제 "
    "신나 쥐약 청산가리 살서제 방부제 소독약 소독제 빙초산 초산 염산 양잿물 가성소다 "
    "연탄가스 번개탄".split()
)
SWALLOW = frozenset("먹 넣 드시 잡수 삼키 마시 털어넣 들이키 복용 털어먹 집어삼키 넘기".split())
MANY = frozenset(
    "한꺼번에 몽땅 왕창 통째로 통째 잔뜩 한번에 움큼 주먹 여러 수십 전부 모조리 무더기 "
    "줌 한줌".split()
)
TWICE = frozenset("또 두번 더 잘못 깜빡 두알 곱절 한번더".split())
# Sedatives: all of them taken at once is an overdose even without a count (수면제를 다 먹었어요).
SEDATIVES = frozenset("수면제 수면유도제 안정제 신경안정제 수면약 잠약".split())
ALL_OF = frozenset("다 전부 몽땅 싹 모두 모조리 죄다 통째로 통째".split())
# A supply that ran out and is refilled (약을 다 먹어서 새로 타 왔어요): not an overdose.
REFILL = frozenset("새로 타 타오 받 사 사오 약국 병원 처방 떨어지 다음".split())
# Asleep, not fallen: 아직 안 일어났어요, 늦잠 자요.
SLEEP = frozenset("잠 늦잠 낮잠 자 주무시 졸 잠꼬대 꿈 코".split())
# The topic of a class or a leaflet (낙상 예방 체조, 화재 대피 훈련), not an event.
PREVENTION = frozenset("예방 방지 교육 체조 훈련 강의 강좌 수업 대비 대피 안내 주의 조심".split())
# Joy or news behind a racing heart (합격 소식 듣고 가슴이 두근거렸어요): excitement.
JOY = frozenset("기쁘 반갑 설레 신나 합격 소식 경사 감격 감동 좋아하 축하 기대".split())
# How often, not whether (물을 자주 안 마셔요): not a fast.
HOW_OFTEN = frozenset("자주 많이 충분히 별로 평소 그다지 넉넉히".split())
TAKEN_OK = frozenset(
    "챙기 꼬박꼬박 제때 제시간 잘 시간 맞추 꾸준히 빠짐없이 제대로 대로 정하".split()
)

DIE = frozenset({"죽"})
WILL_TO_LIVE = frozenset("맛 의욕 이유 희망 재미 낙".split())
LIFE_WHOLE = frozenset("세상 인생 삶 목숨 하늘나라 저세상 저승 하늘 곁 모든".split())
LIVE = frozenset({"살"})
VANISH = frozenset("사라지 없어지 떠나 끝내 끝나 따라가 가".split())
SUICIDE_NOUNS = frozenset("자살 자해 극단적".split())
SUICIDE_ACTS = frozenset("뛰어내리 목매 매달리 그만살".split())
LIFE_BAD = frozenset("의미 지겹 싫 귀찮 지치 허무 재미없 괴롭 지옥 고역 고통 지긋지긋 끔찍".split())

CONFUSED_PLACE = frozenset("여기 어디 집 길".split())
CONFUSED_ODD = frozenset("오락가락 헛것 헛소리 횡설수설".split())

COOKING = frozenset(
    "굽 고기 생선 요리 담배 향 모기향 삼겹살 굴뚝 아궁이 장작 불고기 부침개 전 찌개 볶 "
    "튀기 구이 고등어 갈비 곱창 꽁치 삼치 전어 볶음 부치 지지 훈제 쑥뜸 뜸 캠프파이어".split()
)
FIRE = frozenset("불 화재 불길 불꽃 불씨 불똥".split())
BLAZE = frozenset("불바다 화염 불구덩이 폭발".split())
FIRE_ON = frozenset("나 붙 번지 타 옮겨붙 치솟 올라오 일 지르 튀".split())
FIRE_OFF = frozenset("켜 끄 꺼지 피우 때 쬐 지피".split())
SMOKE = frozenset("연기 매연 그을음".split())
SMOKE_ON = frozenset(
    "나 차 가득 가득하 들어오 자욱 나오 피어오르 올라오 새 꽉 피어나 스며들 새어들 번지".split()
)
GAS = frozenset("가스 가스불".split())
GAS_ON = frozenset("새 누출 새어나오 새나오".split())
SMELL = frozenset("냄새 내".split())
BURNING = frozenset("타 그을리 눌".split())

INTRUDER = frozenset("누가 누구 낯선 모르 도둑 강도 괴한 침입자 놈 낯설 남자 사내 남정네".split())
DOOR = frozenset(
    "문 뒷문 현관 현관문 대문 창문 창 방문 문고리 자물쇠 도어락 번호키 잠금장치".split()
)
FORCE_DOOR = frozenset("열 따 깨 돌리 부수 두드리 흔들 차 밀 당기 뜯 뚫 넘 누르 만지".split())
ROOMS = frozenset("집 문 문앞 거실 부엌 마당 안방 방 주방 현관 베란다 창밖 문밖 계단".split())
MOVE_ABOUT = frozenset("다니 돌아다니 걷 서 있 들어오 오 뒤지 숨".split())
BREAK_IN = frozenset("들어오 쳐들어오 침입 부수 부시 훔치 뒤지".split())
HIT = frozenset(
    "때리 패 밀치 걷어차 협박 위협 폭행 구타 목조르 두들기 패대기치 행패 난동 주먹질 발길질 "
    "손찌검 매질 폭력 손버릇".split()
)
THROW = frozenset("던지 집어던지 내던지 퍼붓".split())  # 의자를 나한테 집어던졌어요
BEATEN = frozenset("맞 얻어맞 두들겨맞".split())
PLAY = frozenset("장난 놀이 농담 장난치".split())
WEAPON = frozenset("칼 흉기 몽둥이 망치 낫 가위".split())

DAYS = frozenset(
    "며칠 이틀 사흘 나흘 닷새 엿새 일주일 열흘 보름 며칠째 이틀째 사흘째 한참 여러 "
    "이틀이나 삼일 사일 오일 일주일째 그저께 그제 엊그제 엊그저께 사나흘 이삼일 삼사일".split()
)
# A start (금요일부터, 주말부터, 어제부터 … 못 먹었어요): days since, when said with 부터.
SINCE = frozenset(
    "월요일 화요일 수요일 목요일 금요일 토요일 일요일 주말 어제 그저께 그제 엊그제 지난주".split()
)
EAT = frozenset("먹 마시 드시 넘기 넘어가 들 굶 챙기".split())
FOOD = frozenset("라면 빵 떡 과자 우유 죽 차 밥 물 음식 끼니 식사 아무것 물한모금 곡기".split())

RESCUE = frozenset("살리".split())  # 살려 주세요
HELP = frozenset("돕 도와주".split())  # 도와 주세요
HURRY = frozenset("빨리 얼른 당장 제발 어서 급하 급히".split())
WHEEZE = frozenset(
    "쌕쌕 쌕쌕거리 그렁그렁 헉헉 헉헉거리 색색 그르렁 씩씩 그르렁그르렁 가랑가랑 헐떡헐떡 "
    "깔딱깔딱 깔딱 꼴딱꼴딱 꼴딱 컥컥 씨근씨근 씨근덕 할딱할딱 할딱 헐레벌떡".split()
)
CALL = frozenset("119 구급차 앰뷸런스 응급차 구조대 소방서 경찰 112 의사 사람".split())
CALL_DO = frozenset("부르 오 보내 불르 연락하 전화하 와".split())
