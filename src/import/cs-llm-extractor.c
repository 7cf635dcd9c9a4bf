/* cs-llm-extractor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cs-case-outline.h"
#include "cs-case-people.h"
#include "cs-core-resources.h"
#include "cs-case-sentences.h"
#include "cs-llm-extractor.h"
#include "cs-offline-extractor.h"

#define DEFAULT_CONTEXT_TOKENS 8192
/* Room for the schema, the instructions and the answer; about 3.5 characters a token. */
#define RESERVED_TOKENS        2500
#define CHARS_PER_TOKEN        3.5
#define MAX_SCENES             6
#define MAX_OUTCOMES           5

struct _CsLlmExtractor
{
  GObject        parent_instance;

  CsLlmProvider *provider;
  guint          chunk_chars;
};

static void case_extractor_iface_init (CsCaseExtractorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsLlmExtractor, cs_llm_extractor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_CASE_EXTRACTOR,
                                                      case_extractor_iface_init))

static const char system_prompt[] =
  "You turn business teaching cases into role-play simulations. From the part of a case you "
  "are given, report: the case title; a short description of the situation; the decision the "
  "case poses (challenge); the role the student plays (usually the adviser the protagonist "
  "turns to); the industry; 3 to 5 learning outcomes; every named person with their role, a "
  "short background, whether they are the protagonist, and personality traits from 0 to 10 "
  "(assertiveness, openness, risk_tolerance, analytical, empathy) judged from how the text "
  "describes them; and 3 to 6 scenes following the case's structure, each with a title, a "
  "description, the student's goal, the names of the people in it (the most important "
  "first) and 2 to 4 goal criteria whose weights sum to 1. Use only facts from the text; "
  "leave a field empty or a list empty when this part of the case does not say. Answer with "
  "JSON only.";

