from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevtoolsConfig(AppConfig):
    """Tools for developing the portal, not for its visitors: the benchmark (``manage.py bench``)
    and the synthetic corpus (``manage.py generate_corpus``).

    Installed only when the ``DEVTOOLS`` switch says so (portal/settings.py); the product apps
    never import it.
    """

    name = "devtools"
    verbose_name = _("Ontwikkelgereedschap")
