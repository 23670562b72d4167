"""Korean concept features for the learned layer: what a word *is*, not which word it is.

A morpheme uni/bigram says nothing about a word the training files never held. Here each
content morpheme also names the concept classes the Korean rules already hold (a body part, a
cardiac pain predicate, a poison, a promise of a visit ...): every frozenset of lemmas in the
Korean lexicons (`LEXICONS`: the shared body/medicine/people lexicon, the emergency one and the
guard one), read from the modules themselves, so a word added there for the rules is known here
too and no word list is copied. On top of the concepts:

- concept pairs in one clause (`kp:`): a noun concept and the predicate concept after it
  (가슴 + 뻐근하 -> CHEST|CARDIAC_PAIN), the shape the rules test, for any synonym they list;
- scope of each predicate concept (`ks:`): negated (안, -지 않, 아니), unable (못, 못하, -ㄹ 수
  없), past, finished past (-었었), conditional (-면), hearsay (-대요), someone else or someone
  at home as the subject (`safety.ko_scope.subject`), read with the emergency rules' own
  `ko_doc.Doc` and `ko_scope` helpers;
- the utterance's shape (`s:`): a question, a request, the final ending polite (-요, -ㅂ니다,
  -죠) or plain (반말), the honorific 시, the agent's humble 저/제, a first-person future or
  promise (-ㄹ게요, -겠), an imperative or permissive (-세요, -어도 되) for the guard.

Names are prefixed so they never collide with `features.word_features` or the n-grams.
"""

from __future__ import annotations

import functools
import importlib
from pathlib import Path

from dialogue.analysis import Analysis

# The modules whose frozensets of lemmas are concept classes, with the prefix of their names.
LEXICONS = (
    ("a", "dialogue.analysis.ko_lexicon"),
    ("s", "dialogue.safety.ko_lexicon"),
    ("g", "dialogue.guard_ko_lexicon"),
)
# What the features depend on besides `features.py` and `dialogue/analysis` (`learned.cache`
# hashes these so a changed lexicon or scope helper refits the model).
_ROOT = Path(__file__).resolve().parents[1]
SOURCES = (
    Path(__file__).resolve(),
    _ROOT / "safety" / "ko_lexicon.py",
    _ROOT / "safety" / "ko_asr.py",
    _ROOT / "safety" / "ko_doc.py",
    _ROOT / "safety" / "ko_scope.py",
    _ROOT / "guard_ko_lexicon.py",
)

# Tags whose lemma may carry a concept: nouns, predicates, roots, adverbs, determiners,
# numbers and foreign words, interjections. Particles and endings are read as scope instead.
_CONTENT = ("NN", "NR", "NP", "VV", "VA", "VX", "VCN", "XR", "MAG", "MM", "SN", "SL", "IC")
_PRED = ("VV", "VA", "XR", "VX")
_NOUN = ("NN", "NR", "NP", "SN", "SL")  # what a predicate's pair is made with
# Medicine named by its last syllable (혈압약, 감기약), where the lexicon holds no such word.
_DRUG_SUFFIX = "약"
_POLITE_TAIL = ("요", "니다", "니까", "죠", "지요", "시오", "소서")
_FUTURE = frozenset("ᆯ게요 을게요 ᆯ게 을게 ᆯ께요 을께요 겠".split())
_PERMIT = frozenset("어도 아도 도".split())
_IMPERATIVE = frozenset("세요 으세요 십시오 으십시오 ᆸ시오 읍시오 시오 으시오 어라 아라 라".split())
_HONORIFIC = frozenset(("시", "으시"))


@functools.lru_cache(maxsize=1)
def index() -> dict[str, tuple[str, ...]]:
    """lemma -> the names of the concept classes holding it (one name per distinct set)."""
    seen: dict[frozenset, str] = {}
    for prefix, module in LEXICONS:
        mod = importlib.import_module(module)
        for name, value in sorted(vars(mod).items()):
            if not name.isupper() or not isinstance(value, frozenset) or len(value) < 2:
                continue
            if not all(isinstance(w, str) for w in value) or value in seen:
                continue  # a re-export (safety's CHEST is analysis's CHEST): one name
            seen[value] = f"{prefix}.{name}"
    out: dict[str, list[str]] = {}
    for words, name in seen.items():
        for w in words:
            out.setdefault(w, []).append(name)
    return {w: tuple(sorted(names)) for w, names in out.items()}


def _drug_like(lemma: str, tag: str) -> bool:
    from dialogue.analysis.ko_lexicon import MEDICINE_EXCLUDE

    return (
        tag.startswith("NN")
        and len(lemma) > 1
        and lemma.endswith(_DRUG_SUFFIX)
        and lemma not in MEDICINE_EXCLUDE
    )


def concepts_of(lemma: str, tag: str) -> tuple[str, ...]:
    """The concept classes of one morpheme (none for particles and endings)."""
    if not tag.startswith(_CONTENT):
        return ()
    found = index().get(lemma, ())
    if _drug_like(lemma, tag) and "a.DRUGS" not in found:
        found = (*found, "a.DRUGS")
    return found


