"""The domain model: sources, claims, events, topics, conflicts and the analysis that holds them.

Every object is a frozen dataclass so the UI can hold and compare them freely and a re-analysis
replaces them wholesale instead of mutating what a screen is showing. Character offsets on
`Claim` and `Block` are always offsets into `Source.text`, the file's decoded text as it is on
disk (HTML included), so a viewer can highlight the exact span.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .text_safety import inert

OPEN = None
"""An open interval end: `low=None` is unbounded below, `high=None` unbounded above."""


@dataclass(frozen=True)
class Block:
    """A run of a source's text with its role in the page."""

    start: int
    end: int
    kind: str
    """`title`, `body`, `meta` (byline, dateline, front matter) or `junk` (menus, footers, teasers)."""


@dataclass(frozen=True)
class Source:
    """One article as read from disk, with what is known about where it came from."""

    id: str
    path: str
    """Relative to the PATH the user gave, `/` separated."""
    text: str
    """The file's decoded text exactly as on disk: every offset in the model points into it."""
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    """YYYY-MM-DD, or None when neither a manifest nor the text says."""
    url: str | None = None
    plain: str | None = None
    """The readable text for markup formats (HTML with tags removed); None means `text` itself."""
    offsets: tuple[int, ...] | None = None
    """For `plain`: `offsets[i]` is the index in `text` of `plain[i]` (one extra entry at the end)."""
    blocks: tuple[Block, ...] = ()
    """The page's blocks, in `plain` coordinates, covering every non-blank line."""
    same_story_as: tuple[str, ...] = ()

    @property
    def readable(self) -> str:
        return self.text if self.plain is None else self.plain

    def to_original(self, i: int) -> int:
        """Maps an offset in `readable` to the offset in `text`."""
        if self.offsets is None:
            return i
        return self.offsets[min(max(i, 0), len(self.offsets) - 1)]


@dataclass(frozen=True)
class Problem:
    """Input that could not be read, or was read with a caveat; reported, never fatal to the run."""

    path: str
    message: str
    fatal: bool = True
    """False when the file was still analysed (e.g. decoded as Windows-1252)."""

    def __str__(self) -> str:
        """One line for a person, with anything unsafe in the path or message shown as escapes."""
        return inert(f"{self.path}: {self.message}")


@dataclass(frozen=True)
class Claim:
    """One count of people in one sentence of one source, with its hedge as an interval."""

    id: str
    source: str
    start: int
    end: int
    number_text: str
    sentence: str
    low: int | None
    high: int | None
    measure: str
    """killed, injured, missing, captured, displaced, attackers, affected, casualties or other."""
    who: str
    attributed_to: str | None
    event: str = ""
    topic: str = ""
    hedge: str = "exact"
    party: str = ""
    """The normalised who-class used to build topics (e.g. `russian`, `civilian`, `total`)."""
    fingerprint: str = ""
    """Stable identity across re-analysis: source path, number phrase and its context."""
    sentence_start: int = 0
    in_title: bool = False
    implausible: bool = False
    """The figure is beyond any count of people (over ten billion): read as written, and flagged."""
    part_of: str | None = None
    """For a claim that is a stated part of a total ("121 killed: 84 ... and 47 ..."): the total's
    claim id. The one record of the relation: conflicts and exports derive from it."""


@dataclass(frozen=True)
class Event:
    """One real-world incident, possibly reported by several sources."""

    id: str
    label: str
    date: str | None = None
    place: str | None = None
    actors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    """One quantity of one event (event x measure x who-class) across all sources."""

    id: str
    event: str
    measure: str
    who: str
    claims: tuple[str, ...]
    low: int | None
    best: int | None
    high: int | None
    independent_sources: int
    basis: dict = field(default_factory=dict, compare=False, hash=False)
    """Which claims set low, best and high: {"low": [ids], "best": [ids], "high": [ids]}."""


@dataclass(frozen=True)
class Conflict:
    """A topic whose claims cannot all be true at once."""

    id: str
    topic: str
    claims: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]
    kind: str
    """`dispute`, `revision` (a later figure from the same claimant) or `internal`."""
    why: str
    parts: tuple[str, ...] = ()
    """For `internal`: the claims stated as the parts of the total."""
    disputed: tuple[str, ...] = ()
    """Every claim in at least one incompatible pair (complete even when `pairs` is cut short)."""
    pairs_total: int = 0
    """How many incompatible pairs there are; `pairs` lists them all up to `conflicts.MAX_PAIRS`."""


@dataclass(frozen=True)
class Description:
    """What one source says about an event besides a count: who attacked, who the people counted
    were, what was hit, or what someone denies (`analysis.descriptions`)."""

    id: str
    source: str
    start: int
    end: int
    """Offsets into `Source.text`, end exclusive: `text[start:end] == phrase`."""
    phrase: str
    slot: str
    """`perpetrator`, `victims`, `target` or `denial`."""
    value: str
    """The normalised value (`civilians`, `JNIM`, `convoy`); for a denial what the denier says instead."""
    claimant: str | None
    """Who says it, resolved as claims' claimants are; None when the outlet speaks in its own voice."""
    event: str
    sentence: str
    denies: str | None = None
    """For a denial: the value it denies (`mercenaries`, `civilians`)."""
    fingerprint: str = ""
    """Stable identity across re-analysis, as a claim's: source path, phrase and its context."""


@dataclass(frozen=True)
class DescriptionConflict:
    """Descriptions of one event and slot, from different claimants, that cannot all be true."""

    id: str
    event: str
    slot: str
    descriptions: tuple[str, ...]
    values: tuple[str, ...]
    """The competing values, normalised and with aliases applied, first seen first."""
    pairs: tuple[tuple[str, str], ...]
    """Incompatible pairs of description ids."""
    why: str
    topics: tuple[str, ...] = ()
    """Numeric topics whose figures carry these labels ("203 terrorists" / "300 civilians")."""
    kind: str = "description"


@dataclass(frozen=True)
class Analysis:
    """Everything `crosscheck analyze` knows about a corpus."""

    sources: tuple[Source, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    topics: tuple[Topic, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    problems: tuple[Problem, ...] = ()
    root: str = ""
    descriptions: tuple[Description, ...] = ()
    description_conflicts: tuple[DescriptionConflict, ...] = ()
