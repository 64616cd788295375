from dancu.core.modules import ModuleManifest

from .roles import ROLE_PERMISSIONS

MANIFEST = ModuleManifest(
    name="accounts",
    url_prefix="tai-khoan/",
    urls="dancu.accounts.urls",
    api_router="dancu.accounts.api:router",
    role_permissions=ROLE_PERMISSIONS,
)
