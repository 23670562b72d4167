"""The English red-flag fallback: broad concepts, each pair a critical sign, that raise at most a
`check` when no precise rule fired (`dialogue.safety.en` runs them through the same scope).

The rules in `en_lexicon` name what an emergency is; these name what it is *about* (the chest,
breath, blood, the floor, pills, a goodbye, home, smoke, a stranger, food, help) next to any
word of trouble, written from how older people say it ("like a band round my chest",
"breathing through a straw", "my legs gave way", "it's pouring out"), with the common ASR
slips ("chess pain", "hart", "cant breath"). Negation, past, someone not here, hypotheticals,
stories and questions are judged as for every rule; the agent then asks one direct question.
"""

from __future__ import annotations

from dialogue.safety.en_lexicon import Rule
from dialogue.safety.en_redflags_body import BODY_FLAGS, REDFLAG_BODY
from dialogue.safety.en_wordings import ASR_MORE

# fmt: off
REDFLAG: dict[str, str] = {
    "RF_CHEST": (
        "chest; front of me; across me; heart; hart; ticker; breastbone; breast bone; rib; ribs; "
        "middle of me|my; left arm; sternum"
    ),
    "RF_HURT": (
        "pain; worse; terrible; awful; horrible; ache; aching; hurt; sore; tight; tightness; "
        "tighten; pressure; press; pressing; squeeze; squeezing; band; weight; heavy; heaviness; "
        "crush; crushing; grip; gripping; vice; elephant; burn; burning; stab; stabbing; funny; "
        "strange; wrong; race; racing; pound; pounding; thump; thumping; flutter; fluttering; "
        "skip; skipping; hammer; hammering; bang; banging; clappers; jump; jumping; all over the "
        "place; something sitting; sitting on; twinge; throb; throbbing; agony"
    ),
    "RF_BREATH": "breath; breathe; breathing; breathless; air; lung; lungs; puff; puffing",
    "RF_HARDAIR": (
        "straw; gulp; gulping; trying to; try to; noise; noisy; rasp; rasping; gone wrong; all "
        "wrong; gone funny; go funny; strange; struggle; struggling; fight; fighting; gasp; "
        "gasping; pant; panting; drown; drowning; hard; short; tight; wheeze; wheezing; "
        "rattle; rattling; not enough; not get; not catch; labour; heave; heaving; suffocate; "
        "suffocating; smother; smothering; choke; choking; blue; like a train; hands round my "
        "throat; no air; won't go in"
    ),
    "RF_BLOOD": "blood; bleed; bleeding; bled; claret; artery; vein",
    "RF_LOTS": (
        "lot; lots; everywhere; loads; pool; puddle; soak; soaked; soaking; pour; pouring; "
        "gush; gushing; pump; pumping; not stop; wo not stop; keep; still; all over; so much; "
        "covered; drip; dripping; run; running; stream; streaming; spurt; spurting; bowl; "
        "full; bring up; bringing up; cough up; coughing up; hour; hours"
    ),
    "RF_GUSH": (
        "pour out; pouring out; gushing out; pour out|out of|from; pouring out|out of|from; "
        "gush out|from; gushing out|from; pump out; pumping out; spurt; spurting; squirt; "
        "squirting; spraying out; pissing out"
    ),
    "RF_FELL": (
        "on my back|side|front in|on the; slid|slip|slipped|slide off; on the _ floor; legs went; "
        "old legs went; legs give|gave way; legs go|went from under me; legs buckle|buckled; "
        "go|went down like a sack|ton; take|took a tumble; take|took a fall; have|had a fall; keel "
        "over; keeled over; go|went flying; go|went headlong; hit the deck; come|came a cropper; "
        "on the floor|ground|carpet|lino|rug; at the bottom of the stairs; go|went down; fall; fell"
    ),
    "RF_STUCK": (
        "can not get up; can not get back up; can not get meself|myself up; can not lift "
        "myself|meself; can not get off the floor|ground|carpet; been here since; been lying "
        "here; can not get to the phone; can not reach the phone; can not shift; can not "
        "budge; wedged; trapped"
    ),
    "RF_STUCKW": (
        "can not roll|turn over; can not sit up; wedged; trapped; can not shift; can not budge; "
        "stuck; can not move; can not stand; can not get off; for hours; all night; since last "
        "night; hip have go; hip's gone; can not put weight; can not put any weight; can not get; "
        "can not lift"
    ),
    "RF_FAINT": (
        "drift|drifting in and out; in and out of it; pass out; passing out; black "
        "out; blacking out; out like a light; keel over; keeling over; come over all "
        "faint|funny|queer|peculiar; came to on|in|and; come to on; go out cold; woke|wake up on "
        "the floor|lino|carpet|ground|rug; woke|wake up on the _ floor; come|came round on; conk "
        "out; conked out; flake out; flaked out; swoon; everything go|going grey|gray|dark|black; "
        "room spin|spinning; go all woozy; woozy; lose consciousness; knocked out; slump; slumped; "
        "can not rouse; not rouse; not come round"
    ),
    "RF_PILLS": (
        "pill; pills; tablet; tablets; medicine; medication; meds; capsule; capsules; "
        "paracetamol; painkiller; painkillers; insulin; dose; sleeping"
    ),
    "RF_MANY": (
        "too many; too much; to many; way too many; all; whole; handful; lot; lots; double; "
        "doubled; doubled up; twice; three times; extra; lost count; bottle; box; packet; strip; "
        "swallowed|swallow one|some; got into; get into; overdone; overdid; overdo; fifteen; "
        "twenty; thirty; a dozen; dozens; about ten|twelve|fifteen|twenty; again and again; over "
        "and over; something silly|stupid|daft; eaten some; ate some; by mistake; overdid"
    ),
    "RF_ENDING": (
        "not going to be here|around; got it all planned|worked out; have it all planned; goodbye "
        "letter; goodbye letters; goodbye note; letter|letters|note for my "
        "family|children|son|daughter; end it; end it all; ending it; finish it; finish it all; "
        "rope; noose; better off dead; better off without me; not want to be here; no point "
        "go|going on; take my own life; and not wake up; hope i do|would not wake up; "
        "wish i do|would not wake up; rather not wake up; if i do|would not wake up; would not "
        "wake up; never wake up; go and be with; join my wife|husband; made up "
        "my mind; say goodbye; saying goodbye; jump off; saving my pills|tablets; save my "
        "pills|tablets; can not go on; can not take any more; can not carry on; better off gone; "
        "better off out of it; no reason to live; affairs in order; not be here tomorrow; not be "
        "here much longer; not be here by morning; walk into the sea|river|traffic; in front of a "
        "train|bus|lorry; under a train; off a bridge|cliff; step off; put an end to; done "
        "something silly|stupid|daft"
    ),
    "RF_LOST": (
        "can not find my|the way; can not find home; can not find my house|flat|home; not know "
        "where i be|am|live; not know how to get home|back; can not remember how to get home|back; "
        "not recognise|recognize this|where|anything|my; whose house; where i live; who i be; do "
        "not know who i be|am; nothing look familiar; nothing looks familiar; no idea where i "
        "be|am|live; no idea where my house|home|flat; not know where my house|home|flat; not know "
        "what be going on|happening; who be you; not know which way home|be; which way be home; "
        "nobody|no one else can see; can not remember|recall my own address|name; not know my own "
        "address|name; forgot|forgotten my own address|name; muddled; all muddled; not know what "
        "day; wander; wandering; wandered off"
    ),
    "RF_FIREWORD": (
        "smoke; smoky; rotten eggs; rotten egg; gas; burning; burn; flames; flame; alight; on "
        "fire; caught fire; catch fire; spark; sparks; sparking; fumes; scorching; singe; melting"
    ),
    "RF_FIREBAD": (
        "smell; smells; can smell; whiff; stink; leak; leaking; hiss; hissing; coming "
        "from|out; pour|pouring; full of; everywhere; fill|filling; billow|billowing; under "
        "the door; from the|a plug|socket|cooker|oven|kitchen|telly|heater|fire; go up; gone "
        "up; went up; curtains; strong; dizzy; headache; caught; pan; chip pan; toaster; "
        "alarm; ca not see"
    ),
    "RF_STRANGER": (
        "someone; somebody; stranger; strangers; a man; two men; men; intruder; burglar; "
        "burglars; youths; lads; people; he; they"
    ),
    "RF_BREAKIN": (
        "in the house; in my house; downstairs; break in; breaking in; broke in; broken in; "
        "try|trying the door|handle|window|lock; smash|smashed|smashing; climb|climbed in; "
        "bang|banging on; got in; get in; push|pushed his|their way in; prowling; at my "
        "window; outside my window; in my garden; won't leave; will not leave; "
        "have|got|holding|waving|pulled|pull a|his|her knife|gun|weapon|machete|bat; with a "
        "knife|gun|weapon|machete"
    ),
    "RF_HITME": (
        "hit|hitting|slap|slapped|punch|punched|kick|kicked|push|pushed|shove|shoved|beat|"
        "beating|thump|thumped|grab|grabbed|threaten|threatening|hurt|"
        "hurting|strangle|choked|lock|locked "
        "me; hand on me; hands on me"
    ),
    "RF_NOFOOD": (
        "nothing but; nothing except; not eat; not eaten; not had a "
        "bite|morsel|meal|drink|thing|anything; not a bite; no food; nothing to eat; no water; "
        "nothing to drink; nothing but tap water|water; cupboard|cupboards|fridge be empty|bare; "
        "the cupboards be empty; when i last ate; without a meal|food|drink|proper meal; nothing "
        "in the house; nothing in"
    ),
    "RF_LONG": (
        "days; week; all week; since "
        "monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|yesterday; "
        "two|three|four|five|2|3|4|5 day; when i last; empty; bare"
    ),
    "RF_HELP": (
        "call|ring|get|phone an|the ambulance|police|doctor; come quickly; come quick; please "
        "hurry; hurry up and; send someone|somebody; somebody come; someone come; get "
        "somebody|someone round|here|over; call 999|911|112|ambulance|police; call nine nine nine; "
        "call nine one one; ring 999|ambulance|police; ring nine nine nine; please come; get help; "
        "sos; in trouble; it be bad; right away"
    ),
    "RF_SPEECH": (
        "can not make my mouth|face|arm|hand|leg work|move; can not say them|it; can not say the "
        "words; words will not come; wo not come; words out; get my words; words come|coming out "
        "wrong|jumbled|muddled|funny|all; jumbled; talk|talking gibberish; gibberish; talk "
        "properly; speak properly; talking nonsense; tongue feel|feels thick|heavy; lopsided; "
        "droopy; drooping; dropped on one side; dribble|dribbled out the side; side of my "
        "face|mouth; one side of me; gone dead; go dead; lost the feeling; can not lift my "
        "arm|hand; arm|hand|leg gone useless|floppy|heavy; go|gone dark in my|one eye; lost the "
        "sight; curtain over my eye; speech have go|gone funny|strange; speech go|gone funny; "
        "mouth feel|feels lopsided"
    ),
    "RF_POISON": (
        "washing up liquid; bleach; white spirit; antifreeze; weed killer; weedkiller; "
        "dishwasher tablet; cleaning fluid; turps; turpentine; paraffin; rat poison; slug "
        "pellets; descaler; fabric conditioner; toilet cleaner; caustic"
    ),
    "RF_LIMB": "arm; hand; leg; foot; face; side; fingers; mouth; smile",
    "RF_LIMBBAD": (
        "floppy; useless; go|gone dead|heavy|weak|numb; dead; numb; drag; "
        "dragging; droop; drooping; droopy; "
        "crooked; lopsided; slip; slipped; dropped; no feeling; not work; wo not work; not do "
        "what; can not lift; can not grip; can not hold"
    ),
    "RF_EYE": "eye; eyes; sight; vision",
    "RF_EYEBAD": (
        "go|gone dark|black|blank; dark; black; blank; curtain; can not see; lost; blurry; "
        "double; shadow"
    ),
    "RF_ONMEDS": (
        "be on; i be on; on lots|loads; on a lot; chemist; pharmacist; pill box; dosette; "
        "blister pack; prescribed; prescription; as the doctor said; the doctor"
    ),
    "RF_THESEDAYS": "these days; nowadays; most days; some days; every day; on some days",
    # what the fallback's broad words also mean: sleep, handing out, a figure of speech
    "RF_RAIN": "there; rain; raining; outside; weather; down; tea; kettle; cup; heart; soul",
    "RF_SEE": (
        "see|seeing|saw a|an|the man|woman|person|lady|child|boy|girl|dog|cat|figure; "
        "see|seeing|saw people|things|faces|children|animals|bugs|insects|spiders"
    ),
    "RF_SLEEP": "sleep; slept; asleep; bed; night; nap; kip; snooze; tired; telly; bedtime",
    "RF_OBJ": (
        "the; a; an; some; my; his; her; their; leaflets; flyers; sweets; papers; cards; "
        "drinks; presents; programmes"
    ),
    "RF_FIGURE": (
        "up in smoke; plan; plans; holiday; idea; hopes; dream; dreams; money; savings; bill; "
        "bills; meter; engineer; toast; smell a bit; smells a bit; air freshener; perfume; "
        "aftershave; cooking"
    ),
}
# fmt: on

