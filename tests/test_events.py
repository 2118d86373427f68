"""Claims are assigned to the event they are about, and events link across articles."""
from __future__ import annotations


def event_of(a, low):
    return next(c.event for c in a.claims if c.low == low)


def test_background_event_by_month(analyse):
    """A figure 'in March' in a story about a June attack belongs to another event."""
    a = analyse("Bombing in Kandahar\n\nAt least 20 worshippers were killed on Friday in a mosque bombing "
                "in Kandahar, officials said.\n\nIn March, a similar bombing in Kunduz killed 40 people.\n",
                published=["2024-06-15"])
    assert event_of(a, 20) != event_of(a, 40)


def test_background_event_by_marker(analyse):
    """'months after another ambush, where N ...' opens a background event."""
    a = analyse("Convoy ambushed\n\nSix soldiers were killed on Tuesday when their convoy was ambushed near Gao.\n\n"
                "The attack came just months after another ambush, where nearly 30 soldiers died near Menaka.\n")
    assert event_of(a, 6) != event_of(a, 27)


def test_sequel_is_its_own_event(analyse):
    """'Later, ...' starts a new event even when it mentions the earlier one."""
    a = analyse("Raid on camp\n\nTwelve guards were killed in the July raid on the camp.\n\n"
                "Later, an air strike on the village blamed for the July raid killed 9 civilians.\n",
                published=["2024-08-01"])
    assert event_of(a, 12) != event_of(a, 9)


def test_same_event_linked_across_articles(analyse):
    """Two articles about one dated attack in one place share an event."""
    a = analyse(
        "Market attack in Maiduguri\n\nAt least 15 traders were killed in an attack on a market in Maiduguri on Sunday.\n",
        "Maiduguri market attack toll\n\nGunmen killed 18 traders at a market in Maiduguri on Sunday, police said.\n",
        published=["2024-03-04", "2024-03-05"])
    assert len({c.event for c in a.claims}) == 1


def test_different_dates_are_different_events(analyse):
    """Attacks months apart in different places are not merged."""
    a = analyse(
        "Blast in Quetta\n\nA bomb killed 11 police officers in Quetta on Monday.\n",
        "Flood in Sylhet\n\nFloods killed 30 villagers in Sylhet on Wednesday, officials said.\n",
        published=["2024-02-06", "2024-09-19"])
    assert len({c.event for c in a.claims}) == 2


def test_spelling_variants_of_a_place_link(analyse):
    """Tinzaouaten and Tin-Zaouatine are one place."""
    a = analyse(
        "Battle near Tinzaouaten\n\nRebels said 40 soldiers were killed near Tinzaouaten in late July.\n",
        "Fighting at Tin-Zaouatine\n\nThe army said 12 soldiers died in fighting at Tin-Zaouatine in July.\n",
        published=["2024-08-02", "2024-08-03"])
    assert len({c.event for c in a.claims}) == 1


def test_a_place_named_before_its_event_is_a_place_of_the_event():
    """'this month's Beirut port blast', 'the Itaewon crowd crush': the place before the event noun counts."""
    from crosscheck.core.analysis import places

    assert places.find("The toll from this month's Beirut port blast has risen to 190") == {"beirut"}
    assert "itaewon" in places.find("Mourners gathered a week after the Itaewon crowd crush")
    assert places.find("Sunday's attack killed 20") == frozenset()
