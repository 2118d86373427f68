"""What an article says about an event besides its tolls: who attacked, who the dead were, what
was hit, and what someone denies. Each is a `Found` description: a slot, a normalised value, the
phrase that says it (its span in the text), the claimant and the article frame (its event).

Reports disagree about these as much as about figures (Mali 2024: "Wagner mercenaries" against
the government's "military trainers"; Moura 2022: "203 terrorists" against "some 300 civilians"),
so they are read the way figures are: per sentence, with the sentence's claimant and frame. Every
rule below is a pattern of news language, shown with examples from two events. The vocabulary is
in `labels`; which descriptions disagree is `disagreements`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import attribution, labels
from .extract import Extraction, Mention
from .frames import SentenceFrames, frame_at
from .words import has_any, keys, words
from ..calendar_names import MONTHS, WEEKDAYS

PERPETRATOR, VICTIMS, TARGET, DENIAL = "perpetrator", "victims", "target", "denial"
SLOTS = (PERPETRATOR, VICTIMS, TARGET, DENIAL)


@dataclass(frozen=True)
class Found:
    """One description as read from its sentence, before the corpus names its event."""

    slot: str
    value: str
    start: int
    """Offsets into the readable text (`Source.readable`); `read` maps them to `Source.text`."""
    end: int
    claimant: str | None
    frame: int
    sentence_index: int
    denies: str | None = None
    """For a denial: the value denied."""
    alleged: bool = False
    """For a denial: the sentence names the allegation it answers ("denied allegations of ...")."""
    claim: bool = False
    """For a perpetrator: the group claims the attack itself (a claim of responsibility)."""


def _words_re(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_VICTIM = re.compile(rf"\b(?:{_words_re(labels.VICTIM_LABELS)})\b", re.I)
_SETTING = re.compile(rf"\b(?:{_words_re(labels.SETTINGS)})\b", re.I)
_GAP = r"(?:[\w'’-]+\s+){0,3}?"

# --- victims --------------------------------------------------------------------------------
_VICTIM_CUES = re.compile(
    rf"\b(?:attacks?|ambush(?:ed)?|assault|raid|strike|fire|firing)\s+(?:on|against)\s+(?:the\s+|an?\s+)?{_GAP}(?={_VICTIM.pattern})"
    rf"|\bconvoy\s+of\s+(?:the\s+)?{_GAP}(?={_VICTIM.pattern})"
    rf"|\b(?:killed|killing|kills|executed|executing|massacred|massacring|slaughtered|shot|targeted|targeting)\s+"
    rf"(?:(?:at\s+least|more\s+than|over|some|about|around|nearly|dozens\s+of|hundreds\s+of|scores\s+of)\s+)?{_GAP}(?={_VICTIM.pattern})"
    rf"|\b(?:described|identified|labell?ed|branded|presented)\s+as\s+{_GAP}(?={_VICTIM.pattern})"
    rf"|\bdeaths?\s+of\s+{_GAP}(?={_VICTIM.pattern})"
    rf"|\b(?:the\s+dead|the\s+victims|those\s+killed)\s+(?:were|are|included|include)\s+(?:mostly\s+|mainly\s+|all\s+)?{_GAP}(?={_VICTIM.pattern})",
    re.I)
"""Words that make the label after them the people attacked or counted: "an attack on Russian
soldiers" (Mali 2024), "opening fire on civilians" (Moura 2022); "a convoy of Wagner Group
mercenaries" (Mali), "executed some 300 civilians" (Moura), "killed 13 U.S. service members"
(Kabul 2021); "officially described as military trainers" (Mali), "the deaths of more than 200
jihadists" (Moura). A label before an active verb ("jihadists killed 20") is the attacker's, so
only these cues, and a figure's own group, make a victim."""
_VICTIM_CUE_WORDS = keys("attack attacks ambush ambushed assault raid strike fire firing convoy killed killing kills "
                         "executed executing massacred massacring slaughtered shot targeted targeting described "
                         "identified labelled labeled branded presented death deaths dead victims")
_OFFICIALLY = re.compile(r"\b(?:officially|formally)\s+$", re.I)
"""'officially described as military trainers' (Mali 2024), 'formally designated as terrorists':
the authorities' label, whoever prints it."""
_COUNTED = ("killed", "injured", "missing", "captured", "casualties", "affected")

