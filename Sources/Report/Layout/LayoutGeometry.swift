/// A point on a page or figure, in PDF points (1/72 inch), origin top-left, y downwards.
public struct LayoutPoint: Sendable, Equatable {
  public var x: Double
  public var y: Double

  public init(_ x: Double, _ y: Double) {
    self.x = x
    self.y = y
  }

  /// This point moved by `dx`, `dy` points.
  public func offset(_ dx: Double, _ dy: Double) -> LayoutPoint { LayoutPoint(x + dx, y + dy) }
}

/// A width and height in PDF points.
public struct LayoutSize: Sendable, Equatable {
  public var width: Double
  public var height: Double

  public init(_ width: Double, _ height: Double) {
    self.width = width
    self.height = height
  }
}

/// An axis-aligned rectangle in PDF points; `x`, `y` is its top-left corner.
public struct LayoutRect: Sendable, Equatable {
  public var x: Double
  public var y: Double
  public var width: Double
  public var height: Double

  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  public var maxX: Double { x + width }
  public var maxY: Double { y + height }

  /// This rectangle moved by `dx`, `dy` points.
  public func offset(_ dx: Double, _ dy: Double) -> LayoutRect {
    LayoutRect(x: x + dx, y: y + dy, width: width, height: height)
  }
}

/// Converts between millimetres and PDF points.
public enum PointUnits {
  public static let pointsPerInch = 72.0
  public static let millimetresPerInch = 25.4

  /// `mm` millimetres in PDF points.
  public static func points(mm: Double) -> Double { mm / millimetresPerInch * pointsPerInch }
}
