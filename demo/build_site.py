"""Render the demo site (HTML, RSS, sitemaps, listings, gold files) into demo/site/.

Deterministic: running it twice produces byte-identical output.

    python3 -m khabar.demo.build_site            # or: python3 demo/build_site.py
"""
from __future__ import annotations

import json
import sys
from datetime import datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from khabar.demo.articles import frontier_herald, indus_times, quetta_chronicle  # noqa: E402
from khabar.demo.articles.context import pad  # noqa: E402

DEMO_DIR = Path(__file__).resolve().parent
SITE_DIR = DEMO_DIR / "site"
PER_PAGE = 10
OUTLETS = [frontier_herald, quetta_chronicle, indus_times]

# Per-outlet template vocabulary so extraction is not trivially uniform.
STYLE = {
    "frontier-herald": {
        "body": "fh-body", "header": "masthead", "nav": "main-menu", "crumbs": "breadcrumb",
        "article": "story", "headline": "story-title", "byline": "byline", "dateline": "story-date",
        "content": "story-body", "related": "related-stories", "footer": "site-footer",
        "sidebar": "rail", "newsletter": "newsletter-box", "comments": "comments",
        "colour": "#7a1f1f",
    },
    "quetta-chronicle": {
        "body": "qc", "header": "qc-header", "nav": "qc-nav", "crumbs": "qc-crumbs",
        "article": "qc-article", "headline": "qc-headline", "byline": "qc-author", "dateline": "qc-time",
        "content": "entry-content", "related": "qc-related", "footer": "qc-footer",
        "sidebar": "qc-sidebar", "newsletter": "qc-subscribe", "comments": "comments qc-comments",
        "colour": "#1f4f7a",
    },
    "indus-times": {
        "body": "it-page", "header": "top-bar", "nav": "section-nav", "crumbs": "crumbs",
        "article": "article-main", "headline": "article-headline", "byline": "author-line", "dateline": "pub-date",
        "content": "article-text", "related": "more-news", "footer": "bottom",
        "sidebar": "aside-widgets", "newsletter": "signup", "comments": "comments reader-comments",
        "colour": "#20603a",
    },
}

NAV = [("Home", "index.html"), ("Pakistan", "index.html"), ("Business", "index.html"),
       ("Sport", "index.html"), ("About", "about.html"), ("Contact", "contact.html")]


