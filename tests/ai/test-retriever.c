/* test-retriever.c: passages, sentences, stemming, concept coverage and case-text retrieval
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cs-model.h"
#include "cs-retriever.h"
#include "cs-text-util.h"

static char *test_dir;

/* ---- helpers --------------------------------------------------------------------------- */

static CsScenario *
load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                            "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CsScenario *scenario = cs_scenario_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cs_scenario_get_source_text (scenario));
  return scenario;
}

static guint
word_count (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    n += words[i][0] != '\0';
  return n;
}

/* The passages are in order, do not overlap, hold exactly their span of @text (in bytes and
 * characters) and leave only whitespace out. */
static void
assert_passages_cover (const char *text,
                       GPtrArray  *passages)
{
  gsize covered = 0;

  g_assert_cmpuint (passages->len, >, 0);
  for (guint i = 0; i < passages->len; i++)
    {
      CsPassage *p = g_ptr_array_index (passages, i);

      g_assert_cmpuint (p->index, ==, i);
      g_assert_cmpuint (p->start, >=, covered);
      g_assert_cmpuint (p->start, <, p->end);
      for (gsize b = covered; b < p->start; b++)
        g_assert_true (g_ascii_isspace (text[b]));
      g_assert_cmpmem (p->text, strlen (p->text), text + p->start, p->end - p->start);
      g_assert_false (g_ascii_isspace (p->text[0]));
      g_assert_cmpint (p->char_start, ==, g_utf8_pointer_to_offset (text, text + p->start));
      g_assert_cmpint (p->char_end, ==, g_utf8_pointer_to_offset (text, text + p->end));
      covered = p->end;
    }
  for (gsize b = covered; text[b] != '\0'; b++)
    g_assert_true (g_ascii_isspace (text[b]));
}

static char **
sentences_of (const char *text)
{
  g_autoptr(GArray) spans = cs_text_split_sentences (text);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < spans->len; i++)
    {
      CsTextSpan *span = &g_array_index (spans, CsTextSpan, i);
      g_autofree char *sentence = g_strndup (text + span->start, span->end - span->start);

      g_strv_builder_add (builder, sentence);
    }
  return g_strv_builder_end (builder);
}

