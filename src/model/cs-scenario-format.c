/* cs-scenario-format.c: the .casestudio file format (JSON) of one scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A .casestudio file is UTF-8 JSON:
 *
 *   { "format_version": 1,
 *     "scenario": {
 *       "id", "created_at", "updated_at", "version",
 *       "title", "description", "challenge", "industry", "student_role", "category",
 *       "difficulty"          "beginner" | "intermediate" | "advanced",
 *       "estimated_duration"  whole minutes >= 0,
 *       "tags": [string], "learning_outcomes": [string],
 *       "status"              "draft" | "active" | "archived",
 *       "published_version_id", "draft_of_id", "owner_id",
 *       "is_public", "allow_remixes"   booleans,
 *       "source_pdf_title", "source_text",
 *       "deleted_at", "deleted_by", "deletion_reason",
 *       "personas": [{ "id", "created_at", "updated_at", "version",
 *                      "name", "role", "background", "correlation",
 *                      "primary_goals": [string],
 *                      "traits": { "<trait>": whole number 0..10, ... }   (order kept),
 *                      "avatar_color", "avatar_image", "is_main_character" }],
 *       "scenes": [{ "id", "created_at", "updated_at", "version",
 *                    "title", "description", "user_goal", "scene_context",
 *                    "success_threshold"   number 0..1,
 *                    "timeout_turns", "max_attempts"   whole numbers >= 1,
 *                    "estimated_duration"  whole minutes >= 0,
 *                    "hint_triggers": [string],
 *                    "persona_instructions": { "<persona id>": string },
 *                    "image",
 *                    "goal_criteria": [{ "id", "text", "weight" number 0..1 }],
 *                    "personas": [{ "persona_id", "involvement" "key" | "participant" |
 *                                   "mentioned" (default "participant") }] }] } }
 *
 * Times are ISO 8601 strings, written in UTC ("2024-09-02T09:00:00Z"); on reading, a time
 * without an offset is taken as UTC.
 * "version" is a whole number >= 1. Scenes are stored in story order: the array index is the
 * scene's position. Required: format_version, scenario, scenario.title, every persona's name,
 * every scene's title, every criterion's text and weight, every involvement's persona_id.
 * Every other field may be absent (the model default is used) or null; deleted_by and
 * deletion_reason are kept only with deleted_at. Ids are made when absent and must be UUIDs
 * when present; all ids of one file are distinct, and scenes refer only to personas of the
 * file. Unknown members are ignored.
 *
 * Error messages are "<path>: <what is wrong>", with paths relative to the scenario object
 * ("title", "scenes[2].goal_criteria[0].weight"); "format_version" and "scenario" are the
 * top-level members. A JSON syntax error is reported as "line L, column C: …" (PARSE). A value
 * of the wrong JSON type is a TYPE error; a value of the right type that is not acceptable (a
 * number out of range, an unknown enum nick, a malformed UUID or time) is a RANGE error.
 *
 * Loading freezes version tracking on every object while it is filled, then restores
 * created_at, updated_at and version from the file, so a loaded scenario equals the saved one.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-model-enums.h"
#include "cs-scenario-format.h"

G_DEFINE_QUARK (cs-format-error-quark, cs_format_error)

/* ------------------------------------------------------------------------------------------ */
/* Serialization                                                                              */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* For fields that are never null in the file (NULL in the model is written as ""). */
static void
add_text (JsonBuilder *builder,
          const char  *name,
          const char  *value)
{
  add_string (builder, name, value != NULL ? value : "");
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static void
add_date_time (JsonBuilder *builder,
               const char  *name,
               GDateTime   *value)
{
  g_autoptr(GDateTime) utc = value != NULL ? g_date_time_to_utc (value) : NULL;
  g_autofree char *text = utc != NULL ? g_date_time_format_iso8601 (utc) : NULL;

  add_string (builder, name, text);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_record (JsonBuilder *builder,
            CsRecord    *record)
{
  add_string (builder, "id", cs_record_get_id (record));
  add_date_time (builder, "created_at", cs_record_get_created_at (record));
  add_date_time (builder, "updated_at", cs_record_get_updated_at (record));
  add_int (builder, "version", cs_record_get_version (record));
}

static void
add_persona (JsonBuilder *builder,
             CsPersona   *persona)
{
  GVariant *traits = cs_persona_get_traits (persona);

  json_builder_begin_object (builder);
  add_record (builder, CS_RECORD (persona));
  add_text (builder, "name", cs_persona_get_name (persona));
  add_text (builder, "role", cs_persona_get_role (persona));
  add_text (builder, "background", cs_persona_get_background (persona));
  add_text (builder, "correlation", cs_persona_get_correlation (persona));
  add_strv (builder, "primary_goals", cs_persona_get_primary_goals (persona));

  json_builder_set_member_name (builder, "traits");
  json_builder_begin_object (builder);
  if (traits != NULL)
    {
      GVariantIter iter;
      const char *trait;
      gint32 value;

      g_variant_iter_init (&iter, traits);
      while (g_variant_iter_next (&iter, "(&si)", &trait, &value))
        add_int (builder, trait, value);
    }
  json_builder_end_object (builder);

  add_string (builder, "avatar_color", cs_persona_get_avatar_color (persona));
  add_string (builder, "avatar_image", cs_persona_get_avatar_image (persona));
  add_boolean (builder, "is_main_character", cs_persona_get_is_main_character (persona));
  json_builder_end_object (builder);
}

static void
add_scene (JsonBuilder *builder,
           CsScene     *scene)
{
  GVariant *instructions = cs_scene_get_persona_instructions (scene);
  GListModel *criteria = cs_scene_get_goal_criteria (scene);
  GListModel *involved = cs_scene_get_involved (scene);

  json_builder_begin_object (builder);
  add_record (builder, CS_RECORD (scene));
  add_text (builder, "title", cs_scene_get_title (scene));
  add_text (builder, "description", cs_scene_get_description (scene));
  add_text (builder, "user_goal", cs_scene_get_user_goal (scene));
  add_text (builder, "scene_context", cs_scene_get_scene_context (scene));
  add_double (builder, "success_threshold", cs_scene_get_success_threshold (scene));
  add_int (builder, "timeout_turns", cs_scene_get_timeout_turns (scene));
  add_int (builder, "max_attempts", cs_scene_get_max_attempts (scene));
  add_int (builder, "estimated_duration", cs_scene_get_estimated_duration (scene));
  add_strv (builder, "hint_triggers", cs_scene_get_hint_triggers (scene));

  json_builder_set_member_name (builder, "persona_instructions");
  json_builder_begin_object (builder);
  if (instructions != NULL)
    {
      GVariantIter iter;
      const char *persona_id;
      const char *text;

      g_variant_iter_init (&iter, instructions);
      while (g_variant_iter_next (&iter, "{&s&s}", &persona_id, &text))
        add_string (builder, persona_id, text);
    }
  json_builder_end_object (builder);

  add_string (builder, "image", cs_scene_get_image (scene));

  json_builder_set_member_name (builder, "goal_criteria");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", cs_goal_criterion_get_id (criterion));
      add_text (builder, "text", cs_goal_criterion_get_text (criterion));
      add_double (builder, "weight", cs_goal_criterion_get_weight (criterion));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "personas");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (involved); i++)
    {
      g_autoptr(CsScenePersona) entry = g_list_model_get_item (involved, i);

      json_builder_begin_object (builder);
      add_string (builder, "persona_id", cs_scene_persona_get_persona_id (entry));
      add_string (builder, "involvement",
                  cs_enum_to_nick (CS_TYPE_INVOLVEMENT, cs_scene_persona_get_involvement (entry)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

JsonNode *
cs_scenario_format_serialize (CsScenario *scenario)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *personas;
  GListModel *scenes;

  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);

  personas = cs_scenario_get_personas (scenario);
  scenes = cs_scenario_get_scenes (scenario);

  json_builder_begin_object (builder);
  add_int (builder, "format_version", CS_FORMAT_VERSION);
  json_builder_set_member_name (builder, "scenario");
  json_builder_begin_object (builder);

  add_record (builder, CS_RECORD (scenario));
  add_text (builder, "title", cs_scenario_get_title (scenario));
  add_text (builder, "description", cs_scenario_get_description (scenario));
  add_text (builder, "challenge", cs_scenario_get_challenge (scenario));
  add_text (builder, "industry", cs_scenario_get_industry (scenario));
  add_text (builder, "student_role", cs_scenario_get_student_role (scenario));
  add_text (builder, "category", cs_scenario_get_category (scenario));
  add_string (builder, "difficulty",
              cs_enum_to_nick (CS_TYPE_DIFFICULTY, cs_scenario_get_difficulty (scenario)));
  add_int (builder, "estimated_duration", cs_scenario_get_estimated_duration (scenario));
  add_strv (builder, "tags", cs_scenario_get_tags (scenario));
  add_strv (builder, "learning_outcomes", cs_scenario_get_learning_outcomes (scenario));
  add_string (builder, "status",
              cs_enum_to_nick (CS_TYPE_SCENARIO_STATUS, cs_scenario_get_status (scenario)));
  add_string (builder, "published_version_id", cs_scenario_get_published_version_id (scenario));
  add_string (builder, "draft_of_id", cs_scenario_get_draft_of_id (scenario));
  add_string (builder, "owner_id", cs_scenario_get_owner_id (scenario));
  add_boolean (builder, "is_public", cs_scenario_get_is_public (scenario));
  add_boolean (builder, "allow_remixes", cs_scenario_get_allow_remixes (scenario));
  add_string (builder, "source_pdf_title", cs_scenario_get_source_pdf_title (scenario));
  add_string (builder, "source_text", cs_scenario_get_source_text (scenario));
  add_date_time (builder, "deleted_at", cs_scenario_get_deleted_at (scenario));
  add_string (builder, "deleted_by", cs_scenario_get_deleted_by (scenario));
  add_string (builder, "deletion_reason", cs_scenario_get_deletion_reason (scenario));

  json_builder_set_member_name (builder, "personas");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(CsPersona) persona = g_list_model_get_item (personas, i);
      add_persona (builder, persona);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "scenes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);
      add_scene (builder, scene);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
cs_scenario_format_to_data (CsScenario *scenario,
                            gsize      *length)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);

  root = cs_scenario_format_serialize (scenario);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, length);
}

