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
        "seriously", "severely", "slightly", "gravely", "fatally", "wrongly", "then", "them",
        "among", "of", "those", "the", "a", "an", "they"}
# "not" and "yet" are never skipped: "had not returned" must not read as "returned"
_NUMBERISH = re.compile(r"^(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                        r"twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens|"
                        r"hundreds|scores|thousands|at|more|about|nearly|some)$")
_TOLL_NOUNS = (
    ("killed", r"death\s+toll|toll|body\s+count|death\s+count|death\s+total|casualty\s+(?:count|figure|toll)|"
               r"number\s+of\s+(?:the\s+)?(?:dead|deaths|casualties|"
               r"fatalities|victims|martyrs|people\s+killed|those\s+killed|bodies)|(?:dead|deaths|fatalities)\s+"
               r"(?:at|to)|(?:figure|tally|count|number|total|calculation)\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|victims|martyrs)|"
               r"martyrs"),
    ("casualties", r"casualty\s+(?:number|figure)\s+(?:at|in)\s+(?:the\s+)?hospitals?"),
    ("injured", r"number\s+of\s+(?:the\s+)?(?:injured|wounded|injuries|casualties\s+injured)|"
                r"injur(?:y|ies)\s+toll|(?:injured|wounded)\s+(?:at|to)"),
    ("missing", r"number\s+of\s+(?:the\s+)?(?:people\s+|those\s+|persons\s+)?(?:still\s+)?missing(?:\s+\w+){0,3}|"
                r"missing\s+(?:at|to)"),
    ("arrested", r"number\s+of\s+(?:arrests|detainees|people\s+(?:arrested|detained))|arrests\s+(?:at|to)"),
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
    r"reached|reaches|reach|reaching|rising|climbing|hit|hits|hitting|passed|topped|surpassed|exceeded|stood|stands|"
    r"stand|standing|was|is|"
    r"became|become|had\s+become|remains|remained|put|puts|revised|raised|lowered|cut|given|gave|placed|"
    r"set|down|up|to|at|of|as|be|now|from|fixed\s+at|totals?|totalled|totaled|reduced|dropped|fell|fallen|declined)\b"
    r"(?:\s+(?:to|at|of|as|than|by|nearly|"
    r"almost|about|around|some|over|more|at\s+least|now))*"
    r"(?:\s+(?:the|an?)\s+(?:(?:earlier|previous|initial|preliminary|official|first)\s+)?(?:figure\s+of\s+)?)?)\s*[\"“'‘]?\s*$", re.I)
_GENERIC_FIGURE = re.compile(
    r"\b(?:that|the|this|its|their|a|an|[\w'’]+['’]s)\s+(?:own\s+|new\s+|latest\s+|preliminary\s+|official\s+|"
    r"updated\s+|final\s+|first\s+)?(?:figure|tally|count|total|estimate|number)\b", re.I)
_CEILING = re.compile(r"\b(?:could|may|might)(?:\s+(?:well|soon|still|eventually))?\s+(?:reach|rise\s+to|climb\s+to|"
                      r"go\s+up\s+to|cross|exceed|top|hit|surpass)\s*[\"“]?\s*$"
                      r"|\b(?:expected|likely|feared|set|projected|poised)\s+to\s+(?:reach|rise\s+to|climb\s+to|cross|exceed|"
                      r"top|hit|surpass|be)\s*[\"“]?\s*$"
                      r"|\b(?:toll|number|figure|count)\s+to\s+(?:be|reach|rise\s+to|cross|exceed|top|hit)\s*$", re.I)
"""A forecast, not a count: "the toll could reach 300", "the number of dead was expected to reach 55",
"the fatalities could reach 7,000", "Death toll to be close to 300" (a headline)."""


_LETTER = re.compile(r"[a-z]")
_DIGIT = re.compile(r"\d")
_STOP = re.compile(r"(?<![A-Z])\.(?=\s|$)|[;:!?]")
"""Where a clause ends: a full stop (not the dots of "U.S." or "U.N."), or ; : ! ?"""
_CLAUSE_BEFORE = re.compile(r"(?<![A-Z])\.(?=\s|$)|[;:!?]|,(?=\s+(?:while|but|and|as|whereas|with)\b)")
def tokens(s: str) -> list[str]:
    return [m.group().lower() for m in _TOKEN.finditer(s)]


