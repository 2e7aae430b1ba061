"""Regenerate the forecasting benchmark and oracle fixtures.

This one script deterministically (fixed seeds, no network, no clock in the
outputs) writes every file below; CI never runs it, the Rust tests and
benches only read what it wrote:

    benches/forecast/series/<name>.csv      monthly series, header `month,value`
    benches/forecast/SOURCES.md             provenance, recipes, protocol, heuristic
    benches/forecast/baseline_statsmodels.csv  rolling-origin backtest of the baselines
    tests/fixtures/forecast/oracle.json     statsmodels oracle values for native tests

How to run it (from the repository root). It is single-process and sets the
BLAS/OpenMP thread count to 1; the backtest needs about 1,100 statsmodels
maximum-likelihood fits: about 3.5 minutes on the project's 2-core machine
(11.5 minutes when a cargo build was running alongside):

    python3 -m venv /tmp/fcvenv
    /tmp/fcvenv/bin/pip install statsmodels==0.15.0 pmdarima==2.1.1 \
        pandas==3.1.1 numpy==2.4.6 scipy==1.17.1
    /tmp/fcvenv/bin/python benches/forecast/make_fixtures.py

Public series come only from data bundled inside the pmdarima and statsmodels
wheels. The synthetic series use numpy's default_rng (PCG64) with the seeds
below; the CSV files are authoritative (numpy does not promise identical
random streams across versions, so a different numpy may change syn_* values).
Everything downstream (backtest, oracle) is computed from the CSV files as
written, i.e. after rounding, so Rust reading the CSVs sees the same numbers.
"""

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import json  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pmdarima
import scipy
import statsmodels
from pmdarima.datasets import (
    load_airpassengers,
    load_sunspots,
    load_wineind,
)
from scipy.stats import norm
from statsmodels.datasets import co2 as sm_co2
from statsmodels.datasets import elec_equip as sm_elec_equip
from statsmodels.datasets import elnino as sm_elnino
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.exponential_smoothing.initialization import (
    _initialization_heuristic,
    _initialization_simple,
)
from statsmodels.tsa.holtwinters import ExponentialSmoothing

T_START = time.perf_counter()

HERE = Path(__file__).resolve().parent          # benches/forecast
ROOT = HERE.parents[1]                          # repository root
SERIES_DIR = HERE / "series"
SOURCES_MD = HERE / "SOURCES.md"
BASELINE_CSV = HERE / "baseline_statsmodels.csv"
ORACLE_JSON = ROOT / "tests" / "fixtures" / "forecast" / "oracle.json"

M = 12
HORIZONS = (3, 6, 12)
MAX_PUBLIC_MONTHS = 180
Z80 = float(norm.ppf(0.90))   # 1.2815515655446004
Z95 = float(norm.ppf(0.975))  # 1.959963984540054

VERSIONS = {
    "python": sys.version.split()[0],
    "statsmodels": statsmodels.__version__,
    "pmdarima": pmdarima.__version__,
    "pandas": pd.__version__,
    "numpy": np.__version__,
    "scipy": scipy.__version__,
}


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def month_range(start, n):
    """n consecutive 'YYYY-MM' strings from start='YYYY-MM'."""
    p = pd.Period(start, freq="M")
    return [str(p + i) for i in range(n)]


def fmt_value(v, decimals):
    """Plain decimal, no exponent, trailing zeros trimmed (keeps one digit)."""
    s = f"{v:.{decimals}f}"
    if "." in s:
        s = s.rstrip("0")
        if s.endswith("."):
            s += "0"
    if s in ("-0.0", "-0"):
        s = "0.0"
    return s


def write_series(name, start, values, decimals):
    months = month_range(start, len(values))
    lines = ["month,value"]
    for mo, v in zip(months, values):
        if not np.isfinite(v):
            raise ValueError(f"{name}: non-finite value at {mo}")
        lines.append(f"{mo},{fmt_value(float(v), decimals)}")
    (SERIES_DIR / f"{name}.csv").write_text("\n".join(lines) + "\n")


def read_series(name):
    df = pd.read_csv(SERIES_DIR / f"{name}.csv", dtype={"month": str})
    # integrity checks the Rust side also relies on
    per = pd.PeriodIndex(df["month"], freq="M")
    assert (np.diff(per.asi8) == 1).all(), f"{name}: gap or disorder"
    return list(df["month"]), df["value"].to_numpy(dtype=float)


def last_n(series, n):
    return series.iloc[-n:] if len(series) > n else series


# --------------------------------------------------------------------------
# 1. series
# --------------------------------------------------------------------------
PUBLIC = []    # dicts with provenance used for SOURCES.md
SYNTHETIC = []


