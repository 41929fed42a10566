/// The lung window thumbnails are shown in (level -600 HU, width 1500 HU), the common
/// radiology setting for lung parenchyma and ground-glass opacity.
public enum LungWindow {
  public static let levelHU = -600.0
  public static let widthHU = 1500.0

  /// The 8-bit gray value of `hu`: linear inside the window, clipped outside.
  @inline(__always)
  public static func gray(_ hu: Int16) -> UInt8 {
    let low = levelHU - widthHU / 2
    let scaled = (Double(hu) - low) / widthHU * 255
    return UInt8(max(0, min(255, scaled.rounded())))
  }
}
