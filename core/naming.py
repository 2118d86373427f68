"""How sources are named on screen and in human-readable output: the outlet, else a short title.

A source's `id` (`s2`) and its file name (`001_fd7eeb6585d1acaf.txt`) are handles for programs,
not names for people: a reviewer knows an article by who published it, or by its headline. The
rule lives here so the dashboard's panes, the command line's tables and the Markdown memo name
a source the same way.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from .model import Source

SHORT_TITLE = 36
"""Characters of a headline kept when it stands in for a missing outlet."""

_HASH = re.compile(r"(?:^|[_\-. ])[0-9a-f]{8,}(?=$|[_\-. ])", re.IGNORECASE)
_INDEX = re.compile(r"^(\d+)[_\-. ]*")


def short_title(title: str, limit: int = SHORT_TITLE) -> str:
    """A headline cut at a word boundary to at most `limit` characters, with `…` when cut."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def file_label(path: str) -> str:
    """A file name as words: `001_wire_first_day.txt` -> `wire first day`; a bare hash stub
    (`003_de7d36d995471ea3.txt`) -> `article 003`; never the hash itself."""
    stem = PurePosixPath(path).stem
    index = _INDEX.match(stem)
    words = _HASH.sub(" ", stem[index.end():] if index else stem)
    words = " ".join(re.sub(r"[_\-.]+", " ", words).split())
    if words:
        return words
    return f"article {index.group(1)}" if index else "untitled article"


def source_name(source: Source, limit: int = SHORT_TITLE) -> str:
    """What to call a source: its outlet, else its headline cut short, else its file name as words."""
    if source.outlet and source.outlet.strip():
        return " ".join(source.outlet.split())
    if source.title and source.title.strip():
        return short_title(source.title, limit)
    return file_label(source.path)


def source_title(source: Source) -> str:
    """A source's headline, else its file name as words (for a title column)."""
    if source.title and source.title.strip():
        return " ".join(source.title.split())
    return file_label(source.path)


def source_names(ids: Iterable[str], sources: Mapping[str, Source]) -> str:
    """Several sources by name, comma separated (e.g. the articles one is the same story as)."""
    return ", ".join(source_name(sources[i]) if i in sources else "another article" for i in ids)


# ---- claimants ------------------------------------------------------------------------------
# The extractor keeps a claimant's words as the article gives them, lead-in and all ("Earlier in
# the day the Kenyan Red Cross", "a statement released by the extremists on their media
# platform"). These rules only tidy what is shown; the analysis keeps its own label.

_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
_WHEN = rf"(?:the\s+)?(?:{_WEEKDAY}|{_MONTH}|\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}|day|evening|morning|night|afternoon|" \
        r"time|siege|weekend|first(?:\s+days?)?|all)"
_LEAD = [
    re.compile(r"^[\-–—•*\s]+"),
    re.compile(r"^(?:said|says|according\s+to|whose)\s+", re.I),
    re.compile(r"^(?:on|in|at|by|during|after|since|until|from)\s+[^,]{1,60},\s+", re.I),   # "In Paiporta, the mayor"
    re.compile(r"^[^,]{0,25}\b(?:earlier|later|ago)\s*,\s+", re.I),                         # "Two days earlier, the ..."
    re.compile(rf"^(?:earlier|early|later|then)(?:\s+(?:in|on|this|that)\s+{_WHEN})?\s+(?=\S)", re.I),
    re.compile(rf"^(?:on|in|at|by|during)\s+{_WHEN}(?:\s+of\s+\w+)?\s+(?=(?:the|a|an|he|she|it|they)\b|[A-Z])", re.I),
    re.compile(r"^at\s+first\s+", re.I),
]
_TRAIL = re.compile(rf"(?:\s+(?:now|initially|himself|herself|themselves|officially|only|had\s+earlier|earlier|"
                    rf"on\s+{_WEEKDAY}(?:\s+(?:night|morning|evening|afternoon))?|this\s+week))+$", re.I)
_VIA = re.compile(r"^(?:an?\s+|the\s+|its\s+)?(?:(?:translation\s+of\s+(?:its|the|a)\s+)?statements?|video|report|"
                  r"announcement|post|check\s+of\s+[\w\s]{1,30}?)\s+(?:(?:released|issued|posted|published|reviewed|"
                  r"made|shared)\s+)?(?:by|from)\s+(?P<who>.+?)(?:\s+on\s+(?:their|its|his|her)\s+.*)?$", re.I)
_CALL_SIGN = re.compile(r"^(?:known|identified)\s+(?:by|as|under)\s+(?:the\s+)?(?:call\s*sign|name|nickname|"
                        r"pseudonym)\s+(?P<who>.+)$", re.I)
