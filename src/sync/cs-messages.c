/* cs-messages.c: instructor–student messages, as jobs of the CsServer's worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cs-messages.h"
#include "cs-pg.h"
#include "cs-server-query.h"

#define EPOCH(column) "coalesce (floor (extract (epoch FROM " column "))::bigint, 0)"

void
cs_message_thread_free (CsMessageThread *thread)
{
  if (!thread)
    return;
  g_free (thread->id);
  g_free (thread->other_id);
  g_free (thread->other_name);
  g_free (thread->cohort_id);
  g_free (thread->cohort_title);
  g_free (thread->assignment_id);
  g_free (thread->assignment_title);
  g_free (thread->subject);
  g_free (thread->last_body);
  g_free (thread);
}

void
cs_direct_message_free (CsDirectMessage *message)
{
  if (!message)
    return;
  g_free (message->id);
  g_free (message->sender_name);
  g_free (message->body);
  g_free (message);
}

static void
assignment_free (CsMessageAssignment *assignment)
{
  g_free (assignment->id);
  g_free (assignment->title);
  g_free (assignment);
}

void
cs_message_recipient_free (CsMessageRecipient *recipient)
{
  if (!recipient)
    return;
  g_clear_pointer (&recipient->assignments, g_ptr_array_unref);
  g_free (recipient->person_id);
  g_free (recipient->person_name);
  g_free (recipient->cohort_id);
  g_free (recipient->cohort_title);
  g_free (recipient);
}

static char *
dup_at (PGresult *result,
        int       row,
        int       column)
{
  return PQgetisnull (result, row, column) ? NULL : g_strdup (PQgetvalue (result, row, column));
}

static gint64
int_at (PGresult *result,
        int       row,
        int       column)
{
  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

static void
array_unref (gpointer array)
{
  g_clear_pointer (&array, g_ptr_array_unref);
}

/* Threads */

static gpointer
threads_from_rows (PGresult *rows)
{
  GPtrArray *threads = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_message_thread_free);
  for (int r = 0; r < PQntuples (rows); r++)
    {
      CsMessageThread *thread = g_new0 (CsMessageThread, 1);

      thread->id = dup_at (rows, r, 0);
      thread->other_id = dup_at (rows, r, 1);
      thread->other_name = dup_at (rows, r, 2);
      thread->cohort_id = dup_at (rows, r, 3);
      thread->cohort_title = dup_at (rows, r, 4);
      thread->assignment_id = dup_at (rows, r, 5);
      thread->assignment_title = dup_at (rows, r, 6);
      thread->subject = dup_at (rows, r, 7);
      thread->last_body = dup_at (rows, r, 8);
      thread->last_at = int_at (rows, r, 9);
      thread->n_messages = (guint) int_at (rows, r, 10);
      thread->n_unread = (guint) int_at (rows, r, 11);
      g_ptr_array_add (threads, thread);
    }
  return threads;
}

void
cs_messages_list_threads_async (CsServer            *server,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CS_IS_SERVER (server));

  cs_server_query_async (server,
    "SELECT thread_id::text, other_id::text, other_name, cohort_id::text, cohort_title, "
    "       assignment_id::text, assignment_title, subject, last_body, " EPOCH ("last_at") ", "
    "       message_count, unread_count FROM cs.cs_message_threads ()",
    0, NULL, NULL, threads_from_rows, array_unref, cancellable, callback, user_data);
}

GPtrArray *
cs_messages_list_threads_finish (CsServer      *server,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return cs_server_query_finish (server, result, error);
}

/* Messages of a thread */

static gpointer
messages_from_rows (PGresult *rows)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_direct_message_free);
  for (int r = 0; r < PQntuples (rows); r++)
    {
      CsDirectMessage *message = g_new0 (CsDirectMessage, 1);

      message->id = dup_at (rows, r, 0);
      message->sender_name = dup_at (rows, r, 1);
      message->body = dup_at (rows, r, 2);
      message->created_at = int_at (rows, r, 3);
      message->read = PQgetvalue (rows, r, 4)[0] == 't';
      message->mine = PQgetvalue (rows, r, 5)[0] == 't';
      g_ptr_array_add (messages, message);
    }
  return messages;
}

void
cs_messages_list_async (CsServer            *server,
                        const char          *thread_id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (CS_IS_SERVER (server));
  g_return_if_fail (thread_id != NULL);

  cs_server_query_async (server,
    "SELECT id::text, sender_name, body, " EPOCH ("created_at") ", read_at IS NOT NULL, mine "
    "FROM cs.cs_thread_messages ($1::uuid)",
    1, (const char *[]) { thread_id }, NULL, messages_from_rows, array_unref, cancellable, callback, user_data);
}