def build_public():
    out = []

    # airpassengers: Jan 1949 .. Dec 1960, 144 months (docstring: 1949-1960)
    y = pd.Series(load_airpassengers(), index=pd.period_range("1949-01", periods=144, freq="M"))
    out.append(dict(
        name="airpassengers", series=y, decimals=0,
        package=f"pmdarima {pmdarima.__version__}",
        loader="pmdarima.datasets.load_airpassengers()",
        original="Box, Jenkins & Reinsel (1976) *Time Series Analysis, Forecasting and Control*, "
                 "Series G: monthly totals of international airline passengers, 1949 to 1960 "
                 "(as pmdarima's docstring states; it gives no unit).",
        licence="not stated for the data; pmdarima itself is MIT-licensed.",
        transform="none (array is 144 values; months assigned 1949-01 .. 1960-12 from the docstring).",
    ))

    # wineind: Jan 1980 .. Aug 1994, 176 months
    y = pd.Series(load_wineind(), index=pd.period_range("1980-01", periods=176, freq="M"))
    out.append(dict(
        name="wineind", series=y, decimals=0,
        package=f"pmdarima {pmdarima.__version__}",
        loader="pmdarima.datasets.load_wineind()",
        original="Australian total wine sales by wine makers in bottles <= 1 litre, Jan 1980 - Aug 1994; "
                 "the `wineind` data set of R's `forecast` package (pmdarima cites "
                 "rdocumentation.org/packages/forecast/versions/8.1/topics/wineind).",
        licence="not stated for the data; pmdarima itself is MIT-licensed (R's `forecast` package is GPL-3).",
        transform="none (176 months, all kept).",
    ))

    # sunspots: Jan 1749 .. Dec 1983 monthly; keep last 180 months
    full = pd.Series(load_sunspots(), index=pd.period_range("1749-01", periods=2820, freq="M"))
    y = last_n(full, MAX_PUBLIC_MONTHS)
    out.append(dict(
        name="sunspots", series=y, decimals=1,
        package=f"pmdarima {pmdarima.__version__}",
        loader="pmdarima.datasets.load_sunspots()",
        original="Monthly mean relative sunspot numbers 1749-1983 (Swiss Federal Observatory, Zurich, "
                 "until 1960, then Tokyo Astronomical Observatory); R `datasets::sunspots`.",
        licence="not stated for the data; pmdarima itself is MIT-licensed.",
        transform="kept the most recent 180 months. The full series has "
                  f"{int((full <= 0).sum())} months equal to 0 (solar minima, between "
                  f"{full[full <= 0].index.min()} and {full[full <= 0].index.max()}) but none in the "
                  "kept span. Note: no 12-month "
                  "seasonality exists (the ~11-year solar cycle dominates) - it is a deliberately "
                  "non-seasonal monthly series.",
    ))

    # co2: weekly (W-SAT) Mar 1958 .. Dec 2001 -> calendar-month means
    weekly = sm_co2.load_pandas().data["co2"]
    monthly = weekly.resample("MS").mean()
    monthly.index = monthly.index.to_period("M")
    y = last_n(monthly, MAX_PUBLIC_MONTHS)
    counts = weekly.resample("MS").count()
    counts.index = counts.index.to_period("M")
    kept_counts = counts.loc[y.index]
    assert y.notna().all() and (kept_counts >= 1).all()
    assert weekly.loc[str(y.index[0].start_time.date()):].isna().sum() == 0
    out.append(dict(
        name="co2_maunaloa", series=y, decimals=4,
        package=f"statsmodels {statsmodels.__version__}",
        loader="statsmodels.datasets.co2.load_pandas().data['co2']",
        original="Keeling & Whorf (2004), atmospheric CO2 (ppmv) from continuous air samples at Mauna Loa "
                 "Observatory, weekly averages Mar 1958 - Dec 2001, via CDIAC "
                 "(cdiac.ornl.gov/trends/co2/sio-keel-flask/sio-keel-flaskmlo_c.html, obtained 2014-03-15).",
        licence="statsmodels states: 'This is public domain.'",
        transform="weekly values (index = week-ending Saturday, as statsmodels builds it; identical to "
                  "the file's own YYYYMMDD dates) averaged per calendar month of that Saturday date: "
                  "`weekly.resample('MS').mean()`, ignoring missing weeks. The full weekly series has "
                  f"{int(weekly.isna().sum())} missing weeks (and {int((counts == 0).sum())} calendar months "
                  f"with no data at all: {', '.join(str(p) for p in counts.index[counts == 0])}); we keep the "
                  f"most recent 180 months ({y.index[0]} .. {y.index[-1]}), which contain no missing week "
                  f"(each month has {int(kept_counts.min())}-{int(kept_counts.max())} weekly values), "
                  "so nothing is interpolated. Values rounded to 4 decimals (exact: weekly values have "
                  "1 decimal and are averaged over 4 or 5 weeks).",
    ))

    # elnino: wide YEAR x JAN..DEC 1950..2010 -> one monthly series
    wide = sm_elnino.load_pandas().data
    months_cols = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    vals = wide[months_cols].to_numpy(dtype=float).reshape(-1)
    first_year = int(wide["YEAR"].iloc[0])
    assert (np.diff(wide["YEAR"].to_numpy()) == 1).all()
    full = pd.Series(vals, index=pd.period_range(f"{first_year}-01", periods=len(vals), freq="M"))
    y = last_n(full, MAX_PUBLIC_MONTHS)
    out.append(dict(
        name="elnino_sst", series=y, decimals=2,
        package=f"statsmodels {statsmodels.__version__}",
        loader="statsmodels.datasets.elnino.load_pandas().data",
        original="NOAA National Weather Service CPC, ERSST.V3B, Nino 1+2 region (0-10S, 90-80W): averaged "
                 "monthly sea surface temperature, degrees Celsius, 1950-2010 "
                 "(www.cpc.ncep.noaa.gov/data/indices/).",
        licence="statsmodels states: 'This data is in the public domain.'",
        transform="the table has one row per YEAR and 12 month columns JAN..DEC; rows read in year order and "
                  "each row left to right (row-major reshape) gives 732 months 1950-01 .. 2010-12; kept the "
                  "most recent 180 months. Values are temperatures in deg C: positive here, but on an interval "
                  "scale (0 is not 'nothing'), so MAPE on this series is not scale-free in the usual sense.",
    ))

    # elec_equip: Euro area monthly index Jan 1995 .. May 2016
    ee = sm_elec_equip.load_pandas().data.iloc[:, 0]
    ee.index = ee.index.to_period("M")
    assert (np.diff(ee.index.asi8) == 1).all()
    y = last_n(ee, MAX_PUBLIC_MONTHS)
    out.append(dict(
        name="elec_equip", series=y, decimals=2,
        package=f"statsmodels {statsmodels.__version__}",
        loader="statsmodels.datasets.elec_equip.load_pandas().data (column STS.M.I7.W.TOVT.NS0016.4.000)",
        original="Eurostat: Euro area 18 (fixed composition) total turnover index, manufacture of "
                 "electrical equipment (NACE Rev2 26-27), working-day adjusted, not seasonally adjusted, "
                 "Jan 1995 - May 2016.",
        licence="statsmodels states: 'This is public domain.'",
        transform=f"kept the most recent 180 months of 257 ({y.index[0]} .. {y.index[-1]}).",
    ))

    for d in out:
        s = d["series"]
        assert s.notna().all() and (s > 0).all(), d["name"]
        d["start"] = str(s.index[0])
        d["end"] = str(s.index[-1])
        d["n"] = len(s)
    return out


