"""Demo data: the elected bodies of Hà Tĩnh (province 42), a few of Nghệ An (40), and one user per role.

Everything is invented except the administrative units: names, phone numbers, dates of birth
and term dates are made up, deterministically (a fixed random seed), so that the demo, the
README and the tests see the same data. Every write uses a natural key, so running it again
changes nothing but the demo passwords, which it resets so that the printed logins work.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from dancu.accounts.models import RoleAssignment, User
from dancu.accounts.roles import Role
from dancu.core.audit import audit_record
from dancu.core.text import search_tokens

from .models import (
    AdministrativeUnit,
    Body,
    BodyKind,
    BodyLevel,
    Constituency,
    Gender,
    Membership,
    Person,
    Post,
    Term,
    UnitSuccession,
)
from .posts import ensure_posts
from .units_loader import OLD_VALID_TO, load_units, new_province_key, old_district_key

HA_TINH = "42"
NGHE_AN = "40"
DEMO_PASSWORD = "DanCu@2026"

# Body names used by the demo users below (and by tests and the README).
HT_OFFICE = "Văn phòng Đoàn ĐBQH và HĐND tỉnh Hà Tĩnh"
# (name, gender, post) of the Office's leaders in the demo.
OFFICE_STAFF = [
    ("Nguyễn Văn Hải", "male", "chanh-van-phong"),
    ("Trần Thị Hồng Nhung", "female", "pho-chanh-van-phong"),
]
HT_COUNCIL = "Hội đồng nhân dân tỉnh Hà Tĩnh"
HT_STANDING = "Thường trực Hội đồng nhân dân tỉnh Hà Tĩnh"
HT_AGRI = "Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh"
NA_OFFICE = "Văn phòng Đoàn ĐBQH và HĐND tỉnh Nghệ An"


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: str | None  # None: national administrator (a flag on the user, not a role in a body)
    body_name: str | None


DEMO_USERS: list[DemoUser] = [
    DemoUser("admin", "Quản trị hệ thống", None, None),
    DemoUser("vanphong", "Nguyễn Thị Thu Hà", Role.OFFICE_ADMIN, HT_OFFICE),
    DemoUser("chuyenvien", "Lê Văn Tâm", Role.SPECIALIST, HT_OFFICE),
    DemoUser("lanhdao", "Trần Đình Phong", Role.LEADER, HT_STANDING),
    DemoUser("daibieu", "Phạm Thị Lan", Role.DELEGATE, HT_COUNCIL),
    DemoUser("coquan", "Hoàng Văn Đạt", Role.AGENCY_RESPONDER, HT_AGRI),
    DemoUser("xem", "Bùi Thị Mai", Role.VIEWER, HT_OFFICE),
    DemoUser("vanphong.nghean", "Hồ Văn Thành", Role.OFFICE_ADMIN, NA_OFFICE),
]

# Term dates are plausible, not authoritative: the 2026 elections were held on 15 March 2026.
COUNCIL_TERMS = [
    (18, "Khóa XVIII", datetime.date(2021, 6, 25), datetime.date(2026, 3, 24)),
    (19, "Khóa XIX", datetime.date(2026, 3, 25), datetime.date(2031, 3, 31)),
]
NA_TERMS = [
    (15, "Quốc hội khóa XV", datetime.date(2021, 7, 20), datetime.date(2026, 4, 5)),
    (16, "Quốc hội khóa XVI", datetime.date(2026, 4, 6), datetime.date(2031, 4, 30)),
]
COUNCIL_SEATS = 60
NA_SEATS = 7

COMMITTEES = ["Ban Pháp chế", "Ban Kinh tế - Ngân sách", "Ban Văn hóa - Xã hội", "Ban Dân tộc"]
# Department names after the 2025 merger of departments (e.g. Agriculture + Environment).
# The police and the military command answer petitions too but report to their ministries.
AGENCIES = [
    ("Văn phòng Ủy ban nhân dân tỉnh", True),
    ("Sở Nội vụ", True),
    ("Sở Tư pháp", True),
    ("Sở Tài chính", True),
    ("Sở Công Thương", True),
    ("Sở Nông nghiệp và Môi trường", True),
    ("Sở Xây dựng", True),
    ("Sở Giáo dục và Đào tạo", True),
    ("Sở Y tế", True),
    ("Sở Khoa học và Công nghệ", True),
    ("Sở Văn hóa, Thể thao và Du lịch", True),
    ("Thanh tra tỉnh", True),
    ("Ban Quản lý Khu kinh tế tỉnh", True),
    ("Công an tỉnh", False),
    ("Bộ Chỉ huy Quân sự tỉnh", False),
]

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Phan",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Đinh",
]
MIDDLE = {
    Gender.MALE: ["Văn", "Hữu", "Đức", "Minh", "Quang", "Xuân", "Đình", "Công"],
    Gender.FEMALE: ["Thị", "Thu", "Thanh", "Ngọc", "Hồng", "Thị Thu"],
}
GIVEN = {
    Gender.MALE: [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Hải",
        "Hùng",
        "Khánh",
        "Long",
        "Nam",
        "Phúc",
        "Quân",
        "Sơn",
        "Thắng",
        "Trung",
        "Tuấn",
        "Việt",
        "Hiếu",
        "Lộc",
    ],
    Gender.FEMALE: [
        "Anh",
        "Châu",
        "Dung",
        "Hà",
        "Hằng",
        "Hoa",
        "Hương",
        "Lan",
        "Linh",
        "Mai",
        "Nga",
        "Oanh",
        "Phương",
        "Thảo",
        "Trang",
        "Yến",
    ],
}
# Fixed first names, so that searches in tests and demos have known answers.
FIXED_NAMES = [
    ("Nguyễn Văn Hùng", Gender.MALE),
    ("Đặng Thị Hoa", Gender.FEMALE),
    ("Trần Thị Thu Hương", Gender.FEMALE),
    ("Nguyễn Văn Sơn", Gender.MALE),
    ("Đặng Quốc Khánh", Gender.MALE),
    ("Trần Thị Lan", Gender.FEMALE),
    ("Nguyễn Văn Thắng", Gender.MALE),
    ("Đặng Văn Lợi", Gender.MALE),
]


def generate_people(count: int, seed: int = 42) -> list[tuple[str, str]]:
    """`count` distinct invented (full name, gender) pairs, the same on every run."""
    rng = random.Random(seed)
    people = list(FIXED_NAMES[:count])
    seen = {name for name, _ in people}
    while len(people) < count:
        gender = Gender.MALE if rng.random() < 0.6 else Gender.FEMALE
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"
        if name not in seen:
            seen.add(name)
            people.append((name, gender))
    return people  # type: ignore[return-value]


class _Loader:
    """Holds what the steps share (units, posts, counters) while the demo is written."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        ensure_posts()
        self.posts = {p.code: p for p in Post.objects.all()}
        self.rng = random.Random(2026)

    def unit(self, key: str) -> AdministrativeUnit:
        return AdministrativeUnit.objects.get(key=key)

    def body(self, province: AdministrativeUnit, kind: str, name: str, **defaults: Any) -> Body:
        defaults.setdefault("unit", province)
        body, created = Body.objects.update_or_create(
            province=province, kind=kind, name=name, defaults=defaults
        )
        self.counts["bodies_created" if created else "bodies_existing"] += 1
        return body

    def term(self, body: Body, number: int, name: str, start: datetime.date, end: datetime.date) -> Term:
        term, _ = Term.objects.update_or_create(
            body=body, number=number, defaults={"name": name, "start_date": start, "end_date": end}
        )
        return term

    def member(self, person: Person, body: Body, post: str, term: Term | None, **defaults: Any) -> Membership:
        if term is not None:
            defaults.setdefault("start_date", term.start_date)
            # A term that has ended closes its memberships; today's term leaves them open.
            defaults.setdefault("end_date", term.end_date if term.end_date <= timezone.localdate() else None)  # type: ignore[operator]
        membership, created = Membership.objects.update_or_create(
            person=person, body=body, post=self.posts[post], term=term, defaults=defaults
        )
        self.counts["memberships_created" if created else "memberships_existing"] += 1
        return membership

    def people(self, province: AdministrativeUnit, count: int, workplaces: list[str]) -> list[Person]:
        result = []
        for i, (name, gender) in enumerate(generate_people(count)):
            # Contact details for two people in three: the rest show how blanks look.
            has_contact = i % 3 != 2
            slug = "".join(search_tokens(name))
            defaults = {
                "gender": gender,
                "birth_date": datetime.date(1962 + (i * 7) % 27, 1 + (i * 5) % 12, 1 + (i * 11) % 28),
                "ethnicity": "Kinh",
                "phone": f"09{(12345678 + i * 7919) % 100_000_000:08d}" if has_contact else "",
                "email": f"{slug}.{i}@dancu.example" if has_contact else "",
                "workplace": workplaces[i % len(workplaces)],
            }
            person, created = Person.objects.update_or_create(
                province=province, full_name=name, defaults=defaults
            )
            self.counts["people_created" if created else "people_existing"] += 1
            result.append(person)
        return result