def _match(words: list[str], table: Mapping[str, str], span: int) -> str | None:
    for n in range(min(span, len(words)), 0, -1):
        key = "_".join(words[:n])
        if key in table:
            return table[key]
    return None


def after_group(after: str, lex: Lexicon, *, headless: bool = False, own: bool = False) -> str | None:
    """The measure in the verb phrase after a group: 'were killed', 'remain missing' ...

    Args:
        headless: the figure has no group noun ('79 confirmed dead'), so only auxiliaries may
            stand between it and the measure word.
        own: only a verb reached before the next figure ("12 people on Monday and 40 were injured":
            the verb is the 40's, not shared as in "four soldiers and 12 civilians were killed").
    """
    words = tokens(after)[:24]
    i = skipped = 0
    while i < len(words):
        w = words[i]
        found = _match(words[i:], lex.passive, lex.span)
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
            if own and skipped:
                return None
            i += 2  # "Four soldiers and 12 civilians were killed": the verb is shared
            skipped = 0  # each listed group may run a few words ("At least four Americans, eight British, and ...")
            continue
        if w == "," and i + 2 < len(words) and words[i + 1] == "and" and _NUMBERISH.match(words[i + 2]):
            i += 3
            skipped = 0
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


_INCLUDE = frozenset({"include", "includes", "included"})
_SUBJECT_MEASURE = {"dead": "killed", "deceased": "killed", "victims": "killed", "killed": "killed",
                    "fatalities": "killed", "died": "killed", "missing": "missing", "injured": "injured",
                    "wounded": "injured", "hurt": "injured", "hospitalised": "injured", "hospitalized": "injured",
                    "arrested": "arrested", "detained": "arrested", "abducted": "captured", "kidnapped": "captured",
                    "hostages": "captured", "displaced": "displaced", "evacuated": "displaced"}
_SUBJECT_STOP = frozenset({",", ";", ":", ".", "(", ")", "—", "–", "and", "but", "while"})


def included_in(before: str) -> str | None:
    """The measure of the subject a list of figures is included in: "the dead include", "those
    killed in the twin blasts include", "the missing are said to include", "victims included"."""
    words = tokens(before)[-16:]
    while words and words[-1] in ('"', "“", "'", "‘"):
        words.pop()
    if not words or words[-1] not in _INCLUDE:
        return None
    for w in reversed(words[:-1]):
        if w in _SUBJECT_STOP or _DIGIT.match(w):
            return None
        if w in _SUBJECT_MEASURE:
            return _SUBJECT_MEASURE[w]
    return None


def before_figure(before: str, lex: Lexicon) -> str | None:
    """The measure in the words just before a figure: 'killed', 'the deaths of', 'wounding'."""
    included = included_in(before)
    if included:
        return included
    words = tokens(before)[-8:]
    skip = {"to", "at", "of", "has", "had", "have", "is", "was", "now", "further", "reportedly",
            "an", "the", "a", "some", "least", "from", "up", "by", "also", "another", "more",
            "than", "over", "nearly", "almost", "about", "around", "total", "estimated", "only",
            "are", "were", '"', "“", "'", "‘", "-", "—", "–", "("}
    j = len(words)
    steps = 0
    while j > 0 and steps < 6:
        for n in range(min(lex.span, j), 0, -1):
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


_TOLL_OF_GROUP = re.compile(
    r"\b(?:number|toll|count|tally|total|deaths?)\s+of\s+(?:the\s+)?(?P<group>(?!the\b|dead\b|deaths\b|people\b|those\b)"
    r"[\w.'’-]+(?:\s+[\w.'’-]+){0,2}?)(?:\s+(?:[\w-]+\s+){0,5}?(?P<m>killed|dead|who\s+died|injured|wounded|hurt|"
    r"missing|abducted|kidnapped|arrested|detained|displaced|(?:have\s+|has\s+|had\s+)?(?:escaped|been\s+freed|been\s+rescued|been\s+released|returned|fled)))?\s+(?:[\w.'’,-]+\s+){0,12}?(?:" + _TOLL_VERB + r"\s+)*$",
    re.I)
