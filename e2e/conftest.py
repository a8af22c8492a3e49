"""End-to-end tests against a running Vanguard server (VANGUARD_URL), started by scripts/test.sh."""
import json
import os
import urllib.error
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from accessibility import AuditedBrowser

BASE_URL = os.environ.get("VANGUARD_URL", "http://127.0.0.1:8080")


class Fetched:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # an http.client.HTTPMessage: names are case-insensitive
        self.body = body

    def json(self):
        return json.loads(self.body)


def fetch(path):
    try:
        with urllib.request.urlopen(BASE_URL + path) as response:
            return Fetched(response.status, response.headers, response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return Fetched(error.code, error.headers, error.read().decode("utf-8"))


@pytest.fixture(scope="session")
def base_url():
    return BASE_URL


@pytest.fixture(scope="session")
def get():
    return fetch


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1400"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # Every page a browser test reaches is checked by axe (see accessibility.py).
    yield AuditedBrowser(driver)
    driver.quit()