def _commune_areas(districts: list[AdministrativeUnit]) -> dict[int, list[AdministrativeUnit]]:
    """Today's communes grouped by the old district most of their predecessors lay in.

    Constituencies of the 2026 term and the delegate groups follow these areas.
    """
    votes: dict[int, Counter[int]] = defaultdict(Counter)
    district_ids = {d.pk for d in districts}
    for succ in UnitSuccession.objects.filter(
        predecessor__parent_id__in=district_ids, is_default=True
    ).select_related("predecessor", "successor"):
        votes[succ.successor_id][succ.predecessor.parent_id] += 1  # type: ignore[index]
    areas: dict[int, list[AdministrativeUnit]] = defaultdict(list)
    communes = AdministrativeUnit.objects.in_bulk(list(votes))
    for commune_id, counter in sorted(votes.items()):
        areas[counter.most_common(1)[0][0]].append(communes[commune_id])
    return areas


def _seat_council(
    ld: _Loader,
    *,
    council: Body,
    standing: Body,
    committees: list[Body],
    groups: list[Body],
    term: Term,
    people: list[Person],
    constituency_units: list[list[AdministrativeUnit]],
) -> None:
    """Delegates of one term with their constituencies, leaders, committees and groups."""
    seats = len(people) // len(constituency_units)
    for number, units in enumerate(constituency_units, start=1):
        constituency, _ = Constituency.objects.update_or_create(
            term=term, number=number, defaults={"name": f"Đơn vị bầu cử số {number}", "seats": seats}
        )
        constituency.units.set(units)
        block = people[(number - 1) * seats : number * seats]
        for person in block:
            ld.member(person, council, "dai-bieu", term, constituency=constituency)
        group = groups[number - 1]
        ld.member(block[0], group, "to-truong", term)
        ld.member(block[1], group, "to-pho", term)
        for person in block[2:]:
            ld.member(person, group, "dai-bieu", term)
    # Leaders come from across the list so that every group has some.
    chair, vice1, vice2 = people[0], people[seats], people[2 * seats]
    ld.member(chair, standing, "chu-tich", term, is_full_time=True)
    ld.member(vice1, standing, "pho-chu-tich", term, is_full_time=True)
    ld.member(vice2, standing, "pho-chu-tich", term, is_full_time=True)
    for i, committee in enumerate(committees):
        head, deputy = people[3 * seats + i], people[4 * seats + i]
        ld.member(head, committee, "truong-ban", term, is_full_time=True)
        ld.member(head, standing, "uy-vien", term)
        ld.member(deputy, committee, "pho-truong-ban", term, is_full_time=True)
        for k in range(3):
            ld.member(people[5 * seats + i * 3 + k], committee, "uy-vien", term)


