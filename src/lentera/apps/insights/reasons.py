"""The words of the linkage model's match reasons, for the catalogue (issue #18, item 7).

A candidate pair keeps its reasons as the model wrote them, in English (``same name (+5.2)``);
the review page shows each in the reader's language (``lentera_format.match_reasons``). A label
a newer model adds and the catalogue does not know yet shows as written.
"""

from django.utils.translation import gettext_noop

REASON_LABELS = (
    gettext_noop("name missing"),
    gettext_noop("same name"),
    gettext_noop("same name parts in another order"),
    gettext_noop("name with one typo"),
    gettext_noop("one name contained in the other"),
    gettext_noop("one name contained in the other, given names differ"),
    gettext_noop("name with two typos"),
    gettext_noop("similar name"),
    gettext_noop("one name part shared"),
    gettext_noop("different name"),
    gettext_noop("birth date missing"),
    gettext_noop("same birth date"),
    gettext_noop("same day, month and year in the NIK"),
    gettext_noop("day and month swapped"),
    gettext_noop("birth date one digit off"),
    gettext_noop("same year and month, date partly read"),
    gettext_noop("same year, date partly read"),
    gettext_noop("different birth date"),
    gettext_noop("national id missing"),
    gettext_noop("same national id"),
    gettext_noop("same NIK but for the serial (twins?)"),
    gettext_noop("NIK differs only in the birth date digits"),
    gettext_noop("NIK differs only in the region digits"),
    gettext_noop("national id one digit slipped"),
    gettext_noop("national id two digits off"),
    gettext_noop("different national id"),
    gettext_noop("phone and address missing"),
    gettext_noop("same phone and address"),
    gettext_noop("same phone"),
    gettext_noop("phone one digit off"),
    gettext_noop("same address"),
    gettext_noop("same street, number and place"),
    gettext_noop("address written alike"),
    gettext_noop("address shares parts"),
    gettext_noop("different phone and address"),
    gettext_noop("sex missing"),
    gettext_noop("same sex"),
    gettext_noop("different sex"),
    gettext_noop("region missing or not comparable"),
    gettext_noop("same district"),
    gettext_noop("same regency or city"),
    gettext_noop("same region name"),
    gettext_noop("same province"),
    gettext_noop("different region"),
)
