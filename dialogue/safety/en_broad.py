"""The English broad layer: what an utterance is *about*, by meaning, for a `check` when neither
the precise rules (`en_lexicon`) nor the red flags (`en_redflags`) fired.

The red flags are phrases; these are vocabularies. Each rule pairs a topic (a body part, the
breath, blood, the floor, pills, home, food...) with a word of trouble anywhere near it in the
sentence, in any order, so that a new metaphor, a long story with one bad clause or a run-on
transcript still raises one direct question. The words were gathered by meaning (synonyms,
colloquial and regional forms, British and American, how older people put it), never from a
sentence. The same scope as for every rule cancels them (negation, past and resolved, someone
not here, hypotheticals, stories, idioms), and a nurse's question is cheap where the words are
only near each other by chance: that is what `check` is for.
"""

from __future__ import annotations

from dataclasses import replace

from dialogue.safety.en_broad_life import LIFE
from dialogue.safety.en_lexicon import Rule

# fmt: off
BROAD: dict[str, str] = {
    # --- cardiac: the torso and what a heart in trouble feels or looks like ---
    "B_TORSO": (
        "chest; breastbone; breast bone; sternum; rib; ribs; ribcage; heart; ticker; shoulder "
        "blade; jaw; left arm; front of me; middle of me; bosom"
        "; boob; boobs; bust; breast; breasts; inside me; centre of me; center of me; upper "
        "body; between my shoulders; between my shoulder blades; pit of my stomach; top of my "
        "stomach; under my boobs"
        "; bra; vest"
    ),
    "B_TORSOBAD": (
        "pain; ache; aching; hurt; hurting; tight; tightness; pressure; squeeze; squeezing; "
        "crush; crushing; band; belt; strap; tie; tied; vice; weight; heavy; heaviness; burn; "
        "burning; stab; stabbing; twinge; throb; rub; rubbing; clutch; clutching; hold; holding;"
        " grab; grabbing; grip; gripping; clasp; clasping; elephant; sore; agony; cramp; "
        "spreading; spread; going up; go up; into my; sick; clammy; sweat; sweating; sweaty; "
        "not ease; will not ease; not shift; will not shift"
        "; press; pressing; clamp; clamped; fist; knot; tearing; ripping; full up; not "
        "indigestion; be not indigestion; through to my back; through to my; up into; down my "
        "arm; not go away; will not go"
        "; red hot; poker; hot; knife; knives; came on|come on suddenly|while|when; gnawing; "
        "boring"
    ),
    "B_PALLOR": (
        "colour of putty|ash|ashes|chalk|paper|candle|wax|porridge|dishwater|death; color of "
        "putty|ash|ashes|chalk|paper|candle|wax|death; white as a sheet; white as a ghost; grey "
        "as; gray as; go|gone|went|turn|turned|look|looks|looking grey|gray|ashen|pasty|waxy|"
        "chalky|deathly; go|gone|went|turn|turned a funny|bad|strange colour|color; drenched in "
        "sweat; pouring with sweat; dripping with sweat; cold and clammy; clammy and grey|gray|"
        "white|cold"
        "; sweating cobs|buckets|like; sweat pouring|dripping; cold sweat; wringing wet; soaked"
        " in sweat; clammy"
        "; like a|an _ be standing|sitting|kneeling|stood|sat on me|my; like someone|somebody "
        "be standing|sitting|kneeling|stood|sat on me|my; like a weight|ton|brick|rock|boulder "
        "on me|my"
    ),
    # --- breathing ---
    "B_BREATH": (
        "no breath|breadth|air; breath; breathe; breathing; air; lungs; lung; oxygen; puffer; "
        "inhaler; nebuliser; "
        "nebulizer; chest; wind"
        "; breadth; air in; any air"
    ),
    "B_BREATHBAD": (
        "fight; fighting; struggle; struggling; gasp; gasping; gulp; gulping; wheeze; wheezing;"
        " rattle; rattling; whistle; whistling; fill; fill up; stop for; stop to; not catch; short;"
        " tight; labour; labouring; labor; laboring; hard work; heave; heaving; blue; purple; "
        "drown; drowning; fish out of water; straw; not touch; not touching; not work; not "
        "working; not help; not helping; no good; not enough; every; between words; two words; "
        "word at a time; hardly any; barely any; can not get; can not take; panic; panicking"
        "; wet flannel; pillow over; sit up; sit upright; sit bolt upright; bolt upright; sit "
        "forward; lean forward; can not lie down; can not lie flat; can not talk; can not "
        "speak; keep stopping; rasp; rasping; crackle; crackling; bubbling; gurgle; gurgling; "
        "noise; noisy; horrible noise; rattly"
        "; full of water; froth; frothy; pink froth; drowning; will not go down|in; not go "
        "down|in"
    ),
    "B_BLUE": (
        "lip|lips|face|fingers|fingertips|mouth _ blue|purple|grey|gray; lip|lips|face|fingers "
        "go|going|gone|turn|turning blue|purple; blue round the lips|mouth; going blue; gone "
        "blue; turning blue"
    ),
    "B_AIRWAY": (
        "short of bread|breadth; can not breed|bree; drowning; suffocating; suffocate; smothering; "
        "throat be|have closing|closed|swelling|"
        "swollen; throat close|closing up; throat swell|swelling; tongue be|have swelling|"
        "swollen; tongue swell|swelling; lips swelling|swollen; face swelling|swollen|puffy; "
        "face puff|puffing up"
    ),
    # --- stroke: speech, face and limbs that stop obeying ---
    "B_SPEECH": (
        "word; words; speech; talk; talking; speak; speaking; say; saying; voice; tongue; "
        "sentence; sentences"
    ),
    "B_SPEECHBAD": (
        "scrambled; scramble; jumbled; muddled; mixed up; double dutch; gibberish; nonsense; "
        "slur; slurred; slurring; drunk; thick; mumble; mumbled; mumbling; garbled; not come; "
        "will not come; wrong; back to front; all wrong; funny; not come out; not get out; "
        "stuck; can not find the; wrong words"
        "; slushy; slurry; mushy; wonky; can not get the words; words mixed up; wrong way round"
        "; not making sense; stop|stopped making sense; make no sense"
    ),
    "B_LIMB": (
        "arm; arms; hand; hands; leg; legs; foot; fingers; face; mouth; side; corner of my|his|"
        "her mouth; eye; eyelid; smile; cheek; lip"
        "; fingers close; grip; grasp"
        "; half of my face|body; half my face|body; that side; one side; right side; left side;"
        " tongue"
    ),
    "B_LIMBBAD": (
        "not do what i tell|want; not do as i tell|say; not obey; not listen; like jelly; jelly;"
        " dead; numb; heavy; useless; floppy; limp; droop; drooping; droopy; sag; sagging; "
        "slipped down; slip down; drop; dropped; crooked; lopsided; pins and needles; tingle; "
        "tingling; clumsy; keep dropping; keep drop; will not grip; not grip; no strength; "
        "not lift; same side; one side; gave way; give way; not move; will not move; not work; "
        "will not work; not feel; no feeling"
        "; fell|fall|slip|slipped|drop|dropped out of my hand|hands; can not make my; not "
        "close; not hold; not grasp; wonky; skewed; gone to one side; not lift; like after the "
        "dentist; after the dentist; frozen; dead weight"
        "; would not; could not; not make; not take me; not mine; not my own; too big; gone "
        "down; go down; scribble; scribbled; just noises; can not see that side; all of a "
        "sudden; suddenly"
        "; not there; like it be not there; like its not there; fold|folded under me; will not "
        "take my weight; not take my weight; listing; list to the; keep listing"
    ),
    # --- fall and head injury ---
    "B_DOWN": (
        "fall; fell; fallen; slip; slipped; trip; tripped; tumble; spill; stumble; went over; "
        "go over; gone over; went down; go down; gone down; floor; ground; down here; landed; "
        "land; lying there; on my back; keel over; keeled over"
        "; in a heap; heap; missed the|a step; miss the|a step; missed my footing; lost my "
        "footing; lose my footing; at the bottom; bottom of the stairs; lino; carpet; tiles; "
        "rug; out of bed; out of the chair; off the chair; off the bed; off the step; off the "
        "ladder; between the bed and"
        "; toppled; topple; toppled over; come a cropper; came a cropper; went smack; smack "
        "onto; went flat; flat on my face|back"
    ),
    "B_DOWNBAD": (
        "can not get up; not get up; not hold me; will not hold me; can not stand; not stand; "
        "stuck; been here; been down; a good while; hours; all night; since; hip; head; "
        "forehead; lump; bump; bleed; bleeding; blood; screaming; twisted; broken; break; "
        "crack; cracked; can not move; not move; weight on; swollen; wrong angle; funny angle; "
        "can not reach; cold; freezing; can not roll over; can not turn over; can not sit up; "
        "can not get off; can not shift; can not budge"
        "; wrist; ankle; arm; leg; shoulder; gone; could not reach; could not get up; "
        "overnight; all night; teatime; not getting up; be not getting up"
        "; can not get my legs|feet under me; legs under me; all wrong; can not move it; not "
        "move it"
    ),
    "B_HIT": (
        "hit; smack; smacked; bang; banged; bash; bashed; crack; cracked; knock; knocked; whack;"
        " whacked; clout; clouted; bump; bumped; thump; thumped; clonk; clonked"
    ),
    "B_HEAD": (
        "head; forehead; temple; skull; back of my head; face; eye; noggin; bonce; nut"
    ),
    "B_HEADBAD": (
        "lump; egg; bleed; bleeding; blood; sick; dizzy; seeing double; double; woozy; drowsy;"
        " sleepy; throbbing; cut; gash; feel sick; thrown up; threw up; vomit"
    ),
    # --- unconscious ---
    "B_OUT": (
        "blank out; blanked out; blanking out; zonk out; zonked out; spark out; sparked out; "
        "lost time; lose time; next thing i know|knew; next i know|knew; the next thing; come "
        "to on|in|and; came to on|in|and; woke up on the; wake up on the; looking up at the "
        "ceiling; found myself on; find myself on; do not know how long; not know how long i; "
        "gone limp; go limp; went limp; flopped over; flop over; slumped over; eyes rolled; "
        "eyes rolling; eyes roll; went stiff; gone stiff; shaking all over; not come round; "
        "can not get a word out of; not get a word out of; no answer from him|her; not answering"
        " me; dropped off standing; just went; went down like; "
        "dropped like a stone; gone grey and"
        "; i keep going off; i went off twice|again; keep switching off; switched off; lose a few "
        "minutes; lost a few minutes; missing time; went rigid; gone rigid; go rigid; rigid "
        "and; jerking; jerk; twitching all over; not coming to; not come to; no response; grey "
        "and floppy; come over queer|peculiar"
        "; come|came to with"
    ),
    # --- bleeding ---
    "B_BLOOD": (
        "blood; bleed; bleeding; bled; claret; cut; gash; gashed; slashed; wound; sliced; slice;"
        " nick; red"
        "; ulcer; wound; dressing; plaster; plasters; bandage; vein; varicose; burst; ooze; "
        "oozing; passing blood; pass blood; down below; back passage; nosebleed"
        "; ripped; ripped open; torn; torn open; gaping; red stuff; bright red; bitten"
        "; split open; split; gashed open; skin tear|tore|torn|split|broke|break|broken"
        # what made the wound, and where it went in: a sharp thing in the body
        "; knife|blade|secateurs|scissors|shears|razor|chisel|saw|axe|glass|shard|lid "
        "slip|slipped|catch|caught|go|went|gone|get|got|nick|nicked|cut; "
        "go|went|gone|slip|slipped into my "
        "palm|hand|finger|thumb|leg|arm|foot|wrist|thigh|knee|shin|head|face|neck|side|stomach; "
        "go|went|gone|slip|slipped through my palm|hand|finger|thumb|foot"
    ),
    "B_BLOODBAD": (
        "spurt; spurts; spurting; drip; dripping; drips; everywhere; covered; soaked; soak; "
        "soaking; through; not stop; will not stop; pour; pouring; pool; puddle; towel; tea "
        "towel; tea towels; gush; gushing; pumping; running; run; stream; streaming; down my "
        "front; down my face; all down; over an hour; hour; hours; floor; bucket; lots; lot"
        "; through the dressing|bandage|plaster; gone through; go through; through "
        "three|two|four|several|five plasters; keep oozing; keep bleeding; keep coming; onto "
        "the carpet|floor|bed; not ease; will not ease up; quite a lot; faint"
        "; cupful; bowl; bowlful; basin; sink; full of red; cough up; coughed up; coughing up; "
        "threw up; throw up; vomited; vomit; bring up; brought up"
        "; loads; be sick; being sick"
    ),
    # --- overdose and poisoning ---
    "B_PILLS": (
        "pill; pills; tablet; tablets; pill pot; pill box; pillbox; meds; medicine; medicines; "
        "medication; capsules; dosette; blister; sleepers; sleeping; nerve; painkiller; "
        "painkillers; paracetamol; insulin; morphine; patches"
        "; codamol; codeine; tramadol; oramorph; oxycodone; diazepam; zopiclone; temazepam; "
        "water tablets; heart tablets; water pills; patch; patches; injection; injections"
        "; white ones; little ones; pink ones; blue ones; yellow ones; the ones for; to help me"
        " sleep; sleeping ones"
    ),
    "B_MANY": (
        "all; every last one; every one; whole; emptied; empty; the lot; week 's worth; "
        "weeks worth; month 's worth; twice; double; again; as well; extra; too many; too much;"
        " handful; lot; lots; bottle; box; packet; strip; gone down; swallowed; down the hatch;"
        " by mistake; wrong ones; lost count; can not remember if i took; more than; overdid; "
        "overdone"
        "; twice over; lost track; lose track; kept taking; keep taking; three on; two on; "
        "still on; be all wrong; mixed up my; half a bottle; with her|his|my sleeping; all "
        "wrong; how many; three lots; two lots"
        "; load; loads; a load of; loads of; shedload"
        "; twenty; thirty; fifteen; forty; a dozen; about ten|twelve|fifteen|twenty|thirty"
    ),
    "B_CHEMICAL": (
        "under the sink; cleaning stuff; cleaning things; cleaner; bleach; the stuff from; "
        "some of the stuff; blue bottle; green bottle; liquid; fluid; dishwasher; washing "
        "powder; washing up; weedkiller; weed killer; antifreeze; turps; from the shed; from "
        "the garage; polish; battery; batteries"
    ),
    "B_SWALLOW": (
        "drink; drank; drunk; swallow; swallowed; eat; ate; eaten; have had; had some; had a "
        "swig; swig; sip; sipped; taste; tasted; lick; licked; in his|her|my mouth"
    ),
    **LIFE,
}
# fmt: on

