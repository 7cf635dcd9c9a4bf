/* cs-orchestrator.c: one run of a simulation: turns, addressing, goal judging, hints and
 * forced progression, saved as it happens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A turn is a chain of provider calls on the caller's main context: the student's message is
 * saved, each answering persona streams its reply (saved when complete), then the judge
 * scores the scene and the outcome (summary and next scene, hint, "Time's up") is saved
 * with the scores in one transaction. The run's own state (scene index, failed checks in a
 * row) lives in the progress' orchestrator state, so a run resumes from the store alone.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cs-hint-trigger.h"
#include "cs-judge-schema.h"
#include "cs-mention.h"
#include "cs-orchestrator.h"
#include "cs-retriever.h"
#include "cs-run-writer.h"
#include "cs-text-util.h"
#include "cs-turn-context.h"

/* Failed checks in a row before a hint. */
#define HINT_AFTER_FAILURES 2

/* The most messages a persona's request or the judge's transcript carries: the latest ones.
 * A scene ends within its turn limit long before, but a run has no end, and neither a
 * model's context nor the time of a turn should grow with it. */
#define HISTORY_WINDOW 200

struct _CsOrchestrator
{
  GObject        parent_instance;

  CsScenario    *scenario;
  CsLlmProvider *provider;
  CsStore       *store;
  CsRunWriter   *writer;          /* the store's writes, off the main thread */

