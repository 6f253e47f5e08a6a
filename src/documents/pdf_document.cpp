#include "documents/pdf_document.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <stdexcept>

namespace kredo::documents {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double kA4Width = 210 * kPointsPerMm;
constexpr double kA4Height = 297 * kPointsPerMm;
constexpr double kCellPadding = 4;  // points

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

PangoAlignment pango_align(Align a) {
  switch (a) {
    case Align::center: return PANGO_ALIGN_CENTER;
    case Align::right: return PANGO_ALIGN_RIGHT;
    case Align::left: break;
  }
  return PANGO_ALIGN_LEFT;
}

}  // namespace

struct PdfDocument::Impl {
  std::string bytes;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  double margin = 0;
  double y = 0;  // current position from the top of the page, in points
  int page = 1;
  bool finished = false;
  std::string header, footer;

  double content_width() const { return kA4Width - 2 * margin; }
  double bottom() const { return kA4Height - margin - 14; }  // room for the footer

  // A layout with our font; the text is plain (never markup), so user data cannot inject formatting.
  PangoLayout* layout(const std::string& text, double width, bool bold, double size_pt, Align align) {
    PangoLayout* l = pango_cairo_create_layout(cr);
    PangoFontDescription* fd = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_absolute_size(fd, size_pt * PANGO_SCALE);
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, pango_align(align));
    pango_layout_set_text(l, text.c_str(), static_cast<int>(text.size()));
    return l;
  }

  double height_of(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  void draw(PangoLayout* l, double x, double at_y) {
    cairo_move_to(cr, x, at_y);
    pango_cairo_show_layout(cr, l);
  }

  void decorate_page() {
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    if (!header.empty()) {
      PangoLayout* l = layout(header, content_width(), false, 8, Align::left);
      draw(l, margin, margin - 12);
      g_object_unref(l);
    }
    std::string foot = footer.empty() ? "Strana " + std::to_string(page) : footer + "  ·  Strana " + std::to_string(page);
    PangoLayout* l = layout(foot, content_width(), false, 8, Align::center);
    draw(l, margin, kA4Height - margin);
    g_object_unref(l);
    cairo_set_source_rgb(cr, 0, 0, 0);
  }

  // Decorations are drawn when a page is complete, so a header set at any time reaches every page.
  void new_page() {
    decorate_page();
    cairo_show_page(cr);
    ++page;
    y = margin;
  }

  void ensure_room(double h) {
    if (y + h > bottom() && y > margin + 1) new_page();
  }
};

PdfDocument::PdfDocument(const std::string& title, double margin_mm) : impl_(std::make_unique<Impl>()) {
  impl_->margin = margin_mm * kPointsPerMm;
  impl_->surface = cairo_pdf_surface_create_for_stream(append_to_string, &impl_->bytes, kA4Width, kA4Height);
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATOR, "KREDO");
  impl_->cr = cairo_create(impl_->surface);
  impl_->y = impl_->margin;
}

PdfDocument::~PdfDocument() {
  if (impl_->cr) cairo_destroy(impl_->cr);
  if (impl_->surface) cairo_surface_destroy(impl_->surface);
}

void PdfDocument::set_running_header(std::string text) { impl_->header = std::move(text); }

void PdfDocument::set_running_footer(std::string text) { impl_->footer = std::move(text); }

void PdfDocument::heading(const std::string& text, int level) {
  double size = level <= 1 ? 16 : (level == 2 ? 13 : 11.5);
  PangoLayout* l = impl_->layout(text, impl_->content_width(), true, size, Align::left);
  double h = impl_->height_of(l);
  impl_->ensure_room(h + 24);  // keep a heading with what follows it
  impl_->draw(l, impl_->margin, impl_->y);
  impl_->y += h + (level <= 1 ? 8 : 5);
  g_object_unref(l);
}

