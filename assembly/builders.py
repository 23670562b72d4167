"""The models a pipeline is built from, by settings: the LLM, the recognizer, the N-best
rescorer and its language model. Each raises `WeightsMissing` for a model this machine lacks,
with what to pass instead."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from asr import LanguageModelScorer, Recognizer
from asr.rescore import Rescorer
from assembly.config import Settings
from dialogue.llm import ChatModel, LLMError
from dialogue.scenario import Scenario, domain_corpus


class WeightsMissing(RuntimeError):
    """A model the configuration asks for is not available on this machine."""


def build_chat_model(settings: Settings) -> ChatModel | None:
    """The LLM that words turns and reads answers, or None for the offline engine."""
    if settings.llm == "none":
        return None
    if settings.llm == "openai":
        from dialogue.llm.openai import OpenAIChatModel

        if not settings.llm_url:
            raise WeightsMissing("--llm openai needs --llm-url (e.g. http://127.0.0.1:8000/v1)")
        key = os.environ.get("CARECALL_LLM_API_KEY") or os.environ.get("OPENAI_API_KEY")
        return OpenAIChatModel(
            settings.llm_url,
            settings.llm_model or "default",
            api_key=key,
            timeout_s=settings.llm_timeout_s,
        )
    if not settings.llm_model:
        raise WeightsMissing(
            "--llm transformers needs --llm-model: a local folder written by "
            "save_pretrained, or a hub name on a connected machine"
        )
    from dialogue.llm.transformers import TransformersChatModel

    try:
        return TransformersChatModel(
            settings.llm_model, device=settings.llm_device, timeout_s=settings.llm_timeout_s
        )
    except LLMError as exc:
        raise WeightsMissing(str(exc)) from exc


def build_recognizer(settings: Settings, scenario: Scenario) -> Recognizer:
    kind = settings.recognizer_kind
    if kind == "whisper":
        if not settings.asr_model:
            raise WeightsMissing(
                f"the {settings.language!r} scenario needs Whisper, and no --asr-model was given.\n"
                "  With internet: --asr-model small (or large-v3-turbo) downloads the weights.\n"
                "  Offline: copy a checkpoint (e.g. ~/.cache/whisper/small.pt from a connected\n"
                "  machine) and pass --asr-model /path/to/small.pt."
            )
        from asr.whisper import WhisperRecognizer

        model = settings.asr_model
        if Path(model).suffix == ".pt" and not Path(model).exists():
            raise WeightsMissing(f"--asr-model {model}: no such file")
        return WhisperRecognizer(
            model,
            device=settings.asr_device,
            beam_size=settings.asr_beam_size,
            nbest=settings.asr_nbest,
            int8=settings.asr_int8,
        )
    from asr.sphinx import SphinxRecognizer

    if settings.sphinx_lm == "generic":
        return SphinxRecognizer(nbest=settings.asr_nbest)
    return SphinxRecognizer.from_sentences(
        domain_corpus(scenario),
        nbest=settings.asr_nbest,
        general_words=settings.sphinx_general_words,
        general_weight=settings.sphinx_general_weight,
    )


def build_rescorer(settings: Settings, scenario: Scenario) -> Rescorer | None:
    """`Rescorer` for a scenario's calls: the N-best re-ranked with what the agent just asked."""
    if not settings.rescore:
        return None
    # The rescorer's LM gives general English the share the first pass gave it: with a
    # widened first pass, a hypothesis of ordinary words the domain text never saw is no
    # less likely to the rescorer than it was to the recognizer ("i feel rather lonely").
    widened = settings.recognizer_kind != "whisper" and settings.sphinx_lm == "domain"
    widened = widened and settings.sphinx_general_words > 0
    background = settings.sphinx_general_weight if widened else 0.1
    scorer = build_scorer(
        settings.rescore_lm, scenario, device=settings.asr_device, background_weight=background
    )
    return Rescorer(
        scorer,
        settings.rescore_weight,
        settings.rescore_length_bonus,
        length_change=settings.rescore_length_change,
        expected_bonus=settings.rescore_expected_bonus,
    )


def build_scorer(
    lm: str, scenario: Scenario, device: str = "cpu", *, background_weight: float = 0.1
) -> LanguageModelScorer:
    """ "domain": the offline n-gram LM of the scenario's own text (answer examples and
    keywords; per question, the answers expected to it), with general English as its
    background in English scenarios. Anything else is a causal LM name or folder for
    `transformers`, shared by every scenario of the process."""
    if lm == "domain":
        from asr.domain_lm import NgramScorer

        english = scenario.language == "en" and background_weight > 0
        return NgramScorer(
            domain_corpus(scenario),
            answers=scenario.question_answers(),
            background=_english() if english else None,
            background_weight=background_weight,
        )
    return _causal_lm(lm, device)


@functools.cache
def _english():
    """General English for the domain LM to fall back on (pocketsphinx's bundled model)."""
    from asr.sphinx import GenericLM

    return GenericLM()


@functools.cache
def _causal_lm(name: str, device: str) -> LanguageModelScorer:
    from asr.lm_transformers import CausalLMScorer

    if not Path(name).exists() and "/" not in name:
        raise WeightsMissing(f"rescore_lm {name!r}: no such folder, nor a hub name (owner/model)")
    try:
        return CausalLMScorer(name, device=device)
    except OSError as exc:  # what transformers raises for weights it cannot find or fetch
        raise WeightsMissing(f"rescore_lm {name!r}: cannot load it: {exc}") from exc
