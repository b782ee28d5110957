"""Safe by default: the settings as a fresh machine and as production read them.

Each case imports the settings module in a subprocess with a clean environment (no pytest, no
LENTERA_* variables), because the values are fixed at import time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

READ = """
import json
from lentera.config import settings as s
print(json.dumps({
    "DEBUG": s.DEBUG,
    "HTTPS": s.HTTPS,
    "SESSION_COOKIE_SECURE": s.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": s.CSRF_COOKIE_SECURE,
    "SECURE_SSL_REDIRECT": getattr(s, "SECURE_SSL_REDIRECT", False),
    "SECURE_HSTS_SECONDS": getattr(s, "SECURE_HSTS_SECONDS", 0),
    "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "SECRET_KEY": s.SECRET_KEY,
}))
"""
PRODUCTION_SECRETS = {
    "LENTERA_SECRET_KEY": "s" * 50,
    "LENTERA_FIELD_KEYS": Fernet.generate_key().decode(),
    "LENTERA_INDEX_KEY": "i" * 32,
}
POSTGRES = "postgres://lentera@db.internal:5432/lentera"


def _settings(var_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {"PATH": os.environ.get("PATH", "/usr/bin"), "LENTERA_VAR_DIR": str(var_dir), **env}
    return subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", READ], env=clean, capture_output=True, text=True, check=False
    )


def _read(var_dir: Path, **env: str) -> dict:
    result = _settings(var_dir, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_fresh_machine_runs_without_debug_and_generates_its_keys(tmp_path):
    values = _read(tmp_path)
    assert values["DEBUG"] is False
    # `make run` serves http://127.0.0.1:8000: plain-HTTP cookies, no redirect to HTTPS
    assert values["HTTPS"] is False and values["SESSION_COOKIE_SECURE"] is False
    assert values["SECURE_SSL_REDIRECT"] is False and values["SECURE_HSTS_SECONDS"] == 0
    assert "127.0.0.1" in values["ALLOWED_HOSTS"] and "localhost" in values["ALLOWED_HOSTS"]
    secrets = tmp_path / "dev-secrets.json"
    assert secrets.stat().st_mode & 0o777 == 0o600
    assert json.loads(secrets.read_text())["secret_key"] == values["SECRET_KEY"]
    assert _read(tmp_path)["SECRET_KEY"] == values["SECRET_KEY"]  # kept, not regenerated


@pytest.mark.parametrize("value", ["1", "true", "on"])
def test_debug_only_when_a_developer_asks(tmp_path, value):
    assert _read(tmp_path, LENTERA_DEBUG=value)["DEBUG"] is True
    assert _read(tmp_path, LENTERA_DEBUG="0")["DEBUG"] is False


def test_production_without_secrets_refuses_to_start(tmp_path):
    result = _settings(tmp_path, DATABASE_URL=POSTGRES)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "LENTERA_SECRET_KEY" in result.stderr
    assert not (tmp_path / "dev-secrets.json").exists()
    for missing in PRODUCTION_SECRETS:
        partial = {k: v for k, v in PRODUCTION_SECRETS.items() if k != missing}
        result = _settings(tmp_path, DATABASE_URL=POSTGRES, **partial)
        assert result.returncode != 0 and missing in result.stderr


def test_production_is_https_only_and_answers_no_host_by_default(tmp_path):
    values = _read(tmp_path, DATABASE_URL=POSTGRES, **PRODUCTION_SECRETS)
    assert values["DEBUG"] is False and values["HTTPS"] is True
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True and values["SECURE_HSTS_SECONDS"] > 0
    assert values["ALLOWED_HOSTS"] == []
    assert not (tmp_path / "dev-secrets.json").exists()


def test_https_follows_its_own_setting(tmp_path):
    assert _read(tmp_path, LENTERA_HTTPS="1")["SESSION_COOKIE_SECURE"] is True
    behind_plain_proxy = _read(
        tmp_path, DATABASE_URL=POSTGRES, LENTERA_HTTPS="0", **PRODUCTION_SECRETS
    )
    assert behind_plain_proxy["SESSION_COOKIE_SECURE"] is False
