/* cs-run-report.c: the grades of one run of a case, scene by scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-run-report.h"

struct _CsRunReport
{
  GObject     parent_instance;

  CsScenario *scenario;
  CsProgress *progress;
  GListModel *scene_progress;
  GListModel *messages;
  GListStore *scenes;  /* CsSceneReport */
  double      overall;
};

G_DEFINE_FINAL_TYPE (CsRunReport, cs_run_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_OVERALL_SCORE,
  PROP_FINISHED,
  PROP_SCENES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_run_report_dispose (GObject *object)
{
  CsRunReport *self = CS_RUN_REPORT (object);

  g_clear_object (&self->scenario);
  g_clear_object (&self->progress);
  g_clear_object (&self->scene_progress);
  g_clear_object (&self->messages);
  g_clear_object (&self->scenes);

  G_OBJECT_CLASS (cs_run_report_parent_class)->dispose (object);
}

static void
cs_run_report_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CsRunReport *self = CS_RUN_REPORT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, cs_run_report_get_title (self));
      break;
    case PROP_OVERALL_SCORE:
      g_value_set_double (value, self->overall);
      break;
    case PROP_FINISHED:
      g_value_set_boolean (value, cs_run_report_get_finished (self));
      break;
    case PROP_SCENES:
      g_value_set_object (value, self->scenes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_run_report_class_init (CsRunReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cs_run_report_dispose;
  object_class->get_property = cs_run_report_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_OVERALL_SCORE] =
    g_param_spec_double ("overall-score", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_FINISHED] = g_param_spec_boolean ("finished", NULL, NULL, FALSE, flags);
  properties[PROP_SCENES] = g_param_spec_object ("scenes", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_run_report_init (CsRunReport *self)
{
  self->scenes = g_list_store_new (CS_TYPE_SCENE_REPORT);
}

static CsSceneProgress *
find_scene_progress (GListModel *scene_progress,
                     const char *scene_id)
{
  CsSceneProgress *found = NULL;

  /* The last one wins, should a scene have been begun twice. */
  for (guint i = 0; i < g_list_model_get_n_items (scene_progress); i++)
    {
      g_autoptr(CsSceneProgress) item = g_list_model_get_item (scene_progress, i);

      if (g_strcmp0 (cs_scene_progress_get_scene_id (item), scene_id) == 0)
        found = item;
    }
  return found;  /* the list keeps it */
}

CsRunReport *
cs_run_report_new (CsScenario *scenario,
                   CsProgress *progress,
                   GListModel *scene_progress,
                   GListModel *messages)
{
  CsRunReport *self;
  GListModel *scenes;
  guint n;
  double total = 0;

  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (CS_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (scene_progress), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (messages), NULL);

  self = g_object_new (CS_TYPE_RUN_REPORT, NULL);
  self->scenario = g_object_ref (scenario);
  self->progress = g_object_ref (progress);
  self->scene_progress = g_object_ref (scene_progress);
  self->messages = g_object_ref (messages);

  scenes = cs_scenario_get_scenes (scenario);
  n = g_list_model_get_n_items (scenes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);
      CsSceneProgress *sp = find_scene_progress (scene_progress,
                                                 cs_record_get_id (CS_RECORD (scene)));
      g_autoptr(CsSceneReport) report = cs_scene_report_new (scene, sp, messages);

      total += cs_scene_report_get_score (report);
      g_list_store_append (self->scenes, report);
    }
  self->overall = n > 0 ? total / n : 0;
  return self;
}

CsRunReport *
cs_run_report_new_for_orchestrator (CsOrchestrator *orchestrator)
{
  g_return_val_if_fail (CS_IS_ORCHESTRATOR (orchestrator), NULL);
  g_return_val_if_fail (cs_orchestrator_get_progress (orchestrator) != NULL, NULL);

  return cs_run_report_new (cs_orchestrator_get_scenario (orchestrator),
                            cs_orchestrator_get_progress (orchestrator),
                            cs_orchestrator_get_scene_progresses (orchestrator),
                            cs_orchestrator_get_messages (orchestrator));
}

CsRunReport *
cs_run_report_load (CsStore     *store,
                    CsScenario  *scenario,
                    const char  *progress_id,
                    GError     **error)
{
  g_autoptr(CsProgress) progress = NULL;
  g_autoptr(GListModel) scene_progress = NULL;
  g_autoptr(GListModel) messages = NULL;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (progress_id != NULL, NULL);

  if (!(progress = cs_store_load_progress (store, progress_id, error)) ||
      !(scene_progress = cs_store_list_scene_progress (store, progress_id, error)) ||
      !(messages = cs_store_list_messages (store, progress_id, error)))
    return NULL;
  return cs_run_report_new (scenario, progress, scene_progress, messages);
}

/* ---- the latest completed run, on a worker --------------------------------------------- */

typedef struct {
  CsStore    *store;
  CsScenario *scenario;  /* a copy, the worker's own */
} LatestJob;

static void
latest_job_free (gpointer data)
{
  LatestJob *job = data;

  g_clear_object (&job->store);
  g_clear_object (&job->scenario);
  g_free (job);
}

static void
latest_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LatestJob *job = task_data;
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(CsProgress) latest = NULL;
  GError *error = NULL;
  CsRunReport *report;

  runs = cs_store_list_progress (job->store, NULL, cs_record_get_id (CS_RECORD (job->scenario)),
                                 &error);
  if (runs == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* by attempt number: the last completed one is the latest */
  for (guint i = 0; i < g_list_model_get_n_items (runs); i++)
    {
      g_autoptr(CsProgress) run = g_list_model_get_item (runs, i);

      if (cs_progress_get_status (run) == CS_PROGRESS_STATUS_COMPLETED)
        g_set_object (&latest, run);
    }
  if (latest == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  report = cs_run_report_load (job->store, job->scenario, cs_record_get_id (CS_RECORD (latest)),
                               &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

void
cs_run_report_load_latest_async (CsStore             *store,
                                 CsScenario          *scenario,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LatestJob *job;

  g_return_if_fail (CS_IS_STORE (store));
  g_return_if_fail (CS_IS_SCENARIO (scenario));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_run_report_load_latest_async);
  job = g_new0 (LatestJob, 1);
  job->store = g_object_ref (store);
  job->scenario = cs_scenario_format_copy (scenario, FALSE);
  g_task_set_task_data (task, job, latest_job_free);
  g_task_run_in_thread (task, latest_thread);
}

CsRunReport *
cs_run_report_load_latest_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cs_run_report_load_latest_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- any saved run with its case, on a worker ------------------------------------------ */

typedef struct {
  CsStore *store;
  char    *progress_id;
} RunJob;

static void
run_job_free (gpointer data)
{
  RunJob *job = data;

  g_clear_object (&job->store);
  g_free (job->progress_id);
  g_free (job);
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunJob *job = task_data;
  g_autoptr(CsProgress) progress = NULL;
  g_autoptr(CsScenario) scenario = NULL;
  GError *error = NULL;
  CsRunReport *report = NULL;

  if ((progress = cs_store_load_progress (job->store, job->progress_id, &error)) &&
      (scenario = cs_store_load_scenario (job->store, cs_progress_get_scenario_id (progress), &error)))
    report = cs_run_report_load (job->store, scenario, job->progress_id, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

void
cs_run_report_load_run_async (CsStore             *store,
                              const char          *progress_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunJob *job;

  g_return_if_fail (CS_IS_STORE (store));
  g_return_if_fail (progress_id != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_run_report_load_run_async);
  job = g_new0 (RunJob, 1);
  job->store = g_object_ref (store);
  job->progress_id = g_strdup (progress_id);
  g_task_set_task_data (task, job, run_job_free);
  g_task_run_in_thread (task, run_thread);
}

CsRunReport *
cs_run_report_load_run_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cs_run_report_load_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

CsScenario *
cs_run_report_get_scenario (CsRunReport *self)
{
  g_return_val_if_fail (CS_IS_RUN_REPORT (self), NULL);
  return self->scenario;
}

CsProgress *
cs_run_report_get_progress (CsRunReport *self)
{
  g_return_val_if_fail (CS_IS_RUN_REPORT (self), NULL);
  return self->progress;
}

GListModel *
cs_run_report_get_messages (CsRunReport *self)
{
  g_return_val_if_fail (CS_IS_RUN_REPORT (self), NULL);
  return self->messages;
}

GListModel *
cs_run_report_get_scene_progress (CsRunReport *self)
{
  g_return_val_if_fail (CS_IS_RUN_REPORT (self), NULL);
  return self->scene_progress;
}

GListModel *
cs_run_report_get_scenes (CsRunReport *self)
{
  g_return_val_if_fail (CS_IS_RUN_REPORT (self), NULL);
  return G_LIST_MODEL (self->scenes);
}

const char *
cs_run_report_get_title (CsRunReport *self)
{
  g_return_val_if_fail (CS_IS_RUN_REPORT (self), NULL);
  return cs_scenario_get_title (self->scenario);
}

double
cs_run_report_get_overall_score (CsRunReport *self)
{
  g_return_val_if_fail (CS_IS_RUN_REPORT (self), 0);
  return self->overall;
}

gboolean
cs_run_report_get_finished (CsRunReport *self)
{
  g_return_val_if_fail (CS_IS_RUN_REPORT (self), FALSE);
  return cs_progress_get_status (self->progress) == CS_PROGRESS_STATUS_COMPLETED;
}

char *
cs_run_report_dup_unfinished_note (CsRunReport *self)
{
  GListModel *scenes;
  guint n, not_reached = 0;

  g_return_val_if_fail (CS_IS_RUN_REPORT (self), NULL);

  if (cs_run_report_get_finished (self))
    return NULL;
  scenes = cs_run_report_get_scenes (self);
  n = g_list_model_get_n_items (scenes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsSceneReport) scene = g_list_model_get_item (scenes, i);

      not_reached += !cs_scene_report_get_played (scene);
    }
  if (not_reached == 0)
    return g_strdup (_("This run is not finished yet, so these are the scores so far."));
  return g_strdup_printf (ngettext ("This run is not finished yet. %u scene has not been "
                                    "reached, so it counts as 0%% in the overall score.",
                                    "This run is not finished yet. %u scenes have not been "
                                    "reached, so they count as 0%% in the overall score.",
                                    not_reached),
                          not_reached);
}

/* The sum of @getter over the scenes. */
static int
sum_scenes (CsRunReport *self,
            int        (*getter) (CsSceneReport *))
{
  int total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->scenes)); i++)
    {
      g_autoptr(CsSceneReport) scene = g_list_model_get_item (G_LIST_MODEL (self->scenes), i);

      total += getter (scene);
    }
  return total;
}

int
cs_run_report_get_turns (CsRunReport *self)
{
  g_return_val_if_fail (CS_IS_RUN_REPORT (self), 0);
  return sum_scenes (self, cs_scene_report_get_turns);
}

int
cs_run_report_get_hints_used (CsRunReport *self)
{
  g_return_val_if_fail (CS_IS_RUN_REPORT (self), 0);
  return sum_scenes (self, cs_scene_report_get_hints_used);
}

static int
scene_forced (CsSceneReport *scene)
{
  return cs_scene_report_get_forced (scene) ? 1 : 0;
}

static int
scene_passed (CsSceneReport *scene)
{
  return cs_scene_report_get_passed (scene) ? 1 : 0;
}

int
cs_run_report_get_forced_scenes (CsRunReport *self)
{
  g_return_val_if_fail (CS_IS_RUN_REPORT (self), 0);
  return sum_scenes (self, scene_forced);
}

guint
cs_run_report_get_passed_scenes (CsRunReport *self)
{
  g_return_val_if_fail (CS_IS_RUN_REPORT (self), 0);
  return (guint) sum_scenes (self, scene_passed);
}