/* ------------------------------------------------------------------------------------------ */
/* Deserialization                                                                            */

typedef struct
{
  GHashTable *ids;          /* id → path of the object that has it */
  GHashTable *persona_ids;  /* set of persona ids of the file */
  GPtrArray  *loaded;       /* Loaded: every record filled so far, tracking frozen */
} Reader;

/* The bookkeeping of a record, applied after it is filled. */
typedef struct
{
  CsRecord  *record;
  GDateTime *created_at;
  GDateTime *updated_at;
  gint64     version;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->record);
  g_clear_pointer (&loaded->created_at, g_date_time_unref);
  g_clear_pointer (&loaded->updated_at, g_date_time_unref);
  g_free (loaded);
}

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->ids, g_hash_table_unref);
  g_clear_pointer (&reader->persona_ids, g_hash_table_unref);
  g_clear_pointer (&reader->loaded, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static char *
member_path (const char *prefix,
             const char *member)
{
  if (prefix == NULL || *prefix == '\0')
    return g_strdup (member);
  return g_strconcat (prefix, ".", member, NULL);
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail (GError        **error,
      CsFormatError   code,
      const char     *path,
      const char     *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CS_FORMAT_ERROR, code, "%s: %s", path, what);
  return FALSE;
}

/* The member @name of @object, or NULL when it is absent or null. */
static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static gboolean
node_is (JsonNode *node,
         GType     value_type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == value_type;
}

static gboolean
node_is_number (JsonNode *node)
{
  return node_is (node, G_TYPE_INT64) || node_is (node, G_TYPE_DOUBLE);
}

static gboolean
require (JsonObject  *object,
         const char  *prefix,
         const char  *name,
         GError     **error)
{
  g_autofree char *path = NULL;

  if (get_member (object, name) != NULL)
    return TRUE;

  path = member_path (prefix, name);
  return fail (error, CS_FORMAT_ERROR_MISSING, path, _("this field is required"));
}

/* Each read_* helper leaves *value untouched when the member is absent or null. */

static gboolean
read_string (JsonObject  *object,
             const char  *prefix,
             const char  *name,
             const char **value,
             GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *path = NULL;

  if (node == NULL)
    return TRUE;

  if (node_is (node, G_TYPE_STRING))
    {
      *value = json_node_get_string (node);
      return TRUE;
    }

  path = member_path (prefix, name);
  return fail (error, CS_FORMAT_ERROR_TYPE, path, _("must be a string"));
}

static gboolean
read_uuid (JsonObject  *object,
           const char  *prefix,
           const char  *name,
           const char **value,
           GError     **error)
{
  const char *text = NULL;
  g_autofree char *path = NULL;

  if (!read_string (object, prefix, name, &text, error))
    return FALSE;

  if (text == NULL || cs_uuid_is_valid (text))
    {
      if (text != NULL)
        *value = text;
      return TRUE;
    }

  path = member_path (prefix, name);
  return fail (error, CS_FORMAT_ERROR_RANGE, path,
               _("\"%s\" is not a valid UUID (expected the form 123e4567-e89b-42d3-a456-426614174000)"),
               text);
}

static gboolean
read_boolean (JsonObject  *object,
              const char  *prefix,
              const char  *name,
              gboolean    *value,
              GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *path = NULL;

  if (node == NULL)
    return TRUE;

  if (node_is (node, G_TYPE_BOOLEAN))
    {
      *value = json_node_get_boolean (node);
      return TRUE;
    }

  path = member_path (prefix, name);
  return fail (error, CS_FORMAT_ERROR_TYPE, path, _("must be true or false"));
}

/* A whole number in @min..@max. A number with a fraction is out of range, not a wrong type. */
static gboolean
check_int_node (JsonNode    *node,
                const char  *path,
                gint64       min,
                gint64       max,
                const char  *range_message,
                gint64      *value,
                GError     **error)
{
  double number;

  if (!node_is_number (node))
    return fail (error, CS_FORMAT_ERROR_TYPE, path, "%s", range_message);

  if (node_is (node, G_TYPE_INT64))
    {
      gint64 whole = json_node_get_int (node);

      if (whole < min || whole > max)
        return fail (error, CS_FORMAT_ERROR_RANGE, path, "%s", range_message);
      *value = whole;
      return TRUE;
    }

  /* Doubles are exact integers up to 2^53; the range check comes first so the cast is defined. */
  number = json_node_get_double (node);
  if (!(number >= (double) min && number <= (double) MIN (max, G_GINT64_CONSTANT (1) << 53)) ||
      number != (double) (gint64) number)
    return fail (error, CS_FORMAT_ERROR_RANGE, path, "%s", range_message);
  *value = (gint64) number;
  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *prefix,
          const char  *name,
          gint64       min,
          gint64       max,
          const char  *range_message,
          gint64      *value,
          GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *path = NULL;

  if (node == NULL)
    return TRUE;

  path = member_path (prefix, name);
  return check_int_node (node, path, min, max, range_message, value, error);
}

static gboolean
read_fraction (JsonObject  *object,
               const char  *prefix,
               const char  *name,
               double      *value,
               GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *path = NULL;
  double number;

  if (node == NULL)
    return TRUE;

  path = member_path (prefix, name);
  if (!node_is_number (node))
    return fail (error, CS_FORMAT_ERROR_TYPE, path, _("must be a number between 0 and 1"));

  number = json_node_get_double (node);
  if (!(number >= 0.0 && number <= 1.0))
    return fail (error, CS_FORMAT_ERROR_RANGE, path, _("must be between 0 and 1"));

  *value = number;
  return TRUE;
}

static gboolean
read_date_time (JsonObject  *object,
                const char  *prefix,
                const char  *name,
                GDateTime  **value,
                GError     **error)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autofree char *path = NULL;
  const char *text = NULL;

  if (!read_string (object, prefix, name, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  utc = g_time_zone_new_utc ();
  g_clear_pointer (value, g_date_time_unref);
  *value = g_date_time_new_from_iso8601 (text, utc);
  if (*value != NULL)
    return TRUE;

  path = member_path (prefix, name);
  return fail (error, CS_FORMAT_ERROR_RANGE, path,
               _("\"%s\" is not an ISO 8601 date and time (e.g. 2024-09-02T09:00:00Z)"), text);
}

/* Absent or null gives NULL in *@value (callers then keep the model default). */
static gboolean
read_strv (JsonObject   *object,
           const char   *prefix,
           const char   *name,
           GStrv        *value,
           GError      **error)
{
  JsonNode *node = get_member (object, name);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *path = member_path (prefix, name);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, CS_FORMAT_ERROR_TYPE, path, _("must be an array of strings"));

  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!node_is (element, G_TYPE_STRING))
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);
          return fail (error, CS_FORMAT_ERROR_TYPE, element_path, _("must be a string"));
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  *value = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_enum (JsonObject  *object,
           const char  *prefix,
           const char  *name,
           GType        enum_type,
           int         *value,
           GError     **error)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GString) nicks = NULL;
  g_autofree char *path = NULL;
  const char *nick = NULL;

  if (!read_string (object, prefix, name, &nick, error))
    return FALSE;
  if (nick == NULL || cs_enum_from_nick (enum_type, nick, value))
    return TRUE;

  klass = g_type_class_ref (enum_type);
  nicks = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (nicks, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);

  path = member_path (prefix, name);
  return fail (error, CS_FORMAT_ERROR_RANGE, path, _("\"%s\" is not one of %s"), nick, nicks->str);
}

