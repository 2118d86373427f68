"""Finds the claims in one source: every figure that counts people, with who, what and whose word.

A number becomes a claim only when its sentence ties it to people and to something that happened
to them, by one of the shapes casualty reporting uses:

    N <group> were killed / died / were among the dead      (measure after the group)
    killed / the deaths of / death toll rose to N <group>   (measure before the number)
    N dead / N fatalities / N wounded                        (the noun is the measure)
    N <deceased|wounded> <group>                             (a measure adjective in the group)
    ... : 84 fighters and 47 soldiers / including 11 children   (parts of a figure just given)
    ..., while Reuters reported seven                        (an elliptical rival figure)

Everything else — dates, ages, money, ordinals, "two officials said" — has no such tie and is
dropped, which is why this module needs no list of what is *not* a count beyond units.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from . import attribution, measures, places, scopes, sentences
from .lexicon import SHIPPED, Lexicon
from ..model import Source
from .numbers import NUMBER_PHRASE, NUMBER_WORDS, parse_phrase
from ..calendar_names import MONTH_PATTERN
from .timeref import MONTHS
from .words import has_any, words

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z][\w'’\-]*|\d[\d,.]*|[^\w\s]")
"""Words, numbers and marks; "U.S." and "U.N." stay whole, so "13 U.S. troops" has its group."""
_MONTH_BEFORE = re.compile(r"\b(?:%s)\.?\s*$" % "|".join(MONTHS), re.I)
_MONTH_AFTER = re.compile(r"^\s*(?:%s)\b" % "|".join(MONTHS), re.I)
_AGE = re.compile(r"^\s*(?:-|\s)?(?:years?|yrs?)[- ]?old|^\s*-year", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages|(?:man|woman|boy|girl|teenager|person|victim|mother|father|pensioner|"
                         r"student|child)\s+of)\s*$", re.I)
"""'aged 17', 'a woman of 21': an age, not a count."""
_SCORE = re.compile(r"(\d{1,2})\s*[-–]\s*(\d{1,2})")
"""'lost 3-2 at home': a second figure below the first is a score, not a range."""
_MONEY_BEFORE = re.compile(r"(?:[$€£¥]|\bUS\$|\bRs\.?|\bN)\s*$")
_LABEL_BEFORE = re.compile(r"\b(?:No|no|number|Number|page|flight|Flight|route|Route|Resolution|Article|"
                           r"article|section|Section|chapter|room|Room|Highway|highway|Road|road|"
                           r"km|kilometre|kilometer|mile|Squad|squad|Brigade|brigade|Battalion|"
                           r"battalion|Division|division|Unit|unit|Regiment|regiment|Corps|corps|"
                           r"Class|class|Level|level|Phase|phase|Stage|stage|#)\.?\s*$")
_CONNECT = re.compile(
    r"^\s*(?:[:;,–—-]|\(|and|as\s+well\s+as|plus|including|among\s+them|among\s+whom|of\s+whom|of\s+which|"
    r"up\s+by|down\s+by|"
    r"with|while|whereas|but|or|not|to|another|,\s*and|,\s*including|,\s*while|,\s*with|\s)*\s*"
    r"(?:(?:the\s+)?(?:[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*|it|they|he|she|officials?|authorities|police)"
    r"\s+(?:previously\s+|earlier\s+|initially\s+|first\s+|had\s+|has\s+)?(?:reported|said|put\s+the\s+(?:figure|toll|number)\s+at|"
    r"says|claimed|counted|estimated|gave|mentioned|cited|gave\s+a\s+(?:figure|toll)\s+of)\s+)?$",
    re.I,
)


_DIGIT = re.compile(r"\d")
_LIST_GAP = re.compile(r"^\s*,\s*$")
_LONG_LIST = re.compile(r"^\s*,\s*(?:[^,.;]{1,40},\s*){1,}", re.I)
"""A group followed by a list of others: its verb may be far away."""
_PARTICIPLE = re.compile(r"^\s*(?:taken|abducted|kidnapped|seized|held|killed|injured|wounded)\s+(?=(?:had|have|has|were|was|"
                         r"are|is)\b)", re.I)
"""'14 of the 129 girls taken had escaped': the participle describes the whole; the verb after it is the part's."""
_PARTITIVE_OF_FIGURE = re.compile(r"^\s+(?:out\s+)?of\s+(?:the\s+|all\s+|those\s+)?[\d,]+\b", re.I)
_BY_ONE = re.compile(r"\bby\s+$", re.I)
_TO_AFTER = re.compile(r"^\s+to\b", re.I)
_ONE_OF_THE = re.compile(r"^\s+of\s+(?:the|those)\s+(?:dead|deceased|fatalities|victims|bodies|injured|wounded|missing|"
                         r"killed|hostages|abducted)\b", re.I)
