"""A learned second layer under the hand-written safety rules (P2) and role guard (P3).

Rules generalise by concept; a linear model over lemmas, word bigrams and character n-grams
generalises by overlap (an ASR slip, a spacing variant, an unseen combination of known words).
The layer can only add: for emergencies it raises `none` to `check` (never to `emergency`,
never lowers); for the guard it adds one violation (its best category) to a sentence the rules
passed. It is trained deterministically, at warm-up, from the project's own labelled case files
shipped in the repository (`dialogue.learned.data`); without them it says so and adds nothing.

Modules: `data` (which files, read), `features` (text -> feature names), `model` (a seeded
logistic regression over those), `layer` (the per-language models the detector and guard ask,
with the thresholds chosen by `cv`, leave-one-batch-out cross-validation).
"""

from dialogue.learned.data import LearnedDataMissing, own_sentences
from dialogue.learned.layer import (
    emergency_layer,
    enabled,
    guard_layer,
    set_enabled,
    warm,
)

__all__ = [
    "LearnedDataMissing",
    "emergency_layer",
    "enabled",
    "guard_layer",
    "own_sentences",
    "set_enabled",
    "warm",
]
