"""Date and time formats per language (FORMAT_MODULE_PATH), on top of Django's own.

Every date a person reads goes through these named formats (`|date:"DATE_FORMAT"`,
`django.utils.formats.date_format`, `core.dates`), so it follows the page's or the email's
language: "5. december 2026" on a Danish page, "5 December 2026" on an English one. English
is written the European way (day before month, 24-hour clock), as the Danish readers of the
English pages expect. Formats not named here come from Django's locale files.
"""
