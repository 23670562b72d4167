"""English held-out wordings (see tests/conversation_heldout.py)."""

HELDOUT_EN: dict[str, list[str]] = {
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
    "lonely": [
        "I feel so lonely since my wife passed",
        "it's just me on my own all the time, nobody to talk to",
    ],
    "bored": [
        "honestly I'm so bored, nothing to do",
        "the day drags on and on",
    ],
    "ask_real_person": ["wait, are you a real human being?", "is this a robot calling me"],
    "ask_agent_name": ["sorry, what was your name again?", "and who are you?"],
    "ask_visit": ["would you come and see me one day?", "can't you come round to my house?"],
    "ask_who_gave_number": ["how did you get hold of my number?"],
    "ask_where_from": ["where are you ringing from?"],
    "ask_agent_age": ["how old are you, love?"],
    "ask_agent_married": ["have you got a husband yourself?"],
    "ask_agent_ate": ["have you had your lunch yet?"],
    "ask_call_family": ["could you phone my son for me?"],
    "ask_weather": ["do you know if it will rain tomorrow?"],
    "ask_help_chores": ["can you help me sort out my gas bill?"],
}

PLAIN_EN: list[str] = [
    "Yes I ate",
    "yes I had breakfast",
    "not too bad",
    "I slept fine",
    "no, nothing hurts",
    "yes I took them",
    "I stayed home today",
    "I feel good",
    "yes",
    "no",
    "a little",
    "not really",
    "I'm okay",
    "pretty well thank you",
    "I went out for a bit",
    "yes this is Margaret",
]

UNRELATED_EN: list[str] = [
    "The stock market fell again",
    "purple elephants dance quietly",
    "the capital of France is Paris",
    "hmm",
    "what",
    "sorry",
]
