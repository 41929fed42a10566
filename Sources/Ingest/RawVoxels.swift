import Imaging

/// Converts a typed voxel buffer from a NIfTI or NRRD file into Int16 Hounsfield units.
enum RawVoxels {
  /// The element types NIfTI and NRRD files use for CT.
  enum Kind: Sendable {
    case int8, uint8, int16, uint16, int32, uint32, float32, float64
  }

  /// `slope * value + intercept`, rounded to nearest and clamped to Int16; NaN becomes
  /// `Volume.noData`. Returns the voxels and how many were clamped.
  static func hounsfield(
    _ raw: UnsafeRawPointer, kind: Kind, count: Int, slope: Double, intercept: Double
  ) -> ([Int16], Int) {
    if slope == 1, let offset = exactOffset(intercept) {
      switch kind {
      case .int16: return shift(raw, Int16.self, count, offset)
      case .uint16: return shift(raw, UInt16.self, count, offset)
      default: break
      }
    }
    switch kind {
    case .int8: return convert(raw, Int8.self, count, slope, intercept)
    case .uint8: return convert(raw, UInt8.self, count, slope, intercept)
    case .int16: return convert(raw, Int16.self, count, slope, intercept)
    case .uint16: return convert(raw, UInt16.self, count, slope, intercept)
    case .int32: return convert(raw, Int32.self, count, slope, intercept)
    case .uint32: return convert(raw, UInt32.self, count, slope, intercept)
    case .float32: return convert(raw, Float.self, count, slope, intercept)
    case .float64: return convert(raw, Double.self, count, slope, intercept)
    }
  }

  /// The intercept as an integer when it is one of moderate size (then integer arithmetic
  /// gives exactly what the Double formula gives), else nil.
  private static func exactOffset(_ intercept: Double) -> Int? {
    let limit = 1e6
    guard intercept.isFinite, abs(intercept) <= limit, intercept == intercept.rounded() else {
      return nil
    }
    return Int(intercept)
  }

  /// The fast path for 16-bit integers with slope 1: `value + offset`, clamped to Int16.
  private static func shift<T: FixedWidthInteger>(
    _ raw: UnsafeRawPointer, _ type: T.Type, _ count: Int, _ offset: Int
  ) -> ([Int16], Int) {
    let source = raw.bindMemory(to: T.self, capacity: count)
    var clamped = 0
    let voxels = [Int16](unsafeUninitializedCapacity: count) { out, initialized in
      if T.self == Int16.self, offset == 0, let base = out.baseAddress {
        UnsafeMutableRawPointer(base).copyMemory(
          from: raw, byteCount: count * MemoryLayout<Int16>.size)
      } else {
        for i in 0..<count {
          let value = Int(source[i]) &+ offset
          if value < Int(Int16.min) || value > Int(Int16.max) { clamped &+= 1 }
          out[i] = Int16(clamping: value)
        }
      }
      initialized = count
    }
    return (voxels, clamped)
  }

  private static func convert<T: Numeric>(
    _ raw: UnsafeRawPointer, _ type: T.Type, _ count: Int, _ slope: Double, _ intercept: Double
  ) -> ([Int16], Int) where T: DoubleConvertible {
    let source = raw.bindMemory(to: T.self, capacity: count)
    var clamped = 0
    let voxels = [Int16](unsafeUninitializedCapacity: count) { out, initialized in
      for i in 0..<count {
        let value = source[i].doubleValue * slope + intercept
        guard !value.isNaN else {
          out[i] = Volume.noData
          continue
        }
        let rounded = value.rounded()
        if rounded < Double(Int16.min) || rounded > Double(Int16.max) { clamped += 1 }
        out[i] = Int16(clamping: Int(max(-1e9, min(1e9, rounded))))
      }
      initialized = count
    }
    return (voxels, clamped)
  }
}

/// A numeric type that converts to Double (for voxel conversion).
protocol DoubleConvertible { var doubleValue: Double { get } }
extension Int8: DoubleConvertible { var doubleValue: Double { Double(self) } }
extension UInt8: DoubleConvertible { var doubleValue: Double { Double(self) } }
extension Int16: DoubleConvertible { var doubleValue: Double { Double(self) } }
extension UInt16: DoubleConvertible { var doubleValue: Double { Double(self) } }
extension Int32: DoubleConvertible { var doubleValue: Double { Double(self) } }
extension UInt32: DoubleConvertible { var doubleValue: Double { Double(self) } }
extension Float: DoubleConvertible { var doubleValue: Double { Double(self) } }
extension Double: DoubleConvertible { var doubleValue: Double { self } }

extension Geometry {
  /// A grid from index-to-LPS step vectors (one per axis, mm) and the LPS origin: spacing is
  /// each vector's length, direction its unit vector.
  static func fromSteps(size: GridSize, steps: [Vector3], origin: Vector3) -> Geometry {
    Geometry(
      size: size, spacing: Vector3(steps[0].length, steps[1].length, steps[2].length),
      origin: origin,
      direction: Matrix3(
        columns: steps[0].normalized, steps[1].normalized, steps[2].normalized))
  }

  /// True when the axes are perpendicular within a small tolerance.
  var hasOrthogonalAxes: Bool {
    let tolerance = 1e-4
    let d = direction
    return abs(d.c0.dot(d.c1)) < tolerance && abs(d.c0.dot(d.c2)) < tolerance
      && abs(d.c1.dot(d.c2)) < tolerance
  }
}
