"""The team server's fixtures (tests/server/conftest.py: a throwaway PostgreSQL, the real server
over TLS, the admin CLI), reused here as they are rather than copied."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "server_fixtures", Path(__file__).resolve().parents[1] / "server" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_server = importlib.util.module_from_spec(_spec)
sys.modules["server_fixtures"] = _server  # dataclasses look their module up there
_spec.loader.exec_module(_server)

postgres = _server.postgres
database_url = _server.database_url
ca = _server.ca
tls_files = _server.tls_files
client_ssl = _server.client_ssl
server_config = _server.server_config
admin = _server.admin
team_server = _server.team_server
