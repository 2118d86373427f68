"""Which lines of a scraped page are the article, and which are the page around it.

A saved page carries menus, breadcrumbs, share bars, "TRENDING" lists of other stories and
footers. A teaser such as "10 killed in bus crash" under "Related" must never become a claim, yet
a real paragraph marked junk loses real claims, so the rules are lopsided: what reads like prose
stays `body` unless a strong sign says otherwise. Each non-blank line (a paragraph when the text
is hard-wrapped) becomes one block:

- `junk`: furniture, recognised by generic web vocabulary on short lines (menus, share bars,
  copyright, contact lines, image file names, cookie banners), by position (short labels above
  the headline; headline-like lines after the last paragraph, which introduce nothing), and after
  a trailer ("You may also like", "Related", "TRENDING", "Most read"...) until two long
  paragraphs in a row show the article going on;
- `meta`: bylines, datelines, "Updated: ..." stamps, "(Reporting by ...)" notes;
- `title`: the headline and every line repeating it, also behind a breadcrumb ("Home » ...");
- `body`: everything else.

No rule names an outlet or fits one site's layout.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .metadata import DATE
from ..model import Block

_LINE = re.compile(r"[^\r\n]+")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_MARKER_CHARS = "•·▪◦●‣▸*+>#-"
_MARKERS = re.compile(r"^[\s•·▪◦●‣*+>#-]+")
_BULLET = re.compile(r"[•·▪◦●‣▸*+-]\s|\d{1,2}[.)]\s|#\d")
_TAIL_PUNCT = "\"”’')]»"

_TRAILER = re.compile(
    r"(?:you\s+(?:may|might|will)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)"
    r"|(?:related|similar)(?:\s+(?:articles?|stories|news|posts|content|coverage|reading|links|topics))?"
    r"|read\s+(?:more|also|next)(?:\s+(?:news|stories))?|also\s+read|see\s+also"
    r"|more\s+(?:from|on|in|about)\s+.{1,40}|more\s+(?:stories|news|articles|headlines|to\s+read|for\s+you)"
    r"|(?:the\s+)?latest(?:\s+(?:news|stories|articles|headlines|updates|videos))?"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|reading|videos))?"
    r"|trending(?:\s+(?:now|news|stories|topics|articles|videos|today))?"
    r"|most\s+(?:read|popular|viewed|shared|commented|recent)(?:\s+(?:news|stories|articles))?"
    r"|popular(?:\s+(?:now|news|stories|posts|articles))?"
    r"|top\s+(?:stories|news|headlines|picks)|editor'?s?\s+picks?|don'?t\s+miss|what\s+to\s+read\s+next"
    r"|up\s+next|around\s+the\s+web|from\s+(?:around\s+the\s+web|our\s+partners)"
    r"|(?:sponsored|promoted|partner)(?:\s+(?:content|stories|links|posts))?"
    r"|(?:\d+\s+)?comments?|leave\s+a\s+(?:comment|reply)|join\s+the\s+(?:conversation|discussion)"
    r"|post\s+a\s+comment|in\s+case\s+you\s+missed\s+it|in\s+other\s+news)"
)
"""A heading after which a page lists other stories or comments (matched on the whole line)."""

_INLINE_TEASER = re.compile(r"(?:related|read\s+(?:more|also)|also\s+read|see\s+also|more|watch|top\s+stories"
                            r"|trending|most\s+read|latest)\s*:\s*\S")
_LIST_SEP = re.compile(r"\s*\|\s*|\s+[•·▸]\s+")
_COOKIE = re.compile(r"\bcookies?\b.*\b(?:we\s+use|uses|accept|consent|by\s+(?:continuing|clicking|using)"
                     r"|browsing|experience|privacy)\b|\b(?:we\s+use|uses|accept)\b.*\bcookies?\b")
_CAPTION = re.compile(  # used with .match
    r"(?:(?:this|the)\s+)?(?:image|photo(?:graph)?|picture|illustration|graphic|video)\b.{0,80}?"
    r"(?:ai[- ]generated|generated\s+(?:by|with|using)\s+ai|illustrative\s+purposes|representational"
    r"|for\s+representation|does\s+not\s+depict)"
    r"|(?:representational|representative|file)\s+(?:image|photo|picture)\b"
)
_COPYRIGHT = re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|\ball\s+rights\s+reserved\b")
"""Copyright lines (prefiltered on "©", "(c)" and "right")."""
_FURNITURE = re.compile(
    r"\b(?:top|bottom)\s+of\s+(?:the\s+)?page\b|\bback\s+to\s+top\b|\bskip\s+to\s+(?:main\s+)?content\b"
    r"|\bskip\s+navigation\b|\b(?:left|main|right|mobile)\s+menu\b|\btoggle\s+navigation\b"
    r"|\bprivacy\s+(?:policy|notice|statement|settings)\b|\bterms\s+(?:of|and)\s+(?:use|service|conditions)\b"
    r"|\bcookie\s+(?:policy|settings|preferences)\b|\bdisclaimer\b|\bsitemap\b|\bcontact\s+us\b"
    r"|\babout\s+us\b|\badvertise\s+with\s+us\b|\bwork\s+with\s+us\b|\bsubscribe\b|\bnewsletters?\b"
    r"|\bsign\s+(?:up|in)\b|\blog\s*in\b|\b(?:give|send)\s+(?:us\s+)?feedback\b|\bfollow\s+us\b"
    r"|\bconnect\s+(?:with\s+)?us\b|\b(?:find|join)\s+us\s+on\b|\bshare\s+(?:this|on|via|article|story)\b"
    r"|^share\b|\bclick\s+here\b|\bcopy\s+link\b|\bcomments\s+are\s+closed\b|\bdownload\s+(?:our|the)\s+app\b"
    r"|\bapp\s+store\b|\bgoogle\s+play\b|\blogo\b|^home\s*[>|/]|^\W*menu\b|\bmenu\W*$"
    r"|^(?:e-?mail|phone|tel|telephone|fax|mobile|whatsapp|address)\s*[:.]"
    r"|^(?:tags?|topics?|filed\s+under|categories|category|keywords)\s*:"
)
"""Web-page furniture vocabulary, looked for in short lines that contain one of `_TRIGGERS`."""
_TRIGGERS = frozenset(
    "top bottom back skip left main right mobile toggle privacy terms cookie disclaimer sitemap contact about"
    " advertise work subscribe newsletter newsletters sign log login give send follow connect find join share"
    " click copy comments download app google logo home menu e-mail email phone tel telephone fax whatsapp"
    " address tag tags topic topics filed categories category keywords".split()
)
_IMAGE_FILE = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".avif", ".bmp")
_MARK = re.compile(r"[»›☰]|@[\w-]+\.[a-z]{2,}")
"""Breadcrumb arrows and e-mail addresses."""
_SPACED_MENU = re.compile(r"(?:\S+(?: \S+)? {2,}){3,}")
"""A row of links set apart by runs of spaces, as a menu bar reads once its tags are gone."""
_JUNK_LABEL = re.compile(
    r"(?:menu|search|home|share|print|e-?mail|subscribe|sign\s+(?:in|up|out)|log\s*(?:in|out)|register|newsletter"
    r"|advertisement|advert|ads?|sponsored|promoted|close|next|prev(?:ious)?|skip|back|more|follow|feedback|tweet"
    r"|like|reply|(?:load|show|see|view)\s+(?:more|all)|listen|watch|play|video|photos|gallery|loading|ok|got\s+it"
    r"|continue\s+reading|story\s+continues\s+below|skip\s+ad|accept(?:\s+all)?|reject(?:\s+all)?|manage)"
)
_SOCIAL = frozenset(
    "facebook twitter x linkedin youtube instagram rss quora whatsapp telegram pinterest reddit tiktok email"
    " e-mail print flipboard bluesky mastodon snapchat vk weibo wechat threads copy".split()
)
_TICKER = re.compile(r"(?:breaking(?:\s+news)?|just\s+in|live|alert|developing)\s*[:|–—-]")
_BYLINE = re.compile(r"(?i:by|written\s+by|words\s+by|reported\s+by|story\s+by|text\s+by)\s+[^\W\d_]")
_NOTE = re.compile(r"\(?\s*(?:with\s+inputs?\s+from|(?:additional\s+)?reporting\s+by|editing\s+by"
                   r"|writing\s+by|compiled\s+by|sources?\s*:|via\s*:)")
_ROLE = re.compile(r"\b(?:news\s*desk|web\s*desk|staff\s+(?:writer|reporter)|correspondent|contributor"
                   r"|bureau|reporter|columnist|editor)\b")
_STAMP = re.compile(r"\b(?:updated|published|posted|created|modified|date|dated|last\s+updated)\b")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d+\s+(?:min(?:ute)?s?|hours?|days?)\s+ago\b")
_READ_TIME = re.compile(r"\b\d+\s*min(?:ute)?s?\s+read\b|\breading\s+time\b")
_DATE_WORDS = frozenset(
    "on at by | · - – — , : updated published posted created modified date dated last monday tuesday"
    " wednesday thursday friday saturday sunday mon tue wed thu fri sat sun gmt utc ist est edt cet cest"
    " bst pst pdt".split()
)
_TAGLINE = re.compile(r"^\S+(?: \S+){0,3} [—–|-] (?:(?:a|an|the|your|my|our)\b"
                      r"|.{0,30}\b(?:blog|magazine|newspaper|journal|newsletter)$)")
_MONTH_ABBR = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())
_NAME = re.compile(r"[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){1,3}")


class _Unit:
    """One non-blank line (or paragraph) and the features the rules look at."""

    __slots__ = ("start", "end", "core", "low", "norm", "words", "ends", "prose", "short", "bullet", "base")

    def __init__(self, text: str, start: int, end: int):
        self.start, self.end = start, end
        raw = text[start:end]
        self.core = (_MARKERS.sub("", raw) or raw) if raw[0] in _MARKER_CHARS else raw
        self.low = self.core.lower()
        parts = self.low.split()
        self.norm = " ".join(parts)
        self.words = len(parts)
        self.ends = self.core.rstrip(_TAIL_PUNCT).endswith((".", "!", "?", "…"))
        self.prose = (self.ends and self.words >= 6) or self.words >= 30
        self.short = self.words <= 12 or (not self.ends and self.words <= 20)
        self.bullet = (raw[0] in _MARKER_CHARS or raw[0].isdigit()) and bool(_BULLET.match(raw))
        self.base = _base(self)


def _is_date_line(u: _Unit) -> bool:
    """A byline-ish line made of a date or time, or a stamp such as "Updated: <date>"."""
    if u.words > 30 or not _DIGIT.search(u.core):
        return False
    stamped = _STAMP.search(u.low)
    if not stamped and u.words > 16:
        return False
    if not (DATE.search(u.core) or _TIME.search(u.core)):
        return bool(_READ_TIME.search(u.low))
    if stamped:
        return True
    rest = _ROLE.sub(" ", _READ_TIME.sub(" ", _TIME.sub(" ", DATE.sub(" ", u.low))))
    return sum(1 for w in rest.split() if not _date_word(w.strip(".,|·()"))) <= 3


def _date_word(w: str) -> bool:
    return w in _DATE_WORDS or w[:3] in _MONTH_ABBR or (w.isdigit() and int(w) <= 31)


def _base(u: _Unit) -> str:
    """The kind a line has on its own; `trailer` and `ticker` are resolved by position."""
    low = u.norm
    if not _LETTER.search(low):
        return "meta" if _is_date_line(u) else "junk"
    if u.words <= 80 and "cookie" in low and _COOKIE.search(low):
        return "junk"
    if u.words <= 60 and _CAPTION.match(low):
        return "junk"
    if u.words <= 25 and ("©" in low or "(c)" in low or "right" in low) and _COPYRIGHT.search(low):
        return "junk"
    if u.short:
        bare = low.strip(" :»>→|.")
        if _TRAILER.fullmatch(bare):
            return "trailer"
        if _INLINE_TEASER.match(low):
            return "junk"
        if low[0] in "[(" and low.rstrip(".")[-1] in "])":
            return "junk" if _JUNK_LABEL.fullmatch(low.strip("[]() .")) else "meta"
    if u.words <= 12 and _BYLINE.match(u.core):
        return "meta"
    if u.words <= 25 and _NOTE.match(low):
        return "meta"
    if _is_date_line(u):
        return "meta"
    if u.words <= 8 and _ROLE.search(low) and not _DIGIT.search(low):
        return "meta"
    if u.words <= 3 and low.endswith(":"):
        return "meta"
    if u.short:
        tokens = [w.strip(".,:;|·!?()[]\"'") for w in low.split()]
        if (not _TRIGGERS.isdisjoint(tokens) and _FURNITURE.search(low)) or _MARK.search(low) \
                or low.endswith(_IMAGE_FILE) or low.count(" > ") >= 2 \
                or ("  " in u.low and _SPACED_MENU.match(u.low)) or _JUNK_LABEL.fullmatch(low.strip(" .:!»>|")):
            return "junk"
        social = sum(1 for w in tokens if w in _SOCIAL)
        if social >= 2 and social * 2 >= len(tokens):
            return "junk"
        if low.startswith("|"):
            return "junk"
        if "|" in low or "•" in low or "·" in low or "▸" in low:
            items = _LIST_SEP.split(low)
            if len(items) >= 3 and all(len(p.split()) <= 4 for p in items):
                return "junk"
        if _TICKER.match(low):
            return "ticker"
    return "body"


_DATE_PREFIX = re.compile(
    r"(?:(?:date|dated|updated|published|posted)\s*:?\s*)?(?:" + DATE.pattern + r")\s*(?:[-–—|:,]\s*)?(?=\S)",
    re.IGNORECASE)
"""A date stamp opening a line that goes on with the article: " date 2020-08-04 Lebanon's health minister said ..."."""
_CONTINUES = re.compile(r"[^.!?:;\"”’')\]»…|]\s*$")
_HEDGE_END = re.compile(r"(?:\b(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|as\s+many\s+as"
                        r"|fewer\s+than|less\s+than|least|than|of|to|the|a|an|at|in|on|for|from|with|by|and|or|but"
                        r"|that|which|who|whose|its|their|his|her)|,)\s*$", re.IGNORECASE)
"""A line that stops on a word that cannot end a sentence (a hedge, a preposition, an article)."""


def _units(text: str, start: int) -> list[_Unit]:
    spans = []
    for m in _LINE.finditer(text, start):
        s = m.group()
        stripped = s.strip()
        if stripped:
            a = m.start() + len(s) - len(s.lstrip())
            b = a + len(stripped)
            stamp = _DATE_PREFIX.match(text, a, b)
            if stamp and len(text[stamp.end():b].split()) >= 4:
                spans.append((a, a + len(text[a:stamp.end()].rstrip(" -–—|:,"))))
                a = stamp.end()
            spans.append((a, b))
    spans = _rejoin(text, spans)
    if _hard_wrapped(spans):
        merged: list[tuple[int, int]] = []
        for a, b in spans:
            if merged and text.count("\n", merged[-1][1], a) == 1:
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        spans = merged
    return [_Unit(text, a, b) for a, b in spans]


def _rejoin(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Puts back together a sentence that a page broke over a blank line: a line that stops
    without punctuation and a next line that goes on in lower case ("the toll at" / "the airport
    in Kabul ..."), or a hedge left on a line of its own before its number ("At least" / "131
    people died")."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out:
            pa, pb = out[-1]
            prev, first = text[pa:pb], text[a:a + 1]
            if 2 <= text[pb:a].count("\n") <= 3 and _CONTINUES.search(prev) and _HEDGE_END.search(prev) and (
                    first.islower() and len(prev.split()) >= 4 and not _title_case(prev)
                    and not _BYLINE.match(text, a) or first.isdigit()):
                out[-1] = (pa, b)
                continue
        out.append((a, b))
    return out


def _title_case(line: str) -> bool:
    """Most words capitalised, as headlines and menus are."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) * 2 > len(words)


