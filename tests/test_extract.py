"""Tests for khabar.crawlers.extract and the parse-html command (fixtures only, no network)."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner

from khabar.cli.commands.extraction import COMMANDS, EVAL_COMMANDS, parse_html
from khabar.crawlers.extract import ExtractedPage, decode_html, extract_page, read_html_file

HTML_DIR = Path(__file__).parent / "data" / "html"
URL = "https://valleyherald.example/news/story?id=1"


def _page(name: str, url: str | None = URL) -> ExtractedPage:
    return extract_page(read_html_file(HTML_DIR / name), url)


def test_story_paragraphs_kept_and_boilerplate_dropped() -> None:
    page = _page("news_article.html")
    assert "Kaveri river burst its banks" in page.text
    assert "Engineers are monitoring the Mettur dam" in page.text
    assert any(p.startswith("District officials said") for p in page.paragraphs)
    assert page.text == "\n\n".join(page.paragraphs)
    for unwanted in (
        "drainage problem for a decade",
        "my cousin in Kottai",
        "SkyDeals",
        "Advertisement",
        "Share this",
        "Related stories",
        "Privacy policy",
    ):
        assert unwanted not in page.text


def test_metadata_of_news_page() -> None:
    page = _page("news_article.html")
    assert page.title == "Flooding forces evacuation of riverside villages"
    assert page.published_at is not None
    assert page.published_at.isoformat() == "2024-03-14T08:30:00+05:30"
    assert page.published_at.utcoffset() == timedelta(hours=5, minutes=30)
    assert page.canonical_url == "https://valleyherald.example/news/2024/03/14/flooding-evacuation"
    assert page.authors == ["Priya Raman"]
    assert page.language == "en"


def test_title_suffix_removed_from_html_title() -> None:
    assert _page("truncated.html").title == "Bridge closed after lorry strike"


def test_script_only_page_gives_empty_text() -> None:
    page = _page("script_only.html")
    assert page.text == ""
    assert page.paragraphs == []


def test_truncated_html_does_not_raise() -> None:
    page = _page("truncated.html")
    assert "lorry struck one of its supporting arches" in page.text
    raw = (HTML_DIR / "truncated.html").read_bytes()
    for cut in (0, 1, 7, 50, len(raw) // 2):
        extract_page(raw[:cut])
    extract_page("<<<>>></p></div><html")
    extract_page("")


def test_cp1252_page_and_gzip_page() -> None:
    page = _page("cp1252_article.html", url=None)
    assert page.title == "Grève des cheminots : trafic très perturbé"
    assert "revalorisation des salaires" in page.text
    assert page.language == "fr"
    assert page.published_at is not None and page.published_at.utcoffset() == timedelta(hours=1)
    gz = _page("wildfire_article.html.gz", url=None)
    assert "2,000 acres near Cedar Ridge" in gz.text
    assert gz.canonical_url == "https://mountaintimes.example/news/cedar-ridge-fire"


def test_decode_html() -> None:
    raw = (HTML_DIR / "cp1252_article.html").read_bytes()
    assert "Grève" in decode_html(raw)
    assert "qu’un" in decode_html(raw)  # 0x92 is a curly quote in cp1252, not latin-1
    text = "<p>café – déjà</p>"
    assert decode_html(text.encode("cp1252")) == text  # no declaration, invalid utf-8
    assert decode_html(text.encode("utf-8")) == text
    assert decode_html(text.encode("cp1252"), "text/html; charset=ISO-8859-1") == text
    assert decode_html(text.encode("utf-8"), "text/html; charset=bogus-charset") == text
    assert isinstance(decode_html(b"\x81\x8d\x8f\x90\x9d\xff"), str)


def test_parse_html_directory_one_line_per_page() -> None:
    result = CliRunner().invoke(parse_html, [str(HTML_DIR), "--url", URL])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    assert set(records[0]) == {
        "path",
        "title",
        "text",
        "published_at",
        "authors",
        "language",
    }
    by_name = {Path(r["path"]).name: r for r in records}
    assert by_name["news_article.html"]["published_at"] == "2024-03-14T08:30:00+05:30"
    assert by_name["script_only.html"]["text"] == ""
    assert "Cedar Ridge" in by_name["wildfire_article.html.gz"]["text"]


def test_parse_html_bad_file_reports_and_continues(tmp_path: Path) -> None:
    shutil.copy(HTML_DIR / "news_article.html", tmp_path / "good.html")
    (tmp_path / "broken.html.gz").write_bytes(b"this is not gzip at all")
    (tmp_path / "notes.txt").write_text("ignored")
    result = CliRunner().invoke(parse_html, [str(tmp_path), str(tmp_path / "missing.html")])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["title"].startswith("Flooding")
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert "broken.html.gz" in errors[0] and "missing.html" in errors[1]


def test_command_exports() -> None:
    assert [c.name for c in COMMANDS] == ["parse-html"]
    assert [c.name for c in EVAL_COMMANDS] == ["extraction"]
