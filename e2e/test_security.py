"""The security review's attacks against the real executable: none stops the server or makes it work for nothing."""
import socket
import urllib.parse

from conftest import BASE_URL, fetch


def address():
    parsed = urllib.parse.urlparse(BASE_URL)
    return parsed.hostname, parsed.port


def test_a_huge_page_number_is_refused_and_the_server_stays_up():
    for path in ("/api/v1/vanguards", "/api/v1/areas", "/api/v1/organisations", "/organisations"):
        refused = fetch(path + "?page=9223372036854775807&per=100")
        assert refused.status == 400, path
        assert "page must be a whole number from 1 to 100000" in refused.body
    # The process that would once have exited is still serving.
    assert fetch("/healthz").json()["status"] == "ok"


def first_part_only(path, content_type, length):
    """Sends the headers of a POST declaring `length` bytes and its first 64 KB, no more, and returns
    what the server answers. (The HTTP layer waits for a first piece of body before it routes.) A
    server that read the whole body before answering would wait for the rest, and the socket would
    time out."""
    host, port = address()
    with socket.create_connection((host, port), timeout=20) as connection:
        connection.sendall((
            f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {length}\r\nConnection: close\r\n\r\n"
        ).encode("ascii") + b"a" * 65536)
        return connection.recv(4096).decode("latin-1")


def test_an_anonymous_upload_is_turned_away_before_its_body_is_sent():
    answer = first_part_only("/returns/upload", "text/csv", 52428800)
    status_line = answer.split("\r\n", 1)[0]
    assert status_line.split(" ")[1] == "303", status_line
    assert "/account/sign-in" in answer


def test_a_declared_body_over_the_routes_limit_is_refused_at_once():
    answer = first_part_only("/api/v1/spc", "application/json", 900000000)
    assert answer.split("\r\n", 1)[0].split(" ")[1] == "413", answer[:200]
    assert fetch("/healthz").json()["status"] == "ok"
