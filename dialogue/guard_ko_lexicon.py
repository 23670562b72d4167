"""Lexicons for the Korean role guard (`dialogue.guard_ko`), over Kiwi lemmas (stems: 뵈, 드시).

Sets of concepts, not phrases: `guard_ko` combines them with the shape of the sentence (who
acts — the agent, whose verbs never carry the honorific 시, or the person, whose verbs do; a
promise, an instruction, a question) so that wordings nobody listed are still caught. The body,
symptoms, medicine and people come from the one Korean lexicon that emergency detection reads
too (`dialogue.analysis.ko_lexicon`); what is here is how a role violation is said with them.
"""

from __future__ import annotations

# Re-exported: the guard modules read them from here.
from dialogue.analysis.ko_lexicon import (  # noqa: F401
    ADDRESS,
    BODY,
    CARE_WORKER,
    DISEASES,
    FAMILY_PEOPLE,
    MEDICINE,
    ORGANS,
    SELF_HUMBLE,
    STAFF,
)
from dialogue.analysis.ko_lexicon import words as _set

# -- who is speaking of whom -----------------------------------------------------------------
SELF = SELF_HUMBLE  # the agent speaks 존댓말 only: 저, 제, 저희
# Honorific verbs: the person is the one who eats, sleeps, is (드시다 …); Kiwi reads 드세요 as
# the adjective 드세 at times.
HONORIFIC_VERBS = _set("드시 드세 계시 주무시 잡수 잡수시 편찮 돌아가시 여쭈")

# -- visit / action ----------------------------------------------------------------------------
VISIT = _set(
    "찾아가 찾아오 찾아뵈 찾아뵙 뵈 뵙 방문 들르 들리 왕진 출동 도착 모시 데리 가 오 가져가 가져오 "
    "갖다주 데려가 데려오 출발 들여다보 달려가 달려오"
)
VISIT_STRONG = _set(
    "찾아가 찾아오 찾아뵈 찾아뵙 방문 들르 왕진 출동 도착 가져가 가져오 갖다주 데려가 데려오 출발 "
    "들여다보 달려가 달려오"
)
# Bringing things: 가져다 드릴게요, 갖다 드릴게요, 사다 드릴게요.
FETCH = _set("가지 갖 사 챙기 배달")
PLACES = _set("댁 집 그쪽 거기 그곳 댁내 문앞 현관 대문")
SEND = _set("보내 파견")
# Things only a person with hands and a phone line to others can do.
ACTION = _set(
    "부르 신고 예약 접수 신청 주문 배달 처리 해결 등록 잡 연결 호출 가져다주 갖다주 사다 "
    "사 챙기 구하 알아보 구해 드리"
)
TELL = _set(
    "연락 전화 알리 전달 보고 말씀드리 전하 통보 문자 메시지 얘기 이야기 말하 부탁 요청 말씀하 "
    "남기 여쭈 여쭙 신고 말 걸 말씀 여쭤보 물어보"
)
RECIPIENT_JKB = _set("께 에게 한테 에 께서")

# -- medicine ------------------------------------------------------------------------------------
DIAGNOSIS_NOUNS = _set("증상 현상 탓 때문 징후 신호 초기 후유증")
SYMPTOM_VERBS = _set("체하 뭉치 결리 삐 붓 염증")
NAMED_DRUGS = MEDICINE - _set("약 약물 처방약 혈압약 당뇨약 치매약 관절약 관절염약 우울증약")
DOSE_UNITS = _set(
    "알 정 캡슐 포 봉지 봉 mg 밀리 밀리그램 ml 숟가락 숟갈 한숟갈 스푼 첩 방울 그램 g 개 "
    "치 번 회 잔"
)
DOUBLE = _set("한꺼번에 두배 배 곱절 몰아서 한번에 같이 추가")
TAKE = _set("드시 드세 먹 복용 삼키 드리 투여 바르 붙이 넣 맞")
CHANGE = _set("끊 중단 그만 줄이 늘리 바꾸 건너뛰 거르 빼먹 빼 쉬 조절 줄 늘")
FOOD = _set(
    "밥 식사 진지 물 음식 반찬 국 죽 과일 간식 차 우유 끼니 한술 채소 고기 "
    "술 담배 커피 국물 야채 생선"
)

