"""URL canonicalisation and the private-address guard."""

from __future__ import annotations

import pytest

from khabar.crawlers.urls import canonicalize_url, choose_canonical, is_private_address, on_domains


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://WWW.Dawn.com:443/news/123#comments", "https://www.dawn.com/news/123"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://x.pk/a?utm_source=tw&b=2&a=1&fbclid=zz&gclid=1&ocid=x&cmpid=y&ref=home", "https://x.pk/a?a=1&b=2"),
        ("https://x.pk/a?UTM_Medium=x&id=5", "https://x.pk/a?id=5"),
        ("https://x.pk//news//1", "https://x.pk/news/1"),
        ("https://x.pk/a?q=a+b&empty=", "https://x.pk/a?empty=&q=a+b"),
    ],
)
def test_canonicalize_url(url: str, canonical: str) -> None:
    assert canonicalize_url(url) == canonical
    assert canonicalize_url(canonical) == canonical


def test_rel_canonical_honoured_only_on_allowed_domains() -> None:
    fetched = "https://www.dawn.com/news/1?utm_source=x"
    assert choose_canonical(fetched, "https://www.dawn.com/news/1-slug", ["dawn.com"]) == "https://www.dawn.com/news/1-slug"
    assert choose_canonical(fetched, "/news/1-slug#top", ["dawn.com"]) == "https://www.dawn.com/news/1-slug"
    assert choose_canonical(fetched, "https://evil.example/news/1", ["dawn.com"]) == "https://www.dawn.com/news/1"
    assert choose_canonical(fetched, None, ["dawn.com"]) == "https://www.dawn.com/news/1"


def test_on_domains_includes_subdomains_only() -> None:
    assert on_domains("https://www.dawn.com/x", ["dawn.com"])
    assert on_domains("https://dawn.com/x", ["dawn.com"])
    assert not on_domains("https://notdawn.com/x", ["dawn.com"])
    assert not on_domains("https://dawn.com.evil.example/x", ["dawn.com"])


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "10.1.2.3", "192.168.0.10", "172.16.5.4", "169.254.169.254", "::1", "[::1]", "fe80::1", "0.0.0.0",
     "::ffff:127.0.0.1", "100.64.0.1", "100.127.255.254", "192.0.2.7", "198.18.0.1", "224.0.0.1", "fc00::1"],
)
def test_private_addresses(host: str) -> None:
    assert is_private_address(host)


@pytest.mark.parametrize("host", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "www.dawn.com"])
def test_public_literals_and_names_left_to_the_resolver(host: str) -> None:
    assert not is_private_address(host)


def test_rel_canonical_only_on_the_pages_own_site() -> None:
    domains = ["dawn.com", "tribune.com.pk"]
    assert choose_canonical("https://amp.dawn.com/news/1", "https://www.dawn.com/news/1", domains) == "https://www.dawn.com/news/1"
    assert choose_canonical("https://www.dawn.com/news/1", "https://tribune.com.pk/story/9", domains) == "https://www.dawn.com/news/1"
    assert choose_canonical("http://127.0.0.1:8765/a.html", "http://127.0.0.2:8765/b.html", ["127.0.0.1", "127.0.0.2"]) == \
        "http://127.0.0.1:8765/a.html"


def test_canonicalize_url_normalises_percent_encoding() -> None:
    assert canonicalize_url("https://x.pk/a b/%7euser?q=é") == canonicalize_url("https://x.pk/a%20b/~user?q=%C3%A9")


def test_resolver_pins_first_global_address_and_refuses_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from twisted.internet import error

    from khabar.crawlers import middlewares

    answers = {"mixed.test": ["10.0.0.1", "93.184.216.34"], "inside.test": ["127.0.0.1", "100.64.0.9"]}
    calls: list[str] = []

    def fake(host: str, *_: object) -> list[tuple[object, ...]]:
        calls.append(host)
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "no such name")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, 0)) for a in answers[host]]

    monkeypatch.setattr(middlewares.socket, "getaddrinfo", fake)
    resolver = middlewares.GuardedResolver(None, allow_private=False, timeout=5)  # type: ignore[arg-type]
    assert resolver.resolve("mixed.test") == "93.184.216.34"
    answers["mixed.test"] = ["127.0.0.1"]  # rebinding: later answers change nothing
    assert resolver.resolve("mixed.test") == "93.184.216.34" and calls.count("mixed.test") == 1
    with pytest.raises(middlewares.PrivateAddressLookup):
        resolver.resolve("inside.test")
    assert "inside.test" in middlewares.REFUSED_NAMES
    with pytest.raises(error.DNSLookupError):
        resolver.resolve("missing.test")
    assert middlewares.GuardedResolver(None, allow_private=True, timeout=5).resolve("inside.test") == "127.0.0.1"  # type: ignore[arg-type]
