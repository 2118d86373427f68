"""Scopes: what limits a count to part of an event's quantity, so it is compared only with its like.

Reports give the whole toll and, beside it, counts of a part: one hospital's dead, the injured
still in hospital, the bodies identified so far, the girls still held, a projection, an
increment. Put in the total's topic, every such part looks like a rival figure (154 dead against
"25 not yet identified"). A scope names the part; topics key on it, so parts are compared only
with parts of the same kind ("37 in serious condition" against "33 remain in serious condition").

Each rule is a shape of news language, with examples from at least two events:

- a facility: "27 bodies at Etah hospital", "400 people had gone to Rizk Hospital", "110 bodies
  were kept at AIIMS", "a hospital said it alone was treating 60 wounded";
- a place's share: "Nairobi accounted for 17 of the deaths", "in Kotli district alone";
- a condition: "in critical condition", "seriously injured", "sustained minor injuries";
- care: "are still being treated", "remain in hospital", "have been discharged";
- identification: "177 have been identified", "187 bodies yet to be identified", "25 who have not
  yet been identified", "the names of at least 238 victims";
- captivity: "89 are still in captivity", "eight students still missing", "276 still with Boko Haram";
- burials: "he claims to have buried a hundred", "50 bodies in one pit, 60 in another";
- an increment: "three more people succumbed", "rose by one to 158", "26 more bodies";
- a projection: "the toll could reach 300", "is expected to rise to", "to be close to 300".
"""
from __future__ import annotations

import re

_CLAUSE_AFTER = re.compile(r"[.;:!?]|,\s+(?:while|but|and|whereas|according)\b")
_STOP = re.compile(r"[.;:!?]")
_FACILITY = re.compile(
    r"\b(?:in|at|to|from|by|inside)\s+(?:the\s+|a\s+|various\s+|local\s+)?(?P<place>(?:[A-Z][\w'’\-]*\s+){0,3})"
    r"(?:district\s+|community\s+|regional\s+|main\s+|government\s+|civil\s+)?"
    r"(?P<kind>hospitals?|mortuary|mortuaries|morgues?|clinics?|health\s+cent(?:re|er)s?|medical\s+college|"
    r"trauma\s+cent(?:re|er)|health\s+facilities)\b")
_KEPT_AT = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:were|was|are|have\s+been|had\s+been)\s+(?:kept|taken|brought|sent)\s+"
                      r"(?:to|at)\s+(?:the\s+)?(?P<place>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2})")
"""'110 bodies were kept at AIIMS': a named place holding part of the dead."""
_SHARE = re.compile(r"(?P<place>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)\s+(?:accounted\s+for|recorded|reported)\s*$")
_OF_THE = re.compile(r"\s*of\s+(?:the|all|those)\b")
_ALONE = re.compile(r"\b(?:in|from)\s+(?P<place>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)(?:\s+\w+)?\s+alone\b")

_CONDITION = re.compile(
    r"^[^.;,\d]*?\b(?:critical|serious|grave)\s+condition|^\W*(?:\w+\s+){0,4}?(?:critically|seriously|"
    r"gravely)\s+(?:injured|wounded|hurt)|^[^.;,\d]*?\bin\s+intensive\s+care", re.I)
_MINOR = re.compile(r"^[^.;\d]{0,40}?\b(?:minor|light|slight)\s+injuries|^\W*(?:\w+\s+){0,3}?(?:slightly|lightly)\s+"
                    r"(?:injured|wounded|hurt)", re.I)
_IN_CARE = re.compile(
    r"^[^.;\d]{0,30}?\b(?:still|remain(?:s|ed)?|continue[sd]?\s+to\s+be)\s+(?:being\s+)?(?:treated|in\s+(?:the\s+)?hospitals?|"
    r"hospitali[sz]ed|under\s+treatment|receiving\s+treatment|admitted)"
    r"|^\W*(?:\w+\s+){0,2}?(?:are|were|is|was)\s+(?:still\s+)?(?:being\s+treated|undergoing\s+treatment)", re.I)
_DISCHARGED = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:have|has|had|were|was)\s+(?:been\s+)?discharged\b", re.I)
_UNIDENTIFIED = re.compile(
    r"^[^.;\d]{0,40}?\b(?:(?:yet|still)\s+to\s+be\s+identified|not\s+(?:yet\s+)?(?:been\s+)?identified|unidentified|"
    r"unclaimed|beyond\s+recognition)", re.I)
_IDENTIFIED = re.compile(r"^\W*(?:\w+\s+){0,4}?(?:have|has|had|were|was|are|been)\s+(?:\w+\s+)?identified\b"
                         r"|^\W*(?:\w+\s+){0,2}?identified\b", re.I)
_NAMED_BEFORE = re.compile(r"\b(?:the\s+)?names\s+of\s+(?:\w+\s+)?$|\bidentified\s+(?:the\s+)?(?:bodies\s+of\s+)?$", re.I)
_STILL_HELD = re.compile(
    r"^[^.;\d]{0,40}?\b(?:still|remain(?:s|ed|ing)?)\s+(?:being\s+)?(?:missing|held|in\s+captivity|captive|with\b|"
    r"unaccounted|in\s+(?:the\s+)?(?:hands|custody))|^[^.;\d]{0,40}?\byet\s+to\s+(?:return|be\s+(?:found|freed|released|"
    r"accounted))", re.I)
