"""Indonesian formats of the pages (issue #18, item 4): ``15 Desember 2026``, ``Rp75.000.000``.

Form inputs of dates stay ISO (``lentera.web.widgets``); these are what a page shows and what a
typed text field accepts besides ISO (Django adds the ISO formats to every language's list).
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H.i"
TIME_FORMAT = "H.i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d-m-Y"
SHORT_DATETIME_FORMAT = "d-m-Y H.i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d-%m-%Y", "%d/%m/%Y", "%d %B %Y", "%d %b %Y"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
