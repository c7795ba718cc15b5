"""The editors' admin for what was learned: takeaways, publications and synonyms.

Takeaways are entered where they come from: as the last inline on the event page (this module
extends the event admin of events/admin.py) and on the publication page. The people a takeaway
is attributed to are picked in the takeaway itself, in the field ``attributed_to``, both in those
inlines and on the takeaway's own page.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.widgets import AutocompleteSelectMultiple, RelatedFieldWidgetWrapper
from django.db import models
from django.utils.translation import gettext_lazy as _

from events import admin as events_admin
from events.admin import (
    MARKDOWN_HELP,
    SUMMARY_HELP,
    THEME_NAMES,
    ContentChangedMixin,
    MarkdownHelpMixin,
    PublishableForm,
    PublishingAdminMixin,
    SessionOfEventFormSet,
    UniqueRowsFormSet,
    YearFilter,
)
from events.models import Event, Person, Session
from insights.models import (
    Publication,
    PublicationOrganisation,
    PublicationPerson,
    SynonymSet,
    Takeaway,
)


def attribution_field(widget=None):
    return forms.ModelMultipleChoiceField(
        Person.objects.all(),
        required=False,
        widget=widget,
        label=_("toegeschreven aan"),
        help_text=_("Alleen als de bron het inzicht aan iemand toeschrijft."),
    )


class TakeawayForm(forms.ModelForm):
    """A takeaway with ``attributed_to``: the people of ``Takeaway.people``.

    The admin offers no form field for a relation through its own model (``TakeawayPerson``),
    so this form adds one and saves it together with the takeaway's other relations.
    """

    attributed_to = attribution_field()

    class Meta:
        model = Takeaway
        fields = [
            "text",
            "slug",
            "event",
            "session",
            "publication",
            "explanation",
            "domains",
            "tags",
            "order",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 2, "cols": 80})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("attributed_to", [p.pk for p in self.instance.people.all()])

    def _save_m2m(self):
        # Called by save(commit=True) and by save_m2m() after save(commit=False).
        super()._save_m2m()
        self.instance.people.set(self.cleaned_data["attributed_to"])


class AttributionMixin:
    """Gives ``attributed_to`` an autocomplete with a "+" to add a person, like other people
    fields (the "+" only for editors who may add people)."""

    def takeaway_form(self, request):
        people = Takeaway._meta.get_field("people")
        person_admin = self.admin_site.get_model_admin(Person)
        widget = RelatedFieldWidgetWrapper(
            AutocompleteSelectMultiple(people, self.admin_site),
            people.remote_field,
            self.admin_site,
            can_add_related=person_admin.has_add_permission(request),
        )
        return type(self.form.__name__, (self.form,), {"attributed_to": attribution_field(widget)})


class TakeawayInline(AttributionMixin, MarkdownHelpMixin, admin.StackedInline):
    model = Takeaway
    form = TakeawayForm
    autocomplete_fields = ["domains"]
    markdown_fields = {"explanation": MARKDOWN_HELP}
    formfield_overrides = THEME_NAMES
    show_change_link = True
    extra = 0

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, form=self.takeaway_form(request), **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("people", "domains")


class EventTakeawayInline(TakeawayInline):
    fk_name = "event"
    formset = SessionOfEventFormSet
    fields = ["text", "explanation", "session", "domains", "tags", "attributed_to", "order"]


class PublicationTakeawayInline(TakeawayInline):
    fk_name = "publication"
    fields = ["text", "explanation", "domains", "tags", "attributed_to", "order"]


admin.site.unregister(Event)


@admin.register(Event)
class EventWithTakeawaysAdmin(events_admin.EventAdmin):
    """The event page of events/admin.py, with the event's takeaways as the last inline."""

    inlines = [*events_admin.EventAdmin.inlines, EventTakeawayInline]


