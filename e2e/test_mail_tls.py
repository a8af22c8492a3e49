"""Mail through a relay that wants STARTTLS and a login, as real relays do: the sink speaks TLS with
a certificate made here for `localhost`, and takes mail only after AUTH PLAIN. `vanguard outbox
send` delivers over TLS with the login when it trusts that certificate, and sends nothing (the
password included) to a relay whose certificate it cannot trust."""
import json
import os
import subprocess
import sys
import time

import pytest

import served

DATABASE = os.environ.get("VANGUARD_DATABASE_URL", "")
SINK = os.path.join(os.path.dirname(__file__), "smtp_sink.py")

pytestmark = [
    pytest.mark.skipif(not (served.BINARY and DATABASE), reason="VANGUARD_BINARY and VANGUARD_DATABASE_URL not set"),
    pytest.mark.skipif(DATABASE.startswith("postgres"), reason="mail does not depend on the engine; run once, on SQLite"),
]


def test_outbox_is_sent_over_starttls_with_a_login_and_never_to_an_untrusted_relay(tmp_path):
    certificate, key = tmp_path / "relay.pem", tmp_path / "relay.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(certificate)],
                   check=True, capture_output=True)
    port, received = served.free_port(), tmp_path / "received.jsonl"
    sink = subprocess.Popen([sys.executable, SINK, str(port), str(received), "--tls", str(certificate), str(key),
                             "--login", "relay-user:relay secret"])
    try:
        database = served.copy_of(DATABASE, tmp_path, "mail_tls")
        address = f"tls-{int(time.time() * 1000)}@example.nhs.uk"
        # A server with no relay: the confirmation waits in the outbox.
        with served.Server(database, tmp_path / "serve.log", extra_env={"TRUSTED_PROXIES": "127.0.0.1"}) as server:
            assert "Check your e-mail" in served.sign_up(server.url, address, forwarded_for="192.0.2.77")
        relay = {"SMTP_HOST": "localhost", "SMTP_PORT": str(port), "SMTP_USERNAME": "relay-user", "SMTP_PASSWORD": "relay secret",
                 "MAIL_FROM": "vanguard@test.nhs.uk"}

        # The system's authorities do not know the relay's certificate: nothing is sent, and the reason is kept.
        refused = served.cli(database, "outbox", "send", extra_env=relay)
        assert "Sent 0, failed 1." in refused
        assert not received.exists()
        (error,) = served.sql(database, f"SELECT last_error FROM outbox WHERE recipient = '{address}' AND sent_at IS NULL")[0:1]
        assert "certificate" in error[0].lower() or "handshake" in error[0].lower(), error

        # Trusting it: STARTTLS, then the login, then the message.
        sent = served.cli(database, "outbox", "send", extra_env=dict(relay, SMTP_CA_FILE=str(certificate)))
        assert "Sent 1, failed 0." in sent
        (message,) = [json.loads(line) for line in received.read_text().splitlines()]
        assert message["to"] == [address] and message["tls"] is True and message["user"] == "relay-user"
        assert "Subject: Confirm your e-mail address for Vanguard" in message["data"]
    finally:
        sink.terminate()
        sink.wait()
