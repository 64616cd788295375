from celery.schedules import crontab

BEAT_SCHEDULE = {
    "letters-reminders": {
        "task": "dancu.letters.tasks.send_letter_reminders",
        "schedule": crontab(hour=6, minute=30),
    },
}
