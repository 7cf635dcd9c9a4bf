/* cs-pdf-worker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-import-util.h"

#include "cs-pdf-worker.h"

typedef enum {
  JOB_RENDER,   /* first: renders jump the queue */
  JOB_OPEN,
  JOB_READ,
  JOB_QUIT,
} JobKind;

typedef struct {
  JobKind            kind;
  guint64            seq;
  GTask             *task;
  /* open */
  char              *password;
  /* read */
  CsPdfReadProgress  progress;
  gpointer           progress_data;
  GMainContext      *context;
  /* render */
  guint              page;
  int                width;
} Job;

/* Shared by the object and its thread, so that the thread never keeps the object alive. */
typedef struct {
  gatomicrefcount   ref_count;
  GAsyncQueue      *queue;
  GFile            *file;
  PopplerDocument  *document;   /* only touched by the thread */
  guint64           next_seq;   /* main thread only */
  guint             n_rendered; /* atomic */
  /* written by the thread before an open completes, read on the main thread after */
  GMutex            lock;
  guint             n_pages;
  GArray           *sizes;      /* double pairs */
  GHashTable       *info;
} State;

struct _CsPdfWorker
{
  GObject  parent_instance;

  State   *state;
};

G_DEFINE_FINAL_TYPE (CsPdfWorker, cs_pdf_worker, G_TYPE_OBJECT)

/* Threads still running, so that the process does not exit under one: poppler's globals are
 * torn down at exit while a thread may still be closing its document. */
static GMutex live_lock;
static GCond live_cond;
static guint n_live;

static State *
state_ref (State *state)
{
  g_atomic_ref_count_inc (&state->ref_count);
  return state;
}

static void
state_unref (State *state)
{
  if (!g_atomic_ref_count_dec (&state->ref_count))
    return;
  g_async_queue_unref (state->queue);
  g_clear_object (&state->file);
  g_clear_object (&state->document);
  g_clear_pointer (&state->sizes, g_array_unref);
  g_clear_pointer (&state->info, g_hash_table_unref);
  g_mutex_clear (&state->lock);
  g_free (state);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  g_free (job->password);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const Job *x = a, *y = b;

  if (x->kind == JOB_RENDER && y->kind != JOB_RENDER)
    return -1;
  if (y->kind == JOB_RENDER && x->kind != JOB_RENDER)
    return 1;
  return (x->seq > y->seq) - (x->seq < y->seq);
}

static void
push_job (CsPdfWorker *self,
          Job         *job)
{
  job->seq = self->state->next_seq++;
  g_async_queue_push_sorted (self->state->queue, job, compare_jobs, NULL);
}

/* --- the thread ---------------------------------------------------------------------- */

static void
run_render (State *state,
            Job   *job)
{
  GCancellable *cancellable = g_task_get_cancellable (job->task);
  GError *error = NULL;
  cairo_surface_t *surface;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (job->task, error);
      return;
    }
  if (state->document == NULL)
    {
      g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               "The document is not open");
      return;
    }
  surface = cs_pdf_reader_render_page (state->document, job->page, job->width, &error);
  g_atomic_int_inc (&state->n_rendered);
  if (surface)
    g_task_return_pointer (job->task, surface, (GDestroyNotify) cairo_surface_destroy);
  else
    g_task_return_error (job->task, error);
}

/* Runs the renders that are waiting, between two pages of a read. */
static void
serve_renders (State *state)
{
  Job *job;

  while ((job = g_async_queue_try_pop (state->queue)))
    {
      if (job->kind != JOB_RENDER)
        {
          /* not a render: back where it was (sorting keeps its place) */
          g_async_queue_push_sorted (state->queue, job, compare_jobs, NULL);
          return;
        }
      run_render (state, job);
      job_free (job);
    }
}

