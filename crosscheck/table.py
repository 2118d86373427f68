"""`crosscheck analyze --format table`: the analysis as Rich tables that read at 80 columns.

Every string that came from an article goes into a `Text` object built from the plain string,
never into markup, and control characters are shown as escapes first (`core.text_safety`), so
an article cannot restyle the output or send escape sequences to the terminal.
"""
from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from crosscheck.core.model import Analysis
from crosscheck.core.naming import claimant_name, group_label, readable_keys, source_name, source_title
from crosscheck.core.analysis.numbers import interval_text
from crosscheck.core.text_safety import inert_line


def safe(text: str | None, limit: int | None = None) -> Text:
    """Untrusted text as a plain `Text`: no markup, control characters as escapes, one line."""
    clean = inert_line(text)
    if limit and len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return Text(clean)


def render(analysis: Analysis, console: Console) -> None:
    """Prints the summary, conflicts, description conflicts, topics and claims tables."""
    a = analysis
    src = {s.id: s for s in a.sources}
    claims = {c.id: c for c in a.claims}
    events = {e.id: e for e in a.events}
    in_conflict = {i for x in a.conflicts for i in x.disputed}
    head = Text()
    head.append("crosscheck", style="bold")
    head.append(" · ")
    head.append_text(safe(a.root))
    head.append(f" · {len(a.sources)} sources · {len(a.claims)} claims · {len(a.topics)} topics"
                f" · {len(a.conflicts)} conflicts")
    console.print(head)
    for p in a.problems:
        console.print(Text("! ", style="bold") + safe(str(p)))

    sources = Table(title="Sources", box=box.SIMPLE_HEAD, expand=False, title_justify="left")
    for col, kw in (("id", {}), ("outlet", {"max_width": 18}), ("date", {"no_wrap": True}),
                    ("title", {"ratio": 1}), ("claims", {"justify": "right"}), ("same story", {})):
        sources.add_column(col, **kw)
    for s in a.sources:
        n = sum(1 for c in a.claims if c.source == s.id)
        sources.add_row(s.id, safe(s.outlet or "—"), safe(s.published or "—"), safe(source_title(s), 60),
                        str(n), ", ".join(s.same_story_as) or "")
    console.print(sources)

    if not a.conflicts:
        console.print(Text("No conflicts: every topic's figures agree.", style="italic"))
    for x in a.conflicts:
        t = next(t for t in a.topics if t.id == x.topic)
        title = Text(f"{x.id} {x.kind}: ", style="bold")
        title.append_text(safe(f"{group_label(t.who)} {t.measure}"))
        title.append(" · ")
        title.append_text(safe(events[t.event].label if t.event in events else t.event))
        table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
        for col, kw in (("claim", {}), ("source", {"max_width": 16}), ("as written", {"max_width": 22}),
                        ("interval", {"no_wrap": True}), ("claimant", {"ratio": 1}), ("", {})):
            table.add_column(col, **kw)
        for cid in x.claims:
            c = claims[cid]
            s = src[c.source]
            mark = "≠" if cid in x.disputed else ""
            if x.kind == "internal" and cid in x.parts:
                mark = "part"
            table.add_row(cid, safe(source_name(s), 16), safe(c.number_text),
                          interval_text(c.low, c.high), safe(claimant_name(c.attributed_to, s)), mark)
        for cid in x.parts:
            if cid not in x.claims:
                c = claims[cid]
                table.add_row(cid, safe(source_name(src[c.source]), 16), safe(c.number_text),
                              interval_text(c.low, c.high), safe(claimant_name(c.attributed_to, src[c.source])), "part")
        estimate = Text(f"estimate low/best/high: {_n(t.low)} / {_n(t.best)} / {_n(t.high)} · "
                        f"{t.independent_sources} independent source(s) · ")
        estimate.append_text(safe(readable_keys(x.why)))
        console.print(Group(table, estimate))
        console.print()

    _descriptions(a, console, src, events)

    topics = Table(title="Topics", box=box.SIMPLE_HEAD, title_justify="left")
    for col, kw in (("topic", {}), ("event", {}), ("measure", {}), ("who", {"ratio": 1}),
                    ("low/best/high", {"no_wrap": True}), ("claims", {"justify": "right"}),
                    ("indep.", {"justify": "right"})):
        topics.add_column(col, **kw)
    for t in a.topics:
        topics.add_row(t.id, t.event, t.measure, safe(group_label(t.who), 30), f"{_n(t.low)}/{_n(t.best)}/{_n(t.high)}",
                       str(len(t.claims)), str(t.independent_sources))
    console.print(topics)

    table = Table(title="Claims", box=box.SIMPLE_HEAD, title_justify="left")
    for col, kw in (("claim", {}), ("src", {}), ("as written", {"max_width": 20}),
                    ("interval", {"no_wrap": True}), ("measure", {}), ("who", {"ratio": 1}),
                    ("claimant", {"ratio": 1}), ("topic", {})):
        table.add_column(col, **kw)
    for c in a.claims:
        table.add_row(Text(c.id + (" ≠" if c.id in in_conflict else "")), c.source, safe(c.number_text),
                      interval_text(c.low, c.high), c.measure, safe(c.who, 30),
                      safe(c.attributed_to or "—", 34), c.topic)
    console.print(table)


def _descriptions(a: Analysis, console: Console, src: dict, events: dict) -> None:
    """One table per description conflict: each side's source, phrase, value and claimant."""
    described = {d.id: d for d in a.descriptions}
    for x in a.description_conflicts:
        title = Text(f"{x.id} ¶ {x.slot}: ", style="bold")
        title.append_text(safe(" vs ".join(x.values)))
        title.append(" · ")
        title.append_text(safe(events[x.event].label if x.event in events else x.event))
        table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
        table.add_column("description")
        table.add_column("source", max_width=16)
        table.add_column("phrase", ratio=1)
        table.add_column("value", max_width=22)
        table.add_column("claimant", ratio=1)
        for i in x.descriptions:
            d = described[i]
            s = src[d.source]
            value = d.value if d.denies is None else f"{d.value} (denies {d.denies})"
            table.add_row(i, safe(source_name(s), 16), safe(d.phrase, 60), safe(value, 40),
                          safe(claimant_name(d.claimant, s)))
        console.print(Group(table, safe(x.why)))
        console.print()


def _n(v: int | None) -> str:
    return "?" if v is None else f"{v:,}"
