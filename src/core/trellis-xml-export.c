/* trellis-xml-export.c — writes students, their plans and the frameworks they use to a plan file
 *
 * The file is streamed with xmlTextWriter: records are read a batch of students at a time (one
 * query per table per batch) and written out, so memory stays flat for any school size. It goes
 * to a temporary file in the target's folder that replaces the target only once complete, so a
 * failed or cancelled export leaves an earlier file untouched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-xml-export"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#include <string.h>
#include <unistd.h>

#include "trellis-error.h"
#include "trellis-store-private.h"
#include "trellis-vocabulary.h"
#include "trellis-xml-export.h"
#include "trellis-xml-format.h"

#define BATCH_SIZE       250
#define OUT_BUFFER_SIZE  (256 * 1024)

struct _TrellisXmlExport
{
  GObject       parent_instance;

  TrellisStore *store;
  char         *database_path;
  GArray       *student_ids;     /* gint64 */
  GPtrArray    *student_uuids;
  char         *exported_at;
  guint         n_students;
  double        fraction;
};

G_DEFINE_FINAL_TYPE (TrellisXmlExport, trellis_xml_export, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The rows of one table for one batch, sorted by owner so that an owner's records are adjacent. */
typedef struct
{
  guint       n_columns;
  GPtrArray  *cells;     /* n_columns per row, strings in the batch's chunk */
  GArray     *owners;    /* gint64 per row */
  GArray     *ids;       /* gint64 per row */
} Rows;

typedef struct
{
  const TrellisXmlType *types;
  guint                 n_types;
  Rows                 *rows;     /* per type */
  Rows                  links;    /* goal id, competency UUID */
  GStringChunk         *chunk;
} Batch;

/* The output: a buffer in front of a file descriptor, so writes reach the disk in large pieces. */
typedef struct
{
  int      fd;
  int      saved_errno;
  GString *buffer;
} Output;

typedef struct
{
  TrellisXmlExport *self;
  double            fraction;
} FractionUpdate;

typedef struct
{
  TrellisXmlExport *self;
  GMainContext     *context;
  double            reported;
} AsyncProgress;

/* Helpers */

static void
rows_init (Rows  *rows,
           guint  n_columns)
{
  rows->n_columns = n_columns;
  rows->cells = g_ptr_array_new ();
  rows->owners = g_array_new (FALSE, FALSE, sizeof (gint64));
  rows->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
rows_clear (Rows *rows)
{
  g_clear_pointer (&rows->cells, g_ptr_array_unref);
  g_clear_pointer (&rows->owners, g_array_unref);
  g_clear_pointer (&rows->ids, g_array_unref);
}

static guint
rows_count (Rows *rows)
{
  return rows->owners->len;
}

static const char *
rows_cell (Rows  *rows,
           guint  row,
           guint  column)
{
  return rows->cells->pdata[row * rows->n_columns + column];
}

/* The first row owned by @owner (rows are sorted by owner), or the row count when none. */
static guint
rows_find_owner (Rows   *rows,
                 gint64  owner)
{
  guint low = 0, high = rows_count (rows);

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (rows->owners, gint64, mid) < owner)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static void
batch_free (Batch *batch)
{
  for (guint t = 0; t < batch->n_types; t++)
    rows_clear (&batch->rows[t]);
  g_free (batch->rows);
  rows_clear (&batch->links);
  g_string_chunk_free (batch->chunk);
  g_free (batch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Batch, batch_free)

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->types = trellis_xml_format_types (&batch->n_types);
  batch->rows = g_new0 (Rows, batch->n_types);
  for (guint t = 0; t < batch->n_types; t++)
    rows_init (&batch->rows[t], TRELLIS_XML_N_IDENTITY_COLUMNS + batch->types[t].klass->n_fields);
  rows_init (&batch->links, 1);
  batch->chunk = g_string_chunk_new (64 * 1024);
  return batch;
}

static int
top_level_of (const TrellisXmlType *types,
              int                   index)
{
  while (types[index].parent >= 0)
    index = types[index].parent;
  return index;
}

/* FROM … WHERE … that selects the records of @index whose top-level owner is in the JSON array ?1. */
static char *
subtree_from_where (const TrellisXmlType *types,
                    int                   index)
{
  GString *sql = g_string_new (NULL);
  const char *alias = "t";
  g_autofree char *previous = NULL;
  int current = index;
  guint depth = 0;

  g_string_append_printf (sql, " FROM %s t", types[index].klass->table);
  if (types[index].parent < 0)
    {
      g_string_append (sql, " WHERE t.id IN (SELECT value FROM json_each (?1))");
      return g_string_free (sql, FALSE);
    }
  /* Join upwards until the record whose owner is top-level; filter on that owner's id. */
  while (types[types[current].parent].parent >= 0)
    {
      const TrellisXmlType *parent = &types[types[current].parent];
      g_autofree char *parent_alias = g_strdup_printf ("p%u", ++depth);

      g_string_append_printf (sql, " JOIN %s %s ON %s.id = %s.%s", parent->klass->table, parent_alias,
                              parent_alias, alias, types[current].parent_field->column);
      g_free (previous);
      previous = g_steal_pointer (&parent_alias);
      alias = previous;
      current = types[current].parent;
    }
  g_string_append_printf (sql, " WHERE %s.%s IN (SELECT value FROM json_each (?1))",
                          alias, types[current].parent_field->column);
  return g_string_free (sql, FALSE);
}

static const TrellisField *
position_field (const TrellisXmlType *type)
{
  for (guint f = 0; f < type->klass->n_fields; f++)
    if (type->klass->fields[f].flags & TRELLIS_FIELD_FLAG_POSITION)
      return &type->klass->fields[f];
  return NULL;
}

static gboolean
read_rows (TrellisStore  *store,
           const char    *sql,
           const char    *ids_json,
           Rows          *rows,
           GStringChunk  *chunk,
           GError       **error)
{
  sqlite3_stmt *stmt = trellis_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ids_json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 owner = sqlite3_column_int64 (stmt, rows->n_columns);

      for (guint c = 0; c < rows->n_columns; c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);
          g_ptr_array_add (rows->cells, text ? g_string_chunk_insert (chunk, text) : NULL);
        }
      g_array_append_val (rows->ids, id);
      g_array_append_val (rows->owners, owner);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return trellis_store_set_sqlite_error (store, error);
  return TRUE;
}

static char *
ids_to_json (const gint64 *ids,
             guint         n_ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* Reads every record under the given top-level records (of type @top), one query per table. */
static Batch *
read_batch (TrellisStore  *store,
            int            top,
            const gint64  *ids,
            guint          n_ids,
            GError       **error)
{
  g_autoptr(Batch) batch = batch_new ();
  g_autofree char *json = ids_to_json (ids, n_ids);

  for (guint t = 0; t < batch->n_types; t++)
    {
      const TrellisXmlType *type = &batch->types[t];
      const TrellisField *position = position_field (type);
      g_autofree char *columns = NULL;
      g_autofree char *from = NULL;
      g_autofree char *sql = NULL;

      if (top_level_of (batch->types, t) != top)
        continue;
      columns = trellis_xml_format_select_sql (type);
      from = subtree_from_where (batch->types, t);
      sql = g_strdup_printf ("SELECT %s%s ORDER BY %s%s%s%st.id", columns, from,
                             type->parent_field ? "t." : "",
                             type->parent_field ? type->parent_field->column : "",
                             type->parent_field ? ", " : "",
                             position ? "t.position, " : "");
      if (!read_rows (store, sql, json, &batch->rows[t], batch->chunk, error))
        return NULL;
    }

  if (g_strcmp0 (batch->types[top].klass->table, "student") == 0)
    {
      /* Links in framework order; the UUID breaks ties the same way in every database. */
      static const char links_sql[] =
        "SELECT gc.goal_id, c.uuid, gc.goal_id FROM goal_competency gc "
        "JOIN competency c ON c.id = gc.competency_id JOIN attribute a ON a.id = c.attribute_id "
        "JOIN goal g ON g.id = gc.goal_id JOIN plan p ON p.id = g.plan_id "
        "WHERE p.student_id IN (SELECT value FROM json_each (?1)) "
        "ORDER BY gc.goal_id, a.position, c.position, c.uuid";

      batch->links.n_columns = 2;
      if (!read_rows (store, links_sql, json, &batch->links, batch->chunk, error))
        return NULL;
    }
  return g_steal_pointer (&batch);
}

/* Appends @text escaped for element content, or with @markup FALSE only made safe (for the
 * writer's attributes, which it escapes itself). XML 1.0 cannot carry most control characters;
 * a stray one in the database becomes U+FFFD rather than an unreadable file. A carriage return
 * is written as a reference so that it survives a reader's line-end normalisation. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    markup)
{
  const char *span = text;

  for (const char *p = text; *p != '\0'; p++)
    {
      const char *replacement;
      guchar c = *p;

      if (c >= 0x3f || (c >= 0x20 && c != '&' && c != '<' && c != '>') || c == '\t' || c == '\n' ||
          (!markup && (c >= 0x20 || c == '\r')))
        continue;
      switch (c)
        {
        case '&': replacement = "&amp;"; break;
        case '<': replacement = "&lt;"; break;
        case '>': replacement = "&gt;"; break;
        case '\r': replacement = "&#13;"; break;
        default: replacement = "\xef\xbf\xbd"; break;
        }
      g_string_append_len (out, span, p - span);
      g_string_append (out, replacement);
      span = p + 1;
    }
  g_string_append (out, span);
}

static void
append_indent (GString *out,
               guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_text_element (GString    *out,
                     guint       depth,
                     const char *name,
                     const char *text)
{
  append_indent (out, depth);
  g_string_append_c (out, '<');
  g_string_append (out, name);
  g_string_append_c (out, '>');
  append_escaped (out, text, TRUE);
  g_string_append (out, "</");
  g_string_append (out, name);
  g_string_append_c (out, '>');
}

static gboolean
write_indent (xmlTextWriterPtr  writer,
              GString          *scratch,
              guint             depth)
{
  g_string_truncate (scratch, 0);
  append_indent (scratch, depth);
  return xmlTextWriterWriteRawLen (writer, (const xmlChar *) scratch->str, scratch->len) >= 0;
}

/* Records go through the writer element by element; the fields of one record, which are plain
 * text elements, are escaped here and handed over in one piece, which halves the time of a
 * large export. */
static gboolean
write_record (xmlTextWriterPtr  writer,
              GString          *scratch,
              Batch            *batch,
              guint             type_index,
              guint             row,
              guint             depth)
{
  const TrellisXmlType *type = &batch->types[type_index];
  Rows *rows = &batch->rows[type_index];
  gint64 id = g_array_index (rows->ids, gint64, row);

  if (!write_indent (writer, scratch, depth) ||
      xmlTextWriterStartElement (writer, (const xmlChar *) type->element) < 0)
    return FALSE;
  for (guint c = TRELLIS_XML_COLUMN_UUID; c < TRELLIS_XML_N_IDENTITY_COLUMNS; c++)
    {
      const char *value = rows_cell (rows, row, c);

      g_string_truncate (scratch, 0);
      append_escaped (scratch, value ? value : "", FALSE);
      if (xmlTextWriterWriteAttribute (writer, (const xmlChar *) trellis_xml_identity_attributes[c],
                                       (const xmlChar *) scratch->str) < 0)
        return FALSE;
    }

  g_string_truncate (scratch, 0);
  for (guint f = 0; f < type->klass->n_fields; f++)
    {
      const char *value;

      if (type->field_elements[f] == NULL)
        continue;
      value = trellis_xml_format_value (&type->klass->fields[f],
                                        rows_cell (rows, row, TRELLIS_XML_N_IDENTITY_COLUMNS + f));
      if (value != NULL)
        append_text_element (scratch, depth + 1, type->field_elements[f], value);
    }
  if (g_strcmp0 (type->klass->table, "goal") == 0)
    for (guint l = rows_find_owner (&batch->links, id);
         l < rows_count (&batch->links) && g_array_index (batch->links.owners, gint64, l) == id; l++)
      append_text_element (scratch, depth + 1, TRELLIS_XML_LINK, rows_cell (&batch->links, l, 1));
  if (xmlTextWriterWriteRawLen (writer, (const xmlChar *) scratch->str, scratch->len) < 0)
    return FALSE;

  for (guint t = 0; t < batch->n_types; t++)
    {
      Rows *children = &batch->rows[t];

      if (batch->types[t].parent != (int) type_index)
        continue;
      for (guint c = rows_find_owner (children, id);
           c < rows_count (children) && g_array_index (children->owners, gint64, c) == id; c++)
        if (!write_record (writer, scratch, batch, t, c, depth + 1))
          return FALSE;
    }
  return write_indent (writer, scratch, depth) && xmlTextWriterEndElement (writer) >= 0;
}

static gboolean
output_flush (Output *output)
{
  gsize done = 0;

  while (done < output->buffer->len)
    {
      gssize written = write (output->fd, output->buffer->str + done, output->buffer->len - done);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          output->saved_errno = errno;
          return FALSE;
        }
      done += written;
    }
  g_string_truncate (output->buffer, 0);
  return TRUE;
}

static int
on_output_write (void       *context,
                 const char *data,
                 int         len)
{
  Output *output = context;

  g_string_append_len (output->buffer, data, len);
  if (output->buffer->len >= OUT_BUFFER_SIZE && !output_flush (output))
    return -1;
  return len;
}

static int
on_output_close (void *context)
{
  Output *output = context;

  return output_flush (output) ? 0 : -1;
}

static GArray *
select_ids (TrellisStore  *store,
            const char    *sql,
            const char    *json,
            GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = trellis_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (json != NULL)
    sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* The selected students as sorted row ids; all of them when nothing was selected. */
static GArray *
resolve_students (TrellisXmlExport  *self,
                  TrellisStore      *store,
                  GError           **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *json = NULL;

  if (self->student_ids->len == 0 && self->student_uuids->len == 0)
    return select_ids (store, "SELECT id FROM student ORDER BY id", NULL, error);

  ids = g_array_copy (self->student_ids);
  for (guint i = 0; i < self->student_uuids->len; i++)
    {
      const char *uuid = self->student_uuids->pdata[i];
      sqlite3_stmt *stmt = trellis_store_prepare (store, "SELECT id FROM student WHERE uuid = ?", error);
      gint64 id = 0;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (id == 0)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                       _("No student has the identifier “%s”; nothing was exported."), uuid);
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  json = ids_to_json ((const gint64 *) (gpointer) ids->data, ids->len);
  return select_ids (store, "SELECT DISTINCT id FROM student "
                            "WHERE id IN (SELECT value FROM json_each (?1)) ORDER BY id", json, error);
}

/* Every framework for a whole-database export; otherwise those the students' plans, evidence
 * and links use, so that the file is complete on its own. */
static GArray *
resolve_frameworks (TrellisXmlExport  *self,
                    TrellisStore      *store,
                    GArray            *students,
                    GError           **error)
{
  g_autofree char *json = NULL;

  if (self->student_ids->len == 0 && self->student_uuids->len == 0)
    return select_ids (store, "SELECT id FROM framework ORDER BY id", NULL, error);

  json = ids_to_json ((const gint64 *) (gpointer) students->data, students->len);
  return select_ids (store,
                     "WITH s (id) AS (SELECT value FROM json_each (?1)), "
                     "g (id) AS (SELECT goal.id FROM goal JOIN plan ON plan.id = goal.plan_id "
                     "           WHERE plan.student_id IN s), "
                     "c (id) AS (SELECT competency_id FROM evidence WHERE goal_id IN g "
                     "           UNION SELECT competency_id FROM goal_competency WHERE goal_id IN g) "
                     "SELECT id FROM framework WHERE "
                     "id IN (SELECT framework_id FROM plan WHERE student_id IN s) OR "
                     "id IN (SELECT a.framework_id FROM competency k JOIN attribute a "
                     "       ON a.id = k.attribute_id WHERE k.id IN c) OR "
                     "id IN (SELECT l.framework_id FROM evidence e JOIN proficiency_level l "
                     "       ON l.id = e.level_id WHERE e.goal_id IN g) "
                     "ORDER BY id", json, error);
}

static gboolean
write_top_level (TrellisXmlExport  *self,
                 TrellisStore      *store,
                 xmlTextWriterPtr   writer,
                 const char        *table,
                 GArray            *ids,
                 guint             *done,
                 guint              total,
                 TrellisProgressFunc progress,
                 gpointer           user_data,
                 GCancellable      *cancellable,
                 GError           **error)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);
  g_autoptr(GString) scratch = g_string_new (NULL);
  int top = -1;

  for (guint t = 0; t < n_types; t++)
    if (g_strcmp0 (types[t].klass->table, table) == 0)
      top = t;
  g_assert (top >= 0);

  for (guint start = 0; start < ids->len; start += BATCH_SIZE)
    {
      guint n = MIN (BATCH_SIZE, ids->len - start);
      g_autoptr(Batch) batch = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED,
                               _("The export was cancelled; no file was written."));
          return FALSE;
        }
      batch = read_batch (store, top, &g_array_index (ids, gint64, start), n, error);
      if (batch == NULL)
        return FALSE;
      for (guint r = 0; r < rows_count (&batch->rows[top]); r++)
        if (!write_record (writer, scratch, batch, top, r, 1))
          {
            g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_IO, _("Writing the file failed."));
            return FALSE;
          }
      *done += n;
      if (progress != NULL)
        progress (total > 0 ? (double) *done / total : 1.0, user_data);
    }
  return TRUE;
}

