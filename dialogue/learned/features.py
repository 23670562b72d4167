"""Text -> feature names: the shared language analysis plus character n-grams.

Words come from `dialogue.analysis` (English lemmas via lemminflect, Korean Kiwi morphemes
with their lemma), as unigrams and bigrams; character 2–4-grams of the lowercased text with
spaces collapsed catch ASR slips ("breth", "숨쉬기가" vs "숨 쉬기가") the words miss.
Korean n-grams are taken on the text without spaces too, so spacing does not matter.

`features` (words and n-grams) is what the learned extractor (`dialogue.extract_learned`)
reads. `task_features` is what the learned safety and guard layers see: the same, plus the
language's concept features (`CONCEPTS`: `features_en` per task, `concepts_ko` for every task),
which carry what the rules' lexicons know to words no training file held. The utterance is
analysed once, and that analysis feeds the word features and the concept features alike.
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


def features(text: str, lang: str, analysis: Analysis | None = None) -> list[str]:
    """Plain word features and character n-grams: what the learned extractor
    (`dialogue.extract_learned`) reads, and the start of every `task_features` row."""
    return word_features(text, lang, analysis) + char_features(text, lang)


def _concepts_en(analysis: Analysis, task: str) -> list[str]:
    from dialogue.learned.features_en import task_concepts

    return task_concepts(analysis, task)


def _concepts_ko(analysis: Analysis, task: str) -> list[str]:
    from dialogue.learned.concepts_ko import concept_features

    return concept_features(analysis)  # every task reads them (the guard's shapes too)


# lang -> (analysis, task) -> the language's concept features for the learned layer's task
# ("emergency", "guard"); imported on first use (the rules' lexicons are not light)
CONCEPTS = {"en": _concepts_en, "ko": _concepts_ko}


def task_features(text: str, lang: str, task: str) -> list[str]:
    """What the learned safety and guard layers see: `features` plus the language's concept
    features (`CONCEPTS`) for `task`, over one analysis of the utterance."""
    analysis = analyze(text, lang)
    concepts = CONCEPTS.get(lang)
    return features(text, lang, analysis) + (concepts(analysis, task) if concepts else [])