# --- target and setting ---------------------------------------------------------------------
_ATTACK = (r"ambush(?:ed)?|attack(?:ed|s)?|assault(?:ed)?|raid(?:ed)?|strike|struck|bombing|blasts?|explosions?|"
           r"shooting|stormed|overran|hit|targeted|fire")
_TARGET_CUES = re.compile(
    rf"\b(?:{_ATTACK})\s+(?:on|at|near|against|inside|outside|of|in)?\s*(?:an?|the|their|its|a\s+\w+)?\s*{_GAP}(?P<t>{_SETTING.pattern})"
    rf"|\b(?P<t2>{_SETTING.pattern})\s+(?:ambush|attack|bombing|blast|raid|assault)\b"
    rf"|\b(?:travell?ing|moving|riding|driving)\s+in\s+(?:an?|the|their)\s+{_GAP}(?P<t3>{_SETTING.pattern})"
    rf"|\b(?:guarding|manning|stationed\s+at|at|inside)\s+(?:an?|the|their)\s+(?:\w+\s+){{0,2}}?(?P<t4>{_SETTING.pattern})",
    re.I)
"""Where people were attacked: "the ambush on a convoy" (Mali 2024), "a massive explosion at the
port" (Beirut 2020); "a convoy ambush" (Mali), "Beirut port blast" (Beirut); "traveling in a
convoy" (Mali), "travelling in a patrol" (Barsalogho-style wording); "several personnel at a
checkpoint", "guarding a checkpoint" (Mali), "at a religious event"-like settings (Hathras). The
bare "at a/the" cue counts only in a sentence about the attack or its dead."""
_TARGET_CUE_WORDS = keys("ambush ambushed attack attacked attacks assault assaulted raid raided strike struck bombing "
                         "blast blasts explosion explosions shooting stormed overran hit targeted fire",
                         "travelling traveling moving riding driving guarding manning stationed at inside")
_EVENTFUL = keys("killed killing dead death deaths died loss lost casualties attack attacked ambush ambushed "
                 "wounded injured explosion blast bombing shooting fire")

# --- perpetrator ----------------------------------------------------------------------------
_GROUP_NAMES = labels.alias_table(labels.GROUP_ALIASES)
_ACRONYM = r"[A-Z]{2,6}(?:-[A-Z]{1,4})?"
_CAPITAL_NAMES = [n for g in labels.GROUP_ALIASES for n in g if n.isupper() or len(n) <= 4]
"""Names read case-sensitively: an acronym ("IS", "TTP") is also a word ("is") in lower case."""
_GROUP = re.compile(rf"(?-i:(?:[A-Z][\w'’-]+\s+)?)\b(?:{_words_re(labels.GENERIC_ATTACKERS - {'men', 'group', 'groups', 'fighters'})}"
                    rf"|{_words_re(labels.ATTACKER_KINDS)})\b"
                    rf"|(?<![\w'’-])(?:{_words_re(set(_GROUP_NAMES) - {n.casefold() for n in _CAPITAL_NAMES})}"
                    rf"|(?-i:{_words_re(_CAPITAL_NAMES)}|{_ACRONYM}))(?![\w'’-])"
                    rf"|\b(?:suicide\s+bombers?|armed\s+men)\b", re.I)
"""A named group (a known name, an acronym) or a generic word for attackers."""
_NOT_QUALIFIERS = frozenset(w.casefold() for w in (*MONTHS, *WEEKDAYS, "Later", "Then", "Yesterday", "Today",
                                                   "When", "After", "Before", "Where", "While", "As", "If"))
_SENTENCE_WORDS = frozenset("The A An Some Many Several Armed Unknown Suspected Masked Other Two Three Four".split())
_NOT_GROUPS = frozenset("AP AFP BBC CNN UN US USA UK EU AU VOA TASS SITE PTI RFI TV HRW NGO NGOS AM PM GMT UTC "
                        "FIR CEO".split())