JsonNode *
cs_llm_extractor_get_schema (void)
{
  static JsonNode *schema;

  if (g_once_init_enter (&schema))
    {
      g_autoptr(GBytes) bytes = g_resource_lookup_data (cs_core_get_resource (),
                                                        "/org/casestudio/CaseStudio/core/json/case-analysis.schema.json",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      JsonNode *node;

      g_assert (bytes != NULL);
      node = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
      g_assert (node != NULL);
      g_once_init_leave (&schema, node);
    }
  return schema;
}

/* --- chunks ------------------------------------------------------------------------------- */

static GPtrArray *
split_chunks (CsCaseOutline *outline,
              guint          chunk_chars)
{
  GPtrArray *chunks = g_ptr_array_new_with_free_func (g_free);
  GString *current = g_string_new (NULL);

  for (guint i = 0; i < cs_case_outline_get_n_paragraphs (outline); i++)
    {
      const CsParagraph *p = cs_case_outline_get_paragraph (outline, i);
      gsize len;

      if (p->kind == CS_PARAGRAPH_DISCLAIMER)
        continue;
      len = strlen (p->text);
      if (current->len > 0 && current->len + len + 2 > chunk_chars)
        {
          g_ptr_array_add (chunks, g_string_free (current, FALSE));
          current = g_string_new (NULL);
        }
      if (current->len)
        g_string_append (current, "\n\n");
      if (p->kind == CS_PARAGRAPH_HEADING || p->kind == CS_PARAGRAPH_TITLE || p->kind == CS_PARAGRAPH_EXHIBIT)
        g_string_append (current, "## ");
      /* a paragraph longer than a chunk is cut, at a sentence if one is near */
      while (len > chunk_chars)
        {
          gsize cut = chunk_chars;
          const char *dot = g_strrstr_len (p->text + (strlen (p->text) - len), cut, ". ");

          if (dot && dot - (p->text + (strlen (p->text) - len)) > (gssize) chunk_chars / 2)
            cut = dot - (p->text + (strlen (p->text) - len)) + 1;
          g_string_append_len (current, p->text + (strlen (p->text) - len), cut);
          g_ptr_array_add (chunks, g_string_free (current, FALSE));
          current = g_string_new (NULL);
          len -= cut;
        }
      g_string_append (current, p->text + (strlen (p->text) - len));
    }
  if (current->len)
    g_ptr_array_add (chunks, g_string_free (current, FALSE));
  else
    g_string_free (current, TRUE);
  return chunks;
}

/* --- one extraction ---------------------------------------------------------------------- */

typedef struct {
  CsPdfText            *text;
  CsCaseOutline        *outline;
  GPtrArray            *chunks;
  GPtrArray            *answers;   /* JsonNode* */
  guint                 next;
  CsImportProgressFunc  progress;
  gpointer              progress_data;
} Run;

static void
run_free (gpointer data)
{
  Run *run = data;

  g_clear_object (&run->text);
  g_clear_pointer (&run->outline, cs_case_outline_unref);
  g_clear_pointer (&run->chunks, g_ptr_array_unref);
  g_clear_pointer (&run->answers, g_ptr_array_unref);
  g_free (run);
}

static void
report (GTask         *task,
        CsImportStage  stage,
        double         fraction)
{
  Run *run = g_task_get_task_data (task);

  if (run->progress && !g_task_get_completed (task))
    run->progress (stage, fraction, run->progress_data);
}

static void send_next (GTask *task);

static void
on_offline_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  CsExtraction *extraction = cs_case_extractor_extract_finish (CS_CASE_EXTRACTOR (source), result, &error);
  const char *reason = g_object_get_data (G_OBJECT (task), "reason");

  if (extraction == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  {
    g_autofree char *warning = g_strdup_printf (_("The language model could not analyse the case "
                                                  "(%s), so this draft was made offline."), reason);

    cs_extraction_set_fallback_reason (extraction, reason);
    cs_extraction_add_warning (extraction, warning);
  }
  g_task_return_pointer (task, extraction, g_object_unref);
}

static void
fall_back (GTask      *task,
           const char *reason)
{
  Run *run = g_task_get_task_data (task);
  g_autoptr(CsOfflineExtractor) offline = cs_offline_extractor_new ();

  g_object_set_data_full (G_OBJECT (task), "reason", g_strdup (reason), g_free);
  cs_case_extractor_extract_async (CS_CASE_EXTRACTOR (offline), run->text, run->progress,
                                   run->progress_data, g_task_get_cancellable (task),
                                   on_offline_done, g_object_ref (task));
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *x = g_utf8_casefold (a, -1);
  g_autofree char *y = g_utf8_casefold (b, -1);

  return g_str_equal (g_strstrip (x), g_strstrip (y));
}

typedef struct {
  CsPersona *persona;
  int        sums[CS_CASE_N_TRAITS];
  guint      n;
} MergedPerson;

static CsPersona *
find_merged (GArray     *people,
             const char *name)
{
  for (guint i = 0; i < people->len; i++)
    {
      MergedPerson *m = &g_array_index (people, MergedPerson, i);
      const char *known = cs_persona_get_name (m->persona);
      g_autofree char *first = g_strdup (known);
      char *space = strchr (first, ' ');

      if (space)
        *space = '\0';
      /* "Elena Marsh" and a later "Elena" are one person */
      if (same_name (known, name) || same_name (first, name))
        return m->persona;
    }
  return NULL;
}

static CsExtraction *
merge (CsLlmExtractor *self,
       Run            *run)
{
  g_autofree char *id = cs_uuid_new ();
  g_autoptr(CsScenario) scenario = cs_scenario_new (id);
  g_autofree char *name = cs_llm_provider_dup_name (self->provider);
  g_autoptr(CsExtraction) extraction = cs_extraction_new (scenario, name ? name : "model");
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (MergedPerson));
  g_autoptr(GPtrArray) sentences = cs_case_sentences_new (run->outline);
  g_autofree char *source_text = cs_pdf_text_dup_text (run->text, TRUE);
  const char *fields[] = { "title", "description", "challenge", "student_role", "industry" };
  gboolean main_found = FALSE;
  int duration = 0;

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (guint a = 0; a < run->answers->len; a++)
      {
        JsonObject *answer = json_node_get_object (g_ptr_array_index (run->answers, a));
        const char *value = member_string (answer, fields[f]);

        if (*value)
          {
            g_object_set (scenario, f == 3 ? "student-role" : fields[f], value, NULL);
            break;
          }
      }
  if (cs_scenario_get_title (scenario) == NULL || *cs_scenario_get_title (scenario) == '\0')
    cs_scenario_set_title (scenario, cs_case_outline_get_title (run->outline)
                                     ? cs_case_outline_get_title (run->outline) : _("Untitled case"));

  for (guint a = 0; a < run->answers->len; a++)
    {
      JsonObject *answer = json_node_get_object (g_ptr_array_index (run->answers, a));
      JsonArray *list = json_object_get_array_member (answer, "learning_outcomes");
      JsonArray *personas = json_object_get_array_member (answer, "personas");

      for (guint i = 0; i < json_array_get_length (list) && outcomes->len < MAX_OUTCOMES; i++)
        {
          const char *outcome = json_array_get_string_element (list, i);
          gboolean known = FALSE;

          for (guint o = 0; o < outcomes->len && !known; o++)
            known = same_name (g_ptr_array_index (outcomes, o), outcome);
          if (!known && *outcome)
            g_ptr_array_add (outcomes, g_strdup (outcome));
        }

      for (guint i = 0; i < json_array_get_length (personas); i++)
        {
          JsonObject *p = json_array_get_object_element (personas, i);
          JsonObject *traits = json_object_get_object_member (p, "traits");
          const char *person_name = member_string (p, "name");
          CsPersona *persona = find_merged (people, person_name);
          MergedPerson *m = NULL;

          if (persona == NULL)
            {
              g_autofree char *persona_id = cs_uuid_new ();
              MergedPerson fresh = { cs_persona_new (persona_id), { 0 }, 0 };

              cs_persona_set_name (fresh.persona, person_name);
              g_array_append_val (people, fresh);
              persona = fresh.persona;
            }
          for (guint k = 0; k < people->len; k++)
            if (g_array_index (people, MergedPerson, k).persona == persona)
              m = &g_array_index (people, MergedPerson, k);
          /* the fullest name, role and background win */
          if (strlen (person_name) > strlen (cs_persona_get_name (persona)))
            cs_persona_set_name (persona, person_name);
          if (cs_persona_get_role (persona) == NULL || strlen (member_string (p, "role")) > strlen (cs_persona_get_role (persona)))
            cs_persona_set_role (persona, member_string (p, "role"));
          if (cs_persona_get_background (persona) == NULL ||
              strlen (member_string (p, "background")) > strlen (cs_persona_get_background (persona)))
            cs_persona_set_background (persona, member_string (p, "background"));
          if (json_object_get_boolean_member (p, "is_main_character") && !main_found)
            {
              cs_persona_set_is_main_character (persona, TRUE);
              main_found = TRUE;
            }
          for (guint t = 0; t < CS_CASE_N_TRAITS; t++)
            m->sums[t] += json_object_get_int_member (traits, cs_case_trait_names[t]);
          m->n++;
        }
    }
  g_ptr_array_add (outcomes, NULL);
  cs_scenario_set_learning_outcomes (scenario, (const char * const *) outcomes->pdata);

  for (guint i = 0; i < people->len; i++)
    {
      MergedPerson *m = &g_array_index (people, MergedPerson, i);
      const char *persona_id = cs_record_get_id (CS_RECORD (m->persona));
      g_autofree char *path = g_strdup_printf ("persona:%s", persona_id);
      g_autofree char *first = g_strdup (cs_persona_get_name (m->persona));
      char *space = strchr (first, ' ');

      for (guint t = 0; t < CS_CASE_N_TRAITS; t++)
        cs_persona_set_trait (m->persona, cs_case_trait_names[t],
                              CLAMP ((m->sums[t] + (int) m->n / 2) / (int) MAX (1, m->n), 0, 10));
      /* where the PDF names them */
      if (space)
        *space = '\0';
      for (guint s = 0; s < sentences->len; s++)
        {
          const CsCaseSentence *sentence = g_ptr_array_index (sentences, s);

          if (strstr (sentence->text, cs_persona_get_name (m->persona)) || cs_text_has_word (sentence->text, first))
            cs_extraction_add_source (extraction, path, sentence->page, sentence->text);
        }
      cs_scenario_add_persona (scenario, m->persona);
      g_object_unref (m->persona);
    }

  for (guint a = 0; a < run->answers->len && cs_scenario_get_n_scenes (scenario) < MAX_SCENES; a++)
    {
      JsonObject *answer = json_node_get_object (g_ptr_array_index (run->answers, a));
      JsonArray *scenes = json_object_get_array_member (answer, "scenes");

      for (guint i = 0; i < json_array_get_length (scenes) && cs_scenario_get_n_scenes (scenario) < MAX_SCENES; i++)
        {
          JsonObject *s = json_array_get_object_element (scenes, i);
          JsonArray *criteria = json_object_get_array_member (s, "goal_criteria");
          JsonArray *names = json_object_get_array_member (s, "personas");
          g_autofree char *scene_id = cs_uuid_new ();
          g_autoptr(CsScene) scene = cs_scene_new (scene_id);
          double total = 0;
          guint n_criteria = json_array_get_length (criteria);

          cs_scene_set_title (scene, member_string (s, "title"));
          cs_scene_set_description (scene, member_string (s, "description"));
          cs_scene_set_user_goal (scene, member_string (s, "user_goal"));
          cs_scene_set_timeout_turns (scene, 12);
          cs_scene_set_estimated_duration (scene, 12);
          for (guint c = 0; c < n_criteria; c++)
            total += json_object_get_double_member (json_array_get_object_element (criteria, c), "weight");
          for (guint c = 0; c < n_criteria; c++)
            {
              JsonObject *criterion = json_array_get_object_element (criteria, c);
              double weight = total > 0 ? json_object_get_double_member (criterion, "weight") / total
                                        : 1.0 / n_criteria;
              g_autoptr(CsGoalCriterion) goal = cs_goal_criterion_new (member_string (criterion, "text"),
                                                                       CLAMP (weight, 0, 1));

              cs_scene_add_criterion (scene, goal);
            }
          for (guint k = 0; k < json_array_get_length (names); k++)
            {
              CsPersona *persona = find_merged (people, json_array_get_string_element (names, k));
              if (persona && !cs_scene_get_involvement (scene, cs_record_get_id (CS_RECORD (persona)), NULL))
                cs_scene_set_involvement (scene, cs_record_get_id (CS_RECORD (persona)),
                                          cs_scene_get_key_persona_id (scene) ? CS_INVOLVEMENT_PARTICIPANT
                                                                              : CS_INVOLVEMENT_KEY);
            }
          duration += cs_scene_get_estimated_duration (scene);
          cs_scenario_append_scene (scenario, scene);
        }
    }

  cs_scenario_set_status (scenario, CS_SCENARIO_STATUS_DRAFT);
  cs_scenario_set_estimated_duration (scenario, duration);
  cs_scenario_set_source_text (scenario, source_text);
  cs_scenario_set_source_pdf_title (scenario, cs_pdf_text_get_info (run->text, "title")
                                              ? cs_pdf_text_get_info (run->text, "title")
                                              : cs_scenario_get_title (scenario));
  cs_extraction_add_source (extraction, "title", cs_case_outline_get_title_page (run->outline),
                            cs_scenario_get_title (scenario));
  return g_steal_pointer (&extraction);
}

