"""What a note says: the recipient's name, a shared context, a specific topic."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from socialnorms import Account
from socialnorms.guidelines.personalize_invitations import personalization, recipient_names

SCORES = {0.0, 0.2, 0.3, 0.5, 0.7, 0.8, 1.0}
NOTES = st.text(alphabet=st.characters(categories=["L", "Nd", "P", "Zs"]), max_size=80)


def test_score_features():
    names = recipient_names(None, "linkedin:jane_doe")
    assert names == ("jane", "doe")
    assert personalization("Jane, let's connect", names).score == 0.3
    assert personalization("Great chat at the Leeds meetup about pricing", names).score == 0.7
    assert personalization("👋🎉", names).score == 0.0
    assert personalization("Jane", names).missing == (
        "a shared context (an event, a place, a conversation)",
        "a specific topic",
    )


def test_names_come_from_the_name_the_handle_and_the_id():
    account = Account(id="linkedin:l-wei-88", network="linkedin", name="Lì Wéi", handle="@liwei.sh")
    assert recipient_names(account, account.id) == ("wei", "lì", "wéi", "liwei", "sh")


def test_the_network_and_the_sender_are_no_shared_context():
    names = recipient_names(None, "linkedin:lucia")
    note = "Me gustaría añadirte a mi red profesional en LinkedIn. Saludos de Acme"
    assert personalization(note, names, sender=("acme",)).shared_context == ()
    spanish = personalization(
        "Hola Lucía, fue genial conocerte en la conferencia de Madrid.", ("lucía",)
    )
    assert spanish.names_recipient and spanish.shared_context == ("conferencia", "Madrid")
    assert spanish.score == 0.8


def test_words_of_the_recipients_bio_and_posts_make_a_note_specific():
    names = ("omar",)
    plain = personalization("Omar, we met at the meetup", names)
    known = personalization(
        "Omar, we met at the meetup, dashboards!", names, frozenset({"dashboards"})
    )
    assert plain.topic == () and known.topic == ("dashboards",)
    assert known.score == 1.0 and known.missing == ()


@given(NOTES)
def test_a_score_is_the_sum_of_the_features_found(note):
    personal = personalization(note, ("jane", "doe"))
    assert personal.score in SCORES
    assert (personal.score == 1.0) == (personal.missing == ())
    assert personal.names_recipient == ("the recipient's name" not in personal.missing)


@given(NOTES)
def test_naming_the_recipient_never_lowers_the_score(note):
    named = personalization(f"Jane, {note}", ("jane",))
    assert named.names_recipient
    assert named.score >= personalization(note, ("jane",)).score
