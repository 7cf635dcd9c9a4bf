/* cs-scenario.c: a case simulation with its personas and scenes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-model-enums.h"
#include "cs-model-private.h"
#include "cs-scenario.h"

struct _CsScenario
{
  CsRecord          parent_instance;

  char             *title;
  char             *description;
  char             *challenge;
  char             *industry;
  char             *student_role;
  char             *category;
  CsDifficulty      difficulty;
  int               estimated_duration;
  char            **tags;
  char            **learning_outcomes;
  CsScenarioStatus  status;
  char             *published_version_id;
  char             *draft_of_id;
  char             *owner_id;
  gboolean          is_public;
  gboolean          allow_remixes;
  char             *source_pdf_title;
  char             *source_text;
  GDateTime        *deleted_at;
  char             *deleted_by;
  char             *deletion_reason;
  GListStore       *personas;
  GListStore       *scenes;
  guint             summary_n_personas;
  guint             summary_n_scenes;
};

G_DEFINE_FINAL_TYPE (CsScenario, cs_scenario, CS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CHALLENGE,
  PROP_INDUSTRY,
  PROP_STUDENT_ROLE,
  PROP_CATEGORY,
  PROP_DIFFICULTY,
  PROP_ESTIMATED_DURATION,
  PROP_TAGS,
  PROP_LEARNING_OUTCOMES,
  PROP_STATUS,
  PROP_PUBLISHED_VERSION_ID,
  PROP_DRAFT_OF_ID,
  PROP_OWNER_ID,
  PROP_IS_PUBLIC,
  PROP_ALLOW_REMIXES,
  PROP_SOURCE_PDF_TITLE,
  PROP_SOURCE_TEXT,
  PROP_DELETED_AT,
  PROP_DELETED_BY,
  PROP_DELETION_REASON,
  PROP_PERSONAS,
  PROP_SCENES,
  PROP_N_PERSONAS,
  PROP_N_SCENES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (CsScenario  *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (cs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_strv (CsScenario          *self,
          char              ***field,
          const char * const  *value,
          guint                prop)
{
  if (cs_set_strv (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_boolean (CsScenario *self,
             gboolean   *field,
             gboolean    value,
             guint       prop)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_deleted_at (CsScenario *self,
                GDateTime  *deleted_at)
{
  if (cs_set_date_time (&self->deleted_at, deleted_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED_AT]);
}

static guint
count (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

/* Call after a change of the persona or scene lists, with the counts from before it. */
static void
children_changed (CsScenario *self,
                  guint       old_n_personas,
                  guint       old_n_scenes)
{
  g_object_freeze_notify (G_OBJECT (self));
  cs_record_touch (CS_RECORD (self));
  if (cs_scenario_get_n_personas (self) != old_n_personas)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PERSONAS]);
  if (cs_scenario_get_n_scenes (self) != old_n_scenes)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SCENES]);
  g_object_thaw_notify (G_OBJECT (self));
}

static int
find_index (GListStore *store,
            const char *id)
{
  guint n = count (store);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsRecord) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (cs_record_get_id (item), id) == 0)
        return (int) i;
    }

  return -1;
}

static gpointer
item_at (GListStore *store,
         int         index)
{
  g_autoptr(GObject) item = NULL;

  if (index < 0)
    return NULL;

  /* The store keeps it alive. */
  item = g_list_model_get_item (G_LIST_MODEL (store), (guint) index);
  return item;
}

static void
cs_scenario_dispose (GObject *object)
{
  CsScenario *self = CS_SCENARIO (object);

  g_clear_object (&self->personas);
  g_clear_object (&self->scenes);

  G_OBJECT_CLASS (cs_scenario_parent_class)->dispose (object);
}

static void
cs_scenario_finalize (GObject *object)
{
  CsScenario *self = CS_SCENARIO (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->challenge, g_free);
  g_clear_pointer (&self->industry, g_free);
  g_clear_pointer (&self->student_role, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->learning_outcomes, g_strfreev);
  g_clear_pointer (&self->published_version_id, g_free);
  g_clear_pointer (&self->draft_of_id, g_free);
  g_clear_pointer (&self->owner_id, g_free);
  g_clear_pointer (&self->source_pdf_title, g_free);
  g_clear_pointer (&self->source_text, g_free);
  g_clear_pointer (&self->deleted_at, g_date_time_unref);
  g_clear_pointer (&self->deleted_by, g_free);
  g_clear_pointer (&self->deletion_reason, g_free);

  G_OBJECT_CLASS (cs_scenario_parent_class)->finalize (object);
}

