"""Offline English recognition with pocketsphinx: no weights to download, ~0.3x real time.

pocketsphinx 5 ships a US-English acoustic model, a generic trigram model and CMUdict inside
its package, so this backend always runs. It is far less accurate than Whisper, which is why
it matters what it is told to expect: a domain model built from the project's own text
(`SphinxRecognizer.from_sentences`, `asr.domain_lm.build_arpa`) and rescoring of its N-best.

Scores: pocketsphinx's Python API reports N-best path scores as `base ** score` with its
log base 1.0001, so their natural log is the decoder's path score in nats (`asr_logprob`):
lattice scores, not calibrated probabilities; only their differences mean something. Its A*
search does not emit paths in score order, and its top path is often not the decoder's own
best path (`hyp()`, the best-path search with the full language weight), which is the more
accurate of the two: on the shared fixtures, 19.6% against 26.8% WER (eight flite answers
through the phone line, domain LM), 28.2% against 31.0% (five LibriVox clips, generic LM).
So the list is the decoder's best path first, given the top path score, then the other paths
by score.

Each utterance is normalized by its own cepstral mean (a feature-only pass first, a few ms):
pocketsphinx otherwise carries the mean over from the previous utterance, and a recognizer
shared by many calls would recognize one person differently depending on who spoke before.

A decoder is not reentrant and costs ~0.4 s to create, so each recognizer owns one decoder,
created up front, and serializes utterances through a lock; a thread pool that needs parallel
decoding creates one recognizer per worker.

`GenericLM` reads the same bundled generic trigram as a plain word model, the background of
the offline domain LM used for rescoring.
"""

from __future__ import annotations

import math
import shutil
import tempfile
import threading
import time
import weakref
from collections.abc import Collection, Iterable, Mapping, Sequence
from itertools import islice
from pathlib import Path

from pocketsphinx import Decoder, NGramModel, get_model_path

from asr import Hypothesis, RecognitionContext, Transcript
from asr.domain_lm import build_arpa, dictionary_words, write_subset_dictionary
from telephony.audio import Audio
from telephony.g711 import float_to_pcm16
from telephony.resample import resample

_SMALLEST_LN = math.log(math.ulp(0.0))  # ln of the smallest positive double, about -744.4
_MODEL_UPPER_HZ = 6800  # upper filterbank edge of the bundled acoustic model (its feat.params)
_PATHS_PER_RESULT = 5  # N-best paths read per distinct text wanted (paths repeat texts)


