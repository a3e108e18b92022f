"""A strict YAML reader that remembers where every value came from.

Safe scalars only (str, int, float, bool, null), no anchors or aliases, no explicit tags
beyond YAML's standard ones, no duplicate keys, one document. Values come back as plain Python
data plus a table mapping each value's path (a tuple of keys and indices) to its 1-based line
and column, so a validator can point at the exact spot of a problem.

It builds the values straight from the parser's event stream (libyaml's when available), so
nothing is ever constructed from a tag and nothing is expanded from an alias. The work is
bounded while parsing: at most ``MAX_DEPTH`` nested collections, ``MAX_VALUES`` values and
numbers of at most ``MAX_NUMBER_CHARS`` characters (a longer integer cannot be a coordinate
and would not fit a float). A position is only needed to report a problem, so it is found on
first use, by a second pass over the events that keeps nothing but the way to that value:
the error path costs what the happy path costs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import yaml

from bodymap.io.errors import RegionsError

MAX_DEPTH = 32  # nested mappings and sequences (regions.yaml uses 7)
MAX_VALUES = 2_000_000  # scalars in all (regions.yaml holds about 6,000)
MAX_NUMBER_CHARS = 40  # characters of a plain number

Path = tuple[str | int, ...]
Marks = Mapping[Path, tuple[int, int]]

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Plain decimals resolve the same in every YAML 1.1 reading; taking them directly keeps a
# polygon-heavy file fast. Anything else goes through PyYAML's resolver. (A plain scalar has
# style None from PyYAML's parser, "" from libyaml's.)
_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?")
_Scalar = yaml.ScalarEvent
_SequenceStart = yaml.SequenceStartEvent
_SequenceEnd = yaml.SequenceEndEvent
_MappingStart = yaml.MappingStartEvent
_MappingEnd = yaml.MappingEndEvent


def _mark(event: yaml.Event | yaml.MarkedYAMLError) -> tuple[int, int]:
    mark = getattr(event, "start_mark", None) or getattr(event, "problem_mark", None)
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Builder:
    """Builds the value of one document from its events; records positions into ``marks``
    when it is given one."""

    def __init__(self, path: str, marks: dict[Path, tuple[int, int]] | None) -> None:
        self.path = path
        self.marks = marks
        self.depth = 0
        self.count = 0
        self.resolver = yaml.resolver.Resolver()
        self.constructor = yaml.SafeLoader("")
        # First characters of the plain scalars YAML may resolve to something other than text.
        self.special = frozenset(self.resolver.yaml_implicit_resolvers)

    def fail(self, event: yaml.Event, reason: str) -> RegionsError:
        return RegionsError(self.path, reason, *_mark(event))

    def check(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise self.fail(
                event, "anchors and aliases (& and *) are not allowed; write values out"
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!" and tag not in _STANDARD_TAGS:
            raise self.fail(event, f"the tag {tag!r} is not allowed; remove it")

    def too_long(self, event: yaml.Event) -> RegionsError:
        return self.fail(
            event, f"a number of more than {MAX_NUMBER_CHARS} characters; write a shorter one"
        )

    def enter(self, event: yaml.Event) -> None:
        """A collection starts: refused past ``MAX_DEPTH``."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail(event, f"nested more than {MAX_DEPTH} levels deep; flatten it")

    def counted(self, event: yaml.Event, items: int) -> None:
        """``items`` more values read: refused past ``MAX_VALUES``."""
        self.count += items
        if self.count > MAX_VALUES:
            raise self.fail(event, f"more than {MAX_VALUES:,} values; is it a regions file?")

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        tag = event.tag
        if tag is None:
            value = event.value
            if event.style:  # quoted or block: always text
                return value
            number = _PLAIN_NUMBER.fullmatch(value)
            if number is not None:
                if len(value) > MAX_NUMBER_CHARS:
                    raise self.too_long(event)
                return float(value) if number.group(1) else int(value)
            if value[:1] not in self.special:
                return value  # no implicit resolver applies: text
        if tag is None or tag == "!":
            tag = self.resolver.resolve(  # type: ignore[no-untyped-call]
                yaml.ScalarNode, event.value, event.implicit
            )
        if tag in _NUMBER_TAGS and len(event.value) > MAX_NUMBER_CHARS:
            raise self.too_long(event)
        node = yaml.ScalarNode(tag, event.value, style=event.style)
        try:
            return self.constructor.construct_object(node)
        except (ValueError, OverflowError) as exc:  # e.g. a timestamp out of range
            raise self.fail(event, f"not a value this file may hold ({exc}); fix it") from None

    def key(self, key_event: yaml.Event, result: dict[str, Any]) -> str:
        self.check(key_event)
        if type(key_event) is not _Scalar:
            raise self.fail(key_event, "mapping keys must be plain text")
        key = self.scalar(key_event)
        if not isinstance(key, str):
            raise self.fail(key_event, f"mapping keys must be text, not {key!r}")
        if key in result:
            raise self.fail(key_event, f"duplicate key {key!r}; keep only one")
        return key

    def value(self, events: Iterator[Any], event: Any) -> Any:
        """The value starting at ``event`` (no positions recorded)."""
        cls = type(event)
        if cls is _Scalar and event.tag is None and event.anchor is None:
            return self.scalar(event)  # the hot path: a plain scalar
        self.check(event)
        if cls is _Scalar:
            return self.scalar(event)
        if cls is _SequenceStart:
            self.enter(event)
            items: list[Any] = []
            for item in events:
                kind = type(item)
                if kind is _SequenceEnd:
                    self.depth -= 1
                    self.counted(item, len(items))
                    return items
                if kind is _Scalar and item.tag is None and item.anchor is None:
                    value = item.value  # inlined: most of a polygon-heavy file is this
                    if not item.style and _PLAIN_NUMBER.fullmatch(value):
                        if len(value) > MAX_NUMBER_CHARS:
                            raise self.too_long(item)
                        items.append(float(value) if "." in value else int(value))
                    else:
                        items.append(self.scalar(item))
                    if len(items) > MAX_VALUES:  # one endless flat sequence
                        self.counted(item, len(items))
                else:
                    items.append(self.value(events, item))
        if cls is _MappingStart:
            self.enter(event)
            result: dict[str, Any] = {}
            for key_event in events:
                if type(key_event) is _MappingEnd:
                    self.depth -= 1
                    self.counted(key_event, len(result))
                    return result
                result[self.key(key_event, result)] = self.value(events, next(events))
        raise self.fail(event, "unexpected YAML structure; fix the syntax")

    def marked_value(self, events: Iterator[Any], event: Any, where: Path) -> Any:
        """The value starting at ``event``, recording the position of it and of every value
        inside it in ``marks``."""
        assert self.marks is not None
        self.check(event)
        if len(where) > MAX_DEPTH:  # (only run on a document the first pass read)
            raise self.fail(event, f"nested more than {MAX_DEPTH} levels deep; flatten it")
        self.marks[where] = _mark(event)
        cls = type(event)
        if cls is _Scalar:
            return self.scalar(event)
        if cls is _SequenceStart:
            items: list[Any] = []
            for item in events:
                if type(item) is _SequenceEnd:
                    return items
                items.append(self.marked_value(events, item, (*where, len(items))))
        if cls is _MappingStart:
            result: dict[str, Any] = {}
            for key_event in events:
                if type(key_event) is _MappingEnd:
                    return result
                key = self.key(key_event, result)
                result[key] = self.marked_value(events, next(events), (*where, key))
        raise self.fail(event, "unexpected YAML structure; fix the syntax")