/* The text of @haystack from @after up to (not including) the next @until. */
static char *
text_between (const char *haystack,
              const char *after,
              const char *until)
{
  const char *start = strstr (haystack, after);
  const char *end;

  g_assert_nonnull (start);
  start += strlen (after);
  end = strstr (start, until);
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* ---- passages -------------------------------------------------------------------------- */

static void
test_passages_sample (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  const char *text = cs_scenario_get_source_text (scenario);
  g_autoptr(GPtrArray) passages = cs_text_split_passages (text);
  guint in_range = 0;

  assert_passages_cover (text, passages);
  for (guint i = 0; i < passages->len; i++)
    {
      CsPassage *p = g_ptr_array_index (passages, i);
      guint words = word_count (p->text);

      g_assert_cmpuint (words, <=, CS_PASSAGE_MAX_WORDS);
      in_range += words >= CS_PASSAGE_MIN_WORDS;
    }
  /* Headings are merged into their paragraphs: most passages reach the minimum. */
  g_assert_cmpuint (in_range * 4, >=, passages->len * 3);
  g_assert_true (g_str_has_prefix (((CsPassage *) passages->pdata[0])->text,
                                   "Harlow Industrial Valves: The Kellerton Decision\n\n"
                                   "Introduction\n\nOn a grey Monday"));
}

static void
test_passages_long (void)
{
  g_autoptr(GString) text = g_string_new ("Título\n\n");
  g_autoptr(GPtrArray) passages = NULL;

  /* A 500-word paragraph of 10-word sentences, a table with no full stops, one endless
   * sentence, and short paragraphs with accented letters. */
  for (guint s = 0; s < 50; s++)
    g_string_append_printf (text, "Sentence %u of the café paragraph has exactly ten words. ", s);
  g_string_append (text, "\n\n");
  for (guint r = 0; r < 60; r++)
    g_string_append_printf (text, "| row %u | 1,%03u | 58%% | ok |\n", r, r);
  g_string_append (text, "\n");
  for (guint w = 0; w < 400; w++)
    g_string_append (text, "word ");
  g_string_append (text, "\n\n\n   Short one.\n \nÉtude two.\n\nLast.\n");

  passages = cs_text_split_passages (text->str);
  assert_passages_cover (text->str, passages);
  for (guint i = 0; i < passages->len; i++)
    g_assert_cmpuint (word_count (((CsPassage *) passages->pdata[i])->text), <=,
                      CS_PASSAGE_MAX_WORDS);

  /* The long paragraph (with the title merged in) is cut at sentence ends into even pieces. */
  for (guint i = 0; i < passages->len; i++)
    {
      CsPassage *p = g_ptr_array_index (passages, i);

      if (strstr (p->text, "café") == NULL)
        continue;
      g_assert_true (g_str_has_suffix (p->text, "ten words."));
      g_assert_cmpuint (word_count (p->text), >=, 100);
    }
  g_assert_true (g_str_has_suffix (((CsPassage *) passages->pdata[passages->len - 1])->text,
                                   "Last."));

  g_clear_pointer (&passages, g_ptr_array_unref);
  passages = cs_text_split_passages ("  \n\n \t ");
  g_assert_cmpuint (passages->len, ==, 0);
}

/* ---- sentences ------------------------------------------------------------------------- */

static void
test_sentences (void)
{
  static const char text[] =
    "Mr. Reyes met Dr. Rao at Harlow Inc. headquarters. The margin fell to 6.1 percent,\n"
    "e.g. Ashby and the U.S. market lost $19.5 million. Was it enough? \"No,\" she said.\n"
    "Then J. R. Smith left! Sales rose (see Exhibit 2). Prices fell... Nobody knew.\n"
    "\n"
    "Questions for Discussion\n"
    "\n"
    "1. What is the real problem?\n"
    "2. How reliable are the estimates?";
  static const char * const expected[] = {
    "Mr. Reyes met Dr. Rao at Harlow Inc. headquarters.",
    "The margin fell to 6.1 percent,\ne.g. Ashby and the U.S. market lost $19.5 million.",
    "Was it enough?",
    "\"No,\" she said.",
    "Then J. R. Smith left!",
    "Sales rose (see Exhibit 2).",
    "Prices fell...",
    "Nobody knew.",
    "Questions for Discussion",
    "1. What is the real problem?",
    "2. How reliable are the estimates?",
    NULL,
  };
  g_auto(GStrv) sentences = sentences_of (text);
  g_auto(GStrv) one = sentences_of ("  No full stop at the end  ");
  g_auto(GStrv) none = sentences_of (" \n\n ");

  g_assert_cmpstrv (sentences, expected);
  g_assert_cmpuint (g_strv_length (one), ==, 1);
  g_assert_cmpstr (one[0], ==, "No full stop at the end");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

/* ---- normalisation and stemming -------------------------------------------------------- */

static void
test_normalize (void)
{
  g_autofree char *norm = cs_text_normalize ("  Café  DÉJÀ\tvu\n Straße ");
  g_auto(GStrv) tokens = cs_text_tokenize ("Kellerton's 6.1% margin, 1,180 people; don't "
                                           "Ashby’s NEAR(x*)");
  static const char * const expected[] = {
    "kellerton", "6.1", "percent", "margin", "1180", "people", "dont", "ashby", "near", "x",
    NULL,
  };

  g_assert_cmpstr (norm, ==, "cafe deja vu strasse");
  g_assert_cmpstrv (tokens, expected);
  g_assert_true (cs_text_is_stop_word ("the"));
  g_assert_true (cs_text_is_stop_word ("whether"));
  g_assert_false (cs_text_is_stop_word ("plant"));
}

static void
assert_same_stem (const char * const *words)
{
  g_autofree char *first = cs_text_stem (words[0]);

  for (guint i = 1; words[i] != NULL; i++)
    {
      g_autofree char *stem = cs_text_stem (words[i]);

      if (g_strcmp0 (stem, first) != 0)
        g_error ("%s stems to %s but %s to %s", words[0], first, words[i], stem);
    }
}

static void
test_stemmer (void)
{
  /* Examples from Porter's paper, one per rule. */
  static const char * const porter[][2] = {
    { "caresses", "caress" }, { "ponies", "poni" }, { "ties", "ti" }, { "cats", "cat" },
    { "feed", "feed" }, { "agreed", "agre" }, { "plastered", "plaster" }, { "bled", "bled" },
    { "motoring", "motor" }, { "sing", "sing" }, { "conflated", "conflat" },
    { "troubled", "troubl" }, { "sized", "size" }, { "hopping", "hop" }, { "tanned", "tan" },
    { "falling", "fall" }, { "hissing", "hiss" }, { "fizzed", "fizz" }, { "failing", "fail" },
    { "filing", "file" }, { "happy", "happi" }, { "sky", "sky" },
    { "relational", "relat" }, { "conditional", "condit" }, { "rational", "ration" },
    { "valenci", "valenc" }, { "digitizer", "digit" }, { "conformabli", "conform" },
    { "radicalli", "radic" }, { "differentli", "differ" }, { "vileli", "vile" },
    { "analogousli", "analog" }, { "vietnamization", "vietnam" }, { "predication", "predic" },
    { "operator", "oper" }, { "feudalism", "feudal" }, { "decisiveness", "decis" },
    { "hopefulness", "hope" }, { "callousness", "callous" }, { "formaliti", "formal" },
    { "sensitiviti", "sensit" }, { "sensibiliti", "sensibl" }, { "triplicate", "triplic" },
    { "formative", "form" }, { "formalize", "formal" }, { "electriciti", "electr" },
    { "electrical", "electr" }, { "hopeful", "hope" }, { "goodness", "good" },
    { "revival", "reviv" }, { "allowance", "allow" }, { "inference", "infer" },
    { "airliner", "airlin" }, { "gyroscopic", "gyroscop" }, { "adjustable", "adjust" },
    { "defensible", "defens" }, { "irritant", "irrit" }, { "replacement", "replac" },
    { "adjustment", "adjust" }, { "dependent", "depend" }, { "adoption", "adopt" },
    { "homologou", "homolog" }, { "communism", "commun" }, { "activate", "activ" },
    { "angulariti", "angular" }, { "homologous", "homolog" }, { "effective", "effect" },
    { "bowdlerize", "bowdler" }, { "probate", "probat" }, { "rate", "rate" },
    { "cease", "ceas" }, { "controlling", "control" }, { "roll", "roll" },
    { "as", "as" }, { "1,180", "1,180" }, { "6.1", "6.1" }, { "café", "café" },
  };
  static const char * const negotiate[] = {
    "negotiating", "negotiation", "negotiated", "negotiations", "negotiate", NULL };
  static const char * const utilise[] = {
    "utilisation", "utilization", "utilize", "utilised", "utilising", NULL };
  static const char * const labour[] = { "labour", "labor", "labours", "labors", NULL };
  static const char * const organise[] = { "organisation", "organizations", "organised", NULL };
  static const char * const analyse[] = { "analyse", "analyzed", "analysing", NULL };
  static const char * const centre[] = { "centre", "center", "centres", NULL };

  for (gsize i = 0; i < G_N_ELEMENTS (porter); i++)
    {
      g_autofree char *stem = cs_text_stem (porter[i][0]);

      if (strcmp (stem, porter[i][1]) != 0)
        g_error ("%s stems to %s, expected %s", porter[i][0], stem, porter[i][1]);
    }
  assert_same_stem (negotiate);
  assert_same_stem (utilise);
  assert_same_stem (labour);
  assert_same_stem (organise);
  assert_same_stem (analyse);
  assert_same_stem (centre);
}

static void
test_spelling_variant (void)
{
  static const char * const pairs[][2] = {
    { "utilisation", "utilization" }, { "realised", "realized" }, { "labour", "labor" },
    { "behaviours", "behaviors" }, { "analyse", "analyze" }, { "programme", "program" },
    { "centres", "centers" }, { "favourite", "favorite" },
  };
  static const char * const plain[] = {
    "promise", "expertise", "exercise", "surprise", "arise", "rise", "anise", "four", "hour",
    "programmed", "laboratory", "plant", "analysis",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *us = cs_text_spelling_variant (pairs[i][0]);
      g_autofree char *uk = cs_text_spelling_variant (pairs[i][1]);

      g_assert_cmpstr (us, ==, pairs[i][1]);
      g_assert_cmpstr (uk, ==, pairs[i][0]);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (plain); i++)
    {
      g_autofree char *variant = cs_text_spelling_variant (plain[i]);

      if (variant != NULL)
        g_error ("%s should have no variant, got %s", plain[i], variant);
    }
}

/* ---- concepts and coverage ------------------------------------------------------------- */

static void
test_concepts (void)
{
  g_autoptr(GHashTable) concepts = cs_text_concepts ("The negotiations at the Kellerton plant "
                                                      "were negotiated; a 58% utilisation.");

  g_assert_true (g_hash_table_contains (concepts, "negoti"));
  g_assert_true (g_hash_table_contains (concepts, "kellerton"));
  g_assert_true (g_hash_table_contains (concepts, "plant"));
  g_assert_true (g_hash_table_contains (concepts, "58"));
  g_assert_true (g_hash_table_contains (concepts, "percent"));
  g_assert_true (g_hash_table_contains (concepts, "util"));
  g_assert_false (g_hash_table_contains (concepts, "the"));
  g_assert_false (g_hash_table_contains (concepts, "a"));
  g_assert_cmpuint (g_hash_table_size (concepts), ==, 6);
}

static void
test_coverage (void)
{
  const char *criterion = "Identifies that the Kellerton plant runs at 58% utilisation and "
                          "negotiates with the union";
  const char *full = "Hello.\nI see that Kellerton is a plant running at 58 percent "
                     "utilization. We identify the issue and negotiated with the union.";
  const char *partial = "Good morning! The Kellerton plant is old. What do you think?";
  const char *none = "Hello, how are you today? Fine weather.";
  g_autofree char *evidence = NULL;
  double score;

  score = cs_text_coverage (criterion, full, NULL, &evidence);
  g_assert_cmpfloat_with_epsilon (score, 1.0, 1e-9);
  g_assert_nonnull (strstr (full, evidence));
  g_assert_cmpstr (evidence, ==, "I see that Kellerton is a plant running at 58 percent "
                                 "utilization.");
  g_clear_pointer (&evidence, g_free);

  score = cs_text_coverage (criterion, none, NULL, &evidence);
  g_assert_cmpfloat (score, ==, 0.0);
  g_assert_null (evidence);

  score = cs_text_coverage (criterion, partial, NULL, &evidence);
  g_assert_cmpfloat (score, >, 0.0);
  g_assert_cmpfloat (score, <, 1.0);
  /* kellerton and plant of the 9 concepts:
   * identifi kellerton plant run 58 percent util negoti union */
  g_assert_cmpfloat_with_epsilon (score, 2.0 / 9.0, 1e-9);
  g_assert_cmpstr (evidence, ==, "The Kellerton plant is old.");
  g_assert_nonnull (strstr (partial, evidence));
  g_clear_pointer (&evidence, g_free);

  g_assert_cmpfloat (cs_text_coverage ("the and of", full, NULL, &evidence), ==, 0.0);
  g_assert_null (evidence);
  g_assert_cmpfloat (cs_text_coverage (criterion, "", NULL, NULL), ==, 0.0);
}

static void
test_coverage_idf (void)
{
  const char * const corpus[] = {
    "The plant is old.", "The plant has a union.", "A plant again.", "Plant, plant.", NULL
  };
  g_autoptr(CsTextIdf) idf = cs_text_idf_new (corpus);
  const char *criterion = "plant union";

  g_assert_cmpfloat (cs_text_idf_weight (idf, "union"), >, cs_text_idf_weight (idf, "plant"));
  g_assert_cmpfloat (cs_text_idf_weight (idf, "unknown"), >, cs_text_idf_weight (idf, "union"));
  g_assert_cmpfloat_with_epsilon (cs_text_coverage (criterion, "A plant.", NULL, NULL), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (cs_text_coverage (criterion, "A union.", NULL, NULL), 0.5, 1e-9);
  g_assert_cmpfloat (cs_text_coverage (criterion, "A plant.", idf, NULL), <, 0.5);
  g_assert_cmpfloat (cs_text_coverage (criterion, "A union.", idf, NULL), >, 0.5);
  g_assert_cmpfloat_with_epsilon (cs_text_coverage (criterion, "Plant union.", idf, NULL), 1.0,
                                  1e-9);
}

/* ---- retrieval ------------------------------------------------------------------------- */

static CsRetriever *
sample_retriever (CsScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  CsRetriever *retriever = cs_retriever_new_for_scenario (scenario, &error);

  g_assert_no_error (error);
  g_assert_nonnull (retriever);
  return retriever;
}

static GPtrArray *
search (CsRetriever *retriever,
        const char  *query,
        guint        limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = cs_retriever_search (retriever, query, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  g_assert_cmpuint (results->len, <=, limit);
  for (guint i = 1; i < results->len; i++)
    g_assert_cmpfloat (((CsPassage *) results->pdata[i - 1])->score, >=,
                       ((CsPassage *) results->pdata[i])->score);
  return results;
}

static void
assert_top_contains (CsRetriever *retriever,
                     const char  *query,
                     const char  *fact)
{
  g_autoptr(GPtrArray) results = search (retriever, query, 5);
  CsPassage *top;

  g_assert_cmpuint (results->len, >, 0);
  top = g_ptr_array_index (results, 0);
  if (strstr (top->text, fact) == NULL)
    g_error ("“%s” ranked first a passage without “%s”:\n%s", query, fact, top->text);
}

static void
test_retriever_passages (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsRetriever) retriever = sample_retriever (scenario);
  const char *documents[] = {
    cs_scenario_get_source_text (scenario),
    cs_scenario_get_description (scenario),
    cs_scenario_get_challenge (scenario),
  };
  g_autoptr(GPtrArray) source = cs_text_split_passages (documents[0]);
  guint n = cs_retriever_get_n_passages (retriever);
  guint property_n = 0;

  g_object_get (retriever, "n-passages", &property_n, NULL);
  g_assert_cmpuint (property_n, ==, n);
  /* The source passages, then one each for the short description and challenge. */
  g_assert_cmpuint (n, ==, source->len + 2);
  for (guint i = 0; i < n; i++)
    {
      const CsPassage *p = cs_retriever_get_passage (retriever, i);

      g_assert_cmpuint (p->index, ==, i);
      g_assert_cmpuint (p->document, <=, CS_RETRIEVER_DOCUMENT_CHALLENGE);
      g_assert_cmpmem (p->text, strlen (p->text), documents[p->document] + p->start,
                       p->end - p->start);
    }
  g_assert_cmpuint (cs_retriever_get_passage (retriever, n - 1)->document, ==,
                    CS_RETRIEVER_DOCUMENT_CHALLENGE);
}

static void
test_retriever_grounded (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsRetriever) retriever = sample_retriever (scenario);
  const char *text = cs_scenario_get_source_text (scenario);
  g_autofree char *margin = NULL;
  g_autofree char *margin_fact = NULL;
  g_autofree char *mazur_role = NULL;
  g_autofree char *header = NULL;
  g_autofree char *row = NULL;
  g_auto(GStrv) header_cells = NULL;
  g_auto(GStrv) row_cells = NULL;
  g_autofree char *utilization = NULL;
  g_autofree char *board_date = NULL;
  g_autofree char *closing_cost = NULL;
  g_autofree char *employees = NULL;
  g_autofree char *employees_plain = NULL;
  g_auto(GStrv) employees_parts = NULL;
  guint kellerton_column = 0;

  /* The facts, read from the case text itself. */
  margin = text_between (text, "an operating margin of ", " percent");
  margin_fact = g_strdup_printf ("operating margin of %s percent", margin);
  mazur_role = text_between (text, "Frank Mazur, ", ",");
  board_date = text_between (text, "at its meeting on ", ",");
  closing_cost = text_between (text, "The one-time cost is estimated at ", ":");
  employees = text_between (text, "The company employed ", " people");
  g_assert_nonnull (strchr (employees, ','));
  employees_parts = g_strsplit (employees, ",", -1);
  employees_plain = g_strjoinv ("", employees_parts);
  header = text_between (text, "| Measure", "\n");
  row = text_between (text, "| Utilization", "\n");
  header_cells = g_strsplit (header, "|", -1);
  row_cells = g_strsplit (row, "|", -1);
  for (guint i = 0; header_cells[i] != NULL; i++)
    if (strstr (header_cells[i], "Kellerton") != NULL)
      kellerton_column = i;
  g_assert_cmpuint (kellerton_column, >, 0);
  g_assert_cmpuint (g_strv_length (row_cells), >, kellerton_column);
  utilization = g_strstrip (g_strdup (row_cells[kellerton_column]));
  g_assert_true (g_str_has_suffix (utilization, "%"));
  utilization[strlen (utilization) - 1] = '\0';
  g_assert_cmpuint (strlen (margin), >, 0);
  g_assert_cmpuint (strlen (mazur_role), >, 5);

  assert_top_contains (retriever, "What was Harlow's operating margin in fiscal 2023?",
                       margin_fact);
  assert_top_contains (retriever, "What does Frank Mazur do at the plant?", mazur_role);
  assert_top_contains (retriever, "When is the board meeting?", board_date);
  /* British spelling against the case's American "Utilization". */
  assert_top_contains (retriever, "What is the capacity utilisation of the Kellerton plant?",
                       utilization);
  assert_top_contains (retriever, "How much would closing Kellerton cost, one-time?",
                       closing_cost);
  /* A number with and without its thousands separator. */
  assert_top_contains (retriever, employees, employees);
  assert_top_contains (retriever, employees_plain, employees);
}

static void
test_retriever_hostile (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsRetriever) retriever = sample_retriever (scenario);
  static const char * const nothing[] = {
    "", "   ", "\"", "AND", "OR NOT", "*", "the of and to", "(", ")", "^", "+-:", "\"\"\"",
    "{} [] ()", "'; --", "🚀", "a e i",
  };
  static const char * const something[] = {
    "\"plant", "plant\"", "plant AND", "NEAR(plant union, 3)", "kellerton*", "(plant",
    "body:plant", "{body}: plant", "plant OR", "-plant", "^plant", "'; DROP TABLE passages; --",
    "Kellertón plánt", "KELLERTON", "plant\nunion\ttenure", "NOT plant", "plant NOT union",
  };
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GPtrArray) results = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (nothing); i++)
    {
      g_autoptr(GPtrArray) r = search (retriever, nothing[i], 5);

      g_assert_cmpuint (r->len, ==, 0);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (something); i++)
    {
      g_autoptr(GPtrArray) r = search (retriever, something[i], 5);

      if (r->len == 0)
        g_error ("“%s” found nothing", something[i]);
    }
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (huge, "zq%u \"AND\" ( * ", i);
  g_string_append (huge, "Kellerton");
  results = search (retriever, huge->str, 3);
  g_assert_cmpuint (results->len, ==, 0); /* only the first 64 distinct words are searched */

  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (retriever, "plant", 0);
  g_assert_cmpuint (results->len, ==, 0);
}