_STILL_BEFORE = re.compile(r"\b(?:leaving|left)\s+$|\bstill\s+(?:holding|holds|held)\s+$|\ball\s+but\s+$"
                           r"|\b(?:still|remain(?:s|ed|ing)?|are|were)\s+(?:missing|held|in\s+captivity|unaccounted)\b"
                           r"[^.;\d]{0,60}?\b(?:is|was|stands\s+at|stood\s+at|to|at)\s+(?:now\s+)?$", re.I)
"""Also a count of the still missing given as the predicate of its own noun: "the number of
kidnapped schoolgirls who remain missing in Nigeria is 276", "lowered the number of people still
missing ... to 60"."""
_BURIED_BEFORE = re.compile(r"\b(?:buried|bury|burying|interred)\s+(?:a\s+|an\s+|some\s+|about\s+)?$", re.I)
_IN_A_GRAVE = re.compile(r"^\s*(?:bodies|corpses|people)?\s*(?:in|into)\s+(?:one|a|another|the\s+same|a\s+single|a\s+mass)\s+"
                         r"(?:pit|grave|trench|hole)\b", re.I)
"""A witness's own burials: "He claims to have buried a hundred. 'We put 50 bodies in one pit'"."""
_INCREMENT_AFTER = re.compile(r"^\s*(?:more|additional|further)\s+(?:\w+\s+){0,2}?(?:died|dead|deaths|killed|bodies|"
                              r"victims|succumb\w*|people|persons|were\s+killed|have\s+died|had\s+died)\b", re.I)
_MORE_WERE = re.compile(r"^\s*more\s+(?:were|have\s+been|had\s+been)\b", re.I)
"""'82 more were injured': an increment only when it adds to the figure before it of the same kind."""
_INCREMENT_BEFORE = re.compile(r"\b(?:rose|risen|rises|increased|climbed|jumped|went\s+up|grew|up|down)\s+by\s+$"
                               r"|\b(?:another|a\s+further|an\s+additional)\s+$", re.I)
_PROJECTION = re.compile(
    r"\b(?:could|may|might|would|will|is\s+expected\s+to|are\s+expected\s+to|is\s+likely\s+to|was\s+feared\s+to|"
    r"feared\s+to|set\s+to)\s+(?:\w+\s+){0,2}?(?:reach|rise\s+(?:to|above|beyond)|climb\s+(?:to|above|past)|surpass|exceed|"
    r"top|go\s+up\s+to|cross|pass)\s+(?:more\s+than\s+|over\s+|nearly\s+|about\s+)?[\"“]?$"
    r"|\bto\s+be\s+(?:close\s+to|around|about|near|nearly)\s+$", re.I)


def scope(before: str, after: str, measure: str, previous_measure: str | None = None,
          some_came_back: bool = False) -> str | None:
    """The part of the event a figure counts, or None for the quantity as a whole.

    Args:
        before: the sentence up to the figure (a bounded window).
        after: the sentence after the figure.
        measure: what happened to the people counted.
        previous_measure: the measure of the article's figure just before, if any: "three more
            died" adds to a toll, while "82 more were injured" after a death toll is the injured.
    """
    near_before = _STOP.split(before)[-1][-120:]
    if _PROJECTION.search(near_before[-80:]):
        return "projection"
    if _INCREMENT_BEFORE.search(near_before[-40:]) or _INCREMENT_AFTER.match(after) \
            or _MORE_WERE.match(after) and previous_measure == measure:
        return "increment"
    clause_after = _CLAUSE_AFTER.split(after)[0][:120]
    for text in (clause_after, near_before):
        m = _FACILITY.search(text)
        if m and m.group("place").strip():
            return m.group("place").strip().lower()  # a named facility; "to hospitals" limits nothing
    kept = _KEPT_AT.match(after)
    if kept and measure == "killed":
        return kept.group("place").lower()
    share = _SHARE.search(near_before)
    if share and _OF_THE.match(after):
        return share.group("place").lower()
    m = _ALONE.search(_STOP.split(before)[-1] + " " + clause_after)
    if m:
        return m.group("place").lower()
    return condition(before, after, measure, some_came_back)


_PLACE_PART = re.compile(
    r"^(?:\s+(?:people|persons|victims|dead|deaths|bodies|of\s+them|of\s+these|of\s+whom|of\s+the\s+(?:dead|victims|deaths)|"
    r"were|was|have|had|been|died|killed|recorded|reported|confirmed))*,?\s+(?:in|at|from)\s+(?:the\s+)?(?:neighbouring\s+|"
    r"neighboring\s+|nearby\s+)?(?:(?:region|province|state|town|city|district|county|village|municipality)\s+of\s+)?"
    r"(?P<place>[A-Z][\w'’\-]+(?:[\s\-](?:de\s+|la\s+|del\s+)?[A-Z][\w'’\-]+){0,3})")
