"""Which figures become claims, and with what group, measure and claimant."""
from __future__ import annotations

import pytest


def claims_of(analyse, body: str, headline: str = "Attack in the north"):
    return analyse(f"{headline}\n\n{body}\n").claims


def one(analyse, body: str):
    found = claims_of(analyse, body)
    assert len(found) == 1, [(c.number_text, c.measure) for c in found]
    return found[0]


@pytest.mark.parametrize("body,measure", [
    ("At least 12 villagers were killed when gunmen stormed the market on Monday.", "killed"),
    ("The blast killed 9 police officers near the station.", "killed"),
    ("Officials said 40 people were wounded in the explosion.", "injured"),
    ("Rescuers said 15 miners remain missing after the collapse.", "missing"),
    ("Gunmen abducted 30 students from a boarding school overnight.", "captured"),
    ("The floods displaced more than 2,000 residents across the valley.", "displaced"),
    ("The death toll rose to 27 on Tuesday, the ministry said.", "killed"),
    ("The clashes left 14 dead and dozens of homes burned.", "killed"),
    ("Eleven soldiers lost their lives in the ambush.", "killed"),
])
def test_measure_read_from_sentence(analyse, body, measure):
    """Each casualty shape yields one claim with its measure."""
    assert one(analyse, body).measure == measure


@pytest.mark.parametrize("body", [
    "Two local officials confirmed the attack to reporters on Saturday.",
    "The 13th assault squad was wiped out, a commander wrote.",
    "A 12-year-old boy was among those hurt.",
    "The attack happened on November 21, 2024 at 23:07.",
    "The government pledged $5 million for 300 homes.",
    "Call +91-720-6444012 for details, 14, 15.",
    "Police seized 12 vehicles and 40 rifles.",
])
def test_not_a_people_count(analyse, body):
    """Sources, ordinals, ages, dates, money, phone numbers and things are not claims."""
    assert claims_of(analyse, body) == ()


def test_claimant_according_to(analyse):
    """'according to X' names the claimant, not the outlet."""
    c = one(analyse, "Nine civilians were killed in the raid, according to the regional health office.")
    assert "health office" in c.attributed_to


def test_claimant_said_after_figure(analyse):
    """A sentence-final 'police said' attributes the figure to the police."""
    c = one(analyse, "Five people died in the blast, police said.")
    assert c.attributed_to == "police"


def test_rival_figure_in_one_sentence(analyse):
    """'According to A, six ... while B reported seven' gives two claims, two claimants."""
    found = claims_of(analyse, "According to the governor, six guards were killed, while local media reported seven.")
    assert [(c.low, c.attributed_to) for c in found] == [(6, "the governor"), (7, "local media")]
    assert found[1].measure == "killed"


def test_parts_of_a_total(analyse):
    """'N killed: A x and B y' links the parts to the total."""
    a = analyse("Raid toll\n\nRebels said 30 people were killed: 20 soldiers and 10 civilians.\n")
    total = next(c for c in a.claims if c.low == 30)
    parts = [c for c in a.claims if c.part_of == total.id]
    assert sorted(c.low for c in parts) == [10, 20]


def test_headline_counts(analyse):
    """Headline grammar ('Seven Miners Killed in Blast') is a claim."""
    a = analyse("Seven Miners Killed in Gas Blast\n\nRescue work continued on Friday.\n")
    assert [(c.low, c.measure, c.in_title) for c in a.claims] == [(7, "killed", True)]


def test_offsets_point_into_file(analyse):
    """start/end slice the original text to the number phrase."""
    text = "Storm hits coast\n\nAt least 31 people died and about 200 were injured, officials said.\n"
    a = analyse(text)
    assert [text[c.start:c.end] for c in a.claims] == ["At least 31", "about 200"]
    assert [(c.low, c.high) for c in a.claims] == [(31, None), (180, 220)]


@pytest.mark.parametrize("body,low,measure", [
    ("The death toll from the fire at the textile factory in the industrial zone has risen to 41.", 41, "killed"),
    ("Officials put the number of dead at 18 on Friday.", 18, "killed"),
    ("The number of the injured has reached 230, the ministry said.", 230, "injured"),
    ("Thirty-one (31) people have died, the agency said.", 31, "killed"),
    ("At least 12 people, most of them children, were killed in the blast.", 12, "killed"),
    ("Nine of the passengers were taken to hospital with burns.", 9, "injured"),
    ("Police detained at least 14 suspected people smugglers at the port.", 14, "arrested"),
])
def test_more_casualty_shapes(analyse, body, low, measure):
    """Long toll clauses, echoed digits, asides and hospital transfers are read."""
    c = one(analyse, body)
    assert (c.low, c.measure) == (low, measure)


def test_generic_figure_takes_previous_measure(analyse):
    """'that figure rose to N' continues the measure of the figure before it."""
    found = claims_of(analyse, "The commission said 22 people had been killed. On Monday that figure rose to 39.")
    assert [(c.low, c.measure) for c in found] == [(22, "killed"), (39, "killed")]


def test_critical_condition_is_its_own_quantity(analyse):
    """'of them in critical condition' does not compete with the injured total."""
    a = analyse("Blast\n\nAbout 150 people were injured, 13 of them in critical condition.\n")
    totals = {c.low: c.topic for c in a.claims}
    assert totals[13] != totals[135]


@pytest.mark.parametrize("sentence,expected", [
    ("The figure first cited by the United Nations, which had put the number of dead at 200, was low.", "United Nations"),
    ("Ahmed Musa, a spokesman for the regional hospital, said 40 people were admitted with wounds.", "Ahmed Musa"),
    ("Human Rights Watch, which interviewed survivors, documents at least 133 dead.", "Human Rights Watch"),
])
def test_claimant_through_asides(analyse, sentence, expected):
    """Relative clauses and appositions lead back to the named claimant."""
    c = next(c for c in claims_of(analyse, sentence) if c.attributed_to)
    assert expected in c.attributed_to
