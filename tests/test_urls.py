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
    ["127.0.0.1", "localhost", "10.1.2.3", "192.168.0.10", "172.16.5.4", "169.254.169.254", "::1", "[::1]", "fe80::1", "0.0.0.0", "::ffff:127.0.0.1"],
)
def test_private_addresses(host: str) -> None:
    assert is_private_address(host)


@pytest.mark.parametrize("host", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "does-not-resolve.invalid"])
def test_public_or_unresolvable_addresses(host: str) -> None:
    assert not is_private_address(host)
