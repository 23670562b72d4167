"""A call's later turns start streaming from the cepstral mean its previous turn ended with
(`Transcript.adaptation` -> `RecognitionContext.adaptation`), with no warm-up, and decode
the same whichever decoder they get."""

from __future__ import annotations

import numpy as np
import pytest
from test_asr_streaming import fixtures

from asr import RecognitionContext
from asr.sphinx import SphinxRecognizer
from telephony.audio import Audio

DOMAIN = [
    "yes i had a boiled egg and some coffee",
    "i cooked a little pasta for lunch",
    "i slept well last night",
    "my knee hurts a little today",
]


def clips(n: int) -> list[np.ndarray]:
    return [samples for _, samples in fixtures(n)]


def streamed(recognizer, samples, context=None):
    """(whether the search was running after the first 0.1 s, the transcript)"""
    stream = recognizer.open_stream(context=context)
    searching = []
    for i in range(0, len(samples), 1600):
        stream.feed(samples[i : i + 1600], 16000)
        searching.append(stream._searching)
    return searching[0], stream.finish()


def test_the_next_turn_starts_from_the_mean_the_last_one_ended_with() -> None:
    first_turn, second_turn = clips(2)
    rec = SphinxRecognizer.from_sentences(DOMAIN)
    _, first = streamed(rec, first_turn)
    assert first.adaptation and first.adaptation != rec._initial_cmn
    told = RecognitionContext(adaptation=first.adaptation)
    at_once, second = streamed(rec, second_turn, told)
    assert at_once  # no warm-up: the search ran from the first piece
    waited, cold = streamed(rec, second_turn)
    assert not waited
    assert second.nbest != cold.nbest  # the prior changed the decode (scores at least)
    # the same on another recognizer whose decoders heard other turns first
    other = SphinxRecognizer.from_sentences(DOMAIN)
    streamed(other, first_turn)
    streamed(other, second_turn)
    assert streamed(other, second_turn, told)[1].nbest == second.nbest
    assert rec.transcribe(Audio(first_turn, 16000)).adaptation  # the batch path gives one too


@pytest.mark.parametrize("bad", ["40,3", "a,b,c,d,e,f,g,h,i,j,k,l,m", "nan" + ",0" * 12])
def test_a_mean_that_is_not_one_is_refused_with_its_name(bad: str) -> None:
    rec = SphinxRecognizer.from_sentences(DOMAIN)
    with pytest.raises(ValueError, match="RecognitionContext.adaptation"):
        rec.open_stream(context=RecognitionContext(adaptation=bad))


def test_the_warm_up_mean_is_the_one_a_full_decode_of_it_reaches() -> None:
    """`estimate_cmn` reads the mean off a decoder that spots one keyword instead of searching
    the warm-up in full: the mean (and so every streamed turn) must be what the full search
    gave, whatever the audio."""
    from telephony.g711 import float_to_pcm16

    rec = SphinxRecognizer.from_sentences(DOMAIN)
    for samples in clips(4):
        for seconds in (0.3, 0.8, 2.0):
            pcm = float_to_pcm16(samples[: int(seconds * 16000)]).astype("<i2").tobytes()
            d = rec._decoder  # the recognizer's own decoder, searching the audio in full
            d.reinit_feat()
            d.set_cmn(rec._initial_cmn)
            d.start_utt()
            d.process_raw(pcm, no_search=True, full_utt=True)
            d.end_utt()
            assert rec.estimate_cmn(pcm) == d.get_cmn(update=True)
    assert rec._features is not None and rec._features is not rec._decoder
