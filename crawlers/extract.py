"""Main text and metadata extraction from a single HTML page.

Built on trafilatura for the main text, with a small set of focused helpers
for the metadata fields Khabar cares about (title, publication date with its
timezone, authors, language, canonical URL).
"""

from __future__ import annotations

import codecs
import gzip
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from khabar.core.language import detect_language

LOGGER = logging.getLogger(__name__)

# WHATWG: these labels really mean windows-1252 on the web.
_CP1252_ALIASES = {
    "iso-8859-1",
    "iso8859-1",
    "latin-1",
    "latin1",
    "l1",
    "ascii",
    "us-ascii",
    "cp819",
}
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_BOILERPLATE_LINE = re.compile(
    r"^\W*(advertisement|advertising|sponsored( content)?|ad|share( this( article| story| page)?)?"
    r"|share on \w+|related( stories| articles| posts| content| links)?|read more|see also"
    r"|more stories|recommended( for you)?|you (may|might) also like|click here"
    r"|sign up( for our newsletter)?|subscribe( now)?|follow us( on \w+)?|comments?"
    r"|leave a (comment|reply)|print|email|tweet|story continues below( advertisement)?"
    r"|continue reading|skip to (main )?content|loading\W*|image|photo|video)\W*$",
    re.IGNORECASE,
)
_PROMO_LINE = re.compile(
    r"\bsubscribe (now |today )?(to|for)\b|\balready an? (subscriber|member)\b|\blog ?in for .{0,20}access"
    r"|\bsign(ing)? up (for|to) (our|the) .{0,30}newsletter|\bnever miss (the|a|our)\b"
    r"|\bdownload (the|our) .{0,40}\bapps?\b|\bcopyrighted property\b|\ball rights reserved\b"
    r"|\bwritten permission\b|\bwithout (prior )?(written )?permission\b"
    r"|\bcontains (affiliate links|references to products)\b|\bfollow us on\b"
    r"|\bto view the full (story|article)\b|\bfor the full (story|article)\b",
    re.IGNORECASE,
)
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•*]\s+")

_DATE_META = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("property", "og:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "date"),
    ("name", "dc.date.issued"),
    ("name", "DC.date.issued"),
    ("name", "sailthru.date"),
    ("property", "article:modified_time"),
)


@dataclass(frozen=True)
class ExtractedPage:
    """Main text and metadata of one HTML page."""

    title: str | None
    text: str
    paragraphs: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    canonical_url: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (dates as ISO-8601)."""
        return {
            "title": self.title,
            "text": self.text,
            "paragraphs": list(self.paragraphs),
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "authors": list(self.authors),
            "language": self.language,
            "canonical_url": self.canonical_url,
        }


# --------------------------------------------------------------------------- decoding


def _normalise_encoding(label: str | None) -> str | None:
    """Map a charset label to a Python codec name, or None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _CP1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _sniff_encoding(body: bytes, content_type: str | None) -> str | None:
    """Find the declared encoding: BOM, then HTTP header, then <meta> tag."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match and (enc := _normalise_encoding(match.group(1))):
            return enc
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        return _normalise_encoding(meta.group(1).decode("ascii", "ignore"))
    return None


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode raw HTML bytes, honouring header/meta charset, never raising."""
    declared = _sniff_encoding(body, content_type)
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return body.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    return body.decode("cp1252", errors="replace")


def read_html_file(path: Path) -> str:
    """Read an .html/.htm or gzipped .html.gz file into text (raises OSError etc.)."""
    raw = path.read_bytes()
    if path.suffix == ".gz" or raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return decode_html(raw)


# --------------------------------------------------------------------------- tree helpers


def _parse_tree(html: str) -> Any | None:
    """Parse HTML leniently into an lxml tree, or None when there is nothing to parse."""
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    if not html.strip():
        return None
    try:
        return lxml_html.document_fromstring(html, parser=lxml_html.HTMLParser(recover=True))
    except (etree.ParserError, ValueError):
        return None


def _clean(text: str | None) -> str:
    """Collapse whitespace."""
    return " ".join(text.split()) if text else ""


def _meta(tree: Any, attr: str, value: str) -> str | None:
    """Content of the first <meta attr=value> tag (case-insensitive value)."""
    lowered = value.lower()
    for node in tree.iter("meta"):
        if (node.get(attr) or "").strip().lower() == lowered:
            content = _clean(node.get("content") or node.get("datetime"))
            if content:
                return content
    return None


