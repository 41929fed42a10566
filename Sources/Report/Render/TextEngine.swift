import CCairo
import CPango

/// Measures text for the layout, answering with the same Pango settings the renderer draws
/// with (unhinted metrics, unrounded glyph positions), so measured boxes match drawn ones.
public protocol TextMeasuring {
  /// The logical size of `run` in points, honouring its wrap width and single-line cut.
  func size(of run: TextRun) -> LayoutSize
}

/// Pango text on the private font set: measuring for the layout, drawing for the renderer.
/// Not thread-safe; one engine per rendering thread.
public final class TextEngine: TextMeasuring {
  let fonts: FontSet
  let language: String
  private let context: OpaquePointer

  /// - Parameter language: BCP 47 tag (`en`, `zh-CN`); picks Han glyph variants.
  public init(fonts: FontSet, language: String) {
    self.fonts = fonts
    self.language = language
    context = pango_font_map_create_context(fonts.fontMap)
    TextEngine.configure(context, language: language)
  }

  deinit { g_object_unref(UnsafeMutableRawPointer(context)) }

  /// Turns off hinting and glyph-position rounding: layout in points must not depend on the
  /// output resolution, so PDF, SVG and PNG place every glyph alike.
  static func configure(_ context: OpaquePointer, language: String) {
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    pango_cairo_context_set_font_options(context, options)
    cairo_font_options_destroy(options)
    pango_context_set_round_glyph_positions(context, 0)
    pango_context_set_language(context, pango_language_from_string(language))
  }

  public func size(of run: TextRun) -> LayoutSize {
    let layout = makeLayout(run, in: context)
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    var logical = PangoRectangle()
    pango_layout_get_extents(layout, nil, &logical)
    return LayoutSize(
      Double(logical.width) / Double(PANGO_SCALE), Double(logical.height) / Double(PANGO_SCALE))
  }

  /// Draws `run` on `cairo` with its origin as the top-left of the text box.
  func draw(_ run: TextRun, on cairo: OpaquePointer) {
    guard let drawContext = pango_font_map_create_context(fonts.fontMap) else { return }
    defer { g_object_unref(UnsafeMutableRawPointer(drawContext)) }
    TextEngine.configure(drawContext, language: language)

    cairo_save(cairo)
    cairo_translate(cairo, run.origin.x, run.origin.y)
    if run.rotationDegrees != 0 { cairo_rotate(cairo, -run.rotationDegrees * .pi / 180) }
    pango_cairo_update_context(cairo, drawContext)
    let layout = makeLayout(run, in: drawContext)
    let color = run.style.color
    cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
    cairo_move_to(cairo, 0, 0)
    pango_cairo_show_layout(cairo, layout)
    g_object_unref(UnsafeMutableRawPointer(layout))
    cairo_restore(cairo)
    // pango leaves a current point behind; the next shape must start a fresh path.
    cairo_new_path(cairo)
  }

  private func makeLayout(_ run: TextRun, in context: OpaquePointer) -> OpaquePointer {
    // pango_layout_new never returns NULL for a valid context (it aborts on allocation failure).
    let layout = pango_layout_new(context)!
    let description = pango_font_description_from_string(FontSet.familyList)
    pango_font_description_set_absolute_size(
      description, run.style.sizePT * Double(PANGO_SCALE))
    pango_font_description_set_weight(
      description, run.style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
    pango_layout_set_font_description(layout, description)
    pango_font_description_free(description)

    if let width = run.width {
      pango_layout_set_width(layout, Int32((width * Double(PANGO_SCALE)).rounded()))
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
    }
    if run.singleLine {
      pango_layout_set_single_paragraph_mode(layout, 1)
      pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
    }
    pango_layout_set_alignment(layout, TextEngine.pangoAlignment(run.style.alignment))
    pango_layout_set_text(layout, run.text, -1)
    return layout
  }

  private static func pangoAlignment(_ alignment: TextStyle.Alignment) -> PangoAlignment {
    switch alignment {
    case .left: PANGO_ALIGN_LEFT
    case .center: PANGO_ALIGN_CENTER
    case .right: PANGO_ALIGN_RIGHT
    }
  }
}
