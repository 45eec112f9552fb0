// CPython: Modules/expat/expat.h (enum XML_Error) and xmlparse.c (XML_ErrorString).
/** expat error names by code (index = code; 0 is XML_ERROR_NONE). */
export const ERROR_NAMES: readonly string[] = [
  "XML_ERROR_NONE",
  "XML_ERROR_NO_MEMORY",
  "XML_ERROR_SYNTAX",
  "XML_ERROR_NO_ELEMENTS",
  "XML_ERROR_INVALID_TOKEN",
  "XML_ERROR_UNCLOSED_TOKEN",
  "XML_ERROR_PARTIAL_CHAR",
  "XML_ERROR_TAG_MISMATCH",
  "XML_ERROR_DUPLICATE_ATTRIBUTE",
  "XML_ERROR_JUNK_AFTER_DOC_ELEMENT",
  "XML_ERROR_PARAM_ENTITY_REF",
  "XML_ERROR_UNDEFINED_ENTITY",
  "XML_ERROR_RECURSIVE_ENTITY_REF",
  "XML_ERROR_ASYNC_ENTITY",
  "XML_ERROR_BAD_CHAR_REF",
  "XML_ERROR_BINARY_ENTITY_REF",
  "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF",
  "XML_ERROR_MISPLACED_XML_PI",
  "XML_ERROR_UNKNOWN_ENCODING",
  "XML_ERROR_INCORRECT_ENCODING",
  "XML_ERROR_UNCLOSED_CDATA_SECTION",
  "XML_ERROR_EXTERNAL_ENTITY_HANDLING",
  "XML_ERROR_NOT_STANDALONE",
  "XML_ERROR_UNEXPECTED_STATE",
  "XML_ERROR_ENTITY_DECLARED_IN_PE",
  "XML_ERROR_FEATURE_REQUIRES_XML_DTD",
  "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING",
  "XML_ERROR_UNBOUND_PREFIX",
  "XML_ERROR_UNDECLARING_PREFIX",
  "XML_ERROR_INCOMPLETE_PE",
  "XML_ERROR_XML_DECL",
  "XML_ERROR_TEXT_DECL",
  "XML_ERROR_PUBLICID",
  "XML_ERROR_SUSPENDED",
  "XML_ERROR_NOT_SUSPENDED",
  "XML_ERROR_ABORTED",
  "XML_ERROR_FINISHED",
  "XML_ERROR_SUSPEND_PE",
  "XML_ERROR_RESERVED_PREFIX_XML",
  "XML_ERROR_RESERVED_PREFIX_XMLNS",
  "XML_ERROR_RESERVED_NAMESPACE_URI",
  "XML_ERROR_INVALID_ARGUMENT",
  "XML_ERROR_NO_BUFFER",
  "XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
  "XML_ERROR_NOT_STARTED",
];
/** XML_ErrorString by code. */
export const ERROR_MESSAGES: readonly (string | null)[] = [
  null,
  "out of memory",
  "syntax error",
  "no element found",
  "not well-formed (invalid token)",
  "unclosed token",
  "partial character",
  "mismatched tag",
  "duplicate attribute",
  "junk after document element",
  "illegal parameter entity reference",
  "undefined entity",
  "recursive entity reference",
  "asynchronous entity",
  "reference to invalid character number",
  "reference to binary entity",
  "reference to external entity in attribute",
  "XML or text declaration not at start of entity",
  "unknown encoding",
  "encoding specified in XML declaration is incorrect",
  "unclosed CDATA section",
  "error in processing external entity reference",
  "document is not standalone",
  "unexpected parser state - please send a bug report",
  "entity declared in parameter entity",
  "requested feature requires XML_DTD support in Expat",
  "cannot change setting once parsing has begun",
  "unbound prefix",
  "must not undeclare prefix",
  "incomplete markup in parameter entity",
  "XML declaration not well-formed",
  "text declaration not well-formed",
  "illegal character(s) in public id",
  "parser suspended",
  "parser not suspended",
  "parsing aborted",
  "parsing finished",
  "cannot suspend in external parameter entity",
  "reserved prefix (xml) must not be undeclared or bound to another namespace name",
  "reserved prefix (xmlns) must not be declared or undeclared",
  "prefix must not be bound to one of the reserved namespace names",
  "invalid argument",
  "a successful prior call to function XML_GetBuffer is required",
  "limit on input amplification factor (from DTD and entities) breached",
  "parser not started",
];
export const XML_ERROR_NONE = 0;
export const XML_ERROR_NO_MEMORY = 1;
export const XML_ERROR_SYNTAX = 2;
export const XML_ERROR_NO_ELEMENTS = 3;
export const XML_ERROR_INVALID_TOKEN = 4;
export const XML_ERROR_UNCLOSED_TOKEN = 5;
export const XML_ERROR_PARTIAL_CHAR = 6;
export const XML_ERROR_TAG_MISMATCH = 7;
export const XML_ERROR_DUPLICATE_ATTRIBUTE = 8;
export const XML_ERROR_JUNK_AFTER_DOC_ELEMENT = 9;
export const XML_ERROR_PARAM_ENTITY_REF = 10;
export const XML_ERROR_UNDEFINED_ENTITY = 11;
export const XML_ERROR_RECURSIVE_ENTITY_REF = 12;
export const XML_ERROR_ASYNC_ENTITY = 13;
export const XML_ERROR_BAD_CHAR_REF = 14;
export const XML_ERROR_BINARY_ENTITY_REF = 15;
export const XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF = 16;
export const XML_ERROR_MISPLACED_XML_PI = 17;
export const XML_ERROR_UNKNOWN_ENCODING = 18;
export const XML_ERROR_INCORRECT_ENCODING = 19;
export const XML_ERROR_UNCLOSED_CDATA_SECTION = 20;
export const XML_ERROR_EXTERNAL_ENTITY_HANDLING = 21;
export const XML_ERROR_NOT_STANDALONE = 22;
export const XML_ERROR_UNEXPECTED_STATE = 23;
export const XML_ERROR_ENTITY_DECLARED_IN_PE = 24;
export const XML_ERROR_FEATURE_REQUIRES_XML_DTD = 25;
export const XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING = 26;
export const XML_ERROR_UNBOUND_PREFIX = 27;
export const XML_ERROR_UNDECLARING_PREFIX = 28;
export const XML_ERROR_INCOMPLETE_PE = 29;
export const XML_ERROR_XML_DECL = 30;
export const XML_ERROR_TEXT_DECL = 31;
export const XML_ERROR_PUBLICID = 32;
export const XML_ERROR_SUSPENDED = 33;
export const XML_ERROR_NOT_SUSPENDED = 34;
export const XML_ERROR_ABORTED = 35;
export const XML_ERROR_FINISHED = 36;
export const XML_ERROR_SUSPEND_PE = 37;
export const XML_ERROR_RESERVED_PREFIX_XML = 38;
export const XML_ERROR_RESERVED_PREFIX_XMLNS = 39;
export const XML_ERROR_RESERVED_NAMESPACE_URI = 40;
export const XML_ERROR_INVALID_ARGUMENT = 41;
export const XML_ERROR_NO_BUFFER = 42;
export const XML_ERROR_AMPLIFICATION_LIMIT_BREACH = 43;
export const XML_ERROR_NOT_STARTED = 44;
