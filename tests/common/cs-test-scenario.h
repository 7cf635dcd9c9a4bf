/* cs-test-scenario.h: assertions on whole scenarios, shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-model.h"

G_BEGIN_DECLS

/* Each asserts that every field (and, for records, id, version and times) is equal. */
void cs_test_assert_times_equal     (GDateTime          *a,
                                     GDateTime          *b);
void cs_test_assert_strv_equal      (const char * const *a,
                                     const char * const *b);
void cs_test_assert_variants_equal  (GVariant           *a,
                                     GVariant           *b);
void cs_test_assert_records_equal   (gpointer            a,
                                     gpointer            b);
void cs_test_assert_personas_equal  (CsPersona          *a,
                                     CsPersona          *b);
void cs_test_assert_scenes_equal    (CsScene            *a,
                                     CsScene            *b);
void cs_test_assert_scenarios_equal (CsScenario         *a,
                                     CsScenario         *b);

G_END_DECLS
