"""Shapes of real published pages that the rules read (issue 8), each in sentences of our own.

Every test states one pattern of news language; the examples are invented, the patterns are the
ones measured on ../shared/realdev. Each fails without the rule it covers.
"""
from __future__ import annotations

import pytest

from conftest import analyse_texts


def claims(*texts: str, published: list[str | None] | None = None):
    return analyse_texts(*texts, published=published).claims


def by_figure(analysis) -> dict[str, object]:
    return {c.number_text: c for c in analysis.claims}


def topic_of(analysis, figure: str) -> str:
    return by_figure(analysis)[figure].topic


# -- the page --------------------------------------------------------------------------------

def test_a_date_stamp_opening_a_line_keeps_the_sentence_after_it():
    """' date 2021-03-02 The ministry said ...': the date is metadata, the sentence is read."""
    a = analyse_texts(" date 2021-03-02 The ministry said at least 41 people died in the floods.\n\nMore text here "
                      "about the rescue that went on all night.\n")
    assert [c.number_text for c in a.claims] == ["at least 41"]
    assert a.sources[0].published == "2021-03-02"


def test_a_hedge_left_on_its_own_line_joins_its_number():
    """'At least' / blank line / '31 people died': one figure, 31..open."""
    (c,) = claims("Storm hits coast\n\nAt least\n\n31 people died when the storm hit the coast on Friday, police said.\n")
    assert (c.number_text.split()[0], c.low, c.high) == ("At", 31, None)


def test_a_sentence_broken_over_a_blank_line_is_read_whole():
    """'officials gave estimates of the toll at' / 'the market — from 20 dead to 35': one sentence."""
    text = ("Market blast\n\nHealth officials gave varying estimates of the toll at\n\nthe central market, from 20 dead "
            "to 35, while a police spokesman cited 18.\n")
    got = {c.number_text: c.attributed_to for c in claims(text)}
    assert got["20"] and "Health officials" in got["20"]


def test_a_cut_off_last_paragraph_is_still_read():
    """A page cut mid-sentence keeps its last paragraph: 'Later 12 more bodies were pulled from the ri'."""
    text = ("Ferry sinks\n\nThe ferry sank on Monday. At least 40 people died, the coast guard said.\n\n"
            "Divers said on Tuesday that 12 more bodies were pulled from the river near the do")
    assert "12" in [c.number_text for c in claims(text)]


# -- which event -------------------------------------------------------------------------------

def test_a_comparison_after_the_figure_does_not_take_it_to_the_earlier_event():
    """'At least 70 died ..., the worst attack since 2015, when 30 died': 70 is the story's, 30 the earlier one's."""
    a = analyse_texts("Bombing in the capital\n\nAt least 70 people were killed in a bombing in the capital on "
                      "Sunday, the worst attack since 2015, when 30 people died in a market blast.\n",
                      published=["2024-05-06"])
    assert topic_of(a, "At least 70") != topic_of(a, "30")
    main = next(t for t in a.topics if t.id == topic_of(a, "At least 70"))
    assert main.event == a.events[0].id


def test_a_nationwide_toll_is_the_events_own():
    """'across the country' in a disaster is the event's total, not another event."""
    a = analyse_texts("Floods\n\nThe floods killed 30 people on Monday, officials said. By Tuesday the toll "
                      "across the country had risen to 45, the disaster agency said.\n", published=["2024-05-08"])
    assert topic_of(a, "30") == topic_of(a, "45")


def test_the_year_of_a_named_earlier_event_makes_it_background():
    """'the 2009 rail crash in which around 12 died' is not the 2024 crash."""
    a = analyse_texts("Rail crash kills 80\n\nThe collision on Friday killed 80 passengers. It recalled the 2009 "
                      "rail crash in which around 12 passengers were killed.\n", published=["2024-06-03"])
    assert topic_of(a, "80") != topic_of(a, "around 12")


# -- parts of a quantity ------------------------------------------------------------------------

