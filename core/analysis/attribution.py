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
    "insists", "maintains", "maintained",
    "fear", "fears", "feared", "published", "named", "boasted", "listed", "lists",
    "confirm", "tell", "add", "insist", "admit", "warn", "warned", "warns", "announce", "shared",
    "alleges", "allege",
})

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[\w'’\-]+|[^\w\s]")
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
_HEADLINE_TAIL = re.compile(
    r"(?:\s[-–—]\s*|(?<=\d)-)(?P<who>(?:[a-z]+\s+){0,2}(?:principal|police|official|officials|ministry|army|military|"
    r"governor|hospital\s+official|health\s+ministry|sources?|report|media|un|who|government|minister|spokesman|"
    r"witnesses|residents|rescuers|agency|state\s+media)|[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*){0,3})\s*$")
"""'115 schoolgirls still missing after kidnap - principal', '... rises to 79-hospital official':
a headline that names its source after a dash at its end."""
_RELATIVE = re.compile(r",\s*(?:which|who)\s+[^,;:()]{3,120},(?=\s*$)")
_NOT_CLAUSE_START = {"the", "a", "an", "this", "these", "those", "it", "they", "he", "she", "we", "its", "their",
                     "his", "her", "there", "no", "some", "all", "most", "many"}
"""Words after 'that' which open a reported clause, not a relative one ('said that the army ...')."""
_CLAUSE_VERB_START = {"were", "was", "is", "are", "had", "have", "has", "been", "remain", "remains", "remained"}
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
            "the paper", "the newspaper", "the daily", "the outlet", "the broadcaster", "the channel"}
"""Claimants that refer back to one named before; `extract` resolves them across sentences."""
_LEAD_STRIP = re.compile(r"^(?:(?:with|and|but|while|as|then|also|later|meanwhile|now|so|yet|separately|instead)\s+)+", re.I)
_NAME_RUN = r"(?:(?:[A-Z]\.){2,}|[^,;:.()])+?"
"""A claimant's words up to a clause mark; "U.S." and "U.N." keep their dots."""
_ACCORDING = re.compile(rf"\baccording\s+to\s+(?P<who>{_NAME_RUN})(?=\s+on\s+(?:\w+day|the\s+\w+)\b|\s+(?:in|at)\s+a\s+|[,;:.()]|$)", re.I)
_REPORTED_BY = re.compile(rf"\b(?:(?:as\s+)?(?:reported|cited|quoted|confirmed|announced|estimated|counted)|as\s+claimed)\s+by\s+"
                          rf"(?P<who>{_NAME_RUN})(?=\s+on\s+\w+day\b|[,;:.()]|$)", re.I)
_SAID_TO_BE = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?(?:said|reported|believed|thought|"
                         r"estimated|feared|known)\s+to\b", re.I)
_OWN_SOURCE_GAP = re.compile(r"[\w,.]+(?:\s+(?:people|persons|dead|deaths|victims|[a-z]+s))?\s+$")
"""Between a figure and the "reported by" that follows it at once: the figure, perhaps its noun."""
_IN_MEDIA = re.compile(r"\bas\s+(?:reported|published|cited|claimed)\s+in\s+(?P<who>(?:the\s+)?(?:local\s+|international\s+|"
                       r"state\s+|foreign\s+|some\s+)?(?:media|press|news\s+reports|reports))\b", re.I)
"""'253 and not 359 as reported in media': the media's figure."""
_PASSIVE_ATTACK = re.compile(r"\b(?:attack|ambush|assault|bombing|strike|raid|blast)s?\s+(?:was\s+|were\s+)?claimed\s+by\b", re.I)
_TOLD = re.compile(r"^\s*(?P<outlet>(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3})", re.U)
_SENT_START_VERB = SAY_VERBS | {"attributed", "has", "have", "had", "is", "was", "were", "will",
                                "would", "did", "does", "added", "blamed", "issued", "released", "gave", "gives",
                                "give", "offered", "provided"}


_SPACES = re.compile(r"\s+")
_QUOTES = re.compile(r"[\"“”]")
_WORDCHAR = re.compile(r"\w")
_NAMECHAR = re.compile(r"[\w'’\-]")
_TRAILING_AUX = re.compile(r"\s+(?:has|have|had|also|later|previously|then|reportedly|first)$", re.I)
_PRONOUN_LEAD = re.compile(r"(?:of|among|in|from|for)\s+.*\b(they|we|he|she|it)$", re.I)
_SAID = re.compile(r"\b(?:said|says|told|reported)\b")
_BY_OR_CREDIT = re.compile(r"\s+by\b|\s+(?:responsibility|credit)\b")
_INVERTED_TAIL = re.compile(r"\s+(?!that\b|this\b|it\b|there\b|on\b|in\b|at\b|by\b|to\b|\d)(?:the\s+)?"
                            r"([A-Za-z][\w’'\-]*(?:\s+[\w’'\-]+){0,9}?)\s*(?:[.,;]|$)", re.I)
