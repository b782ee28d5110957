"""A generated repatriation manifest (fictional names and NIKs) for the returns tests: by default
1,235 returnees from Cambodia, Myanmar and Laos, spread over home regions, as CSV or XLSX."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

FIRST = ["Maria", "Yohana", "Agustina", "Yosef", "Markus", "Elisabeth", "Petrus", "Anita", "Dewi"]
LAST = ["Contoh", "Contoh Bana", "Contoh Seran", "Contoh Tefa", "Contoh Nalle", "Contoh Manu"]
#: (home region code, NIK prefix of six digits, weight)
HOMES = [
    ("53.71.01", "537101", 5),  # Alak, Kota Kupang
    ("53.01", "530101", 4),  # Kabupaten Kupang
    ("53.03", "530301", 3),  # Timor Tengah Selatan
    ("61.71", "617101", 1),  # Kota Pontianak
    ("", "537101", 1),  # home region not given
]
COUNTRIES = ["KH", "MM", "LA"]
HEADER = ["no", "name", "nik", "passport", "sex", "birth_date", "home_region", "country"]


def rows(n: int = 1235, bad: dict[int, dict[str, str]] | None = None) -> list[list[str]]:
    """``n`` returnees; ``bad`` replaces fields of some (1-based) returnees to make errors."""
    homes = [h for h in HOMES for _ in range(h[2])]
    out: list[list[str]] = []
    for i in range(1, n + 1):
        region, prefix, _weight = homes[i % len(homes)]
        female = i % 3 != 0
        born = date(1990, 1, 1) + timedelta(days=(i * 37) % 9000)
        day = born.day + (40 if female else 0)
        nik = f"{prefix}{day:02d}{born.month:02d}{born.year % 100:02d}{i % 10000:04d}"
        row = {
            "no": str(i),
            "name": f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]} {i}",
            "nik": nik if i % 10 else "",  # one in ten has no NIK on the manifest
            "passport": f"X{i:07d}",
            "sex": "P" if female else "L",
            "birth_date": born.isoformat(),
            "home_region": region,
            "country": COUNTRIES[i % 3],
        }
        row.update((bad or {}).get(i, {}))
        out.append([row[h] for h in HEADER])
    return out


def as_csv(table: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(table)
    return buffer.getvalue().encode()


def as_xlsx(table: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in table:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
