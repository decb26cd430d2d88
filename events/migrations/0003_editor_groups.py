"""The two editorial groups and their permissions.

Editors: everything on events, citations, articles, topics, actors, places, sources and feeds, and may
publish and merge. Contributors: add articles, propose events and edit proposed ones (the admin keeps
them off published events); they may not publish, merge or delete.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITED_MODELS = [
    "event",
    "citation",
    "article",
    "topic",
    "topicmembership",
    "actor",
    "actoralias",
    "place",
    "source",
    "feed",
    "feedentry",
    "eventactor",
    "eventrelation",
    "eventmerge",
]
CONTRIBUTOR_CODENAMES = [
    "view_event",
    "add_event",
    "change_event",
    "view_citation",
    "add_citation",
    "change_citation",
    "view_article",
    "add_article",
    "view_topic",
    "view_actor",
    "add_actor",
    "view_place",
    "add_place",
    "view_source",
    "view_eventactor",
    "add_eventactor",
    "change_eventactor",
    "view_topicmembership",
    "add_topicmembership",
    "view_eventrelation",
]


def forwards(apps, schema_editor):
    # Permissions are normally created after migrate; create them now so the groups can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor_perms = Permission.objects.filter(content_type__app_label="events", content_type__model__in=EDITED_MODELS)
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(editor_perms)
    contributors, _ = Group.objects.get_or_create(name="Contributors")
    contributors.permissions.set(
        Permission.objects.filter(content_type__app_label="events", codename__in=CONTRIBUTOR_CODENAMES)
    )


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Contributors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_citation_offsets_trigger"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
