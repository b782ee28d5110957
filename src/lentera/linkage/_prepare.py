"""Indonesian-aware preparation: person records to the columns the model compares.

Every derived column is computed here, in Python, once per record, so that the comparison
SQL stays plain equality and library similarity functions that run the same on DuckDB and
Spark.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from typing import Any

import pandas as pd
import pyarrow as pa

from lentera.idn import (
    InvalidNik,
    address_tokens,
    clean_nik,
    normalize_name,
    parse_nik,
    phone_key,
    region_key,
    swap_day_month,
)
from lentera.linkage._dates import read_date
from lentera.linkage._gc import gc_paused
from lentera.linkage._records import PersonRecord

_FEMALE = frozenset({"f", "female", "p", "perempuan", "w", "wanita", "woman", "pr"})
_MALE = frozenset({"m", "male", "l", "laki-laki", "laki laki", "lakilaki", "lk", "pria", "man"})
# Spelling keys of name parts that come before the given name itself (Muhammad, Siti, Nur,
# the Javanese Sri/Dwi/Tri/Eka, the Balinese I/Ni/Luh and birth-order names): the first
# part that is not one of these is the given name.
_NAME_PREFIXES = frozenset(
    {
        "muhamad", "ahmad", "abdul", "siti", "nur", "sri", "dwi", "tri", "eka", "i", "ni", "lu",
        "wayan", "made", "nyoman", "ketut", "putu", "kadek", "komang", "gede", "ayu",
    }
)  # fmt: skip
_PHONE_SPLIT = re.compile(r"[,;/|]|\batau\b|\bor\b", re.IGNORECASE)
_NATIONAL_ID_NOISE = re.compile(r"[^0-9A-Za-z]+")

#: Columns of the prepared frame, in order.
PREPARED_COLUMNS = (
    "unique_id",
    "name_key",
    "name_sorted",
    "name_sorted_multi",
    "name_tokens",
    "name_first",
    "name_given",
    "name_last",
    "dob",
    "dob_swapped",
    "dob6",
    "birth_year",
    "birth_ym",
    "dob_partial",
    "sex",
    "nik",
    "nik12",
    "nik_place",
    "nik_date",
    "nik_serial",
    "nik_head",
    "nik_tail",
    "phone",
    "phones",
    "phone_alt",
    "address_key",
    "address_tokens",
    "address_street",
    "nik_region",
    "region6",
    "region4",
    "region2",
    "region_name",
)


def normalize_sex(value: str) -> str | None:
    """``"f"``, ``"m"`` or None for the ways registers write sex (F/M, P/L, female/male...)."""
    text = value.strip().lower()
    if text in _FEMALE:
        return "f"
    if text in _MALE:
        return "m"
    return None


def _phones(value: str) -> list[str]:
    found: list[str] = []
    for part in _PHONE_SPLIT.split(value):
        key = phone_key(part) if part.strip() else None
        if key is not None and key not in found:
            found.append(key)
    return found


NameParts = tuple[str | None, str | None, str | None, list[str] | None, str | None, str | None,
                  str | None]  # fmt: skip
NikParts = tuple[str | None, str | None, str | None, str | None, str | None, str | None,
                 str | None, str | None, str | None, str | None]  # fmt: skip
DateParts = tuple[str | None, str | None, str | None, str | None, str | None, str | None]
PhoneParts = tuple[str | None, list[str] | None, str | None]
AddressParts = tuple[str | None, list[str] | None, str | None]
RegionParts = tuple[str | None, str | None, str | None, str | None]

NAME_COLUMNS = ("name_key", "name_sorted", "name_sorted_multi", "name_tokens", "name_first",
                "name_given", "name_last")  # fmt: skip
#: The NIK's own columns, then three that only feed other columns (region, sex, birth date).
NIK_COLUMNS = ("nik", "nik12", "nik_place", "nik_date", "nik_serial", "nik_head", "nik_tail",
               "nik_region")  # fmt: skip
DATE_COLUMNS = ("dob", "dob_swapped", "dob6", "birth_year", "birth_ym", "dob_partial")
PHONE_COLUMNS = ("phone", "phones", "phone_alt")
ADDRESS_COLUMNS = ("address_key", "address_tokens", "address_street")
REGION_COLUMNS = ("region6", "region4", "region2", "region_name")


_FATHER = re.compile(r"\b(?:bin|binti)\b[^,]*", re.IGNORECASE)


def name_parts(full_name: str) -> NameParts:
    """The name columns (``NAME_COLUMNS``) of one written name.

    In "Family, Given bin Father" the father's name is dropped before the parts are put in
    order (otherwise the family name moved behind the given name would go with it).
    """
    if "," in full_name:
        full_name = _FATHER.sub("", full_name)
    name = normalize_name(full_name)
    keys = name.keys
    return (
        name.key or None,
        name.sorted_key or None,
        # For blocking only: a one-word name ("Budi", "Siti") alone is shared by too many.
        name.sorted_key if len(set(keys)) >= 2 else None,
        sorted(set(keys)) or None,
        keys[0] if keys else None,
        next((k for k in keys if k not in _NAME_PREFIXES), None),
        keys[-1] if keys else None,
    )


def nik_parts(national_id: str) -> NikParts:
    """The NIK columns (``NIK_COLUMNS``) of one written national id, then the sex letter and
    the ``ddmmyy`` birth date a valid NIK encodes (None when it is not a valid NIK)."""
    nik = _NATIONAL_ID_NOISE.sub("", clean_nik(national_id)).upper() or None
    if nik is None or len(nik) < 5:
        return (None,) * 10
    nik_region = nik_sex = nik_dob6 = None
    full = len(nik) == 16
    if full:
        try:
            info = parse_nik(nik)
        except InvalidNik:
            pass
        else:
            nik_region = nik[:6]
            nik_sex = info.sex[0]
            nik_dob6 = f"{info.birth_day:02d}{info.birth_month:02d}{info.birth_year_2digit:02d}"
    long_nik = len(nik) >= 12
    return (
        nik,
        nik[:12] if full else None,
        nik[:6] if full else None,
        nik[6:12] if full else None,
        nik[12:] if full else None,
        nik[:8] if long_nik else nik[:5],
        nik[-10:] if long_nik else nik[-5:],
        nik_region,
        nik_sex,
        nik_dob6,
    )


def date_parts(born: date | None, written: str = "") -> DateParts:
    """The birth date columns (``DATE_COLUMNS``) of one birth date, whole (``born``) or as
    written when it is not a whole real date (``written``: its readable parts count;
    ``dob_partial`` is ``"y"`` then)."""
    if born is None:
        read = read_date(written) if written else None
        if read is None:
            return (None, None, None, None, None, "y" if written else None)
        digits = read.digits
        return (
            digits,
            None,
            f"{digits[8:10]}{digits[5:7]}{digits[2:4]}" if digits is not None else None,
            str(read.year) if read.year is not None else None,
            f"{read.year:04d}-{read.month:02d}" if read.year and read.month else None,
            "y",
        )
    swapped = swap_day_month(born)
    return (
        born.isoformat(),
        swapped.isoformat() if swapped is not None else None,
        born.strftime("%d%m%y"),
        str(born.year),
        f"{born.year:04d}-{born.month:02d}",
        None,
    )


def _date_parts(value: tuple[date | None, str]) -> DateParts:
    return date_parts(*value)


def phone_parts(phone: str) -> PhoneParts:
    """The phone columns (``PHONE_COLUMNS``) of one written phone field: the first phone,
    all of them, and the second (for blocking: one register writes a person's own number
    first, another the household's)."""
    phones = _phones(phone) if phone else []
    return (phones[0] if phones else None, phones or None, phones[1] if len(phones) > 1 else None)


def address_parts(address: str) -> AddressParts:
    """The address columns (``ADDRESS_COLUMNS``) of one written address: the key, the tokens,
    and street with house number (``"frans 70"``, for blocking) when it starts that way."""
    tokens = address_tokens(address) if address else ()
    street = None
    if len(tokens) >= 2 and tokens[1].isdigit() and not tokens[0].isdigit():
        street = f"{tokens[0]} {tokens[1]}"
    return (" ".join(tokens) or None, list(tokens) or None, street)


def region_parts(region: str) -> RegionParts:
    """The region columns (``REGION_COLUMNS``) of one written region (code or name)."""
    key = region_key(region) if region else None
    is_code = key is not None and key.isdigit()
    code = key if is_code and key is not None else ""
    return (
        code[:6] if len(code) >= 6 else None,
        code[:4] if len(code) >= 4 else None,
        code[:2] if len(code) >= 2 else None,
        key if key is not None and not is_code else None,
    )


def prepare_record(record: PersonRecord, unique_id: int) -> dict[str, object]:
    """The comparison columns of one record (None where nothing can be compared)."""
    row: dict[str, object] = {"unique_id": unique_id}
    row.update(zip(NAME_COLUMNS, name_parts(record.full_name), strict=True))
    row.update(
        zip(DATE_COLUMNS, date_parts(record.birth_date, record.birth_date_written), strict=True)
    )
    *nik, nik_sex, nik_dob6 = nik_parts(record.national_id)
    row.update(zip(NIK_COLUMNS, nik, strict=True))
    # The NIK cross-checks what the documents say and fills what they leave out.
    row["sex"] = normalize_sex(record.sex) or nik_sex
    if row["dob6"] is None:
        row["dob6"] = nik_dob6
    row.update(zip(PHONE_COLUMNS, phone_parts(record.phone), strict=True))
    row.update(zip(ADDRESS_COLUMNS, address_parts(record.address), strict=True))
    row.update(zip(REGION_COLUMNS, region_parts(record.region), strict=True))
    return {column: row[column] for column in PREPARED_COLUMNS}


def partly_read(records: Sequence[PersonRecord], table: pa.Table) -> dict[str, int]:
    """How many values of each column were written but could only partly be read (or not
    at all), by contract column name: kept and compared by what could be read, never an
    error. Columns where every value was read are left out. ``table`` is
    :func:`prepare_table` of ``records``."""

    def missing(column: str) -> list[bool]:
        return table.column(column).is_null().to_pylist()  # type: ignore[no-any-return]

    no_region = [a and b for a, b in zip(missing("region2"), missing("region_name"), strict=True)]
    counts = {
        "birth_date": sum(1 for record in records if record.birth_date_written),
        "sex": sum(
            1
            for record, none in zip(records, missing("sex"), strict=True)
            if none and record.sex.strip()
        ),
        "national_id": sum(
            1
            for record, none in zip(records, missing("nik"), strict=True)
            if none and record.national_id.strip()
        ),
        "phone": sum(
            1
            for record, none in zip(records, missing("phone"), strict=True)
            if none and record.phone.strip()
        ),
        "region": sum(
            1
            for record, none in zip(records, no_region, strict=True)
            if none and record.region.strip()
        ),
    }
    return {column: n for column, n in counts.items() if n}


def _learn_region_codes(pairs: Iterable[tuple[object, object]]) -> dict[str, str]:
    """Region name -> the regency code that the valid NIKs of its records most often start
    with, from ``(region_name, nik_region)`` of every record (when at least three NIKs do and
    two thirds agree)."""
    votes: dict[str, Counter[str]] = {}
    for name, nik_region in pairs:
        if isinstance(name, str) and isinstance(nik_region, str):
            votes.setdefault(name, Counter())[nik_region[:4]] += 1
    learned: dict[str, str] = {}
    for name, counter in votes.items():
        code, count = counter.most_common(1)[0]
        if count >= 3 and count * 3 >= 2 * sum(counter.values()):
            learned[name] = code
    return learned


def _filled_region(learned: dict[str, str], name: object, nik_region: object) -> str | None:
    filled = learned.get(name) if isinstance(name, str) else None
    if filled is None and name is None and isinstance(nik_region, str):
        filled = nik_region[:4]
    return filled


def fill_region_codes(rows: list[dict[str, object]]) -> None:
    """Give a region code to records that only name their region or only have a NIK.

    A region name gets the regency code that the valid NIKs of the records bearing that name
    most often start with (when at least three do and two thirds agree); a record with no
    region at all takes the regency and province of its NIK's first registration.
    """
    learned = _learn_region_codes((row["region_name"], row["nik_region"]) for row in rows)
    for row in rows:
        if row["region2"] is not None:
            continue
        filled = _filled_region(learned, row["region_name"], row["nik_region"])
        if filled is not None:
            row["region4"], row["region2"] = filled, filled[:2]


#: Inputs of at least this many records are prepared in worker processes.
PARALLEL_MIN_RECORDS = 200_000
_CHUNKS_PER_WORKER = 4

# The distinct values being prepared, by kind, for worker processes forked while it is set:
# they read their share from here instead of receiving it pickled.
_SHARED: dict[str, tuple[Callable[[Any], tuple[Any, ...]], list[Any]]] = {}


def _prepare_shared(task: tuple[str, int, int]) -> list[list[Any]]:
    kind, start, stop = task
    function, values = _SHARED[kind]
    # Column by column: far fewer objects to send back than one tuple per value.
    return [list(column) for column in zip(*map(function, values[start:stop]), strict=True)]


class _Columns:
    """Computes each distinct value of a field once (registers repeat names, dates and
    regions, and the same NIK or phone across agencies), in worker processes when given a
    pool, and spreads the results back over the records."""

    def __init__(self, kinds: dict[str, tuple[Callable[[Any], tuple[Any, ...]], list[Any]]]):
        self.values = kinds
        self.distinct = {kind: list(dict.fromkeys(values)) for kind, (_f, values) in kinds.items()}
        self.parts: dict[str, list[Future[list[list[Any]]]]] = {}

    def start(self, pool: ProcessPoolExecutor, workers: int) -> None:
        """Send every kind to the pool, in chunks (call after filling ``_SHARED``)."""
        for kind, distinct in self.distinct.items():
            size = max(1, -(-len(distinct) // (workers * _CHUNKS_PER_WORKER)))
            self.parts[kind] = [
                pool.submit(_prepare_shared, (kind, i, i + size))
                for i in range(0, len(distinct), size)
            ]

    def release(self, kind: str) -> None:
        """Forget one kind's values and results once its columns are taken."""
        self.values.pop(kind, None)
        self.distinct.pop(kind, None)
        self.parts.pop(kind, None)

    def columns(self, kind: str, names: Sequence[str]) -> dict[str, list[Any]]:
        """The result columns (``names``) of one kind, one value per record."""
        function, values = self.values[kind]
        distinct = self.distinct[kind]
        position = {value: i for i, value in enumerate(distinct)}
        codes = [position[value] for value in values]
        if kind in self.parts:
            results: list[list[Any]] = [[] for _ in names]
            for future in self.parts[kind]:
                for column, part in zip(results, future.result(), strict=True):
                    column.extend(part)
        elif distinct:
            results = [list(c) for c in zip(*map(function, distinct), strict=True)]
        else:
            results = [[] for _ in names]
        return {
            name: [column[i] for i in codes] for name, column in zip(names, results, strict=True)
        }


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


#: Prepared columns holding a list of strings; every other one holds a string, but
#: ``unique_id`` (int64).
LIST_COLUMNS = frozenset({"name_tokens", "phones", "address_tokens"})


def _arrow_type(column: str) -> pa.DataType:
    if column == "unique_id":
        return pa.int64()
    if column in LIST_COLUMNS:
        return pa.list_(pa.string())
    return pa.string()


def prepare_frame(records: Sequence[PersonRecord]) -> pd.DataFrame:
    """Prepared columns for ``records``; ``unique_id`` is the position in ``records``.

    The same columns as :func:`prepare_record` gives each record (as a pandas frame of
    Python objects; see :func:`prepare_table` for the compact form the linkage uses).
    """
    return table_to_frame(prepare_table(records))


def table_to_frame(table: pa.Table) -> pd.DataFrame:
    """A prepared Arrow table as a pandas frame of Python objects (None, str, list)."""
    frame = table.to_pandas()
    for column in LIST_COLUMNS:
        frame[column] = [None if v is None else list(v) for v in frame[column]]
    for column in PREPARED_COLUMNS:
        if column != "unique_id":
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def prepare_table(records: Sequence[PersonRecord]) -> pa.Table:
    """Prepared columns for ``records`` as an Arrow table (``unique_id`` is the position in
    ``records``): computed column by column and once per distinct value, large inputs in
    worker processes (one per CPU) for the names, addresses, phones and NIKs; each column is
    turned into Arrow as soon as it is complete, so that a million records' worth of Python
    strings is never held at once.
    """
    with gc_paused():
        return _prepare_table(records)


def _prepare_table(records: Sequence[PersonRecord]) -> pa.Table:
    workers = os.cpu_count() or 1
    heavy = _Columns(
        {
            "name": (name_parts, [record.full_name for record in records]),
            "address": (address_parts, [record.address for record in records]),
            "nik": (nik_parts, [record.national_id for record in records]),
            "phone": (phone_parts, [record.phone for record in records]),
        }
    )
    cheap = _Columns(
        {
            "date": (
                _date_parts,
                [(record.birth_date, record.birth_date_written) for record in records],
            ),
            "region": (region_parts, [record.region for record in records]),
        }
    )
    arrays: dict[str, pa.Array] = {"unique_id": pa.array(range(len(records)), type=pa.int64())}
    # Columns still needed in Python after their kind is done (the NIK fills sex, birth date
    # and region; region names learn codes) are kept here until the end.
    later = {"dob6", "region_name", "region4", "region2", "nik_region", "nik_sex", "nik_dob6"}
    data: dict[str, list[Any]] = {}

    def keep(columns: dict[str, list[Any]]) -> None:
        for column, values in columns.items():
            if column in later:
                data[column] = values
            else:
                arrays[column] = pa.array(values, type=_arrow_type(column))

    with contextlib.ExitStack() as stack:
        if len(records) >= PARALLEL_MIN_RECORDS and workers > 1 and _can_fork():
            _SHARED.update({k: (f, heavy.distinct[k]) for k, (f, _v) in heavy.values.items()})
            stack.callback(_SHARED.clear)
            context = multiprocessing.get_context("fork")
            pool = stack.enter_context(ProcessPoolExecutor(workers, mp_context=context))
            heavy.start(pool, workers)
        # The cheap columns are computed here while the workers are busy.
        keep(cheap.columns("date", DATE_COLUMNS))
        keep(cheap.columns("region", REGION_COLUMNS))
        del cheap
        sex_of = {value: normalize_sex(value) for value in {record.sex for record in records}}
        written_sex = [sex_of[record.sex] for record in records]
        for kind, names in (
            ("name", NAME_COLUMNS),
            ("address", ADDRESS_COLUMNS),
            ("phone", PHONE_COLUMNS),
            ("nik", (*NIK_COLUMNS, "nik_sex", "nik_dob6")),
        ):
            keep(heavy.columns(kind, names))
            heavy.release(kind)
    # The NIK cross-checks what the documents say and fills what they leave out.
    nik_sex, nik_dob6 = data.pop("nik_sex"), data.pop("nik_dob6")
    keep({"sex": [written or nik for written, nik in zip(written_sex, nik_sex, strict=True)]})
    dob6 = data.pop("dob6")
    keep(
        {"dob6": [own if own is not None else nik for own, nik in zip(dob6, nik_dob6, strict=True)]}
    )
    del nik_sex, nik_dob6, dob6
    learned = _learn_region_codes(zip(data["region_name"], data["nik_region"], strict=True))
    region4, region2 = data["region4"], data["region2"]
    for i, (name, nik_region) in enumerate(
        zip(data["region_name"], data["nik_region"], strict=True)
    ):
        if region2[i] is None:
            filled = _filled_region(learned, name, nik_region)
            if filled is not None:
                region4[i], region2[i] = filled, filled[:2]
    later.clear()
    keep(data)
    return pa.table({column: arrays[column] for column in PREPARED_COLUMNS})
