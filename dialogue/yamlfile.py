"""Load YAML into a pydantic model so that every error names the file, the line and the field.

Health offices write their own scenarios; a typo must come back as
`daily_checkin_en.yaml:42: items[2].answers[0].keywords: must be a non-empty list`, not as a
pydantic traceback. The loader keeps the start line of every mapping key and sequence entry,
keyed by its path, and pydantic's error `loc` paths are looked up in that table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


class ScenarioError(ValueError):
    """A scenario or persona file is invalid. `problems` holds one `file:line: field: message`
    string per problem; the exception's message is all of them, one per line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class LineLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans and no duplicate keys.

    YAML 1.1 reads `yes`, `no`, `on`, `off` as booleans, but keyword lists are full of them
    (`keywords: [yes, no]`); only `true` and `false` are booleans here. A duplicate key would
    silently override the first, hiding an author's mistake, so it is an error.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {key!r} (first on line {seen[key]})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _node_lines(node: yaml.Node, path: Loc, lines: dict[Loc, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            child = (*path, key)
            # The key's line is where an author looks for the field.
            lines[child] = key_node.start_mark.line + 1
            _node_lines(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _node_lines(item, (*path, index), lines)


def read_yaml(path: str | Path) -> tuple[Any, dict[Loc, int]]:
    """The document and a table path -> line (1-based). Raises ScenarioError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError([f"{path.name}: cannot read: {exc}"]) from exc
    loader = LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ScenarioError([f"{path.name}:1: the file is empty"])
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise ScenarioError([f"{path.name}{line}: YAML: {exc.problem or exc}"]) from exc
    finally:
        loader.dispose()
    lines: dict[Loc, int] = {}
    _node_lines(node, (), lines)
    return data, lines


def format_loc(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def line_of(lines: dict[Loc, int], loc: Loc) -> int:
    """The line of the deepest part of `loc` that exists in the file."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return 1


def problem(path: Path, lines: dict[Loc, int], loc: Loc, message: str) -> str:
    return f"{path.name}:{line_of(lines, loc)}: {format_loc(loc)}: {message}"


def _clean_loc(loc: Iterable[Any]) -> Loc:
    # Pydantic puts validator names ("function-after[...]") and union members into loc;
    # only real keys and indices name a place in the file.
    return tuple(p for p in loc if isinstance(p, int) or not ("[" in p or p.endswith("]")))


def _message(error: dict[str, Any]) -> str:
    kind, msg = error["type"], error["msg"]
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a known field (misspelled?)"
    return msg.removeprefix("Value error, ")


def load_model(path: str | Path, model: type[M]) -> tuple[M, dict[Loc, int]]:
    """Parse and validate; raises ScenarioError listing every problem with its line."""
    path = Path(path)
    data, lines = read_yaml(path)
    if not isinstance(data, dict):
        raise ScenarioError([f"{path.name}:1: (top level): must be a mapping of fields"])
    try:
        return model.model_validate(data), lines
    except ValidationError as exc:
        problems = [problem(path, lines, _clean_loc(e["loc"]), _message(e)) for e in exc.errors()]
        raise ScenarioError(problems) from None
