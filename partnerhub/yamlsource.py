"""Load YAML with line/column positions, duplicate-key detection and safe scalar typing.

PyYAML's C composer builds the node tree (fast, with marks); we construct Python values
ourselves so that:

* every value's position is known (``Positions``: field path -> line, column), so a
  validation error can point at the line a contributor has to fix;
* duplicate keys are reported instead of silently keeping the last one;
* no input can crash or hang the loader: nesting deeper than ``MAX_DEPTH`` (libyaml's
  composer recurses in C and would overflow the stack) and alias "bombs" that expand to
  more than ``MAX_NODES`` values are reported as problems;
* plain scalars follow the YAML 1.2 core schema rather than YAML 1.1: ``NO``, ``yes``,
  ``on`` stay strings (Norway's country code must not become ``False``), ``1:30`` is not
  a sexagesimal number, ``0123`` keeps its leading zero, and dates stay text until a
  date field parses them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from yaml.reader import ReaderError

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple  # a field path: ("photos", 0, "alt", "en")

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|(0|[1-9][0-9]*)(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
# YAML 1.1 booleans that 1.2 reads as text; reported when a boolean was expected.
_RESOLVED_TAGS = {"tag:yaml.org,2002:" + t for t in ("str", "null", "bool", "int", "float", "timestamp", "value", "merge")}
_STANDARD_TAGS = _RESOLVED_TAGS | {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
MAX_DEPTH = 64  # records nest five levels at most
MAX_NODES = 50_000  # values after expanding aliases; a big record has a few thousand
YAML11_BOOLEANS = {"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N"}


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in a source file."""

    line: int
    column: int


@dataclass
class YamlProblem:
    """A problem found while reading YAML, before any model validation."""

    mark: Mark
    code: str
    params: dict = field(default_factory=dict)
    path: tuple = ()


@dataclass
class Positions:
    """Where each value and each mapping key of a document stands."""

    values: dict = field(default_factory=dict)  # path -> Mark of the value
    keys: dict = field(default_factory=dict)  # path -> Mark of the key naming it
    plain: dict = field(default_factory=dict)  # path -> source text of an unquoted scalar
    spans: dict = field(default_factory=dict)  # path -> (start, end) character offsets of a scalar
    text: str = ""  # the source the offsets refer to

    def of(self, path: tuple) -> Mark:
        """The best position for ``path``: the key, else the value, else the nearest parent."""
        path = tuple(path)
        while path:
            if path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), Mark(1, 1))

    def value_of(self, path: tuple) -> Mark:
        """The position of the value at ``path`` (falls back like :meth:`of`)."""
        return self.values.get(tuple(path)) or self.of(path)

    def find(self, path: tuple, snippet: str) -> Mark | None:
        """Where ``snippet`` stands inside the scalar at ``path``, e.g. on the third line of
        a ``|`` block; None if the source does not hold it literally (escapes, folding)."""
        span = self.spans.get(tuple(path))
        if span is None or not snippet:
            return None
        index = self.text.find(snippet, span[0], span[1])
        if index < 0:
            return None
        return mark_at(self.text, index)


@dataclass
class YamlDocument:
    data: object
    positions: Positions
    problems: list


def mark_at(text: str, index: int) -> Mark:
    """The line and column of character ``index`` of ``text``."""
    line_start = text.rfind("\n", 0, index) + 1
    return Mark(text.count("\n", 0, index) + 1, index - line_start + 1)


class _TooBig(Exception):
    def __init__(self, code: str, mark: Mark) -> None:
        super().__init__(code)
        self.code, self.mark = code, mark


def _mark(node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: yaml.ScalarNode):
    value = node.value
    if node.style:  # quoted or block scalar: always text (the C composer says '' for plain)
        return value
    if node.tag not in _RESOLVED_TAGS:
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value) and any(ch.isdigit() for ch in value):
        return float(value)
    return value


class _Builder:
    def __init__(self, text: str) -> None:
        self.positions = Positions(text=text)
        self.problems: list[YamlProblem] = []
        self.nodes = 0

    def build(self, node, path: tuple, depth: int = 0):
        self.nodes += 1
        if self.nodes > MAX_NODES:  # an alias bomb: `&a [x, x]`, `&b [*a, *a]`, …
            raise _TooBig("yaml_too_large", _mark(node))
        if depth > MAX_DEPTH:  # also an alias that contains itself: `&a [*a]`
            raise _TooBig("yaml_too_deep", _mark(node))
        self.positions.values[path] = _mark(node)
        if node.tag not in _STANDARD_TAGS:
            self.problems.append(YamlProblem(_mark(node), "yaml_tag", {"tag": node.tag}, path))
        if isinstance(node, yaml.ScalarNode):
            self.positions.spans[path] = (node.start_mark.index, node.end_mark.index)
            if not node.style:
                self.positions.plain[path] = node.value
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            result: dict = {}
            first_seen: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(YamlProblem(_mark(key_node), "yaml_complex_key", {}, path))
                    continue
                key = key_node.value if key_node.style else _scalar(key_node)
                if key_node.value == "<<" and not key_node.style:
                    self.problems.append(YamlProblem(_mark(key_node), "yaml_merge_key", {}, path))
                    continue
                if not isinstance(key, str):
                    key = key_node.value  # `2024: …` or `no: …` as a key means the text
                if key in first_seen:
                    self.problems.append(
                        YamlProblem(_mark(key_node), "yaml_duplicate_key",
                                    {"key": key, "first_line": first_seen[key].line}, path + (key,))
                    )
                    continue
                first_seen[key] = _mark(key_node)
                self.positions.keys[path + (key,)] = _mark(key_node)
                result[key] = self.build(value_node, path + (key,), depth + 1)
            return result
        raise TypeError(f"unexpected YAML node {node!r}")  # pragma: no cover


