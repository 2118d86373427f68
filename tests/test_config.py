"""The configuration file: where it is, what a valid one gives, and how every mistake is reported."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from crosscheck.core.analysis import lexicon
from crosscheck.core.analysis.pipeline import analyze
from crosscheck.core.config import Config, ConfigProblem, config_path, load_config
from crosscheck.core.reading.ingest import source_from_text

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "config.example.toml"


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "config.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


# -- where the file is -----------------------------------------------------------------------

def test_path_follows_xdg_config_home():
    """The config file lives under $XDG_CONFIG_HOME/crosscheck/ when that is set."""
    assert config_path({"XDG_CONFIG_HOME": "/xdg", "HOME": "/home/ana"}) == Path("/xdg/crosscheck/config.toml")


@pytest.mark.parametrize("xdg", [None, "", "relative/dir"])
def test_path_falls_back_to_home_config(xdg):
    """Unset, empty or relative XDG_CONFIG_HOME is ignored, as the XDG base directory spec says."""
    env = {"HOME": "/home/ana"} | ({"XDG_CONFIG_HOME": xdg} if xdg is not None else {})
    assert config_path(env) == Path("/home/ana/.config/crosscheck/config.toml")


def test_load_without_path_reads_the_xdg_location(tmp_path, monkeypatch):
    """load_config() with no path reads the XDG location and says which file it read."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "crosscheck").mkdir()
    (tmp_path / "crosscheck" / "config.toml").write_text('reviewer = "Ana"\n')
    config, problems = load_config()
    assert (config.reviewer, problems) == ("Ana", [])
    assert config.path == str(tmp_path / "crosscheck" / "config.toml")


# -- valid files -----------------------------------------------------------------------------

FULL = '''\
reviewer = "  Ana Diaz "      # trimmed
theme = "gruvbox"
[keys]
"verdict.accept" = "A"
"app.quit" = "ctrl+q, f10"
verdict.reject = "R"          # unquoted: a dotted key in TOML, still the binding id verdict.reject
[aliases]
jnim = ["JNIM", "GSIM", "Jama'at Nusrat al-Islam wal-Muslimin"]
tinzaouaten = ["Tinzaouaten", "Tin-Zaouatine"]
[measures]
killed = ["neutralised", "liquidated"]
captured = ["rounded  up"]
'''


def test_full_file(tmp_path):
    """Every setting of a complete file is read into the Config it describes."""
    path = write(tmp_path, FULL)
    config, problems = load_config(path)
    assert problems == []
    assert config == Config(
        reviewer="Ana Diaz", theme="gruvbox",
        keys={"verdict.accept": "A", "app.quit": "ctrl+q,f10", "verdict.reject": "R"},
        aliases=(("JNIM", "GSIM", "Jama'at Nusrat al-Islam wal-Muslimin"), ("Tinzaouaten", "Tin-Zaouatine")),
        measure_words={"killed": ("neutralised", "liquidated"), "captured": ("rounded up",)},
        path=str(path),
    )


def test_example_file_is_valid():
    """The shipped example config loads without a problem and sets every section."""
    config, problems = load_config(EXAMPLE)
    assert problems == []
    assert config.reviewer and config.keys and config.aliases and config.measure_words


def test_missing_file_is_no_problem(tmp_path):
    """No config file means the defaults and no complaint."""
    assert load_config(tmp_path / "nope" / "config.toml") == (Config(), [])


def test_byte_order_mark_is_accepted(tmp_path):
    """A UTF-8 byte-order mark at the start of the file is not a syntax error."""
    config, problems = load_config(write(tmp_path, b'\xef\xbb\xbfreviewer = "Ana"\n'))
    assert (config.reviewer, problems) == ("Ana", [])


# -- mistakes --------------------------------------------------------------------------------

def test_syntax_error_gives_defaults_and_the_line(tmp_path):
    """A TOML syntax error gives the defaults and one problem naming its line."""
    path = write(tmp_path, 'reviewer = "Ana"\n# a comment\ntheme gruvbox\n')
    config, problems = load_config(path)
    assert config == Config()
    assert problems == [ConfigProblem(str(path), 3, "Expected '=' after a key in a key/value pair")]


