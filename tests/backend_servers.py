"""Real Neo4j and Fuseki servers for the backend tests, started once per test session.

Load it from tests/conftest.py with::

    pytest_plugins = ["tests.backend_servers"]

Fixtures (session scope):
    neo4j_server  -> Neo4jServer(uri, user, password, database, start_seconds)
    fuseki_server -> FusekiServer(dataset_url, query_url, update_url, gsp_url, start_seconds)

Both servers come from Maven Central artifacts built by tests/servers/prepare.sh (run here if needed):
Neo4j Community 5.26 embedded with its Bolt connector (tests/servers/src/.../Neo4jLauncher.java) and the
Apache Jena Fuseki 5 server jar with an in-memory dataset /ds that accepts updates. Both listen on
127.0.0.1 only.

Never leaving a Java process behind: each server runs in its own process group with a pipe to its stdin;
the Java side exits when that pipe closes (so also when pytest is killed outright), and the harness stops
the group at the end of the session, on failures, and at interpreter exit. A server that cannot start
makes its fixture fail with the reason and the tail of its log: backend tests are never skipped.

Also usable outside pytest (scripts/bench_push.py): `with start_neo4j(workdir) as server: ...`.
`neo4j_admin(bin_dir)` writes a real `neo4j-admin` from the same jars (for the CSV import test).
"""
from __future__ import annotations

import atexit
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest

SERVERS_DIR = Path(__file__).resolve().parent / "servers"
TARGET = SERVERS_DIR / "target"
JAVA = shutil.which("java") or "java"

NEO4J_USER = "neo4j"
# Neo4j runs with authentication on, so the tests can also check what a wrong password does.
NEO4J_PASSWORD = "coalition-test-password"
START_TIMEOUT = float(os.environ.get("COALITION_TEST_SERVER_TIMEOUT", "240"))

_running: list["JavaServer"] = []


class ServerStartError(RuntimeError):
    """A test server did not come up; the message says why and ends with the tail of its log."""


def prepare() -> str:
    """Builds the launchers and fetches the server jars (cached; a no-op when nothing changed)."""
    result = subprocess.run(
        ["bash", str(SERVERS_DIR / "prepare.sh")], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    if result.returncode != 0:
        raise ServerStartError(f"tests/servers/prepare.sh failed:\n{result.stdout}{result.stderr}")
    return result.stdout.strip()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class JavaServer:
    """One Java process in its own process group, with its output in a log file."""

    name: str
    command: list[str]
    workdir: Path
    env: dict[str, str] | None = None
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def log_path(self) -> Path:
        return self.workdir / f"{self.name}.log"

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "wb")
        try:
            self.process = subprocess.Popen(
                self.command,
                cwd=self.workdir,
                env={**os.environ, **(self.env or {})},
                stdin=subprocess.PIPE,  # the server exits when this pipe closes
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # own process group: stop() kills every process it started
            )
        finally:
            log.close()
        _running.append(self)

    def log_tail(self, lines: int = 25) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def exited(self) -> int | None:
        return None if self.process is None else self.process.poll()

    def stop(self, grace: float = 20.0) -> None:
        """Closes stdin (clean shutdown), then SIGTERM, then SIGKILL to the whole process group."""
        process = self.process
        if process is None:
            return
        if self in _running:
            _running.remove(self)
        if process.poll() is None:
            try:
                process.stdin.close()
                process.wait(timeout=grace)
            except (OSError, subprocess.TimeoutExpired):
                pass
        for sig, wait in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 10.0)):
            try:
                os.killpg(process.pid, sig)  # the group id is the leader's pid (start_new_session)
            except ProcessLookupError:
                break
            try:
                process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                continue
        self.process = None


def _stop_all() -> None:
    for server in list(_running):
        server.stop(grace=10.0)


atexit.register(_stop_all)


def _jvm_options(heap: str) -> list[str]:
    # small heap and few GC threads: 2 cores shared with pytest and the embedded engines
    return [f"-Xmx{heap}", "-Xms64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true"]


# --------------------------------------------------------------------------------------------- Neo4j