def build_synthetic():
    """Each recipe: y[t] for t = 0..n-1 (t = 0 is the first month)."""
    out = []
    two_pi = 2.0 * np.pi

    def season(t, a1, b1=0.0, a2=0.0):
        # a1*sin(2 pi t/12) + b1*cos(2 pi t/12) + a2*sin(4 pi t/12)
        return a1 * np.sin(two_pi * t / 12) + b1 * np.cos(two_pi * t / 12) + a2 * np.sin(2 * two_pi * t / 12)

    # syn_seasonal_trend
    n, seed = 72, 1001
    t = np.arange(n)
    e = np.random.default_rng(seed).normal(0.0, 8.0, n)
    y = 200.0 + 1.5 * t + season(t, 50.0, 0.0, 20.0) + e
    out.append(dict(name="syn_seasonal_trend", start="2019-04", y=y, seed=seed,
                    recipe="n = 72. y[t] = 200 + 1.5 t + 50 sin(2 pi t/12) + 20 sin(4 pi t/12) + e[t], "
                           "e = default_rng(1001).normal(0, 8, 72)."))

    # syn_random_walk
    n, seed = 72, 1002
    e = np.random.default_rng(seed).normal(0.0, 10.0, n)
    y = np.empty(n)
    y[0] = 500.0 + e[0]
    for i in range(1, n):
        y[i] = y[i - 1] + 0.5 + e[i]
    out.append(dict(name="syn_random_walk", start="2019-04", y=y, seed=seed,
                    recipe="n = 72. e = default_rng(1002).normal(0, 10, 72); y[0] = 500 + e[0]; "
                           "y[t] = y[t-1] + 0.5 + e[t] (drift 0.5 per month, no seasonality)."))

    # syn_trend_break
    n, seed = 72, 1003
    t = np.arange(n)
    e = np.random.default_rng(seed).normal(0.0, 6.0, n)
    trend = np.where(t <= 40, 300.0 + 2.0 * t, 380.0 - 2.0 * (t - 40))
    y = trend + season(t, 15.0) + e
    out.append(dict(name="syn_trend_break", start="2019-04", y=y, seed=seed,
                    recipe="n = 72. trend[t] = 300 + 2 t for t <= 40, 380 - 2 (t - 40) for t > 40 "
                           "(continuous; slope +2 becomes -2 at t = 40); "
                           "y[t] = trend[t] + 15 sin(2 pi t/12) + e[t], e = default_rng(1003).normal(0, 6, 72)."))

    # syn_level_shift
    n, seed = 72, 1004
    t = np.arange(n)
    e = np.random.default_rng(seed).normal(0.0, 10.0, n)
    level = np.where(t < 30, 400.0, 320.0)
    y = level + season(t, 30.0, 10.0) + e
    out.append(dict(name="syn_level_shift", start="2019-04", y=y, seed=seed,
                    recipe="n = 72. level[t] = 400 for t < 30, 320 (= 400 x 0.8, a 20 % step down that persists) "
                           "for t >= 30; y[t] = level[t] + 30 sin(2 pi t/12) + 10 cos(2 pi t/12) + e[t], "
                           "e = default_rng(1004).normal(0, 10, 72)."))

    # syn_covid_dip
    n, seed = 84, 1005
    t = np.arange(n)
    e = np.random.default_rng(seed).normal(0.0, 20.0, n)
    mult = np.ones(n)
    mult[36] = 0.8
    mult[37] = 0.6
    for i in range(38, 46):
        mult[i] = 0.6 + 0.4 * (i - 37) / 8.0   # reaches 1.0 at t = 45
    y = (1000.0 + 3.0 * t + season(t, 60.0)) * mult + e
    out.append(dict(name="syn_covid_dip", start="2017-04", y=y, seed=seed,
                    recipe="n = 84 (month 36 = 2020-04). mult[t] = 1 except mult[36] = 0.8, mult[37] = 0.6 "
                           "(a 40 % fall over 2 months), then mult[t] = 0.6 + 0.4 (t - 37)/8 for t = 38..45 "
                           "(linear recovery over 8 months, mult[45] = 1); "
                           "y[t] = (1000 + 3 t + 60 sin(2 pi t/12)) mult[t] + e[t], "
                           "e = default_rng(1005).normal(0, 20, 84)."))

    # syn_flat_noise
    n, seed = 60, 1006
    e = np.random.default_rng(seed).normal(0.0, 10.0, n)
    y = 100.0 + e
    out.append(dict(name="syn_flat_noise", start="2020-04", y=y, seed=seed,
                    recipe="n = 60. y[t] = 100 + e[t], e = default_rng(1006).normal(0, 10, 60) (white noise)."))

    # syn_first_year_unusual
    n, seed = 72, 1007
    t = np.arange(n)
    e = np.random.default_rng(seed).normal(0.0, 5.0, n)
    mult = np.ones(n)
    mult[:12] = 1.25
    for i in range(12, 18):
        mult[i] = 1.25 - 0.25 * (i - 11) / 6.0   # reaches 1.0 at t = 17
    y = (250.0 + season(t, 25.0, 0.0, 8.0)) * mult + e
    out.append(dict(name="syn_first_year_unusual", start="2019-04", y=y, seed=seed,
                    recipe="n = 72. mult[t] = 1.25 for t = 0..11 (year 1 runs 25 % high), "
                           "mult[t] = 1.25 - 0.25 (t - 11)/6 for t = 12..17 (falls away over 6 months, "
                           "mult[17] = 1), 1 afterwards; y[t] = (250 + 25 sin(2 pi t/12) + 8 sin(4 pi t/12)) "
                           "mult[t] + e[t], e = default_rng(1007).normal(0, 5, 72)."))

    for d in out:
        d["y"] = np.round(d["y"], 2)
        assert (d["y"] > 0).all(), d["name"]
        d["n"] = len(d["y"])
        d["end"] = month_range(d["start"], d["n"])[-1]
    return out


