/// The craniocaudal extent of one lung (LPS z, mm) and the zone (third) of a height in it.
struct LungExtent: Sendable {
  var minZ = Double.infinity
  var maxZ = -Double.infinity

  mutating func include(_ z: Double) {
    if z < minZ { minZ = z }
    if z > maxZ { maxZ = z }
  }

  /// Upper, middle or lower third by height; heights outside the extent go to the nearest end.
  func zone(of z: Double) -> LungZone {
    let height = maxZ - minZ
    guard height > 0 else { return .middle }
    let fromTop = (maxZ - z) / height
    if fromTop < 1.0 / 3 { return .upper }
    return fromTop < 2.0 / 3 ? .middle : .lower
  }

  /// 0 upper, 1 middle, 2 lower.
  func zoneIndex(_ z: Double) -> Int {
    switch zone(of: z) {
    case .upper: return 0
    case .middle: return 1
    case .lower: return 2
    }
  }
}
