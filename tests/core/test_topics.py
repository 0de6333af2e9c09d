"""The topic model: how it reads posts, and the contract checks rely on."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialnorms
from socialnorms import CheckContext, Config, Rule, Timeline, Topic, TopicMatch, TopicModel
from socialnorms.core.checks import check_function
from socialnorms.core.topic_lexicon import TOPICS
from socialnorms.core.topics import _words, split_tag
from socialnorms.engine.plugins import new_plugin_manager
from socialnorms.engine.registry import Registry
from socialnorms.testing import as_plugin

MODEL = TopicModel({topic.name: topic for topic in TOPICS})


def topics_of(text, model=MODEL):
    return [match.topic for match in model.classify(text)]


def sports_terms(text):
    return next((m.terms for m in MODEL.scores(text) if m.topic == "sports"), ())


# -- sports generalises across sports, and business metaphors are not sports -----------


@pytest.mark.parametrize(
    "text",
    [
        "Chiefs punt on 4th down again, unbelievable coaching",  # American football
        "Wemby with a triple-double, Spurs fans are eating good",  # basketball
        "Bottom of the ninth, bases loaded, and the Mariners win it on a walk-off single!",  # baseball
        "Oilers power play goal in OT, McDavid does it again 🏒",  # hockey
        "Bayern 3-0 up at half time, Kane with a brace",  # association football
        "Bumrah takes five wickets on day one of the Test match",  # cricket
        "Springboks win the scrum battle and the match",  # rugby
        "Sinner saves three break points and takes the tiebreak",  # tennis
        "Leclerc on pole for the Monaco Grand Prix 🏎️",  # motorsport
        "Anyone need a kicker? My fantasy league waiver wire is empty",  # fantasy
        "Packers vs Bears tonight, the oldest rivalry in the NFL",
        "Who's watching the Super Bowl? #SuperBowlLX",
    ],
)
def test_sports_across_leagues_and_vocabulary(text):
    assert "sports" in topics_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our Q3 pipeline is a marathon, not a sprint.",
        "We hit a home run with this launch!",
        "Let's touch base on Monday about the contract.",
        "Can you give me a ballpark figure for the migration?",
        "The ball is in their court now.",
        "We need a level playing field for smaller vendors.",
        "Sprint planning moved to Tuesday, retro on Friday.",
        "That question came out of left field.",
        "Our pitch deck is ready for the investor meeting.",
        "Kickoff meeting for the rebrand is at 10.",
        "We scored a big win with the Henderson deal",
        "Great game plan from our sales coach this season",
        "Congrats to the team on hitting our Q3 goals!",
        "Our team crushed it this quarter, proud of every player on this squad",
    ],
)
def test_business_metaphors_are_not_sports(text):
    assert "sports" not in topics_of(text)


def test_idiom_words_are_no_evidence():
    assert sports_terms("It's a marathon, not a sprint") == ()
    assert sports_terms("Running my first marathon on Sunday") == ("marathon",)


# -- how text is read -------------------------------------------------------------------


def test_word_boundaries():
    assert "sports" not in topics_of("Our nflx position is up")  # 'nfl' inside a word
    assert "religion" not in topics_of("Godzilla is a great film")  # 'god' inside a word


def test_plurals_and_possessives():
    assert sports_terms("the Cowboys' owner") == ("cowboys",)
    assert sports_terms("We met at the conference") == ()  # the Mets are a team; 'met' is not
    assert "sports" in topics_of("two touchdowns and an interception")


@pytest.mark.parametrize(
    ("tag", "words"),
    [
        ("GoCowboys", ("go", "cowboys")),
        ("DallasCowboys", ("dallas", "cowboys")),
        ("Election2026", ("election", "2026")),
        ("NFL", ("nfl",)),
        ("data_science", ("data", "science")),
    ],
)
def test_split_tag_at_case_changes_digits_and_underscores(tag, words):
    assert split_tag(tag) == words


def test_lowercase_tags_split_into_known_words():
    vocabulary = frozenset({"cowboys", "fantasy", "football"})
    assert split_tag("gocowboys", vocabulary) == ("go", "cowboys")
    assert split_tag("fantasyfootball", vocabulary) == ("fantasy", "football")
    assert split_tag("throwbackthursday", vocabulary) == ("throwbackthursday",)


def test_tags_of_letters_and_digits_are_read_whole():
    assert sports_terms("Quali tomorrow #F1") == ("quali", "f1")
    assert "gaming" in topics_of("Finally got one #PS5")


def test_hashtags_count_as_evidence():
    assert [(m.topic, m.terms) for m in MODEL.classify("#GoCowboys #NFL")] == [
        ("sports", ("cowboys", "nfl"))
    ]
    assert "sports" in topics_of("#gocowboys #fantasyfootball")


def test_multi_word_phrases_win_over_their_words():
    assert topics_of("League of Legends worlds tonight") == ["gaming"]
    assert "sports" not in topics_of("League of Legends worlds tonight")


def test_links_and_handles():
    assert topics_of("https://example.com/nfl/touchdown") == []
    assert "science" in topics_of("New images from @NASA and the James Webb telescope")


def test_scripts_without_spaces():
    assert "sports" in topics_of("今日はサッカーの試合を見に行った ⚽")


# -- the contract -------------------------------------------------------------------------


def test_matches_are_sorted_by_score_then_name_and_pass_the_threshold():
    model = TopicModel(
        {
            "alpha": Topic("alpha", ["apple"]),
            "beta": Topic("beta", ["apple", "banana"]),
            "gamma": Topic("gamma", ["cherry"], weak_terms=["plum"]),
        }
    )
    found = model.classify("apple banana cherry plum")
    assert [m.topic for m in found] == ["beta", "gamma", "alpha"]  # 0.84, 1 - 0.4**1.4, 0.6
    assert found[0] == TopicMatch("beta", 0.84, ("apple", "banana"))
    assert all(0 <= m.score <= 1 and m.score >= model.threshold for m in found)
    assert [m.topic for m in model.classify("plum")] == []
    assert [m.topic for m in model.scores("plum")] == ["gamma"]


def test_one_weak_term_never_decides_a_topic():
    model = TopicModel({"sports": Topic("sports", ["touchdown"], weak_terms=["pitch"])})
    assert model.classify("Great pitch today") == ()
    assert model.classify("Great pitch today, touchdown!")[0].terms == ("pitch", "touchdown")


def test_threshold_is_validated():
    with pytest.raises(ValueError, match="threshold"):
        TopicModel({}, threshold=0)
    with pytest.raises(TypeError, match="Topic of that name"):
        TopicModel({"sports": Topic("politics", ["vote"])})


def test_topic_terms_are_normalised_and_extended():
    topic = Topic("sports", ["  Touch Down ", "touch down"], weak_terms=["Pitch"])
    assert topic.terms == ("touch down",) and topic.weak_terms == ("pitch",)
    more = topic.extended(Topic("sports", ["kickoff"], idioms=["kickoff meeting"]))
    assert more.terms == ("kickoff", "touch down") and more.idioms == ("kickoff meeting",)


@given(st.text(max_size=280))
def test_any_text_classifies_deterministically(text):
    first = MODEL.classify(text)
    assert MODEL.classify(text) == first
    assert TopicModel(dict(reversed(list(MODEL.topics.items())))).classify(text) == first
    assert list(first) == sorted(first, key=lambda m: (-m.score, m.topic))


# -- the lexicon ----------------------------------------------------------------------------


def normalised(terms):
    return {tuple(_words(term.replace("-", " "))) for term in terms}


@pytest.mark.parametrize("topic", TOPICS, ids=lambda topic: topic.name)
def test_lexicon_hygiene(topic):
    """A description, and no term both strong and weak once plurals are folded."""
    assert topic.description
    assert normalised(topic.terms) & normalised(topic.weak_terms) == set()
    assert normalised(topic.terms) & normalised(topic.idioms) == set()


# -- plugins and the engine -------------------------------------------------------------------


HOUSE_TOPICS = as_plugin(
    topics=[
        Topic("sports", ["footvolley"]),
        Topic("crochet", ["crochet", "amigurumi"], description="Yarn craft."),
    ]
)


def test_plugins_add_topics_and_extend_terms():
    pm = new_plugin_manager(entrypoints=False)
    pm.register(HOUSE_TOPICS, name="house")
    model = socialnorms.Checker(plugin_manager=pm).topics
    assert "crochet" in topics_of("my first amigurumi! crochet is hard", model)
    assert "sports" in topics_of("footvolley on the beach on Saturday, who's in?", model)


def test_a_plugin_that_fails_while_registering_leaves_no_half_of_its_topics():
    class Broken:
        @socialnorms.hookimpl
        def register_topics(self, register):
            register(Topic("crochet", ["crochet"]))
            register(Topic("sports", ["footvolley"]))
            raise RuntimeError("lexicon file missing")

    pm = new_plugin_manager(entrypoints=False)
    pm.register(Broken(), name="broken")
    with pytest.warns(socialnorms.engine.plugins.PluginLoadWarning, match="broken"):
        registry = Registry(pm)
    assert "crochet" not in registry.topics
    assert "footvolley" not in registry.topics["sports"].terms


def test_blocking_the_builtin_topics_leaves_an_empty_model():
    registry = Registry(new_plugin_manager(disable=["topics"], entrypoints=False))
    assert registry.topics == {}


def test_every_check_gets_the_same_model_built_once():
    seen = []

    @check_function("topic-probe", [Rule("ZZ001", "topic-probe", "Probes.", "To see the context.")])
    def probe(ctx):
        seen.append(ctx.topics)
        return ()

    class Probe:
        @socialnorms.hookimpl
        def register_checks(self, register):
            register(probe)

    pm = new_plugin_manager(entrypoints=False)
    pm.register(Probe(), name="probe")
    checker = socialnorms.Checker(plugin_manager=pm)
    timeline = Timeline([], [])
    checker.check(timeline)
    checker.check(timeline)
    assert seen and all(model is checker.topics for model in seen)


def test_a_context_made_without_topics_has_an_empty_model():
    @check_function("bare", [])
    def bare(ctx):
        return ()

    ctx = CheckContext(Timeline([], []), check=bare, networks={}, config=Config())
    assert len(ctx.topics) == 0 and ctx.topics.classify("touchdown") == ()
