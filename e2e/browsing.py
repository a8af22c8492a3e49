"""What the browser tests share: waiting for a page, screenshots, signing in."""
import os

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from accessibility import audit


# While a click's response replaces the page, reading it can fail in several ways (a stale
# element, a missing one, or Chromium's "node does not belong to the document"); the waits
# below keep reading until the state arrives.
TRANSIENT = (WebDriverException,)


def arrive(browser, url):
    """Waits until a click has taken the browser to `url` (a state, not a time limit)."""
    WebDriverWait(browser, 30, ignored_exceptions=TRANSIENT).until(expected_conditions.url_to_be(url))
    WebDriverWait(browser, 30, ignored_exceptions=TRANSIENT).until(lambda driver: driver.execute_script("return document.readyState") == "complete")
    audit(browser)


def see(browser, text):
    """Waits until the page's main content says `text` (a state, not a time limit), as after a
    click whose response lands on the same address, and returns that content."""
    WebDriverWait(browser, 30, ignored_exceptions=TRANSIENT).until(
        lambda driver: text in driver.find_element(By.TAG_NAME, "main").text)
    audit(browser)
    return browser.find_element(By.TAG_NAME, "main").text


def wait_for(browser, by, value):
    """Waits until an element is on the page, e.g. a form field of the page a click leads to."""
    return WebDriverWait(browser, 30, ignored_exceptions=TRANSIENT).until(expected_conditions.presence_of_element_located((by, value)))


def wait_for_heading(browser, text):
    WebDriverWait(browser, 30, ignored_exceptions=TRANSIENT).until(
        lambda driver: driver.find_element(By.TAG_NAME, "h1").text == text)
    audit(browser)


def fill(browser, field_id, text):
    element = browser.find_element(By.ID, field_id)
    element.clear()
    element.send_keys(text)


def click_button(browser, text):
    browser.find_element(By.XPATH, f"//main//button[normalize-space()='{text}']").click()


def screenshot(browser, name):
    directory = os.environ.get("VANGUARD_ARTIFACTS")
    if directory:
        os.makedirs(directory, exist_ok=True)
        browser.save_screenshot(os.path.join(directory, name + ".png"))


def sign_in_as_programme_team(browser, base_url):
    """Signs in with the account the test script made at the command line."""
    sign_in(browser, base_url, os.environ.get("VANGUARD_ADMIN_EMAIL"))


def sign_in(browser, base_url, email):
    """Signs in as one of the accounts the test script made (they share one password)."""
    password = os.environ.get("VANGUARD_ADMIN_PASSWORD")
    if not email or not password:
        pytest.skip("the test script creates the accounts")
    browser.delete_all_cookies()
    browser.get(base_url + "/account/sign-in")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    arrive(browser, base_url + "/account")
