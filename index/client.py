"""The Elasticsearch client, built from settings."""

from __future__ import annotations

from elasticsearch import ApiError, AuthenticationException, Elasticsearch, TransportError

from khabar.core.errors import ElasticsearchUnavailable
from khabar.core.settings import Settings


def es_client(settings: Settings, **overrides: object) -> Elasticsearch:
    """An Elasticsearch client for the configured cluster (API key or user/password)."""
    cfg = settings.elasticsearch
    kwargs: dict[str, object] = {
        "request_timeout": cfg.request_timeout,
        "retry_on_timeout": False,
        "max_retries": 0,
    }
    if cfg.api_key:
        kwargs["api_key"] = cfg.api_key
    elif cfg.username:
        kwargs["basic_auth"] = (cfg.username, cfg.password or "")
    if cfg.url.startswith("https://"):
        kwargs["verify_certs"] = cfg.verify_certs
        if cfg.ca_certs:
            kwargs["ca_certs"] = cfg.ca_certs
    kwargs.update(overrides)
    return Elasticsearch(cfg.url, **kwargs)  # type: ignore[arg-type]


def server_version(es: Elasticsearch) -> str:
    """The version of the node answering (via the nodes API: the core server has no `GET /`)."""
    nodes = es.nodes.info(node_id="_local", metric="_none")["nodes"]
    return str(next(iter(nodes.values()))["version"]) if nodes else "unknown"


def ensure_reachable(es: Elasticsearch, settings: Settings) -> dict[str, object]:
    """Cluster health, or ElasticsearchUnavailable with a message that says how to fix it."""
    url = settings.elasticsearch.url
    try:
        return dict(es.cluster.health())
    except AuthenticationException:
        raise ElasticsearchUnavailable(
            f"Elasticsearch at {url} refused the credentials: check elasticsearch.api_key or "
            "username/password in config/khabar.yaml (or KHABAR_ES_API_KEY / KHABAR_ES_USERNAME / KHABAR_ES_PASSWORD)"
        ) from None
    except (TransportError, ApiError) as exc:
        raise ElasticsearchUnavailable(
            f"Elasticsearch is not reachable at {url} ({type(exc).__name__}): start the local node with "
            "`khabar es start`, or set elasticsearch.url in config/khabar.yaml (or KHABAR_ES_URL) to your cluster"
        ) from None
