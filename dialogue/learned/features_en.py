"""English concept features for the learned layer: what the rules' lexicons know, as features.

Lemma and character n-grams carry nothing for a word the training files never held ("the cup
keeps slipping", "chest like a brick"). The English rules' lexicons hold many more words than the
files do, grouped by meaning, so every concept they find is a feature of its own, whatever word
found it: a synonym nobody wrote a case with still fires its concept, and the weight learned
for the concept carries over. Nothing here is a second word list: the concepts are
`dialogue.safety.en_concepts.C` (found by `en_match.Utterance`) and the rules are
`en_lexicon.RULES`, `en_redflags.RED_FLAGS` and `en_broad.BROAD_RULES`.

Per utterance (`emergency`):
- `k:CONCEPT` for each concept found, and `k:CONCEPT~flag` with its scope: `neg` (a negator
  before it in its clause), `other` / `thing` (whose clause it is), `past` (a past verb in the
  clause), `ask` (a question), `if` (hypothetical: if, what if, in case, might...);
- `kk:A+B` for two concepts in one clause (concept bigrams: "CHEST+HEAVY", "INABLE+MOVE");
- `r:RULE` for each rule, red flag or broad rule whose concepts co-occur (before scope: the
  partial evidence) and `r:RULE~flag` with the first concept's scope flags. The rules' final
  decision is no feature: the layer only ever judges what the rules passed, and on those
  held-out folds it added nothing (2026-12-08).

`task_concepts` is what `features.task_features` asks for (`features.CONCEPTS`): these for
the emergency layer, the guard's own word classes (`features_guard_en`) for an agent's
sentence; `TASKS` says which layers read them.
"""

from __future__ import annotations

from itertools import combinations

from dialogue.analysis import Analysis
from dialogue.safety import en_lexicon as lx
from dialogue.safety.en_broad import BROAD_RULES
from dialogue.safety.en_match import Utterance, combos, past, subject
from dialogue.safety.en_redflags import RED_FLAGS

# scope words are the rules' own: negators from the lexicon, and these few function words
_HYPOTHETICAL = frozenset("if whether case suppose supposing imagine might may would".split())
_ASK_FIRST = frozenset("is are do does did can could should would will what how why am".split())
_IGNORED = frozenset({"SOFT", "NEG"})  # a softener or negator alone says nothing


def _flags(u: Utterance, first: int) -> list[str]:
    clause = u.clause[first]
    idx = u.clause_range(clause)
    before = [i for i in idx if i < first]
    out = []
    if any(u.toks[i].lemma in lx.NEGATORS for i in before if u.pos[first] - u.pos[i] <= 4):
        out.append("neg")
    who = subject(u, first)
    if who in ("other", "thing"):
        out.append(who)
    if past(u, idx):
        out.append("past")
    if any(u.toks[i].surface in _HYPOTHETICAL for i in before):
        out.append("if")
    sent = u.toks[first].sentence
    words = [t for t in u.toks if t.sentence == sent]
    text = u.analysis.text
    end = words[-1].end if words else len(text)
    if (words and words[0].surface in _ASK_FIRST) or text[end : end + 2].strip().startswith("?"):
        out.append("ask")
    return out


def concept_features(analysis: Analysis) -> list[str]:
    """`k:`, `kk:` and `r:` features of an English analysis (empty for an empty one)."""
    u = Utterance(analysis)
    if not u.toks:
        return []
    out: list[str] = []
    by_clause: dict[int, set[str]] = {}
    for concept, occs in u.occ.items():
        if concept in _IGNORED:
            continue
        for o in occs:
            out.append(f"k:{concept}")
            out += [f"k:{concept}~{f}" for f in _flags(u, o.first)]
            by_clause.setdefault(u.clause[o.first], set()).add(concept)
    for concepts in by_clause.values():
        out += [f"kk:{a}+{b}" for a, b in combinations(sorted(concepts), 2)]
    for rule in (*lx.RULES, *RED_FLAGS, *BROAD_RULES):
        for combo in combos(u, rule):
            first = min(o.first for o in combo)
            out.append(f"r:{rule.name}")
            out += [f"r:{rule.name}~{f}" for f in _flags(u, first)]
    return out


# the tasks whose layer reads concept features: those where leave-one-batch-out CV said they
# help (`bench/bench_learned.py`; figures in bench/RESULTS-learned.md)
TASKS = frozenset({"emergency", "guard"})  # guard: 2026-12-08, bench/cv_guard_en.py


def task_concepts(analysis: Analysis, task: str) -> list[str]:
    """The concept features of an analysed English utterance for the learned layer's `task`
    (none for a task not in `TASKS`): `concept_features` for the emergency layer, the guard's
    word classes (`features_guard_en.guard_features`) for the guard."""
    if task not in TASKS:
        return []
    if task == "guard":
        from dialogue.learned.features_guard_en import guard_features

        return guard_features(analysis)
    return concept_features(analysis)
