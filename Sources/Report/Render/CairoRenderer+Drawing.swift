import CCairo
import Foundation

extension CairoRenderer {
  /// Draws elements in order on a Cairo context whose user space is PDF points, y down.
  func draw(_ elements: [LayoutElement], on cairo: OpaquePointer?, text: TextEngine) {
    guard let cairo else { return }
    for element in elements {
      switch element {
      case .text(let run): text.draw(run, on: cairo)
      case .path(let shape): drawPath(shape, on: cairo)
      case .rect(let rect, let fill, let stroke): drawRect(rect, fill, stroke, on: cairo)
      case .marker(let marker): MarkerDrawing.draw(marker, on: cairo)
      case .image(let image): drawImage(image, on: cairo)
      case .link(let rect, let page):
        if ProcessInfo.processInfo.environment["XNO_LINK"] == nil {
          PDFStructure.link(rect, toPage: page, on: cairo)
        }
      case .clipped(let rect, let inner):
        cairo_save(cairo)
        cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cairo)
        draw(inner, on: cairo, text: text)
        cairo_restore(cairo)
      }
    }
  }

  private func drawPath(_ shape: PathShape, on cairo: OpaquePointer) {
    guard let first = shape.points.first else { return }
    cairo_new_path(cairo)
    cairo_move_to(cairo, first.x, first.y)
    for point in shape.points.dropFirst() { cairo_line_to(cairo, point.x, point.y) }
    if shape.closed { cairo_close_path(cairo) }
    fillAndStroke(shape.fill, shape.stroke, on: cairo)
  }

  private func drawRect(
    _ rect: LayoutRect, _ fill: RGBColor?, _ stroke: StrokeStyle?, on cairo: OpaquePointer
  ) {
    cairo_new_path(cairo)
    cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
    fillAndStroke(fill, stroke, on: cairo)
  }

  /// Fills then strokes the current path; clears it afterwards.
  static func fillAndStroke(_ fill: RGBColor?, _ stroke: StrokeStyle?, on cairo: OpaquePointer) {
    if let fill {
      cairo_set_source_rgb(cairo, fill.red, fill.green, fill.blue)
      cairo_fill_preserve(cairo)
    }
    if let stroke {
      cairo_set_source_rgb(cairo, stroke.color.red, stroke.color.green, stroke.color.blue)
      cairo_set_line_width(cairo, stroke.widthPT)
      cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
      cairo_set_line_cap(cairo, CAIRO_LINE_CAP_BUTT)
      stroke.dashPT.withUnsafeBufferPointer { dashes in
        cairo_set_dash(cairo, dashes.baseAddress, Int32(dashes.count), 0)
      }
      cairo_stroke_preserve(cairo)
    }
    cairo_new_path(cairo)
  }

  private func fillAndStroke(_ fill: RGBColor?, _ stroke: StrokeStyle?, on cairo: OpaquePointer) {
    CairoRenderer.fillAndStroke(fill, stroke, on: cairo)
  }

  /// Copies the gray pixels into an RGB24 surface (cairo embeds an all-gray image as
  /// DeviceGray in PDF) and paints it stretched to the element's rectangle, smoothed.
  private func drawImage(_ image: GrayImage, on cairo: OpaquePointer) {
    let surface = cairo_image_surface_create(
      CAIRO_FORMAT_RGB24, Int32(image.widthPixels), Int32(image.heightPixels))
    defer { cairo_surface_destroy(surface) }
    guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
      let data = cairo_image_surface_get_data(surface)
    else { return }
    let stride = Int(cairo_image_surface_get_stride(surface))
    let words = UnsafeMutableRawPointer(data)
    for row in 0..<image.heightPixels {
      let rowWords = (words + row * stride).assumingMemoryBound(to: UInt32.self)
      let base = row * image.widthPixels
      for column in 0..<image.widthPixels {
        let gray = UInt32(image.pixels[base + column])
        rowWords[column] = (gray << 16) | (gray << 8) | gray
      }
    }
    cairo_surface_mark_dirty(surface)

    cairo_save(cairo)
    cairo_translate(cairo, image.rect.x, image.rect.y)
    cairo_scale(
      cairo, image.rect.width / Double(image.widthPixels),
      image.rect.height / Double(image.heightPixels))
    cairo_set_source_surface(cairo, surface, 0, 0)
    cairo_pattern_set_filter(cairo_get_source(cairo), CAIRO_FILTER_GOOD)
    cairo_rectangle(cairo, 0, 0, Double(image.widthPixels), Double(image.heightPixels))
    cairo_fill(cairo)
    cairo_restore(cairo)
  }
}
