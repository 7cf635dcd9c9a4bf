/* cs-case-summary.h: what a case is about, found in its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The title, the organisation, a description of the situation (the opening paragraph), the
 * decision the case poses (the sentence that says who has to decide what), its deadline and
 * options, the student's role (the adviser the protagonist turns to, when the case names
 * one), 3–5 learning outcomes, the industry, a category, tags and a difficulty.
 */
#pragma once

#include "cs-case-people.h"

G_BEGIN_DECLS

typedef struct {
  char      *title;
  guint      title_page;
  char      *organisation;     /* may be NULL */
  char      *description;
  guint      description_sentence;
  char      *challenge;
  guint      challenge_sentence; /* G_MAXUINT when none was found */
  char      *deadline;         /* "April 15", or NULL */
  GPtrArray *options;          /* char*: "accept the offer", … (may be empty) */
  char      *student_role;
  guint      student_role_sentence; /* G_MAXUINT when the role is a default */
  GPtrArray *learning_outcomes;     /* char*, 3–5 */
  char      *industry;
  char      *category;
  GPtrArray *tags;             /* char* */
  int        difficulty;       /* CsDifficulty */
  guint      n_words;
} CsCaseSummary;

/* Finds the decision sentence only (people need it to pick the main character). */
guint          cs_case_summary_find_decision (GPtrArray      *sentences);

CsCaseSummary *cs_case_summary_new           (CsCaseOutline  *outline,
                                              GPtrArray      *sentences,
                                              GPtrArray      *people,
                                              guint           decision);
void           cs_case_summary_free          (CsCaseSummary  *summary);

/* "The Wholesale Opportunity" → "the wholesale opportunity" (words that the case writes
 * with a capital inside sentences, such as names, keep it). */
char          *cs_case_summary_topic         (GPtrArray      *sentences,
                                              const char     *heading);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsCaseSummary, cs_case_summary_free)

G_END_DECLS
