"""Three `vanguard serve` processes on one PostgreSQL behind nginx (round-robin), beside the
server scripts/test.sh already runs: one signs a person in and the others know them; returns sent
through the balancer show on every server; each message reaches the SMTP sink once and each refit
runs once, though four workers watch the queue."""
import json
import os
import subprocess
import time
import urllib.error
import urllib.request

import pytest

import served

DATABASE = os.environ.get("VANGUARD_DATABASE_URL", "")
SINK = os.environ.get("VANGUARD_SMTP_SINK")
SMTP_PORT = os.environ.get("VANGUARD_SMTP_PORT")
NGINX = "/usr/sbin/nginx"

pytestmark = pytest.mark.skipif(
    not (served.BINARY and DATABASE.startswith("postgres") and SINK and SMTP_PORT and os.environ.get("VANGUARD_SERVER_LOG")),
    reason="several servers share one database only on PostgreSQL, as scripts/test.sh runs it")

NGINX_CONF = """
user root;
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log;
events {{ worker_connections 256; }}
http {{
    log_format upstream '$request_method $uri $status $upstream_addr';
    access_log {dir}/nginx-access.log upstream;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    client_max_body_size 50m;
    upstream vanguard {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://vanguard;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
}}
"""


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    assert os.path.exists(NGINX), "nginx is missing: scripts/install-test-deps.sh installs it"
    folder = tmp_path_factory.mktemp("cluster")
    settings = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": SMTP_PORT, "MAIL_FROM": "vanguard@test.nhs.uk",
                "TRUSTED_PROXIES": "127.0.0.1", "BCRYPT_COST": "10"}
    servers = [served.Server(DATABASE, folder / f"serve-{n}.log", extra_env=settings).start() for n in range(3)]
    port = served.free_port()
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF.format(dir=folder, port=port, servers="\n".join(f"        server 127.0.0.1:{s.port};" for s in servers)))
    balancer = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(folder)], stderr=subprocess.STDOUT, stdout=open(folder / "nginx.out", "w"))
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        if served.status_of(url + "/healthz") == 200:
            break
        time.sleep(0.1)
    yield {"url": url, "servers": servers, "folder": folder}
    balancer.terminate()
    balancer.wait()
    for server in servers:
        server.kill()


def sent_to(address):
    with open(SINK) as sink:
        return [m for m in map(json.loads, sink) if address in m["to"]]


def jobs(state=None):
    arguments = ["jobs", "list"] + (["--state", state] if state else [])
    return [line.split("\t") for line in served.cli(DATABASE, *arguments).splitlines() if line.count("\t") >= 6]


def test_a_person_signed_in_through_one_server_is_signed_in_on_every_server(cluster):
    person = served.Browser()
    answer = person.post_form(cluster["url"] + "/account/sign-in",
                              {"email": os.environ["VANGUARD_ADMIN_EMAIL"], "password": os.environ["VANGUARD_ADMIN_PASSWORD"]})
    assert "Sign out" in answer
    for server in cluster["servers"]:
        assert "E2E Admin" in person.open(server.url + "/account")
    # Through the balancer, every request of a run of six is answered, by each server in turn.
    for _ in range(6):
        assert "E2E Admin" in person.open(cluster["url"] + "/account")
    served_by = {line.split()[-1] for line in (cluster["folder"] / "nginx-access.log").read_text().splitlines() if " /account " in line}
    assert served_by == {f"127.0.0.1:{s.port}" for s in cluster["servers"]}


def one_area_vanguards(url):
    """Vanguards of one area with a chart: each with its area, metric and first month."""
    for number in range(1, 51):
        with urllib.request.urlopen(f"{url}/api/v1/vanguards/{number}") as response:
            areas = json.load(response)["areas"]
        with urllib.request.urlopen(f"{url}/api/v1/vanguards/{number}/evaluations") as response:
            charts = json.load(response)
        if len(areas) == 1 and charts and charts[0]["points"]:
            yield number, areas[0]["code"], charts[0]["metric_code"], charts[0]["points"][0]


def submit_as_site_lead(url):
    """Returns sent by a site lead for their own area, through the balancer. Some areas are sent by a
    more local vanguard or the programme team (and the selection tests add one for part of Wirral),
    so the first vanguard whose lead may send for its area is used."""
    for number, area, metric, point in one_area_vanguards(url):
        lead = f"several-lead-{number}-{int(time.time())}@example.nhs.uk"
        served.cli(DATABASE, "users", "create", "--email", lead, "--role", "site_lead", "--name", "Several Lead",
                   "--vanguard", str(number), "--password-stdin", stdin=served.PASSWORD + "\n")
        token = served.cli(DATABASE, "tokens", "create", "--email", lead, "--vanguard", str(number)).strip().splitlines()[-1]
        numerator = int(point["numerator"]) + 1 + int(time.time()) % 97
        csv = f"area_code,metric_code,period,numerator,denominator\n{area},{metric},{point['period']},{numerator},{int(point['denominator'])}\n"
        request = urllib.request.Request(url + "/api/v1/returns", data=csv.encode(), method="POST",
                                         headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"})
        try:
            with urllib.request.urlopen(request) as response:
                assert response.status == 201
                return number, metric, point["period"], numerator
        except urllib.error.HTTPError as error:
            body = error.read().decode()
            assert error.code == 400 and "is not an area you may submit for" in body, body[:1000]
    raise AssertionError("no site lead may send returns for their vanguard's only area")


def test_returns_sent_through_the_balancer_show_on_every_server_and_their_refit_runs_once(cluster):
    number, metric, period, numerator = submit_as_site_lead(cluster["url"])
    for server in cluster["servers"]:
        with urllib.request.urlopen(f"{server.url}/api/v1/vanguards/{number}/evaluations") as response:
            chart = next(e for e in json.load(response) if e["metric_code"] == metric)
        assert next(p for p in chart["points"] if p["period"] == period)["numerator"] == numerator
    # The refit it queued is done once, by one of the four workers, at the first try.
    for _ in range(600):
        waiting = [j for j in jobs() if j[1] == "refit_impact" and j[3] in ("pending", "running")]
        if not waiting:
            break
        time.sleep(0.5)
    assert not waiting, waiting
    newest = next(j for j in jobs() if j[1] == "refit_impact" and j[2] == metric)
    assert newest[3] == "done" and newest[4] == "tries 1", newest
    logs = [s.log_path for s in cluster["servers"]] + [os.environ["VANGUARD_SERVER_LOG"]]
    done = [line for log in logs for line in open(log) if '"job done"' in line and newest[0].lower() in line.lower()]
    assert len(done) == 1, done


def test_each_message_reaches_the_sink_exactly_once(cluster):
    addresses = [f"several-{int(time.time() * 1000)}-{n}@example.nhs.uk" for n in range(6)]
    for n, address in enumerate(addresses):
        # Six people, six addresses as the balancer hears them: the sign-up limit is per person.
        person = served.Browser(forwarded_for=f"198.51.100.{n + 1}")
        answer = person.post_form(cluster["url"] + "/account/sign-up",
                                  {"display_name": f"Person {n}", "email": address, "password": "an end to end passphrase"})
        assert "Check your e-mail" in answer
    for _ in range(300):
        if all(sent_to(a) for a in addresses) and not [j for j in jobs() if j[1] == "deliver_outbox" and j[3] in ("pending", "running")]:
            break
        time.sleep(0.2)
    # A few more rounds of every worker (one each two seconds), in which nothing may be sent again.
    time.sleep(6)
    assert [len(sent_to(a)) for a in addresses] == [1] * 6
