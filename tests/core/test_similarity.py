"""Near-duplicate grouping: exact and near copies group, different texts do not."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from socialnorms.core.similarity import (
    MinHash,
    NearDuplicates,
    jaccard,
    normalize,
    shingles,
    similarity,
    tokens,
)


def test_normalize_drops_links_case_and_spacing():
    assert normalize("Our  REPORT is out:\nhttps://x.example/1") == "our report is out:"


def test_tokens_split_unspaced_scripts_and_keep_emoji():
    assert tokens("東京で 🎉 Hi @jane!") == ("東", "京", "で", "🎉", "hi", "jane")


def test_tokens_of_accented_text_are_nfkc_normalised():
    assert tokens("Café ﬁne") == tokens("café fine")


def test_short_texts_are_one_shingle():
    assert shingles(("thanks",)) == frozenset({"thanks"})
    assert shingles(()) == frozenset()


def test_jaccard_of_empty_sets_is_zero():
    assert jaccard(frozenset(), frozenset()) == 0.0


def test_similarity_ignores_links_and_punctuation():
    assert (
        similarity(
            "Our report is out: https://a.example/1", "Our report is out! https://b.example/2"
        )
        == 1.0
    )
    assert similarity("Our report is out", "Spring boots are back in stock today") == 0.0


def _groups(texts, **kwargs):
    index = NearDuplicates(**kwargs)
    for key, text in enumerate(texts):
        index.add(key, text)
    return index.groups()


def test_exact_and_near_copies_group_and_others_do_not():
    texts = [
        "What a finish! Cowboys take it in overtime, Dak was unreal tonight #NFL #DallasCowboys",
        "We are hiring a data analyst for the marketing team in Leeds",
        "What a finish! Cowboys take it in overtime, Dak was unreal tonight #NFL",
        "what a finish!!! cowboys take it in overtime, dak was unreal tonight #nfl #dallascowboys",
    ]
    assert _groups(texts) == ((0, 2, 3),)


def test_scopes_keep_texts_apart():
    index = NearDuplicates()
    index.add("a", "Our spring catalogue is out today", scope="acme")
    index.add("b", "Our spring catalogue is out today", scope="other")
    assert index.groups() == ()


def test_texts_without_words_are_never_grouped():
    assert _groups(["", "!!!", "https://x.example/1", ""]) == ()


def test_multilingual_near_copies_group():
    texts = [
        "東京の勉強会でお会いできて嬉しかったです",
        "東京の勉強会でお会いできて嬉しかったです！🎉",
        "Schöne Grüße aus Berlin",
    ]
    assert _groups(texts) == ((0, 1),)


def test_minhash_sketch_is_deterministic_and_full_for_short_texts():
    minhash = MinHash(bands=4, rows=2)
    sketch = minhash.sketch([1, 2, 3])
    assert len(sketch) == 8 and sketch == minhash.sketch([3, 2, 1])
    assert len(minhash.band_keys(sketch)) == 4


def test_threshold_is_validated():
    try:
        NearDuplicates(threshold=0)
    except ValueError as exc:
        assert "threshold" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("threshold 0 was accepted")


words = st.sampled_from(
    ["trail", "boots", "report", "launch", "team", "spring", "guide", "pack", "tent", "river"]
)
texts = st.lists(st.lists(words, min_size=1, max_size=12).map(" ".join), max_size=25)


@settings(max_examples=60, deadline=None)
@given(texts, st.randoms(use_true_random=False))
def test_grouping_does_not_depend_on_order(items, rng):
    keyed = list(enumerate(items))
    shuffled = keyed[:]
    rng.shuffle(shuffled)

    def partition(pairs):
        index = NearDuplicates(threshold=1.0)
        for key, text in pairs:
            index.add(key, text)
        return {frozenset(group) for group in index.groups()}

    assert partition(keyed) == partition(shuffled)


@settings(max_examples=60, deadline=None)
@given(texts)
def test_every_grouped_text_has_a_close_partner(items):
    index = NearDuplicates(threshold=0.7)
    for key, text in enumerate(items):
        index.add(key, text)
    for group in index.groups():
        for key in group:
            others = [other for other in group if other != key]
            assert any(similarity(items[key], items[other]) >= 0.7 for other in others)


@settings(max_examples=60, deadline=None)
@given(texts)
def test_identical_texts_always_group(items):
    index = NearDuplicates()
    for key, text in enumerate(items + items):
        index.add(key, text)
    groups = index.groups()
    for key in range(len(items)):
        assert any(key in group and key + len(items) in group for group in groups)


@given(st.tuples(*[st.integers(min_value=0, max_value=2**64 - 1)] * 3))
def test_the_inline_mix_of_three_words_is_the_mix(hashes):
    from socialnorms.core.similarity import _mix, _mix3

    assert _mix3(*hashes) == _mix(hashes)