def _json_ld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    """Yield every dict found in the page's JSON-LD blocks (flattening @graph/lists)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, TypeError):
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if "@graph" in item:
                    stack.append(item["@graph"])


def _is_article(obj: dict[str, Any]) -> bool:
    """Whether a JSON-LD object describes an article-like thing."""
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Article" in k or k in {"BlogPosting", "Report"}) for k in kinds)


# --------------------------------------------------------------------------- title


def _alnum(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _is_site_name(segment: str, site_names: list[str]) -> bool:
    """Whether a title segment names the outlet (site/host name) or is a byline."""
    if re.match(r"^by\s+\w", segment.strip(), flags=re.IGNORECASE):
        return True
    key = _alnum(segment)
    if not key:
        return False
    keys = {key, key.removeprefix("the")}
    for name in site_names:
        other = _alnum(name.removeprefix("www."))
        for variant in (other, other.removeprefix("the")):
            if len(variant) >= 3 and any(
                k == variant or k.startswith(variant) or (len(k) >= 4 and variant.startswith(k)) for k in keys
            ):
                return True
    return False


def _strip_site_suffix(title: str, site_names: list[str], generic: bool = False) -> str:
    """Remove trailing/leading " | Outlet" / " - Outlet" parts from a title.

    Known site (or host) names are always removed; with ``generic`` a short last
    segment after a separator is assumed to be the outlet as well.
    """
    while True:
        parts = _TITLE_SEPARATORS.split(title)
        if len(parts) < 2:
            return title
        first, last = parts[0], parts[-1]
        short = len(last.split()) <= 4 and len(title.split()) - len(last.split()) >= 3
        if _is_site_name(last, site_names) or (generic and short):
            title, generic = title[: title.rfind(last)].rstrip(" |-–—:·•*"), False
        elif _is_site_name(first, site_names):
            return title[len(first) :].lstrip(" |-–—:·•*")
        else:
            return title


def extract_title(tree: Any, site_names: list[str]) -> str | None:
    """Title from og:title, then <h1>, then <title>, minus any site suffix."""
    h1 = next(
        (_clean(h.text_content()) for h in tree.iter("h1") if _clean(h.text_content())),
        None,
    )
    title_node = next(tree.iter("title"), None)
    html_title = _clean(title_node.text_content()) if title_node is not None else None
    candidates = [
        (_meta(tree, "property", "og:title"), False),
        (_meta(tree, "name", "twitter:title"), False),
        (h1, False),
        (html_title, True),
    ]
    for candidate, generic in candidates:
        if not candidate:
            continue
        if h1 and candidate.startswith(h1) and _TITLE_SEPARATORS.match(candidate[len(h1) :]):
            return h1
        return _strip_site_suffix(candidate, site_names, generic) or candidate
    return None


# --------------------------------------------------------------------------- dates


def parse_datetime(value: str | None) -> datetime | None:
    """Parse an ISO-8601 (or loosely formatted) date string, keeping any offset."""
    if not value:
        return None
    value = value.strip()
    iso = re.sub(r"(\d{2}:\d{2}(:\d{2})?(\.\d+)?)\s*([+-]\d{2})(\d{2})$", r"\1\4:\5", value)
    try:
        return datetime.fromisoformat(iso.replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2} \d", iso) else iso)
    except ValueError:
        pass
    try:
        import dateparser  # slow import (~0.2 s, every CLI start loads this module): only for unusual dates

        return dateparser.parse(value, settings={"STRICT_PARSING": False, "PREFER_DAY_OF_MONTH": "first"})
    except (ValueError, TypeError, OverflowError, AttributeError):
        return None


def _date_candidates(tree: Any) -> Iterator[str | None]:
    """Yield raw date strings in order of trust."""
    for attr, value in _DATE_META[:4]:
        yield _meta(tree, attr, value)
    for obj in _json_ld_objects(tree):
        if _is_article(obj) and isinstance(obj.get("datePublished"), str):
            yield obj["datePublished"]
    for obj in _json_ld_objects(tree):
        if isinstance(obj.get("datePublished"), str):
            yield obj["datePublished"]
    for node in tree.iter("time"):
        yield node.get("datetime")
    for attr, value in _DATE_META[4:]:
        yield _meta(tree, attr, value)


def extract_date(tree: Any) -> datetime | None:
    """Publication date from meta tags, JSON-LD, <time> (trafilatura is the caller's fallback)."""
    for raw in _date_candidates(tree):
        parsed = parse_datetime(raw)
        if parsed is not None and 1990 <= parsed.year <= 2100:
            return parsed
    return None


# --------------------------------------------------------------------------- authors, language, url


def _author_names(value: Any) -> list[str]:
    """Author names from a JSON-LD author value (str, dict or list)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value for n in _author_names(item)]
    return []


def _unique(names: list[str]) -> list[str]:
    """Clean and de-duplicate names, keeping order; drop URLs."""
    seen: dict[str, str] = {}
    for name in names:
        name = _clean(name)
        if name and not name.startswith(("http://", "https://")) and name.lower() not in seen:
            seen[name.lower()] = name
    return list(seen.values())


def extract_authors(tree: Any, trafilatura_author: str | None) -> list[str]:
    """Authors from JSON-LD, then trafilatura, then <meta name=author>."""
    for obj in _json_ld_objects(tree):
        if _is_article(obj) and (names := _unique(_author_names(obj.get("author")))):
            return names
    if trafilatura_author:
        return _unique(trafilatura_author.split(";"))
    meta = _meta(tree, "name", "author") or _meta(tree, "property", "article:author")
    return _unique(re.split(r"\s*(?:,|;|\band\b)\s*", meta)) if meta else []


def guess_language(tree: Any | None, text: str) -> str | None:
    """Language from <html lang>/og:locale, else the shared language identifier (20+ words, confident)."""
    if tree is not None:
        declared = tree.get("lang") or tree.get("xml:lang") or _meta(tree, "property", "og:locale")
        if declared and (code := re.split(r"[-_]", declared.strip())[0].lower()) and code.isalpha():
            return code
    if len(text.split()) < 20:
        return None
    code, probability = detect_language(text)
    return code if probability >= 0.5 else None


def extract_canonical_url(tree: Any, url: str | None) -> str | None:
    """Canonical URL from <link rel=canonical> or og:url, made absolute against url."""
    href = None
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (link.get("href") or "").strip():
            href = link.get("href").strip()
            break
    href = href or _meta(tree, "property", "og:url")
    if not href:
        return None
    try:
        return urljoin(url, href) if url else href
    except ValueError:  # e.g. malformed IPv6 host
        return href


# --------------------------------------------------------------------------- main text


def is_boilerplate_line(line: str) -> bool:
    """Whether a text line is a short navigation/advertising leftover."""
    if len(line) < 40 and _BOILERPLATE_LINE.match(line):
        return True
    return len(line) < 300 and bool(_PROMO_LINE.search(line))


def split_paragraphs(text: str | None) -> list[str]:
    """Split extracted text into non-empty, non-boilerplate paragraphs."""
    lines = (_clean(line) for line in (text or "").splitlines())
    return [line for line in lines if line and not is_boilerplate_line(line)]


def _trafilatura_document(html: str, url: str | None, **options: Any) -> Any | None:
    """Run trafilatura.bare_extraction with Khabar's settings; None on failure."""
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            **options,
        )
    except Exception:  # trafilatura can fail on pathological markup
        LOGGER.debug("trafilatura failed on %s", url, exc_info=True)
        return None


