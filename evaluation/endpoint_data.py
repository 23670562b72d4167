"""The answers the end-of-turn evaluation (`evaluation.endpoint`) speaks, in two halves.

*tune*: the thresholds and word lists of `asr.completeness` may be chosen on these.
*heldout*: written at the same time as *tune* and never looked at while tuning: other
sentences, other words before each stop, other fillers. Report the held-out half. (One leak,
said plainly: `asr.completeness.OPEN_EN`, the words an answer rarely ends on, was written
while reading how `evaluation.pausing.stops` named the stops of both halves' texts; no
threshold was chosen on held-out figures.)

Each answer is (item, text): the check-in item (`scenarios/daily_checkin_*.yaml`) whose question
was just asked, and the answer with "..." where the speaker stops (`evaluation.pausing`). A
*plain* answer has no stop: only its end is judged.
"""

from __future__ import annotations

from evaluation.pausing import PAUSING_EN, PAUSING_KO

_EN_ITEMS = ("outing", "meal", "sleep", "health", "medication", "mood", "mood", "outing")
_KO_ITEMS = ("outing", "meal", "sleep", "health", "medication", "mood")

TUNE_PAUSING_EN: tuple[tuple[str, str], ...] = (
    *zip(_EN_ITEMS, PAUSING_EN, strict=True),
    ("meal", "I made... uh... some eggs for lunch."),
    ("health", "My back is... um... sore in the morning."),
    ("sleep", "I woke up at... hmm... three o'clock."),
    ("medication", "I took the... the white pill with water."),
)

TUNE_PLAIN_EN: tuple[tuple[str, str], ...] = (
    ("meal", "Yes, I had some toast and tea this morning."),
    ("meal", "No, not yet."),
    ("sleep", "I slept well."),
    ("sleep", "Not very well, I kept waking up."),
    ("health", "My knee hurts a little."),
    ("health", "No, nothing hurts today."),
    ("medication", "Yes, I took them after breakfast."),
    ("outing", "I went for a short walk."),
    ("mood", "I feel fine, thank you."),
    ("mood", "A bit lonely today."),
)

HELDOUT_PAUSING_EN: tuple[tuple[str, str], ...] = (
    ("meal", "For breakfast I had... er... a bowl of porridge."),
    ("meal", "My son brought me... um... some soup and bread."),
    ("sleep", "I could not sleep because of... the noise outside."),
    ("sleep", "I went to bed at... uh... about ten."),
    ("health", "My hip has been... hmm... bothering me since Monday."),
    ("health", "I have a headache and... and my eyes are tired."),
    ("medication", "I forgot my... um... my blood pressure pills."),
    ("medication", "The nurse told me to take... two tablets a day."),
    ("outing", "I walked to the... er... to the post office."),
    ("outing", "I stayed in because my legs... were too weak."),
    ("mood", "I am a little... uh... sad since my friend moved."),
    ("mood", "Well... I feel better than... than yesterday."),
    ("meal", "I ate some... some fruit with my neighbour."),
    ("outing", "We sat in the... um... in the garden for an hour."),
    ("sleep", "I slept... er... maybe five hours."),
    ("health", "It hurts when I... when I climb the stairs."),
)

HELDOUT_PLAIN_EN: tuple[tuple[str, str], ...] = (
    ("meal", "I had a sandwich for lunch."),
    ("meal", "Only a cup of coffee."),
    ("sleep", "Very badly, I was up all night."),
    ("sleep", "Pretty well, thanks."),
    ("health", "My shoulder is stiff."),
    ("health", "No pain at all."),
    ("medication", "Yes, I did."),
    ("medication", "I forgot to take them."),
    ("outing", "No, I stayed at home."),
    ("mood", "I am happy, my grandson visited."),
)

