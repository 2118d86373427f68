"""Place names and demonyms: enough geography to tell two events apart and to name a host country.

"Algerian border", "border with Algeria" and "the Algeria-Mali border" must meet on one key, and
"Tinzaouaten" must meet "Tin-Zaouatine": keys drop case, hyphens and spaces, demonyms map to
their country, and the rest is left to fuzzy matching in `events.py`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .words import words

_DEMONYMS = """
afghan:afghanistan albanian:albania algerian:algeria american:united_states angolan:angola
argentine:argentina argentinian:argentina armenian:armenia australian:australia
austrian:austria azerbaijani:azerbaijan bahraini:bahrain bangladeshi:bangladesh
belarusian:belarus belgian:belgium beninese:benin bolivian:bolivia bosnian:bosnia
brazilian:brazil british:britain briton:britain bulgarian:bulgaria burkinabe:burkina_faso
burmese:myanmar burundian:burundi cambodian:cambodia cameroonian:cameroon canadian:canada
chadian:chad chilean:chile chinese:china colombian:colombia congolese:congo croatian:croatia
cuban:cuba czech:czechia danish:denmark dutch:netherlands ecuadorian:ecuador egyptian:egypt
emirati:uae eritrean:eritrea ethiopian:ethiopia filipino:philippines finnish:finland
french:france gabonese:gabon gambian:gambia georgian:georgia german:germany ghanaian:ghana
greek:greece guatemalan:guatemala guinean:guinea haitian:haiti honduran:honduras
hungarian:hungary indian:india indonesian:indonesia iranian:iran iraqi:iraq irish:ireland
israeli:israel italian:italy ivorian:ivory_coast jamaican:jamaica japanese:japan
jordanian:jordan kazakh:kazakhstan kenyan:kenya korean:korea kosovar:kosovo kurdish:kurdistan
kuwaiti:kuwait kyrgyz:kyrgyzstan lebanese:lebanon liberian:liberia libyan:libya
malagasy:madagascar malawian:malawi malaysian:malaysia malian:mali mauritanian:mauritania
mexican:mexico moldovan:moldova mongolian:mongolia moroccan:morocco mozambican:mozambique
namibian:namibia nepalese:nepal nepali:nepal nicaraguan:nicaragua nigerien:niger
nigerian:nigeria norwegian:norway omani:oman pakistani:pakistan palestinian:palestine
panamanian:panama paraguayan:paraguay peruvian:peru polish:poland portuguese:portugal
qatari:qatar romanian:romania russian:russia rwandan:rwanda saudi:saudi_arabia
senegalese:senegal serbian:serbia sierra_leonean:sierra_leone somali:somalia
south_african:south_africa spanish:spain sri_lankan:sri_lanka sudanese:sudan swedish:sweden
swiss:switzerland syrian:syria taiwanese:taiwan tajik:tajikistan tanzanian:tanzania thai:thailand
togolese:togo tunisian:tunisia turkish:turkey ugandan:uganda ukrainian:ukraine
uruguayan:uruguay uzbek:uzbekistan venezuelan:venezuela vietnamese:vietnam yemeni:yemen
zambian:zambia zimbabwean:zimbabwe tuareg:tuareg sahelian:sahel
"""
DEMONYM: dict[str, str] = {
    word.replace("_", " "): country.replace("_", " ")
    for word, country in (pair.split(":") for pair in _DEMONYMS.split())
}
COUNTRIES = set(DEMONYM.values()) | {"gaza", "west bank", "darfur", "sahel", "kashmir", "crimea",
                                      "donbas", "tigray", "balochistan", "punjab", "sinai"}

NOT_PLACES = {
    "the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "reuters", "afp", "ap",
    "bloomberg", "bbc", "cnn", "al", "jazeera", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "president", "minister", "general",
    "mr", "mrs", "ms", "dr", "god", "allah", "parliament", "congress", "twitter", "telegram",
    "facebook", "x", "state", "islamic", "english", "arabic", "french", "russian", "wagner",
    "government", "army", "police", "ministry", "group", "council", "un", "united nations",
    "qaeda", "qaida", "al-qaeda", "al-qaida", "isis", "islam",
}


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """A comparable key: lower case, no hyphens/spaces/apostrophes, demonyms as their country."""
    low = re.sub(r"['’]s$", "", name.strip().lower())
    low = DEMONYM.get(low, DEMONYM.get(low.rstrip("s"), low))
    return re.sub(r"[\s\-'’.]", "", low)


@lru_cache(maxsize=65536)
def country_of(word: str) -> str | None:
    """The country a demonym or country name refers to ('Malian' -> 'mali'), or None."""
    low = re.sub(r"['’]s$", "", word.strip().lower())
    if low in COUNTRIES:
        return low
    return DEMONYM.get(low) or DEMONYM.get(low.rstrip("s"))


_REGION_WORDS = (r"region|province|state|district|county|city|town|village|area|border|governorate|"
                 r"department|prefecture|municipality|valley|island|islands|commune|camp|neighbourhood|"
                 r"neighborhood|road|highway|market|mosque|church|school|base|checkpoint")
_NAME = r"[A-Z][\w'’\-]+(?:\s+(?:al-|el-)?[A-Z][\w'’\-]+){0,2}"
_SITE_WORDS = "port|airport|train|rail|railway|crowd|mall|stadium|school|mosque|church|bridge|dam|market|factory|warehouse"
_EVENT_WORDS = ("blast|blasts|explosion|explosions|bombing|bombings|attack|attacks|crash|crush|collision|stampede|"
                "floods|flood|earthquake|quake|massacre|shooting|siege|ambush|kidnapping|abduction|disaster")
_EVENT_WORD_SET = frozenset(_EVENT_WORDS.split("|"))
_DIRECTION = r"(?:northern|southern|eastern|western|central|north-eastern|northeastern|north-western|" \
             r"northwestern|south-eastern|southeastern|south-western|southwestern|north|south|east|west)"
_PLACE_PATTERNS = [
    re.compile(rf"\b(?:in|near|at|outside|around|across|to|from|of|towards|between)\s+(?:the\s+)?(?:{_DIRECTION}\s+)?(?P<name>{_NAME})"),
    re.compile(rf"(?P<name>{_NAME})\s+(?:{_REGION_WORDS})\b"),
    re.compile(rf"\bborder\s+(?:with|between)\s+(?P<name>{_NAME})"),
    re.compile(r"(?P<name>[A-Z][\w]+)-(?P<name2>[A-Z][\w]+)\s+border"),
    re.compile(r"^(?P<name>[A-Z][A-Z]+(?:\s+[A-Z][A-Z]+)?)\s*(?:,|\(|—|–|-)"),
    re.compile(rf"(?P<name>{_NAME})(?:['’]s)?\s+(?:(?:{_SITE_WORDS})\s+)?(?:{_EVENT_WORDS})\b"),
]
"""The last: a place named before the event it had ("this month's Beirut port blast", "the
Itaewon crowd crush", "the Balasore train collision"), as headlines and leads name events."""


_PREPOSITIONS = frozenset("in near at outside around across to from of towards between".split())
_BORDER_SIDES = frozenset("border territory soil side town city village region".split())
_REGIONS = frozenset(w for w in _REGION_WORDS.split("|"))
_DEMONYM_WORD = re.compile(r"\b[A-Z][a-z]+(?:ian|an|i|ese)\b")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=32768)
def find(sentence: str) -> frozenset[str]:
    """Place keys mentioned in a sentence (noisy: callers weight them by rarity). Each pattern
    runs only when the sentence holds a word it needs (a preposition, a region word, 'border')."""
    out: set[str] = set()
    present = words(sentence)
    for n, pattern in enumerate(_PLACE_PATTERNS):
        if n == 0 and _PREPOSITIONS.isdisjoint(present) or n == 1 and _REGIONS.isdisjoint(present) \
                or n in (2, 3) and "border" not in present or n == 5 and _EVENT_WORD_SET.isdisjoint(present):
            continue
        for m in pattern.finditer(sentence):
            for g in ("name", "name2"):
                name = m.groupdict().get(g)
                if not name:
                    continue
                kept = [w for w in _SPACES.split(re.sub(r"['’]s$", "", name)) if w.lower() not in NOT_PLACES]
                if not kept:
                    continue
                if all(w.isupper() and len(w) <= 5 for w in kept) and pattern is not _PLACE_PATTERNS[-1]:
                    continue  # JNIM, CSP: organisations, not places
                k = key(" ".join(kept))
                if len(k) >= 3:
                    out.add(k)
    if not _BORDER_SIDES.isdisjoint(present):
        for w in _DEMONYM_WORD.findall(sentence):
            c = country_of(w)
            if c and re.search(rf"\b{re.escape(w)}\s+(?:border|territory|soil|side|town|city|village|region)", sentence):
                out.add(key(c))
    return frozenset(out)
