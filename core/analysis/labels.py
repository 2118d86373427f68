"""The vocabulary of descriptions: what a source calls the people counted, the place attacked and
the attackers, and which of those words take sides against one another.

A label is only a disagreement when two labels answer the same question in ways that cannot both
be true. The questions are *axes*: on `status` a dead group is either civilians or combatants
(Moura 2022: the army's "203 terrorists" against a rights group's "some 300 civilians";
Barsalogho 2024: JNIM's "militiamen" against the residents digging a trench); on `role` foreign
personnel are either mercenaries or trainers (Mali 2024: "Wagner mercenaries" against the
government's "military trainers"; the same wording for Russian "instructors" in the Central
African Republic); on `setting` an attack hit people either on the move or at a fixed post (Mali
2024: a "convoy" ambush against an attack "at a checkpoint"; an army "patrol" ambushed against a
"base" overrun). Words on no axis ("soldiers", "village", "hotel") are recorded but never
disagree: several sites, or a generic word beside a specific one, are not a contradiction.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

STATUS, ROLE, SETTING = "status", "role", "setting"


@dataclass(frozen=True)
class Label:
    """What a word means as a description."""

    value: str
    """The normalised value: `civilians`, `terrorists`, `mercenaries`, `convoy`..."""
    axis: str | None = None
    """The question it answers (`status`, `role`, `setting`), or None when it takes no side."""
    side: str | None = None
    """Its answer on the axis: `civilian`/`combatant`, `mercenary`/`trainer`, `mobile`/`fixed`."""


def _table(axis: str | None, side: str | None, spec: str) -> dict[str, Label]:
    """'value: word word | value: word' -> {word: Label(value, axis, side)}."""
    out: dict[str, Label] = {}
    for entry in spec.split("|"):
        value, _, words = entry.partition(":")
        for w in words.split():
            out[w.replace("_", " ").lower()] = Label(value.strip().replace("_", " "), axis, side)
    return out


VICTIM_LABELS: dict[str, Label] = {
    **_table(STATUS, "civilian",
             "civilians: civilians civilian | residents: residents villagers inhabitants townspeople "
             "| worshippers: worshippers worshipers congregants | schoolgirls: schoolgirls | schoolboys: "
             "schoolboys | students: students pupils"),
    **_table(STATUS, "combatant",
             "terrorists: terrorists terrorist_fighters | militants: militants insurgents "
             "| jihadists: jihadists jihadis | militiamen: militiamen militia_members militiaman"),
    **_table(ROLE, "mercenary", "mercenaries: mercenaries mercenary"),
    **_table(ROLE, "trainer", "trainers: trainers military_trainers instructors military_instructors "
             "advisers advisors military_advisers military_advisors"),
    **_table(ROLE, "mercenary", "Wagner Group: Wagner_Group Wagner"),
    **_table(None, None, "Africa Corps: Africa_Corps African_Corps"),
    **_table(None, None, "soldiers: soldiers troops servicemen service_members | police officers: "
             "policemen police_officers | passengers: passengers | migrants: migrants | protesters: "
             "protesters demonstrators | devotees: devotees pilgrims | fighters: fighters"),
}
"""Labels for the people counted. `status` sets civilians against combatants; `role` sets hired
fighters against instructors. Soldiers, passengers and the like take no side. A private military
company is a label too: its men are hired fighters ("Wagner fighters"); a new name for it (Africa
Corps) takes its side only where the text names the rebranding (`REBRAND`)."""

SETTINGS: dict[str, Label] = {
    **_table(SETTING, "mobile", "convoy: convoy convoys motorcade | patrol: patrol patrols"),
    **_table(SETTING, "fixed", "checkpoint: checkpoint checkpoints roadblock | base: base military_base "
             "barracks | camp: camp military_camp army_camp | post: post outpost military_post army_post "
             "military_position"),
    **_table(None, None, "village: village | market: market marketplace | school: school | church: "
             "church | mosque: mosque | hotel: hotel | port: port | airport: airport | town: town "
             "| concert hall: concert_hall"),
}
"""Places attacked. Only the `setting` axis disagrees: one ambush cannot hit a moving convoy and a
fixed checkpoint at once, while a village, its market and its school can all be hit in one raid."""

GENERIC_ATTACKERS = frozenset(
    "gunmen attackers assailants militants jihadists jihadis extremists islamists terrorists "
    "insurgents rebels fighters raiders bombers men group groups".split())
"""Words that name attackers without saying who they are: compatible with any named group.
"Bandits" is not among them: in the Sahel and north-west Nigeria it names criminal gangs as
against jihadist groups (Kankara 2020: "bandits" against Boko Haram's claim)."""

ATTACKER_KINDS = frozenset("bandits smugglers pirates traffickers kidnappers".split())
"""Kinds of attacker that say who they are without a name: criminals, not insurgents. "Bandits"
against a jihadist group's claim is a dispute (Kankara 2020); so is "smugglers" against
"passengers" for the men charged after a shipwreck (Pylos 2023)."""

GENERIC_QUALIFIERS = frozenset("islamic islamist jihadist extremist armed suspected unidentified unknown masked "
                               "local foreign".split())
"""Words that leave a generic attacker generic: "Islamic extremists", "armed men", "suspected
militants" (Chibok 2014, Barsalogho 2024) name no group."""

GROUP_ALIASES: tuple[tuple[str, ...], ...] = (
    ("JNIM", "Jama'at Nusrat al-Islam wal-Muslimin", "Jama’at Nusrat al-Islam wal-Muslimin",
     "Jama'a Nusrat ul-Islam wa al-Muslimin", "GSIM", "Group for the Support of Islam and Muslims"),
    ("al-Qaeda", "al-Qaida", "al Qaeda", "al Qaida", "al-Qaïda", "Al-Qaïda"),
    ("Islamic State", "IS", "ISIS", "ISIL", "Daesh", "Islamic State group"),
    ("ISIS-K", "Islamic State Khorasan", "ISKP", "IS-K", "Islamic State Khorasan Province"),
    ("Boko Haram",),
    ("TTP", "Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan", "Pakistani Taliban"),
    ("Wagner Group", "Wagner"),
    ("Katiba Macina", "Macina Liberation Front"),
)
"""Well-known armed groups and their names; the first is the canonical one. A user's `[aliases]`
and the corpus's own appositions ("X, known as JNIM") add to these."""

GROUP_PARENT: dict[str, str] = {"Katiba Macina": "JNIM", "JNIM": "al-Qaeda", "ISIS-K": "Islamic State"}
"""Branches and affiliates: a branch's attack is its parent's ("claimed by al Qaeda's regional
affiliate", JNIM; "the Afghan affiliate of Islamic State", ISIS-K), so the two never disagree."""

AFFILIATE = re.compile(
    r"\b(?:(?:an?|the|its|their)\s+)?(?:[\w'’-]+\s+){0,2}?(?:affiliate|branch|faction|wing|offshoot|franchise)"
    r"\s+(?:of|affiliated\s+with|linked\s+to)\s+(?:the\s+)?(?P<parent>[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+){0,3})"
    r"|\b(?P<parent2>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)['’]s\s+(?:[\w-]+\s+){0,2}?(?:affiliate|branch|wing)\b"
    r"|\b(?:a\s+)?(?:group|faction)\s+affiliated\s+with\s+(?P<parent3>[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+){0,2})",
)
"""An affiliate named by its parent ("a faction affiliated with al-Qaida", "al Qaeda's regional
affiliate", "the Afghanistan branch of the Daesh group"): the description stands for the parent's
affiliate, which is the group it describes."""

REBRAND = re.compile(
    r"\b(?:rebranded|renamed|rebadged|re-formed|reorgani[sz]ed)\b(?:[^.;]{0,60}?)\b(?:called|as|into)\s+(?:the\s+)?"
    r"[\"“]?(?P<new>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3})"
    r"|\btransitioned\s+to\s+(?:the\s+)?[\"“]?(?P<new2>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3})"
    r"|\b(?:now|since)\s+(?:known|operating)\s+as\s+(?:the\s+)?[\"“]?(?P<new3>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3})",
)
"""A rebranding stated in the text ("a rebranded paramilitary force called Africa Corps", "its
fighters transitioned to the 'African Corps'", "now known as Hayat Tahrir al-Sham"): the new name
is an alias of the group the sentence names."""


APPOSITION = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]+\s+){0,6}(?:[A-Z][\w'’-]+|rebels|militants|jihadists|insurgents|group|movement))\s+"
    r"\((?P<acr>[A-Z]{2,6}(?:-[A-Z]{2,6})?)\)"
    r"|(?P<name2>(?:[A-Z][\w'’-]+\s+)?(?:[\w'’-]+\s+){0,3}?(?:extremists|militants|jihadists|rebels|group|faction)),?\s+"
    r"known\s+as\s+(?P<acr2>[A-Z]{2,6}(?:-[A-Z]{2,6})?)\b")
"""A group's name given with its acronym: "Tuareg rebels (CSP)" (Mali, July), "Islamic State
Khorasan (ISIS-K)" (Kabul 2021), "al-Qaida-linked extremists, known as JNIM" (Mali 2024): the
two name one group for the rest of the corpus."""


def alias_table(groups: tuple[tuple[str, ...], ...] | list) -> dict[str, str]:
    """Lower-cased name -> canonical name (the first of its group)."""
    out: dict[str, str] = {}
    for group in groups:
        for name in group:
            out.setdefault(name.casefold(), group[0])
    return out
