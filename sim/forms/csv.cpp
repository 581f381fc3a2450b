// RFC 4180 CSV reading, keeping the line where each record starts (quoted cells may span lines).
#include "core/reader.h"
#include "forms/xlsform.h"

namespace kalan::forms {

std::vector<CsvRecord> parse_csv(const std::string& text, const std::string& sheet, Diagnostics& errors) {
  std::vector<CsvRecord> out;
  std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  int line = 1;
  while (i < text.size()) {
    CsvRecord rec;
    rec.line = line;
    std::string cell;
    bool end_of_record = false;
    while (!end_of_record) {
      if (i < text.size() && text[i] == '"') {
        const int quote_line = line;
        ++i;
        while (true) {
          if (i >= text.size()) {
            add_error(errors, sheet + ":" + std::to_string(quote_line), "xls_unclosed_quote");
            return out;
          }
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              cell += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          cell += text[i++];
        }
      }
      // Unquoted part (or what follows a closing quote, kept as RFC 4180 parsers usually do).
      while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') cell += text[i++];
      rec.cells.push_back(std::move(cell));
      cell.clear();
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      end_of_record = true;
    }
    bool blank = true;
    for (const auto& c : rec.cells) blank = blank && c.empty();
    if (!blank) out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace kalan::forms
