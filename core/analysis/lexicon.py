"""The words crosscheck reads casualty reporting with: who is counted, what happened to them, who said so.

The tables below are the shipped vocabulary. The extractor never reads them directly: it is
handed a `Lexicon`, an immutable value built from them (`SHIPPED`), and a reviewer's extra words
(the `[measures]` section of the configuration) make a new value with `with_measure_words`, so
two analyses with different configurations can run at once in two threads or processes. Keeping
vocabulary here lets the extractor's rules read as grammar rather than word lists.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType

# Nouns for people, mapped to a role. The role decides which counts are about the same group.
_ROLE_OF_NOUN: dict[str, str] = {}


def _roles(role: str, words: str) -> None:
    for w in words.split():
        _ROLE_OF_NOUN[w.replace("_", " ")] = role


_roles("total", "people person persons individuals individual men man bodies body victims victim "
       "humans souls others martyrs corpses survivors")
_roles("relative", "relatives family_members kin")
_roles("civilian", "civilians civilian residents villagers inhabitants locals citizens townspeople "
       "passersby bystanders shoppers pedestrians commuters")
_roles("child", "children child kids minors infants babies boys girls toddlers schoolchildren "
       "teenagers teens youths")
_roles("woman", "women woman mothers")
# Pupils are the children of a school: "boys", "pupils" and "students" count one group
_roles("child", "students pupils schoolgirls schoolboys learners schooler schoolers")
_roles("worker", "workers miners labourers laborers employees staff engineers contractors_workers "
       "farmers herders fishermen traders vendors drivers truckers")
# Those aboard, inside or attending: in a sinking, a bombing at prayers or a crush at a concert
# they are the victims as a whole, so they count with "people".
_roles("total", "migrants refugees asylum-seekers passengers travellers travelers pilgrims "
       "worshippers worshipers congregants spectators fans concertgoers devotees")
_roles("tourist", "tourists guests visitors")
_roles("medic", "doctors nurses paramedics medics health_workers rescuers firefighters")
_roles("journalist", "journalists reporters")
_roles("aid", "aid_workers humanitarians volunteers")
_roles("police", "police policemen policewomen officers gendarmes constables cops policeman officer "
       "inspector inspectors")
_roles("soldier", "soldiers soldier troops servicemen servicemembers service_members "
       "guards sentries recruits conscripts paratroopers sailors airmen peacekeepers "
       "security_forces army_personnel military_personnel")
_roles("militant", "militants militant insurgents jihadists jihadis terrorists rebels gunmen "
       "attackers assailants bandits extremists guerrillas separatists raiders kidnappers bombers "
       "militiamen militia_members")
_roles("fighter", "fighters combatants mercenaries operatives commandos contractors members personnel")
_roles("detainee", "prisoners detainees inmates hostages captives protesters demonstrators "
       "rioters suspects traffickers smugglers executors perpetrators")
_roles("patient", "patients")
# Foreigners are a part of a toll whatever their nationality; a demonym ("Indian nationals",
# "Afghans") also names the country, which becomes their party.
_roles("foreigner", "foreigners foreigner foreign_nationals foreign_national nationals expatriates expats "
       "foreign_victims foreign_citizens")
_roles("woman", "female females")
_roles("man", "male males")
# A branch of the armed forces counted on its own ("11 Marines and a Navy medic") is a part of
# the troops killed, not the whole.
_roles("marine", "marines marine")

# Group nouns that say what happened when nothing else does: "82 bodies", "84 martyrs".
_HEAD_MEASURE = {"bodies": "killed", "corpses": "killed", "martyrs": "killed"}

# Words that count the dead or hurt without naming who: "84 dead", "20 fatalities".
_MEASURE_NOUNS = {
    "dead": "killed", "deaths": "killed", "death": "killed", "fatalities": "killed",
    "killed": "killed", "bodies": "killed", "corpses": "killed", "lives": "killed",
    "wounded": "injured", "injured": "injured", "injuries": "injured", "hurt": "injured",
    "missing": "missing", "hostages": "captured", "captives": "captured", "abducted": "captured",
    "kidnapped": "captured", "arrested": "arrested", "detained": "arrested", "arrests": "arrested",
    "displaced": "displaced", "casualties": "casualties", "losses": "casualties",
    "disappearances": "captured", "abductions": "captured", "kidnappings": "captured",
    "killings": "killed", "drownings": "killed", "martyrs": "killed",
}

# Participles and verbs after the counted group: "six mercenaries were killed".
_PASSIVE_MEASURE = {
    # the dead and the hurt counted together are neither ("4,000 people were dead or injured")
    "dead_or_injured": "casualties", "dead_or_wounded": "casualties", "killed_or_injured": "casualties",
    "killed_or_wounded": "casualties", "killed_or_hurt": "casualties", "dead_or_hurt": "casualties",
    "killed": "killed", "dead": "killed", "died": "killed", "die": "killed", "perished": "killed",
    "slain": "killed", "murdered": "killed", "massacred": "killed", "executed": "killed",
    "beheaded": "killed", "shot_dead": "killed", "burned_to_death": "killed", "drowned": "killed",
    "deceased": "killed", "buried": "killed", "lost_their_lives": "killed", "lost_his_life": "killed",
    "lost_her_life": "killed", "among_the_dead": "killed", "among_those_killed": "killed",
    "among_the_victims": "killed", "confirmed_dead": "killed", "feared_dead": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "hospitalised": "injured",
    "hospitalized": "injured", "treated": "injured", "among_the_injured": "injured",
    "among_the_wounded": "injured",
    "missing": "missing", "unaccounted_for": "missing", "disappeared": "missing",
    "abducted": "captured", "kidnapped": "captured", "captured": "captured", "arrested": "arrested",
    "detained": "arrested", "seized": "captured", "taken_hostage": "captured",
    "taken_captive": "captured", "held_hostage": "captured", "taken_prisoner": "captured",
    "rounded_up": "captured", "freed": "other", "released": "other", "rescued": "other",
    "still_with": "captured", "still_held": "captured", "still_in_captivity": "captured",
    "escaped": "other", "had_escaped": "other", "have_escaped": "other", "managed_to_escape": "other",
    "returned_home": "other", "reunited": "other", "found_alive": "other",
    "displaced": "displaced", "fled": "displaced", "evacuated": "displaced", "homeless": "displaced",
    "forced_from_their_homes": "displaced", "uprooted": "displaced",
    "lost": "casualties", "martyred": "killed", "went_down": "killed", "were_martyred": "killed",
    "in_critical_condition": "injured", "in_a_critical_condition": "injured",
    "in_serious_condition": "injured", "received_injuries": "injured",
    "sustained_injuries": "injured", "suffered_injuries": "injured", "needed_treatment": "injured",
    "needed_specialised_treatment": "injured", "needed_specialized_treatment": "injured",
    "needed_medical_treatment": "injured", "had_gunshot_wounds": "injured",
    "suffered_gunshot_wounds": "injured", "suffered_burns": "injured", "trapped": "missing",
    "in_custody": "arrested", "in_detention": "arrested", "in_pretrial_detention": "arrested",
    "behind_bars": "arrested", "awaiting_trial": "arrested", "held": "captured",
    "caught": "captured", "apprehended": "arrested", "taken_into_custody": "arrested",
    "taken_to_hospital": "injured", "rushed_to_hospital": "injured", "admitted_to_hospital": "injured",
    "transferred_to_hospitals": "injured", "transferred_to_hospital": "injured",
    "taken_to_hospitals": "injured", "from_their_homes": "displaced",
    "in_captivity": "captured", "captivity": "captured", "held_captive": "captured",
    "in_the_hands_of": "captured", "carted_away": "captured", "whisked_away": "captured",
    "led_away": "captured", "taken_away": "captured", "taken": "captured", "taken_from": "captured",
    "yet_to_return": "missing", "yet_to_be_accounted_for": "missing", "yet_to_be_found": "missing",
    "not_accounted_for": "missing", "not_been_accounted_for": "missing", "not_come_back": "missing",
    "not_returned": "missing", "not_return": "missing", "never_come_home": "missing",
    "never_returned": "missing", "not_been_found": "missing", "did_not_return": "missing",
    "shot_and_wounded": "injured", "shot_and_injured": "injured", "shot_and_killed": "killed",
    "admitted_with_wounds": "injured", "admitted_with_injuries": "injured", "admitted_with_burns": "injured",
    "treated_for_injuries": "injured", "treated_for_wounds": "injured", "treated_for_burns": "injured",
    "sustained_minor_injuries": "injured", "suffered_minor_injuries": "injured", "minor_injuries": "injured",
    "succumbed": "killed", "succumbing": "killed", "succumbed_to_their_injuries": "killed",
    "succumbed_to_injuries": "killed",
    "attacked": "attackers", "stormed": "attackers", "raided": "attackers", "ambushed": "attackers",
    "took_part": "attackers", "participated": "attackers", "were_involved": "attackers",
    "opened_fire": "attackers", "carried_out": "attackers", "affected": "other",
}

# Active verbs and nouns before the number: "killed 50 mercenaries", "the deaths of six".
_ACTIVE_MEASURE = {
    "killed": "killed", "killing": "killed", "kills": "killed", "kill": "killed",
    "left": "?", "leaving": "?", "claimed_the_lives_of": "killed", "claiming_the_lives_of": "killed",
    "deaths_of": "killed", "death_of": "killed", "bodies_of": "killed", "lives_of": "killed",
    "massacred": "killed", "slaughtered": "killed", "executed": "killed", "murdered": "killed",
    "shot_dead": "killed", "gunned_down": "killed", "buried": "killed", "recovered": "killed",
    "death_toll": "killed", "toll": "killed", "dead_toll": "killed", "fatalities": "killed",
    "wounding": "injured", "wounded": "injured", "injuring": "injured", "injured": "injured",
    "hurting": "injured", "injuries_to": "injured",
    "abducted": "captured", "abducting": "captured", "kidnapped": "captured",
    "kidnapping": "captured", "captured": "captured", "capturing": "captured",
    "arrested": "arrested", "arresting": "arrested", "detained": "arrested", "detaining": "arrested",
    "seized": "captured", "took": "?", "taking": "?", "hostage": "captured",
    "displaced": "displaced", "displacing": "displaced", "displacement_of": "displaced",
    "evacuated": "displaced", "uprooted": "displaced", "forced": "?",
    "rescued": "other", "freed": "other", "released": "other", "evacuating": "displaced",
    "lost": "killed", "arrest_of": "captured", "arrests_of": "captured", "detains": "captured",
    "detain": "captured", "martyred": "killed", "among_the_dead": "killed", "among_dead": "killed",
    "among_those_killed": "killed", "among_the_victims": "killed", "among_the_injured": "injured",
    "among_the_wounded": "injured", "among_the_missing": "missing", "hospitalised": "injured",
    "hospitalized": "injured", "abduction_of": "captured", "kidnapping_of": "captured",
    "carted_away": "captured", "whisked_away": "captured", "took_away": "captured", "led_away": "captured",
    "snatched": "captured", "missing": "missing",
    "killed_were": "killed",
}

MEASURES = ("killed", "injured", "missing", "captured", "arrested", "displaced", "attackers", "casualties", "other")
"""Every measure the tables above can give ("?" in _ACTIVE_MEASURE means: ask the context)."""

# Nouns whose counts are usually of sources, not victims: "two officials said".
_SOURCE_NOUNS = {
    "officials", "official", "sources", "source", "witnesses", "witness", "diplomats", "analysts",
    "experts", "spokesmen", "spokesman", "spokespeople", "residents", "people", "researchers",
    "correspondents", "reporters", "journalists", "officers", "doctors", "medics", "lawmakers",
    "ministers", "leaders", "commanders", "monitors", "observers", "activists",
}

# Things that a number can count that are not people: the extractor stops at these.
_NON_PEOPLE = {
    "vehicles", "vehicle", "cars", "trucks", "buildings", "houses", "homes", "villages",
    "towns", "weapons", "rifles", "guns", "drones", "bombs", "rockets", "missiles", "shells",
    "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour",
    "minutes", "minute", "seconds", "km", "kilometres", "kilometers", "miles", "metres",
    "meters", "feet", "percent", "per", "dollars", "euros", "pounds", "naira", "rupees",
    "times", "attacks", "incidents", "countries", "points", "tonnes", "tons", "litres",
    "degrees", "magnitude", "storeys", "floors", "rounds", "companies", "groups", "schools",
    "hospitals", "mosques", "churches", "boats", "ships", "aircraft", "planes", "helicopters",
    "tanks", "sites", "square", "acres", "hectares", "am", "pm", "gmt", "utc", "ist",
}

# Words that qualify a group without naming a side: kept in `who`, ignored for the party.
_GENERIC_MODIFIERS = {
    "other", "more", "further", "additional", "local", "innocent", "unarmed", "young", "old",
    "elderly", "armed", "suspected", "alleged", "foreign", "fellow", "private", "military",
    "group", "company", "pmc", "the", "of", "from", "including", "all", "its", "their", "his",
    "her", "regular", "former", "senior", "junior", "off-duty", "on-duty", "deceased", "dead",
    "wounded", "injured", "missing", "female", "male", "adult", "teenage", "school",
    "slain", "martyred", "kidnapped", "abducted", "arrested", "detained", "killed",
}

_STATE_WORDS = {"government", "army", "state", "national", "security", "military", "federal",
               "regime", "junta", "pro-government", "loyalist"}


_TOKEN = re.compile(r"[A-Za-z][\w'’\-]*|\d[\d,.]*|[^\w\s]")


def measure_key(phrase: str) -> str:
    """A phrase as the measure tables key it: 'Rounded up' -> 'rounded_up'."""
    return "_".join(m.group().lower() for m in _TOKEN.finditer(phrase))


@dataclass(frozen=True, eq=False)
class Lexicon:
    """One analysis's vocabulary: read-only tables, and the patterns compiled from them once.

    Build variants with `with_measure_words`; never mutate. It pickles as its tables, so a
    process pool or a Dask worker gets the same vocabulary the client configured.
    """

    roles: Mapping[str, str]
    """Nouns for people -> role ('mercenaries' -> 'fighter'); the role decides which counts compare."""
    head_measure: Mapping[str, str]
    measure_nouns: Mapping[str, str]
    passive: Mapping[str, str]
    """Verb phrases after the counted group, keyed by `measure_key`: 'were_killed' -> 'killed'."""
    active: Mapping[str, str]
    """Verbs and nouns before the number: 'killed', 'the_deaths_of'; '?' means ask the context."""
    source_nouns: frozenset[str]
    non_people: frozenset[str]
    generic_modifiers: frozenset[str]
    state_words: frozenset[str]

    @cached_property
    def span(self) -> int:
        """The most words any measure phrase has: how far the measure look-ups must reach, so
        'yet to be accounted for' (five words) or a user's long phrase is never out of range."""
        return max(k.count("_") + 1 for k in (*self.passive, *self.active))

    def with_measure_words(self, words: Mapping[str, Iterable[str]] | None) -> Lexicon:
        """A lexicon that also reads these phrases as measures, e.g. {"killed": ["neutralised"]}:
        both "12 militants were neutralised" and "the army neutralised 12 militants" count the
        killed. Raises ValueError for a measure crosscheck does not know."""
        if not words:
            return self
        passive, active = dict(self.passive), dict(self.active)
        for measure, phrases in words.items():
            if measure not in MEASURES:
                raise ValueError(f"unknown measure {measure!r} (known: {', '.join(MEASURES)})")
            for phrase in phrases:
                key = measure_key(phrase)
                if key:
                    passive[key] = active[key] = measure
        return _build(self.roles, self.head_measure, self.measure_nouns, passive, active,
                      self.source_nouns, self.non_people, self.generic_modifiers, self.state_words)

    @cached_property
    def group_nouns(self) -> frozenset[str]:
        """What an unknown adjective may stand before: a group ('human traffickers') or a plural count noun."""
        return frozenset(self.roles) | {k for k in self.measure_nouns if k.endswith("s")}

    @cached_property
    def previous_verb(self) -> re.Pattern:
        """The previous figure's own verb phrase, skipped when reading what joins two figures."""
        verbs = sorted((r"\s+".join(map(re.escape, k.split("_"))) for k in self.passive), key=len, reverse=True)
        return re.compile(
            r"^\s*(?:(?:were|was|have\s+been|has\s+been|had\s+been|have|has|had|are|is|reportedly|all)\s+)*"
            r"(?:%s|\w+ed(?=\s*(?:,|while\b|and\b|but\b|whereas\b)))\b"
            % "|".join(verbs), re.I)

    def __reduce__(self):
        return _build, (dict(self.roles), dict(self.head_measure), dict(self.measure_nouns), dict(self.passive),
                        dict(self.active), self.source_nouns, self.non_people,
                        self.generic_modifiers, self.state_words)


def _build(roles, head_measure, measure_nouns, passive, active, source_nouns, non_people,
           generic_modifiers, state_words) -> Lexicon:
    return Lexicon(MappingProxyType(dict(roles)), MappingProxyType(dict(head_measure)),
                   MappingProxyType(dict(measure_nouns)), MappingProxyType(dict(passive)),
                   MappingProxyType(dict(active)), frozenset(source_nouns),
                   frozenset(non_people), frozenset(generic_modifiers), frozenset(state_words))


SHIPPED = _build(_ROLE_OF_NOUN, _HEAD_MEASURE, _MEASURE_NOUNS, _PASSIVE_MEASURE, _ACTIVE_MEASURE,
                 _SOURCE_NOUNS, _NON_PEOPLE, _GENERIC_MODIFIERS, _STATE_WORDS)
"""The vocabulary crosscheck ships with."""
