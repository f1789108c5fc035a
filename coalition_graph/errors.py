"""One exception tree for the whole product, and the exit codes the CLI uses."""
from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    OK = 0
    ERROR = 1            # anything unexpected
    USAGE = 2            # click's own code for bad options
    BAD_INPUT = 3        # an input file that is not an article, malformed JSON
    NO_STORE = 4         # the store does not exist
    BAD_QUERY = 5        # the engine rejected a Cypher or SPARQL query
    BACKEND = 6          # a server backend could not be reached or refused us
    NOT_FOUND = 7        # an id that is not in the graph
    MISSING_DEPENDENCY = 8
    INTERRUPTED = 130


class CoalitionError(Exception):
    """Root of every error the product raises on purpose; its message is one line for the user."""

    exit_status = ExitStatus.ERROR


class UsageError(CoalitionError):
    """A value the user gave that cannot mean anything here (a date that is not YYYY-MM-DD)."""

    exit_status = ExitStatus.USAGE


class InputError(CoalitionError):
    """An input that is not an article: binary, empty, undecodable, malformed JSON."""

    exit_status = ExitStatus.BAD_INPUT

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(f"{where}{message}")
        self.path = path
        self.line = line


class StoreNotFound(CoalitionError):
    exit_status = ExitStatus.NO_STORE


class StoreError(CoalitionError):
    """The store on disk is unusable (locked by another process, wrong version)."""


class QueryError(CoalitionError):
    """A Cypher or SPARQL query the engine rejected; carries the engine's message."""

    exit_status = ExitStatus.BAD_QUERY


class BackendError(CoalitionError):
    """A server backend (Neo4j, a SPARQL endpoint) failed: unreachable, wrong credentials, missing database."""

    exit_status = ExitStatus.BACKEND


class NotFound(CoalitionError):
    exit_status = ExitStatus.NOT_FOUND


class MissingDependency(CoalitionError):
    """An optional dependency is not installed; the message says how to install it."""

    exit_status = ExitStatus.MISSING_DEPENDENCY
