"""What happened to the people a figure counts: killed, injured, missing, captured, displaced ...

Read from the words around the figure, in the shapes casualty reporting uses:

- after the group: "six mercenaries were killed", "116 people, including 106 women, lost their
  lives", "79 confirmed dead", "13 of them were in critical condition";
- before the figure: "killed 50", "the deaths of six", "wounding 150 others";
- a toll clause: "the death toll rose to 27", "put the number of dead at 500", "the number of
  martyrs has reached 59", "revised the number of injured down to 2,000".

Parentheticals (", most of them women,", "— including 203 men —") and listed groups ("four
soldiers and 12 civilians were killed") are skipped to reach the verb the group shares.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .lexicon import Lexicon
from ..model import Event

_TOKEN = re.compile(r"[A-Za-z][\w'’\-]*|\d[\d,.]*|[^\w\s]")
_AUX = {"were", "was", "have", "has", "had", "been", "be", "being", "are", "is", "reportedly",
        "also", "all", "later", "allegedly", "believed", "thought", "feared", "who", "that",
        "which", "subsequently", "eventually", "since", "now", "so", "far", "in", "total",
        "initially", "officially", "remain", "remained", "remains", "still", "either", "got",
        "to", "likely", "presumed", "reported", "said", "apparently", "may", "might", "could",
        "would", "will", "already", "more", "others", "other", "people", "confirmed", "critically",
        "seriously", "severely", "slightly", "gravely", "fatally", "wrongly", "then", "all", "them",
        "among", "of", "those", "the", "a", "an", "they", "been"}
# "not" and "yet" are never skipped: "had not returned" must not read as "returned"
_NUMBERISH = re.compile(r"^(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                        r"twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens|"
                        r"hundreds|scores|thousands|at|more|about|nearly|some)$")
_TOLL_NOUNS = (
    ("killed", r"death\s+toll|toll|body\s+count|death\s+count|number\s+of\s+(?:the\s+)?(?:dead|deaths|"
               r"fatalities|victims|martyrs|people\s+killed|those\s+killed|bodies)|(?:dead|deaths|fatalities)\s+"
               r"(?:at|to)|(?:figure|tally|count|number)\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|victims|martyrs)|"
               r"martyrs"),
    ("injured", r"number\s+of\s+(?:the\s+)?(?:injured|wounded|injuries|casualties\s+injured)|"
                r"injur(?:y|ies)\s+toll|(?:injured|wounded)\s+(?:at|to)"),
    ("missing", r"number\s+of\s+(?:the\s+)?missing(?:\s+\w+){0,3}|missing\s+(?:at|to)"),
    ("captured", r"number\s+of\s+(?:arrests|detainees|people\s+(?:arrested|detained))|arrests\s+(?:at|to)"),
    ("displaced", r"number\s+of\s+(?:the\s+)?displaced(?:\s+people)?"),
)
_TOLL_VERB = (r"(?:rose|rises|risen|rising|climbed|climbs|climbing|jumped|jumps|increased|increases|"
              r"reached|reaches|hit|hits|stood|stands|stand|was|is|has|had|now|further|been|grew|grows|"
              r"revised|raised|lowered|cut|put|putting|puts|gave|gives|given|placed|set|down|up|to|at|of|"
              r"could|may|might|reach|rise|as|high|low|more|than|be|surpassed|passed|topped|exceeded|"
              r"the|a|preliminary|official|new|latest|final|earlier|initial)")
_TOLL = [(measure, re.compile(rf"\b(?:{nouns})\b", re.I)) for measure, nouns in _TOLL_NOUNS]
_TOLL_END = re.compile(
    r"(?:\b(?:rose|rises|risen|climbed|climbs|jumped|jumps|increased|increases|grew|grows|ascended|went\s+up|"
    r"reached|reaches|reach|hit|hits|passed|topped|surpassed|exceeded|stood|stands|stand|was|is|"
    r"became|become|had\s+become|remains|remained|put|puts|revised|raised|lowered|cut|given|gave|placed|"
    r"set|down|up|to|at|of|as|be)\b(?:\s+(?:to|at|of|as|than|by|nearly|almost|about|around|some|over|"
    r"more|at\s+least))*)\s*[\"“'‘]?\s*$", re.I)
_GENERIC_FIGURE = re.compile(
    r"\b(?:that|the|this|its|their|a|an|[\w'’]+['’]s)\s+(?:own\s+|new\s+|latest\s+|preliminary\s+|official\s+|"
    r"updated\s+|final\s+|first\s+)?(?:figure|tally|count|total|estimate|number)\b", re.I)
_CEILING = re.compile(r"\b(?:could|may|might)\s+(?:reach|rise\s+to|climb\s+to|go\s+up\s+to)\s*[\"“]?\s*$", re.I)


_LETTER = re.compile(r"[a-z]")
_DIGIT = re.compile(r"\d")
_STOP = re.compile(r"[.;:!?]")
_CLAUSE_BEFORE = re.compile(r"[.;:!?]|,(?=\s+(?:while|but|and|as|whereas|with)\b)")
_CLAUSE_AFTER = re.compile(r"[.;:!?]|,\s+(?:while|but|and|whereas|according)\b")
_OF_THE = re.compile(r"\s*of\s+(?:the|all|those)\b")
def tokens(s: str) -> list[str]:
    return [m.group().lower() for m in _TOKEN.finditer(s)]


def _match(words: list[str], table: Mapping[str, str]) -> str | None:
    for n in (4, 3, 2, 1):
        key = "_".join(words[:n])
        if key in table:
            return table[key]
    return None


def after_group(after: str, lex: Lexicon, *, headless: bool = False) -> str | None:
    """The measure in the verb phrase after a group: 'were killed', 'remain missing' ...

    Args:
        headless: the figure has no group noun ('79 confirmed dead'), so only auxiliaries may
            stand between it and the measure word.
    """
    words = tokens(after)[:24]
    i = skipped = 0
    while i < len(words):
        w = words[i]
        found = _match(words[i:], lex.passive)
        if found and not (w == "lost" and i + 1 < len(words) and words[i + 1] == "to"):
            return found
        if w in ('"', "“", "”", "'", "’"):
            i += 1
            continue
        if w in _AUX:
            i += 1
            continue
        if headless:
            return None
        if w in (",", "—", "–", "(", "-") and skipped < 8:
            close = _parenthetical_end(words, i)
            if close is not None:
                i = close
                skipped += 1
                continue
        if w in ("and", ",") and i + 1 < len(words) and _NUMBERISH.match(words[i + 1]):
            i += 2  # "Four soldiers and 12 civilians were killed": the verb is shared
            skipped += 1
            continue
        if _LETTER.match(w) and w not in ("and", "but", "while", "whereas") and skipped < 7:
            skipped += 1  # a short phrase like "from the Wagner private military group"
            i += 1
            continue
        break
    return None


def _parenthetical_end(words: list[str], i: int) -> int | None:
    """Index after a ', most of them women,' or '— including 203 men —' aside, or None."""
    opener = words[i]
    closer = {"(": ")", "—": "—", "–": "–", "-": "-"}.get(opener, ",")
    for j in range(i + 1, min(i + 12, len(words))):
        if words[j] == closer:
            return j + 1
        if words[j] in (".", ";", ":"):
            return None
    return None


def before_figure(before: str, lex: Lexicon) -> str | None:
    """The measure in the words just before a figure: 'killed', 'the deaths of', 'wounding'."""
    words = tokens(before)[-8:]
    skip = {"to", "at", "of", "has", "had", "have", "is", "was", "now", "further", "reportedly",
            "an", "the", "a", "some", "least", "from", "up", "by", "also", "another", "more",
            "than", "over", "nearly", "almost", "about", "around", "total", "estimated", "only",
            "are", "were", '"', "“", "'", "‘", "a", "further", "another"}
    j = len(words)
    steps = 0
    while j > 0 and steps < 6:
        for n in (4, 3, 2, 1):
            if j - n < 0:
                continue
            key = "_".join(words[j - n:j])
            if key in lex.active:
                found = lex.active[key]
                return None if found == "?" else found
        if words[j - 1] in skip:
            j -= 1
            steps += 1
            continue
        break
    return None


def toll_clause(before: str) -> str | None:
    """The measure of a toll clause ending just before the figure: 'the death toll from the attack
    on the venue has risen to', 'put the number of dead at', 'the number of martyrs reached'."""
    clause = _CLAUSE_BEFORE.split(before)[-1][-220:]
    if not _TOLL_END.search(clause):
        return None
    best: tuple[int, str] | None = None
    for measure, pattern in _TOLL:
        for m in pattern.finditer(clause):
            rest = clause[m.end():]
            if not _DIGIT.search(rest) and len(rest.split()) <= 16 and (best is None or m.start() > best[0]):
                best = (m.start(), measure)
    return best[1] if best else None