K = "check"
_RULES: tuple[Rule, ...] = (
    Rule("cardiac", K, ("B_TORSO", "B_TORSOBAD"), 8, cross=True,
         unless=("EMOTION", "GIVE", "EXCITED", "B_IDIOM"), name="broad torso"),
    Rule("cardiac", K, ("B_PALLOR",), name="broad pallor"),
    Rule("breathing", K, ("B_BREATH", "B_BREATHBAD"), 8, cross=True,
         unless=("BREATHIDIOM", "B_IDIOM"), unless_sentence=("LAUGH",), name="broad breath"),
    Rule("breathing", K, ("B_BLUE",), name="broad blue"),
    Rule("breathing", K, ("B_AIRWAY",), unless=("B_IDIOM",), name="broad airway"),
    Rule("stroke", K, ("B_SPEECH", "B_SPEECHBAD"), 6, cross=True, unless=("LAUGH",),
         name="broad speech"),
    Rule("stroke", K, ("B_LIMB", "B_LIMBBAD"), 6, unless=("LIMBIDIOM", "RF_SLEEP"),
         name="broad limb"),
    Rule("fall", K, ("B_DOWN", "B_DOWNBAD"), 16, cross=True,
         not_after=("FALLIDIOM",), unless=("B_IDIOM", "FALLSEASON", "MOODIDIOM"),
         name="broad down"),
    Rule("fall", K, ("B_HIT", "B_HEAD"), 4, ordered=True, unless=("B_IDIOM",),
         name="broad hit head"),
    Rule("unconscious", K, ("B_OUT",), unless_sentence=("RF_SLEEP",), name="broad out"),
    Rule("bleeding", K, ("B_BLOOD", "B_BLOODBAD"), 14, cross=True,
         unless=("MINORSITE", "BLOODIDIOM", "B_IDIOM"), name="broad blood"),
    Rule("overdose", K, ("B_PILLS", "B_MANY"), 16, cross=True,
         unless=("ROUTINE", "RF_ONMEDS", "SPILT"), name="broad pills"),
    Rule("overdose", K, ("B_SWALLOW", "B_CHEMICAL"), 8, cross=True, name="broad swallowed"),
    Rule("suicide", K, ("B_GONE",), unless=("B_IDIOM",), name="broad gone"),
    Rule("suicide", K, ("B_HOARD", "B_PILLS"), 4, ordered=True, name="broad hoarding pills"),
    Rule("suicide", K, ("B_BLADE", "B_WRIST"), 12, name="broad blade and wrists"),
    Rule("confusion", K, ("B_MUDDLE",), not_after=("CONFUSEDIDIOM",), name="broad muddle"),
    Rule("fire", K, ("B_FIRESRC", "B_FIREBAD"), 8, who="place", cross=True,
         unless=("B_COSY", "SMOKEIDIOM", "RF_FIGURE", "B_IDIOM"),
         unless_sentence=("B_SMOKEOK",), name="broad fire"),
    Rule("fire", K, ("B_SMELL", "B_SMELLOF"), 12, who="place", cross=True,
         unless=("RF_FIGURE",), name="broad smell"),
    Rule("violence", K, ("B_STRANGER", "B_PROWL"), 10, who="place", cross=True,
         unless=("B_CALLER",), now=True, name="broad prowler"),
    Rule("violence", K, ("B_ATTACK", "B_ME"), 3, who="agent", ordered=True,
         not_after=("HARMIDIOM",), unless=("B_IDIOM",), name="broad attacked"),
    Rule("violence", K, ("B_ATTACK", "B_THEM"), 3, ordered=True, now=True,
         not_after=("HARMIDIOM",), unless=("B_IDIOM",), name="broad someone attacked"),
    Rule("starvation", K, ("B_NOFOOD", "B_LONG"), 16, cross=True, unless=("RF_THESEDAYS",),
         own_negation=True, name="broad no food"),
    Rule("help", K, ("B_SENDFOR",), name="broad send for"),
    # last: a topic and a plain sign of distress now, in one sentence
    *(
        Rule(cat, K, (topic, "G_DISTRESS"), 12,
             unless=("B_IDIOM", "EMOTION", "EXCITED", "BLOODIDIOM"),
             name=f"distress {topic}")
        for cat, topic in (
            ("cardiac", "B_TORSO"), ("breathing", "B_BREATH"), ("stroke", "B_LIMB"),
            ("stroke", "B_SPEECH"), ("fall", "B_DOWN"), ("fall", "B_HEAD"),
            ("bleeding", "B_BLOOD"), ("overdose", "B_PILLS"), ("overdose", "B_CHEMICAL"),
            ("fire", "B_FIRESRC"), ("fire", "B_SMELL"),
        )
    ),
    Rule("fire", K, ("B_GASILL", "B_GASBAD"), 12, who="place", name="broad fumes"),
    Rule("overdose", K, ("B_REDOSE",), name="broad took them again"),
)  # fmt: skip

# a story with an end ("then he left", "it was only the postman") asks nothing
BROAD_RULES = tuple(
    replace(r, unless_sentence=(*r.unless_sentence, "B_OVER"), sentence=True) for r in _RULES
)
