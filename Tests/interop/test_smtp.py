"""Email over SMTP: a live `pipewatch serve` pages an engineer through a real SMTP server,
aiosmtpd 1.4.6, that requires STARTTLS and AUTH.

Needs PIPEWATCH_BIN (the `pipewatch` executable) and `openssl`. Each test makes a throwaway
self-signed certificate for `localhost`, starts aiosmtpd on loopback with it (STARTTLS
required, AUTH PLAIN/LOGIN only after STARTTLS, one user), writes a small config whose
engineer is reached by `{ email: {} }` (their own `email:`) through `smtp:` with `ca_file`
trusting the certificate, starts the server on a fresh SQLite store, and opens an incident
by posting a failing run with the official OpenLineage client.

1. The right password: the page arrives as one message, from `smtp.from` to the engineer,
   subject the page's title, `multipart/alternative` with a text/plain and a text/html part,
   the HTML escaped; the session was encrypted and authenticated.
2. A wrong password: nothing arrives, and with `delivery_attempts: 1` the notification is a
   dead letter whose `last_error` quotes the server's 535 reply.
"""

from __future__ import annotations

import email
import email.policy
import os
import shutil
import ssl
import subprocess
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import Job, Run, RunEvent, RunState
from openlineage.client.facet_v2 import error_message_run
from openlineage.client.uuid import generate_new_uuid

from pwinterop import ServeProcess, free_port, pretty

BIN = os.environ.get("PIPEWATCH_BIN", "")
TOKEN = "pipewatch-demo-token"
TOKEN_SHA256 = "5f82654d41085febd21a85a28b5d9a212e7bb52396b064ef2f632f20e706da32"
USER, PASSWORD = "pipewatch", "correct horse battery staple"
FROM, TO = "pipewatch@example.com", "a.oncall@example.com"
PRODUCER = "https://github.com/pipewatch/pipewatch/tree/main/Tests/interop"
ERROR = "relation sales.orders has no rows <for> 2026-03-25 & upstream load missing"

if not BIN:
    pytest.skip("PIPEWATCH_BIN is unset: point it at a built pipewatch to run the SMTP test", allow_module_level=True)
if not shutil.which("openssl"):
    pytest.skip("openssl is not installed: it makes the test's certificate", allow_module_level=True)

CONFIG = """
team: {{ name: Shop analytics, timezone: UTC }}
engineers:
  a: {{ name: Engineer A, email: {to}, region: GB, timezone: UTC, contacts: [{{ email: {{}} }}] }}
pipelines:
  orders:
    name: Shop orders
    owners: {{ primary: a }}
    jobs: [{{ namespace: airflow, name: orders_daily }}]
escalation:
  - {{ notify: primary_owner }}
incidents: {{ delivery_attempts: {attempts} }}
smtp:
  host: localhost
  port: {port}
  starttls: required
  username_env: PW_TEST_SMTP_USER
  password_env: PW_TEST_SMTP_PASSWORD
  from: {sender}
  ca_file: {ca}
  timeout: 15s
api:
  read_access: open
  tokens:
    - {{ name: ci, sha256: {sha}, scope: write }}
"""