void PdfDocument::paragraph(const std::string& text, bool bold, Align align, double size_pt) {
  PangoLayout* l = impl_->layout(text, impl_->content_width(), bold, size_pt, align);
  // Long paragraphs break between lines, not inside them.
  PangoLayoutIter* it = pango_layout_get_iter(l);
  double base = impl_->y;
  double page_offset = 0;  // layout y that sits at `base`
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    double top = static_cast<double>(logical.y) / PANGO_SCALE;
    double hgt = static_cast<double>(logical.height) / PANGO_SCALE;
    if (base + (top - page_offset) + hgt > impl_->bottom()) {
      impl_->new_page();
      base = impl_->y;
      page_offset = top;
    }
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
    int baseline = pango_layout_iter_get_baseline(it);
    double x = impl_->margin + static_cast<double>(logical.x) / PANGO_SCALE;
    cairo_move_to(impl_->cr, x, base + (static_cast<double>(baseline) / PANGO_SCALE - page_offset));
    pango_cairo_show_layout_line(impl_->cr, line);
    impl_->y = base + (top - page_offset) + hgt;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  g_object_unref(l);
  impl_->y += 5;
}

void PdfDocument::field(const std::string& label, const std::string& value) {
  double label_w = impl_->content_width() * 0.3;
  PangoLayout* a = impl_->layout(label, label_w - 6, true, 10.5, Align::left);
  PangoLayout* b = impl_->layout(value.empty() ? "—" : value, impl_->content_width() - label_w, false, 10.5, Align::left);
  double h = std::max(impl_->height_of(a), impl_->height_of(b));
  impl_->ensure_room(h);
  impl_->draw(a, impl_->margin, impl_->y);
  impl_->draw(b, impl_->margin + label_w, impl_->y);
  impl_->y += h + 3;
  g_object_unref(a);
  g_object_unref(b);
}

void PdfDocument::block(const std::string& text, double indent, bool bold, Align align) {
  const double x = impl_->content_width() * std::clamp(indent, 0.0, 0.9);
  PangoLayout* l = impl_->layout(text, impl_->content_width() - x, bold, 10.5, align);
  const double h = impl_->height_of(l);
  impl_->ensure_room(h);
  impl_->draw(l, impl_->margin + x, impl_->y);
  impl_->y += h + 3;
  g_object_unref(l);
}

void PdfDocument::spacer(double mm) { impl_->y += mm * kPointsPerMm; }

void PdfDocument::page_break() { impl_->new_page(); }

void PdfDocument::table(const Table& t) {
  if (t.columns.empty()) return;
  const double total = std::accumulate(t.columns.begin(), t.columns.end(), 0.0,
                                       [](double s, const TableColumn& c) { return s + c.width; });
  std::vector<double> widths;
  for (const auto& c : t.columns) widths.push_back(impl_->content_width() * c.width / total);
  const double min_h = t.min_row_height_mm * kPointsPerMm;
  cairo_t* cr = impl_->cr;

  auto draw_row = [&](const std::vector<std::string>& cells, bool header, double min_height) {
    std::vector<PangoLayout*> ls;
    double h = min_height;
    for (std::size_t i = 0; i < widths.size(); ++i) {
      const std::string& text = i < cells.size() ? cells[i] : std::string();
      PangoLayout* l = impl_->layout(text, widths[i] - 2 * kCellPadding, header, header ? 9.5 : 10, t.columns[i].align);
      h = std::max(h, impl_->height_of(l) + 2 * kCellPadding);
      ls.push_back(l);
    }
    double x = impl_->margin;
    if (header) {
      cairo_set_source_rgb(cr, 0.9, 0.92, 0.95);
      cairo_rectangle(cr, x, impl_->y, impl_->content_width(), h);
      cairo_fill(cr);
      cairo_set_source_rgb(cr, 0, 0, 0);
    }
    cairo_set_line_width(cr, 0.6);
    for (std::size_t i = 0; i < widths.size(); ++i) {
      cairo_rectangle(cr, x, impl_->y, widths[i], h);
      cairo_stroke(cr);
      impl_->draw(ls[i], x + kCellPadding, impl_->y + kCellPadding);
      g_object_unref(ls[i]);
      x += widths[i];
    }
    impl_->y += h;
  };
  auto measure = [&](const std::vector<std::string>& cells, bool header) {
    double h = header ? 0 : min_h;
    for (std::size_t i = 0; i < widths.size(); ++i) {
      PangoLayout* l = impl_->layout(i < cells.size() ? cells[i] : std::string(), widths[i] - 2 * kCellPadding, header,
                                     header ? 9.5 : 10, t.columns[i].align);
      h = std::max(h, impl_->height_of(l) + 2 * kCellPadding);
      g_object_unref(l);
    }
    return h;
  };

  std::vector<std::string> titles;
  for (const auto& c : t.columns) titles.push_back(c.title);
  const double header_h = measure(titles, true);
  impl_->ensure_room(header_h + (t.rows.empty() ? 0 : measure(t.rows.front(), false)));
  draw_row(titles, true, 0);
  for (const auto& row : t.rows) {
    double h = measure(row, false);
    if (impl_->y + h > impl_->bottom()) {
      impl_->new_page();
      draw_row(titles, true, 0);  // the header is repeated on every page
    }
    draw_row(row, false, min_h);
  }
  impl_->y += 6;
}

