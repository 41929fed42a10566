/// An sRGB colour with components in 0...1.
public struct RGBColor: Sendable, Equatable {
  public var red: Double
  public var green: Double
  public var blue: Double

  public init(red: Double, green: Double, blue: Double) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  public static let black = RGBColor(red: 0, green: 0, blue: 0)
  public static let white = RGBColor(red: 1, green: 1, blue: 1)

  /// Parses `#RRGGBB`; returns nil for anything else.
  public init?(hex: String) {
    let digits = hex.utf8
    guard digits.count == 7, hex.first == "#", let value = UInt32(hex.dropFirst(), radix: 16)
    else { return nil }
    self.init(
      red: Double((value >> 16) & 0xFF) / 255, green: Double((value >> 8) & 0xFF) / 255,
      blue: Double(value & 0xFF) / 255)
  }

  /// This colour mixed with white; `amount` 0 keeps it, 1 gives white.
  public func lightened(_ amount: Double) -> RGBColor {
    RGBColor(
      red: red + (1 - red) * amount, green: green + (1 - green) * amount,
      blue: blue + (1 - blue) * amount)
  }
}