def _dt(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def article_path(outlet_key: str, a: dict) -> str:
    d = _dt(a["published_at"])
    return f"/{outlet_key}/{d.year:04d}/{d.month:02d}/{a['slug']}.html"


def _nav_html(key: str, st: dict, prefix: str) -> str:
    links = "".join(f'<li><a href="{prefix}{href}">{escape(label)}</a></li>' for label, href in NAV)
    return f'<nav class="{st["nav"]}"><ul>{links}</ul></nav>'


def _header(outlet: dict, st: dict, prefix: str) -> str:
    return (f'<header class="{st["header"]}"><div class="logo"><a href="{prefix}index.html">'
            f'{escape(outlet["name"])}</a></div><p class="tagline">{escape(outlet["tagline"])}</p>'
            f'{_nav_html(outlet["key"], st, prefix)}</header>')


def _footer(outlet: dict, st: dict, prefix: str) -> str:
    return (f'<footer class="{st["footer"]}"><p>&copy; 2025 {escape(outlet["name"])}, {escape(outlet["city"])}. '
            f'All rights reserved.</p><ul><li><a href="{prefix}about.html">About us</a></li>'
            f'<li><a href="{prefix}contact.html">Contact</a></li><li><a href="{prefix}rss.xml">RSS</a></li>'
            f'<li><a href="{prefix}sitemap.xml">Sitemap</a></li></ul>'
            f'<p class="disclaimer">A fictional outlet created for the Khabar demo. All incidents are fictional.</p></footer>')


def _sidebar(outlet: dict, st: dict, prefix: str) -> str:
    return (f'<aside class="{st["sidebar"]}"><h3>Most read</h3><ul>'
            f'<li><a href="{prefix}about.html">About {escape(outlet["name"])}</a></li>'
            f'<li><a href="{prefix}contact.html">Send us a tip</a></li></ul>'
            f'<div class="ad">Advertisement: Mobile banking made easy. Open your account in 5 minutes.</div></aside>')


def _page(outlet: dict, title: str, body: str, head_extra: str = "") -> str:
    st = STYLE[outlet["key"]]
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<style>body{{font-family:Georgia,serif;max-width:960px;margin:auto}} header a{{color:{st['colour']}}} .ad{{background:#eee;padding:8px}}</style>\n"
            f"{head_extra}</head>\n<body class=\"{st['body']}\">\n{body}\n"
            "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}</script>\n"
            "</body>\n</html>\n")


def _human_date(d: datetime) -> str:
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def render_article(outlet_mod, idx: int, a: dict, all_articles: list) -> str:
    outlet = outlet_mod.OUTLET
    key = outlet["key"]
    st = STYLE[key]
    prefix = f"/{key}/"
    d = _dt(a["published_at"])
    path = article_path(key, a)
    head = (f'<meta property="og:title" content="{escape(a["title"])}">\n'
            f'<meta property="og:type" content="article">\n'
            f'<meta property="og:site_name" content="{escape(outlet["name"])}">\n'
            f'<meta name="author" content="{escape(a["author"])}">\n'
            f'<meta name="description" content="{escape(a["paragraphs"][0][:180])}">\n'
            f'<meta property="article:published_time" content="{a["published_at"]}">\n'
            f'<meta property="article:section" content="{escape(a["section"])}">\n'
            f'<link rel="canonical" href="{{{{BASE}}}}{path}">\n')
    crumbs = (f'<nav class="{st["crumbs"]}"><a href="{prefix}index.html">Home</a> &rsaquo; '
              f'<a href="{prefix}index.html">{escape(a["section"])}</a> &rsaquo; <span>{escape(a["title"])}</span></nav>')
    paras = "\n".join(f"<p>{escape(p)}</p>" for p in a["paragraphs"])
    n = len(all_articles)
    related = [all_articles[(idx + k) % n] for k in (1, 2, 3) if (idx + k) % n != idx]
    rel_html = "".join(f'<li><a href="{article_path(key, r)}">{escape(r["title"])}</a></li>' for r in related)
    cpool = outlet_mod.COMMENTS
    ncom = 2 + (idx % 3)
    comments = []
    for k in range(ncom):
        name, text = cpool[(idx * 3 + k * 5) % len(cpool)]
        comments.append(f'<div class="comment"><span class="comment-author">{escape(name)}</span> '
                        f'<span class="comment-time">{(k + 1) * 2} hours ago</span><p>{escape(text)}</p></div>')
    if key == "frontier-herald":
        meta = (f'<p class="{st["byline"]}">By <a rel="author" href="{prefix}about.html">{escape(a["author"])}</a></p>'
                f'<p class="{st["dateline"]}">Published {_human_date(d)}, {d.strftime("%H:%M")} PKT</p>')
    elif key == "quetta-chronicle":
        meta = (f'<div class="qc-meta"><span class="{st["byline"]}">{escape(a["author"])}</span> | '
                f'<time class="{st["dateline"]}" datetime="{a["published_at"]}">{d.strftime("%d %b %Y")}</time></div>')
    else:
        meta = (f'<div class="{st["byline"]}">{escape(a["author"])} &middot; '
                f'<span class="{st["dateline"]}">{d.strftime("%A")}, {_human_date(d)}</span></div>')
    body = "\n".join([
        _header(outlet, st, prefix),
        '<div class="wrap">',
        crumbs,
        f'<main><article class="{st["article"]}">',
        f'<h1 class="{st["headline"]}">{escape(a["title"])}</h1>',
        meta,
        f'<div class="{st["content"]}">\n{paras}\n</div>',
        '<div class="share">Share: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a></div>',
        '</article>',
        f'<section class="{st["related"]}"><h2>Related stories</h2><ul>{rel_html}</ul></section>',
        '<div class="ad">Advertisement: Winter sale at Liberty Mall, up to 50% off. Call 0800-12345.</div>',
        f'<div class="{st["newsletter"]}"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and receive the top stories every morning.</p>'
        '<form><input type="email" placeholder="Your email"><button>Subscribe</button></form></div>',
        f'<section class="{st["comments"]}"><h2>Reader comments ({ncom})</h2>\n' + "\n".join(comments) + '\n</section>',
        '</main>',
        _sidebar(outlet, st, prefix),
        '</div>',
        _footer(outlet, st, prefix),
    ])
    return _page(outlet, f'{a["title"]} | {outlet["name"]}', body, head)


def render_listing(outlet_mod, page_no: int, pages: list, extra_links: str = "") -> str:
    outlet = outlet_mod.OUTLET
    key = outlet["key"]
    st = STYLE[key]
    prefix = f"/{key}/"
    items = []
    for a in pages[page_no - 1]:
        d = _dt(a["published_at"])
        items.append(f'<li class="teaser"><a class="story-link" href="{article_path(key, a)}">{escape(a["title"])}</a>'
                     f'<span class="teaser-date">{_human_date(d)}</span><p>{escape(a["paragraphs"][0][:160])}&hellip;</p></li>')
    pag = []
    if page_no > 1:
        prev = "index.html" if page_no == 2 else f"page/{page_no - 1}.html"
        pag.append(f'<a class="prev" href="{prefix}{prev}">&laquo; Newer</a>')
    if page_no < len(pages):
        pag.append(f'<a class="next" href="{prefix}page/{page_no + 1}.html">Older &raquo;</a>')
    body = "\n".join([
        _header(outlet, st, prefix),
        '<div class="wrap"><main>',
        f'<h1>Latest news{"" if page_no == 1 else f" - page {page_no}"}</h1>',
        '<ul class="story-list">' + "\n".join(items) + '</ul>',
        extra_links,
        '<div class="pagination">' + " ".join(pag) + '</div>',
        '</main>',
        _sidebar(outlet, st, prefix),
        '</div>',
        _footer(outlet, st, prefix),
    ])
    title = outlet["name"] if page_no == 1 else f'{outlet["name"]} - page {page_no}'
    return _page(outlet, title, body)


def render_static(outlet_mod, which: str) -> str:
    outlet = outlet_mod.OUTLET
    st = STYLE[outlet["key"]]
    prefix = f'/{outlet["key"]}/'
    if which == "about":
        title = f'About {outlet["name"]}'
        text = (f'<p>{escape(outlet["name"])} is a fictional English-language newspaper based in {escape(outlet["city"])}, '
                'created as demonstration material for the Khabar project. Its stories are invented; the places are real.</p>'
                '<p>Our newsroom follows a strict code of ethics and corrects errors promptly.</p>')
    else:
        title = f'Contact {outlet["name"]}'
        text = ('<p>Newsroom: newsroom@example.org</p><p>Advertising: ads@example.org</p>'
                f'<p>Address: Press Club Road, {escape(outlet["city"])}</p>')
    body = "\n".join([_header(outlet, st, prefix), f'<main><h1>{escape(title)}</h1>{text}</main>',
                      _footer(outlet, st, prefix)])
    return _page(outlet, title, body)


def render_rss(outlet_mod, articles: list) -> str:
    outlet = outlet_mod.OUTLET
    key = outlet["key"]
    items = []
    for a in articles:
        url = "{{BASE}}" + article_path(key, a)
        items.append(
            "  <item>\n"
            f"    <title>{escape(a['title'])}</title>\n"
            f"    <link>{url}</link>\n"
            f"    <guid isPermaLink=\"true\">{url}</guid>\n"
            f"    <pubDate>{format_datetime(_dt(a['published_at']))}</pubDate>\n"
            f"    <author>{escape(a['author'])}</author>\n"
            f"    <category>{escape(a['section'])}</category>\n"
            f"    <description>{escape(a['paragraphs'][0])}</description>\n"
            "  </item>")
    last = format_datetime(_dt(articles[0]["published_at"]))
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n"
            f"  <title>{escape(outlet['name'])}</title>\n  <link>{{{{BASE}}}}/{key}/</link>\n"
            f"  <description>{escape(outlet['tagline'])}</description>\n  <language>en-pk</language>\n"
            f"  <lastBuildDate>{last}</lastBuildDate>\n" + "\n".join(items) + "\n</channel>\n</rss>\n")


def render_sitemap(outlet_mod, articles: list) -> str:
    key = outlet_mod.OUTLET["key"]
    urls = [f"  <url>\n    <loc>{{{{BASE}}}}{article_path(key, a)}</loc>\n    <lastmod>{a['published_at']}</lastmod>\n  </url>"
            for a in articles]
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n" + "\n".join(urls) + "\n</urlset>\n")


def render_private(outlet_mod) -> str:
    p = indus_times.PRIVATE_PAGE
    title = str(p["title"])
    outlet = outlet_mod.OUTLET
    st = STYLE[outlet["key"]]
    body = "\n".join([_header(outlet, st, "/indus-times/"),
                      f'<main><article class="{st["article"]}"><h1>{escape(title)}</h1>'
                      + "".join(f"<p>{escape(x)}</p>" for x in p["paragraphs"]) + "</article></main>",
                      _footer(outlet, st, "/indus-times/")])
    return _page(outlet, title, body, '<meta name="robots" content="noindex">\n')


def sorted_articles(mod) -> list:
    """Newest first (site order); short wire items get generic background paragraphs."""
    arts = sorted(mod.ARTICLES, key=lambda a: a["published_at"], reverse=True)
    out = []
    for i, a in enumerate(arts):
        a = dict(a)
        a["paragraphs"] = pad(a["paragraphs"], seed=i * 7 + len(a["slug"]), relevant=bool(a["events"]))
        out.append(a)
    return out


def gold_records() -> list:
    recs = []
    for mod in OUTLETS:
        for a in sorted_articles(mod):
            recs.append({
                "url": article_path(mod.OUTLET["key"], a),
                "outlet": mod.OUTLET["gold_name"],
                "title": a["title"],
                "published_at": a["published_at"],
                "relevant": bool(a["events"]),
                "events": a["events"],
            })
    return recs


def incident_records(recs: list) -> list:
    """Reconcile per-article events: the latest report's figures win (null figures never overwrite)."""
    by_key: dict[str, dict] = {}
    for r in sorted(recs, key=lambda r: (r["published_at"], r["url"])):
        for e in r["events"]:
            cur = by_key.setdefault(e["incident_key"], {
                "incident_key": e["incident_key"], "killed": None, "injured": None,
                "perpetrator": None, "attribution": "unknown", "urls": []})
            for f in ("event_type", "date", "province", "district"):
                cur[f] = e[f]
            for f in ("killed", "injured"):
                if e[f] is not None:
                    cur[f] = e[f]
            if e["perpetrator"]:
                cur["perpetrator"] = e["perpetrator"]
                cur["attribution"] = e["attribution"]
            cur["urls"].append(r["url"])
    fields = ("incident_key", "event_type", "date", "province", "district", "killed", "injured",
              "perpetrator", "attribution", "urls")
    return [{f: by_key[k][f] for f in fields} for k in sorted(by_key)]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def build(site_dir: Path = SITE_DIR) -> None:
    for mod in OUTLETS:
        key = mod.OUTLET["key"]
        arts = sorted_articles(mod)
        base = site_dir / key
        for i, a in enumerate(arts):
            _write(site_dir / article_path(key, a).lstrip("/"), render_article(mod, i, a, arts))
        pages = [arts[i:i + PER_PAGE] for i in range(0, len(arts), PER_PAGE)]
        for n in range(1, len(pages) + 1):
            extra = ""
            if key == "indus-times" and n == 1:
                extra = '<p class="exclusive"><a class="story-link" href="/indus-times/private/leaked-memo.html">Exclusive: leaked memo</a></p>'
            _write(base / ("index.html" if n == 1 else f"page/{n}.html"), render_listing(mod, n, pages, extra))
        _write(base / "about.html", render_static(mod, "about"))
        _write(base / "contact.html", render_static(mod, "contact"))
        _write(base / "rss.xml", render_rss(mod, arts))
        _write(base / "sitemap.xml", render_sitemap(mod, arts))
    _write(site_dir / "indus-times" / "private" / "leaked-memo.html", render_private(indus_times))
    _write(site_dir / "robots.txt", "User-agent: *\nDisallow: /indus-times/private/\n\nSitemap: {{BASE}}/frontier-herald/sitemap.xml\n"
           "Sitemap: {{BASE}}/quetta-chronicle/sitemap.xml\nSitemap: {{BASE}}/indus-times/sitemap.xml\n")
    links = "".join(f'<li><a href="/{m.OUTLET["key"]}/index.html">{escape(m.OUTLET["name"])}</a></li>' for m in OUTLETS)
    _write(site_dir / "index.html", "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Khabar demo news site</title></head>"
           f"<body><h1>Khabar demo outlets</h1><ul>{links}</ul></body></html>\n")
    recs = gold_records()
    _write(site_dir / "gold.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))
    _write(site_dir / "incidents_gold.jsonl",
           "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in incident_records(recs)))


def main(argv=None) -> int:
    build()
    print(f"built demo site in {SITE_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
