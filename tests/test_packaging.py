"""The distribution: its wheel installs in a fresh venv and works there as a command, a library and a server."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
import urllib.request
import venv
import zipfile
from pathlib import Path

import pytest
import yaml
from net import free_port, wait_until_up
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT, SEEDS

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# what the wheel is built from: the package and the files pyproject.toml names
VERSION = re.search(r'__version__ = "(.+)"', (ROOT / "service" / "version.py").read_text(encoding="utf-8"))[1]
SOURCES = ("service", "pyproject.toml", "README.md", "LICENSE", "openapi.yaml", "gunicorn.conf.py")


def _pins(path: Path) -> dict[str, Requirement]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            requirement = Requirement(line)
            pins[canonicalize_name(requirement.name)] = requirement
    return pins


def test_every_runtime_dependency_is_declared_once_and_pinned_for_the_image():
    declared = {canonicalize_name(Requirement(r).name): Requirement(r) for r in PYPROJECT["project"]["dependencies"]}
    pinned = _pins(ROOT / "requirements.txt")
    assert declared.keys() == pinned.keys()
    for name, requirement in declared.items():
        (spec,) = pinned[name].specifier
        assert spec.operator == "==", f"requirements.txt must pin {name} exactly"
        assert requirement.specifier.contains(spec.version), f"{name}=={spec.version} is outside {requirement}"


def test_the_dask_extra_is_pinned_for_the_tests():
    pinned = _pins(ROOT / "requirements-dev.txt")
    for line in PYPROJECT["project"]["optional-dependencies"]["dask"]:
        requirement = Requirement(line)
        (spec,) = pinned[canonicalize_name(requirement.name)].specifier
        assert requirement.specifier.contains(spec.version)


def test_the_build_backend_is_pinned():
    assert all("==" in r for r in PYPROJECT["build-system"]["requires"])


def test_the_contract_and_the_package_agree_on_the_licence():
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    assert spec["info"]["license"]["identifier"] == PYPROJECT["project"]["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def _run(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True, timeout=300, **kwargs)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the sources with the pinned build backend."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", tmp / "dist", source)
    (built,) = (tmp / "dist").glob("quote_service-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv outside the checkout with the wheel and its dependencies installed; its bin/."""
    home = tmp_path_factory.mktemp("venv")
    venv.create(home / "venv", with_pip=True)
    bin_ = home / "venv" / "bin"
    # the exact pins of requirements.txt, which satisfy the wheel's ranges, keep the install reproducible
    _run(bin_ / "pip", "install", "--quiet", "--disable-pip-version-check", "-r", ROOT / "requirements.txt", wheel)
    return bin_


def test_the_wheel_holds_every_data_file_of_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    tracked = subprocess.run(["git", "ls-files", "service"], cwd=ROOT, capture_output=True, text=True, check=True)
    data = [n for n in tracked.stdout.splitlines() if not n.endswith(".py")]
    data += ["service/py.typed", "service/openapi.yaml", "service/gunicorn.conf.py"]
    assert sorted(set(data) - names) == []
    assert zipfile.ZipFile(wheel).read("service/openapi.yaml") == (ROOT / "openapi.yaml").read_bytes()
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "quote-service = service.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_console_script_extracts_outside_the_checkout(installed, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text((SEEDS / "000_a97bea036ea5668e.txt").read_text(encoding="utf-8"), encoding="utf-8")
    version = _run(installed / "quote-service", "--version", cwd=tmp_path)
    assert version.stdout.strip() == f"quote-service {VERSION}"
    body = json.loads(_run(installed / "quote-service", "extract", article, cwd=tmp_path).stdout)
    assert any(q["speaker"] and q["speaker"]["name"] == "Oana Lungescu" for q in body["quotes"])


def test_the_library_imports_from_the_installed_package(installed, tmp_path):
    code = (
        "import service, service.engine as e; from service.engine import extract; "
        "r = extract('« Oui », a dit Marie Curie.'); "
        "print(service.__file__); print(r.language, r.quotes[0].speaker.name)"
    )
    lines = _run(installed / "python", "-c", code, cwd=tmp_path).stdout.splitlines()
    assert "site-packages" in lines[0] and str(ROOT) not in lines[0]
    assert lines[1] == "fr Marie Curie"


def test_serve_starts_gunicorn_with_the_packaged_settings(installed, tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [installed / "quote-service", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + "/healthz", 30, alive=lambda: server.poll() is None)
        with urllib.request.urlopen(base + "/openapi.yaml", timeout=10) as response:
            assert response.read() == (ROOT / "openapi.yaml").read_bytes()
        request = urllib.request.Request(
            base + "/v1/quotes", data=json.dumps({"text": "“Yes,” she said."}).encode(), method="POST"
        )
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=10) as response:
            assert json.loads(response.read())["quotes"][0]["text"] == "Yes,"
    finally:
        server.terminate()
        server.wait(timeout=30)