_REVISED_TO = re.compile(
    r"^\s*,?\s*(?:(?:which|that|before|but|and|then|later|it|they)\b[^.;:\d]{0,60}?)?\b(?:revised|raised|lowered|cut|"
    r"increased|reduced|brought|corrected|updated|changed|put)\b(?:\s+(?:it|the\s+(?:toll|figure|number|count)))?"
    r"\s+(?:down\s+|up\s+|downward\s+)?(?:to|at)\s*$|^\s+(?:from|down\s+from|up\s+from)\s*$", re.I)
"""What joins a toll to its revision: "put at 288, which the government revised to 275",
"revised the toll to 275 from 288". The second figure counts the same people as the first."""
_EARLIER_BEFORE = re.compile(
    r"\b(?:(?:more|fewer|higher|lower|less|greater|up|down)\s+(?:than|from)|above|below|(?:rose|risen|rising|climbed|crept\s+up|"
    r"jumped|increased|fell|fallen|dropped|declined|revised(?:\s+(?:up|down)(?:wards?)?)?|raised|lowered)\s+from)"
    r"\s+(?:the|an?)\s+(?:(?:earlier|previous|initial|preliminary|official|first)\s+)?(?:(?:figure|toll|count|tally)\s+of\s+)?$", re.I)
"""A figure given before, named to be compared: "234, significantly more than the 85 reported by
officials", "six more than the 125 it had announced", "the toll has crept up from the 125 police
gave". It counts what the figure it is compared with counts."""
_GIVEN_AFTER = re.compile(
    r"^\s+(?:that\s+)?(?:the\s+)?(?:police|officials?|authorities|government|ministry|agency|it|they|he|she|[A-Z][\w.-]+"
    r"(?:\s+[A-Z][\w.-]+){0,3})\s+(?:had\s+|has\s+|have\s+|first\s+|initially\s+|earlier\s+)*(?:gave|given|announced|"
    r"reported|said|cited|released|issued|counted|confirmed|put\s+out)\b")
"""'... the 125 police gave': who gave the earlier figure, not a group the figure counts."""
_DIFFERENCE_AFTER = re.compile(r"^\s+(?:more|fewer|less|higher|lower)\s+than\b", re.I)
"""'six more than the 125': a difference between two figures, not a count."""
_WHEN_IN_GAP = re.compile(
    r"\b(?:(?:on|by|in|until|till|up\s+to|at|since|from|as\s+of)\s+(?:the\s+)?(?:(?:early|late)\s+)?(?:\w+day|morning|evening|afternoon|night|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_PATTERN})|(?:{MONTH_PATTERN})\s+\d{{1,2}}(?:st|nd|rd|th)?)(?:\s+(?:morning|evening|"
    r"afternoon|night))?|a\s+day\s+later|the\s+(?:next|following)\s+day|later|overnight|then|before\s+(?:reaching|"
    r"(?:dropping|falling|rising|climbing|settling)\s+to))\b", re.I)
"""Time phrases between the steps of a figure's revisions ("26 in the early morning, then 32, 36 and
38 before reaching 43", "61 on Thursday and 59 on Friday"): each step counts what the first does."""
_PLACE_NAME = r"(?:the\s+)?(?:neighbouring\s+|neighboring\s+)?(?:(?:region|province|state|town|city|district)\s+of\s+)?" \
    r"[A-Z][\w'’\-]+(?:[\s\-](?:de\s+|la\s+|del\s+)?[A-Z][\w'’\-]+){0,3}(?:\s+(?:region|province|state|district|county|city|town))?"
_PLACE_IN_GAP = re.compile(rf"^\s*(?:in|at)\s+{_PLACE_NAME}")
_LISTED_PLACE = re.compile(rf"^\s+(?:in|at)\s+{_PLACE_NAME}")
_PLACE_LIST_GAP = re.compile(rf"\s*(?:(?:in|at)\s+{_PLACE_NAME})?\s*(?:,|and|,\s*and)\s*$")
"""Between the parts of a breakdown by place: "two in Castilla-La Mancha, one in Andalusia"."""
_OF_THESE_BEFORE = re.compile(r"(?:^|[.;:]\s*)(?:of\s+(?:these|them|those|whom|the\s+dead)|among\s+them),?\s*$", re.I)
"""'Of these, 202 died in the Valencia region': a part of the total just given."""
_OF_THEM = re.compile(r"^\s+of\s+(?:them|these|whom|the\s+(?:dead|victims|deaths))\b", re.I)
_CAME_BACK_WORDS = frozenset("escaped escape rescued freed released found returned reunited came got managed fled".split())
_BEFORE, _AFTER = 400, 600
"""How far before and after a figure its rules read (characters)."""
_PLAIN_WORD = re.compile(r"[a-z][a-z\-]+")
_NON_WORD = re.compile(r"\W+")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_PERCENT = re.compile(r"\s*(?:%|percent|per\s+cent)", re.I)
_FIRST_NOUN = re.compile(r"\s*(?:of\s+(?:the\s+)?)?(?:[A-Za-z\-]+\s+){0,2}?([A-Za-z]+)")
_AND_GAP = re.compile(r"^\s*(?:,|and|,\s*and)\s*$")
_MEASURE_SWITCH_GAP = re.compile(
    r"\s*(?:(?:were|was|have\s+been|had\s+been|are|is)\s+)?(?:(?:killed|dead|slain|wounded|injured|hurt|missing)\s*)?[,;]?\s*(?:and\s+|while\s+|but\s+)?"
    r"(?:(?:the\s+)?(?:number|toll|count)\s+of\s+(?:the\s+)?(?:dead|wounded|injured|missing|deaths|injuries)\s+"
    r"(?:was|is|stood\s+at|rose\s+to|reached|climbed\s+to)\s*)?$", re.I)
