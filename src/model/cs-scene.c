/* cs-scene.c: one scene of a simulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-model-enums.h"
#include "cs-model-private.h"
#include "cs-scene.h"

#define INSTRUCTIONS_TYPE ((const GVariantType *) "a{ss}")

struct _CsScene
{
  CsRecord    parent_instance;

  char       *scenario_id;
  guint       position;
  char       *title;
  char       *description;
  char       *user_goal;
  char       *scene_context;
  double      success_threshold;
  int         timeout_turns;
  int         max_attempts;
  int         estimated_duration;
  char      **hint_triggers;
  GVariant   *persona_instructions;
  char       *image;
  GListStore *goal_criteria;
  GListStore *involved;
};

G_DEFINE_FINAL_TYPE (CsScene, cs_scene, CS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SCENARIO_ID,
  PROP_POSITION,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_USER_GOAL,
  PROP_SCENE_CONTEXT,
  PROP_SUCCESS_THRESHOLD,
  PROP_TIMEOUT_TURNS,
  PROP_MAX_ATTEMPTS,
  PROP_ESTIMATED_DURATION,
  PROP_HINT_TRIGGERS,
  PROP_PERSONA_INSTRUCTIONS,
  PROP_IMAGE,
  PROP_GOAL_CRITERIA,
  PROP_INVOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (CsScene     *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (cs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int (CsScene *self,
         int     *field,
         int      value,
         guint    prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static GVariant *
empty_instructions (void)
{
  return g_variant_new_array (G_VARIANT_TYPE ("{ss}"), NULL, 0);
}

/* A copy of @dict without empty keys or values or repeated keys (the first wins), in the
 * same order. When @persona_id is given, its entry becomes @instruction (appended when
 * new), or is left out when @instruction is NULL or empty. */
static GVariant *
edit_instructions (GVariant   *dict,
                   const char *persona_id,
                   const char *instruction)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean keep = instruction != NULL && *instruction != '\0';
  gboolean found = FALSE;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  const char *value;

  g_variant_builder_init (&builder, INSTRUCTIONS_TYPE);
  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    {
      if (*key == '\0' || *value == '\0' || !g_hash_table_add (seen, (gpointer) key))
        continue;

      if (persona_id != NULL && strcmp (key, persona_id) == 0)
        {
          found = TRUE;
          if (!keep)
            continue;
          value = instruction;
        }

      g_variant_builder_add (&builder, "{ss}", key, value);
    }

  if (persona_id != NULL && !found && keep)
    g_variant_builder_add (&builder, "{ss}", persona_id, instruction);

  return g_variant_builder_end (&builder);
}

static void
update_instructions (CsScene  *self,
                     GVariant *instructions)
{
  if (cs_set_variant (&self->persona_instructions, instructions))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_INSTRUCTIONS]);
}

/* A criterion or an involvement is part of this scene's row. */
static void
on_child_notify (CsScene    *self,
                 GParamSpec *pspec,
                 GObject    *child)
{
  cs_record_touch (CS_RECORD (self));
}

static void
watch_child (CsScene *self,
             gpointer child)
{
  g_signal_connect_object (child, "notify", G_CALLBACK (on_child_notify), self, G_CONNECT_SWAPPED);
}

static void
unwatch_child (CsScene *self,
               gpointer child)
{
  g_signal_handlers_disconnect_by_func (child, on_child_notify, self);
}

/* The entry of @persona_id (owned by the list) and its index, or NULL. */
static CsScenePersona *
find_involvement (CsScene    *self,
                  const char *persona_id,
                  guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->involved));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsScenePersona) item = g_list_model_get_item (G_LIST_MODEL (self->involved), i);

      if (g_strcmp0 (cs_scene_persona_get_persona_id (item), persona_id) == 0)
        {
          if (position != NULL)
            *position = i;
          return item;
        }
    }

  return NULL;
}

static void
cs_scene_dispose (GObject *object)
{
  CsScene *self = CS_SCENE (object);

  g_clear_object (&self->goal_criteria);
  g_clear_object (&self->involved);

  G_OBJECT_CLASS (cs_scene_parent_class)->dispose (object);
}

