extension LayoutElement {
  /// This element moved by `dx`, `dy` points (used to place a figure on a page).
  public func offset(_ dx: Double, _ dy: Double) -> LayoutElement {
    switch self {
    case .text(var run):
      run.origin = run.origin.offset(dx, dy)
      return .text(run)
    case .path(var shape):
      shape.points = shape.points.map { $0.offset(dx, dy) }
      return .path(shape)
    case .rect(let rect, let fill, let stroke):
      return .rect(rect.offset(dx, dy), fill: fill, stroke: stroke)
    case .marker(var marker):
      marker.center = marker.center.offset(dx, dy)
      return .marker(marker)
    case .image(var image):
      image.rect = image.rect.offset(dx, dy)
      return .image(image)
    case .link(let rect, let page):
      return .link(rect.offset(dx, dy), page: page)
    case .clipped(let rect, let inner):
      return .clipped(rect.offset(dx, dy), inner.map { $0.offset(dx, dy) })
    }
  }
}
