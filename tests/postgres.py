"""A throwaway PostgreSQL cluster for tests: Debian's `postgresql` binaries, initdb in a temp dir,
listening on a free loopback port; as root, run as an unprivileged user (postgres refuses root)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from servers import free_port

USER = "bot"  # the cluster's superuser (trust auth on loopback: a test cluster only)
STARTUP_S = 60


def binaries() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin with initdb and pg_ctl, if installed."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if all(os.access(Path(folder) / name, os.X_OK) for name in ("initdb", "pg_ctl")):
            return Path(folder)
    return None


def _os_user() -> str | None:
    """Who runs the cluster when we are root: Debian's `postgres` account, else `nobody`."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("running as root and no unprivileged user to run PostgreSQL as")


@dataclass
class Cluster:
    bin: Path
    data: Path
    port: int
    as_user: str | None

    @property
    def url(self) -> str:
        return self.url_of("postgres")

    def url_of(self, name: str) -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{name}"

    def run(self, *command: str) -> subprocess.CompletedProcess:
        argv = [str(self.bin / command[0]), *command[1:]]
        if self.as_user is not None:
            argv = ["runuser", "-u", self.as_user, "--", *argv]
        return subprocess.run(argv, capture_output=True, text=True, timeout=STARTUP_S)

    def new_database(self) -> str:
        """A fresh, empty database's URL (tests do not see each other's tables)."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        dsn = f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url_of(name)

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.data.parent, ignore_errors=True)


def start_cluster() -> Cluster:
    """initdb + pg_ctl start on a free loopback port; raises with the log when it fails."""
    folder = binaries()
    if folder is None:
        raise FileNotFoundError("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin")
    user = _os_user()
    root = Path(tempfile.mkdtemp(prefix="bot-pg-"))  # not under pytest's root-only tmp dir
    data = root / "data"
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    cluster = Cluster(folder, data, free_port(), user)
    steps = [
        ("initdb", "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync"),
        (
            "pg_ctl",
            "-D",
            str(data),
            "-l",
            str(root / "server.log"),
            "-w",
            "-t",
            str(STARTUP_S),
            "-o",
            f"-p {cluster.port} -c listen_addresses=127.0.0.1 -k {root} -c fsync=off "
            "-c max_connections=100",
            "start",
        ),
    ]
    for step in steps:
        done = cluster.run(*step)
        if done.returncode != 0:
            log = (root / "server.log").read_text() if (root / "server.log").exists() else ""
            shutil.rmtree(root, ignore_errors=True)
            raise RuntimeError(f"{step[0]} failed:\n{done.stdout}\n{done.stderr}\n{log}")
    return cluster