"""Between a group's figure and a bare figure of another measure, nothing but the first measure and
a clause break: the second figure counts the same group, as wire copy drops the repeated noun
("Besides the 13 service members killed, 15 were wounded" in Kabul, 2021; "ten soldiers were killed
and nine wounded" in a Kandahar raid; "the number of troops killed rose to 13, and the number of
wounded was 18"). A first figure that counts people as a whole has no group to lend."""
_PART_CUE = re.compile(r"(?::|\bincluding|\bamong\s+them|\bamong\s+whom|\bof\s+whom)\s*$", re.I)
_NOT_MODIFIERS = {"and", "or", "but", "were", "was", "are", "is", "of", "in", "on", "at", "by", "to", "from",
                  "with", "than", "that", "who", "which", "had", "have", "has", "been", "be", "the", "a",
                  "an", "said", "says", "including", "among", "while", "as", "for", "into", "over",
                  "after", "before", "since", "during", "another", "when", "because", "then", "until",
                  "more", "most", "such", "these", "those", "this", "its", "their", "his", "her", "our"}
_AMONG_THOSE = re.compile(r"^\W*among\s+(?:them|those|whom|the\s+(?:dead|victims|bodies|injured))", re.I)
_DIGITS_ECHO = re.compile(r"\s*\(\s*\d[\d,]*\s*\)")
_BARE_END = re.compile(r"\s*(?:$|[.,;:)\]—–\-\"”’']|(?:on|in|at|by|after|before|as|during|since|overnight|"
                       r"last|this|across|near|when|while|and|so|from|with|including|against|amid|but|or|then|"
                       r"according|till|until|up|down|later|a\s+(?:day|week|month)\s+(?:later|earlier|after)|"
                       r"the\s+(?:next|following|previous)\s+(?:day|morning|week))\b)", re.I)
"""What may follow a figure with no group ('the toll rose to 27 on Tuesday')."""
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ans|ians|is|ese|ens|ites|ons|ards|ks|ts)$|^(?:British|French|Dutch|Irish|Swiss|"
                      r"Welsh|English|Scottish|Danish|Swedish|Finnish|Polish|Turkish|Spanish|Kurdish)$")


@dataclass(frozen=True)
class Mention:
    """A figure that counts people, as read from its sentence before events and topics are known.

    Offsets `start`/`end` are into `Source.text`; `number_start` and `group_end` are into the
    readable text (`Source.readable`), where the sentence lives.
    """

    index: int
    """Position among its article's mentions (text order)."""
    source: str
    start: int
    end: int
    number_text: str
    sentence: str
    sentence_start: int
    low: int | None
    high: int | None
    hedge: str
    measure: str
    who: str
    claimant: str | None
    """As written in the article; the corpus stage resolves descriptions to names."""
    in_title: bool
    fingerprint: str
    paragraph: int
    sentence_index: int
    role: str | None
    affiliations: tuple[str, ...]
    elliptical: bool
    part_of: int | None
    """`index` of the total this figure is a stated part of ("including 11 children")."""
    number_start: int
    group_end: int
    """Readable offset just after the counted group, where a following figure's link words begin."""
    scope: str | None
    """A place, facility or condition limiting the count to part of the event ("at Etah hospital")."""
    listed: bool = False
    """Joined to the figure before it in its sentence ("95 Afghans and 13 U.S. troops")."""
    frame: int = 0
    """The article's event frame the figure belongs to (set by `events.segment`)."""


@dataclass(frozen=True)
class Extraction:
    """One source's sentences and mentions, in text order."""

    source: Source
    sentences: tuple[sentences.Sentence, ...]
    mentions: tuple[Mention, ...]


@dataclass
class _Draft:
    """A mention while its sentence is read: claimant and fingerprint are settled after."""

    fields: dict
    paragraph: int
    sentence_index: int
    role: str | None
    affiliations: tuple[str, ...]
    elliptical: bool
    part_of: int | None
    group_end: int
    number_start: int
    scope: str | None
    measure: str
    who: str
    claimant: str | None = None
    in_title: bool = False
    included: bool = False
    """Listed after 'the dead include' (or joined to a figure that was): a part of those counted."""


def _tokens(s: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(s)]


