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

from dialogue.safety.en_lexicon import Rule

# fmt: off
BROAD: dict[str, str] = {
    # --- cardiac: the torso and what a heart in trouble feels or looks like ---
    "B_TORSO": (
        "chest; breastbone; breast bone; sternum; rib; ribs; ribcage; heart; ticker; shoulder "
        "blade; jaw; left arm; front of me; middle of me; bosom"
    ),
    "B_TORSOBAD": (
        "pain; ache; aching; hurt; hurting; tight; tightness; pressure; squeeze; squeezing; "
        "crush; crushing; band; belt; strap; tie; tied; vice; weight; heavy; heaviness; burn; "
        "burning; stab; stabbing; twinge; throb; rub; rubbing; clutch; clutching; hold; holding;"
        " grab; grabbing; grip; gripping; clasp; clasping; elephant; sore; agony; cramp; "
        "spreading; spread; going up; go up; into my; sick; clammy; sweat; sweating; sweaty; "
        "not ease; will not ease; not shift; will not shift"
    ),
    "B_PALLOR": (
        "colour of putty|ash|ashes|chalk|paper|candle|wax|porridge|dishwater|death; color of "
        "putty|ash|ashes|chalk|paper|candle|wax|death; white as a sheet; white as a ghost; grey "
        "as; gray as; go|gone|went|turn|turned|look|looks|looking grey|gray|ashen|pasty|waxy|"
        "chalky|deathly; go|gone|went|turn|turned a funny|bad|strange colour|color; drenched in "
        "sweat; pouring with sweat; dripping with sweat; cold and clammy; clammy and grey|gray|"
        "white|cold"
    ),
    # --- breathing ---
    "B_BREATH": (
        "breath; breathe; breathing; air; lungs; lung; oxygen; puffer; inhaler; nebuliser; "
        "nebulizer; chest; wind"
    ),
    "B_BREATHBAD": (
        "fight; fighting; struggle; struggling; gasp; gasping; gulp; gulping; wheeze; wheezing;"
        " rattle; rattling; whistle; whistling; fill; fill up; stop for; stop to; not catch; short;"
        " tight; labour; labouring; labor; laboring; hard work; heave; heaving; blue; purple; "
        "drown; drowning; fish out of water; straw; not touch; not touching; not work; not "
        "working; not help; not helping; no good; not enough; every; between words; two words; "
        "word at a time; hardly any; barely any; can not get; can not take; panic; panicking"
    ),
    "B_BLUE": (
        "lip|lips|face|fingers|fingertips|mouth _ blue|purple|grey|gray; lip|lips|face|fingers "
        "go|going|gone|turn|turning blue|purple; blue round the lips|mouth; going blue; gone "
        "blue; turning blue"
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
    ),
    "B_LIMB": (
        "arm; arms; hand; hands; leg; legs; foot; fingers; face; mouth; side; corner of my|his|"
        "her mouth; eye; eyelid; smile; cheek; lip"
    ),
    "B_LIMBBAD": (
        "not do what i tell|want; not do as i tell|say; not obey; not listen; like jelly; jelly;"
        " dead; numb; heavy; useless; floppy; limp; droop; drooping; droopy; sag; sagging; "
        "slipped down; slip down; drop; dropped; crooked; lopsided; pins and needles; tingle; "
        "tingling; clumsy; keep dropping; keep drop; will not grip; not grip; no strength; "
        "not lift; same side; one side; gave way; give way; not move; will not move; not work; "
        "will not work; not feel; no feeling"
    ),
    # --- fall and head injury ---
    "B_DOWN": (
        "fall; fell; fallen; slip; slipped; trip; tripped; tumble; spill; stumble; went over; "
        "go over; gone over; went down; go down; gone down; floor; ground; down here; landed; "
        "land; lying there; on my back; keel over; keeled over"
    ),
    "B_DOWNBAD": (
        "can not get up; not get up; not hold me; will not hold me; can not stand; not stand; "
        "stuck; been here; been down; a good while; hours; all night; since; hip; head; "
        "forehead; lump; bump; bleed; bleeding; blood; screaming; twisted; broken; break; "
        "crack; cracked; can not move; not move; weight on; swollen; wrong angle; funny angle; "
        "can not reach; cold; freezing; can not roll over; can not turn over; can not sit up; "
        "can not get off; can not shift; can not budge"
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
    ),
    # --- bleeding ---
    "B_BLOOD": (
        "blood; bleed; bleeding; bled; claret; cut; gash; gashed; slashed; wound; sliced; slice;"
        " nick; red"
    ),
    "B_BLOODBAD": (
        "spurt; spurts; spurting; drip; dripping; drips; everywhere; covered; soaked; soak; "
        "soaking; through; not stop; will not stop; pour; pouring; pool; puddle; towel; tea "
        "towel; tea towels; gush; gushing; pumping; running; run; stream; streaming; down my "
        "front; down my face; all down; over an hour; hour; hours; floor; bucket; lots; lot"
    ),
    # --- overdose and poisoning ---
    "B_PILLS": (
        "pill; pills; tablet; tablets; pill pot; pill box; pillbox; meds; medicine; medicines; "
        "medication; capsules; dosette; blister; sleepers; sleeping; nerve; painkiller; "
        "painkillers; paracetamol; insulin; morphine; patches"
    ),
    "B_MANY": (
        "all; every last one; every one; whole; emptied; empty; the lot; week 's worth; "
        "weeks worth; month 's worth; twice; double; again; as well; extra; too many; too much;"
        " handful; lot; lots; bottle; box; packet; strip; gone down; swallowed; down the hatch;"
        " by mistake; wrong ones; lost count; can not remember if i took; more than; overdid; "
        "overdone"
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
    # --- suicide: wishes to be gone, by any name ---
    "B_GONE": (
        "sleep for good; go to sleep for good; gone for good; go for good; not be around; not "
        "around anymore; not be here; not be here anymore; be with him|her|them; with him "
        "again; with her again; join him|her; go and join; had enough of this world|life|"
        "living|everything; had enough of it all; done with this world|life|living; no point me "
        "carrying|going on; no point in "
        "me carrying|going on; no point me living; no point in me living; "
        "no point carrying|going on; what be the point anymore; what be the point of me|going; "
        "what be the point in going; "
        "kindest thing; best thing for everyone; better for everyone; everyone would be "
        "better; everybody would be better; all be better off; be better off; call it a day; "
        "shuffle off; check out early; end of the road for me; not want to go on|on anymore; "
        "can not face another day|tomorrow|it anymore; can not face going on; let myself go; "
        "let go of life; wish it be over; wish i be gone; wish the lord|god would take me; "
        "pray not to wake; pray i do not wake; take me now; rope; noose; know what i be going "
        "to do; made my peace; said my goodbyes; sort out my will and; tidy my affairs; stop "
        "eating on purpose; stop taking my tablets on purpose; stop taking them on purpose; "
        "out of everyone 's way; out of the way for good; disappear for good; pack it all in; "
        "give up on life; given up on life; give up living; given up living; do something to "
        "myself; hurt myself; end things; end everything"
    ),
    # --- confusion ---
    "B_MUDDLE": (
        "not make sense; not making sense; not making any sense; making no sense; talk|talking "
        "nonsense; talk|talking rubbish; not know me; not recognise me; not recognize me; think "
        "i be his|her; thinks i be his|her; think he be; think she be; keep asking for his|her "
        "mother|mum|father|dad|wife|husband; trying to go to work; try to go to work; wants to go"
        " to work; can not think what|where|why|how; not think what; what i come|came out for;"
        " what i be doing out; which way home; which way be home; "
        "fuzzy; foggy; all at sea; in a muddle; muddled; "
        "befuddled; away with the fairies; not himself; not herself; not myself at all; head "
        "be all over; head be full of cotton wool; not know what day; "
        "lost my way; can not find my way; seeing things; hearing things; "
        "talking to people who be not; nobody else can see|hear; no one else can "
        "see|hear; nobody else see|hear; no one else see|hear; be not really there"
    ),
    # --- fire, smoke, gas ---
    "B_FIRESRC": (
        "toaster; pan; chip pan; frying pan; cooker; oven; hob; grill; boiler; heater; fire; "
        "curtain; curtains; cupboard; plug; socket; wire; wires; wiring; electrics; candle; "
        "kettle; microwave; tv; telly; dryer; tumble dryer; blanket; electric blanket; lamp; "
        "landing; hall; stairs; kitchen; bedroom; loft; roof; bin; chair; sofa; mattress; "
        "extension lead; charger; fuse box; meter"
    ),
    "B_FIREBAD": (
        "gone up; go up; went up; going up; catching; caught fire|light; catch fire|light; smoke; "
        "smoking; smoky; "
        "flame; flames; burning; burn; melting; melt; sparking; spark; sparks; whoosh; alight; "
        "blaze; black smoke; filling up; fill up; filling; can not see; singed; scorch; scorched; "
        "crackling; glowing; red hot; on fire"
    ),
    "B_SMELL": "smell; smells; smelling; whiff; pong; stink; stench; niff; reek",
    "B_SMELLOF": (
        "egg; eggs; rotten; gone off; sulphur; sulfur; gas; burning; burnt; plastic; rubber; "
        "electrical; fishy; boiler; cooker; hob; fumes"
    ),
    # --- violence: someone at home who should not be, or someone hurting them ---
    "B_CALLER": (
        "selling; sell; salesman; canvassing; leaflet; leaflets; delivering; delivery; "
        "postman; postie; parcel; meter reading; window cleaner; gardener; the council; "
        "collecting; charity; survey"
    ),
    "B_STRANGER": (
        "man; men; fella; fellow; bloke; someone; somebody; stranger; strangers; lad; lads; "
        "youths; kids; people; a woman; two of them; a chap; chap; figure"
    ),
    "B_PROWL": (
        "in my garden; in the garden; back garden; front garden; in my back|front garden; back "
        "door; front door; door handle; the handle; window; windows; letterbox; letter box; "
        "forced; force; forcing; barged; will not go; will not leave; "
        "torch; looking in; peering in; peer in; peering; rattling; rattle; trying; hiding; "
        "shed; garage; side gate; the gate; climbing; climbed; upstairs; downstairs; in the "
        "house; in my house; in my flat; in the flat; standing over; in my bedroom"
    ),
    "B_ATTACK": (
        "shove; shoved; push; pushed; hit; hits; slap; slapped; punch; punched; kick; kicked; "
        "grab; grabbed; strangle; throttle; throttled; twisted my arm; pinned; shook me; shake "
        "me; threw me; throw me; knocked me; knock me; lock me; locked me; threaten; threatened;"
        " bruises; bruised me"
    ),
    "B_ME": "me; my arm; my wrist; my face; my neck; my throat; my hair",
    # --- starvation ---
    "B_NOFOOD": (
        "empty; bare; nothing to eat; nothing in; not eat; not eaten; not had a bite|morsel|"
        "thing|meal|crumb; not a bite|crumb|morsel; not keep anything down; not keep food down;"
        " keep nothing down; no shopping; not do my shopping; not been to do my shopping; no "
        "one to shop; nobody to shop; living on; cups of water; only water; just water; nothing "
        "but; run out; ran out; no food; not eating; no money for food; not had a proper meal; "
        "not had anything; not had any food|water; not drunk anything; not had a drink; nothing "
        "since; nothing left; last tin; the "
        "last of the|my food|bread|milk"
    ),
    "B_LONG": (
        "since monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend; since last "
        "week; since the weekend; days; day; week; weeks; "
        "two|three|four|five|six|several|few|couple of days; "
        "2|3|4|5|6 days; all week; since last; for days; on "
        "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    ),
    # --- help: asking for a person to come ---
    "B_SENDFOR": (
        "get|send|fetch someone|somebody|anyone|help out|round|over|here|to; get"
        " someone; get somebody; send someone; send somebody; send help; need someone|somebody "
        "here|now|to come; can someone|somebody come; could someone|somebody come; can you get "
        "someone|somebody|help; get me some help; please hurry; come and help; come and get me;"
        " come and find me; in a real state; in a terrible state; in a right state; in a bad "
        "way; can not manage on my own; can not cope on my own; something be really|very|"
        "seriously not right; something be terribly wrong; something be badly wrong"
    ),
    "B_REDOSE": (
        "can not remember if i take|took|taken|have; not sure if i take|took|taken|have; not "
        "know if i take|took|taken|have; take|took|taken them|it again|twice; again and again; "
        "took another lot; had another lot"
    ),
    # over before it was told: a sentence with one of these is a story with an end
    "B_OVER": (
        "he|she|they|it left; then left; went away; went off; it be just|only; that be "
        "just|only; just someone|somebody; turn|turned out; false alarm; nothing in it; fine "
        "now; better now; okay now; alright now; all sorted; sorted now; caught|catch|steadied "
        "myself; no harm done; be fine after; right as rain"
    ),
    # what the broad words also mean, in the same clause
    "B_IDIOM": (
        "heart go out; heart goes out; heart of gold; heart be in; at heart; by heart; heart to "
        "heart; chest of drawers; off my chest; get it off; cut down|back|out|up; short cut; "
        "hair cut; haircut; cut the grass|lawn|hedge|bread|cake; red wine; red cabbage; red "
        "letter; fall for; fall in love; fall asleep; fell asleep; fallen asleep; fall out; "
        "fell out; fall behind; fell behind; air on; fresh air; the air; air freshener; on "
        "the air; hot air; in the air; blow me down; knock me down with; knock it on the head; "
        "bang on; hit the nail; hit it off; fire away; fired up; fire brigade came|said; on "
        "fire today; catch a|the bus|train|cold|cough; caught a|the bus|train|cold|cough|"
        "chill; eggs for breakfast; boiled egg; fried egg; pins and needles in my sleep; "
        "burn|burnt|burned my|his|her "
        "finger|fingers|hand|thumb|tongue|mouth|lip|arm"
    ),
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
    Rule("stroke", K, ("B_SPEECH", "B_SPEECHBAD"), 6, cross=True, unless=("LAUGH",),
         name="broad speech"),
    Rule("stroke", K, ("B_LIMB", "B_LIMBBAD"), 6, unless=("LIMBIDIOM", "RF_SLEEP"),
         name="broad limb"),
    Rule("fall", K, ("B_DOWN", "B_DOWNBAD"), 12, cross=True,
         not_after=("FALLIDIOM",), unless=("B_IDIOM", "FALLSEASON"), name="broad down"),
    Rule("fall", K, ("B_HIT", "B_HEAD"), 4, ordered=True, unless=("B_IDIOM",),
         name="broad hit head"),
    Rule("unconscious", K, ("B_OUT",), unless_sentence=("RF_SLEEP",), name="broad out"),
    Rule("bleeding", K, ("B_BLOOD", "B_BLOODBAD"), 10, cross=True,
         unless=("MINORSITE", "BLOODIDIOM", "B_IDIOM"), name="broad blood"),
    Rule("overdose", K, ("B_PILLS", "B_MANY"), 10, cross=True,
         unless=("ROUTINE", "RF_ONMEDS"), name="broad pills"),
    Rule("overdose", K, ("B_SWALLOW", "B_CHEMICAL"), 8, cross=True, name="broad swallowed"),
    Rule("suicide", K, ("B_GONE",), name="broad gone"),
    Rule("confusion", K, ("B_MUDDLE",), unless=("CONFUSEDIDIOM",), name="broad muddle"),
    Rule("fire", K, ("B_FIRESRC", "B_FIREBAD"), 8, who="place", cross=True,
         unless=("FIREIDIOM", "SMOKEIDIOM", "RF_FIGURE", "B_IDIOM"), name="broad fire"),
    Rule("fire", K, ("B_SMELL", "B_SMELLOF"), 6, who="place", cross=True,
         unless=("RF_FIGURE",), name="broad smell"),
    Rule("violence", K, ("B_STRANGER", "B_PROWL"), 10, who="place", cross=True,
         unless=("B_CALLER",), now=True, name="broad prowler"),
    Rule("violence", K, ("B_ATTACK", "B_ME"), 3, who="agent", ordered=True,
         not_after=("HARMIDIOM",), name="broad attacked"),
    Rule("starvation", K, ("B_NOFOOD", "B_LONG"), 12, cross=True, unless=("RF_THESEDAYS",),
         name="broad no food"),
    Rule("help", K, ("B_SENDFOR",), name="broad send for"),
    Rule("overdose", K, ("B_REDOSE",), name="broad took them again"),
)  # fmt: skip

# a story with an end ("then he left", "it was only the postman") asks nothing
BROAD_RULES = tuple(replace(r, unless_sentence=(*r.unless_sentence, "B_OVER")) for r in _RULES)