# --------------------------------------------------------------------------
# 2. backtest
# --------------------------------------------------------------------------
def origins_for(n):
    last = n - 12
    count = last - 24 + 1
    step = -(-count // 60)  # ceil
    return list(range(24, last + 1, step)), step


def seasonal_naive_point(train, h):
    o = len(train)
    return train[o - 12 + ((h - 1) % 12)]


def sigma_naive(train):
    d = np.diff(train)
    return math.sqrt(float(np.mean(d * d)))


def sigma_snaive(train):
    d = train[12:] - train[:-12]
    return math.sqrt(float(np.mean(d * d)))


def fc_naive(train):
    s = sigma_naive(train)
    out = {}
    for h in HORIZONS:
        p = float(train[-1])
        w = s * math.sqrt(h)
        out[h] = (p, p - Z80 * w, p + Z80 * w, p - Z95 * w, p + Z95 * w)
    return out


def fc_snaive(train):
    s = sigma_snaive(train)
    out = {}
    for h in HORIZONS:
        p = float(seasonal_naive_point(train, h))
        w = s * math.sqrt((h - 1) // 12 + 1)
        out[h] = (p, p - Z80 * w, p + Z80 * w, p - Z95 * w, p + Z95 * w)
    return out


def fc_damped_hw(train):
    """Returns (raw statsmodels forecasts, corrected-at-h%12==0 forecasts)."""
    res = ExponentialSmoothing(train, trend="add", damped_trend=True, seasonal="add",
                               seasonal_periods=12, initialization_method="estimated").fit()
    raw = np.asarray(res.forecast(12), dtype=float)
    # Hyndman forecast from the final states: l_n + (phi+..+phi^h) b_n + s_{n-m+((h-1) mod m)}
    o = len(train)
    phi = float(res.params["damping_trend"])
    ln = float(res.level[-1])
    bn = float(res.trend[-1])
    season = np.asarray(res.season, dtype=float)
    fixed = np.array([ln + sum(phi ** j for j in range(1, h + 1)) * bn + season[o - 12 + (h - 1) % 12]
                      for h in range(1, 13)])
    return raw, fixed


def fc_ets(train):
    o = len(train)
    s = pd.Series(train, index=pd.period_range("2000-01", periods=o, freq="M").to_timestamp())
    s.index.freq = "MS"
    res = ETSModel(s, error="add", trend="add", damped_trend=True, seasonal="add",
                   seasonal_periods=12).fit(disp=False)
    pred = res.get_prediction(start=o, end=o + 11)
    f80 = pred.summary_frame(alpha=0.2)
    f95 = pred.summary_frame(alpha=0.05)
    out = {}
    for h in HORIZONS:
        i = h - 1
        out[h] = (float(f80["mean"].iloc[i]), float(f80["pi_lower"].iloc[i]), float(f80["pi_upper"].iloc[i]),
                  float(f95["pi_lower"].iloc[i]), float(f95["pi_upper"].iloc[i]))
    return out


SERIES_SECONDS = {}
METHODS = ["naive", "snaive", "damped_hw", "damped_hw_fixed", "ets_aada"]
HAS_PI = {"naive": True, "snaive": True, "damped_hw": False, "damped_hw_fixed": False, "ets_aada": True}


def run_guarded(fn, train, problems, tag):
    """Run fn(train) catching exceptions and warnings. Returns result or None."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = fn(train)
        except Exception as exc:  # noqa: BLE001
            problems.append((tag, "ERROR", f"{type(exc).__name__}: {exc}".splitlines()[0][:160]))
            result = None
    for w in caught:
        problems.append((tag, w.category.__name__, str(w.message).splitlines()[0][:160]))
    return result


def finite(*xs):
    return all(np.all(np.isfinite(np.asarray(x, dtype=float))) for x in xs)


def backtest(all_series):
    rows = []
    problems = []          # (tag, kind, message)
    fallbacks = {}         # (series, method) -> count
    per_series_origins = {}
    for name, y in all_series:
        t_series = time.perf_counter()
        n = len(y)
        origins, step = origins_for(n)
        per_series_origins[name] = (len(origins), step)
        acc = {(mth, h): [] for mth in METHODS for h in HORIZONS}
        for o in origins:
            train = y[:o].copy()
            scale = float(np.mean(np.abs(train[12:] - train[:-12])))
            sn = fc_snaive(train)
            results = {"naive": fc_naive(train), "snaive": sn}

            hw = run_guarded(fc_damped_hw, train, problems, (name, "damped_hw", o))
            if hw is None or not finite(*hw):
                fallbacks[(name, "damped_hw")] = fallbacks.get((name, "damped_hw"), 0) + 1
                fallbacks[(name, "damped_hw_fixed")] = fallbacks.get((name, "damped_hw_fixed"), 0) + 1
                results["damped_hw"] = {h: (sn[h][0], None, None, None, None) for h in HORIZONS}
                results["damped_hw_fixed"] = results["damped_hw"]
            else:
                raw, fixed = hw
                results["damped_hw"] = {h: (float(raw[h - 1]), None, None, None, None) for h in HORIZONS}
                results["damped_hw_fixed"] = {h: (float(fixed[h - 1]), None, None, None, None) for h in HORIZONS}
                # sanity: the two agree except at h = 12
                for h in (3, 6):
                    assert abs(raw[h - 1] - fixed[h - 1]) <= 1e-8 * max(1.0, abs(raw[h - 1])), (name, o, h)

            et = run_guarded(fc_ets, train, problems, (name, "ets_aada", o))
            if et is None or not all(finite(*v) for v in et.values()):
                fallbacks[(name, "ets_aada")] = fallbacks.get((name, "ets_aada"), 0) + 1
                et = sn
            results["ets_aada"] = et

            for mth in METHODS:
                for h in HORIZONS:
                    actual = float(y[o + h - 1])
                    p, l80, u80, l95, u95 = results[mth][h]
                    acc[(mth, h)].append((actual, p, scale, l80, u80, l95, u95))

        for mth in METHODS:
            for h in HORIZONS:
                recs = acc[(mth, h)]
                mase = float(np.mean([abs(a - p) / s for a, p, s, *_ in recs]))
                mape_terms = [100.0 * abs(a - p) / abs(a) for a, p, *_ in recs if a != 0]
                mape = float(np.mean(mape_terms)) if mape_terms else float("nan")
                if HAS_PI[mth]:
                    c80 = float(np.mean([l80 <= a <= u80 for a, p, s, l80, u80, l95, u95 in recs]))
                    c95 = float(np.mean([l95 <= a <= u95 for a, p, s, l80, u80, l95, u95 in recs]))
                else:
                    c80 = c95 = None
                rows.append(dict(series=name, method=mth, h=h, mase=mase, mape=mape,
                                 cover80=c80, cover95=c95, origins=len(recs)))
        SERIES_SECONDS[name] = time.perf_counter() - t_series

    # MEAN block: unweighted mean across series, per method and h
    names = [nm for nm, _ in all_series]
    for mth in METHODS:
        for h in HORIZONS:
            sub = [r for r in rows if r["method"] == mth and r["h"] == h and r["series"] in names]
            mean = dict(series="MEAN", method=mth, h=h,
                        mase=float(np.mean([r["mase"] for r in sub])),
                        mape=float(np.mean([r["mape"] for r in sub])),
                        cover80=float(np.mean([r["cover80"] for r in sub])) if HAS_PI[mth] else None,
                        cover95=float(np.mean([r["cover95"] for r in sub])) if HAS_PI[mth] else None,
                        origins=int(sum(r["origins"] for r in sub)))
            rows.append(mean)
    return rows, problems, fallbacks, per_series_origins


def write_baseline(rows):
    def f(v, d):
        return "" if v is None else f"{v:.{d}f}"
    lines = ["series,method,h,mase,mape,cover80,cover95,origins"]
    for r in rows:
        lines.append(",".join([r["series"], r["method"], str(r["h"]), f(r["mase"], 6), f(r["mape"], 6),
                               f(r["cover80"], 6), f(r["cover95"], 6), str(r["origins"])]))
    BASELINE_CSV.write_text("\n".join(lines) + "\n")


# --------------------------------------------------------------------------
# 3. oracle
# --------------------------------------------------------------------------
PARAMS = dict(alpha=0.3, beta_component=0.1, gamma=0.2, phi=0.9)


def my_heuristic(y, trend, seasonal, m=12):
    """Independent plain re-implementation of the description in SOURCES.md."""
    y = np.asarray(y, dtype=float)
    n = len(y)
    assert n >= 10
    S = None
    if seasonal:
        min_obs = 10 + 2 * (m // 2)
        assert n >= 2 * m and n >= min_obs
        K = max(min(5, n // m), -(-min_obs // m))
        x = y[:K * m]
        h = m // 2
        T = {}
        for i in range(h, K * m - h):
            T[i] = (0.5 * x[i - h] + sum(x[i - h + 1:i + h]) + 0.5 * x[i + h]) / m
        S = np.zeros(m)
        for j in range(m):
            vals = [x[c * m + j] - T[c * m + j] for c in range(K) if (c * m + j) in T]
            S[j] = sum(vals) / len(vals)
        S = S - S.mean()
        z = np.array([T[i] for i in sorted(T)])
    else:
        z = y
    z10 = z[:10]
    zbar = z10.mean()
    tt = np.arange(1, 11)
    b = float(np.sum((tt - 5.5) * (z10 - zbar)) / 82.5)
    a = float(zbar - 5.5 * b)
    return a, (b if trend else None), S


def hyndman_recursion(y, l0, b0, s0, alpha, beta_star, gamma, phi, has_trend, has_seasonal, m=12):
    """Error-correction recursion (equal to statsmodels' component form)."""
    l = l0
    b = b0 if has_trend else 0.0
    ph = phi if has_trend else 0.0
    seas = list(s0) if has_seasonal else []
    fitted = []
    for t, yt in enumerate(y):
        st = seas[t] if has_seasonal else 0.0
        f = l + ph * b + st
        fitted.append(f)
        e = yt - f
        l, b = l + ph * b + alpha * e, ph * b + alpha * beta_star * e
        if has_seasonal:
            seas.append(st + gamma * e)
    n = len(y)
    fc = []
    for h in range(1, 13):
        damp = sum(phi ** j for j in range(1, h + 1)) if has_trend else 0.0
        sh = seas[n + (h - 1) % m] if has_seasonal else 0.0
        fc.append(l + damp * b + sh)
    return np.array(fitted), np.array(fc), l, (b if has_trend else None), (seas[n:n + m] if has_seasonal else None)


def fl(xs):
    return None if xs is None else [float(v) for v in xs]


def oracle_case(series_name, y, model):
    n = len(y)
    alpha, bstar, gamma, phi = PARAMS["alpha"], PARAMS["beta_component"], PARAMS["gamma"], PARAMS["phi"]
    has_trend = model in ("hw_damped_additive", "holt_damped")
    has_seasonal = model == "hw_damped_additive"
    es_kwargs = dict(trend="add" if has_trend else None, damped_trend=has_trend,
                     seasonal="add" if has_seasonal else None,
                     seasonal_periods=12 if has_seasonal else None,
                     initialization_method="heuristic")
    es = ExponentialSmoothing(y, **es_kwargs)
    fit_kwargs = dict(smoothing_level=alpha, optimized=False)
    if has_trend:
        fit_kwargs.update(smoothing_trend=bstar, damping_trend=phi)
    if has_seasonal:
        fit_kwargs.update(smoothing_seasonal=gamma)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = es.fit(**fit_kwargs)
    l0 = float(es._initial_level)
    b0 = float(es._initial_trend) if has_trend else None
    s0 = np.asarray(es._initial_seasonal, dtype=float) if has_seasonal else None

    # cross-checks: statsmodels' heuristic vs the plain description, and vs
    # the module function called directly
    ml, mb, ms = my_heuristic(y, has_trend, has_seasonal)
    assert abs(ml - l0) <= 1e-9 * max(1, abs(l0)), (series_name, model, ml, l0)
    if has_trend:
        assert abs(mb - b0) <= 1e-9 * max(1, abs(b0))
    if has_seasonal:
        assert np.max(np.abs(ms - s0)) <= 1e-9 * max(1, np.max(np.abs(s0)))
    dl, db, ds = _initialization_heuristic(np.asarray(y, dtype=float), trend="add" if has_trend else False,
                                           seasonal="add" if has_seasonal else False, seasonal_periods=12)
    assert dl == l0

    fitted_sm = np.asarray(res.fittedvalues, dtype=float)
    fc_sm = np.asarray(res.forecast(12), dtype=float)
    sse_sm = float(res.sse)
    fitted_my, fc_my, ln, bn, sn = hyndman_recursion(y, l0, b0, s0, alpha, bstar, gamma, phi, has_trend, has_seasonal)
    assert np.max(np.abs(fitted_my - fitted_sm)) < 1e-9
    assert abs(sse_sm - float(np.sum((y - fitted_my) ** 2))) < 1e-7

    # ETS (error correction form), known initial states, all params fixed
    idx = pd.period_range("2000-01", periods=n, freq="M").to_timestamp()
    ys = pd.Series(y, index=idx)
    ys.index.freq = "MS"
    ets_kwargs = dict(error="add", trend="add" if has_trend else None, damped_trend=has_trend,
                      seasonal="add" if has_seasonal else None,
                      seasonal_periods=12 if has_seasonal else None,
                      initialization_method="known", initial_level=l0)
    params = [alpha]
    if has_trend:
        ets_kwargs["initial_trend"] = b0
        params.append(alpha * bstar)
    if has_seasonal:
        ets_kwargs["initial_seasonal"] = s0
        params.append(gamma)
    if has_trend:
        params.append(phi)
    em = ETSModel(ys, **ets_kwargs)
    er = em.smooth(np.array(params))
    pred = er.get_prediction(start=n, end=n + 11)
    f95 = pred.summary_frame(alpha=0.05)
    f80 = pred.summary_frame(alpha=0.2)
    ets_mean = f95["mean"].to_numpy(dtype=float)
    assert np.max(np.abs(np.asarray(er.fittedvalues, dtype=float) - fitted_sm)) < 1e-9
    assert np.max(np.abs(ets_mean - fc_my)) < 1e-9
    sigma2 = float(er.mse)
    assert abs(sigma2 - sse_sm / n) < 1e-9 * max(1, sigma2)
    # independent variance check via psi-weights c_j = alpha + beta*(phi+..+phi^j) + gamma*[j % m == 0]
    beta_ec = alpha * bstar
    var = []
    for h in range(1, 13):
        tot = 1.0
        for j in range(1, h):
            c = alpha
            if has_trend:
                c += beta_ec * sum(phi ** i for i in range(1, j + 1))
            if has_seasonal and j % 12 == 0:
                c += gamma
            tot += c * c
        var.append(sigma2 * tot)
    assert np.max(np.abs(np.array(var) - np.asarray(pred.forecast_variance, dtype=float))) < 1e-8

    diff12 = float(fc_sm[11] - fc_my[11])
    case = {
        "series": series_name,
        "model": model,
        "statsmodels_class": "ExponentialSmoothing(" + ", ".join(
            f"{k}={v!r}" for k, v in es_kwargs.items()) + ")",
        "parameters": {
            "alpha": alpha,
            "beta_component": bstar if has_trend else None,
            "beta_error_correction": beta_ec if has_trend else None,
            "gamma": gamma if has_seasonal else None,
            "phi": phi if has_trend else None,
        },
        "initialization_method": "heuristic",
        "data": fl(y),
        "initial": {"level": l0, "trend": b0, "seasonal": fl(s0)},
        "fitted": fl(fitted_sm),
        "sse": sse_sm,
        "forecast": fl(fc_my),
        "forecast_statsmodels_exponentialsmoothing": fl(fc_sm),
        "forecast_note": (
            "forecast = l_n + (phi+...+phi^h) b_n + latest seasonal state of that month; equals "
            "ETSModel's predicted mean. ExponentialSmoothing.forecast() in statsmodels "
            f"{statsmodels.__version__} differs at h = 12 only (by {diff12:.12g}): it re-uses the "
            "seasonal state from before the last update (statsmodels issue #9538)."
            if has_seasonal else
            "forecast equals ExponentialSmoothing.forecast() and ETSModel's predicted mean."),
        "final_state": {"level": float(ln), "trend": None if bn is None else float(bn),
                        "seasonal_oldest_first": fl(sn)},
        "interval95": {"lower": fl(f95["pi_lower"]), "upper": fl(f95["pi_upper"])},
        "interval80": {"lower": fl(f80["pi_lower"]), "upper": fl(f80["pi_upper"])},
        "forecast_variance": fl(pred.forecast_variance),
        "sigma2": sigma2,
        "sigma2_divisor": "n",
        "n": n,
    }
    if not has_seasonal:
        assert np.max(np.abs(fc_sm - fc_my)) < 1e-9
    return case


def heuristic_only_cases(y_air, y_syn):
    cases = []
    for name, y in (("airpassengers", y_air), ("syn_seasonal_trend", y_syn)):
        for n in (10, 11, 23, 24, 30, 36, 47, 48, 59, 60, 61, 72, 144):
            if n > len(y):
                continue
            yy = np.asarray(y[:n], dtype=float)
            entry = {"series": name, "n": n}
            for label, tr, se in (("seasonal_trend", "add", "add"), ("trend_only", "add", False),
                                  ("level_only", False, False)):
                try:
                    l0, b0, s0 = _initialization_heuristic(yy, trend=tr, seasonal=se, seasonal_periods=12)
                    ml, mb, ms = my_heuristic(yy, tr, se)
                    assert abs(ml - l0) < 1e-9 * max(1, abs(l0))
                    if tr:
                        assert abs(mb - b0) < 1e-9 * max(1, abs(b0))
                    if se:
                        assert np.max(np.abs(ms - s0)) < 1e-9 * max(1, np.max(np.abs(s0)))
                    entry[label] = {"level": float(l0), "trend": None if b0 is None else float(b0),
                                    "seasonal": fl(s0)}
                except ValueError as exc:
                    entry[label] = {"error": str(exc)}
            try:
                l0, b0, s0 = _initialization_simple(yy, trend="add", seasonal="add", seasonal_periods=12)
                entry["simple_seasonal_trend"] = {"level": float(l0), "trend": float(b0), "seasonal": fl(s0)}
            except ValueError as exc:
                entry["simple_seasonal_trend"] = {"error": str(exc)}
            cases.append(entry)
    return cases


HOW_MADE = (
    "Made by benches/forecast/make_fixtures.py with Python {python}, statsmodels {statsmodels}, "
    "pmdarima {pmdarima}, pandas {pandas}, numpy {numpy}, scipy {scipy}. For each case: "
    "ExponentialSmoothing(y, trend=..., damped_trend=..., seasonal=..., seasonal_periods=12, "
    "initialization_method='heuristic').fit(smoothing_level=alpha, smoothing_trend=beta_component, "
    "smoothing_seasonal=gamma, damping_trend=phi, optimized=False) gives initial (model._initial_level, "
    "_initial_trend, _initial_seasonal = statsmodels.tsa.exponential_smoothing.initialization."
    "_initialization_heuristic on the whole of `data`), fitted (.fittedvalues, the one-step-ahead "
    "predictions of data[t] from states after data[t-1]) and sse (.sse = sum of squared one-step errors). "
    "Then ETSModel(y as a monthly pandas Series, error='add', trend=..., damped_trend=..., seasonal=..., "
    "seasonal_periods=12, initialization_method='known', initial_level/initial_trend/initial_seasonal = "
    "those heuristic values).smooth([alpha, beta_error_correction, gamma, phi]) (only the parameters the "
    "model has, in that order) gives, via .get_prediction(start=n, end=n+11).summary_frame(alpha=0.05 / "
    "0.2), the 95 % / 80 % interval bounds mean -/+ z*sqrt(forecast_variance) with z = norm.ppf(0.975) "
    "= 1.959963984540054 (0.8: 1.2815515655446004), forecast_variance = sigma2 * (1 + sum_(j=1)^(h-1) "
    "c_j^2), c_j = alpha + beta_error_correction*(phi+...+phi^j) + gamma*[j mod 12 == 0] (statsmodels "
    "writes the closed forms of Hyndman et al. 2008 Table 6.1; identical). sigma2 = ETSResults.mse = "
    "sse / n (divisor n, the number of observations, no degrees-of-freedom correction; n counts every "
    "observation including the first). ETSModel's fitted values equal ExponentialSmoothing's to 1e-13. "
    "PARAMETERISATION: ExponentialSmoothing's smoothing_trend is the component-form beta* in "
    "b_t = beta*(l_t - l_{{t-1}}) + (1-beta*) phi b_{{t-1}}; the error-correction beta used by ETSModel "
    "(b_t = phi b_{{t-1}} + beta e_t) is beta = alpha*beta*. ExponentialSmoothing's smoothing_seasonal "
    "gamma (s_t = gamma (y_t - l_{{t-1}} - phi b_{{t-1}}) + (1-gamma) s_{{t-m}}) is the SAME number as "
    "ETSModel's error-correction gamma (s_t = s_{{t-m}} + gamma e_t); ETSModel internally uses "
    "gamma* = gamma/(1-alpha) against y_t - l_t. Recursion for t = 0..n-1: yhat_t = l + phi b + s_old, "
    "e_t = y_t - yhat_t, l <- l + phi b + alpha e_t, b <- phi b + alpha beta* e_t, s_new = s_old + gamma "
    "e_t, with (l, b) starting at initial.level/initial.trend (the state BEFORE data[0]). For models "
    "without trend take phi b = 0; without season s = 0. SEASONAL ORDER: initial.seasonal[j] is the "
    "seasonal state used for data[j], j = 0..11; so initial.seasonal[0] is the OLDEST state (ETS "
    "notation s_(-m) = s_(-11) 1-based, i.e. s_{{1-m}}), initial.seasonal[11] the most recent (s_0). "
    "This is the order both ExponentialSmoothing(initial_seasonal=...) and ETSModel(initial_seasonal=...) "
    "accept (ETSModel reverses it internally, GH 7893). final_state.seasonal_oldest_first[j] is the state "
    "for forecast step h = j+1 (and h = j+13, ...). forecast[h-1] = l_n + (phi+...+phi^h) b_n + "
    "final_state.seasonal_oldest_first[(h-1) mod 12]. statsmodels' ExponentialSmoothing.forecast() has a "
    "bug at h = 12 (it uses the seasonal state from before the last update; issue #9538, fixed upstream "
    "after 0.15.0), recorded separately as forecast_statsmodels_exponentialsmoothing; ETSModel is correct. "
    "No model here needed initialization_method='known' for the ExponentialSmoothing step: 'heuristic' is "
    "allowed for all three (non-seasonal heuristic = OLS on the first 10 observations). heuristic_cases "
    "lists the heuristic (and, for comparison, the 'simple' initialisation that "
    "initialization_method='estimated' starts from when n < 22) on prefixes of the two series, including "
    "the n values where it refuses."
)


def build_oracle(y_air, y_syn):
    cases = []
    for sname, y in (("airpassengers[0:48]", y_air[:48]), ("syn_seasonal_trend[0:60]", y_syn[:60])):
        for model in ("hw_damped_additive", "holt_damped", "ses"):
            cases.append(oracle_case(sname, np.asarray(y, dtype=float), model))
    return {
        "how_made": HOW_MADE.format(**VERSIONS),
        "versions": VERSIONS,
        "seasonal_periods": 12,
        "z95": Z95,
        "z80": Z80,
        "cases": cases,
        "heuristic_cases": heuristic_only_cases(y_air, y_syn),
    }


# --------------------------------------------------------------------------
# SOURCES.md
# --------------------------------------------------------------------------
def sources_md(public, synthetic, per_series_origins):
    L = []
    a = L.append
    a("# Forecast benchmark series: sources")
    a("")
    a("Generated by `benches/forecast/make_fixtures.py` (do not edit by hand; CI never runs the script). "
      "Versions used: " + ", ".join(f"{k} {v}" for k, v in VERSIONS.items()) + ".")
    a("")
    a("Every CSV in `series/` has header `month,value`, `month` as `YYYY-MM`, one row per month, oldest first, "
      "no gaps; values are plain decimals. All values in all series are strictly positive. Public series keep at "
      "most the most recent 180 months. Only data bundled inside the pmdarima / statsmodels wheels was used "
      "(no network).")
    a("")
    a("| series | months | first | last | origins (step) |")
    a("| --- | ---: | --- | --- | --- |")
    for d in public + synthetic:
        no, st = per_series_origins[d["name"]]
        a(f"| `{d['name']}` | {d['n']} | {d['start']} | {d['end']} | {no} ({st}) |")
    a("")
    a("## Public series")
    a("")
    for d in public:
        a(f"### `{d['name']}`")
        a("")
        a(f"- Package: {d['package']}; loader `{d['loader']}`.")
        a(f"- Original source (as the package documents it): {d['original']}")
        a(f"- Licence: {d['licence'].rstrip('.')}.")
        a(f"- Transformation: {d['transform']}")
        a(f"- Kept: {d['start']} .. {d['end']} ({d['n']} months).")
        a("")
    a("## Synthetic series")
    a("")
    a("Like a council KPI's 5-7 years. `t` is the 0-based month index (t = 0 is the first row). "
      "Noise is `numpy.random.default_rng(seed).normal(0, sd, n)` drawn once as one vector of length n. "
      "After generation every value is rounded to 2 decimals (`numpy.round(y, 2)`) and checked > 0. "
      "Month labels are arbitrary (chosen so that months fall on an April-March council year); "
      "the CSV is authoritative.")
    a("")
    for d in synthetic:
        a(f"### `{d['name']}`")
        a("")
        a(f"- {d['recipe']}")
        a(f"- Seed {d['seed']}; months {d['start']} .. {d['end']}.")
        a("")
    a("## Backtest protocol (`baseline_statsmodels.csv`)")
    a("")
    a("For a series y[0..n): `last = n - 12`, `count = last - 24 + 1`, `step = ceil(count / 60)`, origins "
      "o = 24, 24+step, ... while o <= last. Training data y[0..o); for h in {3, 6, 12} the target is "
      "y[o+h-1]. scale(o) = mean over t = 12..o-1 of |y[t] - y[t-12]|. MASE = mean over origins of "
      "|y[o+h-1] - yhat| / scale(o); MAPE = mean of 100 |y[o+h-1] - yhat| / |y[o+h-1]| (no actual is 0 here); "
      "cover80/cover95 = share of origins with lower <= actual <= upper (inclusive), blank where the method "
      "has no interval.")
    a("")
    a("- `naive`: yhat = y[o-1]; interval yhat -/+ z sigma sqrt(h), sigma = sqrt(mean of (y[t]-y[t-1])^2 "
      "over t = 1..o-1) (divisor o-1, not mean-centred).")
    a("- `snaive`: yhat = y[o-12+((h-1) mod 12)]; interval yhat -/+ z sigma sqrt(floor((h-1)/12)+1), "
      "sigma = sqrt(mean of (y[t]-y[t-12])^2 over t = 12..o-1) (divisor o-12).")
    a(f"- z80 = norm.ppf(0.90) = {Z80!r}, z95 = norm.ppf(0.975) = {Z95!r}.")
    a("- `damped_hw`: `ExponentialSmoothing(train, trend='add', damped_trend=True, seasonal='add', "
      "seasonal_periods=12, initialization_method='estimated').fit().forecast(12)` exactly as statsmodels "
      "returns it (train passed as a plain numpy array); no intervals.")
    a("- `damped_hw_fixed` (extra, not in the original brief): the same fit, but the forecast recomputed "
      "from its final states as l_n + (phi+...+phi^h) b_n + s (latest seasonal state for that month). "
      "Identical to `damped_hw` at h = 3 and 6 (asserted to 1e-8); differs at h = 12 because statsmodels "
      f"{statsmodels.__version__}'s ExponentialSmoothing.forecast uses the seasonal state from before the "
      "last update at h = 12, 24, ... (statsmodels issue #9538). A correct Rust implementation should be "
      "compared with this row at h = 12.")
    a("- `ets_aada`: `ETSModel(train, error='add', trend='add', damped_trend=True, seasonal='add', "
      "seasonal_periods=12).fit(disp=False)` (initialization_method defaults to 'estimated': the 12+2 initial "
      "states are estimated by maximum likelihood along with alpha, beta, gamma, phi); train passed as a "
      "pandas Series with a month-start DatetimeIndex (get_prediction fails on a bare numpy array in this "
      "statsmodels); point = `get_prediction(start=o, end=o+11).summary_frame(alpha=0.2 / 0.05)['mean']`, "
      "intervals its `pi_lower`/`pi_upper` (exact analytical AAdA intervals).")
    a("- A fit that raises, or returns a non-finite forecast/bound, falls back to the `snaive` forecast "
      "(and, for `ets_aada`, the `snaive` intervals) for that origin; the script prints how many. Warnings "
      "are recorded and printed (the origin is still used).")
    a(f"- `MEAN` rows: unweighted mean over the {len(per_series_origins)} series of each column for that method and h; their "
      "`origins` column is the total number of origins over all series.")
    a("")
    a(HEURISTIC_MD)
    return "\n".join(L) + "\n"


HEURISTIC_MD = r"""## statsmodels heuristic initialisation

What `statsmodels.tsa.exponential_smoothing.initialization._initialization_heuristic(y, trend, seasonal,
seasonal_periods)` computes (statsmodels 0.15.0; it cites Hyndman et al. section 2.6), for additive trend
and additive season. `ExponentialSmoothing(initialization_method="heuristic")` and
`ETSModel(initialization_method="heuristic")` call it on the whole training sample. Indices are 0-based.
`tests/fixtures/forecast/oracle.json` (`cases[*].initial` and `heuristic_cases`) holds its output on
prefixes of two series, and `make_fixtures.py` re-implements the steps below in plain loops
(`my_heuristic`) and asserts agreement with statsmodels to 1e-9.

Input y[0..n), season length m (12 here).

1. If n < 10: error ("less than 10 observations").
2. **Non-seasonal model**: z = y; go to step 9.
3. **Seasonal model**: if n < 2m: error. Let `min_obs = 10 + 2*floor(m/2)` (= 22 for m = 12); if
   n < min_obs: error. (For m = 12 the 2m = 24 check is the binding one.)
4. Number of whole cycles used: `K = min(5, floor(n/m))`, then `K = max(K, ceil(min_obs/m))`.
   For m = 12: K = 2 for n in 24..35, 3 for 36..47, 4 for 48..59, 5 for n >= 60.
   Only x = y[0 .. K*m) is used; later observations are ignored.
5. Centred moving average ("2 x m MA" since m is even). With h = m/2 (= 6):
   `T[i] = ( x[i-6]/2 + x[i-5] + x[i-4] + ... + x[i+5] + x[i+6]/2 ) / 12`
   i.e. weights 1/24, eleven times 1/12, 1/24 over x[i-6..i+6]. It is defined for i = 6 .. K*m-7
   (K*m - 12 values) and undefined (NaN) for the first 6 and the last 6 positions.
   statsmodels computes it as `R[i] = mean(x[i-6 .. i+5])` (pandas `rolling(12, center=True)`), then
   `T[i] = (R[i] + R[i+1]) / 2` (`shift(-1).rolling(2).mean()`); this is algebraically the same and
   agrees to ~1e-13. (For odd m it would be the plain centred mean of m values, with no second step.)
6. Detrend: `D[i] = x[i] - T[i]` where T[i] is defined.
7. Raw seasonal index for month position j = 0..m-1: `S[j] = mean of D[c*m + j]` over cycles
   c = 0..K-1 for which D is defined. For m = 12 this is positions j = 0..5 averaged over cycles
   c = 1..K-1 and positions j = 6..11 over cycles c = 0..K-2 (K-1 values each).
8. Normalise: `S[j] -= mean(S[0..m))` so the 12 seasonals sum to 0.
   **Order**: S[j] is the seasonal state applied to y[j] (and y[j+12], ... until updated), so S[0] is the
   oldest initial seasonal state (s_{1-m}) and S[m-1] the most recent (s_0). Then set
   z = the defined trend values in time order: z = [T[6], T[7], ..., T[K*m-7]] (so z[0] is the MA
   centred on data index 6, not index 0).
9. Level and trend from a straight line through the first 10 values of z: ordinary least squares of
   z[0..10) on [1, t] with t = 1, 2, ..., 10 (statsmodels uses `pinv([1, t]) @ z[:10]`, equal to
   closed-form OLS to ~1e-13):
   - `zbar = mean(z[0..10))`
   - `slope = sum_{t=1..10} (t - 5.5) * (z[t-1] - zbar) / 82.5`   (82.5 = sum (t-5.5)^2)
   - `intercept = zbar - 5.5 * slope`
   Initial **level = intercept** (the line's value at t = 0, one step before z[0]); initial
   **trend = slope** (additive trend; for a multiplicative trend statsmodels would use
   1 + slope/intercept). The level is used as l_0, the state just before y[0], even though in the
   seasonal case the line is anchored on MA values that start at data index 6 - i.e. it is really the
   de-seasonalised level near data index 5. Do not "correct" this if you want to match statsmodels.
   For a model without trend only the level is used (SES still gets the intercept, not y[0]).

Related: `_initialization_simple` (what `initialization_method="estimated"` starts from when
n < 10 + 2*floor(m/2) = 22; otherwise "estimated" starts from the heuristic and then optimises the
initial states): seasonal: level = mean(y[0..m)), trend = mean over j = 0..m-1 of (y[m+j] - y[j]) / m,
seasonal[j] = y[j] - level (not re-normalised; needs n >= 2m); non-seasonal: level = y[0],
trend = y[1] - y[0].

Smoothing recursions of `ExponentialSmoothing` (damped additive, as in `_predict`), with
l = l_0, b = b_0 and s_old for y[t] = S[t] for t < m, else the value written at t - m:

    yhat_t = l + phi*b + s_old                  (fittedvalues[t])
    l_new  = alpha*(y_t - s_old) + (1 - alpha)*(l + phi*b)
    b_new  = beta*(l_new - l) + (1 - beta)*phi*b          (beta = smoothing_trend = beta*)
    s_new  = gamma*(y_t - l - phi*b) + (1 - gamma)*s_old  (uses the OLD l and b)

which equals the error-correction form with e_t = y_t - yhat_t: l_new = l + phi*b + alpha*e_t,
b_new = phi*b + alpha*beta* * e_t, s_new = s_old + gamma*e_t. SSE = sum e_t^2. Forecast h steps after
the last observation (index n-1): l_n + (phi + phi^2 + ... + phi^h)*b_n + s_new written at time
n - m + ((h-1) mod m). (statsmodels' own `forecast()` uses the pre-update state at h = 12; see above.)
"""


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------
def main():
    SERIES_DIR.mkdir(parents=True, exist_ok=True)
    ORACLE_JSON.parent.mkdir(parents=True, exist_ok=True)

    public = build_public()
    synthetic = build_synthetic()
    for d in public:
        write_series(d["name"], d["start"], d["series"].to_numpy(dtype=float), d["decimals"])
    for d in synthetic:
        write_series(d["name"], d["start"], d["y"], 2)
    # remove stale CSVs from earlier runs with other names
    wanted = {d["name"] + ".csv" for d in public + synthetic}
    for p in SERIES_DIR.glob("*.csv"):
        if p.name not in wanted:
            p.unlink()

    # read back exactly what was written
    all_series = [(d["name"], read_series(d["name"])[1]) for d in public + synthetic]
    for (nm, y), d in zip(all_series, public + synthetic):
        src = d["series"].to_numpy(dtype=float) if "series" in d else d["y"]
        assert np.max(np.abs(y - src)) < 1e-9, nm

    t0 = time.perf_counter()
    rows, problems, fallbacks, per_series_origins = backtest(all_series)
    t_bt = time.perf_counter() - t0
    write_baseline(rows)

    y_air = dict(all_series)["airpassengers"]
    y_syn = dict(all_series)["syn_seasonal_trend"]
    oracle = build_oracle(y_air, y_syn)
    ORACLE_JSON.write_text(json.dumps(oracle, indent=1, allow_nan=False) + "\n")

    SOURCES_MD.write_text(sources_md(public, synthetic, per_series_origins))

    # ---------------- printed report ----------------
    print(f"versions: {VERSIONS}")
    print(f"series: {len(all_series)} ({len(public)} public, {len(synthetic)} synthetic)")
    for nm, y in all_series:
        no, st = per_series_origins[nm]
        print(f"  {nm:24s} n={len(y):4d} origins={no:3d} step={st} backtest {SERIES_SECONDS[nm]:6.1f}s")
    print()
    print("fit problems (warnings / errors) by series and method:")
    if not problems:
        print("  none")
    else:
        agg = {}
        for (nm, mth, o), kind, msg in problems:
            key = (nm, mth, kind, msg)
            agg.setdefault(key, []).append(o)
        for (nm, mth, kind, msg), os_ in sorted(agg.items()):
            print(f"  {nm:24s} {mth:10s} {kind:22s} x{len(os_):3d} (origins {os_[:6]}{'...' if len(os_) > 6 else ''}): {msg}")
    print("fallbacks to snaive:", "none" if not fallbacks else "")
    for (nm, mth), c in sorted(fallbacks.items()):
        print(f"  {nm:24s} {mth:16s} {c}")
    print()
    print("MEAN over series (unweighted):")
    print(f"  {'method':16s} {'h':>3s} {'MASE':>8s} {'MAPE%':>8s} {'cov80':>6s} {'cov95':>6s}")
    for r in rows:
        if r["series"] != "MEAN":
            continue
        c80 = "" if r["cover80"] is None else f"{r['cover80']:.3f}"
        c95 = "" if r["cover95"] is None else f"{r['cover95']:.3f}"
        print(f"  {r['method']:16s} {r['h']:3d} {r['mase']:8.4f} {r['mape']:8.3f} {c80:>6s} {c95:>6s}")
    print()
    print("per-series MASE, snaive vs damped_hw (damped_hw_fixed in brackets at h=12):")
    print(f"  {'series':24s} " + " ".join(f"{'sn h' + str(h):>8s} {'hw h' + str(h):>8s}" for h in HORIZONS)
          + f" {'hwfix12':>8s}")
    idx = {(r["series"], r["method"], r["h"]): r for r in rows}
    for nm, _ in all_series + [("MEAN", None)]:
        parts = []
        for h in HORIZONS:
            parts.append(f"{idx[(nm, 'snaive', h)]['mase']:8.4f} {idx[(nm, 'damped_hw', h)]['mase']:8.4f}")
        print(f"  {nm:24s} " + " ".join(parts) + f" {idx[(nm, 'damped_hw_fixed', 12)]['mase']:8.4f}")
    print()
    print(f"backtest {t_bt:.1f}s; total {time.perf_counter() - T_START:.1f}s")


if __name__ == "__main__":
    main()
