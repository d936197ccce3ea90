import pytest

from core.search import MAX_WORDS, search_words


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ('"generalforsamling', "generalforsamling"),
        ("ny i (bestyrelsen) OR*", "ny i bestyrelsen OR"),
        ("a:b & c | !d^ -e", "a b c d e"),
        ('Ærø\x00 "kø"\'', "Ærø kø"),
        ("cafe\u0301 for ældre", "café for ældre"),  # decomposed é is one word
        ('" * ()', ""),
        ("", ""),
    ],
    ids=["quote", "brackets", "tsquery", "nul", "combining", "punctuation-only", "empty"],
)
def test_search_words_keeps_only_words(typed, words):
    assert search_words(typed) == words


def test_search_words_keeps_at_most_max_words():
    assert search_words("ord " * 1000) == " ".join(["ord"] * MAX_WORDS)
