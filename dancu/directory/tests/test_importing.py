import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from dancu.core.models import AuditEntry, ImportJob
from dancu.directory.importing import IMPORT_KIND, delegate_columns, delegate_template, validate_delegate_file
from dancu.directory.models import BodyKind, Constituency, Gender, Membership, Person, Term
from dancu.directory.tasks import run_delegate_import
from dancu.directory.tests.factories import BodyFactory, PersonFactory, post

COUNCIL = "Hội đồng nhân dân tỉnh Hà Tĩnh"
COMMITTEE = "Ban Pháp chế HĐND tỉnh Hà Tĩnh"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def council(province):
    council = BodyFactory(
        kind=BodyKind.PEOPLES_COUNCIL, name=COUNCIL, short_name="HĐND tỉnh", province=province
    )
    term = Term.objects.create(
        body=council, number=18, name="Khóa XVIII", start_date=datetime.date(2021, 6, 1)
    )
    Constituency.objects.create(term=term, number=1, name="Đơn vị bầu cử số 1")
    BodyFactory(
        kind=BodyKind.COMMITTEE, name=COMMITTEE, short_name="Ban Pháp chế", parent=council, province=province
    )
    return council


def row(**values):
    base = {"full_name": "Nguyễn Văn An", "birth_date": "12/03/1975", "body": COUNCIL}
    base.update(values)
    return base


def delegates_xlsx(rows) -> bytes:
    columns = delegate_columns()
    wb = Workbook()
    ws = wb.active
    ws.append([str(c.header) for c in columns])
    for values in rows:
        ws.append([values.get(c.key) for c in columns])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def header(key):
    return next(str(c.header) for c in delegate_columns() if c.key == key)


def make_job(user, province, data: bytes, name="ds.xlsx") -> ImportJob:
    return ImportJob.objects.create(
        kind=IMPORT_KIND,
        province_code=province.code,
        params={"province_id": province.pk},
        created_by=user,
        file=ContentFile(data, name=name),
        original_name=name,
    )


def run(user, province, data: bytes, name="ds.xlsx") -> ImportJob:
    job = make_job(user, province, data, name)
    run_delegate_import(job.pk)
    job.refresh_from_db()
    return job


def nothing_written():
    return not Person.objects.exists() and not Membership.objects.exists() and not AuditEntry.objects.exists()


GOOD_ROWS = [
    row(
        # The label in the active language ("Nam" once the Vietnamese catalog exists).
        gender=str(Gender.MALE.label),
        ethnicity="Kinh",
        phone="0912345678",
        email="an@hatinh.gov.vn",
        term=18,
        constituency=1,
        start_date="25/06/2021",
        is_full_time="có",
    ),
    # The same person in a second body: one person, two memberships.
    row(body="Ban Pháp chế", post="Ủy viên", term=18),
    row(
        full_name="Trần Thị Bình",
        gender=str(Gender.FEMALE.label).upper(),
        birth_date=datetime.datetime(1982, 11, 4),
        body="hdnd tinh",
    ),
]