GPtrArray *
cs_messages_list_finish (CsServer      *server,
                         GAsyncResult  *result,
                         GError       **error)
{
  return cs_server_query_finish (server, result, error);
}

/* Recipients */

/* [[id, title], …] */
static GPtrArray *
assignments_from_json (const char *json)
{
  GPtrArray *assignments = g_ptr_array_new_with_free_func ((GDestroyNotify) assignment_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *list;

  if (!json_parser_load_from_data (parser, json, -1, NULL) || !(root = json_parser_get_root (parser)) ||
      !JSON_NODE_HOLDS_ARRAY (root))
    return assignments;
  list = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonArray *pair = json_array_get_array_element (list, i);
      CsMessageAssignment *assignment;

      if (!pair || json_array_get_length (pair) < 2)
        continue;
      assignment = g_new0 (CsMessageAssignment, 1);
      assignment->id = g_strdup (json_array_get_string_element (pair, 0));
      assignment->title = g_strdup (json_array_get_string_element (pair, 1));
      g_ptr_array_add (assignments, assignment);
    }
  return assignments;
}

static gpointer
recipients_from_rows (PGresult *rows)
{
  GPtrArray *recipients = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_message_recipient_free);
  for (int r = 0; r < PQntuples (rows); r++)
    {
      CsMessageRecipient *recipient = g_new0 (CsMessageRecipient, 1);

      recipient->person_id = dup_at (rows, r, 0);
      recipient->person_name = dup_at (rows, r, 1);
      recipient->cohort_id = dup_at (rows, r, 2);
      recipient->cohort_title = dup_at (rows, r, 3);
      recipient->pending = PQgetvalue (rows, r, 4)[0] == 't';
      recipient->assignments = assignments_from_json (PQgetvalue (rows, r, 5));
      g_ptr_array_add (recipients, recipient);
    }
  return recipients;
}

void
cs_messages_list_recipients_async (CsServer            *server,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (CS_IS_SERVER (server));

  cs_server_query_async (server,
    "SELECT r.person_id::text, r.person_name, r.cohort_id::text, r.cohort_title, r.pending, "
    "       coalesce ((SELECT json_agg (json_build_array (a.assignment_id, a.title) ORDER BY lower (a.title), a.assignment_id) "
    "                    FROM cs.cs_message_assignments () a WHERE a.cohort_id = r.cohort_id AND NOT r.pending), '[]') "
    "  FROM cs.cs_message_recipients () r ORDER BY r.cohort_title, r.person_name, r.person_id",
    0, NULL, NULL, recipients_from_rows, array_unref, cancellable, callback, user_data);
}

GPtrArray *
cs_messages_list_recipients_finish (CsServer      *server,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return cs_server_query_finish (server, result, error);
}

/* Sending */

static gpointer
first_value (PGresult *rows)
{
  return g_strdup (PQgetvalue (rows, 0, 0));
}

void
cs_messages_send_async (CsServer            *server,
                        const char          *recipient_id,
                        const char          *body,
                        const char          *subject,
                        const char          *cohort_id,
                        const char          *assignment_id,
                        const char          *thread_id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (body ? body : ""));
  g_return_if_fail (CS_IS_SERVER (server));

  if (!*trimmed)
    {
      g_task_report_new_error (server, callback, user_data, cs_messages_send_async,
                               G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Write a message first."));
      return;
    }
  cs_server_query_async (server, "SELECT cs.cs_send_message ($1::uuid, $2, coalesce ($3, ''), $4::uuid, $5::uuid, $6::uuid)::text",
                         6, (const char *[]) { recipient_id, trimmed, subject, cohort_id, assignment_id, thread_id },
                         NULL, first_value, g_free, cancellable, callback, user_data);
}

char *
cs_messages_send_finish (CsServer      *server,
                         GAsyncResult  *result,
                         GError       **error)
{
  return cs_server_query_finish (server, result, error);
}

/* Read state */

void
cs_messages_mark_read_async (CsServer            *server,
                             const char          *thread_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (CS_IS_SERVER (server));
  g_return_if_fail (thread_id != NULL);

  cs_server_query_async (server, "SELECT cs.cs_mark_thread_read ($1::uuid)", 1, (const char *[]) { thread_id },
                         NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
cs_messages_mark_read_finish (CsServer      *server,
                              GAsyncResult  *result,
                              GError       **error)
{
  return cs_server_run_finish (server, result, NULL, error);
}
