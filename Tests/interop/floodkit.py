"""Connections that flood a server, and what its process spends: shared by test_flood.py and the
flood benchmark (Benchmarks/flood/flood.py)."""

from __future__ import annotations

import os
import socket
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def open_idle(port: int, count: int) -> list[socket.socket]:
    """Connections that send nothing (connecting without waiting, as a flood does)."""
    sockets = []
    for _ in range(count):
        s = socket.socket()
        s.setblocking(False)
        try:
            s.connect(("127.0.0.1", port))
        except BlockingIOError:
            pass
        sockets.append(s)
    return sockets


def open_slowloris(port: int, count: int) -> list[socket.socket]:
    """Connections that start a request head and never finish it (`drip` sends one more line)."""
    sockets = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.sendall(b"GET /healthz HTTP/1.1\r\n")
        sockets.append(s)
    return sockets


def drip(sockets: list[socket.socket]) -> None:
    for s in sockets:
        try:
            s.send(b"X-Drip: 1\r\n")
        except OSError:
            pass


def healthz_ms(port: int) -> float:
    """One `GET /healthz` on a new connection, in milliseconds; fails unless it is a 200."""
    import time

    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: pipewatch\r\nConnection: close\r\n\r\n")
        assert s.recv(64).startswith(b"HTTP/1.1 200")
    return (time.monotonic() - started) * 1000


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0