class _LazyMarks(Mapping[Path, tuple[int, int]]):
    """The positions of a document's values. Looking one up walks the events once more and
    keeps only the way to it; iterating builds the whole table (for tests)."""

    def __init__(self, text: str, path: str) -> None:
        self._text = text
        self._path = path
        self._found: dict[Path, tuple[int, int] | None] = {}  # None: no such value
        self._marks: dict[Path, tuple[int, int]] | None = None

    def _table(self) -> dict[Path, tuple[int, int]]:
        if self._marks is None:
            marks: dict[Path, tuple[int, int]] = {}
            _parse(self._text, self._path, marks)
            self._marks = marks
        return self._marks

    def __getitem__(self, where: Path) -> tuple[int, int]:
        if where not in self._found:
            # One walk finds the way down as far as it goes: looking up a parent next (as a
            # validator does when a value is missing) costs nothing.
            found = _find(self._text, where)
            for depth in range(len(where) + 1):
                self._found[where[:depth]] = found[depth] if depth < len(found) else None
        mark = self._found[where]
        if mark is None:
            raise KeyError(where)
        return mark

    def __iter__(self) -> Iterator[Path]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


_STARTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_ENDS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _skip(events: Iterator[Any], event: Any) -> None:
    """Consume the rest of the node that starts at ``event``."""
    if not isinstance(event, _STARTS):
        return
    depth = 1
    for item in events:
        if isinstance(item, _STARTS):
            depth += 1
        elif isinstance(item, _ENDS):
            depth -= 1
            if depth == 0:
                return


