import CDicom
import Foundation

/// An owned DCMTK data set of plain attributes (`CDicomObjects_Attributes*`).
///
/// Used to write the Encapsulated PDF and to carry the patient, study, series and SOP Common
/// attributes that replace DCMTK's generated ones in the SEG and SR. Not `Sendable`: one owner.
final class DicomAttributes {
  let handle: OpaquePointer

  init() {
    // CDicomObjects_AttributesCreate only fails when `new` fails, which aborts first.
    handle = CDicomObjects_AttributesCreate()!
  }

  deinit { CDicomObjects_AttributesFree(handle) }

  /// Sets a string attribute (VR from DCMTK's dictionary); multiple values separated by `\`.
  func set(_ tag: DicomTag, _ value: String) throws {
    try DicomShim.check { error, size in
      CDicomObjects_AttributesPutString(handle, tag.group, tag.element, value, error, size)
    }
  }

  /// Sets an OB attribute.
  func set(_ tag: DicomTag, bytes: Data) throws {
    try DicomShim.check { error, size in
      bytes.withUnsafeBytes { raw in
        CDicomObjects_AttributesPutBytes(
          handle, tag.group, tag.element, raw.bindMemory(to: UInt8.self).baseAddress,
          raw.count, error, size)
      }
    }
  }

  /// Creates an empty sequence.
  func setEmptySequence(_ tag: DicomTag) throws {
    try DicomShim.check { error, size in
      CDicomObjects_AttributesPutItemString(
        handle, tag.group, tag.element, -1, 0, 0, "", error, size)
    }
  }

  /// Sets a string attribute inside item `item` of `sequence`, creating what is missing.
  func set(_ tag: DicomTag, _ value: String, inItem item: Int, of sequence: DicomTag) throws {
    try DicomShim.check { error, size in
      CDicomObjects_AttributesPutItemString(
        handle, sequence.group, sequence.element, item, tag.group, tag.element, value, error,
        size)
    }
  }

  /// Sets a coded concept (code value, scheme, meaning) as item `item` of `sequence`.
  func set(_ code: DicomCode, inItem item: Int, of sequence: DicomTag) throws {
    try set(.codeValue, code.value, inItem: item, of: sequence)
    try set(.codingSchemeDesignator, code.scheme, inItem: item, of: sequence)
    try set(.codeMeaning, code.meaning, inItem: item, of: sequence)
  }

  /// Writes a Part 10 file (Explicit VR Little Endian) at `path`, not atomically.
  func write(to path: String) throws {
    try DicomShim.check { error, size in
      CDicomObjects_AttributesWriteFile(handle, path, error, size)
    }
  }
}

extension DicomAttributes {
  /// Sets `value` at a nested position: each step is a sequence tag and an item index, then
  /// the attribute tag (DCMTK path syntax; `value` must not contain "=").
  func set(_ tag: DicomTag, _ value: String, at steps: [(DicomTag, Int)]) throws {
    let path = (steps.map { "\(Self.pathTag($0.0))[\($0.1)]" } + [Self.pathTag(tag)])
      .joined(separator: ".")
    try DicomShim.check { error, size in
      CDicomObjects_AttributesPutPath(handle, path, value, error, size)
    }
  }

  /// Adds the Referenced Series Sequence of the Common Instance Reference module: one series
  /// with its instances, in the given order.
  func setReferencedSeries(
    seriesInstanceUID: String, sopClassUID: String, instanceUIDs: [String]
  ) throws {
    let series = [(DicomTag.referencedSeriesSequence, 0)]
    try set(.seriesInstanceUID, seriesInstanceUID, at: series)
    for (index, uid) in instanceUIDs.enumerated() {
      let instance = series + [(DicomTag.referencedInstanceSequence, index)]
      try set(.referencedSOPClassUID, sopClassUID, at: instance)
      try set(.referencedSOPInstanceUID, uid, at: instance)
    }
  }

  private static func pathTag(_ tag: DicomTag) -> String {
    func hex(_ value: UInt16) -> String {
      let text = String(value, radix: 16, uppercase: true)
      return String(repeating: "0", count: 4 - text.count) + text
    }
    return "(\(hex(tag.group)),\(hex(tag.element)))"
  }
}
