/* trellis-xml-import.c — reads a plan file safely, shows what it would change, and merges it
 *
 * Three steps. READ: the file is untrusted, so it is streamed through xmlTextReader with no
 * network, no entity substitution, no DTD (a document with a DOCTYPE is refused), an external
 * entity loader that refuses everything, and limits on size, depth and text length; it is
 * validated against the shipped schema in the same pass, and nothing touches the database until
 * the whole file is read; the limits of trellis-limits.h are counted as it goes. PLAN: every
 * record is matched by UUID and classified as new, updated, unchanged or in conflict (changed
 * here after the file was exported, and different in the file); a UUID this database has under
 * another owner is refused, never moved. APPLY: in one transaction through the store, so history
 * records every change and a failure leaves the database as it was. The plan is made again
 * inside that transaction: preview and apply see one database, and when it changed in between
 * nothing is applied and the new plan is there to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-xml-import"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trellis-entity-private.h"
#include "trellis-error.h"
#include "trellis-limits.h"
#include "trellis-store-job.h"
#include "trellis-store-private.h"
#include "trellis-vocabulary.h"
#include "trellis-xml-format.h"
#include "trellis-framework.h"
#include "trellis-xml-import.h"

/* Values up to this many bytes are interned (see intern()); longer ones are nearly all unique. */
#define SHORT_TEXT 40
/* No start tag of a plan file is nearly this long: a record's has a UUID, two times and two names. */
#define MAX_TAG (64 * 1024)

typedef enum {
  STATUS_NEW,
  STATUS_UNCHANGED,
  STATUS_UPDATED,
  STATUS_CONFLICT,
  STATUS_OLDER,        /* differs, but this database's version is newer: kept */
} RecordStatus;

typedef struct
{
  guint8        type;
  guint8        status;
  gboolean      adds_links;
  guint         line;
  guint         column;
  int           parent;       /* record index, -1 at the top level */
  guint         unit;
  const char   *identity[TRELLIS_XML_N_IDENTITY_COLUMNS];
  guint         values;       /* first of the type's n_fields canonical values in `values` */
  guint         first_link;
  guint         n_links;
  gint64        local_id;     /* the matching record here, 0 when new */
  gint64        target_id;    /* what the file's UUID means after applying */
} Record;

typedef struct
{
  guint                 record;
  TrellisXmlOutcome     outcome;
  TrellisXmlResolution  resolution;
  gboolean              copied;      /* an earlier import already made a copy of it here */
} Unit;

struct _TrellisXmlImport
{
  GObject        parent_instance;

  TrellisStore  *store;
  char          *path;
  char          *display_name;
  char          *exported_at;

  GStringChunk  *chunk;
  GArray        *records;     /* Record */
  GPtrArray     *values;      /* canonical values, NULL for “not set” */
  GPtrArray     *links;       /* competency UUIDs of goals */
  GArray        *units;       /* Unit */
  GArray        *conflicts;   /* indices into units */
  GHashTable    *by_uuid;     /* UUID → record index + 1 */
  goffset        file_size;
  gboolean       planned;
};

G_DEFINE_FINAL_TYPE (TrellisXmlImport, trellis_xml_import, G_TYPE_OBJECT)

#define DOCTYPE_REFUSED \
  _("The file has a document type declaration (<!DOCTYPE …>). Plan files never have one, and it " \
    "could make the file expand or read other files, so it was refused.")

#define TEXT_TOO_LONG _("A text in the file is longer than 1 MB; no plan has texts that long.")

/* How many records of each type one open record holds so far, to refuse one too many as soon
 * as it is read (a file with 200,000 guardians for one student never fills memory). */
typedef struct
{
  guint n[16];
} Counts;

/* The parser's state while it walks the file. */
typedef struct
{
  TrellisXmlImport    *self;
  xmlTextReaderPtr     reader;
  const TrellisXmlType *types;
  guint                n_types;
  GArray              *stack;        /* record indices of the open records */
  GArray              *counts;       /* Counts, one per open record: what it holds so far */
  guint                n_students;
  int                  field;        /* the open field of the top record, -1 none, -2 a link */
  GString             *text;
  char                *error_message;
  int                  error_line;
  int                  error_column;
} Reader;

static char *dup_record_name (TrellisXmlImport *self,
                              Record           *record);

/* Helpers */

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  context)
{
  return NULL;
}

static void
install_entity_loader (void)
{
  static gsize done = 0;

  /* Process-wide: nothing in Trellis ever needs libxml2 to fetch anything. */
  if (g_once_init_enter (&done))
    {
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&done, 1);
    }
}

static void
clear_data (TrellisXmlImport *self)
{
  g_clear_pointer (&self->chunk, g_string_chunk_free);
  g_clear_pointer (&self->records, g_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_array_unref);
  g_clear_pointer (&self->conflicts, g_array_unref);
  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->exported_at, g_free);
  self->planned = FALSE;
}

static void
reset_data (TrellisXmlImport *self)
{
  clear_data (self);
  self->chunk = g_string_chunk_new (1024 * 1024);
  self->records = g_array_new (FALSE, TRUE, sizeof (Record));
  self->values = g_ptr_array_new ();
  self->links = g_ptr_array_new ();
  self->units = g_array_new (FALSE, TRUE, sizeof (Unit));
  self->conflicts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
}

static Record *
record_at (TrellisXmlImport *self,
           guint             index)
{
  return &g_array_index (self->records, Record, index);
}

static const char *
record_value (TrellisXmlImport *self,
              Record           *record,
              guint             field)
{
  return self->values->pdata[record->values + field];
}

/* “line 12, column 5” and the message, in one sentence that also says nothing was imported. */
static void
set_located_error (GError     **error,
                   int          code,
                   const char  *file,
                   int          line,
                   int          column,
                   const char  *message)
{
  if (line > 0 && column > 0)
    g_set_error (error, TRELLIS_ERROR, code,
                 _("“%s”, line %d, column %d: %s Nothing was imported."), file, line, column, message);
  else if (line > 0)
    g_set_error (error, TRELLIS_ERROR, code,
                 _("“%s”, line %d: %s Nothing was imported."), file, line, message);
  else
    g_set_error (error, TRELLIS_ERROR, code, _("“%s”: %s Nothing was imported."), file, message);
}

/* libxml2's messages name elements as {namespace}name; people know them by name alone. */
static char *
plain_libxml_message (const char *message)
{
  g_autoptr(GString) text = g_string_new (message);

  g_string_replace (text, "{" TRELLIS_XML_NAMESPACE "}", "", 0);
  while (text->len > 0 && g_ascii_isspace (text->str[text->len - 1]))
    g_string_truncate (text, text->len - 1);
  if (text->len > 0 && text->str[text->len - 1] != '.')
    g_string_append_c (text, '.');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
reader_fail (Reader     *reader,
             int         line,
             int         column,
             const char *message)
{
  if (reader->error_message != NULL)
    return;
  reader->error_message = g_strdup (message);
  reader->error_line = line > 0 ? line : xmlTextReaderGetParserLineNumber (reader->reader);
  reader->error_column = column > 0 ? column : xmlTextReaderGetParserColumnNumber (reader->reader);
}

static void
on_reader_error (void        *user_data,
                 xmlErrorPtr  error)
{
  Reader *reader = user_data;
  g_autofree char *message = NULL;

  if (error == NULL || error->level == XML_ERR_WARNING)
    return;
  message = plain_libxml_message (error->message ? error->message : "");
  if (strstr (message, "huge text node") != NULL)
    reader_fail (reader, error->line, 0, TEXT_TOO_LONG);
  else if (g_str_has_prefix (message, "Input is not proper UTF-8"))
    reader_fail (reader, error->line, error->int2,
                 _("The file contains bytes that are not valid UTF-8 text; plan files are UTF-8."));
  else if (error->domain == XML_FROM_SCHEMASV)
    {
      g_autofree char *invalid = g_strdup_printf (_("This does not follow the Trellis plan format: %s"),
                                                  message);
      reader_fail (reader, error->line, error->int2, invalid);
    }
  else
    {
      g_autofree char *damaged =
        g_strdup_printf (_("The file is not well-formed XML; it may be cut short or damaged (%s)"), message);
      reader_fail (reader, error->line, error->int2, damaged);
    }
}

static char *
dup_attribute (Reader     *reader,
               const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader->reader, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* What is wrong with the top element says more than what the validator found in the same
 * chunk of input, so it replaces it. */
static void
root_fail (Reader     *reader,
           const char *message)
{
  g_free (reader->error_message);
  reader->error_message = g_strdup (message);
  reader->error_line = reader->error_column = 0;
}

static gboolean
check_root (Reader *reader)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (reader->reader);
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader->reader);
  const char *encoding = (const char *) xmlTextReaderConstEncoding (reader->reader);
  g_autofree char *version = NULL;

  if (g_strcmp0 (name, TRELLIS_XML_ROOT) != 0 || g_strcmp0 (ns, TRELLIS_XML_NAMESPACE) != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("This is not a Trellis plan file: its top element is “%s” in the namespace "
                           "“%s”, but a plan file starts with “%s” in “%s”."),
                         name, ns ? ns : "", TRELLIS_XML_ROOT, TRELLIS_XML_NAMESPACE);
      root_fail (reader, message);
      return FALSE;
    }
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("The file is encoded as %s; plan files are UTF-8."), encoding);
      root_fail (reader, message);
      return FALSE;
    }
  version = dup_attribute (reader, "version");
  if (version != NULL && g_strcmp0 (version, TRELLIS_XML_VERSION) != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("The file uses version %s of the plan format; this Trellis reads version %s. "
                           "Update Trellis to import it."), version, TRELLIS_XML_VERSION);
      root_fail (reader, message);
      return FALSE;
    }
  reader->self->exported_at = dup_attribute (reader, "exported-at");
  return TRUE;
}

