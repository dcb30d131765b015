"""The Kubernetes manifests and the Dockerfile say what the README promises: probes, limits, a
non-root read-only container, a budget for disruptions, autoscaling, scraping, a pinned base."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml

from conftest import ROOT
from service import create_app

MANIFESTS = ROOT / "deploy" / "kubernetes"
# A worker's peak on the worst accepted input (1 MB of tiny quotes), with margin: 398 MB before
# the 5000-quote cap, 269 MB with it (benchmarks/memory.py); the arbiter about 100 MB more.
WORST_WORKER_PEAK_MB = 400
ARBITER_MB = 100


def documents() -> dict[str, dict]:
    found = {}
    for path in sorted(MANIFESTS.glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            found[document["kind"]] = document
    return found


K8S = documents()
POD = K8S["Deployment"]["spec"]["template"]
(CONTAINER,) = POD["spec"]["containers"]
ENV = {e["name"]: e["value"] for e in CONTAINER["env"]}
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def mebibytes(quantity: str) -> float:
    number, unit = re.fullmatch(r"(\d+)(Mi|Gi)", quantity).groups()
    return int(number) * (1024 if unit == "Gi" else 1)


def test_every_kind_is_there():
    assert {"Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Kustomization"} <= K8S.keys()
    listed = set(K8S["Kustomization"]["resources"])
    assert listed == {p.name for p in MANIFESTS.glob("*.yaml")} - {"kustomization.yaml"}


def test_probes_hit_the_health_routes_on_the_serving_port():
    routes = {rule.rule for rule in create_app({"LOG_REQUESTS": False}).url_map.iter_rules()}
    assert CONTAINER["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert CONTAINER["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert CONTAINER["startupProbe"]["httpGet"]["path"] in routes
    assert {"/healthz", "/readyz"} <= routes
    ports = {p["name"]: p["containerPort"] for p in CONTAINER["ports"]}
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        assert CONTAINER[probe]["httpGet"]["port"] in ports


def test_resources_hold_every_worker_at_the_worst_accepted_input():
    resources = CONTAINER["resources"]
    assert {"cpu", "memory"} <= resources["requests"].keys() and {"cpu", "memory"} <= resources["limits"].keys()
    workers = int(ENV["QUOTES_WORKERS"])
    assert workers <= 2 * float(resources["limits"]["cpu"])  # one or two sync workers per CPU
    assert mebibytes(resources["limits"]["memory"]) >= workers * WORST_WORKER_PEAK_MB + ARBITER_MB
    assert int(ENV["QUOTES_MAX_CONTENT_LENGTH"]) <= 1_000_000  # the input the sizing is for


def test_the_container_runs_as_nobody_on_a_read_only_root():
    pod = POD["spec"]["securityContext"]
    assert pod["runAsNonRoot"] is True and pod["runAsUser"] > 0
    assert pod["seccompProfile"]["type"] == "RuntimeDefault"
    container = CONTAINER["securityContext"]
    assert container["readOnlyRootFilesystem"] is True
    assert container["allowPrivilegeEscalation"] is False
    assert container["capabilities"]["drop"] == ["ALL"]
    # the only writable place is an emptyDir at /tmp, where gunicorn and the metrics write
    volumes = {v["name"]: v for v in POD["spec"]["volumes"]}
    mounts = {m["mountPath"]: m["name"] for m in CONTAINER["volumeMounts"]}
    assert "emptyDir" in volumes[mounts["/tmp"]]
    # the image's user is the one the pod asks for
    assert re.search(r"^USER (\d+)$", DOCKERFILE, re.M)[1] == str(pod["runAsUser"])


def test_termination_outlasts_the_graceful_drain():
    grace = POD["spec"]["terminationGracePeriodSeconds"]
    assert grace > int(ENV["QUOTES_GRACEFUL_TIMEOUT"]) + 5  # the preStop pause


def test_prometheus_scrapes_each_pod_on_the_metrics_route():
    annotations = POD["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true"
    assert annotations["prometheus.io/path"] == "/metrics"
    assert int(annotations["prometheus.io/port"]) in {p["containerPort"] for p in CONTAINER["ports"]}


def test_service_budget_and_autoscaler_point_at_the_deployment():
    labels = POD["metadata"]["labels"]
    assert K8S["Deployment"]["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert K8S["Service"]["spec"]["selector"].items() <= labels.items()
    assert K8S["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"].items() <= labels.items()
    (port,) = K8S["Service"]["spec"]["ports"]
    assert port["targetPort"] in {p["name"] for p in CONTAINER["ports"]}
    replicas = K8S["Deployment"]["spec"]["replicas"]
    assert K8S["PodDisruptionBudget"]["spec"]["minAvailable"] < replicas
    hpa = K8S["HorizontalPodAutoscaler"]["spec"]
    assert hpa["scaleTargetRef"]["name"] == K8S["Deployment"]["metadata"]["name"]
    assert hpa["minReplicas"] >= 2 and hpa["maxReplicas"] > hpa["minReplicas"]
    assert "requests" in CONTAINER["resources"]  # utilisation is measured against the request


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed")
def test_kubectl_builds_the_kustomization():
    done = subprocess.run(
        ["kubectl", "kustomize", str(MANIFESTS)], capture_output=True, text=True, timeout=60, check=True
    )
    assert [d["kind"] for d in yaml.safe_load_all(done.stdout)].count("Deployment") == 1


def test_the_image_is_pinned_labelled_and_starts_the_packaged_server():
    base = re.search(r"^ARG PYTHON_IMAGE=(\S+)$", DOCKERFILE, re.M)[1]
    assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-\w+(@sha256:[0-9a-f]{64})?", base), base
    assert all(line.split()[1] == "${PYTHON_IMAGE}" for line in re.findall(r"^FROM .*$", DOCKERFILE, re.M))
    for label in ("title", "description", "version", "licenses", "base.name"):
        assert f"org.opencontainers.image.{label}=" in DOCKERFILE
    assert 'org.opencontainers.image.licenses="MIT"' in DOCKERFILE
    assert DOCKERFILE.rstrip().endswith('CMD ["quote-service", "serve"]')


def test_dockerignore_sends_only_what_the_image_copies():
    rules = [r for r in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines() if r and r[0] != "#"]
    assert rules[0] == "*"  # everything else (.venv, .git, tests, benchmarks) stays out
    allowed = {r[1:].rstrip("/") for r in rules if r.startswith("!")}
    copied = {
        name.rstrip("/") for line in re.findall(r"^COPY (?!--from)(.+) \S+$", DOCKERFILE, re.M) for name in line.split()
    }
    assert copied <= allowed