static void
cs_scene_finalize (GObject *object)
{
  CsScene *self = CS_SCENE (object);

  g_clear_pointer (&self->scenario_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->user_goal, g_free);
  g_clear_pointer (&self->scene_context, g_free);
  g_clear_pointer (&self->hint_triggers, g_strfreev);
  g_clear_pointer (&self->persona_instructions, g_variant_unref);
  g_clear_pointer (&self->image, g_free);

  G_OBJECT_CLASS (cs_scene_parent_class)->finalize (object);
}

static void
cs_scene_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CsScene *self = CS_SCENE (object);

  switch (prop_id)
    {
    case PROP_SCENARIO_ID:
      g_value_set_string (value, self->scenario_id);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_USER_GOAL:
      g_value_set_string (value, self->user_goal);
      break;
    case PROP_SCENE_CONTEXT:
      g_value_set_string (value, self->scene_context);
      break;
    case PROP_SUCCESS_THRESHOLD:
      g_value_set_double (value, self->success_threshold);
      break;
    case PROP_TIMEOUT_TURNS:
      g_value_set_int (value, self->timeout_turns);
      break;
    case PROP_MAX_ATTEMPTS:
      g_value_set_int (value, self->max_attempts);
      break;
    case PROP_ESTIMATED_DURATION:
      g_value_set_int (value, self->estimated_duration);
      break;
    case PROP_HINT_TRIGGERS:
      g_value_set_boxed (value, self->hint_triggers);
      break;
    case PROP_PERSONA_INSTRUCTIONS:
      g_value_set_variant (value, self->persona_instructions);
      break;
    case PROP_IMAGE:
      g_value_set_string (value, self->image);
      break;
    case PROP_GOAL_CRITERIA:
      g_value_set_object (value, self->goal_criteria);
      break;
    case PROP_INVOLVED:
      g_value_set_object (value, self->involved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scene_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CsScene *self = CS_SCENE (object);

  switch (prop_id)
    {
    case PROP_SCENARIO_ID:
      cs_scene_set_scenario_id (self, g_value_get_string (value));
      break;
    case PROP_POSITION:
      cs_scene_set_position (self, g_value_get_uint (value));
      break;
    case PROP_TITLE:
      cs_scene_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      cs_scene_set_description (self, g_value_get_string (value));
      break;
    case PROP_USER_GOAL:
      cs_scene_set_user_goal (self, g_value_get_string (value));
      break;
    case PROP_SCENE_CONTEXT:
      cs_scene_set_scene_context (self, g_value_get_string (value));
      break;
    case PROP_SUCCESS_THRESHOLD:
      cs_scene_set_success_threshold (self, g_value_get_double (value));
      break;
    case PROP_TIMEOUT_TURNS:
      cs_scene_set_timeout_turns (self, g_value_get_int (value));
      break;
    case PROP_MAX_ATTEMPTS:
      cs_scene_set_max_attempts (self, g_value_get_int (value));
      break;
    case PROP_ESTIMATED_DURATION:
      cs_scene_set_estimated_duration (self, g_value_get_int (value));
      break;
    case PROP_HINT_TRIGGERS:
      cs_scene_set_hint_triggers (self, g_value_get_boxed (value));
      break;
    case PROP_PERSONA_INSTRUCTIONS:
      cs_scene_set_persona_instructions (self, g_value_get_variant (value));
      break;
    case PROP_IMAGE:
      cs_scene_set_image (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scene_class_init (CsSceneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cs_scene_dispose;
  object_class->finalize = cs_scene_finalize;
  object_class->get_property = cs_scene_get_property;
  object_class->set_property = cs_scene_set_property;

  properties[PROP_SCENARIO_ID] = g_param_spec_string ("scenario-id", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[PROP_USER_GOAL] = g_param_spec_string ("user-goal", NULL, NULL, "", flags);
  properties[PROP_SCENE_CONTEXT] = g_param_spec_string ("scene-context", NULL, NULL, "", flags);
  properties[PROP_SUCCESS_THRESHOLD] =
    g_param_spec_double ("success-threshold", NULL, NULL,
                         0.0, 1.0, CS_SCENE_DEFAULT_SUCCESS_THRESHOLD, flags);
  properties[PROP_TIMEOUT_TURNS] =
    g_param_spec_int ("timeout-turns", NULL, NULL, 1, G_MAXINT, CS_SCENE_DEFAULT_TIMEOUT_TURNS, flags);
  properties[PROP_MAX_ATTEMPTS] =
    g_param_spec_int ("max-attempts", NULL, NULL, 1, G_MAXINT, CS_SCENE_DEFAULT_MAX_ATTEMPTS, flags);
  properties[PROP_ESTIMATED_DURATION] =
    g_param_spec_int ("estimated-duration", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_HINT_TRIGGERS] = g_param_spec_boxed ("hint-triggers", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_PERSONA_INSTRUCTIONS] =
    g_param_spec_variant ("persona-instructions", NULL, NULL, INSTRUCTIONS_TYPE, NULL, flags);
  properties[PROP_IMAGE] = g_param_spec_string ("image", NULL, NULL, NULL, flags);
  properties[PROP_GOAL_CRITERIA] =
    g_param_spec_object ("goal-criteria", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVOLVED] =
    g_param_spec_object ("involved", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_scene_init (CsScene *self)
{
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->user_goal = g_strdup ("");
  self->scene_context = g_strdup ("");
  self->success_threshold = CS_SCENE_DEFAULT_SUCCESS_THRESHOLD;
  self->timeout_turns = CS_SCENE_DEFAULT_TIMEOUT_TURNS;
  self->max_attempts = CS_SCENE_DEFAULT_MAX_ATTEMPTS;
  self->hint_triggers = g_new0 (char *, 1);
  self->persona_instructions = g_variant_ref_sink (empty_instructions ());
  self->goal_criteria = g_list_store_new (CS_TYPE_GOAL_CRITERION);
  self->involved = g_list_store_new (CS_TYPE_SCENE_PERSONA);
}

CsScene *
cs_scene_new (const char *id)
{
  return g_object_new (CS_TYPE_SCENE, "id", id, NULL);
}

const char *
cs_scene_get_scenario_id (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), NULL);

  return self->scenario_id;
}

void
cs_scene_set_scenario_id (CsScene    *self,
                          const char *scenario_id)
{
  g_return_if_fail (CS_IS_SCENE (self));

  set_string (self, &self->scenario_id, scenario_id, PROP_SCENARIO_ID);
}

guint
cs_scene_get_position (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), 0);

  return self->position;
}

void
cs_scene_set_position (CsScene *self,
                       guint    position)
{
  g_return_if_fail (CS_IS_SCENE (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
cs_scene_get_title (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), NULL);

  return self->title;
}

void
cs_scene_set_title (CsScene    *self,
                    const char *title)
{
  g_return_if_fail (CS_IS_SCENE (self));

  set_string (self, &self->title, title ? title : "", PROP_TITLE);
}

const char *
cs_scene_get_description (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), NULL);

  return self->description;
}

void
cs_scene_set_description (CsScene    *self,
                          const char *description)
{
  g_return_if_fail (CS_IS_SCENE (self));

  set_string (self, &self->description, description ? description : "", PROP_DESCRIPTION);
}

const char *
cs_scene_get_user_goal (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), NULL);

  return self->user_goal;
}