/* The array member @name (absent or null: empty), its elements all objects. */
static gboolean
read_object_array (JsonObject  *object,
                   const char  *prefix,
                   const char  *name,
                   JsonArray  **value,
                   GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *path = member_path (prefix, name);
  JsonArray *array;

  *value = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, CS_FORMAT_ERROR_TYPE, path, _("must be an array of objects"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);
          return fail (error, CS_FORMAT_ERROR_TYPE, element_path, _("must be an object"));
        }
    }

  *value = array;
  return TRUE;
}

static gboolean
read_object (JsonObject  *object,
             const char  *prefix,
             const char  *name,
             JsonObject **value,
             GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *path = NULL;

  *value = NULL;
  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      *value = json_node_get_object (node);
      return TRUE;
    }

  path = member_path (prefix, name);
  return fail (error, CS_FORMAT_ERROR_TYPE, path, _("must be an object"));
}

/* Checks that @id is new in the file and records @owner (the object's path) as its user. */
static gboolean
claim_id (Reader      *reader,
          const char  *id,
          const char  *owner,
          const char  *id_path,
          GError     **error)
{
  const char *previous = g_hash_table_lookup (reader->ids, id);

  if (previous != NULL)
    return fail (error, CS_FORMAT_ERROR_DUPLICATE, id_path,
                 _("duplicate id \"%s\" (also used by %s)"), id, previous);

  g_hash_table_insert (reader->ids, g_strdup (id), g_strdup (owner));
  return TRUE;
}

