import Foundation
import Imaging

extension DicomOutputs {
  static let pdfMIMEType = "application/pdf"
  static let pdfMagic = Array("%PDF-".utf8)
  /// SC Equipment module: the document was made on a workstation.
  static let workstationConversion = "WSD"

  /// Writes `pdf` as an Encapsulated PDF Storage object (PS3.3 A.45.1) at `url`.
  ///
  /// Patient and study attributes come from `source`, with a new series; Document Title is
  /// `title`; Source Instance Sequence lists the source images. DICOM pads an odd-length
  /// document with one zero byte; Encapsulated Document Length records the true length so
  /// `dcm2pdf` returns the PDF byte for byte.
  /// - Parameters:
  ///   - pdf: the PDF file bytes (must start with `%PDF-`).
  ///   - source: metadata of the CT study the report belongs to (the last study).
  ///   - title: the document title, such as "Chest CT course report".
  ///   - url: the file to write; its folder must exist.
  ///   - deidentifier: when given, applied to `source` and the object marked de-identified.
  /// - Returns: the UIDs of the object written.
  /// - Throws: `DicomOutputsError.invalidInput` when `pdf` is not a PDF, `.encodingFailed`
  ///   when DCMTK refuses the object, `.fileSystem` when the file cannot be put in place.
  @discardableResult
  public static func writeEncapsulatedPDF(
    pdf: Data, source: StudyMetadata, title: String, to url: URL,
    deidentifier: Deidentifier? = nil
  ) throws -> DicomObjectIdentity {
    let kind = DicomObjectKind.encapsulatedPDF
    guard pdf.starts(with: pdfMagic) else {
      throw DicomOutputsError.invalidInput(
        path: url.path, object: kind.noun, problem: "the document does not start with %PDF-")
    }

    let metadata = prepared(source, deidentifier)
    let identity = DicomObjectIdentity(
      kind: kind, source: metadata, contentDigest: DicomSHA256.hex(Array(pdf)) + title)
    try DicomFileWriter.write(to: url, kind: kind) { path in
      let attributes = try DicomCommonAttributes.make(
        source: metadata, kind: kind, identity: identity, deidentified: deidentifier != nil)
      try setDocument(
        pdf: pdf, title: title, burnedIn: deidentifier == nil, on: attributes)
      try setSourceInstances(metadata, on: attributes)
      try attributes.write(to: path)
    }
    return identity
  }

  /// Source Instance Sequence: the report derives from the images of the source series.
  private static func setSourceInstances(
    _ source: StudyMetadata, on attributes: DicomAttributes
  ) throws {
    for (index, uid) in source.sopInstanceUIDs.enumerated() {
      let item = [(DicomTag.sourceInstanceSequence, index)]
      try attributes.set(.referencedSOPClassUID, source.sopClassUID ?? ctImageStorage, at: item)
      try attributes.set(.referencedSOPInstanceUID, uid, at: item)
    }
  }

  /// The Encapsulated Document and SC Equipment module attributes.
  private static func setDocument(
    pdf: Data, title: String, burnedIn: Bool, on attributes: DicomAttributes
  ) throws {
    try attributes.set(.conversionType, workstationConversion)
    try attributes.set(.acquisitionDateTime, "")
    // The report shows the patient's name unless it was de-identified.
    try attributes.set(.burnedInAnnotation, burnedIn ? "YES" : "NO")
    try attributes.set(.documentTitle, title)
    try attributes.setEmptySequence(.conceptNameCodeSequence)
    try attributes.set(.mimeTypeOfEncapsulatedDocument, pdfMIMEType)
    try attributes.set(.encapsulatedDocumentLength, String(pdf.count))
    try attributes.set(.encapsulatedDocument, bytes: pdf)
  }
}