void
cs_scene_set_user_goal (CsScene    *self,
                        const char *user_goal)
{
  g_return_if_fail (CS_IS_SCENE (self));

  set_string (self, &self->user_goal, user_goal ? user_goal : "", PROP_USER_GOAL);
}

const char *
cs_scene_get_scene_context (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), NULL);

  return self->scene_context;
}

void
cs_scene_set_scene_context (CsScene    *self,
                            const char *context)
{
  g_return_if_fail (CS_IS_SCENE (self));

  set_string (self, &self->scene_context, context ? context : "", PROP_SCENE_CONTEXT);
}

double
cs_scene_get_success_threshold (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), CS_SCENE_DEFAULT_SUCCESS_THRESHOLD);

  return self->success_threshold;
}

void
cs_scene_set_success_threshold (CsScene *self,
                                double   threshold)
{
  g_return_if_fail (CS_IS_SCENE (self));
  g_return_if_fail (threshold >= 0.0 && threshold <= 1.0);

  if (self->success_threshold == threshold)
    return;

  self->success_threshold = threshold;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUCCESS_THRESHOLD]);
}

int
cs_scene_get_timeout_turns (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), CS_SCENE_DEFAULT_TIMEOUT_TURNS);

  return self->timeout_turns;
}

void
cs_scene_set_timeout_turns (CsScene *self,
                            int      turns)
{
  g_return_if_fail (CS_IS_SCENE (self));
  g_return_if_fail (turns >= 1);

  set_int (self, &self->timeout_turns, turns, PROP_TIMEOUT_TURNS);
}

