/* cs-messages.h: instructor–student messages on the server (007-messages.sql)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thread is one first message and its replies, between one instructor and one student,
 * perhaps about a cohort or an assignment. Every call runs as a job of the CsServer's
 * worker; the server's row policies decide what the login may read and write.
 */
#pragma once

#include "cs-server.h"

G_BEGIN_DECLS

typedef struct {
  char   *id;                 /* the thread's first message */
  char   *other_id;           /* the other person */
  char   *other_name;
  char   *cohort_id;          /* NULL when about nothing in particular */
  char   *cohort_title;
  char   *assignment_id;
  char   *assignment_title;
  char   *subject;
  char   *last_body;
  gint64  last_at;            /* Unix time */
  guint   n_messages;
  guint   n_unread;           /* sent to me, not read yet */
} CsMessageThread;

typedef struct {
  char    *id;
  char    *sender_name;
  char    *body;
  gint64   created_at;
  gboolean read;
  gboolean mine;
} CsDirectMessage;

/* An assignment a new thread may be about. */
typedef struct {
  char   *id;
  char   *title;
} CsMessageAssignment;

/* Someone I may start a thread with, in one cohort we share. */
typedef struct {
  char      *person_id;
  char      *person_name;
  char      *cohort_id;
  char      *cohort_title;
  gboolean   pending;        /* I wait for approval in the cohort: a thread about it only */
  GPtrArray *assignments;    /* CsMessageAssignment of the cohort, by title (none when pending) */
} CsMessageRecipient;

void cs_message_thread_free (CsMessageThread *thread);
void cs_direct_message_free        (CsDirectMessage       *message);
void cs_message_recipient_free     (CsMessageRecipient    *recipient);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsMessageThread, cs_message_thread_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsDirectMessage, cs_direct_message_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsMessageRecipient, cs_message_recipient_free)

/* CsMessageThread, the newest first. */
void       cs_messages_list_threads_async  (CsServer            *server,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray *cs_messages_list_threads_finish (CsServer            *server,
                                            GAsyncResult        *result,
                                            GError             **error);
/* CsDirectMessage of the thread @thread_id, the oldest first. */
void       cs_messages_list_async          (CsServer            *server,
                                            const char          *thread_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray *cs_messages_list_finish         (CsServer            *server,
                                            GAsyncResult        *result,
                                            GError             **error);
/* CsMessageRecipient: the approved students of my cohorts when I teach, the instructors
 * of the cohorts I am approved in or wait for when I study; one per person and cohort,
 * sorted by cohort and name, each with the cohort's assignments. */
void       cs_messages_list_recipients_async  (CsServer            *server,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray *cs_messages_list_recipients_finish (CsServer            *server,
                                               GAsyncResult        *result,
                                               GError             **error);
/* Sends @body to @recipient_id under @subject (NULL or "": none) about @cohort_id or
 * @assignment_id (both may be NULL), or as a reply in the thread @thread_id (then the
 * recipient, subject and what it is about come from the thread). Returns the new message's
 * id. G_IO_ERROR_INVALID_ARGUMENT for an empty body, before anything is sent. */
void       cs_messages_send_async          (CsServer            *server,
                                            const char          *recipient_id,
                                            const char          *body,
                                            const char          *subject,
                                            const char          *cohort_id,
                                            const char          *assignment_id,
                                            const char          *thread_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
char      *cs_messages_send_finish         (CsServer            *server,
                                            GAsyncResult        *result,
                                            GError             **error);
/* Marks the messages of @thread_id sent to me read, and their notifications. */
void       cs_messages_mark_read_async     (CsServer            *server,
                                            const char          *thread_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean   cs_messages_mark_read_finish    (CsServer            *server,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