/* Reads the id of the object at @prefix (NULL when absent) and checks it is unique. */
static gboolean
read_id (Reader      *reader,
         JsonObject  *object,
         const char  *prefix,
         const char  *owner,
         const char **id,
         GError     **error)
{
  g_autofree char *path = member_path (prefix, "id");

  *id = NULL;
  if (!read_uuid (object, prefix, "id", id, error))
    return FALSE;
  return *id == NULL || claim_id (reader, *id, owner, path, error);
}

/* Freezes @record and reads its bookkeeping, applied by finish_records(). */
static gboolean
begin_record (Reader      *reader,
              CsRecord    *record,
              JsonObject  *object,
              const char  *prefix,
              GError     **error)
{
  Loaded *loaded = g_new0 (Loaded, 1);

  cs_record_freeze_tracking (record);
  loaded->record = g_object_ref (record);
  loaded->version = cs_record_get_version (record);
  g_ptr_array_add (reader->loaded, loaded);

  return read_date_time (object, prefix, "created_at", &loaded->created_at, error) &&
         read_date_time (object, prefix, "updated_at", &loaded->updated_at, error) &&
         read_int (object, prefix, "version", 1, G_MAXINT64,
                   _("must be a whole number of at least 1"), &loaded->version, error);
}

static void
finish_records (Reader *reader)
{
  for (guint i = 0; i < reader->loaded->len; i++)
    {
      Loaded *loaded = g_ptr_array_index (reader->loaded, i);

      if (loaded->created_at != NULL)
        cs_record_set_created_at (loaded->record, loaded->created_at);
      if (loaded->updated_at != NULL)
        cs_record_set_updated_at (loaded->record, loaded->updated_at);
      cs_record_set_version (loaded->record, loaded->version);
      cs_record_thaw_tracking (loaded->record);
    }
  g_ptr_array_set_size (reader->loaded, 0);
}

