"""The editors' admin for who, what, when and where (mounted at /beheer/).

An event is entered on one page: its organisations, sessions and participants are inlines here;
its takeaways are added by insights/admin.py, which extends ``EventAdmin`` (insights depends on
events, never the other way round). The publishing actions, the year filter, the Markdown help
and the session check are shared with the publications admin in insights/admin.py.
"""

from collections import defaultdict

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import NestedObjects, model_ngettext
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.db.models import prefetch_related_objects
from django.db.models.functions import ExtractYear
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator, capfirst, format_lazy, get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.admin import TagAdmin
from taggit.forms import TagField
from taggit.managers import TaggableManager
from taggit.models import Tag

from events import services
from events.models import (
    Domain,
    Event,
    EventKind,
    EventOrganisation,
    Organisation,
    Participation,
    Person,
    Region,
    Series,
    Session,
)
from events.publishing import Status
from events.slugs import makes_theme_slug

admin.site.site_header = _("Dwarsverband — redactie")
admin.site.site_title = _("Dwarsverband — redactie")

MARKDOWN_HELP = _(
    "Markdown is toegestaan: **vet**, *cursief*, [linktekst](https://…), een regel die met - "
    "begint voor een opsomming en een lege regel tussen alinea's."
)
SUMMARY_HELP = format_lazy("{} {}", _("Kort: een of twee zinnen."), MARKDOWN_HELP)
SHORT_TEXTAREA = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}}


class MarkdownHelpMixin:
    """Tell editors which text fields take Markdown: ``markdown_fields`` maps names to help."""

    markdown_fields = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in self.markdown_fields:
            formfield.help_text = self.markdown_fields[db_field.name]
        return formfield


