/* cs-store-tables.c: column lists of the synced tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-store-tables.h"

static const CsColumn scenario_columns[SC_N_COLUMNS] = {
  [SC_ID]                   = { "id", CS_COLUMN_TEXT },
  [SC_TITLE]                = { "title", CS_COLUMN_TEXT },
  [SC_DESCRIPTION]          = { "description", CS_COLUMN_TEXT },
  [SC_CHALLENGE]            = { "challenge", CS_COLUMN_TEXT },
  [SC_INDUSTRY]             = { "industry", CS_COLUMN_TEXT },
  [SC_STUDENT_ROLE]         = { "student_role", CS_COLUMN_TEXT },
  [SC_CATEGORY]             = { "category", CS_COLUMN_TEXT },
  [SC_DIFFICULTY]           = { "difficulty", CS_COLUMN_TEXT },
  [SC_ESTIMATED_DURATION]   = { "estimated_duration", CS_COLUMN_INT },
  [SC_TAGS]                 = { "tags", CS_COLUMN_JSON },
  [SC_LEARNING_OUTCOMES]    = { "learning_outcomes", CS_COLUMN_JSON },
  [SC_STATUS]               = { "status", CS_COLUMN_TEXT },
  [SC_PUBLISHED_VERSION_ID] = { "published_version_id", CS_COLUMN_TEXT },
  [SC_DRAFT_OF_ID]          = { "draft_of_id", CS_COLUMN_TEXT },
  [SC_OWNER_ID]             = { "owner_id", CS_COLUMN_TEXT },
  [SC_IS_PUBLIC]            = { "is_public", CS_COLUMN_BOOL },
  [SC_ALLOW_REMIXES]        = { "allow_remixes", CS_COLUMN_BOOL },
  [SC_SOURCE_PDF_TITLE]     = { "source_pdf_title", CS_COLUMN_TEXT },
  [SC_SOURCE_TEXT]          = { "source_text", CS_COLUMN_TEXT },
  [SC_DELETED_AT]           = { "deleted_at", CS_COLUMN_TEXT },
  [SC_DELETED_BY]           = { "deleted_by", CS_COLUMN_TEXT },
  [SC_DELETION_REASON]      = { "deletion_reason", CS_COLUMN_TEXT },
  [SC_CREATED_AT]           = { "created_at", CS_COLUMN_TEXT },
  [SC_UPDATED_AT]           = { "updated_at", CS_COLUMN_TEXT },
  [SC_VERSION]              = { "version", CS_COLUMN_INT },
};

static const CsColumn persona_columns[PE_N_COLUMNS] = {
  [PE_ID]                = { "id", CS_COLUMN_TEXT },
  [PE_SCENARIO_ID]       = { "scenario_id", CS_COLUMN_TEXT },
  [PE_POSITION]          = { "position", CS_COLUMN_INT },
  [PE_NAME]              = { "name", CS_COLUMN_TEXT },
  [PE_ROLE]              = { "role", CS_COLUMN_TEXT },
  [PE_BACKGROUND]        = { "background", CS_COLUMN_TEXT },
  [PE_CORRELATION]       = { "correlation", CS_COLUMN_TEXT },
  [PE_PRIMARY_GOALS]     = { "primary_goals", CS_COLUMN_JSON },
  [PE_TRAITS]            = { "traits", CS_COLUMN_JSON },
  [PE_AVATAR_COLOR]      = { "avatar_color", CS_COLUMN_TEXT },
  [PE_AVATAR_IMAGE]      = { "avatar_image", CS_COLUMN_TEXT },
  [PE_IS_MAIN_CHARACTER] = { "is_main_character", CS_COLUMN_BOOL },
  [PE_CREATED_AT]        = { "created_at", CS_COLUMN_TEXT },
  [PE_UPDATED_AT]        = { "updated_at", CS_COLUMN_TEXT },
  [PE_VERSION]           = { "version", CS_COLUMN_INT },
};

static const CsColumn scene_columns[SN_N_COLUMNS] = {
  [SN_ID]                   = { "id", CS_COLUMN_TEXT },
  [SN_SCENARIO_ID]          = { "scenario_id", CS_COLUMN_TEXT },
  [SN_POSITION]             = { "position", CS_COLUMN_INT },
  [SN_TITLE]                = { "title", CS_COLUMN_TEXT },
  [SN_DESCRIPTION]          = { "description", CS_COLUMN_TEXT },
  [SN_USER_GOAL]            = { "user_goal", CS_COLUMN_TEXT },
  [SN_SCENE_CONTEXT]        = { "scene_context", CS_COLUMN_TEXT },
  [SN_SUCCESS_THRESHOLD]    = { "success_threshold", CS_COLUMN_REAL },
  [SN_TIMEOUT_TURNS]        = { "timeout_turns", CS_COLUMN_INT },
  [SN_MAX_ATTEMPTS]         = { "max_attempts", CS_COLUMN_INT },
  [SN_ESTIMATED_DURATION]   = { "estimated_duration", CS_COLUMN_INT },
  [SN_HINT_TRIGGERS]        = { "hint_triggers", CS_COLUMN_JSON },
  [SN_PERSONA_INSTRUCTIONS] = { "persona_instructions", CS_COLUMN_JSON },
  [SN_IMAGE]                = { "image", CS_COLUMN_TEXT },
  [SN_CREATED_AT]           = { "created_at", CS_COLUMN_TEXT },
  [SN_UPDATED_AT]           = { "updated_at", CS_COLUMN_TEXT },
  [SN_VERSION]              = { "version", CS_COLUMN_INT },
};

static const CsColumn criterion_columns[GC_N_COLUMNS] = {
  [GC_ID]       = { "id", CS_COLUMN_TEXT },
  [GC_SCENE_ID] = { "scene_id", CS_COLUMN_TEXT },
  [GC_POSITION] = { "position", CS_COLUMN_INT },
  [GC_TEXT]     = { "text", CS_COLUMN_TEXT },
  [GC_WEIGHT]   = { "weight", CS_COLUMN_REAL },
};

static const CsColumn involvement_columns[SP_N_COLUMNS] = {
  [SP_SCENE_ID]    = { "scene_id", CS_COLUMN_TEXT },
  [SP_PERSONA_ID]  = { "persona_id", CS_COLUMN_TEXT },
  [SP_POSITION]    = { "position", CS_COLUMN_INT },
  [SP_INVOLVEMENT] = { "involvement", CS_COLUMN_TEXT },
};

const CsTable cs_scenarios_table = { "scenarios", "scenario", scenario_columns, SC_N_COLUMNS };
const CsTable cs_personas_table = { "personas", "persona", persona_columns, PE_N_COLUMNS };
const CsTable cs_scenes_table = { "scenes", "scene", scene_columns, SN_N_COLUMNS };
const CsTable cs_goal_criteria_table = { "goal_criteria", NULL, criterion_columns, GC_N_COLUMNS };
const CsTable cs_scene_personas_table = { "scene_personas", NULL, involvement_columns, SP_N_COLUMNS };

static gboolean
in_list (const int *list,
         int        value)
{
  for (; list && *list >= 0; list++)
    if (*list == value)
      return TRUE;
  return FALSE;
}

char *
cs_table_select_list (const CsTable *table,
                      const char    *prefix,
                      const int     *null_columns)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < table->n_columns; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      if (in_list (null_columns, (int) i))
        g_string_append (sql, "NULL");
      else
        g_string_append_printf (sql, "%s%s%s", prefix ? prefix : "", prefix ? "." : "",
                                table->columns[i].name);
    }

  return g_string_free (sql, FALSE);
}