@pytest.mark.parametrize("part,sentence", [
    ("9", "The death toll rose to 150, and 9 of the dead have not yet been identified."),
    ("12", "The death toll rose to 150. Officials said 12 bodies were yet to be identified."),
    ("30", "The death toll rose to 150. Of the injured, 30 remain in serious condition."),
    ("25", "The death toll rose to 150. A total of 25 others sustained minor injuries."),
    ("18", "The death toll rose to 150, with 400 injured. So far 18 are still being treated in hospital."),
    ("200", "The death toll could reach 200, officials warned, as the count stood at 150."),
    ("three", "The death toll stood at 150 on Monday, with three more people succumbing to their injuries."),
])
def test_a_part_is_its_own_quantity(part, sentence):
    """Unidentified, in serious condition, minor injuries, still in hospital, projected, added: parts."""
    a = analyse_texts("Blast at a depot\n\n" + sentence + "\n")
    assert part in by_figure(a) and topic_of(a, part) != topic_of(a, "150")


def test_a_hospitals_own_count_is_that_hospitals():
    """'City Hospital said it received 40 dead' is the hospital's part, not a rival toll."""
    a = analyse_texts("Bombing\n\nThe bombing killed 120 people, the ministry said. City Hospital said it "
                      "received 40 dead and was treating dozens of wounded.\n")
    assert topic_of(a, "40") != topic_of(a, "120")


def test_still_missing_after_some_came_back_is_what_is_left_of_the_taken():
    """In an abduction, 'eight still missing' after escapes is a part of the 90 abducted."""
    a = analyse_texts("Pupils abducted\n\nGunmen abducted 90 pupils from a school on Monday. Police said 20 of the "
                      "pupils had escaped and eight were still missing after the kidnapping.\n")
    assert topic_of(a, "eight") != topic_of(a, "90")


def test_the_number_still_missing_given_as_a_predicate_is_what_is_left_of_the_taken():
    """'the number of pupils who remain missing is 40' after escapes counts the still held, as
    'the number of people still missing was lowered to 40' does."""
    for sentence in ("Police said the number of abducted pupils who remain missing in the state is 40.",
                     "The police lowered the number of pupils still missing after the raid to 40."):
        a = analyse_texts("Pupils abducted\n\nGunmen abducted 90 pupils from a school on Monday. Police said 20 "
                          f"of the pupils had escaped. {sentence}\n")
        assert topic_of(a, "40") != topic_of(a, "90"), sentence


def test_still_missing_after_a_blast_is_the_missing():
    """Outside an abduction, 'still missing' is the missing count itself."""
    a = analyse_texts("Blast at port\n\nAt least 60 people are missing after the blast, the ministry said. "
                      "On Sunday the army said 12 people were still missing.\n")
    assert topic_of(a, "At least 60") == topic_of(a, "12")


# -- who was counted ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,part", [
    ("The toll rose to 210, including 14 foreigners, officials said.", "14"),
    ("The toll rose to 210, of which 14 are foreign nationals, officials said.", "14"),
    ("The toll rose to 210. At least 14 of the dead were foreign nationals, officials said.", "At least 14"),
    ("Among the 210 dead, 120 are female and 90 are male, officials said.", "120"),
])
def test_a_group_within_the_dead_is_its_own_quantity(sentence, part):
    """Foreigners, women or men among the dead are counted apart from the whole toll."""
    a = analyse_texts("Crush at a festival\n\n" + sentence + "\n")
    total = "210"
    assert topic_of(a, part) != topic_of(a, total)


def test_the_group_a_toll_names_is_its_group():
    """'The number of Afghans killed has risen to 79' counts Afghans, not everyone."""
    a = analyse_texts("Airport attack\n\nThe attack killed 103 people, including 13 U.S. troops. The number of "
                      "Afghans killed in the attack has risen to 79, a hospital official said.\n")
    assert "Afghan" in by_figure(a)["79"].who and topic_of(a, "79") != topic_of(a, "103")


