import Analysis

/// The report's numbers as DICOM decimal strings (DS), checked and rounded once, so the
/// encoded values and the content digest that names the object agree.
struct DicomReportValues {
  struct Lung {
    var trackingID: String
    var laterality: DicomCode
    var segment: UInt16
    var volumeML: String
  }

  struct Lesion {
    var trackingID: String
    var finding: DicomCode
    var laterality: DicomCode
    var segment: UInt16
    var volumeML: String
    var longestMM: String
    var perpendicularMM: String
    var meanHU: String
  }

  static let wholeLungsTrackingID = "Both lungs"
  static let volumeDecimals = 2
  static let lengthDecimals = 1
  static let huDecimals = 1
  static let percentDecimals = 2

  var lungs: [Lung]
  var lesions: [Lesion]
  var lungVolumeML: String
  var poPercent: String

  /// Formats `input`'s values. - Throws: `DicomOutputsError.invalidInput` naming `path` and
  /// the value when one is not finite.
  init(input: MeasurementReportInput, path: String) throws {
    func decimal(_ value: Double, _ decimals: Int, _ name: String) throws -> String {
      guard let text = DicomDecimal.format(value, decimals: decimals) else {
        throw DicomOutputsError.invalidInput(
          path: path, object: DicomObjectKind.measurementReport.noun,
          problem: "\(name) is not a finite number that fits a DICOM decimal")
      }
      return text
    }

    lungs = [
      Lung(
        trackingID: "Right lung", laterality: .right, segment: 1,
        volumeML: try decimal(input.rightLungVolumeML, Self.volumeDecimals, "right lung volume")),
      Lung(
        trackingID: "Left lung", laterality: .left, segment: 2,
        volumeML: try decimal(input.leftLungVolumeML, Self.volumeDecimals, "left lung volume")),
    ]
    lesions = try input.lesions.map { lesion in
      let name = lesion.trackingID
      return Lesion(
        trackingID: name,
        finding: lesion.component == .groundGlass ? .groundGlassOpacity : .consolidation,
        laterality: lesion.side == .right ? .right : .left,
        segment: lesion.segmentNumber ?? (lesion.component == .groundGlass ? 3 : 4),
        volumeML: try decimal(lesion.volumeML, Self.volumeDecimals, "\(name) volume"),
        longestMM: try decimal(lesion.longestDiameterMM, Self.lengthDecimals, "\(name) diameter"),
        perpendicularMM: try decimal(
          lesion.perpendicularDiameterMM, Self.lengthDecimals, "\(name) perpendicular diameter"),
        meanHU: try decimal(lesion.meanHU, Self.huDecimals, "\(name) mean HU"))
    }
    lungVolumeML = try decimal(
      input.rightLungVolumeML + input.leftLungVolumeML, Self.volumeDecimals, "lung volume")
    poPercent = try decimal(input.poPercent, Self.percentDecimals, "percentage of opacity")
  }

  /// Every value in a fixed order, for the content digest.
  var canonical: [String] {
    lungs.map { "\($0.trackingID)|\($0.volumeML)" }
      + lesions.map {
        [
          $0.trackingID, $0.finding.value, $0.laterality.value, String($0.segment), $0.volumeML,
          $0.longestMM,
          $0.perpendicularMM, $0.meanHU,
        ].joined(separator: "|")
      } + [lungVolumeML, poPercent]
  }
}

/// Fixed-point decimal text without Foundation formatting, so no locale can change a digit.
enum DicomDecimal {
  /// DICOM DS holds at most 16 characters.
  static let maximumLength = 16

  /// `value` rounded half away from zero to `decimals` places, e.g. "-12.30"; nil when not
  /// finite or too long for DS.
  static func format(_ value: Double, decimals: Int) -> String? {
    guard value.isFinite else { return nil }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 1e15 else { return nil }
    let units = Int(scaled)
    let divisor = Int(scale)
    var text = String(units / divisor)
    if decimals > 0 {
      let fraction = String(units % divisor)
      text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    if value < 0 && units != 0 { text = "-" + text }
    return text.count <= maximumLength ? text : nil
  }
}