static void
run_open (State *state,
          Job   *job)
{
  GCancellable *cancellable = g_task_get_cancellable (job->task);
  GError *error = NULL;
  PopplerDocument *document;
  GHashTable *info;
  GArray *sizes;
  int n_pages;

  document = cs_pdf_reader_open (state->file, job->password, cancellable, &error);
  if (document == NULL)
    {
      g_task_return_error (job->task, error);
      return;
    }

  n_pages = poppler_document_get_n_pages (document);
  sizes = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      double size[2] = { 612, 792 };

      if (page)
        poppler_page_get_size (page, &size[0], &size[1]);
      g_array_append_vals (sizes, size, 2);
    }

  info = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (info, "title", poppler_document_get_title (document));
  g_hash_table_insert (info, "author", poppler_document_get_author (document));
  g_hash_table_insert (info, "subject", poppler_document_get_subject (document));
  g_hash_table_insert (info, "keywords", poppler_document_get_keywords (document));
  g_hash_table_insert (info, "creator", poppler_document_get_creator (document));
  g_hash_table_insert (info, "producer", poppler_document_get_producer (document));
  {
    GDateTime *created = poppler_document_get_creation_date_time (document);
    GDateTime *modified = poppler_document_get_modification_date_time (document);

    if (created)
      {
        g_hash_table_insert (info, "created", g_date_time_format (created, "%x"));
        g_date_time_unref (created);
      }
    if (modified)
      {
        g_hash_table_insert (info, "modified", g_date_time_format (modified, "%x"));
        g_date_time_unref (modified);
      }
  }

  g_mutex_lock (&state->lock);
  g_clear_object (&state->document);
  state->document = document;
  state->n_pages = n_pages;
  g_clear_pointer (&state->sizes, g_array_unref);
  state->sizes = sizes;
  g_clear_pointer (&state->info, g_hash_table_unref);
  state->info = info;
  g_mutex_unlock (&state->lock);

  g_task_return_boolean (job->task, TRUE);
}

typedef struct {
  State             *state;
  Job               *job;
} ReadContext;

typedef struct {
  GTask             *task;
  CsPdfReadProgress  progress;
  gpointer           progress_data;
  guint              done;
  guint              total;
} ProgressUpdate;

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *update = data;

  /* not after the job's callback */
  if (!g_task_get_completed (update->task))
    update->progress (update->done, update->total, update->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->task);
  g_free (update);
}

static void
read_progress (guint    done,
               guint    total,
               gpointer data)
{
  ReadContext *ctx = data;

  if (ctx->job->progress)
    {
      ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

      update->task = g_object_ref (ctx->job->task);
      update->progress = ctx->job->progress;
      update->progress_data = ctx->job->progress_data;
      update->done = done;
      update->total = total;
      cs_import_invoke_later (ctx->job->context, deliver_progress, update, progress_update_free);
    }
  serve_renders (ctx->state);
}

static void
run_read (State *state,
          Job   *job)
{
  GCancellable *cancellable = g_task_get_cancellable (job->task);
  ReadContext ctx = { state, job };
  GError *error = NULL;
  CsPdfText *text;

  if (state->document == NULL)
    {
      g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               "The document is not open");
      return;
    }
  text = cs_pdf_reader_read (state->document, read_progress, &ctx, cancellable, &error);
  if (text)
    g_task_return_pointer (job->task, text, g_object_unref);
  else
    g_task_return_error (job->task, error);
}

static gpointer
worker_thread (gpointer data)
{
  State *state = data;
  gboolean quit = FALSE;

  while (!quit)
    {
      Job *job = g_async_queue_pop (state->queue);

      switch (job->kind)
        {
        case JOB_OPEN:
          run_open (state, job);
          break;
        case JOB_READ:
          run_read (state, job);
          break;
        case JOB_RENDER:
          run_render (state, job);
          break;
        case JOB_QUIT:
        default:
          quit = TRUE;
          break;
        }
      job_free (job);
    }

  /* jobs pushed after the quit cannot exist: the object is gone */
  state_unref (state);

  g_mutex_lock (&live_lock);
  n_live--;
  g_cond_broadcast (&live_cond);
  g_mutex_unlock (&live_lock);
  return NULL;
}

/* --- the object ---------------------------------------------------------------------- */

static void
cs_pdf_worker_dispose (GObject *object)
{
  CsPdfWorker *self = CS_PDF_WORKER (object);

  if (self->state)
    {
      Job *job = g_new0 (Job, 1);

      job->kind = JOB_QUIT;
      push_job (self, job);
      g_clear_pointer (&self->state, state_unref);
    }

  G_OBJECT_CLASS (cs_pdf_worker_parent_class)->dispose (object);
}

static void
cs_pdf_worker_class_init (CsPdfWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_pdf_worker_dispose;
}

static void
cs_pdf_worker_init (CsPdfWorker *self)
{
}