def _ha_tinh(ld: _Loader) -> None:
    province = ld.unit(new_province_key(HA_TINH))
    old_province = ld.unit("p1976:" + HA_TINH)
    body = ld.body

    body(
        province,
        BodyKind.OFFICE,
        HT_OFFICE,
        short_name="Văn phòng",
        address="Số 01 đường Nguyễn Tất Thành, phường Thành Sen, tỉnh Hà Tĩnh",
        phone="0239 3855 000",
        email="vanphong@hatinh.dancu.example",
    )
    na = body(province, BodyKind.NA_DELEGATION, "Đoàn đại biểu Quốc hội tỉnh Hà Tĩnh", short_name="Đoàn ĐBQH")
    council = body(province, BodyKind.PEOPLES_COUNCIL, HT_COUNCIL, short_name="HĐND tỉnh")
    standing = body(
        province, BodyKind.STANDING_COMMITTEE, HT_STANDING, short_name="Thường trực HĐND", parent=council
    )
    committees = [
        body(province, BodyKind.COMMITTEE, f"{name} HĐND tỉnh Hà Tĩnh", short_name=name, parent=council)
        for name in COMMITTEES
    ]
    committee_ubnd = body(
        province, BodyKind.PEOPLES_COMMITTEE, "Ủy ban nhân dân tỉnh Hà Tĩnh", short_name="UBND tỉnh"
    )
    agencies = [
        body(
            province,
            BodyKind.AGENCY,
            f"{name} Hà Tĩnh" if name.endswith(" tỉnh") else f"{name} tỉnh Hà Tĩnh",
            short_name=name,
            parent=committee_ubnd if under_ubnd else None,
        )
        for name, under_ubnd in AGENCIES
    ]
    body(
        province,
        BodyKind.FATHERLAND_FRONT,
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Tĩnh",
        short_name="UB MTTQ tỉnh",
    )

    # Delegate groups by area: the old districts, still how people name the areas.
    districts = list(AdministrativeUnit.objects.filter(parent=old_province).order_by("code"))
    groups = [
        body(
            province,
            BodyKind.DELEGATE_GROUP,
            f"Tổ đại biểu HĐND tỉnh khu vực {d.name[0].lower()}{d.name[1:]}",
            parent=council,
            unit=province,
        )
        for d in districts
    ]

    # Local councils: two of today's communes, and one district council that ended with the reform.
    for commune_name in ("Phường Thành Sen", "Xã Đức Thọ"):
        commune = AdministrativeUnit.objects.filter(parent=province, name=commune_name).first()
        if commune is None:
            continue
        label = f"Hội đồng nhân dân {commune_name[0].lower()}{commune_name[1:]}"
        body(
            province,
            BodyKind.PEOPLES_COUNCIL,
            label,
            level=BodyLevel.COMMUNE,
            unit=commune,
            active_from=datetime.date(2025, 7, 1),
        )
    duc_tho = ld.unit(old_district_key("440"))
    body(
        province,
        BodyKind.PEOPLES_COUNCIL,
        "Hội đồng nhân dân huyện Đức Thọ",
        level=BodyLevel.DISTRICT,
        unit=duc_tho,
        active_to=OLD_VALID_TO,
    )

    # Terms, constituencies and delegates. 2021: one constituency per old district;
    # 2026: the communes that replaced each district.
    areas = _commune_areas(districts)
    people = ld.people(
        province,
        COUNCIL_SEATS + 20 + NA_SEATS + 3,
        [a.name for a in agencies] + ["Ủy ban nhân dân tỉnh Hà Tĩnh"],
    )
    council_people = people[: COUNCIL_SEATS + 20]
    for number, name, start, end in COUNCIL_TERMS:
        term = ld.term(council, number, name, start, end)
        if number == 18:
            seated, units = council_people[:COUNCIL_SEATS], [[d] for d in districts]
        else:
            # Two thirds re-elected, a third new.
            seated = council_people[20:]
            units = [areas.get(d.pk, []) for d in districts]
        _seat_council(
            ld,
            council=council,
            standing=standing,
            committees=committees,
            groups=groups,
            term=term,
            people=seated,
            constituency_units=units,
        )
    # The Office's head and deputy: they sign what the Office sends (documents name them).
    office = Body.objects.get(province=province, kind=BodyKind.OFFICE, name=HT_OFFICE)
    for full_name, gender, post in OFFICE_STAFF:
        person, _created = Person.objects.update_or_create(
            full_name=full_name, province=province, defaults={"gender": gender, "workplace": HT_OFFICE}
        )
        ld.member(person, office, post, None, start_date=datetime.date(2021, 7, 1))
    na_people = people[COUNCIL_SEATS + 20 :]
    for number, name, start, end in NA_TERMS:
        term = ld.term(na, number, name, start, end)
        deputies = na_people[:NA_SEATS] if number == 15 else na_people[3 : 3 + NA_SEATS]
        ld.member(deputies[0], na, "truong-doan", term)
        ld.member(deputies[1], na, "pho-truong-doan", term, is_full_time=True)
        for deputy in deputies[2:]:
            ld.member(deputy, na, "dai-bieu", term)