def test_us_is_a_country_and_keeps_its_dots():
    """'13 U.S. troops' are troops of the United States, and 'U.S. officials' a claimant."""
    (c,) = claims("Attack\n\nThe count of U.S. troops killed in the blasts rose to 12, according to U.S. officials.\n")
    assert (c.who, c.attributed_to) == ("U.S. troops", "U.S. officials")


def test_rival_labels_for_one_operations_dead_are_one_quantity():
    """The army's '180 terrorists' and a rights group's 'some 250 civilians' count the same dead."""
    a = analyse_texts(
        "Army says it killed 180 terrorists\n\nThe army said it killed 180 terrorists in an operation in Dalla "
        "on Monday.\n",
        "Rights group says 250 civilians killed\n\nSome 250 civilians were killed in the army operation in Dalla "
        "on Monday, a rights group said.\n", published=["2024-05-08", "2024-05-09"])
    assert topic_of(a, "180") == topic_of(a, "Some 250")


def test_a_breakdown_keeps_its_parts_apart():
    """'20 civilians and a dozen militants were killed' lists two groups, not rival totals."""
    a = analyse_texts("Clash\n\nAt least 20 civilians and a dozen militants were killed in the clash, the UN said.\n")
    assert topic_of(a, "At least 20") != topic_of(a, "a dozen")


def test_a_figure_without_a_group_joins_the_group_its_quantity_names():
    """In an abduction of schoolgirls, '150 still held' and 'Hundreds taken' count schoolgirls."""
    a = analyse_texts("Schoolgirls abducted\n\nGunmen abducted 230 schoolgirls from a school in Dalla on Monday. "
                      "Officials said 200 girls were kidnapped.\n",
                      "Hundreds taken from school\n\nHundreds were abducted from the school in Dalla on Monday, "
                      "parents said, and 240 girls were kidnapped in all.\n", published=["2024-05-08", "2024-05-09"])
    assert topic_of(a, "Hundreds") == topic_of(a, "230")


# -- revisions and tolls ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,figures", [
    ("The government revised the death toll to 261 from 280 on Sunday.", {"261", "280"}),
    ("The toll was earlier put at 280, which the government revised to 261 on Sunday.", {"280", "261"}),
    ("The police had reported a death toll of 207 with 450 people injured.", {"207", "450"}),
    ("The ministry lowered the number of people still missing, saying it was now 21.", {"21"}),
])
def test_revisions_and_tolls_are_read(sentence, figures):
    """Revision pairs, 'a death toll of N with', 'it was now N' are all figures."""
    a = analyse_texts("Blast\n\n" + sentence + "\n")
    assert figures <= set(by_figure(a))


def test_a_list_of_groups_shares_its_verb():
    """'At least four Germans, six British and two Danes died': every listed figure is a death."""
    a = analyse_texts("Hotel attack\n\nAt least four Germans, six British, and two Danes died in the attack.\n")
    assert {c.number_text: c.measure for c in a.claims} == {"At least four": "killed", "six": "killed",
                                                             "two": "killed"}


def test_escapes_are_not_captures():
    """'14 of the 129 girls taken had escaped': 14 escaped (other), 129 were taken."""
    a = analyse_texts("Abduction\n\nShe said only 14 of the 129 girls taken had escaped.\n")
    assert {c.number_text: c.measure for c in a.claims} == {"14": "other", "129": "captured"}


# -- who says it --------------------------------------------------------------------------------

def test_a_title_before_the_name_says_who_speaks():
    """'The country's health minister, Ana Ruiz, said 40 died': the claimant carries the title."""
    (c,) = claims("Fire\n\nThe country’s health minister, Ana Ruiz, said that 40 people had died in the fire.\n")
    assert "health minister" in c.attributed_to and "Ana Ruiz" in c.attributed_to


def test_a_surname_takes_the_title_it_was_introduced_with():
    """'Police spokesman Omar Haddad' first, 'Haddad said' later: the later claimant says police."""
    a = analyse_texts("Blast\n\nPolice spokesman Omar Haddad said the blast killed 30 people. Later Haddad said "
                      "that 41 people had died.\n")
    assert "spokesman" in by_figure(a)["41"].attributed_to