@dataclass
class Neo4jServer:
    uri: str
    user: str
    password: str
    database: str
    start_seconds: float
    process: JavaServer = field(repr=False)

    def stop(self) -> None:
        self.process.stop()

    def __enter__(self) -> "Neo4jServer":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_neo4j(workdir: Path, *, heap: str = "512m", pagecache_mb: int = 64,
                password: str = NEO4J_PASSWORD, timeout: float = START_TIMEOUT, home: Path | None = None) -> Neo4jServer:
    """Starts Neo4j Community embedded with Bolt on 127.0.0.1 (a free port), waits until it accepts logins.

    On a fresh home in `workdir`, or on `home` as it is (e.g. a database `neo4j-admin` imported there)."""
    if home is None:
        home = workdir / "neo4j-home"
        shutil.rmtree(home, ignore_errors=True)
    classpath = f"{TARGET / 'launcher.jar'}{os.pathsep}{TARGET / 'neo4j-lib'}/*"
    server = JavaServer(
        "neo4j",
        [JAVA, *_jvm_options(heap), "-cp", classpath, "coalition.servers.Neo4jLauncher",
         "--home", str(home), "--port", "0", "--password", password, "--pagecache", str(pagecache_mb)],
        workdir,
    )
    started = time.monotonic()
    server.start()
    ready = re.compile(rb"NEO4J READY (bolt://\S+)")
    uri = None
    while time.monotonic() - started < timeout:
        match = ready.search(server.log_path.read_bytes())
        if match:
            uri = match.group(1).decode()
            break
        if server.exited() is not None:
            failed = re.search(rb"NEO4J FAILED (.*)", server.log_path.read_bytes())
            reason = failed.group(1).decode(errors="replace") if failed else f"status {server.exited()}"
            raise ServerStartError(f"Neo4j exited before it was ready: {reason}\n{server.log_tail()}")
        time.sleep(0.2)
    if uri is None:
        server.stop()
        raise ServerStartError(f"Neo4j was not ready after {timeout:.0f}s:\n{server.log_tail()}")
    _wait_for_bolt_login(uri, password, server, started, timeout)
    return Neo4jServer(uri, NEO4J_USER, password, "neo4j", time.monotonic() - started, server)