void PdfDocument::bar_chart(const BarChart& c) {
  constexpr double kBarHeight = 12, kGap = 5, kLabelWidth = 150, kValueWidth = 120;
  cairo_t* cr = impl_->cr;
  PangoLayout* title = impl_->layout(c.title, impl_->content_width(), true, 10, Align::left);
  const double title_h = impl_->height_of(title);
  impl_->ensure_room(title_h + 4 + static_cast<double>(c.bars.size()) * (kBarHeight + kGap));
  impl_->draw(title, impl_->margin, impl_->y);
  g_object_unref(title);
  impl_->y += title_h + 4;

  double top = 0;
  for (const auto& b : c.bars) top = std::max({top, b.value, b.has_range ? b.high : 0.0});
  if (top <= 0) top = 1;
  const double x0 = impl_->margin + kLabelWidth;
  const double width = impl_->content_width() - kLabelWidth - kValueWidth;
  auto fmt = [&](double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", c.decimals, v);
    std::string s(buf);
    if (c.decimal_comma) std::replace(s.begin(), s.end(), '.', ',');
    return s + c.suffix;
  };
  for (const auto& b : c.bars) {
    PangoLayout* l = impl_->layout(b.label, kLabelWidth - 6, false, 8.5, Align::right);
    const double row = std::max(kBarHeight, impl_->height_of(l));
    if (impl_->y + row > impl_->bottom()) impl_->new_page();
    impl_->draw(l, impl_->margin, impl_->y);
    g_object_unref(l);
    const double w = std::max(0.0, b.value) / top * width;
    cairo_set_source_rgb(cr, 0.16, 0.36, 0.6);
    cairo_rectangle(cr, x0, impl_->y, w, kBarHeight);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    if (b.has_range) {
      const double lo = x0 + std::max(0.0, b.low) / top * width, hi = x0 + std::max(0.0, b.high) / top * width;
      const double mid = impl_->y + kBarHeight / 2;
      cairo_set_line_width(cr, 1);
      cairo_move_to(cr, lo, mid);
      cairo_line_to(cr, hi, mid);
      cairo_move_to(cr, lo, mid - 3);
      cairo_line_to(cr, lo, mid + 3);
      cairo_move_to(cr, hi, mid - 3);
      cairo_line_to(cr, hi, mid + 3);
      cairo_stroke(cr);
    }
    std::string text = fmt(b.value);
    if (b.has_range) text += " (" + fmt(b.low) + "–" + fmt(b.high) + ")";
    PangoLayout* v = impl_->layout(text, kValueWidth + kLabelWidth, false, 8, Align::left);
    const double right = b.has_range ? std::max(w, std::max(0.0, b.high) / top * width) : w;
    impl_->draw(v, std::min(x0 + right + 4, impl_->margin + impl_->content_width() - kValueWidth), impl_->y + 1);
    g_object_unref(v);
    impl_->y += row + kGap;
  }
  impl_->y += 6;
}

std::string PdfDocument::finish() {
  if (impl_->finished) throw std::logic_error("PdfDocument::finish called twice");
  impl_->finished = true;
  impl_->decorate_page();
  cairo_destroy(impl_->cr);
  impl_->cr = nullptr;
  cairo_surface_finish(impl_->surface);
  cairo_status_t st = cairo_surface_status(impl_->surface);
  cairo_surface_destroy(impl_->surface);
  impl_->surface = nullptr;
  if (st != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("PDF failed: ") + cairo_status_to_string(st));
  return std::move(impl_->bytes);
}

}  // namespace kredo::documents
