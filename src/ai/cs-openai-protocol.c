/* cs-openai-protocol.c: the JSON of the OpenAI chat completions API, without HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cs-ai-error.h"
#include "cs-openai-protocol.h"

/* Error messages quote at most this much of a server's body. */
#define MAX_QUOTED_BODY 300

struct _CsOpenaiAnswer
{
  GString  *text;
  char     *finish_reason;
  char     *model;
  int       prompt_tokens;
  int       completion_tokens;
  gboolean  has_content;
};

/* The string member @name of @object, NULL when missing or not a string. */
static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The integer member @name of @object, @otherwise when missing or not a number. */
static int
get_int (JsonObject *object,
         const char *name,
         int         otherwise)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return otherwise;
  return (int) CLAMP (json_node_get_int (node), -1, G_MAXINT);
}

/* ---- request ------------------------------------------------------------------------- */

static char *
schema_instruction (JsonNode *schema)
{
  g_autofree char *text = json_to_string (schema, TRUE);

  return g_strdup_printf ("Answer with one JSON value and nothing else: no prose, no code "
                          "fences. The value must match this JSON Schema:\n%s", text);
}

/* The json_schema "name": the schema's title made of [A-Za-z0-9_-], or "answer". */
static char *
schema_name (JsonNode *schema)
{
  const char *title = NULL;
  GString *name = g_string_new (NULL);

  if (JSON_NODE_HOLDS_OBJECT (schema))
    title = get_string (json_node_get_object (schema), "title");
  for (const char *p = title; p != NULL && *p != '\0' && name->len < 64; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '_' || *p == '-')
        g_string_append_c (name, *p);
      else if (*p == ' ')
        g_string_append_c (name, '_');
    }
  if (name->len == 0)
    g_string_assign (name, "answer");
  return g_string_free (name, FALSE);
}

static void
add_messages (JsonBuilder      *builder,
              CsLlmRequest     *request,
              CsOpenaiJsonMode  mode,
              JsonNode         *schema)
{
  guint n = cs_llm_request_get_n_messages (request);
  g_autofree char *instruction = NULL;
  gboolean instructed = FALSE;

  if (mode == CS_OPENAI_JSON_OBJECT || mode == CS_OPENAI_JSON_PROMPT)
    instruction = schema_instruction (schema);

  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      CsLlmRole role = cs_llm_request_get_message_role (request, i);
      const char *content = cs_llm_request_get_message_content (request, i);
      g_autofree char *joined = NULL;

      if (instruction != NULL && !instructed)
        {
          instructed = TRUE;
          if (role == CS_LLM_ROLE_SYSTEM)
            content = joined = g_strconcat (content, "\n\n", instruction, NULL);
          else
            {
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "role");
              json_builder_add_string_value (builder, "system");
              json_builder_set_member_name (builder, "content");
              json_builder_add_string_value (builder, instruction);
              json_builder_end_object (builder);
            }
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, cs_llm_role_to_string (role));
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, content);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

GBytes *
cs_openai_build_chat_body (CsLlmRequest     *request,
                           const char       *model,
                           CsOpenaiJsonMode  mode,
                           JsonNode         *schema)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *request_model = cs_llm_request_get_model (request);
  char *text;

  g_return_val_if_fail (mode == CS_OPENAI_JSON_NONE || schema != NULL, NULL);

  if (request_model != NULL && *request_model != '\0')
    model = request_model;

  json_builder_begin_object (builder);
  if (model != NULL && *model != '\0')
    {
      json_builder_set_member_name (builder, "model");
      json_builder_add_string_value (builder, model);
    }
  add_messages (builder, request, mode, schema);
  json_builder_set_member_name (builder, "stream");
  json_builder_add_boolean_value (builder, TRUE);
  if (cs_llm_request_get_temperature (request) >= 0.0)
    {
      json_builder_set_member_name (builder, "temperature");
      json_builder_add_double_value (builder, cs_llm_request_get_temperature (request));
    }
  if (cs_llm_request_get_max_tokens (request) > 0)
    {
      json_builder_set_member_name (builder, "max_tokens");
      json_builder_add_int_value (builder, cs_llm_request_get_max_tokens (request));
    }
  if (mode == CS_OPENAI_JSON_SCHEMA || mode == CS_OPENAI_JSON_OBJECT)
    {
      json_builder_set_member_name (builder, "response_format");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      if (mode == CS_OPENAI_JSON_OBJECT)
        json_builder_add_string_value (builder, "json_object");
      else
        {
          g_autofree char *name = schema_name (schema);

          json_builder_add_string_value (builder, "json_schema");
          json_builder_set_member_name (builder, "json_schema");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, name);
          json_builder_set_member_name (builder, "schema");
          json_builder_add_value (builder, json_node_copy (schema));
          json_builder_set_member_name (builder, "strict");
          json_builder_add_boolean_value (builder, TRUE);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  return g_bytes_new_take (text, strlen (text));
}

