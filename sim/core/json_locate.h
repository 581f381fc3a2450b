// Where a JSON Pointer (the path of a diagnostic, "/exercises/2/tasks/0/condition") is in a JSON
// text: line, column and the text of the value, so that an author can find the error in the file.
#pragma once
#include <cstddef>
#include <string>

namespace kalan {

struct JsonLocation {
  bool found = false;      // the whole path exists; otherwise the location is its deepest existing part
  std::string reached;     // that part of the path ("" = the document)
  std::size_t offset = 0;  // byte offset of the value's first character
  std::size_t line = 1, column = 1;  // 1-based; the column counts characters (UTF-8), not bytes
  std::string snippet;     // the value's text, cut after `max_snippet` bytes (on a character boundary)
};

// Locates `pointer` (RFC 6901: "/a/0/b", "~1" for "/", "~0" for "~") in `text`. A path into something
// missing (a required field) gives the object that should hold it. Reads leniently: a text that is not
// valid JSON is located as far as it can be read.
JsonLocation locate_json_pointer(const std::string& text, const std::string& pointer, std::size_t max_snippet = 400);

}  // namespace kalan
