"""Sentence splitting for Korean and English agent text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tts.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Good morning. How are you?", ["Good morning.", "How are you?"]),
        ("Wait!! Really?! Yes…  Okay.", ["Wait!!", "Really?!", "Yes…", "Okay."]),
        (
            "Dr. Kim says 3.5 mg is fine. Mr. Lee agrees.",
            ["Dr. Kim says 3.5 mg is fine.", "Mr. Lee agrees."],
        ),
        ("J. Smith called at 3 p.m. today. Fine.", ["J. Smith called at 3 p.m. today.", "Fine."]),
        (
            "Take it with food, e.g. rice. Then rest.",
            ["Take it with food, e.g. rice.", "Then rest."],
        ),
        ('"Really?" she asked. "Yes."', ['"Really?" she asked.', '"Yes."']),
        ("Well... maybe. Let me think.", ["Well... maybe.", "Let me think."]),
        ("Visit example.com today. Bye.", ["Visit example.com today.", "Bye."]),
        ("First line\nSecond line", ["First line", "Second line"]),
        ("No punctuation at all", ["No punctuation at all"]),
        ("Thanks. ...", ["Thanks. ..."]),
    ],
)
def test_english(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("안녕하세요. 식사는 하셨어요?", ["안녕하세요.", "식사는 하셨어요?"]),
        (
            "네, 알겠어요.식사는 하셨어요?잘 주무셨다니 다행입니다.",
            ["네, 알겠어요.", "식사는 하셨어요?", "잘 주무셨다니 다행입니다."],
        ),
        ("정말요!그러셨군요… 괜찮으세요?", ["정말요!", "그러셨군요…", "괜찮으세요?"]),
        ("혈압약은 2.5 mg 드세요. 알겠습니다.", ["혈압약은 2.5 mg 드세요.", "알겠습니다."]),
        ("김 Dr. 선생님이 오셨어요. 네.", ["김 Dr. 선생님이 오셨어요.", "네."]),
        ("“좋아요.” 그렇군요.", ["“좋아요.”", "그렇군요."]),
        (
            "오늘은 어떠세요\n어디 아프신 데는 없으세요",
            ["오늘은 어떠세요", "어디 아프신 데는 없으세요"],
        ),
    ],
)
def test_korean(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "ko") == expected


def test_korean_rule_for_missing_spaces_is_korean_only() -> None:
    assert split_sentences("네.식사는요?", "en") == ["네.식사는요?"]
    assert split_sentences("네.식사는요?", "ko") == ["네.", "식사는요?"]


@pytest.mark.parametrize("text", ["", "   ", "\n\n", " \t "])
def test_blank_text_gives_no_sentences(text: str) -> None:
    assert split_sentences(text, "ko") == []


def test_punctuation_alone_is_kept_whole() -> None:
    assert split_sentences("...", "en") == ["..."]
    assert split_sentences("... 네.", "ko") == ["... 네."]


def test_rejects_non_text() -> None:
    with pytest.raises(TypeError, match="str"):
        split_sentences(b"hello", "en")  # type: ignore[arg-type]


@given(
    st.text(alphabet=st.sampled_from(list("ab 가나.?!…\n3")), max_size=60),
    st.sampled_from(["en", "ko"]),
)
def test_pieces_are_never_empty_and_keep_every_character(text: str, language: str) -> None:
    pieces = split_sentences(text, language)
    assert all(piece and piece == piece.strip() for piece in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())