def test_syntax_error_at_end_of_file_names_the_last_line(tmp_path):
    """An unclosed value at the end of the file names the last line, not 'end of document'."""
    _, problems = load_config(write(tmp_path, 'reviewer = "Ana"\n[measures]\nkilled = ["a",\n'))
    assert [(p.line, "at end" in p.message) for p in problems] == [(3, False)]


PREAMBLE = "# my settings\n\n"  # two lines, so a line number off by the comment would show

SEMANTIC = {
    "wrong type": ("reviewer = 42\n", 1, 'reviewer must be text in quotes, e.g. reviewer = "Ana Diaz"'),
    "unknown setting": ('reviwer = "Ana"\n', 1, 'unknown setting "reviwer"; did you mean "reviewer"? '
                                                "(known: reviewer, theme, keys, aliases, measures)"),
    "unknown section": ("[colours]\nbackground = 1\n", 1, 'unknown setting "colours"'),
    "empty reviewer": ('reviewer = "  "\n', 1, "reviewer is empty"),
    "theme not text": ('theme = ["nord"]\n', 1, "theme must be text"),
    "unknown measure": ('[measures]\nkiled = ["x"]\n', 2, 'unknown measure "kiled"; did you mean "killed"?'),
    "measure not a list": ('[measures]\ninjured = "maimed"\n', 2, "injured must be a list of words"),
    "non-string measure word": ('[measures]\nkilled = ["neutralised",\n  4]\n', 2, "killed must be a list"),
    "measure phrase too long": ('[measures]\nkilled = ["shot at and then killed"]\n', 2, "up to four words"),
    "empty measure word": ('[measures]\nkilled = [""]\n', 2, '"" in killed is not a word'),
    "measures not a section": ("measures = 3\n", 1, "measures must be a section"),
    "alias of one name": ('[aliases]\n\njnim = ["JNIM"]\n', 3, '"jnim" needs at least two different names'),
    "alias repeated name": ('[aliases]\njnim = ["JNIM", " JNIM"]\n', 2, "at least two different names"),
    "non-string alias": ('[aliases]\njnim = ["JNIM", 5]\n', 2, '"jnim" must be a list of names in quotes'),
    "aliases not a section": ('aliases = ["JNIM", "GSIM"]\n', 1, "aliases must be a section"),
    "empty key": ('[keys]\n"app.quit" = ""\n', 2, 'the key for "app.quit" is empty'),
    "key not text": ('[keys]\n"app.quit" = 5\n', 2, 'the key for "app.quit" must be text'),
    "space in key": ('[keys]\n"app.quit" = "ctrl q"\n', 2, "has a space inside a key"),
    "empty key in list": ('[keys]\n"app.quit" = "q,,f10"\n', 2, "empty key between commas"),
    "dotted binding id": ('[keys]\napp.quit = ""\n', 2, 'the key for "app.quit" is empty'),
    "keys not a section": ('keys = "q"\n', 1, "keys must be a section"),
    "section in a table header": ('[keys.app]\nquit = 5\n', 2, 'the key for "app.quit" must be text'),
}


@pytest.mark.parametrize("body,line,message", SEMANTIC.values(), ids=SEMANTIC.keys())
def test_semantic_mistake_gives_defaults_and_its_line(tmp_path, body, line, message):
    """A well-formed file with a wrong setting gives the defaults and a problem at that setting's line."""
    path = write(tmp_path, PREAMBLE + body)
    config, problems = load_config(path)
    assert config == Config()
    assert len(problems) == 1, problems
    assert (problems[0].path, problems[0].line) == (str(path), line + 2)
    assert message in problems[0].message


def test_one_mistake_discards_the_valid_settings_too(tmp_path):
    """One bad value discards the whole file, so a half-applied config never runs."""
    config, problems = load_config(write(tmp_path, FULL.replace('"liquidated"', '"liquidated", 7')))
    assert config == Config()
    assert [p.line for p in problems] == [11]


