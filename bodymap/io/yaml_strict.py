"""A strict YAML reader that remembers where every value came from.

Safe scalars only (str, int, float, bool, null), no anchors or aliases, no explicit tags
beyond YAML's standard ones, no duplicate keys, one document. Values come back as plain Python
data plus a table mapping each value's path (a tuple of keys and indices) to its 1-based line
and column, so a validator can point at the exact spot of a problem.

It builds the values straight from the parser's event stream (libyaml's when available), so
nothing is ever constructed from a tag and nothing is expanded from an alias.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from bodymap.io.errors import RegionsError

Path = tuple[str | int, ...]
Marks = dict[Path, tuple[int, int]]

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Plain decimals resolve the same in every YAML 1.1 reading; taking them directly keeps a
# polygon-heavy file fast. Anything else goes through PyYAML's resolver.
_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")


def _mark(event: yaml.Event | yaml.MarkedYAMLError) -> tuple[int, int]:
    mark = getattr(event, "start_mark", None) or getattr(event, "problem_mark", None)
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.marks: Marks = {}
        self.resolver = yaml.resolver.Resolver()
        self.constructor = yaml.SafeLoader("")

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

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        tag = event.tag
        if tag is None and event.style is None:
            if _PLAIN_FLOAT.fullmatch(event.value):
                return float(event.value)
            if _PLAIN_INT.fullmatch(event.value):
                return int(event.value)
        if tag is None or tag == "!":
            tag = self.resolver.resolve(  # type: ignore[no-untyped-call]
                yaml.ScalarNode, event.value, event.implicit
            )
        node = yaml.ScalarNode(tag, event.value, style=event.style)
        return self.constructor.construct_object(node)

    def value(self, events: Any, event: yaml.Event, where: Path) -> Any:
        self.check(event)
        self.marks[where] = _mark(event)
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for item in events:
                if isinstance(item, yaml.SequenceEndEvent):
                    return items
                items.append(self.value(events, item, (*where, len(items))))
        if isinstance(event, yaml.MappingStartEvent):
            result: dict[str, Any] = {}
            for key_event in events:
                if isinstance(key_event, yaml.MappingEndEvent):
                    return result
                self.check(key_event)
                if not isinstance(key_event, yaml.ScalarEvent):
                    raise self.fail(key_event, "mapping keys must be plain text")
                key = self.scalar(key_event)
                if not isinstance(key, str):
                    raise self.fail(key_event, f"mapping keys must be text, not {key!r}")
                if key in result:
                    raise self.fail(key_event, f"duplicate key {key!r}; keep only one")
                result[key] = self.value(events, next(events), (*where, key))
        raise self.fail(event, "unexpected YAML structure; fix the syntax")


def load(text: str, path: str) -> tuple[Any, Marks]:
    """Parse ``text`` (the contents of ``path``) strictly; raise RegionsError on any problem."""
    if not text.strip():
        raise RegionsError(path, "the file is empty; restore regions.yaml from the release", 1, 1)
    builder = _Builder(path)
    try:
        events = iter(yaml.parse(text, Loader=_LOADER))
        documents: list[Any] = []
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                if documents:
                    raise builder.fail(event, "more than one YAML document; keep only one")
                documents.append(builder.value(events, next(events), ()))
    except yaml.MarkedYAMLError as exc:
        line, col = _mark(exc)
        problem = exc.problem or "invalid YAML"
        raise RegionsError(path, f"not valid YAML ({problem}); fix the syntax", line, col) from None
    except yaml.YAMLError as exc:
        raise RegionsError(path, f"not valid YAML ({exc}); fix the syntax") from None
    if not documents or documents[0] is None:
        raise RegionsError(
            path, "the file holds no data; restore regions.yaml from the release", 1, 1
        )
    return documents[0], builder.marks