# -- treatment -------------------------------------------------------------------------------
TREATMENTS = _set(
    "찜질 냉찜질 온찜질 얼음찜질 파스 마사지 안마 주무르 스트레칭 스쿼트 팔굽혀펴기 "
    "윗몸일으키기 족욕 반신욕 좌욕 가글 물수건 찜질팩 얼음팩 붕대 온열 수건 헹구 담그 "
    "연고 침 뜸 부항 지압 체조 근력 근력운동 핫팩 "
    "얼음 찜 온수 냉수 소금물 식염수 쑥뜸 아이싱 냉온찜질 문지르 두드리 누르 흔들 "
    "런지 플랭크 맨손체조 요가 필라테스 물리치료 "
    "운동 걷기 걷 달리 뛰 줄넘기 계단오르기 문질러 베개 찬물 더운물 따뜻한물 소금"
)
COUNTS = _set("번 회 개 분 세트 바퀴 시간 걸음 초 층")

# -- meeting / world / human / seeing ---------------------------------------------------------
TOGETHER = _set("같이 함께 둘 우리")
MEET = _set("만나 뵈 뵙 모이 놀")
WEATHER = _set(
    "날씨 날 맑 흐리 덥 무덥 춥 쌀쌀 선선 후텁지근 쌀쌀하 서늘 포근 화창 습하 눅눅 건조하 "
    "기온 온도 미세먼지 먼지 황사 폭염 장마 태풍 한파 소나기 눈 비 바람 햇볕 햇살 더위 추위 "
    "무더위 꽃샘추위 일교차 단풍 꽃 봄 여름 가을 겨울 계절 봄날 봄바람 장맛비 폭설 "
    "찜통 불볕 서리 안개 벚꽃 낙엽 하늘 구름 폭우 호우 건조 따뜻 시원 얼 꽁꽁 해 일교차 "
    "천둥 번개 우박 무지개 개나리 진달래 매미 첫눈 눈발 빗길 빙판 비소식 눈소식 예보 일기예보 "
    "강수 주의보 경보"
)
# Words that are weather only beside a verb of falling or blowing (눈이 와요, 비가 내려요).
WEATHER_FALL = _set("눈 비 바람 소나기 안개 서리")
FALL_VERBS = _set("오 와 내리 불 끼 쏟아지 그치 멎 많 그치")
WEATHER_WEAK = _set("날 눈 비 바람 꽃 하늘 구름 따뜻 시원 건조 건조하 찜 맑 흐리 얼 해 꽁꽁 하")
# Nouns that make a weak word about the weather (밖이 얼었어요, 하늘이 맑네요).
OUTSIDE = _set("날씨 하늘 밖 바깥 날 바람 공기 길 거리 아침저녁 요즘 오늘 밤 낮")
NEWS = _set(
    "뉴스 신문 기사 방송 보도 속보 티비 텔레비전 인터넷 라디오 유튜브 "
    "세상 코로나 확진 확진자 유행 선거 대통령 국회 물가 주가 지진 홍수 산불 사고소식 화재 "
    "채소값 기름값 집값 전기요금 가스요금 환율 올림픽 월드컵"
)
TIMES = _set(
    "월요일 화요일 수요일 목요일 금요일 토요일 일요일 주말 명절 추석 설 설날 크리스마스 "
    "성탄절 어버이날 새해 연말 연휴 공휴일 광복절 한가위 정월 보름 대보름 동지 초복 중복 "
    "말복 복날 입춘 입추 절기"
)
FAMILY = _set(
    "어머니 아버지 엄마 아빠 부모님 부모 할머니 할아버지 가족 남편 아내 아들 딸 동생 형 누나 "
    "오빠 언니 친구 집 고향 강아지 고양이 몸 허리 무릎 다리 어깨 학교 회사 취미 손주 "
    "조카 애 아이 애들 아이들 자식 이모 삼촌 고모 외할머니 외할아버지 친척 남자친구 "
    "여자친구 배 머리 얼굴 어린 시절 어릴 동네 방 아파트 마당 텃밭 개 반려견 할매 할배 "
    "시어머니 장모님 장인어른 와이프 신랑 손자 손녀 아침잠 잠버릇 입맛 식성 체질 성격 몸무게 "
    "키 단골"
)
EXPERIENCE = _set(
    "먹 마시 자 잠들 다녀오 다녀가 가 갔다오 보 만나 사 살 산책 운동 여행 아프 피곤 피곤하 졸리 "
    "배고프 배부르 춥 덥 좋아하 싫어하 키우 태어나 결혼 일하 출근 퇴근 놀 등산 수영 요리 "
    "요리하 쉬 감기 걸리 다치 늙 크 자라 씻 입 이사 구경 외출 낮잠 잠 드 해 먹어 봤"
)
HUMAN_ONLY = _set(
    "다녀오 산책 운동 여행 등산 수영 외출 낮잠 출근 퇴근 요리 구경 걷 자 놀 굽 먹 마시 잠들 씻"
)
LOOKS = _set(
    "안색 얼굴 표정 혈색 모습 피부 옷 얼굴빛 낯빛 눈빛 헤어스타일 옷차림 눈가 입술 살 방 "
    "집안 거실 머리카락 주름 체중 찻잔 스웨터 모자 안경 바지 치마 신발 목도리 셔츠 잠옷 "
    "머리스타일 화장"
)
SUITS = _set(
    "어울리 예쁘 멋지 멋있 고우 곱 젊어 보기좋 창백 핼쑥 수척 야위 부었 붓 깔끔 정돈 지저분 어수선 "
    "말끔 단정 가득"
)

