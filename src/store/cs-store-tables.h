/* cs-store-tables.h: column lists of the synced tables (private to src/store)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order of each list is the order of the INSERT and SELECT statements the store
 * builds, so a column is read back by its enum value. Must match resources/sql/local.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CS_COLUMN_TEXT,
  CS_COLUMN_INT,
  CS_COLUMN_REAL,
  CS_COLUMN_BOOL,
  CS_COLUMN_JSON,   /* JSON text; an array or object in rows and outbox payloads */
} CsColumnKind;

typedef struct {
  const char   *name;
  CsColumnKind  kind;
} CsColumn;

typedef struct {
  const char     *name;
  const char     *entity;     /* in the outbox; NULL for parts of a scene */
  const CsColumn *columns;
  guint           n_columns;
} CsTable;

enum {
  SC_ID, SC_TITLE, SC_DESCRIPTION, SC_CHALLENGE, SC_INDUSTRY, SC_STUDENT_ROLE, SC_CATEGORY,
  SC_DIFFICULTY, SC_ESTIMATED_DURATION, SC_TAGS, SC_LEARNING_OUTCOMES, SC_STATUS,
  SC_PUBLISHED_VERSION_ID, SC_DRAFT_OF_ID, SC_OWNER_ID, SC_IS_PUBLIC, SC_ALLOW_REMIXES,
  SC_SOURCE_PDF_TITLE, SC_SOURCE_TEXT, SC_DELETED_AT, SC_DELETED_BY, SC_DELETION_REASON,
  SC_CREATED_AT, SC_UPDATED_AT, SC_VERSION,
  SC_N_COLUMNS
};

enum {
  PE_ID, PE_SCENARIO_ID, PE_POSITION, PE_NAME, PE_ROLE, PE_BACKGROUND, PE_CORRELATION,
  PE_PRIMARY_GOALS, PE_TRAITS, PE_AVATAR_COLOR, PE_AVATAR_IMAGE, PE_IS_MAIN_CHARACTER,
  PE_CREATED_AT, PE_UPDATED_AT, PE_VERSION,
  PE_N_COLUMNS
};

enum {
  SN_ID, SN_SCENARIO_ID, SN_POSITION, SN_TITLE, SN_DESCRIPTION, SN_USER_GOAL,
  SN_SCENE_CONTEXT, SN_SUCCESS_THRESHOLD, SN_TIMEOUT_TURNS, SN_MAX_ATTEMPTS,
  SN_ESTIMATED_DURATION, SN_HINT_TRIGGERS, SN_PERSONA_INSTRUCTIONS, SN_IMAGE,
  SN_CREATED_AT, SN_UPDATED_AT, SN_VERSION,
  SN_N_COLUMNS
};

enum { GC_ID, GC_SCENE_ID, GC_POSITION, GC_TEXT, GC_WEIGHT, GC_N_COLUMNS };

enum { SP_SCENE_ID, SP_PERSONA_ID, SP_POSITION, SP_INVOLVEMENT, SP_N_COLUMNS };

extern const CsTable cs_scenarios_table;
extern const CsTable cs_personas_table;
extern const CsTable cs_scenes_table;
extern const CsTable cs_goal_criteria_table;
extern const CsTable cs_scene_personas_table;

/* "p.id, p.title, …" (@prefix may be NULL). Columns in @null_columns (a -1 terminated
 * list) are selected as NULL, e.g. the large source text in summaries. */
char *cs_table_select_list (const CsTable *table,
                            const char    *prefix,
                            const int     *null_columns);

G_END_DECLS
