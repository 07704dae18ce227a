/* trellis-xml-export.c — writes students, their plans and the frameworks they use to a plan file
 *
 * The file is streamed: records are read a batch of students at a time (one query per table per
 * batch) and written out, so memory stays flat for any school size. xmlTextWriter writes the
 * document and its top element; the records inside it, which are plain elements in a fixed
 * order, are formatted here and handed to the writer in large pieces, which makes a large export
 * about twice as fast as writing each element and attribute through it. The file goes to a
 * temporary file in the target's folder that replaces the target only once complete, so a failed
 * or cancelled export leaves an earlier file untouched.
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
#include "trellis-store-job.h"
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

/* One cell of a row as SQLite gave it, copied into the batch's chunk; %NULL text for SQL NULL. */
typedef struct
{
  const char *text;
  gsize       len;
} Cell;

typedef struct
{
  gint64  id;
  gint64  owner;
  gint64  position;
  guint   first_cell;
} Row;

/* The rows of one table for one batch, sorted by owner, position and id, so that an owner's
 * records are adjacent and in their order. Sorting here rather than in SQL spares SQLite from
 * moving every row, texts and all, through a temporary B-tree. */
typedef struct
{
  guint       n_columns;
  GArray     *rows;      /* Row */
  GArray     *cells;     /* Cell, n_columns per row */
  GHashTable *by_id;     /* row id → row index + 1, made on the first lookup */
} Rows;

typedef struct
{
  Rows         *rows;     /* per type */
  Rows          links;    /* goal id, competency UUID */
  GStringChunk *chunk;
} Batch;

/* How one field is written: its element's tags, and the type its reference points at. */
typedef struct
{
  const char *open;
  gsize   open_len;
  const char *close;
  gsize   close_len;
  int     target;        /* type index of a written reference, -1 otherwise */
} FieldOut;

/* The output: a buffer in front of a file descriptor, so writes reach the disk in large pieces. */
typedef struct
{
  int      fd;
  int      saved_errno;
  GString *buffer;
} Output;

/* Records are formatted here, then handed to the writer a few hundred kilobytes at a time. */
typedef struct
{
  char  *data;
  gsize  len;
  gsize  allocated;
} Buffer;

/* What writing one document needs besides the file. */
typedef struct
{
  TrellisStore         *store;
  xmlTextWriterPtr      writer;
  const TrellisXmlType *types;
  guint                 n_types;
  FieldOut            **fields;   /* per type, per field */
  GHashTable          **known;    /* per type: row id → UUID of records outside the batch */
  Buffer                out;
} Writer;

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

/* Escaping: per byte, 0 when it is written as it is, otherwise its replacement. XML 1.0 cannot
 * carry most control characters; a stray one in the database becomes U+FFFD rather than an
 * unreadable file. A carriage return is written as a reference so that it survives a reader's
 * line-end normalisation, and in attributes tabs and line feeds are too. */
enum {
  KEEP,
  AMP,
  LT,
  GT,
  QUOT,
  TAB,
  LF,
  CR,
  REPLACEMENT,
};

static const struct
{
  const char *text;
  gsize       len;
} replacements[] = {
  [AMP] = { "&amp;", 5 },
  [LT] = { "&lt;", 4 },
  [GT] = { "&gt;", 4 },
  [QUOT] = { "&quot;", 6 },
  [TAB] = { "&#9;", 4 },
  [LF] = { "&#10;", 5 },
  [CR] = { "&#13;", 5 },
  [REPLACEMENT] = { "\xef\xbf\xbd", 3 },
};

static guint8 text_escapes[256];
static guint8 attribute_escapes[256];

/* Helpers */

static void
init_escapes (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  for (guint c = 0; c < 0x20; c++)
    text_escapes[c] = attribute_escapes[c] = REPLACEMENT;
  text_escapes['\t'] = KEEP;
  text_escapes['\n'] = KEEP;
  text_escapes['\r'] = CR;
  attribute_escapes['\t'] = TAB;
  attribute_escapes['\n'] = LF;
  attribute_escapes['\r'] = CR;
  text_escapes['&'] = attribute_escapes['&'] = AMP;
  text_escapes['<'] = attribute_escapes['<'] = LT;
  text_escapes['>'] = attribute_escapes['>'] = GT;
  attribute_escapes['"'] = QUOT;
  g_once_init_leave (&done, 1);
}

