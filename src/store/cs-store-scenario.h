/* cs-store-scenario.h: scenario rows of the local library (private to src/store)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include <json-glib/json-glib.h>

#include "cs-model.h"
#include "cs-store-tables.h"

G_BEGIN_DECLS

/* Object data set on list summaries (which have no children and no source text), so that
 * saving one is refused instead of deleting its children. */
#define CS_STORE_SUMMARY_KEY "cs-store-summary"

/* A copy of a scenario with its personas, scenes, criteria and involvements as plain rows.
 * Made on the thread that owns the model objects, written on any thread. */
typedef struct _CsScenarioRows CsScenarioRows;

/* NULL with an error when @scenario is a list summary (loaded without its children). */
CsScenarioRows *cs_scenario_rows_new            (CsScenario      *scenario,
                                                 GError         **error);
const char     *cs_scenario_rows_get_id         (CsScenarioRows  *rows);
void            cs_scenario_rows_free           (CsScenarioRows  *rows);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsScenarioRows, cs_scenario_rows_free)

/* The functions below run inside a transaction the caller holds (writes) or not (reads). */

/* Upserts every row whose version differs from the stored one, deletes stored children
 * that are not in @rows, and appends one outbox entry per written or deleted row.
 * @changed tells whether anything was written. */
gboolean        cs_store_db_write_scenario      (sqlite3         *db,
                                                 CsScenarioRows  *rows,
                                                 gboolean        *changed,
                                                 GError         **error);
gboolean        cs_store_db_scenario_exists     (sqlite3         *db,
                                                 const char      *id,
                                                 gboolean        *exists,
                                                 GError         **error);
CsScenario     *cs_store_db_load_scenario       (sqlite3         *db,
                                                 const char      *id,
                                                 GError         **error);
/* Summaries: live ones newest updated first, or deleted ones newest deleted first. */
GListModel     *cs_store_db_list_scenarios      (sqlite3         *db,
                                                 gboolean         deleted,
                                                 GError         **error);
GListModel     *cs_store_db_search_scenarios    (sqlite3         *db,
                                                 const char      *query,
                                                 GError         **error);
/* The FTS5 expression for @query: each word as a quoted prefix token, all required.
 * NULL when the query has no word. */
char           *cs_store_build_match            (const char      *query);
/* Sets (@deleted TRUE) or clears the soft deletion; nothing changes when the scenario is
 * already in that state. CS_STORE_ERROR_NOT_FOUND for an unknown id. */
gboolean        cs_store_db_set_deleted         (sqlite3         *db,
                                                 const char      *id,
                                                 gboolean         deleted,
                                                 const char      *deleted_by,
                                                 const char      *reason,
                                                 gboolean        *changed,
                                                 GError         **error);

/* Inserts @row into @table, updating the row of the same id when it has one (tables keyed
 * by "id"; others are plainly inserted). No outbox entry. */
gboolean        cs_store_db_upsert_row          (sqlite3         *db,
                                                 const CsTable   *table,
                                                 JsonObject      *row,
                                                 GError         **error);

G_END_DECLS
