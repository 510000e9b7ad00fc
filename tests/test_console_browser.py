"""The analyst console in a real browser: headless Chromium driven by Selenium.

The API (with the console at /ui/) runs under uvicorn over a seeded index in a real
Elasticsearch. The test signs in with an analyst key, searches, opens an incident, corrects
its toll, and sees the corrected figure in the list and in `/v1/trends`. A failing step saves
a screenshot and the page's HTML under the test's tmp directory; with
`KHABAR_DOCS_SCREENSHOTS=1` the happy path's screenshots are copied into docs/img/.

Needs Debian's `chromium` and `chromium-driver` (`make install-browser`); skipped with a
message saying so when they are missing.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest
import uvicorn
from elasticsearch import Elasticsearch

from khabar.app.api import create_app
from khabar.core.records import Article, EventMention, Evidence, Location, Perpetrator
from khabar.core.settings import ApiKey, ApiSettings, Settings
from khabar.incidents.resolve import resolve_incidents
from khabar.index.client import es_client
from khabar.index.store import Store
from khabar.index.templates import alias_name, init_indices
from tests.conftest import ROOT, drop_indices, make_settings

pytest.importorskip("selenium", reason="selenium is not installed: pip install -e '.[dev]'")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

ANALYST = "console-analyst-key"
READER = "console-reader-key"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
DOCS_IMG = ROOT / "docs" / "img"
WAIT = 20

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Chromium and chromedriver are not installed: run `make install-browser` "
    "(apt-get install chromium chromium-driver, as root) to run the browser tests",
)

QUETTA = Location(country="Pakistan", province="Balochistan", district="Quetta", place="Quetta", lat=30.18, lon=66.99,
                  precision="place")
KECH = Location(country="Pakistan", province="Balochistan", district="Kech", place="Turbat", lat=26.0, lon=63.05, precision="place")


def report(article: str, outlet: str, killed: int, location: Location, day: date, hour: int, sentence: str) -> tuple[Article, EventMention]:
    """An article and the mention extracted from it, the toll's evidence pointing into its text."""
    title = f"{outlet}: blast in {location.place}"
    text = f"{title}.\n\n{sentence} Officials said the dead included policemen. Security was tightened across the city."
    start = text.index(sentence)
    published = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    art = Article(id=article, url=f"http://news.test/{article}", title=title, outlet=outlet, published_at=published, text=text)
    mention = EventMention(
        article_id=article, position=0, event_type="bombing", date=day, date_precision="day", location=location,
        killed=killed, injured=9, target_type="police", perpetrator=Perpetrator(name="Tehrik-i-Taliban Pakistan", attribution="claimed"),
        outlet=outlet, title=title, article_url=art.url, published_at=published, confidence=0.9,
        evidence={"killed": Evidence(sentence=sentence, start=start, end=start + len(sentence))},
    )
    return art, mention


def seed(es: Elasticsearch, settings: Settings) -> None:
    pairs = [
        report("q1", "Quetta Chronicle", 4, QUETTA, date(2025, 5, 6), 9, "A bomb killed 4 people near a police van in Quetta."),
        report("q2", "Daily Balochistan", 7, QUETTA, date(2025, 5, 6), 18, "The toll from the Quetta bomb rose to 7 on Tuesday."),
        report("k1", "Makran Times", 2, KECH, date(2025, 4, 12), 10, "Two soldiers were killed when a bomb hit their vehicle near Turbat."),
    ]
    ops: list[dict[str, object]] = []
    for art, mention in pairs:
        ops += [{"index": {"_index": alias_name(settings, "articles"), "_id": art.id}}, art.model_dump(mode="json")]
        ops += [{"index": {"_index": alias_name(settings, "events"), "_id": mention.id}}, mention.model_dump(mode="json")]
    hostile = Article(id="x1", url="javascript:alert(1)", title="A link that must not run", outlet="Hostile", text="nothing")
    ops += [{"index": {"_index": alias_name(settings, "articles"), "_id": hostile.id}}, hostile.model_dump(mode="json")]
    es.bulk(operations=ops, refresh=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(es_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Settings]]:
    """The API and console under uvicorn over a seeded, resolved index."""
    settings = make_settings(es_url, tmp_path_factory.mktemp("console"),
                             api=ApiSettings(keys=[ApiKey(name="ayesha", key=ANALYST, role="analyst"),
                                                   ApiKey(name="dash", key=READER, role="reader")]))
    es = es_client(settings)
    init_indices(es, settings)
    seed(es, settings)
    store = Store(es, settings)
    resolve_incidents(store)
    port = free_port()
    config = uvicorn.Config(create_app(settings, store=store, feed_lag_seconds=0), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.1)
    assert uv.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}", settings
    finally:
        uv.should_exit = True
        thread.join(timeout=10)
        drop_indices(es, settings)