def _noun_phrase(after: str, lex: Lexicon) -> tuple[int, str | None, str | None, list[str], str | None]:
    """Reads the group after a number: (end offset, role, measure noun, modifiers, head)."""
    toks = _tokens(after)
    mods: list[str] = []
    i = 0
    if toks and toks[0][2].lower() == "of" and len(toks) > 1:
        i = 2 if toks[1][2].lower() in ("the", "them", "those", "all") else 1
        if toks[i - 1][2].lower() == "them":
            return toks[i - 1][1], None, None, [], "them"
        if i < len(toks) and toks[i][2][0].isdigit():
            i += 1  # "120 of the 5,000 people who were injured": the whole's group is the part's
    elif len(toks) > 1 and toks[0][2].lower() == "each" and toks[1][2].lower() == "from":
        i = 1  # "four each from China and Russia"
    if i + 1 < len(toks) and toks[i][2].lower() == "from":
        j = i + 2 if toks[i + 1][2].lower() == "the" and i + 2 < len(toks) else i + 1
        name = toks[j][2]
        if j + 1 < len(toks) and name[:1].isupper() and toks[j + 1][2][:1].isupper():
            name = f"{name} {toks[j + 1][2]}"  # "the United States", "South Korea"
            j += 1 if places.country_of(name) else 0
        country = places.country_of(name) if name[:1].isupper() else None
        if country:  # "five from Iran, two from the United States": where they came from is who they are
            end = toks[j][1]
            if j + 2 < len(toks) and toks[j + 1][2].lower() == "and" and places.country_of(toks[j + 2][2]):
                end = toks[j + 2][1]  # "four each from China and Russia": the list goes on after both
            return end, None, None, [name], name
    while i < len(toks) and i < 9:
        s, e, tok = toks[i]
        low = tok.lower()
        nxt = toks[i + 1][2].lower() if i + 1 < len(toks) else ""
        pair = f"{low} {nxt}"
        if pair in lex.roles and (low not in lex.roles or nxt in lex.roles):
            return toks[i + 1][1], lex.roles[pair], None, mods, pair
        if low in lex.roles:
            if nxt in lex.roles and nxt not in ("members",) or (nxt == "members" and low != "members"):
                mods.append(tok)
                i += 1
                continue
            return e, lex.roles[low], None, mods, low
        if low in lex.measure_nouns and low not in ("missing",):
            after_word = toks[i + 2][2].lower() if i + 2 < len(toks) else ""
            if nxt in lex.roles or toks[i + 1][2][:1].isupper() and after_word in lex.roles if i + 1 < len(toks) else False:
                mods.append(tok)  # "276 abducted Chibok girls", "20 dead soldiers": the state describes the group
                i += 1
                continue
            return e, None, lex.measure_nouns[low], mods, None
        if low in lex.non_people or low in ("of", "in", "on", "at", "by", "from", "to", "and", "or",
                                         "were", "was", "are", "is", "had", "have", "has", "who"):
            break
        if tok[0].isupper() and (_DEMONYM.match(tok) or i == len(mods) and places.country_of(tok) and not mods) \
                and not (nxt and (nxt in lex.roles or toks[i + 1][2][0].isupper())):
            return e, None, None, mods + [tok], tok
        if tok[0].isupper() or low in lex.generic_modifiers or low in lex.state_words or "-" in tok:
            mods.append(tok)
            i += 1
            continue
        if low in lex.measure_nouns:
            return e, None, lex.measure_nouns[low], mods, None
        if tok in ('"', "“", "”", "'", "‘", "’"):
            i += 1  # a group in quotes: 'nearly 300 "militiamen"'
            continue
        if low in ("cases", "instances", "counts") and nxt == "of":
            i += 2  # "32 cases of enforced disappearances": what the cases are of
            continue
        ahead = [t[2].lower() for t in toks[i + 1:i + 3]]
        if _PLAIN_WORD.fullmatch(low) and not low.endswith("ed") and any(a in lex.group_nouns for a in ahead) \
                and not any(a in lex.non_people for a in ahead[:1]) and low not in _NOT_MODIFIERS:
            mods.append(tok)  # an adjective the lexicon does not know: "suspected human traffickers"
            i += 1
            continue
        break
    return 0, None, None, [], None


_COPULA = re.compile(r"^\s*(?:[-–—]+\s*)?(?:and\s+[^,.;]{0,30}?\s+)?(?:were|are|was|is|have\s+been|had\s+been)\s+"
                     r"(?:all\s+|also\s+|mostly\s+|reportedly\s+)?(?=\S)", re.I)


_SENTENCE_MEASURE = re.compile(r"\b(?:the\s+dead|those\s+killed|the\s+deceased|fatalities|the\s+victims|(?:the\s+)?deaths?)\b", re.I)
"""A sentence about the dead: "More than 80% of the dead were in their 20s, and at least four were teenagers"."""


