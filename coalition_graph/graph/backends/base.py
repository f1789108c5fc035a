"""The one small interface every query backend implements."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

Language = Literal["cypher", "sparql"]


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


@runtime_checkable
class Backend(Protocol):
    """A place that answers queries over the graph: embedded LadybugDB or Oxigraph, Neo4j, a SPARQL server."""

    name: str
    language: Language

    def query(self, text: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run a query; raise errors.QueryError with the engine's message when it is rejected."""
        ...

    def close(self) -> None: ...