def _hard_wrapped(spans: list[tuple[int, int]]) -> bool:
    """Whether the lines look wrapped at a fixed width, so paragraphs, not lines, are the units."""
    if len(spans) < 6:
        return False
    lengths = [b - a for a, b in spans]
    widest = max(lengths)
    if not 50 <= widest <= 100:
        return False
    return sum(1 for n in lengths if n >= 0.6 * widest) * 2 >= len(lengths)


def _headline_shaped(u: _Unit, least: int = 3) -> bool:
    if u.bullet or not least <= u.words <= 25 or u.core.rstrip(_TAIL_PUNCT).endswith((".", ",", ";", ":")):
        return False
    first = next((c for c in u.core if c.isalnum()), "")
    return (first.isupper() or first.isdigit()) and sum(1 for w in u.norm.split() if w[0].isalpha()) >= least


def _contains_headline(norm: str, head: str) -> bool:
    """Whether a line is the headline, or the headline behind a breadcrumb or before a site name."""
    if norm == head:
        return True
    if norm.endswith(head):
        return not norm[-len(head) - 1].isalnum()
    if norm.startswith(head):
        return norm[len(head):].lstrip()[:1] in ("-", "|", "–", "—", ":", "·")
    return False


def _choose_headline(units: list[_Unit], top: int) -> str | None:
    """The headline among the lines above the first paragraph.

    In turn: a Markdown `# ` heading; a line that another line repeats behind a breadcrumb;
    the first line of five words or more followed (within two lines) by a byline or date;
    the first such line at all. Tickers ("BREAKING: ...") and masthead taglines come last.
    """
    region = units[:min(top, 40)]
    # a two-word line counts only as the very first line ("Convoy ambushed"), never as a label later
    shaped = [i for i, u in enumerate(region)
              if u.base in ("body", "ticker", "junk") and _headline_shaped(u, 2 if i == 0 else 3)]
    candidates = [i for i in shaped if units[i].base != "junk" and not _TAGLINE.search(units[i].norm)]
    if not candidates:
        return None
    for i in candidates:
        if units[i].core.startswith("# "):
            return units[i].norm.lstrip("# ")
    for i in candidates:
        head = units[i].norm
        if any(j != i and _contains_headline(region[j].norm, head) for j in shaped):
            return head
    plain = [i for i in candidates if units[i].base != "ticker"]
    long = [i for i in plain if units[i].words >= 5]
    for i in long:
        following = [u for u in units[i + 1:i + 6] if u.base not in ("junk", "trailer")][:2]
        if any(u.base == "meta" for u in following):
            return units[i].norm
    return units[(long or plain or candidates)[0]].norm


