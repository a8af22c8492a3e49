"""The OpenAPI document is valid, and the API's real responses match what it promises."""
import json
import re
import urllib.error
import urllib.request

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec


@pytest.fixture(scope="module")
def spec(get):
    response = get("/api/v1/openapi.json")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("application/json")
    return response.json()


def test_document_is_valid_openapi_3_1(spec):
    validate_spec(spec)  # raises with the reason when invalid
    assert spec["openapi"] == "3.1.0"


def template_for(spec, path):
    """The documented path template that matches a concrete path."""
    bare = path.split("?")[0]
    for template in spec["paths"]:
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, bare):
            return template
    raise AssertionError(f"{bare} is not described by the OpenAPI document")


def response_schema(spec, template, status):
    response = spec["paths"][template]["get"]["responses"][str(status)]
    if "$ref" in response:
        response = spec["components"]["responses"][response["$ref"].split("/")[-1]]
    schema = dict(response["content"]["application/json"]["schema"])
    schema["components"] = spec["components"]
    return schema


def check(spec, get, path, status):
    response = get(path)
    assert response.status == status, f"{path}: {response.status} {response.body[:200]}"
    schema = response_schema(spec, template_for(spec, path), status)
    errors = sorted(Draft202012Validator(schema).iter_errors(response.json()), key=str)
    assert not errors, f"{path}: {errors[0].message} at {list(errors[0].absolute_path)}"
    return response.json()


LISTS = [
    "/api/v1/vanguards",
    "/api/v1/vanguards?per=100",
    "/api/v1/vanguards?care_model=mcp&wave=1",
    "/api/v1/vanguards?region=E40000010&q=salford",
    "/api/v1/areas?per=100",
    "/api/v1/areas?per=100&page=2",
    "/api/v1/areas?covered=false",
    "/api/v1/areas?icb=E54000057&care_model=pacs",
    "/api/v1/organisations?per=100",
    "/api/v1/organisations?sector=commissioner",
]


@pytest.mark.parametrize("path", ["/api/v1/metrics", "/api/v1/metrics/emergency_admissions", "/api/v1/vanguards/1/rebases",
                                  "/api/v1/impact", "/api/v1/impact/waves", "/api/v1/vanguards/1/impact/emergency_admissions"])
def test_the_framework_and_rebase_points_match_their_schemas(spec, get, path):
    body = check(spec, get, path, 200)
    if path == "/api/v1/metrics":
        assert {metric["code"] for metric in body} >= {"emergency_admissions", "ae_four_hour"}
    if path == "/api/v1/impact":
        # Every vanguard is judged on at least one metric of its care model.
        assert len({line["vanguard_number"] for line in body}) == 50
        # Synthetic difference-in-differences is fitted beside the other two wherever they are.
        assert all(line["synthetic_difference_in_differences"] is not None for line in body if line["synthetic"] is not None)
    if path == "/api/v1/impact/waves":
        # Every care model is judged on its metrics by wave; the generated data covers them all.
        assert {line["care_model"] for line in body if line.get("estimate")} == {"pacs", "mcp", "ehch", "uec", "acc"}
    if path.endswith("/impact/emergency_admissions"):
        sdid = body["synthetic_difference_in_differences"]
        post = len([m for m in body["months"] if m >= body["start"]])
        assert len(sdid["conformal_lower"]) == post and len(sdid["conformal_upper"]) == post
        assert body["preferred"]["reason"]


def test_funding_rounds_match_their_schemas(spec, get):
    # The funding browser test (run before this file) opens a round; with none, the list is still checked.
    rounds = check(spec, get, "/api/v1/funding/rounds", 200)
    for round_ in rounds:
        detail = check(spec, get, f"/api/v1/funding/rounds/{round_['id']}", 200)
        assert detail["round"]["id"] == round_["id"]


@pytest.mark.parametrize("path", LISTS)
def test_lists_match_their_schemas(spec, get, path):
    body = check(spec, get, path, 200)
    assert body["metadata"]["total"] >= len(body["items"])


def test_every_vanguard_area_and_organisation_matches_its_schema(spec, get):
    vanguards = check(spec, get, "/api/v1/vanguards?per=100", 200)["items"]
    assert len(vanguards) == 50
    for vanguard in vanguards:
        detail = check(spec, get, vanguard["url"], 200)
        assert detail["number"] == vanguard["number"]
    areas = check(spec, get, "/api/v1/areas?per=100", 200)["items"] + check(spec, get, "/api/v1/areas?per=100&page=2", 200)["items"]
    assert len(areas) == 106
    for area in areas[:20]:
        check(spec, get, f"/api/v1/areas/{area['code']}", 200)
    organisations = check(spec, get, "/api/v1/organisations?per=100", 200)["items"]
    for organisation in organisations[:20]:
        check(spec, get, f"/api/v1/organisations/{organisation['slug']}", 200)


