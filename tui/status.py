"""The header's status line: what was read, how much is decided, and whether decisions are saved."""
from __future__ import annotations

from crosscheck.core.model import Analysis
from crosscheck.core.review.decisions import Review
from crosscheck.core.review.progress import progress_words


def status_line(a: Analysis, review: Review | None, read_only: bool) -> str:
    """Counts of sources, claims, conflicts (how many resolved, once the review is open) and
    verdicts, orphans, READ-ONLY, then the corpus root
    (last, so a narrow header cuts the path, not the counts). `review` None: not open yet."""
    line = f"{len(a.sources)} sources · {len(a.claims)} claims"
    if review is None or not a.conflicts:
        line += f" · {len(a.conflicts)} conflicts"
    if review is not None:
        decided = sum(1 for d in review.claims.values() if d.verdict)
        line += f" · {decided} verdict{'s' * (decided != 1)}"
        if a.conflicts:
            line += " · " + progress_words(a, review)  # "3 of 37 conflicts resolved"
        if review.orphans:
            line += f" · {len(review.orphans)} orphaned"
    if read_only:
        line += " · READ-ONLY"
    return f"{line} · {a.root}"
