"""``bodymap export-fhir``: the FHIR R4 Bundle of an entry, validated with fhir.resources (R4B)."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from bodymap.core.entry_facts import FactFinder
from bodymap.core.marks import RegionMark
from bodymap.core.score import QUALITIES, PainScore
from bodymap.core.session import Session
from bodymap.io.fhir import build_bundle
from bodymap.io.session_file import save_session

ROOT = Path(__file__).resolve().parent.parent
SNOMED = "http://snomed.info/sct"
# A small but well-formed PDF (one empty page)
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def bodymap(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bodymap", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def session() -> Session:
    return Session(
        marks=[
            RegionMark("back.left.outer_hip", 7, "burning"),
            RegionMark("back.left.neck", 3, "aching"),
            RegionMark("back.right.low_back", 5),
        ],
        score=PainScore(6, 4, 8),
        note="Worse after sitting.\nBetter after a walk.",
        date=datetime(2026, 11, 3, 21, 15, tzinfo=timezone(timedelta(hours=-5))),
    )


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_the_bundle_validates_and_carries_the_entry(anatomy, session: Session) -> None:  # type: ignore[no-untyped-def]
    facts = FactFinder(anatomy).facts(session)
    bundle = build_bundle(anatomy, session, facts)
    Bundle.model_validate(bundle)  # raises on anything R4 does not allow
    assert bundle["type"] == "collection"
    observations = resources(bundle, "Observation")
    assert all(o["effectiveDateTime"] == "2026-11-03T21:15:00-05:00" for o in observations)
    nrs = [o for o in observations if o["code"].get("coding", [{}])[0].get("code") == "72514-3"]
    assert [o["valueInteger"] for o in nrs] == [6, 4, 8]
    assert all(o["code"]["coding"][0]["system"] == "http://loinc.org" for o in nrs)
    regions = [o for o in observations if "bodySite" in o]
    assert len(regions) == len(facts.regions) == 3
    by_label = {o["bodySite"]["text"]: o for o in regions}
    neck = by_label[anatomy.regions["back.left.neck"].label]
    snomed = anatomy.regions["back.left.neck"].snomed
    assert neck["bodySite"]["coding"][0] == {
        "system": SNOMED, "code": snomed.code, "display": snomed.term,
    }  # fmt: skip
    values = [c.get("valueCodeableConcept", {}).get("coding", [{}])[0] for c in neck["component"]]
    assert {"system": SNOMED, "code": "419161000", "display": "Unilateral left"} in values
    assert QUALITIES["aching"].snomed in {v.get("code") for v in values}
    hip = by_label[anatomy.regions["back.left.outer_hip"].label]
    hip_codes = {
        c["valueCodeableConcept"]["coding"][0]["code"]
        for c in hip["component"]
        if "valueCodeableConcept" in c
    }
    assert QUALITIES["burning"].snomed in hip_codes
    assert QUALITIES["aching"].snomed not in hip_codes  # a quality stays on its own region
    (body_map,) = [o for o in observations if "hasMember" in o]
    assert body_map["note"] == [{"text": session.note}]
    assert len(body_map["hasMember"]) == 6
    urls = {e["fullUrl"] for e in bundle["entry"]}
    assert {m["reference"] for m in body_map["hasMember"]} <= urls
    assert body_map["valueQuantity"]["value"] == pytest.approx(facts.extent.total, abs=1e-3)
    assert not resources(bundle, "DocumentReference")
    # the same session gives the same bundle
    assert build_bundle(anatomy, session, facts) == bundle


def test_the_pdf_report_is_attached_when_given(anatomy, session: Session) -> None:  # type: ignore[no-untyped-def]
    facts = FactFinder(anatomy).facts(session)
    bundle = build_bundle(anatomy, session, facts, report_pdf=PDF)
    parsed = Bundle.model_validate(bundle)
    (document,) = resources(bundle, "DocumentReference")
    attachment = document["content"][0]["attachment"]
    assert attachment["contentType"] == "application/pdf"
    assert base64.b64decode(attachment["data"]) == PDF and attachment["size"] == len(PDF)
    kinds = [e.resource.get_resource_type() for e in parsed.entry]  # type: ignore[union-attr]
    assert kinds.count("DocumentReference") == 1
    (body_map,) = [o for o in resources(bundle, "Observation") if "hasMember" in o]
    assert body_map["derivedFrom"][0]["reference"] in {e["fullUrl"] for e in bundle["entry"]}


def test_an_entry_without_pain_or_score_still_validates(anatomy) -> None:  # type: ignore[no-untyped-def]
    session = Session()
    bundle = build_bundle(anatomy, session, FactFinder(anatomy).facts(session))
    Bundle.model_validate(bundle)
    (only,) = resources(bundle, "Observation")
    assert only["valueQuantity"]["value"] == 0 and "hasMember" not in only
    assert only["effectiveDateTime"].endswith("+00:00")


def test_the_command_writes_a_valid_bundle_without_fhir_resources(
    tmp_path: Path, session: Session
) -> None:
    entry = tmp_path / "entry.bodymap.json"
    save_session(session, entry)
    out = tmp_path / "bundle.json"
    code = textwrap.dedent(
        f"""
        import sys
        from bodymap.cli import main
        status = main(["export-fhir", {str(entry)!r}, {str(out)!r}])
        print(status, any(m.startswith("fhir") for m in sys.modules))
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "0 False"  # nothing of fhir.resources at run time
    bundle = json.loads(out.read_text("utf-8"))
    Bundle.model_validate(bundle)
    (document,) = resources(bundle, "DocumentReference")  # the PDF report, attached
    pdf = base64.b64decode(document["content"][0]["attachment"]["data"])
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-64:]


def test_bad_input_is_one_line(tmp_path: Path, session: Session) -> None:
    broken = tmp_path / "broken.bodymap.json"
    broken.write_text('{"format": "bodymap-session"', "utf-8")
    good = tmp_path / "good.bodymap.json"
    save_session(session, good)
    for args in (
        (str(broken), str(tmp_path / "a.json")),
        (str(tmp_path / "missing.bodymap.json"), str(tmp_path / "b.json")),
        (str(good), str(tmp_path / "no-such-folder" / "c.json")),
        (str(good), str(tmp_path)),
    ):
        proc = bodymap("export-fhir", *args)
        assert proc.returncode == 2, args
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert not [p for p in tmp_path.glob("*.json") if not p.name.endswith(".bodymap.json")]
