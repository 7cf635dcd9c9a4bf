/* sync-test-cohort.h: a seeded cohort for the dashboard's UI test and benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sync-test-util.h"

G_BEGIN_DECLS

/* As the superuser, in one transaction: @n_assignments published cases of @n_scenes scenes
 * owned by the instructor whose login is @instructor, a cohort of theirs with those cases
 * assigned (due dates a week apart, the first one past), and @n_students approved students
 * (users rows without logins) with runs that are, by a fixed pattern, not started, in
 * progress or completed and graded. Returns the cohort's id. */
char *sync_test_seed_cohort (SyncTestServer *server,
                             const char     *instructor,
                             guint           n_students,
                             guint           n_assignments,
                             guint           n_scenes);

G_END_DECLS
