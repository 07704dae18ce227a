/* trellis-html-text.c — turns the HTML of imported descriptions into plain paragraphs
 *
 * Moodle and Mahara keep descriptions as HTML fragments. Trellis shows plain text, so tags are
 * dropped, character references decoded and white space collapsed the way a browser does;
 * paragraphs, headings and lists become blank-line separated paragraphs, line breaks and list
 * items become lines (items start with “• ”). Scripts, styles and comments are dropped whole.
 * One pass, no recursion: safe on any input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-html-text"

#include <string.h>

#include "trellis-html-text.h"

typedef struct {
  GString  *out;
  guint     pending_breaks;  /* line breaks asked for before the next text */
  gboolean  pending_space;
  gboolean  no_more_tags;    /* no '>' is left in the input: every later '<' is text */
} Writer;

typedef struct {
  const char *name;
  gunichar    character;
} NamedEntity;

static const NamedEntity named_entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", ' ' }, { "ndash", 0x2013 }, { "mdash", 0x2014 }, { "hellip", 0x2026 },
  { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
  { "laquo", 0x00AB }, { "raquo", 0x00BB }, { "bull", 0x2022 }, { "middot", 0x00B7 },
  { "copy", 0x00A9 }, { "reg", 0x00AE }, { "trade", 0x2122 }, { "euro", 0x20AC },
  { "times", 0x00D7 }, { "divide", 0x00F7 }, { "deg", 0x00B0 }, { "shy", 0 },
  { "aacute", 0x00E1 }, { "agrave", 0x00E0 }, { "acirc", 0x00E2 }, { "auml", 0x00E4 },
  { "eacute", 0x00E9 }, { "egrave", 0x00E8 }, { "ecirc", 0x00EA }, { "euml", 0x00EB },
  { "iacute", 0x00ED }, { "oacute", 0x00F3 }, { "ocirc", 0x00F4 }, { "ouml", 0x00F6 },
  { "uacute", 0x00FA }, { "uuml", 0x00FC }, { "ntilde", 0x00F1 }, { "ccedil", 0x00E7 },
  { "szlig", 0x00DF },
};

/* Tags that end a paragraph, and tags that end a line. */
static const char * const paragraph_tags[] = {
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre",
  "section", "article", "header", "footer", "hr", NULL
};
static const char * const line_tags[] = {
  "br", "div", "li", "tr", "dt", "dd", NULL
};

/* Helpers */

static gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void
write_text (Writer     *writer,
            const char *text,
            gssize      length)
{
  if (writer->out->len > 0)
    {
      if (writer->pending_breaks > 0)
        {
          while (writer->out->len > 0 && writer->out->str[writer->out->len - 1] == ' ')
            g_string_truncate (writer->out, writer->out->len - 1);
          for (guint i = 0; i < MIN (writer->pending_breaks, 2); i++)
            g_string_append_c (writer->out, '\n');
        }
      else if (writer->pending_space && writer->out->str[writer->out->len - 1] != ' '
               && writer->out->str[writer->out->len - 1] != '\n')
        g_string_append_c (writer->out, ' ');
    }
  writer->pending_breaks = 0;
  writer->pending_space = FALSE;
  g_string_append_len (writer->out, text, length);
}

static void
write_character (Writer   *writer,
                 gunichar  c)
{
  char buffer[6];

  if (c == 0)
    return;
  if (!g_unichar_validate (c))
    c = 0xFFFD;
  write_text (writer, buffer, g_unichar_to_utf8 (c, buffer));
}

static void
ask_break (Writer *writer,
           guint   breaks)
{
  writer->pending_breaks = MAX (writer->pending_breaks, breaks);
}

static gboolean
name_in (const char         *name,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Finds needle (ASCII, lower case) in [from, end) ignoring ASCII case; NULL if absent. */
static const char *
find_ascii_nocase (const char *from,
                   const char *end,
                   const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = from; p + n <= end; p++)
    if (g_ascii_strncasecmp (p, needle, n) == 0)
      return p;
  return NULL;
}