  CsProgress    *progress;
  GListStore    *messages;        /* CsMessage */
  GListStore    *scene_progress;  /* CsSceneProgress, one per scene begun */
  GPtrArray     *unsaved;         /* complete CsMessage not yet in the store */
  GHashTable    *saved_versions;  /* scene progress id → version last saved */
  guint          scene_index;
  guint          scene_start;     /* position of the current scene's first message */
  GString       *scene_transcript;  /* its student messages, normalised, one a line */
  CsRetriever   *retriever;       /* over the case text, built on the first persona turn */
  gboolean       retriever_failed;
  gboolean       begun;
  int            failures;        /* failed checks in a row in the current scene */
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (CsOrchestrator, cs_orchestrator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_PROVIDER,
  PROP_STORE,
  PROP_PROGRESS,
  PROP_CURRENT_SCENE,
  PROP_BUSY,
  N_PROPS
};

enum {
  DELTA,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- GObject -------------------------------------------------------------------------- */

static void
cs_orchestrator_dispose (GObject *object)
{
  CsOrchestrator *self = CS_ORCHESTRATOR (object);

  g_clear_object (&self->scenario);
  g_clear_object (&self->provider);
  /* what is queued is written before the run goes away */
  if (self->writer != NULL)
    cs_run_writer_flush (self->writer);
  g_clear_object (&self->writer);
  g_clear_object (&self->store);
  g_clear_object (&self->progress);
  g_clear_object (&self->messages);
  g_clear_object (&self->scene_progress);
  g_clear_pointer (&self->unsaved, g_ptr_array_unref);
  g_clear_object (&self->retriever);

  G_OBJECT_CLASS (cs_orchestrator_parent_class)->dispose (object);
}

static void
cs_orchestrator_finalize (GObject *object)
{
  CsOrchestrator *self = CS_ORCHESTRATOR (object);

  g_clear_pointer (&self->saved_versions, g_hash_table_unref);
  g_string_free (self->scene_transcript, TRUE);

  G_OBJECT_CLASS (cs_orchestrator_parent_class)->finalize (object);
}

static void
cs_orchestrator_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsOrchestrator *self = CS_ORCHESTRATOR (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_PROVIDER:
      g_value_set_object (value, self->provider);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PROGRESS:
      g_value_set_object (value, self->progress);
      break;
    case PROP_CURRENT_SCENE:
      g_value_set_object (value, cs_orchestrator_get_current_scene (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_orchestrator_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CsOrchestrator *self = CS_ORCHESTRATOR (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      self->scenario = g_value_dup_object (value);
      break;
    case PROP_PROVIDER:
      self->provider = g_value_dup_object (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      if (self->store != NULL)
        self->writer = cs_run_writer_new (self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_orchestrator_class_init (CsOrchestratorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS;
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cs_orchestrator_dispose;
  object_class->finalize = cs_orchestrator_finalize;
  object_class->get_property = cs_orchestrator_get_property;
  object_class->set_property = cs_orchestrator_set_property;

  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, CS_TYPE_SCENARIO, construct);
  properties[PROP_PROVIDER] =
    g_param_spec_object ("provider", NULL, NULL, CS_TYPE_LLM_PROVIDER, construct);
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CS_TYPE_STORE, construct);
  properties[PROP_PROGRESS] =
    g_param_spec_object ("progress", NULL, NULL, CS_TYPE_PROGRESS, readable);
  properties[PROP_CURRENT_SCENE] =
    g_param_spec_object ("current-scene", NULL, NULL, CS_TYPE_SCENE, readable);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DELTA] =
    g_signal_new ("delta",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CS_TYPE_MESSAGE, G_TYPE_STRING);
}

static void
cs_orchestrator_init (CsOrchestrator *self)
{
  self->messages = g_list_store_new (CS_TYPE_MESSAGE);
  self->scene_progress = g_list_store_new (CS_TYPE_SCENE_PROGRESS);
  self->unsaved = g_ptr_array_new_with_free_func (g_object_unref);
  self->saved_versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->scene_transcript = g_string_new (NULL);
}

/* ---- accessors ------------------------------------------------------------------------ */

CsOrchestrator *
cs_orchestrator_new (CsScenario    *scenario,
                     CsLlmProvider *provider,
                     CsStore       *store)
{
  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (CS_IS_LLM_PROVIDER (provider), NULL);
  g_return_val_if_fail (store == NULL || CS_IS_STORE (store), NULL);

  return g_object_new (CS_TYPE_ORCHESTRATOR,
                       "scenario", scenario,
                       "provider", provider,
                       "store", store,
                       NULL);
}

CsScenario *
cs_orchestrator_get_scenario (CsOrchestrator *self)
{
  g_return_val_if_fail (CS_IS_ORCHESTRATOR (self), NULL);

  return self->scenario;
}

CsProgress *
cs_orchestrator_get_progress (CsOrchestrator *self)
{
  g_return_val_if_fail (CS_IS_ORCHESTRATOR (self), NULL);

  return self->progress;
}

static CsScene *
scene_at (CsOrchestrator *self,
          guint           index)
{
  g_autoptr(CsScene) scene =
    g_list_model_get_item (cs_scenario_get_scenes (self->scenario), index);

  return scene;  /* the scenario keeps it */
}

CsScene *
cs_orchestrator_get_current_scene (CsOrchestrator *self)
{
  g_return_val_if_fail (CS_IS_ORCHESTRATOR (self), NULL);

  if (!self->begun)
    return NULL;
  return scene_at (self, self->scene_index);
}

CsSceneProgress *
cs_orchestrator_get_scene_progress (CsOrchestrator *self)
{
  guint n;
  g_autoptr(CsSceneProgress) last = NULL;

  g_return_val_if_fail (CS_IS_ORCHESTRATOR (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->scene_progress));
  if (!self->begun || n == 0)
    return NULL;
  last = g_list_model_get_item (G_LIST_MODEL (self->scene_progress), n - 1);
  return last;  /* the list keeps it */
}

GListModel *
cs_orchestrator_get_scene_progresses (CsOrchestrator *self)
{
  g_return_val_if_fail (CS_IS_ORCHESTRATOR (self), NULL);

  return G_LIST_MODEL (self->scene_progress);
}

GListModel *
cs_orchestrator_get_messages (CsOrchestrator *self)
{
  g_return_val_if_fail (CS_IS_ORCHESTRATOR (self), NULL);

  return G_LIST_MODEL (self->messages);
}

gboolean
cs_orchestrator_get_busy (CsOrchestrator *self)
{
  g_return_val_if_fail (CS_IS_ORCHESTRATOR (self), FALSE);

  return self->busy;
}

static void
set_busy (CsOrchestrator *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- state and saving ----------------------------------------------------------------- */

static char *
state_to_json (CsOrchestrator *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "scene_index");
  json_builder_add_int_value (builder, self->scene_index);
  json_builder_set_member_name (builder, "begun");
  json_builder_add_boolean_value (builder, self->begun);
  json_builder_set_member_name (builder, "failures");
  json_builder_add_int_value (builder, self->failures);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
state_from_json (CsOrchestrator *self,
                 const char     *json)
{
  g_autoptr(JsonNode) root = json != NULL ? json_from_string (json, NULL) : NULL;
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  self->scene_index = (guint) MAX (0, json_object_get_int_member_with_default (object,
                                                                              "scene_index",
                                                                              0));
  self->begun = json_object_get_boolean_member_with_default (object, "begun", FALSE);
  self->failures = (int) json_object_get_int_member_with_default (object, "failures", 0);
}

/* What the next write takes: the progress (its state and activity brought up to date), the
 * scene progress that changed since the last write and the new messages. Both arrays are
 * taken from the run's bookkeeping: what is written is no longer "unsaved". */
typedef struct {
  GPtrArray *changed;   /* CsSceneProgress */
  GPtrArray *messages;  /* CsMessage */
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_pointer (&pending->changed, g_ptr_array_unref);
  g_clear_pointer (&pending->messages, g_ptr_array_unref);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static Pending *
take_pending (CsOrchestrator *self)
{
  g_autofree char *state = state_to_json (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  Pending *pending = g_new0 (Pending, 1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->scene_progress));

  if (g_strcmp0 (state, cs_progress_get_orchestrator_state (self->progress)) != 0)
    cs_progress_set_orchestrator_state (self->progress, state);
  cs_progress_set_last_activity (self->progress, now);

  pending->changed = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsSceneProgress) progress =
        g_list_model_get_item (G_LIST_MODEL (self->scene_progress), i);
      const char *id = cs_record_get_id (CS_RECORD (progress));
      gint64 *saved = g_hash_table_lookup (self->saved_versions, id);

      if (saved == NULL || *saved != cs_record_get_version (CS_RECORD (progress)))
        g_ptr_array_add (pending->changed, g_steal_pointer (&progress));
    }
  for (guint i = 0; i < pending->changed->len; i++)
    {
      CsRecord *record = g_ptr_array_index (pending->changed, i);

      g_hash_table_insert (self->saved_versions, g_strdup (cs_record_get_id (record)),
                           g_memdup2 (&(gint64) { cs_record_get_version (record) },
                                      sizeof (gint64)));
    }
  pending->messages = g_steal_pointer (&self->unsaved);
  self->unsaved = g_ptr_array_new_with_free_func (g_object_unref);
  return pending;
}

/* A write failed: what it had is unsaved again, for the next one to retry. */
static void
restore_pending (CsOrchestrator *self,
                 Pending        *pending)
{
  for (guint i = 0; i < pending->changed->len; i++)
    g_hash_table_remove (self->saved_versions,
                         cs_record_get_id (g_ptr_array_index (pending->changed, i)));
  g_ptr_array_extend_and_steal (pending->messages, g_steal_pointer (&self->unsaved));
  self->unsaved = g_steal_pointer (&pending->messages);
}

/* Writes the progress, the scene progress that changed and the new messages, in one
 * transaction, on the calling thread (after the writes still queued). Without a store,
 * forgets what was unsaved. */
static gboolean
save (CsOrchestrator  *self,
      GError         **error)
{
  g_autoptr(Pending) pending = take_pending (self);

  if (self->writer != NULL &&
      !cs_run_writer_save (self->writer, self->progress,
                           (CsSceneProgress **) pending->changed->pdata, pending->changed->len,
                           (CsMessage **) pending->messages->pdata, pending->messages->len,
                           error))
    {
      restore_pending (self, pending);
      return FALSE;
    }
  return TRUE;
}

/* What comes after a write in a turn; @error is the write's, NULL when it succeeded. */
typedef void (*AfterSave) (GTask  *task,
                           GError *error);

typedef struct {
  GTask     *task;
  AfterSave  next;
  Pending   *pending;
} SaveStep;

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SaveStep *step = user_data;
  g_autoptr(GTask) task = step->task;
  CsOrchestrator *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!cs_run_writer_save_finish (CS_RUN_WRITER (source), result, &error))
    restore_pending (self, step->pending);
  pending_free (step->pending);
  step->next (task, error);
  g_free (step);
}

/* The same as save(), on the writer's thread; @next runs once it is written. The turn
 * waits for each write before it goes on, so at most one write of a run is in flight. */
static void
save_then (CsOrchestrator *self,
           GTask          *task,
           AfterSave       next)
{
  g_autoptr(Pending) pending = take_pending (self);
  SaveStep *step;

  if (self->writer == NULL)
    {
      next (task, NULL);
      return;
    }
  step = g_new0 (SaveStep, 1);
  step->task = g_object_ref (task);
  step->next = next;
  step->pending = g_steal_pointer (&pending);
  cs_run_writer_save_async (self->writer, self->progress,
                            (CsSceneProgress **) step->pending->changed->pdata,
                            step->pending->changed->len,
                            (CsMessage **) step->pending->messages->pdata,
                            step->pending->messages->len, on_written, step);
}

/* ---- messages ------------------------------------------------------------------------- */

/* Adds a student's message to the scene's transcript as one normalised line, as
 * cs_text_normalize_lines() makes of cs_turn_context_dup_student_transcript(): what the
 * judge's quotes are checked against, all of the scene however long it runs. */
static void
add_to_transcript (CsOrchestrator *self,
                   const char     *content)
{
  g_autofree char *flat = g_strdup (content != NULL ? content : "");
  g_autofree char *line = NULL;

  g_strstrip (g_strdelimit (flat, "\r\n", ' '));
  line = cs_text_normalize (flat);
  if (*line == '\0')
    return;
  if (self->scene_transcript->len > 0)
    g_string_append_c (self->scene_transcript, '\n');
  g_string_append (self->scene_transcript, line);
}

static CsMessage *
add_message (CsOrchestrator *self,
             CsMessageKind   kind,
             CsPersona      *persona,
             const char     *content,
             gboolean        complete)
{
  g_autoptr(CsMessage) message = NULL;
  CsScene *scene = cs_orchestrator_get_current_scene (self);
  const char *sender;

  if (persona != NULL)
    sender = cs_persona_get_name (persona);
  else if (kind == CS_MESSAGE_KIND_USER)
    sender = _("You");
  else
    sender = kind == CS_MESSAGE_KIND_HINT ? _("Hint") : _("Narrator");

  message = cs_message_new (kind, sender, content);
  cs_message_set_progress_id (message, cs_record_get_id (CS_RECORD (self->progress)));
  if (scene != NULL)
    cs_message_set_scene_id (message, cs_record_get_id (CS_RECORD (scene)));
  if (persona != NULL)
    cs_message_set_persona_id (message, cs_record_get_id (CS_RECORD (persona)));
  cs_message_set_position (message,
                           (int) g_list_model_get_n_items (G_LIST_MODEL (self->messages)));
  cs_message_set_attempt_number (message, cs_progress_get_attempt (self->progress));
  cs_message_set_is_complete (message, complete);
  g_list_store_append (self->messages, message);
  if (complete)
    g_ptr_array_add (self->unsaved, g_object_ref (message));
  if (kind == CS_MESSAGE_KIND_USER && scene != NULL)
    add_to_transcript (self, content);
  return message;  /* the list keeps it */
}

static CsMessage *
add_system (CsOrchestrator *self,
            CsMessageKind   kind,
            const char     *content)
{
  return add_message (self, kind, NULL, content, TRUE);
}

static gboolean
is_present (CsScene    *scene,
            const char *persona_id)
{
  CsInvolvement involvement;

  return persona_id != NULL && cs_scene_get_involvement (scene, persona_id, &involvement) &&
         involvement != CS_INVOLVEMENT_MENTIONED;
}

/* The personas who answer in @scene (key and participants), in the scene's order. */
static GPtrArray *
present_personas (CsOrchestrator *self,
                  CsScene        *scene)
{
  GPtrArray *personas = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *involved = cs_scene_get_involved (scene);

  for (guint i = 0; i < g_list_model_get_n_items (involved); i++)
    {
      g_autoptr(CsScenePersona) part = g_list_model_get_item (involved, i);
      CsPersona *persona;

      if (cs_scene_persona_get_involvement (part) == CS_INVOLVEMENT_MENTIONED)
        continue;
      persona = cs_scenario_find_persona (self->scenario, cs_scene_persona_get_persona_id (part));
      if (persona != NULL)
        g_ptr_array_add (personas, g_object_ref (persona));
    }
  return personas;
}

static char *
persona_list (GPtrArray *personas)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < personas->len; i++)
    {
      CsPersona *persona = g_ptr_array_index (personas, i);

      /* TRANSLATORS: a line of the list of personas: "@Name, role" */
      g_string_append_printf (list, _("\n• @%s, %s"), cs_persona_get_name (persona),
                              cs_persona_get_role (persona) != NULL ?
                                cs_persona_get_role (persona) : "");
    }
  return g_string_free (list, FALSE);
}

/* ---- scenes --------------------------------------------------------------------------- */

static void
begin_scene (CsOrchestrator *self)
{
  CsScene *scene = scene_at (self, self->scene_index);
  g_autoptr(CsSceneProgress) progress = cs_scene_progress_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) personas = present_personas (self, scene);
  g_autofree char *list = persona_list (personas);
  g_autofree char *intro = NULL;
  const char *context = cs_scene_get_scene_context (scene);