class SphinxRecognizer:
    """`Recognizer` for English on pocketsphinx's bundled US-English model.

    `lm` is an ARPA or binary n-gram model (pocketsphinx's generic one when None),
    `dictionary` a CMU-format pronunciation dictionary (CMUdict when None), `words` extra
    pronunciations (word -> ARPAbet phones, e.g. {"metformin": "M EH T F AO R M IH N"}).
    Audio is resampled to `sample_rate`, the rate the decoder's front end is set to.
    `options` are further pocketsphinx settings: {"fwdflat": False} skips the second search
    pass, ~20% faster; on the fixtures it was better with the generic model (37.5% against
    46.4% WER on the phone line) and slightly worse with a domain model (23.2% against 19.6%).
    """

    language = "en"

    def __init__(
        self,
        lm: str | Path | None = None,
        dictionary: str | Path | None = None,
        nbest: int = 10,
        sample_rate: int = 16000,
        *,
        words: Mapping[str, str] | None = None,
        options: Mapping[str, object] | None = None,
    ) -> None:
        if nbest < 1:
            raise ValueError(f"nbest must be at least 1, got {nbest}")
        for name, path in (("lm", lm), ("dictionary", dictionary)):
            if path is not None and not Path(path).is_file():
                raise FileNotFoundError(f"SphinxRecognizer {name}: no such file: {path}")
        if sample_rate < _MODEL_UPPER_HZ * 2 and "upperf" not in (options or {}):
            raise ValueError(
                f"sample_rate={sample_rate}: the bundled en-us model's filterbank reaches "
                f"{_MODEL_UPPER_HZ} Hz, so it needs at least {_MODEL_UPPER_HZ * 2} Hz audio; "
                "keep 16000 (telephone audio is upsampled) or give a model for 8 kHz"
            )
        self.lm = Path(lm) if lm is not None else None
        self.dictionary = Path(dictionary) if dictionary is not None else None
        self.nbest = nbest
        self.sample_rate = sample_rate
        self.words = dict(words or {})
        self.options = dict(options or {})
        config = {
            "hmm": get_model_path("en-us/en-us"),
            "lm": str(lm) if lm is not None else get_model_path("en-us/en-us.lm.bin"),
            "dict": str(dictionary) if dictionary else get_model_path("en-us/cmudict-en-us.dict"),
            "samprate": sample_rate,
            "loglevel": "ERROR",
            **self.options,
        }
        self.config = config
        try:
            self._decoder = Decoder(**config)
        except (KeyError, RuntimeError, ValueError) as e:
            raise ValueError(f"pocketsphinx could not start with {config}: {e}") from e
        for i, (word, phones) in enumerate(self.words.items(), start=1):
            try:  # updating the search is slow: do it once, with the last word
                self._decoder.add_word(word, phones, update=i == len(self.words))
            except RuntimeError as e:
                raise ValueError(f"SphinxRecognizer words: cannot add {word!r} /{phones}/") from e
        self._lock = threading.Lock()
        self._pool = None  # asr.sphinx_stream.DecoderPool, made with the first stream
        self._features: Decoder | None = None  # estimate_cmn's decoder, made when first needed
        self._initial_cmn = self._decoder.get_cmn(False)  # its cepstral mean before any audio

    @classmethod
    def from_sentences(
        cls,
        sentences: Iterable[str],
        *,
        order: int = 3,
        vocabulary: Collection[str] = (),
        general_words: int = 0,
        general_weight: float = 0.1,
        **kwargs,
    ) -> SphinxRecognizer:
        """A recognizer whose language model is built from `sentences` (the domain text).

        Its vocabulary is closed: it can only say words of `sentences`, `vocabulary` and
        `words` that have a pronunciation, and, with `general_words` > 0, the that many most
        frequent words of general English (`GenericLM.unigrams`), which take `general_weight`
        of the unigram probability: what a domain text of a few hundred sentences never
        said ("after", "two weeks", "my knee") becomes sayable, at general English's odds.
        """
        dictionary = kwargs.pop("dictionary", None)
        known = dictionary_words(dictionary) | set(kwargs.get("words") or {})
        general = GenericLM().unigrams(known, general_words) if general_words > 0 else None
        # Kept while the recognizer lives: streams (`asr.sphinx_stream`) start more decoders
        # from the same files.
        tmp = tempfile.mkdtemp(prefix="carecall-lm-")
        arpa = build_arpa(
            sentences,
            Path(tmp) / "domain.arpa",
            order,
            known_words=known,
            vocabulary=vocabulary,
            background=general,
            background_weight=general_weight if general else 0.0,
        )
        # A closed vocabulary needs only its own pronunciations: loading those instead of
        # all of CMUdict makes the decoder start in ~30 ms instead of seconds.
        subset = write_subset_dictionary(arpa.words, Path(tmp) / "domain.dict", dictionary)
        recognizer = cls(lm=arpa.path, dictionary=subset, **kwargs)
        weakref.finalize(recognizer, shutil.rmtree, tmp, True)
        recognizer.dictionary = Path(dictionary) if dictionary is not None else None
        return recognizer

    def with_lm(self, lm: str | Path | None) -> SphinxRecognizer:
        """The same recognizer with another language model (None: pocketsphinx's generic one)."""
        return SphinxRecognizer(
            lm,
            self.dictionary,
            self.nbest,
            self.sample_rate,
            words=self.words,
            options=self.options,
        )

    def transcribe(
        self,
        audio: Audio,
        *,
        language: str | None = None,
        context: RecognitionContext | None = None,
    ) -> Transcript:
        """Recognize one utterance. `context` does not steer pocketsphinx (its language model
        is fixed per recognizer); rescore the N-best with it (`asr.rescore.Rescorer`)."""
        if language not in (None, "en"):
            raise ValueError(
                f"SphinxRecognizer recognizes English only; language={language!r} was asked "
                "(use asr.whisper.WhisperRecognizer for Korean)"
            )
        started = time.perf_counter()
        samples = audio.samples
        if audio.sample_rate != self.sample_rate:
            samples = resample(samples, audio.sample_rate, self.sample_rate)
        pcm = float_to_pcm16(samples).astype("<i2", copy=False).tobytes()
        with self._lock:
            best, paths = self._decode(pcm)
            adaptation = self._decoder.get_cmn(False) if best or paths else ""
        nbest = _ranked(best, paths, self.nbest)
        return Transcript(
            text=nbest[0].text if nbest else "",
            nbest=nbest,
            language="en",
            timings={"asr": time.perf_counter() - started},
            adaptation=adaptation,
        )

    def open_stream(
        self, *, language: str | None = None, context: RecognitionContext | None = None
    ):
        """A stream that decodes a turn as it arrives (`asr.sphinx_stream`); `context` is
        for rescoring, as in `transcribe`."""
        if language not in (None, "en"):
            raise ValueError(f"SphinxRecognizer recognizes English only; language={language!r}")
        from asr.sphinx_stream import DecoderPool, SphinxStream

        prior = context.adaptation if context is not None else ""
        if prior:
            self.check_cmn(prior)
        if self._pool is None:
            # Without the second (flat) search pass: it reruns over the whole turn at its end,
            # ~0.3 s that streaming is there to save; measured on 40 English fixtures, streaming
            # WER was 51.3% with it and 51.0% without (batch: 48.3%).
            self._pool = DecoderPool(self.config, self.words, fwdflat=False)
        return SphinxStream(self, self._pool, prior=prior)

    def check_cmn(self, cmn: str) -> None:
        """Refuse what is not a cepstral mean of this model (`RecognitionContext.adaptation`:
        as many comma-separated numbers as its initial mean has)."""
        size = len(self._initial_cmn.split(","))
        try:
            values = [float(v) for v in cmn.split(",")]
        except ValueError:
            values = []
        if len(values) != size or not all(math.isfinite(v) for v in values):
            raise ValueError(
                f"RecognitionContext.adaptation {cmn[:60]!r} is not a pocketsphinx cepstral "
                f"mean ({size} comma-separated numbers, as Transcript.adaptation gives)"
            )

    def estimate_cmn(self, pcm: bytes) -> str:
        """The cepstral mean of `pcm` (pocketsphinx's `set_cmn` string), estimated from the
        decoder's initial mean, not from the utterances it heard before: pocketsphinx blends
        its estimate with its history, so the same audio would otherwise be normalized
        differently after different calls."""
        with self._lock:
            decoder = self._feature_decoder()
            decoder.reinit_feat()  # a fresh noise estimate, as below
            decoder.set_cmn(self._initial_cmn)
            decoder.start_utt()
            decoder.process_raw(pcm, no_search=True, full_utt=True)
            # The whole utterance's mean is known here; `end_utt` then searches the buffered
            # frames, which on the recognizer's own decoder was a full decode of the warm-up
            # (~37 ms CPU for 0.8 s) thrown away: this decoder's search spots one word only.
            cmn = decoder.get_cmn(update=True)
            decoder.end_utt()
            return cmn

    def _feature_decoder(self) -> Decoder:
        """A decoder with this recognizer's acoustic model and front end whose search is one
        keyword (nearly free): for the cepstral mean of a stream's warm-up. Made once."""
        if self._features is None:
            config = {k: v for k, v in self.config.items() if k not in ("lm", "fwdflat")}
            with open(config["dict"], encoding="utf-8", errors="replace") as f:
                word = next((line.split()[0] for line in f if line.strip()), "a")
            self._features = Decoder(**config, keyphrase=word)
        return self._features

    def _decode(self, pcm: bytes) -> tuple[str, list[tuple[str, float]]]:
        return self.decode_with(self._decoder, pcm)

    def decode_with(self, decoder: Decoder, pcm: bytes) -> tuple[str, list[tuple[str, float]]]:
        """One whole utterance on `decoder`: its best path and N-best paths."""
        # Normalize by this utterance's own cepstral mean: the decoder otherwise carries its
        # estimate over from earlier utterances, so results would depend on other calls. The
        # same goes for its noise estimate: `reinit_feat` starts that afresh (~0.1 ms).
        decoder.reinit_feat()
        decoder.start_utt()
        decoder.process_raw(pcm, no_search=True, full_utt=True)
        decoder.end_utt()
        decoder.set_cmn(decoder.get_cmn(update=True))
        decoder.start_utt()
        decoder.process_raw(pcm, no_search=False, full_utt=True)
        decoder.end_utt()
        return self.read_result(decoder)

    def read_result(self, decoder: Decoder) -> tuple[str, list[tuple[str, float]]]:
        """The best path and N-best paths of the utterance `decoder` just ended."""
        best = decoder.hyp()
        if best is None:
            return "", []
        paths = decoder.nbest()
        if paths is None:
            return best.hypstr, []
        found = []
        for path in islice(paths, _PATHS_PER_RESULT * self.nbest):
            if path is None:  # pocketsphinx's A* can run dry mid-list (seen on clipped audio)
                break
            found.append((path.hypstr, path.score))
        return best.hypstr, found


