"""Validate demo/site/gold.jsonl and incidents_gold.jsonl against the rendered site (stdlib only).

    python3 demo/check_gold.py [--site DIR] [--gazetteer DIR]

Exit status 0 when clean, 1 when problems were found (each printed on its own line).
"""
from __future__ import annotations

import argparse
import csv
import html
import json
import os
import re
import sys
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent
SITE_DIR = DEMO_DIR / "site"
GAZ_CANDIDATES = [
    os.environ.get("KHABAR_GAZETTEER", ""),
    str(DEMO_DIR.parent.parent / "shared" / "data" / "gazetteer"),
]

EVENT_TYPES = {"bombing", "armed_assault", "targeted_killing", "kidnapping", "hijacking",
               "infrastructure_attack", "security_operation", "other"}
ATTRIBUTIONS = {"claimed", "blamed", "unknown"}
TARGET_TYPES = {"security_forces", "police", "civilians", "government", "religious", "political", "foreigners",
                "transport", "education", "infrastructure", "militants", "other"}
EVENT_FIELDS = {"incident_key", "event_type", "suicide", "date", "country", "province", "district", "place",
                "killed", "injured", "attackers_killed", "kidnapped", "perpetrator", "attribution", "target_type"}
NUMBER_FIELDS = ("killed", "injured", "attackers_killed", "kidnapped")
ARTICLE_RE = re.compile(r"^/[a-z-]+/\d{4}/\d{2}/[^/]+\.html$")
ROBOTS_BLOCKED = ("/indus-times/private/",)

WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty"}


def number_forms(n: int) -> list[str]:
    forms = [str(n)]
    if n < len(WORDS):
        forms.append(WORDS[n])
    elif n < 60:
        t, u = divmod(n, 10)
        forms.append(TENS[t * 10] + ("-" + WORDS[u] if u else ""))
    if n == 1:
        forms += ["a ", "an "]
    if n == 12:
        forms.append("dozen")
    if n == 2:
        forms.append("both")
    return forms