/* ---- errors -------------------------------------------------------------------------- */

static char *
body_text (GBytes *body)
{
  gsize size = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &size) : NULL;

  return g_utf8_make_valid (data != NULL ? data : "", size);
}

gboolean
cs_openai_rejects_response_format (guint   status,
                                   GBytes *body)
{
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;

  if (status == 422)
    return TRUE;
  if (status != 400)
    return FALSE;
  text = body_text (body);
  lower = g_utf8_strdown (text, -1);
  return strstr (lower, "response_format") != NULL || strstr (lower, "json_schema") != NULL ||
         strstr (lower, "json_object") != NULL || strstr (lower, "response format") != NULL;
}

static char *
shorten (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (g_utf8_strlen (stripped, -1) <= MAX_QUOTED_BODY)
    return g_steal_pointer (&stripped);
  *g_utf8_offset_to_pointer (stripped, MAX_QUOTED_BODY) = '\0';
  return g_strconcat (stripped, "…", NULL);
}

/* The message of an {"error": …} member, or NULL. */
static char *
error_member_message (JsonObject *object)
{
  JsonNode *error = json_object_get_member (object, "error");

  if (error == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (error) && json_node_get_value_type (error) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (error));
  if (JSON_NODE_HOLDS_OBJECT (error))
    {
      const char *message = get_string (json_node_get_object (error), "message");

      if (message != NULL)
        return g_strdup (message);
    }
  return json_to_string (error, FALSE);
}