@pytest.mark.django_db
class TestDelegateImport:
    def test_good_file_creates_people_memberships_and_audit(self, office_admin, province, council):
        job = run(office_admin, province, delegates_xlsx(GOOD_ROWS))

        assert job.status == ImportJob.Status.SUCCEEDED, job.errors
        assert job.result == {"rows": 3, "people_created": 2, "people_existing": 0, "memberships_created": 3}
        assert job.done == job.total == 3
        an = Person.objects.get(full_name="Nguyễn Văn An")
        assert an.province == province
        assert an.gender == "male"
        assert an.birth_date == datetime.date(1975, 3, 12)
        assert an.email == "an@hatinh.gov.vn"
        first = an.memberships.get(body=council)
        assert first.post == post("dai-bieu")
        assert first.term.number == 18
        assert first.constituency.number == 1
        assert first.start_date == datetime.date(2021, 6, 25)
        assert first.is_full_time
        second = an.memberships.get(body__name=COMMITTEE)
        # A committee serves in the term of its council.
        assert second.term == first.term
        assert second.post == post("uy-vien")
        assert not second.is_full_time
        binh = Person.objects.get(full_name="Trần Thị Bình")
        assert binh.gender == "female"
        assert binh.memberships.get().body == council

        actions = list(AuditEntry.objects.values_list("action", flat=True))
        assert actions.count("directory.person.create") == 2
        assert actions.count("directory.membership.create") == 3
        assert actions.count("directory.delegates.import") == 1
        assert AuditEntry.objects.filter(actor=office_admin).count() == 6

    def test_one_bad_row_writes_nothing_and_names_row_and_column(self, office_admin, province, council):
        rows = [*GOOD_ROWS, row(full_name="Lê Văn Cường", body="Hội đồng nhân dân tỉnh Nghệ An")]
        job = run(office_admin, province, delegates_xlsx(rows))

        assert job.status == ImportJob.Status.FAILED
        assert [(e["row"], e["column"]) for e in job.errors] == [(5, header("body"))]
        assert "Nghệ An" in job.errors[0]["message"]
        assert nothing_written()

    def test_every_bad_row_is_reported(self, office_admin, province, council):
        rows = [
            row(gender="khác"),
            row(full_name="B", birth_date="31/02/1980"),
            row(full_name="Cao Văn C", term=17),
            row(full_name="Đỗ Văn D", term=18, constituency=9),
            row(full_name="Hồ Văn E", constituency=1),
            row(full_name="Phan Văn G", post="Thủ tướng"),
            row(full_name="Vũ Văn H", birth_date="01/01/2999", email="sai"),
            row(full_name=None, body=None),
        ]
        _rows, errors = validate_delegate_file(delegates_xlsx(rows), province)
        found = {(e.row, e.column) for e in errors}
        assert found == {
            (2, header("gender")),
            (3, header("birth_date")),
            (4, header("term")),
            (5, header("constituency")),
            (6, header("term")),
            (7, header("post")),
            (8, header("email")),
            (9, header("full_name")),
            (9, header("body")),
        }
        assert not Person.objects.exists()

    def test_future_birth_date_is_refused(self, office_admin, province, council):
        _rows, errors = validate_delegate_file(delegates_xlsx([row(birth_date="01/01/2999")]), province)
        assert [(e.row, e.column) for e in errors] == [(2, header("birth_date"))]

    def test_duplicate_rows_are_detected_on_the_second_row(self, office_admin, province, council):
        rows = [row(), row(full_name="Trần Thị Bình"), row(full_name="  nguyen van AN ", body="HĐND tỉnh")]
        job = run(office_admin, province, delegates_xlsx(rows))

        assert job.status == ImportJob.Status.FAILED
        assert [(e["row"], e["column"]) for e in job.errors] == [(4, header("full_name"))]
        assert "2" in job.errors[0]["message"]
        assert nothing_written()

    def test_existing_person_is_reused_and_existing_post_refused(self, office_admin, province, council):
        existing = PersonFactory(
            full_name="Nguyễn Văn An", birth_date=datetime.date(1975, 3, 12), province=province
        )
        Membership.objects.create(person=existing, body=council, post=post("dai-bieu"))

        job = run(office_admin, province, delegates_xlsx([row()]))
        assert job.status == ImportJob.Status.FAILED
        assert [(e["row"], e["column"]) for e in job.errors] == [(2, header("full_name"))]

        job = run(office_admin, province, delegates_xlsx([row(body="Ban Pháp chế", post="Ủy viên")]))
        assert job.status == ImportJob.Status.SUCCEEDED, job.errors
        assert job.result["people_existing"] == 1
        assert Person.objects.count() == 1
        assert existing.memberships.count() == 2

    @pytest.mark.parametrize(
        "data",
        [
            b"Ho va ten,Co quan\nNguyen Van An,HDND tinh\n",
            b"",
            "empty-workbook",
            "missing-columns",
            "header-only",
        ],
        ids=["txt-renamed", "zero-bytes", "empty-workbook", "missing-columns", "header-only"],
    )
    def test_malformed_files_fail_cleanly(self, office_admin, province, council, data):
        if data == "empty-workbook":
            out = io.BytesIO()
            Workbook().save(out)
            data = out.getvalue()
        elif data == "missing-columns":
            wb = Workbook()
            wb.active.append([header("full_name"), header("gender")])
            wb.active.append(["Nguyễn Văn An", "Nam"])
            out = io.BytesIO()
            wb.save(out)
            data = out.getvalue()
        elif data == "header-only":
            data = delegates_xlsx([])
        job = run(office_admin, province, data)

        assert job.status == ImportJob.Status.FAILED
        assert len(job.errors) == 1
        assert job.errors[0]["row"] == 0
        assert job.errors[0]["message"]
        assert nothing_written()

    def test_missing_columns_are_named(self, office_admin, province, council):
        wb = Workbook()
        wb.active.append([header("full_name")])
        wb.active.append(["Nguyễn Văn An"])
        out = io.BytesIO()
        wb.save(out)
        job = run(office_admin, province, out.getvalue())
        assert header("body") in job.errors[0]["message"]

    def test_the_uploaded_file_is_deleted_after_the_job(self, office_admin, province, council):
        job = make_job(office_admin, province, delegates_xlsx([row()]))
        storage, name = job.file.storage, job.file.name
        assert storage.exists(name)
        run_delegate_import(job.pk)
        job.refresh_from_db()
        assert not storage.exists(name)
        assert not job.file
        assert job.status == ImportJob.Status.SUCCEEDED

    def test_the_task_is_idempotent(self, office_admin, province, council):
        job = make_job(office_admin, province, delegates_xlsx([row()]))
        assert run_delegate_import(job.pk) is True
        assert run_delegate_import(job.pk) is False
        assert Person.objects.count() == 1
        assert Membership.objects.count() == 1

    def test_actor_without_permission_writes_nothing(self, make_user, province, council):
        job = run(make_user(), province, delegates_xlsx([row()]))
        assert job.status == ImportJob.Status.FAILED
        assert nothing_written()

    def test_actor_of_another_province_writes_nothing(self, make_user, other_office, province, council):
        job = run(make_user("office_admin", other_office), province, delegates_xlsx([row()]))
        assert job.status == ImportJob.Status.FAILED
        assert nothing_written()

    def test_template_examples_validate_against_the_demo_bodies(self, province, council):
        rows, errors = validate_delegate_file(delegate_template(), province)
        assert errors == []
        assert [r.number for r in rows] == [2, 3]
        assert rows[0]["body"] == council
        assert rows[1]["body"].name == COMMITTEE


