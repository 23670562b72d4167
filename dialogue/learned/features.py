"""Text -> feature names: the shared language analysis plus character n-grams.

Words come from `dialogue.analysis` (English lemmas via lemminflect, Korean Kiwi morphemes
with their lemma), as unigrams and bigrams; character 2–4-grams of the lowercased text with
spaces collapsed catch ASR slips ("breth", "숨쉬기가" vs "숨 쉬기가") the words miss.
Korean n-grams are taken on the text without spaces too, so spacing does not matter.

`task_features` is what the learned safety and guard layers see: these, plus a language's
concept features, which carry what the rules' lexicons know to words no training file held:
Korean ones in `features` itself (`concepts_ko`, every task), English ones per task (`EXTRA`:
`features_en`). `features(..., concepts=False)` is what the learned extractor
(`dialogue.extract_learned`) reads.
"""

from __future__ import annotations

import re

from dialogue.analysis import Analysis, analyze

NGRAMS = (2, 3, 4)


def word_features(text: str, lang: str, analysis: Analysis | None = None) -> list[str]:
    analysis = analyze(text, lang) if analysis is None else analysis
    lemmas = [t.lemma.lower() for t in analysis.tokens if t.lemma.strip()]
    if lang == "ko":  # morpheme and its tag's first letter: 아프/V vs 아프/N never collide
        lemmas = [f"{t.lemma}/{t.tag[:1]}" for t in analysis.tokens if t.lemma.strip()]
    out = [f"w:{w}" for w in lemmas]
    out += [f"b:{a}|{b}" for a, b in zip(["<s>", *lemmas], [*lemmas, "</s>"], strict=True)]
    return out


def char_features(text: str, lang: str) -> list[str]:
    norm = re.sub(r"\s+", " ", text.lower()).strip()
    variants = [f" {norm} "]
    if lang == "ko":
        variants.append(norm.replace(" ", ""))
    out = []
    for prefix, s in zip("cd", variants, strict=False):
        for n in NGRAMS:
            out += [f"{prefix}{n}:{s[i : i + n]}" for i in range(len(s) - n + 1)]
    return out


def features(text: str, lang: str, *, concepts: bool = True) -> list[str]:
    """The safety and guard layers' features; `concepts=False`: words and n-grams only (the
    extraction layer, `dialogue.extract_learned`, fitted and measured without them)."""
    if lang != "ko" or not concepts:
        return word_features(text, lang) + char_features(text, lang)
    # Korean: also concept classes, their scope and pairs (`concepts_ko`), over one analysis
    from dialogue.learned.concepts_ko import concept_features

    analysis = analyze(text, lang)
    return (
        word_features(text, lang, analysis) + char_features(text, lang) + concept_features(analysis)
    )


def _extra_en(text: str, task: str) -> list[str]:
    from dialogue.learned.features_en import extra

    return extra(text, task)


# lang -> (text, task) -> the language's concept features for that task ("emergency", "guard")
EXTRA = {"en": _extra_en}


def task_features(text: str, lang: str, task: str) -> list[str]:
    """`features` plus the language's concept features for the learned layer's `task`."""
    extra = EXTRA.get(lang)
    return features(text, lang) + (extra(text, task) if extra else [])
