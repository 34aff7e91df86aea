# Tilskuddsbot: slim image, non-root user, knowledge base built at image build time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    TILSKUDDSBOT_DATA_DIR=/data \
    TZ=Europe/Oslo \
    PTB_TIMEDELTA=true

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
COPY handlers ./handlers
RUN pip install --no-cache-dir . \
    && groupadd --system --gid 10001 bot \
    && useradd --system --uid 10001 --gid bot --home-dir /app --no-create-home bot \
    && mkdir -p /data \
    && tilskuddsbot kb build \
    && chown -R 10001:10001 /data

USER 10001:10001
VOLUME ["/data"]
CMD ["tilskuddsbot", "run"]
