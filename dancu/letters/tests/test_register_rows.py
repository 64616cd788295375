"""The register's rows written in Python (issue 17) give the HTML of the template loop they
replace, escaping, badges and late dates included."""

import datetime

import pytest
from django.template import Context, Template

from dancu.letters.models import Letter
from dancu.letters.register_table import register_table_rows
from dancu.letters.selectors import register_rows

pytestmark = pytest.mark.django_db

OLD_ROWS = (
    '{% load i18n %}{% for l in page %}<tr class="register-row"><td data-label="{% translate \'Number\' %}">'
    "<a href=\"{% url 'letters:letter_detail' l.pk %}\">{{ l.number }}</a></td>"
    '<td data-label="{% translate \'Received\' %}">{{ l.received_date|date:"d/m/Y" }}</td>'
    "<td data-label=\"{% translate 'Receiving body' %}\">{{ l.receiving_body.name }}</td>"
    "<td data-label=\"{% translate 'Kind' %}\">{{ l.get_kind_display }}</td>"
    '<td data-label="{% translate \'Summary of the content\' %}" class="text-break">{{ l.subject }}'
    '{% if l.sent_to_several %} <span class="badge text-bg-warning">{% translate "sent to several bodies" %}</span>{% endif %}'
    '{% if l.duplicate_of_id %} <span class="badge text-bg-info">{% translate "duplicate" %}</span>{% endif %}</td>'
    "<td data-label=\"{% translate 'Status' %}\">{{ l.get_status_display }}</td>"
    '<td data-label="{% translate \'Next due\' %}">{% if l.due_date %}<span class="{% if l.due_date < today %}'
    'text-danger fw-bold{% endif %}">{{ l.due_date|date:"d/m/Y" }}</span>{% endif %}</td>'
    '<td data-label="{% translate \'Forwarded to\' %}">{{ l.forwarded_to.name|default:"" }}</td></tr>\n{% endfor %}'
)


def test_python_rows_match_the_template_they_replace(make_letter):
    from django.utils import translation

    a = make_letter(subject="Khiếu nại <i>\"đất\"</i> & 'nhà'", kind="complaint")
    b = make_letter()
    Letter.objects.filter(pk=a.pk).update(due_date=datetime.date(2026, 1, 2), sent_to_several=True)
    Letter.objects.filter(pk=b.pk).update(due_date=datetime.date(2026, 5, 2), duplicate_of=a)
    page = list(register_rows(Letter.objects.filter(pk__in=[a.pk, b.pk]).order_by("-id")))
    today = datetime.date(2026, 3, 1)
    with translation.override("vi"):
        expected = Template(OLD_ROWS).render(Context({"page": page, "today": today})).rstrip("\n")
        got = register_table_rows(page, today)
    assert got == expected
    assert "&lt;i&gt;&quot;đất&quot;&lt;/i&gt; &amp; &#x27;nhà&#x27;" in got
    assert got.count("text-danger fw-bold") == 1  # only the letter past its due date
