"""The web dashboard in a real browser: Debian's headless Chromium driven by Selenium.

Starts its own `pipewatch serve` (PIPEWATCH_BIN) on a small team whose names are hostile on purpose
(a pipeline called `<script>alert(1)</script>`, an engineer called `"><img src=x onerror=alert(1)>`),
with three people who sign in: an admin, an engineer and a viewer. A failed run, sent as
OpenLineage, opens an incident. Then, as a person would:

- every page loads with no console error, and axe-core finds no serious or critical violation;
- every page fits a phone's width (375 px) without scrolling sideways, and weighs under 100 KB;
- a wrong token is refused on /login, the right one signs in;
- the engineer acknowledges the incident and sees its timeline change; the viewer has no button;
- a swap asked with too short a notice shows the CLI's error;
- the hostile names show as text and never run.

With PIPEWATCH_SCREENSHOTS set (scripts/screenshots.sh), each page is saved there as PNG.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

import pytest
import requests
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

import browser
from pwinterop import ServeProcess, eventually

BIN = os.environ.get("PIPEWATCH_BIN", "")
if not BIN:
    pytest.skip("PIPEWATCH_BIN is unset: point it at a built pipewatch to run the dashboard tests", allow_module_level=True)

NOW = "2026-12-07T15:00:00Z"  # a Monday, 10:00 in New York
WRITE = "dashboard-test-write-token"
ADMIN = "dashboard-test-admin-token"
ENGINEER = "dashboard-test-engineer-token"
VIEWER = "dashboard-test-viewer-token"
SCRIPT_NAME = "<script>alert(1)</script>"
IMG_NAME = '"><img src=x onerror=alert(1)>'
PAGE_BUDGET = 100 * 1024
PHONE_WIDTH = 375


def sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def quoted(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


CONFIG = f"""
team: {{ name: Data Engineering, timezone: America/New_York }}
engineers:
  ana: {{ name: Ana Lima, region: US-NY, timezone: America/New_York }}
  ben: {{ name: {quoted(IMG_NAME)}, region: GB-ENG, timezone: Europe/London }}
  chen: {{ name: Chen Wei, region: DE-BY, timezone: Europe/Berlin }}
stakeholders:
  finance: {{ name: Finance, email: finance@example.com }}
pipelines:
  orders:
    name: {quoted(SCRIPT_NAME)}
    owners: {{ primary: ana, secondary: ben }}
    metric_owner: finance
    audience: investors
    deliver_by: "09:00 America/New_York"
    stakeholders: [finance]
    jobs: [{{ namespace: airflow, name: orders_daily }}]
    runbook:
      - step: Check the upstream loads for missing files.
      - step: Escalate to the secondary owner if the rerun fails.
        escalate: secondary
  profit:
    name: Profit
    owners: {{ primary: chen, secondary: ana }}
    upstream: [orders]
oncall:
  rotation: [ana, ben, chen]
  shift: 1 week
  handoff: monday 09:00
  starts: 2026-11-02
  swap_notice: 7 days
escalation:
  - {{ notify: oncall, ack_within: 15m }}
  - {{ notify: primary_owner }}
api:
  read_access: token
  tokens:
    - {{ name: airflow, sha256: {sha256(WRITE)}, scope: write }}
  users:
    - {{ name: lead, role: admin, sha256: {sha256(ADMIN)} }}
    - {{ name: ana, engineer: ana, role: engineer, sha256: {sha256(ENGINEER)} }}
    - {{ name: val, role: viewer, sha256: {sha256(VIEWER)} }}