@pytest.fixture
def browser() -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1500",
                "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()


class Steps:
    """Named steps: a failing one leaves a screenshot and the page HTML in the test's tmp directory."""

    def __init__(self, driver: WebDriver, out: Path) -> None:
        self.driver = driver
        self.out = out
        self.shots: list[Path] = []

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        try:
            yield
        except Exception:
            self.driver.save_screenshot(str(self.out / f"failed-{name}.png"))
            (self.out / f"failed-{name}.html").write_text(self.driver.page_source, encoding="utf-8")
            raise

    def shot(self, name: str) -> None:
        path = self.out / f"{name}.png"
        self.driver.save_screenshot(str(path))
        self.shots.append(path)


def trends_killed(base: str) -> dict[str, int]:
    resp = httpx.get(f"{base}/v1/trends", params={"by": "district", "metric": "killed"}, headers={"X-API-Key": ANALYST})
    resp.raise_for_status()
    return {row["key"]: row["value"] for row in resp.json()["rows"]}


def test_analyst_corrects_a_toll_in_the_console(server: tuple[str, Settings], browser: WebDriver, tmp_path: Path) -> None:
    base, _ = server
    driver = browser
    wait = WebDriverWait(driver, WAIT)
    steps = Steps(driver, tmp_path)
    assert trends_killed(base) == {"Quetta": 7, "Kech": 2}

    with steps.step("login"):
        driver.get(f"{base}/ui/")
        wait.until(EC.visibility_of_element_located((By.ID, "key"))).send_keys(ANALYST)
        driver.find_element(By.ID, "login-btn").click()
        wait.until(EC.visibility_of_element_located((By.ID, "app")))
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#results tr.incident-row")) == 2)
        assert driver.find_element(By.ID, "who-role").text == "analyst"
        assert driver.execute_script("return sessionStorage.getItem('khabar.key')") == ANALYST
        steps.shot("console-search")

    with steps.step("search"):
        Select(driver.find_element(By.ID, "district")).select_by_value("Quetta")
        driver.find_element(By.ID, "search-btn").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#results tr.incident-row")) == 1)
        row = driver.find_element(By.CSS_SELECTOR, "#results tr.incident-row")
        assert row.find_element(By.CSS_SELECTOR, "td.killed").text == "7"

    with steps.step("open-incident"):
        row.click()
        wait.until(EC.visibility_of_element_located((By.ID, "incident-view")))
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#sources .source")) == 2)
        marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#sources mark")]
        assert any("rose to 7" in m for m in marks) and any("killed 4 people" in m for m in marks)
        assert len(driver.find_elements(By.CSS_SELECTOR, "#toll-chart circle")) == 2
        steps.shot("console-incident")

    with steps.step("correct-toll"):
        form = driver.find_element(By.ID, "patch-form")
        killed = form.find_element(By.NAME, "killed")
        killed.clear()
        killed.send_keys("9")
        form.find_element(By.NAME, "note").send_keys("hospital list names 9 dead")
        driver.find_element(By.ID, "patch-btn").click()
        wait.until(EC.text_to_be_present_in_element((By.ID, "status"), "Correction saved."))
        wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "td[data-field=killed]"), "9"))
        cell = driver.find_element(By.CSS_SELECTOR, "td[data-field=killed]").text
        assert "corrected" in cell and "machine says: 7" in cell
        wait.until(EC.text_to_be_present_in_element((By.ID, "history"), "hospital list names 9 dead"))
        steps.shot("console-corrected")

    with steps.step("list-and-trends"):
        driver.find_element(By.ID, "back").click()
        wait.until(EC.text_to_be_present_in_element((By.ID, "result-count"), "1 shown of 1"))
        row = driver.find_element(By.CSS_SELECTOR, "#results tr.incident-row")
        assert row.find_element(By.CSS_SELECTOR, "td.killed").text == "9"
        assert "corrected" in row.text
        assert trends_killed(base) == {"Quetta": 9, "Kech": 2}
        Select(driver.find_element(By.ID, "district")).select_by_value("")
        Select(driver.find_element(By.ID, "corrected")).select_by_value("no")
        driver.find_element(By.ID, "search-btn").click()
        wait.until(EC.text_to_be_present_in_element((By.ID, "result-count"), "1 shown of 1"))
        assert driver.find_element(By.CSS_SELECTOR, "#results tr.incident-row td.killed").text == "2"
        Select(driver.find_element(By.ID, "corrected")).select_by_value("")
        driver.find_element(By.ID, "nav-trends").click()
        Select(driver.find_element(By.ID, "trend-metric")).select_by_value("killed")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#trend-chart rect[data-period='2025-05'][data-value='9']"))
        steps.shot("console-trends")

    with steps.step("map"):
        driver.find_element(By.ID, "nav-search").click()
        wait.until(EC.visibility_of_element_located((By.ID, "search-btn"))).click()
        wait.until(EC.text_to_be_present_in_element((By.ID, "result-count"), "2 shown of 2"))
        driver.find_element(By.ID, "nav-map").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#map path")) > 100)
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#map circle.incident-dot")) == 2)
        steps.shot("console-map")

    if os.environ.get("KHABAR_DOCS_SCREENSHOTS") == "1":
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        for path in steps.shots:
            shutil.copy(path, DOCS_IMG / path.name)