def test_she_said_is_the_last_speaker_named():
    """'X, the principal, denied the report. She said 14 had escaped': she is X."""
    a = analyse_texts("School raid\n\nMaria Obi, the principal of the school, has denied the army's report. "
                      "She said that 14 pupils had escaped.\n")
    assert "Obi" in by_figure(a)["14"].attributed_to


def test_a_headline_names_its_source_after_a_dash():
    """'90 pupils still missing after raid - principal': the principal says so."""
    (c,) = claims("90 pupils still missing after raid - principal\n\nThe raid happened at night.\n")
    assert c.attributed_to == "principal"


def test_a_toll_is_never_a_speaker():
    """'a new toll shows 171 dead, according to the ministry': the ministry says so, not the toll."""
    (c,) = claims("Blast\n\nA week later a new death toll shows 171 dead, according to the Ministry of Health.\n")
    assert c.attributed_to == "the Ministry of Health"


# -- figures given before, lists and steps ------------------------------------------------------

def _one(text: str) -> dict[str, object]:
    return by_figure(analyse_texts("Floods in the valley\n\n" + text))


def test_an_earlier_figure_named_in_a_comparison_counts_what_the_new_one_counts():
    """'42, well above the 30 reported by the district office': 30 is a claim of the same measure,
    with its own source; 'six more than the 36' is a difference, not a count."""
    got = _one("The number of people missing in the valley is 42, well above the 30 reported by the "
               "district office, relatives told reporters on Sunday.")
    assert (got["30"].measure, got["30"].attributed_to) == (got["42"].measure, "the district office")
    got = _one("Rescuers said 42 people drowned in the valley, six more than the 36 they had counted on Friday.")
    assert got["36"].measure == got["42"].measure == "killed" and "six" not in got


def test_an_earlier_figure_in_a_toll_that_rose_from_it():
    """'The toll has climbed from the 19 the mayor gave': 19 is an earlier killed figure."""
    got = _one("The death toll in the valley has climbed from the 19 the mayor gave on the first night.")
    assert got["19"].measure == "killed"


def test_a_list_included_in_a_subject_takes_the_subjects_measure():
    """'Those injured in the floods included 14 farmers and three teachers': injured; 'the
    missing are said to include ...': missing, and 'are said to' names no speaker."""
    got = _one("Those injured in the floods included 14 farmers and three teachers, officials said.")
    assert (got["14"].measure, got["three"].measure) == ("injured", "injured")
    got = _one("The missing are said to include 11 herders and four children.")
    assert {got["11"].measure, got["four"].measure} == {"missing"} and got["11"].attributed_to is None


def test_the_steps_of_a_toll_over_time_each_count_the_same_quantity():
    """'reaching 12 by Monday morning, then 17, 21 and 25 before reaching 30 on Tuesday': each a
    killed figure, and '21 and 25' two figures, not a range."""
    got = _one("The death toll rose as the water went down, reaching 12 by Monday morning, then 17, 21 and 25 "
               "before reaching 30 on Tuesday.")
    assert [(k, got[k].low, got[k].high, got[k].measure) for k in ("12", "17", "21", "25", "30")] == [
        ("12", 12, 12, "killed"), ("17", 17, 17, "killed"), ("21", 21, 21, "killed"), ("25", 25, 25, "killed"),
        ("30", 30, 30, "killed")]


def test_a_revision_chain_with_dates_between_the_steps():
    """'fell to 60 on 3 May, to 48 a day later and to 35 on 5 May': each a missing figure."""
    got = _one("At least 70 people were missing on Friday, the civil protection agency said. The number fell to 60 "
               "on 3 May, to 48 a day later and to 35 on 5 May.")
    assert [got[k].measure for k in ("60", "48", "35")] == ["missing"] * 3


def test_the_verb_before_a_figure_is_its_own_when_the_next_figure_has_a_verb():
    """'Police detained 16 people on Sunday and 9 were hurt': 16 arrested, 9 injured."""
    got = _one("Police detained 16 people on Sunday and 9 were hurt in the scuffles.")
    assert (got["16"].measure, got["9"].measure) == ("arrested", "injured")