def _find(text: str, where: Path) -> list[tuple[int, int]]:
    """The 1-based line and column of the values on the way to ``where``: the document's,
    then that of each step, as far as the steps exist."""
    found: list[tuple[int, int]] = []
    loader = _LOADER(text)
    try:
        events = iter(loader.get_event, None)
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                break
        node = next(events)
        found.append(_mark(node))
        for step in where:
            if type(node) is _MappingStart and isinstance(step, str):
                while True:
                    key = next(events)
                    if type(key) is _MappingEnd:
                        return found
                    if type(key) is _Scalar and key.value == step:
                        node = next(events)
                        break
                    _skip(events, key)
                    _skip(events, next(events))
            elif type(node) is _SequenceStart and isinstance(step, int):
                for _ in range(step):
                    item = next(events)
                    if type(item) is _SequenceEnd:
                        return found
                    _skip(events, item)
                node = next(events)
                if type(node) is _SequenceEnd:
                    return found
            else:
                return found
            found.append(_mark(node))
    except (StopIteration, yaml.YAMLError):
        pass
    finally:
        loader.dispose()
    return found


def _parse(text: str, path: str, marks: dict[Path, tuple[int, int]] | None) -> Any:
    builder = _Builder(path, marks)
    loader = _LOADER(text)
    try:
        events = iter(loader.get_event, None)  # what yaml.parse yields, without a generator
        documents: list[Any] = []
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                if documents:
                    raise builder.fail(event, "more than one YAML document; keep only one")
                first = next(events)
                if marks is None:
                    documents.append(builder.value(events, first))
                else:
                    documents.append(builder.marked_value(events, first, ()))
    except yaml.MarkedYAMLError as exc:
        line, col = _mark(exc)
        problem = exc.problem or "invalid YAML"
        raise RegionsError(path, f"not valid YAML ({problem}); fix the syntax", line, col) from None
    except yaml.YAMLError as exc:
        raise RegionsError(path, f"not valid YAML ({exc}); fix the syntax") from None
    finally:
        loader.dispose()
    if not documents or documents[0] is None:
        raise RegionsError(
            path, "the file holds no data; restore regions.yaml from the release", 1, 1
        )
    return documents[0]


def load(text: str, path: str) -> tuple[Any, Marks]:
    """Parse ``text`` (the contents of ``path``) strictly; raise RegionsError on any problem.

    The positions table is computed when first looked up (only a file with a problem needs it).
    """
    if not text.strip():
        raise RegionsError(path, "the file is empty; restore regions.yaml from the release", 1, 1)
    return _parse(text, path, None), _LazyMarks(text, path)
