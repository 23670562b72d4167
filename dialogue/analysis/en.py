"""English analysis: tokens with lemmas, a coarse part of speech and a sentence index.

Recognizers give lower-case words without punctuation, and contractions come both ways
("can't" and "cant", "i'm" and "im"), so contractions are split into their words ("can't" ->
can + not) before lemmatization: a detector then sees one `not` whatever was written.

Lemmas come from `lemminflect` (a dictionary of English inflections, with the part of speech
each lemma belongs to): "fell" -> fall, "felt" -> feel, "breathing" -> breathe. Chosen over
`simplemma` because simplemma leaves "felt" and "breathing" as they are, and verbs carry most
symptoms. Cost measured on the development machine (2 cores): import plus first lemma
0.2-0.4 s once per process, +47 MB resident (simplemma: 0.2 s, +28 MB); lemmas are cached per
word, and an utterance takes about 0.04 ms.
The part of speech is a guess from lemminflect's candidates and the previous word: cheap,
and good enough to tell "a fall" from "I fell".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dialogue.analysis import Analysis, Token

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[.!?;]+")

# Written without apostrophes by recognizers: word -> its parts as (text, lemma, tag).
_MERGED = {
    "im": (("i", "i", "PRON"), ("m", "be", "VERB")),
    "ive": (("i", "i", "PRON"), ("ve", "have", "VERB")),
    "youre": (("you", "you", "PRON"), ("re", "be", "VERB")),
    "hes": (("he", "he", "PRON"), ("s", "be", "VERB")),
    "shes": (("she", "she", "PRON"), ("s", "be", "VERB")),
    "theyre": (("they", "they", "PRON"), ("re", "be", "VERB")),
    "thats": (("that", "that", "PRON"), ("s", "be", "VERB")),
    "whats": (("what", "what", "PRON"), ("s", "be", "VERB")),
    "theres": (("there", "there", "PRON"), ("s", "be", "VERB")),
    "cant": (("ca", "can", "VERB"), ("nt", "not", "PART")),
    "wont": (("wo", "will", "VERB"), ("nt", "not", "PART")),
    "aint": (("ai", "be", "VERB"), ("nt", "not", "PART")),
}
for _aux, _lemma in {
    "do": "do",
    "does": "do",
    "did": "do",
    "is": "be",
    "was": "be",
    "are": "be",
    "were": "be",
    "have": "have",
    "has": "have",
    "had": "have",
    "could": "could",
    "would": "would",
    "should": "should",
    "must": "must",
}.items():
    _MERGED[_aux + "nt"] = ((_aux, _lemma, "VERB"), ("nt", "not", "PART"))

_SUFFIXES = {  # contraction ending -> (lemma, tag); n't handled apart (it eats a letter)
    "'m": ("be", "VERB"),
    "'re": ("be", "VERB"),
    "'ve": ("have", "VERB"),
    "'ll": ("will", "VERB"),
    "'d": ("would", "VERB"),
}
# Recognizer slips that would hide a word from every lexicon: a homophone the recognizer prefers
# ("chest pane"), and words it splits ("some one"). Only slips with no other likely meaning in a
# care call are listed: "weak"/"week" or "an"/"and" are left as they are.
_SLIPS = {
    "pane": "pain",
    "payne": "pain",
    "hart": "heart",
    "brake": "break",
    "wanna": "want",
    "feint": "faint",
    "breth": "breath",
    "brest": "breast",
    "bleading": "bleeding",
}
_JOINED = {
    ("am", "bulance"): "ambulance",
    ("my", "self"): "myself",
    ("your", "self"): "yourself",
    ("him", "self"): "himself",
    ("her", "self"): "herself",
    ("some", "one"): "someone",
    ("some", "body"): "somebody",
    ("no", "body"): "nobody",
    ("any", "one"): "anyone",
    ("any", "body"): "anybody",
    ("every", "where"): "everywhere",
    ("next", "door"): "nextdoor",
}
_S_IS = frozenset(
    "he she it that there what who where here how everything something someone somebody "
    "nobody everyone anyone".split()
)

_CLOSED = {
    **dict.fromkeys(
        "i me my mine myself we us our ours ourselves you your yours yourself he him his "
        "himself she her hers herself it its itself they them their theirs themselves "
        "someone somebody anyone anybody everyone everybody nobody something anything "
        "nothing everything who whom whose what which that this these those there".split(),
        "PRON",
    ),
    **dict.fromkeys("a an the some any no every each all both another".split(), "DET"),
    **dict.fromkeys(
        "in on at to of for from with by about over under into onto through after before "
        "since during until than like without around off up down out near behind across round "
        "inside between along through below above beside towards onto upon within".split(),
        "ADP",
    ),
    **dict.fromkeys("not n't never".split(), "PART"),
    **dict.fromkeys(
        "and or but so because though although if when while then yet nor".split(), "CCONJ"
    ),
    **dict.fromkeys(
        "am is are was were be been being do does did have has had can could will would "
        "shall should may might must".split(),
        "VERB",
    ),
}
_LEMMA_CLOSED = {"am": "be", "is": "be", "are": "be", "was": "be", "were": "be", "been": "be"}
_LEMMA_CLOSED |= {"being": "be", "does": "do", "did": "do", "has": "have", "had": "have"}
_LEMMA_CLOSED |= {"n't": "not"}
_VERB_CONTEXT = frozenset("i you he she we they to not can could will would should might".split())
_NOUN_CONTEXT = frozenset("a an the my your his her our their this that some any no".split())
_NUM = frozenset("one two three four five six seven eight nine ten".split())
_POS_MAP = {"NOUN": "NOUN", "PROPN": "NOUN", "VERB": "VERB", "AUX": "VERB", "ADJ": "ADJ"}
_POS_MAP |= {"ADV": "ADV", "NUM": "NUM"}


@lru_cache(maxsize=1)
def _lemmatizer():
    from lemminflect import getAllLemmas

    return getAllLemmas


@lru_cache(maxsize=65536)
def _candidates(word: str) -> tuple[tuple[str, str], ...]:
    """(coarse tag, lemma) pairs the dictionary knows for `word`, verbs first."""
    found = _lemmatizer()(word)
    order = ("VERB", "AUX", "NOUN", "PROPN", "ADJ", "ADV", "NUM")
    return tuple((_POS_MAP[p], found[p][0]) for p in order if p in found)


def _lemma_and_tag(word: str, previous: str | None, previous_tag: str | None) -> tuple[str, str]:
    if word in _CLOSED:
        return _LEMMA_CLOSED.get(word, word), _CLOSED[word]
    if word.isdigit() or word in _NUM:
        return word, "NUM"
    options = _candidates(word)
    if not options and word.endswith("in") and len(word) > 4:
        options = _candidates(word + "g")  # "bleedin", "hittin": a dropped g
    if not options:
        return word, "X"
    tags = dict(options)
    if previous in _NOUN_CONTEXT or previous_tag == "ADJ":
        preference = ("NOUN", "ADJ", "VERB", "ADV")
    elif previous in _VERB_CONTEXT or previous_tag == "VERB" and word.endswith(("ing", "ed")):
        preference = ("VERB", "ADJ", "NOUN", "ADV")
    elif "VERB" in tags and tags["VERB"] != word:  # an inflected verb form: fell, felt, gone
        preference = ("VERB", "NOUN", "ADJ", "ADV")
    else:
        preference = ("NOUN", "ADJ", "VERB", "ADV")
    tag = next((t for t in preference if t in tags), options[0][0])
    lemma = tags[tag]
    if tag in ("ADJ", "ADV") and lemma != word:  # keep comparatives: "worse" is not "bad"
        lemma = word
    return lemma, tag


def _pieces(word: str, start: int) -> list[tuple[str, int, int, str | None, str | None]]:
    """Split a contraction into (text, start, end, lemma, tag); lemma None: look it up."""
    if word in _MERGED:
        out, at = [], start
        for text, lemma, tag in _MERGED[word]:
            out.append((text, at, at + len(text), lemma, tag))
            at += len(text)
        return out
    if "'" not in word:
        return [(word, start, start + len(word), None, None)]
    if word.endswith("n't"):
        stem = word[:-3]
        stem_lemma = {"ca": "can", "wo": "will", "sha": "shall", "ai": "be"}.get(stem)
        n = len(stem)
        return [
            (stem, start, start + n, stem_lemma, "VERB" if stem_lemma else None),
            ("n't", start + n, start + len(word), "not", "PART"),
        ]
    for suffix, (lemma, tag) in _SUFFIXES.items():
        if word.endswith(suffix) and len(word) > len(suffix):
            n = len(word) - len(suffix)
            return [
                (word[:n], start, start + n, None, None),
                (suffix, start + n, start + len(word), lemma, tag),
            ]
    if word.endswith("'s") and len(word) > 2:
        n = len(word) - 2
        stem = word[:n]
        lemma, tag = ("be", "VERB") if stem in _S_IS else ("'s", "PART")
        return [
            (stem, start, start + n, None, None),
            ("'s", start + n, start + len(word), lemma, tag),
        ]
    return [(word.replace("'", ""), start, start + len(word), None, None)]


def analyze(text: str) -> Analysis:
    cased = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    norm = cased.lower()
    tokens: list[Token] = []
    sentence = 0
    previous: str | None = None
    previous_tag: str | None = None
    for match in _WORD.finditer(norm):
        word = match.group()
        if word[0] in ".!?;":
            if tokens and tokens[-1].sentence == sentence:
                sentence += 1
            previous = previous_tag = None
            continue
        for surface, start, end, lemma, tag in _pieces(word, match.start()):
            if tokens and tokens[-1].sentence == sentence:
                joined = _JOINED.get((tokens[-1].surface, surface))
                if joined:  # "some one" -> someone, one token over both words
                    first = tokens.pop()
                    surface, start, lemma, tag = joined, first.start, None, None
            if lemma is None or tag is None:
                lemma, tag = _lemma_and_tag(_SLIPS.get(surface, surface), previous, previous_tag)
            tokens.append(Token(surface, lemma, tag, start, end, sentence))
            previous, previous_tag = lemma, tag
    keep = cased if len(cased) == len(norm) else ""  # a capital tells a name ("Netflix")
    return Analysis(norm, "en", tuple(_possessive_or_is(tokens)), keep)


_IS_NEXT = frozenset("not just been gone got on in out still really so very all".split())


def _possessive_or_is(tokens: list[Token]) -> list[Token]:
    """ "my wife's out cold" is `is`; "my wife's car" is possessive: the next word tells."""
    out = list(tokens)
    for i, t in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if t.lemma == "'s" and nxt.sentence == t.sentence:
            if nxt.tag in ("VERB", "ADV", "ADJ", "PART") or nxt.surface in _IS_NEXT:
                out[i] = Token(t.surface, "be", "VERB", t.start, t.end, t.sentence)
        if t.lemma == "not" and nxt.surface == "no":  # "i dont no where i am"
            out[i + 1] = Token(nxt.surface, "know", "VERB", nxt.start, nxt.end, nxt.sentence)
        if t.surface == "me" and nxt.tag == "NOUN" and nxt.sentence == t.sentence:
            out[i] = Token(t.surface, "my", "PRON", t.start, t.end, t.sentence)  # "me chest"
    return out
