/* cs-run-writer.c: the writes of a run, in order, on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GThreadPool of one thread runs the jobs in the order they were pushed. Each job owns
 * its snapshots, so the worker never touches an object the caller can see. "pending"
 * counts the jobs not finished yet, for flush().
 */

#include "config.h"

#include "cs-run-writer.h"

struct _CsRunWriter
{
  GObject      parent_instance;

  CsStore     *store;
  GThreadPool *pool;
  GMutex       mutex;
  GCond        done;
  guint        pending;
};

G_DEFINE_FINAL_TYPE (CsRunWriter, cs_run_writer, G_TYPE_OBJECT)

typedef struct {
  GTask      *task;
  CsProgress *progress;
  GPtrArray  *scene_progress;  /* CsSceneProgress snapshots */
  GPtrArray  *messages;        /* CsMessage snapshots */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->progress);
  g_clear_pointer (&job->scene_progress, g_ptr_array_unref);
  g_clear_pointer (&job->messages, g_ptr_array_unref);
  g_free (job);
}

gpointer
cs_run_writer_snapshot (gpointer record)
{
  GObjectClass *klass;
  g_autofree GParamSpec **specs = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  guint n_specs;
  CsRecord *copy;

  g_return_val_if_fail (CS_IS_RECORD (record), NULL);

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);
  klass = G_OBJECT_GET_CLASS (record);
  specs = g_object_class_list_properties (klass, &n_specs);
  for (guint i = 0; i < n_specs; i++)
    {
      GValue value = G_VALUE_INIT;

      if ((specs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;
      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (record, specs[i]->name, &value);
      g_ptr_array_add (names, (gpointer) specs[i]->name);
      g_array_append_val (values, value);
    }
  /* properties given at construction are not edits: the version stays as it is set below */
  copy = CS_RECORD (g_object_new_with_properties (G_OBJECT_TYPE (record), names->len,
                                                  (const char **) names->pdata,
                                                  (const GValue *) values->data));
  cs_record_freeze_tracking (copy);
  cs_record_set_version (copy, cs_record_get_version (record));
  cs_record_set_updated_at (copy, cs_record_get_updated_at (record));
  cs_record_thaw_tracking (copy);
  return copy;
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  CsRunWriter *self = user_data;
  GError *error = NULL;

  if (cs_store_save_run (self->store, job->progress,
                         (CsSceneProgress **) job->scene_progress->pdata, job->scene_progress->len,
                         (CsMessage **) job->messages->pdata, job->messages->len, &error))
    g_task_return_boolean (job->task, TRUE);
  else
    g_task_return_error (job->task, error);
  g_clear_object (&job->task);
  job_free (job);

  g_mutex_lock (&self->mutex);
  self->pending--;
  g_cond_broadcast (&self->done);
  g_mutex_unlock (&self->mutex);
}

static GPtrArray *
snapshots (gpointer *records,
           guint     n)
{
  GPtrArray *copies = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (copies, cs_run_writer_snapshot (records[i]));
  return copies;
}

void
cs_run_writer_save_async (CsRunWriter         *self,
                          CsProgress          *progress,
                          CsSceneProgress    **scene_progress,
                          guint                n_scene_progress,
                          CsMessage          **messages,
                          guint                n_messages,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CS_IS_RUN_WRITER (self));
  g_return_if_fail (CS_IS_PROGRESS (progress));

  job = g_new0 (Job, 1);
  job->task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (job->task, cs_run_writer_save_async);
  job->progress = cs_run_writer_snapshot (progress);
  job->scene_progress = snapshots ((gpointer *) scene_progress, n_scene_progress);
  job->messages = snapshots ((gpointer *) messages, n_messages);

  g_mutex_lock (&self->mutex);
  self->pending++;
  g_mutex_unlock (&self->mutex);
  /* the task keeps the writer (its source object) alive until the job is done */
  if (!g_thread_pool_push (self->pool, job, &error))
    {
      g_task_return_error (job->task, g_steal_pointer (&error));
      g_clear_object (&job->task);
      job_free (job);
      g_mutex_lock (&self->mutex);
      self->pending--;
      g_cond_broadcast (&self->done);
      g_mutex_unlock (&self->mutex);
    }
}

gboolean
cs_run_writer_save_finish (CsRunWriter   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cs_run_writer_flush (CsRunWriter *self)
{
  g_return_if_fail (CS_IS_RUN_WRITER (self));

  g_mutex_lock (&self->mutex);
  while (self->pending > 0)
    g_cond_wait (&self->done, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

gboolean
cs_run_writer_save (CsRunWriter      *self,
                    CsProgress       *progress,
                    CsSceneProgress **scene_progress,
                    guint             n_scene_progress,
                    CsMessage       **messages,
                    guint             n_messages,
                    GError          **error)
{
  g_return_val_if_fail (CS_IS_RUN_WRITER (self), FALSE);

  cs_run_writer_flush (self);
  return cs_store_save_run (self->store, progress, scene_progress, n_scene_progress,
                            messages, n_messages, error);
}

CsStore *
cs_run_writer_get_store (CsRunWriter *self)
{
  g_return_val_if_fail (CS_IS_RUN_WRITER (self), NULL);

  return self->store;
}

static void
cs_run_writer_dispose (GObject *object)
{
  CsRunWriter *self = CS_RUN_WRITER (object);

  /* Every job holds a reference through its task: nothing is queued any more. */
  if (self->pool != NULL)
    {
      g_thread_pool_free (self->pool, FALSE, TRUE);
      self->pool = NULL;
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_run_writer_parent_class)->dispose (object);
}

static void
cs_run_writer_finalize (GObject *object)
{
  CsRunWriter *self = CS_RUN_WRITER (object);

  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->done);

  G_OBJECT_CLASS (cs_run_writer_parent_class)->finalize (object);
}

static void
cs_run_writer_class_init (CsRunWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_run_writer_dispose;
  object_class->finalize = cs_run_writer_finalize;
}

static void
cs_run_writer_init (CsRunWriter *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->done);
  /* one thread: the writes happen in the order they were queued */
  self->pool = g_thread_pool_new (run_job, self, 1, FALSE, NULL);
}

CsRunWriter *
cs_run_writer_new (CsStore *store)
{
  CsRunWriter *self;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  self = g_object_new (CS_TYPE_RUN_WRITER, NULL);
  self->store = g_object_ref (store);
  return self;
}
