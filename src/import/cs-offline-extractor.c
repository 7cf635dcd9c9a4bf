/* cs-offline-extractor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-import-util.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cs-case-outline.h"
#include "cs-case-people.h"
#include "cs-case-sentences.h"
#include "cs-case-summary.h"
#include "cs-import-error.h"
#include "cs-offline-extractor.h"
#include "cs-scene-plan.h"

struct _CsOfflineExtractor
{
  GObject parent_instance;
};

static void case_extractor_iface_init (CsCaseExtractorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsOfflineExtractor, cs_offline_extractor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_CASE_EXTRACTOR,
                                                      case_extractor_iface_init))

/* Avatar colours of the GNOME palette, one per persona in turn. */
static const char * const avatar_colors[] = {
  "#1c71d8", "#2ec27e", "#e5a50a", "#c061cb", "#e66100", "#986a44", "#613583", "#26a269",
};

static gboolean
report (CsImportProgressFunc progress,
        gpointer             data,
        CsImportStage        stage,
        double               fraction,
        GCancellable        *cancellable,
        GError             **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress)
    progress (stage, fraction, data);
  return TRUE;
}

/* Where a person stands towards the student. */
static char *
relation_for (const CsCasePerson  *person,
              const CsCasePerson  *main_person,
              const CsCaseSummary *summary)
{
  const char *org = summary->organisation;
  const char *role = person->role ? person->role : "";
  const char *other = NULL;

  if (person->main_character)
    return g_strdup_printf (_("The person you advise: %s has to make the decision and asked "
                              "for your recommendation."), person->first_name);

  /* "buyer for FreshMart": someone from another organisation */
  for (const char *sep = strstr (role, " for "); sep && other == NULL; sep = NULL)
    other = sep + 5;
  if (other == NULL && (other = strstr (role, " at ")))
    other += 4;
  if (other && g_unichar_isupper (g_utf8_get_char (other)) &&
      (org == NULL || !g_str_has_prefix (org, other)) && (org == NULL || strstr (other, org) == NULL))
    {
      g_autofree char *lower = g_strdup_printf ("%c%s", g_ascii_tolower (role[0]), role + 1);

      return g_strdup_printf (_("%s is on the other side: %s. Meet them to understand their "
                                "position and what they need."), person->first_name, lower);
    }

  if (main_person)
    return g_strdup_printf (_("%s works with %s%s%s; you interview them for your "
                              "recommendation."), person->first_name, main_person->first_name,
                            org ? _(" at ") : "", org ? org : "");
  return g_strdup_printf (_("%s is one of the people of the case; you interview them for your "
                            "recommendation."), person->first_name);
}