static void
on_answer (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  JsonNode *answer = cs_llm_provider_complete_json_finish (CS_LLM_PROVIDER (source), result, &error);

  if (answer == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        fall_back (task, error->message);
      return;
    }
  g_ptr_array_add (run->answers, answer);
  report (task, CS_IMPORT_STAGE_FINDING_PEOPLE, (double) run->answers->len / run->chunks->len);
  send_next (task);
}

static void
send_next (GTask *task)
{
  CsLlmExtractor *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(CsLlmRequest) request = NULL;
  g_autofree char *prompt = NULL;

  if (run->next < run->chunks->len)
    {
      request = cs_llm_request_new ();
      cs_llm_request_set_temperature (request, 0.2);
      prompt = g_strdup_printf ("Part %u of %u of the case:\n\n%s", run->next + 1, run->chunks->len,
                                (const char *) g_ptr_array_index (run->chunks, run->next));
      cs_llm_request_add_message (request, CS_LLM_ROLE_SYSTEM, system_prompt);
      cs_llm_request_add_message (request, CS_LLM_ROLE_USER, prompt);
      run->next++;
      cs_llm_provider_complete_json_async (self->provider, request, cs_llm_extractor_get_schema (),
                                           g_task_get_cancellable (task), on_answer, g_object_ref (task));
      return;
    }

  report (task, CS_IMPORT_STAGE_BUILDING_SCENES, 0);
  {
    g_autoptr(CsExtraction) extraction = merge (self, run);
    CsScenario *scenario = cs_extraction_get_scenario (extraction);

    if (cs_scenario_get_n_scenes (scenario) == 0 || cs_scenario_get_n_personas (scenario) == 0)
      {
        fall_back (task, _("its answer had no people or no scenes"));
        return;
      }
    report (task, CS_IMPORT_STAGE_BUILDING_SCENES, 1);
    g_task_return_pointer (task, g_steal_pointer (&extraction), g_object_unref);
  }
}

