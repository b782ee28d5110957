"""Demo data: the Kupang ring across three agencies' cases (invented names, after the field
notes). In the Kupang case of Polresta Kupang Kota, the recruiters YB and AB pass the victims to
a coordinator, who sends them on to a transporter and to a harbourer in Batam; the harbourer's
case is Polresta Barelang's; a third agency's case holds a recruiter paid from the same
coordinator's wallet. Money moves as bank transfers of Rp12 million; YB and AB are wanted.

:func:`build_ring` is the one builder of the demo (``load_demo``) and of the tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from lentera.apps.accounts.models import Agency, User
from lentera.apps.cases import services as case_services
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.investigation import services
from lentera.apps.investigation.models import CourtOrder, EvidenceItem, Transfer
from lentera.apps.investigation.services import TransferInput
from lentera.apps.justice import services as justice_services
from lentera.apps.justice import wanted
from lentera.apps.justice.models import Proceeding, WantedNotice
from lentera.apps.people.services import person_add_account, person_create
from lentera.apps.reference.models import Region

RP12M = 12_000_000
COORDINATOR_PHONE = "0813-3900-1212"
COORDINATOR_BANK = ("BNI", "0291 7765 43")
COORDINATOR_WALLET = ("DANA", "0813-3900-1212")
HARBOURER_PHONE = "0812-7000-3434"


@dataclass
class Ring:
    kupang_case: Case
    batam_case: Case
    third_case: Case
    yb: CaseParty
    ab: CaseParty
    coordinator: CaseParty
    transporter: CaseParty
    harbourer: CaseParty
    batam_coordinator: CaseParty
    third_recruiter: CaseParty
    transfers: list[Transfer]
    wanted: list[WantedNotice]
    orders: list[CourtOrder]
    items: list[EvidenceItem]


def _suspect(
    actor: User,
    case: Case,
    name: str,
    network_role: str,
    *,
    phones: tuple[str, ...] = (),
    born: date | None = None,
) -> CaseParty:
    assert actor.agency is not None
    person = person_create(
        actor=actor,
        owner_agency=actor.agency,
        full_name=name,
        sex="male",
        birth_date=born,
        phones=list(phones),
        region=case.region,
    )
    return case_services.case_add_party(
        actor=actor, case=case, person=person, role="suspect", network_role=network_role
    )


def _existing(case: Case, name: str) -> CaseParty | None:
    for party in case.parties.filter(role="suspect").select_related("person"):
        if party.person.full_name.unseal() == name:
            return party
    return None


def _case(actor: User, title: str, region: Region, offence: date) -> Case:
    return case_services.case_open(
        actor=actor,
        title=title,
        region=region,
        offence_date=offence,
        acts=["recruitment", "transportation", "harbouring"],
        means=["fraud", "debt_bondage"],
        exploitation_types=["forced_labour"],
    )


def build_ring(
    *,
    kupang: User,
    batam: User,
    third: User,
    prosecution: Agency | None,
    kupang_region: Region,
    batam_region: Region,
    third_region: Region,
    kupang_case: Case | None = None,
    today: date | None = None,
) -> Ring:
    """The Kupang ring, written through the services as the three investigators."""
    today = today or timezone.localdate()
    if kupang_case is None:
        kupang_case = _case(
            kupang,
            "Perekrutan dua perempuan muda dari Alak ke Batam",
            kupang_region,
            date(2023, 3, 1),
        )
    yb = _existing(kupang_case, "Yohanis Contoh Bessie") or _suspect(
        kupang, kupang_case, "Yohanis Contoh Bessie", "recruiter"
    )
    ab = _existing(kupang_case, "Andreas Contoh Bria") or _suspect(
        kupang, kupang_case, "Andreas Contoh Bria", "recruiter"
    )
    coordinator = _suspect(
        kupang, kupang_case, "Markus Contoh Ndun", "other", phones=(COORDINATOR_PHONE,)
    )
    transporter = _existing(kupang_case, "Simon Contoh Wowor") or _suspect(
        kupang, kupang_case, "Simon Contoh Wowor", "transporter"
    )
    person_add_account(
        actor=kupang,
        person=coordinator.person,
        kind="bank",
        provider=COORDINATOR_BANK[0],
        identifier=COORDINATOR_BANK[1],
    )
    person_add_account(
        actor=kupang,
        person=coordinator.person,
        kind="ewallet",
        provider=COORDINATOR_WALLET[0],
        identifier=COORDINATOR_WALLET[1],
    )
    person_add_account(
        actor=kupang, person=yb.person, kind="bank", provider="BRI", identifier="4410 0101 2345 507"
    )
    person_add_account(
        actor=kupang, person=ab.person, kind="bank", provider="BRI", identifier="4410 0101 9876 503"
    )

    # Batam: Polresta Barelang's case of the harbourer, who knows the coordinator by his phone
    batam_case = _case(
        batam,
        "Penampungan perempuan asal NTT di Batam sebelum ke Malaysia",
        batam_region,
        date(2023, 3, 5),
    )
    harbourer = _suspect(
        batam, batam_case, "Lina Contoh Sembiring", "harbourer", phones=(HARBOURER_PHONE,)
    )
    batam_coordinator = _suspect(
        batam, batam_case, "Markus N.", "other", phones=(COORDINATOR_PHONE,)
    )
    person_add_account(
        actor=batam,
        person=harbourer.person,
        kind="bank",
        provider="Mandiri",
        identifier="109 000 777 1234",
    )

    # A third agency's case: a recruiter paid from the coordinator's wallet
    third_case = _case(
        third, "Perekrutan pekerja ke Kamboja melalui Mi-Chat", third_region, date(2024, 1, 10)
    )
    third_recruiter = _suspect(third, third_case, "Rudolf Contoh Lake", "recruiter")
    person_add_account(
        actor=third,
        person=third_recruiter.person,
        kind="social",
        provider="MiChat",
        identifier="@rudolf_kerja_kamboja",
    )

    # the harbourer's phone records: calls with the coordinator the days the victims arrived
    services.calls_import(
        actor=batam,
        case=batam_case,
        content=(
            "datetime,from_number,to_number,kind,duration\n"
            f"2023-03-01 19:05,{HARBOURER_PHONE},{COORDINATOR_PHONE},call,184\n"
            f"2023-03-02 08:40,{COORDINATOR_PHONE},{HARBOURER_PHONE},sms,0\n"
        ).encode(),
        filename="cdr-barelang.csv",
    )
    paid = today - timedelta(days=3)
    transfers = [
        services.transfer_record(
            actor=kupang,
            case=kupang_case,
            row=TransferInput(
                channel="bank",
                amount=RP12M,
                on=date(2023, 2, 20),
                from_provider=COORDINATOR_BANK[0],
                from_account=COORDINATOR_BANK[1],
                to_provider="BRI",
                to_account="4410 0101 2345 507",
                reference="TRF-0220-YB",
            ),
        ),
        services.transfer_record(
            actor=kupang,
            case=kupang_case,
            row=TransferInput(
                channel="bank",
                amount=RP12M,
                on=date(2023, 2, 22),
                from_provider=COORDINATOR_BANK[0],
                from_account=COORDINATOR_BANK[1],
                to_provider="BRI",
                to_account="4410 0101 9876 503",
                reference="TRF-0222-AB",
            ),
        ),
        services.transfer_record(
            actor=batam,
            case=batam_case,
            row=TransferInput(
                channel="bank",
                amount=RP12M,
                on=date(2023, 3, 2),
                from_provider=COORDINATOR_BANK[0],
                from_account=COORDINATOR_BANK[1],
                to_provider="Mandiri",
                to_account="109 000 777 1234",
                reference="TRF-0302-BTM",
            ),
        ),
        services.transfer_record(
            actor=third,
            case=third_case,
            row=TransferInput(
                channel="ewallet",
                amount=3_500_000,
                on=paid,
                from_provider=COORDINATOR_WALLET[0],
                from_account=COORDINATOR_WALLET[1],
                to_person=third_recruiter.person,
                reference="DANA-KH-01",
            ),
        ),
    ]

    # YB and AB ran: each has a proceeding with a wanted notice
    notices = []
    reported = today - timedelta(days=60)
    for party in (yb, ab):
        proceeding = Proceeding.objects.filter(suspect=party).first() or (
            justice_services.proceeding_open(
                actor=kupang,
                suspect=party,
                police_report_date=reported,
                police_report_number="LP/B/87/SPKT/Polresta Kupang Kota",
                prosecution_agency=prosecution,
            )
        )
        assert kupang.agency is not None
        notices.append(
            wanted.wanted_issue(
                actor=kupang,
                proceeding=proceeding,
                issued_by=kupang.agency,
                issued_on=today - timedelta(days=45),
                number=f"DPO/{party.pk}/Polresta Kupang",
            )
        )

    orders = [
        services.order_record(
            actor=kupang,
            case=kupang_case,
            kind="interception",
            number="12/Pen.Pid/Sadap/PN Kpg",
            court="Pengadilan Negeri Kupang",
            issued_on=today - timedelta(days=170),
            valid_from=today - timedelta(days=170),
            valid_until=today + timedelta(days=10),
            subject=coordinator,
            target=COORDINATOR_PHONE,
            today=today,
        ),
        services.order_record(
            actor=kupang,
            case=kupang_case,
            kind="asset_blocking",
            number="B/77/IV/Res.1.24/Polresta Kupang",
            court="Pengadilan Negeri Kupang",
            issued_on=today - timedelta(days=30),
            valid_from=today - timedelta(days=30),
            subject=coordinator,
            target=" ".join(COORDINATOR_BANK),
            today=today,
        ),
    ]
    seized = timezone.make_aware(datetime.combine(today - timedelta(days=50), time(10, 30)))
    items = [
        services.evidence_add(
            actor=kupang,
            case=kupang_case,
            kind="digital",
            description="Tangkapan layar percakapan WhatsApp perekrut dengan koordinator",
            seized_by="Bripka Contoh Lado",
            seized_at=seized,
            seized_place="Rumah tersangka di Alak",
            storage_place="Ruang barang bukti Unit PPA",
            content=b"chat-export-2023-02-20\nYB: sudah transfer 12 juta?\n",
        ),
        services.evidence_add(
            actor=kupang,
            case=kupang_case,
            kind="physical",
            description="Paspor dengan data palsu atas nama korban",
            seized_by="Bripka Contoh Lado",
            seized_at=seized,
            seized_place="Bandara El Tari",
            storage_place="Lemari besi Unit PPA",
        ),
    ]
    if prosecution is not None:
        services.evidence_hand_over(
            actor=kupang,
            item=items[1],
            to_holder="Jaksa Contoh Fanggi",
            to_agency=prosecution,
            at=seized + timedelta(days=40),
            storage_place="Rupbasan Kupang",
            purpose="Tahap II",
            version=items[1].version,
        )
    services.orders_alert(today=today)
    return Ring(
        kupang_case=kupang_case,
        batam_case=batam_case,
        third_case=third_case,
        yb=yb,
        ab=ab,
        coordinator=coordinator,
        transporter=transporter,
        harbourer=harbourer,
        batam_coordinator=batam_coordinator,
        third_recruiter=third_recruiter,
        transfers=transfers,
        wanted=notices,
        orders=orders,
        items=items,
    )


def load_demo(agencies: dict[str, Agency]) -> Ring | None:
    """Add the ring to the demo once (called from ``accounts.demo.load_demo``)."""
    if Transfer.objects.exists():
        return None
    kupang = User.objects.filter(username="kupang.penyidik").first()
    batam = User.objects.filter(username="batam.penyidik").first()
    third = User.objects.filter(username="pontianak.penyidik").first()
    regions = {r.code: r for r in Region.objects.filter(code__in=["53.71", "21.71", "61.71"])}
    if kupang is None or batam is None or third is None or len(regions) < 3:
        return None
    kupang_case = Case.objects.filter(
        lead_agency=kupang.agency, title="Perekrutan dua perempuan muda dari Alak ke Batam"
    ).first()
    return build_ring(
        kupang=kupang,
        batam=batam,
        third=third,
        prosecution=agencies.get("kejari_kupang"),
        kupang_region=regions["53.71"],
        batam_region=regions["21.71"],
        third_region=regions["61.71"],
        kupang_case=kupang_case,
    )


__all__ = ["Ring", "build_ring", "load_demo"]
