"""A real browser runs the learning space: Wirral's site lead publishes a case study naming a
metric and sees its live chart; a new member comments (held); the programme team approves it
(shown); the member's digest subscription lands in the outbox; search finds the post."""
import datetime
import urllib.parse
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browsing import click_button, fill, screenshot, see, sign_in, sign_in_as_programme_team, wait_for_heading

SITE_LEAD = "e2e-sitelead@example.nhs.uk"
MEMBER = "e2e-applicant@example.nhs.uk"


def tick(browser, name, value):
    # NHS.UK checkboxes draw their own box over the input, so the input is ticked by script.
    box = browser.find_element(By.XPATH, f"//input[@name='{name}[]' and @value='{value}']")
    browser.execute_script("arguments[0].click()", box)


def test_a_case_study_sits_beside_its_evidence_and_comments_are_moderated(browser, base_url, get):
    word = "frailty" + uuid.uuid4().hex[:8]
    title = f"Care home ward rounds in Wirral {word}"

    # A new member follows the care homes category by weekly e-mail.
    sign_in(browser, base_url, MEMBER)
    browser.get(base_url + "/account/subscriptions")
    Select(browser.find_element(By.ID, "topic")).select_by_value("category:care-homes")
    Select(browser.find_element(By.ID, "frequency")).select_by_value("weekly")
    click_button(browser, "Subscribe")
    see(browser, "Subscribed: Category: Primary and community care › Care homes, weekly.")

    # Wirral's site lead publishes a case study that claims to move emergency admissions.
    sign_in(browser, base_url, SITE_LEAD)
    browser.get(base_url + "/learning/posts/new")
    Select(browser.find_element(By.ID, "kind")).select_by_value("case_study")
    fill(browser, "title", title)
    fill(browser, "summary", "A named GP for every care home, and fewer emergency admissions.")
    fill(browser, "body", "How **Wirral** changed care home support. <script>alert('x')</script>")
    fill(browser, "problem", "Too many emergency admissions from care homes.")
    fill(browser, "what_changed", "Weekly ward rounds by a named GP.")
    fill(browser, "results", "Emergency admissions fell; see the chart below.")
    fill(browser, "cost", "£1.2m over two years.")
    fill(browser, "contacts", "care.homes@example.nhs.uk")
    Select(browser.find_element(By.ID, "vanguard")).select_by_value("1")
    tick(browser, "categories", "care-homes")
    tick(browser, "care_models", "ehch")
    tick(browser, "metrics", "emergency_admissions")
    Select(browser.find_element(By.ID, "status")).select_by_value("published")
    click_button(browser, "Save")
    wait_for_heading(browser, title)
    post_url = browser.current_url
    text = see(browser, "The evidence, live")
    assert "Emergency admissions per 1,000 population (generated)" in text
    assert "<script>alert('x')</script>" in text  # shown as text, never run
    assert browser.find_elements(By.CSS_SELECTOR, "#evidence svg.vg-spc"), "the live SPC chart is on the case study"
    screenshot(browser, "case-study")

    # The site lead announces an open day; it goes into the calendar feed.
    browser.get(base_url + "/learning/events/new")
    Select(browser.find_element(By.ID, "kind")).select_by_value("open_day")
    fill(browser, "title", f"Care homes open day {word}")
    fill(browser, "description", "See the ward rounds; meet the team.")
    start = datetime.datetime.now() + datetime.timedelta(days=30)
    fill(browser, "starts_at", start.strftime("%Y-%m-%d 10:00"))
    fill(browser, "ends_at", start.strftime("%Y-%m-%d 15:30"))
    fill(browser, "place", "Arrowe Park Hospital, Wirral")
    fill(browser, "capacity", "1")
    Select(browser.find_element(By.ID, "vanguard")).select_by_value("1")
    click_button(browser, "Save event")
    wait_for_heading(browser, f"Care homes open day {word}")
    event_url = browser.current_url

    # The member comments: a first comment is held, and only they (and moderators) see it.
    sign_in(browser, base_url, MEMBER)
    browser.get(post_url)
    fill(browser, "body", f"How did you fund the GP time? {word}")
    click_button(browser, "Post comment")
    see(browser, "Held for review")
    # ...and takes the open day's only place.
    browser.get(event_url)
    click_button(browser, "Take a place")
    see(browser, "You have a place at")
    assert "0 of 1 left" in see(browser, "Places")
    browser.get(post_url)
    number = browser.find_element(By.CSS_SELECTOR, ".vg-comment--held").get_attribute("id").removeprefix("comment-")
    assert f"How did you fund the GP time? {word}" not in get(urllib.parse.urlparse(post_url).path).body

    # The programme team approves it from the queue; everyone now sees it, numbered and signed.
    sign_in_as_programme_team(browser, base_url)
    browser.get(base_url + "/learning/moderation")
    see(browser, f"How did you fund the GP time? {word}")
    click_button(browser, f"Approve #{number}")
    see(browser, f"Comment #{number} is now shown.")
    public = get(urllib.parse.urlparse(post_url).path).body
    assert f"How did you fund the GP time? {word}" in public and f"#{number}" in public and "Alex Applicant" in public

    # The digest goes to the outbox with the case study and a one-click unsubscribe link.
    click_button(browser, "Send every digest now")
    see(browser, "Digests written to the outbox:")
    browser.get(base_url + "/admin/outbox")
    outbox = see(browser, f"To {MEMBER}")
    assert "Vanguard weekly digest" in outbox and f"Case study: {title}" in outbox and "/learning/unsubscribe/" in outbox
    screenshot(browser, "digest-in-outbox")

    # Search finds the post, in the page and the API, on whichever database this server runs.
    browser.get(base_url + "/search?q=" + urllib.parse.quote(f"wirral care home {word}"))
    results = see(browser, title)
    assert results.startswith("Search")
    assert browser.find_elements(By.XPATH, f"//ol[contains(@class,'vg-search-results')]//mark")
    found = get("/api/v1/search?q=" + word).json()
    assert [result["title"] for result in found["results"]] == [title]