_IN_X_IT = re.compile(r"^in\s+(?P<who>[a-z][\w\s\-]{2,40}?)\s+it\b", re.I)          # "In social networks it had been"
_SPEAKS_ABOUT = re.compile(r"^(?P<who>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,5})\s+(?:disputes|accuses|says|claims|"
                           r"puts|reports|denies|rejects)\b")
_JUNK_WORDS = {"a", "an", "the", "it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those",
               "has", "have", "had", "is", "are", "was", "were", "what", "which", "who", "another", "others", "other",
               "earlier", "later", "then", "now", "unconfirmed", "one", "some", "there", "here"}
_VERB = re.compile(r"\b(?:are|is|was|were|be|been|being|have|has|had|remain|remains|remained|resigned|"
                   r"contradicted|began|broadcast|apologised|apologized|seen|leaving|stayed)\b")
_JUNK_START = re.compile(r"^(?:i\b|i've|i'm|we\b|the\s+number\b|the\s+figures?\b|age\b|missing\b|some\s+of\b|"
                         r"some\s+under\b|one\s+death|at\s+least\b|in\s+all\b|a\s+total\b|\d)", re.I)
UNATTRIBUTED = "unattributed"


def claimant_label(claimant: str | None) -> str | None:
    """The claimant as a clean noun phrase for display, or None when no speaker can be read
    from it ("In social networks it" -> "social networks"; "known by the call sign Rusich" ->
    "Rusich"; "a statement released by the extremists on their media platform" -> "the
    extremists"; "At least 21 people are" -> None)."""
    if not claimant:
        return None
    text = " ".join(claimant.split())
    if m := _IN_X_IT.match(text):
        return m.group("who")
    for _ in range(3):  # lead-ins can stack: "Earlier, on Sunday the ministry"
        before = text
        for lead in _LEAD:
            text = lead.sub("", text, count=1)
        if text == before:
            break
    text = _TRAIL.sub("", text).strip(" ,;:")
    for pattern in (_VIA, _CALL_SIGN):
        if m := pattern.match(text):
            text = m.group("who").strip(" ,;:")
    if m := _SPEAKS_ABOUT.match(text):
        text = m.group("who")
    head = text.partition(" (")[0]
    if _junk(head):
        last = text.rsplit(", ", 1)[-1]  # "The exact number ... stayed vague all the week, the authorities"
        if last == text or not re.match(r"(?:the|an?)\s", last, re.I) or len(last.split()) > 5 or _junk(last):
            return None
        text = head = last
    if len(head.split()) == 1 and head.islower() and head.lower().endswith(("ed", "ly")):
        return None
    return text[0].upper() + text[1:] if text[0].islower() and text.split()[0] in ("a", "an") else text


def _junk(head: str) -> bool:
    low = head.lower()
    return (not head or low in _JUNK_WORDS or low in _NOT_SPEAKERS or bool(_JUNK_START.match(head))
            or bool(_VERB.search(low)))


_NOT_SPEAKERS = {"a statement", "the statement", "statement", "a report", "reports", "a video", "media"}


def claimant_name(claimant: str | None, source: Source | None = None) -> str:
    """Who a figure is attributed to, in words: the clean claimant, else the outlet that printed
    it (its own report), else `unattributed`."""
    label = claimant_label(claimant)
    if label:
        return label
    if source is not None and source.outlet and source.outlet.strip():
        return " ".join(source.outlet.split())
    return UNATTRIBUTED


_SCOPE_WORDS = {"projection": "projected", "increment": "added to the toll"}


def group_label(who: str) -> str:
    """A topic's group for display: an internal `party@scope` key ("total@critical condition")
    becomes words ("people (total), critical condition")."""
    party, at, scope = who.partition("@")
    if not at:
        return who
    from .analysis.topics import PARTY_LABEL
    base = PARTY_LABEL.get(party, party)
    scope = _SCOPE_WORDS.get(scope, scope)
    if scope.startswith("in ") or scope not in _CONDITIONS and not scope.startswith("part of"):
        head, _, place = scope.partition("in ") if scope.startswith("in ") else ("", "", scope)
        scope = (head + "in " if scope.startswith("in ") else "") + place.title()
    return f"{base}, {scope}"


_CONDITIONS = {"projected", "added to the toll", "critical condition", "minor injuries", "discharged",
               "still in hospital", "buried", "unidentified", "identified", "still held", "died in hospital"}


_GROUP_KEY = re.compile(r"\b([a-z]+)@([^()\n]+?)(?= \(|$)")


def readable_keys(text: str) -> str:
    """Text with any `party@scope` group key in it put in words ("pairs about total@critical
    condition (injured)" -> "pairs about people (total), critical condition (injured)")."""
    return _GROUP_KEY.sub(lambda m: group_label(f"{m.group(1)}@{m.group(2)}"), text)
