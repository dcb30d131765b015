"""Worker counts follow a container's CPU quota (cgroup v2 and v1), not the node's core count."""

from __future__ import annotations

import os
import runpy

import pytest

import service.cpu
from conftest import ROOT
from service.cpu import available_cpus

AFFINITY = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def cgroup_v2(tmp_path, line: str):
    (tmp_path / "cpu.max").write_text(line + "\n")
    return tmp_path


def cgroup_v1(tmp_path, quota: int, period: int = 100000):
    (tmp_path / "cpu").mkdir()
    (tmp_path / "cpu" / "cpu.cfs_quota_us").write_text(f"{quota}\n")
    (tmp_path / "cpu" / "cpu.cfs_period_us").write_text(f"{period}\n")
    return tmp_path


def test_a_one_cpu_quota_gives_one(tmp_path):
    assert available_cpus(cgroup_v2(tmp_path, "100000 100000")) == 1


def test_a_fractional_quota_rounds_up(tmp_path):
    assert available_cpus(cgroup_v2(tmp_path, "50000 100000")) == 1


def test_no_quota_leaves_the_affinity_mask(tmp_path):
    assert available_cpus(cgroup_v2(tmp_path, "max 100000")) == AFFINITY
    assert available_cpus(tmp_path / "absent") == AFFINITY


def test_a_quota_never_raises_the_count_above_the_cores(tmp_path):
    assert available_cpus(cgroup_v2(tmp_path, "6400000 100000")) == AFFINITY


def test_cgroup_v1_quota(tmp_path):
    assert available_cpus(cgroup_v1(tmp_path, 100000)) == 1


def test_cgroup_v1_without_quota(tmp_path):
    assert available_cpus(cgroup_v1(tmp_path, -1)) == AFFINITY


def test_gunicorn_starts_one_worker_per_cpu_of_the_quota_plus_one(tmp_path, monkeypatch):
    monkeypatch.setattr(service.cpu, "CGROUP", cgroup_v2(tmp_path, "100000 100000"))
    monkeypatch.delenv("QUOTES_WORKERS", raising=False)
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert settings["workers"] == 2


@pytest.mark.parametrize("value", ["garbage", ""])
def test_an_unreadable_quota_is_no_quota(tmp_path, value):
    assert available_cpus(cgroup_v2(tmp_path, value)) == AFFINITY