def generic_figure(before: str) -> bool:
    """'that figure rose to', "the UN's figure is": a toll whose measure the context gives."""
    clause = _STOP.split(before)[-1][-160:]
    m = None
    for m in _GENERIC_FIGURE.finditer(clause):
        pass
    return bool(m and not _DIGIT.search(clause[m.end():]) and _TOLL_END.search(clause[m.end():]))


_FACILITY = re.compile(
    r"\b(?:in|at|to|from|by|inside)\s+(?:the\s+|a\s+|various\s+|local\s+)?(?P<place>(?:[A-Z][\w'’\-]*\s+){0,3})"
    r"(?:district\s+|community\s+|regional\s+|main\s+|government\s+|civil\s+)?"
    r"(?P<kind>hospitals?|mortuary|mortuaries|morgues?|clinics?|health\s+cent(?:re|er)s?|medical\s+college|"
    r"trauma\s+cent(?:re|er)|health\s+facilities)\b")
_SHARE = re.compile(r"(?P<place>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)\s+(?:accounted\s+for|recorded|reported)\s*$")
_ALONE = re.compile(r"\b(?:in|from)\s+(?P<place>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)(?:\s+\w+)?\s+alone\b")


def scope(before: str, after: str) -> str | None:
    """A place or facility that limits a count to part of the event: '27 bodies at Etah
    hospital', 'Nairobi accounted for 17 of the deaths', 'in Kotli district alone'."""
    clause_after = _CLAUSE_AFTER.split(after)[0][:120]
    clause_before = _STOP.split(before)[-1][-120:]
    for text in (clause_after, clause_before):
        m = _FACILITY.search(text)
        if m and m.group("place").strip():
            return m.group("place").strip().lower()  # a named facility; "to hospitals" limits nothing
    share = _SHARE.search(clause_before)
    if share and _OF_THE.match(after):
        return share.group("place").lower()
    m = _ALONE.search(_STOP.split(before)[-1] + " " + clause_after)
    return m.group("place").lower() if m else None


def ceiling(before: str) -> bool:
    """'the toll could reach 320': the figure is an upper bound."""
    return bool(_CEILING.search(before[-60:]))



_ABDUCTION = re.compile(r"\b(?:kidnap\w*|abduct\w*|captiv\w*|hostages?|carted\s+away|ransom)\b", re.I)


def abduction_words(texts: Sequence[str]) -> int:
    """How many words of abduction ("kidnapped", "captivity", "hostages", "ransom") an article uses."""
    return len(_ABDUCTION.findall(" ".join(texts)))


def abduction_events(events: Sequence[Event], words_by_source: Mapping[str, int]) -> set[str]:
    """Events whose reporting is mostly about people taken: most of their sources use abduction
    words at least three times. In such an event the missing are the taken ("the 276 girls still
    missing" counts the captured), so `in_abduction` reads their measure as captured."""
    return {e.id for e in events
            if e.sources and sum(words_by_source.get(sid, 0) >= 3 for sid in e.sources) * 2 > len(e.sources)}


def in_abduction(measure: str) -> str:
    """A measure as read inside an abduction event: the missing are the captured."""
    return "captured" if measure == "missing" else measure
