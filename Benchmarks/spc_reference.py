"""Times a published Making Data Count implementation, abspc 1.1.0 (Aneurin Bevan University
Health Board, PyPI), on exactly the series `vanguard benchmark spc --export` charted, and prints the
ratio to our time per series. Both sides do the whole job per series: limits, the special-cause
rules, point colours and the variation icon.

abspc is not NHSRplotthedots (our conformance reference): it does not screen moving ranges and its
shift rule is 8 points rather than 7, so icons can differ; the agreement is printed for information.
Usage: python3 Benchmarks/spc_reference.py EXPORT.json [ROUNDS]
"""
import json
import sys
import time

import pandas as pd
from abspc import calculate_control_limits, detect_special_causes, determine_point_colours, determine_variation_type

export = json.load(open(sys.argv[1]))
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
frames = [(pd.DataFrame({"value": [v for v in s["values"] if v is not None]}),
           "low" if s["improvement_direction"] == "decrease" else "high",
           s["variation_icon"]) for s in export["series"]]

icons = []
start = time.perf_counter()
for _ in range(rounds):
    icons = []
    for frame, direction, _ in frames:
        chart = detect_special_causes(calculate_control_limits(frame, "XmR"))
        determine_point_colours(chart, improvement_direction=direction)
        icons.append(determine_variation_type(chart, improvement_direction=direction))
elapsed = time.perf_counter() - start

reference = elapsed / (len(frames) * rounds) * 1e6
ours = export["microseconds_per_series"]
agree = sum(1 for icon, (_, _, our_icon) in zip(icons, frames) if icon == our_icon)
print(f"spc reference (abspc 1.1.0, Python): {len(frames)} series, {rounds} rounds: {reference:.1f} µs per series; "
      f"vanguard {ours:.1f} µs per series; the reference takes {reference / ours:.1f}x our time; "
      f"variation icons agree on {agree} of {len(frames)} series")
