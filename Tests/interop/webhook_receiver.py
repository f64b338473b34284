"""A real webhook receiver for the escalation tests: an http.server on loopback in a thread.

Every request is checked the way docs/configuration.md ("Webhook signature") tells a receiver
to: `Pipewatch-Signature: t=UNIX_SECONDS,v1=HEX` where HEX is the HMAC-SHA256, keyed by the
path's secret, of `"<t>." + raw body`. A request whose signature does not verify, whose path
has no secret, or that lacks an Idempotency-Key or a JSON body is recorded with a reason and
answered 401/400, and the test fails on it (`problems`).

The receiver answers 500 while it is `down` (a failing endpoint), 200 otherwise; every request
is recorded with the status it was answered, so a test can count deliveries (answered 200) per
idempotency key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable


@dataclass
class Delivery:
    """One request the receiver got."""

    path: str
    key: str | None
    body: Any
    raw: bytes
    signature: str | None
    status: int
    received_at: float = field(default_factory=time.monotonic)
    problem: str | None = None

    @property
    def delivered(self) -> bool:
        return self.status == 200


def verify_signature(secret: bytes, header: str | None, body: bytes, tolerance: float | None = None) -> str | None:
    """None when `header` signs `body` with `secret`, else why not. With `tolerance`, `t` must also
    lie within that many seconds of this machine's clock."""
    if not header:
        return "no Pipewatch-Signature header"
    try:
        fields = dict(part.strip().split("=", 1) for part in header.split(","))
    except ValueError:
        return f"malformed Pipewatch-Signature {header!r}"
    if "t" not in fields or "v1" not in fields:
        return f"Pipewatch-Signature without t= or v1=: {header!r}"
    if not fields["t"].isdigit():
        return f"Pipewatch-Signature t= is not UNIX seconds: {header!r}"
    expected = hmac.new(secret, fields["t"].encode() + b"." + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, fields["v1"]):
        return f"Pipewatch-Signature v1 does not match HMAC-SHA256(secret, t.body): {header!r}"
    if tolerance is not None and abs(time.time() - int(fields["t"])) > tolerance:
        return f"Pipewatch-Signature t={fields['t']} is more than {tolerance} s from now ({int(time.time())})"
    return None


class WebhookReceiver:
    """Start with `with WebhookReceiver({"/a": b"secret-a", …}) as receiver:`; `receiver.url("/a")`
    is the address to configure."""

    def __init__(self, secrets: dict[str, bytes], *, timestamp_tolerance: float | None = None) -> None:
        self.secrets = dict(secrets)
        self.timestamp_tolerance = timestamp_tolerance
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._deliveries: list[Delivery] = []
        self._down = False
        self._delay = 0.0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                status, problem, body = receiver._judge(self.path, self.headers, raw)
                delivery = Delivery(
                    path=self.path,
                    key=self.headers.get("Idempotency-Key"),
                    body=body,
                    raw=raw,
                    signature=self.headers.get("Pipewatch-Signature"),
                    status=status,
                    problem=problem,
                )
                with receiver._changed:
                    receiver._deliveries.append(delivery)
                    receiver._changed.notify_all()
                    delay = receiver._delay
                if delay:
                    time.sleep(delay)  # a slow receiver: the sender waits for the answer
                answer = json.dumps({"ok": status == 200, "problem": problem}).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(answer)))
                    self.end_headers()
                    self.wfile.write(answer)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the sender is gone (a test killed it): it never hears the answer

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="webhook-receiver", daemon=True)

    # --- lifecycle ----------------------------------------------------------------------------

    def __enter__(self) -> "WebhookReceiver":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    # --- behaviour ----------------------------------------------------------------------------

    def set_down(self, down: bool) -> None:
        """While down, every request (even a correctly signed one) is answered 500."""
        with self._lock:
            self._down = down

    def set_delay(self, seconds: float) -> None:
        """Answers each request `seconds` after taking it (it is recorded at once)."""
        with self._lock:
            self._delay = seconds

    def _judge(self, path: str, headers: Any, raw: bytes) -> tuple[int, str | None, Any]:
        secret = self.secrets.get(path)
        body: Any = None
        if secret is None:
            return 404, f"no receiver configured at {path}", body
        problem = verify_signature(secret, headers.get("Pipewatch-Signature"), raw, self.timestamp_tolerance)
        if problem is not None:
            return 401, problem, body
        try:
            body = json.loads(raw)
        except ValueError as error:
            return 400, f"body is not JSON: {error}", body
        if not headers.get("Idempotency-Key"):
            return 400, "no Idempotency-Key header", body
        with self._lock:
            down = self._down
        return (500, None, body) if down else (200, None, body)

    # --- what was received --------------------------------------------------------------------

    def deliveries(self, path: str | None = None) -> list[Delivery]:
        with self._lock:
            return [d for d in self._deliveries if path is None or d.path == path]

    def delivered(self, path: str | None = None) -> list[Delivery]:
        """Requests answered 200 (the receiver took the message)."""
        return [d for d in self.deliveries(path) if d.delivered]

    def problems(self) -> list[Delivery]:
        """Requests that were not correctly signed, addressed or formed."""
        return [d for d in self.deliveries() if d.problem is not None]

    def delivered_count_by_key(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for d in self.delivered():
            counts[d.key or ""] = counts.get(d.key or "", 0) + 1
        return counts

    def wait_for(self, predicate: Callable[[list[Delivery]], bool], timeout: float) -> bool:
        """Waits (without polling) until `predicate(all deliveries)` holds; False at the deadline."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not predicate(list(self._deliveries)):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
            return True

    def summary(self) -> str:
        lines = []
        for d in self.deliveries():
            title = d.body.get("title") if isinstance(d.body, dict) else None
            lines.append(f"  {d.path} {d.status} key={d.key} title={title!r}" + (f" PROBLEM: {d.problem}" if d.problem else ""))
        return "\n".join(lines) or "  (nothing received)"
