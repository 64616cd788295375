"""The top bar written in Python (issue 17) gives the HTML of the template loop it replaces."""

import pytest
from django.template import Context, Template

from dancu.core.access import get_access
from dancu.core.navigation import menu_for, menu_html

pytestmark = pytest.mark.django_db

OLD_LOOP = """{% for group in menu %}{% if group.items|length == 1 %}{% with item=group.items.0 %}<li class="nav-item"><a class="nav-link{% if path == item.url %} active" aria-current="page{% endif %}" href="{{ item.url }}"><i class="bi bi-{{ item.icon }}" aria-hidden="true"></i> {{ item.label }}</a></li>{% endwith %}{% else %}<li class="nav-item dropdown"><a class="nav-link dropdown-toggle" href="#" role="button" data-bs-toggle="dropdown" aria-expanded="false"><i class="bi bi-{{ group.icon }}" aria-hidden="true"></i> {{ group.label }}</a><ul class="dropdown-menu">{% for item in group.items %}
<li><a class="dropdown-item{% if path == item.url %} active" aria-current="page{% endif %}" href="{{ item.url }}"><i class="bi bi-{{ item.icon }}" aria-hidden="true"></i> {{ item.label }}</a></li>{% endfor %}
</ul></li>{% endif %}{% if not forloop.last %}
{% endif %}{% endfor %}"""


@pytest.fixture
def demo():
    from dancu.web.demo import load_demo

    return load_demo()


def test_menu_html_matches_the_loop_it_replaces(demo):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="vanphong")
    menu = menu_for(get_access(user))
    assert len(menu) > 3 and any(len(g.items) > 1 for g in menu)
    path = menu[1].items[-1].url
    got = menu_html(menu, path)
    assert got == Template(OLD_LOOP).render(Context({"menu": menu, "path": path}))
    assert got.count(' active" aria-current="page"') == 1
