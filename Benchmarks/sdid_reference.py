"""synthdid-py (PyPI 0.10.1) on the California study: the SDID estimate and its placebo standard
error with REPLICATIONS draws, timed in this process; prints JSON for sdid.sh to set beside ours."""
import json
import sys
import time
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
from synthdid.synthdid import Synthdid  # noqa: E402
from synthdid.vcov import placebo_se  # noqa: E402

panel_path, replications = sys.argv[1], int(sys.argv[2])
started = time.perf_counter()
data = pd.read_csv(panel_path)[["state", "year", "cigsale"]]
data["treated"] = ((data.state == "California") & (data.year >= 1989)).astype(int)
study = Synthdid(data, unit="state", time="year", treatment="treated", outcome="cigsale").fit()
fitted = time.perf_counter()
np.random.seed(1)
# Its own vcov() ignores the number of draws asked for (always 50), so the placebo is called directly.
se = placebo_se(study.data_ref, n_reps=replications)
done = time.perf_counter()
print(json.dumps({"att": float(study.att), "se": float(se), "fit_seconds": fitted - started, "seconds": done - started}))