def _predicate_group(rest: str, lex: Lexicon) -> tuple[int, str | None, str | None, list[str], str | None] | None:
    """The group a figure without one is said to be: "97 are female", "at least 35 of the dead
    were foreign nationals", "Ten of those killed ... were US Marines". None when the predicate
    is not a group ("were killed")."""
    m = _COPULA.match(rest)
    if not m:
        return None
    got = _noun_phrase(rest[m.end():], lex)
    if got[4] is None or got[1] is None and not got[3]:
        return None
    return (m.end() + got[0],) + got[1:]


@dataclass(frozen=True)
class _Context:
    """What a figure's reading needs to know of its whole article."""

    came_back: bool
    """Some of the taken escaped, were freed or found (so "still missing" counts a part)."""
    places: frozenset[str]
    """Place keys the article names ("in Chibok", "Kotli district")."""


def _place_not_side(word: str, article_places: frozenset[str]) -> bool:
    """A place before a group ("Chibok girls", "Kotli residents") says where they are from, not
    whose side they are on; a country or people ("Malian soldiers", "Afghans") is a side."""
    if word.isupper() or places.country_of(word):
        return False
    return places.key(word) in article_places


def _fingerprint(path: str, text: str, start: int, end: int) -> str:
    context = _NON_WORD.sub(" ", text[max(0, start - 40): end + 40]).strip().lower()
    return hashlib.blake2b(f"{path}\x00{context}".encode(), digest_size=8).hexdigest()


_AND_TAIL = re.compile(r"\s+and\s", re.I)


def _figures(text: str):
    """The number phrases of a sentence in order. "N and M" is one phrase (a range) only after
    "between": in "then 32, 36 and 38" each figure stands alone. "by N to M" is a change and its
    result, never a range ("the toll rose by one to 158", "the number killed rose by one to 13")."""
    pos = 0
    while (m := NUMBER_PHRASE.search(text, pos)) is not None:
        core_end = m.end("core")
        if m.end() > core_end and (_AND_TAIL.match(text, core_end) and (m.group("hedge") or "").lower() != "between"
                                   or _BY_ONE.search(text, max(0, m.start() - 8), m.start())):
            m = NUMBER_PHRASE.match(text, m.start(), core_end) or m
        yield m
        pos = max(m.end(), pos + 1)


def extract(source: Source, lex: Lexicon = SHIPPED) -> Extraction:
    """All mentions in a source's title and body blocks, in text order."""
    text = source.readable
    sents: list[sentences.Sentence] = []
    title_blocks: set[int] = set()
    for b_i, block in enumerate(source.blocks):
        if block.kind not in ("title", "body"):
            continue
        got = sentences.split(text, block.start, block.end, b_i)
        if block.kind == "title":
            title_blocks.add(b_i)
        sents.extend(got)
    drafts: list[_Draft] = []
    came_back = any(has_any(s.text, _CAME_BACK_WORDS) and scopes.CAME_BACK.search(s.text) for s in sents)
    context = _Context(came_back, frozenset().union(*(places.find(s.text) for s in sents)) if sents else frozenset())
    for s_i, sent in enumerate(sents):
        if not (_DIGIT.search(sent.text) or has_any(sent.text, NUMBER_WORDS)):
            continue  # no digit and no number word: nothing here can be a count
        sent_cues: list | None = None
        local: list[_Draft] = []
        covered = 0
        for m in _figures(sent.text):
            if m.start() < covered:
                continue  # the "(39)" of "thirty-nine (39)" is already part of the claim
            d = _claim_at(source, sent, s_i, m, local, local[-1] if local else (drafts[-1] if drafts else None), lex,
                          context)
            if d is None:
                continue
            if sent_cues is None:
                sent_cues = attribution.cues(sent.text)
            d.claimant = attribution.claimant_for(sent.text, m.start(), sent_cues)
            if m.start() < attribution.quoted_until(sent.text) and not any(
                    c.end <= m.start() and c.kind != "inverted" for c in sent_cues):
                # a figure inside a quotation is the speaker's, whatever the quotation cites after it
                d.claimant = attribution.quote_close(sent.text) or d.claimant
            d.in_title = sent.paragraph in title_blocks
            local.append(d)
            covered = d.number_start - sent.start + len(d.fields["number_text"])
        for d in local:
            if d.part_of is not None:
                d.part_of += len(drafts)
        drafts.extend(local)
    _resolve_claimants(drafts, sents, attribution.Speakers(text))
    return Extraction(source, tuple(sents), tuple(_freeze(drafts)))


def _freeze(drafts: list[_Draft]) -> list[Mention]:
    """The final mentions. A passage repeated in one page gives equal fingerprints; the n-th repeat
    gets its own, so a decision on one copy never lands on the other."""
    seen: dict[str, int] = {}
    out = []
    for i, d in enumerate(drafts):
        fp = d.fields["fingerprint"]
        n = seen.get(fp, 0)
        seen[fp] = n + 1
        if n:
            fp = hashlib.blake2b(f"{fp}#{n}".encode(), digest_size=8).hexdigest()
        out.append(Mention(index=i, **dict(d.fields, fingerprint=fp), measure=d.measure, who=d.who,
                           claimant=d.claimant, in_title=d.in_title, paragraph=d.paragraph,
                           sentence_index=d.sentence_index, role=d.role, affiliations=d.affiliations,
                           elliptical=d.elliptical, part_of=d.part_of, number_start=d.number_start,
                           group_end=d.group_end, scope=d.scope))
    return out


