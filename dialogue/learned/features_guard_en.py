"""English guard features for the learned layer: the guard's own word classes, as features.

The guard's lexicons (`guard_en_lexicon.CLASSES`, `guard_en_meaning.MORE_CLASSES`,
`guard_en_claims.CLAIM_CLASSES`: the agent committing itself, a person it might send, coming
and visiting, medication, changing a dose, a condition, a body part...) hold far more words
than the training turns do. Each class found in a sentence's lemmas is a feature (`g:CLASS`),
each pair of classes in one sentence another (`gg:A+B`: "AGENT+COME", "MED+CHANGE"), and each
rule pattern of `guard_en_patterns.RULES` that matches, before its exemptions, a third
(`gr:CATEGORY`, with `~ask` in a question and `~neg` after a negation): the rules' partial
evidence, which the model weighs. A wording none of the files held ("a district nurse will
pop round") still fires the classes its synonyms belong to. Nothing here is a second word list.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from dialogue.analysis import Analysis

# classes that match nearly any sentence ("any word", adverbs) say nothing on their own
_TOO_BROAD = frozenset({"W", "ADV", "SELF"})


@lru_cache(maxsize=1)
def _classes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    from dialogue.guard_en import CLASSES, fill

    out = []
    for name, pattern in CLASSES.items():
        if name in _TOO_BROAD:
            continue
        try:
            out.append((name, re.compile(rf"(?:^| ){fill(pattern)}(?= |$)")))
        except re.error:  # a fragment that is no pattern alone: the rules use it, we do not
            continue
    return tuple(out)


def guard_features(analysis: Analysis) -> list[str]:
    """`g:`, `gg:` and `gr:` features of one English sentence (empty for an empty one)."""
    if not analysis.tokens:
        return []
    from dialogue.guard_en import _rules, _Sentence

    s = _Sentence(analysis)
    found = sorted({name for name, rx in _classes() if rx.search(s.lemmas)})
    out = [f"g:{name}" for name in found]
    out += [f"gg:{a}+{b}" for a, b in combinations(found, 2)]
    for rule in _rules():
        text = s.surface if rule.surface else s.lemmas
        if rule.need and not any(n in text for n in rule.need):
            continue
        m = rule.pattern.search(text)
        if m is None:
            continue
        out.append(f"gr:{rule.category}")
        if s.question:
            out.append(f"gr:{rule.category}~ask")
        if re.search(r"\b(?:not|never|no)\b", text[: m.start()]):
            out.append(f"gr:{rule.category}~neg")
    return sorted(set(out))