def extract_main_text(html: str, url: str | None = None) -> tuple[list[str], Any | None]:
    """Main-text paragraphs plus the trafilatura document (for metadata fallbacks)."""
    doc = _trafilatura_document(html, url)
    paragraphs = split_paragraphs(getattr(doc, "text", None))
    if sum(len(p) for p in paragraphs) < 200:
        recall_doc = _trafilatura_document(html, url, favor_recall=True)
        recall_paragraphs = split_paragraphs(getattr(recall_doc, "text", None))
        if sum(map(len, recall_paragraphs)) > sum(map(len, paragraphs)):
            return recall_paragraphs, recall_doc or doc
    return paragraphs, doc


def _host_names(*urls: str | None) -> list[str]:
    """Registrable-looking host names ("globalnews.ca", "timesofindia") of the given URLs."""
    names = []
    for url in urls:
        try:
            host = urlparse(url).hostname if url else None
        except ValueError:
            continue
        if host:
            host = host.removeprefix("www.")
            names.extend([host, host.split(".")[0]])
    return names


def extract_page(html: str | bytes, url: str | None = None) -> ExtractedPage:
    """Extract main text and metadata from one HTML page; never raises on bad markup."""
    if isinstance(html, bytes):
        html = decode_html(html)
    tree = _parse_tree(html)
    if tree is None:
        return ExtractedPage(title=None, text="")
    paragraphs, doc = extract_main_text(html, url)
    site_names = [
        n
        for n in (
            _meta(tree, "property", "og:site_name"),
            _meta(tree, "name", "application-name"),
            getattr(doc, "sitename", None),
            *_host_names(url, extract_canonical_url(tree, url)),
        )
        if n
    ]
    published = extract_date(tree) or parse_datetime(getattr(doc, "date", None))
    text = "\n\n".join(paragraphs)
    return ExtractedPage(
        title=extract_title(tree, site_names) or _clean(getattr(doc, "title", None)) or None,
        text=text,
        paragraphs=paragraphs,
        published_at=published,
        authors=extract_authors(tree, getattr(doc, "author", None)),
        language=guess_language(tree, text),
        canonical_url=extract_canonical_url(tree, url),
    )
