/* cs-run-writer.h: the writes of a run, in order, on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One worker thread per writer takes the writes in the order they were queued, each one
 * cs_store_save_run() transaction. What is written is a snapshot of the objects taken when
 * the write is queued, so the caller goes on changing its own objects meanwhile. The
 * orchestrator waits for each write before the next step of a turn, so a crash loses at
 * most the write in flight.
 */
#pragma once

#include <gio/gio.h>

#include "cs-model.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_RUN_WRITER (cs_run_writer_get_type ())
G_DECLARE_FINAL_TYPE (CsRunWriter, cs_run_writer, CS, RUN_WRITER, GObject)

CsRunWriter *cs_run_writer_new          (CsStore             *store);
CsStore     *cs_run_writer_get_store    (CsRunWriter         *self);
/* Queues a write of @progress, @scene_progress and @messages (complete ones) as
 * cs_store_save_run() does; @callback runs on the caller's thread-default main context
 * once it is written. */
void         cs_run_writer_save_async   (CsRunWriter         *self,
                                         CsProgress          *progress,
                                         CsSceneProgress    **scene_progress,
                                         guint                n_scene_progress,
                                         CsMessage          **messages,
                                         guint                n_messages,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean     cs_run_writer_save_finish  (CsRunWriter         *self,
                                         GAsyncResult        *result,
                                         GError             **error);
/* Waits until every queued write is done, then writes on the calling thread (for the
 * single write that opens a run, which its caller needs done at once). */
gboolean     cs_run_writer_save         (CsRunWriter         *self,
                                         CsProgress          *progress,
                                         CsSceneProgress    **scene_progress,
                                         guint                n_scene_progress,
                                         CsMessage          **messages,
                                         guint                n_messages,
                                         GError             **error);
/* Blocks until every queued write is done. */
void         cs_run_writer_flush        (CsRunWriter         *self);
/* A copy of @record with the same id, version, times and properties, for another thread. */
gpointer     cs_run_writer_snapshot     (gpointer             record);

G_END_DECLS
