"""A real browser runs the start of a selection: the programme team writes a call, and an
applicant drafts, is told what is missing, completes and submits."""
import datetime
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browsing import arrive, screenshot, sign_in_as_programme_team


def fill(browser, field_id, text):
    element = browser.find_element(By.ID, field_id)
    element.clear()
    element.send_keys(text)


def test_a_call_is_written_and_an_application_submitted_to_it(browser, base_url):
    sign_in_as_programme_team(browser, base_url)
    title = f"Wave three {uuid.uuid4().hex[:6]}"
    now = datetime.datetime.now(datetime.timezone.utc)

    # The programme team writes the call.
    browser.get(base_url + "/calls")
    browser.find_element(By.LINK_TEXT, "New call").click()
    arrive(browser, base_url + "/calls/new")
    fill(browser, "title", title)
    fill(browser, "description", "For partnerships ready to redesign care across boundaries.")
    fill(browser, "opens_at", (now - datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M"))
    fill(browser, "closes_at", (now + datetime.timedelta(days=30)).strftime("%Y-%m-%d %H:%M"))
    fill(browser, "care_models", "pacs mcp")
    fill(browser, "questions", "What will change for patients? [300 words]\n(optional) Anything else?")
    fill(browser, "criteria", "Clinical engagement | 2 | 5 | Clinicians lead the design\nValue for money | 1 | 5")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    browser.find_element(By.TAG_NAME, "h1")
    assert browser.find_element(By.TAG_NAME, "h1").text == title
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Clinical engagement" in main and "Open" in main
    call_url = browser.current_url
    screenshot(browser, "call")

    # An applicant (here the same account) starts an application and saves a partial draft.
    browser.find_element(By.XPATH, "//button[text()='Start an application']").click()
    browser.find_element(By.ID, "partnership_name")
    application_url = browser.current_url
    assert "/applications/" in application_url
    fill(browser, "partnership_name", "Wirral Partners")
    browser.find_element(By.XPATH, "//button[text()='Save draft']").click()
    arrive(browser, application_url + "?saved=1")
    assert "Draft saved." in browser.find_element(By.TAG_NAME, "main").text

    # Submitting too early names every missing thing, and nothing is lost.
    browser.find_element(By.XPATH, "//button[text()='Submit application']").click()
    summary = browser.find_element(By.CLASS_NAME, "nhsuk-error-summary").text
    assert "Give the population served" in summary
    assert "Name at least two partner organisations" in summary
    assert 'Answer "What will change for patients?"' in summary, summary
    assert browser.find_element(By.ID, "partnership_name").get_attribute("value") == "Wirral Partners"
    screenshot(browser, "application-missing")

    # Completing it submits it, and the status shows.
    Select(browser.find_element(By.ID, "care_model")).select_by_value("mcp")
    fill(browser, "areas", "E38000208")
    fill(browser, "population", "320,000")
    fill(browser, "partners", "Wirral University Teaching Hospital | acute_trust | RBL\nWirral CCG | commissioner | 12F")
    fill(browser, "answer_q1", "Care closer to home, planned with general practice.")
    fill(browser, "commitments", "emergency_admissions | -3.5")
    fill(browser, "sustainability", "1,000,000")
    fill(browser, "transformation", "2,500,000")
    browser.find_element(By.XPATH, "//button[text()='Submit application']").click()
    arrive(browser, application_url)
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Submitted, being assessed" in main
    assert "£2,500,000" in main
    assert browser.find_elements(By.XPATH, "//button[text()='Submit application']") == []
    screenshot(browser, "application-submitted")

    # The programme team sees it on the call page.
    browser.get(call_url)
    assert "Applications (1)" in browser.find_element(By.TAG_NAME, "main").text
    assert browser.find_element(By.LINK_TEXT, "Wirral Partners")