class YearFilter(admin.SimpleListFilter):
    """The year of ``date_field``; items without a known date are an option of their own."""

    title = _("jaar")
    parameter_name = "jaar"
    date_field = "date"
    unknown = "onbekend"

    def lookups(self, request, model_admin):
        years = (
            model_admin.get_queryset(request)
            .filter(**{f"{self.date_field}__isnull": False})
            .annotate(year=ExtractYear(self.date_field))
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )
        return [*((str(year), str(year)) for year in years), (self.unknown, _("datum onbekend"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return None
        if value == self.unknown:
            return queryset.filter(**{f"{self.date_field}__isnull": True})
        if not (value.isascii() and value.isdigit() and len(value) == 4):
            raise IncorrectLookupParameters(f"{value!r} is not a year")
        return queryset.filter(**{f"{self.date_field}__year": int(value)})


NAMELESS_THEME = _(
    "Van ‘%(name)s’ kan geen adres voor de themapagina worden gemaakt: de naam heeft geen "
    "letter of cijfer."
)


class ThemeNamesField(TagField):
    """The themes of an event, publication or takeaway, typed as names separated by commas.

    Each name fits a theme (at most 100 characters); a new theme needs a letter or a digit, for
    the address of its page is made from them. Existing themes are taken as they are.
    """

    def clean(self, value):
        names = super().clean(value)
        limit = Tag._meta.get_field("name").max_length
        for name in names:
            if len(name) > limit:
                raise ValidationError(
                    _("Een thema heeft hoogstens %(limit)d tekens; ‘%(name)s’ heeft er %(n)d."),
                    params={"limit": limit, "name": Truncator(name).chars(40), "n": len(name)},
                )
            if not makes_theme_slug(name) and not Tag.objects.filter(name__iexact=name).exists():
                raise ValidationError(NAMELESS_THEME, params={"name": name})
        return names


#: ``formfield_overrides`` for the admins with a ``tags`` field.
THEME_NAMES = {TaggableManager: {"form_class": ThemeNamesField}}


class ThemeForm(forms.ModelForm):
    """A theme on its own page: an empty slug is made from the name, when it can be."""

    class Meta:
        model = Tag
        fields = ["name", "slug"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _(
            "Leeg laten: wordt gemaakt uit de naam. Een bestaande slug liever niet veranderen: "
            "het adres van de themapagina verandert mee."
        )

    def clean(self):
        cleaned_data = super().clean()
        name = cleaned_data.get("name")
        if name and not cleaned_data.get("slug") and not makes_theme_slug(name):
            message = format_lazy("{} {}", NAMELESS_THEME, _("Vul zelf een slug in."))
            self.add_error("name", ValidationError(message, params={"name": name}))
        return cleaned_data


admin.site.unregister(Tag)


@admin.register(Tag)
class ThemeAdmin(TagAdmin):
    """django-taggit's theme admin, with ``ThemeForm``."""

    form = ThemeForm


class PublishableForm(forms.ModelForm):
    """Publishing without a publication moment publishes now, as ``publish()`` does."""

    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("status") == Status.PUBLISHED
            and not cleaned_data.get("published_at")
            and "published_at" not in self.errors
        ):
            cleaned_data["published_at"] = timezone.now()
        return cleaned_data


class PublishingAdminMixin:
    """Publish and unpublish actions, and a link to the public page (a preview for drafts)."""

    actions = ["publish", "unpublish"]
    publishing_fieldset = (
        _("Publicatie"),
        {
            "fields": ["status", "published_at", "members_only"],
            "description": _(
                "Wie de status op ‘Gepubliceerd’ zet zonder moment in te vullen, publiceert "
                "meteen. Een concept kun je als redacteur bekijken via ‘Weergeven op website’."
            ),
        },
    )

    @admin.action(
        description=_("Geselecteerde %(verbose_name_plural)s publiceren"), permissions=["change"]
    )
    def publish(self, request, queryset):
        changed = services.publish(items=queryset)
        self._report(
            request, _("%(changed)d van %(total)d %(items)s gepubliceerd."), changed, queryset
        )

    @admin.action(
        description=_("Geselecteerde %(verbose_name_plural)s terugzetten naar concept"),
        permissions=["change"],
    )
    def unpublish(self, request, queryset):
        changed = services.unpublish(items=queryset)
        message = _("%(changed)d van %(total)d %(items)s teruggezet naar concept.")
        self._report(request, message, changed, queryset)

    def _report(self, request, message, changed, queryset):
        total = len(queryset)  # already evaluated by the service: no extra query
        items = model_ngettext(self.opts, total)
        self.message_user(
            request,
            message % {"changed": changed, "total": total, "items": items},
            messages.SUCCESS,
        )

    @admin.display(description=_("op de site"))
    def public_link(self, obj):
        label = _("bekijken") if obj.status == Status.PUBLISHED else _("voorvertoning")
        return format_html('<a href="{}">{}</a>', self.get_view_on_site_url(obj), label)


class ContentChangedMixin:
    """Saving or deleting here changes what the public pages show: ``content_changed`` brings
    what follows from it (the search index) in step, once the inlines are saved too, in the same
    transaction as the save."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.content_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.content_changed()

    def delete_queryset(self, request, queryset):
        # The delete view is atomic, the bulk delete action is not: make it so here.
        with transaction.atomic(using=router.db_for_write(self.model)):
            super().delete_queryset(request, queryset)
            services.content_changed()


class ExplainProtectedMixin:
    """On the delete page, say where each object that blocks the deletion is used (for a
    participation: on which event), so that an editor knows what to change first."""

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            collector = NestedObjects(using=router.db_for_write(self.model))
            collector.collect(objs)
            protected = sorted(describe_uses(collector.protected), key=str)
        return deleted, model_count, perms_needed, protected


USED_ON = ["event", "publication", "takeaway"]


def describe_uses(objs):
    """ "Deelname: Anna (spreker), bij bijeenkomst ‘Webinar’" for each of ``objs``."""
    by_model = defaultdict(list)
    for obj in objs:
        by_model[type(obj)].append(obj)
    for model, instances in by_model.items():
        relations = [f.name for f in model._meta.get_fields() if f.many_to_one]
        prefetch_related_objects(instances, *(name for name in USED_ON if name in relations))
    return [describe_use(obj) for obj in objs]


def describe_use(obj):
    label = format_html("{}: {}", capfirst(obj._meta.verbose_name), obj)
    for name in USED_ON:
        where = getattr(obj, name, None)
        if where is not None:
            return format_html("{}, bij {} ‘{}’", label, where._meta.verbose_name, where)
    return label


class UniqueRowsFormSet(BaseInlineFormSet):
    """Says which columns of an inline must be unique in words an editor knows."""

    def get_unique_error_message(self, unique_check):
        fields = [self.model._meta.get_field(name) for name in unique_check]
        names = [field.verbose_name for field in fields if field != self.fk]
        return gettext("Een rij met dezelfde %(fields)s staat er al; verbeter de dubbele rij.") % {
            "fields": get_text_list(names, gettext("en"))
        }


# The prefix Django's admin gives the sessions inline on the event page (``Event.sessions``).
SESSIONS_PREFIX = "sessions"
SESSION_HELP = _(
    "Alleen sessies van deze bijeenkomst. Een sessie die je in dezelfde keer toevoegt, kun je "
    "kiezen nadat je hebt opgeslagen (‘Opslaan en opnieuw bewerken’)."
)


class SessionOfEventFormSet(UniqueRowsFormSet):
    """Rows on the event page that may name one of the event's sessions.

    The session list offers only this event's saved sessions (read once for all rows), and
    ``clean`` puts an error next to the field for a session of another event or one deleted in
    the same save, before the database trigger would refuse it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sessions = self.instance.sessions.all() if self.instance.pk else []
        self.session_choices = [(s.pk, f"{s.order}. {s.title}") for s in sessions]

    def add_fields(self, form, index):
        super().add_fields(form, index)
        field = form.fields["session"]
        field.choices = [("", field.empty_label), *self.session_choices]
        field.help_text = SESSION_HELP

    def clean(self):
        super().clean()
        deleted = self.sessions_deleted_in_this_save()
        for form in self.forms:
            if self._should_delete_form(form):
                continue
            session = form.cleaned_data.get("session")
            if session is None:
                continue
            if session.event_id != self.instance.pk:
                form.add_error(
                    "session",
                    _("Deze sessie hoort bij een andere bijeenkomst. Kies een sessie van deze."),
                )
            elif str(session.pk) in deleted:
                form.add_error(
                    "session",
                    _("Deze sessie wordt verwijderd. Kies een andere sessie of laat het leeg."),
                )

    def sessions_deleted_in_this_save(self):
        """Ids (as sent) of the sessions ticked for deletion in the sessions inline."""
        if not self.is_bound:
            return set()
        checkbox = forms.CheckboxInput()
        rows = [
            key.removesuffix("-DELETE")
            for key in self.data
            if key.startswith(f"{SESSIONS_PREFIX}-") and key.endswith("-DELETE")
        ]
        return {
            self.data.get(f"{row}-id")
            for row in rows
            if checkbox.value_from_datadict(self.data, self.files, f"{row}-DELETE")
        }


class ParticipationFormSet(SessionOfEventFormSet):
    def clean(self):
        """A person has a role once per event or session (a conditional unique constraint,
        which Django's formset does not check across new rows)."""
        super().clean()
        seen = set()
        for form in self.forms:
            data = form.cleaned_data
            if self._should_delete_form(form) or "person" not in data:
                continue
            key = (data["person"], data.get("session"), data.get("role"))
            if key in seen:
                form.add_error(
                    "person",
                    _("Deze persoon staat al met deze rol op deze bijeenkomst of sessie."),
                )
            seen.add(key)


class EventOrganisationInline(admin.TabularInline):
    model = EventOrganisation
    formset = UniqueRowsFormSet
    fields = ["organisation", "role", "order"]
    autocomplete_fields = ["organisation"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation")


class SessionInline(MarkdownHelpMixin, admin.TabularInline):
    model = Session
    formset = UniqueRowsFormSet
    fields = ["order", "title", "date", "summary"]
    markdown_fields = {"summary": MARKDOWN_HELP}
    formfield_overrides = SHORT_TEXTAREA
    extra = 0


class ParticipationInline(admin.TabularInline):
    model = Participation
    formset = ParticipationFormSet
    fields = ["person", "role", "session", "organisation", "function", "order"]
    autocomplete_fields = ["person", "organisation"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class EventForm(PublishableForm):
    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start_date"), cleaned_data.get("end_date")
        if end and not start:
            self.add_error("end_date", _("Vul ook de begindatum in, of laat de einddatum leeg."))
        elif end and end < start:
            self.add_error("end_date", _("De einddatum ligt vóór de begindatum."))
        return cleaned_data


class EventYearFilter(YearFilter):
    date_field = "date"


@admin.register(Event)
class EventAdmin(ContentChangedMixin, PublishingAdminMixin, MarkdownHelpMixin, admin.ModelAdmin):
    form = EventForm
    list_display = [
        "title",
        "kind",
        "date",
        "status",
        "published_at",
        "members_only",
        "public_link",
    ]
    list_filter = [
        "status",
        "kind",
        "domains",
        "regions",
        EventYearFilter,
        "members_only",
        "is_online",
    ]
    list_select_related = ["kind"]
    search_fields = [
        "title",
        "slug",
        "sessions__title",
        "participations__person__name",
        "organisations__name",
    ]
    ordering = [models.F("date").desc(nulls_last=True), "title"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["kind", "series", "regions", "domains", "related_events"]
    markdown_fields = {"summary": SUMMARY_HELP, "body": MARKDOWN_HELP}
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "series"]}),
        (
            _("Wanneer en waar"),
            {"fields": ["start_date", "end_date", "is_online", "location", "regions"]},
        ),
        (
            _("Inhoud"),
            {
                "fields": [
                    "domains",
                    "tags",
                    "summary",
                    "body",
                    "audience",
                    "attendance",
                    "related_events",
                ]
            },
        ),
        (
            _("Bron"),
            {"fields": ["source_name", "source_url", "source_date", "source_date_is_capture"]},
        ),
        PublishingAdminMixin.publishing_fieldset,
    ]
    inlines = [EventOrganisationInline, SessionInline, ParticipationInline]
    formfield_overrides = THEME_NAMES


@admin.register(Domain)
class DomainAdmin(ContentChangedMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    ordering = ["order", "name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(EventKind)
class EventKindAdmin(ContentChangedMixin, ExplainProtectedMixin, admin.ModelAdmin):
    list_display = ["name", "name_plural", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "name_plural"]
    ordering = ["order", "name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Region)
class RegionAdmin(ContentChangedMixin, ExplainProtectedMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "country", "parent"]
    list_filter = ["country", "kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "parent__name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(Organisation)
class OrganisationAdmin(
    ContentChangedMixin, ExplainProtectedMixin, MarkdownHelpMixin, admin.ModelAdmin
):
    list_display = ["name", "kind", "region", "ceased_on", "website", "is_public"]
    list_filter = ["kind", ("region", admin.RelatedOnlyFieldListFilter), "is_public"]
    list_select_related = ["region"]
    search_fields = ["name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["region"]
    markdown_fields = {"description": MARKDOWN_HELP}


@admin.register(Person)
class PersonAdmin(ContentChangedMixin, ExplainProtectedMixin, MarkdownHelpMixin, admin.ModelAdmin):
    list_display = ["name", "function", "organisation", "is_public"]
    list_filter = ["organisation__kind", "is_public"]
    list_select_related = ["organisation"]
    search_fields = ["name", "function", "organisation__name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation"]
    markdown_fields = {"bio": MARKDOWN_HELP}


@admin.register(Series)
class SeriesAdmin(ContentChangedMixin, MarkdownHelpMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    markdown_fields = {"description": MARKDOWN_HELP}
