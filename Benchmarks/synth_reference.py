"""Fits a synthetic-control spec (the format of `vanguard impact synth --spec`) with pysyncon 1.7.0
from PyPI, the reference implementation, and prints its time and pre-period MSPE as JSON.

pysyncon takes "ordinary" predictors over one shared period and "special" ones each over its own;
the spec's predictors map onto that: those over the first predictor's period are ordinary, the rest
special. Optimiser as in the reference results (expected.json): COBYLA from the equal start.
Usage: python3 Benchmarks/synth_reference.py SPEC.json [--placebo]
"""
import contextlib
import json
import os
import sys
import time

import pandas as pd
from pysyncon import Dataprep, Synth
from pysyncon.utils import PlaceboTest

spec_path = sys.argv[1]
spec = json.load(open(spec_path))
panel = pd.read_csv(os.path.join(os.path.dirname(spec_path), spec["panel"]))
panel[spec["time"]] = panel[spec["time"]].astype(int)


def period(p):
    return list(p["years"]) if "years" in p else list(range(p["from"], p["to"] + 1))


first = period(spec["predictors"][0])
ordinary = [p["column"] for p in spec["predictors"] if period(p) == first]
special = [(p["column"], period(p), p.get("op", "mean")) for p in spec["predictors"] if period(p) != first]
units = sorted(set(panel[spec["unit"]]))
dataprep = Dataprep(
    foo=panel, predictors=ordinary, predictors_op="mean", time_predictors_prior=first, special_predictors=special,
    dependent=spec["outcome"], unit_variable=spec["unit"], time_variable=spec["time"],
    treatment_identifier=spec["treated"], controls_identifier=[u for u in units if u != spec["treated"]],
    time_optimize_ssr=list(range(spec["fit"]["from"], spec["fit"]["to"] + 1)),
)
options = {"optim_method": "COBYLA", "optim_initial": "equal"}
started = time.perf_counter()
# pysyncon reports progress on standard output; only our JSON goes there.
with contextlib.redirect_stdout(sys.stderr):
    synth = Synth()
    synth.fit(dataprep=dataprep, **options)
    fitted = time.perf_counter() - started
    result = {"fit_seconds": fitted, "mspe_pre": float(synth.loss_V)}
    if "--placebo" in sys.argv:
        placebo = PlaceboTest()
        placebo.fit(dataprep=dataprep, scm=synth, scm_options=options)
        result["placebo_seconds"] = time.perf_counter() - started - fitted
result["total_seconds"] = time.perf_counter() - started
print(json.dumps(result))