"""'202 in the Valencia region, two in Castilla-La Mancha', '213 of them in the region of Valencia':
the part of a total counted in one place."""


def place_part(after: str) -> str | None:
    """The place a stated part of a total is counted in, as a scope ('in castilla-la mancha'), or None."""
    m = _PLACE_PART.match(after)
    return f"in {m.group('place').lower()}" if m else None


_PLACED_IN = re.compile(
    r"[^.;:\d]{0,80}?\b(?:in|at)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?(?:(?:region|province|state|town|city|district|county|"
    r"village|municipality)\s+of\s+)?(?P<place>[A-Z][\w'’\-]+(?:[\s\-](?:de\s+|la\s+|del\s+)?[A-Z][\w'’\-]+){0,3})")


def place_named_after(sentence: str, number_text: str) -> str | None:
    """The first place named in the clause after a figure ('51 people have been killed in flash
    floods in the eastern region of Valencia' -> 'in valencia'), for matching a breakdown's places."""
    at = sentence.find(number_text)
    if at < 0:
        return None
    m = _PLACED_IN.match(sentence, at + len(number_text))
    return f"in {m.group('place').lower()}" if m else None


def condition(before: str, after: str, measure: str, some_came_back: bool = False) -> str | None:
    """A state of the people counted that makes them a part: condition, care, identification,
    captivity. The object of a partitive is the whole, not the part: in "120 of the 5,000 people
    who were injured are in critical condition" the condition is the 120's."""
    if _PARTITIVE_OBJECT.search(before[-12:]):
        return None
    head = _PARTITIVE_HEAD.sub("", after[:140], count=1)[:100]
    if measure in ("injured", "casualties", "other"):
        if _CONDITION.search(head):
            return "critical condition"
        if _MINOR.search(head):
            return "minor injuries"
        if _DISCHARGED.search(head):
            return "discharged"
        if _IN_CARE.search(head):
            return "still in hospital"
    elif _CONDITION.search(head):
        return "critical condition"
    if measure == "killed":
        if _BURIED_BEFORE.search(before[-30:]) or _IN_A_GRAVE.match(after):
            return "buried"
        if _UNIDENTIFIED.search(head) or _ALL_BUT.search(before[-12:]) and _IDENTIFIED.search(head):
            return "unidentified"  # "All but one of the fatalities have been identified": one is not
        if _IDENTIFIED.search(head) or _NAMED_BEFORE.search(before[-40:]):
            return "identified"
    if measure in ("captured", "missing") and some_came_back and (
            _STILL_HELD.search(head) or _STILL_BEFORE.search(before[-120:])):
        return "still held"
    return None


_PARTITIVE_HEAD = re.compile(r"^\s*(?:out\s+)?of\s+(?:the\s+|all\s+|those\s+)?[\d,]+\s+", re.I)
_ALL_BUT = re.compile(r"\ball\s+but\s+$", re.I)
_PARTITIVE_OBJECT = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds|"
                               r"thousands|most|many|some|several|half|all|none))\s+of\s+(?:the\s+|all\s+|those\s+)?$", re.I)
CAME_BACK = re.compile(r"\b(?:escaped|escape|rescued|freed|released|found|returned|reunited|came\s+back|got\s+away|"
                       r"managed\s+to\s+flee|fled\s+(?:their|the)\s+captors)\b", re.I)
"""Words saying some of the taken are back: then "still missing" counts a part of the taken."""
_HOSPITAL_SPEAKS = re.compile(r"\b(?:received|receiving|treating|treated|admitted|admitting|brought\s+in|"
                              r"gone\s+there|taken\s+there|(?:it|they)\s+alone)\b", re.I)
_HOSPITAL_SUBJECT = re.compile(r"(?<!\bto )(?<!\bat )(?<!\bin )(?<!\bfrom )(?P<name>(?:[A-Z][\w'’\-]*\s+){0,3})"
                               r"(?:[Hh]ospital|[Cc]linic)\b(?!s)")
_DIED_IN_HOSPITAL = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:had\s+|have\s+|has\s+)?(?:later\s+)?died\s+(?:later\s+)?in\s+"
                               r"(?:the\s+)?hospitals?\b", re.I)


def hospital_count(before: str, after: str, sentence: str) -> str | None:
    """A hospital's own count: a hospital is the subject and speaks of those it received or
    treats ("A National Hospital spokesman told AP they received 47 dead", "Rizk Hospital said
    400 people had gone there", "a surgical hospital said it alone was treating more than 60");
    or the dead are those who died in hospital later ("Only 6 had died in hospitals"). A
    hospital official giving the toll as a whole ("79 Afghans killed, a hospital official
    said") is not one: no word of receiving or treating."""
    if _DIED_IN_HOSPITAL.search(after[:60]):
        return "died in hospital"
    subject = max(_HOSPITAL_SUBJECT.finditer(before), key=lambda x: x.start(), default=None)
    if subject is None or not _HOSPITAL_SPEAKS.search(sentence):
        return None
    name = subject.group("name").strip()
    first = name.split()[0].lower() if name else ""
    return f"{name.lower()} hospital" if name and first not in ("a", "an", "one", "the", "just") else "one hospital"
