/// A coded concept as DICOM writes it: code value, coding scheme designator and code meaning.
///
/// The constants are the concepts ctcase's SR and SEG use: SNOMED CT (`SCT`) for anatomy and
/// findings, DICOM (`DCM`) for report structure, UCUM for units.
public struct DicomCode: Sendable, Hashable {
  public var value: String
  public var scheme: String
  public var meaning: String

  public init(_ value: String, _ scheme: String, _ meaning: String) {
    self.value = value
    self.scheme = scheme
    self.meaning = meaning
  }

  // MARK: Segmentation property categories (CID 7150) and types
  static let anatomicalStructure = DicomCode("91723000", "SCT", "Anatomical Structure")
  static let morphologicallyAlteredStructure = DicomCode(
    "49755003", "SCT", "Morphologically Altered Structure")
  static let lung = DicomCode("39607008", "SCT", "Lung")
  static let rightLung = DicomCode("3341006", "SCT", "Right lung")
  static let leftLung = DicomCode("44029006", "SCT", "Left lung")
  static let right = DicomCode("24028007", "SCT", "Right")
  static let left = DicomCode("7771000", "SCT", "Left")
  static let groundGlassOpacity = DicomCode("1217294009", "SCT", "Ground glass opacity")
  static let consolidation = DicomCode("95436008", "SCT", "Lung consolidation")
  static let lesion = DicomCode("52988006", "SCT", "Lesion")

  // MARK: Measurements (CID 7469 is extensible) and derivations (CID 7464)
  static let volume = DicomCode("118565006", "SCT", "Volume")
  static let longAxis = DicomCode("103339001", "SCT", "Long Axis")
  static let shortAxis = DicomCode("103340004", "SCT", "Short Axis")
  static let attenuationCoefficient = DicomCode("112031", "DCM", "Attenuation Coefficient")
  static let mean = DicomCode("373098007", "SCT", "Mean")
  /// Percentage of the lung volume taken by lesions (no standard concept exists; private).
  static let percentOpacity = DicomCode("PO", "99CTCASE", "Percentage of opacity")

  // MARK: Units (UCUM)
  static let millilitre = DicomCode("ml", "UCUM", "milliliter")
  static let millimetre = DicomCode("mm", "UCUM", "millimeter")
  static let hounsfieldUnit = DicomCode("[hnsf'U]", "UCUM", "Hounsfield unit")
  static let percent = DicomCode("%", "UCUM", "percent")

  // MARK: Procedure reported (CID 100 is extensible)
  static let ctChest = DicomCode("24627-2", "LN", "CT Chest")
}
