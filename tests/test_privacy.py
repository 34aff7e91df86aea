"""Masking of personal data people type, before anything is stored or shown."""

import pytest

from bot.privacy import mask_personal_data, valid_id_number


@pytest.mark.parametrize(
    ("text", "masked", "kinds"),
    [
        ("fnr 01010100050 gjelder", "fnr [fødselsnummer] gjelder", ("id_number",)),
        ("fnr 010101 00050", "fnr [fødselsnummer]", ("id_number",)),
        ("ring 912 34 567", "ring [telefon]", ("phone",)),
        ("ring meg på 91234567.", "ring meg på [telefon].", ("phone",)),
        ("tlf +47 22 33 44 55", "tlf [telefon]", ("phone",)),
        ("send til kari.n@kommune.no", "send til [e-post]", ("email",)),
        (
            "Hei, jeg heter Kari Nordmann og lurer på år 3",
            "Hei, jeg heter [navn] og lurer på år 3",
            ("name",),
        ),
        ("my name is Jane Doe, what is the rate", "my name is [navn], what is the rate", ("name",)),
        ("hva får vi i år 3? Mvh Ola N.", "hva får vi i år 3? Mvh [navn]", ("name",)),
        ("eg heiter Per og spør om frist", "eg heiter [navn] og spør om frist", ("name",)),
        ("fnr 010101-00050", "fnr [fødselsnummer]", ("id_number",)),
        ("mitt navn er ola, hva er fristen?", "mitt navn er [navn], hva er fristen?", ("name",)),
        ("jeg heter kari nordmann og lurer", "jeg heter [navn] og lurer", ("name",)),
        ("takk! hilsen kari", "takk! hilsen [navn]", ("name",)),
        ("Jeg heter Kari Nordmann. hva er satsen?", "Jeg heter [navn]. hva er satsen?", ("name",)),
        ("Mvh\nKari Nordmann\nLillehammer kommune", "Mvh\n[navn]\nLillehammer kommune", ("name",)),
        (
            "Jeg heter Kari, tlf 91234567, kari@x.no, fnr 01010100050",
            "Jeg heter [navn], tlf [telefon], [e-post], fnr [fødselsnummer]",
            ("id_number", "email", "phone", "name"),
        ),
    ],
)
def test_personal_data_is_replaced_by_a_placeholder_naming_its_kind(text, masked, kinds):
    result = mask_personal_data(text)
    assert result.text == masked
    assert result.kinds == kinds


@pytest.mark.parametrize(
    "text",
    [
        "hva får vi i år 3 for 2 årsverk?",
        "Kristiansand 2017-2019 uten prognosen",
        "tilskudd 2021 2022 og 2023",
        "1 650 000 kr for 3 årsverk",
        "jeg er NAV-leder i Grimstad",
        "jeg er koordinator, hva er fristen?",
        "kap. 0621 post 63, 765.62",
        "12345678901 er ikke et gyldig nummer",
        "kostnad 12345678 kr for 3 årsverk",
        "budsjett på 15000000 kroner",
        "kr 12 34 56 78 i lønn",
        "lønn 24000000,- i året",
        "jeg er usikker på fristen",
        "i am not sure about the deadline",
    ],
)
def test_questions_without_personal_data_are_left_as_they_are(text):
    result = mask_personal_data(text)
    assert result.text == text
    assert not result.changed


def test_an_identity_number_needs_both_check_digits_right():
    assert valid_id_number("01010100050")
    assert not valid_id_number("01010100051")
    assert not valid_id_number("0101015007")