  self->begun = TRUE;
  self->failures = 0;
  self->scene_start = g_list_model_get_n_items (G_LIST_MODEL (self->messages));
  g_string_truncate (self->scene_transcript, 0);
  cs_scene_progress_set_progress_id (progress, cs_record_get_id (CS_RECORD (self->progress)));
  cs_scene_progress_set_scene_id (progress, cs_record_get_id (CS_RECORD (scene)));
  cs_scene_progress_set_status (progress, CS_SCENE_STATUS_IN_PROGRESS);
  cs_scene_progress_set_started_at (progress, now);
  g_list_store_append (self->scene_progress, progress);
  cs_progress_set_current_scene_id (self->progress, cs_record_get_id (CS_RECORD (scene)));

  intro = g_strdup_printf (_("Scene %u of %u: %s\n\n%s\n\nYour goal: %s\n\nIn this scene:%s"),
                           self->scene_index + 1, cs_scenario_get_n_scenes (self->scenario),
                           cs_scene_get_title (scene),
                           context != NULL && *context != '\0' ? context :
                             cs_scene_get_description (scene),
                           cs_scene_get_user_goal (scene), list);
  add_system (self, CS_MESSAGE_KIND_SYSTEM, intro);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_SCENE]);
}

static void
finish_run (CsOrchestrator *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->scene_progress));
  g_autofree char *text = NULL;
  double total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsSceneProgress) progress =
        g_list_model_get_item (G_LIST_MODEL (self->scene_progress), i);

      total += MAX (0, cs_scene_progress_get_score (progress));
    }
  cs_progress_set_final_score (self->progress, n > 0 ? total / n : 0);
  cs_progress_set_status (self->progress, CS_PROGRESS_STATUS_COMPLETED);
  cs_progress_set_completed_at (self->progress, now);

  text = g_strdup_printf (_("The simulation is complete. Your overall score: %.0f%%."),
                          cs_progress_get_final_score (self->progress) * 100);
  add_system (self, CS_MESSAGE_KIND_SYSTEM, text);
}

