"""Every Atom feed validates against RFC 4287's RELAX NG grammar (Appendix B), the pages a feed
belongs to announce it so feed readers find it, and the events calendar parses as RFC 5545."""
import datetime
import http.cookiejar
import os
import pathlib
import re
import urllib.parse
import urllib.request
import uuid

import icalendar
import pytest
import rnc2rng
from lxml import etree

SCHEMA = pathlib.Path(__file__).parent / "schemas" / "atom.rnc"
FEEDS = [
    "/learning/feed.atom",
    "/learning/categories/care-homes/feed.atom",
    "/learning/categories/primary-and-community-care/feed.atom",
    "/learning/categories/acute/feed.atom",
    "/learning/care-models/ehch/feed.atom",
    "/vanguards/1/posts.atom",
]


@pytest.fixture(scope="module")
def published(base_url):
    """Wirral's site lead publishes a case study and announces an open day over plain HTTP, so the
    feeds and the calendar have entries whichever tests ran before."""
    password = os.environ.get("VANGUARD_ADMIN_PASSWORD")
    if not password:
        pytest.skip("the test script creates the accounts")
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def post(path, fields):
        page = opener.open(base_url + path if path.startswith("/account") else base_url + "/learning").read().decode("utf-8")
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page) or re.search(r'value="([^"]+)"[^>]*name="csrf_token"', page)
        data = urllib.parse.urlencode(list(fields) + [("csrf_token", token.group(1))]).encode("utf-8")
        with opener.open(urllib.request.Request(base_url + path, data=data, method="POST")) as response:
            return response.geturl(), response.read().decode("utf-8")

    post("/account/sign-in", [("email", "e2e-sitelead@example.nhs.uk"), ("password", password)])
    word = "feed" + uuid.uuid4().hex[:8]
    title = f"Care home ward rounds {word}"
    url, _ = post("/learning/posts/new", [
        ("kind", "case_study"), ("title", title), ("summary", "Fewer admissions & <b>more</b> care at home."), ("body", "Intro <script>x()</script>"),
        ("problem", "Admissions."), ("what_changed", "Ward rounds."), ("results", "Fewer."), ("cost", "£1m."), ("contacts", "a@b.nhs.uk"),
        ("vanguard", "1"), ("innovation", ""), ("work_streams", "Workforce"), ("status", "published"), ("publish_at", ""),
        ("categories[]", "care-homes"), ("care_models[]", "ehch"), ("metrics[]", "emergency_admissions"),
    ])
    assert "/learning/posts/" in url, url
    start = datetime.datetime.now() + datetime.timedelta(days=40)
    url, _ = post("/learning/events/new", [
        ("kind", "webinar"), ("title", f"Ward rounds, explained; {word}"), ("description", "Online, with questions."),
        ("starts_at", start.strftime("%Y-%m-%d 12:00")), ("ends_at", start.strftime("%Y-%m-%d 13:00")), ("place", ""),
        ("link", "https://meet.example.nhs.uk/ward-rounds"), ("capacity", "100"), ("vanguard", "1"),
    ])
    assert "/learning/events/" in url, url
    return word


@pytest.fixture(scope="module")
def atom_schema():
    # rnc2rng declares the empty namespace with a prefix, which libxml2 refuses; the grammar names it as ns="" anyway.
    grammar = rnc2rng.dumps(rnc2rng.loads(SCHEMA.read_text())).replace('xmlns:local=""', "")
    return etree.RelaxNG(etree.fromstring(grammar.encode("utf-8")))


def test_the_schema_refuses_a_feed_without_updated(atom_schema):
    feed = b'<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>t</title><author><name>a</name></author></feed>'
    assert not atom_schema.validate(etree.fromstring(feed))


@pytest.mark.parametrize("path", FEEDS)
def test_feeds_validate(get, atom_schema, published, path):
    response = get(path)
    assert response.status == 200
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    document = etree.fromstring(response.body.encode("utf-8"))
    assert atom_schema.validate(document), str(atom_schema.error_log)
    atom = "{http://www.w3.org/2005/Atom}"
    ids = [entry.findtext(atom + "id") for entry in document.iter(atom + "entry")]
    assert len(ids) == len(set(ids)), "entry ids are unique"
    assert all(id.startswith("urn:uuid:") for id in ids)
    self_link = document.find(atom + "link[@rel='self']")
    assert self_link is not None and self_link.get("href").endswith(path)


@pytest.mark.parametrize("path", ["/learning/feed.atom", "/learning/categories/primary-and-community-care/feed.atom", "/vanguards/1/posts.atom"])
def test_feeds_carry_the_published_case_study(get, published, path):
    body = get(path).body
    assert f"<title>Care home ward rounds {published}</title>" in body
    assert "<summary>Fewer admissions &amp; &lt;b&gt;more&lt;/b&gt; care at home.</summary>" in body
    assert "<script" not in body and "&amp;lt;script" in body  # the script is text inside the escaped HTML


@pytest.mark.parametrize("page, feed", [
    ("/", "/learning/feed.atom"),
    ("/learning", "/learning/feed.atom"),
    ("/learning/categories/care-homes", "/learning/categories/care-homes/feed.atom"),
    ("/learning/care-models/ehch", "/learning/care-models/ehch/feed.atom"),
    ("/vanguards/1", "/vanguards/1/posts.atom"),
])
def test_pages_announce_their_feeds(get, page, feed):
    body = get(page).body
    assert re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="' + re.escape(feed) + '"', body)


def test_the_events_calendar_is_rfc_5545(get, published):
    response = get("/learning/events.ics")
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.body
    lines = raw.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "" and lines[-2] == "END:VCALENDAR"
    assert all(len(line.encode("utf-8")) <= 75 for line in lines), "lines fold at 75 octets"
    assert "\n" not in raw.replace("\r\n", ""), "every line ends CRLF"
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    titles = [str(event["SUMMARY"]) for event in events]
    assert f"Webinar: Ward rounds, explained; {published}" in titles, titles
    webinar = next(event for event in events if str(event["SUMMARY"]).endswith(published))
    assert str(webinar["LOCATION"]) == "https://meet.example.nhs.uk/ward-rounds"
    for event in events:
        assert event["DTEND"].dt > event["DTSTART"].dt
        assert str(event["UID"]).endswith("@vanguard")