@pytest.mark.parametrize("path,status", [
    ("/api/v1/vanguards?page=-1", 400),
    ("/api/v1/vanguards?per=1000000000", 400),
    ("/api/v1/vanguards?care_model=hospital", 400),
    ("/api/v1/areas?covered=sometimes", 400),
    ("/api/v1/organisations?sector=space", 400),
    ("/api/v1/vanguards/999", 404),
    ("/api/v1/areas/E38999999", 404),
    ("/api/v1/organisations/nobody", 404),
])
def test_errors_match_the_error_schema(spec, get, path, status):
    body = check(spec, get, path, status)
    assert body["error"] is True
    assert body["status"] == status


def test_health(get):
    health = get("/healthz")
    assert health.status == 200
    assert health.json()["status"] == "ok"
    assert health.json()["vanguards"] == 50


def post_json(base_url, path, body):
    request = urllib.request.Request(base_url + path, data=body.encode(), headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_spc_matches_its_schema_and_refuses_bad_input(spec, base_url):
    series = {"values": [5, 6, 5, 7, 6, 5, 9, 12, 13, 14, 15, 16, 17, 6, 5], "improvement_direction": "decrease", "target": 4}
    status, chart = post_json(base_url, "/api/v1/spc", json.dumps(series))
    assert status == 200
    schema = response_schema_for(spec, "/api/v1/spc", "post", 200)
    errors = list(Draft202012Validator(schema).iter_errors(chart))
    assert not errors, errors[0].message
    assert chart["points"]["special_cause_type"][7] == "7 Point Trend (Increasing)"
    assert chart["points"]["special_cause_type"][11] == "Above UCL"
    assert chart["assurance_icon"] == "fail"
    for body, reason in [
        ("not json", "the body is not valid JSON"),
        ('{"values": [1, 2], "improvement_direction": "sideways"}', "improvement_direction must be one of increase, decrease, neutral"),
        ('{"values": []}', "values must hold at least one number"),
        ('{"improvement_direction": "increase"}', "values is required"),
        ('{"values": [1, "two"]}', "values[1] has the wrong type"),
    ]:
        status, error = post_json(base_url, "/api/v1/spc", body)
        assert status == 400
        assert error["reason"].startswith(reason), error["reason"]
        assert not list(Draft202012Validator(response_schema_for(spec, "/api/v1/spc", "post", 400)).iter_errors(error))


def test_attribute_charts_match_their_schema(spec, base_url):
    schema = response_schema_for(spec, "/api/v1/spc", "post", 200)
    request_schema = spec["paths"]["/api/v1/spc"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    resolver_spec = {"components": spec["components"], **request_schema}
    for body in [
        {"chart": "run", "values": [3, 4, 5, 2, None, 6, 7, 1, 2, 3]},
        {"chart": "p", "numerators": [5, 7, 6, 9, 4], "denominators": [50, 60, 55, 70, 45], "multiply": 100},
        {"chart": "up", "numerators": [12, 15, 9, 20, 11, 14], "denominators": [1000.5, 1100, 950, 1200, 1010, 1050], "rebase_points": [3]},
    ]:
        assert not list(Draft202012Validator(resolver_spec).iter_errors(body)), body
        status, chart = post_json(base_url, "/api/v1/spc", json.dumps(body))
        assert status == 200, chart
        errors = list(Draft202012Validator(schema).iter_errors(chart))
        assert not errors, errors[0].message
        assert chart["chart"] == body["chart"]
        assert len(chart["points"]) == len(body.get("values") or body["numerators"])


def response_schema_for(spec, template, method, status):
    response = spec["paths"][template][method]["responses"][str(status)]
    if "$ref" in response:
        response = spec["components"]["responses"][response["$ref"].split("/")[-1]]
    schema = dict(response["content"]["application/json"]["schema"])
    schema["components"] = spec["components"]
    return schema


DETAILS = {
    "/api/v1/calls": lambda item: f"/api/v1/calls/{item['id']}",
    "/api/v1/posts": lambda item: f"/api/v1/posts/{item['slug']}",
    "/api/v1/innovations": lambda item: f"/api/v1/innovations/{item['slug']}",
}


@pytest.mark.parametrize("path", ["/api/v1/calls", "/api/v1/posts", "/api/v1/posts?kind=case_study", "/api/v1/events",
                                  "/api/v1/innovations", "/api/v1/vanguards/1/evaluations"])
def test_what_the_pages_show_the_api_reads_as_documented(spec, get, path):
    body = check(spec, get, path, 200)
    if path.endswith("/evaluations"):
        # The server under test carries generated demo returns, and says so in every entry.
        assert body and {entry["data"] for entry in body} == {"generated"}
        assert any(entry["metric_code"] == "emergency_admissions" and len(entry["points"]) >= 60 for entry in body)
    if path in DETAILS and body:
        check(spec, get, DETAILS[path](body[0]), 200)
