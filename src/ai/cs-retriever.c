/* cs-retriever.c: BM25 search over the passages of a case text (SQLite FTS5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "cs-retriever.h"

/* At most this many distinct words of a query are searched (a pasted page stays cheap). */
#define MAX_QUERY_WORDS 64

struct _CsRetriever
{
  GObject       parent_instance;

  GMutex        mutex;          /* guards db and search for concurrent searches */
  sqlite3      *db;
  sqlite3_stmt *search;
  GPtrArray    *passages;       /* of CsPassage, by index */
};

G_DEFINE_TYPE (CsRetriever, cs_retriever, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_PASSAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (cs-retriever-error-quark, cs_retriever_error)

static gboolean
database_error (CsRetriever  *self,
                GError      **error)
{
  g_set_error (error, CS_RETRIEVER_ERROR, CS_RETRIEVER_ERROR_DATABASE,
               _("Could not index the case text: %s"),
               sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec (CsRetriever  *self,
      const char   *sql,
      GError      **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return database_error (self, error);
  return TRUE;
}

static gboolean
build_index (CsRetriever         *self,
             const char * const  *documents,
             GError             **error)
{
  sqlite3_stmt *insert = NULL;
  int rc;

  /* Searches are serialised by self->mutex, so SQLite's own locking is not needed. */
  rc = sqlite3_open_v2 (":memory:", &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    return database_error (self, error);
  if (!exec (self, "CREATE VIRTUAL TABLE passages USING fts5"
                   "(body, tokenize = 'porter unicode61 remove_diacritics 2')", error) ||
      !exec (self, "BEGIN", error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db, "INSERT INTO passages (rowid, body) VALUES (?1, ?2)", -1,
                          &insert, NULL) != SQLITE_OK)
    return database_error (self, error);

  for (guint d = 0; documents[d] != NULL; d++)
    {
      guint first = self->passages->len;

      g_ptr_array_extend_and_steal (self->passages, cs_text_split_passages (documents[d]));
      for (guint i = first; i < self->passages->len; i++)
        {
          CsPassage *passage = g_ptr_array_index (self->passages, i);

          passage->index = i;
          passage->document = d;
          sqlite3_bind_int64 (insert, 1, passage->index);
          sqlite3_bind_text (insert, 2, passage->text, -1, SQLITE_STATIC);
          rc = sqlite3_step (insert);
          sqlite3_reset (insert);
          if (rc != SQLITE_DONE)
            {
              sqlite3_finalize (insert);
              return database_error (self, error);
            }
        }
    }
  sqlite3_finalize (insert);

  if (!exec (self, "COMMIT", error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT rowid, rank FROM passages WHERE passages MATCH ?1 "
                          "ORDER BY rank LIMIT ?2", -1, &self->search, NULL) != SQLITE_OK)
    return database_error (self, error);
  return TRUE;
}

static void
cs_retriever_finalize (GObject *object)
{
  CsRetriever *self = CS_RETRIEVER (object);

  g_clear_pointer (&self->search, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->passages, g_ptr_array_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (cs_retriever_parent_class)->finalize (object);
}

static void
cs_retriever_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CsRetriever *self = CS_RETRIEVER (object);

  switch (prop_id)
    {
    case PROP_N_PASSAGES:
      g_value_set_uint (value, self->passages->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_retriever_class_init (CsRetrieverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_retriever_finalize;
  object_class->get_property = cs_retriever_get_property;

  properties[PROP_N_PASSAGES] =
    g_param_spec_uint ("n-passages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_retriever_init (CsRetriever *self)
{
  g_mutex_init (&self->mutex);
  self->passages = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_passage_free);
}

CsRetriever *
cs_retriever_new (const char * const  *documents,
                  GError             **error)
{
  g_autoptr(CsRetriever) self = NULL;

  g_return_val_if_fail (documents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CS_TYPE_RETRIEVER, NULL);
  if (!build_index (self, documents, error))
    return NULL;
  return g_steal_pointer (&self);
}

CsRetriever *
cs_retriever_new_for_scenario (CsScenario  *scenario,
                               GError     **error)
{
  const char *documents[] = {
    [CS_RETRIEVER_DOCUMENT_SOURCE_TEXT] = cs_scenario_get_source_text (scenario),
    [CS_RETRIEVER_DOCUMENT_DESCRIPTION] = cs_scenario_get_description (scenario),
    [CS_RETRIEVER_DOCUMENT_CHALLENGE] = cs_scenario_get_challenge (scenario),
    NULL,
  };

  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);

  for (guint d = 0; d < G_N_ELEMENTS (documents) - 1; d++)
    if (documents[d] == NULL)
      documents[d] = "";
  return cs_retriever_new (documents, error);
}

guint
cs_retriever_get_n_passages (CsRetriever *self)
{
  g_return_val_if_fail (CS_IS_RETRIEVER (self), 0);

  return self->passages->len;
}

const CsPassage *
cs_retriever_get_passage (CsRetriever *self,
                          guint        index)
{
  g_return_val_if_fail (CS_IS_RETRIEVER (self), NULL);
  g_return_val_if_fail (index < self->passages->len, NULL);

  return g_ptr_array_index (self->passages, index);
}

static void
append_term (GString    *match,
             const char *word)
{
  if (match->len > 0)
    g_string_append (match, " OR ");
  g_string_append_c (match, '"');
  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');
}

/* "1180" as "1,180": the index reads the case's "1,180" as the words 1 and 180, while
 * cs_text_tokenize() drops the separator. NULL for other words. */
static char *
grouped_number (const char *word)
{
  gsize len = strlen (word);
  GString *grouped;

  if (len <= 3 || strspn (word, "0123456789") != len)
    return NULL;
  grouped = g_string_new (NULL);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (grouped, ',');
      g_string_append_c (grouped, word[i]);
    }
  return g_string_free (grouped, FALSE);
}

/* An FTS5 MATCH expression: each content word of @query as a quoted string, ORed; "" when
 * there is none. Quoting makes every operator and special character plain text. */
static char *
match_expression (const char *query)
{
  g_auto(GStrv) tokens = cs_text_tokenize (query);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *match = g_string_new (NULL);

  for (guint i = 0; tokens[i] != NULL && g_hash_table_size (seen) < MAX_QUERY_WORDS; i++)
    {
      g_autofree char *variant = NULL;
      g_autofree char *number = NULL;

      if (cs_text_is_stop_word (tokens[i]) || g_hash_table_contains (seen, tokens[i]) ||
          (tokens[i][1] == '\0' && !g_ascii_isdigit (tokens[i][0])))
        continue;
      g_hash_table_add (seen, tokens[i]);
      append_term (match, tokens[i]);
      variant = cs_text_spelling_variant (tokens[i]);
      if (variant != NULL)
        append_term (match, variant);
      number = grouped_number (tokens[i]);
      if (number != NULL)
        append_term (match, number);
    }
  return g_string_free (match, FALSE);
}

GPtrArray *
cs_retriever_search (CsRetriever  *self,
                     const char   *query,
                     guint         limit,
                     GError      **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *match = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  int rc;

  g_return_val_if_fail (CS_IS_RETRIEVER (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_passage_free);
  match = match_expression (query);
  if (*match == '\0' || limit == 0)
    return g_steal_pointer (&results);

  locker = g_mutex_locker_new (&self->mutex);
  sqlite3_bind_text (self->search, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (self->search, 2, limit);
  while ((rc = sqlite3_step (self->search)) == SQLITE_ROW)
    {
      gint64 index = sqlite3_column_int64 (self->search, 0);
      CsPassage *passage;

      if (index < 0 || index >= self->passages->len)
        continue;
      passage = cs_passage_copy (g_ptr_array_index (self->passages, index));
      passage->score = -sqlite3_column_double (self->search, 1);
      g_ptr_array_add (results, passage);
    }
  if (rc != SQLITE_DONE)
    g_set_error (error, CS_RETRIEVER_ERROR, CS_RETRIEVER_ERROR_DATABASE,
                 _("Could not search the case text: %s"), sqlite3_errmsg (self->db));
  sqlite3_reset (self->search);
  sqlite3_clear_bindings (self->search);
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&results);
}
