from dancu.core.events import WorkItem

ITEMS: dict[int, list[WorkItem]] = {}
CALLS: list[int] = []


def items(user) -> list[WorkItem]:
    CALLS.append(user.pk)
    return list(ITEMS.get(user.pk, []))
