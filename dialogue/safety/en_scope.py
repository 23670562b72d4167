"""Concepts of scope for the English detector, in the format of `en_concepts`: time (long ago,
earlier today, now), resolution, hypotheticals, doubt, reports and stories, where someone is."""

from __future__ import annotations

# fmt: off
SCOPE: dict[str, str] = {
    "DISTANT": (
        "in the "
        "forties|fifties|sixties|seventies|eighties|nineties; in the "
        "1950s|1960s|1970s|1980s|1990s|50s|60s|70s|80s|90s; in the spring|summer|autumn; last "
        "week|month|year|winter|summer|spring|autumn|christmas|easter|time; week ago; weeks "
        "ago; month ago; months ago; year ago; years ago; a while ago; a while back; long time "
        "ago; long ago; used to; as a child; back in the day|days|war|old|olden|good|early|late|"
        "forties|fifties|sixties|seventies|eighties|nineties|1940s|1950s|1960s|1970s|1980s|1990s|"
        "40s|50s|60s|70s|80s|90s; back in those|them|19|20|nineteen; back in my|our "
        "day|days|youth|time|twenties|thirties|forties|fifties|teens; in the past; year back; "
        "years back; i once; once before; previously; a few years; in 19|20; few "
        "weeks|months back; the other week; the other month; last fall; the war; decade; decades; "
        "ages ago; ages back; yonks; winter|summer|spring|autumn|christmas|easter|birthday|season|"
        "term|harvest ago; at|over easter|christmas; the easter|christmas before last;"
        " donkey 's years; way back; long since; once; as a "
        "boy|girl|kid|lad|lass|youngster|teenager|child|baby; when i was; when i were; at school; "
        "in my twenties|thirties|forties|fifties|youth|teens; when we be "
        "young|younger|kids|children; years and years; when i be young|younger|little|small; when "
        "i be a child|kid|girl|boy; in "
        "january|february|march|april|may|june|july|august|september|october|november|december; "
        "last january|february|march|april|may|june|july|august|september|october|november|december"
    ),
    "RECENT": (
        "yesterday; last night; this morning; earlier; day ago; days ago; the other day; this "
        "afternoon; last evening; this year; over the weekend; at the weekend; last "
        "monday|tuesday|wednesday|thursday|friday|saturday|sunday; on "
        "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    ),
    "HERE": (
        "here; with me; next to me; beside me; in front of me; on the "
        "sofa|floor|bed|couch|ground|settee; in the "
        "kitchen|bathroom|garden|hall|bedroom|lounge|bath|toilet|loo; in the living room; "
        "outside; downstairs; upstairs; can not wake; lives with me; live with me"
    ),
    "REPORTED": (
        "across the road; over the road; down the road; across the street; over the street; in "
        "town; in the town centre; shopping centre; told me; telling me; said; heard; "
        "apparently; according to; in "
        "canada|australia|america|spain|france|scotland|wales|ireland|london; in the states; in "
        "new zealand; live in; lives in; living in; in hospital; recovering; recover; at the "
        "wedding|party|funeral|pub|club|dance|christening|church; rang me; phoned me; called me; "
        "they say; they said; she said; he said; told us; care home; nursing home; in a home; "
        "hospice; on our|the|my road|street|estate; in our|the "
        "street|road|close|area|estate|block; round here; around here"
    ),
    "STILL": "still; keep; again; right now; at the moment; currently",
    "ACUTE": (
        "now; right now; still; currently; at the moment; this minute; keep; keep on; happening; "
        "can not; will not; just; help; please; again; have fallen; have collapsed"
    ),
    "RESOLVED": (
        "cleared; cleared up; clear now; wore off; worn off; wear off; gone off now; right as "
        "rain; had a breather; got my breath back; come|came|got|get through it; pulled "
        "through; out the other side; seeing a specialist|consultant; under a "
        "specialist|consultant; fire brigade came|put|sorted; firemen came|put; the fire be out; "
        "healed; healed up; healing nicely; mended; go away; went away; fine now; ok now; okay "
        "now; alright now; all right now; better now; "
        "good now; fine; okay; ok; alright; all right; settle down; settle; recover; recovered; "
        "no harm done; nothing broken; turn out; turned out; it be nothing; over now; sort out; "
        "sorted; not anymore; no longer; doctor say it be fine; be fine; feel fine; ease; eased; "
        "subside; much better; fine since; "
        "nothing since; okay since; put out; go|went|been to the|a doctor|hospital|gp|clinic; "
        "see|saw the doctor; doctor check|checked me; it pass; that pass; pass off; behind me; "
        "over it; long gone; gone now; its passed|gone|stopped|settled|eased|better|fine; "
        "it|that|pain|ache|bleeding|dizziness|feeling|tightness be|have gone; it|that|pain have "
        "go; be gone now; it have stopped; sort|sorts|sorted it|that; inhaler "
        "help|helps|helped|work|works|sort|sorts; spray help|helps|helped|work|works; "
        "it|that|bleeding|pain|nosebleed stopped; it|that|bleeding|pain _ stopped; but it be "
        "wind|indigestion|heartburn|nothing|only|just|cramp|anxiety; but it be a panic attack; "
        "but it be trapped wind; turned out to be; turn out to be; it be only; over the worst; on"
        " the mend; getting better; fixed it; sorted it; the dentist|doctor fixed|sorted; not "
        "hurt myself; did not hurt; no harm; not injured; be not hurt; not hurt; the doctor "
        "know|knows|knew; doctor be aware; under the doctor; the doctor be aware; coming back now; "
        "come back now; "
        "then i remember|remembered|realise|realised|realize|realized; it come|came back to me"
    ),
    # what resolves a fall only ("the air won't go down" is no fall avoided)
    "RESOLVED_FALL": (
        "get up fine; got up; manage to get up; get back up; not fall; not go down; not hit the "
        "floor; caught myself; catch myself; managed to catch myself; grabbed the; grab the"
    ),
    "HYPO": (
        "if; what if; in case; one day; some day; someday; unless; whether; suppose; supposing; "
        "afraid of; scared of; worried about; worry about; fear of; risk of; prevent; avoid; "
        "careful not to; so i do not; signs of; symptoms of; sign of; symptom of; ask about; "
        "asked about; ask me about; talk about; talked about; test for; check for; screen for; "
        "terrified of; how to; what to do; what do i do; in an emergency; pretend; imagine; "
        "might; may; could; would; should; will; 'll; shall; wo; wonder; prone to; tend to; "
        "nightmare; dream; dreamt; dreamed; frightened of; petrified of; nervous about; anxious "
        "about; dread; worry that; worried that"
    ),
    "FUTURE": "one day; some day; someday; in future; in the future; when i be older; next time",
    "UNSURE": (
        "not know if; not sure if; not sure whether; wonder if; know if; not know whether; maybe;"
        " perhaps; not sure; might be; could be; worried i; afraid i; scared i; worried that; "
        "afraid that; fear i; i think it might"
    ),
    "IMMINENT": "going to; gonna; about to; go to",
    "MEDIA": (
        "that film|programme|program|show|movie|book|episode|documentary|drama|soap; "
        "book|film|movie|story|programme|novel|show 's|be about; the news; the radio said; the "
        "paper said; on the|tv|telly|television "
        "news|tv|telly|television|radio|show|internet; on tv; on the news; in the "
        "news|paper|papers|newspaper; drama; soap; documentary; episode; did you see the; in a|the "
        "film|movie|book|show|programme|program|story|novel|series|documentary|soap|play|episode; "
        "film|movie|show|programme|program|documentary|story|article|book|news about; read about; "
        "read that; hear about; heard about; saw on; see on; watch a|the "
        "film|movie|show|programme|documentary; the character; on facebook|youtube; a story; the "
        "story; soap opera; detective; on|in "
        "corrie|eastenders|emmerdale|neighbours|casualty|holby|coronation; the "
        "film|movie|book|novel|programme|play|soap; murder mystery; whodunnit; thriller; crime "
        "novel; programme|documentary|film|report|item|piece|feature on last night|the|about; "
        "there be a programme|documentary|film|report|item|piece|feature; "
        "book|film|movie|programme|program|show|story|novel|play|series|episode|documentary|soap|"
        "drama|serial where|wherein; book|film|movie|programme|program|show|story|novel|play|"
        "series|episode|documentary|soap|drama|serial in which"
    ),
}
# fmt: on