/* Most of what a file holds besides its texts repeats: authors, times (created and updated at
 * once), codes and states, the competencies goals link to. Each is kept once. */
static const char *
intern (TrellisXmlImport *self,
        const char       *text)
{
  return g_string_chunk_insert_const (self->chunk, text);
}

static int
find_field (const TrellisXmlType *type,
            const char           *name)
{
  for (guint f = 0; f < type->klass->n_fields; f++)
    if (type->field_elements[f] != NULL && strcmp (type->field_elements[f], name) == 0)
      return f;
  return -1;
}

static void
pop_record (Reader *reader)
{
  g_array_set_size (reader->stack, reader->stack->len - 1);
  g_array_set_size (reader->counts, reader->counts->len - 1);
}

/* “Plan “2026–2027” holds too many records: A plan can have at most 40 goals.” */
static void
fail_too_many (Reader             *reader,
               guint               owner,
               const TrellisLimit *limit)
{
  Record *record = record_at (reader->self, owner);
  g_autofree char *name = dup_record_name (reader->self, record);
  g_autofree char *sentence = trellis_limits_dup_message (limit);
  g_autofree char *message = NULL;

  /* Translators: a kind of record, its name, and the limit it is past */
  message = g_strdup_printf (_("%s “%s” holds too many records: %s"),
                             _(reader->types[record->type].klass->label), name, sentence);
  reader_fail (reader, 0, 0, message);
}

/* Counts the new record against its owner's limit, or a student against the file's. */
static void
count_record (Reader *reader,
              int     parent,
              int     type_index)
{
  const TrellisXmlType *type = &reader->types[type_index];
  const TrellisLimit *limit = trellis_limits_for_table (type->klass->table);

  if (parent < 0)
    {
      if (g_strcmp0 (type->klass->table, "student") == 0 &&
          ++reader->n_students > TRELLIS_LIMIT_STUDENTS_PER_FILE)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The file has more than %u student; a plan file "
                                          "can hold at most %u.", "The file has more than %u students; a plan "
                                          "file can hold at most %u.", TRELLIS_LIMIT_STUDENTS_PER_FILE),
                             TRELLIS_LIMIT_STUDENTS_PER_FILE, TRELLIS_LIMIT_STUDENTS_PER_FILE);
          reader_fail (reader, 0, 0, message);
        }
      return;
    }
  if (limit != NULL &&
      ++g_array_index (reader->counts, Counts, reader->counts->len - 1).n[type_index] > limit->max)
    fail_too_many (reader, parent, limit);
}

static void
start_record (Reader *reader,
              int     type_index)
{
  TrellisXmlImport *self = reader->self;
  const TrellisXmlType *type = &reader->types[type_index];
  Record record = { 0 };
  guint index = self->records->len;

  record.type = type_index;
  record.line = xmlTextReaderGetParserLineNumber (reader->reader);
  record.column = xmlTextReaderGetParserColumnNumber (reader->reader);
  record.parent = reader->stack->len > 0 ? (int) g_array_index (reader->stack, guint, reader->stack->len - 1) : -1;
  record.unit = record.parent >= 0 ? record_at (self, record.parent)->unit : self->units->len;
  record.values = self->values->len;
  record.first_link = self->links->len;
  for (guint c = TRELLIS_XML_COLUMN_UUID; c < TRELLIS_XML_N_IDENTITY_COLUMNS; c++)
    {
      g_autofree char *value = dup_attribute (reader, trellis_xml_identity_attributes[c]);

      if (c == TRELLIS_XML_COLUMN_UUID && value != NULL)
        {
          g_autofree char *lower = g_ascii_strdown (value, -1);
          record.identity[c] = g_string_chunk_insert (self->chunk, lower);
        }
      else
        record.identity[c] = intern (self, value ? value : "");
    }
  for (guint f = 0; f < type->klass->n_fields; f++)
    g_ptr_array_add (self->values, NULL);
  if (record.parent < 0)
    {
      Unit unit = { index, TRELLIS_XML_OUTCOME_UNCHANGED, TRELLIS_XML_RESOLUTION_MINE, FALSE };
      g_array_append_val (self->units, unit);
    }
  g_array_append_val (self->records, record);
  count_record (reader, record.parent, type_index);
  g_array_append_val (reader->stack, index);
  g_array_set_size (reader->counts, reader->counts->len + 1);
}

static void
end_field (Reader *reader)
{
  TrellisXmlImport *self = reader->self;
  guint index = g_array_index (reader->stack, guint, reader->stack->len - 1);
  Record *record = record_at (self, index);

  if (reader->field == -2)
    {
      g_autofree char *uuid = g_ascii_strdown (g_strstrip (reader->text->str), -1);
      g_ptr_array_add (self->links, (gpointer) intern (self, uuid));
      if (++record->n_links > TRELLIS_LIMIT_LINKS_PER_GOAL)
        fail_too_many (reader, index, trellis_limits_for_table ("goal_competency"));
    }
  else
    {
      const TrellisField *field = &reader->types[record->type].klass->fields[reader->field];
      g_autofree char *value = trellis_xml_format_canonical (field, reader->text->str);

      self->values->pdata[record->values + reader->field] =
        value == NULL ? NULL : strlen (value) <= SHORT_TEXT ? (gpointer) intern (self, value)
                                                           : g_string_chunk_insert (self->chunk, value);
    }
  reader->field = -1;
}

static void
on_element (Reader *reader)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (reader->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (reader->reader) == 1;
  int depth = xmlTextReaderDepth (reader->reader);
  int type_index;

  if (depth == 0)
    return;
  if (reader->field != -1)
    {
      reader_fail (reader, 0, 0, _("A field holds an element; fields hold only text."));
      return;
    }

  type_index = trellis_xml_format_find_type (name);
  if (type_index >= 0)
    {
      start_record (reader, type_index);
      if (empty)
        pop_record (reader);
      return;
    }
  if (reader->stack->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not part of the plan format here."), name);
      reader_fail (reader, 0, 0, message);
      return;
    }

  {
    guint index = g_array_index (reader->stack, guint, reader->stack->len - 1);
    const TrellisXmlType *type = &reader->types[record_at (reader->self, index)->type];

    reader->field = strcmp (name, TRELLIS_XML_LINK) == 0 ? -2 : find_field (type, name);
    if (reader->field == -1)
      {
        g_autofree char *message = g_strdup_printf (_("“%s” is not part of the plan format here."), name);
        reader_fail (reader, 0, 0, message);
        return;
      }
    g_string_truncate (reader->text, 0);
    if (empty)
      end_field (reader);
  }
}

static void
on_text (Reader *reader)
{
  const char *value = (const char *) xmlTextReaderConstValue (reader->reader);

  if (reader->field == -1 || value == NULL)
    return;
  g_string_append (reader->text, value);
  if (reader->text->len > TRELLIS_XML_IMPORT_MAX_TEXT)
    reader_fail (reader, 0, 0, TEXT_TOO_LONG);
}

static void
on_end_element (Reader *reader)
{
  if (reader->field != -1)
    end_field (reader);
  else if (reader->stack->len > 0 && xmlTextReaderDepth (reader->reader) > 0)
    pop_record (reader);
}

/* Where @marker ends in [p, end), or NULL. */
static const char *
find_end_of (const char *p,
             const char *end,
             const char *marker)
{
  gsize length = strlen (marker);

  for (; p + length <= end; p++)
    if (memcmp (p, marker, length) == 0)
      return p + length;
  return NULL;
}

/* A DOCTYPE can only come before the top element. Looking for it in the raw bytes, before any
 * parser sees the file, refuses entity tricks (“billion laughs”, external entities) before a
 * single entity is declared. The comments and processing instructions before it may be any
 * length, so the file is read in windows that overlap a little: no marker is cut in two. */
