# Khabar: the crawler, NLP and API in one image. Build with `docker compose build khabar`.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    KHABAR_CONFIG=/app/config/khabar.yaml \
    KHABAR_DATA_DIR=/data \
    KHABAR_ES_URL=http://elasticsearch:9200

WORKDIR /app

# Dependencies first (cached while only the code changes), then the project itself.
COPY pyproject.toml README.md ./
COPY khabar ./khabar
COPY crawlers ./crawlers
COPY nlp ./nlp
COPY index ./index
COPY incidents ./incidents
COPY demo ./demo
COPY config ./config
RUN pip install . \
    && useradd --create-home --uid 1000 khabar \
    && mkdir -p /data \
    && chown khabar:khabar /data

USER khabar
VOLUME ["/data"]
EXPOSE 8080

CMD ["khabar", "serve", "--host", "0.0.0.0"]
