"""English topic classes: the words of one topic, whatever word a speaker picks (P4).

A remark rarely says the words a bank trigger was written with: "a solo in the choir" and "I
sing in the church choir", "the bills are shocking" and "heating costs too much", "we buried
him Thursday" and "an old friend of mine died". Each class below is one topic's everyday words
(lemmas, a few inflected forms besides, as the lemmatizer may leave them); retrieval
(`dialogue.conversation.terms`) adds the class term beside the word, to the triggers and to
what the person said alike, so the two meet on the topic when their words differ.

Classes are topics, never situations: "music" serves choir singing, the radio, karaoke and
an instrument alike; which of them fits is still the words' business. A word belongs to one
class at most. Words that answer a check-in item (eat, sleep, pain, pills, out) are left out:
they are the items' own, and the extraction has its own classes
(`dialogue.extract_concepts`)."""

from __future__ import annotations

PREFIX = "~"  # a class term: never a word of its own

TOPICS: dict[str, str] = {
    "music": """music musical sing sang sung singing singer song songs hymn hymns anthem choir
        choral solo band concert tune tunes melody piano guitar organ fiddle violin carol
        carols karaoke orchestra chorus harmony alto soprano tenor""",
    "money": """money bill bills cost costs costly price prices pricey afford expensive
        cheap penny pennies pound pounds savings debt debts owe skint pension
        budget""",
    "death": """die died death passed funeral bury buried burial grave cremate cremated
        cremation widow widowed widower mourn mourning coffin condolence""",
    "sport": """match football cricket rugby goal goals score scored team league tennis
        golf snooker darts racing wicket innings nil striker referee umpire fixture
        championship tournament""",
    "wildlife": """bird birds robin sparrow blackbird pigeon crow magpie wren thrush starling
        feeder squirrel hedgehog fox badger tit finch owl seagull gull swan
        heron""",
    "dream": "dream dreams dreamt dreamed dreaming nightmare nightmares",
    "forget": """forget forgot forgotten forgetful forgetting memory absent-minded muddled
        muddle scatterbrain""",
    "noise": """noise noisy loud racket din thump thumping bang banging shout shouting
        stomping drilling blaring booming """,
    "heating": "heating heater radiator radiators thermostat",
    "gadget": """mobile smartphone app apps whatsapp facebook text texts message messages ping
        pings pinging internet email emails online video zoom ipad gadget password""",
    "charity": """volunteer volunteering volunteered charity donation donations donate hospice
        fundraising fundraiser foodbank""",
    "career": """job career railway railways factory mill pit colliery signalman nurse
        nursing postman miner docker docks apprentice apprenticeship foreman retire retired
        retirement shifts workplace """,
    "sea": """sea seaside trawler trawlers boat boats sail sailing harbour coast beach
        fisherman fishermen navy ship ships""",
    "abroad": """abroad australia america canada spain france italy overseas emigrate
        emigrated """,
    "homeland": """hometown homeland birthplace island caribbean jamaica barbados trinidad
        ireland scotland wales india pakistan""",
    "move": """bungalow sheltered downsize downsizing relocate retirement""",
    "fraud": """scam scammer scammers con fraud fraudster trick tricked swindle pin details
        impostor""",
    "infant": """baby babies toddler toddlers nappy nappies pram pushchair nursery infant""",
    "faith": "church chapel harvest vicar priest sermon pastor congregation prayer pray",
}

CLASS_OF: dict[str, str] = {}
for _topic, _words in TOPICS.items():
    for _word in _words.split():
        CLASS_OF.setdefault(_word, PREFIX + _topic)


def topic(word: str) -> str | None:
    """The class term of `word` ("choir" -> "~music"), or None."""
    return CLASS_OF.get(word)