static inline void
buffer_append (Buffer     *buffer,
               const char *data,
               gsize       len)
{
  if (G_UNLIKELY (buffer->len + len > buffer->allocated))
    {
      buffer->allocated = MAX (buffer->allocated * 2, buffer->len + len);
      buffer->data = g_realloc (buffer->data, buffer->allocated);
    }
  memcpy (buffer->data + buffer->len, data, len);
  buffer->len += len;
}

/* Most texts have nothing to escape: the scan runs over them and they are copied in one piece. */
static void
buffer_append_escaped (Buffer       *buffer,
                       const char   *text,
                       gsize         len,
                       const guint8 *escapes)
{
  const char *p = text, *end = text + len, *span = text;

  while (p < end)
    {
      guint8 replacement;

      while (p < end && escapes[(guchar) *p] == KEEP)
        p++;
      if (p == end)
        break;
      replacement = escapes[(guchar) *p];
      buffer_append (buffer, span, p - span);
      buffer_append (buffer, replacements[replacement].text, replacements[replacement].len);
      span = ++p;
    }
  buffer_append (buffer, span, p - span);
}

/* A new line, indented for @depth. */
static void
buffer_append_indent (Buffer *buffer,
                      guint   depth)
{
  static const char indent[] = "\n                                                                ";

  g_assert (2 * depth < sizeof indent - 1);
  buffer_append (buffer, indent, 1 + 2 * depth);
}

static void
buffer_append_element (Buffer         *buffer,
                       guint           depth,
                       const FieldOut *field,
                       const char     *text,
                       gsize           len)
{
  buffer_append_indent (buffer, depth);
  buffer_append (buffer, field->open, field->open_len);
  buffer_append_escaped (buffer, text, len, text_escapes);
  buffer_append (buffer, field->close, field->close_len);
}

static void
rows_init (Rows  *rows,
           guint  n_columns)
{
  rows->n_columns = n_columns;
  rows->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  rows->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  rows->by_id = NULL;
}

static void
rows_clear (Rows *rows)
{
  g_clear_pointer (&rows->rows, g_array_unref);
  g_clear_pointer (&rows->cells, g_array_unref);
  g_clear_pointer (&rows->by_id, g_hash_table_unref);
}

static guint
rows_count (Rows *rows)
{
  return rows->rows->len;
}

static Row *
rows_row (Rows  *rows,
          guint  row)
{
  return &g_array_index (rows->rows, Row, row);
}

static const Cell *
rows_cell (Rows  *rows,
           guint  row,
           guint  column)
{
  return &g_array_index (rows->cells, Cell, rows_row (rows, row)->first_cell + column);
}

