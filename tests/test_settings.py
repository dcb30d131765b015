"""Settings: every QUOTES_* value parsed and checked at start-up; a bad one stops the server, named."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import requests
from net import free_port

from conftest import ROOT, running_gunicorn
from service import create_app, settings


def test_values_are_read_as_strings_not_json():
    parsed = settings.from_environ(
        {"QUOTES_API_KEYS": "31415926", "QUOTES_MAX_CONTENT_LENGTH": "2000", "QUOTES_LOG_REQUESTS": "off"}
    )
    assert parsed == {"API_KEYS": ("31415926",), "MAX_CONTENT_LENGTH": 2000, "LOG_REQUESTS": False}


def test_empty_means_the_default():
    assert settings.from_environ({"QUOTES_ENGINE_BUDGET": "", "QUOTES_API_KEYS": ""}) == {}


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("QUOTES_MAX_CONTENT_LENGTH", "1MB", "whole number"),
        ("QUOTES_MAX_CONTENT_LENGTH", "0", "from 1"),
        ("QUOTES_ENGINE_BUDGET", "abc", "seconds"),
        ("QUOTES_ENGINE_BUDGET", "nan", "seconds"),
        ("QUOTES_ENGINE_BUDGET", "-1", "seconds"),
        ("QUOTES_API_KEYS", "null", "placeholder"),
        ("QUOTES_API_KEYS", " , ,", "names no key"),
        ("QUOTES_API_KEYS", "key one", "visible ASCII"),
        ("QUOTES_DEFAULT_LANGUAGE", "de", "auto, en, fr"),
        ("QUOTES_LOG_REQUESTS", "maybe", "true or false"),
        ("QUOTES_MAX_QUOTES", "-5", "whole number"),
        ("QUOTES_BATCH_MAX_DOCUMENTS", "１０", "whole number"),
    ],
)
def test_a_bad_value_is_refused_with_the_variable_named(variable, value, says):
    with pytest.raises(settings.SettingsError) as refused:
        settings.from_environ({variable: value})
    assert variable in str(refused.value) and says in str(refused.value)


def test_a_key_is_never_shown_in_the_message():
    with pytest.raises(settings.SettingsError) as refused:
        settings.from_environ({"QUOTES_API_KEYS": "secret-key-1,secret two"})
    assert "secret-key-1" not in str(refused.value) and "secret two" not in str(refused.value)


def test_every_bad_value_is_named_at_once():
    with pytest.raises(settings.SettingsError) as refused:
        settings.check({"QUOTES_ENGINE_BUDGET": "abc", "QUOTES_WORKERS": "0"})
    assert "QUOTES_ENGINE_BUDGET" in str(refused.value) and "QUOTES_WORKERS" in str(refused.value)


def test_an_unknown_name_is_a_warning_with_a_suggestion():
    (warning,) = settings.check({"QUOTES_API_KEY": "k", "HOME": "/root"})
    assert "QUOTES_API_KEY " in warning and "did you mean QUOTES_API_KEYS" in warning


def test_the_factory_refuses_a_bad_environment(monkeypatch):
    monkeypatch.setenv("QUOTES_ENGINE_BUDGET", "abc")
    with pytest.raises(settings.SettingsError, match="QUOTES_ENGINE_BUDGET"):
        create_app()


def test_the_readme_lists_every_setting_with_its_default():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    for s in settings.SETTINGS:
        assert f"`{s.variable}`" in table, s.variable


def _start(env_overrides: dict[str, str], tmp_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QUOTES_BIND": f"127.0.0.1:{free_port()}", "QUOTES_WORKERS": "1", "TMPDIR": str(tmp_path)}
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    command = [gunicorn, "-c", "gunicorn.conf.py", "service.wsgi:app"]
    return subprocess.run(command, cwd=ROOT, env={**env, **env_overrides}, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("QUOTES_MAX_CONTENT_LENGTH", "1MB"),
        ("QUOTES_ENGINE_BUDGET", "abc"),
        ("QUOTES_API_KEYS", "null"),
        ("QUOTES_WORKERS", "abc"),  # read by gunicorn.conf.py itself
        ("QUOTES_WORKERS", "0"),
    ],
)
def test_gunicorn_refuses_to_start_on_a_bad_value(variable, value, tmp_path):
    done = _start({variable: value}, tmp_path)
    assert done.returncode != 0
    assert f"Error: Bad setting: {variable}=" in done.stderr
    assert list(tmp_path.iterdir()) == []  # the metrics directory it made is gone with it


def test_a_numeric_key_is_a_key():
    with running_gunicorn(QUOTES_API_KEYS="31415926") as (url, _):
        article = {"text": "« Oui », a dit Marie Curie."}
        assert requests.post(f"{url}/v1/quotes", json=article, timeout=10).status_code == 401
        key = {"Authorization": "Bearer 31415926"}
        assert requests.post(f"{url}/v1/quotes", json=article, headers=key, timeout=10).status_code == 200