static CsPersona *
read_persona (Reader      *reader,
              JsonObject  *object,
              const char  *prefix,
              GError     **error)
{
  g_autoptr(CsPersona) persona = NULL;
  g_autoptr(GVariant) traits_variant = NULL;
  g_auto(GStrv) goals = NULL;
  g_auto(GVariantBuilder) traits = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a(si)"));
  g_autofree char *traits_path = member_path (prefix, "traits");
  JsonObject *traits_object = NULL;
  const char *id = NULL;
  const char *name = NULL;
  const char *role = NULL;
  const char *background = NULL;
  const char *correlation = NULL;
  const char *avatar_color = NULL;
  const char *avatar_image = NULL;
  gboolean is_main = FALSE;

  if (!read_id (reader, object, prefix, prefix, &id, error))
    return NULL;

  persona = cs_persona_new (id);
  if (!begin_record (reader, CS_RECORD (persona), object, prefix, error) ||
      !require (object, prefix, "name", error) ||
      !read_string (object, prefix, "name", &name, error) ||
      !read_string (object, prefix, "role", &role, error) ||
      !read_string (object, prefix, "background", &background, error) ||
      !read_string (object, prefix, "correlation", &correlation, error) ||
      !read_strv (object, prefix, "primary_goals", &goals, error) ||
      !read_object (object, prefix, "traits", &traits_object, error) ||
      !read_string (object, prefix, "avatar_color", &avatar_color, error) ||
      !read_string (object, prefix, "avatar_image", &avatar_image, error) ||
      !read_boolean (object, prefix, "is_main_character", &is_main, error))
    return NULL;

  if (traits_object != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (traits_object);

      for (const GList *l = names; l != NULL; l = l->next)
        {
          const char *trait = l->data;
          g_autofree char *trait_path = member_path (traits_path, trait);
          gint64 value = 0;

          if (*trait == '\0')
            return fail (error, CS_FORMAT_ERROR_RANGE, traits_path,
                         _("trait names must not be empty")), NULL;
          if (!check_int_node (json_object_get_member (traits_object, trait), trait_path,
                               CS_TRAIT_MIN, CS_TRAIT_MAX,
                               _("must be an integer between 0 and 10"), &value, error))
            return NULL;
          g_variant_builder_add (&traits, "(si)", trait, (gint32) value);
        }
    }
  traits_variant = g_variant_ref_sink (g_variant_builder_end (&traits));

  cs_persona_set_name (persona, name);
  if (role != NULL)
    cs_persona_set_role (persona, role);
  if (background != NULL)
    cs_persona_set_background (persona, background);
  if (correlation != NULL)
    cs_persona_set_correlation (persona, correlation);
  if (goals != NULL)
    cs_persona_set_primary_goals (persona, (const char * const *) goals);
  cs_persona_set_traits (persona, traits_variant);
  cs_persona_set_avatar_color (persona, avatar_color);
  cs_persona_set_avatar_image (persona, avatar_image);
  cs_persona_set_is_main_character (persona, is_main);

  return g_steal_pointer (&persona);
}

static gboolean
check_persona_reference (Reader      *reader,
                         const char  *persona_id,
                         const char  *path,
                         GError     **error)
{
  if (g_hash_table_contains (reader->persona_ids, persona_id))
    return TRUE;
  return fail (error, CS_FORMAT_ERROR_REFERENCE, path,
               _("no persona with id \"%s\" in this file"), persona_id);
}