def test_the_number_of_those_who_escaped_is_no_casualty():
    """'raised the number of hostages who have escaped to 23': those who came back, not the captured."""
    got = _one("Gunmen seized 80 villagers on Monday. The police chief raised the number of villagers who have "
               "escaped to 23.")
    assert got["80"].measure == "captured" and got["23"].measure == "other"


def test_a_subject_with_a_relative_clause_is_the_speaker_not_the_clause():
    """'The families of miners who were trapped last week say 31 men are still missing': the families."""
    got = _one("The families of miners who were trapped last week by the collapse say 31 men are still missing.")
    assert got["31"].attributed_to == "The families of miners"


def test_ages_scores_and_the_one_of_many_are_not_counts():
    """'a man of 34' is an age, 'lost 2-1' a score, 'one of 300 pupils taken' is the 300's."""
    got = _one("A man of 34 died in hospital on Sunday. The home side lost 2-1 before the crush, in which 40 "
               "people died. A boy said he was one of 300 pupils taken.")
    assert set(got) == {"40", "300"}


def test_the_dead_and_hurt_counted_together_are_neither():
    """'at least 900 people were killed or injured': a combined figure, kept apart from the dead."""
    got = _one("At least 900 people were killed or injured in the floods, the ministry said.")
    assert got["At least 900"].measure == "casualties"


def test_a_breakdown_by_place_is_a_part_of_each_place_not_the_total():
    """'Toll 140: 120 in the Lower Province, 15 in Dalmora and five in Keth' puts each part in its
    own place; 'Nine people died in Dalmora' on another page joins Dalmora's part, not the total."""
    a = analyse_texts("Storm toll rises\n\nThe official toll rose to 140 on Friday: 120 in the Lower Province, 15 in "
                      "Dalmora and five in Keth, the civil protection agency said.",
                      "Storm kills dozens\n\nAt least 130 people died in the storm on Friday, officials said. Nine "
                      "people died in Dalmora, the mayor said.", published=["2024-05-04", "2024-05-04"])
    got = {c.number_text: c for c in a.claims}
    assert got["15"].topic == got["Nine"].topic != got["140"].topic == got["At least 130"].topic
    assert len({got["120"].topic, got["15"].topic, got["five"].topic}) == 3


def test_parts_after_of_these_and_up_to_a_day_are_parts():
    """'217 had died up to Sunday, 213 of them in the Lower Province': a part; so is 'Of these, 200
    died in the Lower Province'."""
    got = _one("According to the authorities, 217 people had died up to Sunday, 213 of them in the Lower Province.")
    assert got["213"].topic != got["217"].topic and got["213"].measure == "killed"


def test_a_bare_figure_after_a_group_of_another_measure_counts_that_group():
    """'Besides the 12 soldiers killed, 20 were wounded': the 20 are soldiers, apart from all the wounded."""
    a = analyse_texts("Base attacked\n\nThe blast killed 40 people and wounded 90, officials said. Besides the 12 "
                      "soldiers killed, 20 were wounded, the army said.",
                      "Base attack toll\n\nAt least 95 people were wounded in the blast on Friday, a hospital said.",
                      published=["2024-05-04", "2024-05-04"])
    got = {c.number_text: c for c in a.claims}
    assert got["20"].measure == "injured" and got["20"].topic != got["90"].topic == got["At least 95"].topic


def test_a_rise_by_a_figure_to_another_is_not_a_range():
    """'rose by one to 13' is an increment of one and a total of 13, never a range 1..13."""
    got = _one("The number of soldiers killed in the attack rose by one to 13, and the number of wounded was 18, "
               "the ministry said.")
    assert (got["13"].low, got["13"].high, got["13"].measure) == (13, 13, "killed")
    assert "one to 13" not in got