static void
cs_scenario_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CsScenario *self = CS_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CHALLENGE:
      g_value_set_string (value, self->challenge);
      break;
    case PROP_INDUSTRY:
      g_value_set_string (value, self->industry);
      break;
    case PROP_STUDENT_ROLE:
      g_value_set_string (value, self->student_role);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_DIFFICULTY:
      g_value_set_enum (value, self->difficulty);
      break;
    case PROP_ESTIMATED_DURATION:
      g_value_set_int (value, self->estimated_duration);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_LEARNING_OUTCOMES:
      g_value_set_boxed (value, self->learning_outcomes);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_PUBLISHED_VERSION_ID:
      g_value_set_string (value, self->published_version_id);
      break;
    case PROP_DRAFT_OF_ID:
      g_value_set_string (value, self->draft_of_id);
      break;
    case PROP_OWNER_ID:
      g_value_set_string (value, self->owner_id);
      break;
    case PROP_IS_PUBLIC:
      g_value_set_boolean (value, self->is_public);
      break;
    case PROP_ALLOW_REMIXES:
      g_value_set_boolean (value, self->allow_remixes);
      break;
    case PROP_SOURCE_PDF_TITLE:
      g_value_set_string (value, self->source_pdf_title);
      break;
    case PROP_SOURCE_TEXT:
      g_value_set_string (value, self->source_text);
      break;
    case PROP_DELETED_AT:
      g_value_set_boxed (value, self->deleted_at);
      break;
    case PROP_DELETED_BY:
      g_value_set_string (value, self->deleted_by);
      break;
    case PROP_DELETION_REASON:
      g_value_set_string (value, self->deletion_reason);
      break;
    case PROP_PERSONAS:
      g_value_set_object (value, self->personas);
      break;
    case PROP_SCENES:
      g_value_set_object (value, self->scenes);
      break;
    case PROP_N_PERSONAS:
      g_value_set_uint (value, cs_scenario_get_n_personas (self));
      break;
    case PROP_N_SCENES:
      g_value_set_uint (value, cs_scenario_get_n_scenes (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scenario_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CsScenario *self = CS_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      cs_scenario_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      cs_scenario_set_description (self, g_value_get_string (value));
      break;
    case PROP_CHALLENGE:
      cs_scenario_set_challenge (self, g_value_get_string (value));
      break;
    case PROP_INDUSTRY:
      cs_scenario_set_industry (self, g_value_get_string (value));
      break;
    case PROP_STUDENT_ROLE:
      cs_scenario_set_student_role (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY:
      cs_scenario_set_category (self, g_value_get_string (value));
      break;
    case PROP_DIFFICULTY:
      cs_scenario_set_difficulty (self, g_value_get_enum (value));
      break;
    case PROP_ESTIMATED_DURATION:
      cs_scenario_set_estimated_duration (self, g_value_get_int (value));
      break;
    case PROP_TAGS:
      cs_scenario_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_LEARNING_OUTCOMES:
      cs_scenario_set_learning_outcomes (self, g_value_get_boxed (value));
      break;
    case PROP_STATUS:
      cs_scenario_set_status (self, g_value_get_enum (value));
      break;
    case PROP_PUBLISHED_VERSION_ID:
      cs_scenario_set_published_version_id (self, g_value_get_string (value));
      break;
    case PROP_DRAFT_OF_ID:
      cs_scenario_set_draft_of_id (self, g_value_get_string (value));
      break;
    case PROP_OWNER_ID:
      cs_scenario_set_owner_id (self, g_value_get_string (value));
      break;
    case PROP_IS_PUBLIC:
      cs_scenario_set_is_public (self, g_value_get_boolean (value));
      break;
    case PROP_ALLOW_REMIXES:
      cs_scenario_set_allow_remixes (self, g_value_get_boolean (value));
      break;
    case PROP_SOURCE_PDF_TITLE:
      cs_scenario_set_source_pdf_title (self, g_value_get_string (value));
      break;
    case PROP_SOURCE_TEXT:
      cs_scenario_set_source_text (self, g_value_get_string (value));
      break;
    case PROP_DELETED_AT:
      set_deleted_at (self, g_value_get_boxed (value));
      break;
    case PROP_DELETED_BY:
      set_string (self, &self->deleted_by, g_value_get_string (value), PROP_DELETED_BY);
      break;
    case PROP_DELETION_REASON:
      set_string (self, &self->deletion_reason, g_value_get_string (value), PROP_DELETION_REASON);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scenario_class_init (CsScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cs_scenario_dispose;
  object_class->finalize = cs_scenario_finalize;
  object_class->get_property = cs_scenario_get_property;
  object_class->set_property = cs_scenario_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[PROP_CHALLENGE] = g_param_spec_string ("challenge", NULL, NULL, "", flags);
  properties[PROP_INDUSTRY] = g_param_spec_string ("industry", NULL, NULL, "", flags);
  properties[PROP_STUDENT_ROLE] = g_param_spec_string ("student-role", NULL, NULL, "", flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, "", flags);
  properties[PROP_DIFFICULTY] =
    g_param_spec_enum ("difficulty", NULL, NULL, CS_TYPE_DIFFICULTY, CS_DIFFICULTY_INTERMEDIATE, flags);
  properties[PROP_ESTIMATED_DURATION] =
    g_param_spec_int ("estimated-duration", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LEARNING_OUTCOMES] =
    g_param_spec_boxed ("learning-outcomes", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CS_TYPE_SCENARIO_STATUS, CS_SCENARIO_STATUS_DRAFT, flags);
  properties[PROP_PUBLISHED_VERSION_ID] =
    g_param_spec_string ("published-version-id", NULL, NULL, NULL, flags);
  properties[PROP_DRAFT_OF_ID] = g_param_spec_string ("draft-of-id", NULL, NULL, NULL, flags);
  properties[PROP_OWNER_ID] = g_param_spec_string ("owner-id", NULL, NULL, NULL, flags);
  properties[PROP_IS_PUBLIC] = g_param_spec_boolean ("is-public", NULL, NULL, FALSE, flags);
  properties[PROP_ALLOW_REMIXES] = g_param_spec_boolean ("allow-remixes", NULL, NULL, TRUE, flags);
  properties[PROP_SOURCE_PDF_TITLE] = g_param_spec_string ("source-pdf-title", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_TEXT] = g_param_spec_string ("source-text", NULL, NULL, NULL, flags);
  properties[PROP_DELETED_AT] = g_param_spec_boxed ("deleted-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DELETED_BY] = g_param_spec_string ("deleted-by", NULL, NULL, NULL, flags);
  properties[PROP_DELETION_REASON] = g_param_spec_string ("deletion-reason", NULL, NULL, NULL, flags);
  properties[PROP_PERSONAS] =
    g_param_spec_object ("personas", NULL, NULL, G_TYPE_LIST_MODEL, read_only);
  properties[PROP_SCENES] = g_param_spec_object ("scenes", NULL, NULL, G_TYPE_LIST_MODEL, read_only);
  properties[PROP_N_PERSONAS] =
    g_param_spec_uint ("n-personas", NULL, NULL, 0, G_MAXUINT, 0, read_only | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_SCENES] =
    g_param_spec_uint ("n-scenes", NULL, NULL, 0, G_MAXUINT, 0, read_only | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_scenario_init (CsScenario *self)
{
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->challenge = g_strdup ("");
  self->industry = g_strdup ("");
  self->student_role = g_strdup ("");
  self->category = g_strdup ("");
  self->difficulty = CS_DIFFICULTY_INTERMEDIATE;
  self->tags = g_new0 (char *, 1);
  self->learning_outcomes = g_new0 (char *, 1);
  self->status = CS_SCENARIO_STATUS_DRAFT;
  self->allow_remixes = TRUE;
  self->personas = g_list_store_new (CS_TYPE_PERSONA);
  self->scenes = g_list_store_new (CS_TYPE_SCENE);
}

CsScenario *
cs_scenario_new (const char *id)
{
  return g_object_new (CS_TYPE_SCENARIO, "id", id, NULL);
}

const char *
cs_scenario_get_title (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return self->title;
}

void
cs_scenario_set_title (CsScenario *self,
                       const char *title)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_string (self, &self->title, title ? title : "", PROP_TITLE);
}

const char *
cs_scenario_get_description (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return self->description;
}

void
cs_scenario_set_description (CsScenario *self,
                             const char *description)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_string (self, &self->description, description ? description : "", PROP_DESCRIPTION);
}

const char *
cs_scenario_get_challenge (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return self->challenge;
}

void
cs_scenario_set_challenge (CsScenario *self,
                           const char *challenge)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_string (self, &self->challenge, challenge ? challenge : "", PROP_CHALLENGE);
}

const char *
cs_scenario_get_industry (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return self->industry;
}

void
cs_scenario_set_industry (CsScenario *self,
                          const char *industry)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_string (self, &self->industry, industry ? industry : "", PROP_INDUSTRY);
}

const char *
cs_scenario_get_student_role (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return self->student_role;
}

void
cs_scenario_set_student_role (CsScenario *self,
                              const char *student_role)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_string (self, &self->student_role, student_role ? student_role : "", PROP_STUDENT_ROLE);
}

const char *
cs_scenario_get_category (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return self->category;
}

void
cs_scenario_set_category (CsScenario *self,
                          const char *category)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_string (self, &self->category, category ? category : "", PROP_CATEGORY);
}