"""


# --- the server and the browser --------------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[ServeProcess]:
    with tempfile.TemporaryDirectory(prefix="pipewatch-dashboard-") as work:
        folder = Path(work)
        (folder / "pipewatch.yaml").write_text(CONFIG)
        env = {k: v for k, v in os.environ.items() if not k.startswith("OPENLINEAGE")}
        env["PIPEWATCH_NOW"] = NOW
        serve = ServeProcess(BIN, folder / "pipewatch.yaml", folder / "state.sqlite", folder / "server.log", env=env)
        try:
            fail_a_run(serve)
            yield serve
        finally:
            serve.stop()


def fail_a_run(serve: ServeProcess) -> None:
    """A START and a FAIL of `orders_daily`, as Airflow's provider sends them; waits for the incident."""
    run_id = str(uuid.uuid4())
    for state, time in (("START", "2026-12-07T14:40:00Z"), ("FAIL", "2026-12-07T14:52:00Z")):
        event = {
            "eventType": state,
            "eventTime": time,
            "producer": "https://github.com/pipewatch/pipewatch/tree/main/Tests/interop",
            "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
            "run": {"runId": run_id, "facets": {}},
            "job": {"namespace": "airflow", "name": "orders_daily", "facets": {}},
            "inputs": [],
            "outputs": [],
        }
        if state == "FAIL":
            event["run"]["facets"]["errorMessage"] = {
                "_producer": "https://github.com/pipewatch/pipewatch",
                "_schemaURL": "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json",
                "message": "relation sales.orders has no rows for 2026-12-06",
                "programmingLanguage": "SQL",
            }
        response = requests.post(
            f"{serve.url}/api/v1/lineage", json=event, headers={"Authorization": f"Bearer {WRITE}"}, timeout=10
        )
        assert response.status_code < 300, response.text
    eventually("an incident on orders", lambda: incidents(serve), seconds=30)


def incidents(serve: ServeProcess) -> list[dict]:
    response = requests.get(f"{serve.url}/api/v1/incidents", headers={"Authorization": f"Bearer {WRITE}"}, timeout=10)
    assert response.status_code == 200, response.text
    body = response.json()
    return body.get("incidents", body) if isinstance(body, dict) else body


@pytest.fixture
def driver() -> Iterator[WebDriver]:
    chrome = browser.start()
    try:
        yield chrome
    finally:
        chrome.quit()


def sign_in(driver: WebDriver, serve: ServeProcess, token: str) -> None:
    driver.get(f"{serve.url}/login")
    driver.find_element(By.NAME, "token").send_keys(token)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))
    assert "/login" not in driver.current_url, "signing in did not leave /login"


def submit(driver: WebDriver, button: WebElement) -> None:
    """Clicks a form's button and waits for the page the server answers with (the old one gone)."""
    page = driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(driver, 10).until(lambda _: gone(page))


def gone(element: WebElement) -> bool:
    """Whether the element left the document. While the old page is being torn down, chromedriver
    can answer with an inspector error ("Node with given id does not belong to the document")
    instead of a stale reference; both mean the same."""
    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise
    return False


def no_alert(driver: WebDriver) -> bool:
    try:
        driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


def incident_path(serve: ServeProcess) -> str:
    return f"/incidents/{incidents(serve)[0]['id']}"


def pages(serve: ServeProcess) -> dict[str, str]:
    return {
        "overview": "/",
        "pipeline": "/pipelines/orders",
        "incidents": "/incidents",
        "incident": incident_path(serve),
        "schedule": "/schedule",
        "fairness": "/fairness",
    }


# --- the tests -------------------------------------------------------------------------------


def test_login_refuses_a_wrong_token_and_signs_in_with_the_right_one(server: ServeProcess, driver: WebDriver) -> None:
    driver.get(f"{server.url}/")
    assert "/login" in driver.current_url, "an anonymous visitor is sent to sign in when reading needs a token"
    driver.find_element(By.NAME, "token").send_keys("not-a-token")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))
    assert "/login" in driver.current_url
    assert driver.find_elements(By.CSS_SELECTOR, "[role=alert]"), "a refused sign-in says why"
    sign_in(driver, server, ENGINEER)
    assert "ana" in driver.find_element(By.CSS_SELECTOR, "header .who").text
    cookie = driver.get_cookie("pipewatch_session")
    assert cookie is not None and cookie["httpOnly"] and cookie.get("sameSite") == "Strict", cookie


def test_every_page_loads_without_console_errors_or_serious_accessibility_violations(
    server: ServeProcess, driver: WebDriver
) -> None:
    driver.get(f"{server.url}/login")
    assert browser.console_errors(driver) == []
    assert browser.blocking_violations(driver) == [], browser.describe(browser.blocking_violations(driver))
    browser.screenshot(driver, "login")
    sign_in(driver, server, ADMIN)
    for name, path in pages(server).items():
        driver.get(f"{server.url}{path}")
        assert driver.find_element(By.TAG_NAME, "h1").text, f"{path} has no heading"
        errors = browser.console_errors(driver)
        assert errors == [], f"{path}: console errors: {errors}"
        violations = browser.blocking_violations(driver)
        assert violations == [], f"{path}:\n{browser.describe(violations)}"
        assert no_alert(driver), f"{path}: a script ran"
        browser.screenshot(driver, name)