class Mailbox:
    """aiosmtpd's handler: keeps every message with its envelope and the session's TLS and login."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []
        self.logins: list[tuple[str, bool]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.messages.append({
                "mail_from": envelope.mail_from,
                "rcpt_tos": list(envelope.rcpt_tos),
                "content": envelope.original_content or envelope.content,
                "tls": session.ssl is not None,
                "authenticated": session.authenticated,
                "ehlo": session.host_name,
            })
        return "250 2.0.0 OK: queued"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode()
        with self.lock:
            self.logins.append((mechanism, ok))
        return AuthResult(success=ok, handled=False)


@pytest.fixture()
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    cert, key = tmp_path / "smtp-cert.pem", tmp_path / "smtp-key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )
    return cert, key


@pytest.fixture(params=[[]], ids=["plain+login"])
def smtp_server(request: pytest.FixtureRequest, certificate: tuple[Path, Path]) -> Iterator[tuple[Mailbox, int]]:
    """aiosmtpd with STARTTLS required and AUTH after it; `params` are mechanisms it does not offer."""
    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(
        mailbox, hostname="127.0.0.1", port=port, server_hostname="localhost",
        tls_context=context, require_starttls=True, authenticator=mailbox.authenticate, auth_require_tls=True,
        auth_exclude_mechanism=request.param,
    )
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


class Server(ServeProcess):
    """`pipewatch serve` on a config and a fresh store, with the SMTP login in its environment."""

    def __init__(self, config: Path, work: Path, password: str) -> None:
        env = dict(os.environ, PW_TEST_SMTP_USER=USER, PW_TEST_SMTP_PASSWORD=password)
        super().__init__(BIN, config, work / "state.sqlite", work / "server.log", env=env)

    def fail_a_run(self) -> None:
        """The OpenLineage client reports that `airflow/orders_daily` failed."""
        client = OpenLineageClient(
            config={"transport": {"type": "http", "url": self.url, "timeout": 10, "auth": {"type": "api_key", "apiKey": TOKEN}}}
        )
        now = datetime.now(timezone.utc)
        run_id = str(generate_new_uuid(now))
        job = Job(namespace="airflow", name="orders_daily")
        client.emit(RunEvent(eventType=RunState.START, eventTime=now.isoformat(), run=Run(runId=run_id), job=job, producer=PRODUCER))
        failure = {"errorMessage": error_message_run.ErrorMessageRunFacet(message=ERROR, programmingLanguage="PYTHON")}
        client.emit(
            RunEvent(eventType=RunState.FAIL, eventTime=now.isoformat(), run=Run(runId=run_id, facets=failure), job=job, producer=PRODUCER)
        )


def write_config(work: Path, smtp_port: int, ca: Path | None, attempts: int, relay: bool = False) -> Path:
    """The config; without `ca` it trusts the system's roots only; `relay`: plain SMTP, no login."""
    path = work / "pipewatch.yaml"
    text = CONFIG.format(to=TO, port=smtp_port, sender=FROM, ca=ca, attempts=attempts, sha=TOKEN_SHA256)
    if ca is None:
        text = "\n".join(line for line in text.splitlines() if "ca_file" not in line)
    if relay:
        text = text.replace("starttls: required", "starttls: none")
        text = "\n".join(line for line in text.splitlines() if "_env: PW_TEST_SMTP" not in line)
    path.write_text(text)
    done = subprocess.run([BIN, "validate", "--config", str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"{path} is invalid:\n{done.stdout}{done.stderr}"
    return path


def wait_for(what: str, probe: Any, context: Any, timeout: float = 30) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.3)
    pytest.fail(f"{what} within {timeout} s\n{context()}")


@pytest.mark.parametrize("smtp_server", [[], ["PLAIN"]], ids=["auth-plain", "auth-login-only"], indirect=True)
def test_page_arrives_by_email_over_starttls_and_auth(
    tmp_path: Path, smtp_server: tuple[Mailbox, int], certificate: tuple[Path, Path]
) -> None:
    mailbox, smtp_port = smtp_server
    server = Server(write_config(tmp_path, smtp_port, certificate[0], attempts=3), tmp_path, PASSWORD)
    try:
        # When a run fails and its incident pages engineer a
        server.fail_a_run()
        context = lambda: f"logins: {mailbox.logins}\nnotifications:\n{pretty(server.get('/api/v1/notifications'))}\n{server.log.read_text()[-3000:]}"
        wait_for("no email arrived", lambda: mailbox.messages, context)
        notifications = wait_for(
            "the notification was not marked delivered",
            lambda: [n for n in server.get("/api/v1/notifications")["notifications"] if n.get("state") == "delivered"],
            context,
        )
    finally:
        server.stop()

    # Then one message arrived, over TLS, after a successful login
    assert len(mailbox.messages) == 1, pretty(mailbox.messages)
    received = mailbox.messages[0]
    assert received["tls"] and received["authenticated"], received
    assert [ok for _, ok in mailbox.logins] == [True], mailbox.logins
    assert received["mail_from"] == FROM
    assert received["ehlo"] in ("[127.0.0.1]", "[IPv6:::1]"), received["ehlo"]  # an address literal, no DNS
    assert received["rcpt_tos"] == [TO]
    assert notifications[0]["channel"] == "email", pretty(notifications)

    # And it is a well-formed page: From, To, Subject (the page's title), both MIME parts
    message = email.message_from_bytes(received["content"], policy=email.policy.default)
    assert email.utils.parseaddr(message["From"])[1] == FROM
    assert email.utils.parseaddr(message["To"])[1] == TO
    assert str(message["Subject"]) == notifications[0]["title"], (message["Subject"], notifications[0])
    assert str(message["Subject"]).startswith("[normal] INC-1 orders: airflow/orders_daily failed")
    assert message["Message-ID"] and message["Date"]
    assert message.get_content_type() == "multipart/alternative"
    parts = {part.get_content_type(): part.get_content() for part in message.iter_parts()}
    assert set(parts) == {"text/plain", "text/html"}, list(parts)
    assert ERROR in parts["text/plain"], parts["text/plain"]
    assert "Acknowledge: pipewatch incident ack 1 --as a" in parts["text/plain"]
    html = parts["text/html"]
    assert "relation sales.orders has no rows &lt;for&gt; 2026-03-25 &amp; upstream load missing" in html, html
    assert "<for>" not in html


def test_wrong_password_is_a_dead_letter_with_the_535_reply(
    tmp_path: Path, smtp_server: tuple[Mailbox, int], certificate: tuple[Path, Path]
) -> None:
    mailbox, smtp_port = smtp_server
    server = Server(write_config(tmp_path, smtp_port, certificate[0], attempts=1), tmp_path, "wrong password")
    try:
        server.fail_a_run()
        context = lambda: f"logins: {mailbox.logins}\n{server.log.read_text()[-3000:]}"
        dead = wait_for(
            "the notification did not become a dead letter",
            lambda: [n for n in server.get("/api/v1/notifications")["notifications"] if n.get("state") == "dead"],
            context,
        )
    finally:
        server.stop()
    assert mailbox.messages == []
    assert mailbox.logins and not any(ok for _, ok in mailbox.logins), mailbox.logins
    error = dead[0].get("last_error") or ""
    assert dead[0]["channel"] == "email", pretty(dead)
    assert error.startswith("SMTP 535 5.7.8 "), pretty(dead)
    assert "AUTH" in error, error
    assert "wrong password" not in error


def test_untrusted_certificate_is_refused(tmp_path: Path, smtp_server: tuple[Mailbox, int]) -> None:
    """Without `ca_file` naming the test's CA, the server's certificate is not trusted: nothing is sent."""
    mailbox, smtp_port = smtp_server
    server = Server(write_config(tmp_path, smtp_port, None, attempts=1), tmp_path, PASSWORD)
    try:
        server.fail_a_run()
        dead = wait_for(
            "the notification did not become a dead letter",
            lambda: [n for n in server.get("/api/v1/notifications")["notifications"] if n.get("state") == "dead"],
            lambda: server.log.read_text()[-3000:],
        )
    finally:
        server.stop()
    assert mailbox.messages == [] and mailbox.logins == []
    error = dead[0].get("last_error") or ""
    assert error.startswith("the TLS handshake with localhost after STARTTLS failed"), pretty(dead)
    assert "CERTIFICATE_VERIFY_FAILED" in error and "smtp.ca_file" in error, error


def test_local_relay_without_tls_or_login(tmp_path: Path) -> None:
    """`starttls: none` and no login, for a relay on this host: plain SMTP."""
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, server_hostname="localhost")
    controller.start()
    try:
        server = Server(write_config(tmp_path, port, None, attempts=1, relay=True), tmp_path, PASSWORD)
        try:
            server.fail_a_run()
            wait_for("no email arrived", lambda: mailbox.messages, lambda: server.log.read_text()[-3000:])
        finally:
            server.stop()
    finally:
        controller.stop()
    assert len(mailbox.messages) == 1
    assert mailbox.messages[0]["rcpt_tos"] == [TO] and not mailbox.messages[0]["tls"]
    assert mailbox.logins == []