CsDifficulty
cs_scenario_get_difficulty (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), CS_DIFFICULTY_INTERMEDIATE);

  return self->difficulty;
}

void
cs_scenario_set_difficulty (CsScenario   *self,
                            CsDifficulty  difficulty)
{
  g_return_if_fail (CS_IS_SCENARIO (self));
  g_return_if_fail (cs_enum_to_nick (CS_TYPE_DIFFICULTY, difficulty) != NULL);

  if (self->difficulty == difficulty)
    return;

  self->difficulty = difficulty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFFICULTY]);
}

int
cs_scenario_get_estimated_duration (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), 0);

  return self->estimated_duration;
}

void
cs_scenario_set_estimated_duration (CsScenario *self,
                                    int         minutes)
{
  g_return_if_fail (CS_IS_SCENARIO (self));
  g_return_if_fail (minutes >= 0);

  if (self->estimated_duration == minutes)
    return;

  self->estimated_duration = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESTIMATED_DURATION]);
}

const char * const *
cs_scenario_get_tags (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return (const char * const *) self->tags;
}

void
cs_scenario_set_tags (CsScenario         *self,
                      const char * const *tags)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_strv (self, &self->tags, tags, PROP_TAGS);
}

const char * const *
cs_scenario_get_learning_outcomes (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return (const char * const *) self->learning_outcomes;
}

