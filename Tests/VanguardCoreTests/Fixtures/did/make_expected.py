"""Writes the difference-in-differences reference case: a small generated panel (panel.csv) and what
linearmodels' PanelOLS (entity and time effects, standard errors clustered by entity, its default
small-sample correction) estimates on it (expected.json). Re-run with:
    pip install linearmodels==7.1 && python3 make_expected.py
"""
import json
import math

import numpy as np
import pandas as pd
from linearmodels.panel import PanelOLS

UNITS, TIMES, TREATED, START = 20, 36, 6, 20
BIN_WIDTH, FIRST, LAST = 3, -4, 5

rng = np.random.default_rng(2015)
rows = []
for i in range(UNITS):
    level, slope = rng.normal(10, 2), rng.normal(0.05, 0.02)
    for t in range(TIMES):
        treated = i < TREATED
        effect = -0.8 if treated and t >= START else 0.0
        seasonal = 0.6 * math.sin(2 * math.pi * t / 12)
        rows.append((f"U{i:02d}", t, round(level + slope * t + seasonal + effect + rng.normal(0, 0.5), 6), int(treated)))
panel = pd.DataFrame(rows, columns=["unit", "time", "outcome", "treated"])
panel.to_csv("panel.csv", index=False)

frame = panel.set_index(["unit", "time"])
frame["post"] = ((frame["treated"] == 1) & (frame.index.get_level_values("time") >= START)).astype(float)
did = PanelOLS(frame["outcome"], frame[["post"]], entity_effects=True, time_effects=True).fit(cov_type="clustered", cluster_entity=True)

bins = [b for b in range(FIRST, LAST + 1) if b != -1]
offset = frame.index.get_level_values("time") - START
binned = np.clip(np.floor(offset / BIN_WIDTH).astype(int), FIRST, LAST)
names = []
for b in bins:
    name = f"bin_{b}"
    frame[name] = ((frame["treated"] == 1) & (binned == b)).astype(float)
    names.append(name)
event = PanelOLS(frame["outcome"], frame[names], entity_effects=True, time_effects=True).fit(cov_type="clustered", cluster_entity=True)

json.dump({
    "about": "linearmodels 7.1 PanelOLS(entity_effects=True, time_effects=True).fit(cov_type='clustered', cluster_entity=True) on panel.csv",
    "treatment_time": START,
    "did": {"estimate": float(did.params["post"]), "standard_error": float(did.std_errors["post"])},
    "event_study": {
        "bin_width": BIN_WIDTH, "first": FIRST, "last": LAST, "bins": bins,
        "estimates": [float(event.params[n]) for n in names],
        "standard_errors": [float(event.std_errors[n]) for n in names],
    },
}, open("expected.json", "w"), indent=1)
print(did.params["post"], did.std_errors["post"])