/* Ends the current scene (passed or forced) and begins the next one, or ends the run. */
static void
finish_scene (CsOrchestrator  *self,
              CsSceneProgress *progress)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) completed = NULL;
  GDateTime *started = cs_scene_progress_get_started_at (progress);
  guint n_scenes = cs_scenario_get_n_scenes (self->scenario);

  cs_scene_progress_set_completed_at (progress, now);
  if (started != NULL)
    {
      int seconds = (int) MAX (0, g_date_time_difference (now, started) / G_TIME_SPAN_SECOND);

      cs_scene_progress_set_time_spent (progress, seconds);
      cs_progress_set_total_time_spent (self->progress,
                                        cs_progress_get_total_time_spent (self->progress) +
                                        seconds);
    }

  g_strv_builder_addv (builder, (const char **) cs_progress_get_scenes_completed (self->progress));
  g_strv_builder_add (builder, cs_scene_progress_get_scene_id (progress));
  completed = g_strv_builder_end (builder);
  cs_progress_set_scenes_completed (self->progress, (const char * const *) completed);
  cs_progress_set_completion_percentage (self->progress,
                                         100.0 * g_strv_length (completed) / MAX (1, n_scenes));

  self->failures = 0;
  if (self->scene_index + 1 < n_scenes)
    {
      self->scene_index++;
      begin_scene (self);
    }
  else
    finish_run (self);
}

/* ---- starting and resuming ------------------------------------------------------------ */

/* The attempt number after the runs of this case in @store, or -1 on error. */
static int
next_attempt (CsOrchestrator  *self,
              CsStore         *store,
              GError         **error)
{
  g_autoptr(GListModel) runs =
    cs_store_list_progress (store, NULL, cs_record_get_id (CS_RECORD (self->scenario)), error);
  int attempt = 1;

  if (runs == NULL)
    return -1;
  for (guint i = 0; i < g_list_model_get_n_items (runs); i++)
    {
      g_autoptr(CsProgress) run = g_list_model_get_item (runs, i);

      attempt = MAX (attempt, cs_progress_get_attempt (run) + 1);
    }
  return attempt;
}

/* After resuming: where the current scene's messages begin (scenes are played one after the
 * other, so they are the run's last ones) and its student transcript. */
static void
find_scene_start (CsOrchestrator *self)
{
  GListModel *messages = G_LIST_MODEL (self->messages);
  guint n = g_list_model_get_n_items (messages);
  CsScene *scene = cs_orchestrator_get_current_scene (self);
  const char *scene_id = scene != NULL ? cs_record_get_id (CS_RECORD (scene)) : NULL;

  self->scene_start = n;
  g_string_truncate (self->scene_transcript, 0);
  if (scene_id == NULL)
    return;
  for (; self->scene_start > 0; self->scene_start--)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (messages, self->scene_start - 1);

      if (g_strcmp0 (cs_message_get_scene_id (message), scene_id) != 0)
        break;
    }
  for (guint i = self->scene_start; i < n; i++)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (messages, i);

      if (cs_message_get_kind (message) == CS_MESSAGE_KIND_USER)
        add_to_transcript (self, cs_message_get_content (message));
    }
}

