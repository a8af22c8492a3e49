"""A real browser (Debian's headless Chromium) following the main flow a person would."""
import csv
import io
import os
import urllib.request
import zipfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from browsing import arrive, screenshot


def test_home_to_map_to_area_to_vanguard(browser, base_url):
    # Home: the programme at a glance, styled by the NHS.UK frontend
    browser.get(base_url + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "New care models: the programme at a glance"
    header = browser.find_element(By.CLASS_NAME, "nhsuk-header")
    assert header.value_of_css_property("background-color") == "rgba(0, 94, 184, 1)"
    assert "29 + 8 + 13" in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "home")

    # To the map through the navigation
    browser.find_element(By.LINK_TEXT, "Map").click()
    arrive(browser, base_url + "/map")
    areas = browser.find_elements(By.CSS_SELECTOR, "svg path.vg-area")
    assert len(areas) == 106
    screenshot(browser, "map")

    # Select Wirral on the map itself
    wirral = browser.find_element(By.CSS_SELECTOR, 'svg path[data-code="E38000208"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", wirral)
    wirral.click()
    arrive(browser, base_url + "/areas/E38000208")
    # Titled by the place people know; the official name beside it.
    assert browser.find_element(By.TAG_NAME, "h1").text == "Wirral"
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "NHS Cheshire and Merseyside ICB - 12F" in main
    assert "NHS Cheshire and Merseyside Integrated Care Board" in main
    assert "North West" in main

    # And on to the vanguard that covered it
    browser.find_element(By.LINK_TEXT, "Wirral Partners").click()
    arrive(browser, base_url + "/vanguards/1")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Wirral Partners"
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Integrated primary and acute care systems" in main
    assert "10 March 2015" in main
    assert "Wirral University Hospital NHS FT" in main
    assert "ODS 12F" in main
    assert len(browser.find_elements(By.CSS_SELECTOR, ".vg-map--small svg path.vg-fill--pacs")) == 1
    screenshot(browser, "vanguard")


def test_filters_work_without_javascript(browser, base_url):
    browser.get(base_url + "/vanguards")
    Select(browser.find_element(By.ID, "care_model")).select_by_value("ehch")
    browser.find_element(By.CSS_SELECTOR, "form.vg-filter button[type=submit]").click()
    WebDriverWait(browser, 30).until(expected_conditions.url_contains("care_model=ehch"))
    assert "6 of 50 vanguards match." in browser.find_element(By.TAG_NAME, "main").text
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.vg-vanguards tbody tr")) == 6


def test_find_your_local_vanguard_from_the_header(browser, base_url):
    browser.get(base_url + "/")
    box = browser.find_element(By.ID, "header-search")
    box.send_keys("Salford Royal")
    box.submit()
    WebDriverWait(browser, 30).until(expected_conditions.url_contains("/search?q=Salford+Royal"))
    browser.find_element(By.LINK_TEXT, "Salford Royal NHS FT").click()
    arrive(browser, base_url + "/organisations/salford-royal-nhs-ft")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Salford Royal NHS FT"
    assert "Salford and Wigan Foundation Chain" in browser.find_element(By.TAG_NAME, "main").text


def test_no_console_errors_under_the_content_security_policy(browser, base_url):
    browser.get(base_url + "/map")
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_the_programme_team_signs_in_and_reads_the_audit_log(browser, base_url):
    email = os.environ.get("VANGUARD_ADMIN_EMAIL")
    password = os.environ.get("VANGUARD_ADMIN_PASSWORD")
    if not email or not password:
        pytest.skip("the test script creates the programme-team account")
    browser.delete_all_cookies()
    browser.get(base_url + "/admin/audit")
    # Not signed in: sent to sign in, then back to where we were going.
    WebDriverWait(browser, 30).until(expected_conditions.url_contains("/account/sign-in"))
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    arrive(browser, base_url + "/admin/audit")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Audit log" in main
    assert "at the CLI" in main  # the account itself was created by the operator at the command line
    assert "E2E Admin" in browser.find_element(By.CLASS_NAME, "vg-header__account").text
    screenshot(browser, "audit")
    # Sign out from the header.
    browser.find_element(By.CSS_SELECTOR, ".vg-header__account button").click()
    arrive(browser, base_url + "/")
    assert "Sign in" in browser.find_element(By.CLASS_NAME, "vg-header__account").text


def test_a_dashboard_shows_generated_data_labelled_as_such(browser, base_url):
    browser.get(base_url + "/vanguards/1")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Dashboard").click()
    arrive(browser, base_url + "/vanguards/1/dashboard")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Generated data" in main
    assert "Emergency admissions per 1,000 population" in main
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.vg-spc")
    assert len(charts) == 4  # the PACS metrics
    assert len(charts[0].find_elements(By.CSS_SELECTOR, "circle.vg-spc__point")) == 72
    screenshot(browser, "dashboard")


def test_a_progress_report_prints_and_its_csv_bundle_opens(browser, base_url):
    browser.get(base_url + "/vanguards/1/dashboard")
    browser.find_element(By.LINK_TEXT, "Printable progress report").click()
    arrive(browser, base_url + "/vanguards/1/report")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Generated data" in main
    assert "since 2014/15, against" in main
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.vg-spc")) == 4
    # The print stylesheet drops the site's header and the download line.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not browser.find_element(By.CLASS_NAME, "nhsuk-header").is_displayed()
    assert not browser.find_element(By.CLASS_NAME, "vg-no-print").is_displayed()
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    screenshot(browser, "progress-report")
    # The bundle is a ZIP that Python's own reader opens, every file labelled with where its data came from.
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "bundle of CSV files").get_attribute("href")
    with urllib.request.urlopen(link) as response:
        assert response.headers["Content-Type"] == "application/zip"
        archive = zipfile.ZipFile(io.BytesIO(response.read()))
    assert archive.testzip() is None
    assert sorted(archive.namelist()) == ["README.txt", "footprint.csv", "monthly_values.csv", "partners.csv", "rebase_points.csv", "summary.csv"]
    summary = list(csv.DictReader(io.StringIO(archive.read("summary.csv").decode("utf-8"))))
    assert len(summary) == 4
    assert all(row["data"] == "generated" for row in summary)
    assert "GENERATED DATA" in archive.read("README.txt").decode("utf-8")