static gboolean
has_doctype (int fd)
{
  char head[64 * 1024];
  const char *inside = NULL;   /* the end marker of the comment or instruction being skipped */
  off_t offset = 0;
  gssize n;

  while ((n = pread (fd, head, sizeof head, offset)) > 0)
    {
      const char *p = head, *end = head + n;
      gboolean last = n < (gssize) sizeof head;
      const char *stop = last ? end : end - 16;

      if (offset == 0 && n >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
      while (p < stop)
        {
          if (inside != NULL)
            {
              const char *after = find_end_of (p, end, inside);

              if (after == NULL && last)
                return FALSE;
              if (after == NULL)
                {
                  p = end - (strlen (inside) - 1);
                  break;
                }
              p = after;
              inside = NULL;
            }
          else if (g_ascii_isspace (*p))
            p++;
          else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
            {
              p += 2;
              inside = "?>";
            }
          else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
            {
              p += 4;
              inside = "-->";
            }
          else
            return end - p >= 9 && g_ascii_strncasecmp (p, "<!DOCTYPE", 9) == 0;
        }
      if (last)
        return FALSE;
      offset += p - head;
    }
  return FALSE;
}

/* libxml2 grows a long text node by concatenation, quadratic in its length, and parses a start
 * tag again each time more of the file arrives while a '>' (which an attribute value may hold)
 * follows it: a file with one huge text or attribute would take seconds, or hours, to refuse.
 * One linear pass over the raw bytes finds a run of text (no markup) longer than any field may
 * hold, or a stretch without '<' (one tag and the text after it) longer than a tag and such a
 * text, and the line where it starts. */
static int
find_overlong_text (int fd)
{
  g_autofree char *buffer = g_malloc (1024 * 1024);
  gsize run = 0, since_tag = 0;
  int line = 1, run_line = 1, tag_line = 1;
  off_t offset = 0;
  gssize n;

  while ((n = pread (fd, buffer, 1024 * 1024, offset)) > 0)
    {
      for (gssize i = 0; i < n; i++)
        {
          if (buffer[i] == '<')
            {
              since_tag = 0;
              tag_line = line;
            }
          else if (++since_tag > TRELLIS_XML_IMPORT_MAX_TEXT + MAX_TAG)
            return tag_line;
          if (buffer[i] == '<' || buffer[i] == '>')
            {
              run = 0;
              run_line = line;
            }
          else if (++run > TRELLIS_XML_IMPORT_MAX_TEXT)
            return run_line;
          if (buffer[i] == '\n')
            line++;
        }
      offset += n;
    }
  return 0;
}

static gboolean
read_file (TrellisXmlImport  *self,
           GCancellable      *cancellable,
           GError           **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (Counts));
  g_autoptr(GString) text = g_string_new (NULL);
  Reader reader = { self, NULL, NULL, 0, stack, counts, 0, -1, text, NULL, 0, 0 };
  xmlSchemaPtr schema;
  struct stat info;
  int fd, result = 0;
  gboolean cancelled = FALSE;

  install_entity_loader ();
  schema = trellis_xml_format_get_schema (error);
  if (schema == NULL)
    return FALSE;
  reader.types = trellis_xml_format_types (&reader.n_types);
  g_assert (reader.n_types <= G_N_ELEMENTS (((Counts *) NULL)->n));

  fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &info) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("“%s” could not be opened: %s. Nothing was imported."),
                   self->display_name, g_strerror (saved_errno));
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  self->file_size = info.st_size;
  if (!S_ISREG (info.st_mode) || info.st_size > TRELLIS_XML_IMPORT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (info.st_size);
      g_autofree char *limit = g_format_size (TRELLIS_XML_IMPORT_MAX_SIZE);

      if (S_ISREG (info.st_mode))
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                     _("“%s” is %s, more than the %s a plan file may have. Nothing was imported."),
                     self->display_name, size, limit);
      else
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                     _("“%s” is not a regular file. Nothing was imported."), self->display_name);
      close (fd);
      return FALSE;
    }

  if (has_doctype (fd))
    {
      close (fd);
      set_located_error (error, TRELLIS_ERROR_PARSE, self->display_name, 0, 0, DOCTYPE_REFUSED);
      return FALSE;
    }

  {
    int line = find_overlong_text (fd);

    if (line > 0)
      {
        close (fd);
        set_located_error (error, TRELLIS_ERROR_PARSE, self->display_name, line, 0, TEXT_TOO_LONG);
        return FALSE;
      }
  }

  /* Deliberately absent: XML_PARSE_NOENT (no entity substitution), XML_PARSE_DTDLOAD and
   * XML_PARSE_DTDATTR (no DTD is read) and XML_PARSE_HUGE (libxml2's own limits stay on). */
  reader.reader = xmlReaderForFd (fd, self->path, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  if (reader.reader == NULL)
    {
      close (fd);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“%s” could not be read as XML. Nothing was imported."), self->display_name);
      return FALSE;
    }
  xmlResetLastError ();
  xmlTextReaderSetStructuredErrorHandler (reader.reader, on_reader_error, &reader);
  if (xmlTextReaderSetSchema (reader.reader, schema) != 0)
    reader_fail (&reader, 0, 0, _("The plan format's schema could not be used."));

  while (reader.error_message == NULL && (result = xmlTextReaderRead (reader.reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader.reader);

      /* The validator may have read ahead and failed; the top element still says more. */
      if (type == XML_READER_TYPE_ELEMENT && xmlTextReaderDepth (reader.reader) == 0)
        check_root (&reader);
      if (reader.error_message != NULL)
        break;
      if (xmlTextReaderDepth (reader.reader) > TRELLIS_XML_IMPORT_MAX_DEPTH)
        {
          reader_fail (&reader, 0, 0, _("The elements are nested far deeper than any plan file’s."));
          break;
        }
      switch (type)
        {
        case XML_READER_TYPE_DOCUMENT_TYPE:
          reader_fail (&reader, 0, 0, DOCTYPE_REFUSED);
          break;
        case XML_READER_TYPE_ENTITY_REFERENCE:
          reader_fail (&reader, 0, 0, _("The file refers to an entity; plan files use none."));
          break;
        case XML_READER_TYPE_ELEMENT:
          on_element (&reader);
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        case XML_READER_TYPE_WHITESPACE:
          on_text (&reader);
          break;
        case XML_READER_TYPE_END_ELEMENT:
          on_end_element (&reader);
          break;
        default:
          break;
        }
      if ((self->records->len & 0x3ff) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          break;
        }
    }
  /* libxml2 2.9 reports some well-formedness errors only as the thread's last error. */
  if (reader.error_message == NULL && !cancelled && result != 0)
    on_reader_error (&reader, xmlGetLastError ());
  if (reader.error_message == NULL && !cancelled && result != 0)
    reader_fail (&reader, 0, 0, _("The file is not well-formed XML."));
  if (reader.error_message == NULL && !cancelled && xmlTextReaderIsValid (reader.reader) != 1)
    reader_fail (&reader, 0, 0, _("The file does not follow the Trellis plan format."));
  xmlFreeTextReader (reader.reader);
  close (fd);

  if (cancelled)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED,
                           _("The import was cancelled; nothing was imported."));
      return FALSE;
    }
  if (reader.error_message != NULL)
    {
      set_located_error (error, TRELLIS_ERROR_PARSE, self->display_name, reader.error_line,
                         reader.error_column, reader.error_message);
      g_free (reader.error_message);
      return FALSE;
    }
  if (self->exported_at == NULL)
    {
      set_located_error (error, TRELLIS_ERROR_PARSE, self->display_name, 0, 0,
                         _("This is not a Trellis plan file."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
fail_at_record (TrellisXmlImport  *self,
                Record            *record,
                const char        *message,
                GError           **error)
{
  set_located_error (error, TRELLIS_ERROR_INVALID, self->display_name, record->line, 0, message);
  return FALSE;
}

static gboolean
is_default_field (TrellisEntityClass *klass,
                  const TrellisField *field)
{
  return g_type_is_a (G_TYPE_FROM_CLASS (klass), TRELLIS_TYPE_FRAMEWORK) && g_str_equal (field->name, "is-default");
}

static gboolean
has_default_framework (TrellisStore *store)
{
  gint64 id = trellis_store_get_default_framework (store);
  g_autoptr(TrellisEntity) framework = id != 0 ? trellis_store_load (store, TRELLIS_TYPE_FRAMEWORK, id, NULL) : NULL;

  return framework != NULL && trellis_entity_get_boolean (framework, "is-default");
}

static int
compare_times (const char *a,
               const char *b)
{
  g_autoptr(GDateTime) ta = g_date_time_new_from_iso8601 (a, NULL);
  g_autoptr(GDateTime) tb = g_date_time_new_from_iso8601 (b, NULL);

  if (ta == NULL || tb == NULL)
    return g_strcmp0 (a, b);
  return g_date_time_compare (ta, tb);
}

/* Looks a UUID up in @table here; 0 when absent. */
static gint64
lookup_local (TrellisStore  *store,
              const char    *table,
              const char    *uuid,
              GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?", table);
  sqlite3_stmt *stmt = trellis_store_prepare (store, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* A reference must point at a record of the right kind, here or earlier in the file: applying
 * goes in file order, so a later record has no row yet (exports never refer forward). */
static gboolean
check_reference (TrellisXmlImport    *self,
                 TrellisStore        *store,
                 Record              *record,
                 const TrellisField  *field,
                 const char          *uuid,
                 GError             **error)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_uuid, uuid));
  g_autofree char *message = NULL;
  gint64 id;

  if (index > 0)
    {
      if (g_strcmp0 (types[record_at (self, index - 1)->type].klass->table, field->references) != 0)
        message = g_strdup_printf (_("“%s” refers to %s, which is not a record of the right kind."),
                                   _(field->label), uuid);
      else if (record_at (self, index - 1) > record)
        message = g_strdup_printf (_("“%s” refers to %s, which comes later in the file; a record can "
                                     "only refer to one before it."), _(field->label), uuid);
      else
        return TRUE;
      return fail_at_record (self, record, message, error);
    }
  id = lookup_local (store, field->references, uuid, error);
  if (id < 0)
    return FALSE;
  if (id > 0)
    return TRUE;
  message = g_strdup_printf (_("“%s” refers to %s, which is neither in the file nor in this database."),
                             _(field->label), uuid);
  return fail_at_record (self, record, message, error);
}

/* The plan a goal belongs to, by UUID: the goal’s parent in the file, or its plan here. Returns
 * NULL (and no error) for a goal of neither; FALSE on a database error. */
static gboolean
dup_goal_plan (TrellisXmlImport  *self,
               TrellisStore      *store,
               const char        *goal_uuid,
               char             **plan_uuid,
               GError           **error)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_uuid, goal_uuid));
  sqlite3_stmt *stmt;

  *plan_uuid = NULL;
  if (index > 0)
    {
      Record *goal = record_at (self, index - 1);

      if (goal->parent >= 0)
        *plan_uuid = g_strdup (record_at (self, goal->parent)->identity[TRELLIS_XML_COLUMN_UUID]);
      return TRUE;
    }
  stmt = trellis_store_prepare (store, "SELECT p.uuid FROM goal g JOIN plan p ON p.id = g.plan_id "
                                       "WHERE g.uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, goal_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *plan_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return TRUE;
}

