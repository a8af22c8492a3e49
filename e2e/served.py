"""Starting, stopping and killing `vanguard` processes of a test's own, on databases of its own,
for the tests that need more than the one server scripts/test.sh runs (several servers, kill -9,
schemathesis, which writes)."""
import glob
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

BINARY = os.environ.get("VANGUARD_BINARY")
PASSWORD = "an end to end passphrase for served tests"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(database_url, *arguments, stdin=None, extra_env=None):
    """Runs one `vanguard` command to its end; returns its standard output, raising with its error output if it failed."""
    env = dict(os.environ, DATABASE_URL=database_url, BCRYPT_COST="10", **(extra_env or {}))
    done = subprocess.run([BINARY, *arguments], input=stdin, capture_output=True, text=True, env=env)
    assert done.returncode == 0, f"vanguard {' '.join(arguments)} failed ({done.returncode}): {done.stderr[-2000:]}"
    return done.stdout


def programme_token(database_url, email="served-admin@example.nhs.uk"):
    """A programme-team account and a programme token for it."""
    cli(database_url, "users", "create", "--email", email, "--role", "programme_team", "--name", "Served Admin", "--password-stdin",
        stdin=PASSWORD + "\n")
    return cli(database_url, "tokens", "create", "--email", email, "--programme").strip().splitlines()[-1]


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


class Server:
    """One `vanguard serve` (or any other long-running command) with its log in a file."""

    def __init__(self, database_url, log_path, arguments=("serve",), extra_env=None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database_url = database_url
        self.log_path = log_path
        self.arguments = arguments
        self.extra_env = extra_env or {}
        self.process = None

    def start(self, wait=True):
        env = dict(os.environ, DATABASE_URL=self.database_url, PORT=str(self.port), LOG_FORMAT="json", **self.extra_env)
        self.log = open(self.log_path, "a")
        self.process = subprocess.Popen([BINARY, *self.arguments], stdout=self.log, stderr=subprocess.STDOUT, env=env)
        if wait:
            self.wait_until_healthy()
        return self

    def wait_until_healthy(self, attempts=300):
        for _ in range(attempts):
            assert self.process.poll() is None, f"the server stopped: {self.tail()}"
            if status_of(self.url + "/healthz") == 200:
                return
            time.sleep(0.1)
        raise AssertionError(f"the server did not become healthy: {self.tail()}")

    def kill(self, how=signal.SIGKILL):
        if self.process and self.process.poll() is None:
            self.process.send_signal(how)
            self.process.wait()
        self.log.close()

    def tail(self, characters=3000):
        with open(self.log_path) as f:
            return f.read()[-characters:]

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.kill(signal.SIGTERM)


def sql(database_url, statement):
    """Rows of one SQL statement, each a tuple of strings: the tests read the database as an operator would."""
    if database_url.startswith("sqlite:"):
        import sqlite3
        with sqlite3.connect(database_url[len("sqlite:"):]) as connection:
            return [tuple("" if v is None else str(v) for v in row) for row in connection.execute(statement)]
    psql = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))[-1]
    done = subprocess.run([psql, database_url, "-At", "-F", "\t", "-c", statement], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return [tuple(line.split("\t")) for line in done.stdout.splitlines()]


def copy_of(database_url, folder, name):
    """A database of the test's own with what `database_url` holds, made with `vanguard backup` and
    `vanguard restore` (on PostgreSQL, a new database beside the original)."""
    dump = folder / f"{name}.backup"
    cli(database_url, "backup", str(dump))
    if database_url.startswith("sqlite:"):
        return f"sqlite:{dump}"
    sql(database_url, f"DROP DATABASE IF EXISTS {name}")
    sql(database_url, f"CREATE DATABASE {name}")
    copy = database_url.rsplit("/", 1)[0] + "/" + name
    cli(copy, "restore", str(dump))
    return copy


class Browser:
    """A person with a cookie jar; `forwarded_for` is the address the balancer hears them from."""

    def __init__(self, forwarded_for=None):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}

    def open(self, url, fields=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        with self.opener.open(urllib.request.Request(url, data=data, headers=self.headers)) as response:
            return response.read().decode("utf-8")

    def post_form(self, page_url, fields):
        page = self.open(page_url)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        return self.open(page_url, dict(fields, csrf_token=token))


def sign_up(url, address, forwarded_for=None, name="A Person"):
    """Signs a new person up through the form, as a browser would; returns the answer page.
    `forwarded_for` is the address a trusted balancer would report, so that each test's sign-ups count apart."""
    return Browser(forwarded_for).post_form(url + "/account/sign-up",
                                            {"display_name": name, "email": address, "password": "an end to end passphrase"})
