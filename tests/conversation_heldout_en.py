"""English held-out wordings (see tests/conversation_heldout.py)."""

HELDOUT_EN: dict[str, list[str]] = {
    # family and friends
    "grandchild_visit": [
        "my grandson was here yesterday and he brought me flowers",
        "the grandkids popped round to see their old gran",
        "I had my granddaughter over for the afternoon",
    ],
    "grandchild_news": [
        "guess what, my granddaughter is going to university",
        "my grandson just got engaged",
    ],
    "child_visit": [
        "my daughter came over and cooked for me",
        "my son was here at the weekend",
        "the children are visiting on Saturday",
    ],
    "child_call": [
        "my son gave me a ring last night",
        "I spoke to my daughter on the phone this morning",
    ],
    "family_no_contact": [
        "my son hardly ever phones me anymore",
        "none of my children come to visit",
    ],
    "sibling_contact": [
        "my brother phoned me from Scotland",
        "I went to see my sister yesterday",
    ],
    "friend_visit": [
        "an old friend of mine came round for a chat",
        "I went for lunch with a couple of friends",
    ],
    "neighbour_chat": [
        "the lady next door popped in with some cake",
        "my neighbour helped me with the bins",
    ],
    # outings
    "church_temple": [
        "I was at church this morning for the service",
        "I never miss Sunday mass",
    ],
    "senior_centre": [
        "they had a lunch club at the senior centre",
        "I spent the morning at the community centre with the others",
    ],
    "class_program": [
        "I signed up for an art class at the library",
        "I'm going to a computer course for older people",
    ],
    "walk_park": [
        "I had a nice stroll in the park this morning",
        "I walked down by the river",
    ],
    "market_shopping": [
        "I popped out to the supermarket for a few bits",
        "went down to the market for vegetables",
    ],
    "bus_trip": [
        "we had a coach trip to the seaside",
        "I caught the bus into town for the day",
    ],
    "bathhouse_hair": [
        "I got my hair cut and set",
        "the hairdresser did my hair this morning",
    ],
    # home
    "gardening": [
        "I spent the morning weeding my vegetable patch",
        "the tomatoes in the garden are coming on nicely",
    ],
    "houseplants": [
        "my orchid on the windowsill is flowering again",
        "I gave all my pot plants a drink",
    ],
    "cooking_made": [
        "I made a big pot of soup this morning",
        "I baked some scones",
    ],
    "food_given": [
        "my neighbour brought me round a pie",
        "someone from church gave me some homemade soup",
    ],
    "tv_drama": [
        "I was watching my programme on the telly last night",
        "there's a good drama on TV at the moment",
    ],
    "radio_music": [
        "I had the radio on all morning",
        "I was listening to my old records",
    ],
    "games_hobby": [
        "I did the crossword in the paper",
        "we played a few games of cards",
    ],
    "handicraft": [
        "I'm knitting a jumper for my granddaughter",
        "I've been doing a bit of sewing",
    ],
    "reading": [
        "I'm halfway through a good novel",
        "I read the paper front to back",
    ],
    "pet_dog": [
        "my little dog never leaves my side",
        "I walked the dog round the block",
    ],
    "pet_cat": [
        "my old cat curled up on my lap",
        "the cat wants feeding all the time",
    ],
    "birds_nature": [
        "the birds come to the feeder every morning",
        "there's a robin that visits my garden",
    ],
    "housework": [
        "I did all the washing and ironing",
        "I cleaned the kitchen from top to bottom",
    ],
    "home_repair": [
        "the boiler has packed up again",
        "my washing machine is broken",
    ],
    "nap_rest": [
        "I nodded off in my armchair after lunch",
        "I had a little lie down this afternoon",
    ],
    "exercise_routine": [
        "I do my morning stretches every day",
        "I go to the swimming pool on Wednesdays",
    ],
    # feelings
    "lonely": [
        "I feel so lonely since my wife passed",
        "it's just me on my own all the time, nobody to talk to",
    ],
    "bored": [
        "honestly I'm so bored, nothing to do",
        "the day drags on and on",
    ],
    "worry_family": [
        "I can't stop worrying about my daughter",
        "my son has lost his job and I'm worried sick",
    ],
    "money_worry": [
        "my pension barely covers the bills",
        "I'm struggling to pay for the heating",
    ],
    "tired": [
        "I'm worn out today",
        "I've got no energy at all",
    ],
    "feeling_old": [
        "I'm not as young as I was",
        "getting old is no fun at all",
    ],
    "feeling_happy": [
        "I'm feeling really cheerful today",
        "it's been such a happy day",
    ],
    "feeling_sad": [
        "I just feel so sad",
        "I've been feeling blue and tearful",
    ],
    "fear_alone": [
        "I get frightened at night when I'm alone",
        "I'm scared something will happen and no one will know",
    ],
    "forgetful": [
        "my memory is getting worse",
        "I keep forgetting where I put things",
    ],
    "grief_spouse": [
        "I still miss my husband every day",
        "it's two years since my wife died",
    ],
    "grief_friend": [
        "my best friend passed away last month",
        "I was at a friend's funeral on Tuesday",
    ],
    "memories_past": [
        "in my day we had no money at all",
        "I worked as a nurse for forty years",
    ],
    "hometown": [
        "I miss the village where I grew up",
        "I was born by the sea, a long way from here",
    ],
    # health
    "small_pain": [
        "my knee's been playing up",
        "my back aches something terrible",
    ],
    "sleep_trouble": [
        "I wake up in the middle of the night and can't get back to sleep",
        "I hardly sleep at all at night",
    ],
    "poor_appetite": [
        "I've lost my appetite lately",
        "I don't fancy eating anything",
    ],
    "hospital_visit": [
        "I've got an appointment at the hospital next week",
        "I went to see the doctor on Monday",
    ],
    "cold_flu": [
        "I've got a bit of a cough and a runny nose",
        "I think I caught a cold",
    ],
    "eyes_ears": [
        "my eyes aren't what they were",
        "my hearing is getting worse",
    ],
    "medicine_trouble": [
        "I get muddled with all my tablets",
        "I've run out of my pills",
    ],
    "walking_difficulty": [
        "I can't manage the stairs anymore",
        "I need my stick to walk now",
    ],
    # events and weather
    "birthday": [
        "I'll be eighty five on Sunday",
        "they threw me a little party for my birthday",
    ],
    "holiday": [
        "we all had Christmas dinner together",
        "the family came for the Easter weekend",
    ],
    "happy_news": [
        "I've had some lovely news",
        "I won the raffle at the church fair",
    ],
    "wedding_family": [
        "my niece's wedding was on Saturday",
        "my grandson is getting married in June",
    ],
    "weather_hot": [
        "it's been so hot I can hardly breathe in the flat",
        "this heat is too much for me",
    ],
    "weather_cold": [
        "it's bitterly cold today",
        "the house is freezing",
    ],
    "weather_rain": [
        "it hasn't stopped raining all day",
        "the rain's been pouring down",
    ],
    "weather_nice": [
        "the sun is shining today",
        "it's a beautiful spring day",
    ],
    "news_talk": [
        "I saw on the news that everything is going up",
        "the news is all bad these days",
    ],
    # about the call
    "complaint_calling": [
        "why do you people keep ringing me",
        "I don't want these calls anymore",
    ],
    "busy_now": [
        "I'm in a bit of a hurry",
        "can we be quick, I'm going out",
    ],
    "gratitude_agent": [
        "it's kind of you to ring me",
        "thank you for checking on me",
    ],
    "praise_agent": [
        "you've got such a nice voice",
        "you're very polite, dear",
    ],
    "joke": [
        "only joking, ha ha",
        "I'm pulling your leg",
    ],
    "apology_rambling": [
        "sorry, I do go on",
        "I'm rambling again, aren't I",
    ],
    "care_worker_mention": [
        "my carer came this morning",
        "the home help does my shopping for me",
    ],
    "daily_routine": [
        "I'm up at six every morning",
        "I always have my cup of tea at four",
    ],
    # questions to the agent
    "ask_real_person": ["wait, are you a real human being?", "is this a robot calling me"],
    "ask_agent_name": ["sorry, what was your name again?", "and who are you?"],
    "ask_visit": ["would you come and see me one day?", "can't you come round to my house?"],
    "ask_who_gave_number": ["how did you get hold of my number?", "who gave you this number"],
    "ask_where_from": ["where are you ringing from?", "who are you working for"],
    "ask_agent_age": ["how old are you, love?", "are you young?"],
    "ask_agent_married": ["have you got a husband yourself?", "are you married, dear?"],
    "ask_agent_ate": ["have you had your lunch yet?", "did you eat today?"],
    "ask_agent_how_are_you": ["and how are you today?", "how are you keeping?"],
    "ask_call_family": ["could you phone my son for me?", "can you ring my daughter?"],
    "ask_weather": ["do you know if it will rain tomorrow?", "is it going to be cold?"],
    "ask_help_chores": ["can you help me sort out my gas bill?", "can you fix my telly?"],
    "ask_news": ["have you heard the news today?", "what's going on in the world?"],
    "ask_call_again": ["will you ring me again tomorrow?", "when will you call next?"],
    "ask_recording": ["is this being recorded?", "who hears what I say?"],
}

PLAIN_EN: list[str] = [
    "Yes I ate",
    "yes I had breakfast",
    "I had some toast",
    "not too bad",
    "I slept fine",
    "slept alright",
    "no, nothing hurts",
    "no pain today",
    "yes I took them",
    "I took my pills",
    "I stayed home today",
    "I went out for a bit",
    "I feel good",
    "I'm okay",
    "pretty well thank you",
    "yes",
    "no",
    "a little",
    "not really",
    "I don't know",
    "yes this is Margaret",
    "speaking",
    "fine thanks",
    "so so",
]

UNRELATED_EN: list[str] = [
    "The stock market fell again",
    "purple elephants dance quietly",
    "the capital of France is Paris",
    "seven times eight is fifty six",
    "hmm",
    "what",
    "sorry",
    "pardon",
    "hello",
    "okay then",
]