char *
cs_openai_dup_error_message (GBytes *body)
{
  g_autofree char *text = body_text (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *message = NULL;

  if (json_parser_load_from_data (parser, text, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *object = json_node_get_object (json_parser_get_root (parser));

      message = error_member_message (object);
      if (message == NULL)
        message = g_strdup (get_string (object, "message"));
    }
  return shorten (message != NULL ? message : text);
}

/* ---- answers ------------------------------------------------------------------------- */

CsOpenaiAnswer *
cs_openai_answer_new (void)
{
  CsOpenaiAnswer *self = g_new0 (CsOpenaiAnswer, 1);

  self->text = g_string_new (NULL);
  self->prompt_tokens = -1;
  self->completion_tokens = -1;
  return self;
}

void
cs_openai_answer_free (CsOpenaiAnswer *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_free (self->finish_reason);
  g_free (self->model);
  g_free (self);
}

static JsonNode *
parse_object (const char  *text,
              gssize       length,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (parser, text, length, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_autofree char *quoted = shorten (text);

      g_set_error (error, CS_AI_ERROR, CS_AI_ERROR_BAD_RESPONSE,
                   _("The server sent an answer that is not a JSON object: %s"), quoted);
      return NULL;
    }
  return json_parser_steal_root (parser);
}

static void
take_string (char       **field,
             JsonObject  *object,
             const char  *name)
{
  const char *value = get_string (object, name);

  if (value != NULL && *value != '\0')
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

static void
take_usage (CsOpenaiAnswer *self,
            JsonObject     *object)
{
  JsonNode *usage = json_object_get_member (object, "usage");
  JsonObject *fields;

  if (usage == NULL || !JSON_NODE_HOLDS_OBJECT (usage))
    return;
  fields = json_node_get_object (usage);
  self->prompt_tokens = get_int (fields, "prompt_tokens", self->prompt_tokens);
  self->completion_tokens = get_int (fields, "completion_tokens", self->completion_tokens);
}

/* choices[0] of a chunk or response, or NULL. */
static JsonObject *
first_choice (JsonObject *object)
{
  JsonNode *choices = json_object_get_member (object, "choices");
  JsonNode *choice;

  if (choices == NULL || !JSON_NODE_HOLDS_ARRAY (choices) ||
      json_array_get_length (json_node_get_array (choices)) == 0)
    return NULL;
  choice = json_array_get_element (json_node_get_array (choices), 0);
  return JSON_NODE_HOLDS_OBJECT (choice) ? json_node_get_object (choice) : NULL;
}

/* The "content" string of choice[member], or NULL. */
static const char *
choice_content (JsonObject *choice,
                const char *member)
{
  JsonNode *node = json_object_get_member (choice, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return get_string (json_node_get_object (node), "content");
}

/* Takes what chunks and whole responses have in common; fails on an error object. */
static gboolean
take_common (CsOpenaiAnswer  *self,
             JsonObject      *object,
             CsAiError        error_code,
             GError         **error)
{
  g_autofree char *message = error_member_message (object);
  JsonObject *choice = first_choice (object);

  if (message != NULL)
    {
      g_autofree char *quoted = shorten (message);

      g_set_error (error, CS_AI_ERROR, error_code, _("The server reported an error: %s"),
                   quoted);
      return FALSE;
    }
  take_string (&self->model, object, "model");
  take_usage (self, object);
  if (choice != NULL)
    take_string (&self->finish_reason, choice, "finish_reason");
  self->has_content = TRUE;
  return TRUE;
}

gboolean
cs_openai_answer_add_chunk (CsOpenaiAnswer  *self,
                            const char      *data,
                            char           **delta,
                            GError         **error)
{
  g_autoptr(JsonNode) root = parse_object (data, -1, error);
  JsonObject *choice;
  const char *content;

  *delta = NULL;
  if (root == NULL ||
      !take_common (self, json_node_get_object (root), CS_AI_ERROR_SERVER_ERROR_CHUNK, error))
    return FALSE;

  choice = first_choice (json_node_get_object (root));
  content = choice != NULL ? choice_content (choice, "delta") : NULL;
  if (content != NULL && *content != '\0')
    {
      g_string_append (self->text, content);
      *delta = g_strdup (content);
    }
  return TRUE;
}

gboolean
cs_openai_answer_set_response (CsOpenaiAnswer  *self,
                               GBytes          *body,
                               GError         **error)
{
  g_autofree char *text = body_text (body);
  g_autoptr(JsonNode) root = parse_object (text, -1, error);
  JsonObject *choice;
  const char *content;

  if (root == NULL ||
      !take_common (self, json_node_get_object (root), CS_AI_ERROR_BAD_RESPONSE, error))
    return FALSE;

  choice = first_choice (json_node_get_object (root));
  content = choice != NULL ? choice_content (choice, "message") : NULL;
  if (choice == NULL)
    {
      g_set_error_literal (error, CS_AI_ERROR, CS_AI_ERROR_BAD_RESPONSE,
                           _("The server's answer has no choices"));
      return FALSE;
    }
  g_string_assign (self->text, content != NULL ? content : "");
  return TRUE;
}

gboolean
cs_openai_answer_has_content (CsOpenaiAnswer *self)
{
  return self->has_content;
}

const char *
cs_openai_answer_get_text (CsOpenaiAnswer *self)
{
  return self->text->str;
}

CsLlmResult *
cs_openai_answer_to_result (CsOpenaiAnswer *self)
{
  return cs_llm_result_new (self->text->str, self->finish_reason, self->model,
                            self->prompt_tokens, self->completion_tokens);
}

/* ---- JSON answers and models --------------------------------------------------------- */

static JsonNode *
try_parse (const char *text,
           gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (length == 0 || !json_parser_load_from_data (parser, text, length, NULL) ||
      json_parser_get_root (parser) == NULL)
    return NULL;
  return json_parser_steal_root (parser);
}

/* The text between the first ``` fence line and the next fence. */
static char *
fenced_text (const char *text)
{
  const char *start = strstr (text, "```");
  const char *end;

  if (start == NULL)
    return NULL;
  start = strchr (start, '\n');
  if (start == NULL)
    return NULL;
  end = strstr (++start, "```");
  return g_strndup (start, end != NULL ? (gsize) (end - start) : strlen (start));
}

JsonNode *
cs_openai_extract_json (const char  *text,
                        GError     **error)
{
  g_autofree char *fenced = fenced_text (text);
  const char *candidate = fenced != NULL ? fenced : text;
  JsonNode *node;
  const char *first;
  const char *last;

  node = try_parse (candidate, strlen (candidate));
  if (node != NULL)
    return node;

  /* Prose around the value: from the first opening to the last closing bracket. */
  first = strpbrk (candidate, "{[");
  last = first != NULL ? strrchr (first, *first == '{' ? '}' : ']') : NULL;
  if (last != NULL && (node = try_parse (first, last - first + 1)) != NULL)
    return node;

  {
    g_autofree char *quoted = shorten (text);

    g_set_error (error, CS_AI_ERROR, CS_AI_ERROR_SCHEMA,
                 _("The language model did not answer with JSON: %s"), quoted);
  }
  return NULL;
}

char **
cs_openai_parse_models (GBytes  *body,
                        GError **error)
{
  g_autofree char *text = body_text (body);
  g_autoptr(JsonNode) root = parse_object (text, -1, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *data;

  if (root == NULL)
    return NULL;
  data = json_object_get_member (json_node_get_object (root), "data");
  if (data == NULL || !JSON_NODE_HOLDS_ARRAY (data))
    {
      g_set_error_literal (error, CS_AI_ERROR, CS_AI_ERROR_BAD_RESPONSE,
                           _("The server's list of models has no “data” array"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (data)); i++)
    {
      JsonNode *model = json_array_get_element (json_node_get_array (data), i);
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (model))
        continue;
      id = get_string (json_node_get_object (model), "id");
      if (id != NULL)
        g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}
