#!/usr/bin/env bash
# Installs what the whole test suite needs on a fresh Debian machine: PostgreSQL, headless
# Chromium and its driver, nginx (the load balancer in front of several servers), and the Python
# packages the end-to-end tests use (schemathesis among them).
# Installs only what is missing, so a second run is quick.
set -euo pipefail
missing=()

command -v curl >/dev/null || missing+=(curl)
[ -x "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | head -1)" ] || missing+=(postgresql)
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
    echo "install-test-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
python3 - <<'PY' || python3 -m pip install --quiet --disable-pip-version-check \
    "selenium==4.51.0" "openapi-spec-validator==0.9.0" "openapi-schema-validator==0.9.0" "pytest>=8" \
    "lxml==6.1.3" "rnc2rng==2.7.0" "icalendar==7.3.0" "axe-selenium-python==2.1.6" "schemathesis==4.32.5"
import importlib.util, sys
sys.exit(0 if all(importlib.util.find_spec(m) for m in ("selenium", "openapi_spec_validator", "openapi_schema_validator", "pytest", "lxml", "rnc2rng", "icalendar", "axe_selenium_python", "schemathesis")) else 1)
PY
echo "install-test-deps: ready"