/* The first row owned by @owner, or the row count when none. */
static guint
rows_find_owner (Rows   *rows,
                 gint64  owner)
{
  guint low = 0, high = rows_count (rows);

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (rows_row (rows, mid)->owner < owner)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = a, *y = b;

  if (x->owner != y->owner)
    return x->owner < y->owner ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static void
batch_free (Batch *batch)
{
  guint n_types;

  trellis_xml_format_types (&n_types);
  for (guint t = 0; t < n_types; t++)
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
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);

  batch->rows = g_new0 (Rows, n_types);
  for (guint t = 0; t < n_types; t++)
    rows_init (&batch->rows[t], TRELLIS_XML_N_IDENTITY_COLUMNS + types[t].klass->n_fields);
  rows_init (&batch->links, 2);
  batch->chunk = g_string_chunk_new (256 * 1024);
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

static int
find_table (const TrellisXmlType *types,
            guint                 n_types,
            const char           *table)
{
  for (guint t = 0; t < n_types; t++)
    if (g_strcmp0 (types[t].klass->table, table) == 0)
      return t;
  return -1;
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

/* The identity columns, every field as stored (references as row ids, which the writer turns
 * into UUIDs), the position (0 without one) and the owner's row id. */
static char *
select_sql (const TrellisXmlType *type)
{
  g_autoptr(GString) sql = g_string_new ("SELECT t.id, t.uuid, t.created_at, t.created_by, "
                                         "t.updated_at, t.updated_by");
  const char *position = "0";

  for (guint f = 0; f < type->klass->n_fields; f++)
    {
      g_string_append_printf (sql, ", t.%s", type->klass->fields[f].column);
      if (type->klass->fields[f].flags & TRELLIS_FIELD_FLAG_POSITION)
        position = "t.position";
    }
  g_string_append_printf (sql, ", %s, %s%s", position, type->parent_field ? "t." : "",
                          type->parent_field ? type->parent_field->column : "0");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Reads the rows of @stmt (bound already): @rows->n_columns cells, then, unless @sorted, the
 * position and the owner, by which the rows are then sorted. */
static gboolean
read_rows (TrellisStore  *store,
           sqlite3_stmt  *stmt,
           Rows          *rows,
           gboolean       sorted,
           GStringChunk  *chunk,
           GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, rows->n_columns + 1),
                  sorted ? 0 : sqlite3_column_int64 (stmt, rows->n_columns), rows->cells->len };

      for (guint c = 0; c < rows->n_columns; c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);
          Cell cell = { NULL, 0 };

          if (text != NULL)
            {
              cell.len = sqlite3_column_bytes (stmt, c);
              cell.text = g_string_chunk_insert_len (chunk, text, cell.len);
            }
          g_array_append_val (rows->cells, cell);
        }
      g_array_append_val (rows->rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return trellis_store_set_sqlite_error (store, error);
  if (!sorted)
    g_array_sort (rows->rows, compare_rows);
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

static gboolean
read_query (TrellisStore  *store,
            const char    *sql,
            const char    *json,
            Rows          *rows,
            gboolean       sorted,
            GStringChunk  *chunk,
            GError       **error)
{
  sqlite3_stmt *stmt = trellis_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  return read_rows (store, stmt, rows, sorted, chunk, error);
}

/* Reads every record under the given top-level records (of type @top), one query per table. */
static Batch *
read_batch (Writer        *w,
            int            top,
            const gint64  *ids,
            guint          n_ids,
            GError       **error)
{
  g_autoptr(Batch) batch = batch_new ();
  g_autofree char *json = ids_to_json (ids, n_ids);

  for (guint t = 0; t < w->n_types; t++)
    {
      g_autofree char *columns = NULL;
      g_autofree char *from = NULL;
      g_autofree char *sql = NULL;

      if (top_level_of (w->types, t) != top)
        continue;
      columns = select_sql (&w->types[t]);
      from = subtree_from_where (w->types, t);
      sql = g_strconcat (columns, from, NULL);
      if (!read_query (w->store, sql, json, &batch->rows[t], FALSE, batch->chunk, error))
        return NULL;
    }

  if (g_strcmp0 (w->types[top].klass->table, "student") == 0)
    {
      /* Links in framework order; the UUID breaks ties the same way in every database. */
      static const char links_sql[] =
        "SELECT gc.goal_id, c.uuid, 0, gc.goal_id FROM goal_competency gc "
        "JOIN competency c ON c.id = gc.competency_id JOIN attribute a ON a.id = c.attribute_id "
        "JOIN goal g ON g.id = gc.goal_id JOIN plan p ON p.id = g.plan_id "
        "WHERE p.student_id IN (SELECT value FROM json_each (?1)) "
        "ORDER BY gc.goal_id, a.position, c.position, c.uuid";

      if (!read_query (w->store, links_sql, json, &batch->links, TRUE, batch->chunk, error))
        return NULL;
    }
  return g_steal_pointer (&batch);
}

/* The UUID of the record with row id @id of type @target: from the batch when it is there (a
 * note's goal), otherwise looked up once (a plan's framework, evidence's competency and level). */
static const char *
lookup_uuid (Writer  *w,
             Batch   *batch,
             int      target,
             gint64   id)
{
  Rows *rows = &batch->rows[target];
  gpointer found;

  if (rows_count (rows) > 0)
    {
      if (rows->by_id == NULL)
        {
          rows->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
          for (guint r = 0; r < rows_count (rows); r++)
            g_hash_table_insert (rows->by_id, &rows_row (rows, r)->id, GUINT_TO_POINTER (r + 1));
        }
      found = g_hash_table_lookup (rows->by_id, &id);
      if (found != NULL)
        return rows_cell (rows, GPOINTER_TO_UINT (found) - 1, TRELLIS_XML_COLUMN_UUID)->text;
    }

  if (!g_hash_table_lookup_extended (w->known[target], &id, NULL, &found))
    {
      g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = ?",
                                              w->types[target].klass->table);
      sqlite3_stmt *stmt = trellis_store_prepare (w->store, sql, NULL);
      gint64 *key = g_new (gint64, 1);

      found = NULL;
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            found = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          sqlite3_reset (stmt);
        }
      *key = id;
      g_hash_table_insert (w->known[target], key, found);
    }
  return found;
}

