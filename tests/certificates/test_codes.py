import pytest

from certificates import codes


def test_generate_has_80_bits_and_a_valid_check_symbol():
    code = codes.generate()
    assert len(code) == 17
    assert set(code) <= set(codes.ALPHABET)
    assert codes.normalise(code) == code
    assert len(codes.ALPHABET) ** codes.DATA_LENGTH >= 2**80


def test_generate_is_random():
    assert len({codes.generate() for _ in range(200)}) == 200


def test_display_groups_of_four_and_the_check_symbol():
    assert codes.display("ABCDEFGHJKMNPQRST") == "ABCD-EFGH-JKMN-PQRS-T"


@pytest.mark.parametrize(
    "typed",
    [
        "{display}",
        "{display_lower}",
        "{compact}",
        "  {display}  ",
        "{spaced}",
        "{display}-",
        "-{display}",
        "{with_o}",
    ],
    ids=[
        "display",
        "lower",
        "no-hyphens",
        "padding",
        "spaces",
        "extra-hyphen-end",
        "extra-hyphen-start",
        "letter-o-and-l-for-digits",
    ],
)
def test_normalise_forgives_typing(typed):
    code = "10ABCD0EFGH1JKMN"
    code += codes.check_symbol(code)
    display = codes.display(code)
    typed = typed.format(
        display=display,
        display_lower=display.lower(),
        compact=code,
        spaced=display.replace("-", " "),
        with_o=display.lower().replace("0", "o").replace("1", "l"),
    )
    assert codes.normalise(typed) == code


@pytest.mark.parametrize("typed", ["", "ABCD", "ABCD-EFGH-JKMN-PQRS-TT", "ABCD-EFGH-JKMN-PQRS-U"])
def test_normalise_rejects_wrong_length_and_symbols(typed):
    assert codes.normalise(typed) is None


def test_check_symbol_catches_every_single_substitution():
    code = codes.generate()
    for position in range(codes.CODE_LENGTH):
        for symbol in codes.ALPHABET:
            if symbol != code[position]:
                typo = code[:position] + symbol + code[position + 1 :]
                assert codes.normalise(typo) is None


def test_check_symbol_catches_adjacent_swaps():
    # Luhn mod N misses exactly one swap: the first and last symbols (0 and Z) next to each
    # other, like 09 ↔ 90 in the decimal Luhn check.
    code = codes.generate()
    for position in range(codes.DATA_LENGTH - 1):
        a, b = code[position], code[position + 1]
        if a != b and {a, b} != {"0", "Z"}:
            swapped = code[:position] + b + a + code[position + 2 :]
            assert codes.normalise(swapped) is None
