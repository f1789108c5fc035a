"""Node and edge records: the graph as the store's source of truth hands it to views, backends and exports."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from coalition_graph.schema.graph_schema import date_props

DATE_PROPS = date_props()


@dataclass
class NodeRecord:
    id: str
    label: str
    props: dict[str, Any]


@dataclass
class EdgeRecord:
    id: str
    type: str
    src: str
    src_label: str
    dst: str
    dst_label: str
    props: dict[str, Any]


@dataclass
class ChangeSet:
    """What one committed ingest batch changed: upserted records and deleted ids."""

    nodes: list[NodeRecord] = field(default_factory=list)
    edges: list[EdgeRecord] = field(default_factory=list)
    deleted_nodes: list[tuple[str, str]] = field(default_factory=list)  # (id, label)
    deleted_edges: list[tuple[str, str, str, str]] = field(default_factory=list)  # (id, type, src, dst)

    def __bool__(self) -> bool:
        return bool(self.nodes or self.edges or self.deleted_nodes or self.deleted_edges)


def props_to_json(props: dict[str, Any]) -> str:
    return json.dumps(props, ensure_ascii=False, sort_keys=True, default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def props_from_json(text: str) -> dict[str, Any]:
    """Props as stored (dates as ISO strings) → props as records carry them (dates as `datetime.date`)."""
    props = json.loads(text)
    for key in DATE_PROPS & props.keys():
        if props[key]:
            props[key] = dt.date.fromisoformat(props[key][:10])
    return props
