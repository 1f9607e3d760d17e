"""Likely typos of common providers get a suggestion; real addresses get none."""

from __future__ import annotations

import pytest

from clerk_app.domain.email_hints import suggest_email


@pytest.mark.parametrize(("typed", "meant"), [
    ("jan@gmial.com", "jan@gmail.com"), ("jan@gmai.com", "jan@gmail.com"),
    ("jan@wp.pll", "jan@wp.pl"), ("jan@wp.p", "jan@wp.pl"), ("jan@pw.pl", "jan@wp.pl"),
    ("jan@onet.p", "jan@onet.pl"), ("jan@02.pl", "jan@o2.pl"), ("jan@o2pl", "jan@o2.pl"),
    ("jan@o2.p", "jan@o2.pl"), ("Jan.Kos@INTERIA.P", "Jan.Kos@interia.pl"),
    ("jan@poczta.onet.p", "jan@poczta.onet.pl"),
])
def test_typos_of_common_providers(typed: str, meant: str) -> None:
    assert suggest_email(typed) == meant


@pytest.mark.parametrize("address", [
    "jan@gmail.com", "jan@wp.pl", "jan@o2.pl", "jan@op.pl", "jan@onet.eu", "jan@go2.pl",
    "jan@zgm.piekary.pl", "jan@example.pl", "", None, "bez-malpy", "a@@wp.pl", "@wp.pll",
])
def test_no_hint_for_real_or_unparseable_addresses(address: str | None) -> None:
    assert suggest_email(address) is None