TUNE_PAUSING_KO: tuple[tuple[str, str], ...] = (
    *zip(_KO_ITEMS, PAUSING_KO, strict=True),
    ("meal", "점심은... 음... 국수를 먹었어요."),
    ("health", "허리가... 좀... 쑤셔요."),
)

TUNE_PLAIN_KO: tuple[tuple[str, str], ...] = (
    ("meal", "네, 밥 먹었어요."),
    ("sleep", "잘 잤어요."),
    ("health", "무릎이 좀 아파요."),
    ("medication", "네, 먹었습니다."),
    ("mood", "괜찮아요."),
)

HELDOUT_PAUSING_KO: tuple[tuple[str, str], ...] = (
    ("meal", "아들이... 저기... 반찬을 갖다 줬어요."),
    ("sleep", "밤에... 어... 두 번 깼어요."),
    ("health", "다리가... 그러니까... 저려요."),
    ("medication", "혈압약을... 음... 깜빡했어요."),
    ("outing", "경로당에... 친구랑... 다녀왔어요."),
    ("mood", "그냥... 좀... 외로워요."),
    ("outing", "비가 와서... 음... 집에 있었어요."),
    ("meal", "죽을... 조금... 먹었어요."),
)

HELDOUT_PLAIN_KO: tuple[tuple[str, str], ...] = (
    ("meal", "아직 안 먹었어요."),
    ("sleep", "푹 잤어요."),
    ("health", "아픈 데 없어요."),
    ("medication", "아침에 먹었어요."),
    ("outing", "시장에 다녀왔어요."),
)

TUNE_CLAUSE_EN: tuple[tuple[str, str], ...] = (
    ("meal", "I had some rice... and a little soup."),
    ("sleep", "I slept well... but I woke up once."),
    ("health", "My knee hurts... when I walk a lot."),
    ("outing", "I went to the park... with my neighbour."),
)
"""Pausing answers that stop after a whole clause or list item that already answers the
question, then go on (`evaluation.pausing`: where people pause). Added after the halves above;
they come last in each half so the earlier answers keep their pause draws."""

HELDOUT_CLAUSE_EN: tuple[tuple[str, str], ...] = (
    ("meal", "I ate an apple... and some crackers."),
    ("sleep", "Not very well... the dog was barking."),
    ("health", "My back is sore... um... since yesterday."),
    ("medication", "Yes, I took them... after lunch."),
    ("mood", "I feel okay... just a little tired."),
    ("outing", "I went shopping... with my daughter."),
)

TUNE_CLAUSE_KO: tuple[tuple[str, str], ...] = (
    ("meal", "밥은 먹었어요... 근데 입맛이 없어요."),
    ("health", "무릎이 아파요... 계단 오를 때요."),
)

HELDOUT_CLAUSE_KO: tuple[tuple[str, str], ...] = (
    ("meal", "죽 먹었어요... 그리고 사과도요."),
    ("sleep", "잘 못 잤어요... 꿈을 꿔서요."),
    ("outing", "시장에 갔어요... 딸이랑요."),
)

SETS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("tune", "en"): TUNE_PAUSING_EN + TUNE_PLAIN_EN + TUNE_CLAUSE_EN,
    ("heldout", "en"): HELDOUT_PAUSING_EN + HELDOUT_PLAIN_EN + HELDOUT_CLAUSE_EN,
    ("tune", "ko"): TUNE_PAUSING_KO + TUNE_PLAIN_KO + TUNE_CLAUSE_KO,
    ("heldout", "ko"): HELDOUT_PAUSING_KO + HELDOUT_PLAIN_KO + HELDOUT_CLAUSE_KO,
}
"""(half, language) -> its answers: pausing, plain, then pausing after a whole clause."""

CLAUSE_ANSWERS = frozenset(
    t for _, t in TUNE_CLAUSE_EN + HELDOUT_CLAUSE_EN + TUNE_CLAUSE_KO + HELDOUT_CLAUSE_KO
)
"""The answers whose stop follows a whole clause (reported apart as well)."""