def _resolve_claimants(found: list[_Draft], sents: list[sentences.Sentence], known: attribution.Speakers) -> None:
    """Claimants across sentences, as a reader follows who is speaking:

    - 'He said ...' takes the last speaker named, in any sentence, with a figure or not
      ("Asabe Kwambura ... has denied reports. She said only 14 had escaped");
    - 'the ministry said' or 'according to the report' takes the last speaker named with that
      word ("the Ministry of Health", "a report by the UN rights office"), else stays as written;
    - a quotation takes the speaker named where it closes;
    - a figure with no claimant continues the speaker of the last few sentences, in its own
      paragraph or the one before ("..., the headquarters said. / A total of 132 South Koreans
      and 26 foreigners were killed ...");
    - a bare surname takes the title the article introduced it with.
    """
    named: list[tuple[int, str]] = []  # (sentence index, speaker) in text order
    read = 0
    with_figures = {f.sentence_index for f in found}

    def catch_up(upto: int) -> None:
        nonlocal read
        for i in range(read, upto):
            if i in with_figures or attribution.SPEAKING.isdisjoint(words(sents[i].text)):
                continue
            speaker = attribution.speaker_of(sents[i].text)
            if speaker:
                named.append((i, speaker))
        read = max(read, upto)

    for n, f in enumerate(found):
        catch_up(f.sentence_index)
        who = f.claimant
        sent = sents[f.sentence_index]
        if who is None and sent.text.lstrip()[:1] in ('"', "“"):
            for later in sents[f.sentence_index: f.sentence_index + 4]:
                if later.paragraph != sent.paragraph:
                    break
                who = attribution.quote_close(later.text) if later is not sent or sent.text.count('"') + sent.text.count("”") > 1 else None
                if who:
                    break
        if who is None and n and not f.in_title:
            prev = found[n - 1]
            if (prev.claimant and prev.paragraph == f.paragraph
                    and 0 <= f.sentence_index - prev.sentence_index <= 1):
                who = prev.claimant
        if who is None and not f.in_title and named:
            at, last = named[-1]  # the speaker of the sentence just before, or earlier in this paragraph
            if 0 < f.sentence_index - at <= 2 and (sents[at].paragraph == sent.paragraph or at == f.sentence_index - 1):
                who = last
        if who is not None and attribution.is_reference(who):
            who = attribution.antecedent(who, [s for _, s in named[-40:]]) or who
        who = attribution.fuller(who, known)
        if who and not attribution.is_reference(who) and attribution.plausible_speaker(who.partition(" (to ")[0]):
            named.append((f.sentence_index, who))
        f.claimant = who
    catch_up(len(sents))
    by_sentence: dict[int, list[str]] = defaultdict(list)
    for i, s in sorted(named):
        by_sentence[i].append(s)
    for f in found:  # "officials said" before "according to officials at the Disaster Headquarters"
        if not f.claimant:
            continue
        better = attribution.specific(f.claimant, [s for i in range(f.sentence_index, f.sentence_index + 3)
                                                   for s in by_sentence.get(i, ())])
        if not better:  # "... according to officials at the Disaster Headquarters. ... All but one
            # have been identified, officials said": the same word, named in full a few lines before
            word = f.claimant.lower().split()[-1]
            better = next((s for i in range(f.sentence_index - 1, f.sentence_index - 4, -1)
                           for s in by_sentence.get(i, ()) if s.lower().startswith(word + " ")
                           and attribution.specific(f.claimant, [s])), None)
        if better:
            f.claimant = better