def test_a_lead_figure_dated_only_last_year_stays_with_the_article_event():
    """An undated follow-up ('killed at least 500 people in a village last year, the UN said') whose
    aside names no date, place or event of its own is about the article's event, not a new one."""
    a = analyse_texts("UN report on Karvo\n\nSoldiers are believed to have killed at least 500 people over several days "
                      "in a village last year, the UN said Friday. The report said the killings took place in the "
                      "village of Karvo in central Mali during a military operation in March.",
                      "Massacre in Karvo\n\nMore than 300 civilians were killed in the village of Karvo in central "
                      "Mali during a military operation in late March, a rights group said.", published=[None, "2023-04-05"])
    got = by_figure(a)
    assert got["at least 500"].event == got["More than 300"].event
    assert got["at least 500"].topic == got["More than 300"].topic


def test_of_them_after_an_uncounted_group_is_a_part_not_the_toll():
    """'She gave first aid to 12 people. Seven of them died': the seven are a part, not the toll."""
    a = analyse_texts("Crush in Hanvale\n\nAt least 150 people died in the crush in Hanvale on Saturday, officials said. A volunteer said "
                      "she gave first aid to 12 people lying in the street. Seven of them were declared dead there.",
                      "Hanvale crush toll\n\nThe toll of Saturday's crush in Hanvale rose to 154, the ministry said.",
                      published=["2024-05-04", "2024-05-05"])
    got = by_figure(a)
    assert got["Seven"].measure == "killed" and got["Seven"].topic != got["154"].topic == got["At least 150"].topic


def test_a_relative_clause_inside_an_apposition_does_not_become_the_speaker():
    """'Lee Dana, an official at a group that runs shelters in the port, said ...': Lee Dana speaks."""
    got = _one("Lee Dana, an official at a charity that runs shelters in the port, said 12 people died in the "
               "water overnight.")
    assert got["12"].attributed_to.startswith("Lee Dana")


def test_a_photo_credit_line_is_not_part_of_the_speaker():
    """A caption credit ('... AFP/Getty Images') above 'Ama Sule, principal of ...' stays out of her name."""
    got = _one("Pupils at the school. Photo: AFP/Getty Images\n\nAma Sule, principal of Hill Secondary School, "
               "Tamba, has denied reports that most of the pupils were safe.\n\n\u201cThe report is not true,\u201d "
               "Sule said, referring to a claim that only eight of the girls were still held.")
    assert got["eight"].attributed_to.startswith("Ama Sule, principal")


def test_a_compared_earlier_figure_counts_the_same_part_as_the_new_one():
    """In a kidnapping, 'the number missing is 60, well above the 40 reported by officials' after
    escapes: the 40 count the still missing too, not all who were taken."""
    got = _one("Gunmen kidnapped 200 pupils from the school on Monday. The kidnappers took them into the forest, "
               "and the abducted pupils' parents asked for help. Thirty escaped their captors, police said. Parents "
               "say the number of pupils still missing is 60, well above the 40 reported by officials.")
    assert got["40"].topic == got["60"].topic != got["200"].topic


def test_a_forecast_is_compared_with_forecasts_not_with_the_count():
    """'Death toll to be close to 300' and 'the toll was expected to reach 300' beside 'the toll reached
    233': the forecasts are their own quantity, so 233 against 'close to 300' is no conflict."""
    a = analyse_texts("Train crash: Death toll to be close to 300\n\nAfter the night's rescue work the toll in the train "
                      "crash near Dunmore reached 233 on Saturday, officials said.",
                      "Dunmore train crash\n\nThe toll in Saturday's train crash near Dunmore was expected to reach "
                      "310, a rail official said. At least 240 people died, police said.",
                      published=["2023-06-03", "2023-06-03"])
    got = by_figure(a)
    assert got["close to 300"].topic == got["310"].topic != got["233"].topic == got["At least 240"].topic


def test_arrests_are_not_the_taken():
    """'11 suspects were in custody' and 'about 36 hostages' held by gunmen count different people:
    arrests are their own measure, never compared with the captured."""
    got = _one("Officials said about 36 hostages were still held inside the mall. Police said 11 suspects "
               "were in custody and nine people had been arrested at the border.")
    assert got["11"].measure == got["nine"].measure == "arrested" and got["about 36"].measure == "captured"
    assert got["11"].topic != got["about 36"].topic


