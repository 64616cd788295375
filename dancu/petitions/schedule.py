from celery.schedules import crontab

BEAT_SCHEDULE = {
    "petitions-reminders": {
        "task": "dancu.petitions.tasks.send_reminders",
        "schedule": crontab(hour=7, minute=15),
    },
}