_CLAIM = re.compile(r"\b(?:has\s+|have\s+|had\s+)?(?:claimed|claims|claiming|claim)\s+(?:responsibility|credit)\b"
                    r"|\b(?:claimed|claims|claiming)\s+(?:the|that\s+it\s+carried\s+out\s+the)\s+(?:\w+\s+)?"
                    r"(?:attack|ambush|assault|bombing|raid|killings?)\b"
                    r"|\b(?:claims|claimed|claiming|announced|said)\s+(?:to\s+have|that\s+it\s+(?:had\s+)?)\s*killed\b", re.I)
"""A claim of responsibility: the group before it claims the attack. "known as JNIM, claimed
responsibility for the ambush" (Mali 2024), "Islamic State (ISIS) claimed responsibility" (Sri
Lanka 2019), "An Al Qaeda affiliate claims to have killed 50" (Mali, July), "Terrorist outfit
ISIS-K claimed responsibility" (Kabul 2021)."""
_CLAIMED_BY = re.compile(r"\b(?:claimed|carried\s+out|perpetrated|committed|staged|launched|conducted|orchestrated|"
                         r"attacked|ambushed|targeted|killed|executed|hit|struck|attacks?|ambush|assault|raid|"
                         r"massacre|killings)\s+(?:\w+\s+){0,2}?by\s+(?:the\s+|an?\s+)?", re.I)
"""An attack 'by' someone: "the attack claimed by the JNIM" (Barsalogho 2024), "claimed by al
Qaeda's regional affiliate" (Mali 2024), "carried out by suicide bombers" (Sri Lanka 2019),
"attacked by Tuareg rebels (CSP)" (Mali, July), "killed by Malian troops" (Moura 2022)."""
_BLAME = re.compile(r"\b(?:blamed|blames|blaming|attributed|attributes|attributing|accused|accuses|accusing)\s+"
                    r"(?:(?:the|this|Thursday['’]s|\w+day['’]s)\s+(?:\w+\s+)?(?:attack|ambush|bombing|blasts?|"
                    r"massacre|killings?|violence)\s+(?:on|to)\s+|it\s+on\s+|on\s+)?(?:the\s+|an?\s+)?", re.I)
"""Blame: "blamed the attack on Boko Haram" (Chibok-style wording), "attributed the attack to
JNIM" (Sahel reports), "he blamed 'anti-social elements'" (Hathras 2024)."""
_GROUP_ATTACK = re.compile(rf"\b(?:an?|the)\s+(?P<g>(?i:{_words_re(_GROUP_NAMES)})|[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?)(?:-(?:linked|led))?\s+"
                           r"(?:attack|ambush|assault|raid|bombing|offensive)\s+on\b")
"""A group's attack named by the group: "an al-Qaida attack on their convoy" (Mali, July), "the
Islamic State attack" (Kabul 2021)."""
_GROUP_ACTS = re.compile(r"\s+(?:have\s+|had\s+)?(?:attacked|attack|stormed|storm|raided|raid|abducted|abduct|kidnapped|kidnap|"
                         r"ambushed|struck|opened\s+fire)\b")
"""A group as the subject of the attack: "after bandits attack Katsina boarding school" (Kankara
2020), "gunmen stormed the outskirts of Barsalogho" (Barsalogho 2024), "Suicide bombers struck
the crowded gates" (Kabul 2021)."""
_RESPONSIBLE = re.compile(r"(?:the\s+)?(?P<who>organi[sz]ers|management|operators|owners|authorities|contractors)\b"
                          r"|[\"“](?P<quoted>[^\"”]{3,40})[\"”]", re.I)
"""Whom a source blames for a disaster: "The FIR accuses the organisers" (Hathras 2024), "he blamed
'anti-social elements'" (Hathras), "blamed the owners" (fire and collapse reports)."""
_CHARGED = re.compile(r"\b(?:case|FIR|complaint|charges?|lawsuit)\s+(?:\w+\s+){0,3}?(?:registered|filed|lodged|brought)\s+"
                      r"against\s+", re.I)