static gboolean
read_criteria (Reader      *reader,
               CsScene     *scene,
               JsonObject  *object,
               const char  *prefix,
               GError     **error)
{
  g_autofree char *array_path = member_path (prefix, "goal_criteria");
  JsonArray *array = NULL;

  if (!read_object_array (object, prefix, "goal_criteria", &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *element = json_array_get_object_element (array, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", array_path, i);
      g_autoptr(CsGoalCriterion) criterion = NULL;
      const char *id = NULL;
      const char *text = NULL;
      double weight = 0.0;

      if (!read_id (reader, element, path, path, &id, error) ||
          !require (element, path, "text", error) ||
          !read_string (element, path, "text", &text, error) ||
          !require (element, path, "weight", error) ||
          !read_fraction (element, path, "weight", &weight, error))
        return FALSE;

      criterion = g_object_new (CS_TYPE_GOAL_CRITERION,
                                "id", id,
                                "text", text,
                                "weight", weight,
                                NULL);
      cs_scene_add_criterion (scene, criterion);
    }

  return TRUE;
}

static gboolean
read_involvements (Reader      *reader,
                   CsScene     *scene,
                   JsonObject  *object,
                   const char  *prefix,
                   GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *array_path = member_path (prefix, "personas");
  JsonArray *array = NULL;

  if (!read_object_array (object, prefix, "personas", &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *element = json_array_get_object_element (array, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", array_path, i);
      g_autofree char *id_path = member_path (path, "persona_id");
      const char *persona_id = NULL;
      const char *previous;
      int involvement = CS_INVOLVEMENT_PARTICIPANT;

      if (!require (element, path, "persona_id", error) ||
          !read_uuid (element, path, "persona_id", &persona_id, error) ||
          !check_persona_reference (reader, persona_id, id_path, error) ||
          !read_enum (element, path, "involvement", CS_TYPE_INVOLVEMENT, &involvement, error))
        return FALSE;

      previous = g_hash_table_lookup (seen, persona_id);
      if (previous != NULL)
        return fail (error, CS_FORMAT_ERROR_DUPLICATE, id_path,
                     _("persona \"%s\" is listed twice (also at %s)"), persona_id, previous);
      g_hash_table_insert (seen, (gpointer) persona_id, g_steal_pointer (&path));

      cs_scene_set_involvement (scene, persona_id, involvement);
    }

  return TRUE;
}

static gboolean
read_instructions (Reader      *reader,
                   CsScene     *scene,
                   JsonObject  *object,
                   const char  *prefix,
                   GError     **error)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  g_autofree char *object_path = member_path (prefix, "persona_instructions");
  g_autoptr(GVariant) instructions = NULL;
  g_autoptr(GList) persona_ids = NULL;
  JsonObject *instructions_object = NULL;

  if (!read_object (object, prefix, "persona_instructions", &instructions_object, error))
    return FALSE;
  if (instructions_object == NULL)
    return TRUE;

  persona_ids = json_object_get_members (instructions_object);
  for (const GList *l = persona_ids; l != NULL; l = l->next)
    {
      const char *persona_id = l->data;
      g_autofree char *path = member_path (object_path, persona_id);
      const char *text = NULL;

      if (!check_persona_reference (reader, persona_id, path, error) ||
          !read_string (instructions_object, object_path, persona_id, &text, error))
        return FALSE;
      if (text != NULL)
        g_variant_builder_add (&builder, "{ss}", persona_id, text);
    }

  instructions = g_variant_ref_sink (g_variant_builder_end (&builder));
  cs_scene_set_persona_instructions (scene, instructions);
  return TRUE;
}

static CsScene *
read_scene (Reader      *reader,
            JsonObject  *object,
            const char  *prefix,
            GError     **error)
{
  g_autoptr(CsScene) scene = NULL;
  g_auto(GStrv) hint_triggers = NULL;
  const char *id = NULL;
  const char *title = NULL;
  const char *description = NULL;
  const char *user_goal = NULL;
  const char *scene_context = NULL;
  const char *image = NULL;
  double threshold = CS_SCENE_DEFAULT_SUCCESS_THRESHOLD;
  gint64 timeout_turns = CS_SCENE_DEFAULT_TIMEOUT_TURNS;
  gint64 max_attempts = CS_SCENE_DEFAULT_MAX_ATTEMPTS;
  gint64 duration = 0;

  if (!read_id (reader, object, prefix, prefix, &id, error))
    return NULL;

  scene = cs_scene_new (id);
  if (!begin_record (reader, CS_RECORD (scene), object, prefix, error) ||
      !require (object, prefix, "title", error) ||
      !read_string (object, prefix, "title", &title, error) ||
      !read_string (object, prefix, "description", &description, error) ||
      !read_string (object, prefix, "user_goal", &user_goal, error) ||
      !read_string (object, prefix, "scene_context", &scene_context, error) ||
      !read_fraction (object, prefix, "success_threshold", &threshold, error) ||
      !read_int (object, prefix, "timeout_turns", 1, G_MAXINT,
                 _("must be a whole number of at least 1"), &timeout_turns, error) ||
      !read_int (object, prefix, "max_attempts", 1, G_MAXINT,
                 _("must be a whole number of at least 1"), &max_attempts, error) ||
      !read_int (object, prefix, "estimated_duration", 0, G_MAXINT,
                 _("must be a whole number of minutes, 0 or more"), &duration, error) ||
      !read_strv (object, prefix, "hint_triggers", &hint_triggers, error) ||
      !read_string (object, prefix, "image", &image, error) ||
      !read_instructions (reader, scene, object, prefix, error) ||
      !read_criteria (reader, scene, object, prefix, error) ||
      !read_involvements (reader, scene, object, prefix, error))
    return NULL;

  cs_scene_set_title (scene, title);
  if (description != NULL)
    cs_scene_set_description (scene, description);
  if (user_goal != NULL)
    cs_scene_set_user_goal (scene, user_goal);
  if (scene_context != NULL)
    cs_scene_set_scene_context (scene, scene_context);
  cs_scene_set_success_threshold (scene, threshold);
  cs_scene_set_timeout_turns (scene, (int) timeout_turns);
  cs_scene_set_max_attempts (scene, (int) max_attempts);
  cs_scene_set_estimated_duration (scene, (int) duration);
  if (hint_triggers != NULL)
    cs_scene_set_hint_triggers (scene, (const char * const *) hint_triggers);
  cs_scene_set_image (scene, image);

  return g_steal_pointer (&scene);
}

static gboolean
read_scenario_fields (Reader      *reader,
                      CsScenario  *scenario,
                      JsonObject  *object,
                      GError     **error)
{
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) outcomes = NULL;
  g_autoptr(GDateTime) deleted_at = NULL;
  const char *title = NULL;
  const char *description = NULL;
  const char *challenge = NULL;
  const char *industry = NULL;
  const char *student_role = NULL;
  const char *category = NULL;
  const char *published_version_id = NULL;
  const char *draft_of_id = NULL;
  const char *owner_id = NULL;
  const char *source_pdf_title = NULL;
  const char *source_text = NULL;
  const char *deleted_by = NULL;
  const char *deletion_reason = NULL;
  int difficulty = cs_scenario_get_difficulty (scenario);
  int status = cs_scenario_get_status (scenario);
  gint64 duration = 0;
  gboolean is_public = cs_scenario_get_is_public (scenario);
  gboolean allow_remixes = cs_scenario_get_allow_remixes (scenario);

  if (!begin_record (reader, CS_RECORD (scenario), object, "", error) ||
      !require (object, "", "title", error) ||
      !read_string (object, "", "title", &title, error) ||
      !read_string (object, "", "description", &description, error) ||
      !read_string (object, "", "challenge", &challenge, error) ||
      !read_string (object, "", "industry", &industry, error) ||
      !read_string (object, "", "student_role", &student_role, error) ||
      !read_string (object, "", "category", &category, error) ||
      !read_enum (object, "", "difficulty", CS_TYPE_DIFFICULTY, &difficulty, error) ||
      !read_int (object, "", "estimated_duration", 0, G_MAXINT,
                 _("must be a whole number of minutes, 0 or more"), &duration, error) ||
      !read_strv (object, "", "tags", &tags, error) ||
      !read_strv (object, "", "learning_outcomes", &outcomes, error) ||
      !read_enum (object, "", "status", CS_TYPE_SCENARIO_STATUS, &status, error) ||
      !read_uuid (object, "", "published_version_id", &published_version_id, error) ||
      !read_uuid (object, "", "draft_of_id", &draft_of_id, error) ||
      !read_string (object, "", "owner_id", &owner_id, error) ||
      !read_boolean (object, "", "is_public", &is_public, error) ||
      !read_boolean (object, "", "allow_remixes", &allow_remixes, error) ||
      !read_string (object, "", "source_pdf_title", &source_pdf_title, error) ||
      !read_string (object, "", "source_text", &source_text, error) ||
      !read_date_time (object, "", "deleted_at", &deleted_at, error) ||
      !read_string (object, "", "deleted_by", &deleted_by, error) ||
      !read_string (object, "", "deletion_reason", &deletion_reason, error))
    return FALSE;

  cs_scenario_set_title (scenario, title);
  if (description != NULL)
    cs_scenario_set_description (scenario, description);
  if (challenge != NULL)
    cs_scenario_set_challenge (scenario, challenge);
  if (industry != NULL)
    cs_scenario_set_industry (scenario, industry);
  if (student_role != NULL)
    cs_scenario_set_student_role (scenario, student_role);
  if (category != NULL)
    cs_scenario_set_category (scenario, category);
  cs_scenario_set_difficulty (scenario, difficulty);
  cs_scenario_set_estimated_duration (scenario, (int) duration);
  if (tags != NULL)
    cs_scenario_set_tags (scenario, (const char * const *) tags);
  if (outcomes != NULL)
    cs_scenario_set_learning_outcomes (scenario, (const char * const *) outcomes);
  cs_scenario_set_status (scenario, status);
  cs_scenario_set_published_version_id (scenario, published_version_id);
  cs_scenario_set_draft_of_id (scenario, draft_of_id);
  cs_scenario_set_owner_id (scenario, owner_id);
  cs_scenario_set_is_public (scenario, is_public);
  cs_scenario_set_allow_remixes (scenario, allow_remixes);
  cs_scenario_set_source_pdf_title (scenario, source_pdf_title);
  cs_scenario_set_source_text (scenario, source_text);
  /* deleted_by and deletion_reason only exist together with deleted_at. */
  if (deleted_at != NULL)
    cs_scenario_set_deleted (scenario, deleted_at, deleted_by, deletion_reason);

  return TRUE;
}

static CsScenario *
read_scenario (Reader      *reader,
               JsonObject  *object,
               GError     **error)
{
  g_autoptr(CsScenario) scenario = NULL;
  JsonArray *personas = NULL;
  JsonArray *scenes = NULL;
  const char *id = NULL;

  if (!read_id (reader, object, "", "scenario", &id, error))
    return NULL;

  scenario = cs_scenario_new (id);
  if (!read_scenario_fields (reader, scenario, object, error) ||
      !read_object_array (object, "", "personas", &personas, error) ||
      !read_object_array (object, "", "scenes", &scenes, error))
    return NULL;

  /* Personas first: scenes refer to them, wherever "personas" is in the object. */
  for (guint i = 0; personas != NULL && i < json_array_get_length (personas); i++)
    {
      g_autofree char *path = g_strdup_printf ("personas[%u]", i);
      g_autoptr(CsPersona) persona = NULL;

      persona = read_persona (reader, json_array_get_object_element (personas, i), path, error);
      if (persona == NULL)
        return NULL;
      g_hash_table_add (reader->persona_ids,
                        g_strdup (cs_record_get_id (CS_RECORD (persona))));
      cs_scenario_add_persona (scenario, persona);
    }

  for (guint i = 0; scenes != NULL && i < json_array_get_length (scenes); i++)
    {
      g_autofree char *path = g_strdup_printf ("scenes[%u]", i);
      g_autoptr(CsScene) scene = NULL;

      scene = read_scene (reader, json_array_get_object_element (scenes, i), path, error);
      if (scene == NULL)
        return NULL;
      cs_scenario_append_scene (scenario, scene);
    }

  finish_records (reader);
  return g_steal_pointer (&scenario);
}

CsScenario *
cs_scenario_format_deserialize (JsonNode  *root,
                                GError   **error)
{
  g_auto(Reader) reader = { 0 };
  JsonObject *object;
  JsonObject *scenario = NULL;
  gint64 format_version = 0;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail (error, CS_FORMAT_ERROR_TYPE, _("(file)"),
                 _("must be a JSON object with \"format_version\" and \"scenario\"")), NULL;

  object = json_node_get_object (root);
  if (!require (object, "", "format_version", error) ||
      !read_int (object, "", "format_version", 1, G_MAXINT,
                 _("must be a whole number of at least 1"), &format_version, error))
    return NULL;

  if (format_version > CS_FORMAT_VERSION)
    return fail (error, CS_FORMAT_ERROR_VERSION, "format_version",
                 _("this file was made by a newer Case Studio (format %d); this version reads "
                   "format %d — update Case Studio to open it"),
                 (int) format_version, CS_FORMAT_VERSION), NULL;

  if (!require (object, "", "scenario", error) ||
      !read_object (object, "", "scenario", &scenario, error))
    return NULL;

  reader.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.persona_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) loaded_free);

  return read_scenario (&reader, scenario, error);
}

