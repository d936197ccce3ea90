"""Certificate codes: 80 random bits in Crockford base32, grouped for typing, with a check
character.

A code is 16 data symbols (16 × 5 = 80 bits from `secrets`) and one check symbol, printed as
``ABCD-EFGH-JKMN-PQRS-T``. The check symbol is Luhn mod 32 over the data symbols, so any
single mistyped symbol and any swap of two neighbours (except 0 ↔ Z, Luhn's one blind spot)
is caught before the database is asked.
Crockford's alphabet leaves out I, L, O and U; reading forgives them as people type them:
lower case, O for 0, I or L for 1, hyphens and spaces anywhere.
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DATA_LENGTH = 16
CODE_LENGTH = DATA_LENGTH + 1
GROUP = 4
_VALUE = {symbol: index for index, symbol in enumerate(ALPHABET)}
_TYPOS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def check_symbol(data: str) -> str:
    """Luhn mod 32: detects every single substitution and every adjacent transposition but
    one (0 next to Z)."""
    factor, total, base = 2, 0, len(ALPHABET)
    for symbol in reversed(data):
        addend = factor * _VALUE[symbol]
        factor = 1 if factor == 2 else 2
        total += addend // base + addend % base
    return ALPHABET[(base - total % base) % base]


def generate() -> str:
    """A new random code in its stored form (17 symbols, no separators)."""
    data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_LENGTH))
    return data + check_symbol(data)


def normalise(typed: str) -> str | None:
    """The stored form of a typed code, or None when it cannot be a code (wrong length,
    a symbol outside the alphabet, or a check symbol that does not match)."""
    compact = "".join(typed.split()).replace("-", "").upper().translate(_TYPOS)
    if len(compact) != CODE_LENGTH or any(symbol not in _VALUE for symbol in compact):
        return None
    data, check = compact[:DATA_LENGTH], compact[DATA_LENGTH:]
    if check_symbol(data) != check:
        return None
    return compact


def typing_problem(typed: str) -> str | None:
    """Why `typed` is not a code, to say so in words: "length", "symbol" (one outside the
    alphabet) or "check" (all 17 there, but the check symbol does not match); None if it is."""
    compact = "".join(typed.split()).replace("-", "").upper().translate(_TYPOS)
    if len(compact) != CODE_LENGTH:
        return "length"
    if any(symbol not in _VALUE for symbol in compact):
        return "symbol"
    if normalise(typed) is None:
        return "check"
    return None


def display(code: str) -> str:
    """``ABCD-EFGH-JKMN-PQRS-T`` for a stored code."""
    groups = [code[i : i + GROUP] for i in range(0, DATA_LENGTH, GROUP)]
    return "-".join([*groups, code[DATA_LENGTH:]])