static void
append_attribute (Buffer     *out,
                  const char *name,
                  const Cell *value)
{
  buffer_append (out, " ", 1);
  buffer_append (out, name, strlen (name));
  buffer_append (out, "=\"", 2);
  if (value->text != NULL)
    buffer_append_escaped (out, value->text, value->len, attribute_escapes);
  buffer_append (out, "\"", 1);
}

/* A record with its fields, links and the records it owns, as text in the buffer. */
static void
format_record (Writer *w,
               Batch  *batch,
               guint   type_index,
               guint   row,
               guint   depth)
{
  const TrellisXmlType *type = &w->types[type_index];
  Rows *rows = &batch->rows[type_index];
  gint64 id = rows_row (rows, row)->id;
  Buffer *out = &w->out;

  buffer_append_indent (out, depth);
  buffer_append (out, "<", 1);
  buffer_append (out, type->element, strlen (type->element));
  for (guint c = TRELLIS_XML_COLUMN_UUID; c < TRELLIS_XML_N_IDENTITY_COLUMNS; c++)
    append_attribute (out, trellis_xml_identity_attributes[c], rows_cell (rows, row, c));
  buffer_append (out, ">", 1);

  for (guint f = 0; f < type->klass->n_fields; f++)
    {
      const FieldOut *field = &w->fields[type_index][f];
      const Cell *cell = rows_cell (rows, row, TRELLIS_XML_N_IDENTITY_COLUMNS + f);
      const char *value;

      if (type->field_elements[f] == NULL)
        continue;
      if (field->target >= 0)
        value = cell->text ? lookup_uuid (w, batch, field->target, g_ascii_strtoll (cell->text, NULL, 10))
                           : NULL;
      else
        value = cell->text;
      value = trellis_xml_format_value (&type->klass->fields[f], value);
      if (value != NULL)
        buffer_append_element (out, depth + 1, field, value, value == cell->text ? cell->len : strlen (value));
    }
  if (g_strcmp0 (type->klass->table, "goal") == 0)
    {
      static const FieldOut link = { "<" TRELLIS_XML_LINK ">", sizeof TRELLIS_XML_LINK + 1,
                                     "</" TRELLIS_XML_LINK ">", sizeof TRELLIS_XML_LINK + 2, -1 };

      for (guint l = rows_find_owner (&batch->links, id);
           l < rows_count (&batch->links) && rows_row (&batch->links, l)->owner == id; l++)
        {
          const Cell *uuid = rows_cell (&batch->links, l, 1);
          buffer_append_element (out, depth + 1, &link, uuid->text, uuid->len);
        }
    }

  for (guint t = 0; t < w->n_types; t++)
    {
      Rows *children = &batch->rows[t];

      if (w->types[t].parent != (int) type_index)
        continue;
      for (guint c = rows_find_owner (children, id);
           c < rows_count (children) && rows_row (children, c)->owner == id; c++)
        format_record (w, batch, t, c, depth + 1);
    }
  buffer_append_indent (out, depth);
  buffer_append (out, "</", 2);
  buffer_append (out, type->element, strlen (type->element));
  buffer_append (out, ">", 1);
}

/* Hands what the buffer holds to the writer. */
static gboolean
writer_flush (Writer *w)
{
  int result = w->out.len > 0 ? xmlTextWriterWriteRawLen (w->writer, (const xmlChar *) w->out.data,
                                                          w->out.len) : 0;

  w->out.len = 0;
  return result >= 0;
}

static void
writer_init (Writer           *w,
             TrellisStore     *store,
             xmlTextWriterPtr  writer)
{
  init_escapes ();
  w->store = store;
  w->writer = writer;
  w->types = trellis_xml_format_types (&w->n_types);
  w->fields = g_new0 (FieldOut *, w->n_types);
  w->known = g_new0 (GHashTable *, w->n_types);
  for (guint t = 0; t < w->n_types; t++)
    {
      const TrellisXmlType *type = &w->types[t];

      w->known[t] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      w->fields[t] = g_new0 (FieldOut, type->klass->n_fields);
      for (guint f = 0; f < type->klass->n_fields; f++)
        {
          const TrellisField *field = &type->klass->fields[f];
          FieldOut *out = &w->fields[t][f];

          out->target = -1;
          if (type->field_elements[f] == NULL)
            continue;
          out->open = g_strdup_printf ("<%s>", type->field_elements[f]);
          out->open_len = strlen (out->open);
          out->close = g_strdup_printf ("</%s>", type->field_elements[f]);
          out->close_len = strlen (out->close);
          if (field->type == TRELLIS_FIELD_REFERENCE)
            out->target = find_table (w->types, w->n_types, field->references);
        }
    }
  w->out.allocated = 2 * OUT_BUFFER_SIZE;
  w->out.data = g_malloc (w->out.allocated);
}

