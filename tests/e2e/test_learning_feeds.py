"""Every Atom feed validates against RFC 4287's RELAX NG grammar (Appendix B), the pages a feed
belongs to announce it so feed readers find it, and the events calendar parses as RFC 5545."""
import pathlib
import re

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
def atom_schema():
    # rnc2rng declares the empty namespace with a prefix, which libxml2 refuses; the grammar names it as ns="" anyway.
    grammar = rnc2rng.dumps(rnc2rng.loads(SCHEMA.read_text())).replace('xmlns:local=""', "")
    return etree.RelaxNG(etree.fromstring(grammar.encode("utf-8")))


def test_the_schema_refuses_a_feed_without_updated(atom_schema):
    feed = b'<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>t</title><author><name>a</name></author></feed>'
    assert not atom_schema.validate(etree.fromstring(feed))


@pytest.mark.parametrize("path", FEEDS)
def test_feeds_validate(get, atom_schema, path):
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


def test_the_all_posts_feed_carries_the_published_case_study(get):
    # The browser test (which pytest runs first) published one into care homes, from vanguard 1.
    body = get("/learning/feed.atom").body
    assert body.count("<entry>") >= 1
    assert re.search(r"<title>Care home ward rounds in Wirral frailty[0-9a-f]{8}</title>", body)
    assert "&lt;script&gt;" in body or "<script" not in body


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


def test_the_events_calendar_is_rfc_5545(get):
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
    # The browser test (run first) announced an open day with one place.
    titles = [str(event["SUMMARY"]) for event in events]
    assert any(re.fullmatch(r"Open day: Care homes open day frailty[0-9a-f]{8}", title) for title in titles), titles
    for event in events:
        assert event["DTEND"].dt > event["DTSTART"].dt
        assert str(event["UID"]).endswith("@vanguard")
