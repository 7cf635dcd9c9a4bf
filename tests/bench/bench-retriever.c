/* bench-retriever.c: index a 300-page case and run 1,000 queries against a linear scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is generated (seeded, so every run is the same): 300 pages of about 500 words,
 * Zipf-distributed over a 6,000-word vocabulary, in sentences, paragraphs and headings.
 * The baseline, measured in the same run, is the naive search the retriever replaces: the
 * passages' stems computed once, then for each query a scan of every passage counting the
 * query stems it holds and keeping the best five.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cs-retriever.h"
#include "cs-text-util.h"

#define N_PAGES        300
#define WORDS_PER_PAGE 500
#define N_VOCABULARY   6000
#define N_QUERIES      1000
#define LIMIT          5

static const char * const syllables[] = {
  "ka", "lo", "ven", "tri", "mar", "sol", "pe", "dun", "ash", "bel", "cor", "fin", "gra", "hol",
  "ist", "jen", "kel", "lun", "mor", "nat", "ol", "pra", "quin", "ros", "sta", "tor", "ul",
  "vor", "wel", "zen",
};

static const char * const filler[] = {
  "the", "of", "and", "to", "in", "a", "was", "that", "for", "it", "with", "as", "on", "by",
};

static char **
make_vocabulary (GRand *rand)
{
  char **words = g_new0 (char *, N_VOCABULARY + 1);

  for (guint i = 0; i < N_VOCABULARY; i++)
    {
      GString *word = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 2, 5);

      for (guint s = 0; s < n; s++)
        g_string_append (word, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
      g_string_append (word, i % 3 == 0 ? "ing" : i % 3 == 1 ? "s" : "");
      words[i] = g_string_free (word, FALSE);
    }
  return words;
}

/* A Zipf-like rank: small ranks are much more frequent. */
static guint
zipf (GRand *rand,
      guint  n)
{
  double u = g_rand_double (rand);

  return MIN ((guint) (n * u * u * u), n - 1);
}

static char *
make_text (GRand  *rand,
           char  **vocabulary)
{
  GString *text = g_string_new (NULL);
  guint words = 0;
  guint paragraphs = 0;

  while (words < N_PAGES * WORDS_PER_PAGE)
    {
      guint sentences = g_rand_int_range (rand, 3, 8);

      if (paragraphs++ % 6 == 0)
        g_string_append_printf (text, "Section %u\n\n", paragraphs);
      for (guint s = 0; s < sentences; s++)
        {
          guint length = g_rand_int_range (rand, 8, 26);

          for (guint w = 0; w < length; w++)
            {
              const char *word = g_rand_int_range (rand, 0, 3) == 0
                ? filler[g_rand_int_range (rand, 0, G_N_ELEMENTS (filler))]
                : vocabulary[zipf (rand, N_VOCABULARY)];

              if (w == 0)
                g_string_append_printf (text, "%c%s", g_ascii_toupper (word[0]), word + 1);
              else
                g_string_append_printf (text, " %s", word);
            }
          g_string_append (text, s + 1 < sentences ? ". " : ".\n\n");
          words += length;
        }
    }
  return g_string_free (text, FALSE);
}

static char **
make_queries (GRand  *rand,
              char  **vocabulary)
{
  char **queries = g_new0 (char *, N_QUERIES + 1);

  for (guint q = 0; q < N_QUERIES; q++)
    {
      GString *query = g_string_new ("What about");
      guint n = g_rand_int_range (rand, 2, 7);

      for (guint w = 0; w < n; w++)
        g_string_append_printf (query, " %s", vocabulary[zipf (rand, N_VOCABULARY)]);
      g_string_append_c (query, '?');
      queries[q] = g_string_free (query, FALSE);
    }
  return queries;
}

/* The content-word stems of @text, in order. */
static GPtrArray *
stems_of (const char *text)
{
  g_auto(GStrv) tokens = cs_text_tokenize (text);
  GPtrArray *stems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; tokens[i] != NULL; i++)
    if (!cs_text_is_stop_word (tokens[i]))
      g_ptr_array_add (stems, cs_text_stem (tokens[i]));
  return stems;
}