static void
test_retriever_small (void)
{
  const char * const empty[] = { "", " \n ", NULL };
  const char * const documents[] = {
    "Capital spending rose again.", "The labour union met at the centre.", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CsRetriever) none = cs_retriever_new (empty, &error);
  g_autoptr(CsRetriever) retriever = NULL;
  g_autoptr(GPtrArray) results = NULL;
  CsPassage *top;

  g_assert_no_error (error);
  g_assert_cmpuint (cs_retriever_get_n_passages (none), ==, 0);
  results = search (none, "labour", 5);
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  retriever = cs_retriever_new (documents, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cs_retriever_get_n_passages (retriever), ==, 2);
  /* American query words find the British spellings. */
  results = search (retriever, "Any labor center?", 5);
  g_assert_cmpuint (results->len, ==, 1);
  top = g_ptr_array_index (results, 0);
  g_assert_cmpuint (top->index, ==, 1);
  g_assert_cmpuint (top->document, ==, 1);
  g_assert_cmpuint (top->start, ==, 0);
  g_assert_cmpstr (top->text, ==, documents[1]);
  g_assert_cmpfloat (top->score, >, 0);
}

typedef struct {
  CsRetriever *retriever;
  guint        expected_top;
} ThreadData;

static gpointer
search_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GPtrArray) results = cs_retriever_search (data->retriever,
                                                          "hygienic valve certification",
                                                          3, NULL);

      if (results == NULL || results->len == 0 ||
          ((CsPassage *) results->pdata[0])->index != data->expected_top)
        return GINT_TO_POINTER (FALSE);
    }
  return GINT_TO_POINTER (TRUE);
}