_TOLL_OF_MEASURE = {"killed": "killed", "dead": "killed", "who died": "killed", "injured": "injured",
                    "wounded": "injured", "hurt": "injured", "missing": "missing", "abducted": "captured",
                    "kidnapped": "captured", "arrested": "arrested", "detained": "arrested", "displaced": "displaced"}
_CAME_BACK_MEASURE = re.compile(r"(?:have\s+|has\s+|had\s+)?(?:escaped|been\s+freed|been\s+rescued|been\s+released|returned|fled)$")
"""'the number of girls who have escaped': those counted came back, which is no casualty."""


_GROUP_STATE = re.compile(r"^(killed|dead|injured|wounded|missing|abducted|kidnapped|arrested|detained|displaced)\b", re.I)


def toll_group(before: str) -> tuple[str, str] | None:
    """(measure, group) of a toll that names whom it counts: "the number of Afghans killed ... has
    risen to", "the number of foreigners killed has risen to", "the death of Indian nationals has
    reached". None when the toll names no group ("the death toll rose to")."""
    clause = _CLAUSE_BEFORE.split(before)[-1][-220:]
    m = _TOLL_OF_GROUP.search(clause)
    if not m or not _TOLL_END.search(clause):
        return None
    word = m.group(0).split()[0].lower()
    if word == "toll" and clause[:m.start()].rstrip().lower().endswith("death"):
        word = "death"  # "the death toll of Afghans in the attack rose to"
    if m.group("m"):  # the group is what stands between "of" and the measure: "U.S. troops believed to have been"
        said_measure = m.group("m").lower()
        measure = "other" if _CAME_BACK_MEASURE.match(said_measure) else _TOLL_OF_MEASURE[said_measure]
        return measure, clause[m.start("group"):m.start("m")]
    said = _GROUP_STATE.search(m.group("group"))
    if said:  # "the number of abducted students totals 234"
        return _TOLL_OF_MEASURE[said.group(1).lower()], m.group("group")
    if word.startswith("death"):
        return "killed", m.group("group")  # "the death of Indian nationals has reached 11"
    return None


def generic_figure(before: str) -> bool:
    """'that figure rose to', "the UN's figure is": a toll whose measure the context gives."""
    clause = _STOP.split(before)[-1][-160:]
    m = max(_GENERIC_FIGURE.finditer(clause), key=lambda x: x.start(), default=None)
    return bool(m and not _DIGIT.search(clause[m.end():]) and _TOLL_END.search(clause[m.end():]))


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


def placed_scope(scope: str | None, measure: str, abduction: bool, published: str | None = None,
                 event_date: str | None = None, years_on: int | None = None) -> str | None:
    """A scope as it stands once the event is known: "still missing" parts the taken from those
    still held only in an abduction ("eight students still missing" of 129 abducted); after a
    blast or a flood the missing are the missing, however phrased ("more than 60 people are
    still missing", "seven people were still missing"). Those still held, counted in a later
    year than the event's ("89 of the girls remain in captivity", ten years on; "the last 21
    still missing" on an anniversary), are that year's count, not a rival of the first weeks'."""
    if scope == "still held" and not abduction and measure == "missing":
        return None
    if scope == "still held" and published and event_date and published[:4] > event_date[:4]:
        return f"still held in {published[:4]}"
    if scope == "still held" and years_on:
        return f"still held {years_on} years on"
    return scope


_ORDINAL_YEARS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                  "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a": 1, "a decade": 10}
_YEARS_ON = re.compile(r"\b(?P<n>\d{1,2}|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
                       r"(?:st|nd|rd|th)?\s+anniversary\b|\b(?P<m>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)"
                       r"\s+years?\s+(?:on|after|later|since)\b|\b(?P<d>a\s+decade)\s+(?:on|after|later|since)\b", re.I)


def years_on(texts: Sequence[str]) -> int | None:
    """How many years after its event a page says it is written ("the 10th anniversary", "one year
    on", "a decade after"), from its title and first paragraphs; None when it does not say."""
    for text in texts:
        m = _YEARS_ON.search(text)
        if m:
            word = (m.group("n") or m.group("m") or m.group("d")).lower()
            n = int(word) if word.isdigit() else _ORDINAL_YEARS.get(word)
            if n:
                return n
    return None