# Words a recogniser writes for others that sound alike ("chess pain", "past out", "brake in",
# "the hole bottle"). A token then also matches the word it stands for, never instead of itself,
# so "in the past" is still the past. Only where the other reading is rare in a care call.
ASR_ALIASES: dict[str, str] = {
    "chess": "chest",
    "chests": "chest",
    "hart": "heart",
    "harts": "heart",
    "past": "pass",
    "passt": "pass",
    "feint": "faint",
    "feinted": "faint",
    "blead": "bleed",
    "bleading": "bleeding",
    "bleedin": "bleeding",
    "pane": "pain",
    "panes": "pain",
    "brake": "break",
    "braking": "breaking",
    "brakes": "break",
    "hole": "whole",
    "breath": "breathe",
    "breadth": "breath",
    "breathe": "breath",
    "breathin": "breathing",
    "fallin": "falling",
    "fell": "fall",
    "dizzie": "dizzy",
    "numbe": "numb",
    "tablits": "tablets",
    "pils": "pills",
    "smoak": "smoke",
    "ambulence": "ambulance",
    "ambulanse": "ambulance",
    "someones": "someone",
    "somebodys": "somebody",
    "theres": "there",
    "brethe": "breathe",
    "breeth": "breath",
    "blud": "blood",
    "bleating": "bleeding",
    "weezing": "wheezing",
    "wheezin": "wheezing",
    "num": "numb",
    "paralized": "paralysed",
    "burgler": "burglar",
    "burgulars": "burglars",
    "unconscience": "unconscious",
    "conscience": "conscious",
    "collapse": "collapsed",
    "suicidle": "suicidal",
    "tabelts": "tablets",
    **ASR_MORE,
}