def article_text(raw: str) -> str:
    m = re.search(r"<article\b.*?</article>", raw, re.S)
    chunk = m.group(0) if m else raw
    chunk = re.sub(r"<script.*?</script>", " ", chunk, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", chunk))


def find_gazetteer(explicit: str | None) -> Path | None:
    for c in ([explicit] if explicit else []) + GAZ_CANDIDATES:
        if c and (Path(c) / "pk_districts.csv").is_file():
            return Path(c)
    return None


def check(site: Path, gaz: Path | None) -> list[str]:
    errs: list[str] = []
    gold_path = site / "gold.jsonl"
    recs = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    urls = [r["url"] for r in recs]
    if len(set(urls)) != len(urls):
        errs.append("duplicate urls in gold.jsonl")

    districts: dict[tuple[str, str], list[str]] = {}
    groups: dict[str, list[str]] = {}
    places: dict[str, set[str]] = {}
    if gaz:
        with open(gaz / "pk_districts.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                districts[(row["province"], row["name"])] = [row["name"]] + [a for a in row["aliases"].split("|") if a]
        pp = gaz / "pk_places.csv"
        if pp.is_file():
            with open(pp, encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    places.setdefault(row["name"], set()).add(row["district"])
        gj = gaz / "groups.json"
        if gj.is_file():
            data = json.loads(gj.read_text(encoding="utf-8"))
            for g in (data if isinstance(data, list) else data.get("groups", [])):
                groups[g["canonical_name"]] = [g["canonical_name"]] + g.get("abbreviations", []) + g.get("aliases", [])

    # every article file has a gold line
    files = {"/" + p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    article_files = {f for f in files if ARTICLE_RE.match(f) and not f.startswith(ROBOTS_BLOCKED)}
    for f in sorted(article_files - set(urls)):
        errs.append(f"{f}: article file without gold line")

    by_key: dict[str, list[tuple[str, dict]]] = {}
    for r in recs:
        u = r["url"]
        if u.startswith(ROBOTS_BLOCKED):
            errs.append(f"{u}: robots-blocked page must not be in gold")
        fp = site / u.lstrip("/")
        if not fp.is_file():
            errs.append(f"{u}: gold url has no file")
            continue
        raw = fp.read_text(encoding="utf-8")
        text = article_text(raw)
        low = text.lower()
        nwords = len(text.split()) - len(r["title"].split())
        if not 200 <= nwords <= 470:
            errs.append(f"{u}: article body has {nwords} words")
        if f'content="{r["published_at"]}"' not in raw:
            errs.append(f"{u}: published_at not in page meta")
        for k in ("url", "outlet", "title", "published_at", "relevant", "events"):
            if k not in r:
                errs.append(f"{u}: missing key {k}")
        if bool(r["events"]) != r["relevant"]:
            errs.append(f"{u}: relevant={r['relevant']} but {len(r['events'])} events")
        for e in r["events"]:
            tag = f"{u} [{e.get('incident_key')}]"
            if set(e) != EVENT_FIELDS:
                errs.append(f"{tag}: fields differ: {sorted(set(e) ^ EVENT_FIELDS)}")
            if e["event_type"] not in EVENT_TYPES:
                errs.append(f"{tag}: bad event_type {e['event_type']}")
            if e["attribution"] not in ATTRIBUTIONS:
                errs.append(f"{tag}: bad attribution {e['attribution']}")
            if e["target_type"] not in TARGET_TYPES:
                errs.append(f"{tag}: bad target_type {e['target_type']}")
            if (e["perpetrator"] is None) != (e["attribution"] == "unknown"):
                errs.append(f"{tag}: perpetrator/attribution mismatch")
            if e["event_type"] == "security_operation" and (e["perpetrator"] or e["target_type"] != "militants"):
                errs.append(f"{tag}: security_operation must have perpetrator null and target militants")
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["date"] or "") or e["date"] > r["published_at"][:10]:
                errs.append(f"{tag}: bad date {e['date']}")
            if not e["incident_key"].startswith(e["date"]):
                errs.append(f"{tag}: incident_key does not start with date")
            if e["country"] != "Pakistan":
                errs.append(f"{tag}: country")
            for f in NUMBER_FIELDS:
                v = e[f]
                if v is None or v == 0:
                    continue
                if not isinstance(v, int) or v < 0:
                    errs.append(f"{tag}: {f} not a non-negative int")
                elif not any(re.search(r"(?<![\w-])" + re.escape(form.strip()) + r"(?![\w])", low) if form.strip() else False
                             for form in number_forms(v)):
                    errs.append(f"{tag}: {f}={v} not stated in text")
            if districts:
                names = districts.get((e["province"], e["district"]))
                if names is None:
                    errs.append(f"{tag}: unknown province/district {e['province']}/{e['district']}")
                else:
                    cands = names + ([e["place"]] if e["place"] else [])
                    if e["district"] == "Kachhi (Bolan)":
                        cands.append("Kachhi")
                    if not any(c.lower() in low for c in cands):
                        errs.append(f"{tag}: district {e['district']} (or alias/place) not in text")
                if e["place"] and places and e["place"] not in places:
                    errs.append(f"{tag}: place {e['place']} not in pk_places.csv")
                elif e["place"] and places and e["district"] not in places[e["place"]]:
                    errs.append(f"{tag}: place {e['place']} is not in district {e['district']}")
                if e["place"] and e["place"].lower() not in low:
                    errs.append(f"{tag}: place {e['place']} not in text")
            if e["perpetrator"] and groups:
                al = groups.get(e["perpetrator"])
                if al is None:
                    errs.append(f"{tag}: unknown perpetrator {e['perpetrator']}")
                elif not any(re.search(r"(?<!\w)" + re.escape(a.lower()) + r"(?!\w)", low) for a in al):
                    errs.append(f"{tag}: perpetrator {e['perpetrator']} (or alias) not in text")
            by_key.setdefault(e["incident_key"], []).append((u, e))

    for key, items in by_key.items():
        for f in ("event_type", "date", "province", "district"):
            vals = {e[f] for _, e in items}
            if len(vals) > 1:
                errs.append(f"{key}: inconsistent {f} across articles: {sorted(map(str, vals))}")
        if len({u for u, _ in items}) != len(items):
            errs.append(f"{key}: same incident twice in one article")

    inc_path = site / "incidents_gold.jsonl"
    if not inc_path.is_file():
        errs.append("incidents_gold.jsonl missing")
    else:
        incs = [json.loads(x) for x in inc_path.read_text(encoding="utf-8").splitlines() if x.strip()]
        seen = {i["incident_key"] for i in incs}
        if seen != set(by_key):
            errs.append(f"incidents_gold keys differ from gold: {sorted(seen ^ set(by_key))}")
        for i in incs:
            items = by_key.get(i["incident_key"], [])
            if sorted(i["urls"]) != sorted(u for u, _ in items):
                errs.append(f"{i['incident_key']}: incidents_gold urls differ from gold")
    return errs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--site", type=Path, default=SITE_DIR)
    ap.add_argument("--gazetteer", default=None)
    args = ap.parse_args(argv)
    gaz = find_gazetteer(args.gazetteer)
    if gaz is None:
        print("note: gazetteer not found, skipping district/perpetrator checks", file=sys.stderr)
    errs = check(args.site, gaz)
    for e in errs:
        print(e)
    recs = [json.loads(x) for x in (args.site / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    nev = sum(len(r["events"]) for r in recs)
    print(f"{len(recs)} articles, {sum(r['relevant'] for r in recs)} relevant, {nev} events; "
          f"{len(errs)} problem(s)", file=sys.stderr)
    return 1 if errs else 0


if __name__ == "__main__":
    raise SystemExit(main())