def test_an_impact_estimate_is_reached_from_the_dashboard(browser, base_url):
    browser.get(base_url + "/vanguards/1/dashboard")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Impact estimate").click()
    WebDriverWait(browser, 30).until(lambda driver: "/vanguards/1/impact/" in driver.current_url)
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Generated data" in main
    assert "Synthetic control" in main and "Matched comparison" in main
    assert "Synthetic difference-in-differences" in main and "conformal interval" in main
    # Observed and synthetic, placebo gaps, the SDID gap with its conformal band, treated and
    # comparison, the event study.
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.vg-impact")) == 5
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.vg-impact path.vg-impact__band")) == 1
    screenshot(browser, "impact")


def test_the_skip_link_moves_focus_to_the_main_content(browser, base_url):
    browser.get(base_url + "/")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    assert browser.switch_to.active_element.text == "Skip to main content"
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda driver: driver.switch_to.active_element.get_attribute("id") == "maincontent")


def test_the_accessibility_audit_fails_a_page_that_breaks_a_rule(browser, base_url):
    """The audit every browser test runs can fail: an image without words breaks axe's image-alt rule."""
    browser.get(base_url + "/about/data")
    browser.execute_script("var i = document.createElement('img'); i.src = '/assets/favicon.svg'; document.querySelector('main').appendChild(i);")
    browser.execute_script("document.title = 'Broken on purpose'")
    with pytest.raises(AssertionError, match="image-alt"):
        browser.audit()
    assert browser.pages_audited >= 2