"""The speaker after a verb that closes the clause: '..., said the police chief.', '..., confirmed
international media reports'; never a clause that goes on ('said that at least 30 died')."""
_AND_END = re.compile(r"\band\s*$")
_ONE_OF = re.compile(r"(?:one|some|each) of \w+", re.I)
_SAID_TAIL = re.compile(r"\s+(?:the\s+)?([A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,5}?)\s*[.,]")
@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    claimant: str
    kind: str


def _clean(who: str) -> str:
    """A speaker's name never spans a line break: what stands before one is a caption or a
    credit line ('Getty Images' above 'Asabe Kwambura, principal of ...')."""
    who = who.strip()
    who = who.rsplit("\n", 1)[-1]
    who = who.strip(" \"'“”‘’,")
    who = _SPACES.sub(" ", who)
    who = _QUOTES.sub("", who)
    return who


_LOOK_BACK = 400
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’\-]*\s+$")
_WHICH_REVISED = re.compile(r"\b(?:which|that)\s+(?P<who>(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,4}?)\s+"
                            r"(?:revised|raised|lowered|cut|increased|reduced|updated|corrected)\b")
"""'put at 288, which the Odisha government revised to 275': the reviser gives the new figure."""
_HEADLINE_SPEAKER = re.compile(r",\s*(?P<who>(?:the\s+)?(?:[\w'’\-]+\s+){0,2}?(?:police|officials?|authorities|army|military|"
                               r"ministry|government|governor|doctors|witnesses|residents|sources|UN|rescuers|hospital))\s*$", re.I)
_RELAYED = re.compile(r"\s+(?:citing|quoting|who|which|that|based\s+on)\s+", re.I)
"""Where a claimant's name ends and what it relied on begins: 'U.S. officials citing initial information'."""
_DIGIT_IN = re.compile(r"\d")
_NOT_A_SPEAKER = re.compile(
    r"^\W*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens|scores|hundreds|"
    r"thousands)(?:\s+of\b|\s*$))|\b(?:toll|tolls|figure|figures|number|count|tally|total|attacks?|blasts?|explosions?|bombings?|"
    r"incident|operation|crash|disaster|tragedy)(?:\s+(?:had|has|have|was|were|is|been|had\s+been|earlier|also))*\s*$", re.I)
"""Subjects that cannot be a source: a figure or a toll ("The toll had been put at 321"), an
event ("The attacks were claimed by ..."), a number ("13 US military soldiers")."""
_LEADING_TIME = re.compile(r"^(?:(?:the\s+)?(?:following|next|previous|same)\s+|on\s+|last\s+|this\s+|early\s+|late\s+)?"
                           r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|evening|night|week|day)\b[\s,]*", re.I)
_PROPER_NAME = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Maj|Capt|Lt)\.?\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-.]*){0,3}")
_TITLE_NOUN = re.compile(r"\b(?:minister|ministry|spokes(?:man|woman|person)|official|chief|head|director|commissioner|"
                         r"governor|president|secretary|principal|manager|officer|collector|commander|mayor|chairman|"
                         r"adviser|advisor|representative|coordinator|general|inspector|superintendent)\b", re.I)