static void
test_retriever_threads (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsRetriever) retriever = sample_retriever (scenario);
  g_autoptr(GPtrArray) first = search (retriever, "hygienic valve certification", 3);
  ThreadData data = { retriever, ((CsPassage *) first->pdata[0])->index };
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("search", search_thread, &data);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  test_dir = g_dir_make_tmp ("cs-test-retriever-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", test_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", test_dir, TRUE);

  g_test_add_func ("/text/passages/sample", test_passages_sample);
  g_test_add_func ("/text/passages/long", test_passages_long);
  g_test_add_func ("/text/sentences", test_sentences);
  g_test_add_func ("/text/normalize", test_normalize);
  g_test_add_func ("/text/stemmer", test_stemmer);
  g_test_add_func ("/text/spelling-variant", test_spelling_variant);
  g_test_add_func ("/text/concepts", test_concepts);
  g_test_add_func ("/text/coverage", test_coverage);
  g_test_add_func ("/text/coverage-idf", test_coverage_idf);
  g_test_add_func ("/retriever/passages", test_retriever_passages);
  g_test_add_func ("/retriever/small", test_retriever_small);
  g_test_add_func ("/retriever/grounded", test_retriever_grounded);
  g_test_add_func ("/retriever/hostile", test_retriever_hostile);
  g_test_add_func ("/retriever/threads", test_retriever_threads);

  ret = g_test_run ();

  g_rmdir (test_dir);
  g_free (test_dir);
  return ret;
}