/* Decodes the character reference at p (which is '&'); returns the bytes it used, 0 if none. */
static gsize
read_entity (const char *p,
             const char *end,
             gunichar   *character)
{
  const char *q = p + 1;
  char name[16];
  gsize n = 0;

  if (q < end && *q == '#')
    {
      gboolean hex = (q + 1 < end && (q[1] == 'x' || q[1] == 'X'));
      guint64 value = 0;
      const char *digits;

      q += hex ? 2 : 1;
      digits = q;
      while (q < end && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)) && q - digits < 8)
        {
          value = value * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*q) : g_ascii_digit_value (*q));
          q++;
        }
      if (q == digits)
        return 0;
      *character = value > 0x10FFFF ? 0xFFFD : (gunichar) value;
      return (q < end && *q == ';' ? q + 1 : q) - p;
    }

  while (q < end && g_ascii_isalnum (*q) && n < sizeof name - 1)
    name[n++] = g_ascii_tolower (*q++);
  name[n] = '\0';
  if (q >= end || *q != ';')
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (named_entities); i++)
    if (strcmp (name, named_entities[i].name) == 0)
      {
        *character = named_entities[i].character;
        return q + 1 - p;
      }
  return 0;
}

/* Handles the tag at p (which is '<'); returns where reading goes on, or NULL if p is text. */
static const char *
read_tag (Writer     *writer,
          const char *p,
          const char *end)
{
  const char *q = p + 1;
  const char *close;
  gboolean closing = FALSE;
  char name[16];
  gsize n = 0;

  if (q + 2 < end && strncmp (q, "!--", 3) == 0)
    {
      close = find_ascii_nocase (q + 3, end, "-->");
      return close ? close + 3 : end;
    }
  if (q < end && *q == '/')
    {
      closing = TRUE;
      q++;
    }
  if (q >= end || !(g_ascii_isalpha (*q) || *q == '!' || *q == '?'))
    return NULL;
  if (writer->no_more_tags)
    return NULL;
  close = memchr (q, '>', end - q);
  if (close == NULL)
    {
      writer->no_more_tags = TRUE;
      return NULL;
    }

  while (q < close && g_ascii_isalnum (*q) && n < sizeof name - 1)
    name[n++] = g_ascii_tolower (*q++);
  name[n] = '\0';

  if (!closing && (strcmp (name, "script") == 0 || strcmp (name, "style") == 0))
    {
      const char *end_tag = find_ascii_nocase (close, end, strcmp (name, "script") == 0 ? "</script" : "</style");
      const char *after;

      if (end_tag == NULL)
        return end;
      after = memchr (end_tag, '>', end - end_tag);
      return after ? after + 1 : end;
    }

  if (name_in (name, paragraph_tags))
    ask_break (writer, 2);
  else if (name_in (name, line_tags))
    {
      ask_break (writer, 1);
      if (!closing && strcmp (name, "li") == 0)
        {
          write_text (writer, "• ", -1);
          writer->pending_space = FALSE;
        }
    }
  return close + 1;
}

/* Public API */

/**
 * trellis_html_to_text:
 * @html: an HTML fragment in UTF-8
 *
 * Returns: (transfer full): the text, paragraphs separated by a blank line, without leading or
 *   trailing white space
 */
char *
trellis_html_to_text (const char *html)
{
  Writer writer = { g_string_new (NULL), 0, FALSE, FALSE };
  const char *p, *end;

  g_return_val_if_fail (html != NULL, NULL);

  end = html + strlen (html);
  for (p = html; p < end;)
    {
      if (*p == '<')
        {
          const char *next = read_tag (&writer, p, end);

          if (next != NULL)
            {
              p = next;
              continue;
            }
        }
      else if (*p == '&')
        {
          gunichar c = 0;
          gsize used = read_entity (p, end, &c);

          if (used > 0)
            {
              write_character (&writer, c);
              p += used;
              continue;
            }
        }
      else if (is_html_space (*p))
        {
          writer.pending_space = TRUE;
          p++;
          continue;
        }

      {
        const char *stop = p + 1;

        while (stop < end && *stop != '<' && *stop != '&' && !is_html_space (*stop))
          stop++;
        write_text (&writer, p, stop - p);
        p = stop;
      }
    }

  while (writer.out->len > 0 && g_ascii_isspace (writer.out->str[writer.out->len - 1]))
    g_string_truncate (writer.out, writer.out->len - 1);
  return g_string_free (writer.out, FALSE);
}