/* A reference to a goal from a record of a plan (a note about a goal) must stay in that plan:
 * a crafted file must not show one student’s words under another student’s goal. */
static gboolean
check_same_plan (TrellisXmlImport    *self,
                 TrellisStore        *store,
                 Record              *record,
                 const TrellisField  *field,
                 const char          *goal_uuid,
                 GError             **error)
{
  g_autofree char *plan_uuid = NULL;
  g_autofree char *message = NULL;
  const char *own_plan;

  if (record->parent < 0 || (field->flags & TRELLIS_FIELD_FLAG_PARENT) ||
      g_strcmp0 (field->references, "goal") != 0)
    return TRUE;
  own_plan = record_at (self, record->parent)->identity[TRELLIS_XML_COLUMN_UUID];
  if (!dup_goal_plan (self, store, goal_uuid, &plan_uuid, error))
    return FALSE;
  if (g_strcmp0 (plan_uuid, own_plan) == 0)
    return TRUE;
  message = g_strdup_printf (_("“%s” refers to %s, a goal of another plan; a record can only refer "
                               "to a goal of its own plan."), _(field->label), goal_uuid);
  return fail_at_record (self, record, message, error);
}

static GHashTable *
load_local_links (TrellisStore  *store,
                  gint64         goal_id,
                  GError       **error)
{
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = trellis_store_prepare (store,
                                              "SELECT c.uuid FROM goal_competency gc JOIN competency c "
                                              "ON c.id = gc.competency_id WHERE gc.goal_id = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (links, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return g_steal_pointer (&links);
}

/* How people recognise a stored record: as dup_record_name() does for the file's. */
/* At most the first 60 characters of @text (g_utf8_substring() reads past a shorter end). */
static char *
dup_name_cut (const char *text)
{
  const glong max = 60;

  if (text == NULL)
    return g_strdup ("");
  return g_utf8_strlen (text, -1) > max ? g_utf8_substring (text, 0, max) : g_strdup (text);
}

static char *
dup_entity_name (TrellisEntity *entity)
{
  static const char * const names[] = { "title", "name", "text", "body", "school-year" };

  if (trellis_entity_find_field (entity, "family-name") != NULL)
    {
      const char *preferred = trellis_entity_get_text (entity, "preferred-name");
      const char *given = trellis_entity_get_text (entity, "given-name");

      return g_strstrip (g_strdup_printf ("%s %s", preferred && *preferred ? preferred : given ? given : "",
                                          trellis_entity_get_text (entity, "family-name")));
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const TrellisField *field = trellis_entity_find_field (entity, names[i]);

      if (field != NULL && field->type == TRELLIS_FIELD_TEXT)
        return dup_name_cut (trellis_entity_get_text (entity, names[i]));
    }
  return g_strdup (trellis_entity_get_uuid (entity));
}

static char *
describe_owner (const char *label,
                const char *name,
                const char *top_label,
                const char *top_name)
{
  if (top_label == NULL)
    /* Translators: a kind of record and its name, e.g. “Student “Lan Nguyễn”” */
    return g_strdup_printf (_("%s “%s”"), label, name);
  /* Translators: a record and the student or framework it belongs to, e.g. “Plan “2026–2027” of
   * Student “Lan Nguyễn”” */
  return g_strdup_printf (_("%s “%s” of %s “%s”"), label, name, top_label, top_name);
}

/* The owner of a record here, with the student or framework above it. */
static char *
dup_local_owner (TrellisStore  *store,
                 GType          type,
                 gint64         id,
                 GError       **error)
{
  g_autoptr(TrellisEntity) owner = trellis_store_load (store, type, id, error);
  g_autoptr(TrellisEntity) top = NULL;
  g_autofree char *name = NULL;
  g_autofree char *top_name = NULL;

  if (owner == NULL)
    return NULL;
  top = g_object_ref (owner);
  for (;;)
    {
      TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (top);
      const TrellisField *parent = NULL;
      TrellisEntity *above;

      for (guint f = 0; f < klass->n_fields && parent == NULL; f++)
        if (klass->fields[f].flags & TRELLIS_FIELD_FLAG_PARENT)
          parent = &klass->fields[f];
      if (parent == NULL)
        break;
      above = trellis_store_load (store, trellis_store_type_for_table (parent->references),
                                  trellis_entity_get_reference (top, parent->name), error);
      if (above == NULL)
        return NULL;
      g_object_unref (top);
      top = above;
    }
  name = dup_entity_name (owner);
  top_name = dup_entity_name (top);
  return describe_owner (_(TRELLIS_ENTITY_GET_CLASS (owner)->label), name,
                         top == owner ? NULL : _(TRELLIS_ENTITY_GET_CLASS (top)->label), top_name);
}

/* The owner of a record in the file, with the student or framework above it. */
static char *
dup_file_owner (TrellisXmlImport *self,
                Record           *owner)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);
  Record *top = owner;
  g_autofree char *name = dup_record_name (self, owner);
  g_autofree char *top_name = NULL;

  while (top->parent >= 0)
    top = record_at (self, top->parent);
  top_name = dup_record_name (self, top);
  return describe_owner (_(types[owner->type].klass->label), name,
                         top == owner ? NULL : _(types[top->type].klass->label), top_name);
}

/* A record here belongs to one owner for good: a file that puts it under another (a goal of
 * another student's plan, a guardian of another student) is refused, never obeyed. */
static gboolean
refuse_other_owner (TrellisXmlImport  *self,
                    TrellisStore      *store,
                    Record            *record,
                    gint64             local_parent_id,
                    GError           **error)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);
  const TrellisXmlType *type = &types[record->type];
  g_autofree char *name = dup_record_name (self, record);
  g_autofree char *here = dup_local_owner (store, types[type->parent].type, local_parent_id, error);
  g_autofree char *there = NULL;
  g_autofree char *message = NULL;

  if (here == NULL)
    return FALSE;
  there = dup_file_owner (self, record_at (self, record->parent));
  /* Translators: a kind of record, its name and identifier, the owner it has in this database and
   * the owner the file gives it */
  message = g_strdup_printf (_("%s “%s” (%s) belongs to %s in this database, but the file puts it "
                               "under %s. A record is never moved to another owner."),
                             _(type->klass->label), name, record->identity[TRELLIS_XML_COLUMN_UUID],
                             here, there);
  return fail_at_record (self, record, message, error);
}

/* A text past the limit is refused when the file is checked, not halfway through applying it. */
static gboolean
check_text_lengths (TrellisXmlImport  *self,
                    Record            *record,
                    GError           **error)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);
  const TrellisXmlType *type = &types[record->type];

  for (guint f = 0; f < type->klass->n_fields; f++)
    {
      const char *value = record_value (self, record, f);
      glong n_chars;
      g_autofree char *message = NULL;

      if (value == NULL || type->klass->fields[f].type != TRELLIS_FIELD_TEXT ||
          strlen (value) <= TRELLIS_LIMIT_TEXT_CHARS)
        continue;
      n_chars = g_utf8_strlen (value, -1);
      if (n_chars <= TRELLIS_LIMIT_TEXT_CHARS)
        continue;
      message = trellis_limits_dup_text_message (_(type->klass->fields[f].label), n_chars);
      return fail_at_record (self, record, message, error);
    }
  return TRUE;
}

