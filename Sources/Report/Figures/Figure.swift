/// A self-contained drawing with its own size, placed on a report page or written alone by
/// `ctcase figures`. Coordinates are points from the figure's top-left corner.
public struct Figure: Sendable, Equatable {
  public var size: LayoutSize
  public var elements: [LayoutElement]

  public init(size: LayoutSize, elements: [LayoutElement]) {
    self.size = size
    self.elements = elements
  }

  /// The elements moved so the figure's top-left corner sits at `origin` on a page.
  public func placed(at origin: LayoutPoint) -> [LayoutElement] {
    elements.map { $0.offset(origin.x, origin.y) }
  }

  /// The figure as a one-page document page of exactly its size.
  public var page: LayoutPage { LayoutPage(size: size, elements: elements) }
}

/// Journal column widths (single and double column, as most journals set them).
public enum JournalWidth {
  public static let singleColumnMM = 85.0
  public static let doubleColumnMM = 174.0
}