void
cs_scenario_set_learning_outcomes (CsScenario         *self,
                                   const char * const *outcomes)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_strv (self, &self->learning_outcomes, outcomes, PROP_LEARNING_OUTCOMES);
}

CsScenarioStatus
cs_scenario_get_status (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), CS_SCENARIO_STATUS_DRAFT);

  return self->status;
}

void
cs_scenario_set_status (CsScenario       *self,
                        CsScenarioStatus  status)
{
  g_return_if_fail (CS_IS_SCENARIO (self));
  g_return_if_fail (cs_enum_to_nick (CS_TYPE_SCENARIO_STATUS, status) != NULL);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
cs_scenario_get_published_version_id (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return self->published_version_id;
}

void
cs_scenario_set_published_version_id (CsScenario *self,
                                      const char *id)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_string (self, &self->published_version_id, id, PROP_PUBLISHED_VERSION_ID);
}

const char *
cs_scenario_get_draft_of_id (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return self->draft_of_id;
}

void
cs_scenario_set_draft_of_id (CsScenario *self,
                             const char *id)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_string (self, &self->draft_of_id, id, PROP_DRAFT_OF_ID);
}

const char *
cs_scenario_get_owner_id (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return self->owner_id;
}

void
cs_scenario_set_owner_id (CsScenario *self,
                          const char *owner_id)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_string (self, &self->owner_id, owner_id, PROP_OWNER_ID);
}

gboolean
cs_scenario_get_is_public (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), FALSE);

  return self->is_public;
}

void
cs_scenario_set_is_public (CsScenario *self,
                           gboolean    is_public)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_boolean (self, &self->is_public, is_public, PROP_IS_PUBLIC);
}

gboolean
cs_scenario_get_allow_remixes (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), FALSE);

  return self->allow_remixes;
}

