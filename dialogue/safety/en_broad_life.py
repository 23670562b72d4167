"""The broad layer's vocabularies of the mind and the home (`en_broad` has the body's and the
rules): wishes to be gone, muddle, fire and smoke, someone in the house or hurting the
person, going without food, asking for a person to come; and what ends or explains a story."""

from __future__ import annotations

# fmt: off
LIFE: dict[str, str] = {
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
        "shuffle off; check out early; end of the road for me; not want to go on; not want to go "
        "on anymore; "
        "can not face another day|tomorrow; can not face it anymore; can not face going on; let "
        "myself go; "
        "let go of life; wish it be over; wish i be gone; wish the lord|god would take me; "
        "pray not to wake; pray i do not wake; take me now; rope; noose; know what i be going "
        "to do; made my peace; said my goodbyes; sort out my will and; tidy my affairs; stop "
        "eating on purpose; stop taking my tablets on purpose; stop taking them on purpose; "
        "out of everyone 's way; out of the way for good; disappear for good; pack it all in; "
        "give up on life; given up on life; give up living; given up living; do something to "
        "myself; hurt myself; end things; end everything"
        "; close my eyes and never|not; never open them|my eyes again; never wake again; "
        "letters to the|my children|kids|family|son|daughter|grandchildren; letters for the|my "
        "children|kids|family; left a note; where they will find; stock up my|the|some "
        "tablets|pills; stocking up my|the tablets|pills; stockpile; stockpiling; hoarding "
        "my|the tablets|pills; saving up my|the tablets|pills; tonight be the time|night; ways "
        "to finish|end it; finish it; nobody need me; no one need me; nobody needs me; no use "
        "to anyone; lie down and not get up; walk into the sea|river; railway line; put myself "
        "out of"
        "; slip away; slipped away; slipping away; pass away quietly; pop my clogs; kick the "
        "bucket; meet my maker; go to sleep and not|never; relieved if i; better off if i; "
        "easier if i; easier for everyone if; how easy it would be; how easy it would; tired of"
        " it all; want this to be over; want it over; want it all over"
        "; easier|better for everyone|everybody|all if; go|went to sleep and do not|never; "
        "looking at my wrists; look at my wrists"
        "; sleep forever; go to sleep forever; want it all to stop; want everything to stop"
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
        "; not know this kitchen|house|room|bedroom|lounge|place|street|bed|chair; who be that "
        "man|woman|lady|person; who be the man|woman|lady in the photo|photos|picture; someone "
        "have moved everything; somebody have moved everything; whose "
        "bed|bedroom|kitchen|chair|place|clothes; morning or night; night or morning; what year"
        " be it; still the war; fetch|get|collect the children|kids from school; pick|picking "
        "at the air; all over the place today; not know who i be; talking to her|his "
        "mother|father; wandering about; wander off; found him|her in the street; can not work "
        "out where|what|whose|if|who; not work out where|what|whose|who"
        "; not my things; these be not my; want to go home; take me home; not understand what "
        "be happening|going; not mean anything; make no sense; seeing "
        "cats|people|children|men|animals|spiders|insects|bugs|faces|things; talking to the "
        "wall|walls|ceiling; on the ceiling; people who be not there"
        "; where be everybody|everyone gone; where have everybody|everyone gone; be this the "
        "hospital; why be it dark; for the school run; keep going to the door; cloudy; woolly; "
        "can not follow what; can not follow anything; put the kettle|keys|phone|milk in the "
        "fridge|oven|freezer|washing"
        "; babbling; babble; rambling; climb|climbing out the|of window; climb|climbing out of the "
        "window; not know "
        "what|which street|road|town|place|house|room|bus; can not make head nor|or tail; can not "
        "make head nor|or tail of; not know if i"
        " have eaten"
        "; hiding under the table|bed|stairs; there be soldiers|germans; not know what be real;"
        " walls be moving; walls moving; ceiling be moving; things crawling"
        "; be not my street|road|town|house|home|room|flat|bed; not recognise|recognize "
        "our|her|his|their house|home|flat|room|family|children|husband|wife|daughter|son; "
        "asking where her|his mother|mum|father|dad|wife|husband be; where i have put myself"
    ),
    # --- fire, smoke, gas ---
    "B_FIRESRC": (
        "toaster; pan; chip pan; frying pan; cooker; oven; hob; grill; boiler; heater; fire; "
        "curtain; curtains; cupboard; plug; socket; wire; wires; wiring; electrics; candle; "
        "kettle; microwave; tv; telly; dryer; tumble dryer; blanket; electric blanket; lamp; "
        "landing; hall; stairs; kitchen; bedroom; loft; roof; bin; chair; sofa; mattress; "
        "extension lead; charger; fuse box; meter"
        "; flat; wall; tea towel; tea towels; "
        "electric"
        "; carbon monoxide; monoxide; co alarm; detector; table cloth; tablecloth; washing "
        "machine; candle"
    ),
    "B_FIREBAD": (
        "gone up; go up; went up; going up; catching; caught fire|light; catch fire|light; smoke; "
        "smoking; smoky; "
        "flame; flames; burning; burn; melting; melt; sparking; spark; sparks; whoosh; alight; "
        "blaze; black smoke; filling up; fill up; filling; can not see; singed; scorch; scorched; "
        "crackling; glowing; red hot; on fire"
        "; smoulder; smouldering; smoulders; smolder; smoldering; black stuff; throwing out; "
        "gone brown; go brown; brown; too hot to touch; hot to touch; fizzing; fizz; crackle; "
        "crackling; popping; on fire"
        "; spreading; spread; be caught; have caught; keep beeping|bleeping|going; bleeping; "
        "bleep"
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
        "; fellas; blokes; hoods; hoodies; masks; balaclavas"
    ),
    "B_PROWL": (
        "in my garden; in the garden; back garden; front garden; in my back|front garden; back "
        "door; front door; door handle; the handle; window; windows; letterbox; letter box; "
        "forced; force; forcing; barged; will not go; will not leave; "
        "torch; looking in; peering in; peer in; peering; rattling; rattle; trying; hiding; "
        "shed; garage; side gate; the gate; climbing; climbed; upstairs; downstairs; in the "
        "house; in my house; in my flat; in the flat; standing over; in my bedroom"
        "; into the hall; into the house; into my house; pushed|push|barged|shoved past me; "
        "going through my drawers|things|bag|handbag|purse|cupboards|stuff; rifling; "
        "ransacking; smashing the place|house; smashing; smash; kicking the door; kicking my "
        "door; locked myself in; lock myself in; hiding in; hid in; off his|her head; on "
        "something; raging; going mad; throwing things; round the back; at the back"
        "; outside my gate|door|window|house; outside the gate|door|window|house; staring at "
        "the|my house|window|door; staring in; followed me; following me; footsteps; moving "
        "about; i live alone; i live on my own"
        "; on my doorstep; at my door; foot in the door; will not budge; not budge; will not go"
        " away"
        "; jemmy; jemmying; prise; prising; pry; prying; crowbar"
        "; trying every door; trying the doors; try every door; at mine; at my door"
    ),
    "B_ATTACK": (
        "shove; shoved; push; pushed; hit; hits; slap; slapped; punch; punched; kick; kicked; "
        "grab; grabbed; strangle; throttle; throttled; twisted my arm; pinned; shook; shake; "
        "threw; throw; knocked; knock; lock; locked; threaten; threatened;"
        " bruises; bruised"
        "; twist; twisted; bent my fingers|arm|wrist; squeezed my arm|wrist; pinch; pinched; "
        "nip; nipped; scratch; scratched; bitten; snatch; snatched; mugged; robbed"
        "; beat; beating; beat up; beating up; battering; laying into; lay into"
        "; hands round; hands around; hand round; hand around"
    ),
    "B_ME": "me; my arm; my wrist; my face; my neck; my throat; my hair",
    "B_THEM": (
        "her; him; them; my|his|her|our neighbour|neighbor|wife|husband|son|daughter|mum|dad|"
        "sister|brother|friend|carer; the neighbour|neighbor|woman|lady|man|girl|boy|child"
    ),
    # --- starvation ---
    "B_NOFOOD": (
        "empty; bare; nothing to eat; nothing in; not eat; not eaten; not had a bite|morsel|"
        "thing|meal|crumb; not a bite|crumb|morsel; not keep anything down; not keep food down;"
        " keep nothing down; no shopping; not do my shopping; not been to do my shopping; no "
        "one to shop; nobody to shop; living on; cups of water; only water; just water; nothing "
        "but; run out; ran out; no food; not eating; no money for food; not had a proper meal; "
        "not had anything; not had any food|water; not drunk anything; not had a drink; nothing "
        "left; last tin; the "
        "last of the|my food|bread|milk"
        "; stopped eating; stop eating; stopped drinking; not touched anything; not touched a "
        "thing; not touched her|his|my food; not touch anything|food; going without; go without; "
        "gone "
        "without; food went off; food gone off; anything but a few; anything but "
        "crackers|biscuits|tea; no "
        "water coming; not drunk; could not get out to the shop|shops; can not get out to the "
        "shop|shops; nothing in the fridge"
        "; last time i had a proper drink|meal; last time i had anything; last time i "
        "ate|drank; like sandpaper; dried up; dry as a bone; parched; no money left; no money "
        "till"
        "; can not remember the last time i; can not remember when i last; not remember the "
        "last time i; can not remember when i last"
        "; barely drinking; barely eating; hardly drinking; hardly eating; not eaten since; not"
        " eat since"
        "; not touch her|his|my|their food|tea|dinner|meals|meal; not touched her|his|my|their "
        "tea|dinner|meals|meal"
        "; not had no|nothing; had no dinner|breakfast|tea|food|meal; no dinner|breakfast|tea "
        "nor; nor nothing"
        "; refuse|refuses|refusing|refused food|water|drink; refuse|refuses|refusing|refused "
        "to eat|drink; have had nothing; "
        "had nothing for; too poorly|ill|weak to get up and make|eat"
    ),
    "B_LONG": (
        "since monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend; since last "
        "week; since the weekend; days; day; week; weeks; "
        "two|three|four|five|six|several|few days; couple of days; "
        "2|3|4|5|6 days; all week; since last; for days"
    ),
    # --- help: asking for a person to come ---
    "B_SENDFOR": (
        "get|send|fetch someone|somebody|anyone|help out|round|over|here|to; get"
        " someone; get somebody; send someone; send somebody; send help; need someone|somebody "
        "here|now; need someone|somebody to come; can someone|somebody come; could "
        "someone|somebody come; can you get "
        "someone|somebody|help; get me some help; please hurry; come and help; come and get me;"
        " come and find me; in a real state; in a terrible state; in a right state; in a bad "
        "way; can not manage on my own; can not cope on my own; something be really|very|"
        "seriously not right; something be terribly wrong; something be badly wrong"
        "; phone|ring|call for someone|somebody|help; phone|ring|call for a|an doctor|ambulance; "
        "not well at all; "
        "really not well; really not right; do not ring off; do not hang up; stay on the line; "
        "need someone to come; need somebody to come; be anyone there; anyone there; i be "
        "stuck; somebody please; someone please"
        "; need|want|get the|a doctor|ambulance|nurse|paramedic; need the doctor out; get the "
        "doctor out; really bad; be really bad; something bad be happening"
        "; amble ants; amber lance; ambu lance; an amble|amber|ambu"
        "; call|ring|phone someone|somebody|anyone|help; get|call|ring|phone the|an "
        "ambulance|paramedics|paramedic"
        "; in a bad state; tell him|her to come; ring|call|phone my "
        "son|daughter|husband|wife|neighbour|neighbor"
        "; send|get|fetch the|an|a paramedics|paramedic|ambulance|doctor|nurse"
        "; in a terrible|awful|dreadful|real way; will|would|can|could someone|somebody come"
    ),
    "B_REDOSE": (
        "can not remember if i take|took|taken|have; not sure if i take|took|taken|have; not "
        "know if i take|took|taken|have; take|took|taken them|it again|twice; again and again; "
        "took another lot; had another lot"
    ),
    "B_GASILL": (
        "carbon monoxide; monoxide; co alarm; gas alarm; gas smell; smell of gas; boiler; fumes"
    ),
    "B_GASBAD": "sick; sleepy; drowsy; headache; dizzy; woozy; confused; muzzy",
    "B_COSY": (
        "fireplace; grate; hearth; wood burner; woodburner; lit; cosy; cozy; warm; lovely; nice; "
        "birthday; camp; bonfire; barbecue; bbq; fired; belly; gun; sunset; of my life; in my "
        "heart"
    ),
    # a person in trouble now, whatever it is about: paired with any topic of the body or home
    "G_DISTRESS": (
        "not stop; will not stop; can not stop it; getting worse; get worse; worse and worse; "
        "worse now; something be wrong; something be not right; something wrong; not right; "
        "really bad; very bad; so bad; awful; terrible; horrible; dreadful; agony; emergency; "
        "please hurry; hurry; can not cope; never had this|that before; never felt like this; "
        "never been like this; not normal for me; out of nowhere; all of a sudden; suddenly; "
        "frightening me; scaring me; i be frightened|scared|terrified|panicking now; i be "
        "frightened|scared|terrified|panicking and; do not know what to do"
    ),
    "B_BLADE": "knife; razor; razor blade; blade; blades; scissors; broken glass",
    "B_WRIST": "wrist; wrists; my throat; my arms; my veins",
    "B_HOARD": (
        "hoard; hoarding; hoarded; stockpile; stockpiling; stockpiled; stock up; stocking up; "
        "save up; saving up; saved up; put by; putting by; squirrel; squirrelling; keep back; "
        "keeping back; kept back"
    ),
    "B_SMOKEOK": "barbecue; bbq; bonfire; incense; steam; steamy; the toast; smoker; kipper",
    # over before it was told: a sentence with one of these is a story with an end
    "B_OVER": (
        "he|she|they|it left; then left; went away; it|that be just|only "
        "a|an|the|someone|somebody|nothing|wind|indigestion|cramp|my; just someone|somebody; "
        "turn|turned out; false alarm; nothing in it; fine "
        "now; better now; okay now; alright now; all sorted; sorted now; caught|catch|steadied "
        "myself; no harm done; be fine after; right as rain"
        "; meant to; supposed to; always do|does that; come|came|got through it; out the other "
        "side"
    ),
    # what the broad words also mean, in the same clause
    "B_IDIOM": (
        "for six; heart go out; heart goes out; heart of gold; heart be in; at heart; by heart; "
        "heart to "
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
        "; drowning in; bleeding money; bleed me dry; skipped a beat; skip a beat"
        "; burn|burning the candle; candle at both ends; this heat; the heat; in this weather; "
        "humid; muggy; stuffy; kick|kicked|kicking the bucket over|across|down"
    ),
}
# fmt: on
