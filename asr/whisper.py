"""Whisper (openai-whisper) with an N-best list, for Korean and English.

openai-whisper's beam search keeps every finished beam with its summed log-probability, ranks
them with `DecodingTask.sequence_ranker`, and returns only the winner. `_NBestTask` swaps in a
ranker that also remembers the ranked list, so one decoding pass yields the N-best the
rescorer needs, with whisper's own choice first. Each hypothesis's `asr_logprob` is that
ranker's score: the beam's summed token log-probability divided by its length (in tokens; or
by the Google NMT penalty when `length_penalty` is set), i.e. the per-token average that
whisper itself ranks by. Recognizers rank by `asr_logprob`, so zero-weight rescoring keeps
whisper's answer.

Audio goes in as a float32 array, never a file: `whisper.load_audio` would shell out to
ffmpeg. Utterances longer than one 30 s window are decoded window by window; the earlier
windows contribute their best text (and it is the next window's prompt, as in
`whisper.transcribe`), and the N-best alternatives are those of the last window.

The dialogue's context biases decoding through the prompt (the "previous text" whisper
conditions on): the words the dialogue expects, then the agent's last question, which is
literally the speech that came before the answer.

On CPU, bf16 runs about 2-4x faster than fp32 on AMX hardware (DESIGN.md), and far slower
on CPUs without bf16 hardware, so the default follows the device (`models.default_dtype`).
openai-whisper only knows fp16/fp32, so the model is cast to the chosen dtype and the mel
spectrogram is cast to match before the encoder; every whisper layer computes in its input's
dtype.
Decoding takes a faster road to openai-whisper's own N-best: the beams are folded into the
cross-attention query (`asr.whisper_fold`), the prompt runs once instead of once per beam,
and only the positions decoding reads are projected onto the vocabulary, on CPU in int8 with
each row's best tokens recomputed exactly (`asr.whisper_int8`). Same hypotheses; scores
differ only through the softmax normalizer (< 1e-3 on the tests' models).
`beam_size=1` decodes greedily (whisper's `GreedyDecoder`): one hypothesis.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import whisper
from whisper.audio import N_FRAMES, N_SAMPLES, SAMPLE_RATE, log_mel_spectrogram, pad_or_trim
from whisper.decoding import (
    BeamSearchDecoder,
    DecodingOptions,
    DecodingTask,
    LogitFilter,
    MaximumLikelihoodRanker,
    PyTorchInference,
    SuppressTokens,
)
from whisper.model import Whisper
from whisper.tokenizer import LANGUAGES

from asr import Hypothesis, RecognitionContext, Transcript
from asr.whisper_beam import BatchedBeamSearch
from asr.whisper_fold import fold_beams
from asr.whisper_int8 import decoder_states, head_for, int8_available, quantize_linears
from models import default_dtype, torch_dtype
from telephony.audio import Audio
from telephony.resample import resample


@dataclass(frozen=True)
class _Beam:
    tokens: tuple[int, ...]
    sum_logprob: float
    score: float  # what whisper's ranker sorts by


class _RememberingRanker(MaximumLikelihoodRanker):
    """Whisper's own ranker, which also keeps every finished beam of the last call."""

    beams: list[_Beam]

    def rank(self, tokens, sum_logprobs):
        group_tokens, group_logprobs = tokens[0], sum_logprobs[0]  # one audio per task
        lengths = [len(t) for t in group_tokens]
        self.beams = [
            _Beam(tuple(t.tolist()), float(lp), self.score(float(lp), n))
            for t, lp, n in zip(group_tokens, group_logprobs, lengths, strict=True)
        ]
        return super().rank(tokens, sum_logprobs)

    def score(self, sum_logprob: float, length: int) -> float:
        if self.length_penalty is None:
            return sum_logprob / max(length, 1)
        return sum_logprob / ((5 + length) / 6) ** self.length_penalty


class _IndexedSuppress(LogitFilter):
    """whisper's `SuppressTokens` with its index list made a tensor once, not at every step:
    indexing with a Python list of ~1,600 tokens cost ~4 ms a step on CPU."""

    def __init__(self, tokens: list[int]) -> None:
        self.index = torch.tensor(sorted(set(tokens)), dtype=torch.long)

    def apply(self, logits: torch.Tensor, tokens: torch.Tensor) -> None:
        if self.index.device != logits.device:
            self.index = self.index.to(logits.device)
        logits.index_fill_(1, self.index, -np.inf)


class _StatesInference(PyTorchInference):
    """whisper's kv-cached inference, returning the decoder's states instead of logits."""

    def states(self, tokens: torch.Tensor, audio_features: torch.Tensor) -> torch.Tensor:
        if not self.kv_cache:
            self.kv_cache, self.hooks = self.model.install_kv_cache_hooks()
        if tokens.shape[-1] > self.initial_token_length:
            tokens = tokens[:, -1:]  # after the first pass, only the newest token
        return decoder_states(self.model.decoder, tokens, audio_features, self.kv_cache)