@pytest.mark.django_db
class TestImportViews:
    @pytest.fixture
    def admin_client(self, client, office_admin):
        client.force_login(office_admin, backend="django.contrib.auth.backends.ModelBackend")
        return client

    def test_page_and_template_download(self, admin_client, council):
        response = admin_client.get("/danh-ba/nhap-dai-bieu/")
        assert response.status_code == 200
        assert b"/danh-ba/nhap-dai-bieu/mau.xlsx" in response.content

        response = admin_client.get("/danh-ba/nhap-dai-bieu/mau.xlsx")
        assert response.status_code == 200
        assert response["Content-Type"] == XLSX
        assert 'filename="mau_nhap_dai_bieu.xlsx"' in response["Content-Disposition"]
        assert response.content.startswith(b"PK\x03\x04")

    def test_upload_runs_the_job_and_shows_the_result(
        self, admin_client, council, django_capture_on_commit_callbacks
    ):
        upload = SimpleUploadedFile("ds.xlsx", delegates_xlsx(GOOD_ROWS), content_type=XLSX)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post("/danh-ba/nhap-dai-bieu/", {"file": upload})
        job = ImportJob.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/danh-ba/nhap-dai-bieu/{job.pk}/"
        job.refresh_from_db()
        assert job.status == ImportJob.Status.SUCCEEDED
        assert Membership.objects.count() == 3

        page = admin_client.get(response["Location"])
        assert page.status_code == 200
        # A finished job's page stops polling (the top bar's bell polls on every page).
        assert b'hx-trigger="every 1s"' not in page.content

    def test_failed_job_page_lists_row_errors(self, admin_client, office_admin, province, council):
        job = run(office_admin, province, delegates_xlsx([row(body="Không tồn tại")]))
        page = admin_client.get(f"/danh-ba/nhap-dai-bieu/{job.pk}/")
        assert page.status_code == 200
        assert "Không tồn tại" in page.content.decode()

    def test_running_job_partial_polls(self, admin_client, office_admin, province, council):
        job = make_job(office_admin, province, delegates_xlsx([row()]))
        ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING, total=10, done=4)
        response = admin_client.get(f"/danh-ba/nhap-dai-bieu/{job.pk}/", HTTP_HX_REQUEST="true")
        content = response.content.decode()
        assert response.status_code == 200
        assert 'hx-trigger="every 1s"' in content
        assert "<html" not in content

    @pytest.mark.parametrize(
        ("name", "data"),
        [
            ("ds.xlsx", b"Ho va ten\nNguyen Van An\n"),  # a text file renamed
            ("ds.csv", b"PK\x03\x04rest"),
            ("ds.xlsx", b""),
        ],
    )
    def test_bad_uploads_are_refused_without_a_job(self, admin_client, council, name, data):
        upload = SimpleUploadedFile(name, data, content_type=XLSX)
        response = admin_client.post("/danh-ba/nhap-dai-bieu/", {"file": upload})
        assert response.status_code == 400
        assert not ImportJob.objects.exists()
        assert nothing_written()

    def test_users_without_the_permission_get_403(self, client, make_user, office):
        user = make_user("specialist", office)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        for url in ("/danh-ba/nhap-dai-bieu/", "/danh-ba/nhap-dai-bieu/mau.xlsx"):
            assert client.get(url).status_code == 403
        upload = SimpleUploadedFile("ds.xlsx", delegates_xlsx([row()]), content_type=XLSX)
        assert client.post("/danh-ba/nhap-dai-bieu/", {"file": upload}).status_code == 403
        assert not ImportJob.objects.exists()

    def test_anonymous_is_sent_to_login(self, client):
        response = client.get("/danh-ba/nhap-dai-bieu/")
        assert response.status_code == 302

    def test_province_parameter_is_checked(self, admin_client, other_province, council):
        response = admin_client.get(f"/danh-ba/nhap-dai-bieu/?province={other_province.pk}")
        assert response.status_code == 403

    def test_job_of_another_province_is_not_visible(
        self, client, make_user, other_office, office_admin, province, council
    ):
        job = make_job(office_admin, province, delegates_xlsx([row()]))
        client.force_login(
            make_user("office_admin", other_office), backend="django.contrib.auth.backends.ModelBackend"
        )
        assert client.get(f"/danh-ba/nhap-dai-bieu/{job.pk}/").status_code == 404

    def test_national_admin_chooses_the_province(
        self, client, national_admin, province, other_province, council, django_capture_on_commit_callbacks
    ):
        client.force_login(national_admin, backend="django.contrib.auth.backends.ModelBackend")
        page = client.get("/danh-ba/nhap-dai-bieu/")
        assert page.status_code == 200
        assert 'name="province"' in page.content.decode()
        upload = SimpleUploadedFile("ds.xlsx", delegates_xlsx([row()]), content_type=XLSX)
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/danh-ba/nhap-dai-bieu/", {"file": upload, "province": province.pk})
        job = ImportJob.objects.get()
        assert job.province_code == province.code
        job.refresh_from_db()
        assert job.status == ImportJob.Status.SUCCEEDED, job.errors