gboolean
cs_orchestrator_start (CsOrchestrator  *self,
                       GError         **error)
{
  g_autoptr(CsProgress) progress = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *intro = NULL;
  const char *role;
  int attempt = 1;

  g_return_val_if_fail (CS_IS_ORCHESTRATOR (self), FALSE);
  g_return_val_if_fail (self->progress == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (cs_scenario_get_n_scenes (self->scenario) == 0)
    {
      g_set_error_literal (error, CS_SIM_ERROR, CS_SIM_ERROR_INVALID,
                           _("This case has no scenes to play. Add a scene in the editor."));
      return FALSE;
    }

  /* Restarting makes a new attempt; the older runs stay as they are. */
  if (self->store != NULL && (attempt = next_attempt (self, self->store, error)) < 0)
    return FALSE;

  progress = cs_progress_new (NULL);
  cs_progress_set_scenario_id (progress, cs_record_get_id (CS_RECORD (self->scenario)));
  cs_progress_set_attempt (progress, attempt);
  cs_progress_set_status (progress, CS_PROGRESS_STATUS_IN_PROGRESS);
  cs_progress_set_started_at (progress, now);
  cs_progress_set_session_count (progress, 1);
  self->progress = g_steal_pointer (&progress);
  self->scene_index = 0;
  self->begun = FALSE;
  self->failures = 0;

  role = cs_scenario_get_student_role (self->scenario);
  intro = g_strdup_printf (_("%s\n\n%s\n\nYou play %s. Type “begin” to start the first scene, "
                             "or “help” for the commands."),
                           cs_scenario_get_title (self->scenario),
                           cs_scenario_get_description (self->scenario),
                           role != NULL && *role != '\0' ? role : _("the manager in charge"));
  add_system (self, CS_MESSAGE_KIND_SYSTEM, intro);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  return save (self, error);
}

gboolean
cs_orchestrator_resume (CsOrchestrator  *self,
                        const char      *progress_id,
                        GError         **error)
{
  g_autoptr(CsProgress) progress = NULL;
  g_autoptr(GListModel) scene_progress = NULL;
  g_autoptr(GListModel) messages = NULL;

  g_return_val_if_fail (CS_IS_ORCHESTRATOR (self), FALSE);
  g_return_val_if_fail (self->progress == NULL, FALSE);
  g_return_val_if_fail (progress_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, CS_SIM_ERROR, CS_SIM_ERROR_NOT_STARTED,
                           _("This run was not saved, so it cannot be resumed."));
      return FALSE;
    }
  if (!(progress = cs_store_load_progress (self->store, progress_id, error)) ||
      !(scene_progress = cs_store_list_scene_progress (self->store, progress_id, error)) ||
      !(messages = cs_store_list_messages (self->store, progress_id, error)))
    return FALSE;
  if (g_strcmp0 (cs_progress_get_scenario_id (progress),
                 cs_record_get_id (CS_RECORD (self->scenario))) != 0)
    {
      g_set_error_literal (error, CS_SIM_ERROR, CS_SIM_ERROR_INVALID,
                           _("This run belongs to another case."));
      return FALSE;
    }

  self->progress = g_steal_pointer (&progress);
  state_from_json (self, cs_progress_get_orchestrator_state (self->progress));
  self->scene_index = MIN (self->scene_index, cs_scenario_get_n_scenes (self->scenario) - 1);
  for (guint i = 0; i < g_list_model_get_n_items (scene_progress); i++)
    {
      g_autoptr(CsSceneProgress) item = g_list_model_get_item (scene_progress, i);

      g_list_store_append (self->scene_progress, item);
      g_hash_table_insert (self->saved_versions,
                           g_strdup (cs_record_get_id (CS_RECORD (item))),
                           g_memdup2 (&(gint64) { cs_record_get_version (CS_RECORD (item)) },
                                      sizeof (gint64)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (messages, i);

      g_list_store_append (self->messages, message);
    }
  find_scene_start (self);

  cs_progress_set_session_count (self->progress,
                                 cs_progress_get_session_count (self->progress) + 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_SCENE]);
  return save (self, error);
}

gboolean
cs_orchestrator_keep_run (CsOrchestrator  *self,
                          CsStore         *store,
                          GError         **error)
{
  int attempt;
  guint n;

  g_return_val_if_fail (CS_IS_ORCHESTRATOR (self), FALSE);
  g_return_val_if_fail (CS_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->store == NULL, FALSE);
  g_return_val_if_fail (self->progress != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->busy)
    {
      g_set_error_literal (error, CS_SIM_ERROR, CS_SIM_ERROR_BUSY,
                           _("Wait for the answer before saving the run."));
      return FALSE;
    }
  if ((attempt = next_attempt (self, store, error)) < 0)
    return FALSE;

  /* Everything so far is unsaved: the run, each scene begun, each complete message. */
  cs_progress_set_attempt (self->progress, attempt);
  g_ptr_array_set_size (self->unsaved, 0);
  g_hash_table_remove_all (self->saved_versions);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->messages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (G_LIST_MODEL (self->messages), i);

      cs_message_set_attempt_number (message, attempt);
      if (cs_message_get_is_complete (message))
        g_ptr_array_add (self->unsaved, g_object_ref (message));
    }
  self->store = g_object_ref (store);
  self->writer = cs_run_writer_new (store);
  if (!save (self, error))
    {
      g_clear_object (&self->writer);
      g_clear_object (&self->store);
      return FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  return TRUE;
}

/* ---- a turn --------------------------------------------------------------------------- */

typedef struct {
  CsMessage *student;    /* the student's message of this turn */
  GPtrArray *personas;   /* CsPersona, who answer, in order */
  guint      next;
  CsMessage *reply;      /* the reply streaming in */
  gint64     reply_started;
  GError    *error;      /* what ended the turn, while its last write runs */
} Turn;

static void
turn_free (gpointer data)
{
  Turn *turn = data;

  g_clear_object (&turn->student);
  g_clear_pointer (&turn->personas, g_ptr_array_unref);
  g_clear_object (&turn->reply);
  g_clear_error (&turn->error);
  g_free (turn);
}

static void ask_next_persona (GTask *task);

static void
end_turn (GTask  *task,
          GError *save_error)
{
  CsOrchestrator *self = g_task_get_source_object (task);
  Turn *turn = g_task_get_task_data (task);
  GError *error = turn != NULL ? g_steal_pointer (&turn->error) : NULL;

  if (error == NULL)
    error = save_error;
  else
    g_clear_error (&save_error);
  set_busy (self, FALSE);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Ends the turn with @error (taken; NULL: it went well) once what happened is written:
 * what happened so far is kept, whatever stopped the turn. */
static void
finish_turn (GTask  *task,
             GError *error)
{
  CsOrchestrator *self = g_task_get_source_object (task);
  Turn *turn = g_task_get_task_data (task);

  if (turn != NULL)
    turn->error = error;
  else
    g_clear_error (&error);
  save_then (self, task, end_turn);
}

/* After a write in the middle of a turn: the next persona, or the end on error. */
static void
go_on (GTask  *task,
       GError *error)
{
  if (error != NULL)
    finish_turn (task, error);
  else
    ask_next_persona (g_object_ref (task));
}

/* The messages of the run @persona could have heard: the student's and the personas' in the
 * scenes it took part in, before this turn's message; the latest HISTORY_WINDOW of them. */
static void
add_persona_history (CsOrchestrator *self,
                     CsTurnContext  *context,
                     CsPersona      *persona,
                     CsMessage      *student)
{
  const char *persona_id = cs_record_get_id (CS_RECORD (persona));
  GListModel *messages = G_LIST_MODEL (self->messages);
  guint n = g_list_model_get_n_items (messages);
  guint start = n;
  g_autoptr(GPtrArray) heard = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);

  /* This turn's message is near the end; a message not in the run comes after all. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (messages, i - 1);

      if (message == student)
        {
          start = i - 1;
          break;
        }
    }

  for (guint i = start; i > 0 && heard->len < HISTORY_WINDOW; i--)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (messages, i - 1);
      CsMessageKind kind = cs_message_get_kind (message);
      const char *scene_id = cs_message_get_scene_id (message);
      gpointer was_there;

      if ((kind != CS_MESSAGE_KIND_USER && kind != CS_MESSAGE_KIND_PERSONA) || scene_id == NULL)
        continue;
      if (!g_hash_table_lookup_extended (present, scene_id, NULL, &was_there))
        {
          CsScene *scene = cs_scenario_find_scene (self->scenario, scene_id);

          was_there = GINT_TO_POINTER (scene != NULL && is_present (scene, persona_id));
          g_hash_table_insert (present, (gpointer) scene_id, was_there);
        }
      if (was_there)
        g_ptr_array_add (heard, g_steal_pointer (&message));
    }
  for (guint i = heard->len; i > 0; i--)
    cs_turn_context_add_message (context, g_ptr_array_index (heard, i - 1));
}

static CsTurnContext *
persona_context (CsOrchestrator *self,
                 CsScene        *scene,
                 CsPersona      *persona,
                 CsMessage      *student)
{
  CsTurnContext *context = cs_turn_context_new (self->scenario, scene, persona,
                                                cs_message_get_content (student));

  /* The case text of a run does not change: indexed once, not for every reply. */
  if (self->retriever == NULL && !self->retriever_failed)
    {
      g_autoptr(GError) error = NULL;

      if (!(self->retriever = cs_retriever_new_for_scenario (self->scenario, &error)))
        {
          g_debug ("No case passages for this run: %s", error->message);
          self->retriever_failed = TRUE;
        }
    }
  if (self->retriever != NULL)
    cs_turn_context_set_retriever (context, self->retriever);
  add_persona_history (self, context, persona, student);
  return context;
}

CsTurnContext *
cs_orchestrator_new_persona_context (CsOrchestrator *self,
                                     CsPersona      *persona,
                                     const char     *text)
{
  g_autoptr(CsMessage) student = NULL;
  CsScene *scene;

  g_return_val_if_fail (CS_IS_ORCHESTRATOR (self), NULL);
  g_return_val_if_fail (CS_IS_PERSONA (persona), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if ((scene = cs_orchestrator_get_current_scene (self)) == NULL)
    return NULL;
  /* Not in the run: the history is every message so far. */
  student = cs_message_new (CS_MESSAGE_KIND_USER, NULL, text);
  return persona_context (self, scene, persona, student);
}

static void
on_delta (CsLlmProvider *provider,
          const char    *delta,
          gpointer       user_data)
{
  GTask *task = user_data;
  CsOrchestrator *self = g_task_get_source_object (task);
  Turn *turn = g_task_get_task_data (task);

  cs_message_append_content (turn->reply, delta);
  g_signal_emit (self, signals[DELTA], 0, turn->reply, delta);
}

static void
remove_message (CsOrchestrator *self,
                CsMessage      *message)
{
  guint position;

  if (g_list_store_find (self->messages, message, &position))
    g_list_store_remove (self->messages, position);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
on_reply (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsOrchestrator *self = g_task_get_source_object (task);
  Turn *turn = g_task_get_task_data (task);
  g_autoptr(CsLlmResult) reply = NULL;
  g_autoptr(CsMessage) message = g_steal_pointer (&turn->reply);
  CsSceneProgress *progress = cs_orchestrator_get_scene_progress (self);
  GError *error = NULL;
  const char *content;

  reply = cs_llm_provider_chat_finish (CS_LLM_PROVIDER (source), result, &error);
  if (reply != NULL)
    cs_message_set_content (message, cs_llm_result_get_text (reply));
  content = cs_message_get_content (message);
  if (is_blank (content))
    {
      /* Nothing was said: no message. */
      remove_message (self, message);
      if (error == NULL)
        {
          ask_next_persona (g_steal_pointer (&task));
          return;
        }
      finish_turn (task, error);
      return;
    }

  /* A reply stopped half-way keeps what was said. */
  if (reply != NULL)
    cs_message_set_model (message, cs_llm_result_get_model (reply));
  cs_message_set_processing_time (message,
                                  (g_get_monotonic_time () - turn->reply_started) /
                                  (double) G_TIME_SPAN_SECOND);
  cs_message_set_is_complete (message, TRUE);
  g_ptr_array_add (self->unsaved, g_object_ref (message));
  cs_scene_progress_set_ai_responses (progress, cs_scene_progress_get_ai_responses (progress) + 1);

  if (error != NULL)
    {
      finish_turn (task, error);
      return;
    }
  save_then (self, task, go_on);
}

static void judge_turn (GTask *task);

static void
ask_next_persona (GTask *task)
{
  CsOrchestrator *self = g_task_get_source_object (task);
  Turn *turn = g_task_get_task_data (task);
  CsScene *scene = cs_orchestrator_get_current_scene (self);
  g_autoptr(CsTurnContext) context = NULL;
  g_autoptr(CsLlmRequest) request = NULL;
  CsPersona *persona;

  if (turn->next >= turn->personas->len)
    {
      judge_turn (task);
      return;
    }
  persona = g_ptr_array_index (turn->personas, turn->next++);

  context = persona_context (self, scene, persona, turn->student);
  request = cs_turn_context_new_persona_request (context);

  turn->reply = g_object_ref (add_message (self, CS_MESSAGE_KIND_PERSONA, persona, "", FALSE));
  turn->reply_started = g_get_monotonic_time ();
  cs_llm_provider_chat_async (self->provider, request, on_delta, task,
                              g_task_get_cancellable (task), on_reply, task);
}

/* The latest @limit messages of the current scene (only the student's with @student_only),
 * without @except, oldest first. */
static GPtrArray *
latest_scene_messages (CsOrchestrator *self,
                       gboolean        student_only,
                       guint           limit,
                       CsMessage      *except)
{
  GListModel *messages = G_LIST_MODEL (self->messages);
  GPtrArray *latest = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = g_list_model_get_n_items (messages); i > self->scene_start && latest->len < limit; i--)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (messages, i - 1);
      CsMessageKind kind = cs_message_get_kind (message);

      if (message == except || (kind != CS_MESSAGE_KIND_USER &&
                                (student_only || kind != CS_MESSAGE_KIND_PERSONA)))
        continue;
      g_ptr_array_add (latest, g_steal_pointer (&message));
    }
  /* oldest first */
  for (guint i = 0; i < latest->len / 2; i++)
    {
      gpointer swap = latest->pdata[i];

      latest->pdata[i] = latest->pdata[latest->len - 1 - i];
      latest->pdata[latest->len - 1 - i] = swap;
    }
  return latest;
}

/* The student's latest messages in the current scene, oldest first (for the hint
 * triggers, which look at the last few). */
static GStrv
scene_student_messages (CsOrchestrator *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) messages = latest_scene_messages (self, TRUE, HISTORY_WINDOW, NULL);

  for (guint i = 0; i < messages->len; i++)
    g_strv_builder_add (builder, cs_message_get_content (g_ptr_array_index (messages, i)));
  return g_strv_builder_end (builder);
}