CsExtraction *
cs_offline_extractor_extract (CsOfflineExtractor    *self,
                              CsPdfText             *text,
                              CsImportProgressFunc   progress,
                              gpointer               progress_data,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_autoptr(CsCaseOutline) outline = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) persona_ids = NULL;
  g_autoptr(CsCaseSummary) summary = NULL;
  g_autoptr(CsScenario) scenario = NULL;
  g_autoptr(CsExtraction) extraction = NULL;
  g_autofree char *id = NULL;
  g_autofree char *source_text = NULL;
  const CsCasePerson *main_person = NULL;
  guint decision;
  int duration = 0;

  g_return_val_if_fail (CS_IS_OFFLINE_EXTRACTOR (self), NULL);
  g_return_val_if_fail (CS_IS_PDF_TEXT (text), NULL);

  if (!report (progress, progress_data, CS_IMPORT_STAGE_FINDING_STRUCTURE, 0, cancellable, error))
    return NULL;
  outline = cs_case_outline_new (text);
  sentences = cs_case_sentences_new (outline);
  if (sentences->len < 3)
    {
      g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_TOO_LITTLE,
                   _("This PDF has too little running text to make a case from (%u sentences). "
                     "Check that you chose the case itself, not a cover page or a handout."),
                   sentences->len);
      return NULL;
    }
  decision = cs_case_summary_find_decision (sentences);

  if (!report (progress, progress_data, CS_IMPORT_STAGE_FINDING_PEOPLE, 0, cancellable, error))
    return NULL;
  people = cs_case_people_find (sentences, decision);
  summary = cs_case_summary_new (outline, sentences, people, decision);

  if (!report (progress, progress_data, CS_IMPORT_STAGE_BUILDING_SCENES, 0, cancellable, error))
    return NULL;

  id = cs_uuid_new ();
  scenario = cs_scenario_new (id);
  extraction = cs_extraction_new (scenario, "offline");

  cs_scenario_set_title (scenario, summary->title);
  cs_extraction_add_source (extraction, "title", summary->title_page, summary->title);
  cs_scenario_set_description (scenario, summary->description);
  if (summary->description_sentence < sentences->len)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, summary->description_sentence);

      cs_extraction_add_source (extraction, "description", s->page,
                                cs_case_outline_get_paragraph (outline, s->paragraph)->text);
    }
  cs_scenario_set_challenge (scenario, summary->challenge);
  if (decision < sentences->len)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, decision);

      cs_extraction_add_source (extraction, "challenge", s->page, s->text);
    }
  else
    cs_extraction_add_warning (extraction, _("The decision the case poses was not found. Write "
                                             "the challenge yourself."));
  cs_scenario_set_student_role (scenario, summary->student_role);
  if (summary->student_role_sentence < sentences->len)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, summary->student_role_sentence);

      cs_extraction_add_source (extraction, "student_role", s->page, s->text);
    }
  else
    cs_extraction_add_warning (extraction, _("The case does not say who the student is; the "
                                             "student's role is a guess. Check it."));
  cs_scenario_set_industry (scenario, summary->industry);
  cs_scenario_set_category (scenario, summary->category);
  cs_scenario_set_difficulty (scenario, summary->difficulty);
  g_ptr_array_add (summary->tags, NULL);
  cs_scenario_set_tags (scenario, (const char * const *) summary->tags->pdata);
  g_ptr_array_remove_index (summary->tags, summary->tags->len - 1);
  g_ptr_array_add (summary->learning_outcomes, NULL);
  cs_scenario_set_learning_outcomes (scenario, (const char * const *) summary->learning_outcomes->pdata);
  g_ptr_array_remove_index (summary->learning_outcomes, summary->learning_outcomes->len - 1);
  cs_scenario_set_status (scenario, CS_SCENARIO_STATUS_DRAFT);
  cs_scenario_set_source_pdf_title (scenario, cs_pdf_text_get_info (text, "title")
                                              ? cs_pdf_text_get_info (text, "title")
                                              : summary->title);
  source_text = cs_pdf_text_dup_text (text, TRUE);
  cs_scenario_set_source_text (scenario, source_text);
  if (cs_pdf_text_get_ocr (text))
    cs_extraction_add_warning (extraction, _("The text was read from page images by text "
                                             "recognition. Check names and figures."));

  /* the people */
  persona_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < people->len; i++)
    if (((CsCasePerson *) g_ptr_array_index (people, i))->main_character)
      main_person = g_ptr_array_index (people, i);
  for (guint i = 0; i < people->len; i++)
    {
      const CsCasePerson *person = g_ptr_array_index (people, i);
      g_autofree char *persona_id = cs_uuid_new ();
      g_autoptr(CsPersona) persona = cs_persona_new (persona_id);
      g_autofree char *path = g_strdup_printf ("persona:%s", persona_id);
      g_autofree char *role_path = g_strdup_printf ("persona:%s/role", persona_id);
      g_autofree char *relation = relation_for (person, main_person, summary);
      const CsCaseSentence *intro = g_ptr_array_index (sentences, person->intro_sentence);

      cs_persona_set_name (persona, person->name);
      cs_persona_set_role (persona, person->role ? person->role : _("Person in the case"));
      cs_persona_set_background (persona, person->background);
      cs_persona_set_correlation (persona, relation);
      g_ptr_array_add (person->goals, NULL);
      cs_persona_set_primary_goals (persona, (const char * const *) person->goals->pdata);
      g_ptr_array_remove_index (person->goals, person->goals->len - 1);
      for (guint t = 0; t < CS_CASE_N_TRAITS; t++)
        cs_persona_set_trait (persona, cs_case_trait_names[t], person->traits[t]);
      cs_persona_set_avatar_color (persona, avatar_colors[i % G_N_ELEMENTS (avatar_colors)]);
      cs_persona_set_is_main_character (persona, person->main_character);
      cs_scenario_add_persona (scenario, persona);

      cs_extraction_add_source (extraction, role_path, intro->page, intro->text);
      for (guint m = 0; m < person->sentences->len; m++)
        {
          const CsCaseSentence *s = g_ptr_array_index (sentences, g_array_index (person->sentences, guint, m));

          cs_extraction_add_source (extraction, path, s->page, s->text);
        }
      if (person->role == NULL)
        {
          g_autofree char *warning = g_strdup_printf (_("No role was found for %s. Add it in the "
                                                        "persona editor."), person->name);

          cs_extraction_add_warning (extraction, warning);
        }
      g_ptr_array_add (persona_ids, g_steal_pointer (&persona_id));
    }
  if (people->len == 0)
    cs_extraction_add_warning (extraction, _("No named people were found in the case. Add the "
                                             "personas the student will talk to."));

  /* learning outcomes point at the decision and the structure they were drawn from */
  for (guint i = 0; i < summary->learning_outcomes->len && decision < sentences->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("learning_outcomes[%u]", i);
      const CsCaseSentence *s = g_ptr_array_index (sentences, decision);

      cs_extraction_add_source (extraction, path, s->page, s->text);
    }

  cs_scene_plan_build (extraction, outline, sentences, people, persona_ids, summary);
  for (guint i = 0; i < cs_scenario_get_n_scenes (scenario); i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), i);

      duration += cs_scene_get_estimated_duration (scene);
    }
  cs_scenario_set_estimated_duration (scenario, duration);

  if (!report (progress, progress_data, CS_IMPORT_STAGE_BUILDING_SCENES, 1, cancellable, error))
    return NULL;
  return g_steal_pointer (&extraction);
}