int
cs_scene_get_max_attempts (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), CS_SCENE_DEFAULT_MAX_ATTEMPTS);

  return self->max_attempts;
}

void
cs_scene_set_max_attempts (CsScene *self,
                           int      attempts)
{
  g_return_if_fail (CS_IS_SCENE (self));
  g_return_if_fail (attempts >= 1);

  set_int (self, &self->max_attempts, attempts, PROP_MAX_ATTEMPTS);
}

int
cs_scene_get_estimated_duration (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), 0);

  return self->estimated_duration;
}

void
cs_scene_set_estimated_duration (CsScene *self,
                                 int      minutes)
{
  g_return_if_fail (CS_IS_SCENE (self));
  g_return_if_fail (minutes >= 0);

  set_int (self, &self->estimated_duration, minutes, PROP_ESTIMATED_DURATION);
}

const char * const *
cs_scene_get_hint_triggers (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), NULL);

  return (const char * const *) self->hint_triggers;
}

void
cs_scene_set_hint_triggers (CsScene            *self,
                            const char * const *triggers)
{
  g_return_if_fail (CS_IS_SCENE (self));

  if (cs_set_strv (&self->hint_triggers, triggers))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINT_TRIGGERS]);
}

GVariant *
cs_scene_get_persona_instructions (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), NULL);

  return self->persona_instructions;
}

void
cs_scene_set_persona_instructions (CsScene  *self,
                                   GVariant *instructions)
{
  g_autoptr(GVariant) sunk = NULL;

  g_return_if_fail (CS_IS_SCENE (self));
  g_return_if_fail (instructions == NULL || g_variant_is_of_type (instructions, INSTRUCTIONS_TYPE));

  sunk = g_variant_ref_sink (instructions ? instructions : empty_instructions ());
  update_instructions (self, edit_instructions (sunk, NULL, NULL));
}

const char *
cs_scene_get_persona_instruction (CsScene    *self,
                                  const char *persona_id)
{
  const char *instruction = NULL;

  g_return_val_if_fail (CS_IS_SCENE (self), NULL);
  g_return_val_if_fail (persona_id != NULL, NULL);

  /* "&s" points into the stored dictionary, which outlives the call. */
  if (!g_variant_lookup (self->persona_instructions, persona_id, "&s", &instruction))
    return NULL;

  return instruction;
}

void
cs_scene_set_persona_instruction (CsScene    *self,
                                  const char *persona_id,
                                  const char *instruction)
{
  g_return_if_fail (CS_IS_SCENE (self));
  g_return_if_fail (persona_id != NULL && *persona_id != '\0');

  update_instructions (self, edit_instructions (self->persona_instructions, persona_id, instruction));
}

const char *
cs_scene_get_image (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), NULL);

  return self->image;
}

void
cs_scene_set_image (CsScene    *self,
                    const char *image)
{
  g_return_if_fail (CS_IS_SCENE (self));

  set_string (self, &self->image, image, PROP_IMAGE);
}

GListModel *
cs_scene_get_goal_criteria (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), NULL);

  return G_LIST_MODEL (self->goal_criteria);
}

void
cs_scene_add_criterion (CsScene         *self,
                        CsGoalCriterion *criterion)
{
  g_return_if_fail (CS_IS_SCENE (self));

  cs_scene_insert_criterion (self, g_list_model_get_n_items (G_LIST_MODEL (self->goal_criteria)), criterion);
}

void
cs_scene_insert_criterion (CsScene         *self,
                           guint            position,
                           CsGoalCriterion *criterion)
{
  guint n;

  g_return_if_fail (CS_IS_SCENE (self));
  g_return_if_fail (CS_IS_GOAL_CRITERION (criterion));
  g_return_if_fail (!g_list_store_find (self->goal_criteria, criterion, NULL));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->goal_criteria));
  g_list_store_insert (self->goal_criteria, MIN (position, n), criterion);
  watch_child (self, criterion);
  cs_record_touch (CS_RECORD (self));
}

void
cs_scene_remove_criterion (CsScene *self,
                           guint    position)
{
  g_autoptr(CsGoalCriterion) criterion = NULL;

  g_return_if_fail (CS_IS_SCENE (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->goal_criteria)));

  criterion = g_list_model_get_item (G_LIST_MODEL (self->goal_criteria), position);
  unwatch_child (self, criterion);
  g_list_store_remove (self->goal_criteria, position);
  cs_record_touch (CS_RECORD (self));
}