void
cs_scenario_set_allow_remixes (CsScenario *self,
                               gboolean    allow)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_boolean (self, &self->allow_remixes, allow, PROP_ALLOW_REMIXES);
}

const char *
cs_scenario_get_source_pdf_title (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return self->source_pdf_title;
}

void
cs_scenario_set_source_pdf_title (CsScenario *self,
                                  const char *title)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_string (self, &self->source_pdf_title, title, PROP_SOURCE_PDF_TITLE);
}

const char *
cs_scenario_get_source_text (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return self->source_text;
}

void
cs_scenario_set_source_text (CsScenario *self,
                             const char *text)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  set_string (self, &self->source_text, text, PROP_SOURCE_TEXT);
}

GDateTime *
cs_scenario_get_deleted_at (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return self->deleted_at;
}

const char *
cs_scenario_get_deleted_by (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return self->deleted_by;
}

const char *
cs_scenario_get_deletion_reason (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return self->deletion_reason;
}

void
cs_scenario_set_deleted (CsScenario *self,
                         GDateTime  *deleted_at,
                         const char *deleted_by,
                         const char *reason)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  if (deleted_at == NULL)
    deleted_by = reason = NULL;

  /* One notification batch, so one version bump. */
  g_object_freeze_notify (G_OBJECT (self));
  set_deleted_at (self, deleted_at);
  set_string (self, &self->deleted_by, deleted_by, PROP_DELETED_BY);
  set_string (self, &self->deletion_reason, reason, PROP_DELETION_REASON);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
cs_scenario_is_deleted (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), FALSE);

  return self->deleted_at != NULL;
}

GListModel *
cs_scenario_get_personas (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return G_LIST_MODEL (self->personas);
}

guint
cs_scenario_get_n_personas (CsScenario *self)
{
  guint n;

  g_return_val_if_fail (CS_IS_SCENARIO (self), 0);

  n = count (self->personas);
  return n > 0 ? n : self->summary_n_personas;
}

void
cs_scenario_add_persona (CsScenario *self,
                         CsPersona  *persona)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  cs_scenario_insert_persona (self, count (self->personas), persona);
}

void
cs_scenario_insert_persona (CsScenario *self,
                            guint       position,
                            CsPersona  *persona)
{
  guint old_n_personas;

  g_return_if_fail (CS_IS_SCENARIO (self));
  g_return_if_fail (CS_IS_PERSONA (persona));
  g_return_if_fail (cs_scenario_find_persona (self, cs_record_get_id (CS_RECORD (persona))) == NULL);

  old_n_personas = cs_scenario_get_n_personas (self);
  position = MIN (position, count (self->personas));
  cs_persona_set_scenario_id (persona, cs_record_get_id (CS_RECORD (self)));
  g_list_store_insert (self->personas, position, persona);
  children_changed (self, old_n_personas, cs_scenario_get_n_scenes (self));
}

gboolean
cs_scenario_remove_persona (CsScenario *self,
                            const char *persona_id)
{
  guint old_n_personas;
  guint n_scenes;
  int index;

  g_return_val_if_fail (CS_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (persona_id != NULL, FALSE);

  index = find_index (self->personas, persona_id);
  if (index < 0)
    return FALSE;

  n_scenes = count (self->scenes);
  for (guint i = 0; i < n_scenes; i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (G_LIST_MODEL (self->scenes), i);

      cs_scene_remove_involvement (scene, persona_id);
      cs_scene_set_persona_instruction (scene, persona_id, NULL);
    }

  old_n_personas = cs_scenario_get_n_personas (self);
  g_list_store_remove (self->personas, (guint) index);
  children_changed (self, old_n_personas, cs_scenario_get_n_scenes (self));
  return TRUE;
}

CsPersona *
cs_scenario_find_persona (CsScenario *self,
                          const char *persona_id)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (persona_id != NULL, NULL);

  return item_at (self->personas, find_index (self->personas, persona_id));
}

GListModel *
cs_scenario_get_scenes (CsScenario *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);

  return G_LIST_MODEL (self->scenes);
}

guint
cs_scenario_get_n_scenes (CsScenario *self)
{
  guint n;

  g_return_val_if_fail (CS_IS_SCENARIO (self), 0);

  n = count (self->scenes);
  return n > 0 ? n : self->summary_n_scenes;
}

