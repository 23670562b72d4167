"""Load YAML into a pydantic model so that every error names the file, the line and the field.

Health offices write their own scenarios; a typo must come back as
`daily_checkin_en.yaml:42: items[2].answers[0].keywords: must be a non-empty list`, not as a
pydantic traceback. The loader keeps the start line of every mapping key and sequence entry,
keyed by its path, and pydantic's error `loc` paths are looked up in that table.

Every YAML file the project reads (scenarios, personas, settings) goes through `read_yaml`,
which refuses what could stall or exhaust the process before anything is built from it: a path
that is not a regular file (a FIFO would block the reader), a file over `YamlLimits.max_bytes`,
and documents with too many aliases, nodes or levels of nesting — counted while the document is
composed and again with every alias expanded, so an alias bomb ("billion laughs") is refused in
milliseconds, naming the file and line.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class YamlLimits:
    """What one YAML document may hold. The shipped scenarios are under 30 KB, about 2,000
    nodes, 8 levels deep and use no aliases, so these leave authors ample room."""

    max_bytes: int = 1 << 20
    max_aliases: int = 100  # alias uses (`*name`) in the document
    max_depth: int = 50  # levels of nesting, aliases expanded
    max_nodes: int = 100_000  # scalars, sequences and mappings, aliases expanded


LIMITS = YamlLimits()


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
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    "a key must be a plain value, not a list or mapping",
                    key_node.start_mark,
                ) from None
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


class _LimitedLoader(LineLoader):
    """Counts alias uses, nodes and depth while composing, and stops at the first one over."""

    def __init__(self, text: str, limits: YamlLimits) -> None:
        super().__init__(text)
        self.limits = limits
        self._aliases = self._nodes = self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        limits, event = self.limits, self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > limits.max_aliases:
                _refuse(f"too many aliases (over {limits.max_aliases})", event.start_mark)
        else:
            self._nodes += 1
            if self._nodes > limits.max_nodes:
                _refuse(f"too many values (over {limits.max_nodes})", event.start_mark)
        self._depth += 1
        try:
            if self._depth > limits.max_depth:
                _refuse(f"nested too deeply (over {limits.max_depth} levels)", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _refuse(message: str, mark: yaml.Mark | None) -> None:
    raise yaml.composer.ComposerError(None, None, message, mark)


def _check_expanded(root: yaml.Node, limits: YamlLimits) -> None:
    """Size and depth with every alias expanded (as `_node_lines` and pydantic will walk it).

    A few aliases can still double a list at every level (`b: [*a, *a]`, `c: [*b, *b]` …), so
    the count of alias uses alone does not bound the work; memoized per node, this is linear in
    the document. An alias to a node that contains it (`&a [*a]`) is refused too.
    """
    done: dict[int, tuple[int, int]] = {}  # id(node) -> (nodes, height), aliases expanded
    active: set[int] = set()
    deep = f"nested too deeply with aliases expanded (over {limits.max_depth} levels)"
    many = f"too many values with aliases expanded (over {limits.max_nodes})"

    # An alias's node is the anchored one (its mark is the anchor's line), so a refusal caused
    # by an alias names the line of the value holding the alias: where the expansion happens.
    def visit(node: yaml.Node, depth: int, where: yaml.Mark) -> tuple[int, int]:
        key = id(node)
        if key in done:
            return done[key]
        if key in active:
            _refuse("an alias refers to a value that contains it", where)
        if depth > limits.max_depth:  # before going deeper: the recursion stays this shallow
            _refuse(deep, where)
        active.add(key)
        size, height = 1, 1
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        for child in children:
            # A child seen before is an alias: blame this value, which holds the alias.
            at = node.start_mark if id(child) in done else child.start_mark
            child_size, child_height = visit(child, depth + 1, node.start_mark)
            size += child_size
            height = max(height, child_height + 1)
            if size > limits.max_nodes:
                _refuse(many, at)
            if depth + child_height > limits.max_depth:
                _refuse(deep, at)
        active.discard(key)
        done[key] = (size, height)
        return size, height

    visit(root, 1, root.start_mark)


def read_text(path: Path, limits: YamlLimits = LIMITS) -> str:
    """A regular file's text, refusing anything else without blocking on it. Raises
    ScenarioError.

    The type is checked before opening (a FIFO would block `open` until a writer came), the
    open is non-blocking in case the path was swapped in between, and the type is checked
    again on the open file; at most `max_bytes` + 1 bytes are read, whatever stat said.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise ScenarioError([f"{path.name}: cannot read: not a regular file"])
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ScenarioError([f"{path.name}: cannot read: not a regular file"])
            data, want = b"", limits.max_bytes + 1
            while len(data) < want and (chunk := os.read(fd, want - len(data))):
                data += chunk
        finally:
            os.close(fd)
    except OSError as exc:
        raise ScenarioError([f"{path.name}: cannot read: {exc.strerror or exc}"]) from exc
    if len(data) > limits.max_bytes:
        raise ScenarioError([f"{path.name}: cannot read: larger than {limits.max_bytes} bytes"])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ScenarioError([f"{path.name}:{line}: cannot read: not UTF-8 text"]) from exc


def _node_lines(node: yaml.Node, path: Loc, lines: dict[Loc, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            if not isinstance(key, str):
                continue  # a list or mapping as a key: refused when constructed
            child = (*path, key)
            # The key's line is where an author looks for the field.
            lines[child] = key_node.start_mark.line + 1
            _node_lines(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _node_lines(item, (*path, index), lines)


def read_yaml(
    path: str | Path, limits: YamlLimits = LIMITS, *, allow_empty: bool = False
) -> tuple[Any, dict[Loc, int]]:
    """The document and a table path -> line (1-based); an empty file is an error unless
    `allow_empty` (then the document is None). Raises ScenarioError."""
    path = Path(path)
    loader = _LimitedLoader(read_text(path, limits), limits)
    try:
        node = loader.get_single_node()
        if node is None:
            if allow_empty:
                return None, {}
            raise ScenarioError([f"{path.name}:1: the file is empty"])
        _check_expanded(node, limits)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise ScenarioError([f"{path.name}{line}: YAML: {exc.problem or exc}"]) from exc
    except yaml.YAMLError as exc:  # e.g. a control character the reader refuses
        raise ScenarioError([f"{path.name}: YAML: {exc}"]) from exc
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
