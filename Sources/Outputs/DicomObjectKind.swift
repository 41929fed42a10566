/// The three objects ctcase writes, with what distinguishes their series.
enum DicomObjectKind: String, Sendable {
  case encapsulatedPDF = "pdf"
  case segmentation = "seg"
  case measurementReport = "sr"

  var sopClassUID: String {
    switch self {
    case .encapsulatedPDF: return "1.2.840.10008.5.1.4.1.1.104.1"
    case .segmentation: return "1.2.840.10008.5.1.4.1.1.66.4"
    case .measurementReport: return "1.2.840.10008.5.1.4.1.1.88.22"
    }
  }

  var modality: String {
    switch self {
    case .encapsulatedPDF: return "DOC"
    case .segmentation: return "SEG"
    case .measurementReport: return "SR"
    }
  }

  /// Series numbers high enough not to collide with a scanner's own series.
  var seriesNumber: String {
    switch self {
    case .encapsulatedPDF: return "9001"
    case .segmentation: return "9002"
    case .measurementReport: return "9003"
    }
  }

  var seriesDescription: String {
    switch self {
    case .encapsulatedPDF: return "ctcase report"
    case .segmentation: return "ctcase lungs and lesions"
    case .measurementReport: return "ctcase measurements"
    }
  }

  /// What the object is called in error messages.
  var noun: String {
    switch self {
    case .encapsulatedPDF: return "Encapsulated PDF"
    case .segmentation: return "Segmentation"
    case .measurementReport: return "Measurement Report"
    }
  }
}
