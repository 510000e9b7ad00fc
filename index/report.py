"""The yearly report: attacks and deaths, top groups, provinces, deadliest incidents.

Counts are of attacks: incidents other than security operations. Deaths are the sum
of reconciled `killed`. Groups exclude "Unknown" from the top lists (it still appears in
the monthly chart). Rendered as text, Markdown or self-contained HTML with inline SVG.

Incidents whose killed/injured figure is under review (`review`: a source's figure was
implausible, khabar.incidents.plausibility) are left out by default and listed with a count
("N incidents with figures under review left out"); `include_review=True` (`khabar report
--include-review`) counts them with their counted figure. Rejected incidents are never counted.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any, Literal

from elasticsearch import Elasticsearch
from pydantic import BaseModel

from khabar.core.settings import Settings
from khabar.index.templates import alias_name
from khabar.index.trends import MISSING_KEY, Review, attack_filter

Format = Literal["text", "markdown", "html"]
KP = "Khyber Pakhtunkhwa"
BALOCHISTAN = "Balochistan"
TOP_GROUPS = 10
CHART_GROUPS = 5
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#7f7f7f"]
UNDER_REVIEW_LISTED = 50


class GroupStat(BaseModel):
    name: str
    attacks: int
    deaths: int


class ProvinceStat(BaseModel):
    province: str
    attacks: int
    deaths: int
    share_pct: float


class SourceLink(BaseModel):
    outlet: str
    url: str


class DeadlyIncident(BaseModel):
    incident_id: str
    date: date | None
    event_type: str
    province: str | None
    district: str | None
    perpetrator: str | None
    killed: int
    injured: int | None
    sources: list[SourceLink]


class UnderReview(BaseModel):
    """An incident whose figures are under review, with why."""

    incident_id: str
    date: date | None
    province: str | None
    district: str | None
    killed: int | None
    injured: int | None
    notes: list[str]


class MonthCounts(BaseModel):
    month: str
    counts: dict[str, int]


class Report(BaseModel):
    """Figures of one year, compared with the year before."""

    year: int
    attacks: int
    attacks_previous: int
    attacks_change_pct: float | None
    deaths: int
    deaths_previous: int
    deaths_change_pct: float | None
    top_groups_by_attacks: list[GroupStat]
    top_groups_by_deaths: list[GroupStat]
    deaths_by_province: list[ProvinceStat]
    kp_share_pct: float
    balochistan_share_pct: float
    kp_balochistan_share_pct: float
    deadliest: list[DeadlyIncident]
    chart_groups: list[str]
    monthly: list[MonthCounts]
    include_review: bool = False
    under_review_count: int = 0  # incidents of the year with figures under review (left out unless include_review)
    under_review: list[UnderReview] = []  # the first of them, by date


def change_pct(current: int, previous: int) -> float | None:
    """Percentage change on the previous value (None when there is nothing to compare)."""
    return round((current - previous) / previous * 100, 1) if previous else None


def _share(part: int, whole: int) -> float:
    return round(part / whole * 100, 1) if whole else 0.0


def _year_query(year: int, review: Review = "exclude") -> dict[str, Any]:
    return attack_filter(date(year, 1, 1), date(year, 12, 31), include_operations=False, review=review)


def _groups(buckets: list[dict[str, Any]]) -> list[GroupStat]:
    return [
        GroupStat(name=b["key"], attacks=int(b["doc_count"]), deaths=int(b["killed"]["value"] or 0))
        for b in buckets
        if b["key"] != MISSING_KEY
    ][:TOP_GROUPS]


def build_report(es: Elasticsearch, settings: Settings, year: int, *, include_review: bool = False) -> Report:
    """The report for a calendar year from `khabar-incidents` (figures under review left out unless asked)."""
    index = alias_name(settings, "incidents")
    review: Review = "include" if include_review else "exclude"
    killed = {"killed": {"sum": {"field": "killed"}}}
    group_terms = {"field": "perpetrator.name", "missing": MISSING_KEY, "size": TOP_GROUPS + 1}
    aggs: dict[str, Any] = {
        "killed": {"sum": {"field": "killed"}},
        "groups_by_attacks": {"terms": {**group_terms, "order": [{"_count": "desc"}, {"_key": "asc"}]}, "aggs": killed},
        "groups_by_deaths": {"terms": {**group_terms, "order": [{"killed": "desc"}, {"_key": "asc"}]}, "aggs": killed},
        "provinces": {"terms": {"field": "location.province", "missing": MISSING_KEY, "size": 50}, "aggs": killed},
        "all_groups": {"terms": {"field": "perpetrator.name", "missing": MISSING_KEY, "size": 1000}},
        "months": {
            "date_histogram": {
                "field": "date",
                "calendar_interval": "month",
                "format": "yyyy-MM",
                "min_doc_count": 0,
                "extended_bounds": {"min": f"{year}-01", "max": f"{year}-12"},
            },
            "aggs": {"groups": {"terms": {"field": "perpetrator.name", "missing": MISSING_KEY, "size": 1000}}},
        },
    }
    current = es.search(index=index, size=0, query=_year_query(year, review), aggs=aggs, track_total_hits=True)
    previous = es.search(index=index, size=0, query=_year_query(year - 1, review), aggs={"killed": aggs["killed"]},
                         track_total_hits=True)
    cur_aggs = current["aggregations"]
    attacks, attacks_prev = int(current["hits"]["total"]["value"]), int(previous["hits"]["total"]["value"])
    deaths = int(cur_aggs["killed"]["value"] or 0)
    deaths_prev = int(previous["aggregations"]["killed"]["value"] or 0)

    provinces = [
        ProvinceStat(province=b["key"], attacks=int(b["doc_count"]), deaths=int(b["killed"]["value"] or 0), share_pct=0.0)
        for b in cur_aggs["provinces"]["buckets"]
    ]
    for p in provinces:
        p.share_pct = _share(p.deaths, deaths)
    provinces.sort(key=lambda p: (-p.deaths, -p.attacks, p.province))
    province_deaths = {p.province: p.deaths for p in provinces}

    ranked = [b["key"] for b in cur_aggs["all_groups"]["buckets"] if b["key"] != MISSING_KEY]
    chart_groups = ranked[: CHART_GROUPS - 1]
    monthly: list[MonthCounts] = []
    for bucket in cur_aggs["months"]["buckets"]:
        counts = dict.fromkeys(chart_groups, 0)
        counts["Other"] = 0
        for g in bucket["groups"]["buckets"]:
            counts[g["key"] if g["key"] in chart_groups else "Other"] += int(g["doc_count"])
        monthly.append(MonthCounts(month=bucket["key_as_string"], counts=counts))

    deadly_hits = es.search(
        index=index,
        size=10,
        query={"bool": {"filter": [_year_query(year, review), {"range": {"killed": {"gt": 0}}}]}},
        sort=[{"killed": "desc"}, {"date": "asc"}, {"incident_id": "asc"}],
        source_excludes=["embedding", "evidence"],
    )["hits"]["hits"]
    deadliest = [_deadly(h["_source"]) for h in deadly_hits]
    reviewed = es.search(
        index=index,
        size=UNDER_REVIEW_LISTED,
        query=_year_query(year, "only"),
        sort=[{"date": "asc"}, {"incident_id": "asc"}],
        source_includes=["incident_id", "date", "location", "killed", "injured", "review_notes"],
        track_total_hits=True,
    )["hits"]
    return Report(
        year=year,
        attacks=attacks,
        attacks_previous=attacks_prev,
        attacks_change_pct=change_pct(attacks, attacks_prev),
        deaths=deaths,
        deaths_previous=deaths_prev,
        deaths_change_pct=change_pct(deaths, deaths_prev),
        top_groups_by_attacks=_groups(cur_aggs["groups_by_attacks"]["buckets"]),
        top_groups_by_deaths=_groups(cur_aggs["groups_by_deaths"]["buckets"]),
        deaths_by_province=provinces,
        kp_share_pct=_share(province_deaths.get(KP, 0), deaths),
        balochistan_share_pct=_share(province_deaths.get(BALOCHISTAN, 0), deaths),
        kp_balochistan_share_pct=_share(province_deaths.get(KP, 0) + province_deaths.get(BALOCHISTAN, 0), deaths),
        deadliest=deadliest,
        chart_groups=[*chart_groups, "Other"],
        monthly=monthly,
        include_review=include_review,
        under_review_count=int(reviewed["total"]["value"]),
        under_review=[_under_review(h["_source"]) for h in reviewed["hits"]],
    )


def _under_review(doc: dict[str, Any]) -> UnderReview:
    location = doc.get("location") or {}
    return UnderReview(
        incident_id=doc["incident_id"],
        date=doc.get("date"),
        province=location.get("province"),
        district=location.get("district"),
        killed=doc.get("killed"),
        injured=doc.get("injured"),
        notes=list(doc.get("review_notes") or []),
    )


def _deadly(doc: dict[str, Any]) -> DeadlyIncident:
    location = doc.get("location") or {}
    return DeadlyIncident(
        incident_id=doc["incident_id"],
        date=doc.get("date"),
        event_type=doc.get("event_type") or "other",
        province=location.get("province"),
        district=location.get("district"),
        perpetrator=(doc.get("perpetrator") or {}).get("name"),
        killed=int(doc.get("killed") or 0),
        injured=doc.get("injured"),
        sources=[SourceLink(outlet=s.get("outlet") or "", url=s.get("url") or "") for s in doc.get("sources") or []],
    )


# -- rendering ------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.1f}%"


def _place(i: DeadlyIncident) -> str:
    return ", ".join(p for p in (i.district, i.province) if p) or "unknown place"


def review_summary(report: Report) -> str | None:
    """The line saying how many incidents with figures under review were left out (or included)."""
    n = report.under_review_count
    if not n:
        return None
    what = f"{n} incident{'' if n == 1 else 's'} with figures under review"
    if report.include_review:
        return f"Including {what} (each with the figure its unflagged sources give, where any)"
    return f"{what} left out (khabar report --include-review counts them)"


def _review_line(i: UnderReview) -> str:
    place = ", ".join(p for p in (i.district, i.province) if p) or "unknown place"
    return f"{i.date} {place} [{i.incident_id}]: killed {i.killed}, injured {i.injured}; {'; '.join(i.notes) or 'under review'}"


def _review_more(report: Report) -> list[str]:
    rest = report.under_review_count - len(report.under_review)
    return [f"… and {rest} more (khabar trends --review only, or the API's review=only, lists them)"] if rest > 0 else []


def render_text(report: Report) -> str:
    """A plain-text report."""
    lines = [
        f"Militant violence in Pakistan, {report.year}",
        "",
        f"Attacks: {report.attacks} ({_pct(report.attacks_change_pct)} on {report.year - 1}: {report.attacks_previous})",
        f"Deaths:  {report.deaths} ({_pct(report.deaths_change_pct)} on {report.year - 1}: {report.deaths_previous})",
        f"Khyber Pakhtunkhwa and Balochistan: {report.kp_balochistan_share_pct:.1f}% of deaths "
        f"(KP {report.kp_share_pct:.1f}%, Balochistan {report.balochistan_share_pct:.1f}%)",
        "",
        "Top groups by attacks:",
        *[f"  {g.name}: {g.attacks} attacks, {g.deaths} deaths" for g in report.top_groups_by_attacks],
        "Top groups by deaths:",
        *[f"  {g.name}: {g.deaths} deaths in {g.attacks} attacks" for g in report.top_groups_by_deaths],
        "Deaths by province:",
        *[f"  {p.province}: {p.deaths} ({p.share_pct:.1f}%), {p.attacks} attacks" for p in report.deaths_by_province],
        "Deadliest incidents:",
    ]
    for i in report.deadliest:
        lines.append(f"  {i.date} {_place(i)}: {i.killed} killed ({i.event_type}, {i.perpetrator or 'unknown'})")
        lines.extend(f"    - {s.outlet}: {s.url}" for s in i.sources)
    summary = review_summary(report)
    if summary:
        lines[5:5] = ["", f"{summary}."]  # the count beside the totals, the incidents at the end
        lines.append(f"{summary}:")
        lines.extend(f"  {_review_line(i)}" for i in report.under_review)
        lines.extend(f"  {line}" for line in _review_more(report))
    return "\n".join(lines) + "\n"


def render_markdown(report: Report) -> str:
    """A Markdown report."""
    lines = [
        f"# Militant violence in Pakistan, {report.year}",
        "",
        "| | " + f"{report.year} | {report.year - 1} | change |",
        "|---|---:|---:|---:|",
        f"| Attacks | {report.attacks} | {report.attacks_previous} | {_pct(report.attacks_change_pct)} |",
        f"| Deaths | {report.deaths} | {report.deaths_previous} | {_pct(report.deaths_change_pct)} |",
        "",
        f"Khyber Pakhtunkhwa and Balochistan account for **{report.kp_balochistan_share_pct:.1f}%** of deaths "
        f"(KP {report.kp_share_pct:.1f}%, Balochistan {report.balochistan_share_pct:.1f}%).",
        "",
        "## Top groups by attacks",
        "",
        "| Group | Attacks | Deaths |",
        "|---|---:|---:|",
        *[f"| {g.name} | {g.attacks} | {g.deaths} |" for g in report.top_groups_by_attacks],
        "",
        "## Top groups by deaths",
        "",
        "| Group | Deaths | Attacks |",
        "|---|---:|---:|",
        *[f"| {g.name} | {g.deaths} | {g.attacks} |" for g in report.top_groups_by_deaths],
        "",
        "## Deaths by province",
        "",
        "| Province | Deaths | Share | Attacks |",
        "|---|---:|---:|---:|",
        *[f"| {p.province} | {p.deaths} | {p.share_pct:.1f}% | {p.attacks} |" for p in report.deaths_by_province],
        "",
        "## Deadliest incidents",
        "",
        "| Date | Place | Type | Group | Killed | Sources |",
        "|---|---|---|---|---:|---|",
    ]
    for i in report.deadliest:
        links = ", ".join(f"[{s.outlet or 'source'}]({s.url})" for s in i.sources)
        lines.append(f"| {i.date} | {_place(i)} | {i.event_type} | {i.perpetrator or 'unknown'} | {i.killed} | {links} |")
    summary = review_summary(report)
    if summary:
        lines[9:9] = [f"{summary}.", ""]  # below the totals table
        lines.extend(["", "## Figures under review", "", f"{summary}:", ""])
        lines.extend(f"- {_review_line(i)}" for i in report.under_review)
        lines.extend(f"- {line}" for line in _review_more(report))
    return "\n".join(lines) + "\n"


def stacked_bars_svg(categories: list[str], series: list[tuple[str, list[int]]], title: str) -> str:
    """A vertical stacked bar chart with a legend, as inline SVG."""
    width, height, left, bottom, top = 800, 320, 40, 40, 30
    plot_w, plot_h = width - left - 230, height - bottom - top
    totals = [sum(values[i] for _, values in series) for i in range(len(categories))]
    peak = max(totals + [1])
    step = plot_w / max(len(categories), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" aria-label="{html.escape(title)}">'
    ]
    parts.append(f'<text x="{left}" y="18" font-size="14" font-weight="bold">{html.escape(title)}</text>')
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#333"/>')
    parts.append(f'<text x="{left - 6}" y="{top + 4}" font-size="10" text-anchor="end">{peak}</text>')
    for i, category in enumerate(categories):
        x = left + i * step + step * 0.15
        y: float = top + plot_h
        for s, (name, values) in enumerate(series):
            h = values[i] / peak * plot_h
            if h > 0:
                y -= h
                colour = PALETTE[s % len(PALETTE)]
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" height="{h:.1f}" fill="{colour}">'
                    f"<title>{html.escape(name)} {html.escape(category)}: {values[i]}</title></rect>"
                )
        parts.append(
            f'<text x="{x + step * 0.35:.1f}" y="{top + plot_h + 14}" font-size="10" text-anchor="middle">{html.escape(category[-2:])}</text>'
        )
    for s, (name, _) in enumerate(series):
        y = top + 14 * s
        parts.append(f'<rect x="{left + plot_w + 12}" y="{y}" width="10" height="10" fill="{PALETTE[s % len(PALETTE)]}"/>')
        parts.append(f'<text x="{left + plot_w + 26}" y="{y + 9}" font-size="11">{html.escape(name[:34])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def horizontal_bars_svg(labels: list[str], values: list[int], title: str) -> str:
    """A horizontal bar chart, as inline SVG."""
    row, left, width = 24, 160, 720
    height = 40 + row * max(len(labels), 1)
    peak = max(values + [1])
    plot_w = width - left - 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" aria-label="{html.escape(title)}">'
    ]
    parts.append(f'<text x="10" y="18" font-size="14" font-weight="bold">{html.escape(title)}</text>')
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 30 + i * row
        w = value / peak * plot_w
        parts.append(f'<text x="{left - 8}" y="{y + 15}" font-size="11" text-anchor="end">{html.escape(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" fill="{PALETTE[0]}"/>')
        parts.append(f'<text x="{left + w + 6:.1f}" y="{y + 15}" font-size="11">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(report: Report) -> str:
    """A self-contained HTML report with inline SVG charts (no scripts, no network)."""
    e = html.escape
    months = [m.month for m in report.monthly]
    series = [(g, [m.counts.get(g, 0) for m in report.monthly]) for g in report.chart_groups]
    monthly_svg = stacked_bars_svg(months, series, f"Attacks per month by group, {report.year}")
    province_svg = horizontal_bars_svg(
        [p.province for p in report.deaths_by_province], [p.deaths for p in report.deaths_by_province], "Deaths by province"
    )

    def table(head: list[str], rows: list[list[str]]) -> str:
        header = "".join(f"<th>{e(h)}</th>" for h in head)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
        return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"

    deadly_rows = [
        [
            e(str(i.date)),
            e(_place(i)),
            e(i.event_type),
            e(i.perpetrator or "unknown"),
            str(i.killed),
            "<br>".join(f'<a href="{e(s.url)}">{e(s.outlet or s.url)}</a>' for s in i.sources),
        ]
        for i in report.deadliest
    ]
    summary = review_summary(report)
    review_html = ""
    if summary:
        items = "".join(f"<li>{e(line)}</li>" for line in [*map(_review_line, report.under_review), *_review_more(report)])
        review_html = f"<h2>Figures under review</h2>\n<p>{e(summary)}:</p>\n<ul>{items}</ul>\n"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Khabar report {report.year}</title>
<style>body{{font-family:sans-serif;max-width:860px;margin:2em auto;color:#222}}table{{border-collapse:collapse;margin:1em 0}}
td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left}}.big{{font-size:1.4em}}</style></head><body>
<h1>Militant violence in Pakistan, {report.year}</h1>
<p class="big">{report.attacks} attacks ({e(_pct(report.attacks_change_pct))} on {report.year - 1}),
{report.deaths} deaths ({e(_pct(report.deaths_change_pct))}).</p>
<p>Khyber Pakhtunkhwa and Balochistan: {report.kp_balochistan_share_pct:.1f}% of deaths
(KP {report.kp_share_pct:.1f}%, Balochistan {report.balochistan_share_pct:.1f}%).</p>
{monthly_svg}
{province_svg}
<h2>Top groups by attacks</h2>
{table(["Group", "Attacks", "Deaths"], [[e(g.name), str(g.attacks), str(g.deaths)] for g in report.top_groups_by_attacks])}
<h2>Top groups by deaths</h2>
{table(["Group", "Deaths", "Attacks"], [[e(g.name), str(g.deaths), str(g.attacks)] for g in report.top_groups_by_deaths])}
<h2>Deadliest incidents</h2>
{table(["Date", "Place", "Type", "Group", "Killed", "Sources"], deadly_rows)}
{review_html}</body></html>
"""


def render(report: Report, fmt: Format) -> str:
    """The report in the given format."""
    if fmt == "markdown":
        return render_markdown(report)
    if fmt == "html":
        return render_html(report)
    return render_text(report)
