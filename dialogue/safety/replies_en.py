"""English signals in a reply to a safety check question, read from `dialogue.analysis.en`
tokens (lemmas, the `not` particle and its verb), not from regexes over the text.

`signals(analysis)` returns `Signal`s in the order said (see `dialogue.safety.replies`).
"""

from __future__ import annotations

from dialogue.analysis import Analysis
from dialogue.safety.replies_base import Signal

_YES = {"yes", "yeah", "yep", "yup", "ya", "yea", "aye", "mhm", "correct", "afraid", "yess"}
_NO = {"no", "nope", "nah", "never", "nothing", "none", "neither"}
_FINE = {"fine", "okay", "ok", "alright", "good", "great", "grand", "dandy"}
# "I'm fine" is a no; "fine" heard for "find" too.
_FINE_HEARD = {"find"}
_HEDGE = {"little", "bit", "somewhat", "slightly", "sort", "kind", "kinda", "sorta"}
_UNSURE_VERBS = {"know", "remember", "tell", "say", "recall"}  # "don't know", "can't say"
_UNSURE = {"maybe", "perhaps", "possibly", "unsure", "dunno", "guess", "hmm"}
_SURE = {"sure", "shore", "certain"}  # "not sure"
_REPEAT = {"pardon", "huh", "eh", "repeat", "again", "breaking", "what", "sorry", "who", "louder"}
_HEAR = {"hear", "catch", "here", "understand", "follow"}
# "can't get up", "won't stop": not a no
_MODAL = {"can", "could", "will", "would", "cannot", "cant", "wont"}
_REVERSE = {"stop", "work", "move", "breathe", "lift", "feel", "speak", "talk", "see", "walk"}
_AUX = {"be", "do", "have"}
_LIGHT = {"i", "you", "it", "a", "the", "be", "do", "have", "dear", "love", "oh", "well", "so",
          "just", "really", "that", "this", "now", "right", "at", "all", "to", "of", "and", "my",
          "me", "there", "here", "any", "like", "thank", "thanks", "goodness", "heaven", "god",
          "honey", "sweetheart", "actually", "then", "one", "moment", "not", "'s", "s", "only",
          "yes", "no"}  # fmt: skip


def signals(analysis: Analysis) -> list[Signal]:
    toks = [t for t in analysis.tokens if t.surface.strip(".,!?;:'\"-") or t.surface == "?"]
    words = [t.surface.strip('.,!;:"-') for t in toks]
    lemmas = [t.lemma for t in toks]
    out: list[Signal] = []
    n = len(toks)
    for i, (w, lem) in enumerate(zip(words, lemmas, strict=True)):
        nxt = words[i + 1] if i + 1 < n else ""
        prev = words[i - 1] if i else ""
        question = analysis.text[toks[i].end : toks[i].end + 2].lstrip(" ,").startswith("?")
        if w in _YES or (w in ("uh", "mm") and nxt in ("huh", "hm", "hmm")):
            out.append(Signal("yes", i))
        elif (
            w in ("i", "it")
            and nxt in ("am", "do", "did", "does", "is", "'m")
            and (i + 2 >= n or words[i + 2] in ("yes", "a") or _pause_after(analysis, toks[i + 1]))
        ):
            out.append(Signal("yes", i))  # "I am." "I do, yes." "It is a bit."
        elif w == "think" and nxt == "so" and prev not in ("n't", "not", "don't"):
            out.append(Signal("yes", i))
        elif w in ("right", "true") and i == 0 and (n == 1 or question is False):
            out.append(Signal("yes", i))
        elif w in ("cannot", "cant", "couldnt", "wont"):
            out.append(Signal("inability", i))
        elif lem == "not" or w in ("n't", "not"):
            out.append(_negation(toks, words, i))
        elif w in _NO:
            out.append(Signal("no", i))
        elif w in _FINE or w in _FINE_HEARD and prev in ("'m", "am", "i"):
            out.append(Signal("no", i))
        elif w == "well" and i and prev in ("'s", "is", "'m", "am", "feel", "feeling", "doing"):
            out.append(Signal("no", i))
        elif w == "all" and nxt == "right":
            out.append(Signal("no", i))
        elif w in _HEDGE and (w not in ("sort", "kind") or nxt == "of"):
            if w not in ("little", "bit") or prev in ("a", "little", "bit"):
                out.append(Signal("hedge", i))
        elif w in _UNSURE:
            out.append(Signal("unsure", i))
        elif w in _REPEAT and (question or n <= 3 or w in ("pardon", "repeat", "again")):
            short_question = n <= 4 and analysis.text.rstrip().endswith("?")
            if (
                w not in ("sorry", "what", "who")
                or question
                or short_question
                or n <= 2
                or (nxt in ("was", "did"))
            ):
                out.append(Signal("repeat", i))
        elif (
            lem in _HEAR
            and prev in ("n't", "not")
            or w == "breaking"
            or (lem in ("speak", "talk") and nxt == "up")
        ):
            out.append(Signal("repeat", i))
        elif w in ("hard", "difficult") and nxt == "to" and i + 2 < n and words[i + 2] == "say":
            out.append(Signal("unsure", i))
        if toks[i].tag in ("NOUN", "VERB", "ADJ", "PROPN", "NUM") and lem not in _LIGHT:
            if not out or out[-1].at != i:
                out.append(Signal("content", i))
    return out