static gboolean
write_document (TrellisXmlExport    *self,
                TrellisStore        *store,
                xmlTextWriterPtr     writer,
                TrellisProgressFunc  progress,
                gpointer             user_data,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(GArray) students = NULL;
  g_autoptr(GArray) frameworks = NULL;
  g_autofree char *now = NULL;
  guint done = 0, total;

  students = resolve_students (self, store, error);
  if (students == NULL)
    return FALSE;
  frameworks = resolve_frameworks (self, store, students, error);
  if (frameworks == NULL)
    return FALSE;
  total = students->len + frameworks->len;
  if (self->exported_at == NULL)
    now = trellis_now_iso8601 ();

  if (xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) < 0 ||
      xmlTextWriterStartElementNS (writer, NULL, (const xmlChar *) TRELLIS_XML_ROOT,
                                   (const xmlChar *) TRELLIS_XML_NAMESPACE) < 0 ||
      xmlTextWriterWriteAttribute (writer, (const xmlChar *) "version",
                                   (const xmlChar *) TRELLIS_XML_VERSION) < 0 ||
      xmlTextWriterWriteAttribute (writer, (const xmlChar *) "exported-at",
                                   (const xmlChar *) (now ? now : self->exported_at)) < 0 ||
      xmlTextWriterWriteAttribute (writer, (const xmlChar *) "generator",
                                   (const xmlChar *) "Trellis " PACKAGE_VERSION) < 0)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_IO, _("Writing the file failed."));
      return FALSE;
    }

  if (!write_top_level (self, store, writer, "framework", frameworks, &done, total,
                        progress, user_data, cancellable, error) ||
      !write_top_level (self, store, writer, "student", students, &done, total,
                        progress, user_data, cancellable, error))
    return FALSE;

  if (xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n") < 0 ||
      xmlTextWriterEndElement (writer) < 0 ||
      xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n") < 0 ||
      xmlTextWriterEndDocument (writer) < 0)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_IO, _("Writing the file failed."));
      return FALSE;
    }
  self->n_students = students->len;
  return TRUE;
}