def classify(text: str, *, start: int = 0, junk: Sequence[tuple[int, int]] = (),
             title: str | None = None) -> tuple[Block, ...]:
    """Splits `text[start:]` into blocks of kind `title`, `body`, `meta` or `junk`.

    Args:
        text: the readable text (a file's text, or the plain text of an HTML page).
        start: where the page starts (after front matter, which the caller marks itself).
        junk: spans of `text` already known to be furniture (HTML `<nav>`, `<footer>`...).
        title: the headline when the markup says it (HTML `<h1>`); otherwise it is inferred.
    """
    units = _units(text, start)
    if not units:
        return ()
    forced = _forced_junk(units, sorted(junk))
    first_prose = next((i for i, u in enumerate(units) if u.prose and u.base == "body"), len(units))
    _mark_authors(units, first_prose)
    head = " ".join(title.lower().split()) if title else None
    if not head or not any(_contains_headline(u.norm, head) for u in units):
        head = _choose_headline(units, first_prose)

    kinds: list[str] = []
    trailing = False  # inside a "Related"/"TRENDING" list
    for i, u in enumerate(units):
        if trailing:
            if all(v.base == "body" and v.ends and v.words >= 25 for v in units[i:i + 2]) and i + 1 < len(units):
                trailing = False
            else:
                kinds.append("junk")
                continue
        if head and u.words <= len(head.split()) + 12 and _contains_headline(u.norm, head):
            kinds.append("title")
        elif forced[i]:
            kinds.append("junk")
        else:
            kinds.append({"trailer": "junk", "ticker": "body"}.get(u.base, u.base))
            trailing = u.base == "trailer" and i > first_prose

    heads = [i for i, k in enumerate(kinds) if k == "title"]
    if heads:  # above the headline: section labels, mastheads, tickers
        for i in range(max([i for i in heads if i < first_prose] or heads[:1])):
            u = units[i]
            if kinds[i] == "body" and (u.words <= 4 or u.base == "ticker" or _TAGLINE.search(u.norm)):
                kinds[i] = "junk"
    last = max((i for i, k in enumerate(kinds) if k == "body" and units[i].prose), default=None)
    if last is not None:  # headline-like lines after the last paragraph introduce nothing
        for i in range(last + 1, len(units)):
            if kinds[i] == "body" and not units[i].prose and not _cut_off(units[i]):
                kinds[i] = "junk"
    _mark_labels(units, kinds)
    return tuple(Block(u.start, u.end, k) for u, k in zip(units, kinds, strict=True))