/* Compares one record with its match here (if any) and sets its status. */
static gboolean
plan_record (TrellisXmlImport  *self,
             TrellisStore      *store,
             guint              index,
             GError           **error)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);
  Record *record = record_at (self, index);
  const TrellisXmlType *type = &types[record->type];
  g_autofree char *columns = trellis_xml_format_select_sql (type);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s t WHERE t.uuid = ?", columns,
                                          type->klass->table);
  sqlite3_stmt *stmt;
  gboolean differs = FALSE;

  record->status = STATUS_NEW;
  record->adds_links = FALSE;
  record->local_id = 0;
  if (!check_text_lengths (self, record, error))
    return FALSE;
  for (guint f = 0; f < type->klass->n_fields; f++)
    {
      const TrellisField *field = &type->klass->fields[f];
      const char *value = record_value (self, record, f);

      if (field->type == TRELLIS_FIELD_REFERENCE && value != NULL &&
          (!check_reference (self, store, record, field, value, error) ||
           !check_same_plan (self, store, record, field, value, error)))
        return FALSE;
    }
  for (guint l = 0; l < record->n_links; l++)
    {
      static const TrellisField link_field = { TRELLIS_XML_LINK, NULL, TRELLIS_FIELD_REFERENCE, 0,
                                               N_("Competency"), 0, 0, 0, NULL, "competency" };
      if (!check_reference (self, store, record, &link_field,
                            self->links->pdata[record->first_link + l], error))
        return FALSE;
    }

  stmt = trellis_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->identity[TRELLIS_XML_COLUMN_UUID], -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      record->status = STATUS_NEW;
      record->adds_links = record->n_links > 0;
      return TRUE;
    }

  record->local_id = sqlite3_column_int64 (stmt, TRELLIS_XML_COLUMN_ID);
  if (record->parent >= 0)
    {
      gint64 local_parent = sqlite3_column_int64 (stmt, TRELLIS_XML_N_IDENTITY_COLUMNS + type->klass->n_fields);

      if (local_parent != record_at (self, record->parent)->local_id)
        {
          sqlite3_reset (stmt);
          return refuse_other_owner (self, store, record, local_parent, error);
        }
    }
  for (guint f = 0; f < type->klass->n_fields && !differs; f++)
    {
      const TrellisField *field = &type->klass->fields[f];
      const char *here = trellis_xml_format_value (field, (const char *) sqlite3_column_text (
                                                     stmt, TRELLIS_XML_N_IDENTITY_COLUMNS + f));
      const char *there = record_value (self, record, f);

      if (field->flags & TRELLIS_FIELD_FLAG_PARENT)
        there = record->parent >= 0 ? record_at (self, record->parent)->identity[TRELLIS_XML_COLUMN_UUID]
                                    : NULL;
      /* Which framework is the default is each database's own (see fill_entity()). */
      if (is_default_field (type->klass, field))
        continue;
      differs = g_strcmp0 (here, there) != 0;
    }

  if (!differs)
    record->status = STATUS_UNCHANGED;
  else
    {
      const char *here_updated = (const char *) sqlite3_column_text (stmt, TRELLIS_XML_COLUMN_UPDATED_AT);
      const char *there_updated = record->identity[TRELLIS_XML_COLUMN_UPDATED_AT];
      int file_vs_here = compare_times (there_updated, here_updated);

      /* Changed here after the file was written, and the file says otherwise: both sides moved. */
      if (compare_times (here_updated, self->exported_at) > 0 || file_vs_here == 0)
        record->status = STATUS_CONFLICT;
      else if (file_vs_here > 0)
        record->status = STATUS_UPDATED;
      else
        record->status = STATUS_OLDER;
    }
  sqlite3_reset (stmt);

  if (record->n_links > 0)
    {
      g_autoptr(GHashTable) here = load_local_links (store, record->local_id, error);

      if (here == NULL)
        return FALSE;
      for (guint l = 0; l < record->n_links && !record->adds_links; l++)
        record->adds_links = !g_hash_table_contains (here, self->links->pdata[record->first_link + l]);
    }
  return TRUE;
}

/* The file's records by UUID; each may appear once. */
static gboolean
index_records (TrellisXmlImport  *self,
               GError           **error)
{
  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = record_at (self, i);

      if (!g_hash_table_insert (self->by_uuid, (gpointer) record->identity[TRELLIS_XML_COLUMN_UUID],
                                GUINT_TO_POINTER (i + 1)))
        {
          g_autofree char *message =
            g_strdup_printf (_("The identifier %s is used by two records; each must be unique."),
                             record->identity[TRELLIS_XML_COLUMN_UUID]);
          return fail_at_record (self, record, message, error);
        }
    }
  return TRUE;
}

/* The file's new records added to an owner that is here already must fit beside the records
 * it has: the reader counted only what the file holds. */
static gboolean
check_room_here (TrellisXmlImport  *self,
                 TrellisStore      *store,
                 GError           **error)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);
  g_autoptr(GHashTable) added = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = record_at (self, i);
      const TrellisXmlType *type = &types[record->type];
      const TrellisLimit *limit;
      Record *owner;
      gpointer key;
      guint n_added;
      gint64 n_here;

      if (record->status != STATUS_NEW || record->parent < 0)
        continue;
      owner = record_at (self, record->parent);
      limit = trellis_limits_for_table (type->klass->table);
      if (owner->local_id == 0 || limit == NULL)
        continue;
      key = GUINT_TO_POINTER (record->parent * n_types + record->type);
      n_added = GPOINTER_TO_UINT (g_hash_table_lookup (added, key)) + 1;
      g_hash_table_insert (added, key, GUINT_TO_POINTER (n_added));
      n_here = trellis_store_count_children (store, type->klass->table, type->parent_field->column,
                                             owner->local_id, error);
      if (n_here < 0)
        return FALSE;
      if (n_here + n_added > limit->max)
        {
          g_autofree char *name = dup_file_owner (self, owner);
          g_autofree char *sentence = trellis_limits_dup_message (limit);
          g_autofree char *message =
            /* Translators: a record (“Plan “2026–2027” of Student “Lan Nguyễn””), and its limit */
            g_strdup_printf (_("%s would hold too many records with the file's added to those it has "
                               "here: %s"), name, sentence);

          return fail_at_record (self, record, message, error);
        }
    }
  return TRUE;
}

/* Works out what applying would do to every record and student or framework, as the database
 * is now. Runs for the preview and again inside the transaction that applies it. */
static gboolean
classify (TrellisXmlImport  *self,
          TrellisStore      *store,
          GCancellable      *cancellable,
          GError           **error)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);

  self->planned = FALSE;
  g_array_set_size (self->conflicts, 0);
  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record;
      Unit *unit;

      if ((i & 0x3ff) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED,
                               _("The import was cancelled; nothing was imported."));
          return FALSE;
        }
      if (!plan_record (self, store, i, error))
        return FALSE;

      record = record_at (self, i);
      unit = &g_array_index (self->units, Unit, record->unit);
      if (record->parent < 0)
        {
          gint64 copy = record->status == STATUS_NEW ? 0
                        : trellis_store_lookup_copy (store, types[record->type].klass->table,
                                                     record->identity[TRELLIS_XML_COLUMN_UUID], error);

          if (copy < 0)
            return FALSE;
          unit->copied = copy > 0;
          unit->outcome = record->status == STATUS_NEW ? TRELLIS_XML_OUTCOME_NEW
                                                       : TRELLIS_XML_OUTCOME_UNCHANGED;
        }
      if (unit->outcome == TRELLIS_XML_OUTCOME_NEW)
        continue;
      if (record->status == STATUS_CONFLICT)
        unit->outcome = TRELLIS_XML_OUTCOME_CONFLICT;
      else if (unit->outcome == TRELLIS_XML_OUTCOME_UNCHANGED &&
               (record->status == STATUS_NEW || record->status == STATUS_UPDATED || record->adds_links))
        unit->outcome = TRELLIS_XML_OUTCOME_UPDATED;
    }
  if (!check_room_here (self, store, error))
    return FALSE;

  for (guint u = 0; u < self->units->len; u++)
    if (g_array_index (self->units, Unit, u).outcome == TRELLIS_XML_OUTCOME_CONFLICT)
      g_array_append_val (self->conflicts, u);
  self->planned = TRUE;
  return TRUE;
}

static gboolean
plan_import (TrellisXmlImport  *self,
             TrellisStore      *store,
             GCancellable      *cancellable,
             GError           **error)
{
  return index_records (self, error) && classify (self, store, cancellable, error);
}

static const char *
record_text (TrellisXmlImport *self,
             Record           *record,
             const char       *name)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);
  const TrellisXmlType *type = &types[record->type];
  int f = find_field (type, name);

  return f >= 0 ? record_value (self, record, f) : NULL;
}

