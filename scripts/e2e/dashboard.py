#!/usr/bin/env python3
"""The dashboard end to end, in headless Chromium driven by Playwright, as a mission uses it.

Builds a demo store with the `truce` binary given, adds an admin with `truce users add`, starts `truce serve` on
a free loopback port, then:

1. the admin signs in and creates a monitor and two analysts from the admin page;
2. the monitor, on a phone-sized screen, fills the submission form with the keyboard alone (each Tab lands on
   the next field) and sends it with a photo carrying EXIF GPS;
3. the first analyst takes the observation from the review queue and reads the original photo (GPS in it);
4. the second analyst sees the first one's lock and is refused when trying to take it;
5. the first analyst verifies it; the agreement page then lists the incident as verified with its verdict;
6. the photo as the public reads it has no EXIF at all;
7. a form sent while offline is kept in the browser and sent when the connection returns, and the same draft
   sent twice is stored once;
8. axe-core checks every page: no serious or critical violation.

Each page's screenshot is written to --out. Exits 0 when every check holds, 1 with the failed checks listed.
"""

import argparse
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from PIL import ExifTags, Image
from playwright.sync_api import sync_playwright

PASSWORD = "correct horse battery staple"
AGREEMENT = "energy-moratorium-2025"
PHOTO = Path(__file__).resolve().parents[2] / "Tests/TruceIngestTests/Fixtures/evidence/photo-gps.jpg"
FORM_ORDER = [
    "o-date", "o-time", "o-zone", "o-time-precision", "o-country", "o-region", "o-place", "o-latitude", "o-longitude", "o-locate",
    "o-geo-precision", "o-action", "o-outcome", "o-category", "o-subtype", "o-target-name", "o-description", "o-party",
    "o-attributed-by", "o-fatalities", "o-injured", "o-files",
]


class Checks:
    """Named checks, each passed or failed, printed as they go."""

    def __init__(self):
        self.failed = []

    def expect(self, condition, name):
        print(("ok   " if condition else "FAIL ") + name, flush=True)
        if not condition:
            self.failed.append(name)
        return condition


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def has_gps(jpeg):
    """Whether a JPEG's EXIF holds GPS tags, as Pillow reads them."""
    with Image.open(io.BytesIO(jpeg)) as image:
        return len(image.getexif().get_ifd(ExifTags.IFD.GPSInfo)) > 0


def sign_in(page, base, name, language="en"):
    page.goto(f"{base}/signin?lang={language}")
    page.fill("#s-name", name)
    page.fill("#s-password", PASSWORD)
    page.click("form[action='/signin'] button[type=submit]")
    page.wait_for_load_state("load")


def serious(page, axe):
    """The serious and critical axe-core violations of the page shown."""
    results = axe.run(page)
    found = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    return [f"{v['id']} ({v['impact']}): {v['help']} × {len(v['nodes'])}" for v in found]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--truce", required=True, help="the truce binary")
    parser.add_argument("--out", required=True, help="where the screenshots go")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    arguments = parser.parse_args()
    out = Path(arguments.out)
    out.mkdir(parents=True, exist_ok=True)
    checks = Checks()
    work = Path(tempfile.mkdtemp(prefix="truce-e2e-"))
    environment = dict(os.environ, TRUCE_BCRYPT_COST="4", TRUCE_LOG_LEVEL="warning")
    subprocess.run([arguments.truce, "demo", "--dir", str(work / "demo")], check=True, capture_output=True, env=environment)
    database = str(work / "demo" / "truce.sqlite")
    subprocess.run(
        [arguments.truce, "users", "add", "amina", "--role", "admin", "--password-stdin", "--db", database],
        input=PASSWORD + "\n", text=True, check=True, capture_output=True, env=environment)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(work / "server.log", "w")
    server = subprocess.Popen(
        [arguments.truce, "serve", "--db", database, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=environment)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=arguments.chromium, headless=True, args=["--no-sandbox"])
            run(browser, base, out, checks)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
    if checks.failed:
        print("\nfailed checks:\n  " + "\n  ".join(checks.failed))
        print("server log: " + (work / "server.log").read_text()[-3000:])
        return 1
    shutil.rmtree(work, ignore_errors=True)
    print(f"\nall checks hold; screenshots in {out}")
    return 0


