"""Sharing from a laptop (POST /accounts/{uid}/grants): the first sharer owns the account;
only its owner may share it further; the grantee then sees it in /accounts."""

from __future__ import annotations

import httpx
from team_helpers import granted_accounts, login

ACCOUNT = "0123456789abcdef0123456789abcdef"


def _share(server, context, token, body):
    return httpx.post(
        f"{server.base}/accounts/{ACCOUNT}/grants",
        json=body,
        headers={"Authorization": f"Bearer {token}"},
        verify=context,
    )


def test_only_the_owner_shares_and_grantees_see_the_account(admin, team_server, client_ssl):
    for name in ("ana", "bo", "cy"):
        assert admin("add-user", name, password=f"{name}-password") == 0
    ana, bo, cy = (login(team_server, client_ssl, n, f"{n}-password") for n in ("ana", "bo", "cy"))

    assert _share(team_server, client_ssl, ana, {"user": "bo"}).status_code == 200
    assert granted_accounts(team_server, client_ssl, ana) == {ACCOUNT: "write"}  # the owner
    assert granted_accounts(team_server, client_ssl, bo) == {ACCOUNT: "write"}

    refused = _share(team_server, client_ssl, bo, {"user": "cy"})  # bo writes but does not own
    assert refused.status_code == 403
    assert granted_accounts(team_server, client_ssl, cy) == {}
    assert _share(team_server, client_ssl, ana, {"user": "cy", "permission": "read"}).is_success
    assert granted_accounts(team_server, client_ssl, cy) == {ACCOUNT: "read"}
    assert _share(team_server, client_ssl, ana, {"user": "nobody"}).status_code == 404
    assert _share(team_server, client_ssl, "forged", {"user": "cy"}).status_code == 401
