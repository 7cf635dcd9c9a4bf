/* cs-record.h: base class of every row that syncs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CsRecord has a client-made UUID, created/updated times and a version. Any property
 * notification of a subclass (other than the bookkeeping properties themselves and
 * read-only properties such as child lists and counts) bumps the version by one and sets
 * updated-at to now, once per notification batch, unless tracking is frozen (loaders
 * freeze it while they fill an object from JSON or the database). Properties given to
 * g_object_new() are not edits: a new object has version 1.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CS_TYPE_RECORD (cs_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (CsRecord, cs_record, CS, RECORD, GObject)

struct _CsRecordClass
{
  GObjectClass parent_class;

  gpointer padding[4];
};

/* Properties: "id" (string, construct-only; a new UUID when NULL), "created-at" (GDateTime),
 * "updated-at" (GDateTime), "version" (gint64, starts at 1). */
const char *cs_record_get_id              (CsRecord  *self);
GDateTime  *cs_record_get_created_at      (CsRecord  *self);
void        cs_record_set_created_at      (CsRecord  *self,
                                           GDateTime *created_at);
GDateTime  *cs_record_get_updated_at      (CsRecord  *self);
void        cs_record_set_updated_at      (CsRecord  *self,
                                           GDateTime *updated_at);
gint64      cs_record_get_version         (CsRecord  *self);
void        cs_record_set_version         (CsRecord  *self,
                                           gint64     version);
/* Bump version and updated-at by hand (e.g. a child list changed). No-op while frozen. */
void        cs_record_touch               (CsRecord  *self);
/* Nestable. While frozen, property changes do not bump the version. */
void        cs_record_freeze_tracking     (CsRecord  *self);
void        cs_record_thaw_tracking       (CsRecord  *self);
gboolean    cs_record_is_tracking         (CsRecord  *self);

G_END_DECLS