def test_a_past_year_with_a_new_place_under_a_weekday_lead_is_another_event():
    """Undated page, lead 'on Friday': 'In 2018, militants seized 110 girls from a school in Dapchi'
    is a past event, not the raid the page reports."""
    a = analyse_texts("Gunmen raid school in Kankara\n\nGunmen stormed a boys' school in Kankara on Friday night and "
                      "about 400 students are missing, police said.\n\nIn 2018, militants seized 110 girls from a "
                      "school in Dapchi, Yobe state.", published=[None])
    got = by_figure(a)
    assert got["110"].event != got["about 400"].event


def test_a_later_day_that_only_moves_the_toll_is_the_same_event():
    """'A patient died on 18 October, taking the toll to 133' after 'the October 1 crush ... 125 died'
    is the running toll of that crush, not a new event."""
    a = analyse_texts("Stadium crush toll rises\n\nPolice said 125 people died in the October 1 crush at Harlan "
                      "Stadium.\n\nA patient died on 18 October, taking the toll to 133, the hospital said.",
                      published=[None])
    got = by_figure(a)
    assert got["133"].event == got["125"].event and got["133"].topic == got["125"].topic


def test_a_list_of_origins_goes_on_through_the_country_names():
    """'five from Iran, four each from China and Russia, two from the United States, two from Japan':
    every part is read, each with its country."""
    a = analyse_texts("Crush in the city\n\nThe 26 foreign victims include five from Iran, four each from China and "
                      "Russia, two from the United States, two from Japan, officials said.")
    assert [(c.number_text, c.who) for c in a.claims if c.number_text != "26"] == [
        ("five", "Iran"), ("four", "China"), ("two", "United States"), ("two", "Japan")]


def test_officials_named_in_full_a_few_lines_before_are_the_officials_who_speak():
    """'according to officials at the Disaster Headquarters' then 'Twelve of the dead were foreigners,
    officials said': the officials are those of the Headquarters."""
    got = _one("The toll rose to 154 on Monday. Another 33 are in serious condition, according to officials at the "
               "Central Disaster Headquarters. Twelve of the dead were foreigners, officials said.")
    assert got["Twelve"].attributed_to.startswith("officials at the Central")


def test_people_listed_among_the_dead_are_parts_not_the_toll():
    """'the list of the deceased includes seven party members, one man from the coast': the one man
    is a part of the dead, never a rival toll of 1."""
    a = analyse_texts("Blasts in the capital\n\nAt least 250 people died in the blasts on Sunday, police said. "
                      "Eleven foreigners were among the dead. The list of the deceased includes seven party members, "
                      "one man from the coast, and a tourist.", published=["2019-04-22"])
    got = by_figure(a)
    assert got["one"].topic != got["At least 250"].topic
    assert not any({got["one"].id, got["At least 250"].id} <= set(x.claims) for x in a.conflicts)


def test_those_still_held_years_on_are_not_a_rival_of_the_first_weeks():
    """An anniversary page's '89 are still missing' (the tenth anniversary) is that year's count of the
    still held; the first weeks' 'eight still missing' is another quantity, not a conflict."""
    a = analyse_texts("Gunmen kidnap pupils in Karo\n\nGunmen kidnapped 120 pupils from a school in Karo on Monday. "
                      "The kidnappers took them into the forest. Forty escaped their abductors, and police said "
                      "eight pupils were still missing.",
                      "Karo pupils: ten years on\n\nAt a ceremony for the 10th anniversary of the kidnapping of "
                      "pupils from the school in Karo, the governor spoke of the abducted and their captivity. "
                      "\u201cSo far, 31 of the 120 abducted pupils have been rescued; 89 pupils are still missing,\u201d "
                      "he said.", published=["2014-04-16", None])
    got = by_figure(a)
    assert got["eight"].topic != got["89"].topic
