# The service's image: the wheel built from this checkout, installed over requirements.txt's pins.
#   docker build -t quote-service:1.0.0 .    then    docker run -p 8000:8000 quote-service:1.0.0
# The base is an exact release tag; pin its digest too (PYTHON_IMAGE=python:3.11.13-slim-bookworm@sha256:…)
# where builds must be reproducible byte for byte.
ARG PYTHON_IMAGE=python:3.11.13-slim-bookworm

FROM ${PYTHON_IMAGE} AS wheel
WORKDIR /src
COPY pyproject.toml README.md LICENSE openapi.yaml gunicorn.conf.py ./
COPY service/ service/
RUN pip install --no-cache-dir --disable-pip-version-check --quiet build==1.6.1 \
 && python -m build --wheel --outdir /dist .

FROM ${PYTHON_IMAGE}
ARG VERSION=1.0.0
LABEL org.opencontainers.image.title="quote-service" \
      org.opencontainers.image.description="Quote attribution for English and French news articles, over HTTP" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.base.name="${PYTHON_IMAGE}"
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    QUOTES_BIND=0.0.0.0:8000
COPY requirements.txt /tmp/requirements.txt
RUN pip install --no-cache-dir --disable-pip-version-check -r /tmp/requirements.txt
COPY --from=wheel /dist/ /tmp/dist/
RUN pip install --no-cache-dir --disable-pip-version-check --no-deps /tmp/dist/*.whl \
 && rm -rf /tmp/dist /tmp/requirements.txt \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin app
# a numeric user, so that Kubernetes' runAsNonRoot can check it; the root filesystem may be read-only:
# gunicorn and the metrics write under /tmp only
USER 10001
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"]
# quote-service serve replaces itself with gunicorn (the package's gunicorn.conf.py): signals reach it;
# workers default to the container's CPU quota + 1 (QUOTES_WORKERS overrides)
CMD ["quote-service", "serve"]
