"""Repeated claims folded: one article giving the same figure again (breadcrumb, headline,
key-points bullet, body) is one row with a count, not three identical rows.

Claims fold when they are in the same article and the same topic, have the same interval and
the same voice (the claimant however spelled, or the outlet itself). The wording may differ in
case ("Seven" in the headline, "seven" in the text). Each claim stays in the analysis and keeps
its own decisions; the tables show the fold and apply a verdict to all its claims.
"""
from __future__ import annotations

from collections.abc import Sequence

from .analysis.voices import claimant_key
from .model import Claim


def fold_key(c: Claim) -> tuple:
    """What two claims must share to be shown as one row."""
    return c.source, c.topic, c.measure, c.low, c.high, claimant_key(c.attributed_to)


def fold(claims: Sequence[Claim]) -> list[tuple[str, ...]]:
    """The claims' ids grouped into folds, each in the order given, folds by first appearance."""
    groups: dict[tuple, list[str]] = {}
    for c in claims:
        groups.setdefault(fold_key(c), []).append(c.id)
    return [tuple(ids) for ids in groups.values()]