class PublicationPersonInline(admin.TabularInline):
    model = PublicationPerson
    formset = UniqueRowsFormSet
    fields = ["person", "role", "order"]
    autocomplete_fields = ["person"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class PublicationOrganisationInline(admin.TabularInline):
    model = PublicationOrganisation
    formset = UniqueRowsFormSet
    fields = ["organisation", "role", "order"]
    autocomplete_fields = ["organisation"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation")


class PublicationYearFilter(YearFilter):
    date_field = "published_on"


@admin.register(Publication)
class PublicationAdmin(
    ContentChangedMixin, PublishingAdminMixin, MarkdownHelpMixin, admin.ModelAdmin
):
    form = PublishableForm
    list_display = [
        "title",
        "kind",
        "published_on",
        "publisher",
        "status",
        "published_at",
        "members_only",
        "public_link",
    ]
    list_filter = ["status", "kind", "domains", "regions", PublicationYearFilter, "members_only"]
    list_select_related = ["publisher"]
    search_fields = ["title", "slug", "people__name", "publisher__name", "organisations__name"]
    ordering = [models.F("published_on").desc(nulls_last=True), "title"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["publisher", "domains", "regions", "related_events"]
    markdown_fields = {"summary": SUMMARY_HELP, "body": MARKDOWN_HELP}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "kind",
                    "published_on",
                    "source_date_is_capture",
                    "publisher",
                    "url",
                ]
            },
        ),
        (
            _("Inhoud"),
            {"fields": ["domains", "regions", "tags", "summary", "body", "related_events"]},
        ),
        PublishingAdminMixin.publishing_fieldset,
    ]
    inlines = [PublicationPersonInline, PublicationOrganisationInline, PublicationTakeawayInline]
    formfield_overrides = THEME_NAMES


class TakeawayAdminForm(TakeawayForm):
    """A takeaway's own page: exactly one source, and a session of that event."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        session = self.fields["session"]
        event_id = self.instance.event_id
        sessions = Session.objects.filter(event_id=event_id) if event_id else []
        session.choices = [
            ("", session.empty_label),
            *((s.pk, f"{s.order}. {s.title}") for s in sessions),
        ]

    def clean(self):
        cleaned_data = super().clean()
        if "event" in self.errors or "publication" in self.errors:
            return cleaned_data
        event, publication = cleaned_data.get("event"), cleaned_data.get("publication")
        session = cleaned_data.get("session")
        if event is None and publication is None:
            self.add_error("event", _("Kies de bijeenkomst of de publicatie van dit inzicht."))
        elif event is not None and publication is not None:
            self.add_error(
                "publication",
                _("Een inzicht hoort bij een bijeenkomst óf bij een publicatie, niet bij allebei."),
            )
        if session is not None and (event is None or session.event_id != event.pk):
            self.add_error("session", _("Deze sessie hoort niet bij de gekozen bijeenkomst."))
        return cleaned_data


class TakeawaySourceFilter(admin.SimpleListFilter):
    title = _("bron")
    parameter_name = "bron"
    conditions = {
        "bijeenkomst": {"event__isnull": False},
        "publicatie": {"publication__isnull": False},
    }

    def lookups(self, request, model_admin):
        return [("bijeenkomst", _("bijeenkomst")), ("publicatie", _("publicatie"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return None
        if value not in self.conditions:
            raise IncorrectLookupParameters(f"{value!r} is not a source")
        return queryset.filter(**self.conditions[value])


@admin.register(Takeaway)
class TakeawayAdmin(ContentChangedMixin, AttributionMixin, MarkdownHelpMixin, admin.ModelAdmin):
    form = TakeawayAdminForm
    list_display = ["__str__", "source", "session", "order", "updated_at"]
    list_filter = [TakeawaySourceFilter, "domains"]
    list_select_related = ["event", "publication", "session"]
    search_fields = ["text", "explanation", "event__title", "publication__title", "people__name"]
    ordering = ["-created_at"]
    autocomplete_fields = ["event", "publication", "domains"]
    markdown_fields = {"explanation": MARKDOWN_HELP}
    formfield_overrides = THEME_NAMES
    fields = [
        "text",
        "slug",
        "event",
        "session",
        "publication",
        "explanation",
        "domains",
        "tags",
        "attributed_to",
        "order",
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        return super().get_form(request, obj, change, form=self.takeaway_form(request), **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "slug":
            formfield.help_text = _(
                "Leeg laten: wordt gemaakt uit de tekst. Een bestaande slug liever niet "
                "veranderen: het adres van het inzicht verandert mee."
            )
        elif db_field.name == "session":
            formfield.help_text = _(
                "Alleen sessies van de opgeslagen bijeenkomst. Kies of wissel eerst de "
                "bijeenkomst en sla op; daarna kun je de sessie kiezen."
            )
        return formfield

    @admin.display(description=_("bron"))
    def source(self, obj):
        return obj.source


@admin.register(SynonymSet)
class SynonymSetAdmin(admin.ModelAdmin):
    """Search keeps the synonym sets under the content generation: a change applies to the next
    search in every process (insights/search/synonyms.py)."""

    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["terms", "note"]
    ordering = ["terms"]