def _scope(doc, clause, i: int) -> list[str]:
    from dialogue.safety import ko_scope

    t = doc.t
    flags = []
    if doc.negated(i):
        flags.append("unable" if doc.unable(i) else "neg")
    tail = [x for x in t[i + 1 : clause.last + 1] if x.tag == "EP"]
    if any(x.lemma in ("었었", "았었") for x in tail):
        flags.append("done")
    elif any(x.lemma in ("었", "았", "였") for x in tail):
        flags.append("past")
    if clause.conditional:
        flags.append("if")
    who = ko_scope.subject(doc, clause.first, i)
    if who != "self":
        flags.append(who)
    if ko_scope.hearsay(doc, clause.first, clause.last):
        flags.append("said")
    return flags + _mood(t, i, clause.last)


def _mood(t, i: int, last: int) -> list[str]:
    """How the predicate at `i` is said, from its own endings (up to the next predicate; 되 of
    -어도 되 and the helpers 주/드리 belong to it): by the honoured person (시), promised by the
    speaker (-ㄹ게요, -겠), permitted (-어도 되) or bidden (-세요, -십시오). The guard's shapes:
    드셔도 돼요 (medication), 보내 드릴게요 (a promise), 끊으세요 (an instruction)."""
    flags = []
    j = i + 1
    while j <= last + 1 and j < len(t):
        x = t[j]
        if x.tag.startswith(("VV", "VA", "XR")) and x.lemma != "되":
            break
        if x.tag == "EP" and x.lemma in _HONORIFIC:
            flags.append("hon")
        elif x.lemma in _FUTURE and x.tag in ("EF", "EP"):
            flags.append("will")
        elif x.tag == "EC" and x.lemma in _PERMIT:
            flags.append("may")
        elif x.tag == "EF" and (x.lemma in _IMPERATIVE or x.lemma.endswith(("세요", "시오"))):
            flags.append("bid")
        if x.tag == "EF":
            break
        j += 1
    return list(dict.fromkeys(flags))


def _shape(analysis: Analysis) -> list[str]:
    from dialogue.analysis.ko import is_question, is_request

    t = [x for x in analysis.tokens if not x.tag.startswith("S") or x.tag in ("SN", "SL")]
    out = []
    if is_question(analysis):
        out.append("s:question")
    if is_request(analysis):
        out.append("s:request")
    for x in t:
        if x.tag == "EF":
            polite = x.lemma.endswith(_POLITE_TAIL)
            out.append("s:ef_polite" if polite else "s:ef_plain")
        if x.tag == "EP" and x.lemma in ("시", "으시"):
            out.append("s:honorific")
        if x.tag == "NP" and x.lemma in ("저", "제", "저희"):
            out.append("s:humble_self")
        if x.lemma in _FUTURE and x.tag in ("EF", "EP", "EC"):
            out.append("s:future")
        if x.tag == "EC" and x.lemma in _PERMIT:
            out.append("s:permit")
    return out


def concept_features(analysis: Analysis) -> list[str]:
    """The concept, pair, scope and shape features of one analysed Korean utterance, read as
    the rules read it: after `safety.ko_asr.repair` (숨이 heard as 수미, 정신을 as 정시늘, 못 as
    몬), so a slip the rules undo does not hide the concept from the layer either."""
    from dialogue.safety.ko_asr import repair
    from dialogue.safety.ko_doc import Doc

    if not analysis.tokens:
        return []
    analysis = repair(analysis)
    tokens = analysis.tokens
    doc = Doc(analysis)
    out: list[str] = []
    for clause in doc.clauses:
        nouns: list[str] = []
        for i in range(clause.first, clause.last + 1):
            tok = tokens[i]
            found = concepts_of(tok.lemma, tok.tag)
            out += [f"k:{c}" for c in found]
            if not found:
                continue
            if tok.tag.startswith(_PRED):
                flags = _scope(doc, clause, i)
                out += [f"ks:{c}|{f}" for c in found for f in flags]
                out += [f"kp:{n}|{c}" for n in nouns for c in found]
            elif tok.tag.startswith(_NOUN):
                nouns += found
    out += _shape(analysis)
    return list(dict.fromkeys(out))


def clause_texts(text: str, analysis: Analysis | None = None) -> list[str]:
    """Windows of two adjacent clauses of a Korean turn, as text (the rules' `ko_doc` clauses:
    split at -는데, -요, -면서, -더니, a comma or a full stop), or [] for a turn of at most two.
    A long turn where the emergency is one clause (괜찮은데 ..., 어제 손주가 다녀갔는데 오늘
    새벽에 가슴이 ...) reads as its ordinary clauses in one row; a window alone does not."""
    from dialogue.analysis import analyze
    from dialogue.safety.ko_doc import Doc

    analysis = analyze(text, "ko") if analysis is None else analysis
    if not analysis.tokens:
        return []
    t = analysis.tokens
    spans = [(t[c.first].start, t[c.last].end) for c in Doc(analysis).clauses]
    if len(spans) < 3:  # one or two clauses: the whole turn is the window
        return []
    # two clauses at a time, so a clause keeps the one before it (넘어졌는데 + 못 일어나요)
    pairs = zip(spans, spans[1:], strict=False)
    parts = [analysis.text[a[0] : b[1]].strip(" ,.") for a, b in pairs]
    return list(dict.fromkeys(p for p in parts if p))
