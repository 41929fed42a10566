import Analysis

extension ReportTemplate {
  /// The display name of an event kind.
  public func eventKindName(_ kind: TimelineEvent.Kind) -> String {
    switch kind {
    case .contact: text(.eventContact)
    case .exposure: text(.eventExposure)
    case .symptomOnset: text(.eventSymptomOnset)
    case .nucleicAcidTest: text(.eventNucleicAcidTest)
    case .antibodyTest: text(.eventAntibodyTest)
    case .test: text(.eventTest)
    case .isolation: text(.eventIsolation)
    case .admission: text(.eventAdmission)
    case .discharge: text(.eventDischarge)
    case .treatment: text(.eventTreatment)
    case .other: text(.eventOther)
    }
  }

  /// A test result in the template's language; free text is shown as given.
  public func resultName(_ result: String) -> String {
    switch result.lowercased() {
    case "positive": text(.resultPositive)
    case "negative": text(.resultNegative)
    case "pending": text(.resultPending)
    default: result
    }
  }

  /// "Male"/"Female"/"Other", or the raw value when it is none of M, F, O.
  public func sexName(_ sex: String) -> String {
    switch sex.uppercased() {
    case "M": text(.sexMale)
    case "F": text(.sexFemale)
    case "O": text(.sexOther)
    default: sex
    }
  }

  /// A DICOM age string ("045Y") as "45 years"; other units are shown as given.
  public func ageText(_ age: String) -> String {
    guard age.hasSuffix("Y"), let years = Int(age.dropLast()) else { return age }
    return text(.ageYears, ["n": "\(years)"])
  }

  public func sideName(_ side: LungSide) -> String {
    side == .right ? text(.sideRight) : text(.sideLeft)
  }

  public func zoneName(_ zone: LungZone) -> String {
    switch zone {
    case .upper: text(.zoneUpper)
    case .middle: text(.zoneMiddle)
    case .lower: text(.zoneLower)
    }
  }

  public func lesionTypeName(_ type: LesionType) -> String {
    switch type {
    case .nodularGGO: text(.typeNodularGGO)
    case .patchyGGO: text(.typePatchyGGO)
    case .consolidation: text(.typeConsolidation)
    case .mixed: text(.typeMixed)
    }
  }
}