static void
llm_extract_async (CsCaseExtractor      *extractor,
                   CsPdfText            *text,
                   CsImportProgressFunc  progress,
                   gpointer              progress_data,
                   GCancellable         *cancellable,
                   GAsyncReadyCallback   callback,
                   gpointer              user_data)
{
  CsLlmExtractor *self = CS_LLM_EXTRACTOR (extractor);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Run *run = g_new0 (Run, 1);

  g_task_set_source_tag (task, llm_extract_async);
  run->text = g_object_ref (text);
  run->progress = progress;
  run->progress_data = progress_data;
  run->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_task_set_task_data (task, run, run_free);

  report (task, CS_IMPORT_STAGE_FINDING_STRUCTURE, 0);
  run->outline = cs_case_outline_new (text);
  run->chunks = split_chunks (run->outline, self->chunk_chars);
  if (run->chunks->len == 0)
    {
      fall_back (task, _("the PDF has no running text to send"));
      return;
    }
  report (task, CS_IMPORT_STAGE_FINDING_PEOPLE, 0);
  send_next (task);
}

static CsExtraction *
llm_extract_finish (CsCaseExtractor  *extractor,
                    GAsyncResult     *result,
                    GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, extractor), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
case_extractor_iface_init (CsCaseExtractorInterface *iface)
{
  iface->extract_async = llm_extract_async;
  iface->extract_finish = llm_extract_finish;
}

