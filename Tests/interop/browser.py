"""A real headless browser for the dashboard's tests: Debian's Chromium driven by Selenium through
Debian's chromedriver (PIPEWATCH_CHROMEDRIVER, from scripts/ci/chromium.sh), with axe-core from
axe-selenium-python for the accessibility scan.

Chromium runs as root here, so it needs --no-sandbox; the host resolver rules keep it from trying
to reach update and safe-browsing hosts, which this machine cannot resolve (INTEROP.md)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

CHROMEDRIVER = os.environ.get("PIPEWATCH_CHROMEDRIVER", "")
CHROMIUM = os.environ.get("PIPEWATCH_CHROMIUM", "/usr/bin/chromium")

# axe's impact levels that fail the scan, as the issue asks: serious and critical.
BLOCKING_IMPACTS = {"serious", "critical"}


def start(width: int = 1280, height: int = 900) -> WebDriver:
    """A headless Chromium window of the given size; skips the test when no driver is configured."""
    if not CHROMEDRIVER:
        pytest.skip("PIPEWATCH_CHROMEDRIVER is unset: scripts/ci/chromium.sh prints its path")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        f"--window-size={width},{height}",
    ):
        options.add_argument(argument)
    if width < 500:
        # A window is at least 500 px wide; a phone's viewport is emulated instead.
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2}})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def console_errors(driver: WebDriver) -> list[str]:
    """What the page wrote to the console at level SEVERE since the last call (errors, failed loads)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def blocking_violations(driver: WebDriver) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the current page."""
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    return [v for v in results["violations"] if v.get("impact") in BLOCKING_IMPACTS]


def describe(violations: list[dict[str, Any]]) -> str:
    """A readable list of violations, with the elements they were found on."""
    lines = []
    for violation in violations:
        targets = [", ".join(node.get("target", [])) for node in violation.get("nodes", [])][:5]
        lines.append(f"{violation['impact']}: {violation['id']} ({violation['help']}) on {targets}")
    return "\n".join(lines)


def screenshot(driver: WebDriver, name: str) -> None:
    """Saves the whole page as PNG into PIPEWATCH_SCREENSHOTS (scripts/screenshots.sh sets it to
    docs/screenshots); does nothing otherwise, so the test command leaves the tree clean."""
    folder = os.environ.get("PIPEWATCH_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    driver.execute_script("window.scrollTo(0, 0)")
    if driver.execute_script("return window.innerWidth") >= 500:
        height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
        width = driver.get_window_size()["width"]
        driver.set_window_size(width, min(max(int(height) + 200, 600), 4000))
        driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(Path(folder) / f"{name}.png"))