"""Charges name whom a source holds responsible: "an FIR would be registered against the
organisers" (Hathras 2024), "a case was filed against the owners" (fire reports)."""
_PRONOUNS = frozenset("he she they it we".split())
_HELPER = re.compile(r"\b(?:helped|assisted|aided|supported|provided|gave|passed)\b", re.I)
_PERP_WORDS = keys("claimed claims claiming claim by blamed blames blaming attributed attributes attributing "
                   "accused accuses accusing attack ambush assault raid bombing offensive attacked stormed storm "
                   "raided abducted abduct kidnapped kidnap ambushed struck opened against")

# --- denials --------------------------------------------------------------------------------
_DENY = r"denied|denies|deny|denying|rejected|rejects|rejecting|refuted|refutes|dismissed|dismisses"
_ALLEGATION = re.compile(
    rf"\b(?P<verb>{_DENY})\s+(?:the\s+|any\s+|all\s+|these\s+|such\s+)?(?:(?:\w+['’]s|the\s+\w+['’]s)\s+)?"
    r"(?P<noun>allegations?|accusations?|claims?|reports?|charges?|suggestions?|findings|involvement|responsibility)"
    r"(?:\s+(?:of|that|about)\s+(?P<what>[^.;,]{1,80}))?", re.I)
"""A denial of an allegation: "denied allegations of deploying mercenaries" (Mali 2024), "Kyiv
denied any involvement" (Crocus 2024), "rejected the report's findings" (Moura 2022), "it
rejects the accusations of forced labour" (Barsalogho 2024). "denied the UN's requests to access
the village" is a refusal, not a denial: requests are not allegations."""
_NOT_LABEL = re.compile(rf"\b(?P<own>{_VICTIM.pattern}),?\s+(?:and\s+)?not\s+(?:\w+\s+){{0,2}}?(?P<other>{_VICTIM.pattern})"
                        rf"|\bnot\s+(?:\w+\s+){{0,2}}?(?P<other2>{_VICTIM.pattern}),?\s+but\s+(?:\w+\s+){{0,2}}?(?P<own2>{_VICTIM.pattern})",
                        re.I)
"""One label set against another: "trainers, not Wagner mercenaries" (Mali 2024), "militiamen,
not civilians" (Barsalogho 2024), "not civilians but terrorists"."""
_INSIST = re.compile(rf"\b(?:insisted|insists|insisting|maintained|maintains|maintaining)\s+that\s+[^.;]{{0,80}}?"
                     rf"\b(?:are|were|was|is)\s+(?:all\s+|only\s+|merely\s+)?{_GAP}(?P<own>{_VICTIM.pattern})", re.I)
"""An insistence on a label: "insisting that the Russians are trainers" (Mali 2024), "The group
insisted that those it targeted were militia members" (Barsalogho 2024)."""
_NO_VICTIM = re.compile(rf"\bno\s+(?P<other>{_VICTIM.pattern})\b[^.;]{{0,40}}?\b(?:lost\s+(?:their|his|her)\s+li(?:fe|ves)|"
                        r"was\s+killed|were\s+killed|died|was\s+harmed|were\s+harmed)", re.I)
"""A flat denial of a label: "No civilian from Moura lost their life" (Moura 2022), "no civilians
were killed" (army statements after strikes)."""
_THIS_DENIED = re.compile(
    r"\b(?:reports?|claims?|accounts?|rumou?rs?)\s+(?:\w+\s+){0,2}?(?:suggested|said|indicated|claimed|stated|spoke\s+of)\s+"
    r"(?:that\s+)?(?P<what>[^;]{5,200}?),\s+(?:but\s+)?(?P<who>(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)\s+"
    rf"(?P<verb>{_DENY})\s+(?:this|that|it|them|the\s+reports?|the\s+claims?)\b", re.I)
"""A denial of what the sentence has just reported: "initial reports suggested that there was a
second explosion near the Baron Hotel ..., the Pentagon refuted this" (Kabul 2021); "early
reports said the gunmen had escaped, but police denied it" (siege reports)."""
_DISTANCED = re.compile(r"\b(?:distanced|distances|distancing|dissociated|disassociated)\s+(?P<who>itself|themselves|"
                        r"(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})(?:\s+from\s+(?:the\s+)?"
                        r"(?:attack|bombing|blast|ambush|killings?|massacre|abduction))?", re.I)
