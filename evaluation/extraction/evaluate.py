"""Score the engine's extraction on lines of the blind extraction set.

A case is one line: the asked item's class must equal ``truth`` (a null truth is right when no
class or ``DONT_KNOW`` comes back); each ``also`` item must be found, with its class, by the
engine's answers-in-passing function, asked about every other item of the scenario. Findings
in passing for items a line does not label are counted apart ("unlabelled"): they are not
misses, since a line's labels need not list every item it touches.

The extractor and the in-passing function are parameters so the arithmetic can be tested on
stubs; by default they are the engine's public ``dialogue.extract.extract`` and
``dialogue.conversation.passing.in_passing``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.extraction.split import LANGS, check_row, read_jsonl, strip

DONT_KNOW = "dont_know"  # dialogue.scenario.DONT_KNOW, restated so stubs need no engine
NULL = "(null)"

# (scenario, item_id, text) -> answer class or None
Extractor = Callable[[object, str, str], str | None]
# (scenario, item_ids, text) -> {item_id: answer class or None}
Passing = Callable[[object, list[str], str], dict[str, str | None]]


class InputError(Exception):
    """A file the evaluator cannot score; the message names file, line and field."""


@dataclass
class Case:
    where: str  # file:line
    row: dict
    found: str | None
    ok: bool
    also_found: dict[str, str | None] = field(default_factory=dict)
    also_ok: dict[str, bool] = field(default_factory=dict)
    unlabelled: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict:
        out = {**strip(self.row), "where": self.where, "found": self.found, "ok": self.ok}
        if self.row.get("also"):
            out["also_found"] = self.also_found
            out["also_ok"] = self.also_ok
        if self.unlabelled:
            out["unlabelled"] = self.unlabelled
        return out


def load_rows(files: list[str | Path]) -> list[dict]:
    """Every line of the files, validated; raises InputError listing every problem."""
    rows, errors = [], []
    for f in files:
        p = Path(f)
        if not p.is_file():
            raise InputError(f"{p}: no such file")
        try:
            got = read_jsonl(p)
        except SystemExit as e:  # read_jsonl names file and line
            raise InputError(str(e)) from None
        for r in got:
            lang = r.get("lang")
            if lang not in LANGS:
                errors.append(f"{r['_where']}: field 'lang' is {lang!r}, expected one of {LANGS}")
                continue
            errors += check_row(lang, r)
        rows += got
    if errors:
        raise InputError("\n".join(errors))
    if not rows:
        raise InputError(f"{', '.join(map(str, files))}: no lines to score")
    return rows


def engine() -> tuple[Callable[[str], object], Extractor, Passing]:
    """(scenario loader, extractor, in-passing) from the engine's public functions."""
    from dialogue.conversation.passing import in_passing
    from dialogue.extract import extract
    from dialogue.scenario import load_scenario

    cache: dict[str, object] = {}

    def scenario(name: str):
        if name not in cache:
            cache[name] = load_scenario(name)
        return cache[name]

    def one(sc, item_id: str, text: str) -> str | None:
        item = next(it for it in sc.items if it.id == item_id)
        return extract(item, text, language=sc.language, dont_know=sc.dont_know).answer_class

    def passing(sc, item_ids: list[str], text: str) -> dict[str, str | None]:
        found: dict[str, str | None] = {}
        for e in in_passing(sc, item_ids, text):
            found.setdefault(e.item_id, e.answer_class)
        return found

    return scenario, one, passing


def evaluate(
    rows: list[dict],
    scenario: Callable[[str], object],
    extractor: Extractor,
    passing: Passing,
    items_of: Callable[[object], list[str]] | None = None,
) -> list[Case]:
    items_of = items_of or (lambda sc: [it.id for it in sc.items])
    cases = []
    for r in rows:
        sc = scenario(r["scenario"])
        found = extractor(sc, r["item"], r["user"])
        ok = found in (None, DONT_KNOW) if r["truth"] is None else found == r["truth"]
        case = Case(r["_where"], r, found, ok)
        also = r.get("also") or {}
        others = [i for i in items_of(sc) if i != r["item"]]
        if also:
            got = passing(sc, others, r["user"])
            case.also_found = {i: got.get(i) for i in also}
            case.also_ok = {i: got.get(i) == c for i, c in also.items()}
            case.unlabelled = {i: c for i, c in got.items() if i not in also and c}
        cases.append(case)
    return cases


def _rate(ok: int, n: int) -> str:
    return f"{ok}/{n} = {ok / n:.1%}" if n else "0/0"


def summarize(cases: list[Case]) -> dict:
    """Counts per language: overall, per item, per tag, per truth; confusion; in passing."""
    out: dict[str, dict] = {}
    by_lang: dict[str, list[Case]] = defaultdict(list)
    for c in cases:
        by_lang[c.row["lang"]].append(c)
    for lang, cs in sorted(by_lang.items()):
        s: dict = {
            "n": len(cs),
            "ok": sum(c.ok for c in cs),
            "item": Counter(),
            "item_ok": Counter(),
            "tag": Counter(),
            "tag_ok": Counter(),
            "confusion": Counter(),
            "also_n": 0,
            "also_ok": 0,
            "unlabelled": 0,
        }
        for c in cs:
            key = f"{c.row['scenario']}/{c.row['item']}"
            s["item"][key] += 1
            s["item_ok"][key] += c.ok
            for t in c.row["tags"]:
                s["tag"][t] += 1
                s["tag_ok"][t] += c.ok
            if not c.ok:
                s["confusion"][(key, c.row["truth"] or NULL, c.found or "None")] += 1
            s["also_n"] += len(c.also_ok)
            s["also_ok"] += sum(c.also_ok.values())
            s["unlabelled"] += len(c.unlabelled)
        out[lang] = s
    return out


def report(summary: dict) -> str:
    lines = []
    for lang, s in summary.items():
        lines.append(f"== {lang}: asked item {_rate(s['ok'], s['n'])}")
        lines.append(
            f"   in passing (also items found with their class): "
            f"{_rate(s['also_ok'], s['also_n'])}; unlabelled findings: {s['unlabelled']}"
        )
        lines.append("   per item:")
        for k in sorted(s["item"]):
            lines.append(f"     {k:40s} {_rate(s['item_ok'][k], s['item'][k])}")
        lines.append("   per tag:")
        for t in sorted(s["tag"]):
            lines.append(f"     {t:40s} {_rate(s['tag_ok'][t], s['tag'][t])}")
        lines.append("   confusion (item: truth -> found, count):")
        for (k, truth, found), n in sorted(s["confusion"].items(), key=lambda x: (-x[1], x[0])):
            lines.append(f"     {k}: {truth} -> {found}  {n}")
    return "\n".join(lines)


def misses(cases: list[Case]) -> str:
    lines = []
    for c in cases:
        if not c.ok:
            lines.append(
                f"{c.where}: {c.row['scenario']}/{c.row['item']} truth={c.row['truth'] or NULL} "
                f"found={c.found} {c.row['user']!r}"
            )
        for i, good in c.also_ok.items():
            if not good:
                lines.append(
                    f"{c.where}: in passing {c.row['scenario']}/{i} truth={c.row['also'][i]} "
                    f"found={c.also_found[i]} {c.row['user']!r}"
                )
    return "\n".join(lines)
