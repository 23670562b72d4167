"""The English detector's concepts: lemma phrases, separated by `;` (see `en_lexicon`).

Words separated by spaces match lemmas or the words as said; `a|b` is either word; `_` is any
one word. "not" stands for every negation, written or contracted ("can't", "dont").
"""

from __future__ import annotations

from dialogue.safety.en_broad import BROAD
from dialogue.safety.en_redflags import REDFLAG
from dialogue.safety.en_scope import SCOPE
from dialogue.safety.en_symptoms import SYMPTOMS
from dialogue.safety.en_wordings import merged

# fmt: off
CONCEPTS: dict[str, str] = {
    **SYMPTOMS,
    **SCOPE,
    **REDFLAG,
    **BROAD,
    # --- shared ---
    "NEG": "not; never; no; without; nothing; none; nowt",
    "INABLE": (
        "can not seem to; not seem to; can not manage to; can not; can hardly; can barely; "
        "unable; not able; hardly; barely; struggle; struggling; trouble; difficulty; difficult; "
        "hard; fight for; not get enough; not catch; not get; labor; labour; not catch|get my "
        "breath"
    ),
    "COULDNT": "could not; could hardly; could barely; couldnt",
    "DAYS": (
        "days; week; weeks; since the weekend; since sunday; since last week; since "
        "monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend; since last; "
        "two|three|four|five|2|3|4|5 day"
    ),
    # --- overdose ---
    "TAKE": (
        "neck; necked; knock back; knocked back; scoff; scoffed; take; took; swallow; have; eat; "
        "down; pop; gulp; drink; drank; give me; gave me; be "
        "given; been given"
    ),
    "TOOK": "took; taken; swallow; swallowed; have taken; downed; necked; gulped; popped; had",
    "PACK": (
        "whole|entire|full strip|bottle|box|pack|packet|blister|jar|tub|lot; week 's "
        "pills|tablets; all at once; the lot; the whole lot; all of them; them all; all my "
        "tablets|pills at once; every pill|tablet i have|got"
    ),
    "PACKIDIOM": (
        "chemist; pharmacist; cupboard; drawer; chocolate; chocolates; biscuit; biscuits; cake; "
        "sweets; crisp; crisps; wine; beer; "
        "cookies; milk; juice; water; tea"
    ),
    "EXCESS": (
        "too many; too much; handful; handfuls; whole "
        "bottle|box|pack|packet|jar|strip|lot|thing|tube|container; the lot; a lot of; lots of; "
        "bunch of; a load of; loads of; heaps of; a pile of; dozen; dozens; all at once; at once;"
        " every one; every single; entire bottle|box|pack|packet; whole; entire; to many; to "
        "much; alot of; a whole load of; whole load of; load of; a whole lot of"
    ),
    "NUMMED": (
        "ten|twenty|thirty|forty|fifty|twelve|fifteen|eleven|dozen|10|12|15|20|30|40|50 "
        "pill|pills|tablet|tablets|capsule|capsules|paracetamol|painkillers; "
        "ten|twenty|thirty|forty|fifty|twelve|fifteen|eleven|dozen|10|12|15|20|30|40|50 of "
        "my|the|those|them pill|pills|tablet|tablets; "
        "ten|twenty|thirty|forty|fifty|twelve|fifteen|eleven|dozen|10|12|15|20|30|40|50 "
        "sleeping|pain|heart pill|pills|tablet|tablets; "
        "ten|twenty|thirty|forty|fifty|twelve|fifteen|eleven|dozen|10|12|15|20|30|40|50 of them"
    ),
    "ALL": "all; all of",
    "MED": (
        "pill; pills; tablet; tablets; medicine; medicines; medication; medications; meds; dose; "
        "doses; capsule; capsules; drug; drugs"
    ),
    "SOMEOF": "some of my|his|her|the|nan|granny; my|nan|nan's|granny's",
    "DANGERMED": (
        "sleeping pill|pills|tablet|tablets; sleep pill|pills|tablet|tablets; painkiller; "
        "painkillers; pain pill|pills|killer|killers; opioid; morphine; oxycodone; codeine; "
        "tramadol; paracetamol; tylenol; acetaminophen; aspirin; insulin; valium; diazepam; "
        "xanax; antidepressant; antidepressants; warfarin; digoxin; the bottle; the box; the "
        "packet; lorazepam; fentanyl; heart pill|pills; nerve pill|pills"
    ),
    "ALCOHOL": (
        "vodka; whisky; whiskey; gin; wine; drink; drinks; bottle of; alcohol; booze; brandy; "
        "sherry; rum; beer"
    ),
    "ROUTINE": (
        "sort|sorted|sorting|put|putting my|the tablets|pills into|in the|my "
        "box|dosette|organiser|organizer; for the week; same dose; new box|packet|pack; different "
        "box|packet|colour|color|brand; morning; today; "
        "usual; breakfast; lunch; dinner; supper; time; evening; as usual; like "
        "the doctor; prescribe; prescribed; remember; already; on schedule; with my; like i "
        "should; like always; every day; daily; yes; yeah; dosette; organizer; like a good "
        "girl|boy; like i be told; like i be supposed to; properly; regularly; every morning; as "
        "prescribed; as i should; on time"
    ),
    "DOUBLE": (
        "twice; double; extra; by mistake; by accident; again; wrong "
        "pill|pills|medicine|tablet|tablets; someone else's; two dose|doses; too soon; "
        "husband|wife|partner|son|daughter 's pill|pills|tablet|tablets|medicine|meds"
    ),
    "POISON": (
        "bleach; poison; antifreeze; detergent; cleaner; cleaning; chemical; chemicals; weed "
        "killer; weedkiller; rat poison; pesticide; lye; paint thinner; dishwasher tablet; drain "
        "cleaner; white spirit; turpentine; disinfectant; battery; button battery; magnet; "
        "magnets"
    ),
    "OVERDOSE": (
        "overdose; overdosed; over dose; over dosed; over dosing; od; poison myself; poisoned "
        "myself; be poisoned; been poisoned"
    ),
    "FOODPOISON": "food poisoning; on chocolate|sugar|cake|sweets|tv|coffee|caffeine",
    # --- suicide ---
    "SUICIDE": (
        "kill myself; end my life; end my own life; end it all; end it; take my own life; take my"
        " life; suicide; suicidal; want to die; wish i be dead; wish i be dead; wish i could die;"
        " wish i have die; want to be dead; better off dead; no reason to live; not want to live;"
        " not want to be alive; not worth living; not worth live; hang myself; shoot myself; "
        "drown myself; jump off the|a bridge|roof|building|cliff; jump in front of; "
        "throw|chuck|fling|hurl|launch|pitch myself off|under|from the|a|that|this; "
        "throw|chuck|fling|hurl|launch|pitch myself in front of; slit my "
        "wrist|wrists; cut my wrist|wrists; want it all to end; want to end it; plan to end; "
        "nothing to live for; ready to die; want to go to sleep and not wake up; rather be dead; "
        "end everything; kill himself|herself|themselves; end his|her|their life; how i would do "
        "it; how i would end it; how to end it; how i would kill; plan how; take his|her own "
        "life; be done with it; done with it all; be done with everything|life; harm myself; hurt"
        " myself on purpose; do something to myself; top myself; top meself; do myself in; off "
        "myself; kill meself; finish myself off; not want to live no more; want to be gone; put "
        "an end to it|myself|everything; put an end to my life; pills lined up; tablets lined up;"
        " got the pills|tablets ready; save|saved|saving up my pills|tablets; "
        "stockpile|stockpiled|stockpiling; hurt|harm himself|herself|themselves; "
        "threaten|threatening to kill|hurt|harm himself|herself|themselves; want it all to be "
        "over; want it to be over; goodbye letter|letters|note|notes; suicide note; say|said my "
        "goodbyes; written my goodbyes; no reason to go on; no reason to carry on; no reason to "
        "keep going; tell|telling me to hurt|kill myself; voices telling me to; want die; just "
        "want die; not want to wake up tomorrow|again|anymore; not want to wake up in the "
        "morning; cut|slit his|her|their wrist|wrists; count|counted out my|all my pills|tablets;"
        " count|counted out all my pills|tablets; tonight be the night; line|lined up my "
        "pills|tablets; take|taken|took something to make it stop|end; take|taken|took something "
        "to make it all stop|end; taken something to end it"
    ),
    "SUICIDEIDIOM": (
        "laugh; laughing; for forget|forgetting; with laughter; if i have to; when i see"
    ),
    "HOPELESS": (
        "give up; giving up; what be the point; no point; tired of living; tired of life; tired "
        "of live; can not go on; can not do this anymore; can not take it anymore; can not take "
        "this anymore; nobody would miss; no one would miss; better off without me; hopeless; no "
        "hope; not want to wake up; not see the point; point in living|going on|carrying "
        "on|anything; no point; better off if i; better off without me; if i be not here|around; "
        "never wake up; not want to be here; ready to go; join my husband|wife; no use living; "
        "fed up with life; not bother waking|wake up; sleep and not wake up; sleep and never "
        "wake; rather not be here|around|alive; not be here at all; life be not worth; not care "
        "if i die; not care whether i live; have had enough; had enough of "
        "life|living|everything; had enough of it all; not see much|any point; no point anymore; "
        "could just disappear; want to disappear; just disappear; fade away; go to sleep and "
        "never|not wake; be with my husband|wife|late; join him|her; do it tonight; made up my "
        "mind; make up my mind; i be a burden; i be such a burden; i be just a burden; feel like "
        "a burden; such a burden; burden to everyone|everybody|them; burden to my "
        "family|kids|children; done something stupid|silly; do something stupid|silly; nothing to"
        " get up for; no reason to get up; nothing left for me; make it all stop; make it all end"
    ),
    "ENOUGHIDIOM": (
        "of; with; to eat; to drink; thank; thanks; food; sleep; rest; dinner; lunch; tea; cake; "
        "for"
    ),
    "HOPEIDIOM": (
        "smoke; smoking; drink; drinking; drive; driving; sugar; the car; the house; the garden; "
        "the dog; the cat; the flat; on the weather; trying to call; the crossword; salt; meat; "
        "cake; chocolate; my license; my licence; the trip; the bus; holiday; the shopping; trip;"
        " the; when; when my time; but not yet; in "
        "buying|getting|doing|having|making|trying|asking|complaining|cooking|cleaning|dressing|worrying|bothering;"
        " in me; of it; of them; on the; on that; on it; at my age"
    ),
    "WANTHURT": (
        "want to hurt myself; think about hurt myself; think about ending; thinking about ending;"
        " think of ending; want|going|gonna to hurt|harm myself; think|thinking about|of "
        "hurting|harming myself; feel like hurting|harming myself"
    ),
    # --- confusion ---
    "LOST": (
        "not know where i be; where be i; not know how i get here; not know how i got here; not "
        "recognize my|the house|home|room|flat|place; not recognise my|the "
        "house|home|room|flat|place; not recognise|recognize my own|the|this|these _; not "
        "recognise|recognize anyone|anybody|where; my own house|home|kitchen|room|bedroom|flat; "
        "not know who i be; not remember my name|address; forget my own name; forgot my own name;"
        " not know my own name; not know my name; not know where i live; not remember where i "
        "live; forgot where i live; forget where i live; not recognize anything; not recognise "
        "anything; nothing look familiar; not my house|home|room|bed; whose house|home|room; what"
        " be this house|place; not find my way home|back; not recognise|recognize these|this|the "
        "street|streets|road|roads|place|house|room|people; not know where he|she be; not know "
        "who he|she be; where be my house; not know this place; who be all these people; some "
        "one|body in my house; not know what day or where i be; no idea where i be; not sure "
        "where i be; not know where i be or; not know where this be; not know what "
        "house|room|place this be; what house this be; not know this "
        "room|house|place|bed|street|area|flat; people who be not there; things that be not "
        "there; suddenly not recognise|recognize me; not recognise|recognize me all of a sudden; "
        "not recognise|recognize my daughter|son|husband|wife|family|children|kids; not "
        "recognise|recognize my own family"
    ),
    "SEEPEOPLE": "see|seeing people|things|someone|somebody|faces|children|animals|men",
    "NOTTHERE": "be not there; not really there; nobody be there; no one be there",
    "NOTKNOW": (
        "not know; no idea; not sure; can not tell; not remember; forget; forgetting; keep "
        "forgetting; forgot; lose|lost track of; lost track"
    ),
    "WHEREIAM": (
        "where i be; who i be; where i live; how i get here; how i got here; what year it be; who"
        " these people be; what i be doing here; why i be here; how to get home; my way home; the"
        " way home"
    ),
    "CONFUSED": (
        "confused; confuse; muddled; mixed up; not think straight; not know what day it be; not "
        "know what be happen; foggy; in a fog; not make sense of; everything be strange; can not "
        "think; head be all fuzzy; all fuzzy; disoriented; disorientated; jumbled; all jumbled; "
        "not know what i be doing; not know what i be do; talk|talking nonsense; where be my "
        "mum|mother|mummy|dad|father|daddy; going round and round; hearing voices; hear voices; "
        "never done this before; never been like this; not like him|her at all; think|thinks it "
        "be 19"
    ),
    "CONFUSEDIDIOM": (
        "about; by; with; over; the; form; bill; letter; appointment; remote; instruction; "
        "instructions; phone; of"
    ),
    # --- fire ---
    "FIRE": (
        "on fire; catch fire; caught fire; there be a fire; fire in; fire be spreading; fire "
        "spread; fire start; fire break out; big fire; flame; flames; blaze; fire everywhere; "
        "house be burning; catch light|alight; caught light|alight; alight; ablaze; in flames; "
        "go|going up the curtain|curtains|wall|walls; go up in flames; kitchen be burning; the "
        "house be on fire; sparking; sparks fly|flying; spark|sparks everywhere; be smoking and; "
        "it be smoking; "
        "plug|socket|heater|wire|wires|electrics|fuse|fusebox|cooker|oven|toaster|microwave|kettle|dryer|fridge|tv|telly"
        " be smoking; "
        "plug|socket|heater|wire|wires|electrics|fuse|fusebox|cooker|oven|toaster|microwave|kettle|dryer|fridge|tv|telly"
        " smoking; fire fire; fire help; curtain|curtains have|be gone up; curtains go up; "
        "blanket|lamp|charger|extension|lead|cable|iron|hairdryer|radio|computer|fan|boiler|dishwasher"
        " be smoking; sparks|spark come|coming out of; sparks coming from; sparks|spark be "
        "coming|flying; sparks|spark _ coming out of"
    ),
    "FIREIDIOM": (
        "fireplace; grate; hearth; wood burner; woodburner; stove be lit; lit; cosy; cozy; warm; "
        "nice; candle; candles; birthday; camp; bonfire; barbecue; bbq; fired; belly; gun; "
        "colour; color; flower; flowers; leaves; sunset; with; life; of my life; in my heart"
    ),
    "SMOKE": "smoke; smoky; smoking",
    "SMOKEBAD": (
        "smell; see; every where; there be; there be a lot of; full of; fill; filling; "
        "everywhere; come from; coming from; pour; pouring; thick; room; house; kitchen; can not "
        "see; black; billow; billowing; hall; upstairs; spark; sparking; sparks; melt; melting"
    ),
    "SMOKEIDIOM": (
        "i smoke; i be smoking; quit; stop; give up; cigarette; cigarettes; cigar; pipe; salmon; "
        "ham; signal; used to; smoke alarm; smoke detector"
    ),
    "GAS": "gas; carbon monoxide",
    "GASBAD": (
        "smell; leak; leaking; hiss; hissing; alarm; detector; beep; beeping; go off; going off"
    ),
    "GASIDIOM": (
        "bill; price; prices; station; out of gas; gas "
        "car|tank|heating|meter|man|fire|hob|cooker|boiler|oven|stove; the car; cooking on; on "
        "the gas; cook on gas; runs on gas"
    ),
    "BURNING": (
        "something be burning; something be burn; smell burning; smell burn; burning smell; smell"
        " of burning; smell something burning; smell something burn; something burning; "
        "electrical smell"
    ),
    "ALARM": (
        "alarm be go off; alarm go off; alarm be sounding; alarm sounding; alarm be going off; "
        "alarm be beeping; alarm be ringing; alarm keep"
    ),
    "ALARMIDIOM": (
        "chirp; chirping; battery; batteries; beep; beeping; test; testing; toast; cooking"
    ),
    # --- violence ---
    "INTRUDER": (
        "intruder; burglar; burglars; robber; robbers; break in; broke in; breaking in; break "
        "into; broke into; broken into; trying to get in; try to get in; try to break; trying to "
        "break; someone|somebody|man|men|stranger|people in my "
        "house|home|flat|room|bedroom|kitchen|garden|yard|hall|hallway|porch|shed|garage; "
        "someone|somebody be in my|the house|home|flat|room|bedroom|kitchen; man in my "
        "house|home|flat|room|bedroom|kitchen; stranger in my "
        "house|home|flat|room|bedroom|kitchen; someone|somebody be in the house; someone|somebody"
        " inside; people in my house; has a knife|gun; he|she|they|someone|somebody|man _ got a "
        "knife|gun; he|she|they|someone|somebody|man have|get|with a knife|gun; be rob; be "
        "robbed; going to kill me; gonna kill me; threaten to kill; threatening to kill; "
        "threatening me; threaten me; some one|body in the|my "
        "house|home|flat|room|kitchen|garden; some one|body be in the|my "
        "house|home|flat|room|kitchen|garden; he|she|they|man|men be in the|my "
        "house|home|flat|room|kitchen|bedroom|hall; smash|smashed my|the window|door|windows; "
        "kick|kicked in the|my door; kick|kicked the|my door in; broke|broken my|the window|door "
        "and; throw|throwing things|stuff at me; he|she|they be throwing things|stuff; "
        "someone|somebody _ be|been in my|the house|home|flat|room|kitchen|bedroom; "
        "say|said|threaten|threatened he|she|they would|will|go hurt|kill|hit|beat me; say|said "
        "he|she|they be going to hurt|kill|hit|beat me; threaten|threatened|threatening to "
        "hurt|kill|hit|beat me; try|trying the door|window|windows|handle|lock|doors; try|trying "
        "the back|front door; try|trying to open the|my door|window; force|forced _ way in; "
        "force|forced his|her|their way in; force|forced the door|window|lock; barge|barged in; "
        "push|pushed his|her|their way in; someone|somebody|man|men|stranger|people in the "
        "house|garden|yard|hall|hallway|porch|shed|garage|kitchen; crowbar; try|trying to get _ "
        "door|window open; try|trying to get the back|front door open; try|trying to force; "
        "man|stranger|someone|somebody here who will not leave; man|stranger|someone|somebody who"
        " will not leave; man|stranger|someone|somebody in here who will not leave; "
        "stranger|someone|somebody|man|men|intruder _ come|came|got into my|the "
        "house|home|flat|room|bedroom; stranger|someone|somebody|man|men|intruder come|came|got "
        "into my|the house|home|flat|room|bedroom"
    ),
    "INTRUDERIDIOM": (
        "shoe; shoes; boot; boots; tear; tears; sweat; song; smile; laugh; a run; new; my bank "
        "account|card; alarm; alarms; light; lights; if i "
        "forget|lose|miss|break|eat|spend|drop|burn; if i be late"
    ),
    "INTRUDERPAST": "caught; arrested; jailed; court; prison; sentenced; police got",
    "VICTIM": (
        "be rob; be robbed; be mugged; be attacked; being attacked; be beaten; being beaten; be "
        "assaulted; be hit; mugged; be stabbed; be shot; be punched; be beaten up; be knocked "
        "down; be pushed over; be kept in; be locked in; being kept in; being locked in; be held;"
        " be tied up; been tied up"
    ),
    "MYREL": (
        "my|our "
        "husband|wife|son|daughter|partner|brother|sister|mother|father|mum|dad|carer|neighbor|neighbour|friend|grandson|granddaughter"
    ),
    "HARM": (
        "hit; beat; punch; slap; kick; push; shove; strangle; choke; grab; attack; stab; "
        "threaten; hurt; rob; mug; abuse; throw; lock; pin; pinned; tie; tied; locked; hold me "
        "down; held me down"
    ),
    "ME": "me; us; i",
    "HARMIDIOM": (
        "at cards|chess|bingo|scrabble|cards|checkers|draughts|dominoes; to it; like a ton; that;"
        " hard; the road; the hay; hit it off; laugh; laughing; in the face with"
    ),
    "SUSPICIOUS": (
        "someone at the door; someone outside; somebody outside; someone at my door; someone at "
        "the window; noise downstairs; noises downstairs; noise in the house; noises in the "
        "house; strange man; strange noises; someone be bang|banging; someone keep knocking; "
        "someone follow; scared of my; afraid of my; scared of him|her|them; afraid of "
        "him|her|them; he hit|hits me; she hit|hits me; take my money; took my money; someone be "
        "watching; i be scared|frightened|terrified of him|her|them; he be shouting and; she be "
        "shouting and; can hear them|someone|somebody; someone|somebody downstairs|upstairs; they"
        " be still here; hang|hanging around outside; lurking; prowler; someone|somebody watching"
        " the house; will not leave; will not go away; refuse|refuses to leave; will kill me; "
        "hammer|hammering|bang|banging on my|the door; going to get me; gonna get me"
    ),
    "KILLIDIOM": (
        "if i forget|lose|miss|break|eat|spend|drop|burn|scratch; if i be late; if i do not; if "
        "she|he find|finds out; when he|she see|sees"
    ),
    "SHOUTME": "shouting|screaming|yelling at me; shout|scream|yell at me",
    # --- starvation ---
    "EAT": (
        "eat; food; meal; drink; water; anything to eat|drink; bite; something to eat; nothing to"
        " eat; a proper meal; a morsel"
    ),
    "NOFOOD": (
        "no food; nothing to eat; no food in the house; not afford food; can not afford to eat; "
        "not keep anything down; not keep food|water down; nothing in the fridge; cupboard be "
        "empty; cupboards be empty; not eat since yesterday; not eat all day; not eat anything "
        "today; not have anything to eat; not have a drink; not a thing in the house; not a thing"
        " to eat; nothing in the house; live|living on crackers|biscuits|water|tea|toast; run out"
        " of food; ran out of food; food be gone; not get to the tap|kitchen|fridge; no water "
        "since; no food since; not eat since; not drink since; not had a drink since; nothing but"
        " water|tea|biscuits|toast|crackers; fridge|cupboard|cupboards be|been empty|bare; not be"
        " able to get any shopping; no shopping; no money for food; not remember when i last "
        "ate|eat|had; when i last ate"
    ),
    "SINCEYEST": "since yesterday; all day; since this morning; since last night",
    "EATIDIOM": (
        "blood test; fasting; fast; diet; meat; pork; sugar; spicy; lunch yet; breakfast yet; "
        "yet; dinner yet; out; fish; anything spicy; chocolate; cake; sweets; alcohol; wine; "
        "beer; fried"
    ),
    # --- help ---
    "HELPME": (
        "help me; help; please help; someone help; somebody help; need help; send help; get help;"
        " i need a doctor; need an ambulance; call an|the ambulance; call 911|999|112; call nine "
        "one one; call the police; call the fire brigade|department; send an ambulance; send "
        "someone; it be an emergency; this be an emergency; emergency; i be dying; i think i be "
        "dying; i be go to die; i be gonna die; come quick|quickly; please come; come right "
        "away|now; send help|someone|somebody; send someone|somebody round; help help; get "
        "someone|somebody here; someone|somebody to come now|quick|quickly|round; need "
        "someone|somebody now; "
        "shout|shouting|call|calling|scream|screaming|cry|crying|yell|yelling for help; get me|us"
        " an|a ambulance|doctor|help; need someone|somebody here; need someone|somebody to come; "
        "get someone|somebody to me|here|round; get me|us help"
    ),
    "HELPIDIOM": (
        "with; to; out; around; cook; clean; shop; carry; understand; find; figure; the; my; "
        "your; them; him; her; for; button; room; contact; number; ing; of; laughing; thirst; "
        "cup; tea; see; know; hear; get; go; button; yourself; yourselves; themselves; herself; "
        "himself; a great; great; been a"
    ),
}
# fmt: on

C: dict[str, tuple[str, ...]] = {
    name: tuple(p.strip() for p in phrases.split(";")) for name, phrases in CONCEPTS.items()
}

C["MED"] += C["DANGERMED"]  # "double my insulin" is a dose of medicine too
C.update(merged(C))  # the rule writer's later wordings (`en_wordings`)