"""A group taking back a claim: "the group's main spokesman later distanced the TTP from the
attack", "The Tehreek-e-Taliban Pakistan initially claimed the attack but later distanced itself"
(Peshawar 2023); "the movement dissociated itself from the killings" (insurgency reports)."""
_FALSE_ABOUT = re.compile(r"[\"“]?(?:fake\s+news|false\s+(?:reports?|claims?|information)|misinformation|lies)[\"”]?\s+"
                          r"(?:about|of|over)\s+(?:an?\s+|the\s+)?(?P<what>[\w'’-]+)(?P<rest>[^,;.]{0,60})", re.I)
"""Something called false by name: "accused the KNCHR of spreading 'fake news' about a massacre
in the Nairobi suburb of Githurai" (Kenya 2024), "false reports of a second blast" (bombings)."""
_NEVER_SAID = re.compile(rf"\b(?:{_DENY})\s+(?:ever\s+|having\s+)?(?:issuing|issued|making|made|releasing|released|"
                         r"publishing|published|giving|given)\s+(?:an?\s+|any\s+|the\s+)?(?P<what>statement|report|"
                         r"figure|toll|claim|order)s?(?:\s+(?:on|about|of)\s+(?P<about>[A-Z][\w'’-]+))?", re.I)
"""A source denying it said what it is quoted as saying: "The KNCHR denied ever issuing a
statement on Githurai" (Kenya 2024); "the ministry denied releasing any toll" (disaster
coverage)."""
_INSIST_NO = re.compile(r"\b(?:insist|insists|insisted|insisting|maintain|maintains|maintained)\s+(?:that\s+)?no\s+"
                        r"(?P<what>[\w'’-]+)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?P<done>[\w'’-]+)", re.I)
"""An insistence that something did not happen: "the governors insist no ransom was paid"
(Kankara 2020), "officials maintained that no shots were fired" (crackdown reports)."""
_NAMED_PLACE = re.compile(r"(?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+")
_DENY_WORDS = keys(_DENY, "not insisted insists insisting maintained maintains maintaining no distanced distances "
                   "distancing dissociated disassociated fake false misinformation lies")


def read(ex: Extraction, frames: SentenceFrames) -> tuple[tuple[Found, ...], tuple[tuple[str, str], ...]]:
    """Every description of one article, in text order (offsets into `Source.readable`), and the
    names the article gives one group (`labels.APPOSITION`, `labels.REBRAND`)."""
    out: list[Found] = []
    aliases: list[tuple[str, str]] = []
    by_sentence: dict[int, list[Mention]] = {}
    for m in ex.mentions:
        by_sentence.setdefault(m.sentence_index, []).append(m)
    sents = ex.sentences
    spoken = [i for i, x in enumerate(sents) if not attribution.SPEAKING.isdisjoint(words(x.text))]
    named: dict[int, str | None] = {}

    def speakers(upto: int) -> list[str]:
        """The speakers named before sentence `upto`, last 40 (read only when a reference needs them)."""
        found: list[str] = []
        for j in spoken[::-1]:
            if j >= upto:
                continue
            if j not in named:
                named[j] = attribution.speaker_of(sents[j].text)
            speaker = named[j]
            if speaker:
                found.append(speaker)
                if len(found) == 40:
                    break
        return found[::-1]

    for i, sent in enumerate(sents):
        s = sent.text
        cached: list = []

        def claimant(pos: int, s=s, cached=cached, i=i) -> str | None:
            if not cached:
                cached.append(attribution.cues(s))  # only for a sentence that describes something
            who = attribution.claimant_for(s, pos, cached[0])
            if who and attribution.is_reference(who):
                who = attribution.antecedent(who, speakers(i)) or who
            return who

        found: list[tuple[str, str, int, int, str | None, dict]] = []
        for m in by_sentence.get(i, ()):
            if m.measure in _COUNTED:
                a, b = m.number_start - sent.start, m.group_end - sent.start
                lab = _VICTIM.search(s, a, max(a, b))
                if lab:
                    found.append((VICTIMS, _victim(lab.group()), a, b, m.claimant, {}))
        if has_any(s, _VICTIM_CUE_WORDS):
            for cue in _VICTIM_CUES.finditer(s):
                lab = _VICTIM.match(s, cue.end())
                if lab:
                    officially = _OFFICIALLY.search(s, max(0, cue.start() - 12), cue.start())
                    found.append((VICTIMS, _victim(lab.group()), cue.start(), lab.end(),
                                  "officials" if officially else claimant(cue.start()), {}))
        if has_any(s, _TARGET_CUE_WORDS):
            eventful = has_any(s, _EVENTFUL)
            for cue in _TARGET_CUES.finditer(s):
                name = next(n for n in ("t", "t2", "t3", "t4") if cue.group(n))
                if name == "t4" and not eventful:
                    continue
                label = labels.SETTINGS[" ".join(cue.group(name).lower().split())]
                found.append((TARGET, label.value, cue.start(), cue.end(), claimant(cue.start()), {}))
        if has_any(s, _PERP_WORDS):
            found.extend(_perpetrators(s, claimant))
        if has_any(s, _DENY_WORDS):
            found.extend(_denials(s, claimant))
        if "(" in s or "known as" in s:
            for ap in labels.APPOSITION.finditer(s):
                name, acr = (ap.group("name"), ap.group("acr")) if ap.group("acr") else (ap.group("name2"), ap.group("acr2"))
                aliases.append((_strip_article(name), acr))
        if has_any(s, _REBRAND_WORDS):
            for r in labels.REBRAND.finditer(s):
                new_name = next(n for n in r.groups() if n)
                old_name = _last_group(s, 0, r.start()) or _VICTIM.search(s, 0, r.start())
                if old_name is not None:
                    old_value = group_value(old_name.group()) or _victim_or_none(old_name.group())
                    if old_value:
                        aliases.append((new_name, old_value))
        for slot, value, a, b, who, extra in found:
            if who and attribution.is_reference(who):
                who = attribution.antecedent(who, speakers(i)) or who
            out.append(Found(slot, value, sent.start + a, sent.start + b, who,
                             frame_at(frames, i, a), i, **extra))
    return tuple(_unique(out)), tuple(dict.fromkeys(aliases))