/* How people recognise a record: a student's name, otherwise its title or text. */
static char *
dup_record_name (TrellisXmlImport *self,
                 Record           *record)
{
  static const char * const names[] = { "title", "name", "text", "body", "school-year" };

  if (record_text (self, record, "family-name") != NULL || record_text (self, record, "given-name") != NULL)
    {
      const char *preferred = record_text (self, record, "preferred-name");
      const char *given = record_text (self, record, "given-name");
      const char *family = record_text (self, record, "family-name");

      return g_strstrip (g_strdup_printf ("%s %s", preferred ? preferred : given ? given : "",
                                          family ? family : ""));
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (record_text (self, record, names[i]) != NULL)
      return dup_name_cut (record_text (self, record, names[i]));
  return g_strdup (record->identity[TRELLIS_XML_COLUMN_UUID]);
}

static Unit *
conflict_unit (TrellisXmlImport *self,
               guint             index)
{
  g_return_val_if_fail (self->planned, NULL);
  g_return_val_if_fail (index < self->conflicts->len, NULL);
  return &g_array_index (self->units, Unit, g_array_index (self->conflicts, guint, index));
}

static void
set_value (TrellisEntity       *entity,
           const TrellisField  *field,
           const char          *value,
           gint64               reference)
{
  switch (field->type)
    {
    case TRELLIS_FIELD_TEXT:
      trellis_entity_take_text (entity, field, g_strdup (value ? value : ""));
      break;
    case TRELLIS_FIELD_DATE:
    case TRELLIS_FIELD_TIMESTAMP:
      trellis_entity_take_text (entity, field, g_strdup (value));
      break;
    case TRELLIS_FIELD_INT:
    case TRELLIS_FIELD_BOOLEAN:
      trellis_entity_put_int64 (entity, field,
                                field->type == TRELLIS_FIELD_BOOLEAN ? g_strcmp0 (value, "true") == 0
                                                                     : g_ascii_strtoll (value ? value : "0",
                                                                                        NULL, 10));
      break;
    case TRELLIS_FIELD_REFERENCE:
      trellis_entity_put_int64 (entity, field, reference);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gint64 target_of (TrellisXmlImport  *self,
                         TrellisStore      *store,
                         guint              index,
                         GError           **error);

/* What a UUID in the file means here after the records before it were applied. */
static gint64
resolve_reference (TrellisXmlImport  *self,
                   TrellisStore      *store,
                   const char        *table,
                   const char        *uuid,
                   GError           **error)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_uuid, uuid));

  if (index > 0)
    return target_of (self, store, index - 1, error);
  return lookup_local (store, table, uuid, error);
}

/* Copies the file's values into @entity, references translated to row ids here. */
static gboolean
fill_entity (TrellisXmlImport  *self,
             TrellisStore      *store,
             Record            *record,
             TrellisEntity     *entity,
             GError           **error)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (entity);
  gboolean was_default = TRELLIS_IS_FRAMEWORK (entity) && trellis_entity_get_boolean (entity, "is-default");

  for (guint f = 0; f < klass->n_fields; f++)
    {
      const TrellisField *field = &klass->fields[f];
      const char *value = record_value (self, record, f);
      gint64 reference = 0;

      if (field->flags & TRELLIS_FIELD_FLAG_PARENT)
        reference = record_at (self, record->parent)->target_id;
      else if (field->type == TRELLIS_FIELD_REFERENCE && value != NULL)
        {
          reference = resolve_reference (self, store, field->references, value, error);
          if (reference < 0)
            return FALSE;
        }
      set_value (entity, field, value, reference);
    }
  /* Which framework new plans use is this school's choice, not the file's: a framework coming
   * in is the default only where there is none, and one here keeps what it was (importer
   * defect 1: two defaults). */
  if (TRELLIS_IS_FRAMEWORK (entity))
    g_object_set (entity, "is-default",
                  trellis_entity_get_id (entity) != 0 ? was_default : !has_default_framework (store),
                  NULL);
  return TRUE;
}

static gboolean
apply_links (TrellisXmlImport  *self,
             TrellisStore      *store,
             Record            *record,
             GError           **error)
{
  g_autoptr(GHashTable) here = NULL;

  if (record->local_id > 0 && record->target_id == record->local_id)
    {
      here = load_local_links (store, record->local_id, error);
      if (here == NULL)
        return FALSE;
    }
  for (guint l = 0; l < record->n_links; l++)
    {
      const char *uuid = self->links->pdata[record->first_link + l];
      gint64 competency;

      if (here != NULL && g_hash_table_contains (here, uuid))
        continue;
      competency = resolve_reference (self, store, "competency", uuid, error);
      if (competency < 0 || !trellis_store_link_competency (store, record->target_id, competency, error))
        return FALSE;
    }
  return TRUE;
}

/* “Keep mine” leaves every record of that student or framework as it is here: nothing of the
 * file's is saved over it, no links are added and no records are added to it. */
static gboolean
keeps_mine (TrellisXmlImport *self,
            Record           *record)
{
  Unit *unit = &g_array_index (self->units, Unit, record->unit);

  return unit->outcome == TRELLIS_XML_OUTCOME_CONFLICT && unit->resolution == TRELLIS_XML_RESOLUTION_MINE;
}

/* Adds the file's record here, as it is or (@copy) with a new UUID. */
static gboolean
insert_record (TrellisXmlImport  *self,
               TrellisStore      *store,
               Record            *record,
               gboolean           copy,
               GError           **error)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);
  g_autofree char *fresh = copy ? g_uuid_string_random () : NULL;
  g_autoptr(TrellisEntity) entity = g_object_new (types[record->type].type, NULL);
  g_autoptr(GError) local_error = NULL;

  trellis_entity_set_identity (entity, 0,
                               fresh ? fresh : record->identity[TRELLIS_XML_COLUMN_UUID],
                               record->identity[TRELLIS_XML_COLUMN_CREATED_AT],
                               record->identity[TRELLIS_XML_COLUMN_CREATED_BY],
                               record->identity[TRELLIS_XML_COLUMN_UPDATED_AT],
                               record->identity[TRELLIS_XML_COLUMN_UPDATED_BY]);
  if (!fill_entity (self, store, record, entity, error))
    return FALSE;
  /* A copy is another person as far as the school's roster knows: the original keeps the
   * roster's identifier, which is unique. */
  if (copy && trellis_entity_find_field (entity, "sourced-id") != NULL)
    g_object_set (entity, "sourced-id", "", NULL);
  if (!trellis_store_insert_full (store, entity, TRUE, &local_error))
    return fail_at_record (self, record, local_error->message, error);
  if (copy && !trellis_store_add_copy_origin (store, types[record->type].klass->table, fresh,
                                              record->identity[TRELLIS_XML_COLUMN_UUID], error))
    return FALSE;
  record->target_id = trellis_entity_get_id (entity);
  return TRUE;
}

/* The row id here of the file's record @index. A record new in a framework whose conflict keeps
 * mine is left out, unless a record applied later refers to it (a plan of the file using a
 * competency only the file has): then it is added after all, with its owners, so that nothing
 * the import stores points nowhere. */
static gint64
target_of (TrellisXmlImport  *self,
           TrellisStore      *store,
           guint              index,
           GError           **error)
{
  Record *record = record_at (self, index);

  if (record->target_id == 0 && record->status == STATUS_NEW && keeps_mine (self, record))
    {
      if (record->parent >= 0 && target_of (self, store, record->parent, error) < 0)
        return -1;
      if (!insert_record (self, store, record, FALSE, error))
        return -1;
    }
  return record->target_id;
}

static gboolean
apply_record (TrellisXmlImport  *self,
              TrellisStore      *store,
              guint              index,
              GError           **error)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);
  Record *record = record_at (self, index);
  Unit *unit = &g_array_index (self->units, Unit, record->unit);
  gboolean conflicting = unit->outcome == TRELLIS_XML_OUTCOME_CONFLICT;
  gboolean copy = conflicting && unit->resolution == TRELLIS_XML_RESOLUTION_COPY;
  g_autoptr(TrellisEntity) entity = NULL;
  g_autoptr(GError) local_error = NULL;

  if (keeps_mine (self, record))
    {
      if (record->target_id == 0)
        record->target_id = record->local_id;
      return TRUE;
    }
  /* The same file copied before: that copy stands for it, and no second one is made. */
  if (copy && unit->copied)
    {
      gint64 earlier = trellis_store_lookup_copy (store, types[record->type].klass->table,
                                                  record->identity[TRELLIS_XML_COLUMN_UUID], error);

      if (earlier < 0)
        return FALSE;
      record->target_id = earlier > 0 ? earlier : record->local_id;
      return TRUE;
    }
  if (copy || record->status == STATUS_NEW)
    {
      if (!insert_record (self, store, record, copy, error))
        return FALSE;
    }
  else
    {
      record->target_id = record->local_id;
      if (record->status == STATUS_UPDATED ||
          (record->status == STATUS_CONFLICT && unit->resolution == TRELLIS_XML_RESOLUTION_THEIRS))
        {
          entity = trellis_store_load (store, types[record->type].type, record->local_id, error);
          if (entity == NULL || !fill_entity (self, store, record, entity, error))
            return FALSE;
          if (!trellis_store_save (store, entity, &local_error))
            return fail_at_record (self, record, local_error->message, error);
        }
    }

  if (record->n_links > 0 && !apply_links (self, store, record, &local_error))
    return fail_at_record (self, record, local_error ? local_error->message : "", error);
  return TRUE;
}