def test_reader_sees_no_correction_forms_and_bad_key_is_refused(server: tuple[str, Settings], browser: WebDriver) -> None:
    base, _ = server
    driver = browser
    wait = WebDriverWait(driver, WAIT)
    driver.get(f"{base}/ui/")
    wait.until(EC.visibility_of_element_located((By.ID, "key"))).send_keys("wrong-key")
    driver.find_element(By.ID, "login-btn").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "login-error"), "not accepted"))
    assert driver.find_element(By.ID, "app").is_displayed() is False
    assert driver.execute_script("return sessionStorage.getItem('khabar.key')") is None
    key = driver.find_element(By.ID, "key")
    key.clear()
    key.send_keys(READER)
    driver.find_element(By.ID, "login-btn").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#results tr.incident-row"))
    assert driver.find_element(By.ID, "who-role").text == "reader"
    driver.find_elements(By.CSS_SELECTOR, "#results tr.incident-row")[0].click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#sources .source"))
    assert driver.find_element(By.ID, "correct-panel").is_displayed() is False
    driver.find_element(By.ID, "back").click()
    Select(wait.until(EC.visibility_of_element_located((By.ID, "kind")))).select_by_value("articles")
    driver.find_element(By.ID, "search-btn").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "result-count"), "4 shown of 4 articles"))
    links = {a.text: a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#results a")}
    assert links["A link that must not run"] is None  # stored URLs are data: only http(s) become links
    assert links["Quetta Chronicle: blast in Quetta"] == "http://news.test/q1"
