"""The reasoning of a qualification, step by step, in Indonesian and English."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from ._codes import Text, code_label, join
from ._elements import ELEMENTS
from ._engine import Computed, Evaluation, RelatedItem, Weighing, evaluate
from ._facts import CaseFacts
from ._penalty import describe, describe_fine, severity, years
from ._result import Charge
from ._settings import EngineSettings
from ._tables import Regime, article_label, regime_for, regimes

_OUTCOME_NAMES = {
    "trafficking": Text("perdagangan orang", "trafficking in persons"),
    "smuggling": Text("penyelundupan manusia", "smuggling of persons"),
    "not_trafficking": Text(
        "bukan perdagangan orang menurut UU 21/2007", "not trafficking under UU 21/2007"
    ),
    "insufficient_facts": Text("fakta belum cukup", "insufficient facts"),
}


def cite(ref: str) -> str:
    """``"UU21/2007:7(2)"`` as "Pasal 7(2) UU 21/2007", ``"KUHP:455"`` as "Pasal 455 KUHP"."""
    law, article = ref.split(":", 1)
    if law == "KUHP":
        return f"Pasal {article} KUHP"
    number, year = law[2:].split("/")
    return f"Pasal {article} UU {number}/{year}"


def _sentence(prefix: Text, body: Text) -> Text:
    return Text(f"{prefix.id}{body.id}.", f"{prefix.en}{body.en}.")


def _offence_steps(baseline: Evaluation) -> list[Text]:
    steps = []
    world = baseline.world
    for check in baseline.checks:
        offence, name = check.offence, cite(check.offence.ref)
        head = Text(f"{name} ({offence.label.id}) ", f"{name} ({offence.label.en}) ")
        if not check.unmet:
            met = join([ELEMENTS[element].met(world) for element in check.met])
            steps.append(_sentence(Text(head.id + "terpenuhi: ", head.en + "is met: "), met))
            by = dict(baseline.absorbed).get(offence.ref)
            if by is not None:
                steps.append(
                    Text(
                        f"{name} tidak didakwakan tersendiri: dengan adanya cara, anak itu sudah "
                        f"dilindungi {cite(by)} (diperberat Pasal 17 UU 21/2007).",
                        f"{name} is not listed as a charge of its own: with a means shown, the "
                        f"child is already covered by {cite(by)} (raised by Pasal 17 UU 21/2007).",
                    )
                )
        elif offence.role in ("core", "use") and offence.elements[0] in check.met:
            unmet = join([ELEMENTS[element].unmet for element in check.unmet])
            steps.append(
                _sentence(Text(head.id + "tidak terpenuhi: ", head.en + "is not met: "), unmet)
            )
    return steps


def _ceiling_article(regime: Regime) -> Text:
    if regime.code == "KUHP2023":
        return Text("Pasal 68 ayat (4) KUHP 2023", "KUHP 2023 Pasal 68(4)")
    return Text(
        "Pasal 12 ayat (4) KUHP lama, yang berlaku bagi undang-undang di luar KUHP melalui "
        "Pasal 103",
        "old KUHP Pasal 12(4), applied to laws outside the KUHP through its Pasal 103",
    )


def _charge_steps(charges: tuple[Charge, ...], baseline: Evaluation) -> list[Text]:
    steps = []
    for charge in charges:
        item = baseline.computed_for(charge.ref)
        assert item is not None  # every reported charge comes from the baseline world
        name = cite(charge.ref)
        if item.base is not None:
            steps.append(
                Text(
                    f"{name} diancam pidana yang sama dengan tindak pidana perdagangan orang yang "
                    f"ditunjukkan fakta ({cite(item.base)}), tanpa pemberatannya.",
                    f"{name} carries the same penalty as the trafficking offence the facts show "
                    f"({cite(item.base)}), without its aggravations.",
                )
            )
        if charge.participation is not None:
            kind = baseline.world.participation
            label = Text(
                code_label("participation", kind, "id"), code_label("participation", kind, "en")
            )
            steps.append(
                Text(
                    f"{cite(charge.participation)}: {label.id} dipidana sama dengan {name} "
                    "(tanpa pengurangan).",
                    f"{cite(charge.participation)}: {label.en} is punished as {name} itself "
                    "(no reduction).",
                )
            )
        for rule in item.applied:
            effect = {
                "uplift": Text("ancaman pidana ditambah 1/3", "penalty increased by one third"),
                "replace": Text(
                    "ancaman pidana khusus menggantikan", "its own penalty range applies"
                ),
                "fine_multiplier": Text(
                    f"denda dikalikan {rule.factor}", f"fine multiplied by {rule.factor}"
                ),
            }[rule.effect]
            steps.append(
                Text(
                    f"{cite(rule.ref)} memperberat {name}: {rule.label.id} ({effect.id}).",
                    f"{cite(rule.ref)} aggravates {name}: {rule.label.en} ({effect.en}).",
                )
            )
        if item.measured_from is not None:
            steps.append(
                Text(
                    f"Pasal 16 UU 21/2007 berlaku bagi setiap tindak pidana perdagangan orang oleh "
                    f"kelompok yang terorganisasi; ancamannya diukur dari {cite(item.measured_from)} "
                    "ditambah 1/3.",
                    f"Pasal 16 UU 21/2007 applies to every trafficking offence by an organised "
                    f"group; its penalty is measured from {cite(item.measured_from)} plus one "
                    "third.",
                )
            )
        if item.floored:
            steps.append(
                Text(
                    f"Ancaman khusus untuk kematian korban tidak boleh lebih ringan daripada "
                    f"ancaman {name} tanpa kematian itu; bagian yang lebih berat dipakai.",
                    f"The death range may not be lighter than what {name} carries without the "
                    "death; the heavier part is used.",
                )
            )
        if item.capped_from is not None:
            article = _ceiling_article(baseline.regime)
            was = years(item.capped_from)
            steps.append(
                Text(
                    f"Pidana penjara waktu tertentu tidak boleh lebih dari 20 tahun menurut "
                    f"{article.id}: maksimum {name} yang terhitung {was.id} dibatasi menjadi 20 "
                    "tahun.",
                    f"Temporal prison may not exceed 20 years under {article.en}: the maximum "
                    f"of {name}, computed as {was.en}, is held to 20 years.",
                )
            )
        penalty = describe(item.exact)
        steps.append(
            Text(f"Ancaman pidana {name}: {penalty.id}.", f"Penalty for {name}: {penalty.en}.")
        )
    return steps


def _settings_steps(
    charges: tuple[Charge, ...], baseline: Evaluation, settings: EngineSettings
) -> list[Text]:
    computed = [baseline.computed_for(charge.ref) for charge in charges]
    uplifted = [item for item in computed if item is not None and item.uplifts]
    steps = []
    if uplifted:
        if settings.uplift_minimum:
            steps.append(
                Text(
                    "Penambahan 1/3 diterapkan pada minimum dan maksimum (pengaturan "
                    "uplift_minimum; praktik berbeda-beda). Angka tahun dan rupiah dibulatkan ke "
                    "bawah.",
                    "The one-third increase is applied to the minimum and the maximum (setting "
                    "uplift_minimum; practice differs). Years and rupiah are rounded down.",
                )
            )
        else:
            steps.append(
                Text(
                    "Penambahan 1/3 diterapkan pada maksimum saja (pengaturan uplift_minimum).",
                    "The one-third increase is applied to the maximum only (setting "
                    "uplift_minimum).",
                )
            )
    if any(item.uplifts > 1 for item in uplifted):
        how = {
            "additive": Text(
                "dijumlahkan: tiap pemberatan menambah 1/3 ancaman pokok",
                "added up: each adds one third of the base penalty",
            ),
            "compound": Text(
                "berlipat: tiap pemberatan mengalikan 4/3", "compounded: each multiplies by 4/3"
            ),
            "single": Text("hanya dihitung satu kali", "counted only once"),
        }[settings.stacking]
        steps.append(
            Text(
                f"Beberapa pemberatan 1/3 {how.id} (pengaturan stacking).",
                f"Several one-third increases are {how.en} (setting stacking).",
            )
        )
    sectoral = any(
        item.offence.penalty.sectoral_minimum
        or any(rule.penalty is not None and rule.penalty.sectoral_minimum for rule in item.applied)
        for item in computed
        if item is not None
    )
    converted = any(
        item.offence.converted is not None
        or any(rule.converted is not None for rule in item.applied)
        for item in computed
        if item is not None
    )
    if converted:
        if settings.convert_fines:
            steps.append(
                Text(
                    "Denda undang-undang di luar KUHP dibaca sebagaimana disesuaikan UU 1/2026 "
                    "Pasal II dan Lampiran I (kategori denda KUHP; penjara dan/atau denda) "
                    "(pengaturan convert_fines).",
                    "Fines of laws outside the KUHP are read as UU 1/2026 Pasal II and Lampiran I "
                    "restate them (KUHP fine categories; prison and/or fine) (setting "
                    "convert_fines).",
                )
            )
        else:
            steps.append(
                Text(
                    "Denda UU 21/2007 dipakai sebagaimana diundangkan dalam rupiah; penyesuaiannya "
                    "oleh UU 1/2026 tidak diterapkan (pengaturan convert_fines).",
                    "UU 21/2007 fines are used in rupiah as enacted; their restatement by UU "
                    "1/2026 is not applied (setting convert_fines).",
                )
            )
    if sectoral:
        if settings.sectoral_minimums_removed:
            steps.append(
                Text(
                    "Minimum khusus UU 21/2007 dianggap dihapus oleh UU 1/2026 (pengaturan "
                    "sectoral_minimums_removed); hal ini belum diverifikasi.",
                    "UU 21/2007's special minimums are taken as removed by UU 1/2026 (setting "
                    "sectoral_minimums_removed); this is unverified.",
                )
            )
        else:
            steps.append(
                Text(
                    "Minimum khusus UU 21/2007 tetap dipakai; apakah UU 1/2026 menghapusnya belum "
                    "diverifikasi (pengaturan sectoral_minimums_removed).",
                    "UU 21/2007's special minimums are kept; whether UU 1/2026 removed them is "
                    "unverified (setting sectoral_minimums_removed).",
                )
            )
    return steps


def _unknown_steps(weighing: Weighing) -> list[Text]:
    steps = []
    for name in weighing.unknown:
        label = Text(code_label("unknown", name, "id"), code_label("unknown", name, "en"))
        if name in weighing.missing:
            steps.append(
                Text(
                    f"Unsur '{label.id}' belum diketahui dan dapat mengubah hasil atau dakwaan; "
                    "lengkapi fakta ini.",
                    f"The element '{label.en}' is not known yet and could change the outcome or "
                    "a charge; establish this fact.",
                )
            )
        else:
            steps.append(
                Text(
                    f"Unsur '{label.id}' belum diketahui, tetapi tidak mengubah hasil maupun "
                    "dakwaan.",
                    f"The element '{label.en}' is not known yet but changes neither the outcome "
                    "nor a charge.",
                )
            )
    return steps


def _outcome_step(outcome: str, weighing: Weighing) -> list[Text]:
    if outcome == "trafficking":
        return [
            Text(
                "Kesimpulan: tindak pidana perdagangan orang. Persetujuan korban tidak "
                "menghilangkan penuntutan (Pasal 26 UU 21/2007).",
                "Conclusion: trafficking in persons. The victim's consent does not bar "
                "prosecution (Pasal 26 UU 21/2007).",
            )
        ]
    if outcome == "smuggling":
        return [
            Text(
                "Kesimpulan: penyelundupan manusia, bukan perdagangan orang: orang dipindahkan "
                "melintasi batas negara tanpa hak masuk demi keuntungan dan tidak ada tindak "
                "pidana perdagangan orang yang terpenuhi. Periksa tanda peralihan ke perdagangan "
                "orang: jeratan utang, paspor ditahan, kerja paksa setibanya di tujuan.",
                "Conclusion: smuggling of persons, not trafficking: a person was moved across a "
                "border without a right of entry for profit, and no trafficking offence is met. "
                "Look for signs that it turned into trafficking: debt bondage, a confiscated "
                "passport, forced work on arrival.",
            )
        ]
    if outcome == "not_trafficking":
        refs = [item.ref for item in weighing.baseline.related_items]
        if refs:
            cites = ", ".join(cite(ref) for ref in refs)
            return [
                Text(
                    "Kesimpulan: bukan perdagangan orang menurut UU 21/2007: fakta yang diketahui "
                    "tidak memenuhi unsur tindak pidana dalam UU 21/2007, KUHP 455/457 maupun UU "
                    f"6/2011 Pasal 120. Tindak pidana lain yang perlu dipertimbangkan: {cites}.",
                    "Conclusion: not trafficking under UU 21/2007: the known facts do not meet "
                    "the elements of any offence under UU 21/2007, KUHP 455/457 or UU 6/2011 Pasal "
                    f"120. Other offences to consider: {cites}.",
                )
            ]
        return [
            Text(
                "Kesimpulan: bukan perdagangan orang menurut UU 21/2007: fakta yang diketahui "
                "tidak memenuhi unsur tindak pidana dalam UU 21/2007, KUHP 455/457 maupun UU "
                "6/2011 Pasal 120. Tindak pidana menurut undang-undang lain di luar cakupan "
                "mesin ini tetap mungkin.",
                "Conclusion: not trafficking under UU 21/2007: the known facts do not meet the "
                "elements of any offence under UU 21/2007, KUHP 455/457 or UU 6/2011 Pasal 120. Offences "
                "under other laws outside this engine's tables remain possible.",
            )
        ]
    options = []
    for possible in weighing.possible_outcomes:
        refs = sorted({c.ref for w in weighing.worlds if w.outcome == possible for c in w.charges})
        cites = f" ({', '.join(cite(ref) for ref in refs)})" if refs else ""
        options.append(
            Text(_OUTCOME_NAMES[possible].id + cites, _OUTCOME_NAMES[possible].en + cites)
        )
    both = join(options, "; ", "; ")
    steps = [
        Text(
            f"Kesimpulan: fakta belum cukup; hasilnya bergantung pada unsur yang belum "
            f"diketahui. Kemungkinan hasil: {both.id}.",
            f"Conclusion: insufficient facts; the outcome depends on elements not known yet. "
            f"Possible outcomes: {both.en}.",
        )
    ]
    for decider in weighing.deciders():
        name = Text(
            code_label("unknown", decider.element, "id"),
            code_label("unknown", decider.element, "en"),
        )
        branches = join(
            [
                Text(
                    f"{value.id}: {_OUTCOME_NAMES[result].id}",
                    f"{value.en}: {_OUTCOME_NAMES[result].en}",
                )
                for value, result in decider.branches
            ]
        )
        steps.append(
            Text(
                f"Satu fakta ini saja menentukan hasilnya: '{name.id}' ({branches.id}).",
                f"This one fact alone decides the outcome: '{name.en}' ({branches.en}).",
            )
        )
    return steps


def _child_step(world: CaseFacts) -> list[Text]:
    if not any(v.is_child for v in world.victims) or world.means:
        return []
    return [
        Text(
            "Korban anak dan tidak ada cara: Protokol Palermo tidak mensyaratkan cara untuk anak, "
            "tetapi UU 21/2007 Pasal 2 (KUHP 455) tetap mensyaratkannya; Pasal 4, 5 dan 6 tidak.",
            "A child victim and no means: the Palermo Protocol needs no means for a child, but "
            "UU 21/2007 Pasal 2 (KUHP 455) still does; Pasal 4, 5 and 6 do not.",
        )
    ]


def _related_steps(related: tuple[RelatedItem, ...], baseline: Evaluation) -> list[Text]:
    steps = []
    for item in related:
        ref, rule = item.ref, item.rule
        label = article_label(ref)
        if rule is not None:
            why = ELEMENTS[rule.condition].met(baseline.world)
            if item.exact is not None:
                penalty = describe(item.exact)
            else:
                penalty = describe_fine(item.corporate_fine or Fraction(0))
            steps.append(
                Text(
                    f"Pertimbangkan juga {cite(ref)} ({label.id}): {why.id}; ancaman: "
                    f"{penalty.id}.",
                    f"Consider also {cite(ref)} ({label.en}): {why.en}; penalty: {penalty.en}.",
                )
            )
        else:
            steps.append(
                Text(
                    f"Pertimbangkan {cite(ref)} ({label.id}) sebagai dakwaan alternatif: ada juga "
                    "pemindahan melintasi batas tanpa hak masuk demi keuntungan.",
                    f"Consider {cite(ref)} ({label.en}) as an alternative charge: a person was "
                    "also moved across a border without a right of entry for profit.",
                )
            )
    return steps


def _compare(old: Computed, new: Computed) -> str:
    low = high = False
    for before, after in zip(severity(old.exact), severity(new.exact), strict=True):
        low |= before < after
        high |= before > after
    if low and high:
        return "mixed"
    return "old" if low else "new" if high else "same"


def _favourable_steps(
    charges: tuple[Charge, ...], baseline: Evaluation, today: date, settings: EngineSettings
) -> list[Text]:
    regime = baseline.regime
    if not settings.compare_favourable_law or regime.valid_to is None:
        return []
    if today <= regime.valid_to:
        return []
    current: Regime = regime_for(today)
    later = evaluate(current, baseline.world, settings)
    steps = [
        Text(
            f"Tindak pidana terjadi sebelum hukum baru berlaku pada "
            f"{current.valid_from.isoformat()}; menurut KUHP Pasal 3 berlaku hukum yang paling "
            "menguntungkan bagi pelaku. Kolom regime tetap mengikuti tanggal tindak pidana.",
            f"The offence predates the new law in force since {current.valid_from.isoformat()}; "
            "under KUHP Pasal 3 the law more favourable to the accused applies. The regime field "
            "still follows the offence date.",
        )
    ]
    for charge in charges:
        old = baseline.computed_for(charge.ref)
        assert old is not None
        counterpart = old.offence.counterpart
        new = later.computed_for(counterpart) if counterpart else None
        if new is None:  # pragma: no cover - both tables give counterparts the same elements
            continue
        verdict = _compare(old, new)
        if verdict == "same":
            continue
        name, other = cite(charge.ref), cite(new.offence.ref)
        penalty = describe(new.exact)
        finding = {
            "old": Text("hukum lama lebih ringan", "the old law is lighter"),
            "new": Text("hukum baru lebih ringan", "the new law is lighter"),
            "mixed": Text(
                "perbedaannya tidak searah, sehingga hakim yang menimbang",
                "the differences point both ways, so the court must weigh them",
            ),
        }[verdict]
        steps.append(
            Text(
                f"Perbandingan {name} dengan {other}: {penalty.id}; {finding.id}.",
                f"Comparing {name} with {other}: {penalty.en}; {finding.en}.",
            )
        )
    return steps if len(steps) > 1 else []


def _regime_step(facts: CaseFacts, day: date, regime: Regime) -> Text:
    if facts.offence_date is None:
        return Text(
            f"Tanggal tindak pidana tidak diisi; dipakai tanggal hari ini {day.isoformat()}: "
            f"berlaku {regime.name.id}.",
            f"No offence date given; today's date {day.isoformat()} is used: {regime.name.en} "
            "applies.",
        )
    boundary = regimes()[-1].valid_from.isoformat()
    side = ("sebelum", "before") if day.isoformat() < boundary else ("sejak", "on or after")
    return Text(
        f"Tanggal tindak pidana {day.isoformat()}, {side[0]} {boundary}: berlaku {regime.name.id}.",
        f"Offence date {day.isoformat()} is {side[1]} {boundary}: {regime.name.en} applies.",
    )


DISCLAIMER = Text(
    "Hasil ini menyatakan apa yang diatur undang-undang untuk fakta yang diberikan; ini bukan "
    "nasihat hukum dan tidak menggantikan penilaian penyidik, penuntut umum atau hakim.",
    "This states what the statute says for the facts given; it is not legal advice and does not "
    "replace the judgement of the investigator, prosecutor or court.",
)


def explain(
    *,
    facts: CaseFacts,
    day: date,
    today: date,
    weighing: Weighing,
    outcome: str,
    charges: tuple[Charge, ...],
    related: tuple[RelatedItem, ...],
    settings: EngineSettings,
) -> tuple[Text, ...]:
    """Every reasoning step, in order: law, elements, penalties, unknowns, conclusion, notes."""
    baseline = weighing.baseline
    steps = [_regime_step(facts, day, baseline.regime)]
    steps += _offence_steps(baseline)
    steps += _charge_steps(charges, baseline)
    steps += _settings_steps(charges, baseline, settings)
    steps += _unknown_steps(weighing)
    steps += _outcome_step(outcome, weighing)
    steps += _child_step(baseline.world)
    steps += _related_steps(related, baseline)
    steps += _favourable_steps(charges, baseline, today, settings)
    steps.append(DISCLAIMER)
    return tuple(steps)
