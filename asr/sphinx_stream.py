"""pocketsphinx decoding a turn while it is spoken, so at its end only the tail is left.

Each stream borrows a decoder of its own from its recognizer's `DecoderPool` for the length of
one turn (a decoder holds one utterance at a time; a call server has a few turns in progress
at once per worker, and every stream keeps its decoder only while the person talks).

Normalization: the batch decoder (`SphinxRecognizer.transcribe`) divides each utterance by its
own cepstral mean, which needs the whole utterance. A stream cannot wait for it, so it waits
for the first `warmup_s` of the turn, estimates the mean on them alone (a feature-only pass of
the recognizer's batch decoder, a few ms), and decodes from there with pocketsphinx's live
normalization starting at that estimate (from the decoder's initial mean, not from the turns
it decoded before; its noise estimate is started afresh too, as in batch decoding, so a turn
decodes the same whichever decoder of the pool it gets).
A turn shorter than the warm-up is decoded exactly as the batch decoder does it.

From a call's second turn on there is a better start than 0.8 s of audio: the mean the
previous turn ended with (the same voice on the same line), which the stream hands back in
`Transcript.adaptation` and the call gives the next stream in `RecognitionContext.adaptation`.
With it the search starts at once, no warm-up: on 40 English fixtures streamed with the
previous clip of the same voice as the call's earlier turn, WER 55.0% with the warm-up
estimate, 50.7% with the previous turn's mean (48.3% decoding each clip whole).
"""

from __future__ import annotations

import threading
import time

import numpy as np
from pocketsphinx import Decoder

from asr import Transcript
from telephony.g711 import float_to_pcm16
from telephony.resample import Resampler

WARMUP_S = 0.8
"""Audio the cepstral mean is estimated on before decoding starts (the turn's pre-roll and its
first syllables): decoding then runs behind by this much, which the pauses of any turn longer
than it catch up on."""


class DecoderPool:
    """Decoders with one configuration, made on demand and reused (~30 ms and a few MB each
    with a domain model's closed vocabulary)."""

    def __init__(self, config: dict, words: dict[str, str] | None = None, **options) -> None:
        self._config = {**config, "cmn": "live", **options}
        self._words = dict(words or {})
        self._free: list[Decoder] = []
        self._lock = threading.Lock()
        self.made = 0

    def take(self) -> Decoder:
        with self._lock:
            if self._free:
                return self._free.pop()
            self.made += 1
        decoder = Decoder(**self._config)
        for i, (word, phones) in enumerate(self._words.items(), start=1):
            decoder.add_word(word, phones, update=i == len(self._words))
        # pocketsphinx scores a decoder's first utterance slightly differently from every later
        # one (an empty one does not count): a short silent one first, so that a turn decodes
        # the same on a new decoder as on a reused one.
        decoder.start_utt()
        decoder.process_raw(bytes(3200), no_search=False, full_utt=True)  # 0.1 s of silence
        decoder.end_utt()
        return decoder

    def give(self, decoder: Decoder) -> None:
        with self._lock:
            self._free.append(decoder)


class SphinxStream:
    """One turn decoded as it arrives (`asr.streaming.RecognizerStream`)."""

    def __init__(
        self, recognizer, pool: DecoderPool, warmup_s: float = WARMUP_S, prior: str = ""
    ) -> None:
        self._recognizer = recognizer  # asr.sphinx.SphinxRecognizer: its N-best ranking
        self._pool = pool
        self._decoder: Decoder | None = None
        self._rate = recognizer.sample_rate
        self._resampler: Resampler | None = None
        self._from_rate = 0
        self._held: list[bytes] = []  # audio before the warm-up is over
        self._held_samples = 0
        self._warmup = round(warmup_s * self._rate)
        self._searching = False  # the warm-up is over: audio goes to the search at once
        self._prior = prior  # the cepstral mean the call's previous turn ended with, if any
        if prior:
            self._warmup = 0  # nothing to estimate: search from the first piece
        self.decode_s = 0.0  # time spent decoding while the person spoke

    def feed(self, samples: np.ndarray, sample_rate: int) -> None:
        if self._from_rate and sample_rate != self._from_rate:
            raise ValueError(f"stream fed {sample_rate} Hz after {self._from_rate} Hz")
        if not self._from_rate:
            self._from_rate = sample_rate
            if sample_rate != self._rate:
                self._resampler = Resampler(sample_rate, self._rate)
        samples = np.asarray(samples, dtype=np.float32)
        if self._resampler is not None:
            samples = self._resampler.process(samples)
        pcm = float_to_pcm16(samples).astype("<i2", copy=False).tobytes()
        started = time.perf_counter()
        if self._searching:
            self._decoder.process_raw(pcm, no_search=False, full_utt=False)
        else:
            self._held.append(pcm)
            self._held_samples += len(pcm) // 2
            if self._held_samples >= self._warmup:
                self._start(b"".join(self._held))
                self._held, self._held_samples = [], 0
        self.decode_s += time.perf_counter() - started

    def _start(self, pcm: bytes) -> None:
        """Estimate the cepstral mean on `pcm`, then start the search with it."""
        if self._decoder is None:
            self._decoder = self._pool.take()
        d = self._decoder
        # The mean of this audio alone (the recognizer's batch decoder), so the result never
        # depends on what this decoder heard before: setting it resets the live estimate.
        d.reinit_feat()  # forget the noise estimate of the turns this decoder heard before
        d.set_cmn(self._prior or self._recognizer.estimate_cmn(pcm))
        d.start_utt()
        d.process_raw(pcm, no_search=False, full_utt=False)
        self._searching = True

    def partial(self) -> str:
        if not self._searching:
            return ""
        hyp = self._decoder.hyp()
        return " ".join(hyp.hypstr.split()) if hyp is not None else ""

    def finish(self) -> Transcript:
        started = time.perf_counter()
        if self._searching:
            self._decoder.end_utt()
            self._searching = False
            best, paths = self._recognizer.read_result(self._decoder)
        else:  # shorter than the warm-up (or nothing fed): the batch decoder's way
            if self._decoder is None:
                self._decoder = self._pool.take()
            best, paths = self._recognizer.decode_with(self._decoder, b"".join(self._held))
            self._held = []
        # the mean this turn ended with: the next turn of the call starts from it
        adaptation = self._decoder.get_cmn(False) if (best or paths) else self._prior
        self.close()
        from asr.sphinx import _ranked

        nbest = _ranked(best, paths, self._recognizer.nbest)
        return Transcript(
            text=nbest[0].text if nbest else "",
            nbest=nbest,
            language="en",
            timings={"asr": time.perf_counter() - started, "asr_streamed": self.decode_s},
            adaptation=adaptation,
        )

    def close(self) -> None:
        if self._decoder is not None:
            if self._searching:
                try:
                    self._decoder.end_utt()
                except RuntimeError:
                    pass  # already ended
            self._pool.give(self._decoder)
            self._decoder, self._searching = None, False