def _cut_off(u: _Unit) -> bool:
    """A paragraph the page (or the excerpt) cut off mid-sentence: long, in sentence case, with
    no final stop ("The attacks began at about 8:45 a.m. Sunday, when coordinated blasts st")."""
    return u.words >= 10 and not u.ends and not _title_case(u.core) and not u.bullet


def _forced_junk(units: list[_Unit], spans: list[tuple[int, int]]) -> list[bool]:
    out, k = [], 0
    for u in units:
        while k < len(spans) and spans[k][1] <= u.start:
            k += 1
        out.append(k < len(spans) and spans[k][0] <= u.start)
    return out


def _mark_authors(units: list[_Unit], top: int) -> None:
    """A bare name next to a date line above the first paragraph is the author."""
    for i in range(min(top, len(units))):
        u = units[i]
        if u.base != "body" or u.words > 4 or not _NAME.fullmatch(u.core) or not u.core[0].isupper():
            continue
        near = [units[j] for j in (i - 1, i + 1) if 0 <= j < len(units)]
        if any(n.base == "meta" and _is_date_line(n) for n in near):
            u.base = "meta"


def _mark_labels(units: list[_Unit], kinds: list[str]) -> None:
    """The short value under a "Country:"-style label is metadata too."""
    for i in range(1, len(units)):
        label = units[i - 1]
        if kinds[i - 1] == "meta" and label.words <= 3 and label.low.endswith(":") \
                and kinds[i] == "body" and units[i].words <= 2 and not units[i].ends:
            kinds[i] = "meta"
