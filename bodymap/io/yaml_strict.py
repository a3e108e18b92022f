"""A strict YAML reader that remembers where every value came from.

Safe scalars only (str, int, float, bool, null), no anchors or aliases, no explicit tags
beyond YAML's standard ones, no duplicate keys. Values come back as plain Python data plus a
table mapping each value's path (a tuple of keys and indices) to its 1-based line and column,
so a validator can point at the exact spot of a problem.
"""

from __future__ import annotations

from typing import Any

import yaml

from bodymap.io.errors import RegionsError

Path = tuple[str | int, ...]
Marks = dict[Path, tuple[int, int]]

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}
_SCALARS = yaml.SafeLoader  # resolves and constructs plain scalars only


def _mark(node: yaml.Node | yaml.Event | yaml.MarkedYAMLError) -> tuple[int, int]:
    mark = getattr(node, "start_mark", None) or getattr(node, "problem_mark", None)
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def load(text: str, path: str) -> tuple[Any, Marks]:
    """Parse ``text`` (the contents of ``path``) strictly; raise RegionsError on any problem."""
    if not text.strip():
        raise RegionsError(path, "the file is empty; restore regions.yaml from the release", 1, 1)
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line, col = _mark(event)
                raise RegionsError(
                    path, "anchors and aliases (& and *) are not allowed; write values out",
                    line, col,
                )  # fmt: skip
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line, col = _mark(exc)
        problem = exc.problem or "invalid YAML"
        raise RegionsError(path, f"not valid YAML ({problem}); fix the syntax", line, col) from None
    except yaml.YAMLError as exc:
        raise RegionsError(path, f"not valid YAML ({exc}); fix the syntax") from None
    if root is None:
        raise RegionsError(
            path, "the file holds no data; restore regions.yaml from the release", 1, 1
        )
    marks: Marks = {}
    constructor = _SCALARS("")

    def convert(node: yaml.Node, where: Path) -> Any:
        marks[where] = _mark(node)
        if node.tag not in _STANDARD_TAGS:
            raise RegionsError(
                path, f"the tag {node.tag!r} is not allowed; remove it", *marks[where]
            )
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = constructor.construct_object(key_node)
                if not isinstance(key, str):
                    raise RegionsError(
                        path, f"mapping keys must be text, not {key!r}", *_mark(key_node)
                    )
                if key in result:
                    raise RegionsError(
                        path, f"duplicate key {key!r}; keep only one", *_mark(key_node)
                    )
                result[key] = convert(value_node, (*where, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [convert(item, (*where, i)) for i, item in enumerate(node.value)]
        return constructor.construct_object(node)

    return convert(root, ()), marks