/* SQLite's page cache (2 MB) is far smaller than a large import's transaction; when it is full
 * dirty pages are written out to the journal again and again. And every record is saved in a
 * savepoint of its own whose undo pages go to a temporary file. Together they made a
 * 10,000-student import spend most of its time writing; a larger cache and temporary storage in
 * memory avoid both. Beyond 64 MB the cache buys no measurable time (10,000 students: 24 s with
 * 64 MB, 25 s with one the size of the data) but costs the memory of the whole database. */
static int
enlarge_cache (TrellisStore *store,
               goffset       file_size)
{
  sqlite3 *db = trellis_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *pragma = NULL;
  int previous = -2000;

  if (sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    previous = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  pragma = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT,
                            -CLAMP (file_size / 1024 * 3 / 2, 8 * 1024, 64 * 1024));
  sqlite3_exec (db, pragma, NULL, NULL, NULL);
  sqlite3_exec (db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
  return previous;
}

static void
restore_cache (TrellisStore *store,
               int           cache_size)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %d; PRAGMA temp_store = DEFAULT",
                                             cache_size);

  sqlite3_exec (trellis_store_get_db (store), pragma, NULL, NULL, NULL);
}

/* What the preview said of one record, to compare with what the database says when applying. */
typedef struct
{
  guint8   status;
  gboolean adds_links;
  gint64   local_id;
} Seen;

static const char *
outcome_word (TrellisXmlOutcome outcome)
{
  static const char * const words[] = { N_("new"), N_("updated"), N_("unchanged"), N_("in conflict") };

  return _(words[outcome]);
}

/* One line per student or framework that the database changed under, e.g.
 * “Student “Lan Nguyễn”: was unchanged, now in conflict”, at most a few. */
static char *
dup_changes (TrellisXmlImport *self,
             GArray           *seen,
             GArray           *outcomes)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_changed = 0;
  int last_unit = -1;

  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = record_at (self, i);
      Seen *before = &g_array_index (seen, Seen, i);
      Unit *unit = &g_array_index (self->units, Unit, record->unit);
      TrellisXmlOutcome was = g_array_index (outcomes, TrellisXmlOutcome, record->unit);
      Record *top = record_at (self, unit->record);
      g_autofree char *name = NULL;

      if ((int) record->unit == last_unit ||
          (before->status == record->status && before->adds_links == record->adds_links &&
           before->local_id == record->local_id && was == unit->outcome))
        continue;
      last_unit = record->unit;
      if (++n_changed > 5)
        continue;
      name = dup_record_name (self, top);
      g_string_append (text, "\n");
      if (was != unit->outcome)
        /* Translators: a student or framework, and what the import does to it before and now */
        g_string_append_printf (text, _("%s “%s”: was %s, now %s"), _(types[top->type].klass->label), name,
                                outcome_word (was), outcome_word (unit->outcome));
      else
        g_string_append_printf (text, _("%s “%s”: changed in this database since the preview"),
                                _(types[top->type].klass->label), name);
    }
  if (n_changed > 5)
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                 n_changed - 5), n_changed - 5);
    }
  return n_changed > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Inside the write transaction nobody else can change the database: the file is classified
 * again, and when that differs from the preview nothing is applied. The import then holds the
 * new preview, to be shown and confirmed again. */
static gboolean
recheck (TrellisXmlImport  *self,
         TrellisStore      *store,
         GCancellable      *cancellable,
         GError           **error)
{
  g_autoptr(GArray) seen = g_array_sized_new (FALSE, FALSE, sizeof (Seen), self->records->len);
  g_autoptr(GArray) outcomes = g_array_sized_new (FALSE, FALSE, sizeof (TrellisXmlOutcome), self->units->len);
  g_autofree char *changes = NULL;

  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = record_at (self, i);
      Seen before = { record->status, record->adds_links, record->local_id };

      g_array_append_val (seen, before);
    }
  for (guint u = 0; u < self->units->len; u++)
    g_array_append_val (outcomes, g_array_index (self->units, Unit, u).outcome);

  if (!classify (self, store, cancellable, error))
    return FALSE;
  changes = dup_changes (self, seen, outcomes);
  if (changes == NULL)
    return TRUE;
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CHANGED,
               _("The database changed since “%s” was checked, so nothing was imported. What changed:%s"),
               self->display_name, changes);
  return FALSE;
}

static gboolean
apply_records (TrellisXmlImport  *self,
               TrellisStore      *store,
               GCancellable      *cancellable,
               GError           **error)
{
  if (!trellis_store_begin (store, error))
    return FALSE;
  if (!recheck (self, store, cancellable, error))
    {
      trellis_store_rollback (store);
      return FALSE;
    }
  for (guint i = 0; i < self->records->len; i++)
    {
      if ((i & 0x3ff) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          trellis_store_rollback (store);
          g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED,
                               _("The import was cancelled; nothing was imported."));
          return FALSE;
        }
      if (!apply_record (self, store, i, error))
        return trellis_store_rollback_failed (store);
    }
  return trellis_store_commit (store, error);
}

static gboolean
apply_import (TrellisXmlImport  *self,
              TrellisStore      *store,
              GCancellable      *cancellable,
              GError           **error)
{
  gint64 start = g_get_monotonic_time ();
  int cache_size = enlarge_cache (store, self->file_size);
  gboolean ok = apply_records (self, store, cancellable, error);

  restore_cache (store, cache_size);
  g_debug ("Applied in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  if (!ok)
    {
      /* The rows made for the file's records were rolled back: another try starts afresh. */
      for (guint i = 0; i < self->records->len; i++)
        record_at (self, i)->target_id = 0;
      return FALSE;
    }

  /* Applying twice would insert twice: what was planned is now stale. */
  for (guint i = 0; i < self->records->len; i++)
    record_at (self, i)->status = STATUS_UNCHANGED;
  self->planned = FALSE;
  return TRUE;
}

static gboolean
read_job (TrellisXmlImport  *self,
          TrellisStore      *store,
          GCancellable      *cancellable,
          GError           **error)
{
  gint64 start = g_get_monotonic_time ();

  reset_data (self);
  if (read_file (self, cancellable, error))
    {
      g_debug ("Read %u records in %.2f s", self->records->len,
               (g_get_monotonic_time () - start) / 1e6);
      start = g_get_monotonic_time ();
      if (plan_import (self, store, cancellable, error))
        {
          g_debug ("Planned in %.2f s", (g_get_monotonic_time () - start) / 1e6);
          return TRUE;
        }
    }
  reset_data (self);
  return FALSE;
}

/* Overrides */

static void
trellis_xml_import_finalize (GObject *object)
{
  TrellisXmlImport *self = TRELLIS_XML_IMPORT (object);

  clear_data (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (trellis_xml_import_parent_class)->finalize (object);
}

static void
trellis_xml_import_class_init (TrellisXmlImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_xml_import_finalize;
}

static void
trellis_xml_import_init (TrellisXmlImport *self)
{
  reset_data (self);
}

/* Public API */

/**
 * trellis_xml_import_new:
 * @store: the database to merge into
 * @path: the plan file
 *
 * Returns: (transfer full): a new import; call trellis_xml_import_read() next
 */
TrellisXmlImport *
trellis_xml_import_new (TrellisStore *store,
                        const char   *path)
{
  TrellisXmlImport *self;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_XML_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_basename (path);
  return self;
}

const char *
trellis_xml_import_get_path (TrellisXmlImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_XML_IMPORT (self), NULL);
  return self->path;
}

/**
 * trellis_xml_import_read:
 * @self: an import
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and checks the whole file, then works out what applying it would do. Changes nothing.
 *
 * Returns: %FALSE with @error set (%TRELLIS_ERROR_PARSE naming the file, line and column) when
 *   the file cannot be imported
 */
gboolean
trellis_xml_import_read (TrellisXmlImport  *self,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_XML_IMPORT (self), FALSE);
  return read_job (self, self->store, cancellable, error);
}

/**
 * trellis_xml_import_read_async:
 * @self: an import
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context when done
 * @user_data: data for @callback
 *
 * trellis_xml_import_read() in a worker thread, on a connection of its own.
 */
void
trellis_xml_import_read_async (TrellisXmlImport    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_XML_IMPORT (self));
  trellis_store_job_run_async (self, self->store, (TrellisStoreJobFunc) read_job,
                               trellis_xml_import_read_async, cancellable, callback, user_data);
}

gboolean
trellis_xml_import_read_finish (TrellisXmlImport  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static guint
count_units (TrellisXmlImport  *self,
             const char        *table,
             TrellisXmlOutcome  outcome)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);
  guint count = 0;

  for (guint u = 0; u < self->units->len; u++)
    {
      Unit *unit = &g_array_index (self->units, Unit, u);

      if (unit->outcome == outcome &&
          g_strcmp0 (types[record_at (self, unit->record)->type].klass->table, table) == 0)
        count++;
    }
  return count;
}

