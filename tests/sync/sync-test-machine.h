/* sync-test-machine.h: a "machine" for sync tests: a local library in a temporary file, a
 * CsServer logged in as one instructor, and a CsSync between them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-store-sync.h"
#include "cs-sync.h"
#include "cs-sync-private.h"
#include "sync-test-util.h"

G_BEGIN_DECLS

typedef struct {
  CsStore  *store;
  CsServer *server;
  CsSync   *sync;
} SyncTestMachine;

/* Makes the schema and one instructor login (once per program); returns its conninfo for
 * TCP with a password, with @extra (e.g. "options='-c statement_timeout=300'") appended. */
char       *sync_test_instructor_conninfo (SyncTestServer  *server,
                                           const char      *extra);
void        sync_test_machine_init        (SyncTestMachine *machine,
                                           SyncTestServer  *server,
                                           const char      *conninfo);
void        sync_test_machine_clear       (SyncTestMachine *machine);

/* A scenario with two personas and three scenes, each scene involving both personas. */
CsScenario *sync_test_make_scenario       (const char      *title);
void        sync_test_save                (SyncTestMachine *machine,
                                           CsScenario      *scenario);
CsScenario *sync_test_load                (SyncTestMachine *machine,
                                           const char      *id);

/* Run the async call to its end on the default main context. */
guint       sync_test_push                (SyncTestMachine *machine,
                                           GError         **error);
guint       sync_test_pull                (SyncTestMachine *machine,
                                           GError         **error);

/* The instructor's side of a class: @scenario saved on @teacher and pushed, published, and
 * assigned to a new cohort of @title that approves by itself; @code gets an invitation for
 * @n_students. Returns the id of the published version. */
char       *sync_test_open_class          (SyncTestMachine *teacher,
                                           const char      *conninfo,
                                           CsScenario      *scenario,
                                           const char      *title,
                                           guint            n_students,
                                           char           **code);
/* A student joins with @code as the login @name, password @secret, over TCP at @port;
 * returns the student's conninfo. */
char       *sync_test_join                (SyncTestServer  *server,
                                           int              port,
                                           const char      *code,
                                           const char      *name,
                                           const char      *secret);
/* A student joins with @code through the "nobody" login, as the login
 * sync_test_user_name (@base) with the password "student-password" and @base as the name;
 * asserts the request came out @expected_status ("approved", "pending"). */
void        sync_test_join_as             (SyncTestServer  *server,
                                           const char      *code,
                                           const char      *base,
                                           const char      *expected_status);
/* A new run of the case @version at its scene @scene, in progress, and the scene's
 * progress (nothing saved). */
void        sync_test_start_run           (const char      *version,
                                           CsScene         *scene,
                                           CsProgress     **progress,
                                           CsSceneProgress **scene_progress);

/* Number of rows in cs.<table> (as the superuser). */
int         sync_test_count               (SyncTestServer  *server,
                                           const char      *table);
/* "id:version:change_seq" of every row of the synced tables, sorted: equal before and
 * after means the server changed nothing. */
char       *sync_test_server_state        (SyncTestServer  *server);

G_END_DECLS
