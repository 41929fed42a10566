import CCairo
import Foundation

/// Draws data markers; each kind is a distinct shape so series differ without colour.
enum MarkerDrawing {
  static func draw(_ marker: MarkerShape, on cairo: OpaquePointer) {
    let r = marker.sizePT / 2
    let c = marker.center
    cairo_new_path(cairo)
    switch marker.kind {
    case .circle:
      cairo_arc(cairo, c.x, c.y, r, 0, 2 * .pi)
    case .square:
      cairo_rectangle(cairo, c.x - r * 0.85, c.y - r * 0.85, r * 1.7, r * 1.7)
    case .triangle:
      polygon([(0, -r * 1.1), (r, r * 0.75), (-r, r * 0.75)], at: c, on: cairo)
    case .invertedTriangle:
      polygon([(0, r * 1.1), (r, -r * 0.75), (-r, -r * 0.75)], at: c, on: cairo)
    case .diamond:
      polygon([(0, -r * 1.2), (r, 0), (0, r * 1.2), (-r, 0)], at: c, on: cairo)
    case .cross:
      cairo_move_to(cairo, c.x - r, c.y - r)
      cairo_line_to(cairo, c.x + r, c.y + r)
      cairo_move_to(cairo, c.x - r, c.y + r)
      cairo_line_to(cairo, c.x + r, c.y - r)
    }
    let fill = marker.kind == .cross ? nil : marker.fill
    var stroke = marker.stroke
    stroke.dashPT = []
    CairoRenderer.fillAndStroke(fill, stroke, on: cairo)
  }

  private static func polygon(
    _ offsets: [(Double, Double)], at c: LayoutPoint, on cairo: OpaquePointer
  ) {
    for (index, (dx, dy)) in offsets.enumerated() {
      if index == 0 {
        cairo_move_to(cairo, c.x + dx, c.y + dy)
      } else {
        cairo_line_to(cairo, c.x + dx, c.y + dy)
      }
    }
    cairo_close_path(cairo)
  }
}
