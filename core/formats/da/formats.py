# "5. december 2026", "5. dec. 2026", "5. december 2026, 17:00" (Dansk Sprognævn's style).
DATE_FORMAT = "j. F Y"
SHORT_DATE_FORMAT = "j. N Y"
DATETIME_FORMAT = "j. F Y, H:i"
SHORT_DATETIME_FORMAT = "j. N Y, H:i"
MONTH_DAY_FORMAT = "j. F"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