_REBRAND_WORDS = keys("rebranded renamed rebadged re-formed reorganised reorganized transitioned known operating")


def _strip_article(name: str) -> str:
    return re.sub(r"^(?:the|an?)\s+", "", name.strip(), flags=re.I)


def _victim_or_none(word: str) -> str | None:
    label = labels.VICTIM_LABELS.get(" ".join(word.lower().split()))
    return label.value if label else None


def _victim(word: str) -> str:
    return labels.VICTIM_LABELS[" ".join(word.lower().split())].value


def group_value(name: str) -> str | None:
    """A group's normalised name ("al-Qaida" -> "al-Qaeda"), a generic word as itself, or None."""
    bare = " ".join(name.split()).strip(" ,.;:\"“”'’")
    low = bare.casefold()
    if low in _GROUP_NAMES:
        return _GROUP_NAMES[low]
    if low in labels.ATTACKER_KINDS:
        return low
    head, _, last = bare.rpartition(" ")
    if head and head.casefold() in _NOT_QUALIFIERS:
        return group_value(last)
    if head and last.casefold() in labels.GENERIC_ATTACKERS and head[:1].isupper() and " " not in head:
        return bare if head not in _SENTENCE_WORDS else group_value(last)  # "Tuareg rebels", "Islamist militants"
    if low in labels.GENERIC_ATTACKERS or low in ("suicide bomber", "suicide bombers", "armed men"):
        return "suicide bombers" if low.startswith("suicide") else ("gunmen" if low == "armed men" else low)
    if re.fullmatch(_ACRONYM, bare) and bare not in _NOT_GROUPS:
        return bare
    return None


def _first_group(s: str, start: int, stop: int) -> re.Match | None:
    for g in _GROUP.finditer(s, start, stop):
        if group_value(g.group()):
            return g
    return None


def _last_group(s: str, start: int, stop: int) -> re.Match | None:
    last = None
    for g in _GROUP.finditer(s, start, stop):
        if group_value(g.group()):
            last = g
    return last


Hit = tuple[str, str, int, int, "str | None", dict]
"""(slot, value, start, end, claimant, extra Found fields), offsets into the sentence."""


