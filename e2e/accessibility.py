"""axe (axe-selenium-python, which bundles axe-core) on every page the browser tests reach: a
violation fails the test that reached the page, naming the page and the rule."""
from urllib.parse import urlsplit

from axe_selenium_python import Axe


class AuditedBrowser:
    """The WebDriver, auditing each page state it arrives at once (by address, title and heading)."""

    def __init__(self, driver):
        self._driver = driver
        self._seen = set()
        self.pages_audited = 0

    def __getattr__(self, name):
        return getattr(self._driver, name)

    def get(self, url):
        self._driver.get(url)
        self.audit()

    def audit(self):
        driver = self._driver
        heading = driver.execute_script("var h = document.querySelector('h1'); return h ? h.textContent : ''")
        address = urlsplit(driver.current_url)
        key = (address.path, address.query, driver.title, heading)
        if key in self._seen:
            return
        self._seen.add(key)
        axe = Axe(driver)
        axe.inject()
        violations = axe.run()["violations"]
        self.pages_audited += 1
        assert violations == [], f"{address.path}?{address.query}: " + axe.report(violations)


def audit(browser):
    """Audits the page a wait has just arrived at, when the browser is an audited one."""
    if isinstance(browser, AuditedBrowser):
        browser.audit()
