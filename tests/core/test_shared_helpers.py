"""core.exports (CSV/XLSX with formula escaping), core.tokens and core.site: the helpers the
apps' exporters, secret links and calendar feeds share."""

import io

from openpyxl import load_workbook

from core.exports import csv_bytes, csv_response, private_download, spreadsheet_safe, xlsx_bytes
from core.site import absolute_url, site_host
from core.tokens import TOKEN_LENGTH, hash_token, new_token, token_matches

DANGEROUS = ['=HYPERLINK("http://x")', "+45 12 34", "-1+1", "@SUM(A1)", "\tx", "\rx"]


def test_every_formula_start_is_escaped_and_other_values_are_left_alone():
    assert [spreadsheet_safe(v) for v in DANGEROUS] == ["'" + v for v in DANGEROUS]
    assert spreadsheet_safe("Gørlev IF") == "Gørlev IF"
    assert spreadsheet_safe(-3) == -3
    assert spreadsheet_safe("") == ""


def test_csv_is_what_danish_excel_opens():
    data = csv_bytes(["Navn", "Telefon"], [["Ærø; Syd", "=1+1"]])

    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8") == '\ufeffNavn;Telefon\r\n"Ærø; Syd";\'=1+1\r\n'


def test_csv_response_is_a_private_download():
    response = csv_response("stande.csv", ["A"], [["@x"]])

    assert response["Content-Disposition"] == 'attachment; filename="stande.csv"'
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "'@x" in response.content.decode("utf-8")


def test_a_private_download_named_with_danish_letters_keeps_them():
    response = private_download(b"%PDF-", "application/pdf", "Kursusbevis Førstehjælp.pdf")

    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Kursusbevis%20F%C3%B8rstehj%C3%A6lp.pdf"
    )


def test_xlsx_escapes_the_same_cells_and_keeps_numbers():
    data = xlsx_bytes(["Navn", "Antal"], [["=cmd|' /C calc'!A0", 3]], sheet_title="Deltagere" * 5)

    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == ("Deltagere" * 5)[:31]
    assert sheet["A2"].value == "'=cmd|' /C calc'!A0"
    assert sheet["B2"].value == 3
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"


def test_tokens_are_random_and_only_their_hash_is_kept():
    token, other = new_token(), new_token()

    assert len(token) == TOKEN_LENGTH
    assert token != other
    assert len(hash_token(token)) == 64
    assert hash_token(token) != token
    assert token_matches(token, hash_token(token))
    assert not token_matches(other, hash_token(token))


def test_site_links_use_site_url_not_the_request(settings):
    settings.SITE_URL = "https://frivilligloeft.kalundborg.dk/"

    assert site_host() == "frivilligloeft.kalundborg.dk"
    assert absolute_url("/kurser/") == "https://frivilligloeft.kalundborg.dk/kurser/"