def _parent_named(m: re.Match | None) -> str | None:
    """The parent group an `labels.AFFILIATE` match names, normalised."""
    parent = next((p for p in m.groups() if p), None) if m else None
    return group_value(parent) if parent else None


def _perpetrators(s: str, claimant) -> list[Hit]:
    out: list[Hit] = []
    for c in _CLAIM.finditer(s):
        g = _last_group(s, max(0, c.start() - 90), c.start())
        if g is None:
            aff = labels.AFFILIATE.search(s, max(0, c.start() - 90), c.start())
            value = _parent_named(aff)
            if aff and value:
                out.append((PERPETRATOR, value, aff.start(), c.end(), value, {"claim": True}))
            continue
        value = group_value(g.group())
        if value:
            out.append((PERPETRATOR, value, g.start(), c.end(), value, {"claim": True}))
    for c in _CLAIMED_BY.finditer(s):
        g = _first_group(s, c.end(), min(len(s), c.end() + 60))
        claimed = c.group().lower().startswith("claimed")
        value = group_value(g.group()) if g is not None and not s[c.end():g.start()].count(",") else None
        if g is not None and value:
            out.append((PERPETRATOR, value, c.start(), g.end(), value if claimed else claimant(c.start()),
                        {"claim": claimed}))
        elif claimed:
            aff = labels.AFFILIATE.match(s, c.end())
            value = _parent_named(aff)
            if aff and value:
                out.append((PERPETRATOR, value, c.start(), aff.end(), value, {"claim": True}))
    for c in _BLAME.finditer(s):
        g = _first_group(s, c.end(), min(len(s), c.end() + 40))
        value = group_value(g.group()) if g is not None and g.start() - c.end() < 25 else None
        if g is not None and value:
            out.append((PERPETRATOR, value, c.start(), g.end(), claimant(c.start()), {}))
    for g in _GROUP.finditer(s):
        act = _GROUP_ACTS.match(s, g.end())
        value = group_value(g.group()) if act else None
        if act and value:
            out.append((PERPETRATOR, value, g.start(), act.end(), claimant(g.start()), {}))
    for c in [*_BLAME.finditer(s), *_CHARGED.finditer(s)]:
        if _first_group(s, c.end(), min(len(s), c.end() + 40)) is not None:
            continue
        r = _RESPONSIBLE.match(s, c.end())
        if r:
            value = (r.group("who") or r.group("quoted")).lower().replace("organizers", "organisers")
            who = claimant(c.start()) or _subject(s, c.start(), pronouns=True)
            out.append((PERPETRATOR, value, c.start(), r.end(), who, {}))
    for c in _GROUP_ATTACK.finditer(s):
        value = group_value(c.group("g"))
        if value and value not in labels.GENERIC_ATTACKERS:
            out.append((PERPETRATOR, value, c.start(), c.end(), claimant(c.start()), {}))
    return [o for o in out if not _HELPER.search(s, max(0, o[2] - 40), o[2])]