"""A title before a speaker's name: 'Police spokesman', "Lebanon's health minister"."""


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
            if low in ("who", "which") and real and real[0].lower() in _CLAUSE_VERB_START and len(real) > 1:
                # "The parents of schoolgirls who were abducted last week say": the relative
                # clause describes the subject's last noun; the subject is the phrase before it
                words = []
                i -= 1
                continue
            if (low == "that" and real and real[0][:1].islower() and real[0].lower() not in _NOT_CLAUSE_START
                    and i > 0 and tokens[i - 1][1][:1].islower() and tokens[i - 1][1].isalpha()):
                # "Kim, an official at a group that promotes tourism in the district, said": the
                # relative clause describes the apposition's noun; the speaker is before it
                words = []
                i -= 1
                continue
            if all(w.lower() in _AUX_ONLY for w in real) and low in ("which", "who"):
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
    if depth < 3 and i >= 0 and tokens[i][1] == "," and _PROPER_NAME.fullmatch(text):
        # "Lebanon's health minister, Hamad Hassan, said": the title before the name says who speaks
        title = _LEADING_TIME.sub("", _subject_before(sentence, tokens[i][0], depth + 1))
        if title and _TITLE_NOUN.search(title) and len(title.split()) <= 8:
            return f"{title} {text}"
    if (depth < 3 and words and words[0].lower() in ("a", "an", "the") and i >= 0 and tokens[i][1] == ","
            and not _SAID.search(text)):
        # "Muhammad Asim, a spokesman for the hospital, said": the apposition names the speaker
        named = _subject_before(sentence, tokens[i][0], depth + 1)
        if named and named[0].isupper() and len(named.split()) <= 12 and not _DIGIT_IN.search(named):
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
    caps = [w[0].isupper() for w in sentence.split() if w[:1].isalpha()]
    title_case = bool(caps) and sum(caps) * 2 > len(caps)
    for m in _ACCORDING.finditer(sentence) if "according" in words else ():
        who = _clean(_RELAYED.split(m.group("who"), maxsplit=1)[0])
        if _NON_AGENT.match(who):
            continue  # "says, according to preliminary data, that ...": the sayer is the claimant
        out.append(Cue(m.start(), m.end(), who, "according"))
    for m in _REPORTED_BY.finditer(sentence) if "by" in words else ():
        if _PASSIVE_ATTACK.search(sentence[max(0, m.start() - 40): m.end()]) or len(m.group("who").split()) > 8:
            continue  # "an attack claimed by X": X claimed the attack, not the figure
        out.append(Cue(m.start(), m.end(), _clean(m.group("who")), "by"))
    for m in _IN_MEDIA.finditer(sentence) if "in" in words else ():
        out.append(Cue(m.start(), m.end(), _clean(m.group("who")), "by"))
    for m in _WHICH_REVISED.finditer(sentence) if "which" in words or "that" in words else ():
        out.append(Cue(m.start("who"), m.end(), _clean(m.group("who")), "say"))
    head = _HEADLINE_SOURCE.match(sentence) if ":" in sentence else None
    if head:
        out.append(Cue(0, head.end(), _clean(head.group("who")), "say"))
    tail_name = _HEADLINE_TAIL.search(sentence) if "-" in sentence or "–" in sentence or "—" in sentence else None
    if tail_name and len(sentence.split()) <= 20:
        out.append(Cue(tail_name.start("who"), len(sentence), _clean(tail_name.group("who")), "inverted"))
    for m in _POSSESSIVE.finditer(sentence) if "'s" in sentence or "’s" in sentence else ():
        out.append(Cue(m.start(), m.end(), _clean(m.group("who")), "say"))
    for m in _TOLL_VERBS.finditer(sentence) if not _TOLL_VERB_WORDS.isdisjoint(words) else ():
        subject = _subject_before(sentence, m.start())
        if subject and not _NOT_A_SPEAKER.search(subject):
            out.append(Cue(m.start(), m.end(), subject, "say"))
    for m in _WORD.finditer(sentence) if not SAY_VERBS.isdisjoint(words) else ():
        if m.group()[:1].isupper() and not title_case and _CAPITAL_BEFORE.search(sentence, 0, m.start()):
            continue  # "the United States": a capitalised word after a name is part of it, not a verb
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
        if _SAID_TO_BE.search(sentence, max(0, m.start() - 12), m.end() + 4):
            continue  # "the dead are said to include": hearsay with no sayer
        inverted = _after_comma(sentence, m.start()) and tok in (
            "said", "says", "informs", "reports", "adds", "added", "wrote", "confirmed", "reported", "announced",
            "stated", "noted", "claimed")
        headline = _HEADLINE_SPEAKER.search(sentence[: m.start()]) if tok in (
            "say", "confirm", "report", "claim", "tell", "add", "insist", "admit", "warn", "announce") else None
        if headline:  # a headline's present tense: "..., missing up to 276, police confirm"
            out.append(Cue(m.start(), m.end(), _clean(headline.group("who")), "inverted"))
            continue
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
        if subject and kind == "say" and _NOT_A_SPEAKER.search(subject):
            continue  # "a new death toll shows 171 dead ..., according to the ministry": the toll is not who says it
        out.append(Cue(m.start(), m.end(), subject, kind))
    out.sort(key=lambda c: c.start)
    resolved: list[Cue] = []
    for c in out:
        if c.kind == "pronoun":
            prev = next((p for p in reversed(resolved) if p.claimant and p.kind != "inverted"), None)
            if prev is None:
                # kept as said ("They", "it"): the extractor resolves it to the last claimant named
                word = c.claimant if c.claimant and c.claimant.partition(" (to ")[0].lower() in _PRONOUNS else None
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
    after = [c for c in found if c.start >= number_start]
    for c in after:  # "more than the 85 reported by education officials": the figure's own source
        if c.kind == "by" and _OWN_SOURCE_GAP.match(sentence, number_start, c.start):
            return c.claimant
    before = [c for c in found if c.end <= number_start and c.kind != "inverted"]
    if before:
        return before[-1].claimant
    for kind in ("according", "inverted", "say", "by"):
        for c in after:
            if c.kind == kind:
                return c.claimant
    return None