# Verbs and adjectives too light to echo a question ("did you take", "do you have").
_LIGHT_PREDICATES = {"be", "have", "do", "get", "go", "take", "think", "make", "say", "let"}


# Said of oneself, not negated, in reply to a red-flag question: a complaint, read as a yes
# when no no was said ("it hurts", "I'm dizzy").
COMPLAINTS = {"hurt", "ache", "sore", "tight", "dizzy", "numb", "weak", "painful", "burn",
              "tingle", "squeeze", "throb", "pound", "wheeze", "faint", "bleed"}  # fmt: skip


def predicates(analysis: Analysis, asked: frozenset[str] | None) -> set[int]:
    """Indices (as `signals` counts tokens) of the verbs and adjectives of `analysis`; with
    `asked`, only those whose lemma is one of `asked`."""
    toks = [t for t in analysis.tokens if t.surface.strip(".,!?;:'\"-") or t.surface == "?"]
    return {
        i
        for i, t in enumerate(toks)
        if t.tag in ("VERB", "ADJ")
        and t.lemma not in _LIGHT_PREDICATES | _LIGHT | _MODAL
        and (asked is None or t.lemma in asked | COMPLAINTS)
    }


def _pause_after(analysis: Analysis, tok) -> bool:
    """The sentence or clause ends right after the token: "I am." "I do, dear." """
    return analysis.text[tok.end : tok.end + 1] in ("", ",", ".", "!", ";", "?")


def _negation(toks, words: list[str], i: int) -> Signal:
    """`not`/`n't`: what it negates. "not sure", "don't know" are doubt; "can't get up", "won't
    stop" (a modal, or a verb whose negation is the symptom) are not a no; "I'm not having
    any trouble", "didn't faint", "not really" are."""
    prev = toks[i - 1].lemma if i else ""
    after = [t.lemma for t in toks[i + 1 : i + 4]]
    following = [w for w in words[i + 1 : i + 4]]
    if any(w in _SURE for w in following[:2]) or (after and after[0] in _UNSURE_VERBS):
        if after and after[0] == "say" and "again" in following:
            return Signal("repeat", i)
        return Signal("unsure", i)
    if after and after[0] == "think" and "so" in following:
        return Signal("no", i)  # "I don't think so"
    if any(lem in _HEAR for lem in after[:2]):
        return Signal("repeat", i)
    if (
        following[:2]
        and following[0] in ("i", "you", "it", "we", "he", "she")
        and (following[1:2] == ["?"] or i + 2 >= len(words))
    ):
        return Signal("content", i)  # a tag question: "I can talk fine, can't I?"
    if prev in _MODAL:
        return Signal("inability", i)
    if after and after[0] in _REVERSE:
        return Signal("inability", i)
    return Signal("no", i)
