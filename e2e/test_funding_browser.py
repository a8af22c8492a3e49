"""A real browser runs a funding round: Wirral's plan, with its six partners from the registry as
its signers, is drafted, signed by two (not eligible), edited (signatures cleared), signed by all
six (eligible), allocated in two
tranches; the generated data meets one tranche's condition, which is released, and not the
other's, which is held."""
import datetime
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from browsing import TRANSIENT, click_button, fill, screenshot, see, sign_in, sign_in_as_programme_team, wait_for, wait_for_heading

SITE_LEAD = "e2e-sitelead@example.nhs.uk"
SIGNATORIES = [
    ("e2e-signatory-1@example.nhs.uk", "Wirral University Hospital NHS FT"),
    ("e2e-signatory-2@example.nhs.uk", "NHS Wirral CCG"),
    ("e2e-signatory-3@example.nhs.uk", "Wirral MBC"),
    ("e2e-signatory-4@example.nhs.uk", "Cheshire and Wirral Partnership NHS FT"),
    ("e2e-signatory-5@example.nhs.uk", "Wirral Community NHS Trust"),
    ("e2e-signatory-6@example.nhs.uk", "Wirral GPs"),
]


def signature_of(browser, organisation):
    return browser.find_element(By.XPATH, f"//table[contains(@class,'vg-signoff')]//tr[td[1][normalize-space()='{organisation}']]/td[2]").text


def sign(browser, base_url, plan_url, email, organisation, version):
    sign_in(browser, base_url, email)
    browser.get(plan_url)
    click_button(browser, f"Sign version {version} for {organisation}")
    # Wait for this organisation's own row, so the next sign-in cannot cut the post short.
    WebDriverWait(browser, 30, ignored_exceptions=TRANSIENT).until(
        lambda driver: signature_of(driver, organisation).startswith("Signed by"))


def test_a_round_runs_from_plan_to_a_released_and_a_held_tranche(browser, base_url):
    name = f"Transformation funding {uuid.uuid4().hex[:6]}"
    today = datetime.date.today()

    # The programme team opens the round.
    sign_in_as_programme_team(browser, base_url)
    browser.get(base_url + "/funding/new")
    fill(browser, "name", name)
    fill(browser, "pot", "10,000,000")
    fill(browser, "opens_on", (today - datetime.timedelta(days=1)).isoformat())
    fill(browser, "closes_on", (today + datetime.timedelta(days=60)).isoformat())
    fill(browser, "transformation_percent", "60")
    fill(browser, "conditions", "Later tranches depend on emergency admissions against the rest of England.")
    click_button(browser, "Open the round")
    wait_for_heading(browser, name)
    round_url = browser.current_url

    # Wirral's site lead starts the vanguard's plan: its signers are the registry's six partners,
    # and leaving some out is refused, naming them.
    sign_in(browser, base_url, SITE_LEAD)
    browser.get(round_url)
    Select(browser.find_element(By.ID, "vanguard")).select_by_value("1")
    click_button(browser, "Start the plan")
    wait_for(browser, By.ID, "objectives")
    plan_url = browser.current_url
    fill(browser, "title", "Wirral integrated care plan")
    fill(browser, "objectives", "Fewer emergency admissions through integrated primary and acute care.")
    fill(browser, "commitments", "emergency_admissions | -3")
    fill(browser, "years", "2017 | 1,000,000 | 2,000,000")
    listed = browser.find_element(By.ID, "partners").get_attribute("value").splitlines()
    assert sorted(listed) == sorted(organisation for _, organisation in SIGNATORIES)
    fill(browser, "partners", "\n".join(organisation for _, organisation in SIGNATORIES[:3]))
    click_button(browser, "Save as a new version")
    see(browser, "Cheshire and Wirral Partnership NHS FT, Wirral Community NHS Trust, Wirral GPs are partners of this vanguard in the registry")
    fill(browser, "partners", "\n".join(organisation for _, organisation in SIGNATORIES))
    click_button(browser, "Save as a new version")
    see(browser, "Version 2.")
    screenshot(browser, "plan-drafted")

    # Two of the six partners sign: not eligible.
    for email, organisation in SIGNATORIES[:2]:
        sign(browser, base_url, plan_url, email, organisation, 2)
    see(browser, "Not eligible until every partner signs this version")
    assert [signature_of(browser, organisation).startswith("Signed by") for _, organisation in SIGNATORIES] == [True, True, False, False, False, False]

    # The lead edits it: every signature is cleared, and the signatories see what changed.
    sign_in(browser, base_url, SITE_LEAD)
    browser.get(plan_url)
    fill(browser, "objectives", "Fewer emergency admissions and shorter stays through integrated care.")
    click_button(browser, "Save as a new version")
    text = see(browser, "Version 3.")
    assert "changed objectives since version 2" in text
    assert "Signed by" not in browser.find_element(By.CSS_SELECTOR, "table.vg-signoff").text

    # All six sign version 3: eligible.
    for email, organisation in SIGNATORIES:
        sign(browser, base_url, plan_url, email, organisation, 3)
    see(browser, "Eligible: every partner has signed")
    screenshot(browser, "plan-signed")

    # The programme team allocates two tranches with conditions composed on the page. The
    # generated data gives Wirral (PACS) about 4% fewer emergency admissions than the rest of
    # England's trend: a 1-point margin is met, a 50-point margin is not.
    sign_in_as_programme_team(browser, base_url)
    browser.get(plan_url)
    for row, (quarter, points) in enumerate([("2017/18 Q1", "1"), ("2017/18 Q2", "50")]):
        fill(browser, f"quarter_{row}", quarter)
        fill(browser, f"pounds_{row}", "1,000,000")
        Select(browser.find_element(By.ID, f"condition_{row}")).select_by_value("growth")
        Select(browser.find_element(By.ID, f"metric_{row}")).select_by_value("emergency_admissions")
        fill(browser, f"points_{row}", points)
    click_button(browser, "Allocate")
    see(browser, "2017/18 Q1: £1,000,000 – held")
    def check(quarter):
        card = browser.find_element(By.XPATH, f"//div[contains(@class,'vg-tranche')][.//h3[starts-with(normalize-space(), '{quarter}')]]")
        card.find_element(By.XPATH, ".//button[normalize-space()='Check the condition and release']").click()

    check("2017/18 Q1")
    see(browser, "2017/18 Q1: £1,000,000 – released")
    check("2017/18 Q2")
    # The recorded check (not today's preview) names who checked it.
    text = see(browser, "E2E Admin (Programme team): Not met. Change against 2014/15")
    assert "e2e-admin@example.nhs.uk" not in text  # staff are named by name and role, not address
    assert "2017/18 Q2: £1,000,000 – held" in text
    assert "against the 50 required" in text
    screenshot(browser, "tranches")

    # The round's dashboard shows the money.
    browser.get(round_url)
    figures = browser.find_element(By.CLASS_NAME, "vg-figures").text
    assert "£2,000,000" in figures and "£1,000,000" in figures