static void
writer_clear (Writer *w)
{
  for (guint t = 0; t < w->n_types; t++)
    {
      for (guint f = 0; f < w->types[t].klass->n_fields; f++)
        {
          g_free ((gpointer) w->fields[t][f].open);
          g_free ((gpointer) w->fields[t][f].close);
        }
      g_free (w->fields[t]);
      g_hash_table_unref (w->known[t]);
    }
  g_free (w->fields);
  g_free (w->known);
  g_free (w->out.data);
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

  if (stmt == NULL)
    return NULL;
  if (json != NULL)
    sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  if (!trellis_store_finish_statement (store, stmt, trellis_store_append_ids (stmt, ids), error))
    return NULL;
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
write_top_level (Writer             *w,
                 const char         *table,
                 GArray             *ids,
                 guint              *done,
                 guint               total,
                 TrellisProgressFunc progress,
                 gpointer            user_data,
                 GCancellable       *cancellable,
                 GError            **error)
{
  int top = find_table (w->types, w->n_types, table);

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
      batch = read_batch (w, top, &g_array_index (ids, gint64, start), n, error);
      if (batch == NULL)
        return FALSE;
      for (guint r = 0; r < rows_count (&batch->rows[top]); r++)
        {
          format_record (w, batch, top, r, 1);
          if (w->out.len >= OUT_BUFFER_SIZE && !writer_flush (w))
            {
              g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_IO, _("Writing the file failed."));
              return FALSE;
            }
        }
      *done += n;
      if (progress != NULL)
        progress (total > 0 ? (double) *done / total : 1.0, user_data);
    }
  if (!writer_flush (w))
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_IO, _("Writing the file failed."));
      return FALSE;
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
  Writer w = { 0 };
  guint done = 0, total;
  gboolean ok;

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

  writer_init (&w, store, writer);
  ok = write_top_level (&w, "framework", frameworks, &done, total, progress, user_data, cancellable, error) &&
       write_top_level (&w, "student", students, &done, total, progress, user_data, cancellable, error);
  writer_clear (&w);
  if (!ok)
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

/* What a write in the worker thread needs; the task's source object keeps @self alive. */
typedef struct
{
  TrellisXmlExport *self;
  char             *path;
  AsyncProgress     progress;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  g_main_context_unref (job->progress.context);
  g_free (job->path);
  g_free (job);
}

/* In the worker thread, on its own connection (trellis_store_job_run_data_async()). */
static gboolean
write_job (gpointer       data,
           TrellisStore  *store,
           GCancellable  *cancellable,
           GError       **error)
{
  WriteJob *job = data;
  TrellisXmlExport *self = job->self;
  g_autoptr(TrellisXmlExport) worker = trellis_xml_export_new (store);
  gboolean ok;

  g_array_append_vals (worker->student_ids, self->student_ids->data, self->student_ids->len);
  for (guint i = 0; i < self->student_uuids->len; i++)
    g_ptr_array_add (worker->student_uuids, g_strdup (self->student_uuids->pdata[i]));
  worker->exported_at = g_strdup (self->exported_at);
  ok = trellis_xml_export_write (worker, job->path, on_async_progress, &job->progress, cancellable, error);
  self->n_students = worker->n_students;
  return ok;
}

/* Overrides */

static void
trellis_xml_export_finalize (GObject *object)
{
  TrellisXmlExport *self = TRELLIS_XML_EXPORT (object);

  g_clear_object (&self->store);
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
  WriteJob *job;

  g_return_if_fail (TRELLIS_IS_XML_EXPORT (self));
  g_return_if_fail (path != NULL);

  self->fraction = 0.0;
  job = g_new0 (WriteJob, 1);
  job->self = self;
  job->path = g_strdup (path);
  job->progress = (AsyncProgress) { self, g_main_context_ref_thread_default (), 0.0 };
  /* The worker says what happened: cancelled (TRELLIS_ERROR_CANCELLED, nothing written) or, when
   * the cancel came too late, written. */
  trellis_store_job_run_data_async (self, self->store, write_job, job, write_job_free,
                                    trellis_xml_export_write_async, cancellable, callback, user_data);
}

gboolean
trellis_xml_export_write_finish (TrellisXmlExport  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return trellis_store_job_finish (result, error);
}