def _claim_at(source: Source, sent, s_i: int, m: re.Match, local: list[_Draft],
              previous: _Draft | None, lex: Lexicon, context: _Context | None = None) -> _Draft | None:
    context = context or _Context(False, frozenset())
    phrase = m.group().rstrip()
    q = parse_phrase(phrase)
    if q is None:
        return None
    # bounded windows: every rule reads a few words either side, so a figure costs the same in a
    # short sentence and in a 400 KB paragraph with no full stop
    before, after = sent.text[max(0, m.start() - _BEFORE): m.start()], sent.text[m.end(): m.end() + _AFTER]
    digits = _DIGITS_ECHO.match(after)
    if digits and not m.group("core")[0].isdigit():
        phrase = sent.text[m.start(): m.end() + digits.end()]  # "thirty-nine (39) people"
        after = after[digits.end():]
    core = m.group("core")
    tail = max(0, len(before.rstrip()) - 12)  # the word just before the figure, whatever space follows it
    if (_MONTH_BEFORE.search(before, tail) or _MONTH_AFTER.match(after) or _AGE.match(after)
            or _AGE_BEFORE.search(before, tail) or _MONEY_BEFORE.search(before, tail)
            or _LABEL_BEFORE.search(before, tail)):
        return None
    if _YEAR.fullmatch(core) and not m.group("hedge"):
        return None  # a year
    score = _SCORE.fullmatch(phrase)
    if score and int(score.group(2)) < int(score.group(1)):
        return None
    if _PERCENT.match(after):
        return None
    first = _FIRST_NOUN.match(after)
    if first and first.group(1).lower() in lex.non_people:
        return None  # "dozens of homes", "12 vehicles", "five armoured trucks"
    if _DIFFERENCE_AFTER.match(after):
        return None
    earlier = _EARLIER_BEFORE.search(before[-80:]) is not None
    if earlier and _GIVEN_AFTER.match(after):
        no_mods: list[str] = []
        np_end, role, noun_measure, mods, head = 0, None, None, no_mods, None
    else:
        np_end, role, noun_measure, mods, head = _noun_phrase(after, lex)
    listed_one = bool(local) and _LISTED_PLACE.match(after) and _PLACE_LIST_GAP.match(
        sent.text, local[-1].group_end - sent.start, m.start()) is not None
    if core.lower() == "one" and _PARTITIVE_OF_FIGURE.match(after):
        return None  # "he was one of 520 students seized": the 520 count, not the one
    if core.lower() in ("one",) and head is None and not listed_one and not (_BY_ONE.search(before[-8:]) and _TO_AFTER.match(after)) \
            and not _ONE_OF_THE.match(after):
        return None  # "one of the officials"; but "rose by one to 158", "all but one of the fatalities" count
    if head and head.split()[-1] in lex.non_people:
        return None
    rest = after[np_end:]
    said_to_be = None
    if head is None or head == "them":
        told = _predicate_group(rest, lex)
        if told:  # "35 of the dead were foreign nationals", "97 are female", "ten ... were US Marines"
            end, role, _, mods, head = told
            np_end = len(after) - len(rest) + end
            rest = after[np_end:]
            said_to_be = _SENTENCE_MEASURE.search(sent.text)
    toll = measures.toll_group(before) if head is None and _BARE_END.match(after) else None
    if toll:  # "the number of Afghans killed ... has risen to 79": the toll says whom it counts
        named = _noun_phrase(toll[1], lex)
        if named[4] is not None and named[2] is None:
            noun_measure = noun_measure or toll[0]
            _, role, _, mods, head = named
    elliptical = False
    part_of = None
    measure = noun_measure
    partitive = _PARTITIVE_OF_FIGURE.match(after)
    if partitive and measure is None:  # "187 of the 276 abducted girls have been rescued": the verb decides
        measure = measures.after_group(_PARTICIPLE.sub("", rest, count=1), lex)
    for mod in mods:
        if mod.lower() in ("dead", "deceased", "slain", "wounded", "injured", "missing",
                           "displaced", "abducted", "kidnapped", "martyred", "arrested", "detained"):
            measure = measure or lex.measure_nouns.get(mod.lower(), lex.passive.get(mod.lower(), "killed"))
    if measure is None and head is not None:
        # a verb or noun right before the figure ("the death of 169 Afghans, 11 Marines ...") beats
        # a verb the group's list reaches only far after ("... besides leaving several others injured")
        measure = measures.before_figure(before, lex) if _LONG_LIST.match(rest) else None
        measure = measure or measures.after_group(rest, lex, own=True) or measures.before_figure(before, lex) \
            or measures.after_group(rest, lex)
    if measure is None and head is None:
        measure = measures.after_group(after, lex, headless=True)
    bare = head is None and _BARE_END.match(after)
    if measure is None and (head is not None or bare):
        measure = measures.before_figure(before, lex)
    if measure is None and (head is not None or bare or earlier or _BARE_END.match(rest)):
        measure = measures.toll_clause(before)
    if measure is None and (head is None and bare or head == "people") and measures.generic_figure(before) and previous:
        measure = previous.measure  # "On Monday that figure rose to 39."
    if measure is None and head is not None and head in lex.head_measure:
        measure = lex.head_measure[head]
    if head in lex.source_nouns and measure in (None, "other", "attackers") and not noun_measure:
        return None
    prev = local[-1] if local else None
    joined = False
    if prev is not None:
        gap = sent.text[prev.group_end - sent.start: m.start()]
        verb = lex.previous_verb.match(gap)
        if verb:
            gap = gap[verb.end():]
        if head is None and bare or head == "them":  # "fell to 78 on 7 November, to 50 a day later"
            gap = _WHEN_IN_GAP.sub(" ", gap)
            placed_list = prev.scope is not None and prev.scope.startswith("in ") and _PLACE_IN_GAP.match(gap)
            if placed_list:  # "202 in the Valencia region, two in Castilla-La Mancha": a breakdown by place
                gap = gap[placed_list.end():]
        joined = bool(_CONNECT.match(gap)) and len(gap) < 60 or bool(_REVISED_TO.match(gap))
        if joined and measure is None:
            measure = prev.measure
        elif joined and measure != prev.measure and head is not None and _LIST_GAP.match(gap) and _LONG_LIST.match(rest):
            measure = prev.measure  # "the death of 169 Afghans, 11 Marines, a sailor ... besides leaving others injured"
        if joined and head is None and measure == prev.measure or (
                joined and head is None and noun_measure and prev.role is not None):
            elliptical = True
            role, mods = prev.role, list(prev.affiliations)
        if measure == prev.measure and _PART_CUE.search(gap) and (head is not None or scopes.place_part(after)):
            part_of = len(local) - 1 if prev.part_of is None else prev.part_of
        elif measure == prev.measure and prev.part_of is not None and _AND_GAP.match(gap) and head is not None:
            part_of = prev.part_of
    if (prev is not None and not elliptical and head is None and len(local) == 1 and prev.part_of is None
            and prev.role not in (None, "total") and measure is not None and measure != prev.measure
            and _MEASURE_SWITCH_GAP.match(sent.text, prev.group_end - sent.start, m.start())):
        elliptical = True  # the group of the sentence's first figure, counted for another measure
        role, mods = prev.role, list(prev.affiliations)
    if measure is None and earlier and prev is not None:
        measure = prev.measure
        if head is None:
            elliptical = True
            role, mods = prev.role, list(prev.affiliations)
    if measure is None and said_to_be:
        measure = "killed"  # "... of the dead were in their 20s, and at least four were teenagers"
    if measure is None and role == "militant" or measure is None and head == "fighters" and not local:
        measure = "attackers"  # "dozens of fighters on motorbikes": how many attacked
    if measure is None:
        return None
    low, high = q.low, q.high
    where = scopes.scope(before, after, measure, previous.measure if previous else None, context.came_back) \
        or scopes.hospital_count(before, after, sent.text)
    if where is None and (part_of is not None or head == "them" or _OF_THEM.match(after) or _OF_THESE_BEFORE.search(before)
                          or joined and prev is not None and (prev.scope or "").startswith("in ")):
        where = scopes.place_part(after[np_end:] if head == "them" else after)
    if where is None and earlier and prev is not None and measure == prev.measure:
        where = prev.scope  # "234 are still missing, more than the 85 reported": the 85 count the still missing too
    if where is None and head == "them" and prev is not None:
        where = f"part of the {prev.measure}"
    elif where is None and head == "them" and (previous is None or previous.sentence_index < s_i - 1):
        # "she gave CPR to 10 people who were unconscious. Nine of them were declared dead"; "104
        # survivors were brought ashore. Four of them were taken to hospital": the group of 'them' was
        # not counted as a casualty, so the figure is a part of it, never the whole toll
        where = "part of a group counted before"
    if head == "them" and prev is not None:
        part_of = len(local) - 1 if prev.part_of is None else prev.part_of
    if where is None and m.start() <= _BEFORE and _AMONG_THOSE.match(before) and previous is not None:
        where = previous.scope  # "Among those killed are 23 women": the last figure's scope
    if measures.ceiling(before):
        where = "projection"  # "the toll could reach 320": a forecast, compared with forecasts only
        if q.hedge == "exact":
            low = None
    included = measures.included_in(before) is not None or joined and prev is not None and prev.included
    if where is None and included and not mods and (head is None or lex.roles.get(head) == "total"):
        where = f"part of the {measure}"  # "the deceased include seven party members, one man from X"
    if role is None and head is None and not mods and not elliptical:
        role = "total"  # "At least 79 dead": people as a whole
    affiliations = tuple(w for w in mods if w.lower() not in lex.generic_modifiers and w.lower() not in ("a", "an")
                         and (w[0].isupper() or "-" in w or w.lower() in lex.state_words)
                         and not _place_not_side(w, context.places))
    who = " ".join(mods + ([head] if head and head != "them" else []))
    if head and head[0].isupper() and who.endswith(head) and mods and mods[-1] == head:
        who = " ".join(mods)
    if elliptical and prev is not None:
        who = prev.who
    start = sent.start + m.start()
    end = start + len(phrase)
    o_start, o_end = source.to_original(start), source.to_original(end)
    fields = dict(
        source=source.id, start=o_start, end=o_end,
        number_text=source.text[o_start:o_end] if source.plain is None else phrase,
        sentence=sent.text, low=low, high=high, hedge=q.hedge, sentence_start=source.to_original(sent.start),
        fingerprint=_fingerprint(source.path, source.readable, start, end),
    )
    fields["listed"] = prev is not None and joined
    return _Draft(fields, sent.paragraph, s_i, role, affiliations, elliptical, part_of,
                  group_end=sent.start + m.end() + np_end, number_start=start, scope=where,
                  measure=measure, who=who.strip(), included=included)