double
cs_scene_get_total_weight (CsScene *self)
{
  double total = 0.0;
  guint n;

  g_return_val_if_fail (CS_IS_SCENE (self), 0.0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->goal_criteria));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (G_LIST_MODEL (self->goal_criteria), i);

      total += cs_goal_criterion_get_weight (criterion);
    }

  return total;
}

GListModel *
cs_scene_get_involved (CsScene *self)
{
  g_return_val_if_fail (CS_IS_SCENE (self), NULL);

  return G_LIST_MODEL (self->involved);
}

void
cs_scene_set_involvement (CsScene       *self,
                          const char    *persona_id,
                          CsInvolvement  involvement)
{
  CsScenePersona *existing;

  g_return_if_fail (CS_IS_SCENE (self));
  g_return_if_fail (persona_id != NULL && *persona_id != '\0');
  g_return_if_fail (cs_enum_to_nick (CS_TYPE_INVOLVEMENT, involvement) != NULL);

  /* A change of an existing entry touches the scene through its notify. */
  existing = find_involvement (self, persona_id, NULL);
  if (existing != NULL)
    {
      cs_scene_persona_set_involvement (existing, involvement);
      return;
    }

  cs_scene_insert_involvement (self, G_MAXUINT, persona_id, involvement);
}

void
cs_scene_insert_involvement (CsScene       *self,
                             guint          position,
                             const char    *persona_id,
                             CsInvolvement  involvement)
{
  g_autoptr(CsScenePersona) added = NULL;
  guint n;

  g_return_if_fail (CS_IS_SCENE (self));
  g_return_if_fail (persona_id != NULL && *persona_id != '\0');
  g_return_if_fail (cs_enum_to_nick (CS_TYPE_INVOLVEMENT, involvement) != NULL);
  g_return_if_fail (find_involvement (self, persona_id, NULL) == NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->involved));
  added = cs_scene_persona_new (persona_id, involvement);
  g_list_store_insert (self->involved, MIN (position, n), added);
  watch_child (self, added);
  cs_record_touch (CS_RECORD (self));
}

int
cs_scene_get_involvement_index (CsScene    *self,
                                const char *persona_id)
{
  guint position;

  g_return_val_if_fail (CS_IS_SCENE (self), -1);
  g_return_val_if_fail (persona_id != NULL, -1);

  if (find_involvement (self, persona_id, &position) == NULL)
    return -1;
  return (int) position;
}

gboolean
cs_scene_get_involvement (CsScene       *self,
                          const char    *persona_id,
                          CsInvolvement *involvement)
{
  CsScenePersona *item;

  g_return_val_if_fail (CS_IS_SCENE (self), FALSE);
  g_return_val_if_fail (persona_id != NULL, FALSE);

  item = find_involvement (self, persona_id, NULL);
  if (item == NULL)
    return FALSE;

  if (involvement != NULL)
    *involvement = cs_scene_persona_get_involvement (item);
  return TRUE;
}

gboolean
cs_scene_remove_involvement (CsScene    *self,
                             const char *persona_id)
{
  CsScenePersona *item;
  guint position;

  g_return_val_if_fail (CS_IS_SCENE (self), FALSE);
  g_return_val_if_fail (persona_id != NULL, FALSE);

  item = find_involvement (self, persona_id, &position);
  if (item == NULL)
    return FALSE;

  unwatch_child (self, item);
  g_list_store_remove (self->involved, position);
  cs_record_touch (CS_RECORD (self));
  return TRUE;
}

const char *
cs_scene_get_key_persona_id (CsScene *self)
{
  GListModel *involved;
  const char *first = NULL;
  guint n;

  g_return_val_if_fail (CS_IS_SCENE (self), NULL);

  involved = G_LIST_MODEL (self->involved);
  n = g_list_model_get_n_items (involved);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsScenePersona) item = g_list_model_get_item (involved, i);

      if (cs_scene_persona_get_involvement (item) == CS_INVOLVEMENT_KEY)
        return cs_scene_persona_get_persona_id (item);
      if (first == NULL)
        first = cs_scene_persona_get_persona_id (item);
    }

  return first;
}