def _ranked(best: str, paths: list[tuple[str, float]], limit: int) -> tuple[Hypothesis, ...]:
    """Distinct texts, each with its best path score; the decoder's best path first."""
    scores: dict[str, float] = {}
    for text, score in paths:
        text = " ".join(text.split())
        logprob = math.log(score) if score > 0 else _SMALLEST_LN
        if text and logprob > scores.get(text, -math.inf):
            scores[text] = logprob
    best = " ".join(best.split())
    if best:
        scores[best] = max(scores.values(), default=0.0)
    ranked = sorted(scores.items(), key=lambda item: (item[0] != best, -item[1]))[:limit]
    return tuple(Hypothesis(text, logprob, None, logprob) for text, logprob in ranked)


class GenericLM:
    """pocketsphinx's bundled generic US-English trigram model, read as a word model.

    It is the background of the offline domain LM (`asr.domain_lm.NgramScorer`): what the
    care-call text has never seen ("a boiled egg", "the bank") is then scored as general
    English rather than as a uniformly unlikely unknown word. Words outside its vocabulary
    get `floor`. Lookups are serialized: the C model is not documented as reentrant.
    """

    _LOGBASE = math.log(1.0001)  # pocketsphinx's log base: its scores are log_1.0001(p)
    _LOGZERO = -(2**28)  # scores at or below this mean "not in the model"

    def __init__(self, path: str | Path | None = None, floor: float = math.log(1e-8)) -> None:
        path = Path(path) if path is not None else Path(get_model_path("en-us/en-us.lm.bin"))
        if not path.is_file():
            raise FileNotFoundError(f"GenericLM: no such language model file: {path}")
        try:
            self._model = NGramModel.readfile(str(path))
        except (RuntimeError, ValueError) as e:
            raise ValueError(f"GenericLM: pocketsphinx cannot read {path}: {e}") from e
        self.order = self._model.size()
        self.floor = floor
        self._lock = threading.Lock()

    def unigrams(self, words: Iterable[str], top: int) -> dict[str, float]:
        """The `top` most probable of `words` on their own (word -> ln P(word)), most probable
        first; words the model lacks are left out. ~0.3 s for all of CMUdict."""
        if top < 1:
            raise ValueError(f"GenericLM.unigrams: top must be at least 1, got {top}")
        scores = {}
        with self._lock:
            for word in words:
                score = self._model.prob([word])
                if score > self._LOGZERO and not word.startswith("<"):
                    scores[word] = score * self._LOGBASE
        best = sorted(scores, key=lambda w: (-scores[w], w))[:top]
        return {w: scores[w] for w in best}

    def logprob(self, word: str, context: Sequence[str] = ()) -> float:
        """ln P(word | context); `asr.ngram`'s <s> and </s> are pocketsphinx's too."""
        history = [w for w in context[len(context) - self.order + 1 :]] if self.order > 1 else []
        with self._lock:  # pocketsphinx wants the word first, then the history, newest first
            score = self._model.prob([word, *reversed(history)])
        return self.floor if score <= self._LOGZERO else score * self._LOGBASE
