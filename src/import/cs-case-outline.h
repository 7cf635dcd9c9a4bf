/* cs-case-outline.h: the structure of a case document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from the non-boilerplate lines of a CsPdfText: paragraphs (lines joined, hyphens
 * mended), which of them are headings (larger or bold, short, no full stop), the title,
 * the sections under each heading, and the exhibits ("Exhibit 1: …" to the next heading).
 */
#pragma once

#include "cs-pdf-text.h"

G_BEGIN_DECLS

typedef enum {
  CS_PARAGRAPH_BODY,
  CS_PARAGRAPH_TITLE,
  CS_PARAGRAPH_HEADING,
  CS_PARAGRAPH_EXHIBIT,     /* an exhibit caption */
  CS_PARAGRAPH_EXHIBIT_BODY,/* text inside an exhibit (tables, memos) */
  CS_PARAGRAPH_DISCLAIMER,
} CsParagraphKind;

typedef struct {
  CsParagraphKind kind;
  char           *text;
  guint           page;
  guint           first_line;
  guint           n_lines;
  double          font_size;
  gboolean        bold;
  guint           section;    /* index into sections */
} CsParagraph;

typedef struct {
  char  *heading;             /* NULL for the opening section before any heading */
  guint  page;
  guint  first_paragraph;
  guint  n_paragraphs;
  gboolean exhibit;
} CsSection;

typedef struct _CsCaseOutline CsCaseOutline;

#define CS_TYPE_CASE_OUTLINE (cs_case_outline_get_type ())
GType              cs_case_outline_get_type         (void) G_GNUC_CONST;

/* Marks boilerplate in @text first (cs_boilerplate_mark). */
CsCaseOutline     *cs_case_outline_new              (CsPdfText     *text);
CsCaseOutline     *cs_case_outline_ref              (CsCaseOutline *self);
void               cs_case_outline_unref            (CsCaseOutline *self);

CsPdfText         *cs_case_outline_get_text         (CsCaseOutline *self);
/* The title found in the layout, else the document's title, else NULL. */
const char        *cs_case_outline_get_title        (CsCaseOutline *self);
guint              cs_case_outline_get_title_page   (CsCaseOutline *self);
double             cs_case_outline_get_body_size    (CsCaseOutline *self);
guint              cs_case_outline_get_n_paragraphs (CsCaseOutline *self);
const CsParagraph *cs_case_outline_get_paragraph    (CsCaseOutline *self,
                                                     guint          index);
guint              cs_case_outline_get_n_sections   (CsCaseOutline *self);
const CsSection   *cs_case_outline_get_section      (CsCaseOutline *self,
                                                     guint          index);
/* Body text of a section, paragraphs separated by blank lines. */
char              *cs_case_outline_dup_section_text (CsCaseOutline *self,
                                                     guint          section);
/* All body text (no headings, exhibits or disclaimer). */
char              *cs_case_outline_dup_body_text    (CsCaseOutline *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsCaseOutline, cs_case_outline_unref)

G_END_DECLS