static char *
verdicts_to_json (GArray     *verdicts,
                  CsScene    *scene)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *criteria = cs_scene_get_goal_criteria (scene);

  json_builder_begin_array (builder);
  for (guint i = 0; i < verdicts->len; i++)
    {
      CsJudgeVerdict *verdict = &g_array_index (verdicts, CsJudgeVerdict, i);
      g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, verdict->criterion_id);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, cs_goal_criterion_get_text (criterion));
      json_builder_set_member_name (builder, "weight");
      json_builder_add_double_value (builder, cs_goal_criterion_get_weight (criterion));
      json_builder_set_member_name (builder, "met");
      json_builder_add_boolean_value (builder, verdict->met);
      json_builder_set_member_name (builder, "confidence");
      json_builder_add_double_value (builder, verdict->confidence);
      json_builder_set_member_name (builder, "evidence");
      json_builder_add_string_value (builder, verdict->met ? verdict->evidence : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* A hint towards the first criterion not met yet, without its answer. */
static void
give_hint (CsOrchestrator  *self,
           CsScene         *scene,
           GArray          *verdicts,
           CsSceneProgress *progress)
{
  GListModel *criteria = cs_scene_get_goal_criteria (scene);
  g_autofree char *text = NULL;

  for (guint i = 0; i < verdicts->len && text == NULL; i++)
    if (!g_array_index (verdicts, CsJudgeVerdict, i).met)
      {
        g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, i);

        text = g_strdup_printf (_("Not there yet. Think about this part of your goal: %s"),
                                cs_goal_criterion_get_text (criterion));
      }
  if (text == NULL)
    text = g_strdup_printf (_("Not there yet. Look again at your goal: %s"),
                            cs_scene_get_user_goal (scene));
  add_system (self, CS_MESSAGE_KIND_HINT, text);
  cs_scene_progress_set_hints_used (progress, cs_scene_progress_get_hints_used (progress) + 1);
  cs_progress_set_hints_used (self->progress, cs_progress_get_hints_used (self->progress) + 1);
  self->failures = 0;
}