def _denials(s: str, claimant) -> list[Hit]:
    out: list[Hit] = []
    for d in _ALLEGATION.finditer(s):
        what = d.group("what") or ""
        if re.match(r"\s*(?:more\s+than|over|at\s+least|about|nearly|some|only)?\s*\d", what):
            continue  # a figure denied ("dismissed reports of more than 20 deaths"): a numeric conflict's work
        lab = _VICTIM.search(what)
        if lab:
            denied = _victim(lab.group())
        elif d.group("noun").lower() == "involvement":
            subject = _subject(s, d.start())
            if not subject:
                continue
            denied = group_value(subject) or subject
        elif d.group("noun").lower() == "findings":
            denied = "findings"
        elif what:
            denied = " ".join(what.split()[:4])
        else:
            continue
        who = claimant(d.start()) or _subject(s, d.start()) or None
        out.append((DENIAL, f"not {denied}", d.start(), d.end(), who, {"denies": denied, "alleged": True}))
    for d in _THIS_DENIED.finditer(s):
        places = [p.group() for p in _NAMED_PLACE.finditer(d.group("what")) if len(p.group()) > 3]
        denied = places[-1] if places else " ".join(d.group("what").split()[:4])
        out.append((DENIAL, f"not {denied}", d.start(), d.end(), claimant(d.start("verb")) or d.group("who"),
                    {"denies": denied, "alleged": True}))
    for d in _INSIST_NO.finditer(s):
        what = f"{d.group('what').lower()} {d.group('done').lower()}"
        out.append((DENIAL, f"no {what}", d.start(), d.end(), claimant(d.start()) or _subject(s, d.start()),
                    {"denies": what, "alleged": True}))
    for d in _DISTANCED.finditer(s):
        who = d.group("who")
        group = _last_group(s, 0, d.start()) if who.lower() in ("itself", "themselves") else _first_group(s, d.start("who"), d.end("who"))
        value = group_value(group.group()) if group is not None else None
        if value and value.casefold() not in labels.GENERIC_ATTACKERS:
            out.append((DENIAL, f"not {value}", d.start(), d.end(), claimant(d.start()) or value,
                        {"denies": value, "alleged": True}))
    for d in _FALSE_ABOUT.finditer(s):
        where = re.findall(r"\b(?:in|at|near|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?([A-Z][\w'’-]+)", d.group("rest"))
        what = d.group("what") + (f" in {where[-1]}" if where else "")  # "a massacre in ... Githurai"
        out.append((DENIAL, f"not {what}", d.start(), d.end(), claimant(d.start()) or _subject(s, d.start()),
                    {"denies": what, "alleged": True}))
    for d in _NEVER_SAID.finditer(s):
        what = d.group("what").lower() + (f" on {d.group('about')}" if d.group("about") else "")
        out.append((DENIAL, f"no {what}", d.start(), d.end(), claimant(d.start()) or _subject(s, d.start()),
                    {"denies": what, "alleged": True}))
    for d in _NOT_LABEL.finditer(s):
        own, other = (d.group("own"), d.group("other")) if d.group("own") else (d.group("own2"), d.group("other2"))
        a, b = _victim(own), _victim(other)
        if a != b:
            out.append((DENIAL, a, d.start(), d.end(), claimant(d.start()), {"denies": b}))
            out.append((VICTIMS, a, d.start(), d.end(), claimant(d.start()), {}))
    for d in _INSIST.finditer(s):
        own = labels.VICTIM_LABELS[" ".join(d.group("own").lower().split())]
        opposite = _opposite(own)
        if opposite:
            out.append((DENIAL, own.value, d.start(), d.end(), claimant(d.start()) or _subject(s, d.start()),
                        {"denies": opposite}))
            out.append((VICTIMS, own.value, d.start(), d.end(), claimant(d.start()) or _subject(s, d.start()), {}))
    for d in _NO_VICTIM.finditer(s):
        other = _victim(d.group("other"))
        out.append((DENIAL, f"no {other}", d.start(), d.end(), claimant(d.start()), {"denies": other}))
    return out


def _opposite(label: labels.Label) -> str | None:
    """The first value on the other side of a label's axis: what insisting on it denies."""
    if label.axis is None:
        return None
    for other in labels.VICTIM_LABELS.values():
        if other.axis == label.axis and other.side != label.side:
            return other.value
    return None


_SUBJECT = re.compile(r"(?:^|[,;:(]\s*|\b(?:However|But|And|Meanwhile)\s+)(?P<s>(?:[\w'’.-]+\s+){0,6}?[\w'’.-]+)\s*"
                      r"(?:has\s+|have\s+|had\s+|\w+ly\s+)*$")


def _subject(s: str, verb_start: int, pronouns: bool = False) -> str | None:
    """The words naming who does the verb at `verb_start` ("Kyiv denied", "The Malian government
    rejected"), read back to the clause's start."""
    m = _SUBJECT.search(s[max(0, verb_start - 80):verb_start])
    if not m:
        return None
    who = m.group("s").strip()
    if pronouns and who.lower() in _PRONOUNS:
        return who.lower()
    return who if who and who[0].isupper() or who.lower().startswith("the ") else None


def _unique(found: list[Found]) -> list[Found]:
    """One description per (sentence, slot, value, denied value): overlapping rules agree."""
    seen: set[tuple] = set()
    out = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        key = (f.sentence_index, f.slot, f.value, f.denies)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out