def is_reference(claimant: str | None) -> bool:
    """Whether a claimant only points back to one named earlier ('he', 'the report', 'its data')."""
    if not claimant:
        return False
    low = claimant.partition(" (to ")[0].lower().strip()
    return low in PRONOUNS or low.split()[0] in ("it", "its", "he", "she", "they", "their", "his", "her")


def quote_close(sentence: str) -> str | None:
    """The claimant named where a quotation closes: '... a man," the police chief said.'; a
    reference ('the official told AFP') is returned as said, for the caller to resolve."""
    end = max(sentence.rfind('"'), sentence.rfind("”"))
    rest = sentence[end + 1:].lstrip(" ,") if end >= 0 else ""
    if not rest:
        return None
    for c in cues(rest):
        if c.kind in ("say", "inverted"):
            return c.claimant
    return None


_NAME = r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Maj|Capt|Lt)\.?\s+)?[A-Z][\w’'\-]*[a-z][\w’'\-]*(?:\s+[A-Z][\w’'\-.]*){0,2}|[A-Z]{2}\s+[A-Z][a-z]+"
_TITLE = (r"(?:minister|spokes(?:man|woman|person)|official|chief|head|director(?:\s+general)?|commissioner|governor|"
          r"president|secretary|principal|manager|officer|collector|commander|mayor|chairman|adviser|advisor|"
          r"coordinator|inspector|superintendent|DRM)")
_TITLE_THEN_NAME = re.compile(rf"(?P<title>(?:[A-Z][\w’']*(?:['’]s)?\s+)?(?:[\w’'()]+\s+){{0,4}}?{_TITLE})\s*,?\s+(?P<name>{_NAME})")
_NAME_THEN_TITLE = re.compile(rf"(?P<name>{_NAME}),\s+(?P<title>(?:the\s+|a\s+|an\s+)?[^,.;\d]{{0,40}}?\b{_TITLE}\b[^,.;\d]{{0,50}}?),")
_TITLE_WORD = re.compile(rf"\b{_TITLE}\b", re.I)
SPEAKING = SAY_VERBS | {"denied", "denies", "rejected", "disputed", "admitted", "insisted", "shared", "revealed",
                        "released", "issued", "gave", "put"}
"""Verbs that make their subject the last speaker named, for 'he said' and 'she said' later on."""


class Speakers:
    """Surname -> the fullest way an article introduces a speaker: "Police spokesman Ruwan
    Gunasekara" for a later "Gunasekara", "Dr Anil Jasinghe, Director General of the Health
    Services" for "Jasinghe", so a claimant reads as who the person speaks for.

    Looked up only for the surnames claimants use, in windows around their occurrences: the
    title patterns tried over a whole page cost more than the rest of its reading."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, str] | None = None

    def get(self, surname: str) -> str | None:
        if self._found is None:
            self._found = self._introductions()
        return self._found.get(surname)

    def _introductions(self) -> dict[str, str]:
        """One pass over the page: each title word, with the name beside it."""
        out: dict[str, str] = {}
        for hit in _TITLE_WORD.finditer(self.text):
            lo = max(0, hit.start() - 100)
            window = self.text[lo: hit.end() + 100]
            for pattern in (_TITLE_THEN_NAME, _NAME_THEN_TITLE):
                for got in pattern.finditer(window):
                    name, title = _clean(got.group("name")), _clean(got.group("title"))
                    surname = name.split()[-1]
                    if len(surname) < 3 or surname.lower() in SPEAKING or surname in out:
                        continue
                    full = f"{title} {name}" if pattern is _TITLE_THEN_NAME else f"{name}, {title}"
                    if len(full.split()) <= 14:
                        out[surname] = full
        return out


def fuller(claimant: str | None, known: Speakers | dict[str, str]) -> str | None:
    """A bare name given the title the article introduced it with ("Gunasekara" -> "Police
    spokesman Ruwan Gunasekara"); any other claimant as it is."""
    if not claimant or not known or len(claimant.split()) > 4 or not _PROPER_NAME.fullmatch(claimant.split(" (to ")[0]):
        return claimant
    head, sep, tail = claimant.partition(" (to ")
    full = known.get(head.split()[-1])
    if not full or head in full and len(full) <= len(head):
        return claimant
    return f"{full}{sep}{tail}"


def speaker_of(sentence: str) -> str | None:
    """Who speaks in a sentence with no figure ("X, the principal, has denied the report"), so a
    later "she said" can be hers."""
    for m in _WORD.finditer(sentence):
        if m.group().lower() in SPEAKING:
            subject = _subject_before(sentence, m.start())
            if subject and not is_reference(subject) and not _NOT_A_SPEAKER.search(subject) \
                    and subject.lower() not in _PRONOUNS and subject.split()[0].lower() not in ("we", "i", "you", "us") \
                    and plausible_speaker(subject):
                return subject
    return None


_PERSONAL = frozenset({"he", "she", "they", "it", "we", "i", "its data", "their figures", "its figures"})


def antecedent(reference: str, earlier: list[str]) -> str | None:
    """The speaker a reference points back to, among the speakers named so far (last first).

    A pronoun ("he", "they") is the last speaker; a definite description ("the ministry", "the
    army", "the report") is the last speaker whose name holds its noun ("Lebanon's Ministry of
    Health", "a report by the UN rights office"), and None when no earlier speaker has it, so the
    description stands as written rather than becoming someone else's figure.
    """
    head, sep, tail = reference.partition(" (to ")
    low = head.lower().strip()
    if low in _PERSONAL or low.split()[0] in ("it", "its", "he", "she", "they", "their", "his", "her", "we"):
        if not earlier:
            return None
        return earlier[-1] + (sep + tail if sep else "")
    noun = low.split()[-1]
    for name in reversed(earlier[-40:]):
        if re.search(rf"\b{re.escape(noun)}\b", name, re.I) and name.lower() != low:
            return name + (sep + tail if sep else "")
    if noun in _ANY_SOURCE and earlier:
        return earlier[-1] + (sep + tail if sep else "")  # "the paper", "the report": whoever spoke last
    return None


_ANY_SOURCE = frozenset("paper newspaper daily outlet broadcaster channel network report statement agency agencies "
                        "source sources message organisation organization body group figures data".split())
"""Descriptions that may point to any source named before; an institution ("the ministry",
"the army") must be named with its noun."""
_SPEAKER_STOP = frozenset("the a an of been have has had is are was were be to in on at by for with and or "
                          "deny denies denied officially then earlier later hours whose which who that these those "
                          "this it its several more most".split())


def plausible_speaker(name: str | None) -> bool:
    """Whether a phrase can be a source at all: no figure, a few words, not ending or opening on a
    function word ("These are young boys aged 12", "Hours, the army", "the number of people officially")."""
    if not name or _DIGIT_IN.search(name) or len(name.split()) > 10:
        return False
    words = [w.strip(",.;:'\"()").lower() for w in name.split()]
    return bool(words) and words[-1] not in _SPEAKER_STOP and words[0] not in ("has", "have", "had", "then", "earlier",
                                                                               "whose", "several", "hours", "in", "on",
                                                                               "these", "those", "this", "there")


_GENERIC = frozenset({"officials", "authorities", "the authorities", "local officials", "government officials",
                      "an official", "official sources"})
_ORGANISATION = re.compile(r"\b(?:Headquarters|Ministry|Department|Agency|Office|Council|Committee|Commission|Service|"
                           r"Force|Forces|Bureau|Centre|Center|Authority|Administration)\b")


def specific(claimant: str | None, nearby: list[str]) -> str | None:
    """A specific name for a generic claimant, when the next lines give it: "officials said" then
    "according to officials at the Central Disaster Headquarters"; "authorities said" then "the
    Civil Protection Agency said". None when nothing nearby names them."""
    if not claimant or claimant.lower() not in _GENERIC:
        return None
    word = claimant.lower().split()[-1]
    for name in nearby:
        low = name.lower()
        if low != claimant.lower() and (low.startswith(word + " ") or _ORGANISATION.search(name)):
            return name
    return None


def quoted_until(sentence: str) -> int:
    """Where a quotation opening the sentence closes (its last quote mark), or 0."""
    if sentence.lstrip()[:1] not in ('"', "“") or sentence.count('"') + sentence.count("”") < 2:
        return 0
    return max(sentence.rfind('"'), sentence.rfind("”"))
