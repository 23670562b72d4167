"""The verbs the English guard reads after the agent's "I" (`guard_en`): what it may say it
does, and what it cannot."""

# What the agent may say it does: talk, listen, ask, note, hope. "I" followed by any other verb
# is a life it does not have ("I walk my dog", "I drove past") or, promised, an act it cannot
# do ("I can top up your meter"). Verbs with their own rules (call, tell, send, see, make, get,
# bring) are allowed here and judged there.
AGENT_VERBS = frozenset(
    """be have do hope wish understand see hear think know mean appreciate want would like love
    enjoy agree believe bet guess suppose imagine expect realise realize remember recall forget
    note notice call ring phone speak talk chat ask check let tell say mention repeat explain
    pass write make keep put add record log try need wonder worry promise suggest recommend
    encourage advise apologise apologize thank get go come move continue start begin finish end
    leave stop hang wait listen care feel read catch miss lose follow give look hold help reckon
    confirm double review summarise summarize remind welcome hand send bring visit meet drop
    contact book arrange order cancel email text message notify inform alert update share
    understand gather assume take sound seem find mind admire respect value appreciate cherish
    trust doubt fear regret apologise greet answer reply respond ring connect transfer put
    rephrase clarify slow speed pause interrupt finish close wrap let got sorry glad happy hate
    prefer adore include mark cheer root""".split()
)
AGENT_AUX = frozenset("will would can could shall should may might must do be have 'll 'd".split())
AGENT_FUTURE = frozenset("will would can could shall should may might 'll 'd go gonna".split())
AGENT_SKIP = frozenset(
    """also just really too myself actually personally honestly still always usually often
    sometimes already even only certainly definitely probably truly quickly soon now then so
    gladly happily right away immediately""".split()
)
AGENT_ACTS = frozenset(
    "sort book arrange order cancel dispatch organise organize schedule reschedule renew refill "
    "pay buy fix deliver collect chase top".split()
)