K = "check"
RED_FLAGS: tuple[Rule, ...] = (
    Rule(
        "cardiac",
        K,
        ("RF_CHEST", "RF_HURT"),
        10,
        unless=("EMOTION", "GIVE", "EXCITED"),
        name="rf chest",
    ),
    Rule(
        "breathing",
        K,
        ("RF_BREATH", "RF_HARDAIR"),
        4,
        unless=("BREATHIDIOM",),
        unless_sentence=("LAUGH",),
        name="rf breath",
    ),
    Rule(
        "bleeding",
        K,
        ("RF_BLOOD", "RF_LOTS"),
        9,
        cross=True,
        unless=("MINORSITE", "BLOODIDIOM"),
        name="rf blood",
    ),
    Rule("bleeding", K, ("RF_GUSH",), unless=("RF_RAIN",), name="rf pouring out"),
    Rule(
        "fall",
        K,
        ("RF_FELL", "RF_STUCKW"),
        12,
        cross=True,
        not_after=("FALLIDIOM",),
        name="rf down and stuck",
    ),
    Rule("fall", K, ("RF_STUCK",), not_after=("GETUPIDIOM",), name="rf stuck"),
    Rule(
        "unconscious",
        K,
        ("RF_FAINT",),
        unless=("GIVE",),
        unless_sentence=("RF_SLEEP",),
        not_after=("RF_OBJ",),
        name="rf faint",
    ),
    Rule(
        "overdose",
        K,
        ("RF_PILLS", "RF_MANY"),
        8,
        cross=True,
        unless=("ROUTINE", "RF_ONMEDS", "SPILT"),
        name="rf many pills",
    ),
    Rule("suicide", K, ("RF_ENDING",), name="rf ending it"),
    Rule("confusion", K, ("RF_LOST",), unless=("CONFUSEDIDIOM",), name="rf lost"),
    Rule(
        "fire",
        K,
        ("RF_FIREWORD", "RF_FIREBAD"),
        8,
        cross=True,
        unless=("FIREIDIOM", "SMOKEIDIOM", "GASIDIOM", "RF_FIGURE"),
        name="rf smoke gas fire",
    ),
    Rule(
        "violence", K, ("RF_STRANGER", "RF_BREAKIN"), 8, who="place", name="rf someone in the house"
    ),
    Rule("violence", K, ("RF_HITME",), who="agent", name="rf hurting me"),
    Rule("starvation", K, ("RF_NOFOOD", "RF_LONG"), 10, cross=True, name="rf days without"),
    Rule("help", K, ("RF_HELP",), name="rf help"),
    Rule("stroke", K, ("RF_SPEECH",), name="rf words face arm"),
    Rule(
        "stroke",
        K,
        ("RF_LIMB", "RF_LIMBBAD"),
        5,
        soft=True,
        unless=("LIMBIDIOM", "RF_SLEEP"),
        name="rf limb gone",
    ),
    Rule("stroke", K, ("RF_EYE", "RF_EYEBAD"), 5, unless=("VISIONIDIOM",), name="rf eye"),
    Rule("overdose", K, ("TAKE", "RF_POISON"), 6, name="rf swallowed a poison"),
    Rule("confusion", K, ("RF_SEE", "NOTTHERE"), 10, name="rf seeing what is not there"),
)
RED_FLAGS += BODY_FLAGS
REDFLAG.update(REDFLAG_BODY)
