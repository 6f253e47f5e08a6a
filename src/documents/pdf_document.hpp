// A4 PDF documents with Czech text (cairo + pango, DejaVu fonts): headings, wrapped paragraphs and
// tables that break across pages with their header repeated, a running header and footer.
// The building block of attendance sheets (prezenční listina) and letters for parents.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace kredo::documents {

enum class Align { left, center, right };

struct TableColumn {
  std::string title;
  double width = 1;  // relative to the other columns
  Align align = Align::left;
};

struct Table {
  std::vector<TableColumn> columns;
  std::vector<std::vector<std::string>> rows;
  double min_row_height_mm = 0;  // e.g. room for a signature
};

// Horizontal bars, one per label, with an optional range (e.g. the 5th-95th percentile) drawn as a
// whisker. Values are printed beside the bars, so the chart reads without colour.
struct BarChart {
  struct Bar {
    std::string label;
    double value = 0;
    double low = 0, high = 0;  // the whisker; ignored when has_range is false
    bool has_range = false;
  };
  std::string title;
  std::vector<Bar> bars;
  int decimals = 3;
  std::string suffix;  // printed after each value, e.g. " %"
  bool decimal_comma = true;  // Czech: 0,785
};

class PdfDocument {
 public:
  // title: the PDF's metadata title. Margins in millimetres.
  explicit PdfDocument(const std::string& title, double margin_mm = 18);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  // Printed at the top and bottom of every page (the footer also gets "Strana N").
  void set_running_header(std::string text);
  void set_running_footer(std::string text);

  void heading(const std::string& text, int level = 1);
  void paragraph(const std::string& text, bool bold = false, Align align = Align::left, double size_pt = 10.5);
  // Lines of "label: value", the label in bold.
  void field(const std::string& label, const std::string& value);
  // A short block of text (an address, a signature) starting at `indent` (a fraction of the text
  // width from the left margin); kept on one page.
  void block(const std::string& text, double indent, bool bold = false, Align align = Align::left);
  void spacer(double mm);
  void table(const Table& table);
  void bar_chart(const BarChart& chart);
  void page_break();

  // Ends the document and returns the PDF bytes. The object is finished afterwards.
  std::string finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kredo::documents
