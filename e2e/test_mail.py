"""Sign-up by e-mail end to end: the confirmation leaves through the outbox over real SMTP."""
import http.cookiejar
import json
import os
import re
import time
import urllib.parse
import urllib.request

import pytest

SINK = os.environ.get("VANGUARD_SMTP_SINK")


def messages_to(address, attempts=150):
    """The messages the sink has received for `address`, waiting (bounded by attempts) for the first."""
    for _ in range(attempts):
        if os.path.exists(SINK):
            with open(SINK, encoding="utf-8") as sink:
                found = [m for m in map(json.loads, sink) if address in m["to"]]
            if found:
                return found
        time.sleep(0.2)
    return []


@pytest.mark.skipif(not SINK, reason="the test script runs an SMTP sink and points the server at it")
def test_sign_up_confirmation_is_sent_over_smtp(base_url):
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = browser.open(base_url + "/account/sign-up").read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    address = f"e2e-{int(time.time() * 1000)}@example.nhs.uk"
    body = urllib.parse.urlencode({
        "csrf_token": token, "display_name": "E2E Person", "email": address, "password": "an end to end passphrase",
    }).encode()
    answer = browser.open(base_url + "/account/sign-up", data=body).read().decode()
    assert "Check your e-mail" in answer

    received = messages_to(address)
    assert len(received) == 1
    message = received[0]["data"]
    assert "Subject: Confirm your e-mail address for Vanguard" in message
    assert received[0]["from"] == "vanguard@test.nhs.uk"
    link = re.search(r"https?://\S+/account/confirm\?token=\S+", message).group(0)
    path = urllib.parse.urlsplit(link)
    confirmed = browser.open(base_url + path.path + "?" + path.query).read().decode()
    assert "Your e-mail address is confirmed" in confirmed