static void
on_parser_error (JsonParser *parser,
                 gpointer    parser_error,
                 gpointer    user_data)
{
  guint *position = user_data;

  position[0] = json_parser_get_current_line (parser);
  position[1] = json_parser_get_current_pos (parser);
}

CsScenario *
cs_scenario_format_from_data (const char  *data,
                              gssize       length,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  guint position[2] = { 0, 0 };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser = json_parser_new ();
  g_signal_connect (parser, "error", G_CALLBACK (on_parser_error), position);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says "<data>:LINE:COL: Parse error: what"; keep only "what". Errors found
       * before parsing (not UTF-8) have no position. */
      const char *what = strstr (local_error->message, "error: ");
      g_autofree char *where = position[0] > 0
        ? g_strdup_printf (_("line %u, column %u"), position[0], position[1])
        : g_strdup (_("(file)"));

      return fail (error, CS_FORMAT_ERROR_PARSE, where,
                   _("%s. The file is not valid JSON; it may be truncated or damaged."),
                   what != NULL ? what + strlen ("error: ") : local_error->message), NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    return fail (error, CS_FORMAT_ERROR_PARSE, _("(file)"),
                 _("the file is empty. It may have been truncated or not saved completely.")), NULL;

  return cs_scenario_format_deserialize (json_parser_get_root (parser), error);
}