static void
cs_llm_extractor_finalize (GObject *object)
{
  CsLlmExtractor *self = CS_LLM_EXTRACTOR (object);

  g_clear_object (&self->provider);

  G_OBJECT_CLASS (cs_llm_extractor_parent_class)->finalize (object);
}

static void
cs_llm_extractor_class_init (CsLlmExtractorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_llm_extractor_finalize;
}

static void
cs_llm_extractor_init (CsLlmExtractor *self)
{
}

CsLlmExtractor *
cs_llm_extractor_new (CsLlmProvider *provider,
                      guint          context_tokens)
{
  CsLlmExtractor *self;
  guint tokens = context_tokens ? context_tokens : DEFAULT_CONTEXT_TOKENS;

  g_return_val_if_fail (CS_IS_LLM_PROVIDER (provider), NULL);

  self = g_object_new (CS_TYPE_LLM_EXTRACTOR, NULL);
  self->provider = g_object_ref (provider);
  self->chunk_chars = (guint) (MAX (tokens, RESERVED_TOKENS + 500) - RESERVED_TOKENS) * CHARS_PER_TOKEN;
  return self;
}

guint
cs_llm_extractor_get_chunk_chars (CsLlmExtractor *self)
{
  g_return_val_if_fail (CS_IS_LLM_EXTRACTOR (self), 0);

  return self->chunk_chars;
}
