"""Held-out wordings for the response bank's retrieval (P4): never indexed, never in the bank.

`HELDOUT[language][situation_id]` are new ways of saying a situation's remark, written apart
from its triggers (other words, other order, spoken style). `PLAIN` are check-in answers and
`UNRELATED` are off-topic utterances: neither may retrieve a remark, feeling or question to
the agent. `HELDOUT` and `DEV2` are development sets (the fail threshold, the fit rules and
the triggers were tuned on them); `TEST` was written last and not tuned on.
`tests/test_conversation_bank.py` and `bench/bench_bank.py` score them.
"""

from __future__ import annotations

from tests.conversation_dev2_en import DEV2_EN
from tests.conversation_dev2_ko import DEV2_KO
from tests.conversation_heldout_en import HELDOUT_EN, PLAIN_EN, UNRELATED_EN
from tests.conversation_heldout_ko import HELDOUT_KO, PLAIN_KO, UNRELATED_KO
from tests.conversation_test_en import TEST_EN
from tests.conversation_test_ko import TEST_KO

HELDOUT: dict[str, dict[str, list[str]]] = {"en": HELDOUT_EN, "ko": HELDOUT_KO}
PLAIN: dict[str, list[str]] = {"en": PLAIN_EN, "ko": PLAIN_KO}
UNRELATED: dict[str, list[str]] = {"en": UNRELATED_EN, "ko": UNRELATED_KO}
# A second development set (see its module), and the test set: written last, after the bank
# and the retrieval were done, and measured, not tuned on.
DEV2: dict[str, dict[str, list[str]]] = {"en": DEV2_EN, "ko": DEV2_KO}
TEST: dict[str, dict[str, list[str]]] = {"en": TEST_EN, "ko": TEST_KO}


def score(retriever, language: str, wordings: dict | None = None) -> dict[str, float]:
    """Top-1 situation accuracy on the held-out wordings, how many of them fail (no
    candidate), and fail precision: of the plain answers and unrelated utterances, the share
    that return no candidate."""
    total = right = failed = 0
    misses: list[tuple[str, str, str | None]] = []
    for situation_id, texts in (wordings or HELDOUT)[language].items():
        for text in texts:
            found = retriever.find(text)
            total += 1
            top = found[0].situation.id if found else None
            right += top == situation_id
            failed += top is None
            if top != situation_id:
                misses.append((situation_id, text, top))
    negatives = PLAIN[language] + UNRELATED[language]
    false_hits = [(t, c[0].situation.id) for t in negatives if (c := retriever.find(t))]
    return {
        "heldout": total,
        "top1": right / total if total else 0.0,
        "fail_rate": failed / total if total else 0.0,
        "negatives": len(negatives),
        "fail_precision": 1 - len(false_hits) / len(negatives) if negatives else 1.0,
        "misses": misses,
        "false_hits": false_hits,
    }
