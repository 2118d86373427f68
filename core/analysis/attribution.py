"""Who a figure is attributed to: the claimant, as distinct from the outlet that printed it.

Reporting attributes figures in a handful of shapes: "according to X", "X said/reported/claimed
(that)", "X told Bloomberg", "as reported by X", "a video reviewed by Reuters showed". The cue
nearest before the number governs it ("According to Bloomberg, six ..., while Reuters reported
seven"); failing that, a sentence-level cue after it ("..., police said."). Subjects are read by
walking back from the verb to a clause boundary; pronouns ("one", "it", "the group") fall back to
the previous claimant in the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .words import words as sentence_words


# What makes a figure a claim by someone: "X said", "according to X".
SAY_VERBS = frozenset({
    "said", "says", "say", "told", "tells", "reported", "reports", "report", "claimed", "claims",
    "claim", "stated", "states", "confirmed", "confirms", "announced", "announces", "estimated",
    "estimates", "corroborated", "asserted", "asserting", "added", "adds", "noted", "noting",
    "specified", "specifying", "insisted", "put", "puts", "showed", "shows", "counted",
    "tallied", "recorded", "cited", "citing", "quoted", "quoting", "acknowledged", "admitted",
    "wrote", "writes", "tweeted", "posted", "posting", "saying", "telling", "reporting",
    "claiming", "stating", "confirming", "announcing", "estimating", "according", "disclosed",
    "revealed", "suggested", "indicated", "updated", "raised", "revised", "declared",
    "informs", "informed", "speaks", "spoke", "documents", "documented", "believe", "believes",
    "insists", "insisted", "maintains", "maintained",
    "fear", "fears", "feared", "published", "named", "boasted", "listed", "lists",
})

_WORD = re.compile(r"[\w'’\-]+|[^\w\s]")
_BOUNDARY = {",", ";", ":", "(", ")", "—", "–", "while", "whereas", "but", "that", "as", "and",
             "when", "after", "which", "who", "because", "although", "though", "if", "where"}
_PRONOUNS = {"one", "it", "they", "he", "she", "we", "i", "this", "that", "others", "another",
             "some", "both", "the group", "the official", "the source", "which", "who"}
_NOT_SAY = {"according", "put", "showed", "shows", "report", "claim", "adds", "updated",
            "raised", "revised", "posted"}
_NOUN_FORMS = {"report", "reports", "claim", "claims", "say", "estimate", "estimates", "count",
               "statement", "put", "puts"}
_TOLL_VERBS = re.compile(r"\b(?P<verb>put|puts|putting|raised|raises|lowered|lowers|revised|revise|revises|gave|gives|"
                         r"named|names|cut|cuts|updated|updates|set|sets|published|publishes|released)\s+"
                         r"(?:its\s+|their\s+|the\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:death\s+)?(?:toll|number|figure|count|tally|"
                         r"list|names|estimate)\b", re.I)
_TOLL_VERB_WORDS = frozenset("put puts putting raised raises lowered lowers revised revise revises gave gives named "
                             "names cut cuts updated updates set sets published publishes released".split())
"""Words without which _TOLL_VERBS cannot match."""
_POSSESSIVE = re.compile(r"(?:\bby\s+)?(?P<who>(?:[Tt]he\s+)?[A-Z][\w.\-]*(?:\s+[\w.\-]+){0,3}?)['’]s\s+"
                         r"(?:own\s+|first\s+|latest\s+|official\s+|initial\s+|new\s+|updated\s+|preliminary\s+)?"
                         r"(?:figures?|count|tally|toll|estimates?|statement|numbers?|data|records?|list|claim)\b")
_NON_AGENT = re.compile(r"^(?:the\s+)?(?:preliminary\s+|initial\s+|latest\s+|official\s+|new\s+)?"
                        r"(?:data|figures|estimates|statistics|information|records|tallies|a\s+tally|"
                        r"a\s+count|the\s+count|reports)$", re.I)
_HEADLINE_SOURCE = re.compile(
    r"^(?P<who>(?:the\s+)?(?:[A-Z][\w'’.\-]*\s+){0,2}(?:[Pp]olice|[Oo]fficials|[Ss]ources|[Aa]gencies|[Aa]rmy|"
    r"[Mm]ilitary|[Mm]inistry|[Gg]overnment|[Aa]uthorities|[Rr]escuers|[Hh]ospital|[Dd]octors|[Ww]itnesses|"
    r"[Cc]oast\s+guard|[A-Z]{2,6}(?:\s+agencies)?)):\s+(?=\S)")
"""'Police: 400 missing, 200 found': a headline that names its source before a colon."""
_RELATIVE = re.compile(r",\s*(?:which|who)\s+[^,;:()]{3,120},(?=\s*$)")
_AUX_ONLY = {"had", "has", "have", "also", "later", "earlier", "previously", "then", "first", "reportedly",
             "initially", "already"}
_ADVERBIAL = {"in", "on", "at", "during", "according", "speaking", "after", "before", "with",
              "without", "citing", "quoting", "later", "earlier", "separately", "meanwhile", "however"}
PRONOUNS = {"it", "he", "she", "they", "we", "its data", "the report", "the statement", "the agency",
            "the agencies", "the commission", "the ministry", "the group", "the organisation",
            "the organization", "the official", "the officials", "the source", "the sources",
            "the authorities", "the police", "the body", "the department", "the office",
            "the spokesman", "the spokeswoman", "the minister", "the message", "the network",
            "the army", "the military", "the government", "the committee", "the service",
            "its figures", "their figures", "it had earlier", "he had earlier", "earlier",
            "the paper", "the newspaper", "the daily", "the outlet", "the broadcaster", "the channel",
            "the statement", "the report", "the group"}
"""Claimants that refer back to one named before; `extract` resolves them across sentences."""
_LEAD_STRIP = re.compile(r"^(?:(?:with|and|but|while|as|then|also|later|meanwhile|now|so|yet|separately|instead)\s+)+", re.I)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,;:.()]+?)(?=\s+on\s+(?:\w+day|the\s+\w+)\b|\s+(?:in|at)\s+a\s+|[,;:.()]|$)", re.I)
_REPORTED_BY = re.compile(r"\b(?:as\s+)?(?:reported|cited|quoted|confirmed|announced|estimated|claimed|counted)\s+by\s+(?P<who>[^,;:.()]+?)(?=\s+on\s+\w+day\b|[,;:.()]|$)", re.I)
_PASSIVE_ATTACK = re.compile(r"\b(?:attack|ambush|assault|bombing|strike|raid|blast)s?\s+(?:was\s+|were\s+)?claimed\s+by\b", re.I)
_TOLD = re.compile(r"^\s*(?P<outlet>(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3})", re.U)
_SENT_START_VERB = SAY_VERBS | {"attributed", "has", "have", "had", "is", "was", "were", "will",
                                "would", "did", "does", "added", "blamed", "issued", "released"}


_SPACES = re.compile(r"\s+")
_QUOTES = re.compile(r"[\"“”]")
_WORDCHAR = re.compile(r"\w")
_NAMECHAR = re.compile(r"[\w'’\-]")
_TRAILING_AUX = re.compile(r"\s+(?:has|have|had|also|later|previously|then|reportedly|first)$", re.I)
_PRONOUN_LEAD = re.compile(r"(?:of|among|in|from|for)\s+.*\b(they|we|he|she|it)$", re.I)
_SAID = re.compile(r"\b(?:said|says|told|reported)\b")
_BY_OR_CREDIT = re.compile(r"\s+by\b|\s+(?:responsibility|credit)\b")
_INVERTED_TAIL = re.compile(r"\s+(?:the\s+)?([A-Za-z][\w’'\-]*(?:\s+[\w’'\-]+){0,9}?)\s*(?:[.,;]|$)")
_AND_END = re.compile(r"\band\s*$")
_ONE_OF = re.compile(r"(?:one|some|each) of \w+", re.I)
_SAID_TAIL = re.compile(r"\s+(?:the\s+)?([A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,5}?)\s*[.,]")
_QUOTE_CLOSE = re.compile(r"[\"”]\s*,?\s*(?P<rest>.+)$")
@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    claimant: str
    kind: str


def _clean(who: str) -> str:
    who = who.strip(" \"'“”‘’,")
    who = _SPACES.sub(" ", who)
    who = _QUOTES.sub("", who)
    return who


_LOOK_BACK = 400


def _stripped_end(text: str, end: int) -> int:
    """`len(text[:end].rstrip())`, without copying the prefix."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _after_comma(sentence: str, at: int) -> bool:
    """Whether the text before `at` ends with a comma, perhaps closing a quote: '..., "X said'."""
    j = _stripped_end(sentence, at)
    if j and sentence[j - 1] in "\"”’'":
        j -= 1
    return j > 0 and sentence[j - 1] == ","