def neo4j_admin(bin_dir: Path, *, heap: str = "512m") -> Path:
    """Writes `bin_dir/neo4j-admin`: Neo4j's own admin tool (org.neo4j.cli.AdminTool, the class the
    distribution's neo4j-admin runs) on the Maven classpath prepare.sh built. It works on $NEO4J_HOME."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    script = bin_dir / "neo4j-admin"
    classpath = f"{TARGET / 'neo4j-lib'}/*"
    script.write_text("#!/bin/sh\n"
                      f"exec {JAVA} {' '.join(_jvm_options(heap))} -cp '{classpath}' org.neo4j.cli.AdminTool \"$@\"\n")
    script.chmod(0o755)
    return script


def _wait_for_bolt_login(uri: str, password: str, server: JavaServer, started: float, timeout: float) -> None:
    import neo4j

    last_error: Exception | None = None
    while time.monotonic() - started < timeout:
        try:
            with neo4j.GraphDatabase.driver(uri, auth=(NEO4J_USER, password)) as driver:
                driver.execute_query("RETURN 1", database_="neo4j")
            return
        except Exception as error:  # noqa: BLE001 - any failure means "not yet"; reported on timeout
            last_error = error
        time.sleep(0.3)
    server.stop()
    raise ServerStartError(f"Neo4j Bolt at {uri} did not accept a login: {last_error}\n{server.log_tail()}")


# -------------------------------------------------------------------------------------------- Fuseki


@dataclass
class FusekiServer:
    dataset_url: str  # the dataset itself: accepts queries, updates and Graph Store Protocol requests
    query_url: str
    update_url: str
    gsp_url: str
    start_seconds: float
    process: JavaServer = field(repr=False)

    def stop(self) -> None:
        self.process.stop()

    def __enter__(self) -> "FusekiServer":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_fuseki(workdir: Path, *, heap: str = "384m", timeout: float = START_TIMEOUT) -> FusekiServer:
    """Starts Fuseki with an in-memory, updatable dataset /ds on 127.0.0.1 (a free port)."""
    classpath = f"{TARGET / 'launcher.jar'}{os.pathsep}{TARGET / 'fuseki' / 'fuseki-server.jar'}"
    started = time.monotonic()
    last_failure = ""
    for _attempt in range(3):  # the free port can be taken between our probe and Fuseki's bind
        port = free_port()
        server = JavaServer(
            "fuseki",
            [JAVA, *_jvm_options(heap), "-cp", classpath, "coalition.servers.ParentWatch",
             "org.apache.jena.fuseki.main.cmds.FusekiMainCmd",
             "--localhost", f"--port={port}", "--mem", "--update", "/ds"],
            workdir,
            env={"FUSEKI_BASE": str(workdir / "fuseki-base")},
        )
        server.start()
        base = f"http://127.0.0.1:{port}/ds"
        probe = f"{base}/sparql?" + urllib.parse.urlencode({"query": "ASK {}"})
        while time.monotonic() - started < timeout:
            if server.exited() is not None:
                last_failure = f"Fuseki exited with status {server.exited()}:\n{server.log_tail()}"
                break
            try:
                with urllib.request.urlopen(probe, timeout=5) as response:
                    if response.status == 200:
                        return FusekiServer(base, f"{base}/sparql", f"{base}/update", f"{base}/data",
                                            time.monotonic() - started, server)
            except (urllib.error.URLError, OSError) as error:
                last_failure = f"Fuseki at {base} not answering: {error}\n"
            time.sleep(0.2)
        server.stop()
        if "Address already in use" not in server.log_tail(200) and "BindException" not in server.log_tail(200):
            break
    raise ServerStartError(f"Fuseki did not start within {timeout:.0f}s: {last_failure}{server.log_tail()}")


# ------------------------------------------------------------------------------------- pytest fixtures
#
# The servers take seconds to start (Neo4j ~10-20 s): as soon as collection shows that some test will use
# one, it starts in a background thread, so the start overlaps with the tests that run before it.


class _Starting:
    """A server being started in a daemon thread; `result()` waits for it (or raises why it failed)."""

    def __init__(self, start: Callable[[], Any]):
        self._value: Any = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(start,), daemon=True)
        self._thread.start()

    def _run(self, start: Callable[[], Any]) -> None:
        try:
            self._value = start()
        except BaseException as error:  # noqa: BLE001 - handed to the fixture that waits for it
            self._error = error
        finally:
            self._done.set()

    def result(self) -> Any:
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._value


_workdir: Path | None = None
_prepared: _Starting | None = None
_starting: dict[str, _Starting] = {}
_start_times: dict[str, float] = {}
_STARTERS = {"neo4j_server": lambda workdir: start_neo4j(workdir), "fuseki_server": lambda workdir: start_fuseki(workdir)}


def _start(fixture: str) -> _Starting:
    """Starts the server of `fixture` once per session (after prepare.sh), in the background."""
    global _workdir, _prepared
    if fixture not in _starting:
        if _workdir is None:
            _workdir = Path(tempfile.mkdtemp(prefix="coalition-test-servers-"))
            atexit.register(shutil.rmtree, _workdir, True)
        if _prepared is None:
            _prepared = _Starting(prepare)
        prepared, workdir = _prepared, _workdir

        def start():
            prepared.result()
            return _STARTERS[fixture](workdir)

        _starting[fixture] = _Starting(start)
    return _starting[fixture]


@pytest.hookimpl(trylast=True)  # after -k/-m deselection: start only what the selected tests use
def pytest_collection_modifyitems(session, config, items) -> None:
    wanted = {name for item in items for name in getattr(item, "fixturenames", ()) if name in _STARTERS}
    for fixture in sorted(wanted):
        _start(fixture)


def _server_fixture(fixture: str, title: str):
    try:
        server = _start(fixture).result()
    except Exception as error:  # noqa: BLE001 - a server that cannot start fails its tests, with the reason
        pytest.fail(f"{title} test server: {error}", pytrace=False)
    _start_times[title] = server.start_seconds
    return server


@pytest.fixture(scope="session")
def neo4j_server():
    server = _server_fixture("neo4j_server", "Neo4j")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def fuseki_server():
    server = _server_fixture("fuseki_server", "Fuseki")
    try:
        yield server
    finally:
        server.stop()


def pytest_sessionfinish(session, exitstatus) -> None:
    # servers whose fixture never ran (deselected, interrupted) stop here; the rest stopped in teardown
    for starting in _starting.values():
        starting._done.wait(timeout=START_TIMEOUT)
    _stop_all()


def pytest_terminal_summary(terminalreporter) -> None:
    if _start_times:
        started = ", ".join(f"{name} started in {seconds:.1f}s" for name, seconds in _start_times.items())
        terminalreporter.write_line(f"backend test servers: {started}")
