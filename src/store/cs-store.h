/* cs-store.h: the embedded local library (SQLite)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SQLite database in WAL mode, migrations from resources/sql/local applied in order at
 * open. Every public write is one transaction. Every write of a syncing row also appends
 * to the outbox, in the same transaction. The store is thread-safe (one connection, a
 * mutex); the _async variants run the same calls on a GTask thread.
 */
#pragma once

#include <gio/gio.h>

#include "cs-model.h"

G_BEGIN_DECLS

#define CS_STORE_ERROR (cs_store_error_quark ())

typedef enum {
  CS_STORE_ERROR_FAILED,        /* any other SQLite error */
  CS_STORE_ERROR_NEWER_SCHEMA,  /* the database was made by a newer Case Studio */
  CS_STORE_ERROR_LOCKED,        /* another program holds a write lock too long */
  CS_STORE_ERROR_READ_ONLY,     /* the file or folder cannot be written */
  CS_STORE_ERROR_FULL,          /* the disk is full */
  CS_STORE_ERROR_CORRUPT,       /* not a database, or damaged */
  CS_STORE_ERROR_NOT_FOUND,     /* no such scenario */
} CsStoreError;

GQuark cs_store_error_quark (void);

#define CS_TYPE_STORE (cs_store_get_type ())
G_DECLARE_FINAL_TYPE (CsStore, cs_store, CS, STORE, GObject)

/* $XDG_DATA_HOME/case-studio/library.db (the folder is created when missing). */
char       *cs_store_dup_default_path   (void);

/* Opens (creating when missing) and migrates. "path" is a construct-only property. */
CsStore    *cs_store_open               (const char    *path,
                                         GError       **error);
const char *cs_store_get_path           (CsStore       *self);
int         cs_store_get_schema_version (CsStore       *self);

/* Scenarios. save writes the scenario, its personas, scenes, criteria and involvements in
 * one transaction, deleting children that are no longer in the model, and appends an outbox
 * entry per changed row. Emits "scenario-changed" (id) after commit. */
gboolean    cs_store_save_scenario      (CsStore       *self,
                                         CsScenario    *scenario,
                                         GError       **error);
/* Adds a scenario read from a file. When the library already has its id, a copy with new
 * ids is saved instead (nothing is overwritten) and *copied is set. Returns the saved
 * scenario (@scenario itself or the copy). */
CsScenario *cs_store_import_scenario    (CsStore       *self,
                                         CsScenario    *scenario,
                                         gboolean      *copied,
                                         GError       **error);
/* Full load with children; also loads soft-deleted ones. */
CsScenario *cs_store_load_scenario      (CsStore       *self,
                                         const char    *id,
                                         GError       **error);
/* Summaries (no children; n-personas/n-scenes set), not deleted, newest updated first. */
GListModel *cs_store_list_scenarios     (CsStore       *self,
                                         GError       **error);
GListModel *cs_store_list_deleted       (CsStore       *self,
                                         GError       **error);
/* Full-text search (FTS5, prefix matching on each word) over title, description and tags;
 * summaries ranked best first. An empty query lists everything. */
GListModel *cs_store_search_scenarios   (CsStore       *self,
                                         const char    *query,
                                         GError       **error);
gboolean    cs_store_delete_scenario    (CsStore       *self,
                                         const char    *id,
                                         const char    *deleted_by,
                                         const char    *reason,
                                         GError       **error);
gboolean    cs_store_restore_scenario   (CsStore       *self,
                                         const char    *id,
                                         GError       **error);

/* Runs of the simulation (cs-store-progress.c). save_run writes @progress, then each scene
 * progress (upserts), then each message (complete ones only; a message already stored is
 * left as it is: the conversation is append-only), in one transaction, with an outbox
 * entry per written row. */
gboolean    cs_store_save_run            (CsStore          *self,
                                          CsProgress       *progress,
                                          CsSceneProgress **scene_progress,
                                          guint             n_scene_progress,
                                          CsMessage       **messages,
                                          guint             n_messages,
                                          GError          **error);
/* CS_STORE_ERROR_NOT_FOUND for an unknown id. */
CsProgress *cs_store_load_progress       (CsStore          *self,
                                          const char       *id,
                                          GError          **error);
/* The runs of @user_id (NULL: the local user) through @scenario_id, by attempt number. */
GListModel *cs_store_list_progress       (CsStore          *self,
                                          const char       *user_id,
                                          const char       *scenario_id,
                                          GError          **error);
/* CsSceneProgress of a run, in the order they were made. */
GListModel *cs_store_list_scene_progress (CsStore          *self,
                                          const char       *progress_id,
                                          GError          **error);
/* CsMessage of a run, by position. */
GListModel *cs_store_list_messages       (CsStore          *self,
                                          const char       *progress_id,
                                          GError          **error);

/* Outbox for sync */
gint64      cs_store_count_outbox       (CsStore       *self,
                                         GError       **error);

/* Small key/value settings of this library (e.g. "sample-installed"). */
char       *cs_store_dup_meta           (CsStore       *self,
                                         const char    *key);
gboolean    cs_store_set_meta           (CsStore       *self,
                                         const char    *key,
                                         const char    *value,
                                         GError       **error);

/* Puts the bundled sample case into the library the first time; later calls (even after
 * the user deleted it) do nothing. Returns TRUE on success or when nothing was to do. */
gboolean    cs_store_ensure_sample      (CsStore       *self,
                                         GError       **error);

/* Async wrappers for the UI (same semantics, run on a worker thread). */
void        cs_store_save_scenario_async     (CsStore             *self,
                                              CsScenario          *scenario,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean    cs_store_save_scenario_finish    (CsStore             *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void        cs_store_load_scenario_async     (CsStore             *self,
                                              const char          *id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
CsScenario *cs_store_load_scenario_finish    (CsStore             *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void        cs_store_search_scenarios_async  (CsStore             *self,
                                              const char          *query,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GListModel *cs_store_search_scenarios_finish (CsStore             *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
