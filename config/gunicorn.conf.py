"""gunicorn settings for Dân cử: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

Sync workers (the pages are short database reads); the number and the bind address come from
the environment. Each worker imports the URL configuration and loads the persisted petition
suggestion indexes before it takes a request: otherwise its first suggestion waited 6.7 s at
1,000,000 petitions (bench/petitions/first_suggestion.py, docs/performance-petitions.md).
"""

import multiprocessing
import os

bind = os.environ.get("DANCU_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("DANCU_WORKERS", multiprocessing.cpu_count() + 1))
timeout = int(os.environ.get("DANCU_TIMEOUT", "60"))


def post_worker_init(worker):
    """Warm the worker before its first request: the URL configuration (importing every view and
    the API: 1.4 s of a first request here) and the suggestion indexes (2-4 s)."""
    from django.conf import settings
    from django.template.loader import get_template
    from django.urls import get_resolver
    from django.utils import translation

    from dancu.petitions.selectors import preload_suggest_indexes

    try:
        get_resolver().url_patterns  # noqa: B018 - the import is the point
        with translation.override(settings.LANGUAGE_CODE):  # the Vietnamese catalogs
            translation.gettext("Petitions")
        get_template("petitions/_suggestions.html")  # the template engine and its loaders
        ready = preload_suggest_indexes()
    except Exception:  # a worker that cannot warm up still serves; the first request loads it
        worker.log.exception("petition suggestion indexes not preloaded")
        return
    worker.log.info("petition suggestion indexes ready for provinces %s", ready)
