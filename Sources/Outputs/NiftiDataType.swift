/// Voxel types `NiftiWriter` writes for CT volumes.
public enum NiftiDataType: Sendable {
  /// Signed 16-bit integers: HU exactly as held in `Volume` (NIfTI DT_INT16).
  case int16
  /// 32-bit floats holding the same HU values (NIfTI DT_FLOAT32).
  case float32

  var code: Int16 {
    switch self {
    case .int16: return NiftiHeader.dtInt16
    case .float32: return NiftiHeader.dtFloat32
    }
  }

  var bitsPerVoxel: Int16 {
    switch self {
    case .int16: return 16
    case .float32: return 32
    }
  }
}