/**
 * trellis_xml_import_count_students:
 * @self: a read import
 * @outcome: what happens to them
 *
 * Returns: how many students of the file (each with everything it owns) have @outcome
 */
guint
trellis_xml_import_count_students (TrellisXmlImport  *self,
                                   TrellisXmlOutcome  outcome)
{
  g_return_val_if_fail (TRELLIS_IS_XML_IMPORT (self), 0);
  return count_units (self, "student", outcome);
}

guint
trellis_xml_import_count_frameworks (TrellisXmlImport  *self,
                                     TrellisXmlOutcome  outcome)
{
  g_return_val_if_fail (TRELLIS_IS_XML_IMPORT (self), 0);
  return count_units (self, "framework", outcome);
}

/**
 * trellis_xml_import_get_n_conflicts:
 * @self: a read import
 *
 * Returns: how many students and frameworks hold records changed both here and in the file
 */
guint
trellis_xml_import_get_n_conflicts (TrellisXmlImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_XML_IMPORT (self), 0);
  return self->conflicts->len;
}

/**
 * trellis_xml_import_dup_conflict_title:
 * @self: a read import
 * @index: a conflict
 *
 * Returns: (transfer full): e.g. “Student Lan Nguyễn”
 */
char *
trellis_xml_import_dup_conflict_title (TrellisXmlImport *self,
                                       guint             index)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);
  Unit *unit;
  Record *record;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TRELLIS_IS_XML_IMPORT (self), NULL);
  unit = conflict_unit (self, index);
  g_return_val_if_fail (unit != NULL, NULL);
  record = record_at (self, unit->record);
  name = dup_record_name (self, record);
  /* Translators: a kind of record and its name, e.g. “Student Lan Nguyễn” */
  return g_strdup_printf (C_("conflict", "%s %s"), _(types[record->type].klass->label), name);
}

/**
 * trellis_xml_import_dup_conflict_details:
 * @self: a read import
 * @index: a conflict
 *
 * Returns: (transfer full): one line per record changed on both sides, with both times
 */
char *
trellis_xml_import_dup_conflict_details (TrellisXmlImport *self,
                                         guint             index)
{
  guint n_types;
  const TrellisXmlType *types = trellis_xml_format_types (&n_types);
  g_autoptr(GString) details = g_string_new (NULL);
  Unit *unit;

  g_return_val_if_fail (TRELLIS_IS_XML_IMPORT (self), NULL);
  unit = conflict_unit (self, index);
  g_return_val_if_fail (unit != NULL, NULL);

  for (guint i = unit->record; i < self->records->len && record_at (self, i)->unit == record_at (self, unit->record)->unit; i++)
    {
      Record *record = record_at (self, i);
      g_autofree char *name = NULL;
      g_autofree char *when = NULL;
      g_autoptr(TrellisEntity) here = NULL;

      if (record->status != STATUS_CONFLICT)
        continue;
      name = dup_record_name (self, record);
      when = trellis_format_timestamp (record->identity[TRELLIS_XML_COLUMN_UPDATED_AT]);
      if (details->len > 0)
        g_string_append_c (details, '\n');
      /* Importer defect 9: who changed it on each side, and when, not only that it changed. */
      here = trellis_store_load_by_uuid (self->store, types[record->type].type,
                                         record->identity[TRELLIS_XML_COLUMN_UUID], NULL);
      if (here != NULL)
        {
          g_autofree char *here_when = trellis_format_timestamp (trellis_entity_get_updated_at (here));
          const char *here_by = trellis_entity_get_updated_by (here);
          const char *there_by = record->identity[TRELLIS_XML_COLUMN_UPDATED_BY];

          /* Translators: a kind of record, its name, then who changed it here and when, and who
           * changed it in the file and when */
          g_string_append_printf (details, _("%s “%s”: changed here by %s on %s, and in the file by %s on %s"),
                                  _(types[record->type].klass->label), name,
                                  here_by && *here_by ? here_by : _("someone"), here_when,
                                  there_by && *there_by ? there_by : _("someone"), when);
        }
      else
        /* Translators: a kind of record, its name, and when the file's version was changed */
        g_string_append_printf (details, _("%s “%s”: changed here and in the file (there on %s)"),
                                _(types[record->type].klass->label), name, when);
    }
  return g_string_free (g_steal_pointer (&details), FALSE);
}

TrellisXmlResolution
trellis_xml_import_get_resolution (TrellisXmlImport *self,
                                   guint             index)
{
  Unit *unit;

  g_return_val_if_fail (TRELLIS_IS_XML_IMPORT (self), TRELLIS_XML_RESOLUTION_MINE);
  unit = conflict_unit (self, index);
  g_return_val_if_fail (unit != NULL, TRELLIS_XML_RESOLUTION_MINE);
  return unit->resolution;
}

/**
 * trellis_xml_import_set_resolution:
 * @self: a read import
 * @index: a conflict
 * @resolution: what to do with it; the default is %TRELLIS_XML_RESOLUTION_MINE
 */
void
trellis_xml_import_set_resolution (TrellisXmlImport     *self,
                                   guint                 index,
                                   TrellisXmlResolution  resolution)
{
  Unit *unit;

  g_return_if_fail (TRELLIS_IS_XML_IMPORT (self));
  unit = conflict_unit (self, index);
  g_return_if_fail (unit != NULL);
  unit->resolution = resolution;
}

void
trellis_xml_import_set_all_resolutions (TrellisXmlImport     *self,
                                        TrellisXmlResolution  resolution)
{
  g_return_if_fail (TRELLIS_IS_XML_IMPORT (self));
  for (guint i = 0; i < self->conflicts->len; i++)
    trellis_xml_import_set_resolution (self, i, resolution);
}

/* “3 students new, 1 updated, 26 unchanged, 0 in conflict.” */
static void
append_counts (GString          *summary,
               const char       *new_text,
               TrellisXmlImport *self,
               const char       *table)
{
  guint n_updated = count_units (self, table, TRELLIS_XML_OUTCOME_UPDATED);
  guint n_unchanged = count_units (self, table, TRELLIS_XML_OUTCOME_UNCHANGED);
  guint n_conflicts = count_units (self, table, TRELLIS_XML_OUTCOME_CONFLICT);

  g_string_append (summary, new_text);
  g_string_append (summary, ", ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", n_updated),
                          n_updated);
  g_string_append (summary, ", ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged",
                                                n_unchanged), n_unchanged);
  g_string_append (summary, ", ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u in conflict", "%u in conflict",
                                                n_conflicts), n_conflicts);
  g_string_append (summary, ".\n");
}

/**
 * trellis_xml_import_dup_summary:
 * @self: a read import
 *
 * Returns: (transfer full): what applying would do, in sentences (a dry run prints it)
 */
char *
trellis_xml_import_dup_summary (TrellisXmlImport *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *students = NULL;
  g_autofree char *frameworks = NULL;
  guint n_students, n_frameworks;

  g_return_val_if_fail (TRELLIS_IS_XML_IMPORT (self), NULL);

  n_students = count_units (self, "student", TRELLIS_XML_OUTCOME_NEW);
  n_frameworks = count_units (self, "framework", TRELLIS_XML_OUTCOME_NEW);
  students = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u student new", "%u students new",
                                           n_students), n_students);
  frameworks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u framework new", "%u frameworks new",
                                             n_frameworks), n_frameworks);

  append_counts (summary, students, self, "student");
  append_counts (summary, frameworks, self, "framework");

  for (guint i = 0; i < self->conflicts->len; i++)
    {
      g_autofree char *title = trellis_xml_import_dup_conflict_title (self, i);
      g_autofree char *details = trellis_xml_import_dup_conflict_details (self, i);

      g_string_append_printf (summary, _("Conflict: %s\n"), title);
      g_string_append_printf (summary, "  %s\n", details);
    }
  return g_string_free (g_steal_pointer (&summary), FALSE);
}

/**
 * trellis_xml_import_apply:
 * @self: an import that was read
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Merges the file as planned, conflicts as resolved, in one transaction: new records keep their
 * UUIDs and times, updated ones are saved (history records each change), copies get new UUIDs.
 * An import never deletes.
 *
 * Returns: %FALSE with @error set, and nothing changed, on failure; %TRELLIS_ERROR_CHANGED when
 *   the database changed since the preview: the import then holds the new preview (counts,
 *   conflicts) and may be applied again once a person has seen it
 */
gboolean
trellis_xml_import_apply (TrellisXmlImport  *self,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_XML_IMPORT (self), FALSE);
  g_return_val_if_fail (self->planned, FALSE);
  return apply_import (self, self->store, cancellable, error);
}

void
trellis_xml_import_apply_async (TrellisXmlImport    *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_XML_IMPORT (self));
  g_return_if_fail (self->planned);
  trellis_store_job_run_async (self, self->store, (TrellisStoreJobFunc) apply_import,
                               trellis_xml_import_apply_async, cancellable, callback, user_data);
}

gboolean
trellis_xml_import_apply_finish (TrellisXmlImport  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
