"""The cohort map's benchmark row: ``bodymap cohort`` over 1,000 and 10,000 single-entry
sessions (a clinic's or a study's folder of drawings).

The sessions are generated: 400 distinct drawings (one to three painted regions and a short
brush stroke, their pain kept in the file as the window saves it), each written under
several dates and pain scores, one session file per entry, in subfolders of 1,000. Each run
is the command as a person runs it (a fresh process, every core), timed from start to exit;
its peak memory is that of the main process and of the largest worker, and its CPU time
that of the main process and of all workers (on a machine shared with other work the wall
time grows with the load, the CPU time hardly).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import synthetic

from bodymap.core.anatomy import Anatomy
from bodymap.core.layers import IntensityBands
from bodymap.core.marks import Mark, RegionMark
from bodymap.core.pain import PainMap
from bodymap.core.score import PainScore
from bodymap.core.session import Session

SIZES = (1_000, 10_000)
DRAWINGS = 400
BUDGET_S = 60.0

_RUN = """
import json, resource, sys, time
t0 = time.perf_counter()
from bodymap.cli import main
status = main(sys.argv[1:])
me = resource.getrusage(resource.RUSAGE_SELF)
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"status": status, "s": time.perf_counter() - t0,
                  "rss_main_mb": me.ru_maxrss / 1024, "rss_worker_mb": workers.ru_maxrss / 1024,
                  "cpu_main_s": me.ru_utime + me.ru_stime,
                  "cpu_workers_s": workers.ru_utime + workers.ru_stime}))
"""


def make_sessions(anatomy: Anatomy, folder: Path, count: int, seed: int = 5) -> Path:
    """``count`` single-entry sessions under ``folder`` (see the module doc)."""
    from bodymap.io.session_file import dumps

    rng = random.Random(seed)
    regions = list(anatomy.regions)
    drawings = []
    for _ in range(DRAWINGS):
        marks: list[Mark] = [RegionMark(r, rng.randint(1, 10)) for r in rng.sample(regions, 2)]
        marks.append(synthetic.scribble(rng, rng.choice(("back", "front")), 30))
        pain = IntensityBands(PainMap(anatomy, marks)).layers()
        drawings.append((marks, pain))
    zone = timezone(timedelta(hours=1))
    start = datetime(2025, 1, 1, 9, 0, tzinfo=zone)
    for i in range(count):
        marks, pain = drawings[i % DRAWINGS]
        worst = rng.randint(2, 10)
        session = Session(
            marks=list(marks),
            regions_version=anatomy.version,
            regions_sha256=anatomy.sha256,
            pain=pain,
            score=PainScore(max(0, worst - 2), max(0, worst - 3), worst),
            date=start + timedelta(hours=i),
        )
        sub = folder / f"site-{i // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"patient-{i:05d}.bodymap.json").write_bytes(dumps(session))
    return folder


def run_cohort(folder: Path, out: Path, env: dict[str, str], cwd: Path) -> dict[str, float]:
    """One ``bodymap cohort`` run over ``folder`` (from ``cwd``, where ``bodymap`` is
    importable): seconds and peak memory (MB)."""
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, "cohort", str(folder), "--heatmap", str(out / "heat.png"),
         "--csv", str(out / "counts.csv")],
        capture_output=True, text=True, env=env, cwd=cwd, timeout=900,
    )  # fmt: skip
    if proc.returncode != 0:
        raise RuntimeError(f"bodymap cohort failed: {proc.stderr.strip()}")
    result: dict[str, float] = json.loads(proc.stdout.splitlines()[-1])
    return result


def run(
    anatomy: Anatomy, root: Path, env: dict[str, str], cwd: Path
) -> dict[str, dict[str, float]]:
    """Generate the sessions and time the command at each size of :data:`SIZES`."""
    figures: dict[str, dict[str, float]] = {}
    for size in SIZES:
        folder = root / f"cohort-{size}"
        t0 = time.perf_counter()
        make_sessions(anatomy, folder, size)
        generated = time.perf_counter() - t0
        wall = time.perf_counter()
        load = os.getloadavg()[0]
        res = run_cohort(folder, root, env, cwd)
        res["wall_s"] = time.perf_counter() - wall
        res["load_before"], res["load_after"] = load, os.getloadavg()[0]
        res["generated_s"] = generated
        figures[str(size)] = res
    return figures