def _nghe_an(ld: _Loader) -> None:
    province = ld.unit(new_province_key(NGHE_AN))
    ld.body(province, BodyKind.OFFICE, NA_OFFICE, short_name="Văn phòng")
    council = ld.body(
        province, BodyKind.PEOPLES_COUNCIL, "Hội đồng nhân dân tỉnh Nghệ An", short_name="HĐND tỉnh"
    )
    ubnd = ld.body(
        province, BodyKind.PEOPLES_COMMITTEE, "Ủy ban nhân dân tỉnh Nghệ An", short_name="UBND tỉnh"
    )
    ld.body(province, BodyKind.AGENCY, "Sở Y tế tỉnh Nghệ An", short_name="Sở Y tế", parent=ubnd)
    for number, name, start, end in COUNCIL_TERMS:
        ld.term(council, number, name, start, end)


def _delegate_person() -> Person | None:
    """The person the demo delegate account belongs to: a delegate of today's council term."""
    return (
        Person.objects.filter(
            memberships__body__name=HT_COUNCIL,
            memberships__post__code="dai-bieu",
            memberships__end_date__isnull=True,
            memberships__constituency__isnull=False,
        )
        .order_by("pk")
        .first()
    )


def _users(ld: _Loader) -> None:
    delegate = _delegate_person()
    for demo in DEMO_USERS:
        user, created = User.objects.get_or_create(username=demo.username)
        user.full_name = demo.full_name
        user.email = f"{demo.username}@dancu.example"
        user.is_active = True
        national = demo.role is None
        user.is_national_admin = user.is_staff = user.is_superuser = national
        user.set_password(DEMO_PASSWORD)  # reset on every run so the printed logins work
        if demo.role == Role.DELEGATE and delegate is not None:
            user.person = delegate  # "my" meetings, constituency and questions
            user.full_name = delegate.full_name
        user.save()
        ld.counts["users_created" if created else "users_existing"] += 1
        if demo.role is not None and demo.body_name is not None:
            body = Body.objects.get(
                name=demo.body_name, province__code__in=[HA_TINH, NGHE_AN], province__valid_to=None
            )
            RoleAssignment.objects.get_or_create(user=user, body=body, role=demo.role)


