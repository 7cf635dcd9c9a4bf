/* sync-test-cohort.h: a seeded cohort for the dashboard's and run view's tests and benchmark
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

/* As the superuser, for the seeded run @run: two criteria on every scene of its case
 * ("Names the bottleneck", "Proposes a fix"; pass mark 50 %), the judge's results of its
 * first scene (score 0.5, the first met with the quote "the valve line is the bottleneck",
 * the second not) and four messages of that scene, positions 0–3 written out of order: a
 * system line, Mara Quist asking, the student's answer holding the quote, Mara asking on. */
void  sync_test_seed_evidence (SyncTestServer *server,
                               const char     *run);

/* As the superuser, for every seeded scene of @cohort's runs: as many hints as the scene's
 * hints_used, each naming one of three criteria (one per scene). */
void  sync_test_seed_hints    (SyncTestServer *server,
                               const char     *cohort);

G_END_DECLS