def _too_deep(text: str) -> Mark | None:
    """Where the nesting first gets deeper than ``MAX_DEPTH``, found with libyaml's parser
    (which keeps its own stack) before its composer (which recurses) sees the text."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, _OPENING):
            depth += 1
            if depth > MAX_DEPTH:
                return _mark(event)
        elif isinstance(event, _CLOSING):
            depth -= 1
    return None


_OPENING = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSING = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _tab_indent(text: str, line: int) -> Mark | None:
    """The tab in the indentation of ``line`` (1-based), if there is one."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    indent = re.match(r"[ \t]*", lines[line - 1]).group(0)
    return Mark(line, indent.index("\t") + 1) if "\t" in indent else None


def _reader_problem(text: str, exc: ReaderError) -> YamlProblem:
    """libyaml counts the position in UTF-8 bytes; the mark is in characters."""
    position = exc.position if isinstance(exc.position, int) else 0
    index = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    if isinstance(exc.character, int):
        return YamlProblem(mark_at(text, index), "text_control_character", {"code_point": f"U+{exc.character:04X}"})
    return YamlProblem(mark_at(text, index), "yaml_syntax", {"detail": exc.reason})  # pragma: no cover


def _syntax_problem(text: str, exc: yaml.MarkedYAMLError, where: Mark) -> YamlProblem:
    """The syntax error in the words a contributor needs for the usual slips."""
    tab = _tab_indent(text, where.line)
    if tab is not None:  # libyaml's words for it vary ("cannot start any token", …)
        return YamlProblem(tab, "yaml_tab", {})
    problem, context = exc.problem or "", exc.context or ""
    lines = text.split("\n")
    line = lines[where.line - 1] if 1 <= where.line <= len(lines) else ""
    opened = exc.context_mark
    opened_at = Mark(opened.line + 1, opened.column + 1) if opened is not None else where
    opener = lines[opened.line][opened.column:opened.column + 1] if opened is not None and opened.line < len(lines) else ""
    if problem.startswith("mapping values are not allowed") and ": " in line[:where.column - 1]:
        return YamlProblem(where, "yaml_colon_in_value", {})
    char = line[where.column - 1:where.column]
    if problem.startswith("found character that cannot start any token") and char and char in "@`%":
        return YamlProblem(where, "yaml_reserved_character", {"char": char})
    if context.startswith("while scanning a quoted scalar") and opener in ("'", '"'):
        return YamlProblem(opened_at, "yaml_unclosed_quote", {"quote": opener})
    if context.startswith(("while parsing a flow sequence", "while parsing a flow mapping")) and opener in ("[", "{"):
        return YamlProblem(opened_at, "yaml_unclosed_bracket", {"bracket": opener, "closing": "]" if opener == "[" else "}"})
    return YamlProblem(where, "yaml_syntax", {"detail": problem or str(exc)})


def load_yaml(text: str) -> YamlDocument:
    """Parse one YAML document; syntax errors come back as problems, never exceptions."""
    try:
        deep = _too_deep(text)
        if deep is not None:
            return YamlDocument(None, Positions(), [YamlProblem(deep, "yaml_too_deep", {})])
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        return YamlDocument(None, Positions(), [_syntax_problem(text, exc, where)])
    except ReaderError as exc:  # a character YAML does not allow: a control character
        return YamlDocument(None, Positions(), [_reader_problem(text, exc)])
    except yaml.YAMLError as exc:  # pragma: no cover - every other libyaml error is marked
        return YamlDocument(None, Positions(), [YamlProblem(Mark(1, 1), "yaml_syntax", {"detail": str(exc).splitlines()[0]})])
    except UnicodeError as exc:  # a lone surrogate in a string not read from a file
        start = getattr(exc, "start", 0)
        return YamlDocument(None, Positions(), [YamlProblem(mark_at(text, start), "file_not_utf8", {"offset": start})])
    except RecursionError:
        return YamlDocument(None, Positions(), [YamlProblem(Mark(1, 1), "yaml_too_deep", {})])
    if not nodes or nodes[0] is None:
        return YamlDocument(None, Positions(), [YamlProblem(Mark(1, 1), "yaml_empty", {})])
    if len(nodes) > 1:
        return YamlDocument(None, Positions(), [YamlProblem(_mark(nodes[1]), "yaml_many_documents", {})])
    builder = _Builder(text)
    try:
        data = builder.build(nodes[0], ())
    except _TooBig as exc:
        return YamlDocument(None, Positions(), [YamlProblem(exc.mark, exc.code, {})])
    except RecursionError:  # pragma: no cover - MAX_DEPTH keeps well below the limit
        return YamlDocument(None, Positions(), [YamlProblem(Mark(1, 1), "yaml_too_deep", {})])
    return YamlDocument(data, builder.positions, builder.problems)