static gboolean
set_fraction_idle (gpointer data)
{
  FractionUpdate *update = data;

  if (update->self->fraction != update->fraction)
    {
      update->self->fraction = update->fraction;
      g_object_notify_by_pspec (G_OBJECT (update->self), properties[PROP_FRACTION]);
    }
  return G_SOURCE_REMOVE;
}

static void
fraction_update_free (gpointer data)
{
  FractionUpdate *update = data;

  g_object_unref (update->self);
  g_free (update);
}

static void
on_async_progress (double   fraction,
                   gpointer user_data)
{
  AsyncProgress *progress = user_data;
  FractionUpdate *update;

  if (fraction - progress->reported < 0.01 && fraction < 1.0)
    return;
  progress->reported = fraction;
  update = g_new0 (FractionUpdate, 1);
  update->self = g_object_ref (progress->self);
  update->fraction = fraction;
  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, set_fraction_idle,
                              update, fraction_update_free);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TrellisXmlExport *self = source_object;
  const char *path = task_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(TrellisXmlExport) worker = NULL;
  AsyncProgress progress = { self, g_task_get_context (task), 0.0 };
  GError *error = NULL;
  gboolean ok;

  /* Our own connection, with its change watch on a context of this thread (see the store). */
  g_main_context_push_thread_default (context);
  store = trellis_store_open (self->database_path, &error);
  if (store != NULL)
    {
      worker = trellis_xml_export_new (store);
      g_array_append_vals (worker->student_ids, self->student_ids->data, self->student_ids->len);
      for (guint i = 0; i < self->student_uuids->len; i++)
        g_ptr_array_add (worker->student_uuids, g_strdup (self->student_uuids->pdata[i]));
      worker->exported_at = g_strdup (self->exported_at);
      ok = trellis_xml_export_write (worker, path, on_async_progress, &progress, cancellable, &error);
      self->n_students = worker->n_students;
      g_clear_object (&worker);
      g_clear_object (&store);
    }
  else
    ok = FALSE;
  g_main_context_pop_thread_default (context);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Overrides */