def run(browser, base, out, checks):
    axe = Axe()
    accessibility = {}

    def shoot(page, name):
        page.screenshot(path=str(out / f"{name}.png"), full_page=True)
        accessibility[name] = serious(page, axe)

    # 1. The admin creates a monitor and two analysts.
    admin = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(admin, base, "amina")
    admin.goto(f"{base}/admin")
    for name, role in [("field-7", "monitor"), ("desk-1", "analyst"), ("desk-2", "analyst")]:
        admin.fill("#u-name", name)
        admin.select_option("#u-role", role)
        admin.fill("#u-password", PASSWORD)
        admin.click("form[action='/admin/users'] button[type=submit]")
        admin.wait_for_load_state("load")
        checks.expect(admin.locator(f"tr[data-user='{name}']").count() == 1, f"the admin page lists the new {role} {name}")
    shoot(admin, "01-admin")

    # 2. The monitor, on a phone, fills the form with the keyboard alone and sends it with a photo.
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="en-US")
    monitor = phone.new_page()
    sign_in(monitor, base, "field-7")
    monitor.goto(f"{base}/submit")
    shoot(monitor, "02-submit-form")
    monitor.focus("#o-date")
    # A date or time input holds a stop per part (day, month, year): count each field once.
    visited = ["o-date"]
    for _ in range(60):
        monitor.keyboard.press("Tab")
        focused = monitor.evaluate("document.activeElement.id")
        if focused != visited[-1]:
            visited.append(focused)
        if focused == FORM_ORDER[-1]:
            break
    expected_order = [f for f in FORM_ORDER if f != "o-locate" or "o-locate" in visited]
    checks.expect(visited == expected_order, f"Tab walks the form in order: {visited}")
    monitor.focus("#o-date")
    monitor.keyboard.type("03222025")
    monitor.focus("#o-time")
    monitor.keyboard.type("0340AM")
    typed = {
        "#o-region": "Kharkiv", "#o-place": "Kharkiv", "#o-latitude": "49.98", "#o-longitude": "36.25", "#o-target-name": "",
        "#o-attributed-by": "Kharkiv city officials", "#o-injured": "1",
        "#o-description": "Two drones hit the substation on the city's eastern edge; fire seen from the road.",
    }
    for selector, text in typed.items():
        monitor.focus(selector)
        monitor.keyboard.type(text)
    for selector, value in [("#o-action", "drone_strike"), ("#o-outcome", "hit"), ("#o-category", "energy"),
                            ("#o-subtype", "substation"), ("#o-party", "RU"), ("#o-geo-precision", "locality")]:
        monitor.focus(selector)
        monitor.select_option(selector, value)
    when = monitor.input_value("#o-date") + " " + monitor.input_value("#o-time")
    checks.expect(when == "2025-03-22 03:40", f"the date and time typed with the keyboard: {when}")
    monitor.set_input_files("#o-files", str(PHOTO))
    shoot(monitor, "03-submit-filled")
    monitor.focus("#observation button[type=submit]")
    with monitor.expect_navigation():
        monitor.keyboard.press("Enter")
    incident = re.search(r"/incidents/([^?#]+)", monitor.url)
    checks.expect(incident is not None and "submitted=1" in monitor.url, f"the monitor is taken to the new incident: {monitor.url}")
    incident_id = incident.group(1) if incident else ""
    checks.expect(monitor.locator("p[role=status].pass").count() == 1, "the incident page says the observation is stored")
    shoot(monitor, "04-incident-submitted")

    # 3. The first analyst takes it from the queue and sees the original photo.
    first = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(first, base, "desk-1")
    first.goto(f"{base}/review")
    checks.expect(first.locator(f"tr[data-incident='{incident_id}']").count() == 1, "the observation waits in the review queue")
    shoot(first, "05-review-queue")
    first.click(f"tr[data-incident='{incident_id}'] a")
    first.select_option("#r-action", "take")
    first.click("#review ~ form button[type=submit]")
    first.wait_for_load_state("load")
    checks.expect("desk-1" in first.inner_text("#main"), "the record is held by the first analyst")
    photo_href = first.locator("ul.files a").first.get_attribute("href")
    original = first.context.request.get(base + photo_href).body()
    checks.expect(has_gps(original), "a reviewer reads the original photo, GPS included")
    shoot(first, "06-incident-taken")

    # 4. The second analyst sees the lock and is refused.
    second = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(second, base, "desk-2")
    second.goto(f"{base}/incidents/{incident_id}")
    checks.expect("desk-1" in second.inner_text("#review ~ p"), "the second analyst sees the first one's lock")
    second.select_option("#r-action", "take")
    second.click("#review ~ form button[type=submit]")
    second.wait_for_load_state("load")
    checks.expect(second.locator("#review ~ p[role=alert]").count() == 1, "the second analyst's take is refused")
    shoot(second, "07-incident-locked")

    # 5. The first analyst verifies it; the agreement page shows it verified, with its verdict.
    first.select_option("#r-action", "verify")
    first.fill("#r-note", "The photo matches the substation; GPS and shadows agree with the time.")
    first.click("#review ~ form button[type=submit]")
    first.wait_for_load_state("load")
    first.goto(f"{base}/agreements/{AGREEMENT}?evidence=verified")
    row = first.locator(f"tr[data-incident='{incident_id}']")
    checks.expect(row.count() == 1, "the agreement page lists the incident among verified ones")
    if row.count():
        checks.expect(row.locator("td[data-evidence]").get_attribute("data-evidence") == "verified", "its evidence reads verified")
        checks.expect("violation" in (row.get_attribute("class") or ""), f"its verdict is shown: {row.get_attribute('class')}")
    shoot(first, "08-agreement-verified")

    # 6. The public reads the photo without its metadata.
    public = browser.new_context()
    published = public.request.get(base + photo_href)
    checks.expect(
        published.ok and not has_gps(published.body()),
        f"the public photo carries no GPS ({published.status}, {len(published.body())} bytes)")
    public_page = public.new_page()
    public_page.goto(f"{base}/")
    shoot(public_page, "09-agreements-public")
    public_page.goto(f"{base}/agreements/{AGREEMENT}?lang=uk")
    shoot(public_page, "10-agreement-uk")
    public_page.goto(f"{base}/incidents/{incident_id}?lang=ru")
    shoot(public_page, "11-incident-ru")
    public_page.goto(f"{base}/signin")
    shoot(public_page, "12-signin")

    # 7. Offline: kept on the phone, sent when the connection returns, once however often it is sent.
    monitor.goto(f"{base}/submit")
    before = count_observations(first, base)
    phone.set_offline(True)
    monitor.fill("#o-date", "2025-03-24")
    monitor.fill("#o-time", "21:15")
    monitor.fill("#o-region", "Sumy")
    monitor.select_option("#o-action", "drone_strike")
    monitor.fill("#o-description", "Drone hit a power line near the road; written without a connection.")
    monitor.click("#observation button[type=submit]")
    monitor.wait_for_function("JSON.parse(localStorage.getItem('truce.drafts') || '[]').length === 1")
    checks.expect(monitor.locator("#drafts").is_visible(), "the form says one observation waits on the device")
    shoot(monitor, "13-submit-offline")
    draft = monitor.evaluate("localStorage.getItem('truce.drafts')")
    # The same draft twice, as a phone that sent it but lost the answer would hold it.
    twice = json.loads(draft) * 2
    monitor.evaluate("drafts => localStorage.setItem('truce.drafts', drafts)", json.dumps(twice))
    statuses = []
    monitor.on("response", lambda response: statuses.append(response.status) if response.url.endswith("/submit") else None)
    phone.set_offline(False)
    monitor.evaluate("window.dispatchEvent(new Event('online'))")
    monitor.wait_for_function("JSON.parse(localStorage.getItem('truce.drafts') || '[]').length === 0", timeout=15000)
    after = count_observations(first, base)
    checks.expect(statuses == [201, 200], f"the draft is sent twice, stored then recognised: {statuses}")
    checks.expect(after == before + 1, f"the offline draft, sent twice, is stored once ({before} before, {after} after)")

    # 8. No page has a serious or critical accessibility violation.
    for name, violations in sorted(accessibility.items()):
        checks.expect(not violations, f"axe finds no serious or critical violation on {name}: {violations}")


def count_observations(page, base):
    """The observations in the review queue, unreviewed or held, as the API counts them."""
    response = page.context.request.get(f"{base}/api/v1/review/queue?dataset=observation&limit=500")
    return len(response.json()["items"])


if __name__ == "__main__":
    sys.exit(main())