/* The naive search: count the query's stems in every passage, keep the best LIMIT.
 * Returns whether any passage matched. */
static gboolean
linear_scan (GPtrArray  *passage_stems,
             const char *query)
{
  g_autoptr(GPtrArray) query_stems = stems_of (query);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  guint best[LIMIT] = { 0 };
  guint best_hits[LIMIT] = { 0 };

  for (guint i = 0; i < query_stems->len; i++)
    g_hash_table_add (wanted, query_stems->pdata[i]);
  for (guint p = 0; p < passage_stems->len; p++)
    {
      GPtrArray *stems = passage_stems->pdata[p];
      guint hits = 0;
      guint slot;

      for (guint i = 0; i < stems->len; i++)
        hits += g_hash_table_contains (wanted, stems->pdata[i]);
      for (slot = LIMIT; slot > 0 && hits > best_hits[slot - 1]; slot--)
        if (slot < LIMIT)
          {
            best[slot] = best[slot - 1];
            best_hits[slot] = best_hits[slot - 1];
          }
      if (slot < LIMIT)
        {
          best[slot] = p;
          best_hits[slot] = hits;
        }
    }
  return best_hits[0] > 0;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
median_us (gint64 *times)
{
  qsort (times, N_QUERIES, sizeof *times, compare_times);
  return (times[N_QUERIES / 2 - 1] + times[N_QUERIES / 2]) / 2.0;
}

int
main (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240902);
  g_auto(GStrv) vocabulary = make_vocabulary (rand);
  g_autofree char *text = make_text (rand, vocabulary);
  g_auto(GStrv) queries = make_queries (rand, vocabulary);
  const char *documents[] = { text, NULL };
  g_autoptr(CsRetriever) retriever = NULL;
  g_autoptr(GPtrArray) passage_stems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *retriever_times = g_new (gint64, N_QUERIES);
  g_autofree gint64 *scan_times = g_new (gint64, N_QUERIES);
  guint n_words = 0, n_found = 0, n_scan_found = 0;
  gint64 start, build_time, stem_time;
  double retriever_median, scan_median;

  for (const char *p = text; *p != '\0'; p++)
    n_words += *p != ' ' && *p != '\n' && (p == text || p[-1] == ' ' || p[-1] == '\n');

  start = g_get_monotonic_time ();
  retriever = cs_retriever_new (documents, &error);
  build_time = g_get_monotonic_time () - start;
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  passage_stems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < cs_retriever_get_n_passages (retriever); i++)
    g_ptr_array_add (passage_stems, stems_of (cs_retriever_get_passage (retriever, i)->text));
  stem_time = g_get_monotonic_time () - start;

  for (guint q = 0; q < N_QUERIES; q++)
    {
      g_autoptr(GPtrArray) results = NULL;

      start = g_get_monotonic_time ();
      results = cs_retriever_search (retriever, queries[q], LIMIT, &error);
      retriever_times[q] = g_get_monotonic_time () - start;
      g_assert_no_error (error);
      n_found += results->len > 0;

      start = g_get_monotonic_time ();
      n_scan_found += linear_scan (passage_stems, queries[q]);
      scan_times[q] = g_get_monotonic_time () - start;
    }

  retriever_median = median_us (retriever_times);
  scan_median = median_us (scan_times);
  printf ("text: %u words, %u passages\n", n_words, cs_retriever_get_n_passages (retriever));
  printf ("build: retriever index %.1f ms; baseline stems %.1f ms\n",
          build_time / 1000.0, stem_time / 1000.0);
  printf ("queries: %u, with results: retriever %u, baseline %u\n",
          N_QUERIES, n_found, n_scan_found);
  printf ("median query: retriever %.1f µs, linear scan %.1f µs, ratio %.3f\n",
          retriever_median, scan_median, retriever_median / scan_median);
  return 0;
}