/* Gives the scenes at @from.. their index plus @shift as position, before the list
 * changes, so that listeners of items-changed see consistent positions. */
static void
shift_positions (CsScenario *self,
                 guint       from,
                 int         shift)
{
  guint n = count (self->scenes);

  for (guint i = from; i < n; i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (G_LIST_MODEL (self->scenes), i);

      cs_scene_set_position (scene, (guint) ((int) i + shift));
    }
}

void
cs_scenario_insert_scene (CsScenario *self,
                          guint       position,
                          CsScene    *scene)
{
  guint old_n_scenes;

  g_return_if_fail (CS_IS_SCENARIO (self));
  g_return_if_fail (CS_IS_SCENE (scene));
  g_return_if_fail (cs_scenario_find_scene (self, cs_record_get_id (CS_RECORD (scene))) == NULL);

  old_n_scenes = cs_scenario_get_n_scenes (self);
  position = MIN (position, count (self->scenes));

  shift_positions (self, position, 1);
  cs_scene_set_position (scene, position);
  cs_scene_set_scenario_id (scene, cs_record_get_id (CS_RECORD (self)));
  g_list_store_insert (self->scenes, position, scene);
  children_changed (self, cs_scenario_get_n_personas (self), old_n_scenes);
}

void
cs_scenario_append_scene (CsScenario *self,
                          CsScene    *scene)
{
  g_return_if_fail (CS_IS_SCENARIO (self));

  cs_scenario_insert_scene (self, G_MAXUINT, scene);
}

gboolean
cs_scenario_remove_scene (CsScenario *self,
                          const char *scene_id)
{
  guint old_n_scenes;
  int index;

  g_return_val_if_fail (CS_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (scene_id != NULL, FALSE);

  index = find_index (self->scenes, scene_id);
  if (index < 0)
    return FALSE;

  old_n_scenes = cs_scenario_get_n_scenes (self);
  shift_positions (self, (guint) index + 1, -1);
  g_list_store_remove (self->scenes, (guint) index);
  children_changed (self, cs_scenario_get_n_personas (self), old_n_scenes);
  return TRUE;
}

gboolean
cs_scenario_move_scene (CsScenario *self,
                        guint       from,
                        guint       to)
{
  g_autoptr(GPtrArray) moved = NULL;
  guint n;
  guint first;
  guint last;

  g_return_val_if_fail (CS_IS_SCENARIO (self), FALSE);

  n = count (self->scenes);
  if (from >= n || to >= n)
    return FALSE;
  if (from == to)
    return TRUE;

  first = MIN (from, to);
  last = MAX (from, to);

  /* The scenes of first..last in their new order; the array keeps them alive while
   * the store replaces that range. */
  moved = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = first; i <= last; i++)
    g_ptr_array_add (moved, g_list_model_get_item (G_LIST_MODEL (self->scenes), i));
  if (from < to)
    {
      gpointer scene = g_ptr_array_steal_index (moved, 0);
      g_ptr_array_add (moved, scene);
    }
  else
    {
      gpointer scene = g_ptr_array_steal_index (moved, moved->len - 1);
      g_ptr_array_insert (moved, 0, scene);
    }

  for (guint i = 0; i < moved->len; i++)
    cs_scene_set_position (g_ptr_array_index (moved, i), first + i);

  g_list_store_splice (self->scenes, first, moved->len, moved->pdata, moved->len);
  children_changed (self, cs_scenario_get_n_personas (self), n);
  return TRUE;
}

CsScene *
cs_scenario_find_scene (CsScenario *self,
                        const char *scene_id)
{
  g_return_val_if_fail (CS_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (scene_id != NULL, NULL);

  return item_at (self->scenes, find_index (self->scenes, scene_id));
}

void
cs_scenario_set_summary_counts (CsScenario *self,
                                guint       n_personas,
                                guint       n_scenes)
{
  guint old_n_personas;
  guint old_n_scenes;

  g_return_if_fail (CS_IS_SCENARIO (self));

  old_n_personas = cs_scenario_get_n_personas (self);
  old_n_scenes = cs_scenario_get_n_scenes (self);
  self->summary_n_personas = n_personas;
  self->summary_n_scenes = n_scenes;

  if (cs_scenario_get_n_personas (self) != old_n_personas)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PERSONAS]);
  if (cs_scenario_get_n_scenes (self) != old_n_scenes)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SCENES]);
}
