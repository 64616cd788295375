from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from dancu.core.access import get_access

from .manifest import VIEW


@login_required
def note_list(request):
    get_access(request.user).require(VIEW)
    return HttpResponse("Ghi chú của Văn phòng")


def public_notes(request):
    return HttpResponse("Ghi chú công khai")
