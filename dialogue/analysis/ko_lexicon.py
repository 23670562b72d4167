"""The one Korean lexicon of the body, of symptoms, of medicine and of people, over Kiwi lemmas
(stems: 아프, 쑤시; nouns as written: 무릎, 혈압약).

Everything that judges Korean speech reads it: emergency detection (`dialogue.safety.ko*`, P2)
and the role guard on every agent sentence (`dialogue.guard_ko*`, P3). One word added here (a
body part, a drug, a relative) is known to both; each module keeps only the sets that describe
its own shapes (what a cardiac pain is said with, what a promise of a visit looks like).

Sets, not phrases. Where a module needs a narrower or wider set it says so as set arithmetic on
these (`KIN | {"영감"}`), so the words themselves live here once.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A set of lemmas from a space-separated string."""
    return frozenset(text.split())


# -- people ----------------------------------------------------------------------------------
SELF_HUMBLE = words("저 제 저희")  # how the agent (존댓말 only) and a polite caller say I
SELF = SELF_HUMBLE | words("나 내")
# People in the caller's own home: what happens to them is happening here, now.
HOUSEHOLD = words(
    "남편 영감 할아버지 아내 집사람 마누라 할멈 바깥양반 그이 애아빠 애엄마 신랑 우리집 "
    "영감님 할배 할매"
)
# Children and grandchildren, the family one leaves behind or is a burden to.
KIN = words("애 애들 자식 아들 딸 손주 손자 손녀 며느리 사위 식구 가족")
# The person's family as the agent would name it (with honorific forms: 아드님, 따님).
FAMILY_PEOPLE = words(
    "자녀 자녀분 자식 아들 아드님 딸 따님 며느리 사위 남편 아내 부인 가족 손주 손자 손녀 "
    "형제 자매 친척 영감 할아버지 할머니 바깥양반 할아버님 할머님 남편분 부인분 시댁 처가 "
    "며느님 사위님 손자분 손녀분"
)
# Anyone else a caller may speak of: what happens to them is not happening to the caller.
OTHERS = words(
    "옆집 이웃 친구 동네 할머니 아줌마 아저씨 언니 동생 아들 딸 손자 손녀 손주 며느리 사위 "
    "형 오빠 누나 형님 조카 사촌 사람 사람들 노인 어르신 양반 친척 시누이 올케 동서 "
    "선생님 회장님 경로당 노인네 노인네들 아는 누구네 그분 그 사람 엄마 아버지 어머니 아빠 "
    "자식 애 애들 부모"
)
# Who calls at the door in a day (택배 기사, 검침원): not intruders.
VISITORS = words("택배 우체부 집배원 기사 검침원 복지사 요양보호사 통장 반장")
# Care roles: who may be told when an alert channel exists (the care worker and the agency) ...
CARE_WORKER = words(
    "담당 담당자 선생 선생님 복지사 사회복지사 생활지원사 지원사 센터 보건소 복지관 "
    "관리자 주민센터 행정복지센터 요양보호사 상담사"
)
# ... and everyone who could be sent, or would come (간호사가 갈 거예요).
STAFF = words(
    "간호사 선생님 선생 복지사 사회복지사 요양보호사 보호사 직원 봉사자 담당자 의사 사람 "
    "누구 누가 구급대원 도우미 상담사 팀 기사 방문간호사 생활지원사 지원사 관리사 분"
)
ADDRESS = words("어르신 할머니 할아버지 할머님 할아버님 어머님 아버님")  # how the agent calls them

# -- the body --------------------------------------------------------------------------------
# The outside of the body, as the agent or the person names where it hurts.
BODY = words(
    "무릎 허리 다리 팔 어깨 목 발목 손목 손가락 발가락 종아리 허벅지 엉덩이 등 배 "
    "손톱 발톱 잇몸 피부 손등 발등 눈 귀 코 입 입술 이 치아 "
    "가슴 머리 발 손 골반 관절 팔꿈치 상체 하체 몸 발뒤꿈치 뒤꿈치 발끝 허리춤 옆구리 고개 "
    "허벅지 장딴지 턱"
)
# Inside the body: organs and systems (a diagnosis names them: 심장이 약해지셨나 봐요).
ORGANS = words(
    "갑상선 심장 간 신장 콩팥 폐 위 장 혈관 뇌 신경 관절 뼈 연골 혈압 혈당 전립선 방광 자궁 "
    "췌장 대장 위장 기관지 허파 척추 디스크 근육 인대 힘줄 호르몬 면역"
)
CHEST = words("가슴 가심 심장 명치 흉부 가슴팍 앞가슴 가슴께 명치끝 가슴속 가슴뼈 염통")
BREATH = words("숨 숨소리 공기 숨쉬기 호흡 숨길 숨통 숨결 날숨 들숨 숨구멍 기도")
THROAT = words("목 목구멍 기도")
FACE = words("얼굴 입 입꼬리 눈꺼풀 입술 안면 볼")
LIMB = words("손가락 발가락 팔 다리 손 발 팔다리 몸 손발 반신 오른팔 왼팔 오른손 왼손 다리 한쪽")
HEAD = words("머리 뒷머리 뒷골 골")
EYES = words("눈 앞 시야 눈앞")
BONE = words("뼈 고관절 허리뼈 다리뼈 골반 팔목 손목 발목")
BELLY = words("배 아랫배 윗배 옆구리 복부 뱃속 배꼽")
BLOOD = words("피 혈 코피 출혈 피똥 혈변 하혈 토혈 각혈 선혈 핏물")

