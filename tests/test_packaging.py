"""`pip install .` installs one import name, `khabar`, with the data the runtime reads."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_has_one_top_level_package_with_its_data(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    (wheel,) = tmp_path.glob("khabar-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {name.split("/")[0] for name in names} == {"khabar", f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info"}
    for data in ("khabar/nlp/data/districts.json", "khabar/nlp/data/deadliest_attacks.json", "khabar/nlp/models/incident_head.npz",
                 "khabar/incidents/matcher.json", "khabar/app/console/index.html", "khabar/index/kibana/saved_objects.ndjson",
                 "khabar/demo/site/gold.jsonl", "khabar/demo/sources.yaml"):
        assert data in names, f"{data} missing from the wheel"
