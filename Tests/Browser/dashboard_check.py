"""Opens TalkHub's /dashboard in headless Chromium (selenium), signs in with the admin secret,
waits for the data, and checks that what the page shows matches /api/v1/dashboard/summary.

Usage: python dashboard_check.py BASE_URL ADMIN_SECRET SCREENSHOT_PATH
Prints one JSON line; exits non-zero on the first mismatch.
"""

import json
import sys
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def fail(message):
    print(json.dumps({"ok": False, "failed": message}))
    sys.exit(1)


def api(base, secret):
    body = json.dumps({"username": "browser-check", "admin_secret": secret}).encode()
    request = urllib.request.Request(base + "/api/v1/auth/token", data=body, headers={"Content-Type": "application/json"})
    token = json.load(urllib.request.urlopen(request))["token"]
    request = urllib.request.Request(base + "/api/v1/dashboard/summary", headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(request))


def number(text):
    return int(text.replace(".", "").replace(",", "").strip() or "0")


def main(base, secret, screenshot):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000"]:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(base + "/dashboard")
        wait = WebDriverWait(driver, 20)
        wait.until(EC.visibility_of_element_located((By.ID, "secret"))).send_keys(secret)
        driver.find_element(By.CSS_SELECTOR, "#signin-form button").click()
        wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-loaded") == "true")
        summary = api(base, secret)

        def field(name):
            return driver.find_element(By.CSS_SELECTOR, '[data-field="%s"]' % name).text

        checks = {
            "consumers": (number(field("consumers")), summary["consumers"]),
            "dead_letters": (number(field("dead_letters")), summary["dead_letters"]),
            "messages_last_hour": (number(field("messages_last_hour")), summary["throughput"]["messages_last_hour"]),
            "inbound_depth": (number(field("inbound_depth")), summary["streams"]["inbound"]["lag"] + summary["streams"]["inbound"]["pending"]),
        }
        for key in ("positive", "neutral", "negative"):
            row = driver.find_element(By.CSS_SELECTOR, '#sentiment .row[data-key="%s"] .count' % key)
            checks["sentiment." + key] = (number(row.text), summary["sentiment"].get(key, 0))
        for key, count in summary["intents"].items():
            row = driver.find_element(By.CSS_SELECTOR, '#intents .row[data-key="%s"] .count' % key)
            checks["intents." + key] = (number(row.text), count)
        bars = driver.find_elements(By.CSS_SELECTOR, "#hours .bar")
        if len(bars) != 24:
            fail("expected 24 hour bars, saw %d" % len(bars))
        for bar in bars:
            hour = bar.get_attribute("data-hour")
            checks["hour." + hour] = (int(bar.get_attribute("data-count")), summary["peak_hours"][hour])
        rows = driver.find_elements(By.CSS_SELECTOR, "#recent tbody tr")
        checks["recent_rows"] = (len(rows), len(summary["recent_conversations"]))
        if rows:
            checks["recent_first_user"] = (rows[0].find_elements(By.TAG_NAME, "td")[1].text, summary["recent_conversations"][0]["user"])
        wrong = {k: v for k, v in checks.items() if v[0] != v[1]}
        if wrong:
            fail("page and API differ: %s" % wrong)
        driver.save_screenshot(screenshot)
        driver.set_window_size(390, 844)
        driver.save_screenshot(screenshot.replace(".png", "-phone.png"))
        overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        if overflow:
            fail("the page is wider than a phone screen")
        print(json.dumps({"ok": True, "checked": len(checks), "screenshot": screenshot}))
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3])