class _NBestTask(DecodingTask):
    sequence_ranker: _RememberingRanker

    def __init__(
        self,
        model: Whisper,
        options: DecodingOptions,
        dtype: torch.dtype,
        head: torch.nn.Module | None = None,
    ) -> None:
        super().__init__(model, options)
        self.sequence_ranker = _RememberingRanker(options.length_penalty)
        self.dtype = dtype
        self.logit_filters = [
            _IndexedSuppress(f.suppress_tokens) if type(f) is SuppressTokens else f
            for f in self.logit_filters
        ]
        self.head = head
        if head is not None:
            self.inference = _StatesInference(model, len(self.initial_tokens))
            if isinstance(self.decoder, BeamSearchDecoder):  # it reorders the kv-cache
                self.decoder = BatchedBeamSearch(
                    options.beam_size, self.tokenizer.eot, self.inference, options.patience
                )

    def _get_audio_features(self, mel: torch.Tensor) -> torch.Tensor:
        # whisper's version only knows fp16/fp32 (and *returns* its TypeError on bf16).
        return self.model.encoder(mel.to(self.dtype))

    def _main_loop(self, audio_features: torch.Tensor, tokens: torch.Tensor):
        """whisper's loop, with two savings. Only the positions it reads are projected onto
        the vocabulary: the newest token, and at the first pass the start of transcript (for
        the no-speech probability); whisper's own projects every prompt token of every beam.
        And the first pass runs the prompt once, not once per beam (they are copies), then
        copies its kv-cache to the beams."""
        if self.head is None:
            return super()._main_loop(audio_features, tokens)
        sum_logprobs = torch.zeros(tokens.shape[0], device=audio_features.device)
        no_speech_probs = [np.nan] * tokens.shape[0]
        try:
            for i in range(self.sample_len):
                if i == 0 and self.n_group > 1:  # the beams' prompts are one prompt: run it once
                    states = self.inference.states(tokens[:: self.n_group], audio_features)
                    states = states.repeat_interleave(self.n_group, dim=0)
                    rows = [row // self.n_group for row in range(tokens.shape[0])]
                    self.inference.rearrange_kv_cache(rows)
                else:
                    states = self.inference.states(tokens, audio_features)
                if i == 0 and self.tokenizer.no_speech is not None:
                    probs = self.head(states[:, self.sot_index]).softmax(dim=-1)
                    no_speech_probs = probs[:, self.tokenizer.no_speech].tolist()
                logits = self.head(states[:, -1])
                for logit_filter in self.logit_filters:
                    logit_filter.apply(logits, tokens)
                tokens, completed = self.decoder.update(tokens, logits, sum_logprobs)
                if completed or tokens.shape[-1] > self.n_ctx:
                    break
        finally:
            self.inference.cleanup_caching()
        return tokens, sum_logprobs, no_speech_probs


class WhisperRecognizer:
    """`Recognizer` on an openai-whisper model: a name (downloaded on a connected machine
    into `download_root`), a local checkpoint path (`.pt`, as `whisper.load_model` reads),
    or a model already in memory.

    `dtype` is "fp32", "bf16" or "fp16" (default: `models.default_dtype`). `max_tokens`
    caps each window's output, which bounds latency when a model loops.

    `fast` (default) folds the beams (`asr.whisper_fold`) and projects onto the vocabulary
    only the positions decoding reads, on CPU in fp32 through `ShortlistHead` (int8, with
    each row's best tokens exact; `asr.whisper_int8`). `fast=False` is openai-whisper's own
    decoding, untouched, for comparison. `int8=True` also runs the Linear layers in int8
    (CPU, fp32 only), as CTranslate2's int8 mode does: faster, and no longer bit-for-bit
    whisper's activations.
    """

    def __init__(
        self,
        model: str | Path | Whisper,
        device: str = "cpu",
        dtype: str | None = None,
        beam_size: int = 5,
        nbest: int = 5,
        *,
        length_penalty: float | None = None,
        max_tokens: int | None = None,
        download_root: str | Path | None = None,
        fast: bool = True,
        int8: bool = False,
    ) -> None:
        if beam_size < 1 or nbest < 1:
            raise ValueError(f"beam_size and nbest must be >= 1, got {beam_size} and {nbest}")
        dtype = dtype or ("fp32" if int8 else default_dtype(device))  # int8 computes in fp32
        torch_dtype(dtype)  # a ValueError for an unknown name
        if dtype == "fp16" and not str(device).startswith("cuda"):
            raise ValueError("fp16 is for CUDA; on CPU use bf16 or fp32")
        on_cpu_fp32 = str(device) == "cpu" and dtype == "fp32" and int8_available()
        if int8 and not on_cpu_fp32:
            raise ValueError(
                f"int8 runs on x86 CPUs in fp32 only (device {device!r}, dtype {dtype!r}"
                f"{'' if int8_available() else ', and this CPU has no fbgemm'})"
            )
        self.device = device
        self.dtype = torch_dtype(dtype)
        self.beam_size = beam_size
        self.nbest = nbest
        self.length_penalty = length_penalty
        self.max_tokens = max_tokens
        self.model = _cast(_load(model, device, download_root).to(device), self.dtype).eval()
        self._head = None
        if fast:
            fold_beams(self.model)
            self._head = head_for(self.model, int8=on_cpu_fp32)
        if int8:
            quantize_linears(self.model)
        # A text-only transcript holds text tokens and <|endoftext|>, never a language, task or
        # timestamp token (real models don't emit them; random test models would).
        eot = whisper.tokenizer.get_tokenizer(
            self.model.is_multilingual, num_languages=self.model.num_languages
        ).eot
        self._suppress = [-1, *range(eot + 1, self.model.dims.n_vocab)]
        # Decoding installs kv-cache hooks on the shared model: one utterance at a time.
        self._lock = threading.Lock()

    def transcribe(
        self,
        audio: Audio,
        *,
        language: str | None = None,
        context: RecognitionContext | None = None,
    ) -> Transcript:
        if language is not None and language not in LANGUAGES:
            raise ValueError(f"Whisper has no language {language!r}; use a code such as 'ko'")
        if language not in (None, "en") and not self.model.is_multilingual:
            raise ValueError(f"this Whisper model is English-only; language={language!r} asked")
        if not self.model.is_multilingual:
            language = "en"  # nothing to detect: English-only models have no language tokens
        started = time.perf_counter()
        samples = audio.samples
        if audio.sample_rate != SAMPLE_RATE:
            samples = resample(samples, audio.sample_rate, SAMPLE_RATE)
        windows = [samples[i : i + N_SAMPLES] for i in range(0, max(len(samples), 1), N_SAMPLES)]
        prompt = context_prompt(context)
        prefix_text: list[str] = []
        sum_logprob, length = 0.0, 0
        with self._lock:
            for i, window in enumerate(windows):
                task, result = self._decode(window, language, prompt)
                language = result.language  # detected once, then kept for the next windows
                if i < len(windows) - 1:
                    best = task.sequence_ranker.beams[_best_index(task)]
                    prefix_text.append(result.text)
                    sum_logprob += best.sum_logprob
                    length += len(best.tokens)
                    prompt = " ".join(filter(None, [prompt, result.text]))
        ranker = task.sequence_ranker
        hypotheses: dict[str, float] = {}
        for beam in sorted(ranker.beams, key=lambda b: -b.score):
            text = " ".join([*prefix_text, task.tokenizer.decode(list(beam.tokens)).strip()])
            score = ranker.score(sum_logprob + beam.sum_logprob, length + len(beam.tokens))
            if score > hypotheses.get(text.strip(), -np.inf):
                hypotheses[text.strip()] = score
        ranked = sorted(hypotheses.items(), key=lambda item: -item[1])[: self.nbest]
        nbest = tuple(Hypothesis(text, score, None, score) for text, score in ranked)
        return Transcript(
            text=nbest[0].text if nbest else "",
            nbest=nbest,
            language=language,
            timings={"asr": time.perf_counter() - started},
        )

    def _decode(self, samples: np.ndarray, language: str | None, prompt: str):
        mel = log_mel_spectrogram(torch.from_numpy(pad_or_trim(samples)), self.model.dims.n_mels)
        assert mel.shape[-1] == N_FRAMES
        options = DecodingOptions(
            task="transcribe",
            language=language,
            beam_size=self.beam_size if self.beam_size > 1 else None,
            length_penalty=self.length_penalty,
            sample_len=self.max_tokens,
            prompt=prompt or None,
            suppress_tokens=self._suppress,
            without_timestamps=True,
            fp16=self.dtype == torch.float16,
        )
        task = _NBestTask(self.model, options, self.dtype, self._head)
        result = task.run(mel.unsqueeze(0).to(self.device))[0]
        return task, result


def context_prompt(context: RecognitionContext | None) -> str:
    """Whisper's "previous text": expected words first, then the question just asked."""
    if context is None:
        return ""
    vocabulary = ", ".join(w.strip() for w in context.vocabulary if w.strip())
    parts = [vocabulary + "." if vocabulary else "", context.last_question.strip()]
    return " ".join(p for p in parts if p)


def _best_index(task: _NBestTask) -> int:
    beams = task.sequence_ranker.beams
    return max(range(len(beams)), key=lambda i: beams[i].score)


def _cast(model: Whisper, dtype: torch.dtype) -> Whisper:
    """Weights in `dtype`, except LayerNorm's: whisper's LayerNorm always computes in fp32."""
    model.to(dtype)
    for module in model.modules():
        if isinstance(module, torch.nn.LayerNorm):
            module.float()
    return model


def _load(model: str | Path | Whisper, device: str, download_root: str | Path | None) -> Whisper:
    if isinstance(model, Whisper):
        return model
    name = str(model)
    if name not in whisper.available_models() and not Path(name).is_file():
        raise FileNotFoundError(
            f"Whisper model {name!r} is neither a checkpoint file nor one of "
            f"{whisper.available_models()}"
        )
    root = str(download_root) if download_root is not None else None
    return whisper.load_model(name, device=device, download_root=root)