# -- memory ------------------------------------------------------------------------------------
# "Last time": always an earlier call. Dates: an earlier call unless inside what the person
# is quoted as saying in this call (지난주에 약이 바뀌었다고 하셨는데).
LAST_CALL = _set("지난번 저번 전번 지난통화 저번통화 지난번통화 지지난번")
EARLIER = _set(
    "지난주 지지난주 지난달 예전 어제 그저께 그제 엊그제 지난날 전 어젯밤 지난밤 "
    "월요일 화요일 수요일 목요일 금요일 토요일 일요일 주말 작년 며칠"
)
MEMORY_GENERIC = _set(
    "지난번 저번 번 지난 지난주 지난달 말씀 하 시 얘기 이야기 기억 통화 전 어제 그때 예전 말 "
    "그러 그렇 있 되 좀 어떻 요즘 지금 오늘 때 것 거 수 어르신 저 제 분 나 이 그 "
    "하시 드리 주 보 같 않 안 잘 많이 또 다시 여쭈 묻 듣 알"
)

# -- intrusive / advertising / impolite -------------------------------------------------------
MONEY = _set(
    "짜리 명의 등기 소유 연금 용돈 월급 수입 재산 돈 통장 저축 적금 예금 빚 대출 생활비 "
    "집값 월세 전세 보험료 "
    "수급비 기초연금 국민연금 소득 재정 비밀번호 계좌 카드 부동산 유산 상속 땅 자산 벌이 "
    "물려주 물려받 자가 빌라 아파트값 시세 재테크 주식 보험금 벌 버 수익 연봉 봉급"
)
AGE = _set("연세 나이 춘추 몇 살 띠 생년 태어나 년생 생년월일 연령")
RELATIONS = _set("사이 관계 불화 이혼 별거 재혼 다투 싸우 갈등 의절 헤어지 사이좋 따로")
PRIVATE = _set("직업 직장 종교 교회 성당 정당 투표 지지 학력 전공 이혼 대통령 선거 찍")
ADS = _set(
    "반값 반값행사 초특가 떨이 땡처리 "
    "제품 상품 신제품 할인 특가 쿠폰 구매 구입 판매 광고 홍보 출시 구독 이벤트 홈쇼핑 "
    "브랜드 가성비 저렴 적립 포인트 사은품 무료체험 체험단 정가 최저가 회원가입 프로모션 "
    "세일 판촉 매장 쇼핑몰 공동구매 가격 팔 싸 제휴 앱 배송 첫주문 1+1 최신형 성능 팔리 "
    "배송비 인기상품 잘나가 건강식품 건강기능식품 저희제품 협찬 대박"
)
RUDE = _set(
    "노인네 할망구 늙은이 영감탱이 꼰대 바보 멍청 멍청이 닥치 한심 한심하 어이 그만좀 "
    "너 니 당신 네 노망 주책 주책바가지 귀머거리 틀딱 쓸데없이 쓸데없"
)
CONDESCEND = _set("귀찮 짜증 답답 착하 기특 한심 시끄럽 지겹 지긋지긋")
PLAIN_IC = _set("그래 응 어 야 아니 맞아 그치 됐 뭐 왜 그럼 글쎄 그렇지 옳지 자 아냐 엉")
POLITE_EF = _set("습니다 ᆸ니다 습니까 ᆸ니까 죠 지요 시오 으시오 소서 오 ᆸ시오 으십시오 십시오")
# Endings that are plain but, after the honorific 시, read as the agent's own reaction
# (아, 식사하셨구나) rather than as speaking down.
HONORIFIC_OK_EF = _set("구나 군 는구나 네")
# Harm words that, denied, reassure (해롭지 않아요, 위험하지 않아요, 아무것도 아니에요).
HARM = _set(
    "해롭 위험 위험하 심각 심각하 큰일 지장 이상 탈 아무것 대단 큰병 별거 별것 별일 "
    "별문제 문제 아무렇"
)
GOOD_FOR = _set("좋 최고 제일 최선 낫 효과 직방 그만")
POSTURE = _set(
    "올리 눕 앉 서 주무시 자 누우 엎드리 기대 베 걷 뛰 운동 걷기 산책 오르 굽히 구부리 펴 돌리 "
    "당기 들 비틀 주무르 누르 흔들 세우 오르내리 올라가 내려가 달리 뛰어다니 체조 스트레칭 "
    "맨손체조 줄넘기 팔굽혀펴기 앉았다일어나"
)
MOVES = _set(
    "굽히 구부리 펴 돌리 당기 올리 들 비틀 주무르 누르 흔들 젖히 숙이 세우 얹 대 감 두르 문지르 뻗 "
    "엎드리 감싸 깔 헹구 담그 내리 까딱"
)
DURATION = _set("동안 내내 씩 적어도 최소 최소한 매일 하루 매번 틈틈이")
# What only hands can do for someone (-어 드릴게요): the agent can talk, nothing else.
PHYSICAL = _set(
    "누르 초인종 옮기 치우 청소 고치 수리 요리 데려다주 데려다 태우 씻기 업 안 빨래 설거지 "
    "장보 운전 "
    "만들 끓이 차리 정리 배달 심부름 붙이 바르 닦 씻 깎 자르 넣 꽂 켜 끄 잠그 열"
)
# Speech the agent can give on the telephone (-어 드릴게요 is fine with these).
SPEECH = _set(
    "말씀 말하 안내 설명 알리 전하 전달 여쭈 여쭙 묻 듣 기억 읽 이야기 얘기 통화 전화 연락 "
    "정리 도와주 돕 적 기록 남기 메모 응원 축하 칭찬 위로 노래 확인 물어보 생각 찾아보 추천 "
    "소개 대답 답"
)
AI_WORDS = _set("AI 인공지능 기계 로봇 프로그램 컴퓨터 전화 통화 목소리 상담원 도우미")
PRODUCTS = _set(
    "베개 효도폰 휴대폰 스마트폰 보행기 전동차 안마기 안마의자 보청기 정수기 공기청정기 상조 "
    "보험 홍삼 정과 선물세트 건강식품 흑염소 "
    "녹용 의료기기 온열기 전기매트 돌침대 보조제 즙 진액 제품 상품"
)
PRAISE = _set(
    "좋 인기 추천 최고 강추 대박 유명 잘나가 괜찮 효과 든든 유용 편리 저렴 싸 든든하 편리하 "
    "저렴하 유용하 알뜰하 이득"
)