static void
trellis_xml_export_finalize (GObject *object)
{
  TrellisXmlExport *self = TRELLIS_XML_EXPORT (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->student_ids, g_array_unref);
  g_clear_pointer (&self->student_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->exported_at, g_free);

  G_OBJECT_CLASS (trellis_xml_export_parent_class)->finalize (object);
}

static void
trellis_xml_export_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TrellisXmlExport *self = TRELLIS_XML_EXPORT (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_xml_export_class_init (TrellisXmlExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_xml_export_finalize;
  object_class->get_property = trellis_xml_export_get_property;

  /**
   * TrellisXmlExport:fraction:
   *
   * How much of an asynchronous export is written, from 0 to 1; notified on the main context
   * of the caller of trellis_xml_export_write_async().
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_xml_export_init (TrellisXmlExport *self)
{
  self->student_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->student_uuids = g_ptr_array_new_with_free_func (g_free);
}

/* Public API */

/**
 * trellis_xml_export_new:
 * @store: the database to export from
 *
 * An export of the whole database until students are added to it.
 *
 * Returns: (transfer full): a new export
 */
TrellisXmlExport *
trellis_xml_export_new (TrellisStore *store)
{
  TrellisXmlExport *self;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  self = g_object_new (TRELLIS_TYPE_XML_EXPORT, NULL);
  self->store = g_object_ref (store);
  self->database_path = g_strdup (trellis_store_get_path (store));
  return self;
}

void
trellis_xml_export_add_student_id (TrellisXmlExport *self,
                                   gint64            student_id)
{
  g_return_if_fail (TRELLIS_IS_XML_EXPORT (self));
  g_array_append_val (self->student_ids, student_id);
}

void
trellis_xml_export_add_student_uuid (TrellisXmlExport *self,
                                     const char       *student_uuid)
{
  g_return_if_fail (TRELLIS_IS_XML_EXPORT (self));
  g_return_if_fail (student_uuid != NULL);
  g_ptr_array_add (self->student_uuids, g_strdup (student_uuid));
}

/**
 * trellis_xml_export_set_exported_at:
 * @self: an export
 * @iso8601: (nullable): the time to write as `exported-at`, %NULL for the time of writing
 *
 * For reproducible files (tests, archives): two exports of the same data at the same stated
 * time are byte for byte the same.
 */
void
trellis_xml_export_set_exported_at (TrellisXmlExport *self,
                                    const char       *iso8601)
{
  g_return_if_fail (TRELLIS_IS_XML_EXPORT (self));

  g_free (self->exported_at);
  self->exported_at = g_strdup (iso8601);
}

/**
 * trellis_xml_export_get_n_students:
 * @self: an export
 *
 * Returns: how many students the last successful write put in the file
 */
guint
trellis_xml_export_get_n_students (TrellisXmlExport *self)
{
  g_return_val_if_fail (TRELLIS_IS_XML_EXPORT (self), 0);
  return self->n_students;
}

double
trellis_xml_export_get_fraction (TrellisXmlExport *self)
{
  g_return_val_if_fail (TRELLIS_IS_XML_EXPORT (self), 0.0);
  return self->fraction;
}

/**
 * trellis_xml_export_write:
 * @self: an export
 * @path: the file to write; replaced only when the export is complete
 * @progress: (nullable) (scope call): called with the fraction done
 * @user_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the file with the store given to trellis_xml_export_new(), in the calling thread.
 *
 * Returns: %FALSE with @error set on failure or cancellation; any earlier file at @path is
 *   then left as it was
 */
gboolean
trellis_xml_export_write (TrellisXmlExport     *self,
                          const char           *path,
                          TrellisProgressFunc   progress,
                          gpointer              user_data,
                          GCancellable         *cancellable,
                          GError              **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GString) buffer = g_string_sized_new (OUT_BUFFER_SIZE + 4096);
  Output output = { -1, 0, buffer };
  xmlOutputBufferPtr out;
  xmlTextWriterPtr writer;
  gboolean ok;
  int close_result;

  g_return_val_if_fail (TRELLIS_IS_XML_EXPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  display = g_filename_display_name (path);

  /* A hidden sibling, so the rename that publishes it stays within one filesystem. Mode 0600:
   * the file holds students' personal data. */
  temp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  output.fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (output.fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *dir_display = g_filename_display_name (dir);

      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("Could not write to the folder “%s”: %s. Nothing was exported."),
                   dir_display, g_strerror (saved_errno));
      return FALSE;
    }

  out = xmlOutputBufferCreateIO (on_output_write, on_output_close, &output, NULL);
  writer = xmlNewTextWriter (out);
  ok = write_document (self, self->store, writer, progress, user_data, cancellable, error);
  xmlFreeTextWriter (writer);   /* flushes and closes the output buffer */

  if (ok && output.saved_errno != 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("Could not write “%s”: %s. An earlier file there, if any, was left as it was."),
                   display, g_strerror (output.saved_errno));
      ok = FALSE;
    }
  else if (!ok && error != NULL && *error != NULL && output.saved_errno != 0)
    {
      g_clear_error (error);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("Could not write “%s”: %s. An earlier file there, if any, was left as it was."),
                   display, g_strerror (output.saved_errno));
    }

  if (ok && fsync (output.fd) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("Could not write “%s”: %s. An earlier file there, if any, was left as it was."),
                   display, g_strerror (saved_errno));
      ok = FALSE;
    }
  close_result = close (output.fd);
  if (ok && close_result != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("Could not write “%s”: %s. An earlier file there, if any, was left as it was."),
                   display, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (ok && g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("Could not replace “%s”: %s. An earlier file there, if any, was left as it was."),
                   display, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (temp_path);
  return ok;
}

/**
 * trellis_xml_export_write_async:
 * @self: an export
 * @path: the file to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context when done
 * @user_data: data for @callback
 *
 * Writes the file in a worker thread on a connection of its own to the same database;
 * #TrellisXmlExport:fraction follows the progress.
 */
void
trellis_xml_export_write_async (TrellisXmlExport    *self,
                                const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRELLIS_IS_XML_EXPORT (self));
  g_return_if_fail (path != NULL);

  self->fraction = 0.0;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trellis_xml_export_write_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
trellis_xml_export_write_finish (TrellisXmlExport  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