def _subject_before(sentence: str, verb_start: int, depth: int = 0) -> str:
    """The noun phrase before a verb, back to a clause boundary (skipping empty appositions)."""
    # a bounded look-back: a subject is a few words, and reading the whole prefix for every verb
    # made long sentences quadratic; a relative clause just before the verb is blanked out
    lo = max(0, verb_start - _LOOK_BACK)
    head = _RELATIVE.sub(lambda m: " " * len(m.group()), sentence[lo:verb_start])
    tokens = [(lo + m.start(), m.group()) for m in _WORD.finditer(head)]
    words: list[str] = []
    i = len(tokens) - 1
    while i >= 0:
        pos, tok = tokens[i]
        low = tok.lower()
        if low in _BOUNDARY:
            if low == "and" and not words:
                return ""  # "X attributed ..., and estimated": the caller uses the sentence subject
            real = [w for w in words if _WORDCHAR.match(w)]
            if real and all(w.lower() in _AUX_ONLY for w in real) and low in ("which", "who"):
                # "the United Nations, which had put the number at": the antecedent speaks
                j = i - 1 if i >= 1 and tokens[i - 1][1] == "," else i
                name: list[str] = []
                while j - 1 >= 0 and (tokens[j - 1][1][:1].isupper() or tokens[j - 1][1].lower() in ("the", "of", "and", "for", "on")):
                    j -= 1
                    name.insert(0, tokens[j][1])
                if name:
                    return _clean(" ".join(name))
                break
            if real and not (len(real) == 1 and real[0].lower() in ("has", "have", "had")):
                break
            if low in (",", ")") and i > 0:
                i -= 1
                continue
            if real:
                break
            if low not in (",", "(", ")"):
                break
        words.insert(0, tok)
        i -= 1
        if len(words) > 14:
            break
    if words and words[0].lower() in SAY_VERBS and words[0].lower() not in _NOUN_FORMS:
        # "OCHA said initial assessments indicated ...": the claimant is who said it
        return _subject_before(sentence, tokens[i + 1][0]) if i + 1 < len(tokens) else ""
    if words and words[0].lower() in _ADVERBIAL and i >= 0:
        # "Putin, in a televised address, said": skip the aside to reach the subject
        rest = _subject_before(sentence, tokens[i][0]) if tokens[i][1] in (",", "(") else ""
        if rest:
            return rest
    for k, w in enumerate(words):
        if k and w.lower() in _SENT_START_VERB and w.lower() not in {"has", "have", "had"} | _NOUN_FORMS:
            words = words[:k]  # "JNIM claimed responsibility, asserting": the subject is JNIM
            break
    text = " ".join(w for w in words if _NAMECHAR.match(w))
    text = _TRAILING_AUX.sub("", text)
    text = _clean(_LEAD_STRIP.sub("", text))
    lead = _PRONOUN_LEAD.match(text)
    if lead:
        return lead.group(1)  # "of the injured they had counted": the pronoun is the subject
    if (depth < 3 and words and words[0].lower() in ("a", "an", "the") and i >= 0 and tokens[i][1] == ","
            and not _SAID.search(text)):
        # "Muhammad Asim, a spokesman for the hospital, said": the apposition names the speaker
        named = _subject_before(sentence, tokens[i][0], depth + 1)
        if named and named[0].isupper() and len(named.split()) <= 12:
            return f"{named}, {text}" if not named.endswith(text) else named
    return text