static gboolean
trigger_fires (CsScene   *scene,
               GStrv      messages)
{
  const char * const *triggers = cs_scene_get_hint_triggers (scene);

  for (guint i = 0; triggers != NULL && triggers[i] != NULL; i++)
    if (cs_hint_trigger_fires (triggers[i], (const char * const *) messages))
      return TRUE;
  return FALSE;
}

static void
apply_judgement (CsOrchestrator *self,
                 JsonNode       *answer)
{
  CsScene *scene = cs_orchestrator_get_current_scene (self);
  CsSceneProgress *progress = cs_orchestrator_get_scene_progress (self);
  const char *transcript = self->scene_transcript->str;
  g_autoptr(GArray) verdicts = NULL;
  g_autofree char *results = NULL;
  g_auto(GStrv) messages = NULL;
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  const char *feedback = object != NULL ?
    json_object_get_string_member_with_default (object, "feedback", NULL) : NULL;
  double score = cs_judge_score_normalized (answer, scene, transcript, &verdicts);
  double threshold = cs_scene_get_success_threshold (scene);

  results = verdicts_to_json (verdicts, scene);
  cs_scene_progress_set_attempts (progress, cs_scene_progress_get_attempts (progress) + 1);
  cs_progress_set_total_attempts (self->progress,
                                  cs_progress_get_total_attempts (self->progress) + 1);
  cs_scene_progress_set_score (progress, CLAMP (score, 0, 1));
  cs_scene_progress_set_criteria_results (progress, results);
  if (feedback != NULL && *feedback != '\0')
    cs_scene_progress_set_feedback (progress, feedback);

  if (score >= threshold - 1e-9)
    {
      g_autofree char *summary =
        g_strdup_printf (_("Scene complete: %s. Your score: %.0f%% (%.0f%% needed)."),
                         cs_scene_get_title (scene), score * 100, threshold * 100);

      cs_scene_progress_set_status (progress, CS_SCENE_STATUS_PASSED);
      cs_scene_progress_set_goal_achieved (progress, TRUE);
      add_system (self, CS_MESSAGE_KIND_SYSTEM, summary);
      finish_scene (self, progress);
      return;
    }

  self->failures++;
  if (cs_scene_progress_get_messages_sent (progress) >= cs_scene_get_timeout_turns (scene))
    {
      g_autofree char *text =
        g_strdup_printf (_("Time's up. The scene “%s” ends here with a score of %.0f%% "
                           "(%.0f%% was needed)."),
                         cs_scene_get_title (scene), score * 100, threshold * 100);

      cs_scene_progress_set_status (progress, CS_SCENE_STATUS_FORCED);
      cs_scene_progress_set_forced_progression (progress, TRUE);
      cs_progress_set_forced_progressions (self->progress,
                                           cs_progress_get_forced_progressions (self->progress) + 1);
      add_system (self, CS_MESSAGE_KIND_SYSTEM, text);
      finish_scene (self, progress);
      return;
    }

  messages = scene_student_messages (self);
  if (self->failures >= HINT_AFTER_FAILURES || trigger_fires (scene, messages))
    give_hint (self, scene, verdicts, progress);
}

static void
on_judged (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsOrchestrator *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) answer = NULL;
  GError *error = NULL;

  answer = cs_llm_provider_complete_json_finish (CS_LLM_PROVIDER (source), result, &error);
  if (answer == NULL)
    {
      finish_turn (task, error);
      return;
    }
  apply_judgement (self, answer);
  finish_turn (task, NULL);
}

