/* sync-test-cluster.h: a private PostgreSQL cluster for a test that stops and starts its
 * server (the shared one of build-aux/check serves the other tests meanwhile)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *dir;    /* data/, the socket and the log */
  char *bin;    /* the server's programs */
  int   port;
  char *options; /* more server options ("-c max_connections=300"), or NULL */
} SyncTestCluster;

/* A free TCP port on the loopback address. */
int      sync_test_free_port      (void);

/* initdb and start on a free port (password logins over TCP, trust on the socket). FALSE,
 * with nothing left behind, when the server programs are not installed. */
gboolean sync_test_cluster_init   (SyncTestCluster *cluster,
                                   const char      *options);
/* Points libpq's PG* variables (so sync_test_server_set_up()) at the cluster. */
void     sync_test_cluster_use    (SyncTestCluster *cluster);
void     sync_test_cluster_stop   (SyncTestCluster *cluster);
void     sync_test_cluster_start  (SyncTestCluster *cluster);
/* Stops the server and deletes everything. */
void     sync_test_cluster_clear  (SyncTestCluster *cluster);

G_END_DECLS