def _sentence_subject(sentence: str) -> str:
    words = []
    for m in _WORD.finditer(sentence):
        tok = m.group()
        if tok.lower() in _SENT_START_VERB or tok in (",", ";", ":"):
            break
        words.append(tok)
        if len(words) > 10:
            return ""
    return _clean(" ".join(words))


def cues(sentence: str) -> list[Cue]:
    """Every attribution cue in a sentence, in order."""
    out: list[Cue] = []
    words = sentence_words(sentence)
    for m in _ACCORDING.finditer(sentence) if "according" in words else ():
        who = _clean(m.group("who"))
        if _NON_AGENT.match(who):
            continue  # "says, according to preliminary data, that ...": the sayer is the claimant
        out.append(Cue(m.start(), m.end(), who, "according"))
    for m in _REPORTED_BY.finditer(sentence) if "by" in words else ():
        if _PASSIVE_ATTACK.search(sentence[max(0, m.start() - 40): m.end()]):
            continue  # "an attack claimed by X": X claimed the attack, not the figure
        out.append(Cue(m.start(), m.end(), _clean(m.group("who")), "by"))
    head = _HEADLINE_SOURCE.match(sentence) if ":" in sentence else None
    if head:
        out.append(Cue(0, head.end(), _clean(head.group("who")), "say"))
    for m in _POSSESSIVE.finditer(sentence) if "'s" in sentence or "’s" in sentence else ():
        out.append(Cue(m.start(), m.end(), _clean(m.group("who")), "say"))
    for m in _TOLL_VERBS.finditer(sentence) if not _TOLL_VERB_WORDS.isdisjoint(words) else ():
        subject = _subject_before(sentence, m.start())
        if subject:
            out.append(Cue(m.start(), m.end(), subject, "say"))
    for m in _WORD.finditer(sentence) if not SAY_VERBS.isdisjoint(words) else ():
        tok = m.group().lower()
        if any(c.start <= m.start() < c.end for c in out):
            continue
        if tok not in SAY_VERBS or tok in _NOT_SAY and tok not in ("showed", "shows", "put"):
            continue
        if any(c.start <= m.start() < c.end for c in out):
            continue
        after = sentence[m.end():]
        if _BY_OR_CREDIT.match(after):
            continue  # passive or "claimed responsibility": not a figure's source
        inverted = _after_comma(sentence, m.start()) and tok in ("said", "says", "informs", "reports", "adds", "added", "wrote")
        tail = _INVERTED_TAIL.match(after)
        if inverted and tail:
            out.append(Cue(m.start(), m.end(), _clean(tail.group(1)), "inverted"))
            continue
        subject = _subject_before(sentence, m.start())
        if not subject and _AND_END.search(sentence, max(0, _stripped_end(sentence, m.start()) - 4), m.start()):
            subject = _sentence_subject(sentence)
        kind = "say"
        if not subject or subject.lower() in _PRONOUNS or _ONE_OF.fullmatch(subject):
            kind = "pronoun"
            # "X said": subject after a sentence-final verb ("..., said the police chief.")
            tail = _SAID_TAIL.match(after)
            if tail and tok in ("said", "says"):
                subject, kind = _clean(tail.group(1)), "say"
        if tok in ("told", "tells", "telling"):
            told = _TOLD.match(after)
            if told and subject:
                subject = f"{subject} (to {_clean(told.group('outlet'))})"
        out.append(Cue(m.start(), m.end(), subject, kind))
    out.sort(key=lambda c: c.start)
    resolved: list[Cue] = []
    for c in out:
        if c.kind == "pronoun":
            prev = next((p for p in reversed(resolved) if p.claimant and p.kind != "inverted"), None)
            if prev is None:
                # kept as said ("They", "it"): the extractor resolves it to the last claimant named
                word = c.claimant if c.claimant and c.claimant.lower() in _PRONOUNS else None
                if not word:
                    continue
                c = Cue(c.start, c.end, word, "say")
            else:
                c = Cue(c.start, c.end, prev.claimant, "say")
        if c.claimant:
            resolved.append(c)
    return resolved


def claimant_for(sentence: str, number_start: int, sentence_cues: list[Cue] | None = None) -> str | None:
    """The claimant of the figure starting at `number_start` in `sentence`, or None."""
    found = cues(sentence) if sentence_cues is None else sentence_cues
    if not found:
        return None
    before = [c for c in found if c.end <= number_start and c.kind != "inverted"]
    if before:
        return before[-1].claimant
    after = [c for c in found if c.start >= number_start]
    for kind in ("according", "inverted", "say", "by"):
        for c in after:
            if c.kind == kind:
                return c.claimant
    return None


def is_reference(claimant: str | None) -> bool:
    """Whether a claimant only points back to one named earlier ('he', 'the report', 'its data')."""
    if not claimant:
        return False
    low = claimant.lower().strip()
    return low in PRONOUNS or low.split()[0] in ("it", "its", "he", "she", "they", "their", "his", "her")


def quote_close(sentence: str) -> str | None:
    """The claimant named where a quotation closes: '... a man," the police chief said.'"""
    m = _QUOTE_CLOSE.search(sentence)
    if not m:
        return None
    rest = m.group("rest")
    for c in cues(rest):
        if c.kind in ("say", "inverted") and not is_reference(c.claimant):
            return c.claimant
    return None