CsPdfWorker *
cs_pdf_worker_new (GFile *file)
{
  CsPdfWorker *self;
  State *state;
  GThread *thread;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CS_TYPE_PDF_WORKER, NULL);
  state = g_new0 (State, 1);
  g_atomic_ref_count_init (&state->ref_count);
  state->queue = g_async_queue_new ();
  state->file = g_object_ref (file);
  g_mutex_init (&state->lock);
  self->state = state;

  g_mutex_lock (&live_lock);
  n_live++;
  g_mutex_unlock (&live_lock);
  thread = g_thread_new ("cs-pdf-worker", worker_thread, state_ref (state));
  g_thread_unref (thread);
  return self;
}

gboolean
cs_pdf_worker_wait_all (guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * G_TIME_SPAN_MILLISECOND;
  gboolean done;

  g_mutex_lock (&live_lock);
  while (n_live > 0)
    if (!g_cond_wait_until (&live_cond, &live_lock, end))
      break;
  done = n_live == 0;
  g_mutex_unlock (&live_lock);
  return done;
}

GFile *
cs_pdf_worker_get_file (CsPdfWorker *self)
{
  g_return_val_if_fail (CS_IS_PDF_WORKER (self), NULL);

  return self->state->file;
}

void
cs_pdf_worker_open_async (CsPdfWorker         *self,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job;

  g_return_if_fail (CS_IS_PDF_WORKER (self));

  job = g_new0 (Job, 1);
  job->kind = JOB_OPEN;
  job->password = g_strdup (password);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, cs_pdf_worker_open_async);
  push_job (self, job);
}

gboolean
cs_pdf_worker_open_finish (CsPdfWorker   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
cs_pdf_worker_get_n_pages (CsPdfWorker *self)
{
  guint n;

  g_return_val_if_fail (CS_IS_PDF_WORKER (self), 0);

  g_mutex_lock (&self->state->lock);
  n = self->state->n_pages;
  g_mutex_unlock (&self->state->lock);
  return n;
}

void
cs_pdf_worker_get_page_size (CsPdfWorker *self,
                             guint        page,
                             double      *width,
                             double      *height)
{
  double w = 612, h = 792;

  g_return_if_fail (CS_IS_PDF_WORKER (self));

  g_mutex_lock (&self->state->lock);
  if (self->state->sizes && page < self->state->n_pages)
    {
      w = g_array_index (self->state->sizes, double, 2 * page);
      h = g_array_index (self->state->sizes, double, 2 * page + 1);
    }
  g_mutex_unlock (&self->state->lock);
  if (width)
    *width = w;
  if (height)
    *height = h;
}

const char *
cs_pdf_worker_get_info (CsPdfWorker *self,
                        const char  *key)
{
  const char *value = NULL;

  g_return_val_if_fail (CS_IS_PDF_WORKER (self), NULL);

  /* the table is replaced only by an open, which the caller waited for */
  g_mutex_lock (&self->state->lock);
  if (self->state->info)
    value = g_hash_table_lookup (self->state->info, key);
  g_mutex_unlock (&self->state->lock);
  return value && *value ? value : NULL;
}

void
cs_pdf_worker_read_async (CsPdfWorker         *self,
                          CsPdfReadProgress    progress,
                          gpointer             progress_data,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job;

  g_return_if_fail (CS_IS_PDF_WORKER (self));

  job = g_new0 (Job, 1);
  job->kind = JOB_READ;
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, cs_pdf_worker_read_async);
  push_job (self, job);
}

CsPdfText *
cs_pdf_worker_read_finish (CsPdfWorker   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
cs_pdf_worker_render_async (CsPdfWorker         *self,
                            guint                page,
                            int                  width,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (CS_IS_PDF_WORKER (self));
  g_return_if_fail (width > 0);

  job = g_new0 (Job, 1);
  job->kind = JOB_RENDER;
  job->page = page;
  job->width = width;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, cs_pdf_worker_render_async);
  push_job (self, job);
}

cairo_surface_t *
cs_pdf_worker_render_finish (CsPdfWorker   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
cs_pdf_worker_get_n_rendered (CsPdfWorker *self)
{
  g_return_val_if_fail (CS_IS_PDF_WORKER (self), 0);

  return g_atomic_int_get (&self->state->n_rendered);
}