def test_every_mistake_is_reported(tmp_path):
    """All the mistakes of a file are reported at once, each at its own line."""
    path = write(tmp_path, 'reviwer = "Ana"\ntheme = 1\n[keys]\n"a.b" = "x y"\n[measures]\nkiled = []\n')
    _, problems = load_config(path)
    assert [p.line for p in problems] == [1, 2, 4, 6]


def test_problem_text_names_file_and_line():
    """A config problem reads 'path, line N: message', or 'path: message' without a line."""
    assert str(ConfigProblem("/c.toml", 3, "theme must be text")) == "/c.toml, line 3: theme must be text"
    assert str(ConfigProblem("/c.toml", None, "is a folder")) == "/c.toml: is a folder"


def test_directory_at_the_path_is_a_problem(tmp_path):
    """A folder where the config file should be is one problem naming the path."""
    path = tmp_path / "config.toml"
    path.mkdir()
    config, problems = load_config(path)
    assert config == Config()
    assert len(problems) == 1 and problems[0].path == str(path) and str(path) in str(problems[0])


def test_invalid_utf8_is_a_problem(tmp_path):
    """Bytes that are not UTF-8 are one problem at the line they are on."""
    path = write(tmp_path, b'reviewer = "Ana"\ntheme = "caf\xe9"\n')
    config, problems = load_config(path)
    assert config == Config()
    assert [(p.path, p.line, "UTF-8" in p.message) for p in problems] == [(str(path), 2, True)]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_a_problem(tmp_path):
    """A file without read permission is one problem naming it; the defaults are used."""
    path = write(tmp_path, 'reviewer = "Ana"\n')
    path.chmod(0)
    try:
        config, problems = load_config(path)
    finally:
        path.chmod(0o600)
    assert config == Config() and len(problems) == 1 and problems[0].path == str(path)


# -- settings reaching the analysis ----------------------------------------------------------

def claims(*texts: str, **options) -> list[tuple[str, str, str]]:
    sources = [source_from_text(f"a{i}.txt", t, id=f"s{i}", meta={"published": "2024-05-08"})
               for i, t in enumerate(texts, 1)]
    return [(c.number_text, c.measure, c.who) for c in analyze(sources, **options).claims]


NEUTRALISED = ("Operation near Mopti\n\nOfficials said 12 militants were neutralised near Mopti on Tuesday. "
               "The army neutralised 15 militants near Mopti, a spokesman said. "
               "Troops neutralised 20 militants and 4 commanders in the raid.")


def test_measure_words_change_the_analysis_and_leave_the_shipped_lexicon_as_it_was():
    """Configured measure words are read by that analysis only; the shipped lexicon never changes."""
    before = dict(lexicon.SHIPPED.passive), dict(lexicon.SHIPPED.active)
    assert [m for _, m, _ in claims(NEUTRALISED)] == ["attackers"] * 4  # "militants" with no measure word
    got = claims(NEUTRALISED, measure_words={"killed": ["neutralised"]})
    assert got == [("12", "killed", "militants"), ("15", "killed", "militants"),
                   ("20", "killed", "militants"), ("4", "killed", "militants")]
    assert (dict(lexicon.SHIPPED.passive), dict(lexicon.SHIPPED.active)) == before
    assert [m for _, m, _ in claims(NEUTRALISED)] == ["attackers"] * 4


def test_measure_words_join_figures_that_share_the_new_verb():
    """'20 militants were neutralised and 4 commanders': the joining test skips the new verb too."""
    text = "Raid\n\nOfficials said 20 militants were neutralised and 4 commanders in the raid near Mopti."
    assert claims(text, measure_words={"killed": ["neutralised"]}) == [("20", "killed", "militants"),
                                                                        ("4", "killed", "militants")]


def test_a_long_measure_phrase_is_read_whatever_its_length():
    """A configured phrase of six words is matched as a shorter one is: no look-up stops short of it."""
    text = "Raid near Gao\n\nPolice said 30 people were marched off into the bush by militants near Gao."
    assert claims(text) == []
    got = claims(text, measure_words={"captured": ["were marched off into the bush"]})
    assert got == [("30", "captured", "people")]


def test_measure_phrases_and_other_measures():
    """A configured measure phrase (any spacing, any case) makes its figures claims of that measure."""
    text = "Sweep in Gao\n\nPolice said 30 people were hauled off during the sweep in Gao."
    assert claims(text) == []
    assert claims(text, measure_words={"captured": ["Hauled  off"]}) == [("30", "captured", "people")]


