/* trellis-framework-import-private.h — what the format readers fill in a framework import
 *
 * Each reader (Moodle CSV, CASE JSON, Mahara JSON) turns its file into a flat list of items
 * that name their parent by key, plus an optional scale; trellis-framework-import.c then builds
 * the tree, checks it and flattens it to attributes and competencies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "trellis-framework-import.h"
#include "trellis-limits.h"

G_BEGIN_DECLS

/* Limits, documented in data/frameworks/IMPORTING.md; those on what a framework holds are the
 * ones every importer and editor keeps (trellis-limits.h). */
#define TRELLIS_IMPORT_MAX_FILE_SIZE   (50 * 1024 * 1024)
#define TRELLIS_IMPORT_MAX_ITEMS       TRELLIS_LIMIT_COMPETENCIES_PER_FRAMEWORK
#define TRELLIS_IMPORT_MAX_LEVELS      TRELLIS_LIMIT_LEVELS_PER_FRAMEWORK
#define TRELLIS_IMPORT_MAX_DEPTH       64
#define TRELLIS_IMPORT_MAX_JSON_NESTING 128

typedef struct _TrellisImportNode TrellisImportNode;

typedef struct {
  char     *title;
  char     *description;
  char     *color;
  int       value;
  gboolean  proficient;
} TrellisImportLevel;

/* Shared by the files of this class only (trellis-framework-import*.c). */
struct _TrellisFrameworkImport
{
  GObject     parent_instance;

  char       *file_name;
  const char *format_name;     /* untranslated, N_() */
  char       *title;
  char       *description;
  GPtrArray  *nodes;           /* (element-type TrellisImportNode) (owned) */
  GPtrArray  *levels;          /* (element-type TrellisImportLevel) (owned) */
  GPtrArray  *warnings;        /* (element-type utf8) (owned) */
  GPtrArray  *attributes;      /* (element-type TrellisImportNode): the roots, in order */
  guint       n_competencies;
  GBytes     *template_bytes;  /* set when the file is a Trellis template */
  guint       n_template_levels;
  guint       n_template_attributes;
};

struct _TrellisImportNode
{
  /* Filled by the readers; every string may be NULL. */
  char              *key;          /* the name other items use for it as their parent */
  char              *alt_key;      /* a second such name (a CASE URI) */
  char              *parent_key;   /* NULL or "" for a top-level item */
  char              *code;
  char              *title;
  char              *description;
  char              *color;
  char              *where;        /* "line 12", "$.CFItems[3]": for messages */
  double             order;        /* among its siblings; readers keep file order by default */

  /* Filled while building the tree. */
  guint              index;
  TrellisImportNode *parent;
  GPtrArray         *children;     /* (element-type TrellisImportNode) (transfer none) */
  GPtrArray         *competencies; /* of an attribute: its leaves, in order (transfer none) */
  guint              depth;
  guint8             state;
};

/* The builder (trellis-framework-import-builder.c), for the readers */
void               trellis_framework_import_set_cancelled  (GError                 **error);
gboolean           trellis_framework_import_is_blank       (const char              *text);
const char        *trellis_framework_import_get_file_name  (TrellisFrameworkImport  *self);
void               trellis_framework_import_set_framework  (TrellisFrameworkImport  *self,
                                                            const char              *title,
                                                            const char              *description);
TrellisImportNode *trellis_framework_import_add_node       (TrellisFrameworkImport  *self,
                                                            const char              *where,
                                                            GError                 **error);
gboolean           trellis_framework_import_add_level      (TrellisFrameworkImport  *self,
                                                            const char              *title,
                                                            const char              *description,
                                                            int                      value,
                                                            gboolean                 proficient,
                                                            const char              *where,
                                                            GError                 **error);
void               trellis_framework_import_mark_upper_half_proficient
                                                           (TrellisFrameworkImport  *self);
void               trellis_framework_import_warn           (TrellisFrameworkImport  *self,
                                                            const char              *format,
                                                            ...) G_GNUC_PRINTF (2, 3);
gboolean           trellis_framework_import_check_cancelled (GCancellable           *cancellable,
                                                            guint                    counter,
                                                            GError                 **error);
/* What trellis_framework_import_scan_json() finds in JSON text: the first line of each, or 0. */
typedef struct {
  guint deep_line;        /* nested deeper than TRELLIS_IMPORT_MAX_JSON_NESTING */
  guint trailing_line;    /* more JSON after the end of the document */
  guint nul_line;         /* \u0000 in a string */
  guint surrogate_line;   /* a lone surrogate escape in a string */
} TrellisJsonScan;

void               trellis_framework_import_scan_json      (const char             *text,
                                                            TrellisJsonScan        *scan);
const char        *trellis_framework_import_split_json_error (const char           *message,
                                                              int                  *line,
                                                              int                  *column);

/* trellis-framework-import-tree.c */
gboolean           trellis_framework_import_build_tree     (TrellisFrameworkImport  *self,
                                                            GCancellable            *cancellable,
                                                            GError                 **error);

/* The readers, one per format (trellis-framework-import-moodle.c, -json.c). */
gboolean           trellis_framework_import_read_moodle    (TrellisFrameworkImport  *self,
                                                            const char              *text,
                                                            gsize                    length,
                                                            GCancellable            *cancellable,
                                                            GError                 **error);
gboolean           trellis_framework_import_read_case      (TrellisFrameworkImport  *self,
                                                            JsonObject              *root,
                                                            GCancellable            *cancellable,
                                                            GError                 **error);
gboolean           trellis_framework_import_read_mahara    (TrellisFrameworkImport  *self,
                                                            JsonObject              *root,
                                                            GCancellable            *cancellable,
                                                            GError                 **error);

G_END_DECLS
