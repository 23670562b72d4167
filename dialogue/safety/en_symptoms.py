"""Concepts of the body's emergencies (cardiac, breathing, stroke, fall, unconscious, bleeding)
for the English detector, in the format of `en_concepts`."""

from __future__ import annotations

# fmt: off
SYMPTOMS: dict[str, str] = {
    # --- cardiac ---
    "CHEST": (
        "chest; breastbone; sternum; rib cage; middle of my chest; centre of my chest; center of "
        "my chest; across my chest"
    ),
    "HEART": "heart; ticker",
    "PAIN": (
        "pain; painful; hurt; ache; aching; tight; tightness; tighten; pressure; squeeze; "
        "squeezing; crush; crushing; heavy; heaviness; stab; stabbing; agony; press; weight; "
        "band; vice; elephant; clench; grip; fist; not let go; hold; holding; clutch; clutching; "
        "grab; grabbing; kill; killing; agonising; agonizing; unbearable; sitting on; sit on; sat"
        " on; someone sitting on"
    ),
    "CRUSHING": (
        "crushing|crushed|squeezing|squeezy pain|pains|feeling; pain like a vice|weight|elephant"
    ),
    "LEFTARM": "left arm; jaw; down my arm; down my left arm",
    "VAGUE": (
        "funny; strange; weird; odd; off; uncomfortable; discomfort; sore; burn; burning; wrong; "
        "not right; flutter; fluttery; indigestion"
    ),
    "BEAT": (
        "race; racing; pound; pounding; flutter; skip; jump; irregular; thump; hammer; beat fast;"
        " all over the place; palpitation; playing up; play up; acting up; beating fast; beating "
        "so fast; racing away"
    ),
    "PALPITATION": (
        "palpitation; palpitations; heart flutter; heart flutters; fluttering in my chest; heart "
        "be all over the place; heart be skipping; heart keep skipping"
    ),
    "RADIATE": "spread; radiate; shoot; go down; run down; down my",
    "ARMJAW": "arm; jaw; shoulder; neck",
    "EXCITED": (
        "exciting; excited; excitement; won; win; raffle; bingo; lottery; nervous; thrill; "
        "thrilled; football; match; when i watch; when i see; in love; exercise; propose; "
        "proposed; when he|she|they; a beat when"
    ),
    "HEARTATTACK": (
        "heart attack; cardiac arrest; heart be stop; heart stop; hard attack; heart attach; "
        "heart attacks"
    ),
    "EMOTION": (
        "break; broken; miss; lonely; sad; grief; grieve; full; warm; go out to; bleed for; "
        "heartbroken; for him|her|them; to see; sink; sank; melt; love"
    ),
    "GIVE": (
        "give; nearly give; almost give; nearly have; almost have; when i "
        "see|saw|heard|hear|open|opened"
    ),
    # --- breathing ---
    "BREATH": "breathe; breath; breathing; air; oxygen",
    "SOB": (
        "short of breath; between breaths; shortness of breath; out of breath; breathless; winded; "
        "wheeze; wheezing; wheezy; puffed; stop|stopping for breath; can not finish a sentence; "
        "stop to catch my breath"
    ),
    "CHOKE": (
        "choke; choking; suffocate; suffocating; gasp; gasping; lip|lips|face|finger|fingers _ "
        "blue; lip|lips|face|finger|fingers _ _ blue; turn|turning|go|going|gone blue; asthma "
        "attack"
    ),
    "GASPIDIOM": (
        "for a; for tea|cuppa|coffee|drink|pint|fag|cigarette|smoke; up; about; back tears; on my "
        "words; in this|the heat; in here with the heat; in this weather"
    ),
    "LAUGH": "laugh; laughing; laughed; giggle; giggling; laughter",
    "BREATHBAD": (
        "bad; worse; heavy; labored; laboured; noisy; funny; strange; weird; shallow; fast; "
        "rattle; rattly; tight; not right"
    ),
    "BREATHIDIOM": (
        "word; neck; sigh; fresh; away; under; hold; nose; nostril; blocked; stuffy; bunged; cold"
    ),
    "NOSE": (
        "nose; nostril; nostrils; blocked; stuffy; bunged up; sinus; sinuses; hay fever; a cold; "
        "this cold; head cold; runny"
    ),
    "PALE": (
        "go|gone|going|turn|turned grey|gray|pale|white|ashen|clammy; grey and sweaty; "
        "sweat|sweating buckets; cold sweat; clammy"
    ),
    # --- stroke ---
    "FACE": "face; mouth; lip; cheek; smile",
    "DROOP": (
        "droop; drooping; droopy; sag; sagging; lopsided; crooked; slant; slanted; drop; "
        "paralyze; paralysed; paralyzed; frozen; uneven; twist; fall; numb; slip; one side; will "
        "not move; not move properly; frozen on one side"
    ),
    "LIMB": "arm; leg; hand; foot; side; finger",
    "LIMBIDIOM": (
        "from sitting; cross legged; sat on it; slept on it; lying on it; on my foot|feet; dead "
        "tired; dead beat; sleep; asleep; after the garden; cold; "
        "arthritis; my age; dead sore; sore; after the|a walk; after walking; tired; achy"
    ),
    "NUMB": (
        "numb; numbness; tingle; tingling; dead; no feeling; pins and needles; paralyze; "
        "paralysed; paralyzed; limp; useless; will not move; not move; not do what i; will not "
        "work; not work properly; no use; will not grip; not grip; all floppy; floppy; tingly; "
        "will not lift|work|move; not lift; lose _ feeling; lost all feeling; lost the feeling; "
        "no feeling in; flop; flopped"
    ),
    "WEAK": "weak; weakness; heavy; gave way; give way; went from under me",
    "SUDDENLY": "suddenly; all of a sudden; out of nowhere; just now",
    "SUDDEN": (
        "suddenly; all of a sudden; sudden; one side; left; right; just now; out of nowhere; can "
        "not"
    ),
    "ONESIDE": (
        "one side; left side; right side; half my body; half of my body; half my face; down one "
        "side"
    ),
    "GONE": "have|be gone; go|gone|went dead|numb|weak|funny|heavy; stopped working; not work",
    "NOWAFTER": "now; away; off; down",
    "MOVE": "move; lift; raise; use; feel; grip; hold; control",
    "SPEECH": "speech; word; talk; talking; speak; speaking; voice; tongue",
    "SLUR": (
        "slur; slurring; slurred; garbled; jumbled; muddled; mixed up; come out wrong; come out "
        "funny; come out strange; wrong word; thick; not make sense; not come out; not get the "
        "word|words out; not find the|my word|words; not get _ word|words out; funny; strange; "
        "weird; odd; wrong; not right; off; all over the place; not come; will not come"
    ),
    "SLURALONE": (
        "slur; slurring; slurred; garble; garbled; not get _ word|words out; not find the|my "
        "word|words; can not talk|speak properly|right|clearly|straight; not talk|speak "
        "properly|right|clearly|straight; talk|talking|speak|speaking nonsense|gibberish; not "
        "make sense; slurry; my word be slurry; slurred speech; talk|talking|speak|speaking "
        "rubbish; not making sense; not make any sense"
    ),
    "NOTUNDERSTAND": (
        "not understand what people|anyone|you|they be saying|say; not understand anything"
    ),
    "STROKE": "stroke; mini stroke",
    "STROKEIDIOM": (
        "of; patient; patients; unit; ward; survivor; survivors; club; group; victim; victims; "
        "nurse; clinic; the|my|his|her|a cat|dog|hair|beard|kitten|puppy|horse|pony|fur; "
        "the|a|my|his|her _ cat|dog; it gently"
    ),
    "BLIND": (
        "lose _ sight|vision; lose the sight|vision in; go blind; went blind; gone blind; "
        "suddenly blind; everything go black|dark; vision go; can not see out of; not see "
        "anything; can not see anything; blind in"
    ),
    "VISIONC": "blurry; blurred; double vision; see double; see two",
    "VISIONIDIOM": (
        "glasses; specs; spectacles; read; reading; cataract; cataracts; tired; small print; "
        "newspaper; the telly|tv"
    ),
    "HEADACHE": "headache; head pain; pain in my head; head be pound|pounding|split",
    "CANTSEE": (
        "can not see; see|seeing double; blurred|blurry vision; lose|lost _ vision; vision "
        "go|gone|went"
    ),
    "ANGINA": "angina; spray; gtn; nitro; glyceryl; heart spray; tablet under my tongue",
    "NOTHELP": (
        "not help; not helping; not helped; not work; not working; not worked; not touch; not "
        "touching; not shift; not shifting; no good; no use; nothing help"
    ),
    "SEVEREPAIN": (
        "terrible pain; awful pain; agony; agonising; agonizing; unbearable; excruciating; worst "
        "pain; in so much pain; in a lot of pain; in real pain; in terrible pain; pain be "
        "terrible|awful|unbearable|excruciating|dreadful; pain be really bad; pain be so bad; "
        "screaming in pain; can not bear the pain; crying with|in pain; doubled up"
    ),
    "SEVEREIDIOM": (
        "tooth; teeth; toothache; dentist; hip; knee; knees; back; arthritis; some days; tablets "
        "help; painkillers help; after my op; after the operation"
    ),
    "CANTBODY": (
        "can not move; can not feel; can not see; can not speak; can not talk properly; can not "
        "stand; can not walk; can not swallow; can not think; can not focus; can not lift; can "
        "not open my eye|eyes; can not keep my eyes open; can not hold; unable to "
        "move|speak|stand|walk"
    ),
    "UNWELL": (
        "feel terrible|awful|dreadful|horrendous|dreadfully ill; really ill; very ill; really "
        "unwell; very unwell; very poorly; really poorly; so poorly; so ill; feel like death; "
        "never felt this bad; worst i have ever felt; something be very wrong; something be "
        "really wrong; something be seriously wrong; in a bad way"
    ),
    "AMBULANCE": (
        "should i call|ring|phone an|the ambulance|999|911; do i need an ambulance; ambulance "
        "now|please; dial|ring|call 999|911|112; need a paramedic|paramedics; need to go to "
        "a&e|hospital; take me to hospital|a&e; should i call|ring|phone 999|911|112|an ambulance"
    ),
    "SCARED": (
        "i be scared; i be frightened; i be terrified; i be so scared; i be really scared; i be "
        "petrified; i be panicking; frightened to death; scared to death; i be in a panic"
    ),
    "SCAREDIDIOM": (
        "stiff; of; about; that; for; to; when; by; at; the; heights; spiders; dogs; mice"
    ),
    "CANTIDIOM": (
        "very; well; far; long; much; without; it; him; her; them; that; this; any; anymore; up "
        "the; the heat; the cold; the noise; the smell; the thought; the point; for; what; who; "
        "where; why; how; to; in this; cold; glasses; specs; dark; the telly|tv|screen; a thing; "
        "anything; the words; people; stand him|her|them|it|that|this; wait; straight; the; a; "
        "an; those; these; of; my own; up straight; up for long; for long"
    ),
    "CANTCLAUSE": (
        "cold; glasses; specs; dark; the point; the heat; far; anymore; these days; as well as; "
        "like i used to; as i used to; without my"
    ),
    "WORST": (
        "worst; sudden; thunderclap; explode; exploding; of my life; never have one like; out of "
        "nowhere; came on suddenly; come on suddenly; like a thunderclap"
    ),
    # --- fall ---
    "FALL": (
        "fall; fell; fallen; slip; trip; tumble; stumble; trip over; tripped over; slip and fall;"
        " take a tumble; have a tumble; fall over; fall down; leg|legs go|went|give|gave way|out;"
        " leg|legs just go|went; leg|legs buckle|buckled|collapse|collapsed; go|gone|went over on"
        " my ankle; go|gone|went down in|on the; went|go|gone flying; flying over; i went|go "
        "down; i have gone down; went down and; i keep going down; went|go|gone over "
        "in|on|and|backwards|sideways"
    ),
    "FALLNOW": (
        "have fallen; have fall; just fell; just fall; fallen over; fallen down; i fallen; i "
        "falled; i have fell; have have a "
        "fall; just have a fall; have take a fall"
    ),
    "FALLIDIOM": (
        "my words|tongue; his|her words; asleep; sleep; in love; apart; behind; for; through; "
        "short; out with; silent; quiet; "
        "ill; sick; pregnant; victim; prey; into; off the wagon; flat; into place; in line; back "
        "on; to pieces; to bits; laughing; about laughing; on hard times; on deaf ears; foul of; "
        "in with; out of favour|favor; off the back of; to the "
        "shop|shops|pub|road|village|post|town|doctor|surgery|beach|club|church|market|chemist|"
        "bank|station|garden|allotment|library|sea|coast; to town; the road; the street; the "
        "shops; the pub; to see; to visit"
    ),
    "FALLSEASON": "this fall; last fall; next fall; the fall; in the fall; in fall; autumn",
    "FALLAFTER": "after my|her|his|the fall; since my|her|his|the fall; before my|her|his fall",
    "SERIOUS": (
        "can not get up; can not move; can not stand; can not walk; on the floor; on the ground; "
        "hip; head; break; broke; broken; bleed; bleeding; blood; stair; stairs; hurt myself; "
        "hurt; still there; can not reach; can not get out; lie; lying; stuck; bad fall; nasty "
        "fall; wrist; still on the floor; on the _ floor"
    ),
    "INJURY": (
        "break|broke|broken my hip|leg|arm|wrist|ankle|neck|back|shoulder; can not put any weight"
        " on; can not bear weight; can not put weight on; "
        "hip|leg|arm|wrist|ankle|shoulder|neck|collarbone|rib|ribs be broken"
    ),
    "GETUP": (
        "can not get up; can not stand up; can not get off the floor; can not get back up; can "
        "not get myself up; unable to get up; not get up; stuck on the floor; stuck on the "
        "ground; can not get out of the bath|bathtub|tub; trapped; can not reach the phone; "
        "wake|woke|come|came up|round|to on the floor|ground; wake|woke|come|came up|round|to on "
        "the _ floor; come|came round on the floor|ground; come|came round on the _ floor; "
        "lie|lying|stuck on the floor|ground; lie|lying|stuck on the _ floor|ground; stuck in the"
        " bath|bathroom|toilet|loo|shower; can not get out of the "
        "bathroom|toilet|loo|shower|bath; lie|lying|stuck in the "
        "hall|hallway|bathroom|kitchen|garden|bath|passage|landing|bedroom|toilet; be lying|stuck"
        " in the hall|hallway|bathroom|kitchen|garden|bath|passage|landing|bedroom|toilet; "
        "lie|lying at the bottom of the stairs; at the bottom of the stairs and"
    ),
    "ONFLOOR": (
        "be on the floor|ground; be on the _ floor|ground; be sat|sitting on the floor|ground; be"
        " still on the floor|ground; be still on the _ floor|ground; still on the floor|ground; "
        "still on the _ floor; be on the lino|carpet|rug|tiles; be here on the "
        "floor|lino|carpet|ground; be here on the _ floor; on the lino|carpet|rug|tiles for"
    ),
    "FLOORBAD": (
        "can not; stuck; hours; all night; since; help; hurt; ages; fall; fell; fallen; since "
        "last night|yesterday|this morning; for hours; can not get up; unable; leg|legs will not "
        "work|move; not work; will not move; still; how long; so cold; freezing"
    ),
    "FLOORIDIOM": (
        "play; playing; with the; doing; sorting; looking; cleaning; to; weeding; grandchildren; "
        "grandkids; kids; dog; cat; puzzle; jigsaw; exercises; yoga; stretching"
    ),
    "CHRONIC": (
        "when i carry|lift|hoover|do; i only get; only when i; when he|she|i be "
        "stressed|anxious|worried|upset|nervous|excited; in the winter; in "
        "winter; nothing new; normal for me; always have been; sometimes; "
        "usually; always; every winter; now and then; now and again; from time to time; these "
        "days; for years; all my life; since i was; most days; of a morning; when it be cold; in "
        "the cold; whenever; every time; when i walk|climb|exercise|bend; when i go up|walk up; i "
        "=get; i tend to =get; dementia; alzheimers; alzheimer; memory problems; =gets; he|she "
        "=gets"
    ),
    "GETUPIDIOM": (
        "early; morning; before; in time; the stair; the stairs; the hill; the courage; the "
        "energy; straight; for long; very long; long; up straight"
    ),
    "HEADHIT": (
        "hit|bang|bash|smack|crack|knock my head; hit|bang|bash|smack my head on; head injury; "
        "bleeding from my head; cut my head"
    ),
    "HEADBUMP": "bump my head",
    # --- unconscious ---
    "FAINT": (
        "just come|came round; have come round; only just come|came round; pass out; black out; "
        "blacked out; fainted; fainting; i faint; collapse; lose "
        "consciousness; lost consciousness; knock out; unconscious; unresponsive; keel over; i "
        "come|came round; come|came round on|in the|my; come|came round to find; out cold; "
        "have|having|had a fit; seizure; seizures; fitting; convulsing; "
        "convulsion; convulsions; keel|keeled|keeling over; go|gone|went floppy and; how long i "
        "be out; how long i was out; go|gone|went all floppy; floppy; have|had a blackout; "
        "have|had a funny turn; have|had a fainting spell|fit; blackout"
    ),
    "FAINTIDIOM": (
        "later; tomorrow; tonight; next week; at the weekend; for tea|dinner|lunch|cuppa|chat; for "
        "a cuppa|chat; smell; sound; hope; memory; idea; light; voice; line; heart; praise; "
        "chance; the leaflet|leaflets|flyer|flyers|cookie|cookies|card|cards; of the; market; "
        "building; tent; roof; curtain; curtains; from the|my school|college|army|academy; blind; "
        "with laughter; with laughing; laughing; in laughter; into laughter; into giggles; in a "
        "heap; power; electric; electricity; blinds; in the area; last night in; when i saw; when "
        "i see; to "
        "help|see|visit|fix|do|check|have|tea|dinner|lunch|pick|drop|cut|mow|sort|take|collect|fetch|drive|bring|give|make|cook|clean|sit|stay"
    ),
    "NOWAKE": (
        "not wake up; not wake; can not wake; not respond; not responding; not breathe; not "
        "breathing; not move; not moving; no pulse; turn|turning blue; not come round; not come "
        "to; not answer|answering|respond|responding me; will not answer; not answer me; "
        "stop|stopped breathing; stop breathing"
    ),
    "NOWAKEOBJ": (
        "can not wake|rouse him|her|them|my|mum|mom|dad; can not get him|her|them up; can not get"
        " a response; not responding; not get a response; can not get any sense out of "
        "him|her|them; not get any sense out of him|her|them; not get a word out of him|her; "
        "find|found him|her|my _ on the floor|ground; find|found him|her on the floor|ground; "
        "find|found him|her|my _ collapsed|unconscious"
    ),
    "FEELFAINT": (
        "swimmy; gone all swimmy; went all swimmy; feel faint; go|going|gone|went faint; "
        "go|going|gone|went all faint; room|everything "
        "go|goes|went|going dark|black; feel _ faint; lightheaded; light headed; woozy; dizzy; "
        "vertigo; room be spinning; room be spin; everything be spin|spinning; nearly faint; "
        "almost faint; come over all peculiar|funny|strange|queer; come|coming|came over "
        "faint|dizzy|funny|queer|peculiar|strange; come|coming|came over all faint|funny|dizzy; "
        "can barely|hardly stand; head be spinning; head be spin; everything be spinning; can not"
        " stay awake; keep falling asleep and; can not walk straight; room be tilting; room be "
        "tilt; room be moving; walk|walking like i be drunk; can hardly|barely stay awake; feel "
        "like i be go to faint|collapse; feel like i be go to pass out; about to faint|collapse; "
        "about to pass out; go to faint|collapse; go to pass out; gonna faint|collapse; gonna "
        "pass out"
    ),
    # --- bleeding ---
    "BLEED": (
        "bleed; bleeding; blood; bloody; haemorrhage; hemorrhage; nosebleed; nose bleed; claret; "
        "cut myself; gash; gashed; cut my head|arm|leg|hand|wrist; slice|sliced _ open; sliced "
        "open; cut _ open; slice|sliced my"
    ),
    "BLOODIDIOM": (
        "take|took|taking|taken _ blood; take|took|taking|taken blood; blood taken|drawn|done|"
        "test|tests; bloods; nurse; blood test; sample;"
        " donate; donating; cat; dog; bird; mouse; rabbit; fox; meat; steak; film; tv; telly; "
        "money; cash; pounds; me dry; us dry; bleed _ dry; radiator; radiators"
    ),
    "HEAVY": (
        "lot; lots; heavily; heavy; badly; bad; much; everywhere; pour; pouring; gush; gushing; "
        "spurt; spurting; not stop; soak; soaked; pool; all over; fast; profusely; will not stop;"
        " keep bleeding; can not stop; deep; keep coming; keep going; hour; hours; for ages; "
        "through everything; not get it to stop; not stop it; alot; towel; towels; tea towel; "
        "cloth; tissues; through the|a bandage; will not clot; not clot; stuck pig; like a tap; "
        "like mad; pumping; pump; gushing out"
    ),
    "BLEEDSITE": (
        "from the head; from my|his|her head|mouth|ear|ears|eye|eyes|bottom|nose; from my|his|her"
        " back passage; out of my|his|her ear|ears|nose|mouth|head; from his|her|my ears"
    ),
    "BLOODMOD": (
        "pressure; sugar; test; work; count; thinner; thinners; level; levels; donation; donor; "
        "type; bank; orange; drive; vessel; sample; cell; cells; transfusion; result; results; "
        "heart; relative; relation; brother; cold; boil; boiling; out of a stone; from a stone"
    ),
    "VOMITBLOOD": (
        "cough|coughing up blood; vomit|vomiting blood; throw|throwing up blood; spit|spitting "
        "up|out blood; blood in my vomit|sick; be sick blood; cough up blood; bring up blood; "
        "coffee grounds; like coffee grounds"
    ),
    "VOMIT": (
        "cough|coughing|coughed up; cough|coughing; vomit|vomiting|vomited; throw|throwing|threw "
        "up; spit|spitting|spat; bring|bringing|brought up; be sick; being sick"
    ),
    "BLOODINC": (
        "blood in my urine|stool|stools|pee|poo|wee|poop; black stool|stools; "
        "stool|stools|poo|poop be black|tarry; tarry; blood when i pee|wee|poo|go"
    ),
    "MINORSITE": (
        "spot of blood; drop of blood; speck of blood; nick; nicked; scratch; scratched; graze;"
        " grazed; gum; gums; lip; finger; shaving; paper cut; scratch; nose"
    ),
}
# fmt: on