def load(stdout: SupportsWrite[str] | None = None) -> dict[str, Any]:
    """The directory's demo (units, bodies, people, one user per role); idempotent. Run first
    by `web.demo.load_demo`, which then runs every other module's demo."""
    load_units([HA_TINH, NGHE_AN], stdout=stdout)
    with transaction.atomic():
        ld = _Loader()
        _ha_tinh(ld)
        _nghe_an(ld)
        _users(ld)
        summary = (
            f"Demo data: {Body.objects.filter(province__code__in=[HA_TINH, NGHE_AN]).count()} bodies, "
            f"{Person.objects.filter(province__code__in=[HA_TINH, NGHE_AN]).count()} people, "
            f"{Membership.objects.filter(body__province__code__in=[HA_TINH, NGHE_AN]).count()} memberships, "
            f"{len(DEMO_USERS)} demo users"
        )
        audit_record(actor=None, action="demo.load", summary=summary, province_code=HA_TINH)
    result: dict[str, Any] = dict(ld.counts)
    result["summary"] = summary
    return result


def format_logins() -> str:
    rows = [("Username", "Password", "Role", "Body")]
    for demo in DEMO_USERS:
        role = str(Role(demo.role).label) if demo.role else gettext("National administrator")
        rows.append((demo.username, DEMO_PASSWORD, role, demo.body_name or gettext("(all provinces)")))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = ["  ".join([*(r[i].ljust(widths[i]) for i in range(3)), r[3]]) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in [*widths, len(rows[0][3])]))
    return "\n".join(lines) + "\n"
