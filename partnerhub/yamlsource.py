"""Load YAML with line/column positions, duplicate-key detection and safe scalar typing.

libyaml's C parser reads each file once into events (with marks); we construct Python
values from those events ourselves, without a node tree or a second parse, so that:

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

import pickle
import re
from dataclasses import dataclass, field, fields
from functools import lru_cache

import yaml
from yaml.reader import ReaderError

from partnerhub.messages import yaml_reason

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple  # a field path: ("photos", 0, "alt", "en")

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|(0|[1-9][0-9]*)(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_NUMBER_START = frozenset("+-.0123456789")  # how every match of _INT or _FLOAT starts
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


_PACKED = "_packed"


@dataclass
class Positions:
    """Where each value and each mapping key of a document stands."""

    values: dict = field(default_factory=dict)  # path -> Mark of the value
    keys: dict = field(default_factory=dict)  # path -> Mark of the key naming it
    plain: dict = field(default_factory=dict)  # path -> source text of an unquoted scalar
    spans: dict = field(default_factory=dict)  # path -> (start, end) character offsets of a scalar
    text: str = ""  # the source the offsets refer to

    # Sent from a helper process (partnerhub.workers) as one packed blob, unpacked where it
    # is first read: most records' positions are never read again once they are checked,
    # and unpacking thousands of them (a Mark per value) cost the validator as much as the
    # helper saved it.
    def __getstate__(self) -> dict:
        if _PACKED in self.__dict__:  # never unpacked here: as it came
            return {_PACKED: self.__dict__[_PACKED]}
        marks = {name: {path: (mark.line, mark.column) for path, mark in getattr(self, name).items()}
                 for name in ("values", "keys")}
        return {_PACKED: pickle.dumps((marks["values"], marks["keys"], self.plain, self.spans, self.text),
                                      protocol=pickle.HIGHEST_PROTOCOL)}

    def __setstate__(self, state: dict) -> None:
        self.__dict__[_PACKED] = state[_PACKED]

    def __getattr__(self, name: str):  # only for attributes not set: the fields of a packed one
        packed = self.__dict__.get(_PACKED)
        if packed is None or name not in _FIELDS:
            raise AttributeError(name)
        values, keys, plain, spans, text = pickle.loads(packed)
        self.__dict__.update(values={path: Mark(*at) for path, at in values.items()},
                             keys={path: Mark(*at) for path, at in keys.items()},
                             plain=plain, spans=spans, text=text)
        del self.__dict__[_PACKED]
        return self.__dict__[name]

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



_FIELDS = tuple(item.name for item in fields(Positions))  # what a packed one unpacks into


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


@lru_cache(maxsize=65_536)
def _shared_mark(line: int, column: int) -> Mark:
    """One (immutable) Mark per position: most values of most files stand at the same few
    columns of the same lines, and making a frozen dataclass costs more than looking it up."""
    return Mark(line, column)


def _mark(event) -> Mark:
    start = event.start_mark
    return _shared_mark(start.line + 1, start.column + 1)


def _scalar(event, tag):
    value = event.value
    if event.style:  # quoted or block scalar: always text (libyaml says '' for plain)
        return value
    if tag is not None and tag not in _RESOLVED_TAGS:
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if value[0] not in _NUMBER_START:  # a word, such as most keys: no number (value is not "")
        return value
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value) and any(ch.isdigit() for ch in value):
        return float(value)
    return value


def _events(text: str) -> tuple[list, Mark | None]:
    """Every event of the stream, from one pass of libyaml's parser (which keeps its own
    stack: no recursion in C however deep the input nests); or, as soon as the nesting gets
    deeper than ``MAX_DEPTH``, where it does (before any later syntax error)."""
    loader = _Loader(text)
    try:
        events = []
        get = loader.get_event
        depth = 0
        while True:
            event = get()
            events.append(event)
            kind = type(event)
            if kind in _OPENING:
                depth += 1
                if depth > MAX_DEPTH:
                    return events, _mark(event)
            elif kind in _CLOSING:
                depth -= 1
            elif event is None or kind is yaml.StreamEndEvent:
                return events, None
    finally:
        loader.dispose()


def _anchors(events: list) -> dict[str, int]:
    """The index of each anchor's event. Like a composer, in document order: an alias
    before its anchor, or an anchor given twice, is a syntax error."""
    anchors: dict[str, int] = {}
    for index, event in enumerate(events):
        if type(event) is yaml.DocumentStartEvent:
            anchors = {}
        anchor = getattr(event, "anchor", None)
        if anchor is None:
            continue
        if type(event) is yaml.AliasEvent:
            if anchor not in anchors:
                raise yaml.composer.ComposerError(None, None, "found undefined alias", event.start_mark)
        elif anchor in anchors:
            raise yaml.composer.ComposerError("found duplicate anchor; first occurrence",
                                              events[anchors[anchor]].start_mark, "second occurrence",
                                              event.start_mark)
        else:
            anchors[anchor] = index
    return anchors


_OPENING = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSING = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _effective_tag(event):
    """The event's explicit tag; None for an untagged value (or the non-specific ``!``),
    which the YAML 1.2 core rules of :func:`_scalar` type."""
    tag = event.tag
    return None if tag is None or tag == "!" else tag


class _Builder:
    """Python values and their positions from the event list of one document: the values
    are built straight from libyaml's events (no node tree, no second parse); an alias
    replays the events of its anchor, so that its values get positions too."""

    def __init__(self, text: str, events: list, anchors: dict[str, int]) -> None:
        self.positions = Positions(text=text)
        self.problems: list[YamlProblem] = []
        self.events = events
        self.nodes = 0
        self.anchors = anchors  # anchor -> index of the event that carries it (see _scan)

    def _end(self, index: int) -> int:
        """The index after the value that starts at ``index``."""
        kind = type(self.events[index])
        if kind not in _OPENING:
            return index + 1
        depth = 0
        for i in range(index, len(self.events)):
            kind = type(self.events[i])
            if kind in _OPENING:
                depth += 1
            elif kind in _CLOSING:
                depth -= 1
                if depth == 0:
                    return i + 1
        return len(self.events)  # pragma: no cover - libyaml closes what it opens

    def build(self, index: int, path: tuple, depth: int = 0):
        """The value starting at event ``index``; returns (value, index after it)."""
        event = self.events[index]
        kind = type(event)
        if kind is yaml.AliasEvent:
            value, _after = self.build(self.anchors[event.anchor], path, depth)
            return value, index + 1
        self.nodes += 1
        if self.nodes > MAX_NODES:  # an alias bomb: `&a [x, x]`, `&b [*a, *a]`, …
            raise _TooBig("yaml_too_large", _mark(event))
        if depth > MAX_DEPTH:  # also an alias that contains itself: `&a [*a]`
            raise _TooBig("yaml_too_deep", _mark(event))
        mark = _mark(event)
        self.positions.values[path] = mark
        tag = _effective_tag(event)
        if tag is not None and tag not in _STANDARD_TAGS:
            self.problems.append(YamlProblem(mark, "yaml_tag", {"tag": tag}, path))
        if kind is yaml.ScalarEvent:
            self.positions.spans[path] = (event.start_mark.index, event.end_mark.index)
            if not event.style:
                self.positions.plain[path] = event.value
            return _scalar(event, tag), index + 1
        if kind is yaml.SequenceStartEvent:
            result = []
            index += 1
            while type(self.events[index]) is not yaml.SequenceEndEvent:
                value, index = self.build(index, path + (len(result),), depth + 1)
                result.append(value)
            return result, index + 1
        if kind is yaml.MappingStartEvent:
            return self._mapping(index + 1, path, depth)
        raise TypeError(f"unexpected YAML event {event!r}")  # pragma: no cover

    def _mapping(self, index: int, path: tuple, depth: int):
        result: dict = {}
        first_seen: dict = {}
        events = self.events
        while type(events[index]) is not yaml.MappingEndEvent:
            key_event = events[index]
            value_index = self._end(index)
            if type(key_event) is yaml.AliasEvent:  # `*name: …`: the anchored value is the key
                key_event = events[self.anchors[key_event.anchor]]
            if type(key_event) is not yaml.ScalarEvent:  # a collection or an alias as a key
                self.problems.append(YamlProblem(_mark(key_event), "yaml_complex_key", {}, path))
                index = self._end(value_index)
                continue
            key = key_event.value if key_event.style else _scalar(key_event, _effective_tag(key_event))
            if key_event.value == "<<" and not key_event.style:
                self.problems.append(YamlProblem(_mark(key_event), "yaml_merge_key", {}, path))
                index = self._end(value_index)
                continue
            if not isinstance(key, str):
                key = key_event.value  # `2024: …` or `no: …` as a key means the text
            if key in first_seen:
                self.problems.append(
                    YamlProblem(_mark(key_event), "yaml_duplicate_key",
                                {"key": key, "first_line": first_seen[key].line}, path + (key,))
                )
                index = self._end(value_index)
                continue
            first_seen[key] = _mark(key_event)
            self.positions.keys[path + (key,)] = first_seen[key]
            result[key], index = self.build(value_index, path + (key,), depth + 1)
        return result, index + 1


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
    return YamlProblem(where, "yaml_syntax", {"detail": yaml_reason(problem or str(exc))})


def load_yaml(text: str) -> YamlDocument:
    """Parse one YAML document, in one pass of libyaml's parser; syntax errors come back
    as problems, never exceptions."""
    try:
        events, deep = _events(text)
        if deep is not None:
            return YamlDocument(None, Positions(), [YamlProblem(deep, "yaml_too_deep", {})])
        anchors = _anchors(events)
        starts = [i for i, event in enumerate(events) if type(event) is yaml.DocumentStartEvent]
        # an empty stream, or one of comments only, has no document
        if not starts:
            return YamlDocument(None, Positions(), [YamlProblem(Mark(1, 1), "yaml_empty", {})])
        if len(starts) > 1:
            return YamlDocument(None, Positions(), [YamlProblem(_mark(events[starts[1] + 1]), "yaml_many_documents", {})])
        builder = _Builder(text, events, anchors)
        data, _after = builder.build(starts[0] + 1, ())
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
    except _TooBig as exc:
        return YamlDocument(None, Positions(), [YamlProblem(exc.mark, exc.code, {})])
    except RecursionError:  # pragma: no cover - MAX_DEPTH keeps well below the limit
        return YamlDocument(None, Positions(), [YamlProblem(Mark(1, 1), "yaml_too_deep", {})])
    return YamlDocument(data, builder.positions, builder.problems)
