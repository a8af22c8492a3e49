"""A real browser runs a whole call with several accounts: the programme team writes it, an
applicant submits, an assessor declares a conflict, another scores, the programme team
moderates, shortlists, timetables the presentation, selects into a wave, and the registry and
the public funnel show the result."""
import datetime
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browsing import arrive, click_button, fill, screenshot, see, sign_in, sign_in_as_programme_team, wait_for, wait_for_heading

APPLICANT = "e2e-applicant@example.nhs.uk"
CONFLICTED_ASSESSOR = "e2e-assessor-1@example.nhs.uk"
ASSESSOR = "e2e-assessor-2@example.nhs.uk"


def main_text(browser):
    return browser.find_element(By.TAG_NAME, "main").text


def test_a_call_runs_from_creation_to_announcement(browser, base_url):
    sign_in_as_programme_team(browser, base_url)
    title = f"Wave four {uuid.uuid4().hex[:6]}"
    partnership = f"Wirral Partners {uuid.uuid4().hex[:4]}"
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
    click_button(browser, "Save the call")
    wait_for_heading(browser, title)
    assert "Clinical engagement" in main_text(browser)
    call_url = browser.current_url
    screenshot(browser, "call")

    # The applicant starts, saves a partial draft, is told what is missing, completes and submits.
    sign_in(browser, base_url, APPLICANT)
    browser.get(call_url)
    click_button(browser, "Start an application")
    wait_for(browser, By.ID, "partnership_name")
    application_url = browser.current_url
    fill(browser, "partnership_name", partnership)
    click_button(browser, "Save draft")
    arrive(browser, application_url + "?saved=1")
    click_button(browser, "Submit application")
    arrive(browser, application_url)
    summary = wait_for(browser, By.CLASS_NAME, "nhsuk-error-summary").text
    assert "Give the population served" in summary
    assert "Name at least two partner organisations" in summary
    assert 'Answer "What will change for patients?"' in summary, summary
    assert browser.find_element(By.ID, "partnership_name").get_attribute("value") == partnership
    Select(browser.find_element(By.ID, "care_model")).select_by_value("mcp")
    fill(browser, "areas", "E38000208")
    fill(browser, "population", "320,000")
    fill(browser, "partners", "Wirral University Teaching Hospital | acute_trust | RBL\nWirral CCG | commissioner | 12F")
    fill(browser, "answer_q1", "Care closer to home, planned with general practice.")
    fill(browser, "commitments", "emergency_admissions | -3.5")
    fill(browser, "sustainability", "1,000,000")
    fill(browser, "transformation", "2,500,000")
    click_button(browser, "Submit application")
    see(browser, "Submitted, being assessed")
    screenshot(browser, "application-submitted")

    # One assessor works with Wirral CCG and declares it.
    sign_in(browser, base_url, CONFLICTED_ASSESSOR)
    browser.find_element(By.LINK_TEXT, "Assessments").click()
    arrive(browser, base_url + "/assessments")
    Select(browser.find_element(By.ID, "kind")).select_by_value("organisation")
    fill(browser, "value", "Wirral CCG")
    click_button(browser, "Declare")
    see(browser, "Conflict declared.")

    # The programme team assigns one assessor per application: never the conflicted one.
    sign_in_as_programme_team(browser, base_url)
    browser.get(call_url)
    browser.find_element(By.LINK_TEXT, "Assessment and selection").click()
    wait_for(browser, By.ID, "per_application")
    fill(browser, "per_application", "1")
    click_button(browser, "Assign automatically")
    see(browser, "written 0/1")
    browser.find_element(By.LINK_TEXT, partnership).click()
    see(browser, "Bob Assessor: still to score")
    assessment_url = browser.current_url
    assert "Ann Assessor: still" not in main_text(browser)

    # The other assessor scores it, alone.
    sign_in(browser, base_url, ASSESSOR)
    browser.get(base_url + "/assessments")
    browser.find_element(By.LINK_TEXT, partnership).click()
    Select(wait_for(browser, By.ID, "score_0")).select_by_value("4")
    fill(browser, "comment_0", "Clinicians lead it.")
    Select(browser.find_element(By.ID, "score_1")).select_by_value("3")
    click_button(browser, "Submit scores")
    see(browser, "Your scores are submitted.")
    screenshot(browser, "scored")

    # The programme team moderates, shortlists and timetables the presentation.
    sign_in_as_programme_team(browser, base_url)
    browser.get(assessment_url)
    assert "73.3%" in main_text(browser)  # (2×4 + 3) / (2×5 + 5)
    row = browser.find_elements(By.CSS_SELECTOR, "form.vg-moderate-form")[0]
    Select(row.find_element(By.NAME, "score")).select_by_value("5")
    row.find_element(By.NAME, "reason").send_keys("Panel agreed the clinical lead is exceptional")
    row.find_element(By.TAG_NAME, "button").click()
    see(browser, "Panel agreed the clinical lead is exceptional")
    assert "86.7%" in main_text(browser)  # (2×5 + 3) / 15
    click_button(browser, "Add to the shortlist")
    see(browser, "On the shortlist.")

    browser.get(call_url.rstrip("/") + "/presentations")
    day = (now + datetime.timedelta(days=40)).strftime("%Y-%m-%d")
    fill(browser, "days", f"{day} 09:30-12:30")
    fill(browser, "panels", f"Panel A: {ASSESSOR}")
    click_button(browser, "Save and make the timetable")
    assert "09:30" in see(browser, "Timetable (not yet published)")
    assert partnership in main_text(browser)
    click_button(browser, "Publish the timetable")
    see(browser, "Published timetable")
    screenshot(browser, "timetable")

    # Selected into a named wave: the registry gains the vanguard.
    browser.get(assessment_url)
    Select(browser.find_element(By.ID, "outcome")).select_by_value("selected")
    fill(browser, "wave", "Wave 4")
    fill(browser, "announced_on", (now + datetime.timedelta(days=60)).strftime("%Y-%m-%d"))
    fill(browser, "feedback", "Selected: a clear plan with a strong clinical lead.")
    click_button(browser, "Record the decision")
    see(browser, "Decision: Selected")
    browser.find_element(By.LINK_TEXT, "The vanguard in the registry").click()
    wait_for_heading(browser, partnership)
    assert "Wirral University Teaching Hospital" in main_text(browser)
    screenshot(browser, "new-vanguard")

    # The applicant reads the decision, the feedback and the presentation time.
    sign_in(browser, base_url, APPLICANT)
    browser.get(application_url)
    text = main_text(browser)
    assert "Decision: Selected" in text and "Selected into Wave 4" in text
    assert "a strong clinical lead" in text
    assert f"Your presentation: {day}, 09:30" in text

    # The call closes; the public funnel shows it.
    sign_in_as_programme_team(browser, base_url)
    browser.get(call_url.rstrip("/") + "/edit")
    fill(browser, "closes_at", (now - datetime.timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M"))
    click_button(browser, "Save the call")
    wait_for_heading(browser, title)
    browser.delete_all_cookies()
    browser.get(call_url)
    text = main_text(browser)
    assert "Selection funnel" in text
    funnel = browser.find_element(By.CSS_SELECTOR, "table.vg-funnel").text
    assert "All 1 1 1 1" in funnel.replace("\n", " "), funnel
    screenshot(browser, "funnel")