def test_lexicon_is_a_value():
    """with_measure_words makes a new lexicon; the tables cannot be written; it pickles with its words."""
    import pickle
    with pytest.raises(ValueError, match="unknown measure"):
        lexicon.SHIPPED.with_measure_words({"killed": ["neutralised"], "kiled": ["x"]})
    lex = lexicon.SHIPPED.with_measure_words({"killed": ["neutralised"]})
    assert lex.passive["neutralised"] == "killed" and "neutralised" not in lexicon.SHIPPED.passive
    assert "neutralised" in lex.previous_verb.pattern and "neutralised" not in lexicon.SHIPPED.previous_verb.pattern
    with pytest.raises(TypeError):
        lex.passive["x"] = "killed"  # type: ignore[index]
    again = pickle.loads(pickle.dumps(lex))
    assert again.passive["neutralised"] == "killed" and again.roles == lex.roles


def test_two_configurations_at_once_in_two_threads():
    """Two analyses with different measure words run concurrently and each sees only its own."""
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(2) as pool:
        plain = [pool.submit(claims, NEUTRALISED) for _ in range(4)]
        configured = [pool.submit(claims, NEUTRALISED, measure_words={"killed": ["neutralised"]}) for _ in range(4)]
    assert all([m for _, m, _ in f.result()] == ["attackers"] * 4 for f in plain)
    assert all([m for _, m, _ in f.result()] == ["killed"] * 4 for f in configured)


def test_known_measures_are_the_lexicon_measures():
    """The config accepts exactly the measures the extractor can give."""
    lex = lexicon.SHIPPED
    given = {*lex.passive.values(), *lex.active.values(), *lex.measure_nouns.values(), *lex.head_measure.values()} - {"?"}
    assert given == set(lexicon.MEASURES)


def test_aliases_put_two_names_of_one_group_in_one_topic():
    """Two names declared aliases of one group put their tolls in one topic, in conflict."""
    one = ("Ambush near Boulkessi\n\nTwelve JNIM fighters were killed when soldiers repelled an attack on a "
           "convoy near Boulkessi on Tuesday, the army said.")
    two = ("Convoy attacked near Boulkessi\n\nThe army said 15 GSIM fighters were killed after militants "
           "attacked a convoy near Boulkessi on Tuesday.")
    sources = [source_from_text(f"a{i}.txt", t, id=f"s{i}", meta={"published": "2024-05-08"})
               for i, t in enumerate((one, two), 1)]
    apart = analyze(sources)
    assert len({c.topic for c in apart.claims}) == 2 and not apart.conflicts
    together = analyze(sources, aliases=(("JNIM", "GSIM"),))
    assert len({c.topic for c in together.claims}) == 1
    assert [c.kind for c in together.conflicts] == ["dispute"]


def test_aliases_match_places_spelled_differently():
    """Two spellings declared aliases of one place put their reports in one event."""
    texts = ("Blast in Bombay\n\nAt least 12 people were killed in a blast in Bombay, police said.",
             "Mumbai explosion\n\nFifteen people died in an explosion in Mumbai, officials said.",
             "Flood in Chennai\n\nNine people drowned in Chennai, officials said.")
    sources = [source_from_text(f"a{i}.txt", t, id=f"s{i}") for i, t in enumerate(texts, 1)]
    assert len(analyze(sources).events) == 3
    events = analyze(sources, aliases=[["Mumbai", "Bombay"]]).events
    assert sorted(e.sources for e in events) == [("s1", "s2"), ("s3",)]


def test_loaded_config_feeds_the_analysis(tmp_path):
    """Measure words and aliases read from a file change what the analysis finds."""
    config, _ = load_config(write(tmp_path, '[measures]\nkilled = ["neutralised"]\n'
                                            '[aliases]\njnim = ["JNIM", "GSIM"]\n'))
    got = claims(NEUTRALISED, aliases=config.aliases, measure_words=config.measure_words)
    assert [m for _, m, _ in got] == ["killed"] * 4
