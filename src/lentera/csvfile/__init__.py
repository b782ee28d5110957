"""Strict CSV reading for every file Lentera reads: each row, or an error naming file and line.

Pure Python, no Django. Python's :mod:`csv` forgives what loses data: an unclosed quote swallows
the rest of the file into one value, a short row is padded with ``None``, a long row's extra
values go to a ``None`` key, a duplicated column keeps only its last value. Here each of those
is an error, raised before the caller has acted on the file: the linkage input (``lentera
link``), the destination-policy table (``lentera screen departure --policy``), the region data
and the job-offer imports all read through :func:`read_csv` or :func:`parse_csv`.

Exceptions: :class:`CsvError` (also ``ValueError``) is the only one; its ``problem``
(:class:`Problem`) says what is wrong, ``source`` and ``line`` where (``str()`` reads
``file:line: message``).
"""

from lentera.csvfile._reader import CsvError, CsvRow, Problem, decode_utf8, parse_csv, read_csv

__all__ = ["CsvError", "CsvRow", "Problem", "decode_utf8", "parse_csv", "read_csv"]