def test_pages_fit_a_phone_and_weigh_under_100_kb(server: ServeProcess) -> None:
    phone = browser.start(width=PHONE_WIDTH, height=800)
    try:
        sign_in(phone, server, ADMIN)
        assert phone.execute_script("return window.innerWidth") == PHONE_WIDTH
        cookies = {c["name"]: c["value"] for c in phone.get_cookies()}
        css = requests.get(f"{server.url}/dashboard.css", timeout=10)
        assert css.status_code == 200
        for name, path in pages(server).items():
            phone.get(f"{server.url}{path}")
            overflow = phone.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{path} scrolls sideways by {overflow} px at {PHONE_WIDTH} px wide"
            html = requests.get(f"{server.url}{path}", cookies=cookies, timeout=10)
            assert html.status_code == 200, f"{path}: {html.status_code}"
            weight = len(html.content) + len(css.content)
            assert weight < PAGE_BUDGET, f"{path} weighs {weight} bytes with its stylesheet"
            browser.screenshot(phone, f"{name}-phone")
    finally:
        phone.quit()


def test_the_engineer_acknowledges_and_the_timeline_changes(server: ServeProcess, driver: WebDriver) -> None:
    path = incident_path(server)
    sign_in(driver, server, VIEWER)
    driver.get(f"{server.url}{path}")
    assert not driver.find_elements(By.CSS_SELECTOR, "form[action$='/ack']"), "a viewer is offered no acknowledge button"
    driver.delete_all_cookies()

    sign_in(driver, server, ENGINEER)
    driver.get(f"{server.url}{path}")
    before = driver.find_element(By.ID, "timeline").text
    assert "acknowledged" not in before.lower()
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/ack'] button"))
    assert urlparse(driver.current_url).path == path, driver.current_url
    after = driver.find_element(By.ID, "timeline").text
    assert "acknowledged" in after.lower(), after
    assert "ana" in after.lower(), "the timeline names who acknowledged"
    assert not driver.find_elements(By.CSS_SELECTOR, "form[action$='/ack']"), "an acknowledged incident has no button"
    state = next(i for i in incidents(server) if str(i["id"]) == path.rsplit("/", 1)[1])
    assert state["state"] == "acknowledged", state


def test_a_swap_with_too_short_a_notice_shows_the_cli_error(server: ServeProcess, driver: WebDriver) -> None:
    sign_in(driver, server, ENGINEER)
    driver.get(f"{server.url}/schedule")
    form = driver.find_element(By.CSS_SELECTOR, "form[action='/schedule/swaps']")
    # Ana's next shift starts Monday 2026-12-14 09:00 in New York: 6 days 23 hours from now,
    # under the team's seven days of notice.
    Select(form.find_element(By.NAME, "to")).select_by_value("chen")
    for name, value in (("start", "2026-12-14T09:00"), ("end", "2026-12-15T09:00")):
        field = form.find_element(By.NAME, name)
        driver.execute_script("arguments[0].value = arguments[1]", field, value)
    submit(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    error = driver.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert "swap request is too late" in error and "swap notice 7 days" in error, error


def test_hostile_names_show_as_text_and_never_run(server: ServeProcess, driver: WebDriver) -> None:
    sign_in(driver, server, ADMIN)
    for path in ("/", "/pipelines/orders", incident_path(server), "/schedule", "/fairness"):
        driver.get(f"{server.url}{path}")
        assert no_alert(driver), f"{path}: a script ran"
        assert not driver.find_elements(By.CSS_SELECTOR, "img[src=x]"), f"{path}: injected markup became an element"
        assert driver.execute_script("return document.querySelectorAll('script').length") == 0, path
        if path in ("/", "/pipelines/orders"):
            assert SCRIPT_NAME in driver.find_element(By.TAG_NAME, "body").text, f"{path}: the pipeline's name is not shown as text"
    driver.get(f"{server.url}/schedule")
    assert IMG_NAME in driver.find_element(By.TAG_NAME, "body").text
