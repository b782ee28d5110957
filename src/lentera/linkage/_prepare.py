"""Indonesian-aware preparation: person records to the columns the model compares.

Every derived column is computed here, in Python, once per record, so that the comparison
SQL stays plain equality and library similarity functions that run the same on DuckDB and
Spark.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

import pandas as pd

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
    "address_key",
    "address_tokens",
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


def prepare_record(record: PersonRecord, unique_id: int) -> dict[str, object]:
    """The comparison columns of one record (None where nothing can be compared)."""
    name = normalize_name(record.full_name)
    keys = name.keys
    born = record.birth_date
    swapped = swap_day_month(born) if born is not None else None
    sex = normalize_sex(record.sex)
    dob6 = born.strftime("%d%m%y") if born is not None else None

    nik = _NATIONAL_ID_NOISE.sub("", clean_nik(record.national_id)).upper() or None
    if nik is not None and len(nik) < 5:
        nik = None
    nik_valid = False
    if nik is not None and len(nik) == 16:
        try:
            info = parse_nik(nik)
        except InvalidNik:
            pass
        else:
            nik_valid = True
            # The NIK cross-checks what the documents say and fills what they leave out.
            sex = sex or info.sex[0]
            if dob6 is None:
                dob6 = f"{info.birth_day:02d}{info.birth_month:02d}{info.birth_year_2digit:02d}"
    long_nik = nik is not None and len(nik) >= 12

    phones = _phones(record.phone) if record.phone else []
    address = address_tokens(record.address) if record.address else ()
    region = region_key(record.region) if record.region else None
    is_code = region is not None and region.isdigit()
    code = region if is_code and region is not None else ""
    return {
        "unique_id": unique_id,
        "name_key": name.key or None,
        "name_sorted": name.sorted_key or None,
        # For blocking only: a one-word name ("Budi", "Siti") alone is shared by too many.
        "name_sorted_multi": name.sorted_key if len(set(keys)) >= 2 else None,
        "name_tokens": sorted(set(keys)) or None,
        "name_first": keys[0] if keys else None,
        "name_given": next((k for k in keys if k not in _NAME_PREFIXES), None),
        "name_last": keys[-1] if keys else None,
        "dob": born.isoformat() if born is not None else None,
        "dob_swapped": swapped.isoformat() if swapped is not None else None,
        "dob6": dob6,
        "birth_year": str(born.year) if born is not None else None,
        "sex": sex,
        "nik": nik,
        "nik12": nik[:12] if nik is not None and len(nik) == 16 else None,
        "nik_place": nik[:6] if nik is not None and len(nik) == 16 else None,
        "nik_date": nik[6:12] if nik is not None and len(nik) == 16 else None,
        "nik_serial": nik[12:] if nik is not None and len(nik) == 16 else None,
        "nik_head": (nik[:8] if long_nik else nik[:5]) if nik is not None else None,
        "nik_tail": (nik[-10:] if long_nik else nik[-5:]) if nik is not None else None,
        "phone": phones[0] if phones else None,
        "phones": phones or None,
        "address_key": " ".join(address) or None,
        "address_tokens": list(address) or None,
        "nik_region": nik[:6] if nik_valid and nik is not None else None,
        "region6": code[:6] if len(code) >= 6 else None,
        "region4": code[:4] if len(code) >= 4 else None,
        "region2": code[:2] if len(code) >= 2 else None,
        "region_name": region if region is not None and not is_code else None,
    }


def fill_region_codes(rows: list[dict[str, object]]) -> None:
    """Give a region code to records that only name their region or only have a NIK.

    A region name gets the regency code that the valid NIKs of the records bearing that name
    most often start with (when at least three do and two thirds agree); a record with no
    region at all takes the regency and province of its NIK's first registration.
    """
    votes: dict[str, Counter[str]] = {}
    for row in rows:
        name, nik_region = row["region_name"], row["nik_region"]
        if isinstance(name, str) and isinstance(nik_region, str):
            votes.setdefault(name, Counter())[nik_region[:4]] += 1
    learned: dict[str, str] = {}
    for name, counter in votes.items():
        code, count = counter.most_common(1)[0]
        if count >= 3 and count * 3 >= 2 * sum(counter.values()):
            learned[name] = code
    for row in rows:
        if row["region2"] is not None:
            continue
        name, nik_region = row["region_name"], row["nik_region"]
        filled = learned.get(name) if isinstance(name, str) else None
        if filled is None and name is None and isinstance(nik_region, str):
            filled = nik_region[:4]
        if filled is not None:
            row["region4"], row["region2"] = filled, filled[:2]


PARALLEL_MIN_RECORDS = 200_000


def _prepare_chunk(chunk: tuple[int, Sequence[PersonRecord]]) -> list[dict[str, object]]:
    start, records = chunk
    return [prepare_record(record, start + i) for i, record in enumerate(records)]


def prepare_frame(records: Sequence[PersonRecord]) -> pd.DataFrame:
    """Prepared columns for ``records``; ``unique_id`` is the position in ``records``.

    Large inputs are prepared in worker processes, one chunk per CPU.
    """
    workers = os.cpu_count() or 1
    if len(records) >= PARALLEL_MIN_RECORDS and workers > 1:
        size = -(-len(records) // (workers * 4))
        chunks = [(i, records[i : i + size]) for i in range(0, len(records), size)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            rows = [row for part in pool.map(_prepare_chunk, chunks) for row in part]
    else:
        rows = _prepare_chunk((0, records))
    fill_region_codes(rows)
    frame = pd.DataFrame(rows, columns=list(PREPARED_COLUMNS))
    frame["unique_id"] = frame["unique_id"].astype("int64")
    return frame