static void
judge_turn (GTask *task)
{
  CsOrchestrator *self = g_task_get_source_object (task);
  Turn *turn = g_task_get_task_data (task);
  CsScene *scene = cs_orchestrator_get_current_scene (self);
  g_autoptr(CsTurnContext) context = NULL;
  g_autoptr(CsLlmRequest) request = NULL;
  g_autoptr(GPtrArray) said = NULL;
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      finish_turn (task, error);
      g_object_unref (task);
      return;
    }

  /* The scene's transcript (its latest HISTORY_WINDOW messages); the student's message of
   * this turn is the one judged. */
  context = cs_turn_context_new (self->scenario, scene, NULL,
                                 cs_message_get_content (turn->student));
  said = latest_scene_messages (self, FALSE, HISTORY_WINDOW, turn->student);
  for (guint i = 0; i < said->len; i++)
    cs_turn_context_add_message (context, g_ptr_array_index (said, i));
  request = cs_judge_request_new (context);
  cs_llm_provider_complete_json_async (self->provider, request, cs_judge_schema_get (),
                                       g_task_get_cancellable (task), on_judged, task);
}

static gboolean
is_command (const char *text,
            const char *command)
{
  g_autofree char *norm = cs_text_normalize (text);
  const char *word = norm[0] == '/' ? norm + 1 : norm;

  return g_str_equal (word, command);
}

static void
post_help (CsOrchestrator *self)
{
  CsScene *scene = cs_orchestrator_get_current_scene (self);
  g_autoptr(GPtrArray) personas = present_personas (self, scene != NULL ? scene :
                                                             scene_at (self, self->scene_index));
  g_autofree char *list = persona_list (personas);
  g_autofree char *text =
    g_strdup_printf (_("Commands:\n• begin: start the first scene\n• help: this list\n"
                       "• @Name message: talk to one person (first name or full name)\n"
                       "• @all message: everyone in the scene answers\n"
                       "A message without a name goes to the scene's lead person.\n\n"
                       "In this scene:%s"), list);

  add_system (self, CS_MESSAGE_KIND_SYSTEM, text);
}

void
cs_orchestrator_send_message_async (CsOrchestrator      *self,
                                    const char          *text,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *trimmed = NULL;
  CsSceneProgress *progress;
  CsScene *scene;
  CsPersona *addressed;
  gboolean all = FALSE;
  Turn *turn;

  g_return_if_fail (CS_IS_ORCHESTRATOR (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_orchestrator_send_message_async);
  g_task_set_check_cancellable (task, FALSE);

  if (self->busy)
    {
      g_task_return_new_error (task, CS_SIM_ERROR, CS_SIM_ERROR_BUSY,
                               _("Wait for the answer before sending another message."));
      return;
    }
  if (self->progress == NULL)
    {
      g_task_return_new_error (task, CS_SIM_ERROR, CS_SIM_ERROR_NOT_STARTED,
                               _("The simulation has not started."));
      return;
    }
  if (cs_progress_get_status (self->progress) == CS_PROGRESS_STATUS_COMPLETED)
    {
      g_task_return_new_error (task, CS_SIM_ERROR, CS_SIM_ERROR_FINISHED,
                               _("This run is complete. Restart the simulation to play again."));
      return;
    }
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    {
      g_task_return_new_error (task, CS_SIM_ERROR, CS_SIM_ERROR_EMPTY,
                               _("Write a message first."));
      return;
    }

  set_busy (self, TRUE);
  turn = g_new0 (Turn, 1);
  g_task_set_task_data (task, turn, turn_free);

  /* Commands are not turns: nothing is judged. */
  if (is_command (trimmed, "help"))
    {
      post_help (self);
      finish_turn (task, NULL);
      return;
    }
  if (is_command (trimmed, "begin"))
    {
      if (!self->begun)
        begin_scene (self);
      else
        add_system (self, CS_MESSAGE_KIND_SYSTEM,
                    _("The scene has already begun. Write to the people in it."));
      finish_turn (task, NULL);
      return;
    }

  if (!self->begun)
    begin_scene (self);
  scene = cs_orchestrator_get_current_scene (self);
  progress = cs_orchestrator_get_scene_progress (self);

  turn->student = g_object_ref (add_message (self, CS_MESSAGE_KIND_USER, NULL, trimmed, TRUE));
  cs_scene_progress_set_messages_sent (progress, cs_scene_progress_get_messages_sent (progress) + 1);

  addressed = cs_mention_find (self->scenario, trimmed, &all);
  if (all)
    turn->personas = present_personas (self, scene);
  else
    {
      turn->personas = g_ptr_array_new_with_free_func (g_object_unref);
      if (addressed == NULL)
        {
          const char *key = cs_scene_get_key_persona_id (scene);
          g_autoptr(GPtrArray) present = NULL;

          /* The key persona, or without one in the scene (the first involved may be only
           * mentioned) the first who takes part; never no answer without a word. */
          if (is_present (scene, key))
            addressed = g_object_ref (cs_scenario_find_persona (self->scenario, key));
          else if ((present = present_personas (self, scene))->len > 0)
            addressed = g_object_ref (g_ptr_array_index (present, 0));
          else
            add_system (self, CS_MESSAGE_KIND_SYSTEM,
                        _("Nobody in this scene can answer: it has no key person or "
                          "participant. The case’s author can add one in the editor."));
        }
      if (addressed != NULL && is_present (scene, cs_record_get_id (CS_RECORD (addressed))))
        g_ptr_array_add (turn->personas, addressed);
      else if (addressed != NULL)
        {
          g_autoptr(GPtrArray) present = present_personas (self, scene);
          g_autofree char *list = persona_list (present);
          g_autofree char *note =
            g_strdup_printf (_("%s is not in this scene and cannot answer. In this scene:%s"),
                             cs_persona_get_name (addressed), list);

          add_system (self, CS_MESSAGE_KIND_SYSTEM, note);
          g_object_unref (addressed);
        }
    }

  /* the student's message is written before anyone answers */
  save_then (self, task, go_on);
}

gboolean
cs_orchestrator_send_message_finish (CsOrchestrator  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (CS_IS_ORCHESTRATOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                          cs_orchestrator_send_message_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