/* --- async ------------------------------------------------------------------------------ */

typedef struct {
  CsPdfText            *text;
  CsImportProgressFunc  progress;
  gpointer              progress_data;
  GMainContext         *context;
  gint                  done;   /* set once the task returned: no progress after that */
} ExtractData;

static void
extract_data_free (gpointer data)
{
  ExtractData *d = data;

  g_clear_object (&d->text);
  g_clear_pointer (&d->context, g_main_context_unref);
  g_free (d);
}

typedef struct {
  GTask         *task;
  CsImportStage  stage;
  double         fraction;
} ProgressUpdate;

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *update = data;
  ExtractData *d = g_task_get_task_data (update->task);

  if (!g_atomic_int_get (&d->done) && d->progress)
    d->progress (update->stage, update->fraction, d->progress_data);
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
progress_from_thread (CsImportStage stage,
                      double        fraction,
                      gpointer      data)
{
  GTask *task = data;
  ExtractData *d = g_task_get_task_data (task);
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->task = g_object_ref (task);
  update->stage = stage;
  update->fraction = fraction;
  cs_import_invoke_later (d->context, deliver_progress, update, progress_update_free);
}

static void
extract_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ExtractData *d = task_data;
  GError *error = NULL;
  CsExtraction *extraction;

  extraction = cs_offline_extractor_extract (source, d->text, progress_from_thread, task,
                                             cancellable, &error);
  if (extraction)
    g_task_return_pointer (task, extraction, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
offline_extract_async (CsCaseExtractor      *extractor,
                       CsPdfText            *text,
                       CsImportProgressFunc  progress,
                       gpointer              progress_data,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (extractor, cancellable, callback, user_data);
  ExtractData *d = g_new0 (ExtractData, 1);

  d->text = g_object_ref (text);
  d->progress = progress;
  d->progress_data = progress_data;
  d->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, offline_extract_async);
  g_task_set_task_data (task, d, extract_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, extract_thread);
}

static CsExtraction *
offline_extract_finish (CsCaseExtractor  *extractor,
                        GAsyncResult     *result,
                        GError          **error)
{
  ExtractData *d;

  g_return_val_if_fail (g_task_is_valid (result, extractor), NULL);

  d = g_task_get_task_data (G_TASK (result));
  g_atomic_int_set (&d->done, TRUE);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
case_extractor_iface_init (CsCaseExtractorInterface *iface)
{
  iface->extract_async = offline_extract_async;
  iface->extract_finish = offline_extract_finish;
}

static void
cs_offline_extractor_class_init (CsOfflineExtractorClass *klass)
{
}

static void
cs_offline_extractor_init (CsOfflineExtractor *self)
{
}

CsOfflineExtractor *
cs_offline_extractor_new (void)
{
  return g_object_new (CS_TYPE_OFFLINE_EXTRACTOR, NULL);
}
