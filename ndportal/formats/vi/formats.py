"""Vietnamese date formats: editors type day/month/year, as they read it.

Django's own `vi` locale has display formats but no input formats, so the admin
accepted only 2026-11-26. Its display formats mixed "Ngày 30 tháng 7 năm 2021",
"16:05 30/07/2021" and "30/07/2021" in one admin; every date here reads 30/07/2021 and
every time 30/07/2021 16:05. Public templates give their own formats. Names not defined
here fall back to Django's `vi` locale.
"""

DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
# The first format is the one widgets and the admin calendar write.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