gboolean
cs_scenario_format_save_file (CsScenario    *scenario,
                              GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (CS_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = cs_scenario_format_to_data (scenario, &length);

  /* Written to a temporary file beside @file, then renamed over it. GIO's messages name
   * the file already. */
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}

CsScenario *
cs_scenario_format_load_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;

  return cs_scenario_format_from_data (data, length, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Copy                                                                                       */

/* The new id of @old_id in @ids (old → new); an unknown id is kept, and then reported by
 * the deserializer as a reference to no persona. */
static const char *
renamed_id (GHashTable *ids,
            const char *old_id)
{
  const char *new_id = g_hash_table_lookup (ids, old_id);

  return new_id != NULL ? new_id : old_id;
}

/* Gives @object a new id, remembering old → new in @ids, and drops its bookkeeping so the
 * copy starts as a new record. */
static void
renew_id (JsonObject *object,
          GHashTable *ids)
{
  g_autofree char *new_id = cs_uuid_new ();

  g_hash_table_insert (ids, g_strdup (json_object_get_string_member (object, "id")),
                       g_strdup (new_id));
  json_object_set_string_member (object, "id", new_id);
  json_object_remove_member (object, "created_at");
  json_object_remove_member (object, "updated_at");
  json_object_remove_member (object, "version");
}

static void
renew_scene_ids (JsonObject *scene,
                 GHashTable *ids)
{
  JsonArray *criteria = json_object_get_array_member (scene, "goal_criteria");
  JsonArray *involved = json_object_get_array_member (scene, "personas");
  JsonObject *instructions = json_object_get_object_member (scene, "persona_instructions");
  g_autoptr(GList) keys = json_object_get_members (instructions);
  JsonObject *renamed = json_object_new ();

  renew_id (scene, ids);

  for (guint i = 0; i < json_array_get_length (criteria); i++)
    {
      g_autofree char *new_id = cs_uuid_new ();
      json_object_set_string_member (json_array_get_object_element (criteria, i), "id", new_id);
    }

  for (guint i = 0; i < json_array_get_length (involved); i++)
    {
      JsonObject *entry = json_array_get_object_element (involved, i);
      const char *old_id = json_object_get_string_member (entry, "persona_id");

      json_object_set_string_member (entry, "persona_id", renamed_id (ids, old_id));
    }

  for (const GList *l = keys; l != NULL; l = l->next)
    json_object_set_member (renamed, renamed_id (ids, l->data),
                            json_object_dup_member (instructions, l->data));
  json_object_set_object_member (scene, "persona_instructions", renamed);
}

CsScenario *
cs_scenario_format_copy (CsScenario *scenario,
                         gboolean    new_ids)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  CsScenario *copy;

  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);

  root = cs_scenario_format_serialize (scenario);

  if (new_ids)
    {
      g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      JsonObject *object = json_object_get_object_member (json_node_get_object (root), "scenario");
      JsonArray *personas = json_object_get_array_member (object, "personas");
      JsonArray *scenes = json_object_get_array_member (object, "scenes");

      renew_id (object, ids);
      for (guint i = 0; i < json_array_get_length (personas); i++)
        renew_id (json_array_get_object_element (personas, i), ids);
      for (guint i = 0; i < json_array_get_length (scenes); i++)
        renew_scene_ids (json_array_get_object_element (scenes, i), ids);
    }

  copy = cs_scenario_format_deserialize (root, &error);
  if (copy == NULL)
    g_critical ("Could not copy scenario %s: %s",
                cs_record_get_id (CS_RECORD (scenario)), error->message);
  return copy;
}
