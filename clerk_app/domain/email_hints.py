"""Likely typos in the domain of an e-mail address of a common provider ("gmial.com",
"wp.pll", "onet.p", "02.pl"): a suggestion shown before saving, never a correction made
silently."""

from __future__ import annotations

# The providers most Polish applicants use, most common first (ties go to the first).
COMMON_DOMAINS = (
    "gmail.com", "wp.pl", "o2.pl", "onet.pl", "interia.pl", "op.pl", "poczta.onet.pl",
    "vp.pl", "tlen.pl", "gazeta.pl", "poczta.fm", "interia.eu", "outlook.com",
    "hotmail.com", "yahoo.com", "icloud.com", "live.com", "outlook.pl",
)
# Real domains close to a common one: never "corrected".
_ALSO_REAL = ("onet.eu", "go2.pl", "int.pl", "wp.eu", "op.pl", "gmx.com", "gmx.pl",
              "mail.com", "spoko.pl", "buziaczek.pl", "autograf.pl", "onet.com.pl")
_KNOWN = frozenset(COMMON_DOMAINS + _ALSO_REAL)


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (an adjacent swap counts as one edit)."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _allowed(domain: str) -> int:
    """Edits tolerated: one for a short domain (``wp.pl``), two for a longer one."""
    return 1 if len(domain) <= 6 else 2


def suggest_domain(domain: str) -> str | None:
    """The common provider ``domain`` is probably a typo of, or None."""
    typed = domain.strip().lower()
    if not typed or typed in _KNOWN:
        return None
    best: tuple[int, str] | None = None
    for known in COMMON_DOMAINS:
        d = _distance(typed, known)
        if d <= _allowed(known) and (best is None or d < best[0]):
            best = (d, known)
    return best[1] if best else None


def suggest_email(address: str | None) -> str | None:
    """The address with its domain replaced by the provider it probably means, or None
    when it looks right (or is not an address with one ``@`` at all)."""
    text = (address or "").strip()
    if text.count("@") != 1:
        return None
    local, domain = text.split("@")
    if not local:
        return None
    better = suggest_domain(domain)
    return f"{local}@{better}" if better else None
