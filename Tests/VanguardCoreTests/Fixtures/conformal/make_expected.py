"""Writes the conformal-inference fixtures from scinference 0.1.0 (PyPI; a Python port of the
authors' R package kwuthrich/scinference). Run in a venv with `pip install scinference==0.1.0`:

    python make_expected.py ../synth/smoking.csv

It writes `generated.csv` (the package's README example: seed 12345, 50 donors, 50 + 5 periods,
an effect of 2 after period 50) and `expected.json`: moving-block p-values for several nulls and
pointwise intervals on a grid, for the `sc` and `did` estimators, on that panel and on California
(Proposition 99, cigarette sales, treated from 1989).
"""
import csv, json, sys
import numpy as np
from scinference.conformal import movingblock, confidence_interval

def case(name, y1, y0, t0, t1, nulls, grid, alpha):
    out = {"name": name, "pre_periods": t0, "post_periods": t1, "alpha": alpha,
           "grid": [float(g) for g in grid], "methods": {}}
    for method in ["sc", "did"]:
        ps = [movingblock(y1, y0, t1, t0, theta, method) for theta in nulls]
        ci = confidence_interval(y1, y0, t1, t0, method, alpha, grid)
        out["methods"][method] = {
            "nulls": nulls, "p_values": ps,
            "lower": [None if np.isnan(v) else float(v) for v in ci["lb"]],
            "upper": [None if np.isnan(v) else float(v) for v in ci["ub"]],
        }
    return out

np.random.seed(12345)
J, T0, T1 = 50, 50, 5
Y0 = np.random.randn(T0 + T1, J)
w = np.zeros(J); w[:3] = 1 / 3
Y1 = Y0 @ w + np.random.randn(T0 + T1)
Y1[T0:] += 2
with open("generated.csv", "w", newline="") as f:
    writer = csv.writer(f)
    writer.writerow(["period", "treated"] + [f"donor{j + 1}" for j in range(J)])
    for t in range(T0 + T1):
        writer.writerow([t + 1, repr(float(Y1[t]))] + [repr(float(v)) for v in Y0[t]])
cases = [case("generated", Y1, Y0, T0, T1, [0.0, 1.0, 2.0, 3.0, 4.0], np.round(np.arange(-2, 6.0001, 0.05), 10), 0.1)]

rows = list(csv.DictReader(open(sys.argv[1])))
states = sorted({r["state"] for r in rows if r["state"] != "California"})
years = sorted({int(float(r["year"])) for r in rows})
value = {(r["state"], int(float(r["year"]))): float(r["cigsale"]) for r in rows}
y1 = np.array([value[("California", y)] for y in years])
y0 = np.array([[value[(s, y)] for s in states] for y in years])
t0 = len([y for y in years if y < 1989])
cases.append(case("california", y1, y0, t0, len(years) - t0, [0.0, -10.0, -20.0, -30.0], np.round(np.arange(-60, 20.0001, 0.5), 10), 0.05))
json.dump({"source": "scinference 0.1.0 (PyPI)", "cases": cases}, open("expected.json", "w"), indent=1)