# -- symptoms and conditions -----------------------------------------------------------------
# Predicates a symptom is said with, after a body part or a function (무릎이 쑤셔요, 잠이 안
# 와요, 열이 나요, 숨이 차요, 속이 더부룩해요).
SIGNS = words(
    "아프 쑤시 결리 저리 쓰리 안 오 나 막히 차 가렵 붓 체하 어지럽 메스껍 더부룩하 뻐근하 "
    "시리 따갑 답답하"
)
# Symptoms named as nouns (멍, 붓기, 기침).
SYMPTOM_NOUNS = words(
    "멍 붓기 부기 혹 상처 피 열 기침 가래 콧물 두드러기 물집 딱지 염증 통증 쥐 저림 결림 "
    "어지럼증 어지러움 두통 쑤심 아픔 가려움 재채기 멍들"
)
STROKE_WORDS = words("중풍 뇌졸중 뇌경색 뇌출혈 풍 마비")
# Conditions a diagnosis names (the guard blocks naming them; a caller may say them).
DISEASES = words(
    "관절염 퇴행성관절염 류머티즘 류마티스 감기 몸살 독감 위염 장염 식중독 당뇨 당뇨병 고혈압 "
    "저혈압 빈혈 치매 우울증 불면증 폐렴 디스크 허리디스크 골다공증 근육통 신경통 오십견 "
    "협심증 심근경색 뇌졸중 중풍 뇌경색 식도염 역류성 변비 대상포진 방광염 백내장 녹내장 "
    "이명 편두통 두통 알레르기 비염 천식 통풍 노환 갱년기 탈수 열사병 일사병 냉방병 "
    "소화불량 체증 담 염증 결림 근육통 요통 좌골신경통 협착증 척추관협착증 노화 "
    "우울 건망증 치주염 결막염 구내염 기관지염 부정맥 빈혈기 몸살감기 코로나 "
    "위궤양 장염 과민성 하지정맥류 족저근막염 테니스엘보 건초염 손목터널증후군 "
    "수면무호흡 신부전 간염 폐질환 증후군 질환 증세 체하 체 "
    "노안 풍치 난청 이석증 안구건조증 근시 원시 치질 무좀 습진 두드러기 전립선비대증 요실금 "
    "빈뇨 야뇨 고지혈증 지방간 담석 신장결석 대장염 치은염 파킨슨 알츠하이머 섬망 "
    "공황장애 불안장애 저혈당 고혈당 갑상선기능저하증 갑상선염 동맥경화 혈전 부종"
)

# -- medicine --------------------------------------------------------------------------------
# Medicines that are swallowed: a caller who took too many (P2), a dose the agent may not change
# (P3). Words ending in 약 count too wherever the rules say so (혈압약, 감기약, 수면약).
DRUGS = words(
    "약 약물 처방약 알약 물약 가루약 혈압약 당뇨약 진통제 해열제 수면제 수면유도제 소화제 "
    "감기약 두통약 항생제 아스피린 타이레놀 안정제 신경안정제 진정제 항우울제 우울증약 "
    "치매약 관절약 관절염약 변비약 위장약 멀미약 이뇨제 혈전제 인슐린 진해거담제 소염제 "
    "소염진통제 진통소염제 마약"
)
SUPPLEMENTS = words(
    "영양제 비타민 비타민C 비타민D 유산균 홍삼 인삼 녹용 보약 공진단 한약 칼슘 철분 철분제 "
    "오메가 글루코사민 루테인 프로폴리스 마그네슘"
)
TOPICAL = words("파스 연고 안약")
PILL_CONTAINERS = words("알 약봉지 약봉투 약통 약병 약상자")
MEDICINE = DRUGS | SUPPLEMENTS | TOPICAL
# Words ending in 약 that are no medicine (예약, 절약).
MEDICINE_EXCLUDE = words("예약 절약 계약 조약 공약 언약 요약 기약 도약 비약 취약 허약 서약 집약")
