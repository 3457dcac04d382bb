"""OpenID Connect settings from the environment, the claim → user mapping, and `next`."""

from __future__ import annotations

import pytest

from api.auth.oidc_login import local_path
from infra.settings import OidcSettings, Settings, SettingsError
from services.accounts.external import SignInRefused, identity_from_claims

ISSUER = "https://sso.tayninh.gov.vn/realms/thidua"


def test_unset_issuer_means_no_oidc_and_a_set_one_reads_every_variable():
    assert Settings.from_env({}).oidc is None
    oidc = Settings.from_env({
        "THIDUA_OIDC_ISSUER": ISSUER, "THIDUA_OIDC_CLIENT_ID": "thidua", "THIDUA_OIDC_CLIENT_SECRET": "s",
        "THIDUA_PUBLIC_URL": "https://thidua.tayninh.gov.vn/", "THIDUA_OIDC_SCOPES": "email profile",
        "THIDUA_OIDC_EMAIL_CLAIM": "mail", "THIDUA_OIDC_SUBJECT_CLAIM": "cccd",
        "THIDUA_OIDC_REQUIRE_VERIFIED_EMAIL": "0", "THIDUA_OIDC_TIMEOUT": "3"}).oidc
    assert oidc == OidcSettings(issuer=ISSUER, client_id="thidua", client_secret="s",
                                redirect_base="https://thidua.tayninh.gov.vn", scopes=("openid", "email", "profile"),
                                subject_claim="cccd", email_claim="mail", require_verified_email=False, timeout_s=3)
    assert oidc.redirect_uri == "https://thidua.tayninh.gov.vn/auth/oidc/callback"
    assert Settings.from_env({"THIDUA_OIDC_ISSUER": ISSUER + "/", "THIDUA_OIDC_CLIENT_ID": "c",
                              "THIDUA_OIDC_REDIRECT_BASE": "https://a.vn/"}).oidc.issuer == ISSUER + "/"


@pytest.mark.parametrize("env, says", [
    ({"THIDUA_OIDC_ISSUER": ISSUER}, "THIDUA_OIDC_CLIENT_ID"),
    ({"THIDUA_OIDC_ISSUER": "http://sso.tayninh.gov.vn", "THIDUA_OIDC_CLIENT_ID": "c"}, "https"),
    ({"THIDUA_OIDC_ISSUER": ISSUER, "THIDUA_OIDC_CLIENT_ID": "c", "THIDUA_OIDC_TIMEOUT": "soon"}, "TIMEOUT"),
])
def test_an_incomplete_or_insecure_configuration_is_one_clear_error(env, says):
    with pytest.raises(SettingsError, match=says):
        Settings.from_env(env)


def test_plain_http_is_allowed_only_on_a_loopback_issuer():
    oidc = Settings.from_env({"THIDUA_OIDC_ISSUER": "http://127.0.0.1:9000", "THIDUA_OIDC_CLIENT_ID": "c"}).oidc
    assert oidc.issuer == "http://127.0.0.1:9000" and oidc.client_secret is None


def test_claims_are_read_through_the_configured_names():
    settings = OidcSettings(ISSUER, "c", subject_claim="cccd", email_claim="mail", email_verified_claim="mail_ok")
    identity = identity_from_claims(ISSUER, {"sub": "x", "cccd": "072090001234", "mail": "a@b.vn",
                                             "mail_ok": "true"}, settings)
    assert (identity.subject, identity.email, identity.email_verified) == ("072090001234", "a@b.vn", True)
    unverified = identity_from_claims(ISSUER, {"cccd": "1", "mail": "a@b.vn", "email_verified": True}, settings)
    assert not unverified.email_verified  # the configured claim says nothing: not verified
    with pytest.raises(SignInRefused) as refused:
        identity_from_claims(ISSUER, {"sub": "x", "mail": "a@b.vn"}, settings)
    assert refused.value.rule == "signin.external.no_subject"


def test_a_provider_trusted_with_every_email_needs_no_verified_claim():
    trusted = OidcSettings(ISSUER, "c", require_verified_email=False)
    assert identity_from_claims(ISSUER, {"sub": "x", "email": "a@b.vn"}, trusted).email_verified
    assert not identity_from_claims(ISSUER, {"sub": "x", "email": "a@b.vn"}, OidcSettings(ISSUER, "c")).email_verified


@pytest.mark.parametrize("raw, expected", [(None, "/"), ("", "/"), ("/plans", "/plans"),
                                           ("/plans/1?tab=mine#top", "/plans/1?tab=mine#top")])
def test_next_keeps_a_local_path(raw, expected):
    assert local_path(raw) == expected
